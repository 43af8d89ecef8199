import type { KnowledgeData } from '../knowledge/load';
import type { Answers } from '../schemas/interview';
import type { Category } from '../schemas/profile';
import { DraftProfile, type FormFacts, type SavedDrafts } from '../schemas/forms';
import { evaluate, profileFromAnswers } from '../engine';
import { draftSection, sectionIds, type FormsContext } from './draft';
import { approximateSaid, formFactsFromAnswers, labelOf } from './phase';
import { allFields } from './spec';
import { answeredRequests } from './stale';
import type { FormsKnowledge } from './knowledge';
import { fill } from '../engine/kb';
import { ratiosAgainstCounts } from './facts';

/**
 * The drafting side of a session, as pure functions of (knowledge, answers, saved edits): the HTTP
 * routes only validate, load the session and call these.
 */

const HARD_FACTS = ['independentLegalPerson', 'groupOrHeadOffice', 'manufacturingMainBusiness', 'operatingWell', 'appliedThisYear', 'titledWorkshopAgain'] as const;

/** The session's facts as a drafting profile, and the category the engine recommends (null while undetermined). */
export function sessionDraftProfile(data: KnowledgeData, ctx: FormsContext, answers: Answers, asOf?: string): { profile: DraftProfile; recommended: Category | null } {
  const { profile } = profileFromAnswers(data, answers);
  const e = profile.enterprise;
  const form = formFactsFromAnswers(ctx, answers);
  const approximate = [...(form.approximate ?? [])];
  const draftProfile = DraftProfile.parse({
    enterprise: {
      ...(e.name ? { name: e.name } : {}),
      ...(e.province ? { province: e.province } : {}),
      ...(e.city ? { city: e.city } : {}),
      ...(e.creditCode ? { creditCode: e.creditCode } : {}),
      ...(e.industryCode ? { industryCode: e.industryCode } : {}),
      // The hard conditions answered, so a draft of an enterprise the notice rules out says so at its top.
      ...Object.fromEntries(HARD_FACTS.flatMap((k) => (e[k] === undefined ? [] : [[k, e[k]]]))),
      ...(e.credit && e.credit.dishonestExecutee !== undefined && e.credit.taxViolationBlacklist !== undefined && e.credit.seriousIllegalDishonest !== undefined ? { credit: e.credit } : {}),
      ...(e.priorTitles ? { priorTitles: e.priorTitles } : {}),
    },
    scope: profile.scope,
    productionMode: profile.productionMode,
    capabilities: profile.capabilities,
    metrics: exactMetrics(data, answers, profile.metrics, approximate),
    ...(profile.declared ? { declared: profile.declared } : {}),
    form: { ...form, ...(approximate.length ? { approximate } : {}) },
    ...(asOf ? { asOf } : {}),
  });
  return { profile: draftProfile, recommended: evaluate(data, answers).assessment.category.recommended ?? null };
}

/**
 * The assessment's ratios without those given as round figures (「约85%」): the assessment may rest on them,
 * the signed form may not, so each is left out of the draft and recorded in `approximate` as typed.
 */
function exactMetrics(data: KnowledgeData, answers: Answers, metrics: DraftProfile['metrics'], approximate: NonNullable<DraftProfile['form']['approximate']>): DraftProfile['metrics'] {
  if (!metrics) return metrics;
  const out: Record<string, number> = { ...(metrics as Record<string, number>) };
  for (const q of data.interview.questions) {
    if (!q.sets?.startsWith('metrics.') || q.kind !== 'number') continue;
    const said = approximateSaid(answers, q.id, q.unit);
    const key = q.sets.slice('metrics.'.length);
    if (said === undefined || out[key] === undefined) continue;
    delete out[key];
    approximate.push({ fact: q.sets, said, label: q.label ?? key });
  }
  return out as DraftProfile['metrics'];
}

/** Every section key of a form for this profile: per-workshop cells once per workshop ("ws.infra@2"). */
export function sectionKeys(ctx: FormsContext, profile: DraftProfile, category: Category): string[] {
  const nWs = Math.max(1, profile.form.workshops?.length ?? 0);
  return sectionIds(ctx, category).flatMap((s) => (s.perWorkshop ? Array.from({ length: nWs }, (_, i) => `${s.id}@${i + 1}`) : [s.id]));
}

