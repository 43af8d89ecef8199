import { describe, expect, it } from 'vitest';
import { applyAnswer, assess, evaluate } from '../../server/engine';
import { labelOf } from '../../server/engine/kb';
import { Assessment, Profile } from '../../server/schemas/profile';
import { NEW_ENTERPRISES } from '../fixtures/new-enterprises';
import { realKb } from './kb';

const kb = realKb();
const run = (e: (typeof NEW_ENTERPRISES)[number]) => assess(kb, Profile.parse(e.profile));

describe('the new enterprises: the verdicts the notice gives them', () => {
  for (const e of NEW_ENTERPRISES) {
    it(`${e.id}: eligibility, verdict, category, unmet and partial clauses, notes`, () => {
      const a = run(e);
      expect(Assessment.safeParse(a).success).toBe(true);
      expect(a.eligible).toBe(e.expected.eligible);
      expect(a.verdict).toBe(e.expected.verdict);
      expect(a.category.recommended).toBe(e.expected.category);
      expect(a.category.ifEligible).toBe(e.expected.ifEligible);
      const unmet = [...a.blocking.map((b) => b.clause), ...a.conditions.filter((c) => c.status === 'unmet').map((c) => c.clause)];
      if (e.expected.eligible) {
        expect(unmet).toEqual(e.expected.unmet);
        expect(a.conditions.filter((c) => c.status === 'partial').map((c) => c.clause)).toEqual(e.expected.partial);
      } else {
        // While a hard condition fails, the elements are kept only for preparation.
        expect(a.blocking.map((b) => b.clause)).toEqual(e.expected.unmet);
      }
      const clauses = a.notes.map((n) => n.clause);
      for (const c of e.expected.notes) expect(clauses, c).toContain(c);
      const quota = a.notes.find((n) => n.clause === '四(三)')!.text;
      expect(quota).toContain(e.expected.quotaRegion);
      expect(quota.includes('县（市）')).toBe(e.expected.county);
      expect(quota).toContain(e.expected.county ? '不多于5家' : '家');
    });
  }
});

