import type { FormFacts } from '../schemas/forms';

/**
 * The enterprise's own sentences in written form: the spoken or dialect words the knowledge lists
 * (`form-drafting.json` `formal`: 俺们厂 → 公司, 搞了个 → 建设了) are replaced in order. Only the
 * free-text facts are touched; names, lists and figures are the enterprise's particulars as given.
 */
export function formalText(pairs: readonly (readonly [string, string])[], text: string): string {
  let t = text;
  for (const [from, to] of pairs) t = t.split(from).join(to);
  return t;
}

const PROSE = ['history', 'business', 'marketing', 'advantages', 'benefits'] as const;

export function formalFacts(pairs: readonly (readonly [string, string])[], f: FormFacts): FormFacts {
  if (!pairs.length) return f;
  const w = (t: string | undefined) => (t === undefined ? t : formalText(pairs, t));
  const record = (r: Record<string, string> | undefined) => (r ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, formalText(pairs, v)])) : r);
  const out: FormFacts = { ...f };
  for (const k of PROSE) if (f[k] !== undefined) out[k] = w(f[k]);
  if (f.rnd?.description !== undefined) out.rnd = { ...f.rnd, description: w(f.rnd.description) };
  if (f.patents?.description !== undefined) out.patents = { ...f.patents, description: w(f.patents.description) };
  if (f.elements) out.elements = record(f.elements);
  if (f.workshops) out.workshops = f.workshops.map((ws) => (ws.descriptions ? { ...ws, descriptions: record(ws.descriptions) } : ws));
  return out;
}
