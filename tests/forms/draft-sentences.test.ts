import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { splitSentences, type FormsContext } from '../../server/forms/draft';
import { fillForm, type FilledForm } from '../../server/forms/fill';
import { formalText } from '../../server/forms/formal';
import { formView, interpretForm } from '../../server/forms/phase';
import { sessionDraftProfile } from '../../server/forms/session';
import { DraftProfile } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';
import { completeFixtures, sparse } from './fixtures';
import { TYPED_ENTERPRISES, typedAnswers, type TypedEnterprise } from './typed-enterprises';

/*
 * The sentences of a drafted 申报书: each claim has one home section, a benefit said in the chat is stated in 效益,
 * a doubt is asked rather than printed, and no word is written twice running.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const categories: Category[] = ['smartWorkshop', 'discreteFactory', 'processFactory'];

/** A reference to a claim's home (「发展历程见“企业简介”。」): several sections may refer to the same home. */
const REFERENCE = new RegExp(`^${ctx.formDrafting.referTo.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{what}', '.+').replace('{where}', '[^”]+')}$`, 'u');

/** The sentences each section of the one-home list and 建设情况简述 states, [section, sentence], claims only. */
function homeSentences(form: FilledForm): [string, string][] {
  const ids = [...ctx.formDrafting.oneHome, 'constructionSummary'];
  return Object.values(form.drafts)
    .filter((d) => ids.includes(d.section))
    .flatMap((d) => d.sentences.filter((s) => s.facts.length && !REFERENCE.test(s.text)).map((s) => [d.section, s.text] as [string, string]));
}

function repeated(form: FilledForm): string[] {
  const seen = new Map<string, string>();
  const out: string[] = [];
  for (const [id, s] of homeSentences(form)) {
    const at = seen.get(s);
    if (at && at !== id) out.push(`${at} / ${id}: ${s}`);
    else seen.set(s, id);
  }
  return out;
}

function drafted(e: TypedEnterprise, typed: [string, string][] = []) {
  const replaced = new Set(typed.map(([q]) => q));
  const { answers } = typedAnswers(ctx, { ...e, typed: [...e.typed.filter(([q]) => !replaced.has(q)), ...typed] });
  const { profile } = sessionDraftProfile(data, ctx, answers);
  return { profile, form: fillForm(ctx, profile, e.category) };
}
const T1 = TYPED_ENTERPRISES.find((e) => e.id.startsWith('T1-'))!;

describe('one home per claim', () => {
  it('no sentence of 企业简介, 二, 效益 or 简述 is said twice across the document, over every sample draft', () => {
    let forms = 0;
    for (const input of [...Object.values(completeFixtures), sparse])
      for (const c of categories) {
        expect(repeated(fillForm(ctx, DraftProfile.parse(input), c)), c).toEqual([]);
        forms++;
      }
    for (const e of TYPED_ENTERPRISES) {
      expect(repeated(drafted(e).form), e.id).toEqual([]);
      forms++;
    }
    expect(forms).toBe(12 + TYPED_ENTERPRISES.length);
  });

  it('the history stands in 企业简介; 二(一) says where, and gives the founding date itself', () => {
    const { form } = drafted(T1);
    const history = '公司2011年在获嘉县注册成立，2015年建成一期500吨六氟磷酸锂装置，2019年扩建电解液调配车间，2021年底启动智能工厂建设。';
    expect(form.drafts.enterpriseIntro!.text).toContain(history);
    const profile = form.drafts['overview.profile']!.text;
    expect(profile).not.toContain(history);
    expect(profile).toContain('发展历程、主营业务见“企业简介”。');
    expect(profile).toContain('成立于2011年4月20日');
  });

  it('简述 names the indicators that changed and refers to 效益, the one home of each change', () => {
    const { form } = drafted(T1);
    const sum = form.drafts.constructionSummary!.text;
    expect(sum).toMatch(/建设前后生产效率、运营成本[^。]*的变化见“智能工厂建设前后社会、经济、环境效益对比”。/u);
    expect(sum).not.toMatch(/(?:提升|降低)[\d.]+%/u);
    expect(sum).not.toMatch(/由[\d.]+[^，。]*(?:提升|降低)至/u);
    // The change is the unrounded figures' own, 126.7%; printed to the 元, the figures beside it carry it too.
    expect(form.drafts['detail.benefits']!.text).toContain('生产效率由0.1641万元/人/天提升至0.3720万元/人/天，提升126.7%。');
  });

  it('行业优势 refers to the benefits stated in 效益 rather than repeating them', () => {
    const { form } = drafted(T1);
    const benefit = '建设后单位产品氟化氢消耗下降一成，行业内处于领先水平。';
    expect(form.drafts['detail.benefits']!.text).toContain(benefit);
    expect(form.drafts['overview.advantage']!.text).not.toContain(benefit);
    expect(form.drafts['overview.advantage']!.text).toContain('建设前后效益情况见“智能工厂建设前后社会、经济、环境效益对比”。');
  });
});

