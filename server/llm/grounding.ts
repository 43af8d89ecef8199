import { phoneOfOtherSubject, strangePhone, ungroundedFigure, type FigureSubject } from '../qa/figures';
import { ELLIPSIS, isVerbatim } from '../qa/quote';
import type { PromptClause } from './prompts';
import { checkWords, longestFirst } from './check-words';

/**
 * What a model's Q&A reply says, checked against the clauses it cites. Citation IDs are checked
 * as they stream (citations.ts); this checks the words: a helpline reads the answer out, so a
 * quote, a figure or a rule the cited clause does not hold must never reach the user.
 *
 * - Every quoted span (「」“”『』"") is clause text, verbatim, of the clause cited after it (or, with
 *   no citation, of some clause the model was given).
 * - A sentence citing one clause does not carry another given clause's wording.
 * - Every figure (Arabic or Chinese numerals, dates, any unit) is in a cited clause, in the part of
 *   it that speaks of the same subject: 「其他省辖市…15家」 is no quota because 15 is 洛阳's.
 * - A phone number is the notice's helpline, and nothing says the helpline is out of use.
 * - A sentence stating a rule or a permission (须, 不得, 可以 …) has its words in the cited clause.
 */

let framingCache: string[][] | undefined;
function checks() {
  // Longest first, so 「未作规定」 is one framing word, not 「未」 and a stray 「作规定」.
  framingCache ??= longestFirst(checkWords().framingWords.words).map((w) => Array.from(w));
  return { ...checkWords(), framing: framingCache };
}

export interface GroundingInput {
  /** The model's text after the citation check: citations are 〔id〕 of given clauses. */
  text: string;
  given: ReadonlyMap<string, PromptClause>;
  /** The verified answer shown before the model's text: wording the model may repeat, never a source of figures. */
  verified?: string;
  /** The notice's helpline as the notice prints it. */
  helpline?: string;
  /** The notice's title: its year may be named anywhere. */
  notice?: string;
  /** Check every sentence's wording, not only sentences that state a rule (an answer that may only add context). */
  traceAll?: boolean;
  /** The clause words a subject the text names is bound to: a figure about 郑州市 is held to 郑州's quota, as staff answers are. */
  subjectOf?: (words: string) => readonly string[] | undefined;
  /** Who the notice's figures are about: a figure the notice gives the bureaus is not the enterprise's, as staff answers are held. */
  subjects?: readonly FigureSubject[];
  /** The unit the helpline belongs to: the number given to another desk is refused. */
  helplineUnit?: string;
}

export interface GroundingFailure {
  kind: 'quote' | 'misattributed' | 'number' | 'phone' | 'helpline' | 'unsupported';
  /** The sentence or span that failed (for logs and tests; never shown). */
  detail: string;
}

interface Sentence {
  /** The sentence with its citations. */
  text: string;
  cites: string[];
}

const CITATION = /〔([^〕]*)〕/gu;
const TERMINATORS = new Set(['。', '！', '？', '!', '?', '；', ';', '\n']);
const QUOTE_PAIRS: Record<string, string> = { '「': '」', '“': '”', '『': '』', '‘': '’' };

