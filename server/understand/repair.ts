import { pinyin } from 'pinyin-pro';

/**
 * Typo repair against a domain vocabulary, the way a pinyin IME goes wrong: a character with
 * the same or a near sound (营业执找 → 营业执照, 离散形 → 离散型), and typed pinyin initials
 * (zncj → 智能车间). Built once per vocabulary; `repair` is pure.
 */

const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAN = /\p{Script=Han}/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Word boundaries of a text (positions where a word starts or ends). */
function boundaries(text: string): Set<number> {
  const b = new Set<number>([0, text.length]);
  for (const s of segmenter.segment(text)) {
    b.add(s.index);
    b.add(s.index + s.segment.length);
  }
  return b;
}

/**
 * The fuzzy syllable: tone dropped, then the pairs Chinese IMEs treat as one because speakers
 * of many dialects do not tell them apart (z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing).
 */
export function fuzzySyllable(s: string): string {
  let t = s.replace(/ü/g, 'v');
  t = t.replace(/^([zcs])h/, '$1').replace(/^l/, 'n');
  t = t.replace(/(ia|ua|a|e|i)ng$/, '$1n');
  return t;
}

// A character's readings are fixed, so they are computed once per character ever seen.
// Non-Han characters have no reading (an empty list), so the same lookup tells them apart.
const readingCache = new Map<string, string[]>();

function readings(ch: string): string[] {
  let r = readingCache.get(ch);
  if (!r) {
    r = HAN.test(ch) ? [...new Set(pinyin(ch, { multiple: true, toneType: 'none', type: 'array' }).map(fuzzySyllable))] : [];
    readingCache.set(ch, r);
  }
  return r;
}

/**
 * Characters a correction never replaces: grammar words a near-homophone of a domain
 * character sits next to far more often than a typo does (车间及 is 车间 and …, not 车间级).
 */
/** Short Latin words people type that happen to be the initials of a term; they stay as written. */
const LATIN_WORDS = new Set('pdf ppt doc docx xls xlsx jpg jpeg png gif bmp mov avi wmv mkv app web api url www com net org gov ceo cto cfo usb cnc led lcd gps wifi ok hi yes no the and for are you sos faq iso'.split(' '));

const FUNCTION_CHARS = new Set('的地得了着过和与及或跟同在是有无不没也都就还又才再很太最更把被让给对向从到于为以而且但并即如若则其之此这那哪什么吗呢吧啊呀嘛个些每各该本某所等'.split(''));

/**
 * Question words a grammar word is typed for by the IME (即家, 及张 for 几家, 几张). In a pair that
 * starts with one, the grammar-word guard is lifted: the pair check already requires both typed
 * characters to stand alone (推|即|家), which a grammar word followed by a measure word never does
 * in a sentence that means it (以及 and 即可 are words, so 以及家 and 即可 stay as written).
 */
const QUESTION_CHARS = new Set('几多哪谁怎'.split(''));

interface Term {
  text: string;
  keys: string[];
}

export interface Repair {
  kind: 'typo' | 'abbreviation' | 'pinyin';
  from: string;
  to: string;
  index: number;
}

export interface RepairVocabulary {
  /** Han terms a near-homophone may be repaired to; the longer the term, the safer the repair. */
  terms: readonly string[];
  /**
   * Two-character words a pair may be repaired to (申抱 → 申报). One character of two is little
   * evidence, so such a repair also needs the pair as typed to be no word: two one-character
   * segments (视|平), never a word of its own (上线, 时常).
   */
  pairs?: readonly string[];
  /**
   * Names (places) repaired by sound like terms and pairs, but never expanded from typed initials:
   * 「zzs」 is more likely a stray word than 郑州市.
   */
  names?: readonly string[];
  /** Every form the text is allowed to contain as written (terms, aliases, ASCII abbreviations). */
  known: readonly string[];
  /** Everyday words full pinyin may be read as, ahead of the terms and pairs, in priority order. */
  pinyinWords?: readonly string[];
  /** Groups of characters that look alike (问间): one may be typed for another inside a term. */
  lookalikes?: readonly string[];
}

/** Syllables a Latin word may be cut into at most: a longer word is no typed pinyin phrase. */
const MAX_PINYIN_SYLLABLES = 12;

export class Repairer {
  private readonly byFirstKeys = new Map<string, Map<string, Term[]>>();
  private readonly exactByFirst = new Map<string, string[]>();
  private readonly initials = new Map<string, string>();
  private readonly asciiKnown = new Set<string>();
  /** Words by their toneless pinyin written together (shipin → 视频); the first word of a sound owns it. */
  private readonly bySound = new Map<string, string>();
  private longestSound = 0;
  /** For each look-alike character, the characters it may be typed for. */
  private readonly looksLike = new Map<string, Set<string>>();

