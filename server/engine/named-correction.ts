/**
 * A reply that changes an earlier answer by naming its item, whichever question waits: 「严重违法失信名单 改成否」 while the
 * tax list is asked, 「刚才答错了 失信被执行人那个是没有」 while the titles are asked, 「本年度另有申报 改成否」 while the city is.
 * Pure: the item names are the knowledge's subject words (VocabularyFile `subjects`) and question labels, the words
 * that say something was wrong are its `corrections` and `previousRefs`.
 */
import type { KnowledgeData } from '../knowledge/load';
import type { AnswerValue, Interpretation, QuestionView } from '../schemas/interview';
import type { Category } from '../schemas/profile';
import { normalise } from '../understand';
import { indexOf } from './kb';
import { interpret, otherLookalikeIn } from './interpret';
import { applyAnswer, viewOf, type Answers } from './plan';

interface Hit {
  question: string;
  word: string;
  start: number;
  end: number;
}

/** Where a sentence ends: a correction that follows an answer in the same reply starts after it. */
const SENTENCE_END = /[。！!；;？?\n]/u;
/** What follows a word that holds a correction word without being one: 「不对接」「不对劲」. */
const NOT_CORRECTION = /^[接劲称口]/u;

const namesCache = new WeakMap<object, Map<string, string[]>>();

/** Each item's names: its subject words and its label, as the review card shows it (「本年度另有申报」). */
function namesOf(kb: KnowledgeData): Map<string, string[]> {
  let names = namesCache.get(kb);
  if (names) return names;
  names = new Map();
  const idx = indexOf(kb);
  for (const s of kb.interview.vocabulary.subjects) {
    const q = idx.questions.get(s.question);
    if (!q) continue;
    const list = names.get(q.id) ?? [q.label.toLowerCase()];
    list.push(...s.words.map((w) => w.toLowerCase()));
    names.set(q.id, [...new Set(list)]);
  }
  namesCache.set(kb, names);
  return names;
}

/**
 * The item names of this reply: each item's own names, with the `itemNames` whose level word the reply holds too
 * (「自动化设备占比…省内先进」 names the self-assessment of that share).
 */
function namesIn(kb: KnowledgeData, text: string): Map<string, string[]> {
  const own = namesOf(kb);
  const extra = kb.interview.vocabulary.itemNames.filter((n) => !n.with.length || n.with.some((w) => text.includes(w.toLowerCase())));
  if (!extra.length) return own;
  const names = new Map(own);
  const ids = [...indexOf(kb).questions.keys()];
  for (const n of extra) {
    for (const id of ids.filter((q) => (n.question.endsWith('*') ? q.startsWith(n.question.slice(0, -1)) : q === n.question))) {
      const label = indexOf(kb).questions.get(id)!.label.toLowerCase();
      names.set(id, [...new Set([...(names.get(id) ?? [label]), ...n.words.map((w) => w.toLowerCase())])]);
    }
  }
  return names;
}

/** An A-not-A that repeats the question asked (是不是先进, 有没有达到): it quotes the item, it gives no value. */
const QUOTED_ASKING = /是不是|有没有|是否|达没达到|达不达到|算不算|够不够|先不先进/gu;

