import { describe, expect, it } from 'vitest';
import { assess } from '../../server/engine';
import { gapItems, gapLabel, labelOf, requirementsOf, type Mode } from '../../server/engine/kb';
import { phrases } from '../../server/chat/phrases';
import { Profile, type Assessment, type Category } from '../../server/schemas/profile';
import { realKb } from './kb';

const kb = realKb();
const CAPS = kb.capabilities.capabilities.map((c) => c.id);

/** A sound enterprise that has none of the systems of 三: every element lists all it asks for. */
function lacking(scope: 'workshop' | 'factory', mode: Mode, caps: Record<string, boolean> = {}, priorTitles: string[] = []): Assessment {
  return assess(
    kb,
    Profile.parse({
      enterprise: {
        name: '测试有限公司', province: '河南省', city: '郑州市', industryCode: mode === 'process' ? '15' : '34',
        independentLegalPerson: true, groupOrHeadOffice: false, manufacturingMainBusiness: true, operatingWell: true,
        credit: { dishonestExecutee: false, taxViolationBlacklist: false, seriousIllegalDishonest: false }, priorTitles, appliedThisYear: false,
      },
      scope, productionMode: mode,
      capabilities: { ...Object.fromEntries(CAPS.map((c) => [c, false])), ...caps },
      selfAssessment: { automationAdvanced: true, networkingAdvanced: true },
    }),
  );
}

const items = (a: Assessment) => Object.fromEntries(a.conditions.map((c) => [c.clause, gapItems(c)]));
const notes = kb.categoryRules.notes as unknown as Record<string, { text: string } | undefined>;
const spoken = new Set(kb.categoryRules.spokenNotes.map((k) => notes[k]?.text));
/** The chat's verdict, with the notes the knowledge marks as spoken, as the conversation says it. */
const verdictOf = (a: Assessment) =>
  phrases.verdict(a, {
    category: (c) => kb.elements.categories[c].label,
    capability: (id) => labelOf(kb, id as never, a.category.recommended ?? undefined),
    spoken: (n) => spoken.has(n.text),
  });

/**
 * Each element's gaps, audited against the notice: 三(一)4 asks 离散型 for 自动化成套装备、成套控制系统 and 柔性智能制造单元, 流程型
 * for 智能仪表、数据采集和生产控制系统 (DCS or a PLC line's control, one of them) and 基于模型的先进控制和在线优化. 三(二)4 asks for
 * the warehouse's system (WMS) and its 智能仓储与物流设备 (立体库 「等」, which the interview's question asks in those words), both;
 * 三(三)4 gives WMS and 罐区 as one choice.
 */
const AUDIT: Record<string, [scope: 'workshop' | 'factory', mode: Mode, category: Category, gaps: Record<string, unknown[]>]> = {
  'workshop, 离散型': ['workshop', 'discrete', 'smartWorkshop', {
    '三(一)1': ['industrialNetwork', 'securityProtection'], '三(一)2': [], '三(一)3': [],
    '三(一)4': ['automatedLines', 'flexibleCell'],
    '三(一)5': ['scada', 'mes', 'erp', 'scadaMesErpIntegration'], '三(一)6': ['autoId'], '三(一)7': ['onlineInspection', 'qualityTraceability'],
  }],
  'workshop, 流程型': ['workshop', 'process', 'smartWorkshop', {
    '三(一)1': ['industrialNetwork', 'securityProtection'], '三(一)2': [], '三(一)3': [],
    '三(一)4': ['smartInstruments', 'scada', ['dcs', 'automatedLines'], 'apc', 'rto'],
    '三(一)5': ['scada', 'mes', 'erp', 'scadaMesErpIntegration'], '三(一)6': ['autoId'], '三(一)7': ['onlineInspection', 'qualityTraceability'],
  }],
  'discrete factory': ['factory', 'discrete', 'discreteFactory', {
    '三(二)1': ['factoryNetwork', 'securityPolicy', 'securityProtection'], '三(二)2': ['cadCae', 'pdm', 'lims', 'factoryDigitalModel'],
    '三(二)3': ['automatedLines', 'scada', 'mes', 'autoId', 'agvRgv', 'errorProofing', 'andon', 'onlineInspection', 'qualityTraceability'],
    '三(二)4': ['erp', 'scm', 'wms', 'autoWarehouse'], '三(二)5': ['systemIntegration', 'scada', 'mes', 'wms', 'erp'],
    '三(二)6': ['aiApplication', 'predictiveMaintenance'],
  }],
  'process factory': ['factory', 'process', 'processFactory', {
    '三(三)1': ['factoryNetwork', 'securityPolicy', 'securityProtection'], '三(三)2': ['pdm', 'lims', 'factoryDigitalModel'],
    '三(三)3': ['automatedLines', 'dcs', 'apc', 'rto', 'sis', 'scada', 'manufacturingControl', 'emergencyCommand'],
    '三(三)4': ['erp', 'scm', ['wms', 'tankYard'], 'energyManagement'], '三(三)5': ['systemIntegration', 'dcs', 'scada', 'manufacturingControl', 'erp', ['wms', 'tankYard']],
    '三(三)6': ['aiApplication', 'predictiveMaintenance'],
  }],
};

