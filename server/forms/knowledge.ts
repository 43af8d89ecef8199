import type { FormDrafting, FormMessages, FormQuestion, FormSpec, FormVocabulary } from '../knowledge/schemas/forms';
import type { FactCheckForm } from './facts';
import type { Category } from '../schemas/profile';
import { absoluteDates, dateReference } from './document-form';

/** The words that name what equipment counts count and the unit they are of (see equipmentCountsOf). */
export interface CountWords {
  metricSubjects?: Record<string, string[]>;
  unitScopes?: { factory: string[]; workshop: string[] };
}

/** The part of the knowledge data the form code reads; KnowledgeData satisfies it. */
export interface FormsKnowledge {
  forms: Record<string, FormSpec>;
  formQuestions: { vocabulary: FormVocabulary; messages: FormMessages; questions: FormQuestion[] };
  formDrafting: FormDrafting;
  /**
   * The interview's answer words: a plain yes or no to a choice worded as a yes/no question reads as the interview reads it,
   * and a correction (「说错了」, 「不对」) is heard with the same words in both phases.
   */
  interview?: { vocabulary: { yes: string[]; no: string[]; yesParticles: string[]; corrections?: string[] } & CountWords };
  /** The notice's deadlines (facts.json): a date the form states as done that falls after the last is said back. */
  facts?: { deadlines: { date: string; month: number; day: number; who: string; what: string; clause: string }[] };
  /** GB/T 4754 divisions: a division code the interview recorded is written into the form by its name. */
  industries?: { divisions: { code: string; name: string; aliases?: string[] }[]; otherDivisions?: { code: string; name: string }[] };
}

export function formSpec(kb: FormsKnowledge, category: Category): FormSpec {
  const spec = kb.forms[category];
  if (!spec) throw new Error(`no form spec for category ${category}`);
  return spec;
}

const noticeYears = new WeakMap<FormsKnowledge, number | undefined>();
/**
 * The year the form's relative years (去年, 前年) count from: the notice's, the one after the last column of its
 * 近三年主要经济指标 (2020–2022 in the 2023 notice's forms). Undefined for a form without the table.
 */
export function noticeYear(kb: FormsKnowledge): number | undefined {
  if (!noticeYears.has(kb)) {
    const years = factCheckFormOf(kb).years.map(Number);
    noticeYears.set(kb, years.length ? Math.max(...years) + 1 : undefined);
  }
  return noticeYears.get(kb);
}

/**
 * What the cross-fact checks need from a form: the years of its 近三年主要经济指标 table, its
 * attachment and the knowledge's wording of the flags. Every form of a notice lists the same years,
 * so without a category the first form that has the table answers.
 */
export function factCheckFormOf(kb: FormsKnowledge, category?: Category | null): FactCheckForm {
  const specs = category ? [formSpec(kb, category)] : Object.values(kb.forms);
  for (const spec of specs) {
    const b = spec.section1.blocks.find((x) => x.type === 'matrix' && x.id === 'finance');
    if (b && b.type === 'matrix')
      return { years: b.columns.map((c) => c.key).filter((k) => /^\d{4}$/.test(k)), dated: (t: string, asOf?: string) => absoluteDates(kb.formDrafting, t, dateReference(noticeYear(kb), asOf)), attachment: spec.attachment, workshopApplication: category === 'smartWorkshop', factoryApplication: category === 'discreteFactory' || category === 'processFactory', messages: kb.formDrafting.messages, ratios: kb.formDrafting.ratios, relativeTimeWords: kb.formDrafting.relativeTimeWords, labels: kb.formDrafting.factLabels, capabilityCheck: capabilityCheckOf(kb), cellLabels: cellLabelsOf(specs), cellCapabilities: cellCapabilitiesOf(specs), ...(kb.formDrafting.systemDates ? { systemDates: kb.formDrafting.systemDates } : {}) };
  }
  return { years: [], attachment: specs[0]?.attachment ?? '', messages: kb.formDrafting.messages, ratios: kb.formDrafting.ratios, relativeTimeWords: kb.formDrafting.relativeTimeWords, labels: kb.formDrafting.factLabels, capabilityCheck: capabilityCheckOf(kb), cellLabels: cellLabelsOf(specs), cellCapabilities: cellCapabilitiesOf(specs), ...(kb.formDrafting.systemDates ? { systemDates: kb.formDrafting.systemDates } : {}) };
}

/**
 * What the check of the enterprise's own text against its capability answers needs: each capability's name
 * and the words that name it in a text (its abbreviation, 「MES」, and its `terms` of three characters or more or
 * in Latin letters: shorter Han words such as 集成 name too much), and the status words.
 */
function capabilityCheckOf(kb: FormsKnowledge): FactCheckForm['capabilityCheck'] {
  const status = kb.formDrafting.capabilityStatus;
  if (!status) return undefined;
  const caps = Object.entries(kb.formDrafting.capabilities).map(([id, c]) => {
    const abbr = [...c.name.matchAll(/（([A-Za-z]+)）/g)].map((m) => m[1]!);
    const terms = [...abbr, ...(c.terms ?? [])].filter((t) => /^[A-Za-z0-9]+$/.test(t) || t.length >= 3);
    return { id, name: c.name, terms: [...new Set(terms)] };
  });
  return { caps, status };
}

/** The capabilities each narrative cell asks about, by its id; a cell of the same id in several forms asks about all of theirs. */
function cellCapabilitiesOf(specs: FormSpec[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const spec of specs)
    for (const b of spec.section1.blocks)
      if (b.type === 'cells' || b.type === 'workshops')
        for (const f of b.fields) if (f.kind === 'narrative' && f.capabilities?.length) out[f.id] = [...new Set([...(out[f.id] ?? []), ...f.capabilities])];
  return out;
}

/** The form's own label of each narrative cell (「ws.run」 → its label), for flags that quote a cell. */
function cellLabelsOf(specs: FormSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs)
    for (const b of spec.section1.blocks)
      if (b.type === 'cells' || b.type === 'workshops') for (const f of b.fields) if (f.kind === 'narrative' && !(f.id in out)) out[f.id] = f.label;
  return out;
}