describe('what the assessments say about them', () => {
  const by = (id: string) => run(NEW_ENTERPRISES.find((e) => e.id.startsWith(id))!);

  it('N1: 流程型 from division 26 and DCS/SIS; APC only partly built is called partial; WMS is not asked for beside a tank farm', () => {
    const a = by('N1');
    const mode = a.category.reasons[0]!;
    expect(mode.clause).toBe('二(二)');
    expect(mode.text).toContain('流程型');
    expect(mode.text).toContain('部分具备的系统（先进过程控制系统（APC））');
    expect(mode.text).not.toMatch(/已具备的系统（[^）]*先进过程控制/);
    expect(a.category.alternatives.find((x) => x.category === 'discreteFactory')!.whyNot).toContain('二(二)');
    const mgmt = a.conditions.find((c) => c.clause === '三(三)4')!;
    expect(mgmt.status).toBe('met');
    expect(mgmt.missing).toEqual([]);
    const prod = a.conditions.find((c) => c.clause === '三(三)3')!;
    expect([...prod.missing].sort()).toEqual(['apc', 'emergencyCommand', 'rto']);
    // The factory-level gap (三(三)2) brings the 一(二) note, and the workshop would not pass either.
    expect(a.notes.find((n) => n.clause === '一(二)')!.text).toContain('三(三)2');
  });

  it('N2: a mixed division is flagged; AGV is 「根据生产需要」, so its absence is advice, not a gap', () => {
    const a = by('N2');
    expect(a.notes.find((n) => n.clause === '二(二)')!.text).toContain('农副食品加工业');
    const logistics = a.conditions.find((c) => c.clause === '三(一)6')!;
    expect(logistics.status).toBe('met');
    expect(logistics.advice).toContain('根据生产需要');
    expect(logistics.advice).toContain('等智能运输设备');
    // The 流程型 branch of 三(一)4 is the one quoted.
    const run4 = a.conditions.find((c) => c.clause === '三(一)4')!;
    expect(run4.advice).toContain('数据采集和生产控制系统');
    expect(run4.advice).not.toMatch(/柔性|自动化成套装备/);
    // Why not a factory: the factory-level elements it lacks, in the 流程型 words (产品配方).
    const whyNot = a.category.alternatives.find((x) => x.category === 'processFactory')!.whyNot;
    expect(whyNot).toContain('三(三)2');
    expect(whyNot).toContain(labelOf(kb, 'pdm', 'processFactory'));
  });

  it('N3: every element met; 100% ratios are recorded, not judged', () => {
    const a = by('N3');
    expect(a.conditions.every((c) => c.status === 'met')).toBe(true);
    expect(a.conditions.find((c) => c.clause === '三(一)3')!.advice).toContain('100%');
    expect(a.notes.some((n) => n.clause === '二(二)' && n.text.includes('典型示范意义'))).toBe(true);
  });

  it('N4: the mode evidence names only systems that point to 流程型', () => {
    const a = by('N4');
    const mode = a.category.reasons[0]!.text;
    expect(mode).toContain('分布式控制系统（DCS）');
    expect(mode).not.toContain('制造执行系统');
    expect(a.conditions.find((c) => c.clause === '三(三)3')!.advice).toContain('应用安全仪表系统（SIS）');
    expect(a.notes.some((n) => n.clause === '一(二)')).toBe(false);
  });

  it('N5: the 智能车间 title does not block a factory application, and the holder is told so', () => {
    const a = by('N5');
    expect(a.blocking).toEqual([]);
    // Offered 改报智能车间 too, it is also told that would take another workshop: both notes cite 四(一).
    expect(a.notes.filter((n) => n.clause === '四(一)').map((n) => n.text).join('')).toMatch(/可以申报智能工厂|或智能工厂/u);
    expect(a.conditions.find((c) => c.clause === '三(二)3')!.missing).toEqual(['andon']);
  });

  it('N6: the 严重违法失信名单 of the 国家企业信用信息公示系统 blocks, named as such; nothing is recommended', () => {
    const a = by('N6');
    expect(a.blocking).toHaveLength(1);
    expect(a.blocking[0]!.reason).toContain('国家企业信用信息公示系统');
    expect(a.blocking[0]!.reason).toContain('严重违法失信名单');
    expect(a.blocking[0]!.reason).not.toContain('信用中国');
    expect(a.category.alternatives).toEqual([]);
  });

  it('N8: a float-glass plant that applies with its 车间 is judged on the 流程型 branch of 三(一)4, whose 在线优化 it lacks', () => {
    const a = by('N8');
    const run4 = a.conditions.find((c) => c.clause === '三(一)4')!;
    expect(run4.missing).toEqual(['rto']);
    expect(run4.advice).toContain('在线优化');
    expect(run4.advice).not.toMatch(/柔性/);
    expect(a.category.reasons[0]!.text).toContain('流程型');
    expect(a.conditions.find((c) => c.clause === '三(一)6')!.status).toBe('met');
  });

  it('N9: the enterprise\'s own 流程型 decides a mixed plant, even with AGV and Andon on its packing lines', () => {
    const a = by('N9');
    expect(a.category.reasons[0]!.text).toContain('企业说明生产方式为流程型');
    expect(a.conditions.find((c) => c.clause === '三(三)4')!.missing).toEqual(['energyManagement']);
  });

  it('N11: a 市级 智能工厂 recognition is no 四(一) title: nothing blocks and no holder note is given', () => {
    const a = by('N11');
    expect(a.blocking).toEqual([]);
    expect(a.notes.some((n) => n.clause === '四(一)')).toBe(false);
    expect(a.conditions.find((c) => c.clause === '三(二)6')!.missing).toEqual(['predictiveMaintenance']);
  });

  it('N12: a provincial 智能车间 holder applying for the 流程型 factory: the holder note, SIS partial, no AI application', () => {
    const a = by('N12');
    // Offered 改报智能车间 too, it is also told that would take another workshop: both notes cite 四(一).
    expect(a.notes.filter((n) => n.clause === '四(一)').map((n) => n.text).join('')).toMatch(/可以申报智能工厂|或智能工厂/u);
    expect(a.conditions.find((c) => c.clause === '三(三)3')!.missing).toEqual(['sis']);
    expect(a.conditions.find((c) => c.clause === '三(三)6')!.missing).toEqual(['aiApplication']);
  });

  it('N13: a 饲料机械 maker (35) is 离散型 by its industry and systems, with no note about a mixed 农副食品 division', () => {
    const a = by('N13');
    expect(a.category.reasons[0]!.text).toContain('离散型');
    expect(a.category.reasons[0]!.text).toContain('专用设备制造业');
    expect(a.notes.find((n) => n.clause === '二(二)')?.text ?? '').not.toContain('农副食品');
    expect(a.conditions.find((c) => c.clause === '三(一)4')!.status).toBe('met');
  });

  it('N14: a 分公司 is no independent legal person (二(一)); its workshop is kept only for preparation', () => {
    const a = by('N14');
    expect(a.blocking.map((b) => b.clause)).toEqual(['二(一)']);
    expect(a.blocking[0]!.reason).toContain('独立法人资格');
    expect(a.category.recommended).toBeNull();
    expect(a.category.alternatives).toEqual([]);
  });

  it('N17: a provincial 智能工厂 holder may apply for neither a factory nor another workshop (四(一)), and is not told it may', () => {
    const a = by('N17');
    expect(a.blocking.map((b) => b.clause)).toEqual(['四(一)']);
    expect(a.blocking[0]!.reason).toContain('不得再申报智能车间或智能工厂');
    expect(a.blocking[0]!.remedy).not.toMatch(/可以申报智能车间|以其他生产性车间/);
    expect(a.notes.some((n) => n.clause === '四(一)' && n.text.includes('可以申报'))).toBe(false);
  });

  it('N18: a 省直管 county-level city\'s enterprise is recommended by its 县（市） (5), not by 商丘市 (10); a tank farm stands in for WMS', () => {
    const a = by('N18');
    const quota = a.notes.find((n) => n.clause === '四(三)')!.text;
    expect(quota).toContain('永城市');
    expect(quota).not.toContain('商丘市');
    expect(quota).not.toContain('不多于10家');
    expect(a.conditions.find((c) => c.clause === '三(三)4')!.missing).toEqual(['energyManagement']);
    expect(a.conditions.find((c) => c.clause === '三(三)3')!.missing).toEqual(['rto']);
  });

  it('N19: main business outside manufacturing and a division outside 13—43 are both named under 二(一)', () => {
    const a = by('N19');
    expect(a.blocking.map((b) => b.clause)).toEqual(['二(一)', '二(一)']);
    expect(a.blocking.map((b) => b.reason).join('')).toContain('不支持生产制造为非主营业务的企业申报');
    expect(a.blocking.map((b) => b.reason).join('')).toContain('59');
  });

  it('N22 and N26: a county-level city under 郑州市 or 南阳市 is recommended by its 县（市） (5), not by its 省辖市', () => {
    for (const [id, county, city, cityMax] of [['N22', '巩义市', '郑州市', '20'], ['N26', '邓州市', '南阳市', '15']]) {
      const quota = by(id!).notes.find((n) => n.clause === '四(三)')!.text;
      expect(quota).toContain(county);
      expect(quota).not.toContain(city);
      expect(quota).not.toContain(`不多于${cityMax}家`);
    }
  });

  it('N22: a 流程型 rolling workshop is judged on the 流程型 branch of 三(一)4; online optimisation partly built is partial', () => {
    const run4 = by('N22').conditions.find((c) => c.clause === '三(一)4')!;
    expect(run4.missing).toEqual(['rto']);
    expect(run4.advice).toContain('在线优化');
    expect(run4.advice).not.toMatch(/柔性/);
  });

  it('N23: a mode left to the rules in a mixed division (38) is 离散型 by its division and systems, with the mixed-industry note', () => {
    const a = by('N23');
    expect(a.category.reasons[0]!.text).toContain('离散型');
    expect(a.category.reasons[0]!.text).toContain('电气机械和器材制造业');
    expect(a.notes.find((n) => n.clause === '二(二)')!.text).toContain('电气机械和器材制造业');
    expect(a.conditions.find((c) => c.clause === '三(二)6')!.missing).toEqual(['predictiveMaintenance']);
  });

  it('N24: a foreign-owned group subsidiary with its own legal personality applying in its own name is not blocked by 二(一)', () => {
    const a = by('N24');
    expect(a.blocking).toEqual([]);
    expect(a.conditions.find((c) => c.clause === '三(一)7')!.missing).toEqual(['qualityTraceability']);
    expect(a.conditions.find((c) => c.clause === '三(一)1')!.status).toBe('partial');
  });

  it('N25: a 智能车间 holder recommended 智能车间 is told the application must use another workshop (四(一))', () => {
    const note = by('N25').notes.find((n) => n.clause === '四(一)')!.text;
    expect(note).toContain('“以其他生产性车间申报”');
    expect(note).not.toContain('可以申报智能工厂');
    // A holder applying for the factory keeps the note of both routes.
    expect(by('N5').notes.filter((n) => n.clause === '四(一)').map((n) => n.text).join('')).toMatch(/可以申报智能工厂|或智能工厂/u);
  });

  it('N26: no MES and no other 制造管控系统 fail 三(三)3 and the integration 三(三)5 names; a workshop would fail 三(一)5 too', () => {
    const a = by('N26');
    expect([...a.conditions.find((c) => c.clause === '三(三)3')!.missing].sort()).toEqual(['manufacturingControl', 'rto']);
    expect([...a.conditions.find((c) => c.clause === '三(三)5')!.missing].sort()).toEqual(['manufacturingControl', 'systemIntegration']);
    expect(a.conditions.find((c) => c.clause === '三(三)4')!.status).toBe('met');
    expect(a.notes.find((n) => n.clause === '一(二)')!.text).toContain('三(一)5');
  });

  it('N7: division 43 is manufacturing (13—43); 44 is not', () => {
    const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N7'))!;
    expect(run(e).blocking).toEqual([]);
    const at44 = assess(kb, Profile.parse({ ...e.profile, enterprise: { ...e.profile.enterprise, industryCode: '44' } }));
    expect(at44.blocking.map((b) => b.clause)).toEqual(['二(一)']);
    const at12 = assess(kb, Profile.parse({ ...e.profile, enterprise: { ...e.profile.enterprise, industryCode: '12' } }));
    expect(at12.blocking.map((b) => b.clause)).toEqual(['二(一)']);
  });
});