describe('each element lists as gaps only what its own category and branch ask for', () => {
  for (const [name, [scope, mode, category, gaps]] of Object.entries(AUDIT)) {
    it(`${name}: the gaps of every element, alternatives as one item`, () => {
      const a = lacking(scope, mode);
      expect(a.category.recommended).toBe(category);
      expect(items(a)).toEqual(gaps);
      // Nothing listed that the element's requirements under this branch do not name.
      for (const c of a.conditions) {
        const el = kb.elements.categories[category].elements.find((e) => e.clause === c.clause)!;
        const named = new Set(requirementsOf(el, mode).flat().flatMap((r) => r.all ?? r.any ?? []));
        for (const id of c.missing) expect(named.has(id), `${c.clause} ${id}`).toBe(true);
      }
    });
  }

  it('a 流程型 workshop lacking DCS and a PLC line: the chat names them as one choice, as the panel does', () => {
    const a = lacking('workshop', 'process', { industrialNetwork: true, securityProtection: true, smartInstruments: true, scada: true, mes: true, erp: true, scadaMesErpIntegration: true, autoId: true, onlineInspection: true, qualityTraceability: true });
    const c = a.conditions.find((x) => x.clause === '三(一)4')!;
    expect(c.anyOf).toEqual([['dcs', 'automatedLines']]);
    expect(c.advice).toContain('分布式控制系统（DCS）或自动化成套装备及成套控制系统（自动化生产线）（具备其一即可）');
    expect(verdictOf(a)).toContain('生产线智能化运行（分布式控制系统（DCS）或自动化成套装备及成套控制系统（自动化生产线）（具备其一即可）、先进过程控制系统（APC）、实时在线优化系统（RTO））');
    // Not the 离散型 branch's 柔性智能制造单元.
    expect(verdictOf(a)).not.toContain('柔性');
    expect(gapLabel(kb, ['dcs', 'automatedLines'], 'smartWorkshop')).toBe('分布式控制系统（DCS）或自动化成套装备及成套控制系统（自动化生产线）（具备其一即可）');
  });

  it('a 流程型 workshop with DCS (or with a PLC line) lacks no production control system', () => {
    for (const has of ['dcs', 'automatedLines']) {
      const c = lacking('workshop', 'process', { smartInstruments: true, scada: true, [has]: true }).conditions.find((x) => x.clause === '三(一)4')!;
      expect(gapItems(c)).toEqual(['apc', 'rto']);
      expect(c.anyOf).toBeUndefined();
    }
  });
});

describe('三(二)4 经营管理: 「应用仓储管理系统（WMS）、自动化立体仓库等智能仓储与物流设备，实现…自动化出入库、自动装车」', () => {
  const base = { erp: true, scm: true };
  const cond = (caps: Record<string, boolean>) => lacking('factory', 'discrete', { ...base, ...caps }).conditions.find((c) => c.clause === '三(二)4')!;
  it('is met with the WMS and the storage equipment (立体库 or another of its kind) together', () => {
    expect(cond({ wms: true, autoWarehouse: true }).status).toBe('met');
  });
  it('is not met by the system alone or the equipment alone: the automated 出入库 needs both', () => {
    expect(cond({ wms: true }).status).not.toBe('met');
    expect(cond({ wms: true }).missing).toEqual(['autoWarehouse']);
    expect(cond({ autoWarehouse: true }).missing).toEqual(['wms']);
  });
  it('still asks ERP and SCM, which the notice names outright', () => {
    expect(lacking('factory', 'discrete', { wms: true, autoWarehouse: true, erp: true }).conditions.find((c) => c.clause === '三(二)4')!.missing).toEqual(['scm']);
  });
});

describe('四(一): a holder of the 智能车间 title offered the workshop hears it must be another workshop', () => {
  // A discrete factory applicant whose workshop elements are all in place but factory-level ones are not.
  const WORKSHOP = { industrialNetwork: true, securityProtection: true, automatedLines: true, flexibleCell: true, scada: true, mes: true, erp: true, scadaMesErpIntegration: true, autoId: true, agvRgv: true, onlineInspection: true, qualityTraceability: true };
  it('says the 四(一) condition with 「改报智能车间」', () => {
    const a = lacking('factory', 'discrete', WORKSHOP, ['smartWorkshop']);
    expect(a.category.fitsBetter?.category).toBe('smartWorkshop');
    const text = verdictOf(a);
    expect(text).toContain('改报智能车间');
    expect(text).toContain('以其他生产性车间申报');
    expect(text).toContain('四(一)');
  });
  it('is not said to an enterprise with no title, nor to one whose better fit is not the workshop', () => {
    expect(verdictOf(lacking('factory', 'discrete', WORKSHOP))).not.toContain('以其他生产性车间申报');
    const all = Object.fromEntries(CAPS.map((c) => [c, true]));
    expect(verdictOf(lacking('factory', 'discrete', all, ['smartWorkshop']))).not.toContain('以其他生产性车间申报');
  });
});
