import type { FormFacts } from '../schemas/forms';
import { getPath } from './facts';
import { PLACEHOLDER_RE } from './draft';
import type { FormsKnowledge } from './knowledge';

/**
 * The requests in a text the user edited and saved (〔请补充：主营业务〕) whose facts have been given since: the text
 * still asks for them, and what is printed from it (the DOCX, the PDF, the bureau's copy) would ask for a fact the
 * enterprise has filled in. A request is matched to its fact by the knowledge's label of it (`factLabels`), with the
 * year of a finance figure (「2022年税金（万元）」); a request no label names (a system's description) is not judged.
 * Each label once, in the text's order.
 */
export function answeredRequests(kb: FormsKnowledge, facts: FormFacts, text: string): string[] {
  const byLabel = new Map<string, string>();
  for (const [key, label] of Object.entries(kb.formDrafting.factLabels)) if (!byLabel.has(label)) byLabel.set(label, key);
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const label = m[1]!.trim();
    if (out.includes(label)) continue;
    const year = /^(\d{4})年(.+)$/u.exec(label);
    const key = byLabel.get(label) ?? (year ? byLabel.get(year[2]!)?.replace(/^finance\./, `finance.${year[1]}.`) : undefined);
    if (!key || !given(key, getPath(facts, key))) continue;
    out.push(label);
  }
  return out;
}

/** A fact given as a value of its own: a list of workshops or a before/after pair is several facts, not judged whole. */
function given(key: string, v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0 && (key === 'products' || v.every((x) => typeof x === 'string'));
  return false;
}
