import { describe, expect, it } from 'vitest';
import { assess } from '../../server/engine';
import type { KnowledgeData } from '../../server/knowledge/load';
import { Profile, type Assessment, type ProfileInput } from '../../server/schemas/profile';
import { realKb } from './kb';

const kb = realKb();

const ALL_DISCRETE_FACTORY = {
  factoryNetwork: true, securityPolicy: true, securityProtection: true,
  cadCae: true, pdm: true, lims: true, factoryDigitalModel: true,
  automatedLines: true, scada: true, mes: true, autoId: true, agvRgv: true, errorProofing: true, andon: true,
  onlineInspection: true, qualityTraceability: true,
  erp: true, scm: true, wms: true, autoWarehouse: true, systemIntegration: true, aiApplication: true, predictiveMaintenance: true,
} as const;
const ALL_WORKSHOP_DISCRETE = {
  industrialNetwork: true, securityProtection: true, automatedLines: true, flexibleCell: true,
  scada: true, mes: true, erp: true, scadaMesErpIntegration: true, autoId: true, agvRgv: true,
  onlineInspection: true, qualityTraceability: true,
} as const;
const ALL_PROCESS_FACTORY = {
  factoryNetwork: true, securityPolicy: true, securityProtection: true, pdm: true, lims: true, factoryDigitalModel: true,
  automatedLines: true, dcs: true, apc: true, rto: true, sis: true, scada: true, manufacturingControl: true, emergencyCommand: true,
  erp: true, scm: true, wms: true, tankYard: true, energyManagement: true, systemIntegration: true, aiApplication: true,
  predictiveMaintenance: true,
} as const;

type Over = Partial<Omit<ProfileInput, 'enterprise'>> & { enterprise?: Partial<ProfileInput['enterprise']> };

/** A sound discrete manufacturer in Zhengzhou; each test changes only what its clause is about. */
function profile(over: Over = {}): Profile {
  const { enterprise, ...rest } = over;
  return Profile.parse({
    enterprise: {
      name: '测试机械有限公司', province: '河南省', city: '郑州市', industryCode: '34',
      independentLegalPerson: true, groupOrHeadOffice: false, manufacturingMainBusiness: true, operatingWell: true,
      credit: { dishonestExecutee: false, taxViolationBlacklist: false, seriousIllegalDishonest: false },
      priorTitles: [], appliedThisYear: false,
      ...enterprise,
    },
    scope: 'workshop',
    capabilities: { ...ALL_WORKSHOP_DISCRETE },
    selfAssessment: { automationAdvanced: true, networkingAdvanced: true },
    ...rest,
  });
}

const run = (over: Over = {}, k: KnowledgeData = kb): Assessment => assess(k, profile(over));
const blockingClauses = (a: Assessment) => a.blocking.map((b) => b.clause);
const cond = (a: Assessment, clause: string) => a.conditions.find((c) => c.clause === clause)!;

describe('the baseline profile', () => {
  it('is qualified as a smart workshop, so every other test isolates one rule', () => {
    const a = run();
    expect(a.verdict).toBe('qualified');
    expect(a.eligible).toBe(true);
    expect(a.category.recommended).toBe('smartWorkshop');
    expect(a.conditions.map((c) => c.clause)).toEqual(['三(一)1', '三(一)2', '三(一)3', '三(一)4', '三(一)5', '三(一)6', '三(一)7']);
  });
});