function hitsOf(words: readonly string[], text: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  for (const w of words) {
    if (!w) continue;
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) out.push({ word: w, start: i, end: i + w.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The change a reply makes to an answered item it names, read as that item's answer, and the pending question's answer
 * from what the reply says before it; undefined when the reply names no answered item of its own, or does not give it
 * a value. An item is named by a word that is its alone (被执行 for 失信被执行人, 税 for 税收违法黑名单): 「失信」, a word of
 * all three credit lists, names none of them. Without a word saying an answer was wrong, the reply changes the item only
 * when it answers nothing else: 「今年就报这一个 没有别的申报」 typed while the founding year waits is the second
 * application's answer changed, while 「是，注册在河南」 to the main-business question is that question's yes.
 */
export function correctionOfNamedItem(kb: KnowledgeData, rawText: string, pending: QuestionView | null, answers: Answers, category: Category | null): Interpretation | undefined {
  const text = normalise(rawText.slice(0, 400)).text.toLowerCase();
  if (!text) return undefined;
  const names = namesIn(kb, text);
  const owners = new Map<string, Set<string>>();
  for (const [id, words] of names) for (const w of words) owners.set(w, (owners.get(w) ?? new Set()).add(id));
  const hits: Hit[] = [];
  for (const [id, words] of names) for (const h of hitsOf(words, text)) hits.push({ question: id, ...h });
  // A word inside or across a longer name of another item found at the same place (失信 in 失信被执行人, 失信名单 across
  // 严重违法失信) is read as that longer name, and a word inside the words that point back (一个 in 上一个说错了) names nothing.
  const vocab = kb.interview.vocabulary;
  const pointing = hitsOf([...vocab.corrections, ...vocab.previousRefs].map((w) => w.toLowerCase()), text);
  const kept = hits.filter(
    (h) =>
      !hits.some((o) => o !== h && o.start < h.end && h.start < o.end && o.end - o.start > h.end - h.start && o.question !== h.question && !names.get(h.question)!.includes(o.word)) &&
      !pointing.some((p) => p.start < h.end && h.start < p.end),
  );
  const own = (h: Hit) => owners.get(h.word)!.size === 1;
  const named = new Set(kept.filter((h) => own(h) && h.question !== pending?.id).map((h) => h.question));
  if (named.size !== 1) return undefined;
  const id = [...named][0]!;
  const stored = answers[id];
  const spec = indexOf(kb).questions.get(id);
  if (!spec) return undefined;

  const mine = kept.filter((h) => h.question === id);
  const first = mine[0]!;
  const sentenceStart = (() => {
    for (let i = first.start - 1; i >= 0; i--) if (SENTENCE_END.test(text[i]!)) return i + 1;
    return 0;
  })();
  const lead = [...hitsOf(vocab.corrections.map((w) => w.toLowerCase()), text), ...hitsOf(vocab.previousRefs.map((w) => w.toLowerCase()), text)];
  const corrections = hitsOf(vocab.corrections.map((w) => w.toLowerCase()), text).filter((h) => !NOT_CORRECTION.test(text.slice(h.end)));
  const leadIn = lead.filter((h) => h.start >= sentenceStart && h.start < first.start).map((h) => h.start);
  let cut = Math.min(first.start, ...leadIn);
  // The correcting part starts with its clause: 「对了前面失信被执行人我打错了」 after 「没评过。」.
  while (cut > sentenceStart && !/[\s，,]/u.test(text[cut - 1]!)) cut--;
  // The correcting part must not speak of the pending question by its own words too (「税收黑名单没有，严重违法也没有」 to the tax question).
  if (pending && kept.some((h) => h.question === pending.id && own(h) && h.start >= cut)) return undefined;
  const openers = [...vocab.correctionOpeners].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
  const opened = (t: string) => openers.reduce((x, w) => (x.startsWith(w) ? x.slice(w.length) : x), t.replace(/^[\s，,。；;！!]+/u, ''));
  const before = opened(text.slice(0, cut).replace(/[\s，,。；;！!？?]+$/u, '')).replace(/^[\s，,。；;！!]+/u, '');
  const part = text.slice(cut);
  // 「撤销失信被执行人的回答」 takes the answer itself back, wherever its words stand: the item is not known again.
  const withdrawn = withdrawsAnswer(kb, text);
  // 「我没说是」 says an answer was wrong as plainly as 说错了 does.
  const corrected = withdrawn || corrections.some((h) => h.start >= cut) || vocab.notSaid.some((w) => part.includes(w.toLowerCase()));

  const view = viewOf(spec, category);
  // The words that say something was wrong (刚才, 选错了) are read past: what is left is the value.
  const saying = [...vocab.corrections, ...vocab.previousRefs].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
  const read = (raw: string): AnswerValue | undefined => {
    const t = saying.reduce((x, w) => x.split(w).join('，'), raw);
    if (!t.replace(/[\s，,。；;！!？?]/gu, '')) return undefined;
    const r = interpret(kb, t, view, category);
    if (r.kind !== 'answers' || r.asks) return undefined;
    const item = r.items.find((i) => i.questionId === id && !i.extra);
    return item && item.value !== null ? item.value : undefined;
  };
  const lastEnd = Math.max(...mine.filter((h) => h.start >= cut).map((h) => h.end));
  const masked = mine.reduceRight((t, h) => (h.start >= cut ? t.slice(0, h.start - cut) + ' '.repeat(h.end - h.start) + t.slice(h.end - cut) : t), part);
  const back = corrected ? takenBack(kb, text.slice(lastEnd), read) : undefined;
  const value = withdrawn ? null : back !== undefined ? back : (read(text.slice(lastEnd)) ?? read(masked) ?? (corrected ? undefined : read(part)));
  if (value === undefined || !applyAnswer(kb, answers, id, value).ok) return undefined;
  // A correction that says the item is not known (「我没说是…不清楚」) is stored as unknown whether or not an answer was
  // there: the user said what the item's answer is. Without a correction word, an unknown changes nothing unanswered.
  if (value === null && (stored === undefined || stored === null) && !corrected) return undefined;

  const items: (Interpretation & { kind: 'answers' })['items'] = [];
  if (!corrected) {
    // An item not yet answered is filled from a reply's passing statements by the interpretation itself.
    if (stored === undefined) return undefined;
    // A statement made in passing beside an answer changes nothing given: only a reply about the item alone does.
    if (before || JSON.stringify(value) === JSON.stringify(stored)) return undefined;
    // A reply to a system question speaks of that system; only the basic conditions and the category are changed so.
    // A listing said to have changed (「失信被执行人上周已经移出名单了」) speaks of the list it names, whatever waits.
    if (pending?.phase === 'elements' && !speaksOfListing(kb, id, text)) return undefined;
    // 「安全生产这块从来没出过事故」 speaks of an accident (a lookalike of another basic question): the 生产 it holds in
    // passing names no main business, so its no changes nothing.
    if (otherLookalikeIn(kb, id, text)) return undefined;
    const reply = pending ? interpret(kb, rawText, pending, category) : undefined;
    const answered = reply?.kind === 'answers' && reply.items.some((i) => i.questionId === pending!.id && !i.extra && i.value !== null && applyAnswer(kb, answers, pending!.id, i.value).ok);
    if (answered) return undefined;
  } else if (pending && before) {
    const r = interpret(kb, before, pending, category);
    const item = r.kind === 'answers' && !r.asks ? r.items.find((i) => i.questionId === pending.id && !i.extra) : undefined;
    if (item && item.value !== null && applyAnswer(kb, answers, pending.id, item.value).ok) items.push({ questionId: pending.id, value: item.value });
  }
  items.push({ questionId: id, value });
  return { kind: 'answers', items };
}

/** Whether a reply says of a list of 二(四) (VocabularyFile `listing`) that the enterprise is on it, or taken off it. */
function speaksOfListing(kb: KnowledgeData, id: string, lower: string): boolean {
  const l = kb.interview.vocabulary.listing;
  if (!l || !l.questions.some((q) => (q.endsWith('*') ? id.startsWith(q.slice(0, -1)) : id === q))) return false;
  return [...l.removed, ...l.stillListed, ...l.listed].some((w) => lower.includes(w.toLowerCase()));
}

/** 「撤销…的回答」「答案撤回」 (VocabularyFile `withdrawals`): a reply taking an answer itself back, in lower case. */
export function withdrawsAnswer(kb: KnowledgeData, lower: string): boolean {
  const w = kb.interview.vocabulary.withdrawals;
  return !!w && w.verbs.some((x) => lower.includes(x.toLowerCase())) && w.objects.some((x) => lower.includes(x.toLowerCase()));
}

/**
 * What a correction says of an answer it takes back without giving another (「我没说是，这个我们也不清楚」): unknown (null);
 * 「没说是，不是」 is the 否 it then gives. Undefined when it says neither, so the value is read as any other.
 */
function takenBack(kb: KnowledgeData, tail: string, read: (t: string) => AnswerValue | undefined): AnswerValue | undefined {
  const v = kb.interview.vocabulary;
  const t = tail.replace(QUOTED_ASKING, '，');
  const unsaid = v.notSaid.map((w) => w.toLowerCase()).filter((w) => t.includes(w));
  if (unsaid.length) {
    const rest = unsaid.reduce((x, w) => x.split(w).join('，'), t);
    return read(rest) === false ? false : null;
  }
  // 「设备占比算不算先进我们不确定」: the doubt is the answer, whatever level word it names.
  if (!v.skip.some((w) => t.includes(w.toLowerCase()))) return undefined;
  return read(t) === false ? false : null;
}
