/**
 * A reply quoted back to the user, cut to a length the sentence can hold. A cut never falls inside a figure, a word in
 * Latin letters or a figure's unit (「2022年1000万」 is not quoted as 「2022年10」): it moves back to the end of the
 * clause or the word before, and the quote says it goes on (…). Pure.
 */
const RUN = /[\dA-Za-z.．%％]/u;
/** What may close a figure: its unit or measure word, read with it. */
const UNIT = /[年月日号万亿千百十元块人名位台套项件个条种类家天%％]/u;
const SEPARATOR = /[，,；;、。！!？?\s]/u;

export function clipQuote(text: string, max: number): string {
  const chars = [...text.trim()];
  if (chars.length <= max) return chars.join('');
  let cut = max;
  // The last clause break in the second half of the room keeps whole clauses.
  for (let i = max; i > max / 2; i--)
    if (SEPARATOR.test(chars[i - 1]!)) {
      cut = i - 1;
      break;
    }
  if (cut === max) {
    // Inside a figure or a Latin word, or between a figure's unit and what completes it (万|元).
    const inRun = (i: number) => {
      const before = chars[i - 1]!;
      const at = chars[i]!;
      if (RUN.test(before)) return RUN.test(at) || UNIT.test(at);
      return UNIT.test(before) && /\d/u.test(chars[i - 2] ?? '') && UNIT.test(at);
    };
    while (cut > 0 && inRun(cut)) cut--;
  }
  return chars.slice(0, cut).join('').replace(/[\s，,；;、]+$/u, '') + '…';
}
