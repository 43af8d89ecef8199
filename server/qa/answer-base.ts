import type { Citation } from '../schemas/ask';
import type { Clause } from '../knowledge/schemas/clauses';
import type { AnswerEntry } from '../knowledge/schemas/answer-base';
import type { KnowledgeData } from '../knowledge/load';
import { KnowledgeError } from '../knowledge/load';
import { QUERY_STOPWORDS } from '../retrieval/tokenize';
import { arabicNumerals, findQuantities, understanderFor, type ConceptMatch, type Understander } from '../understand';
import { oncePerClause, quoteUnits, quoteWith, renderUnit, type QuoteUnit } from './quote';
import { WordFinder } from './words';

/**
 * The answer base, prepared once per knowledge version: every phrasing is read by the same
 * understanding step as a question, cut into weighted features, and indexed. Matching a question
 * is then one pass over its features, with no segmentation of the answer base at request time.
 */

export interface PreparedEntry {
  entry: AnswerEntry;
  /** Resolved proof quotes, in the entry's order. */
  quotes: Citation[];
  /** Every cited clause with its quote (the entry's own quote, else the clause's first sentence). */
  citations: Citation[];
  requires: string[][];
  excludes: string[];
  /** Lexicon concepts every phrasing names: a question without one of them asks something else. */
  anchors: string[];
  /** The entry's items (AnswerEntry.items), their words normalised and their quotes resolved. */
  items: { words: string[]; unless: string[]; answer: string; subject?: string; citations: Citation[] }[];
}

export interface EntryMatch {
  prepared: PreparedEntry;
  score: number;
}

interface Phrasing {
  entry: number;
  features: Map<Feature, number>;
  weight: number;
}

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_RUN = /[a-z0-9]+/g;
const NUMBER_WITH_UNIT = /^\d+(?:\.\d+)?([a-z]{1,2})$/;
const NUMBER_THEN_HAN = /\d(?:\.\d+)?(\p{Script=Han})/gu;
/** Entries below this similarity are never accepted, so their guards need not be checked. */
const FLOOR = 0.2;
/**
 * When no entry is close enough in wording, an entry whose two or more required word groups all
 * occur in the question is still about what it asks (a long question with a city name and a year
 * in it shares few character pairs with any phrasing): with `byGuards` it is scored at least this.
 */
const GUARDS_MET = 0.3;
/** What each required word group of an admitted entry adds to its rank (not to its score). */
const SPECIFICITY = 0.035;
/** Admitted entries looked at beyond the k returned, so a more specific one just below can move up. */
const SPECIFIC_LOOKAHEAD = 3;
/** A concept named counts more than a shared character pair: it carries the topic, and its synonyms. */
const CONCEPT_WEIGHT = 1.6;
/** Words the answer base never uses still dilute the match, but less than its rarest word. */
const UNSEEN_SHARE = 0.5;

/**
 * A Han bigram as a number: hashing a number costs far less than hashing a new two-character
 * string. Two characters of the CJK blocks U+3400–U+9FFF (15 bits each once offset) make a small
 * integer, which V8 keeps unboxed and hashes fastest; any other pair (an extension character, a
 * surrogate half) its two UTF-16 units, negated so the two forms never meet.
 */
const HAN_BASE = 0x3400;
const HAN_SPAN = 0xa000 - HAN_BASE;
const bigram = (s: string, i: number): number => {
  const a = s.charCodeAt(i) - HAN_BASE;
  const b = s.charCodeAt(i + 1) - HAN_BASE;
  return a >= 0 && a < HAN_SPAN && b >= 0 && b < HAN_SPAN ? a * 0x8000 + b : -(s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1)) - 1;
};
const STOP_BIGRAMS = new Set([...QUERY_STOPWORDS].filter((w) => w.length === 2).map((w) => bigram(w, 0)));

/** A feature: a Han bigram (a number, see `bigram`), or a Latin/digit word or `#concept` (a string). */
export type Feature = number | string;

/**
 * Features of normalised, repaired text: Han bigrams, Latin/digit words and concept markers.
 * No word segmentation: bigrams carry the same words at a fraction of the cost, and the concept
 * markers carry the synonyms, so a question costs one pass over its characters.
 */
