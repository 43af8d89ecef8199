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
    // A sentence ends at 。？！; inside it, 「；」 separates parts that can stand alone. Neither cuts
    // inside brackets or quotation marks: 三(二)6 closes with a whole sentence in brackets, and a unit
    // cut at its 。 would open 「（可以是…」 and never close it.
    const sentences = outsideBrackets(line, '。？！').map((s) => s.trim()).filter(Boolean);
    // A clause opens with its own heading ("（一）智能车间。"): quoted alone it says nothing, so it
    // stays with the sentence after it.
    if (sentences.length > 1 && sentences[0]!.replace(NUMBERING, '').length <= 12) sentences.splice(0, 2, `${sentences[0]}${sentences[1]}`);
    for (const sentence of sentences) {
      const parts = outsideBrackets(sentence, '；;').map((s) => s.trim()).filter(Boolean);
      parts.forEach((p, i) => units!.push({ text: i === 0 ? p.replace(NUMBERING, '') : p, opens: i === 0, closes: i === parts.length - 1 }));
    }
  }
  unitCache.set(text, units);
  return units;
}

const OPENING = '（(《“‘【「';
const CLOSING = '）)》”’】」';

/**
 * The text cut after each of `ends` that stands outside every bracket and quotation mark. A closing
 * mark right after such an end (「…服务。）」) stays with the piece it closes.
 */
function outsideBrackets(text: string, ends: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENING.includes(ch)) depth++;
    else if (CLOSING.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && ends.includes(ch)) {
      pieces.push(text.slice(from, i + 1));
      from = i + 1;
    }
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
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

/**
 * Quotes of one clause joined into one, in the clause's order: the clause is cited once, with 「…」
 * where text between or around the passages was left out. Each passage is placed in the clause; passages
 * that overlap or touch become one. Null when one of the quotes is not clause text.
 */
function joinQuotes(quotes: readonly string[], clauseText: string): string | null {
  const spans: { at: number; end: number; open: boolean; close: boolean }[] = [];
  for (const quote of quotes) {
    if (!isVerbatim(quote, clauseText)) return null;
    const raw = quote.split(ELLIPSIS);
    let from = 0;
    raw.forEach((piece, i) => {
      if (!piece) return;
      const at = clauseText.indexOf(piece, from);
      from = at + piece.length;
      spans.push({ at, end: from, open: i > 0, close: i < raw.length - 1 });
    });
  }
  spans.sort((a, b) => a.at - b.at || b.end - a.end);
  const merged: typeof spans = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (!last || s.at > last.end) merged.push({ ...s });
    else if (s.end > last.end) Object.assign(last, { end: s.end, close: s.close });
    else if (s.end === last.end) last.close &&= s.close;
  }
  const body = merged.map((s) => clauseText.slice(s.at, s.end)).join(ELLIPSIS);
  return `${merged[0]!.open ? ELLIPSIS : ''}${body}${merged[merged.length - 1]!.close ? ELLIPSIS : ''}`;
}

/**
 * A list of citations with each clause cited once, at its first place: an entry may quote two
 * passages of one clause (三(一)6's 条码 and its AGV), and several entries answering one question may
 * each quote a clause, but the reader is shown one quote per clause, its passages in the clause's order.
 */
export function oncePerClause<C extends { clause: string; quote: string }>(cites: readonly C[], clauseText: (id: string) => string | undefined): C[] {
  const out: C[] = [];
  for (const c of cites) {
    const i = out.findIndex((o) => o.clause === c.clause);
    if (i < 0) {
      out.push(c);
      continue;
    }
    const text = clauseText(c.clause);
    const joined = text === undefined ? null : joinQuotes([out[i]!.quote, c.quote], text);
    // Quotes are built from clause text, so a join fails only on a misquote: the first quote stands alone.
    if (joined !== null) out[i] = { ...out[i]!, quote: joined };
  }
  return out;
}
