import type { KnowledgeData } from '../knowledge/load';
import type { InterviewQuestion, Requirement } from '../knowledge/schemas/engine';
import type { CapabilityId, Category } from '../schemas/profile';

export type Mode = 'discrete' | 'process';
export type Prior = 'discrete' | 'process' | 'mixed';

export interface Division {
  code: string;
  name: string;
  prior: Prior;
  mixed: boolean;
}

export interface AliasEntry {
  alias: string;
  caps: CapabilityId[];
}

/** Everything the engine derives from the knowledge data once, so each call stays cheap under load. */
export interface EngineIndex {
  questions: Map<string, InterviewQuestion>;
  questionOrder: Map<string, number>;
  capLabel: Map<CapabilityId, string>;
  /** Labels in one category's own words (配方优化 for a process factory), where the notice words them differently. */
  capLabelIn: Map<CapabilityId, Partial<Record<Category, string>>>;
  implies: Map<CapabilityId, CapabilityId[]>;
  /** A composite capability's members (SCADA, MES, ERP for their integration): with one absent, nothing is integrated. */
  integrates: Map<CapabilityId, CapabilityId[]>;
  aliases: AliasEntry[];
  aliasCaps: Map<string, CapabilityId[]>;
  aliasRegex: RegExp | null;
  /** Capabilities the notice names by alternatives: one named form in place is the capability in place. */
  anyForm: Set<CapabilityId>;
  /** Systems whose name answers a capability's question while it waits (CapabilitiesFile `answeredBy`). */
  answeredBy: Map<CapabilityId, CapabilityId[]>;
  divisions: Map<string, Division>;
  /**
   * The everyday names of each division's trade (化工 → 26, 仓储 → 59), from industries.json: the one list the Q&A trade
   * lookup reads too, so the interview and an answer never put one trade in two divisions.
   */
  tradeAliases: Map<string, string[]>;
  /** The name of every GB/T 4754 division the knowledge names, manufacturing or not (59 装卸搬运和仓储业). */
  divisionNames: Map<string, string>;
  counties: Set<string>;
  /** Requirements of each category element; the smart workshop's 三(一)4 is resolved per mode at use. */
  factoryCategory: Record<Mode, Category>;
}

const cache = new WeakMap<object, EngineIndex>();

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function isLatin(s: string): boolean {
  return /^[\x20-\x7e]+$/.test(s);
}

/**
 * One alternation of all words, longest first, so the regex engine's leftmost match is also the
 * longest one (立体仓库 before 仓库). Latin words only match as whole words: "MES" must not be
 * found inside "MESSAGE".
 */
export function wordRegex(words: string[], flags = 'gi'): RegExp | null {
  const uniq = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (uniq.length === 0) return null;
  const parts = uniq.map((w) => (isLatin(w) ? `(?<![a-z0-9])${escapeRegex(w)}(?![a-z0-9])` : escapeRegex(w)));
  return new RegExp(parts.join('|'), flags);
}

/**
 * K's files are read structurally rather than through their types, so the engine keeps working
 * (and typechecking) whichever shape or presence they have; a file that does not match is ignored.
 */
function readDivisions(kb: KnowledgeData): Map<string, Division> {
  const out = new Map<string, Division>();
  const raw = (kb as unknown as Record<string, unknown>).industries as { divisions?: unknown } | undefined;
  if (!raw || !Array.isArray(raw.divisions)) return out;
  for (const d of raw.divisions as Record<string, unknown>[]) {
    const code = typeof d.code === 'string' ? d.code.replace(/^[A-Za-z]/, '') : '';
    const prior = d.prior;
    if (!/^\d{2}$/.test(code) || typeof d.name !== 'string') continue;
    if (prior !== 'discrete' && prior !== 'process' && prior !== 'mixed') continue;
    out.set(code, { code, name: d.name, prior, mixed: d.mixed === true || prior === 'mixed' });
  }
  return out;
}