describe('二(一): registered in Henan, independent legal person, single manufacturer, operating well', () => {
  it('blocks an enterprise registered outside Henan', () => {
    const a = run({ enterprise: { province: '湖北省' } });
    expect(a.eligible).toBe(false);
    expect(a.verdict).toBe('ineligible');
    expect(blockingClauses(a)).toEqual(['二(一)']);
    expect(a.blocking[0].reason).toContain('河南省境内注册');
  });

  it('blocks a branch office that is not an independent legal person', () => {
    expect(blockingClauses(run({ enterprise: { independentLegalPerson: false } }))).toEqual(['二(一)']);
  });

  it('blocks an application made in the name of a group or head office', () => {
    const a = run({ enterprise: { groupOrHeadOffice: true } });
    expect(blockingClauses(a)).toEqual(['二(一)']);
    expect(a.blocking[0].reason).toContain('不支持以集团、总公司名义申报');
  });

  it('blocks an enterprise whose main business is not manufacturing', () => {
    expect(blockingClauses(run({ enterprise: { manufacturingMainBusiness: false } }))).toEqual(['二(一)']);
  });

  it('treats a GB/T 4754 division outside 13–43 as not a manufacturer', () => {
    for (const code of ['51', '44', '12', '06']) {
      const a = run({ enterprise: { industryCode: code } });
      expect(blockingClauses(a), code).toEqual(['二(一)']);
      expect(a.blocking[0].reason, code).toContain(code);
    }
  });

  it('accepts the boundary divisions 13 and 43 and the C-prefixed forms', () => {
    for (const code of ['13', '43', 'C36', 'C3670', 'c29']) expect(run({ enterprise: { industryCode: code } }).eligible, code).toBe(true);
  });

  it('blocks an enterprise whose operations or finances are not sound', () => {
    expect(blockingClauses(run({ enterprise: { operatingWell: false } }))).toEqual(['二(一)']);
  });

  it('reports every failing hard condition, not only the first', () => {
    const a = run({ enterprise: { province: '湖北省', independentLegalPerson: false } });
    expect(a.blocking).toHaveLength(2);
  });
});

describe('二(四): the three credit lists', () => {
  for (const list of ['dishonestExecutee', 'taxViolationBlacklist', 'seriousIllegalDishonest'] as const) {
    it(`vetoes an enterprise on the ${list} list whatever its technical level`, () => {
      const credit = { dishonestExecutee: false, taxViolationBlacklist: false, seriousIllegalDishonest: false, [list]: true };
      const a = run({ enterprise: { credit } });
      expect(a.verdict).toBe('ineligible');
      expect(blockingClauses(a)).toEqual(['二(四)']);
      expect(a.blocking[0].reason).toContain('截至申报日');
    });
  }
});

describe('四(一): prior titles and one application per year', () => {
  it('blocks an enterprise that already holds the 智能工厂 title, for a workshop as well as a factory', () => {
    for (const scope of ['workshop', 'factory'] as const) {
      const a = run({ scope, enterprise: { priorTitles: ['smartFactory'] } });
      expect(blockingClauses(a)).toEqual(['四(一)']);
    }
  });

  it('keeps a 智能车间 holder eligible and notes that it must use another workshop or apply for the factory', () => {
    const a = run({ enterprise: { priorTitles: ['smartWorkshop'] } });
    expect(a.eligible).toBe(true);
    const note = a.notes.find((n) => n.clause === '四(一)');
    expect(note?.text).toContain('其他生产性车间');
  });

  it('blocks a second application in the same year', () => {
    const a = run({ enterprise: { appliedThisYear: true } });
    expect(blockingClauses(a)).toEqual(['四(一)']);
    expect(a.blocking[0].reason).toContain('限报1个');
  });
});

describe('二(二), 二(三) and 四(三): notes', () => {
  it('reminds a qualified enterprise that reviewers still judge 典型示范意义', () => {
    const a = run();
    expect(a.notes.find((n) => n.clause === '二(二)' && n.text.includes('典型示范意义'))).toBeDefined();
  });

  it('does not claim 典型示范意义 is the only step left when there are gaps', () => {
    const a = run({ capabilities: { ...ALL_WORKSHOP_DISCRETE, mes: false } });
    expect(a.notes.some((n) => n.text.includes('典型示范意义'))).toBe(false);
  });

  it('notes the green-development priority of 二(三) only for an energy-saving enterprise', () => {
    expect(run({ enterprise: { greenPriority: true } }).notes.map((n) => n.clause)).toContain('二(三)');
    expect(run({ enterprise: { greenPriority: false } }).notes.map((n) => n.clause)).not.toContain('二(三)');
  });

  it('tells a county-level applicant about the county quota of 四(三)', () => {
    const a = run({ enterprise: { county: '长垣市', city: '新乡市' } });
    const note = a.notes.find((n) => n.clause === '四(三)');
    expect(note?.text).toContain('长垣市');
    expect(note?.text).toContain('5家');
  });

  it('recognises a county-level city given as the city from the regions data', () => {
    expect(run({ enterprise: { city: '巩义市' } }).notes.map((n) => n.clause)).toContain('四(三)');
    const city = run({ enterprise: { city: '郑州市' } }).notes.filter((n) => n.clause === '四(三)');
    expect(city.map((n) => n.text).join('')).not.toContain('县（市）');
  });

  it('counts a city district (区) named in the county field under its 省辖市, not the 县（市） quota', () => {
    // 偃师 is a district of 洛阳市 since 2021: 四(三)'s 县（市） are 县 and 县级市 only.
    const a = run({ enterprise: { city: '洛阳市', county: '偃师区' } });
    const notes = a.notes.filter((n) => n.clause === '四(三)').map((n) => n.text).join('');
    expect(notes).toContain('洛阳市');
    expect(notes).toContain('不多于15家');
    expect(notes).not.toContain('县（市）');
    // A county the regions data does not list is still read by its name.
    expect(run({ enterprise: { city: '洛阳市', county: '某某县' } }).notes.find((n) => n.clause === '四(三)')?.text).toContain('不多于5家');
  });

  it('names the 省辖市 that recommends an applicant, with its quota of 四(三)', () => {
    const zz = run({ enterprise: { city: '郑州市' } }).notes.find((n) => n.clause === '四(三)');
    expect(zz?.text).toContain('郑州市');
    expect(zz?.text).toContain('不多于20家');
    const ly = run({ enterprise: { city: '洛阳市' } }).notes.find((n) => n.clause === '四(三)');
    expect(ly?.text).toContain('不多于15家');
    const gk = run({ enterprise: { city: '航空港区' } }).notes.find((n) => n.clause === '四(三)');
    expect(gk?.text).toContain('不多于10家');
  });
});

