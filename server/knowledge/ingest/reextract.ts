/**
 * Re-extracts structured values (quotas, deadlines, size limits, the helpline…) from a new
 * notice by using the previous version as the template: the old value is found in the old
 * clause text, the words around it become a pattern with every figure left open, and the
 * pattern is matched in the new clause text. A value whose surroundings were reworded is not
 * found, and is then carried over for review instead of being guessed.
 */

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The value itself as a pattern: its figures open, its words fixed. */
const valuePattern = (v: string) => esc(v).replace(/\d+(?:\\\.\d+)?/g, '(?:\\d+(?:\\.\\d+)?)');

const flat = (s: string) => s.replace(/\s+/g, ' ');

export interface Found {
  value: string;
  /** The new text around the value. */
  quote: string;
}

/**
 * Finds in `newText` the counterpart of `oldValue`, which must occur in `oldText`. Tries a wide
 * context first and narrows it; a context that matches more than once is ambiguous and skipped.
 */
export function findCounterpart(oldValue: string, oldText: string, newText: string): Found | null {
  const o = flat(oldText);
  const n = flat(newText);
  // A figure is found whole: "5家" is not the tail of "15家".
  const whole = new RegExp(`${/^\d/.test(oldValue) ? '(?<![\\d.])' : ''}${esc(oldValue)}${/\d$/.test(oldValue) ? '(?![\\d.])' : ''}`);
  const at = o.search(whole);
  if (at < 0) return null;
  // The value must be the only one of its kind in this context in the old text, or the template is ambiguous too.
  for (const [left, right] of [
    [8, 3],
    [5, 2],
    [3, 1],
    [2, 0],
  ] as const) {
    const before = o.slice(Math.max(0, at - left), at);
    const after = o.slice(at + oldValue.length, at + oldValue.length + right);
    // Context must itself be free of figures that could have changed too; open them up as well.
    const re = new RegExp(`(${valuePattern(before)})(${valuePattern(oldValue)})(${valuePattern(after)})`, 'g');
    const inOld = [...o.matchAll(re)];
    const inNew = [...n.matchAll(re)];
    if (inOld.length === 1 && inNew.length === 1) {
      const m = inNew[0]!;
      const valueStart = m.index! + m[1]!.length;
      return { value: m[2]!, quote: n.slice(Math.max(0, valueStart - 12), valueStart + m[2]!.length + 6) };
    }
  }
  return null;
}

/** The same sentence fragment in the new text, found by the wording around its figures (e.g. a quota's quote). */
export function findQuote(oldQuote: string, newText: string): string | null {
  const n = flat(newText);
  const re = new RegExp(valuePattern(oldQuote), 'g');
  const hits = [...n.matchAll(re)];
  return hits.length === 1 ? hits[0]![0] : null;
}

/** Figures of a string, in order. */
export const numbersIn = (s: string) => [...s.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

/**
 * Rewrites the figures of a short text (a title such as "推荐汇总表上传期限（3月15日前）") to
 * those of the new clause text, or returns null when any of them cannot be found.
 */
export function refigure(short: string, oldText: string, newText: string): string | null {
  const tokens = [...short.matchAll(/\d+月\d+日|\d{4}年|\d+(?:\.\d+)?[^\s\d，。；、（）()]?/g)].map((m) => m[0]);
  let out = short;
  for (const t of tokens) {
    const found = findCounterpart(t, oldText, newText);
    if (!found) return null;
    out = out.replace(t, found.value);
  }
  return out;
}
