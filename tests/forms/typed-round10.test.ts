import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { formView, interpretForm } from '../../server/forms/phase';
import { checkFacts } from '../../server/forms/facts';
import { factCheckFormOf } from '../../server/forms/knowledge';
import { ROUND10_ENTERPRISES, type Round10Enterprise } from './typed-round10';
import { typedAnswers } from './typed-enterprises';
import { describeTypedRound, typedRound } from './typed-rounds';

/*
 * Six enterprises typed on a phone, drafted offline through the session's path and exported through the real
 * routes. Measured before the fixes they led to: of 191 typed facts 179 read right, 3 wrong and 9 missed
 * (「利润负的200万」 stored as +200; 「赵主任」「孙科长」「陈经理」 and 「李工 0371-86551234 转 302」 asked back as no name;
 * 「（0395）6612345 分机 805」 refused; 「21.3」「21.11」 asked again; corrections naming 发明专利 and 建设前能耗 typed at
 * a narrative cell stored as that cell's text), and 12 of 337 drafted sentences kept spoken words. Now all 191 read
 * as expected and none of 337 sentences keeps a spoken word.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const byId = (prefix: string) => ROUND10_ENTERPRISES.find((e) => e.id.startsWith(`${prefix}-`))!;

/** Spoken words a written 申报书 does not use, listed here apart from the knowledge's rules, so this checks them. */
const SPOKEN =
  /俺|咱|咋|搞|弄了|(?<![调完平规修统重休])整了|整完|(?<![使所应采选通专常试适运利作])用的|(?<![加跟赶用装接爬走迈登踏配搭连挂安关锁马补])上了|(?<!安)装了|卖到|卖给|就能|能查|都能|存进|存到|\d个点|开始上(?!线)|都在里面|哈$|不用人盯|盯着|自动控(?!制)|采上来|不少(?!于)|那块|这块|的了(?=[，。]|$)|年上线的|(?<![使采应运利作])用了\d|好几倍|收上来|传回来|拦下来|马上就|随时能|调出来|一分钟能|不用再|打通了|干.{0,4}的活|人干的|光艾条|我们|上用了/;

/** This round's replies are read as the form phase read them then: interpretForm alone, each reply at its question. */
const drafted = typedRound<Round10Enterprise>(data, ctx, typedAnswers);

const CHECKED: Record<string, number> = { V1: 78, V2: 109, V3: 75, V4: 109, V5: 97, V6: 75 };
/** What each enterprise's answers could not settle, asked again: 「跟去年一样」「同上」 and the like, 「一年半」 (「2019年底」 is its December). */
const UNCLEAR: Record<string, string[]> = {
  V1: ['form.contact.name', 'form.finance.2022.tax'],
  V2: ['form.contact.name', 'form.finance.2022.tax'],
  V3: [],
  V4: ['form.ind.upgradeCycle.before'],
  V5: ['form.finance.2021.tax'],
  V6: [],
};
/** The round figures typed, kept out of the signed form and listed for the exact figure. */
const ROUND: Record<string, string[]> = {
  V1: ['finance.2020.revenue', 'finance.2022.profit', 'project.investment'],
  V2: ['finance.2022.revenue', 'indicators.operatingCost.before'],
  // 「2021年初」 is kept as its nearest month, marked round until the month is given.
  V3: ['finance.2022.revenue', 'project.start'],
  // 「再制造及服务 10%」 is no share of 再制造 alone: it is asked for, quoting the words.
  V4: ['employees', 'products'],
  V5: [],
  V6: ['employees'],
};