describe('三(一)4 for a 流程型 workshop', () => {
  const processWorkshop = { industrialNetwork: true, securityProtection: true, smartInstruments: true, scada: true, apc: true, rto: true } as const;

  it('accepts a production control system other than DCS: the workshop clause names none', () => {
    // 「流程型行业应用智能仪表、数据采集和生产控制系统」: unlike 三(三)3, it does not name 分布式控制系统（DCS）.
    const a = run({ scope: 'workshop', productionMode: 'process', enterprise: { industryCode: '13' }, capabilities: { ...processWorkshop, dcs: false, automatedLines: true } });
    expect(a.conditions.find((c) => c.clause === '三(一)4')!.status).toBe('met');
  });

  it('still asks for a production control system when there is none', () => {
    const a = run({ scope: 'workshop', productionMode: 'process', enterprise: { industryCode: '13' }, capabilities: { ...processWorkshop, dcs: false, automatedLines: false } });
    const c = a.conditions.find((x) => x.clause === '三(一)4')!;
    expect(c.status).toBe('unmet');
    expect(c.advice).toContain(kb.categoryRules.texts.anySeparator);
  });
});

describe('三(一)4 while the production mode is undetermined', () => {
  it('gives the advice of both branches when neither is met, not one picked at random', () => {
    // Division 16 (烟草) has no prior and nothing points either way: the enterprise may be 离散 or 流程.
    const a = run({ scope: 'workshop', enterprise: { industryCode: '16' }, capabilities: { automatedLines: false, smartInstruments: false } });
    expect(a.category.reasons[0]!.text).toContain('尚不能判断');
    const advice = a.conditions.find((c) => c.clause === '三(一)4')!.advice;
    expect(advice).toContain('离散型行业应用自动化成套装备');
    expect(advice).toContain('流程型行业应用智能仪表');
    for (const mode of Object.values(kb.categoryRules.modes)) expect(advice).toContain(mode);
  });
});

