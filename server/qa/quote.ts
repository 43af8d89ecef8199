/**
 * Quotes are notice text, never a summary. A quote is one unit of a clause: a whole sentence,
 * or one 「；」 part of a long sentence with 「…」 marking what was left out before or after it.
 */

export interface QuoteUnit {
  /** The unit as it stands in the clause. */
  text: string;
  /** Whether the unit starts / ends its sentence (so no elision mark is needed on that side). */
  opens: boolean;
  closes: boolean;
}

const NUMBERING = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)\s*/u;
export const ELLIPSIS = '…';

const unitCache = new Map<string, QuoteUnit[]>();

/** The quotable units of a clause text, in order (cached per text: clause texts are few and fixed). */
export function quoteUnits(text: string): QuoteUnit[] {
  let units = unitCache.get(text);
  if (units) return units;
  units = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    // A sentence ends at 。？！; inside it, 「；」 separates parts that can stand alone.
    const sentences = line.split(/(?<=[。？！])/u).map((s) => s.trim()).filter(Boolean);
    // A clause opens with its own heading ("（一）智能车间。"): quoted alone it says nothing, so it
    // stays with the sentence after it.
    if (sentences.length > 1 && sentences[0]!.replace(NUMBERING, '').length <= 12) sentences.splice(0, 2, `${sentences[0]}${sentences[1]}`);
    for (const sentence of sentences) {
      const parts = sentence.split(/(?<=[；;])/u).map((s) => s.trim()).filter(Boolean);
      parts.forEach((p, i) => units!.push({ text: i === 0 ? p.replace(NUMBERING, '') : p, opens: i === 0, closes: i === parts.length - 1 }));
    }
  }
  unitCache.set(text, units);
  return units;
}

/** A unit rendered as a quote: a part of a sentence carries 「…」 on each side where text was left out. */
export function renderUnit(u: QuoteUnit): string {
  // A trailing 「；」 only separates list items; the quote ends without it.
  const body = u.text.replace(/[；;]$/u, '');
  return `${u.opens ? '' : ELLIPSIS}${body}${u.closes ? '' : ELLIPSIS}`;
}

/** The quote of a clause that contains `find` (the first unit with it), or null when the clause has no such text. */
export function quoteWith(text: string, find: string): string | null {
  const u = quoteUnits(text).find((x) => x.text.includes(find));
  return u ? renderUnit(u) : null;
}

/** Whether a quote is verbatim: with its 「…」 marks removed, each piece is clause text, in order. */
export function isVerbatim(quote: string, clauseText: string): boolean {
  const pieces = quote.split(ELLIPSIS).filter((p) => p.length > 0);
  if (pieces.length === 0) return false;
  let from = 0;
  for (const p of pieces) {
    const at = clauseText.indexOf(p, from);
    if (at < 0) return false;
    from = at + p.length;
  }
  return true;
}