/** Each section with the user's saved edit over the fresh draft. */
export function draftsView(ctx: FormsContext, profile: DraftProfile, category: Category, saved: SavedDrafts) {
  const own = saved[category] ?? {};
  return sectionKeys(ctx, profile, category).map((key) => {
    const generated = draftSection(ctx, profile, category, key);
    const edit = own[key];
    // An edit saved before facts it asks for were given is said to be behind them, with the facts, not left to print stale.
    const stale = edit?.edited ? staleNotice(ctx, profile.form, edit.text, ctx.formDrafting.messages.staleEdit) : null;
    return { section: key, title: generated.title, text: edit?.text ?? generated.text, edited: !!edit?.edited, savedAt: edit?.savedAt ?? null, generated, ...(stale ? { stale } : {}) };
  });
}

/**
 * The edited sections of a form that are behind the facts given since they were saved (staleNotice), each with its
 * title and those facts, and the warning an export carries for them (`staleExport`); null when none is.
 */
export function staleSections(ctx: FormsContext, profile: DraftProfile, category: Category, saved: SavedDrafts): StaleSections | null {
  return staleOfDrafts(ctx, draftsView(ctx, profile, category, saved));
}

export interface StaleSections {
  sections: { section: string; title: string; labels: string[] }[];
  warning: string;
}

/** The same, of sections already drafted (draftsView), for a caller that shows them too. */
export function staleOfDrafts(ctx: FormsContext, drafts: ReturnType<typeof draftsView>): StaleSections | null {
  const sections = drafts.flatMap((s) => (s.stale ? [{ section: s.section, title: s.title, labels: s.stale.labels }] : []));
  if (!sections.length) return null;
  const said = sections.map((s) => `“${s.title}”（${s.labels.map((l) => `“${l}”`).join('、')}）`).join('；');
  return { sections, warning: fill(ctx.formDrafting.messages.staleExport, { sections: said }) };
}

/**
 * The ratios the enterprise wrote in a workshop's cells that its own counts contradict, in the form view's words
 * (`ratioMismatch`, 「本稿按台（套）数计算」): the signed form prints the computed figure alone and carries no note of the
 * system's, so the export's response says which figure was printed and which was left out.
 */
export function figureNotes(ctx: FormsContext, profile: DraftProfile, category: Category): string[] {
  const m = ctx.formDrafting.messages;
  if (!m.ratioMismatch) return [];
  const notes = (profile.form.workshops ?? []).flatMap((w, i) => {
    const text = [...Object.values(w.descriptions ?? {}), ...(category === 'smartWorkshop' ? Object.values(profile.form.elements ?? {}) : [])].join('\n');
    return ratiosAgainstCounts(text, w, ctx.formDrafting.ratios).map((c) =>
      fill(m.ratioMismatch!, { unit: w.name?.trim() || `车间${i + 1}`, ratio: c.ratio, said: fill(m.ratioSaidInText ?? '{quote}', { quote: c.said }), stated: String(c.stated), part: String(c.part), whole: String(c.whole), computed: c.computed }),
    );
  });
  return [...new Set(notes)];
}

/** The notice of an edited text whose requests have been answered since it was saved: the facts and what to do; null when none. */
export function staleNotice(kb: FormsKnowledge, facts: FormFacts, text: string, tpl: string | undefined): { labels: string[]; notice: string } | null {
  const labels = answeredRequests(kb, facts, text);
  if (!labels.length || !tpl) return null;
  return { labels, notice: fill(tpl, { labels: labels.map((l) => `“${l}”`).join('、') }) };
}

/**
 * The name of each fact a drafted sentence rests on, from the knowledge: the page shows 「依据：MES」
 * rather than the id 「capabilities.mes」. Ids with no name in the knowledge are left out.
 */