describe('where the five newest enterprises are recommended from (四(三))', () => {
  const by = (id: string) => NEW_ENTERPRISES.find((e) => e.id.startsWith(id))!;

  it('N28 and N29: a development zone or a 市辖区 typed as the 县（市） fills in no county, and the 省辖市 recommends', () => {
    for (const [id, typed, city, max] of [['N28', '经开区', '郑州市', '20'], ['N29', '魏都区', '许昌市', '10'], ['N29', '许昌高新区', '许昌市', '10']] as const) {
      const r = applyAnswer(kb, { 'ent.city': city }, 'ent.county', typed);
      expect(r.ok && r.answers['ent.county'], `${id} ${typed}`).toBe(null);
      expect(r.ok && r.recorded[0]!.display).not.toContain(typed);
      const quota = evaluate(kb, r.ok ? r.answers : {}).assessment.notes.find((n) => n.clause === '四(三)')!.text;
      expect(quota).toContain(city);
      expect(quota).toContain(`不多于${max}家`);
      expect(quota).not.toContain('县（市）');
    }
    // A county-level city inside a zone's name is still the county: 长垣 recommends, 不多于5家.
    const r = applyAnswer(kb, { 'ent.city': '新乡市' }, 'ent.county', '长垣经开区');
    expect(r.ok && r.answers['ent.county']).toBe('长垣市');
    expect(by('N30').expected.quotaRegion).toBe('长垣市');
  });

  it('N27 and N31: a 省直管 县 is recommended by its 县（市）, 航空港区 by its own department, neither by the 省辖市 beside it', () => {
    const lu = run(by('N27')).notes.find((n) => n.clause === '四(三)')!.text;
    expect(lu).toContain('鹿邑县');
    expect(lu).toContain('不多于5家');
    expect(lu).not.toContain('周口市');
    const gang = run(by('N31')).notes.find((n) => n.clause === '四(三)')!.text;
    expect(gang).toContain('航空港区');
    expect(gang).toContain('不多于10家');
    expect(gang).not.toContain('郑州市推荐企业不多于20家');
  });
});
