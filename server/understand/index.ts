/**
 * The one reading of Chinese input, shared by Q&A, the interview and the form phase. Pure:
 * no I/O; the vocabulary comes from the knowledge version's lexicon.
 *
 *   const u = understanderFor(kb.data).understand('營業執找要原件吗？两百人，约85%，1.2亿');
 *   u.text         // '营业执照要原件吗?两百人,约85%,1.2亿'  normalised and repaired, numerals as typed
 *   u.arabic       // '营业执照要原件吗?200人,约85%,1.2亿'  the same with Chinese numerals in digits
 *   u.corrections  // [{ kind: 'traditional', … }, { kind: 'typo', from: '营业执找', to: '营业执照' }]
 *   u.concepts     // lexicon entries named, with the span that named them
 *   u.quantities   // [{ value: 200, unit: '人' }, { value: 85, unit: '%', approx: true }, { value: 120000000 }]
 *   inUnit(u.quantities[2], '万元')   // 12000
 *   parseQuantity('两百人', '人')      // 200
 *   shownCorrections(u)               // the repairs an answer should show (「已按“营业执照”理解」)
 *   understanderFor(kb.data).read(t)  // normalisation and repair only, for callers that need no numbers
 *
 * Steps, in order: normalise (NFKC full/half width, lower case, traditional → simplified);
 * full pinyin (shipin yao duo chang → 视频要多长); pinyin-initial abbreviations (zncj → 智能车间); homophone and near-homophone repair against
 * the vocabulary with IME fuzzy pairs (z/zh, c/ch, s/sh, n/l, an/ang, en/eng, in/ing);
 * lexicon concepts; quantities. Every change is reported, so a caller can say what it assumed.
 */
import type { LexiconFile, RegionsFile } from '../knowledge/schemas/notice-data';
import { normalise } from './normalise';
import { arabicNumerals, findQuantities, type Quantity } from './numbers';
import { Repairer } from './repair';

export { halfWidthAlnum, normalise, spacesAsClauseBreaks } from './normalise';
export { holdsPersonalData, isReplyOnly, maskPersonalNumbers, publishedNumbers, withoutPersonalData, withoutPersonalStatements } from './personal';
export { arabicNumerals, findQuantities, inUnit, isRange, parseChineseNumber, parseQuantity, spokenDigits, writtenRoundFigure, yearOf, type Quantity } from './numbers';
export { fuzzySyllable } from './repair';
export { readEdit, type Edit } from './edits';
export { partOfWord, withProvinces, type Elsewhere, type Lookalikes } from './places';
export { absoluteYears, arabicYears, respectiveYears, sameEachYear, spokenYears, yearSeries, yearsSaid } from './years';
export { clipQuote } from './quote';
export { chinaDay, relativeDates } from './dates';
export { askAboutPending, type AboutPending, type PendingAsk, type PendingWords } from './pending';

export interface Correction {
  /** traditional: script conversion; typo: a near-homophone repaired; abbreviation: pinyin initials expanded; pinyin: full pinyin read as Chinese; number: a Chinese numeral written in digits. */
  kind: 'traditional' | 'typo' | 'abbreviation' | 'pinyin' | 'number';
  from: string;
  to: string;
}

export interface ConceptMatch {
  id?: string;
  canonical: string;
  /** The form of the concept found in the text (an alias or the canonical term). */
  span: string;
  index: number;
}

export interface Understood {
  raw: string;
  /** Normalised and repaired text; numerals as typed. */
  text: string;
  /** `text` with every Chinese numeral that carries a unit in Arabic digits (两百人 → 200人). */
  arabic: string;
  corrections: Correction[];
  concepts: ConceptMatch[];
  quantities: Quantity[];
}

export interface Vocabulary {
  /** Domain terms a typo or an abbreviation may be read as, in priority order. */
  terms: readonly string[];
  /** Two-character words a same-sounding pair may be read as, where the pair is no word itself. */
  pairs?: readonly string[];
  /** Place names a same-sounding typo may be read as (洛阳 for 落阳), never from typed initials. */
  names?: readonly string[];
  /** Forms that stay as written however they sound (every county and district name). */
  known?: readonly string[];
  /** Everyday words full pinyin may be read as, besides the terms and pairs (LexiconFile `pinyinWords`). */
  pinyinWords?: readonly string[];
  /** Groups of characters typed for one another because they look alike (LexiconFile `lookalikes`). */
  lookalikes?: readonly string[];
  /** Synonym groups: any alias names the canonical concept. */
  concepts: readonly { id?: string; canonical: string; aliases: readonly string[] }[];
}

const ASCII = /^[a-z0-9/+\-. ]+$/;

export class Understander {
  private readonly repairer: Repairer;
  /** Concept forms by their first two characters (as char codes), so a position costs one lookup. */
  private readonly conceptsByPair = new Map<number, Map<number, { text: string; ascii: boolean; concept: number }[]>>();
  private readonly concepts: Vocabulary['concepts'];