function readTradeAliases(kb: KnowledgeData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const raw = (kb as unknown as Record<string, unknown>).industries as { divisions?: unknown; otherDivisions?: unknown } | undefined;
  for (const list of [raw?.divisions, raw?.otherDivisions]) {
    if (!Array.isArray(list)) continue;
    for (const d of list as Record<string, unknown>[]) {
      if (typeof d.code !== 'string' || !Array.isArray(d.aliases)) continue;
      out.set(d.code.replace(/^[A-Za-z]/, ''), d.aliases.filter((w): w is string => typeof w === 'string'));
    }
  }
  return out;
}

function readDivisionNames(kb: KnowledgeData): Map<string, string> {
  const out = new Map<string, string>();
  const raw = (kb as unknown as Record<string, unknown>).industries as { divisions?: unknown; otherDivisions?: unknown } | undefined;
  for (const list of [raw?.divisions, raw?.otherDivisions]) {
    if (!Array.isArray(list)) continue;
    for (const d of list as Record<string, unknown>[]) if (typeof d.code === 'string' && typeof d.name === 'string') out.set(d.code, d.name);
  }
  return out;
}

/** A division as people read it: its code with its name (「59 装卸搬运和仓储业」), or the code alone when the knowledge has no name for it. */
export function divisionLabel(kb: KnowledgeData, code: string): string {
  const name = indexOf(kb).divisionNames.get(code);
  return name ? `${code} ${name}` : code;
}

function readLexiconAliases(kb: KnowledgeData, ids: Set<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const raw = (kb as unknown as Record<string, unknown>).lexicon as { entries?: unknown } | undefined;
  if (!raw || !Array.isArray(raw.entries)) return out;
  for (const e of raw.entries as Record<string, unknown>[]) {
    if (typeof e.id !== 'string' || !ids.has(e.id)) continue;
    const words = [e.canonical, ...(Array.isArray(e.aliases) ? e.aliases : [])].filter((w): w is string => typeof w === 'string' && w.length > 1);
    out.set(e.id, words);
  }
  return out;
}

function readCounties(kb: KnowledgeData): Set<string> {
  const out = new Set<string>();
  const raw = (kb as unknown as Record<string, unknown>).regions as { regions?: unknown } | undefined;
  if (!raw || !Array.isArray(raw.regions)) return out;
  for (const r of raw.regions as Record<string, unknown>[]) {
    if (r.kind !== '县级市' && r.kind !== '县') continue;
    if (typeof r.name === 'string') out.add(r.name);
    if (Array.isArray(r.aliases)) for (const a of r.aliases) if (typeof a === 'string' && a.length > 1) out.add(a);
  }
  return out;
}

export function indexOf(kb: KnowledgeData): EngineIndex {
  const hit = cache.get(kb);
  if (hit) return hit;
  const questions = new Map<string, InterviewQuestion>();
  const questionOrder = new Map<string, number>();
  kb.interview.questions.forEach((q, i) => {
    questions.set(q.id, q);
    questionOrder.set(q.id, i);
  });
  const capLabel = new Map<CapabilityId, string>();
  const capLabelIn = new Map<CapabilityId, Partial<Record<Category, string>>>();
  const implies = new Map<CapabilityId, CapabilityId[]>();
  const byAlias = new Map<string, Set<CapabilityId>>();
  const add = (alias: string, id: CapabilityId) => {
    const key = alias.trim();
    if (!key) return;
    const lower = key.toLowerCase();
    if (!byAlias.has(lower)) byAlias.set(lower, new Set());
    byAlias.get(lower)!.add(id);
  };
  for (const c of kb.capabilities.capabilities) {
    capLabel.set(c.id, c.label);
    if (c.labels) capLabelIn.set(c.id, c.labels);
    if (c.implies) implies.set(c.id, c.implies);
    for (const a of c.aliases) add(a, c.id);
  }
  // The shared lexicon is written for retrieval, where a loose synonym helps; recording a fact needs
  // precision, so its words only count when no capability here claims them and none excludes them.
  const own = new Map<string, CapabilityId>();
  for (const c of kb.capabilities.capabilities) for (const a of c.aliases) own.set(a.toLowerCase(), c.id);
  const excluded = new Map(kb.capabilities.capabilities.map((c) => [c.id, new Set((c.notAliases ?? []).map((w) => w.toLowerCase()))]));
  for (const [id, words] of readLexiconAliases(kb, new Set(capLabel.keys()))) {
    for (const w of words) {
      const lower = w.toLowerCase();
      const owner = own.get(lower);
      if ((owner && owner !== id) || excluded.get(id as CapabilityId)?.has(lower)) continue;
      add(w, id as CapabilityId);
    }
  }
  const aliases = [...byAlias.entries()].map(([alias, caps]) => ({ alias, caps: [...caps] }));
  const index: EngineIndex = {
    questions,
    questionOrder,
    capLabel,
    capLabelIn,
    implies,
    integrates: new Map(kb.capabilities.capabilities.flatMap((c) => (c.composite ? [[c.id, c.composite.of] as const] : []))),
    aliases,
    aliasCaps: new Map(aliases.map((a) => [a.alias, a.caps])),
    aliasRegex: wordRegex(aliases.map((a) => a.alias)),
    anyForm: new Set(kb.capabilities.capabilities.filter((c) => c.anyForm).map((c) => c.id)),
    answeredBy: new Map(kb.capabilities.capabilities.flatMap((c) => (c.answeredBy?.length ? [[c.id, c.answeredBy] as const] : []))),
    divisions: readDivisions(kb),
    tradeAliases: readTradeAliases(kb),
    divisionNames: readDivisionNames(kb),
    counties: readCounties(kb),
    factoryCategory: { discrete: 'discreteFactory', process: 'processFactory' },
  };
  cache.set(kb, index);
  return index;
}

