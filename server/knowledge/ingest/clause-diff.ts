import { diffArrays } from 'diff';
import type { Clause } from '../schemas/clauses';

/** One run of a clause diff: '=' kept, '-' only in the old text, '+' only in the new. */
export interface DiffPart {
  op: '=' | '-' | '+';
  text: string;
}

export interface NumberChange {
  clause: string;
  /** What kind of figure: 日期, 名额/数量, 大小, 比例, 数字. */
  kind: string;
  from: string | null;
  to: string | null;
  /** The new (or, when removed, old) text around the figure. */
  context: string;
  /** The old text around the old figure, where there was one: what a reviewer compares `context` with. */
  was?: string;
}

export interface ClauseChange {
  id: string;
  title: { from: string; to: string } | null;
  parts: DiffPart[];
  /** True when only figures differ (the text with every number masked is the same). */
  numbersOnly: boolean;
  /**
   * True when only line breaks, spaces or the width of punctuation differ (「，」 for 「,」): the notice says the
   * same, so only an item whose quoted passage is no longer written as it was needs a look.
   */
  layoutOnly: boolean;
}

/** A clause whose text stayed the same while its number changed (a clause before it was added or removed). */
export interface ClauseMove {
  from: string;
  to: string;
  title: string;
}

export interface ClauseDiff {
  added: Clause[];
  removed: Clause[];
  changed: ClauseChange[];
  /** Renumbered clauses, old ID → new ID; they are in neither `added`, `removed` nor `changed`. */
  moved: ClauseMove[];
  numbers: NumberChange[];
}

/**
 * Figures an operator has to see: dates (3月15日, 2023年), counts with their measure word
 * (20家, 10张, 1个), sizes (200M), resolutions (1080P), percentages and plain numbers.
 */
const FIGURE = /\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|\d+(?:\.\d+)?\s*(?:家|个|张|项|份|人|分钟|小时|天|日|年|字|万元|亿元|元|倍|次)|\d+(?:\.\d+)?\s*(?:[MGK]B?|兆)(?![A-Za-z])|\d+[Pp](?![A-Za-z])|\d+(?:\.\d+)?\s*[%％]|\d+(?:\.\d+)?/g;

function figureKind(f: string): string {
  if (/^\d{4}年$/.test(f)) return '年份';
  if (/月|年/.test(f) && /^\d/.test(f) && !/^\d+(\.\d+)?\s*年$/.test(f)) return '日期';
  if (/[MGK]B?$|兆$/.test(f)) return '大小';
  if (/[%％]$/.test(f)) return '比例';
  if (/家|个|张|项|份|人|次$/.test(f)) return '名额/数量';
  if (/分钟|小时|天|日|年$/.test(f)) return '期限';
  return '数字';
}

export const maskNumbers = (s: string) => s.replace(/\d+(?:\.\d+)?/g, '#');

/** Half-width marks a retyped or extracted notice uses for the notice's full-width ones. */
const WIDE: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？', '"': '“', '”': '“', '‘': '’', "'": '’' };