export function features(u: Understander, text: string): Map<Feature, number> {
  const f = new Map<Feature, number>();
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) {
      const b = bigram(run, i);
      if (!STOP_BIGRAMS.has(b)) f.set(b, 1);
    }
  }
  for (const w of text.match(LATIN_RUN) ?? []) {
    if (w.length > 1) f.set(w, 1);
    // A number with a unit (350m, 720p, 4k) asks about that unit whatever the number: the
    // notice's own value (200m, 1080p) is seldom the one typed, so the unit carries the match.
    const unit = NUMBER_WITH_UNIT.exec(w)?.[1];
    if (unit) f.set(`0${unit}`, 1);
  }
  for (const m of text.matchAll(NUMBER_THEN_HAN)) f.set(`0${m[1]}`, 1);
  for (const c of u.findConcepts(text)) f.set(`#${c.canonical}`, CONCEPT_WEIGHT);
  return f;
}

export class AnswerIndex {
  readonly entries: PreparedEntry[];
  private readonly phrasings: Phrasing[] = [];
  /** Per feature, the phrasings that have it and its weight in each: scoring reads two flat arrays. */
  private readonly postings = new Map<Feature, { idf: number; phrasing: Int32Array; weight: Float64Array }>();
  /** Scratch buffers reused by every match (matching is synchronous, so one set suffices). */
  private dot = new Float64Array(0);
  private best = new Float64Array(0);
  private phrasingNorm = new Float64Array(0);
  private phrasingEntry = new Int32Array(0);
  private readonly idf = new Map<Feature, number>();
  private readonly maxIdf: number;
  private readonly understander: Understander;
  /**
   * Entries with two or more required word groups (meeting all of them is evidence of its own),
   * by each word of their first group: only those whose first group a question meets are checked.
   */
  private readonly specificByWord = new Map<string, number[]>();
  /** Entries whose required words decide (see AnswerEntry.decisive). */
  private readonly decisive: number[];
  /** Every required and excluded word: one pass finds those a question contains. */
  private readonly guardWords: WordFinder;
  /** The answer base's implied objects, longest first (see AnswerBaseFile.impliedObjects). */
  private readonly implied: RegExp | undefined;
  /** Per concept (its canonical name), the guard words it stands for (see AnswerBaseFile.conceptGuards). */
  private readonly conceptGuards = new Map<string, string[]>();
  /** A number followed by a unit some entry's limit reads ("720M", "2K"): see `present`. */
  private readonly measured: RegExp | undefined;
  /** Guard words that are a bare number, with the units of the limits of the entries requiring them. */
  private readonly bareNumbers = new Map<string, Set<string>>();
  /**
   * Per entry, its required word groups and its excluded words as sets, for `meets` and `admits`:
   * a group may hold a hundred words (every county), while a question contains a handful of guard
   * words, so membership is tested from the smaller side.
   */
  private readonly guards: Guards[];
  /** The last text matched, read: the second attempt re-matches the same text. */
  private last: { text: string; features: Map<Feature, number>; words?: Set<string> } | undefined;