/** Sentences with the citations that follow them; a terminator inside a quote does not end one. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const open: string[] = [];
  let ascii = false;
  const push = (end: number) => {
    const t = text.slice(start, end);
    if (t.replace(CITATION, '').trim() || /〔/.test(t)) out.push({ text: t, cites: citesOf(t) });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (QUOTE_PAIRS[ch]) open.push(QUOTE_PAIRS[ch]!);
    else if (open.length && ch === open[open.length - 1]) open.pop();
    else if (ch === '"') ascii = !ascii;
    if (ch === '\n') {
      open.length = 0;
      ascii = false;
    }
    if (TERMINATORS.has(ch) && !open.length && !ascii) {
      let j = i + 1;
      // Citations right after the full stop belong to the sentence before it: 「不能。〔二(一)〕」.
      while (text[j] === '〔') {
        const k = text.indexOf('〕', j);
        if (k < 0) break;
        j = k + 1;
      }
      push(j);
      i = j - 1;
    }
  }
  if (start < text.length) push(text.length);
  // A run of citations alone (「〔二(一)〕」 after a line break) cites the sentence before it.
  return out.reduce<Sentence[]>((acc, s) => {
    if (!s.text.replace(CITATION, '').trim() && acc.length) {
      const prev = acc[acc.length - 1]!;
      acc[acc.length - 1] = { text: prev.text + s.text, cites: [...prev.cites, ...s.cites] };
    } else acc.push(s);
    return acc;
  }, []);
}

function citesOf(t: string): string[] {
  const ids: string[] = [];
  for (const m of t.matchAll(CITATION)) for (const id of m[1]!.split(/[、，,;；\s]+/u).filter(Boolean)) if (!ids.includes(id)) ids.push(id);
  return ids;
}

const bare = (t: string) => t.replace(CITATION, '');

/** Runs the checks in order; the first failure is returned. */
export function checkGrounding(input: GroundingInput): GroundingFailure | null {
  const sentences = splitSentences(input.text);
  const all = [...input.given.values()];
  for (const s of sentences) {
    const cited = s.cites.map((id) => input.given.get(id)).filter((c): c is PromptClause => c !== undefined);
    const scope = cited.length ? cited : all;
    const failure =
      checkQuotes(s, input, all) ??
      checkAttribution(s, cited, all) ??
      checkHelpline(s, input) ??
      checkNumbers(s, scope, input) ??
      checkWording(s, scope, input);
    if (failure) return failure;
  }
  return null;
}

// ---- quotes ----

const QUOTE = /「([^「」]*)」|“([^“”]*)”|『([^『』]*)』|‘([^‘’]*)’|"([^"\n]*)"/gu;

/** Whether `quote` is verbatim in `source` (white space and an elision mark 「…」/「……」/「...」 aside). */
export function quotedFrom(quote: string, source: string): boolean {
  const q = quote.replace(/\s+/gu, '').replace(/\.{3,}|…+/gu, ELLIPSIS).replace(/[。；;，,]$/u, '');
  const first = q.split(ELLIPSIS).find((p) => p.length > 0);
  if (!first) return true;
  const src = source.replace(/\s+/gu, '');
  // 「支持以集团、总公司名义申报」 is verbatim in 「不支持以集团…」 and says the opposite: a quote may not
  // start right after a negation its own text drops.
  for (let at = src.indexOf(first); at >= 0; at = src.indexOf(first, at + 1)) {
    if (NEGATION.test(src[at - 1] ?? '')) continue;
    if (isVerbatim(q, src.slice(at))) return true;
  }
  return false;
}

const NEGATION = /[不未无非没勿禁否]/u;

function checkQuotes(s: Sentence, input: GroundingInput, all: PromptClause[]): GroundingFailure | null {
  for (const m of s.text.matchAll(QUOTE)) {
    const quote = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (!quote.trim()) continue;
    // The clause a quote is attributed to is the citation after it in its sentence, else one before it.
    const after = citesOf(s.text.slice(m.index! + m[0].length));
    const ids = after.length ? after : citesOf(s.text.slice(0, m.index!));
    const sources = ids.length ? ids.map((id) => input.given.get(id)?.text ?? '') : [...all.map((c) => c.text), input.verified ?? ''];
    // A quote cited to several clauses need be in one of them.
    if (!sources.some((src) => quotedFrom(quote, src))) return { kind: 'quote', detail: m[0] };
  }
  return null;
}

// ---- attribution ----

/** Verbatim wording this long from a clause the sentence does not cite says it cites the wrong clause. */
const MISATTRIBUTED_RUN = 8;

function checkAttribution(s: Sentence, cited: PromptClause[], all: PromptClause[]): GroundingFailure | null {
  if (!cited.length) return null;
  const body = bare(s.text).replace(/\s+/gu, '');
  const others = all.filter((c) => !cited.includes(c));
  for (const o of others) {
    const run = longestRunIn(body, o.text.replace(/\s+/gu, ''));
    if (Array.from(run.replace(/[\p{P}\p{S}]/gu, '')).length < MISATTRIBUTED_RUN) continue;
    if (cited.some((c) => c.text.replace(/\s+/gu, '').includes(run))) continue;
    return { kind: 'misattributed', detail: `${run}（${s.cites.join('、')}）` };
  }
  return null;
}

