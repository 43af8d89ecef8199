import { describe, expect, it } from 'vitest';
import { zipEntry } from '../fixtures/zip';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { renderDocx } from '../../server/export/docx';
import { DraftProfile } from '../../server/schemas/forms';
import { applyFormAnswer, formQuestions, interpretForm, type Answers } from '../../server/forms/phase';
import { buildFormView } from '../../server/forms/form-view';
import { FormView } from '../../server/schemas/form-view';
import { NEW_ENTERPRISES } from '../fixtures/new-enterprises';
import { capabilityTerms, filledFormProblems } from './claims';

/*
 * The 申报书 drafts of enterprises unlike the development samples, with the engine at hand as
 * the /api routes have it. Every claim sentence must rest on a fact the enterprise gave, every number
 * must be its own (or computed from it), and the DOCX must print those numbers unchanged.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const terms = capabilityTerms(ctx.formDrafting);
const PLACEHOLDER = /〔请补充：[^〕]*〕/g;

const profileOf = (e: (typeof NEW_ENTERPRISES)[number]) =>
  DraftProfile.parse({ enterprise: e.profile.enterprise, scope: e.profile.scope, productionMode: e.profile.productionMode, capabilities: e.profile.capabilities, metrics: e.profile.metrics, form: e.form });

function draftsOf(e: (typeof NEW_ENTERPRISES)[number]) {
  const p = profileOf(e);
  const c = e.expected.drafted;
  const form = fillForm(ctx, p, c);
  const drafts = [...Object.values(form.drafts)];
  const nWs = Math.max(1, p.form.workshops?.length ?? 0);
  for (const s of sectionIds(ctx, c).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) drafts.push(draftSection(ctx, p, c, `${s.id}@${i}`));
  return { p, form, drafts };
}

/** The notice's words of what a system achieves (「实现…」 of 三): a draft may not claim them for the enterprise. */
const noticeAchievements = [
  ...new Set(
    Object.values(data.elements.categories).flatMap((cat) =>
      cat.elements.flatMap((el) => [...(el.requirements ?? []), ...Object.values(el.branches ?? {}).flat()].flatMap((r) => [...r.text.matchAll(/实现[^，；。…]{4,}/g)].map((m) => m[0]))),
    ),
  ),
];