  constructor(vocab: Vocabulary) {
    this.concepts = vocab.concepts;
    const forms = vocab.concepts.flatMap((c) => [c.canonical, ...c.aliases]);
    const han = (s: string) => /^\p{Script=Han}+$/u.test(s);
    this.repairer = new Repairer({ terms: [...vocab.terms, ...forms.filter(han)], pairs: vocab.pairs, names: vocab.names, known: [...forms, ...(vocab.known ?? [])], pinyinWords: vocab.pinyinWords, lookalikes: vocab.lookalikes });
    vocab.concepts.forEach((c, concept) => {
      for (const form of new Set([c.canonical, ...c.aliases].map((f) => normalise(f).text))) {
        // One-character forms would match everywhere; a concept is named by two characters at least.
        if (form.length < 2) continue;
        let second = this.conceptsByPair.get(form.charCodeAt(0));
        if (!second) this.conceptsByPair.set(form.charCodeAt(0), (second = new Map()));
        const list = second.get(form.charCodeAt(1)) ?? [];
        list.push({ text: form, ascii: ASCII.test(form), concept });
        second.set(form.charCodeAt(1), list);
      }
    });
  }

  /** Normalisation and repair only: the text every later step reads, and what was changed to get it. */
  read(raw: string): Pick<Understood, 'text' | 'corrections'> {
    const corrections: Correction[] = [];
    const n = normalise(raw);
    if (n.traditional) corrections.push({ kind: 'traditional', from: raw.trim(), to: n.text });
    const r = this.repairer.repair(n.text);
    for (const x of r.repairs) corrections.push({ kind: x.kind, from: x.from, to: x.to });
    return { text: r.text, corrections };
  }

  understand(raw: string): Understood {
    const { text, corrections } = this.read(raw);
    const quantities = findQuantities(text);
    const a = arabicNumerals(text, quantities);
    for (const c of a.changed) corrections.push({ kind: 'number', ...c });
    return { raw, text, arabic: a.text, corrections, concepts: this.findConcepts(text), quantities };
  }

  /** Lexicon concepts named in normalised text, in text order; ASCII forms need word boundaries ("ai" is not in "email"). */
  findConcepts(text: string): ConceptMatch[] {
    const out: ConceptMatch[] = [];
    for (let i = 0; i + 1 < text.length; i++) {
      const list = this.conceptsByPair.get(text.charCodeAt(i))?.get(text.charCodeAt(i + 1));
      if (!list) continue;
      for (const f of list) {
        if (!text.startsWith(f.text, i)) continue;
        if (f.ascii && (/[a-z0-9]/.test(text[i - 1] ?? '') || /[a-z0-9]/.test(text[i + f.text.length] ?? ''))) continue;
        const c = this.concepts[f.concept]!;
        // Built field by field: a spread of a conditional literal cost more than the whole scan.
        const m: ConceptMatch = { canonical: c.canonical, span: f.text, index: i };
        if (c.id) m.id = c.id;
        out.push(m);
      }
    }
    return out;
  }
}

/**
 * 「如果几个条件不满足」「要是有几项没达到」: 几 after a word that puts a case asks no count; it says "some", and is read
 * so (有些), so that no count question is heard in it. 「有几个名额」 keeps its 几: it puts no case.
 */
export function indefiniteAmounts(text: string): string {
  return text.replace(/(如果|要是|假如|万一|若是|倘若)(?:有)?几(?:个|项|条|样)/gu, '$1有些');
}

/** The corrections an answer should show: a repaired typo or an expanded abbreviation changes what was asked. */
export function shownCorrections(u: Pick<Understood, 'corrections'>): Correction[] {
  return u.corrections.filter((c) => c.kind === 'typo' || c.kind === 'abbreviation' || c.kind === 'pinyin');
}

const cache = new WeakMap<object, Understander>();
/** Region kinds below the 省辖市 (see regions.json). */
export const LOCAL_KINDS: ReadonlySet<string> = new Set(['县', '县级市', '市辖区']);

/** The understander of a knowledge version's lexicon, built once. */
export function understanderFor(data: { lexicon: LexiconFile; regions?: RegionsFile }): Understander {
  let u = cache.get(data.lexicon);
  if (!u) {
    // The 省辖市 and the two special areas have a quota line of their own, so a typo in one (落阳, 焦做)
    // is repaired; the many county and district names are only kept as written, since one of them
    // may sound like a city's.
    const places = (data.regions?.regions ?? []).map((r) => ({ r, forms: [r.name, r.short, ...r.aliases] }));
    const cityLevel = places.filter((p) => !LOCAL_KINDS.has(p.r.kind)).flatMap((p) => p.forms);
    u = new Understander({
      terms: data.lexicon.vocabulary ?? [],
      pairs: data.lexicon.pairVocabulary,
      pinyinWords: data.lexicon.pinyinWords,
      lookalikes: data.lexicon.lookalikes,
      names: cityLevel,
      known: places.flatMap((p) => p.forms),
      concepts: data.lexicon.entries,
    });
    cache.set(data.lexicon, u);
  }
  return u;
}