describe('a benefit said at an indicator question', () => {
  const at = (q: string, t: string) => interpretForm(ctx, t, formView(ctx, q, 'processFactory'));

  it.each([
    ['form.ind.defectRate.before', '不良率从3%降到1.2%', 'form.ind.defectRate', 3, 1.2],
    ['form.ind.defectRate.after', '由3%降至1.2%', 'form.ind.defectRate', 3, 1.2],
    ['form.ind.upgradeCycle.before', '从180天缩短到120天', 'form.ind.upgradeCycle', 180, 120],
  ])('%s 「%s」 gives both ends', (q, t, base, before, after) => {
    const r = at(q, t);
    expect(r.kind).toBe('answers');
    if (r.kind !== 'answers') return;
    expect(r.items.map((i) => [i.questionId, i.value])).toEqual([[`${base}.before`, before], [`${base}.after`, after]]);
  });

  it.each([
    ['form.ind.energyPerOutput.before', '能耗降了12%'],
    ['form.ind.productivity.before', '人均产值提高了两成'],
    ['form.ind.energyPerOutput.after', '能耗下降了百分之十二'],
  ])('%s 「%s」 is no figure of either side: it is kept as a benefit and the figure is asked again', (q, t) => {
    const r = at(q, t);
    expect(r.kind).toBe('answers');
    if (r.kind !== 'answers') return;
    expect(r.items).toEqual([{ questionId: 'form.benefits', value: `${t}。`, extra: true, adds: true }]);
    expect(r.pendingLeft?.reason).toBe('notRead');
  });

  it.each([
    ['form.ind.defectRate.before', '3%', [['form.ind.defectRate.before', 3]]],
    ['form.ind.upgradeCycle.after', '120天，比原来缩短了三成', [['form.ind.upgradeCycle.after', 120]]],
  ])('near miss: %s 「%s」 is the asked figure', (q, t, want) => {
    const r = at(q, t);
    expect(r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r).toEqual(want);
  });

  it('near miss: 「运营成本降了不少」 names no figure, so it is asked back and kept nowhere', () => {
    expect(at('form.ind.operatingCost.after', '运营成本降了不少').kind).toBe('unclear');
  });

  it('stated in 效益 in written form, traced to the benefits fact, and not in 简述', () => {
    const { form } = drafted(T1, [
      ['form.benefits', '能耗降了12%，不良率从3%降到1.2%，人均产值提高了两成'],
    ]);
    const d = form.drafts['detail.benefits']!;
    expect(d.text).toContain('能耗降低12%，不良率由3%降至1.2%，人均产值提高了两成。');
    expect(d.sentences.find((s) => s.text.startsWith('能耗降低12%'))!.facts).toContain('form.benefits');
    expect(form.drafts.constructionSummary!.text).not.toContain('能耗降低12%');
    expect(form.drafts['overview.advantage']!.text).not.toContain('能耗降低12%');
  });
});

describe('spoken replies in the enterprise prose', () => {
  it.each([
    ['form.rnd.description', '差不多吧，研发大概有个七八十人', 'overview.tech'],
    ['form.advantages', '差不多吧，大概有个七八十台数控机床', 'overview.advantage'],
    ['form.marketing', '差不多吧，大概有个七八十家客户', 'enterpriseIntro'],
  ])('%s 「%s」: the guess is asked to be confirmed, never printed', (q, t, section) => {
    const { form } = drafted(T1, [[q, t]]);
    const text = form.drafts[section]!.text;
    expect(text.replace(/〔[^〕]*〕/gu, '')).not.toMatch(/差不多|大概/u);
    expect(text).toContain('〔请补充：请核实“');
    expect(form.drafts[section]!.missingFacts.join('')).toContain('七八十');
  });

  it('near miss: a figure said plainly in the prose is printed as said', () => {
    const { form } = drafted(T1, [['form.rnd.description', '研发中心有博士3名、硕士21名。']]);
    expect(form.drafts['overview.tech']!.text).toContain('研发中心有博士3名、硕士21名。');
  });

  it('a put-off reply (「这个嘛…回头问问再补」) is a request, never text', () => {
    for (const q of ['form.marketing', 'form.history', 'form.benefits']) {
      const r = interpretForm(ctx, '这个嘛…回头问问再补', formView(ctx, q, 'processFactory'));
      expect(r.kind === 'answers' && r.items[0]!.value, q).toBe(null);
    }
  });
});

describe('no word written twice running', () => {
  it.each([
    ['在通用设备制造业行业中处于领先', '在通用设备制造业中处于领先'],
    ['在专用设备制造业行业内排名前列', '在专用设备制造业内排名前列'],
    ['在行业行业内领先', '在行业内领先'],
    ['企业企业标准', '企业标准'],
    ['公司公司获评', '公司获评'],
    ['磨加工车间车间主任', '磨加工车间主任'],
    // Near misses: one 行业 after a trade's name, or 同行业, stay as written.
    ['在汽车行业领先', '在汽车行业领先'],
    ['在省内同行业中领先', '在省内同行业中领先'],
    ['专业化生产', '专业化生产'],
  ])('「%s」 → 「%s」', (said, written) => {
    expect(formalText(ctx.formDrafting, said)).toBe(written);
  });

  it('no draft of any sample prints a doubled 行业, 企业, 公司 or 车间', () => {
    const { form } = drafted(T1, [['form.advantages', '公司在其他专用化学产品制造业行业中技术领先']]);
    expect(form.drafts['overview.advantage']!.text).toContain('公司在其他专用化学产品制造业中技术领先。');
    for (const input of Object.values(completeFixtures))
      for (const c of categories) {
        const text = Object.values(fillForm(ctx, DraftProfile.parse(input), c).drafts).map((d) => d.text).join('\n');
        expect(text).not.toMatch(/(行业|企业|公司|车间)\1|业行业/u);
      }
  });
});

it('a reference is told apart from a claim by the knowledge wording of it', () => {
  expect(REFERENCE.test('发展历程、主营业务见“企业简介”。')).toBe(true);
  expect(REFERENCE.test('公司主要从事电解液的生产。')).toBe(false);
  expect(splitSentences('甲。乙；丙')).toEqual(['甲。', '乙；', '丙']);
});