describe('the 申报书 drafts of the new enterprises', () => {
  for (const e of NEW_ENTERPRISES) {
    it(`${e.id}: every claim traces to a fact, every number to a fact or a computation`, () => {
      const { p, form, drafts } = draftsOf(e);
      const { problems, checked } = filledFormProblems(p, form, drafts, terms);
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(20);
    });

    it(`${e.id}: a missing fact is a request, never the notice's wording of what a system achieves`, () => {
      const { drafts } = draftsOf(e);
      for (const d of drafts) {
        const body = d.text.replace(PLACEHOLDER, '');
        for (const w of noticeAchievements) expect(body, `${d.section}: ${w}`).not.toContain(w);
        for (const c of Object.values(ctx.formDrafting.capabilities)) expect(body, d.section).not.toContain(c.achieve);
      }
      expect(drafts.some((d) => d.text.includes('〔请补充：'))).toBe(true);
    });
  }

  it('prints the enterprise numbers unchanged in the DOCX (decimals, 0, 100%, a loss)', async () => {
    const checks: [string, string[]][] = [
      ['N1', ['9850.75', '8600.5', '47.5', '-312', '20344.5', '92.5', '65.7']],
      // 生产效率 is computed from the enterprise's figures and printed to the 元, its rise from the unrounded values.
      ['N2', ['210.05', '100.0', '12.5', '0.4848', '0.7273', '50.0']],
      ['N3', ['420', '100.0', '30.5', '1.5', '0.6']],
      ['N4', ['41.2', '33.8', '17753', '41.0', '7260']],
      // N5's 91.2 (the assessment's 联网率, which its workshops' counts contradict) is in the app's check, not the signed form.
      ['N5', ['0.042', '0.036', '83.6', '83.8']],
      ['N7', ['0.0', '降低比例（%）100.0', '65.0', '188']],
      ['N8', ['68120.37', '-1280.33', '58.25', '78.7', '86.2', '62.0', '0.815']],
      ['N9', ['238760.08', '23640.8', '27.15', '45.0', '降低61.3']],
      ['N10', ['1987.36', '2316.48', '3120.75', '0.205', '0.266', '29.8', '49.0', '48.05']],
      ['N11', ['310500', '32100', '82.4', '60.0', '88.2']],
      ['N22', ['3500', '10830.4', '455.25', '9.75', '88.0', '76.4', '0.0925', '降低51.4']],
      ['N23', ['138000.5', '7488.8', '46800', '65.5', '86.6', '降低54.7', '48.6']],
      ['N24', ['1890.5', '6450', '30.0', '79.7', '82.4']],
      ['N25', ['120', '86', '1.0000', '1.5988', '59.9', '17.5']],
      ['N26', ['8640.3', '12880', '22.5', '1.38', '降低9.2', '30000']],
    ];
    for (const [id, numbers] of checks) {
      const e = NEW_ENTERPRISES.find((x) => x.id.startsWith(id))!;
      const { form } = draftsOf(e);
      const xml = zipEntry(await renderDocx(form), 'word/document.xml').toString('utf8');
      const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      for (const n of numbers) expect(text, `${id} ${n}`).toContain(n);
      expect(text).toContain(e.form!.name!);
    }
  });

  it('N2: the process workshop summary names its own branch, and a partial system stays partial', () => {
    const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N2'))!;
    const { form, drafts } = draftsOf(e);
    expect(form.drafts.constructionSummary!.text).toContain('智能仪表');
    const all = drafts.map((d) => d.text).join('');
    expect(all).toContain('部分应用生产过程数据采集和监控系统（SCADA）');
    // MES, answered no, is stated as lacking only.
    expect(all.replace(/[^。\n]*尚未[^。]*。/g, '')).not.toMatch(/应用制造执行系统|应用[^。]*（MES）/);
  });

  it('N11 and N12: an honour is stated as the enterprise named it, a 市级 one never as provincial', () => {
    const n11 = draftsOf(NEW_ENTERPRISES.find((x) => x.id.startsWith('N11'))!).drafts.map((d) => d.text).join('');
    expect(n11).toContain('郑州市智能工厂（2021年）');
    expect(n11).not.toMatch(/河南省智能工厂|省级智能工厂/);
    const n12 = draftsOf(NEW_ENTERPRISES.find((x) => x.id.startsWith('N12'))!).drafts.map((d) => d.text).join('');
    expect(n12).toContain('河南省智能车间（抄纸车间，2021年）');
  });

  it('N8: a process workshop\'s line is described with its own systems, and RTO (answered no) is never claimed', () => {
    const { drafts } = draftsOf(NEW_ENTERPRISES.find((x) => x.id.startsWith('N8'))!);
    const all = drafts.map((d) => d.text.replace(PLACEHOLDER, '')).join('');
    expect(all).toContain('智能仪表');
    // RTO, answered no, is left to the enterprise with a request naming it, and never claimed nor said to be lacking.
    const asks = drafts.map((d) => d.text).join('');
    expect(asks).toContain(`〔请补充：${ctx.formDrafting.capabilities.rto!.ask}${ctx.formDrafting.requests.lackingNote}〕`);
    expect(all).not.toMatch(/实时在线优化系统|RTO|尚未应用/);
    expect(all).not.toMatch(/柔性智能制造单元/);
  });

  it('N1: a tank farm answered yes is claimed as one of 罐区自动化 or 堆场管理, and WMS (answered no) is never asked about', () => {
    const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N1'))!;
    const { drafts } = draftsOf(e);
    const all = drafts.map((d) => d.text).join('');
    expect(all).not.toMatch(/罐区[与和及、]堆场/);
    // WMS, answered no, is never asked about; it is said only as lacking.
    expect(all).not.toMatch(/〔[^〕]*(WMS|仓储管理系统)/);
    expect(all.replace(/[^。\n]*尚未[^。]*。/g, '')).not.toMatch(/WMS|仓储管理系统/);
  });

  it('N15: a company founded in 2024 is asked for no 2020—2022 figures; the draft says 成立前 and states no 近三年 sentence; the form is flagged', async () => {
    const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N15'))!;
    const { form, drafts } = draftsOf(e);
    const notYet = ctx.formDrafting.messages.beforeFounding!;
    // 附件1.一: the 近三年主要经济指标 years are the notice's 2020—2022, all before 2024-03-18.
    expect(form.matrices.finance!.flat().map((c) => c.text)).toEqual(Array(18).fill(notYet));
    const all = drafts.map((d) => d.text).join('');
    expect(all).not.toMatch(/请补充：20(20|21|22)年/);
    expect(all).not.toContain('2020—2022年');
    const flag = form.flags.find((f) => f.field === 'foundedOn')!;
    expect(flag.severity).toBe('warning');
    expect(flag.message).toContain('2024年3月18日');
    expect(flag.message).toContain('2020—2022年');
    const xml = zipEntry(await renderDocx(form), 'word/document.xml').toString('utf8');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain(notYet);
    expect(text).toContain('12000');
    // Over the chat, no finance question of a year before the founding is asked.
    const asked = formQuestions(ctx, { 'form.foundedOn': e.form!.foundedOn! }, 'smartWorkshop').map((c) => c.id);
    expect(asked.filter((id) => id.startsWith('form.finance.'))).toEqual([]);
  });

  it('a company founded within the form\'s years states only its own years, and a figure before its founding is flagged', () => {
    const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N16'))!;
    const p = DraftProfile.parse({ ...profileOf(e), form: { ...e.form, foundedOn: '2021-06' } });
    const form = fillForm(ctx, p, 'smartWorkshop');
    const finance = form.matrices.finance!;
    expect(finance.map((row) => row[0]!.text)).toEqual(Array(6).fill(ctx.formDrafting.messages.beforeFounding));
    expect(finance[0]![2]!.text).toBe('30150');
    const overview = draftSection(ctx, p, 'smartWorkshop', 'overview.profile').text;
    expect(overview).toContain('2021—2022年，公司营业收入分别为10800万元、12000万元');
    // No founding flag. The one flag is N16's own: its assessment says 联网率79%, its counts give 76/82 = 92.7%.
    expect(form.flags.map((f) => f.field)).toEqual(['workshops.0.networkedEquipment']);
    const asked = formQuestions(ctx, { 'form.foundedOn': '2021-06' }, 'smartWorkshop').map((c) => c.id).filter((id) => id.startsWith('form.finance.'));
    expect(asked.some((id) => id.startsWith('form.finance.2020.'))).toBe(false);
    expect(asked.filter((id) => id.startsWith('form.finance.2021.'))).toHaveLength(5);
    // A 2020 figure typed for a company founded in 2021 is an error of the date or of the year.
    const answers: Answers = { 'form.proceed': 'now', 'form.foundedOn': '2021-06' };
    const r = applyFormAnswer(ctx, answers, 'form.finance.2020.revenue', 800);
    expect(r.ok && r.newlyBlocking.map((b) => b.reason).join('')).toContain('2020年早于企业成立时间（2021年6月）');
    expect(r.ok && r.newlyBlocking[0]!.clause).toMatch(/^附件\d$/);
  });

  it('N25: a 智能车间 holder applying with another workshop is not flagged; with the titled workshop it is (四(一)), and a factory application never', () => {
    const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N25'))!;
    expect(draftsOf(e).form.flags).toEqual([]);
    const same = DraftProfile.parse({ ...profileOf(e), form: { ...e.form, workshops: [{ ...e.form!.workshops![0], name: '液压支架焊接车间' }] } });
    const flags = fillForm(ctx, same, 'smartWorkshop').flags;
    expect(flags.map((f) => [f.field, f.severity])).toEqual([['workshops.0.name', 'warning']]);
    expect(flags[0]!.message).toContain('液压支架焊接车间');
    expect(flags[0]!.message).toContain('四(一)');
    expect(flags[0]!.message).toContain('“以其他生产性车间申报”');
    // 四(一) lets the holder apply for the factory, titled workshop included (N5's 线束装配车间).
    const n5 = NEW_ENTERPRISES.find((x) => x.id.startsWith('N5'))!;
    expect(draftsOf(n5).form.flags.filter((f) => f.message.includes('四(一)'))).toEqual([]);
    // Without a 智能车间 title held, an honour naming the workshop (a 市级 one) is no 四(一) matter.
    const municipal = DraftProfile.parse({ ...profileOf(e), enterprise: { ...e.profile.enterprise, priorTitles: [] }, form: { ...e.form, honours: ['平顶山市智能车间（结构件机加工车间）'] } });
    expect(fillForm(ctx, municipal, 'smartWorkshop').flags).toEqual([]);
  });

  it('N26: a process workshop\'s own description is kept in its cell, and MES and 制造管控系统 (answered no) are never claimed', () => {
    const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N26'))!;
    const { form, drafts } = draftsOf(e);
    expect(form.workshops[0]!.cells['ws.run']!.text).toContain(e.form!.workshops![0]!.descriptions!['ws.run']!);
    const all = drafts.map((d) => d.text.replace(PLACEHOLDER, '')).join('');
    expect(all).not.toMatch(/MES|制造执行系统|制造管控系统|实时在线优化|尚未应用/);
    expect(drafts.map((d) => d.text).join('')).toContain(ctx.formDrafting.capabilities.manufacturingControl!.ask);
    expect(all).toContain('部分建设工厂布局数字化模型');
  });

  it('N23: a mixed plant\'s 附件2 keeps the DCS and SIS it gave in 生产线智能化运行, and a discrete plant without them is not asked about them', () => {
    const { form } = draftsOf(NEW_ENTERPRISES.find((x) => x.id.startsWith('N23'))!);
    const run = form.workshops.map((w) => w.cells['ws.run']!.text).join('');
    expect(run).toContain(ctx.formDrafting.capabilities.dcs!.name);
    expect(run).toContain(ctx.formDrafting.capabilities.sis!.name);
    for (const id of ['N5', 'N21']) {
      const other = draftsOf(NEW_ENTERPRISES.find((x) => x.id.startsWith(id))!).drafts.map((d) => d.text).join('');
      expect(other, id).not.toMatch(/DCS|SIS|分布式控制|安全仪表/);
    }
  });

  it('N23: a mixed plant\'s form (附件2) keeps a partial 故障预测 partial and claims the AI use in its own words', () => {
    const { form } = draftsOf(NEW_ENTERPRISES.find((x) => x.id.startsWith('N23'))!);
    expect(form.values.ai!.text).toContain('采用视觉模型检测极片涂布缺陷。');
    expect(form.values.ai!.text).toContain('部分应用设备故障预测与健康管理系统');
  });

  it('N15 and N16: amounts typed as 两千三百万元 and 1.2亿 are read in 万元, 约85% as 85; an area is no amount', () => {
    const read = (id: string, text: string) => {
      const r = interpretForm(ctx, text, { id, text: '', kind: 'number', phase: 'form' });
      return r.kind === 'answers' ? r.items[0]!.value : r.kind;
    };
    expect(read('form.registeredCapital', '两千三百万元')).toBe(NEW_ENTERPRISES.find((x) => x.id.startsWith('N16'))!.form!.registeredCapital);
    expect(read('form.registeredCapital', '1.2亿')).toBe(NEW_ENTERPRISES.find((x) => x.id.startsWith('N15'))!.form!.registeredCapital);
    expect(read('form.finance.2022.revenue', '1.2亿')).toBe(12000);
    expect(read('form.ind.defectRate.before', '约85%')).toBe(85);
    expect(read('form.registeredCapital', '0.5万平方米')).toBe('unclear');
    // N22's 三千五百万 said short, or with digits; N24's capital in 美元 is not 万元 (the form asks 万元); 3.2‰ is 0.32%.
    expect(read('form.registeredCapital', '三千五')).toBe(NEW_ENTERPRISES.find((x) => x.id.startsWith('N22'))!.form!.registeredCapital);
    expect(read('form.registeredCapital', '3千5百万')).toBe(3500);
    expect(read('form.registeredCapital', '150万美元')).toBe('unclear');
    expect(read('form.ind.defectRate.before', '3.2‰')).toBe(0.32);
  });

  it('the form view shows 成立前 in the figure cells of years before the founding, and keeps a figure already typed there, flagged', () => {
    const fields = (answers: Answers) => FormView.parse(buildFormView(ctx, answers, 'smartWorkshop')).sections.flatMap((x) => x.groups.flatMap((g) => g.rows.flatMap((r) => r.fields)));
    const notYet = ctx.formDrafting.messages.beforeFounding;
    const n15 = fields({ 'form.foundedOn': '2024-03-18' });
    for (const y of ['2020', '2021', '2022']) {
      expect(n15.find((f) => f.key === `finance.revenue.${y}`), y).toMatchObject({ status: 'computed', display: notYet });
      expect(n15.find((f) => f.key === `finance.debtRatio.${y}`), y).toMatchObject({ status: 'computed', display: notYet });
    }
    expect(n15.find((f) => f.key === 'form.foundedOn')!.flags.map((x) => x.message).join('')).toContain('2020—2022年');
    const typed = fields({ 'form.foundedOn': '2021-06', 'form.finance.2020.revenue': 800 });
    const cell = typed.find((f) => f.key === 'form.finance.2020.revenue')!;
    expect(cell.value).toBe(800);
    expect(cell.flags.map((x) => x.message).join('')).toContain('2020年早于企业成立时间');
    expect(typed.find((f) => f.key === 'finance.totalAssets.2020')).toMatchObject({ display: notYet });
  });
});

