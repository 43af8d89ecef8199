import { describe, expect, it } from 'vitest';
import { zipEntry } from '../fixtures/zip';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { renderDocx } from '../../server/export/docx';
import { DraftProfile } from '../../server/schemas/forms';
import { NEW_ENTERPRISES } from '../fixtures/new-enterprises';
import { traceProblems } from './trace';
import { capabilityTerms, draftClaimProblems } from './claims';

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
      const problems: string[] = [];
      let checked = 0;
      for (const d of drafts) {
        const r = draftClaimProblems(p, d, terms);
        checked += r.checked;
        problems.push(...r.problems, ...traceProblems(p, d.text, d.numbers).map((x) => `${d.section}: ${x}`));
      }
      for (const [id, v] of Object.entries(form.values)) problems.push(...traceProblems(p, v.text, v.numbers).map((x) => `${id}: ${x}`));
      for (const [id, rows] of Object.entries(form.matrices)) for (const c of rows.flat()) problems.push(...traceProblems(p, c.text, c.numbers).map((x) => `${id}: ${x}`));
      for (const [i, w] of form.workshops.entries()) for (const [id, c] of Object.entries(w.cells)) problems.push(...traceProblems(p, c.text, c.numbers).map((x) => `ws${i}.${id}: ${x}`));
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
      ['N2', ['210.05', '100.0', '12.5', '0.48', '0.73', '50.0']],
      ['N3', ['420', '100.0', '30.5', '1.5', '0.6']],
      ['N4', ['41.2', '33.8', '17753', '41.0', '7260']],
      ['N5', ['0.042', '0.036', '83.6', '91.2', '83.8']],
      ['N7', ['0.0', '-100.0', '65.0', '188']],
      ['N8', ['68120.37', '-1280.33', '58.25', '78.7', '86.2', '62.0', '0.815']],
      ['N9', ['238760.08', '23640.8', '27.15', '45.0', '-61.3']],
      ['N10', ['1987.36', '2316.48', '3120.75', '0.205', '0.266', '29.8', '49.0', '48.05']],
      ['N11', ['310500', '32100', '82.4', '60.0', '88.2']],
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
    expect(all).not.toMatch(/应用制造执行系统|应用[^。]*（MES）/);
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
    expect(all).not.toMatch(/实时在线优化系统|RTO/);
    expect(all).not.toMatch(/柔性智能制造单元/);
  });

  it('N1: a tank farm answered yes is claimed as one of 罐区自动化 or 堆场管理, and WMS (answered no) is never asked about', () => {
    const e = NEW_ENTERPRISES.find((x) => x.id.startsWith('N1'))!;
    const { drafts } = draftsOf(e);
    const all = drafts.map((d) => d.text).join('');
    expect(all).not.toMatch(/罐区[与和及、]堆场/);
    expect(all).not.toMatch(/WMS|仓储管理系统/);
  });
});
