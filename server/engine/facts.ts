import type { KnowledgeData } from '../knowledge/load';
import type { AnswerValue } from '../schemas/interview';
import type { CapabilityId, CapabilityValue, Profile } from '../schemas/profile';
import type { MetricKey, SelfKey } from '../knowledge/schemas/engine';
import { indexOf } from './kb';
import { yearOf } from '../understand';
import { parseDate } from '../understand/dates';
import { parseNumber } from './interpret';

type Title = 'smartWorkshop' | 'smartFactory';

/**
 * What the engine knows about an enterprise. Unlike Profile every fact may be unknown, because
 * an interview fills them one by one; unknown facts make the verdict 'incomplete', never a failure.
 */
export interface Facts {
  enterprise: {
    name?: string;
    province?: string;
    city?: string;
    county?: string;
    creditCode?: string;
    registeredInHenan?: boolean;
    independentLegalPerson?: boolean;
    groupOrHeadOffice?: boolean;
    manufacturingMainBusiness?: boolean;
    industryCode?: string;
    operatingWell?: boolean;
    credit: { dishonestExecutee?: boolean; taxViolationBlacklist?: boolean; seriousIllegalDishonest?: boolean };
    priorTitles?: Title[];
    /** Whether the workshop applying is the one already titled 智能车间 (四(一)); asked only of a workshop title holder applying for 智能车间. */
    titledWorkshopAgain?: boolean;
    appliedThisYear?: boolean;
    greenPriority?: boolean;
    /** The year it was founded, as the enterprise gave it: only what it can fill in the form depends on it. */
    foundedYear?: number;
    /** The month and day of the founding, when an answer or the form's 成立时间 gives them: a founding-age condition in its boundary year reads them. */
    foundedMonth?: number;
    foundedDay?: number;
  };
  scope?: 'workshop' | 'factory';
  productionMode?: 'discrete' | 'process';
  capabilities: Partial<Record<CapabilityId, CapabilityValue>>;
  metrics: Partial<Record<MetricKey, number>>;
  /** Metrics given as a round figure (「大概九成」): recorded for the assessment, and said as 约 wherever shown. */
  approxMetrics?: Partial<Record<MetricKey, true>>;
  selfAssessment: Partial<Record<SelfKey, boolean>>;
  /** Facts a hard condition of a later notice reads that no profile field holds (category-rules.json `declared.*`). */
  declared: Record<string, boolean | number | string>;
}

export function emptyFacts(): Facts {
  return { enterprise: { credit: {} }, capabilities: {}, metrics: {}, selfAssessment: {}, declared: {} };
}

export function factsFromProfile(kb: KnowledgeData, p: Profile): Facts {
  const e = p.enterprise;
  const province = e.province.toLowerCase();
  const facts: Facts = {
    enterprise: {
      ...e,
      credit: { ...e.credit },
      priorTitles: [...(e.priorTitles ?? [])],
      // Profile carries the province as text; 二(一) asks for registration in Henan.
      registeredInHenan: kb.categoryRules.province.match.some((w) => province.includes(w.toLowerCase())),
    },
    scope: p.scope,
    productionMode: p.productionMode,
    capabilities: { ...p.capabilities },
    metrics: { ...(p.metrics ?? {}) },
    selfAssessment: { ...(p.selfAssessment ?? {}) },
    declared: { ...(p.declared ?? {}) },
  };
  settleIntegrations(kb, facts);
  return facts;
}

/** "C36", "c3670", "F51" and "36" all name division 36, "51" for F51; anything else is not a code. */
export function normaliseDivision(code: string): string | undefined {
  const m = /^\s*[A-Ta-t]?(\d{2})\d{0,2}\s*$/.exec(code);
  return m ? m[1] : undefined;
}

/** Each field path split once: the facts are rebuilt from every answer on every turn. */
const pathParts = new Map<string, string[]>();

function setPath(facts: Facts, path: string, value: unknown): void {
  let parts = pathParts.get(path);
  if (!parts) pathParts.set(path, (parts = path.split('.')));
  let obj = facts as unknown as Record<string, unknown>;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    if (typeof obj[p] !== 'object' || obj[p] === null) obj[p] = {};
    obj = obj[p] as Record<string, unknown>;
  }
  obj[parts[parts.length - 1]!] = value;
}

/** Turns interview answers into facts: each question's 'sets' names its field, 'map' converts a choice. */
export function factsFromAnswers(kb: KnowledgeData, answers: Record<string, AnswerValue>): Facts {
  const { questions } = indexOf(kb);
  const facts = emptyFacts();
  for (const [id, raw] of Object.entries(answers)) {
    const q = questions.get(id);
    // An explicit skip (null) keeps the fact unknown.
    if (!q || raw === null || raw === undefined) continue;
    let value: unknown = raw;
    if (q.map && typeof raw === 'string') {
      if (!(raw in q.map)) continue;
      value = q.map[raw];
      if (value === null) continue;
    }
    if (q.sets === 'enterprise.industryCode') {
      value = typeof value === 'string' ? normaliseDivision(value) : undefined;
      if (value === undefined) continue;
    }
    if (q.sets === 'enterprise.registeredInHenan' && value === true) facts.enterprise.province = kb.categoryRules.province.name;
    if (q.sets === 'enterprise.foundedYear') {
      Object.assign(facts.enterprise, monthDayOf(value));
      value = foundedYearOf(value);
      if (value === undefined) continue;
    }
    // The founding date asked after the year (「2021年3月20日」, or 「3月20日」 with the year already given) dates it.
    if (q.sets === 'enterprise.foundedDate') {
      const full = /\d{4}/.test(String(value));
      const said = full ? monthDayOf(value) : monthDayAlone(value);
      if (said.foundedMonth === undefined) continue;
      const year = full ? foundedYearOf(value) : undefined;
      if (year !== undefined) facts.enterprise.foundedYear = year;
      delete facts.enterprise.foundedDay;
      Object.assign(facts.enterprise, said);
      continue;
    }
    setPath(facts, q.sets, value);
  }
  // A metric answered round carries the words typed under `approx.<question>`; the mark holds while those words
  // still read as the figure kept (an exact answer given since replaces the figure, and the mark no longer applies).
  for (const [id, q] of questions) {
    const said = answers[`approx.${id}`];
    const m = /^metrics\.(\w+)$/.exec(q.sets ?? '');
    if (!m || typeof said !== 'string' || typeof answers[id] !== 'number') continue;
    if (parseNumber(said, q.unit)?.value !== answers[id]) continue;
    (facts.approxMetrics ??= {})[m[1] as MetricKey] = true;
  }
  // The form's 成立时间, typed in the form phase or accepted from an uploaded licence, is the same fact, dated.
  const dated = foundedYearOf(answers['form.foundedOn']);
  if (dated !== undefined) {
    facts.enterprise.foundedYear = dated;
    delete facts.enterprise.foundedMonth;
    delete facts.enterprise.foundedDay;
    Object.assign(facts.enterprise, monthDayOf(answers['form.foundedOn']));
  }
  settleIntegrations(kb, facts);
  return facts;
}

