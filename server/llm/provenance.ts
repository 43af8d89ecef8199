/**
 * Number provenance for model-written drafts: every number in the text must come from the
 * enterprise's facts or from a value the server computed. Digits glued to Latin letters
 * ("5G", "ISO9001", "IATF16949", "OPC UA") are names, not quantities, and are skipped.
 */

const NUMBER = /(?<![A-Za-z0-9.])\d+(?:\.\d+)?(?![A-Za-z0-9])/g;

/** "92.0" and "92" are the same figure; "1,200" is "1200". */
export function normaliseNumber(s: string): string {
  let t = s.replace(/,/g, '');
  if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  t = t.replace(/^0+(?=\d)/, '');
  return t;
}

export function numbersIn(text: string): string[] {
  return (text.replace(/(\d),(?=\d{3})/g, '$1').match(NUMBER) ?? []).map((n) => n);
}

/** Every number that appears anywhere in a JSON value: numbers themselves and digit runs inside strings. */
export function numbersOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'number' && Number.isFinite(value)) {
    into.add(normaliseNumber(String(value)));
    // A fact of 0.82 may be written as 82 (%), and 13500 万元 as 1.35 亿元: both are the same fact.
    into.add(normaliseNumber(String(Math.round(value * 100 * 1e6) / 1e6)));
    into.add(normaliseNumber(String(Math.round((value / 10000) * 1e6) / 1e6)));
  } else if (typeof value === 'string') {
    for (const n of value.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []) into.add(normaliseNumber(n));
  } else if (Array.isArray(value)) {
    for (const v of value) numbersOf(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) numbersOf(v, into);
  }
  return into;
}

/** Numbers in `text` that are not in `allowed` (normalised), each listed once, in order of appearance. */
export function unsourcedNumbers(text: string, allowed: Set<string>): string[] {
  const out: string[] = [];
  for (const n of numbersIn(text)) {
    const k = normaliseNumber(n);
    if (!allowed.has(k) && !out.includes(n)) out.push(n);
  }
  return out;
}

/** Marks each unsourced number in place so a reviewer sees it: 120〔待核实〕. */
export function markNumbers(text: string, bad: string[]): string {
  if (!bad.length) return text;
  const set = new Set(bad);
  return text.replace(NUMBER, (n) => (set.has(n) ? `${n}〔待核实〕` : n));
}