describe('category: discrete or process', () => {
  it('gives as evidence only the systems that point to the mode it chose, and a partial one as partial', () => {
    // A 中药 plant with DCS and MES reads 流程型: MES points to 离散型, so it is no evidence for 流程型.
    const a = run({ scope: 'factory', enterprise: { industryCode: '27' }, capabilities: { dcs: true, mes: true, apc: 'partial' } });
    expect(a.category.recommended).toBe('processFactory');
    const reason = a.category.reasons[0]!.text;
    expect(reason).toContain('分布式控制系统（DCS）');
    expect(reason).not.toContain('制造执行系统');
    expect(reason).toMatch(/已具备的系统（分布式控制系统（DCS））及部分具备的系统（先进过程控制系统（APC））/);
  });

  it('follows productionMode when given, over the industry prior', () => {
    const a = run({ scope: 'factory', productionMode: 'process', enterprise: { industryCode: '36' } });
    expect(a.category.recommended).toBe('processFactory');
    expect(a.category.reasons[0].clause).toBe('二(二)');
  });

  it('follows the industry prior when there is no other evidence', () => {
    expect(run({ scope: 'factory', capabilities: {}, enterprise: { industryCode: '26' } }).category.recommended).toBe('processFactory');
    expect(run({ scope: 'factory', capabilities: {}, enterprise: { industryCode: '34' } }).category.recommended).toBe('discreteFactory');
  });

  it('lets DCS, SIS and APC outweigh a discrete-leaning mixed industry', () => {
    const a = run({ scope: 'factory', capabilities: { dcs: true, sis: true, apc: true }, enterprise: { industryCode: '29' } });
    expect(a.category.recommended).toBe('processFactory');
    expect(a.category.reasons[0].text).toContain('分布式控制系统');
  });

  it('lets MES, AGV and Andon outweigh a process-leaning mixed industry such as textiles', () => {
    const a = run({ scope: 'factory', capabilities: { mes: true, agvRgv: true, andon: true }, enterprise: { industryCode: '17' } });
    expect(a.category.recommended).toBe('discreteFactory');
    expect(a.notes.map((n) => n.clause)).toContain('二(二)');
  });

  it('leaves the factory type open, and the verdict incomplete, when nothing tells discrete from process', () => {
    const a = run({ scope: 'factory', capabilities: {}, enterprise: { industryCode: '16' } });
    expect(a.category.recommended).toBeNull();
    expect(a.verdict).toBe('incomplete');
  });
});

describe('category: workshop or factory', () => {
  it('follows the scope the enterprise gives, even when the factory elements are in place', () => {
    const a = run({ scope: 'workshop', capabilities: { ...ALL_DISCRETE_FACTORY, ...ALL_WORKSHOP_DISCRETE } });
    expect(a.category.recommended).toBe('smartWorkshop');
    expect(a.category.alternatives.find((x) => x.category === 'discreteFactory')?.whyNot).toContain('智能车间');
  });

  it('recommends the factory when every factory-level element is in place', () => {
    const a = run({ scope: undefined, capabilities: { ...ALL_DISCRETE_FACTORY } });
    expect(a.category.recommended).toBe('discreteFactory');
    expect(a.category.reasons.map((r) => r.clause)).toContain('一(二)');
  });

  it('recommends 智能车间 when a factory-level element is missing, and says which one', () => {
    const a = run({ scope: undefined, capabilities: { ...ALL_DISCRETE_FACTORY, lims: false } });
    expect(a.category.recommended).toBe('smartWorkshop');
    const why = a.category.alternatives.find((x) => x.category === 'discreteFactory')!.whyNot;
    expect(why).toContain('三(二)2');
    expect(why).toContain('LIMS');
  });

  it('recommends 智能车间 while factory-level elements are unknown, and says they are unconfirmed', () => {
    const a = run({ scope: undefined, capabilities: { ...ALL_WORKSHOP_DISCRETE } });
    expect(a.category.recommended).toBe('smartWorkshop');
    expect(a.category.reasons.some((r) => r.text.includes('尚未确认'))).toBe(true);
  });

  it('explains in Chinese why each other category was not chosen', () => {
    for (const over of [{}, { scope: 'factory' as const }, { scope: undefined, capabilities: { ...ALL_DISCRETE_FACTORY } }]) {
      const a = run(over);
      const others = (['smartWorkshop', 'discreteFactory', 'processFactory'] as const).filter((c) => c !== a.category.recommended);
      expect(a.category.alternatives.map((x) => x.category).sort()).toEqual([...others].sort());
      for (const alt of a.category.alternatives) expect(alt.whyNot).toMatch(/[\u4e00-\u9fff]/);
      for (const r of a.category.reasons) expect(r.clause).toBeTruthy();
    }
  });
});

