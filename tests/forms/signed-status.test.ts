import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { describeForm, markApproximate } from '../../server/forms/phase';
import { checkFacts } from '../../server/forms/facts';
import { factCheckFormOf } from '../../server/forms/knowledge';
import { draftsView, sessionDraftProfile } from '../../server/forms/session';
import { applicationContent } from '../../server/staff/bureau';
import { evaluate } from '../../server/engine/plan';
import { FormFacts } from '../../server/schemas/forms';
import type { Answers } from '../../server/schemas/interview';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';

/*
 * Enterprises of our own, none from the answer base or another fixture: a valve maker, a bakery line, a cable plant.
 * A figure typed round must reach every reader as the words typed and unconfirmed (the chat's review, the bureau's
 * snapshot, the helpline's view all list describeForm), and the finance table is checked for what cannot be or is
 * doubtful, with the figures, leaving 二(一)'s 「生产经营和财务状况良好」 to the bureau.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const checkForm = factCheckFormOf(ctx, 'discreteFactory');

const VALVES: Answers = {
  ...ELIGIBLE_NO_PRIORITY,
  'ent.industryCode': 'C3443',
  'cat.scope': 'factory',
  'cat.productionMode': 'discrete',
  ...caps({ factoryNetwork: true, mes: true, erp: true }),
  'form.proceed': true,
  'form.name': '新乡市恒泰阀门有限公司',
  'form.project.investment': 1200,
  'form.employees': 300,
  'form.registeredCapital': 5000,
};

/** Each enterprise's round figure: the question, the value read from it, the words typed. */
const ROUND: [string, Answers, string, number, string][] = [
  ['valve maker, investment', VALVES, 'form.project.investment', 1200, '一千二百万左右'],
  ['bakery line, staff', { ...VALVES, 'form.name': '漯河市麦香园食品有限公司' }, 'form.employees', 300, '三百来人'],
  ['cable plant, capital', { ...VALVES, 'form.name': '焦作市远航电缆有限公司' }, 'form.registeredCapital', 5000, '大概五千万'],
];

const shown = (answers: Answers, id: string) => describeForm(ctx, answers, 'discreteFactory').find((r) => r.questionId === id)?.display;

describe('a figure given round is shown as said and unconfirmed wherever answers are listed', () => {
  for (const [name, base, id, value, said] of ROUND)
    it(`${name}: the words typed, marked 待确认, never the figure`, () => {
      const answers = markApproximate({ ...base, [id]: value }, id, said);
      expect(shown(answers, id)).toBe(`${said}（约数，待确认）`);
      // The bureau's snapshot of the submitted application lists the same.
      const snap = { name: null, answers, assessment: evaluate(data, answers).assessment, drafts: {} };
      const row = applicationContent(data, snap).formAnswers.find((r) => r.display.startsWith(said));
      expect(row?.display, 'the bureau sees the words typed').toBe(`${said}（约数，待确认）`);
      expect(applicationContent(data, snap).formAnswers.some((r) => r.display === `${value}${id === 'form.employees' ? '人' : '万元'}`)).toBe(false);
    });

  it('an exact figure (and one corrected from a round one) is shown as the figure', () => {
    expect(shown(VALVES, 'form.project.investment')).toBe('1200万元');
    // The round words no longer describe the answer once it was edited to another figure.
    const corrected = { ...markApproximate(VALVES, 'form.project.investment', '一千二百万左右'), 'form.project.investment': 1185 };
    expect(shown(corrected, 'form.project.investment')).toBe('1185万元');
  });

  it('a date given as part of a year is shown as said and unconfirmed', () => {
    const answers = markApproximate({ ...VALVES, 'form.project.start': '2021-01' }, 'form.project.start', '2021年初');
    expect(shown(answers, 'form.project.start')).toBe('2021年初（大致时间，待确认）');
  });
});

describe('a request that names its unit is not followed by the unit again', () => {
  const summary = (answers: Answers) => draftSection(ctx, sessionDraftProfile(data, ctx, answers).profile, 'discreteFactory', 'constructionSummary').text;

  it('the investment withheld as round is asked for once, with its unit inside the request', () => {
    const t = summary(markApproximate(VALVES, 'form.project.investment', '一千二百万左右'));
    expect(t).toContain('软硬件投资〔请补充：软硬件投资（万元）的准确数字（已答“约1200万”）〕。');
    expect(t).not.toMatch(/〕万元/);
  });

  it('an exact investment keeps its unit', () => {
    expect(summary(VALVES)).toContain('软硬件投资1200万元');
  });

  it('no drafted section of any form prints a unit after a request that names it', () => {
    const profile = sessionDraftProfile(data, ctx, { ...ELIGIBLE_NO_PRIORITY, 'form.proceed': true }).profile;
    for (const category of ['smartWorkshop', 'discreteFactory', 'processFactory'] as const)
      for (const s of ['enterpriseIntro', 'constructionSummary', 'overview.profile', 'overview.products', 'overview.tech'])
        try {
          const t = draftSection(ctx, profile, category, s).text;
          expect(t, `${category} ${s}`).not.toMatch(/（(万元|人|项|%)）〕\1|(?:比例|率)〕%/u);
        } catch (e) {
          if (!(e as Error).message.includes('没有可起草的栏目')) throw e;
        }
  });
});

