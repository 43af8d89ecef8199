/**
 * Finds which of a fixed set of words occur in a text, and where, in one pass over the text.
 * Words are indexed by their first two UTF-16 units as numbers, so a position costs one or two
 * number-keyed lookups and a comparison only with the words that start with those two units.
 */
const DIGIT = /\d/;
const NUMBER_PART = /[\d.]/;
const LATIN = /[a-z]/;

export class WordFinder {
  private readonly byFirst = new Map<number, { one: string | null; byNext: Map<number, string[]> }>();
  private readonly hasEmpty: boolean;
  private readonly wholeLatin: boolean;

  /**
   * `wholeLatin`: a word opening with a Latin letter is not found after another Latin letter, nor one
   * of two letters or more ending in one before another (ai is not in e-mail, ps not in gps, pr not
   * in pro). A single letter is found as a word of its own, or after a number as the start of a unit
   * (the m of 300mb), but not as the first letter of a word (the m of mp4 is no megabyte).
   */
  constructor(words: Iterable<string>, { wholeLatin = false }: { wholeLatin?: boolean } = {}) {
    this.wholeLatin = wholeLatin;
    const set = new Set(words);
    this.hasEmpty = set.has('');
    for (const w of set) {
      if (!w) continue;
      let first = this.byFirst.get(w.charCodeAt(0));
      if (!first) this.byFirst.set(w.charCodeAt(0), (first = { one: null, byNext: new Map() }));
      if (w.length === 1) first.one = w;
      else {
        const list = first.byNext.get(w.charCodeAt(1)) ?? [];
        list.push(w);
        first.byNext.set(w.charCodeAt(1), list);
      }
    }
  }

  /**
   * Each word the text contains, with its start positions in text order (as `text.includes` would
   * find it), except that a word opening with a digit is not found inside a longer number: 5g is
   * not in 1.5g, nor 5家 in 15家; nor one ending with a digit: 720 is not in 7200.
   */
  find(text: string): Map<string, number[]> {
    const found = new Map<string, number[]>();
    const add = (w: string, i: number) => {
      const at = found.get(w);
      if (at) at.push(i);
      else found.set(w, [i]);
    };
    if (this.hasEmpty) found.set('', [0]);
    for (let i = 0; i < text.length; i++) {
      const first = this.byFirst.get(text.charCodeAt(i));
      if (!first) continue;
      if (i > 0 && DIGIT.test(text[i]!) && NUMBER_PART.test(text[i - 1]!)) continue;
      const inLatin = this.wholeLatin && i > 0 && LATIN.test(text[i]!) && LATIN.test(text[i - 1]!);
      if (inLatin) continue;
      if (first.one && !numberGoesOn(first.one, text, i) && !(this.wholeLatin && letterOpensWord(first.one, text, i))) add(first.one, i);
      const list = first.byNext.get(text.charCodeAt(i + 1));
      if (list) for (const w of list) if (text.startsWith(w, i) && !numberGoesOn(w, text, i) && !(this.wholeLatin && latinGoesOn(w, text, i))) add(w, i);
    }
    return found;
  }
}

/** A word of Latin letters, found at `i`, where the text's Latin word goes on: ai is not the start of aigc's word, erp not of erps. */
function latinGoesOn(w: string, text: string, i: number): boolean {
  return LATIN.test(w[w.length - 1]!) && LATIN.test(text[i + w.length] ?? '');
}

/** A single Latin letter, found at `i`, that opens a longer Latin word not written after a number: the m of mp4, not of 300mb. */
function letterOpensWord(w: string, text: string, i: number): boolean {
  return LATIN.test(w) && LATIN.test(text[i + 1] ?? '') && !DIGIT.test(text[i - 1] ?? '');
}

/** A word ending in a digit, found at `i`, where the text's number goes on: 720 is not in 7200 nor in 720.5. */
function numberGoesOn(w: string, text: string, i: number): boolean {
  const at = i + w.length;
  if (!DIGIT.test(w[w.length - 1]!)) return false;
  return DIGIT.test(text[at] ?? '') || (text[at] === '.' && DIGIT.test(text[at + 1] ?? ''));
}