export function factLabels(data: KnowledgeData, sections: { generated?: { sentences?: { facts: string[] }[] } }[]): Record<string, string> {
  const capabilities = new Map(data.capabilities.capabilities.map((c) => [`capabilities.${c.id}`, c.label]));
  const asked = new Map(data.interview.questions.flatMap((q) => (q.sets && q.label ? [[q.sets, q.label] as const] : [])));
  const questions = data.formQuestions.questions;
  // A form cell by its id (「ws.run」 → 「生产运行」), from every form of the version.
  const cells = new Map(Object.values(data.forms).flatMap((spec) => (spec ? allFields(spec).map((f) => [f.id, f.label.replace(/[：:]$/, '')] as const) : [])));
  const formLabel = (raw: string): string | undefined => {
    const path = raw.replace(/^form\./, '');
    const named = data.formDrafting.factLabels[path.replace(/\.\d{1,2}(?=\.|$)/g, '')];
    if (named) return named;
    // The question that asks for the fact names it as the chat does (「建设完成前产品不良品率」, 「车间1其中联网的设备」).
    const ws = /^workshops\.(\d{1,2})\./.exec(path);
    const q = questions.find((x) => x.fact === path || (ws && x.fact === path.replace(`workshops.${ws[1]}.`, 'workshops.{i}.')));
    if (q) return labelOf({ text: q.text.replace(/\{i\}/g, ws ? String(Number(ws[1]) + 1) : '') }).replace(/\{unit\}/g, '');
    const cell = /^(?:elements|workshops\.(\d{1,2})\.descriptions)\.(.+)$/.exec(path);
    if (cell && cells.has(cell[2]!)) return `${cell[1] !== undefined ? `车间${Number(cell[1]) + 1}` : ''}“${cells.get(cell[2]!)}”栏`;
    return undefined;
  };
  const words = data.formDrafting.computedLabels;
  // A computed figure in words: what it is computed from, by the labels of those facts.
  const computedLabel = (key: string): string | undefined => {
    const m = /^(\w+)\((.*)\)$/.exec(key);
    const tpl = m ? words[m[1]!] : undefined;
    if (!m || !tpl) return undefined;
    const [name, args] = [m[1]!, m[2]!.split(',')];
    const indicator = data.formDrafting.indicators.find((i) => i.id === args[0])?.label;
    const vars: Record<string, string | undefined> =
      name === 'changeRatio' ? { label: indicator ?? args[0] }
      : name === 'share' ? { part: formLabel(args[0] ?? ''), whole: formLabel(args[1] ?? '') }
      : name === 'debtRatio' ? { year: args[0] }
      : name === 'outputPerPersonDay' ? { side: words[args[0] ?? ''] ?? '' }
      : name === 'count' ? { label: formLabel(args[0] ?? '') }
      : {};
    return Object.values(vars).some((v) => v === undefined) ? undefined : fill(tpl, vars);
  };
  const out: Record<string, string> = {};
  for (const id of new Set(sections.flatMap((s) => s.generated?.sentences ?? []).flatMap((x) => x.facts))) {
    const computed = id.startsWith('computed:');
    const key = computed ? id.slice('computed:'.length) : id;
    const label = (computed ? computedLabel(key) : undefined) ?? capabilities.get(key) ?? asked.get(key) ?? formLabel(key);
    if (label) out[id] = label;
  }
  return out;
}

/** The user's own text per section, which the export prints instead of the generated draft. */
export function editedTexts(saved: SavedDrafts, category: Category): Record<string, string> {
  return Object.fromEntries(Object.entries(saved[category] ?? {}).map(([k, v]) => [k, v.text]));
}

/** Saved drafts with one section's edit stored, or removed (regeneration over it). */
export function withEdit(saved: SavedDrafts, category: Category, section: string, text: string | null, savedAt: string): SavedDrafts {
  const next = { ...saved, [category]: { ...(saved[category] ?? {}) } };
  if (text === null) delete next[category]![section];
  else next[category]![section] = { text, edited: true, savedAt };
  return next;
}

/** The company name as it goes into a file name: the form's own, else the assessment's. */
export function companyName(profile: DraftProfile): string | undefined {
  return profile.form.name ?? profile.enterprise?.name;
}
