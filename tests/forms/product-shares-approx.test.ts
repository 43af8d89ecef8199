import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { fillForm, signedForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { buildFormView, checkFormValue } from '../../server/forms/form-view';
import { applyFormAnswer, markApproximate } from '../../server/forms/phase';
import { evaluate } from '../../server/engine';
import { reviewFinanceWarnings } from '../../server/forms/review-finance';
import type { Answers } from '../../server/schemas/interview';
import type { Category } from '../../server/schemas/profile';
import { ROUND7_ENTERPRISES } from './typed-round7';
import { typedAnswers } from './typed-enterprises';

/*
 * Several products with shares typed into one field: the form view shows every stored item, the draft puts each
 * share with its product (a round one asked for there, with the words typed), and an approximate metric stays 约 in
 * the assessment wherever it is shown. A form's flag names the 附件 being filled, and the bureau's finance warnings
 * come from the same rule as the form's.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const base = ROUND7_ENTERPRISES.find((e) => e.category === 'smartWorkshop')!;
const baseAnswers = typedAnswers(ctx, base).answers;

const productField = (answers: Answers, category: Category = base.category) =>
  buildFormView(ctx, answers, category)
    .sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields)))
    .find((f) => f.questionId === 'form.products')!;
const productsDraft = (products: string) => {
  const { profile } = sessionDraftProfile(data, ctx, { ...baseAnswers, 'form.products': products });
  const form = fillForm(ctx, profile, base.category);
  return { app: form.drafts['overview.products']!.text, signed: signedForm(ctx, form).drafts['overview.products']!.text };
};

describe('a field of several products', () => {
  it.each([
    ['水性工业涂料约占55%；醋酸丁酯溶剂占38%', ['水性工业涂料', '醋酸丁酯溶剂']],
    ['金红石型钛白粉大约六成，氧化铁红占30%', ['金红石型钛白粉', '氧化铁红']],
    ['永磁电机60%左右、水泵（25%）、风机', ['永磁电机', '水泵', '风机']],
    ['中低压电力电缆，约占八成；控制电缆', ['中低压电力电缆', '控制电缆']],
  ])('「%s」 shows every product in the box, round shares included', (typed, names) => {
    const f = productField({ ...baseAnswers, 'form.products': typed });
    // The box shows `said` when set, else the value: either way the whole answer, so an edit of it keeps every item.
    const shown = f.said ?? String(f.value);
    for (const n of names) expect(shown, n).toContain(n);
    expect(f.display).toBe(typed);
    expect(f.status, 'a round share is still to be confirmed').toBe('unconfirmed');
  });

  it('an edit of the whole shown text keeps the product not edited', () => {
    const answers = { ...baseAnswers, 'form.products': '水性工业涂料约占55%；醋酸丁酯溶剂占38%' };
    const shown = productField(answers).display!;
    const r = checkFormValue(ctx, answers, base.category, 'form.products', shown.replace('约占55%', '占55.2%'));
    expect(r.ok && r.value).toBe('水性工业涂料占55.2%；醋酸丁酯溶剂占38%');
  });

  // Near miss: a figure given round keeps showing the words typed (the stored value is the figure, not those words).
  it('a round headcount still shows the words typed', () => {
    const answers = markApproximate({ ...baseAnswers, 'form.employees': 200 }, 'form.employees', '两百来人');
    const f = buildFormView(ctx, answers, base.category).sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields))).find((x) => x.questionId === 'form.employees')!;
    expect(f.said).toBe('两百来人');
    expect(f.display).toBe('两百来人');
  });
});

describe('the draft of 产品介绍', () => {
  it('puts each share with its product, and asks for a round one at that product with the words typed', () => {
    const d = productsDraft('水性工业涂料约占55%；醋酸丁酯溶剂占38%');
    expect(d.app).toMatch(/水性工业涂料（〔请补充：[^〕]*水性工业涂料[^〕]*准确数字（已答“水性工业涂料约占55%”）〕）、醋酸丁酯溶剂（占营业收入38%）/);
    expect(d.signed, 'the signed form asks without the words typed').toContain('水性工业涂料（〔请补充：主营产品“水性工业涂料”占营业收入比例的准确数字〕）、醋酸丁酯溶剂（占营业收入38%）');
    expect(d.signed).not.toContain('55');
  });

  it('asks for a missing share at its product once another product has one', () => {
    const d = productsDraft('液压缸占45%，液压阀，密封件32%');
    expect(d.app).toContain('液压缸（占营业收入45%）、液压阀（〔请补充：主营产品“液压阀”占营业收入比例〕）、密封件（占营业收入32%）');
  });

  // Near miss: no share given for any product: the products are named, and the total's own sentence asks for it.
  it('names the products alone when no share is given', () => {
    const d = productsDraft('钢结构件；门窗幕墙');
    expect(d.app).toContain('主营产品包括钢结构件、门窗幕墙。');
    expect(d.app).toContain('主营产品收入占营业收入的〔请补充：主营产品占营业收入比例〕');
  });

  it('keeps all products exact as before', () => {
    expect(productsDraft('制动盘 60%；轮毂（30%）').app).toContain('制动盘（占营业收入60%）、轮毂（占营业收入30%）');
  });
});

describe('a metric given round', () => {
  const notes = (answers: Answers) => evaluate(data, answers).assessment.conditions.map((c) => c.advice).join('\n');
  const at = { ...baseAnswers, 'metric.networkedRatio': 90 };
  it.each(['大概九成吧', '90%左右', '差不多九十', '八九成'])('「%s」 is 约 in the assessment notes', (said) => {
    const a = markApproximate(said === '八九成' ? { ...at, 'metric.networkedRatio': 80 } : at, 'metric.networkedRatio', said);
    const n = notes(a);
    expect(n).toMatch(/设备联网率：约(?:90|80)%/);
    expect(n).not.toMatch(/联网率：(?:90|80)%/);
  });
  // Near misses: an exact figure, and a mark left from a round answer that an exact one has replaced since.
  it('an exact figure, or one given exact after a round one, is stated as given', () => {
    expect(notes(at)).toContain('设备联网率：90%');
    const stale = markApproximate({ ...at, 'metric.networkedRatio': 91.5 }, 'metric.networkedRatio', '大概九成吧');
    expect(notes(stale)).toContain('设备联网率：91.5%');
  });
});

describe('the 附件 a form flag names', () => {
  it.each([
    ['processFactory', '附件3'],
    ['discreteFactory', '附件2'],
    ['smartWorkshop', '附件1'],
  ] as const)('a round product share on the %s form names %s', (category, attachment) => {
    const r = applyFormAnswer(ctx, baseAnswers, 'form.products', '水性工业涂料约占55%；醋酸丁酯溶剂占38%', category);
    expect(r.ok && r.newlyBlocking.map((b) => b.clause)).toEqual([attachment]);
  });
});

describe('finance warnings for the bureau', () => {
  const figures = (a: Answers): Answers => ({
    ...a,
    'ent.operatingWell': true,
    'form.finance.2022.totalAssets': 52000,
    'form.finance.2022.totalLiabilities': 61000,
    'form.finance.2020.profit': -450,
  });
  it('says liabilities above assets and the loss beside 经营良好, with the note that the bureau judges 二(一)', () => {
    const answers = figures(baseAnswers);
    const w = reviewFinanceWarnings(data, answers, base.category)!;
    const text = w.items.map((i) => i.text).join('\n');
    expect(text).toContain('2022年总负债61000万元大于总资产52000万元，资产负债率117.3%');
    expect(text).toContain('2020年利润-450万元（亏损450万元）');
    expect(w.items.every((i) => i.clause === '二(一)')).toBe(true);
    expect(w.note).toContain('本系统不作结论');
  });
  // Near miss: sound figures give no warning, and no figures give none.
  it('says nothing of sound figures', () => {
    expect(reviewFinanceWarnings(data, { ...baseAnswers, 'form.finance.2022.totalAssets': 52000, 'form.finance.2022.totalLiabilities': 31000, 'form.finance.2020.profit': 450 }, base.category)).toBeNull();
    expect(reviewFinanceWarnings(data, {}, null)).toBeNull();
  });
});

describe('every share said prints, the rest of the revenue too', () => {
  it.each([
    ['板式衣柜大概占六成，橱柜三成，其他一成', ['板式衣柜', '橱柜'], '其他产品', '10'],
    ['水泵约占七成，阀门两成，剩下的一成', ['水泵', '阀门'], '其余产品', '10'],
    ['实木门约占五成，木地板四成左右，其余一成', ['实木门', '木地板'], '其余产品', '10'],
  ])('「%s」: each round share is asked for with its words, the rest after the main products', (typed, names, rest, share) => {
    const { app, signed } = productsDraft(typed);
    for (const n of names) expect(signed, n).toContain(`${n}（〔请补充：主营产品“${n}”占营业收入比例的准确数字〕）`);
    expect(signed).toContain(`，${rest}占营业收入〔请补充：${rest}占营业收入比例的准确数字〕`);
    expect(app).toContain(`（已答“${rest}约${share}%”）`);
    expect(signed).not.toContain('100%');
  });

  it.each(['板式衣柜60%，橱柜30%，其他10%', '板式衣柜占60%、橱柜占30%、其它产品占10%'])('「%s」: an exact rest prints as a figure', (typed) => {
    const { signed } = productsDraft(typed);
    expect(signed).toContain('板式衣柜（占营业收入60%）、橱柜（占营业收入30%），其他产品占营业收入10%');
  });

  it.each(['板式衣柜60%，橱柜30%', '板式衣柜、橱柜、其他'])('「%s」: no rest said, none printed', (typed) => {
    expect(productsDraft(typed).signed).not.toMatch(/其[他它余]/u);
  });
});
