import type { FormDrafting } from '../knowledge/schemas/forms';
import { formalText, type Formal } from './formal';
import { parseNumber } from '../engine/interpret';
import { fill } from '../engine/kb';
import { writtenRoundFigure } from '../understand';

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
 * The date the relative words of the enterprise's own text (去年, 上了两年了, 上个月) count from: the session's day, as
 * the chat counts a date said at a date field (datedReply), so that 「前年上的MES」 typed in the 发展历程 and 「前年」 said
 * at 建设开始时间 name one year. Without a session day, the form's year (the notice's, as its yearly figures read
 * 去年), with the month unknown: 上个月 is then asked for.
 */
export function dateReference(formYear: number | undefined, sessionDate: string | undefined): string | undefined {
  return sessionDate ?? (formYear === undefined ? undefined : String(formYear));
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
  t = fullYears(doc.shortYears, t, asOf);
  // 「2027年三月」 reads as the date it is in figures, as every other date of the form.
  return t.replace(/(\d{4}年)(十[一二]|[一二三四五六七八九十])月/gu, (_m, y: string, mo: string) => `${y}${MONTH_WORDS[mo]}月`);
}

/**
 * Each year typed with two digits where a year stands (「19年一期投产」, 「于21年底扩建」) as its four digits, counted from
 * the form's year: up to `window` years after it is this century, `past` and above the last one, and a year between,
 * or any with no form year to count from, is asked for. A span (「建厂19年」, 「19年来」) is no year and stays as typed.
 */
function fullYears(sy: DocumentForm['documentForm']['shortYears'], text: string, asOf: string | undefined): string {
  if (!sy) return text;
  const after = [...sy.after].sort((a, b) => b.length - a.length).map(escape).join('|');
  const notBefore = [...sy.notBefore].sort((a, b) => b.length - a.length).map(escape).join('|');
  const re = new RegExp(`(^|[，。；、,;:：\\s（(“]|${after})(\\d{2})年(?!${notBefore})`, 'gu');
  const ref = asOf ? Number(asOf.slice(0, 4)) : undefined;
  return text.replace(re, (m: string, lead: string, nn: string, at: number) => {
    // A figure inside a longer run (「2019年」, 「3.19年」) is not a two-digit year.
    if (lead === '' && at > 0 && /[\d.]/u.test(text[at - 1]!)) return m;
    const n = Number(nn);
    const year = ref === undefined ? undefined : n <= (ref % 100) + sy.window ? 2000 + n : n >= sy.past ? 1900 + n : undefined;
    return `${lead}${year === undefined ? `〔请补充：${fill(sy.ask, { said: `${nn}年` })}〕` : `${year}年`}`;
  });
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

/**
 * A reply without the words that say the enterprise was not sure (`documentForm.hedges`): a clause that is only one
 * (「算吧」) is dropped, one inside a clause (「应该有」) taken out. `hedged` says whether any was, so the form asks to
 * confirm what it states instead of printing a doubt as a fact or the doubt itself.
 */
export function withoutHedges(f: Pick<DocumentForm, 'documentForm'>, said: string): { text: string; hedged: boolean } {
  const h = f.documentForm.hedges;
  if (!h) return { text: said, hedged: false };
  const bare = (c: string) => c.replace(/[\s，,。.；;！!？?～~…]+/gu, '').replace(/[吧呢啊呀哈嘛]+$/u, '');
  const clauseWords = new Set(h.clauses.map(bare));
  const words = new RegExp([...h.words].sort((a, b) => b.length - a.length).map(escape).join('|'), 'gu');
  let hedged = false;
  const parts = said.split(/(?<=[，,。；;！!？?\s])/u).flatMap((c) => {
    if (clauseWords.has(bare(c)) || (bare(c) === '' && /[吧呢]/u.test(c))) {
      hedged = true;
      return [];
    }
    const t = c.replace(words, () => {
      hedged = true;
      return '';
    });
    return t.replace(/[，,。；;\s]/gu, '') ? [t] : [];
  });
  return { text: parts.join('').replace(/[，,；;\s]+$/u, '').trim(), hedged };
}


/**
 * Text the enterprise typed into a form cell, without its doubts: a clause that is only a hedge (「算吧」) is dropped,
 * and a clause whose hedge word stands before a figure (「大概一半」, 「估计有三成」) is a guess, not a claim, so it is
 * replaced by a request for the figure. Hedge words elsewhere are left: in written text 「可能」 names a possibility
 * (「预测可能发生的故障」), not a doubt. `guesses` are the requests written, so a cell that states the figure computed
 * from its counts can leave them out.
 */
export function typedWithoutHedges(f: Pick<DocumentForm, 'documentForm'>, said: string): { text: string; guesses: string[] } {
  const h = f.documentForm.hedges;
  if (!h) return { text: said, guesses: [] };
  const bare = (c: string) => c.replace(/[\s，,。.；;！!？?～~…]+/gu, '').replace(/[吧呢啊呀哈嘛]+$/u, '');
  const clauseWords = new Set(h.clauses.map(bare));
  const hedgedFigure = new RegExp(`(?:${[...h.words].sort((a, b) => b.length - a.length).map(escape).join('|')})[有占是达为了在]{0,2}[\\d一二两三四五六七八九十百半几]`, 'u');
  // A round figure said with no hedge before it (「一千一百多万」) is as much a guess.
  const rounds = h.rounds.map((p) => new RegExp(p, 'u'));
  const figure = { test: (c: string) => hedgedFigure.test(c) || rounds.some((r) => r.test(c)) };
  const guesses: string[] = [];
  const claim = h.claims.length ? new RegExp(h.claims.join('|'), 'gu') : null;
  // A doubt inside quotation marks, or after a word that introduces a rule in its clause, quotes the rule.
  const doubted = (c: string) =>
    !!claim &&
    [...c.matchAll(claim)].some((m) => {
      const before = c.slice(0, m.index);
      const quoted = (before.match(/[“「『]/gu) ?? []).length > (before.match(/[”」』]/gu) ?? []).length || (before.match(/"/gu) ?? []).length % 2 === 1;
      return !quoted && !h.rules.some((r) => before.includes(r));
    });
  const parts = said.split(/(?<=[，,。；;！!？?\n])/u).flatMap((c) => {
    if (clauseWords.has(bare(c)) || (bare(c) === '' && /[吧呢]/u.test(c))) return [];
    const body = c.replace(/[，,。；;！!？?\n\s]+$/u, '');
    const saidAs = body.trim().replace(/[吧呢啊呀哈嘛]+$/u, '');
    if (h.figureAsk && figure.test(c)) {
      // The request quotes the guess in written form (约七八十台), not the words it was said in.
      const ask = `〔请补充：${fill(h.figureAsk, { said: writtenRoundFigure(saidAs) })}〕`;
      guesses.push(ask);
      return [ask + c.slice(body.length)];
    }
    // 「应该有MES在用」: a clause said in doubt is no claim to sign; it is asked to be confirmed in its place.
    if (h.claimAsk && doubted(c)) return [`〔请补充：${fill(h.claimAsk, { said: saidAs })}〕${c.slice(body.length)}`];
    return [c];
  });
  const text = parts.join('').replace(/[，,；;\s]+$/u, '').trim();
  return text === said.trim() ? { text: said, guesses } : { text, guesses };
}
