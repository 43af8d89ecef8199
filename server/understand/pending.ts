import { normalise } from './normalise';

/**
 * What a question about the item waiting asks: where it is checked, how it is filled in, what it means, what counts as
 * meeting it (什么算良好, 要啥证明), whether it is required.
 */
export type PendingAsk = 'where' | 'fill' | 'meaning' | 'criteria' | 'required';

export interface PendingWords {
  leads: readonly string[];
  refer: readonly string[];
  asks: Record<PendingAsk, readonly string[]>;
  bareMax?: number;
}

export interface AboutPending {
  ask: PendingAsk;
  /** The question without the words that stood for the item (「在哪查」 of 「这个在哪查？」), normalised, to be asked of the item by name. */
  rest: string;
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