  constructor(vocab: RepairVocabulary) {
    for (const group of vocab.lookalikes ?? []) {
      for (const c of group) {
        const set = this.looksLike.get(c) ?? new Set<string>();
        for (const o of group) if (o !== c) set.add(o);
        this.looksLike.set(c, set);
      }
    }
    const terms = [...new Set(vocab.terms.filter((t) => HAN_ONLY.test(t) && t.length >= 3 && t.length <= 12))];
    const pairs = [...new Set((vocab.pairs ?? []).filter((t) => HAN_ONLY.test(t) && t.length === 2))];
    const names = [...new Set((vocab.names ?? []).filter((t) => HAN_ONLY.test(t) && t.length >= 2 && t.length <= 12))];
    const fromInitials = new Set(terms);
    for (const text of [...terms, ...pairs, ...names.filter((t) => !fromInitials.has(t))]) {
      const syllables = pinyin(text, { toneType: 'none', type: 'array' });
      const keys = syllables.map(fuzzySyllable);
      if (keys.length !== text.length) continue;
      // Indexed by the first two syllables: a candidate must sound right from its start, so one
      // lookup per reading pair replaces a scan of every term.
      let second = this.byFirstKeys.get(keys[0]!);
      if (!second) this.byFirstKeys.set(keys[0]!, (second = new Map()));
      const list = second.get(keys[1]!) ?? [];
      list.push({ text, keys });
      second.set(keys[1]!, list);
      // Initials of a term of three characters or more; real ASCII words are protected by `known`.
      if (text.length >= 3 && fromInitials.has(text)) {
        // The first letter of each syllable, as pinyin's own `pattern: 'first'` gives it, without reading the term twice.
        const abbr = syllables.map((x) => x[0]).join('');
        // The first term in vocabulary order owns a shared abbreviation; order is priority.
        if (!this.initials.has(abbr)) this.initials.set(abbr, text);
      }
    }
    for (const second of this.byFirstKeys.values()) for (const list of second.values()) list.sort((a, b) => b.text.length - a.text.length);
    for (const word of [...(vocab.pinyinWords ?? []), ...terms, ...pairs, ...names]) {
      if (!HAN_ONLY.test(word)) continue;
      // A word of one character is read in each of its readings (长 is chang and zhang); a longer word as pinyin reads it in context.
      const sounds = word.length === 1 ? pinyin(word, { multiple: true, toneType: 'none', type: 'array' }) : [pinyin(word, { toneType: 'none', type: 'array' }).join('')];
      for (const sound of sounds) {
        const key = sound.replace(/ü/g, 'v');
        if (!this.bySound.has(key)) this.bySound.set(key, word);
        this.longestSound = Math.max(this.longestSound, key.length);
      }
    }
    for (const k of new Set([...vocab.known, ...terms, ...pairs, ...names])) {
      const w = k.normalize('NFKC').toLowerCase();
      if (!w) continue;
      if (/^[a-z0-9]+$/.test(w)) this.asciiKnown.add(w);
      const list = this.exactByFirst.get(w[0]!) ?? [];
      list.push(w);
      this.exactByFirst.set(w[0]!, list);
    }
  }

  /** Repairs normalised text; returns the new text and each change with its position in the result. */
  repair(text: string): { text: string; repairs: Repair[] } {
    const spelt = this.readPinyin(text);
    const abbr = this.expandAbbreviations(spelt.text);
    const typo = this.repairHomophones(abbr.text);
    // Abbreviation positions shift by later typo repairs only when a typo precedes them; report positions in the final text.
    const repairs = [...spelt.repairs, ...abbr.repairs.map((r) => ({ ...r, index: shift(r.index, typo.repairs) })), ...typo.repairs].sort((a, b) => a.index - b.index);
    return { text: typo.text, repairs };
  }