/**
 * An integration of systems one of which the enterprise does not have (MES 没有) is not in place,
 * whatever was said of the integration: the rules hold it absent, so neither the assessment nor a
 * draft can claim it.
 */
export function settleIntegrations(kb: KnowledgeData, facts: Facts): void {
  for (const [id, members] of indexOf(kb).integrates) {
    if (members.some((m) => facts.capabilities[m] === false)) facts.capabilities[id] = false;
  }
}

/** Whether the rules already hold a capability absent because a system it integrates is absent. */
export function integrationImpossible(kb: KnowledgeData, facts: Facts, id: CapabilityId): boolean {
  return (indexOf(kb).integrates.get(id) ?? []).some((m) => facts.capabilities[m] === false);
}

/**
 * The year a founding answer names: 「2024」, 「2024年3月」, 「2024-03-18」, 「二〇一一年」, 「11年」, 「98年」;
 * nothing when it names no year. A two-digit year is read against the current year, as people mean it.
 */
export function foundedYearOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1800 && v <= 2999 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  return yearOf(v, new Date().getFullYear());
}

/**
 * A founding answer as it is kept: the date whole where the words give its month (「2009年8月成立的」 → 2009-08,
 * 「二〇〇九年八月十八日」 → 2009-08-18, 「09年8月」, 「2009.8」), the year alone where they give only the year (「2009年」
 * → 2009), never padded with a month nobody said. Undefined when the words name no year.
 */
export function foundingAsKept(text: string): string | undefined {
  const year = foundedYearOf(text);
  if (year === undefined) return undefined;
  const date = parseDate(text);
  return date !== undefined && Number(date.slice(0, 4)) === year ? date : String(year);
}

/** The month and day a founding answer gives after its year (「2021年5月」, 「2021-05-18」, 「2021.5」); nothing when it gives none. */
function monthDayOf(v: unknown): { foundedMonth?: number; foundedDay?: number } {
  if (typeof v !== 'string') return {};
  const m = /(?:\d{4}|\d{2})\s*[年\-/.．]\s*(\d{1,2})(?:\s*[月\-/.．]\s*(\d{1,2}))?/u.exec(v.normalize('NFKC'));
  const month = m ? Number(m[1]) : NaN;
  if (!(month >= 1 && month <= 12)) return {};
  const day = m![2] ? Number(m![2]) : NaN;
  return day >= 1 && day <= 31 ? { foundedMonth: month, foundedDay: day } : { foundedMonth: month };
}

/** A month and day said without the year (「3月20日」, 「3月」), as an answer to the founding date once the year is known. */
function monthDayAlone(v: unknown): { foundedMonth?: number; foundedDay?: number } {
  if (typeof v !== 'string') return {};
  const m = /^\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?/u.exec(v.normalize('NFKC'));
  const month = m ? Number(m[1]) : NaN;
  if (!(month >= 1 && month <= 12)) return {};
  const day = m![2] ? Number(m![2]) : NaN;
  return day >= 1 && day <= 31 ? { foundedMonth: month, foundedDay: day } : { foundedMonth: month };
}

/** The profile-shaped view of the facts (fields stay absent when unknown), for drafting and display. */
export type PartialProfile = {
  enterprise: Partial<Omit<Profile['enterprise'], 'credit'>> & { credit: Partial<Profile['enterprise']['credit']> };
  scope?: Profile['scope'];
  productionMode?: Profile['productionMode'];
  capabilities: Profile['capabilities'];
  metrics: NonNullable<Profile['metrics']>;
  selfAssessment: NonNullable<Profile['selfAssessment']>;
  declared?: Profile['declared'];
};

export function partialProfileOf(facts: Facts): PartialProfile {
  // The founding year is no profile field: the form carries the dated 成立时间.
  const { registeredInHenan: _r, foundedYear: _f, foundedMonth: _m, foundedDay: _d, ...enterprise } = facts.enterprise;
  const strip = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const out: PartialProfile = {
    enterprise: { ...strip(enterprise), credit: strip(facts.enterprise.credit) },
    capabilities: strip(facts.capabilities),
    metrics: strip(facts.metrics),
    selfAssessment: strip(facts.selfAssessment),
  };
  if (Object.keys(facts.declared).length) out.declared = { ...facts.declared };
  if (facts.scope) out.scope = facts.scope;
  if (facts.productionMode) out.productionMode = facts.productionMode;
  return out;
}
