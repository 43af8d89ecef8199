import type { FormDrafting } from '../knowledge/schemas/forms';
import { formalText, type Formal } from './formal';
import { parseNumber } from '../engine/interpret';
import { fill } from '../engine/kb';

export type DocumentForm = Formal & Pick<FormDrafting, 'documentForm'> & { messages: Pick<FormDrafting['messages'], 'relativeDateAsk'> };

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COUNT = '[\\d一二两三四五六七八九十]{1,3}';
const MONTH_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/** The date `years`/`months` from the reference date, as {year} and {month}. */
function shifted(asOf: string, years: number, months: number): { year: string; month: string } {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + years * 12 + months;
  return { year: String(Math.floor(total / 12)), month: String((total % 12) + 1) };
}

/** Whether a reference date knows its month: a year alone (「2023」) dates 去年 but not 上个月. */
const hasMonth = (asOf: string) => /^\d{4}-\d{2}/.test(asOf);

/**
 * The date a form's relative words count from. The enterprise speaks of the year it applies in, so 去年 in a reply
 * to the 2023 notice's form is 2022 whatever the clock says, as the form's yearly figures read it (relativeYears).
 * The session's date adds the month only when it falls in that year; a session dated in another year leaves the
 * month unknown, and 上个月 is then asked for rather than dated from a day that is not the application's.
 */
export function dateReference(formYear: number | undefined, sessionDate: string | undefined): string | undefined {
  if (formYear === undefined) return sessionDate;
  return sessionDate?.startsWith(`${formYear}-`) ? sessionDate : String(formYear);
}

/**
 * The words of a reply that date by the day it was said (去年, 明年三月, 上了两年了) as the dates they name from
 * `asOf` (the reference date, YYYY-MM-DD, or YYYY alone: see dateReference). A word whose date needs what `asOf`
 * does not give (no `asOf`, or 上个月 with a year alone) is a request for the date, so the form never prints a relative
 * time as if it were one. A word right after a year's own digits (2022年底) is a date already.
 */
export function absoluteDates(f: DocumentForm, text: string, asOf: string | undefined): string {
  const doc = f.documentForm;
  const ask = (said: string) => `〔请补充：${fill(f.messages.relativeDateAsk ?? '“{said}”的具体年份', { said })}〕`;
  let t = text;
  for (const d of doc.durations) {
    const re = new RegExp(d.pattern.replace('(N)', `(${COUNT})`), 'gu');
    t = t.replace(re, (said: string, n: string) => {
      const count = parseNumber(n)?.value;
      if (count === undefined || !Number.isInteger(count) || count <= 0) return said;
      if (!asOf || (d.unit === 'month' && !hasMonth(asOf))) return fill(d.to, { date: ask(said) });
      const s = shifted(hasMonth(asOf) ? asOf : `${asOf}-01`, d.unit === 'year' ? -count : 0, d.unit === 'month' ? -count : 0);
      return fill(d.to, { date: d.unit === 'year' ? `${s.year}年` : `${s.year}年${s.month}月` });
    });
  }
  const words = Object.keys(doc.relativeDates).sort((a, b) => b.length - a.length);
  if (words.length) {
    const re = new RegExp(`(?<![\\d〇零一二三四五六七八九十年])(?:${words.map(escape).join('|')})`, 'gu');
    t = t.replace(re, (said: string) => {
      const r = doc.relativeDates[said]!;
      const monthly = r.months !== 0 || r.to.includes('{month}');
      return asOf && (hasMonth(asOf) || !monthly) ? fill(r.to, shifted(hasMonth(asOf) ? asOf : `${asOf}-01`, r.years, r.months)) : ask(said);
    });
  }
  // 「2027年三月」 reads as the date it is in figures, as every other date of the form.
  return t.replace(/(\d{4}年)(十[一二]|[一二三四五六七八九十])月/gu, (_m, y: string, mo: string) => `${y}${MONTH_WORDS[mo]}月`);
}

/**
 * A reply kept from the chat in the form a signed 申报书 states it: the yes-word it opens with dropped (「能，扫码即可
 * 查询」), relative dates made absolute from the session's date, then the knowledge's written forms of spoken words
 * (full-width punctuation, 都在用 → 均已投入使用, AGV有6台 → 现有AGV共6台). Null when spoken words remain that no
 * rule rewrites: the reply is then asked to be rewritten rather than printed, since guessing at it could change
 * what was said.
 */
export function documentReply(f: DocumentForm, said: string, asOf: string | undefined): string | null {
  let t = said.trim();
  const leads = [...f.documentForm.replyLeads].sort((a, b) => b.length - a.length);
  const lead = new RegExp(`^(?:${leads.map(escape).join('|')})[，,。！!\\s]+(?=\\S)`, 'u');
  if (leads.length) t = t.replace(lead, '');
  t = formalText(f, absoluteDates(f, t, asOf)).replace(/[。；;，,\s]+$/u, '');
  if (!t) return null;
  // Spoken words are read outside the requests this step writes: a request quotes the words it asks about.
  const bare = t.replace(/〔[^〕]*〕/gu, '');
  if (f.documentForm.spoken.some((p) => new RegExp(p, 'u').test(bare))) return null;
  return t;
}