/** A capability's label as the category's own clause words it; the neutral label elsewhere. */
export function labelOf(kb: KnowledgeData, id: CapabilityId, category?: Category): string {
  const idx = indexOf(kb);
  return (category && idx.capLabelIn.get(id)?.[category]) ?? idx.capLabel.get(id) ?? id;
}

/** The requirements of an element for a mode; an undetermined mode yields both branches for the caller to weigh. */
export function requirementsOf(
  el: { requirements?: Requirement[]; branches?: { discrete: Requirement[]; process: Requirement[] } },
  mode: Mode | undefined,
): Requirement[][] {
  if (el.requirements) return [el.requirements];
  const b = el.branches!;
  if (mode) return [b[mode]];
  return [b.discrete, b.process];
}

const compiled = new Map<string, string[]>();

/**
 * Fills {placeholders}; an unknown placeholder stays visible rather than silently vanishing.
 * Templates are split once and cached: the engine fills dozens per assessment, on every message.
 */
export function fill(template: string, vars: Record<string, string | number | undefined>): string {
  let parts = compiled.get(template);
  if (!parts) {
    // Even indices are literal text, odd indices are placeholder names.
    parts = template.split(/\{(\w+)\}/);
    if (compiled.size < 10_000) compiled.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = vars[parts[i]];
    out += (v === undefined ? `{${parts[i]}}` : String(v)) + parts[i + 1];
  }
  return out;
}

/**
 * A condition's lacking capabilities as the items to list: each one alone, except a group of alternatives (`anyOf`),
 * which stands as one item where its first member stands, since any one of them would meet its requirement.
 */
export function gapItems(c: { missing: readonly CapabilityId[]; anyOf?: readonly (readonly CapabilityId[])[] }): (CapabilityId | readonly CapabilityId[])[] {
  const groups = c.anyOf ?? [];
  const out: (CapabilityId | readonly CapabilityId[])[] = [];
  const placed = new Set<readonly CapabilityId[]>();
  for (const id of c.missing) {
    const g = groups.find((x) => x.includes(id));
    if (!g) out.push(id);
    else if (!placed.has(g)) {
      placed.add(g);
      out.push(g);
    }
  }
  return out;
}

/** One item of gapItems in a category's words: a group as its alternatives joined, 「具备其一即可」 (category-rules.json anyItem). */
export function gapLabel(kb: KnowledgeData, item: CapabilityId | readonly CapabilityId[], category?: Category): string {
  const t = kb.categoryRules.texts;
  return typeof item === 'string' ? labelOf(kb, item, category) : fill(t.anyItem, { items: item.map((x) => labelOf(kb, x, category)).join(t.anySeparator) });
}