  /**
   * 「shipin yao duo chang」「shenbao jiezhi shijian」: a run of Latin words that all read as pinyin of
   * known words is written in those words (视频要多长). Only a run of two syllables or more is read, and
   * only when every word of it reads, but for the known Latin words it may hold (mes, pdf), which stay
   * as typed: a stray English word keeps the whole run as typed, so no sentence is half-rewritten.
   */
  private readPinyin(text: string): { text: string; repairs: Repair[] } {
    const repairs: Repair[] = [];
    let delta = 0;
    const out = text.replace(/(?<![a-z0-9.\/:@_-])[a-z]+(?:\s+[a-z]+)*(?![a-z0-9.\/:@_-])/g, (run, offset: number) => {
      const words = run.split(/\s+/u);
      const kept = (w: string) => this.asciiKnown.has(w) || LATIN_WORDS.has(w);
      // The words between known Latin words are read together: where the spaces fall is the typist's
      // choice (「ji zhang」 is 几张, not 几 and 长).
      const groups: { kept: boolean; text: string }[] = [];
      for (const w of words) {
        const last = groups.at(-1);
        if (!kept(w) && last && !last.kept) last.text += w;
        else groups.push({ kept: kept(w), text: w });
      }
      const read = groups.map((g) => (g.kept ? [g.text] : this.segmentSound(g.text)));
      if (read.some((r) => r === undefined) || read.filter((r, i) => !groups[i]!.kept).flat().length < 2) return run;
      // A known Latin word (mes, pdf) stays a word of its own between the words read.
      const to = read.reduce((t, r, i) => t + (i > 0 && groups[i]!.kept && groups[i - 1]!.kept ? ' ' : '') + r!.join(''), '');
      repairs.push({ kind: 'pinyin', from: run, to, index: offset + delta });
      delta += to.length - run.length;
      return to;
    });
    return { text: out, repairs };
  }

  /** A Latin word cut into the fewest known words by sound (jiezhishijian → 截止, 时间), or undefined. */
  private segmentSound(w: string): string[] | undefined {
    if (this.bySound.size === 0) return undefined;
    const best: (string[] | undefined)[] = [[]];
    for (let end = 1; end <= w.length; end++) {
      for (let start = Math.max(0, end - this.longestSound); start < end; start++) {
        const before = best[start];
        const word = before && this.bySound.get(w.slice(start, end));
        if (word && (!best[end] || before.length + 1 < best[end]!.length)) best[end] = [...before, word];
      }
    }
    const found = best[w.length];
    return found && found.length <= MAX_PINYIN_SYLLABLES ? found : undefined;
  }

  private expandAbbreviations(text: string): { text: string; repairs: Repair[] } {
    const repairs: Repair[] = [];
    let delta = 0;
    const out = text.replace(/(?<![a-z0-9.\/:@_-])[a-z]{3,10}(?![a-z0-9.\/:@_-])/g, (m, offset: number) => {
      if (this.asciiKnown.has(m) || LATIN_WORDS.has(m)) return m;
      const initials = this.initials.get(m);
      // 「mse」 for MES: two neighbouring letters of a known system name typed the other way round.
      const swapped = initials ? undefined : this.transposed(m);
      const to = initials ?? swapped;
      if (!to) return m;
      repairs.push({ kind: initials ? 'abbreviation' : 'typo', from: m, to, index: offset + delta });
      delta += to.length - m.length;
      return to;
    });
    return { text: out, repairs };
  }

  /** The one known Latin word (a system name such as mes, erp, wms) that `w` is with two neighbouring letters swapped. */
  private transposed(w: string): string | undefined {
    if (w.length > 6) return undefined;
    const found = new Set<string>();
    for (let i = 0; i + 1 < w.length; i++) {
      if (w[i] === w[i + 1]) continue;
      const c = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      if (this.asciiKnown.has(c)) found.add(c);
    }
    return found.size === 1 ? [...found][0] : undefined;
  }

  private repairHomophones(text: string): { text: string; repairs: Repair[] } {
    const n = text.length;
    // Spans written exactly as a known word are protected: a repair may not cut into them
    // unless it is longer than every exact word it overlaps (离散形 wins over 离散). Computed
    // only when a candidate appears, which most questions never produce.
    let exact: Int16Array | undefined;
    const exactLen = (): Int16Array => {
      if (exact) return exact;
      exact = new Int16Array(n);
      for (let i = 0; i < n; i++) {
        for (const w of this.exactByFirst.get(text[i]!) ?? []) {
          if (w.length > 1 && text.startsWith(w, i)) for (let j = i; j < i + w.length; j++) exact[j] = Math.max(exact[j]!, w.length);
        }
      }
      return exact;
    };
    const repairs: Repair[] = [];
    let cuts: Set<number> | undefined;
    let out = '';
    let copied = 0;
    let i = 0;
    while (i < n) {
      let found = this.bestAt(text, i, exactLen);
      // A repair must not cut a word the text really contains (车间机器人 is not 车间级 + 器人);
      // segmentation is needed only here, so it runs only when a candidate is found.
      if (found) {
        cuts ??= boundaries(text);
        if (!cuts.has(i) || !cuts.has(i + found.length)) found = null;
        // A pair that is a word as typed (上线, 时常) is that word, not a typo of another.
        else if (found.length === 2 && !cuts.has(i + 1)) found = null;
      }
      if (found) {
        out += text.slice(copied, i) + found;
        repairs.push({ kind: 'typo', from: text.slice(i, i + found.length), to: found, index: out.length - found.length });
        i += found.length;
        copied = i;
      } else i++;
    }
    return { text: repairs.length ? out + text.slice(copied) : text, repairs };
  }

