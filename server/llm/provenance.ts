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

/** Words that state how far something is built; the model may use them only where the enterprise did. */
const STATUS_WORDS = ['部分', '正在建设', '尚未', '全面投用', '试运行', '已建成'];

export interface ClaimSentence {
  text: string;
  facts: string[];
}

/** Leaves of the facts object by path ("form.workshops.0.name"), for tracing claims to the fact that states them. */
function leaves(value: unknown, path: string, out: { path: string; value: string | number | boolean }[] = []) {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, path ? `${path}.${i}` : String(i), out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

function mentionsWord(text: string, term: string): boolean {
  if (!/^[A-Za-z]/.test(term)) return text.includes(term);
  return new RegExp(`(?<![A-Za-z])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(text);
}

/**
 * Claim-by-claim provenance of a model-written text. Each sentence's claims — figures, named systems
 * and words of status — must each be stated by the offline draft (whose sentences carry their facts) or
 * by a fact itself; the sentence then carries those facts. A claim with no source is returned in
 * `unsupported`, and the caller falls back to the offline draft.
 */
export function attributeClaims(
  sentences: string[],
  offline: ClaimSentence[],
  facts: unknown,
  terms: Record<string, string[]>,
): { sentences: ClaimSentence[]; unsupported: string[] } {
  const factLeaves = leaves(facts, '');
  const unsupported: string[] = [];
  const out = sentences.map((text) => {
    const ids = new Set<string>();
    const support = (claim: string, byOffline: (s: ClaimSentence) => boolean, byFact: (l: (typeof factLeaves)[number]) => boolean) => {
      const o = offline.filter((s) => s.facts.length && byOffline(s));
      const f = factLeaves.filter(byFact);
      for (const s of o) for (const id of s.facts) ids.add(id);
      for (const l of f) ids.add(l.path.replace(/^capabilities\.(\w+)$/, 'capabilities.$1'));
      if (!o.length && !f.length) unsupported.push(`${claim}（${text}）`);
    };
    for (const n of numbersIn(text)) {
      const k = normaliseNumber(n);
      support(
        n,
        (s) => numbersIn(s.text).some((x) => normaliseNumber(x) === k),
        (l) => (typeof l.value === 'number' ? numbersOf(l.value).has(k) : typeof l.value === 'string' && numbersOf(l.value).has(k)),
      );
    }
    for (const [cap, words] of Object.entries(terms)) {
      const hits = words.filter((w) => mentionsWord(text, w));
      if (!hits.length) continue;
      // 「制造执行系统（MES）」 and 「MES」 are one claim: any of its words stated by a fact supports it.
      support(
        hits[0]!,
        (s) => hits.some((h) => mentionsWord(s.text, h)),
        (l) => (l.path === `capabilities.${cap}` && (l.value === true || l.value === 'partial')) || (typeof l.value === 'string' && !l.path.startsWith('capabilities.') && hits.some((h) => mentionsWord(l.value as string, h))),
      );
    }
    for (const w of STATUS_WORDS) if (text.includes(w)) support(w, (s) => s.text.includes(w), (l) => typeof l.value === 'string' && !l.path.startsWith('capabilities.') && l.value.includes(w));
    return { text, facts: [...ids] };
  });
  return { sentences: out, unsupported };
}