  /**
   * `reads`: texts already read (normalised and repaired) by this lexicon and this build, raw
   * text to read text; the reads done here are added to it (see server/knowledge/read-cache.ts).
   */
  constructor(data: KnowledgeData, clause: (id: string) => Clause | undefined, children: (id: string) => Clause[], file = 'answer-base.json', reads = new Map<string, string>()) {
    this.understander = understanderFor(data);
    const base = data.answerBase;
    const counties = data.regions.regions.filter((r) => r.kind === '县' || r.kind === '县级市').flatMap((r) => [r.name, r.short, ...r.aliases]).filter((n) => n.length >= 2);
    const districts = data.regions.regions.filter((r) => r.kind === '市辖区').flatMap((r) => [r.name, r.short, ...r.aliases]).filter((n): n is string => Boolean(n) && n!.length >= 2);
    const industries = data.industries.divisions.flatMap((d) => [d.name, ...(d.aliases ?? [])]);
    const otherTrades = (data.industries.otherDivisions ?? []).flatMap((d) => d.aliases ?? []);
    const kinds: Record<string, string[]> = { '@county': [...new Set(counties)], '@district': [...new Set(districts)], '@industry': [...new Set(industries)], '@otherTrade': [...new Set(otherTrades)] };
    // The guards repeat many words across entries (about half of them), and reading a text (its
    // typo repair) is the costly part of building the index: each distinct text is read once.
    const norm = (w: string): string => {
      let n = reads.get(w);
      if (n === undefined) reads.set(w, (n = this.understander.read(w).text));
      return n;
    };
    // Every broken entry is named at once: a new notice can break many quotes, and fixing them one
    // start (or one publish attempt) at a time would take as many rounds as there are entries.
    const problems: KnowledgeError[] = [];
    this.entries = base.entries.flatMap((entry, i) => {
      try {
        return [prepare(entry, clause, children, `${file} entries.${i} (${entry.id})`, this.understander, kinds, norm)];
      } catch (err) {
        if (!(err instanceof KnowledgeError)) throw err;
        problems.push(err);
        return [];
      }
    });
    if (problems.length === 1) throw problems[0];
    if (problems.length > 1) throw new KnowledgeError(file, `${problems.length} 个条目未通过条款核对：\n${problems.map((p) => `  ${p.message.replace(/^知识库文件 /, '')}`).join('\n')}`);
    const df = new Map<Feature, number>();
    base.entries.forEach((entry, e) => {
      const seen = new Set<Feature>();
      for (const q of entry.questions) {
        const text = norm(q);
        const f = features(this.understander, text);
        this.phrasings.push({ entry: e, features: f, weight: 0 });
        for (const t of f.keys()) seen.add(t);
      }
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    });
    const n = base.entries.length;
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
    this.maxIdf = Math.log(1 + (n + 0.5) / 0.5);
    const lists = new Map<Feature, { phrasing: number[]; weight: number[] }>();
    this.phrasings.forEach((p, i) => {
      let w = 0;
      for (const [t, x] of p.features) {
        const v = x * this.idf.get(t)!;
        p.features.set(t, v);
        w += v * v;
        let list = lists.get(t);
        if (!list) lists.set(t, (list = { phrasing: [], weight: [] }));
        list.phrasing.push(i);
        list.weight.push(v);
      }
      p.weight = Math.sqrt(w);
    });
    for (const [t, l] of lists) this.postings.set(t, { idf: this.idf.get(t)!, phrasing: Int32Array.from(l.phrasing), weight: Float64Array.from(l.weight) });
    this.dot = new Float64Array(this.phrasings.length);
    this.best = new Float64Array(base.entries.length);
    this.phrasingNorm = Float64Array.from(this.phrasings, (p) => p.weight);
    this.phrasingEntry = Int32Array.from(this.phrasings, (p) => p.entry);
    this.guards = this.entries.map((p) => ({ requires: p.requires.map((g) => new Set(g)), excludes: new Set(p.excludes) }));
    this.entries.forEach((p, i) => {
      if (p.requires.length < 2) return;
      for (const w of new Set(p.requires[0])) {
        const list = this.specificByWord.get(w);
        if (list) list.push(i);
        else this.specificByWord.set(w, [i]);
      }
    });
    this.decisive = this.entries.flatMap((p, i) => (p.entry.decisive && p.requires.length > 0 ? [i] : []));
    for (const [concept, words] of Object.entries(base.conceptGuards ?? {})) this.conceptGuards.set(concept, words.map(norm));
    const implied = [...new Set((base.impliedObjects ?? []).map(norm))].sort((a, b) => b.length - a.length);
    this.implied = implied.length ? new RegExp(implied.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : undefined;
    // A system's letters inside another word name nothing: the ai of e-mail is no AI question.
    this.guardWords = new WordFinder(this.entries.flatMap((p) => [...p.requires.flat(), ...p.excludes]), { wholeLatin: true });
    for (const w of this.entries.flatMap((p) => [...p.requires.flat(), ...p.excludes])) if (/^\d+$/.test(w)) this.bareNumbers.set(w, new Set());
    for (const p of this.entries)
      for (const w of p.requires.flat())
        for (const u of p.entry.limit?.units ?? []) this.bareNumbers.get(w)?.add(norm(u.word));
    const units = [...new Set(base.entries.flatMap((e) => (e.limit?.units ?? []).map((u) => norm(u.word))))].sort((a, b) => b.length - a.length);
    this.measured = units.length ? new RegExp(`(\\d+)\\s*(${units.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![a-z])`, 'gu') : undefined;
  }

  /**
   * 「视频720M可以吗」: a number with a unit is a value in that unit. A guard word that is the bare
   * number ("720", which the resolution entry requires) does not count there, unless the unit is one
   * its own entry measures in ("1080p").
   */
  private unmeasured(text: string): string {
    if (!this.measured || this.bareNumbers.size === 0) return text;
    return text.replace(this.measured, (m, num: string, unit: string) => {
      const own = this.bareNumbers.get(num);
      return own && !own.has(unit) ? '#'.repeat(num.length) + m.slice(num.length) : m;
    });
  }

  /** The guard words a text contains (what `text.includes(word)` would say for each of them). */
  private present(text: string): Set<string> {
    const last = this.read(text);
    if (last.words) return last.words;
    const seen = this.unmeasured(text);
    const words = new Set(this.guardWords.find(seen).keys());
    if (this.implied) {
      const bare = seen.replace(this.implied, '');
      if (bare !== text) for (const w of this.guardWords.find(bare).keys()) words.add(w);
    }
    if (this.conceptGuards.size) {
      for (const c of namedConcepts(this.understander, text)) for (const w of this.conceptGuards.get(c.canonical) ?? []) words.add(w);
    }
    return (last.words = words);
  }

  private read(text: string): { text: string; features: Map<Feature, number>; words?: Set<string> } {
    if (this.last?.text !== text) this.last = { text, features: features(this.understander, text) };
    return this.last;
  }

  /**
   * Whether a text holds one of the entry's excluded words: said anywhere in a message (「去年报过没评上」 beside 「同一个车间
   * 还能再报吗」), such a word says the entry's case is not the one asked, whichever part it matched.
   */
  excludedBy(p: PreparedEntry, text: string): boolean {
    const i = this.entries.indexOf(p);
    return i >= 0 && shares(this.guards[i]!.excludes, this.present(text));
  }

  /**
   * Entries ranked by cosine similarity between the question's features and their best phrasing.
   * An entry whose required words or anchor concepts are absent, or whose excluded words are
   * present, is not a candidate at all: sharing words with a question is not answering it.
   * `byGuards` also ranks the entries whose required word groups are all met (see GUARDS_MET);
   * it is the second attempt, so it never displaces a match the wording found.
   */
  match(text: string, k = 3, byGuards = false): EntryMatch[] {
    const f = this.read(text).features;
    const dot = this.dot.fill(0);
    const best = this.best.fill(0);
    let qWeight = 0;
    let shared = false;
    for (const [t, x] of f) {
      const post = this.postings.get(t);
      const v = x * (post ? post.idf : this.maxIdf * UNSEEN_SHARE);
      qWeight += v * v;
      if (!post) continue;
      shared = true;
      const { phrasing, weight } = post;
      for (let i = 0; i < phrasing.length; i++) dot[phrasing[i]!]! += v * weight[i]!;
    }
    const touched: number[] = [];
    const met = new Set<number>();
    let words: Set<string> | undefined;
    if (byGuards) {
      words = this.present(text);
      // In entry order, as a scan of every such entry would add them: ties in score keep it.
      const candidates = new Set<number>();
      for (const w of words) for (const e of this.specificByWord.get(w) ?? []) candidates.add(e);
      for (const e of [...candidates].sort((a, b) => a - b)) if (meets(this.guards[e]!, words)) met.add(e);
    }
    const decided = new Set<PreparedEntry>();
    if (this.decisive.length) {
      words ??= this.present(text);
      for (const e of this.decisive) if (meets(this.guards[e]!, words)) met.add(e), decided.add(this.entries[e]!);
    }
    if (!shared && met.size === 0) return [];
    qWeight = Math.sqrt(qWeight);
    for (let p = 0; shared && p < dot.length; p++) {
      if (dot[p] === 0) continue;
      const s = dot[p]! / (qWeight * this.phrasingNorm[p]!);
      const e = this.phrasingEntry[p]!;
      if (s < FLOOR && !met.has(e)) continue;
      if (best[e] === 0) touched.push(e);
      if (s > best[e]!) best[e] = s;
    }
    // Among entries whose guards are met, the closer wording still ranks first.
    for (const e of met) {
      if (best[e] === 0) touched.push(e);
      if (best[e]! < GUARDS_MET) best[e] = GUARDS_MET + best[e]! / 4;
    }
    if (touched.length === 0) return [];
    const concepts = new Set<string>();
    for (const t of f.keys()) if (typeof t === 'string' && t.startsWith('#')) concepts.add(t.slice(1));
    const out: EntryMatch[] = [];
    words ??= this.present(text);
    for (const e of touched.sort((a, b) => best[b]! - best[a]!)) {
      if (!admits(this.entries[e]!, this.guards[e]!, words, concepts)) continue;
      out.push({ prepared: this.entries[e]!, score: best[e]! });
      if (out.length === k + SPECIFIC_LOOKAHEAD) break;
    }
    // Every required word group of an admitted entry is in the question: the more groups, the more
    // of the question the entry is about ("两类工厂的系统集成有什么区别" is a comparison, not only
    // integration). Among close wordings the more specific entry ranks first; scores stay as measured.
    const rank = (m: EntryMatch) => m.score + SPECIFICITY * m.prepared.requires.length;
    out.sort((a, b) => rank(b) - rank(a));
    // A decisive entry whose required words are all there answers, whatever else the wording is close to.
    return [...out.filter((m) => decided.has(m.prepared)), ...out.filter((m) => !decided.has(m.prepared))].slice(0, k);
  }
}

/** A text with every Chinese numeral that carries a unit in digits (一年 → 1年, 十张 → 10张). */
function inDigits(text: string): string {
  return arabicNumerals(text, findQuantities(text)).text;
}

/**
 * A guard word and, when it holds a Chinese numeral with a unit, the same word in digits: a question
 * typed 「1年」 or 「１年」 (read as 1年) meets the guard written 「一年」. Only this way round: a guard
 * written in digits (「1个」, the notice's 限报1个) is the notice's figure, and a question's 「一个喷涂一个组装」
 * counting its own workshops does not meet it.
 */
function withDigits(word: string): string[] {
  const d = inDigits(word);
  return d === word ? [word] : [word, d];
}

/** A Han character that, before 「化」, is a word of its own rather than the stem of an 「X化」 adjective. */
const BEFORE_INDUSTRY = /[做搞是的个家于在和跟与及或、]/u;

/**
 * The lexicon concepts a text names, without those read across a word boundary: 「化工」 in
 * 「数字化工厂」 or 「优化工艺」 is the end of an 「X化」 word and the start of the next, not the
 * chemical industry. A span that opens with 化 right after another Han character is such a reading,
 * unless that character is a word of its own (「做化工的」).
 */
export function namedConcepts(u: Understander, text: string): ConceptMatch[] {
  return u.findConcepts(text).filter((c) => {
    if (!c.span.startsWith('化') || c.index === 0) return true;
    const before = text[c.index - 1]!;
    return !/\p{Script=Han}/u.test(before) || BEFORE_INDUSTRY.test(before);
  });
}

/** An entry's guard words as sets (see AnswerIndex.guards). */
interface Guards {
  requires: Set<string>[];
  excludes: Set<string>;
}

/** The two sets share a word; the smaller one is walked. */
function shares(a: Set<string>, b: Set<string>): boolean {
  if (a.size > b.size) return shares(b, a);
  for (const w of a) if (b.has(w)) return true;
  return false;
}

/** Every required word group has a word in the text (`words`: the guard words it contains). */
function meets(g: Guards, words: Set<string>): boolean {
  return g.requires.every((group) => shares(group, words));
}

function admits(p: PreparedEntry, g: Guards, words: Set<string>, concepts: Set<string>): boolean {
  if (shares(g.excludes, words)) return false;
  return meets(g, words) && p.anchors.every((a) => concepts.has(a));
}

/** A clause whose text is only its own heading. */
function isHeading(c: Clause, units: readonly { text: string }[]): boolean {
  return units.length === 0 || (units.length === 1 && units[0]!.text.replace(/[。：:\s]/g, '').length <= c.title.length + 2);
}

/**
 * The quote for a cited clause the entry gives no quote of. The three forms repeat the same cells,
 * so a cell the entry quotes from 附件2 is looked for in 附件3 first ("资产负债率（%）"); failing
 * that, the clause's first unit that says more than its own heading ("企业基本信息", "联系方式"
 * quoted alone prove nothing).
 */
function fallbackQuote(c: Clause, units: readonly QuoteUnit[], quotes: AnswerEntry['quotes']): string {
  for (const q of quotes) {
    const same = quoteWith(c.text, q.find);
    if (same) return same;
  }
  const bare = (t: string) => t.replace(/^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)\s*/u, '').replace(/[。：:\s]/g, '');
  const said = units.find((u) => bare(u.text) !== bare(c.title)) ?? units[0];
  return said ? renderUnit(said) : c.title;
}