/** A text with its layout taken out: no whitespace, punctuation in one width and one kind of quotation mark. */
export const layoutKey = (s: string) => s.replace(/\s+/g, '').replace(/[,;:()!?"”‘']/g, (c) => WIDE[c] ?? c);

interface Figure {
  text: string;
  at: number;
}
const figures = (s: string): Figure[] => [...s.matchAll(FIGURE)].map((m) => ({ text: m[0], at: m.index! }));
const around = (s: string, at: number, len: number) => s.slice(Math.max(0, at - 12), at + len + 6).replace(/\n/g, ' ');

/** Pairs the figures of two texts in order; a figure replaced by another at the same place is a change. */
export function numberChanges(id: string, from: string, to: string): NumberChange[] {
  const a = figures(from);
  const b = figures(to);
  const out: NumberChange[] = [];
  const parts = diffArrays(
    a.map((f) => f.text),
    b.map((f) => f.text),
  );
  let ia = 0;
  let ib = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    const n = p.count ?? p.value.length;
    if (!p.added && !p.removed) {
      ia += n;
      ib += n;
      continue;
    }
    if (p.removed && parts[k + 1]?.added) {
      const q = parts[k + 1]!;
      const m = q.count ?? q.value.length;
      for (let j = 0; j < Math.max(n, m); j++) {
        const fa = j < n ? a[ia + j]! : null;
        const fb = j < m ? b[ib + j]! : null;
        out.push({
          clause: id,
          kind: figureKind((fb ?? fa)!.text),
          from: fa?.text ?? null,
          to: fb?.text ?? null,
          context: fb ? around(to, fb.at, fb.text.length) : around(from, fa!.at, fa!.text.length),
          ...(fa ? { was: around(from, fa.at, fa.text.length) } : {}),
        });
      }
      ia += n;
      ib += m;
      k++;
      continue;
    }
    for (let j = 0; j < n; j++) {
      const f = p.removed ? a[ia + j]! : b[ib + j]!;
      out.push({ clause: id, kind: figureKind(f.text), from: p.removed ? f.text : null, to: p.added ? f.text : null, context: around(p.removed ? from : to, f.at, f.text.length), ...(p.removed ? { was: around(from, f.at, f.text.length) } : {}) });
    }
    if (p.removed) ia += n;
    else ib += n;
  }
  return out;
}

/**
 * The units a clause diff changes as a whole: a run of digits (with its decimal point), a Latin word, a run of
 * whitespace, or one Han character or mark. Diffing by character would keep the digits two figures share and show
 * 3月15日 → 4月10日 as 「34月150日」; a figure or a word is replaced, never spliced.
 */
const TOKEN = /\d+(?:\.\d+)?|[A-Za-z]+|\s+|[\s\S]/gu;
export const diffTokens = (s: string): string[] => s.match(TOKEN) ?? [];

export function tokenDiff(from: string, to: string): DiffPart[] {
  const out: DiffPart[] = [];
  for (const c of diffArrays(diffTokens(from), diffTokens(to))) {
    const op = c.added ? '+' : c.removed ? '-' : '=';
    const text = c.value.join('');
    // Adjacent runs of one kind read as one change.
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else if (text) out.push({ op, text });
  }
  return out;
}

/** A clause's numbering label: （三）, 二、, 4. */
const LABEL = /^\s*(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\s*[.．、])\s*/;
/** A clause's text without its own number, whitespace removed: what stays when only the numbering moves. */
const body = (text: string) => text.replace(LABEL, '').replace(/\s+/g, '');
/** Shorter bodies ("附件3", an empty heading) say too little to follow a clause by. */
const MIN_BODY = 4;

/**
 * Old ID → new ID of the clauses that were renumbered: a clause was added or removed before
 * them, so the same text now stands under another number. Matching by ID alone would report
 * each of them as rewritten into its neighbour, and every item citing them as changed.
 * A text found once among the unmatched clauses of each side is followed; a text found
 * several times is followed only where its parent was followed too.
 */
export function renumbered(before: Clause[], after: Clause[]): Map<string, string> {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Map(after.map((c) => [c.id, c]));
  const stays = (a: Clause | undefined, b: Clause | undefined) => !!a && !!b && body(a.text) === body(b.text);
  const looseOld = before.filter((c) => !stays(c, now.get(c.id)) && body(c.text).length >= MIN_BODY);
  const looseNew = after.filter((c) => !stays(old.get(c.id), c) && body(c.text).length >= MIN_BODY);
  const moves = new Map<string, string>();
  const parentFollowed = (o: Clause, n: Clause) => (o.parent ? (moves.get(o.parent) ?? o.parent) : null) === n.parent;
  // In notice order, so a parent is followed before its children are matched.
  for (const n of [...looseNew].sort((a, b) => a.order - b.order)) {
    let hits = looseOld.filter((o) => !moves.has(o.id) && body(o.text) === body(n.text));
    const twiceNew = looseNew.filter((x) => body(x.text) === body(n.text)).length > 1;
    if (hits.length > 1 || twiceNew) hits = hits.filter((o) => parentFollowed(o, n));
    if (hits.length === 1) moves.set(hits[0]!.id, n.id);
  }
  return moves;
}

/**
 * Clauses are matched by ID, which the notice's own numbering gives, except where a clause was
 * renumbered (see `renumbered`): then the old clause is followed to its new number, the clause
 * that now holds its old number is new, and a clause whose number was taken over was removed.
 */
export function diffClauses(before: Clause[], after: Clause[]): ClauseDiff {
  const moves = renumbered(before, after);
  const movedTo = new Set(moves.values());
  const old = new Map(before.filter((c) => !moves.has(c.id)).map((c) => [c.id, c]));
  const now = new Map(after.filter((c) => !movedTo.has(c.id)).map((c) => [c.id, c]));
  const added = after.filter((c) => !movedTo.has(c.id) && !old.has(c.id));
  const removed = before.filter((c) => !moves.has(c.id) && !now.has(c.id));
  const changed: ClauseChange[] = [];
  const numbers: NumberChange[] = [];
  for (const c of after) {
    if (movedTo.has(c.id)) continue;
    const o = old.get(c.id);
    if (!o) {
      numbers.push(...numberChanges(c.id, '', c.text));
      continue;
    }
    if (o.text === c.text && o.title === c.title) continue;
    const layoutOnly = o.text !== c.text && layoutKey(o.text) === layoutKey(c.text);
    changed.push({
      id: c.id,
      title: o.title === c.title ? null : { from: o.title, to: c.title },
      parts: tokenDiff(o.text, c.text),
      numbersOnly: o.text !== c.text && !layoutOnly && maskNumbers(layoutKey(o.text)) === maskNumbers(layoutKey(c.text)),
      layoutOnly,
    });
    numbers.push(...numberChanges(c.id, o.text, c.text));
  }
  for (const c of removed) numbers.push(...numberChanges(c.id, c.text, ''));
  const titleOf = new Map(after.map((c) => [c.id, c.title]));
  const moved = [...moves].map(([from, to]) => ({ from, to, title: titleOf.get(to)! }));
  return { added, removed, changed, moved, numbers };
}

export const isEmptyDiff = (d: ClauseDiff) => !d.added.length && !d.removed.length && !d.changed.length && !d.moved.length;

/**
 * The clauses an item citing `id` rests on: the clause itself and everything under it, since a
 * citation of 三(二) covers its elements 三(二)1…6.
 */
export function touches(cited: string, changedIds: Iterable<string>, parentOf: (id: string) => string | null | undefined): string[] {
  const hits: string[] = [];
  for (const c of changedIds) {
    let cur: string | null | undefined = c;
    let guard = 0;
    while (cur && guard++ < 10) {
      if (cur === cited) {
        hits.push(c);
        break;
      }
      cur = parentOf(cur);
    }
  }
  return hits;
}