  // Candidate terms per pair of characters, remembered: questions reuse the same pairs, and one
  // lookup then replaces the reading cross-product. Cleared when large, so user text cannot grow it without bound.
  private readonly pairCache = new Map<number, Map<number, Term[]>>();
  private pairCount = 0;

  private candidates(text: string, i: number): Term[] {
    const ca = text.charCodeAt(i);
    const cb = text.charCodeAt(i + 1);
    let byB = this.pairCache.get(ca);
    let list = byB?.get(cb);
    if (list) return list;
    list = [];
    const r1 = readings(text[i + 1]!);
    for (const k0 of readings(text[i]!)) {
      const second = this.byFirstKeys.get(k0);
      if (second) for (const k1 of r1) list.push(...(second.get(k1) ?? []));
    }
    list.sort((x, y) => y.text.length - x.text.length);
    if (++this.pairCount > 200_000) {
      this.pairCache.clear();
      this.pairCount = 0;
      byB = undefined;
    }
    if (!byB) this.pairCache.set(ca, (byB = new Map()));
    byB.set(cb, list);
    return list;
  }

  /** Whether a known word of two characters or more holds position `k` and reaches outside the span [from, from + length). */
  private cutsKnownWord(text: string, from: number, length: number, k: number): boolean {
    for (let s = Math.max(0, k - 11); s <= k; s++) {
      for (const w of this.exactByFirst.get(text[s]!) ?? []) {
        if (w.length > 1 && s + w.length > k && text.startsWith(w, s) && (s < from || s + w.length > from + length)) return true;
      }
    }
    return false;
  }

  private bestAt(text: string, i: number, exactLen: () => Int16Array): string | null {
    if (i + 1 >= text.length) return null;
    const list = this.candidates(text, i);
    if (list.length === 0) return null;
    for (const term of list) {
      const L = term.text.length;
      if (i + L > text.length) continue;
      // The text already says the term: nothing to repair here.
      if (text.startsWith(term.text, i)) return null;
      // A measure word followed by 数 is a count (张数, 份数: 及张数 is 及 + 张数), not a question about one.
      if (L === 2 && QUESTION_CHARS.has(term.text[0]!) && text[i + 2] === '数') continue;
      let diffs = 0;
      let ok = true;
      for (let j = 0; j < L && ok; j++) {
        const c = text[i + j]!;
        // A kept character that belongs to a known word as long as the term (联网 in 联网占比) ties the
        // span to that word: reading it into the term (网占 → 网站) would cut the word the text says.
        if (c === term.text[j]) {
          if (exactLen()[i + j]! >= L && this.cutsKnownWord(text, i, L, i + j)) ok = false;
          continue;
        }
        // A repaired character must sound like the term's, be a Han character, and not be a grammar word.
        const grammarGuard = FUNCTION_CHARS.has(c) && !(L === 2 && QUESTION_CHARS.has(term.text[0]!));
        // A character that looks like the term's (智能车问) stands for it only inside a term of three
        // characters or more: the two before it were matched by sound, so the term is plainly meant.
        const alike = L >= 3 && this.looksLike.get(c)?.has(term.text[j]!) === true;
        if (++diffs > (L >= 6 ? 2 : 1) || !HAN.test(c) || grammarGuard || !(alike || readings(c).includes(term.keys[j]!)) || exactLen()[i + j]! >= L) ok = false;
      }
      // One wrong character in a term of up to five, two in a longer one; at least two must be right,
      // except in a two-character word, where the segmentation check above stands in for the second.
      if (!ok || diffs === 0 || L - diffs < (L === 2 ? 1 : 2)) continue;
      return term.text;
    }
    return null;
  }
}

function shift(index: number, later: readonly Repair[]): number {
  let at = index;
  for (const r of later) if (r.index < at) at += r.to.length - r.from.length;
  return at;
}