describe('三: element conditions', () => {
  it('marks an element unmet when a required capability is answered false', () => {
    const a = run({ capabilities: { ...ALL_WORKSHOP_DISCRETE, mes: false } });
    const c = cond(a, '三(一)5');
    expect(c.status).toBe('unmet');
    // Without a MES there is nothing to integrate it with: the integration is missing too.
    expect(c.missing).toEqual(['mes', 'scadaMesErpIntegration']);
    expect(c.advice).toContain('制造执行系统');
    expect(a.verdict).toBe('gaps');
  });

  it('marks an element partial when a capability is only partly in place', () => {
    const a = run({ capabilities: { ...ALL_WORKSHOP_DISCRETE, autoId: 'partial' } });
    expect(cond(a, '三(一)6').status).toBe('partial');
    expect(cond(a, '三(一)6').missing).toEqual(['autoId']);
    expect(a.verdict).toBe('gaps');
  });

  it('marks an element unknown when nothing is false but something is unanswered', () => {
    const { qualityTraceability: _q, ...caps } = ALL_WORKSHOP_DISCRETE;
    const a = run({ capabilities: caps });
    expect(cond(a, '三(一)7').status).toBe('unknown');
    expect(cond(a, '三(一)7').unknown).toEqual(['qualityTraceability']);
    expect(a.verdict).toBe('incomplete');
  });

  it('prefers unmet over partial and partial over unknown within one element', () => {
    expect(cond(run({ capabilities: { ...ALL_WORKSHOP_DISCRETE, scada: 'partial', mes: false } }), '三(一)5').status).toBe('unmet');
    const { erp: _e, ...caps } = ALL_WORKSHOP_DISCRETE;
    expect(cond(run({ capabilities: { ...caps, scada: 'partial' } }), '三(一)5').status).toBe('partial');
  });

  it('checks the discrete branch of 三(一)4: automated lines and a flexible cell', () => {
    const a = run({ productionMode: 'discrete', capabilities: { ...ALL_WORKSHOP_DISCRETE, flexibleCell: false } });
    expect(cond(a, '三(一)4').status).toBe('unmet');
    expect(cond(a, '三(一)4').missing).toEqual(['flexibleCell']);
  });

  it('checks the process branch of 三(一)4: instruments, data acquisition and control, model-based control and online optimisation', () => {
    const base = { ...ALL_WORKSHOP_DISCRETE, smartInstruments: true, dcs: true, apc: true, rto: true } as const;
    expect(cond(run({ productionMode: 'process', capabilities: base }), '三(一)4').status).toBe('met');
    const noRto = run({ productionMode: 'process', capabilities: { ...base, rto: false } });
    expect(cond(noRto, '三(一)4').missing).toEqual(['rto']);
    // The flexible cell belongs to the discrete branch only.
    expect(cond(run({ productionMode: 'process', capabilities: { ...base, flexibleCell: false } }), '三(一)4').status).toBe('met');
  });

  it('accepts either branch of 三(一)4 while the production mode is undetermined', () => {
    // Evidence balanced on both sides in a mixed industry (烟草) leaves the mode open.
    const caps = { ...ALL_WORKSHOP_DISCRETE, andon: true, errorProofing: true, smartInstruments: true, dcs: true, apc: true, rto: true, automatedLines: false } as const;
    const a = run({ enterprise: { industryCode: '16' }, capabilities: caps });
    expect(a.category.reasons[0].text).toContain('尚不能判断');
    expect(cond(a, '三(一)4').status).toBe('met');
  });

  it('reads the storage systems of 三(三)4 and 三(三)5 alike: a warehouse, tank-farm or yard system suffices in both', () => {
    const process = (caps: Record<string, boolean>) =>
      run({ scope: 'factory', productionMode: 'process', capabilities: { ...ALL_PROCESS_FACTORY, ...caps }, selfAssessment: { dataCollectionAdvanced: true } });
    for (const caps of [{ wms: false }, { tankYard: false }] as Record<string, boolean>[]) {
      const a = process(caps);
      expect(cond(a, '三(三)4').status, JSON.stringify(caps)).toBe('met');
      expect(cond(a, '三(三)5').status, JSON.stringify(caps)).toBe('met');
    }
    const neither = process({ wms: false, tankYard: false });
    expect(cond(neither, '三(三)4').status).toBe('unmet');
    expect(cond(neither, '三(三)5').status).toBe('unmet');
    expect([...cond(neither, '三(三)4').missing].sort()).toEqual(['tankYard', 'wms']);
  });

  it('requires every system that 三(二)5 integrates, so integration fails without MES', () => {
    const a = run({ scope: 'factory', capabilities: { ...ALL_DISCRETE_FACTORY, mes: false } });
    expect(cond(a, '三(二)5').status).toBe('unmet');
    expect(cond(a, '三(二)5').missing).toContain('mes');
  });
});