describeTypedRound({
  round: 10,
  enterprises: ROUND10_ENTERPRISES,
  ctx,
  drafted,
  title: 'every typed fact reads as expected, every claim traces to a fact, no notice wording stands for a missing one',
  unclear: UNCLEAR,
  approximate: ROUND,
  checked: CHECKED,
  sentences: { title: 'spoken phrasing left in the drafted sentences: none of 372 (12 before)', count: 372 },
  spoken: SPOKEN,
  docx: {
    title: "the DOCX shows the enterprise's figures, placeholders for what is missing, and no notice wording in its cells",
    // Before: V1 48, V2 65, V4 63, V5 53, V6 45 (the contacts, phones, dates and corrections that were lost).
    // V2 was 64 while its 「2019年底」 start was asked again; read as 2019年12月, it fills both places that print it.
    // Systems the enterprise denied or is building are stated (尚未…/正在建设…), not asked for.
    // V4 was 64 before 「再制造及服务 10%」 asked for 再制造's own share and so for the main products' sum (66), and a
    // round figure said in a story (V3's 「两千多万根」, V4's 「15%左右」) is asked for as any round figure is (V3 59 → 60, V4 → 67).
    counts: { V1: 49, V2: 63, V3: 60, V4: 67, V5: 52, V6: 44 },
    more: (texts) => {
      // 「赵主任」 is no full name: the signed form asks for it rather than printing the address.
      expect(texts.V1).not.toContain('赵主任');
      expect(texts.V1).toContain('〔请补充：联系人姓名〕');
      expect(texts.V1).toContain('0370-8512345转8021');
      expect(texts.V1).toContain('-200');
    },
  },
  pdf: { id: 'V4', wants: ['郑州中原隧道装备股份有限公司', '0371-86551234转302', '智能制造部部长', 'Windchill'] },
});

