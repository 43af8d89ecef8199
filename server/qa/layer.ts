import type { KnowledgeBase } from '../knowledge/base';
import { KnowledgeError } from '../knowledge/load';
import { AnswerBaseFile, type AnswerEntry } from '../knowledge/schemas/answer-base';
import { AnswerIndex } from './answer-base';
import { quoteWith } from './quote';

/**
 * Staff answer-base entries layered over the shipped answer base of one knowledge version. The
 * shipped files are never written: the layer is a second index built from the shipped entries
 * with the staff entries in place of (or beside) them, swapped in whole so a question is matched
 * either entirely before or entirely after an edit. The knowledge base object itself stays
 * immutable; answer.ts asks `answersOf(kb)` for the index to match against.
 */

interface Layer {
  index: AnswerIndex;
  /** Bumped on every swap, so caches keyed by it never serve an answer from before an edit. */
  generation: number;
  ids: Set<string>;
}

const layers = new WeakMap<KnowledgeBase, Layer>();

/** The answer index questions are matched against: the layered one when staff entries exist. */
export function answersOf(kb: KnowledgeBase): AnswerIndex {
  return layers.get(kb)?.index ?? kb.answers;
}

/** Changes whenever the layer of this knowledge version changes (0 before any staff entry). */
export function layerGeneration(kb: KnowledgeBase): number {
  return layers.get(kb)?.generation ?? 0;
}

/** The ids of the entries staff have written or replaced in this version. */
export function staffEntryIds(kb: KnowledgeBase): ReadonlySet<string> {
  return layers.get(kb)?.ids ?? new Set();
}

export class EntryRejected extends Error {
  constructor(
    message: string,
    readonly details: { field: string; message: string }[],
  ) {
    super(message);
  }
}

/**
 * Checks one staff entry exactly as a shipped entry is checked: the answer-base zod schema (with
 * its file-level rules: known placeholders, a proving quote), then every clause and quote against
 * the clause text through the same preparation the shipped index runs at startup. Returns the
 * parsed entry; throws EntryRejected naming what failed.
 */
export function checkEntry(kb: KnowledgeBase, candidate: unknown): AnswerEntry {
  const parsed = AnswerBaseFile.safeParse({ entries: [candidate] });
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 10).map((i) => ({ field: ['entry', ...i.path.slice(2)].join('.'), message: i.message }));
    throw new EntryRejected(`答复条目不合格 (invalid entry) — ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
  }
  const entry = parsed.data.entries[0]!;
  const details: { field: string; message: string }[] = [];
  entry.clauses.forEach((id, i) => {
    if (!kb.clause(id)) details.push({ field: `entry.clauses.${i}`, message: `条款 ${id} 不存在 (no such clause)` });
  });
  entry.quotes.forEach((q, i) => {
    const c = kb.clause(q.clause);
    if (!c) details.push({ field: `entry.quotes.${i}.clause`, message: `条款 ${q.clause} 不存在 (no such clause)` });
    else if (!quoteWith(c.text, q.find)) details.push({ field: `entry.quotes.${i}.find`, message: `条款 ${q.clause} 中没有原文“${q.find}”，引文须逐字摘自条款 (quote is not verbatim clause text)` });
  });
  if (details.length) throw new EntryRejected(`引用未通过核对 (citation check failed) — ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
  try {
    // The shipped index's own preparation, run on this entry alone: whatever it refuses at startup is refused here.
    new AnswerIndex({ ...kb.data, answerBase: { entries: [entry] } }, kb.clause, kb.children, 'staff entry');
  } catch (err) {
    if (err instanceof KnowledgeError) throw new EntryRejected(`引用未通过核对 (citation check failed) — ${err.message}`, [{ field: 'entry', message: err.message }]);
    throw err;
  }
  return entry;
}

/**
 * Replaces the layer of a knowledge version with these staff entries (each already checked).
 * A staff entry with a shipped entry's id replaces it; a new id is added. An empty list removes
 * the layer, and the shipped answer base answers alone again.
 */
export function setLayer(kb: KnowledgeBase, staff: readonly AnswerEntry[]): void {
  const prev = layers.get(kb);
  const generation = (prev?.generation ?? 0) + 1;
  if (staff.length === 0) {
    layers.set(kb, { index: kb.answers, generation, ids: new Set() });
    return;
  }
  const byId = new Map(staff.map((e) => [e.id, e]));
  const shipped = kb.data.answerBase.entries;
  const entries = [...shipped.map((e) => byId.get(e.id) ?? e), ...staff.filter((e) => !shipped.some((s) => s.id === e.id))];
  const index = new AnswerIndex({ ...kb.data, answerBase: { ...kb.data.answerBase, entries } }, kb.clause, kb.children, 'staff answer layer');
  layers.set(kb, { index, generation, ids: new Set(byId.keys()) });
}