describe('达到省内行业先进水平: no number in the notice', () => {
  it('never judges a reported ratio: a high ratio without self-assessment stays unknown', () => {
    const a = run({ metrics: { networkedRatio: 99 }, selfAssessment: { automationAdvanced: true } });
    const c = cond(a, '三(一)3');
    expect(c.status).toBe('unknown');
    expect(c.advice).toContain('99%');
    expect(c.advice).toContain('初审的主管部门');
  });

  it('never judges a reported ratio: a low ratio that the enterprise self-assesses as advanced is met', () => {
    const a = run({ metrics: { networkedRatio: 5 }, selfAssessment: { automationAdvanced: true, networkingAdvanced: true } });
    expect(cond(a, '三(一)3').status).toBe('met');
    expect(cond(a, '三(一)3').advice).toContain('5%');
  });

  it('treats a self-assessment of "not advanced" as a gap, named in the advice', () => {
    const a = run({ selfAssessment: { automationAdvanced: false, networkingAdvanced: true } });
    expect(cond(a, '三(一)2').status).toBe('unmet');
    expect(cond(a, '三(一)2').advice).toContain('省内行业先进水平');
    expect(a.verdict).toBe('gaps');
  });

  it('asks a process factory to self-assess its data collection rate (三(三)3)', () => {
    const a = run({ scope: 'factory', productionMode: 'process', capabilities: { ...ALL_PROCESS_FACTORY }, metrics: { dataCollectionRate: 95 }, selfAssessment: {} });
    expect(cond(a, '三(三)3').status).toBe('unknown');
    expect(cond(a, '三(三)3').advice).toContain('95%');
  });
});

describe('verdict', () => {
  it('is ineligible before gaps: a blocked enterprise with gaps is ineligible', () => {
    expect(run({ enterprise: { groupOrHeadOffice: true }, capabilities: { mes: false } }).verdict).toBe('ineligible');
  });

  it('is gaps before incomplete', () => {
    expect(run({ capabilities: { mes: false } }).verdict).toBe('gaps');
  });

  it('is qualified for a complete process factory', () => {
    const a = run({ scope: 'factory', productionMode: 'process', capabilities: { ...ALL_PROCESS_FACTORY }, selfAssessment: { dataCollectionAdvanced: true } });
    expect(a.category.recommended).toBe('processFactory');
    expect(a.verdict).toBe('qualified');
    expect(a.knowledgeVersion).toBe('henan-2023');
  });
});

describe('texts come from the knowledge data', () => {
  it('uses the reason written in category-rules.json, not a literal in code', () => {
    const changed = structuredClone(kb);
    changed.categoryRules.hard.groupOrHeadOffice.reason = '测试用的理由';
    expect(run({ enterprise: { groupOrHeadOffice: true } }, changed).blocking[0].reason).toBe('测试用的理由');
  });

  it('uses the advice written in elements.json', () => {
    const changed = structuredClone(kb);
    changed.elements.categories.smartWorkshop.elements[4].advice.gap = '缺：{missing}';
    expect(cond(run({ capabilities: { ...ALL_WORKSHOP_DISCRETE, mes: false } }, changed), '三(一)5').advice).toBe('缺：制造执行系统（MES）、SCADA与MES和ERP的集成');
  });
});

describe('why not the workshop, for a factory applicant with gaps', () => {
  it('says which workshop elements would still fail if the enterprise switched to 智能车间', () => {
    const a = run({ scope: 'factory', capabilities: { ...ALL_DISCRETE_FACTORY, mes: false }, selfAssessment: { networkingAdvanced: false } });
    const why = a.category.alternatives.find((x) => x.category === 'smartWorkshop')!.whyNot;
    expect(why).toContain('三(一)3');
    expect(why).toContain('三(一)5');
  });

  it('does not add workshop gaps when the workshop elements would pass', () => {
    const a = run({ scope: 'factory', capabilities: { ...ALL_DISCRETE_FACTORY, ...ALL_WORKSHOP_DISCRETE } });
    expect(a.category.alternatives.find((x) => x.category === 'smartWorkshop')!.whyNot).not.toContain('仍不满足');
  });
});

describe('an undetermined production mode without a chosen scope', () => {
  it('is assessed as a smart workshop, whose 三(一)4 accepts either branch', () => {
    const a = run({ scope: undefined, capabilities: { industrialNetwork: true }, enterprise: { industryCode: '42' } });
    expect(a.category.recommended).toBe('smartWorkshop');
    expect(a.category.reasons.map((r) => r.text).join('')).toContain('生产方式尚未确定');
  });
});