describe('what the round found in the readings, on paraphrases beside the typed ones', () => {
  const ask = (id: string, text: string, category: Round10Enterprise['category'] = 'discreteFactory') => interpretForm(ctx, text, formView(ctx, id, category));

  it('a loss said in words is negative: 负的, 亏损了, 净亏', () => {
    for (const [t, v] of [['利润负的200万', -200], ['负的大概两百万', -200], ['亏损了50万', -50], ['净亏300万', -300], ['-1300万', -1300]] as const)
      expect(ask('form.finance.2021.profit', t), t).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.finance.2021.profit', value: v }] });
    // 负责人 is no sign.
    expect(ask('form.finance.2021.revenue', '负责人说是3亿')).toMatchObject({ kind: 'answers', items: [{ value: 30000 }] });
  });

  it('a contact named by surname and post is asked for the full name, the number typed after it kept', () => {
    const full = (surname: string, post: string) => ({ reason: 'wrongKind', choices: [expect.any(String), '姓氏加称呼，不是全名', `联系人姓名（写全名，如${surname}××；职务如是${post}，可填在职务一栏）`] });
    expect(ask('form.contact.name', '联系人赵主任 13812345678')).toEqual({
      kind: 'answers',
      items: [{ questionId: 'form.contact.mobile', value: '13812345678', extra: true }],
      pendingLeft: { ...full('赵', '主任'), field: '联系人姓名' },
    });
    expect(ask('form.contact.name', '孙科长，0375-2345678')).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.contact.phone', value: '0375-2345678' }], pendingLeft: full('孙', '科长') });
    expect(ask('form.leader.name', '负责人是刘厂长')).toMatchObject({ kind: 'unclear', reason: 'wrongKind', choices: ['刘厂长', '姓氏加称呼，不是全名', expect.stringContaining('如刘××')] });
    // A post alone names no one.
    for (const t of ['主任', '办公室主任', '总经理']) expect(ask('form.contact.name', t), t).toMatchObject({ kind: 'unclear' });
  });

  it('a landline with its extension is one number, however the extension is said', () => {
    for (const [t, v] of [
      ['0371-86551234 转 302', '0371-86551234转302'],
      ['（0395）6612345 分机 805', '（0395）6612345转805'],
      ['0371 - 65507698 分机号：8001', '0371-65507698转8001'],
      ['0370-8512345转8021', '0370-8512345转8021'],
    ] as const)
      expect(ask('form.contact.phone', t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.phone', value: v }] });
    expect(ask('form.contact.name', '李工 0371-86551234 转 302')).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.contact.phone', value: '0371-86551234转302' }] });
    // A credit code's letters and digits are not read as an extension.
    expect(ask('form.creditCode', '91410400 MA3X5K2L7D')).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.creditCode' }] });
  });

  it('a two-digit year that no month can be, before its month, is a date; a month and day alone are not', () => {
    for (const [t, d] of [['21.3', '2021-03'], ['21.11', '2021-11'], ['19/12', '2019-12'], ['98.7', '1998-07']] as const)
      expect(ask('form.project.start', t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.start', value: d }] });
    expect(ask('form.project.start', '3.5')).toMatchObject({ kind: 'unclear' });
    // The same figure to a number question is a number.
    expect(ask('form.ind.defectRate.before', '21.3')).toMatchObject({ kind: 'answers', items: [{ value: 21.3 }] });
  });

  it('a correction typed at a narrative cell takes back the field it names; a story that says 填错了 stays the story', () => {
    expect(ask('form.cell.rd.pdm', '上面那个发明专利填错了，应该是121项')).toEqual({ kind: 'answers', items: [{ questionId: 'form.patents.invention', value: 121 }] });
    expect(ask('form.advantages', '刚才建设后不良率写错了，应该是0.7%')).toEqual({ kind: 'answers', items: [{ questionId: 'form.ind.defectRate.after', value: 0.7 }] });
    expect(ask('form.cell.mgmt', '上面那个填错了，应该是0.052')).toEqual({ kind: 'unclear', reason: 'previous' });
    for (const t of ['以前员工数经常填错了，现在系统自动统计', '以前库存账不对，员工数也对不上，上了WMS以后好了', '去年的盘点数据写错了，应该是系统问题，现在上了WMS'])
      expect(ask('form.cell.mgmt', t), t).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.cell.mgmt', value: t }] });
  });

  it('「跟去年一样」「同上」「跟20年差不多」 give no figure: asked again, never copied', () => {
    for (const t of ['跟去年一样', '同上', '跟20年差不多', '和上面一样'])
      expect(ask('form.finance.2022.tax', t), t).not.toMatchObject({ kind: 'answers', items: [{ value: expect.any(Number) }] });
  });
});

describe('a form answer against the interview\'s: asked which holds, never both in the draft', () => {
  const e = byId('V1');
  const base = (extra: Record<string, string | number>) => {
    const kept = e.typed.filter(([id]) => !/^form\.ws\.1\.(?:equipmentTotal|automatedEquipment|networkedEquipment)$/.test(id));
    return { ...typedAnswers(ctx, { ...e, typed: kept }).answers, ...extra };
  };
  const flagsOf = (answers: Record<string, unknown>) => {
    const { profile } = sessionDraftProfile(data, ctx, answers as never);
    return { profile, flags: checkFacts(profile, factCheckFormOf(ctx, 'smartWorkshop')).map((f) => f.message), all: Object.values(fillForm(ctx, profile, 'smartWorkshop').drafts).map((d) => d.text).join('\n') };
  };

  it('a 数控化率 in a cell other than the assessment\'s: the assessment\'s figure is not stated, the flag asks', () => {
    const { flags, all } = flagsOf(base({ 'metric.automationRatio': 85, 'form.cell.ws.equipment': '车间数控化率70%，共有数控设备120台。' }));
    expect(all).not.toContain('85%');
    expect(all).toContain('〔请补充：车间自动化、数字化、智能化设备占比〕');
    expect(flags.some((m) => m.includes('70%') && m.includes('85%'))).toBe(true);
    // Agreeing figures are stated as given.
    const same = flagsOf(base({ 'metric.automationRatio': 70, 'form.cell.ws.equipment': '车间设备自动化率70%。' }));
    expect(same.all).toContain('比例为70%');
  });

  it('a 智能车间 title among the honours while the assessment recorded none: left out of the draft and flagged', () => {
    const { flags, all } = flagsOf(base({ 'ent.priorTitles': 'none', 'form.honours': '河南省智能车间（2021年）；国家高新技术企业；国家级智能制造示范工厂' }));
    expect(all).not.toContain('河南省智能车间（2021年）');
    expect(all).toContain('国家高新技术企业');
    // Another programme's title (a national or a city's) is no prior title of this one.
    expect(all).toContain('国家级智能制造示范工厂');
    const city = flagsOf(base({ 'ent.priorTitles': 'none', 'form.honours': '商丘市智能车间（2020年）' }));
    expect(city.all).toContain('商丘市智能车间（2020年）');
    expect(city.flags.filter((m) => m.startsWith('荣誉中写有'))).toEqual([]);
    expect(flags.filter((m) => m.startsWith('荣誉中写有'))).toEqual([expect.stringContaining('“河南省智能车间（2021年）”')]);
    // Recorded as held, the same honour is stated and not flagged.
    const held = flagsOf(base({ 'ent.priorTitles': 'smartWorkshop', 'form.honours': '河南省智能车间（2021年）' }));
    expect(held.all).toContain('河南省智能车间（2021年）');
    expect(held.flags.filter((m) => m.startsWith('荣誉中写有'))).toEqual([]);
  });
});