function longestRunIn(text: string, source: string): string {
  let best = '';
  for (let i = 0; i + best.length < text.length; i++) {
    let len = best.length + 1;
    while (i + len <= text.length && source.includes(text.slice(i, i + len))) len++;
    if (len - 1 > best.length) best = text.slice(i, i + len - 1);
  }
  return best;
}

// ---- helpline and phone numbers ----

function checkHelpline(s: Sentence, input: GroundingInput): GroundingFailure | null {
  const text = bare(s.text).normalize('NFKC');
  const phone = strangePhone(text, input.helpline);
  if (phone) return { kind: 'phone', detail: phone };
  const misplaced = input.helplineUnit ? phoneOfOtherSubject(text, input.helplineUnit, input.subjects) : null;
  if (misplaced) return { kind: 'phone', detail: `${misplaced.phone}（${misplaced.named}）` };
  const words = checks().helplineWords;
  if (words.names.some((n) => text.includes(n)) && words.disparaging.some((w) => text.includes(w))) return { kind: 'helpline', detail: s.text };
  return null;
}

// ---- numbers ----

function checkNumbers(s: Sentence, scope: PromptClause[], input: GroundingInput): GroundingFailure | null {
  // Citations are gone first: 〔四(二)〕 is no figure. The notice's title (its year) may be named anywhere.
  const figure = ungroundedFigure(bare(s.text), scope.map((c) => c.text), { anywhere: input.notice ? [input.notice] : [], subjectOf: input.subjectOf, subjects: input.subjects });
  return figure ? { kind: 'number', detail: `${figure}（${s.text}）` } : null;
}

// ---- wording of rules ----

/** Untraced wording this long in a rule sentence is a rule of the model's own. */
const MAX_UNTRACED_RUN = 2;
const MAX_UNTRACED_TOTAL = 3;

/**
 * The characters of a sentence that no source accounts for: each must lie in a run of two or more
 * characters found verbatim in a source, or in a framing word. Punctuation and figures (checked on
 * their own) are neutral.
 */
/**
 * The length of the longest run of claim-carrying characters from `from` that `haystack` contains
 * (0 under two characters): a neutral character ends a run, so figures and punctuation are checked apart.
 */
export function longestRun(chars: readonly string[], neutral: readonly boolean[], from: number, haystack: string): number {
  let best = 0;
  for (let len = 2; from + len <= chars.length && !neutral[from + len - 1]; len++) {
    if (!haystack.includes(chars.slice(from, from + len).join(''))) break;
    best = len;
  }
  return best;
}

export function untracedSpans(text: string, sources: readonly string[]): string[] {
  const chars = Array.from(text);
  const n = chars.length;
  const neutral = chars.map((c) => /[\s\p{P}\p{S}\d.%a-zA-Z]/u.test(c));
  const covered = neutral.slice();
  const all = sources.join('\u0000');
  for (let i = 0; i < n; i++) {
    if (neutral[i]) continue;
    const best = longestRun(chars, neutral, i, all);
    for (let k = i; k < i + best; k++) covered[k] = true;
  }
  for (const w of checks().framing) {
    for (let i = 0; i + w.length <= n; i++) if (w.every((c, k) => chars[i + k] === c)) for (let k = i; k < i + w.length; k++) covered[k] = true;
  }
  const spans: string[] = [];
  let run = '';
  for (let i = 0; i <= n; i++) {
    if (i < n && !covered[i]) run += chars[i];
    else if (run) {
      spans.push(run);
      run = '';
    }
  }
  return spans;
}

function checkWording(s: Sentence, scope: PromptClause[], input: GroundingInput): GroundingFailure | null {
  const body = bare(s.text).replace(QUOTE, ' ');
  if (!input.traceAll && !checks().claimWords.words.some((w) => body.includes(w))) return null;
  const spans = untracedSpans(body, [...scope.map((c) => c.text), input.verified ?? '']);
  const total = spans.reduce((n, sp) => n + Array.from(sp).length, 0);
  if (spans.some((sp) => Array.from(sp).length > MAX_UNTRACED_RUN) || total > MAX_UNTRACED_TOTAL) return { kind: 'unsupported', detail: `${spans.join('、')}（${s.text}）` };
  return null;
}
