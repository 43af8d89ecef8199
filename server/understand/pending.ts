import { normalise } from './normalise';

/**
 * What a question about the item waiting asks: where it is checked, how it is filled in, what it means, what counts as
 * meeting it (什么算良好, 要啥证明), whether it is required.
 */
export type PendingAsk = 'where' | 'fill' | 'meaning' | 'criteria' | 'required' | 'counts';

export interface PendingWords {
  leads: readonly string[];
  refer: readonly string[];
  asks: Record<Exclude<PendingAsk, 'counts'>, readonly string[]>;
  bareMax?: number;
  /** Words that ask whether a thing named before them counts (算不算, 算吗, 也算). */
  counts?: readonly string[];
}

export interface AboutPending {
  ask: PendingAsk;
  /** The question without the words that stood for the item (「在哪查」 of 「这个在哪查？」), normalised, to be asked of the item by name. */
  rest: string;
  /** For 'counts': the thing asked about (「地磅」), and what it should count as when said (「联网设备」), else the item itself. */
  thing?: string;
  target?: string;
}

const CLOSING = /[\s。．.！!？?～~…，,、]+$/u;
const PARTICLES = /(?:啊|呀|哈|哦|啦|嘞|捏)+$/u;
// A 'required' ask must be asked: 「这个必须有」 without a question is no question, and 「这个没有…」 can be an answer.
const ASKED = /(?:[？?]|吗|么|嘛|呢|不|没|行不行|可不可以|能不能|要不要)\s*$/u;

/** Whether `rest` starts with `word`, whose 「…」 joins parts that must follow in that order with anything between them. */
function startsWithAsk(rest: string, word: string): boolean {
  const parts = word.split('…').filter(Boolean);
  if (!parts.length || !rest.startsWith(parts[0]!)) return false;
  let at = parts[0]!.length;
  for (const p of parts.slice(1)) {
    const i = rest.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return true;
}

function askOf(words: PendingWords, rest: string, asked: boolean): PendingAsk | undefined {
  for (const kind of ['where', 'fill', 'meaning', 'criteria', 'required'] as const) {
    if (kind === 'required' && !asked) continue;
    if (words.asks[kind].some((w) => startsWithAsk(rest, w))) return kind;
  }
  return undefined;
}

// A thing that is a word standing for something already said, or the enterprise itself, is no thing named.
const NOT_A_THING = /^(?:这|那|我|俺|咱|它|他|她|啥|什么|怎么|哪)/u;
const THING_MAX = 12;

/**
 * 「地磅算不算」「那数控机床算吗」「地磅也算联网设备吗」: one clause naming a thing, then a word asking whether it counts,
 * then at most what it should count as, then a question's close. A thing standing for something said before (这样, 这个),
 * the enterprise (我们), a clause break inside or a tail that goes on to say more are none.
 */
function asksWhetherCounts(words: PendingWords, t: string, asked: boolean): AboutPending | undefined {
  const counts = [...(words.counts ?? [])].sort((a, b) => b.length - a.length);
  if (!counts.length || /[\s，,、。；;：:]/u.test(t)) return undefined;
  for (const w of counts) {
    const at = t.indexOf(w);
    if (at <= 0) continue;
    const thing = t.slice(0, at).replace(/也$/u, '');
    const target = t.slice(at + w.length).replace(/(?:吗|么|嘛|不|呢|没)$/u, '');
    const closes = asked || w.endsWith('不算') || w.endsWith('吗');
    if (!thing || [...thing].length > THING_MAX || NOT_A_THING.test(thing) || !closes || [...target].length > THING_MAX) continue;
    if (/(?:我|俺|咱|吗|么)/u.test(target)) continue;
    return { ask: 'counts', rest: t, thing, ...(target ? { target } : {}) };
  }
  return undefined;
}

/**
 * 「这个在哪查？」「这一栏咋填」「这是啥意思」「这个必须有吗」: a question whose subject is a word standing for the item
 * waiting, and nothing else. 「这个月能报吗」 names a month after 这个, and 「这个没有」 answers; neither is read as one.
 * The item's words come first (「这个在哪查」) or last (「在哪查这个」).
 */
export function askAboutPending(words: PendingWords, text: string): AboutPending | undefined {
  const raw = normalise(text).text.trim();
  const asked = ASKED.test(raw);
  let t = raw.replace(CLOSING, '').replace(PARTICLES, '').replace(CLOSING, '');
  const leads = [...words.leads].sort((a, b) => b.length - a.length);
  for (let again = true; again; ) {
    again = false;
    for (const l of leads)
      if (t.startsWith(l) && t.length > l.length) {
        t = t.slice(l.length).replace(/^[\s，,、]+/u, '');
        again = true;
      }
  }
  const counts = asksWhetherCounts(words, t, asked);
  if (counts) return counts;
  for (const r of [...words.refer].sort((a, b) => b.length - a.length)) {
    const rest = t.startsWith(r) ? t.slice(r.length).replace(/^[\s，,、]+/u, '') : t.endsWith(r) ? t.slice(0, -r.length).replace(/[\s，,、]+$/u, '') : undefined;
    if (!rest) continue;
    const ask = askOf(words, rest, asked);
    if (ask) return { ask, rest };
  }
  // 「怎么查」「什么算良好」「要啥证明」 typed alone while an item waits can only be about that item: a short message that
  // is nothing but an ask. Whether something is required is asked of it by name (「必须有吗」 alone may speak of
  // anything said before), and a longer message names its own subject (「怎么查企业的纳税信用等级」) for the Q&A to read.
  if (t && [...t].length <= (words.bareMax ?? 0)) {
    const ask = askOf(words, t, asked);
    if (ask && ask !== 'required') return { ask, rest: t };
  }
  return undefined;
}