function prepare(entry: AnswerEntry, clause: (id: string) => Clause | undefined, children: (id: string) => Clause[], where: string, u: Understander, kinds: Record<string, string[]>, norm: (w: string) => string): PreparedEntry {
  const cite = (id: string, quote: string): Citation => ({ clause: id, title: clause(id)!.title, quote });
  const quotes: Citation[] = entry.quotes.map((q, i) => {
    const c = clause(q.clause);
    if (!c) throw new KnowledgeError(where, `quotes.${i}：条款 ${q.clause} 不存在`);
    const text = quoteWith(c.text, q.find);
    if (!text) throw new KnowledgeError(where, `quotes.${i}：条款 ${q.clause} 中没有原文“${q.find}”`);
    return cite(c.id, text);
  });
  const citations: Citation[] = [];
  for (const id of entry.clauses) {
    const c = clause(id);
    if (!c) throw new KnowledgeError(where, `clauses：条款 ${id} 不存在`);
    const own = quotes.find((q) => q.clause === id);
    const units = quoteUnits(c.text);
    // A section heading ("四、相关附件") has nothing to quote: its items, quoted, stand for it.
    if (!own && isHeading(c, units)) {
      const items = quotes.filter((q) => q.clause.startsWith(`${id}(`) || q.clause.startsWith(`${id}.`));
      const first = children(id).find((k) => quoteUnits(k.text).length > 0);
      if (items.length) citations.push(...items);
      else if (first) citations.push(cite(first.id, renderUnit(quoteUnits(first.text)[0]!)));
      continue;
    }
    citations.push(own ?? cite(id, fallbackQuote(c, units, entry.quotes)));
  }
  for (const q of quotes) if (!citations.some((c) => c.clause === q.clause && c.quote === q.quote)) citations.push(q);
  const unique = oncePerClause(citations, (id) => clause(id)?.text);
  citations.splice(0, citations.length, ...unique);
  const items = (entry.items ?? []).map((item, i) => {
    const quoted = [item.quote, ...(item.also ?? [])].map((q, j) => {
      const at = j === 0 ? `items.${i}.quote` : `items.${i}.also.${j - 1}`;
      const c = clause(q.clause);
      if (!c) throw new KnowledgeError(where, `${at}：条款 ${q.clause} 不存在`);
      const text = quoteWith(c.text, q.find);
      if (!text) throw new KnowledgeError(where, `${at}：条款 ${q.clause} 中没有原文“${q.find}”`);
      return cite(c.id, text);
    });
    if (item.subject && !item.answer.includes(item.subject)) throw new KnowledgeError(where, `items.${i}.subject：回答中没有“${item.subject}”`);
    return { words: item.words.map(norm), unless: (item.unless ?? []).map(norm), answer: item.answer, subject: item.subject, citations: oncePerClause(quoted, (id) => clause(id)?.text) };
  });
  let anchors: string[] = [];
  if (!entry.requires) {
    const sets = entry.questions.map((q) => new Set(u.findConcepts(u.understand(q).text).map((c) => c.canonical)));
    anchors = [...sets[0]!].filter((c) => sets.every((s) => s.has(c)));
  }
  return {
    entry,
    quotes,
    citations,
    requires: (entry.requires ?? []).map((g) => g.flatMap((w) => kinds[w] ?? [w]).map(norm).flatMap(withDigits)),
    excludes: (entry.excludes ?? []).flatMap((w) => kinds[w] ?? [w]).map(norm).flatMap(withDigits),
    anchors,
    items,
  };
}