describe('the finance table is checked for what cannot be or is doubtful, with the figures', () => {
  const flags = (finance: Record<string, Record<string, number>>, operatingWell?: boolean, texts: Partial<FormFacts> = {}) =>
    checkFacts({ enterprise: operatingWell === undefined ? {} : { operatingWell }, form: FormFacts.parse({ finance, ...texts }) }, checkForm).map((f) => f.message);

  it('profit above revenue is flagged with both figures', () => {
    const m = flags({ 2022: { revenue: 46000, profit: 58000 } });
    expect(m).toEqual(['2022年利润（58000万元）大于营业收入（46000万元）。利润一般不会超过营业收入，请核对是否填错了栏目或单位（如把元当作万元）。']);
  });

  it('liabilities above assets give the ratio they make and leave 二(一) to the bureau', () => {
    const [m] = flags({ 2021: { totalAssets: 20000, totalLiabilities: 25000 } });
    expect(m).toContain('2021年总负债（25000万元）大于总资产（20000万元），资产负债率为125.0%');
    expect(m).toContain('由主管部门审核认定，本助手不作判断');
  });

  it('loss years after the assessment answered 经营良好 are said as losses, each with its figure', () => {
    const [m, ...rest] = flags({ 2020: { revenue: 9000, profit: -300 }, 2021: { revenue: 9800, profit: -45.5 }, 2022: { revenue: 12000, profit: 600 } }, true);
    expect(rest).toEqual([]);
    expect(m).toContain('2020年利润为-300万元，即亏损300万元，2021年利润为-45.5万元，即亏损45.5万元');
    expect(m).toContain('“生产经营和财务状况良好”一项回答的是“是”');
    expect(m).toContain('由主管部门审核认定');
  });

  it('a 资产负债率 in the enterprise\'s own words that its figures do not give is flagged with both', () => {
    const [m] = flags({ 2022: { totalAssets: 50000, totalLiabilities: 30000 } }, undefined, { history: '公司经营稳健，2022年资产负债率仅为45%，现金流充裕。' });
    expect(m).toContain('“公司经营稳健，2022年资产负债率仅为45%，现金流充裕”');
    expect(m).toContain('资产负债率60.0%不一致');
  });

  it('near misses raise nothing: profit equal to revenue, liabilities equal to assets, a loss the assessment already answered, a ratio that agrees, a sound year', () => {
    expect(flags({ 2022: { revenue: 500, profit: 500, totalAssets: 800, totalLiabilities: 800 } })).toEqual([]);
    expect(flags({ 2020: { revenue: 9000, profit: -300 } }, false)).toEqual([]);
    expect(flags({ 2022: { totalAssets: 50000, totalLiabilities: 30000 } }, true, { history: '2022年资产负债率为60%。', marketing: '产品利润率15%，市场占有率30%。' })).toEqual([]);
    expect(flags({ 2020: { revenue: 38000, profit: 1200, totalAssets: 30000, totalLiabilities: 12000 }, 2022: { revenue: 46000, profit: 2100 } }, true)).toEqual([]);
  });
});

describe('an edited section whose requests were answered after it was saved says so', () => {
  const edited = (text: string, answers: Answers) => {
    const profile = sessionDraftProfile(data, ctx, answers).profile;
    return draftsView(ctx, profile, 'discreteFactory', { discreteFactory: { enterpriseIntro: { text, edited: true, savedAt: '2026-01-01T00:00:00Z' } } }).find((s) => s.section === 'enterpriseIntro')!;
  };
  const text = '漯河市麦香园食品有限公司是一家烘焙企业。〔请补充：主营业务〕〔请补充：2022年税金（万元）〕〔请补充：市场营销〕';

  it('names each request now answered (a text field, a year\'s figure), and only those', () => {
    const s = edited(text, { ...VALVES, 'form.business': '主要生产面包和糕点', 'form.finance.2022.tax': 320 });
    expect(s.stale?.labels).toEqual(['主营业务', '2022年税金（万元）']);
    expect(s.stale?.notice).toContain('保存后又填写了“主营业务”、“2022年税金（万元）”');
  });

  it('near misses: nothing answered since, or a section never edited, say nothing', () => {
    expect(edited(text, VALVES).stale).toBeUndefined();
    const profile = sessionDraftProfile(data, ctx, { ...VALVES, 'form.business': '主要生产面包' }).profile;
    expect(draftsView(ctx, profile, 'discreteFactory', {}).some((s) => 'stale' in s)).toBe(false);
  });
});
