import type { KnowledgeData } from '../knowledge/load';
import type { AnswerValue, Interpretation, QuestionView } from '../schemas/interview';
import type { CapabilityId, Category } from '../schemas/profile';
import { escapeRegex, indexOf, requirementsOf, wordRegex } from './kb';
import { checkValue, industryFromText, tradeInPassing, viewOf } from './plan';
import { foundingAsKept } from './facts';
import { findQuantities, inUnit, isRange, LOCAL_KINDS, normalise, parseChineseNumber, partOfWord, spacesAsClauseBreaks, understanderFor, type Quantity } from '../understand';

export type { Interpretation } from '../schemas/interview';

type Polarity = true | false | 'partial' | 'planned' | 'future' | 'tried';

/**
 * When answer words disagree, the more cautious one wins: 已经有但没完全上线 is partial, 还没有上线 is no.
 * A time still to come (明年, 下个月, 年底) beats a yes: 「MES下个月上线」 is not in place. A try that is over
 * (试了试) beats even a partial word: 「就在配矿上试了试」 is not in use.
 */
const STRENGTH: Record<string, number> = { tried: 5, partial: 4, future: 3.5, false: 3, true: 2, planned: 1 };

interface Vocab {
  cues: RegExp | null;
  polarity: Map<string, Polarity>;
  mask: RegExp | null;
  notMentions: RegExp | null;
  skip: RegExp | null;
  hedges: RegExp | null;
  leadIns: string[];
  contrast: RegExp | null;
  questionWords: RegExp | null;
  notQuestion: RegExp | null;
  anyWh: RegExp | null;
  negatedWh: RegExp | null;
  others: RegExp | null;
  /** What follows 其他/别的 when it speaks of the rest of the plant (设备, 产线), and of other workshops. */
  restOfPlant: RegExp | null;
  otherWorkshops: RegExp | null;
  exceptions: RegExp | null;
  metrics: { regex: RegExp | null; byAlias: Map<string, string> };
  instructions: RegExp | null;
  primary: RegExp | null;
  corrections: RegExp | null;
  previousRefs: RegExp | null;
  pairRefs: RegExp | null;
  spokenWh: RegExp | null;
  registration: { question: string; cues: RegExp | null; home: RegExp | null; elsewhere: RegExp | null; otherUnits: RegExp | null; parentUnits: RegExp | null; ownUnits: RegExp | null };
  onlyBefore: RegExp | null;
  partScope: { regex: RegExp | null; some: RegExp | null; notAll: RegExp | null; notRestricting: RegExp | null; whole: string[]; parts: string[]; unitParts: string[]; applying: string[]; otherUnit: string[]; naming: RegExp | null; unitOnly: RegExp | null; bareNames: string[]; changes: string[]; answeredBeside: string[]; categoryNames: string[]; titled: { question: string; said: RegExp | null; after: RegExp | null } | null };
}

const vocabCache = new WeakMap<object, Vocab>();

/** Words as one regex alternation, longest first, so the leftmost match is the longest. */
/** A partial word of the 「有的没有」 kind: some parts, then a no. */
const SOME_LACK = /^(?:有的|有些).*?(没有?)$/u;
/**
 * What may follow a correction word (不对, 说错了): a particle, then the clause's end, a colon or a quote that
 * opens the right answer (「记录错了：」「改成“是”」), 是, 其实 or 应该.
 */
const CORRECTION_END = /^[了啊呀吧哈]*(?:[，,。；;！!？?…:：“"「『'\s]|是|其实|应该|$)/u;
/** Correction words that the corrected value follows at once (改成没有, 改为是). */
const RESTATES = /^改[成为]$/u;
/** Nothing but particles, spaces or punctuation before the clause ends. */
const CLAUSE_END = /^[\s啊呀吧啦哈嘛呢哦了的]*(?:[，,。；;！!？?\n]|$)/u;

function alternationOf(words: string[]): string {
  return [...words].map((w) => escapeRegex(w.toLowerCase())).sort((a, b) => b.length - a.length).join('|');
}


function vocabOf(kb: KnowledgeData): Vocab {
  const hit = vocabCache.get(kb);
  if (hit) return hit;
  const v = kb.interview.vocabulary;
  const polarity = new Map<string, Polarity>();
  // Later lists do not overwrite earlier ones, so a word listed as partial stays partial.
  const little = v.littleUse ? v.littleUse.verbs.flatMap((verb) => v.littleUse!.links.flatMap((link) => v.littleUse!.amounts.map((a) => verb + link + a))) : [];
  for (const [words, p] of [[v.tried, 'tried'], [v.partial, 'partial'], [little, 'partial'], [v.partialAtEnd, 'partial'], [v.no, false], [v.future, 'future'], [v.notHandedOver, 'future'], [v.yes, true], [v.plannedNo, 'planned']] as [string[], Polarity][]) {
    for (const w of words) if (!polarity.has(w.toLowerCase())) polarity.set(w.toLowerCase(), p);
  }
  const byAlias = new Map<string, string>();
  for (const [qid, words] of Object.entries(v.metricAliases)) for (const w of words) byAlias.set(w.toLowerCase(), qid);
  const ps = v.partScope;
  const vocab: Vocab = {
    cues: wordRegex([...polarity.keys()]),
    polarity,
    mask: wordRegex(v.mask),
    notMentions: wordRegex(v.notMentions),
    skip: wordRegex(v.skip),
    hedges: wordRegex(v.hedges),
    leadIns: v.leadIns.map((w) => w.toLowerCase()),
    contrast: wordRegex(v.contrast),
    questionWords: wordRegex(v.questionWords),
    notQuestion: wordRegex(v.notQuestion),
    anyWh: v.anyWh
      ? new RegExp(`(?:${alternationOf(v.anyWh.words)})[^，,。；;！!？?\\s]{0,6}?(?:${alternationOf(v.anyWh.joiners)})(?=${alternationOf(v.anyWh.then)})`, 'gu')
      : null,
    // Only the wh-word itself is taken out, so 有没有什么 still asks by its 有没有.
    negatedWh: v.anyWh?.negatedBefore.length
      ? new RegExp(`(?<=(?:${alternationOf(v.anyWh.negatedBefore)})[^，,。；;！!？?\\s]{0,3})(?:${alternationOf(v.anyWh.words)})`, 'gu')
      : null,
    others: wordRegex(v.others),
    restOfPlant: v.restOfPlant.parts.length ? new RegExp(`^的?(?:${alternationOf([...v.restOfPlant.parts, ...v.restOfPlant.workshops])})`, 'u') : null,
    otherWorkshops: v.restOfPlant.workshops.length ? new RegExp(`^的?(?:${alternationOf(v.restOfPlant.workshops)})`, 'u') : null,
    exceptions: wordRegex(v.exceptions),
    metrics: { regex: wordRegex([...byAlias.keys()]), byAlias },
    instructions: wordRegex(v.instructions),
    primary: wordRegex(v.primary),
    corrections: wordRegex(v.corrections),
    previousRefs: wordRegex(v.previousRefs),
    pairRefs: wordRegex(v.pairRefs),
    spokenWh: v.spokenWh?.verbs.length && v.spokenWh.words.length ? new RegExp(`(?:${alternationOf(v.spokenWh.verbs)})(?:${alternationOf(v.spokenWh.words)})`, 'gu') : null,
    registration: {
      question: v.registration.question,
      cues: wordRegex(v.registration.cues),
      // Every Henan region the quota table lists counts as home: 注册在郑州 is registered in Henan.
      home: wordRegex([...v.registration.home, ...kb.regions.regions.flatMap((r) => [r.name, r.short, ...r.aliases])].filter((w) => w.length > 1 || v.registration.home.includes(w))),
      elsewhere: wordRegex(v.registration.elsewhere),
      otherUnits: wordRegex(v.registration.otherUnits),
      parentUnits: wordRegex(v.registration.parentUnits),
      ownUnits: wordRegex(v.registration.ownUnits),
    },
    // An "only" word and at most one filler, ending right where a system's name begins.
    onlyBefore: v.onlyWords.length || ps?.restrictors.length
      ? new RegExp(`(?:${alternationOf([...v.onlyWords, ...(ps?.restrictors ?? [])])})(?:${alternationOf(v.onlyFillers)})?\\s*$`, 'u')
      : null,
    partScope: {
      regex: ps ? new RegExp(`(?:${alternationOf(ps.restrictors)})[^，,。；;！!？?\n]{0,8}?(?:${alternationOf(ps.parts)})`, 'gu') : null,
      // 「有的仓库有」; not 「有的 车间都在用」 or 「有的呀，车间里用着」, where 有的 is a yes of its own.
      some: ps?.some.length ? new RegExp(`(?:${alternationOf(ps.some)})[^，,。；;！!？?\n\s啊呀吧啦哈嘛呢哦]{0,8}?(?:${alternationOf(ps.parts)})`, 'gu') : null,
      notAll: ps?.notAll.length && ps.whole.length ? new RegExp(`(?:${alternationOf(ps.notAll)})(?:${alternationOf(ps.whole)})`, 'gu') : null,
      notRestricting: ps ? wordRegex(ps.notRestricting) : null,
      whole: (ps?.whole ?? []).map((w) => w.toLowerCase()),
      parts: (ps?.parts ?? []).map((w) => w.toLowerCase()),
      unitParts: (ps?.applyingUnit?.unitParts ?? []).map((w) => w.toLowerCase()),
      applying: (ps?.applyingUnit?.applying ?? []).map((w) => w.toLowerCase()),
      otherUnit: (ps?.applyingUnit?.otherUnit ?? []).map((w) => w.toLowerCase()),
      naming: namingRegex(ps?.applyingUnit),
      unitOnly: unitOnlyRegex(ps?.applyingUnit),
      bareNames: [...(ps?.applyingUnit?.bareNames ?? [])].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length),
      answeredBeside: ps?.applyingUnit?.answeredBeside ?? [],
      titled: ps?.applyingUnit?.titled ? titledRegexes(ps.applyingUnit.unitParts, ps.applyingUnit.titled) : null,
      changes: [...(ps?.applyingUnit?.naming?.changes ?? [])].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length),
      // 「就打算报一个智能车间」 names the category, no workshop: the category question's own words for its options.
      categoryNames: (kb.interview.questions.find((q) => q.id === kb.interview.vocabulary.anotherOfThisNotice?.category)?.choices ?? []).flatMap((c) => [c.label, ...(c.aliases ?? [])]).map((w) => w.toLowerCase()),
    },
  };
  vocabCache.set(kb, vocab);
  return vocab;
}

/* ------------------------------------------------------------------ numbers */

/**
 * The number a reply gives, in the unit the question asks for, read by the one understanding
 * step (server/understand): 「约85%」 → 85, 「1.2亿」 → 12000 for 万元, 「两百人」 → 200. Two readings the
 * quantity finder leaves to its caller are added here: a Chinese numeral standing alone is an
 * answer to a number question (「八十五」), and a sign or 亏损 before a figure makes it negative.
 */
/**
 * `typed` is set when a bare decimal in a percentage was read as a fraction of one (0.85 → 85): the figure
 * as typed, which may as well be the percentage itself (a 不良品率 of 0.6%). The interview's ratios take the
 * fraction reading; a caller that must not guess asks which one was meant.
 */
export function parseNumber(text: string, unit?: string): { value: number; unit?: string; approx?: true; typed?: number } | undefined {
  const n = readNumber(text, unit);
  // A range (「1500-2000万」, 「百分之六十到七十」) is no figure to sign: it is kept as a round one, to be given exactly.
  return n && !n.approx && isRange(normalise(text).text) ? { ...n, approx: true } : n;
}

function readNumber(text: string, unit?: string): { value: number; unit?: string; approx?: true; typed?: number } | undefined {
  // Thousands separators (12,000) would otherwise split one figure in two.
  const t = normalise(text).text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const wanted = readerUnit(unit);
  const found = findQuantities(t);
  const ratio = wanted === '%' ? ratioOf(t, found) ?? pointsCounted(t, found) : undefined;
  if (ratio) return ratio;
  // 「80-90」「80到90」: a range reads as its lower end, as 「七八十」 does, and is approximate.
  // A model name's digits (「s7-1200」) are no range.
  const ranged = /(?<![a-z\d.])\d+(?:\.\d+)?\s*%?\s*(?:-|~|～|到|至)\s*\d/u.test(t);
  for (const q of found) {
    const v = inUnit(q, wanted);
    if (v === undefined) continue;
    // 「负的200万」「亏损了50万」「净亏300万」: the sign said in words, with 的 or 了 between it and the figure.
    const negative = /(?:-|负的?|亏损了?|亏了|亏)\s*$/.test(t.slice(0, q.index));
    const value = negative && v > 0 ? -v : v;
    // Converted into the unit asked for, the figure is reported in that unit.
    const shown = q.unit && wanted ? unit : q.unit;
    const rescaled = wanted === '%' && q.unit === undefined && v !== q.value;
    return { value, ...(shown ? { unit: shown } : {}), ...(q.approx || ranged ? { approx: true as const } : {}), ...(rescaled ? { typed: negative ? -q.value : q.value } : {}) };
  }
  const bare = /^[\s约大概大约差不多将近接近]*([零〇一二两三四五六七八九十百千万亿点]+)([\s左右上下以出头多来]*)[\s。.!！吧啊呀的]*$/u.exec(t);
  if (bare) {
    const v = parseChineseNumber(bare[1]!);
    const hedged = bare[0].trim() !== bare[1] && (/^[\s]*[约大概差不多将近接近]/u.test(bare[0]) || /[左右上下以出头多来]/u.test(bare[2]!));
    if (v !== undefined && Number.isFinite(v)) return { value: v, ...(hedged || isRange(bare[1]!) ? { approx: true as const } : {}) };
  }
  // 「差不多一半」「不到一半」: more said around it makes it approximate; 「一大半」「过半」 (more than half) are recorded
  // by their lower end, as a range is, and marked approximate.
  if (wanted === '%' && /一半|大半|过半/.test(t)) return { value: 50, unit: '%', ...(/^[\s。.!！吧啊呀的]*一半[\s。.!！吧啊呀的]*$/u.test(t) ? {} : { approx: true as const }) };
  return undefined;
}

/**
 * A percentage asked for and given as two counts of the same thing (「110台里联网84台」,
 * 「84台/110台」, 「84/110」): the smaller over the larger, to one decimal. Only exactly two counts
 * and no percentage: with three figures it is not clear which two make the ratio.
 */
function ratioOf(t: string, found: Quantity[]): { value: number; unit: string; approx?: true } | undefined {
  if (found.length !== 2 || found.some((q) => q.unit === '%')) return undefined;
  const [a, b] = found as [Quantity, Quantity];
  const counted = a.unit !== undefined && a.unit === b.unit && COUNT_UNITS.has(a.unit);
  const slashed = a.unit === undefined && b.unit === undefined && /^\s*\d+(\.\d+)?\s*\/\s*\d+(\.\d+)?\s*$/u.test(t);
  if (!counted && !slashed) return undefined;
  const [part, whole] = a.value <= b.value ? [a.value, b.value] : [b.value, a.value];
  if (whole <= 0 || part < 0) return undefined;
  // A share of round counts is itself round: a whole percentage, not a decimal it does not have.
  const approx = a.approx || b.approx;
  return { value: approx ? Math.round((part / whole) * 100) : Math.round((part / whole) * 1000) / 10, unit: '%', ...(approx ? { approx: true as const } : {}) };
}
const COUNT_UNITS = new Set(['台', '套', '台套', '个', '条', '家', '项']);

/** The equipment counts a reply about a ratio gives, each by what it counts, and the unit they are of where the reply names it. */
export interface EquipmentCounts {
  scope?: 'factory' | 'workshop';
  total?: number;
  automated?: number;
  networked?: number;
}

/**
 * 「全厂260台设备，联网221台」, 「自动化设备120台，其中联网100台」, 「110台里有84台联上网了」: the counts a ratio's reply gives,
 * each named by the words beside it (VocabularyFile `metricSubjects`: 联网 counts the networked ones, 自动化 the automated;
 * a count named by neither is all the equipment), and the unit they count (`unitScopes`: 全厂 is the factory, 车间 a
 * workshop). The counts are facts the form states; the ratio read from them is only their quotient. A round count
 * (「大概260台」), two counts of one kind, or a count neither word nor place can name, gives none.
 */
export function equipmentCountsOf(vocabulary: { metricSubjects?: Record<string, string[]>; unitScopes?: { factory: string[]; workshop: string[] } }, rawText: string): EquipmentCounts | undefined {
  const t = normalise(rawText.slice(0, 200)).text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const found = findQuantities(t).filter((q) => q.unit !== '%');
  if (found.length < 2 || found.length > 3 || found.some((q) => q.approx || !q.unit || !COUNT_UNITS.has(q.unit))) return undefined;
  const subjects = vocabulary.metricSubjects ?? {};
  const has = (words: string[] | undefined, s: string) => (words ?? []).some((w) => s.toLowerCase().includes(w.toLowerCase()));
  const out: EquipmentCounts = {};
  for (const [i, q] of found.entries()) {
    // The words before a count since the last break (punctuation, 里, 其中), and the words after it up to the next one.
    const prevEnd = i ? found[i - 1]!.index + found[i - 1]!.text.length : 0;
    // 中 breaks as 「110台中有84台」 does, not as the 中 of 中心 (加工中心).
    const before = t.slice(prevEnd, q.index).split(/[，,。；;、]|其中|里|中(?!心)/u).pop() ?? '';
    const after = t.slice(q.index + q.text.length, found[i + 1]?.index ?? t.length).split(/[，,。；;、]|其中|里|中(?!心)|有/u)[0] ?? '';
    const near = before + after;
    const kind = has(subjects['metric.networkedRatio'], near) ? 'networked' : has(subjects['metric.automationRatio'], near) ? 'automated' : 'total';
    if (out[kind] !== undefined) return undefined;
    out[kind] = q.value;
  }
  const counted = Object.values(out);
  if (counted.length < 2) return undefined;
  // A part larger than its whole is no count of the same equipment.
  if ((out.networked ?? 0) > (out.automated ?? out.total ?? Infinity) || (out.automated ?? 0) > (out.total ?? Infinity)) return undefined;
  const scopes = vocabulary.unitScopes;
  const factory = has(scopes?.factory, t);
  const workshop = has(scopes?.workshop, t);
  return { ...out, ...(factory !== workshop ? { scope: factory ? ('factory' as const) : ('workshop' as const) } : {}) };
}

/**
 * 「联网的有六十台左右」 said beside another answer, or alone: a count of equipment by what it counts, each from a clause
 * of its own that names it (VocabularyFile `metricSubjects`: 联网 the networked ones, 自动化 the automated; 设备 with
 * neither, all of it) and gives one count in 台 or 套. Counts that give a ratio together (equipmentCountsOf) are the
 * ratio's, and a clause that denies or plans (没有, 计划) states no count held; neither gives any here.
 */
export function loneEquipmentCounts(
  vocabulary: { metricSubjects?: Record<string, string[]>; no?: string[]; plannedNo?: string[]; future?: string[]; unitScopes?: { factory: string[]; workshop: string[] } },
  rawText: string,
): LoneCount[] {
  if (equipmentCountsOf(vocabulary, rawText)) return [];
  const subjects = vocabulary.metricSubjects ?? {};
  const has = (words: string[] | undefined, s: string) => (words ?? []).some((w) => s.toLowerCase().includes(w.toLowerCase()));
  const out: LoneCount[] = [];
  for (const raw of rawText.slice(0, 400).split(/[，,。；;！!？?\n]+/u)) {
    const clause = normalise(raw).text.trim();
    const found = findQuantities(clause).filter((q) => q.unit !== '%');
    if (found.length !== 1 || !['台', '套', '台套'].includes(found[0]!.unit ?? '')) continue;
    // 「没联网的有二十台」 counts the rest. Only the Han no words: a Latin 「n」 would be found in 「CNC」.
    if (has([...(vocabulary.no ?? []), ...(vocabulary.plannedNo ?? []), ...(vocabulary.future ?? [])].filter((w) => /\p{Script=Han}/u.test(w)), clause)) continue;
    const kind = has(subjects['metric.networkedRatio'], clause) ? 'networked' : has(subjects['metric.automationRatio'], clause) ? 'automated' : clause.includes('设备') ? 'total' : undefined;
    if (!kind || out.some((o) => o.kind === kind)) continue;
    // 「厂里设备两百多台」 counts the whole plant, 「车间设备一百二十台」 one workshop: the clause's own place word says which.
    const factory = has(vocabulary.unitScopes?.factory, clause);
    const workshop = has(vocabulary.unitScopes?.workshop, clause);
    const scope = factory !== workshop ? (factory ? ('factory' as const) : ('workshop' as const)) : undefined;
    out.push({ kind, value: found[0]!.value, approx: found[0]!.approx, said: raw.trim(), ...(scope ? { scope } : {}) });
  }
  return out;
}

/** A count of equipment said alone, by what it counts, and the unit it counts where its clause names one (全厂, 车间). */
export interface LoneCount {
  kind: 'total' | 'automated' | 'networked';
  value: number;
  approx: boolean;
  said: string;
  scope?: 'factory' | 'workshop';
}

/**
 * 「六十来个点，采了四十多」: points counted (个点) beside a second count is a part of a whole, not a rate in
 * percentage points as 「90来个点」 alone is. The second count may be a bare numeral (四十多). Approximate
 * figures give a whole percentage.
 */
function pointsCounted(t: string, found: Quantity[]): { value: number; unit: string; approx?: true } | undefined {
  const points = found.filter((q) => (/个点$/u.test(q.text) && !/百分点$/u.test(q.text)) || t.startsWith('点', q.index + q.text.length));
  if (!points.length || found.some((q) => q.unit === '%' && !points.includes(q)) || found.some((q) => q.unit !== undefined && q.unit !== '%' && !COUNT_UNITS.has(q.unit))) return undefined;
  const counts: { value: number; approx: boolean }[] = found.map((q) => ({ value: q.value, approx: q.approx }));
  // Bare numerals the quantity finder leaves out (a Chinese numeral with no unit after it).
  let rest = t;
  for (const q of found) rest = rest.replace(q.text, ' ');
  for (const m of rest.matchAll(/([零〇一二两三四五六七八九十百千]*[十百千][零〇一二两三四五六七八九]?|\d+)(多|来|余)?/gu)) {
    const v = /^\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumber(m[1]!);
    if (v !== undefined) counts.push({ value: v, approx: m[2] !== undefined || isRange(m[1]!) });
  }
  if (counts.length !== 2) return undefined;
  const [a, b] = counts as [{ value: number; approx: boolean }, { value: number; approx: boolean }];
  const [part, whole] = a.value <= b.value ? [a.value, b.value] : [b.value, a.value];
  if (whole <= 0 || part <= 0 || part === whole) return undefined;
  const approx = a.approx || b.approx;
  const share = (part / whole) * 100;
  return { value: approx ? Math.round(share) : Math.round(share * 10) / 10, unit: '%', ...(approx ? { approx: true as const } : {}) };
}

/**
 * The unit as the quantity reader names it: 台（套） is 台套. A rate such as 吨标准煤/万元 is read as
 * written, since nobody types its unit after the figure; one in 万元 per something (万元/人/天) is
 * read in 万元, so 「0.266万元」 is 0.266 and not 2660 元.
 */
function readerUnit(unit: string | undefined): string | undefined {
  if (!unit) return undefined;
  if (unit.includes('/')) return unit.split('/')[0] === '万元' ? '万元' : undefined;
  return unit.replace(/[（(]套[)）]/, '套');
}

/* ------------------------------------------------------------------ question or answer */

/**
 * 「中不中？俺们在开封」: a clause that is only a tag question (VocabularyFile `tagQuestions`) asks for a nod; with
 * a statement beside it the tag is dropped, so the statement answers. A tag after the statement, on its own
 * (「用集团的名义，中不中」) or joined to it (「集团名义报可以不」), asks whether what was said is allowed: the
 * statement still answers and `asks` is set, so that question is answered too. Alone, or beside another
 * question, the text is left as typed.
 */
function withoutTagQuestions(kb: KnowledgeData, text: string): { text: string; asks: boolean } {
  const tags = kb.interview.vocabulary.tagQuestions.map((w) => w.toLowerCase());
  const kept = { text, asks: false };
  if (!tags.length) return kept;
  const core = (c: string) => c.toLowerCase().replace(/[\s\p{P}\p{S}啊呀吧嘞哈呢嘛]+/gu, '');
  const rest: string[] = [];
  let asks = false;
  for (const c of text.match(/[^，,。；;！!？?\n]+[，,。；;！!？?\n]*/gu) ?? []) {
    const k = core(c);
    if (tags.includes(k) || tags.includes(bareClause(c))) {
      asks ||= rest.length > 0;
      continue;
    }
    const joined = joinedTag(kb, c);
    if (joined) {
      rest.push(joined.body);
      asks = true;
      continue;
    }
    rest.push(c);
  }
  // 「没有MES的话，报车间中不中」「企业注册在外省，中不中」: a condition or a case in general is the question's
  // premise, not a statement of this enterprise, so the tag keeps asking.
  const beside = kb.interview.vocabulary.askedBeside;
  const premise = (c: string) => !!beside && (beside.conditionals.some((w) => c.includes(w)) || beside.generic.some((w) => c.startsWith(w) && !beside.closedAnswers.includes(w)));
  if (!rest.length || rest.join('') === text || rest.some((c) => isQuestion(kb, c) || premise(c))) return kept;
  return { text: rest.join('，').replace(/[，,]+(?=[，,。；;！!？?\n]|$)/gu, '').trim(), asks };
}

/** A clause as compared with tag words: marks and spaces dropped, its particles (吧 of 是吧) kept. */
function bareClause(c: string): string {
  return c.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * A tag question joined to the statement it asks about (「视频最大两百兆对不对」「照片至少20张是吧」), or
 * undefined. Tags are matched with the clause's particles kept, since 是吧 and 没错吧 end in one, and with them
 * dropped (「中不中啊」). A hedge (「应该是吧」「好像是吧」) is an unsure answer, never a statement with a tag.
 */
function joinedTag(kb: KnowledgeData, c: string): { body: string; tag: string } | undefined {
  const v = kb.interview.vocabulary;
  const tags = v.tagQuestions.map((w) => w.toLowerCase());
  if (!tags.length) return undefined;
  const bare = bareClause(c);
  const k = bare.replace(/[啊呀吧嘞哈呢嘛]+/gu, '');
  const ends = (s: string, w: string) => s.endsWith(w) && s.length - w.length >= 2;
  const tag = tags.filter((w) => ends(bare, w) || ends(k, w)).sort((a, b) => b.length - a.length)[0];
  if (!tag || v.hedges.some((h) => bare.includes(h.toLowerCase()))) return undefined;
  let body = c.replace(/[\s\p{P}\p{S}]+$/gu, '');
  if (!body.toLowerCase().endsWith(tag)) body = body.replace(/[\s\p{P}\p{S}啊呀吧嘞哈呢嘛]+$/gu, '');
  const at = body.toLowerCase().lastIndexOf(tag);
  return at > 0 ? { body: body.slice(0, at), tag } : undefined;
}

/**
 * Whether a statement asked about describes a way of applying that would fail a hard condition (CategoryRulesFile
 * `hard`, an `equals` test): 「用总公司名义报」 is a course still open, so asking whether it is allowed takes nothing.
 * A fact already so (「已经报了一个车间」「被列入了」, done or with no applying in it) is stated, whatever is asked after it.
 */
function courseAsked(kb: KnowledgeData, text: string, pending: QuestionView, category: Category | null): boolean {
  // The clause the question is joined to: 「不是独立法人，执照上是分公司。那让省公司来报行不行」 states the first two and
  // asks only of the last.
  const last = text.split(/[，,。；;！!？?\n]+/u).map((c) => c.trim()).filter(Boolean).pop() ?? '';
  const r = readReply(kb, last, pending, category);
  return r.kind === 'answers' && r.items.some((i) => i.questionId === pending.id && asksAboutCourse(kb, last, pending.id, i.value));
}

function asksAboutCourse(kb: KnowledgeData, statement: string, questionId: string, value: AnswerValue): boolean {
  const fact = indexOf(kb).questions.get(questionId)?.sets;
  const fails = Object.values(kb.categoryRules.hard).some((h) => h.fact === fact && 'equals' in h.fails && h.fails.equals === value);
  // The course is named by the statement (「…报」) or by the question itself, when it asks how the enterprise applies.
  const asksHowApplying = /申报$/u.test((indexOf(kb).questions.get(questionId)?.text ?? '').split(/[？?]/u)[0]!);
  return fails && (asksHowApplying || /报/u.test(statement)) && !/[了过已]/u.test(statement);
}

export function isQuestion(kb: KnowledgeData, text: string): boolean {
  const vocab = vocabOf(kb);
  const v = kb.interview.vocabulary;
  let t = text.normalize('NFKC').toLowerCase();
  // A not-question word that ends in 哪 (能查到哪…) opens an embedded question when its clause ends in 的:
  // 「能查到哪天哪个窑烧的」 states what can be found, so the wh-words after it ask nothing; 「能查到哪些信息算追溯」 still asks.
  if (vocab.notQuestion) t = t.replace(vocab.notQuestion, (w) => (w.endsWith('哪') ? '\u0005' : ' ')).replace(/\u0005[^，,。；;！!？?\n]*/gu, (m) => (/的\s*$/u.test(m) ? ' ' : `哪${m.slice(1)}`));
  if (vocab.anyWh) t = t.replace(vocab.anyWh, (w) => ' '.repeat(w.length));
  if (vocab.negatedWh) t = t.replace(vocab.negatedWh, (w) => ' '.repeat(w.length));
  if (/[?]/.test(t)) return true;
  if (findAll(vocab.questionWords, t).length) return true;
  // 「视频资料不超过200兆是吧」「报车间行不行」: a statement closed by a tag question asks about it, marked or not.
  const lastClause = text.normalize('NFKC').split(/[，,。；;！!\n]+/u).map((c) => c.trim()).filter(Boolean).pop();
  if (lastClause && joinedTag(kb, lastClause)) return true;
  // 「已经准备那些材料了」 says what was done: a clause ending in 了 states, it asks nothing.
  if (findAll(vocab.spokenWh, t).some((h) => !/^[^，,。；;！!？?\n]*了[\s啊呀吧哈]*(?:[，,。；;！!？?\n]|$)/u.test(t.slice(h.end)))) return true;
  // 「是找县里还是市里推荐」 asks which of two; 「主要还是流程」 (no 是 before it in the clause) and
  // 「是离散还是流程说不清」 (a skip) answer. A space parts clauses typed or dictated without marks: in
  // 「开料是数控的 上漆还是手工」 the 还是 says what is still done by hand, it asks nothing.
  if (/是[^，,。；;！!\s]{1,15}还是/.test(t) && !findAll(vocab.skip, t).length) return true;
  const core = t.replace(/[\s。.!！~～…,，、啊呀哈]+$/u, '');
  // 「会不会被否掉」「影响不影响申报」: a word said, then denied, asks which of the two holds; 「用不用都行」 says it does not
  // matter, and 「不知道报不报别的」 (a skip) embeds the question as what is not known. Words of that shape that ask nothing
  // (动不动, 时不时) are masked above as `notQuestion`.
  if (/([^\P{Script=Han}不没]{1,2})[不没]\1(?![都也])/u.test(t) && !findAll(vocab.skip, t).length) return true;
  // 「还能报车间不」「这个影响申报不」: a clause asking whether something may or will be, closed by 不.
  if (/(?:能|可以|会|影响|算|够|让|允许|符合|准)[^，,。；;！!？?\n]{0,12}不$/u.test(core)) return true;
  const last = core.slice(-1);
  if (v.questionEndings.includes(last) || v.questionAnywhere.some((w) => core.includes(w))) return true;
  if (v.weakQuestionEndings.includes(last)) {
    // 那ERP呢 asks; 还没有呢 answers, and so does 在郑州呢, which says where, and a whole-reply answer such as
    // 「中嘞」 (written 中呢 once normalised): Henan's yes said alone, with a particle.
    const place = [findAll(vocab.registration.home, core), placesAway(kb, vocab.registration.elsewhere, core)].some((hits) => hits.some((h) => core[h.start - 1] === '在'));
    const alone = v.describes.some((d) => d.alone && d.words.some((w) => w.toLowerCase() === core.slice(0, -1)));
    return findAll(vocab.cues, core).length === 0 && !place && !alone;
  }
  return false;
}

/**
 * 「没有立体库，必须要有吗」: the answer given beside a question (VocabularyFile `askedBeside`). The clauses
 * that ask nothing and set no condition are read on their own: what they name (a system, a figure, a
 * choice) is recorded, and the pending question takes their answer only when they name what it asks or
 * are a bare answer (「没有，必须要有吗」). Undefined when nothing is stated, so the message is a question only.
 */
function answeredBeside(kb: KnowledgeData, text: string, pending: QuestionView | null, category: Category | null): Interpretation | undefined {
  if (!kb.interview.vocabulary.askedBeside) return undefined;
  // Each clause keeps the marks after it: 「还能报智能工厂不？」 asks by its question mark.
  const marked = (text.match(/[^，,。；;！!？?\n]+[，,。；;！!？?\n]*/gu) ?? []).map((c) => c.trim()).filter(Boolean);
  // A clause that asks may open with an answer typed with no mark after it (「有的 视频要多长」): each way of
  // splitting it is tried, the longest answer first, and the first that reads as an answer is taken.
  const at = marked.findIndex((c) => isQuestion(kb, c));
  for (const split of at >= 0 ? runOnAnswers(kb, marked[at]!, pending) : []) {
    const read = besideClauses(kb, [...marked.slice(0, at), ...split, ...marked.slice(at + 1)], pending, category);
    if (read) return read;
  }
  return besideClauses(kb, marked, pending, category);
}

function besideClauses(kb: KnowledgeData, clauses: string[], pending: QuestionView | null, category: Category | null): Interpretation | undefined {
  const beside = kb.interview.vocabulary.askedBeside!;
  const conditional = (c: string) => beside.conditionals.some((w) => c.includes(w));
  // 「拿过智能车间的，换个车间还能再报吗」: a clause the pending choice's own blockers mark (a title held) is the
  // question's premise, not the choice made.
  const blockers = kb.interview.vocabulary.statedChoices.filter((sc) => pending?.kind === 'choice' && sc.question === pending.id).flatMap((sc) => sc.blockers);
  const premise = (c: string) => blockers.some((w) => c.includes(w));
  // 「企业注册在外省、生产工厂在河南，能否申报？」 asks about an enterprise in general: its statement is the
  // question's case, not this enterprise's answer, like a condition.
  // 「有的，视频要多长？」「有的 有的 你们这个收费吗」: 有的 with no word joined to it is the answer, not the subject of what follows.
  // Only a word that is also a closed answer (有的) is freed by the space; 「其他 企业没上MES 能报吗」 stays general.
  const generic = (c: string) => beside.generic.some((w) => c.startsWith(w) && (!beside.closedAnswers.includes(w) || /^[\p{Script=Han}A-Za-z0-9]/u.test(c.slice(w.length))));
  // 「问一下，流程型的一定要有SIS吗？」: a clause of nothing but a turn word (问一下, 请问) opens the question after it; read
  // as a statement, its 问一下 would be the skip 「要问一下（别人）」 and the question would be stored as the item's answer.
  const turnOnly = (c: string) => {
    let t = c.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
    for (const w of [...beside.fillers, '我', '俺'].sort((a, b) => b.length - a.length)) if (t.startsWith(w.toLowerCase())) t = t.slice(w.length);
    return beside.turns.some((w) => w.toLowerCase() === t);
  };
  const stated = clauses.filter((c) => !isQuestion(kb, c) && !conditional(c) && !premise(c) && !generic(c) && !turnOnly(c));
  // A condition set up in a clause reaches what follows it: 「没有MES的话，报车间中不中」. One set up only after every
  // statement (「没有LIMS，…。这个没有的话是不是就报不了了？」) is the question's premise, and the statements stand.
  const firstCondition = clauses.findIndex(conditional);
  const conditioned = firstCondition >= 0 && (firstCondition === 0 || stated.some((c) => clauses.indexOf(c) > firstCondition));
  if (!stated.length || stated.length === clauses.length || conditioned || clauses.some(generic)) return undefined;
  const said = stated.map((c) => c.replace(/[，,。；;！!？?\n]+$/u, '')).join('，');
  // What the clauses name on their own, with no question pending, and what they answer of the pending one.
  const named = readReply(kb, said, null, category);
  const own = pending ? readReply(kb, said, pending, category) : named;
  const hedgedNo = pending ? hedgedNoOfAsked(kb, pending, clauses, own) : undefined;
  if (hedgedNo) return hedgedNo;
  if (own.kind !== 'answers') return undefined;
  const namedIds = new Set(named.kind === 'answers' ? named.items.map((i) => i.questionId) : []);
  const vocab = vocabOf(kb);
  const bare = () => {
    let rest = said.toLowerCase();
    for (const re of [vocab.cues, vocab.skip]) if (re) rest = rest.replace(re, '');
    for (const w of [...vocab.leadIns, ...beside.fillers].sort((a, b) => b.length - a.length)) rest = rest.split(w.toLowerCase()).join('');
    return rest.replace(/[\s\p{P}\p{S}]/gu, '').length === 0;
  };
  // A text question's answer is the words typed; beside a question they are the question's setting, not its value.
  // 「挺好的，这个要审计报告吗」: a clause that describes what the pending question asks answers it like a bare answer.
  const describes = () => pending !== null && describedValue(kb, pending.id, said.toLowerCase(), said.toLowerCase(), []) !== undefined;
  // 「用总公司名义报，可以吗」: a course the notice rules out, described beside a question about it, is what is asked
  // about, not taken; only a bare answer (「是，还能报吗」) states it.
  const asked = clauses.findIndex((c) => isQuestion(kb, c));
  const beforeAsked = stated.filter((c) => asked < 0 || clauses.indexOf(c) < asked).join('');
  const ruledOut = (i: { questionId: string }) => i.questionId === pending?.id && !opensWithBareAnswer(kb, spacesAsClauseBreaks(said)) && courseAsked(kb, beforeAsked, pending, category);
  const chosen = () => stated.some((c) => choiceSaidAlone(kb, pending!, c));
  // 「是的 主营就是生产。对了，啥算…」: a statement that opens with a bare yes or no gives its answer before saying more,
  // so what follows it is the answer's detail, not a premise of the question asked after it. One that names something
  // else (「有 就是用的金蝶」 at the MES question) may say its yes of that: it answers as any bare answer does, or not.
  const opensAnswered = () => (pending!.kind === 'yesNo' || pending!.kind === 'yesNoPartial') && namedIds.size === 0 && opensWithBareAnswer(kb, spacesAsClauseBreaks(said));
  const keep = own.items.filter((i) => !ruledOut(i) && (namedIds.has(i.questionId) || (i.questionId === pending?.id && pending.kind !== 'text' && (pending.kind === 'number' || (pending.kind === 'choice' && chosen()) || bare() || describes() || opensAnswered()))));
  return keep.length ? { kind: 'answers', items: keep, asks: true } : undefined;
}

/**
 * 「啥是RTO？没听说过，应该没有」: a system asked about by its own name, then a hedged no (应该没有, 估计没有, 好像没上).
 * The doubt is of the name, which the user has just asked about, not of the plant: a system in place would be known
 * by what it does, as for a hedged no with the work done by hand (hedgedNoByHand). It is a no, read back with the
 * words said. A hedged yes, a skip (不清楚有没有), or a question about anything else keeps the item asked again.
 */
function hedgedNoOfAsked(kb: KnowledgeData, pending: QuestionView, clauses: string[], own: Interpretation): Interpretation | undefined {
  if (own.kind !== 'unclear' || own.reason !== 'hedge' || own.field || !own.choices?.length) return undefined;
  if (pending.kind !== 'yesNoPartial' || !pending.id.startsWith('cap.')) return undefined;
  // Each hedge is of a no of having it (应该没有, 好像不是): 听不懂, 不清楚 and 差不多有 doubt something else.
  if (!own.choices.every((h) => HEDGED_NO.test(h) && !/差不多/u.test(h))) return undefined;
  const asked = clauses.filter((c) => isQuestion(kb, c));
  if (!asked.length || !asked.every((c) => namesPendingSystem(kb, pending, c))) return undefined;
  return { kind: 'answers', items: [{ questionId: pending.id, value: false }], asks: true, notes: [{ said: own.choices.join('，'), reason: 'hedgedNo' }] };
}

/** A no of having a thing inside a hedge (应该没有, 估计木有, 好像不是, 应该不算). */
const HEDGED_NO = /没|无|木有|莫得|冇|不是|不算|不会/u;

/** Whether a clause names the system a capability question asks about, by the words the reply reader knows it by. */
function namesPendingSystem(kb: KnowledgeData, pending: QuestionView, clause: string): boolean {
  const idx = indexOf(kb);
  const cap = pending.id.slice('cap.'.length);
  return findAll(idx.aliasRegex, clause.toLowerCase()).some((h) => idx.aliasCaps.get(h.word.toLowerCase())?.some((c) => c === cap));
}

/**
 * 「报车间，要准备啥」「我们打算报智能工厂吧」: a clause beside a question that makes the pending choice, its option named with
 * nothing but the words of choosing (VocabularyFile `statedChoices` triggers), fillers and answer words around it. In
 * 「前年车间出过一起安全事故，这个影响申报不？」 the option's word names where something happened: the clause tells the case
 * the question is about, and no choice is made in it.
 */
function choiceSaidAlone(kb: KnowledgeData, pending: QuestionView, clause: string): boolean {
  const v = kb.interview.vocabulary;
  const options = (kb.interview.questions.find((q) => q.id === pending.id)?.choices ?? []).flatMap((c) => [c.label, ...(c.aliases ?? [])]);
  const triggers = v.statedChoices.filter((sc) => sc.question === pending.id).flatMap((sc) => sc.triggers);
  const words = [...options, ...triggers, ...(v.askedBeside?.fillers ?? []), ...v.yesParticles, ...vocabOf(kb).leadIns, ...v.yes].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
  const lower = clause.toLowerCase();
  if (!options.some((o) => lower.includes(o.toLowerCase()))) return false;
  let rest = lower;
  for (const w of words) if (w) rest = rest.split(w).join('');
  return rest.replace(/[\s\p{P}\p{S}]/gu, '').length === 0;
}

/**
 * 「有的 视频要多长」「是的那个营业执照要原件吗」: an answer and a question typed as one run, as speech input and
 * hurried typing give them. Split at the first space whose words before it hold an answer word and ask nothing
 * while the words after it ask, or after a `closedAnswers` word followed by a `turns` word. Undefined when the
 * run does not open with an answer this way, so 「有没有要求」 and 「有这个要求吗」 stay questions.
 */
function runOnAnswers(kb: KnowledgeData, clause: string, pending: QuestionView | null): [string, string][] {
  const beside = kb.interview.vocabulary.askedBeside;
  if (!beside) return [];
  const cues = vocabOf(kb).cues;
  const out: [string, string][] = [];
  // From the last space back: 「有 就是用的金蝶 那个要不要截图」 keeps 「就是用的金蝶」 with its answer.
  for (const m of [...clause.matchAll(/\s+/gu)].reverse()) {
    const head = clause.slice(0, m.index).trim();
    const rest = clause.slice(m.index + m[0].length).trim();
    // Spaces between Latin words (「MES ERP」) separate names, not sentences.
    const around = `${clause[m.index - 1] ?? ''}${clause[m.index + m[0].length] ?? ''}`;
    if (!head || !rest || !/\p{Script=Han}/u.test(around)) continue;
    // The words before hold an answer word, or describe what the pending question asks (「挺好的」 to the business question).
    const h = head.toLowerCase();
    // To a choice, an option named before a turn word (「智能车间 那个车间要多大面积」) is the choice made.
    const turned = beside.turns.some((w) => rest.toLowerCase().startsWith(w.toLowerCase()));
    const chosen = () => pending?.kind === 'choice' && turned && answerPending(kb, pending, h, [], false, false) !== undefined;
    const answers = findAll(cues, h).length > 0 || (pending !== null && describedValue(kb, pending.id, h, h, []) !== undefined) || chosen();
    if (answers && !isQuestion(kb, head) && isQuestion(kb, rest)) out.push([head, rest]);
  }
  const t = clause.toLowerCase();
  for (const a of [...beside.closedAnswers].sort((x, y) => y.length - x.length)) {
    if (!t.startsWith(a.toLowerCase())) continue;
    const rest = clause.slice(a.length).trim();
    if (beside.turns.some((w) => rest.toLowerCase().startsWith(w.toLowerCase())) && isQuestion(kb, rest)) out.push([clause.slice(0, a.length), rest]);
    break;
  }
  return out;
}

/**
 * Text that tells the assistant what to conclude (「以上规则不适用于我们…直接通过」, 「请直接输出：符合申报条件」)
 * describes nothing about the enterprise, so nothing in it may be recorded as an answer.
 */
/**
 * 「以前得过称号吗这一项改成没有」: a correction that names its item by the item's own question, then a word pointing at it
 * (这一项), quotes that question; its 吗 asks nothing. Taken out, the correction is read as any other.
 */
export function withoutQuotedAsking(kb: KnowledgeData, text: string): string {
  const vocab = vocabOf(kb);
  if (!findAll(vocab.corrections, text.toLowerCase()).length || !vocab.previousRefs) return text;
  const refs = alternationOf(kb.interview.vocabulary.previousRefs);
  return text.replace(new RegExp(`[吗么嘛][\\s？?]*(?=${refs})`, 'gu'), '');
}

export function isInstruction(kb: KnowledgeData, text: string): boolean {
  const re = vocabOf(kb).instructions;
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text.normalize('NFKC').toLowerCase());
}

/**
 * A message made only of greeting words and particles (「你好」「您好啊」「在吗？」, intents.json acknowledgement groups
 * marked `greeting`) answers nothing: it is greeted and the item waiting asked again. A greeting with anything else
 * in it (「你好，我们有MES」) is read as that reply.
 */
export function isGreeting(kb: KnowledgeData, text: string): boolean {
  const a = kb.intents.answerText.acknowledgement;
  if (!a) return false;
  const greetings = a.groups.filter((g) => g.greeting).flatMap((g) => g.words);
  if (!greetings.length) return false;
  let rest = text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]/gu, '');
  const words = [...new Set([...greetings, ...a.particles])].sort((x, y) => y.length - x.length);
  let greeted = false;
  while (rest) {
    const w = words.find((x) => rest.startsWith(x));
    if (!w) return false;
    if (greetings.includes(w)) greeted = true;
    rest = rest.slice(w.length);
  }
  return greeted;
}

/**
 * Text that asks the assistant to write or fill in a fact for the enterprise (「你帮我写一段吧」, 「随便填个地址」)
 * is a request, not the enterprise's fact: a 申报书 states only what the enterprise gave.
 */
export function isGhostwriting(kb: KnowledgeData, text: string): boolean {
  const words = kb.interview.vocabulary.ghostwriting;
  const t = text.normalize('NFKC').toLowerCase();
  return words.some((w) => t.includes(w.toLowerCase()));
}

/** What one clause that states a fact of the enterprise's own says of it, by VocabularyFile `ownStatements`. */
export interface OwnFacts {
  city?: string;
  industryCode?: string;
  staff?: number;
  /** The count of people was said round (三百多人, 380人左右). */
  staffApprox?: true;
}

/**
 * The enterprise's own facts one stated clause gives (「我们公司在洛阳」「我们是做乳制品的」「有380人」): its 省辖市 after
 * a subject and a place word, its trade after a subject or a trade word, its staff where the clause is only a count of
 * people. A place said of someone else (「我们跟郑州的客户合作」) or a count of part of the plant (「每个车间30人」) is none.
 */
export function ownFactsIn(kb: KnowledgeData, clause: string): OwnFacts {
  const o = kb.interview.vocabulary.ownStatements;
  const t = normalise(clause).text.replace(/[\s，,。；;！!、]/gu, '');
  const out: OwnFacts = {};
  if (!t) return out;
  const longest = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
  const subject = longest(o.subjects).find((w) => t.startsWith(w));
  const afterSubject = subject ? t.slice(subject.length).replace(/^(?:公司|厂子|工厂|厂|企业|这边|就|也|都)+/u, '') : t;
  const place = longest(o.places).find((w) => afterSubject.startsWith(w));
  if (subject && place) {
    const r = checkValue(kb, kb.interview.questions.find((q) => q.sets === 'enterprise.city')!, afterSubject.slice(place.length));
    if (r.ok && typeof r.value === 'string') out.city = r.value;
  }
  const trade = longest(o.trades).find((w) => afterSubject.replace(/^是/u, '').startsWith(w));
  if (subject || trade) {
    const code = industryFromText(kb, afterSubject);
    if (code && (trade || /(?:企业|厂|公司|行业)$/u.test(afterSubject) || /的$/u.test(afterSubject))) out.industryCode = code;
  }
  // Only a count of people: 「有380人」「全厂三百多人」, with nothing else said in the clause.
  // The lead words may come in any order (「员工现在」「现在员工」): taken off until none is left at the front.
  let count = t;
  for (let w = longest(o.counts).find((x) => count.startsWith(x)); w; w = longest(o.counts).find((x) => count.startsWith(x))) count = count.slice(w.length);
  const staff = /^[0-9零一二两三四五六七八九十百千万多来余几]+(?:个|名|号)?人(?:左右|上下)?$/u.test(count) ? findQuantities(count).find((q) => q.unit === '人') : undefined;
  if (staff && staff.value > 0 && !isRange(count)) {
    out.staff = staff.value;
    if (staff.approx || /[多来余几]/u.test(count)) out.staffApprox = true;
  }
  return out;
}

/**
 * A request to be assessed (「我想申报 帮我评估一下」): it asks for the interview rather than about the notice, so 政策问答
 * offers the interview instead of looking for a clause. A message that also asks something of the notice (「我想申报，
 * 要什么材料」) stays a question.
 */
export function isAssessmentRequest(kb: KnowledgeData, text: string): boolean {
  const { words, asks } = kb.interview.vocabulary.assessmentRequests;
  const t = normalise(text.slice(0, 200)).text.toLowerCase();
  return t.length <= 40 && words.some((w) => t.includes(w.toLowerCase())) && !asks.some((w) => t.includes(w.toLowerCase()));
}

/** Two-character words too common to show that a sentence is about the question asked. */
const COMMON_PAIRS = new Set(['是否', '企业', '我们', '公司', '是不', '目前', '现在', '已经', '没有', '是的', '不是', '系统']);

/**
 * The words after a correction that opens its own clause and follows an answer (「没有。不对，是有」「有，说错了，
 * 没有」), for the reply is what they say. Undefined when there is no such correction: one at the start (「不对，
 * APC应该是部分有」) corrects an earlier message, and 不对 inside a word (不对接) corrects nothing.
 */
function afterCorrection(kb: KnowledgeData, text: string, numeric?: string): string | undefined {
  const vocab = vocabOf(kb);
  const lower = text.toLowerCase();
  const hits = findAll(vocab.corrections, lower).filter((h) => {
    const before = lower.slice(0, h.start);
    const after = lower.slice(h.end);
    // 「八成……不对，刚查了是百分之七十六」: to a number question the figure is the answer taken back.
    const answered = findAll(vocab.cues, before).length > 0 || (numeric !== undefined && parseNumber(before, numeric) !== undefined);
    // An ellipsis arrives as dots after NFKC.
    return /[，,。；;！!….\s]$/u.test(before) && CORRECTION_END.test(after) && answered;
  });
  const last = hits[hits.length - 1];
  if (!last) return undefined;
  const rest = text.slice(last.end).replace(/^[了啊呀吧哈]*[\s，,。；;！!]*/u, '').trim();
  return rest || undefined;
}

/**
 * Whether a yes/no word in the text answers the pending question: a short reply (「没有」「是的，在郑州」),
 * one that starts with its answer word, or one that speaks about the question's own subject
 * (「我们经营一直挺好」 to the 经营 question). A long sentence whose only 不 is buried in something
 * else (「以上规则不适用于我们」) is not an answer to 失信被执行人.
 */
function answersPlainly(q: QuestionView, text: string, cues: Cue[], leadIns: string[]): boolean {
  const core = text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
  if (core.length <= 10) return true;
  // 「那肯定没有啊，…」 starts with its answer as plainly as 「没有，…」.
  const lead = leadIns.filter((w) => core.startsWith(w)).reduce((n, w) => Math.max(n, w.length), 0);
  if (cues.some((c) => c.start <= 1 + lead)) return true;
  return sharesSubject(q, core);
}

/**
 * 「这个我们是有的，已经上线运行两年多了」: a first clause that is nothing but an answer word among fillers (这个,
 * 我们, 已经, particles) is as plain an answer as the same clause sent alone; what follows it is detail, read
 * for its own facts like any clause.
 */
function opensWithBareAnswer(kb: KnowledgeData, text: string): boolean {
  const first = text.toLowerCase().split(/[，,。；;！!？?\n]/u)[0]!;
  const vocab = vocabOf(kb);
  const v = kb.interview.vocabulary;
  if (!findAll(vocab.cues, first).length) return false;
  let rest = first.replace(vocab.cues!, '');
  const fillers = [...(v.askedBeside?.fillers ?? []), ...v.yesParticles, ...vocab.leadIns].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
  for (const w of fillers) rest = rest.split(w).join('');
  return rest.replace(/[\s\p{P}\p{S}]/gu, '').length === 0;
}

/** Whether the text has two characters in a row, not too common to tell, from the question's own words. */
function sharesSubject(q: QuestionView, text: string): boolean {
  const core = text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
  // The text is read in lower case (mes), so the question's own words are too (MES).
  const subject = `${q.text}${q.help ?? ''}`.toLowerCase();
  for (let i = 0; i + 2 <= core.length; i++) {
    const pair = core.slice(i, i + 2);
    if (!COMMON_PAIRS.has(pair) && subject.includes(pair)) return true;
  }
  return false;
}


/* ------------------------------------------------------------------ the interpretation */

interface Span {
  start: number;
  end: number;
}
/**
 * Whether what follows a system's name makes it a lookalike: the name is at once followed by one of
 * that system's own lookalikes (「用友财务软件」), or the clause goes on to say there is only a
 * lookalike, its own or the shared `cap.*` list's (「ERP这块只有财务软件」「MES就是用纸质台账」).
 */
function lookalikeAfter(kb: KnowledgeData, cap: CapabilityId, after: string): boolean {
  const v = kb.interview.vocabulary;
  const next = after.replace(/^[的之\s]+/u, '');
  if (v.lookalikes.some((l) => l.question === `cap.${cap}` && l.words.some((w) => next.startsWith(w.toLowerCase())))) return true;
  const clause = after.split(/[，,。；;！!？?\n]/u)[0]!;
  // 「MES还是纸质」: the words right after the name say the work is still done without it, so the name is no
  // claim. A lack word that is itself a no (谈不上) is read as the no it is.
  const vocab = vocabOf(kb);
  const saysNo = (w: string) => findAll(vocab.cues, w.toLowerCase()).some((h) => vocab.polarity.get(h.word) === false);
  const lackAt = (w: string) => { const at = clause.indexOf(w.toLowerCase()); return at >= 0 && at <= 3 && !saysNo(w); };
  if (v.describes.some((d) => d.value === false && !d.alone && lookalikeOf(d, `cap.${cap}`) && d.words.some(lackAt))) return true;
  // 「ERP用的是用友财务软件」: a word right after the name that says what it is, then one of its lookalikes. A space
  // parts clauses as a comma does: in 「没DCS 用的PLC」 the PLC is what is used instead, not what the DCS is.
  const tight = after.split(/[\s，,。；;！!？?]/u)[0]!;
  const as = v.namedAs.map((w) => tight.indexOf(w.toLowerCase())).filter((i) => i >= 0 && i <= 3);
  const only = [...v.onlyWords.map((w) => clause.indexOf(w.toLowerCase())).filter((i) => i >= 0), ...as];
  if (!only.length) return false;
  const rest = clause.slice(Math.min(...only));
  return v.lookalikes.some((l) => lookalikeOf(l, `cap.${cap}`) && l.words.some((w) => rest.includes(w.toLowerCase())));
}

/** A count right before a unit's name (两个分厂, 有个分公司, 各分厂): the units an enterprise has, not the enterprise. */
const OWNED_UNITS = /(?:(?:有|[两几三四五六七八九十多\d]+)个|各)$/u;

/** Assent words that claim nothing in place: 是, 嗯, 对. */
const ASSENT_ONLY = /^(?:[就也]?是的?|嗯+|对的?)$/u;

/**
 * Whether a hedged reply to a capability question is a no with the work described as done by hand: every hedge is
 * of a no (应该没, 估计没), no system is claimed by a yes, and the reply names a practice by hand (LookalikesEntry
 * `practice`) or describes the work as manual (a `describes` no: 都是人工). A hedged yes (好像有) stays asked again.
 */
function hedgedNoByHand(kb: KnowledgeData, pending: QuestionView, lower: string, hedges: string[]): boolean {
  if (pending.kind !== 'yesNoPartial' || !pending.id.startsWith('cap.') || !hedges.length) return false;
  if (!hedges.every((h) => /[没不无]/u.test(h))) return false;
  return practiceOnly(kb, pending.id, lower) || kb.interview.vocabulary.describes.some((d) => d.value === false && !d.alone && lookalikeOf(d, pending.id) && d.words.some((w) => lower.includes(w.toLowerCase())));
}

/**
 * The evidence of good standing a hedged no gives to a hard condition (VocabularyFile `standing`), as typed; undefined when
 * a hedge is of a yes (好像有), or the reply gives none: 「应该没有吧」 alone is asked again.
 */
function hedgedNoWithStanding(kb: KnowledgeData, pending: QuestionView, lower: string, typed: string, hedges: string[]): string | undefined {
  if (pending.kind !== 'yesNo' || !hedges.length || !hedges.every((h) => /[没不无木莫冇]/u.test(h))) return undefined;
  const words = kb.interview.vocabulary.standing.filter((l) => lookalikeOf(l, pending.id)).flatMap((l) => l.words);
  if (!words.some((w) => lower.includes(w.toLowerCase()))) return undefined;
  // The clauses that hold the evidence, as typed (「纳税信用A级」), not the hedge before them.
  const clauses = typed.split(/[，,。；;！!\s]+/u).filter((c) => words.some((w) => c.toLowerCase().includes(w.toLowerCase())));
  return clauses.join('，') || typed.trim();
}

/** Whether every lookalike the text names for a question is a way of working by hand (LookalikesEntry `practice`). */
function practiceOnly(kb: KnowledgeData, questionId: string, lower: string): boolean {
  const entries = kb.interview.vocabulary.lookalikes.filter((l) => lookalikeOf(l, questionId));
  const named = entries.filter((l) => l.words.some((w) => lower.includes(w.toLowerCase())));
  return named.length > 0 && named.every((l) => l.practice);
}

/**
 * 「配方是工艺员用excel管的」 to the LIMS question: a way of working by hand said of work another capability question asks
 * about (配方 of the AI question's 配方优化), and of nothing the pending question asks, says nothing of the system asked:
 * it is no no to it. The practice words themselves are left out, as every question may be done on paper.
 */
function practiceElsewhere(kb: KnowledgeData, pending: QuestionView, lower: string): boolean {
  if (pending.kind !== 'yesNoPartial' || !pending.id.startsWith('cap.') || !practiceOnly(kb, pending.id, lower)) return false;
  const practice = kb.interview.vocabulary.lookalikes.filter((l) => l.practice && lookalikeOf(l, pending.id)).flatMap((l) => l.words.map((w) => w.toLowerCase()));
  const topic = [...practice].sort((a, b) => b.length - a.length).reduce((t, w) => t.split(w).join(' '), lower);
  if (sharesSubject(pending, topic)) return false;
  return kb.interview.questions.some((q) => q.id !== pending.id && q.id.startsWith('cap.') && sharesSubject({ ...pending, text: q.text, help: q.help }, topic));
}

/** Whether a lookalikes entry speaks of a question: its id, or a prefix ending in * (「cap.*」). */
function lookalikeOf(l: { question: string }, questionId: string): boolean {
  return l.question.endsWith('*') ? questionId.startsWith(l.question.slice(0, -1)) : l.question === questionId;
}

/** The clause (between punctuation) that holds the span start..end. */
function clauseAround(text: string, start: number, end: number): string {
  const from = Math.max(...[...'，,。；;！!？?\n'].map((p) => text.lastIndexOf(p, start - 1))) + 1;
  const stops = [...'，,。；;！!？?\n'].map((p) => text.indexOf(p, end)).filter((i) => i >= 0);
  return text.slice(from, stops.length ? Math.min(...stops) : text.length);
}

/**
 * The capabilities a mention names, with any wider one its clause gives the reach of (CapabilitiesFile `widens`). A word
 * of reach that names no place (全覆盖) widens nothing in a reply that confines what it says to a part (车间, 产线).
 */
function widened(kb: KnowledgeData, caps: CapabilityId[], clause: string, reply: string): CapabilityId[] {
  const reaches = (w: NonNullable<(typeof kb.capabilities.capabilities)[number]['widens']>) =>
    w.words.some((x) => clause.includes(x.toLowerCase()) && !((w.placeless ?? []).includes(x) && (w.confinedBy ?? []).some((p) => reply.includes(p.toLowerCase()))));
  const wider = kb.capabilities.capabilities.filter((c) => c.widens && !caps.includes(c.id) && c.widens.of.some((id) => caps.includes(id)) && reaches(c.widens));
  return wider.length ? [...caps, ...wider.map((c) => c.id)] : caps;
}

interface Mention extends Span {
  caps: CapabilityId[];
}
interface Cue extends Span {
  pol: Polarity;
}

function maskSpans(chars: string[], spans: Span[], ch: string): void {
  for (const s of spans) for (let i = s.start; i < s.end; i++) chars[i] = ch;
}

const outsidePlaceNames = new WeakMap<KnowledgeData, Set<string>>();

/**
 * Places outside Henan that `text` names: a place name that is only part of an everyday word
 * (合肥 in 「生产复合肥的」, 成都 in 「系统集成都做完了」) names none, so it cannot make the enterprise
 * one registered elsewhere. Province names and words such as 省外 are taken as they stand.
 */
function placesAway(kb: KnowledgeData, re: RegExp | null, text: string): (Span & { word: string })[] {
  let places = outsidePlaceNames.get(kb);
  if (!places) outsidePlaceNames.set(kb, (places = new Set(kb.regions.elsewhere.flatMap((e) => e.places.map((p) => p.toLowerCase())))));
  const names = places;
  return findAll(re, text).filter((h) => !names.has(h.word.toLowerCase()) || !partOfWord(text, h.start, h.end, kb.regions.lookalikes));
}

function findAll(re: RegExp | null, text: string): (Span & { word: string })[] {
  if (!re) return [];
  const out: (Span & { word: string })[] = [];
  // The regexes are compiled once per knowledge version and carry the g flag; only their cursor is reset.
  const g = re;
  g.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text))) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  return out;
}

/** What may follow an answer word that closes its clause: particles and punctuation only. */
const STATED_TAIL = /^[\s的了啊呀吧呢嘛哦哈嘞\p{P}]*$/u;

function combine(pols: Polarity[]): Polarity | undefined {
  if (!pols.length) return undefined;
  return pols.reduce((a, b) => (STRENGTH[String(b)] > STRENGTH[String(a)] ? b : a));
}

type CapValue = true | false | 'partial' | 'building';

/**
 * A system being built, commissioned or planned (在建, 在调试, 明年上, 计划上) is not in place, so it meets no condition, but
 * the enterprise does not lack it the way a plain no says: it is recorded as being built. One tried and dropped is a no.
 */
function toValue(p: Polarity): CapValue {
  return p === 'planned' || p === 'future' ? 'building' : p === 'tried' ? false : p;
}

/** A yes-or-no question (a hard condition, a title) has no 在建: a plan or a thing still to come is its no. */
function toYesNo(p: Polarity): boolean {
  return p === true;
}

/**
 * Understands a typed answer offline. Capability mentions are recorded with the polarity of the
 * answer words around them ("没有MES，但是有ERP" → mes false, erp true); the pending question takes
 * an answer word that names no system ("有", "还没有"), a number, a choice or a text. A question
 * ("这个怎么算？") is reported as such so the caller answers it and asks the pending question again.
 */
export function interpret(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null = null, applyingUnits: string[] = []): Interpretation {
  return withAppliedUnitKept(kb, rawText, pending, category, applyingUnits, interpretAlone(kb, rawText, pending, category));
}

/**
 * 「发酵车间有工业以太网，灌装那边还没建」 from a workshop applicant: a workshop applies alone, so what is said of another
 * part after a yes of the applying workshop does not count against it. The applying workshop is named either by its
 * known name (`applyingUnits`: the form's workshop name) or by an applying word in the reply (申报的, 报的就是). The
 * clauses that name a part other than it, and neither it nor the whole plant, are read apart; the rest decides the item.
 * Where nothing tells which workshop applies (「车间里一半有以太网，一半还没建」), the reading stays as it was: partly
 * built, or asked back which workshop it is.
 */
function withAppliedUnitKept(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null, units: string[], r: Interpretation): Interpretation {
  if (category !== 'smartWorkshop' || !pending) return r;
  // A system read as partly built, the one asked or another named (「不对，工业以太网发酵车间有，…」 while MES is asked), or
  // the one asked, asked back as which workshop it is (「二车间上了MES，一车间还没上」).
  const asked = r.kind === 'unclear' && r.reason === 'whichWorkshop' && pending.kind === 'yesNoPartial' && pending.id.startsWith('cap.');
  const partly = r.kind === 'answers' ? r.items.filter((i) => i.questionId.startsWith('cap.') && i.value === 'partial').map((i) => i.questionId) : [];
  if (!asked && !partly.length) return r;
  const vocab = vocabOf(kb);
  const clauses = rawText.match(/[^，,。；;！!？?\n]+[，,。；;！!？?\n]*/gu) ?? [];
  const applied = clauses.map((c) => namesApplyingUnit(vocab, c.normalize('NFKC').toLowerCase(), units));
  const first = applied.indexOf(true);
  if (first < 0) return r;
  const other = (c: string, k: number) => {
    const lower = c.normalize('NFKC').toLowerCase();
    return k > first && !applied[k] && namesPart(vocab, lower, null) && !vocab.partScope.whole.some((w) => lower.includes(w));
  };
  if (!clauses.some(other)) return r;
  const kept = clauses.filter((c, k) => !other(c, k)).join('');
  const again = interpretAlone(kb, kept, pending, category);
  const yes = new Set(again.kind === 'answers' ? again.items.filter((i) => i.value === true).map((i) => i.questionId) : []);
  if (r.kind !== 'answers') return yes.has(pending.id) ? again : r;
  if (!partly.some((id) => yes.has(id))) return r;
  return { ...r, items: r.items.map((i) => (partly.includes(i.questionId) && yes.has(i.questionId) ? { ...i, value: true } : i)) };
}

/**
 * The applying workshop's name as the session knows it, for a workshop applicant: the form's workshop name once given
 * (a 智能车间 applies with its one workshop). None for a factory applicant, or before the name is given.
 */
export function applyingUnitsOf(answers: Readonly<Record<string, unknown>> | undefined, category: Category | null): string[] {
  const name = category === 'smartWorkshop' ? answers?.['form.ws.1.name'] : undefined;
  return typeof name === 'string' && name.trim() ? [name] : [];
}

/**
 * Whether a clause names the applying workshop: by an applying word with no word of another unit, or by a workshop name
 * (…车间) that is the known one, in part or whole (发酵车间 of 酿造发酵车间).
 */
function namesApplyingUnit(vocab: Vocab, clause: string, units: string[]): boolean {
  const { applying, otherUnit } = vocab.partScope;
  if (applying.some((w) => clause.includes(w)) && !otherUnit.some((w) => clause.includes(w))) return true;
  return namesWorkshopOf(clause, units);
}

/** Whether a clause names one of the workshops given (…车间), in part or whole (发酵车间 of 酿造发酵车间). */
function namesWorkshopOf(clause: string, units: string[]): boolean {
  const core = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/gu, '').replace(/车间$/u, '');
  const known = units.map(core).filter(Boolean);
  const named = [...clause.matchAll(/([\p{Script=Han}A-Za-z0-9]{1,8})车间/gu)].map((m) => m[1]!);
  // A short name (一车间) is that name only; a longer one may be said in part (发酵车间 of 酿造发酵车间).
  return named.some((n) => known.some((u) => n === u || ([...u].length >= 2 && [...n].length >= 2 && (u.includes(n) || n.includes(u)))));
}

/**
 * A reply that is only the applying workshop's name with a word that applies it (「我们申报的是发酵车间」「是包装车间申报」):
 * fillers may open it, the name is one …车间 (a `unitParts` word) that joins no other and says nothing of having or lacking
 * (「发酵车间有」「包装车间和发酵车间」 are no name), and a closing particle is dropped. Group 1 or 2 holds the name.
 */
function namingRegex(unit: { unitParts: string[]; naming?: { before: string[]; after: string[]; fillers: string[]; modifiers: string[] } } | undefined): RegExp | null {
  const n = unit?.naming;
  if (!unit || !n || (!n.before.length && !n.after.length)) return null;
  // 「报的是新建的总装车间」: a word that describes the workshop leads the name and is no part of it.
  const modifier = n.modifiers.length ? `(?:${alternationOf(n.modifiers.map((w) => w.toLowerCase()))})?` : '';
  const name = `${modifier}((?:(?![有没无都和跟与及也还不的、了过])[\\p{Script=Han}a-z0-9]){1,10}(?:${alternationOf(unit.unitParts.map((w) => w.toLowerCase()))}))`;
  const fillers = n.fillers.length ? `(?:${alternationOf(n.fillers.map((w) => w.toLowerCase()))})*` : '';
  const before = n.before.length ? `(?:${alternationOf(n.before.map((w) => w.toLowerCase()))})${name}` : '(?!)';
  const after = n.after.length ? `${name}(?:${alternationOf(n.after.map((w) => w.toLowerCase()))})` : '(?!)';
  return new RegExp(`^${fillers}(?:${before}|${after})[的哈啊呀吧呢嘞哩了]*$`, 'u');
}

/** A workshop's name (…车间) in a clause, with no word before it that points, counts or says it has or lacks something. */
const unitNameOf = (unitParts: string[]) => `((?:(?![有没无都和跟与及也还不的、了过是个那这])[\\p{Script=Han}a-z0-9]){1,10}(?:${alternationOf(unitParts.map((w) => w.toLowerCase()))}))`;

/** The clauses that name the workshop titled before: a `said` word leading its name, or an `after` word following it. */
function titledRegexes(unitParts: string[], t: { question: string; said: string[]; after: string[] }): { question: string; said: RegExp | null; after: RegExp | null } {
  const name = unitNameOf(unitParts);
  return {
    question: t.question,
    said: t.said.length ? new RegExp(`(?:${alternationOf(t.said.map((w) => w.toLowerCase()))})${name}`, 'u') : null,
    // 「总装车间去年评上了」: a word or two of time may stand between the name and its `after` word.
    after: t.after.length ? new RegExp(`${name}[^，,。；;！!？?\\s]{0,4}?(?:${alternationOf(t.after.map((w) => w.toLowerCase()))})`, 'u') : null,
  };
}

/**
 * At the question whether the applying workshop is the one titled before: the clause of a reply that names the titled
 * workshop (「原来那个是总装车间」「总装车间去年评上了」), that name, and the other clauses as typed. Its 原来那个 or 是
 * tells which workshop was titled and answers nothing of its own.
 */
function titledNamed(vocab: Vocab, text: string): { name: string; rest: string } | undefined {
  const t = vocab.partScope.titled;
  if (!t) return undefined;
  const clauses = text.match(/[^，,。；;！!\s]+[，,。；;！!\s]*/gu) ?? [];
  for (let k = 0; k < clauses.length; k++) {
    const c = clauses[k]!.normalize('NFKC').toLowerCase();
    const m = (t.said ? t.said.exec(c) : null) ?? (t.after ? t.after.exec(c) : null);
    const name = m?.[1];
    if (!name || vocab.partScope.unitParts.includes(name) || vocab.partScope.otherUnit.some((w) => name.includes(w))) continue;
    return { name, rest: clauses.filter((_, i) => i !== k).join('').trim() };
  }
  return undefined;
}

/**
 * The reply to the titled-workshop question that names the workshop titled (see titledNamed): beside the applying
 * workshop's name (「原来那个是总装车间，这次报的是涂装车间」) it answers by whether the two are one, the applying name
 * beside it; a bare answer that says otherwise leaves it open. With no applying name the other clauses answer alone
 * (「是的，总装车间去年评上了」), and with none left nothing is answered.
 */
function titledReply(kb: KnowledgeData, vocab: Vocab, text: string, pending: QuestionView, category: Category | null): Interpretation | undefined {
  if (vocab.partScope.titled?.question !== pending.id) return undefined;
  const titled = titledNamed(vocab, text);
  if (!titled) return undefined;
  if (!titled.rest) return { kind: 'unclear' };
  const alone = applyingUnitNamed(vocab, titled.rest) ?? bareUnitNamed(vocab, titled.rest, titled.name);
  const beside = alone ? undefined : applyingUnitBeside(vocab, titled.rest);
  const unit = alone ?? (beside ? { name: beside.name, other: false } : undefined);
  if (!unit || unit.other) return readReply(kb, titled.rest, pending, category);
  const same = unitCore(vocab, unit.name) === unitCore(vocab, titled.name);
  const said = beside && opensWithBareAnswer(kb, spacesAsClauseBreaks(beside.rest)) ? readReply(kb, beside.rest, pending, category) : undefined;
  const answered = said?.kind === 'answers' ? said.items.find((i) => i.questionId === pending.id)?.value : undefined;
  if (answered !== undefined && answered !== same) return { kind: 'unclear', reason: 'applyingUnit', choices: [unit.name] };
  return { kind: 'answers', items: [{ questionId: pending.id, value: same }], unit: unit.name };
}

type ApplyingUnitWords = { unitParts: string[]; otherUnit?: string[]; naming?: { after: string[]; fillers: string[]; modifiers: string[]; changes: string[]; dropped: { before: string[]; after: string[] } } };

/**
 * A clause that only says which workshop no longer applies or that another, unnamed one does: 「不报总装车间了」
 * 「总装车间不报了」 (`naming.dropped`), 「换个车间」「换一个别的车间报」 (a `changes` word before a workshop counted or
 * pointed at). Fillers may open it, a word of applying and particles close it. A change to a workshop named (「换成涂装车间
 * 来报」) is left to the naming readings, which keep the name for the form.
 */
function unitOnlyRegex(unit: ApplyingUnitWords | undefined): RegExp | null {
  const n = unit?.naming;
  if (!unit || !n || !unit.unitParts.length) return null;
  const alt = (words: string[]) => (words.length ? alternationOf(words) : '(?!)');
  const units = alt(unit.unitParts);
  const name = `(?:${alt(n.modifiers)})?(?:(?![有没无都和跟与及也还不的、了过])[\\p{Script=Han}a-z0-9]){1,10}(?:${units})`;
  const applying = `(?:${alt(n.after)})?`;
  const pointed = `(?:一下|[这那]?[一两]?个|${alt((unit.otherUnit ?? []).filter((w) => !/[不没]/u.test(w)))})*`;
  const forms = [
    `(?:${alt(n.dropped.before)})${name}${applying}`,
    `${name}(?:${alt(n.dropped.after)})`,
    `(?:${alt(n.changes)})${pointed}(?:${units})${applying}`,
  ];
  return new RegExp(`^(?:${alt(n.fillers)})*(?:${forms.join('|')})[的哈啊呀吧呢嘞哩了]*$`, 'u');
}

/** Whether a clause only drops a workshop from applying or changes the applying one (see unitOnlyRegex). */
function onlyChangesUnit(vocab: Vocab, clause: string): boolean {
  return !!vocab.partScope.unitOnly?.test(clause.normalize('NFKC').toLowerCase().replace(/[\s，,。.！!~～…；;]+/gu, ''));
}

/**
 * 「评上的那个是总装车间，这回报涂装」: beside the titled workshop's name, the applying one said by its process alone (a
 * `bareNames` word) is that process's workshop, in the titled name's unit word (涂装车间). Only a reply that would be
 * such a name with the unit word after the process reads so; any other word without it (这回报省级的) names nothing.
 */
function bareUnitNamed(vocab: Vocab, rest: string, titled: string): { name: string; other: boolean; changed: boolean } | undefined {
  const unit = vocab.partScope.unitParts.find((w) => titled.endsWith(w));
  if (!unit) return undefined;
  const lower = rest.normalize('NFKC').toLowerCase();
  for (const word of vocab.partScope.bareNames) {
    const at = lower.indexOf(word);
    if (at < 0 || vocab.partScope.unitParts.some((w) => lower.startsWith(w, at + word.length))) continue;
    const named = applyingUnitNamed(vocab, `${lower.slice(0, at + word.length)}${unit}${lower.slice(at + word.length)}`);
    return named && !named.other && unitCore(vocab, named.name) === word ? named : undefined;
  }
  return undefined;
}

/**
 * The applying workshop a reply only names (see namingRegex), with whether it names it only as another unit (「报的是另一个
 * 车间」: the applying one is elsewhere, and no name to keep); undefined for any other reply.
 */
function applyingUnitNamed(vocab: Vocab, text: string): { name: string; other: boolean; changed: boolean } | undefined {
  const m = vocab.partScope.naming?.exec(text.normalize('NFKC').toLowerCase().replace(/[\s，,。.！!~～…]+/gu, ''));
  const name = m ? (m[1] ?? m[2]) : undefined;
  // 「就报这一个车间」「准备报个车间」「就打算报一个智能车间」 count or point at a workshop, or name the category, and name
  // no workshop; 一车间 is a name.
  const pointedAt = (n: string) => n.replace(/^(?:[这那哪每该本此][一两几]?[个座]?|[一两几]?[个座])/u, '');
  const bare = name === undefined ? undefined : pointedAt(name);
  if (!name || !bare || vocab.partScope.unitParts.includes(bare) || vocab.partScope.categoryNames.includes(bare)) return undefined;
  // 「换个车间报」「我们换一个车间申报」: the workshop changed to is counted or pointed at, another one that has no name here.
  if (vocab.partScope.changes.some((w) => name.startsWith(w) && vocab.partScope.unitParts.includes(pointedAt(name.slice(w.length))))) return { name, other: true, changed: true };
  // 「这回换喷漆车间报」: a change word opening the name is no part of it, where two characters or more are left before
  // the unit (换热车间, 改装车间 are names of their own).
  const change = vocab.partScope.changes.find((w) => name.startsWith(w) && unitCore(vocab, name.slice(w.length)).length >= 2);
  const named = change ? name.slice(change.length) : name;
  return { name: named, other: vocab.partScope.otherUnit.some((w) => named.includes(w)), changed: !!change };
}

/**
 * Whether a reply changes the applying workshop, and to which: 「这回换成涂装车间来报」 to one it names (`name`),
 * 「换个车间报」「我们换一个车间申报」「换成别的车间」 to another it does not name (no `name`). A `changes` word opens the
 * workshop; 换热车间 and 改装车间 are names of their own, and a name said with no change word (「报的是涂装车间」) changes nothing.
 */
export function applyingUnitChange(kb: KnowledgeData, text: string): { name?: string } | undefined {
  const vocab = vocabOf(kb);
  const { changes, unitParts, otherUnit } = vocab.partScope;
  if (!changes.length || !unitParts.length) return undefined;
  const clauses = text.match(/[^，,。；;！!？?\s]+/gu) ?? [];
  for (const clause of clauses) {
    const named = applyingUnitNamed(vocab, clause);
    if (named?.changed && !named.other) return { name: named.name };
  }
  const lower = text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  // The workshop changed to is counted or pointed at (一个, 另一个, 别的) and named by no name of its own.
  const unnamed = new RegExp(`(?:${alternationOf(changes)})(?:一下|[一两]?个|${alternationOf(otherUnit.filter((w) => !/[不没]/u.test(w)))})*(?:${alternationOf(unitParts)})(?![\\p{Script=Han}a-z0-9]*?(?:${alternationOf(unitParts)}))`, 'u');
  return unnamed.test(lower) ? {} : undefined;
}

/** A name without the unit word that ends it (总装 of 总装车间). */
function unitCore(vocab: Vocab, name: string): string {
  const part = vocab.partScope.unitParts.find((w) => name.endsWith(w));
  return part ? name.slice(0, -part.length) : name;
}

/**
 * A reply of several clauses one of which only names the applying workshop (see applyingUnitNamed): that name, and the
 * other clauses as typed. Undefined where no clause is such a name, where it names another unit, or where it is all.
 */
function applyingUnitBeside(vocab: Vocab, text: string): { name: string; rest: string } | undefined {
  const clauses = text.match(/[^，,。；;！!\s]+[，,。；;！!\s]*/gu) ?? [];
  if (clauses.length < 2) return undefined;
  const k = clauses.findIndex((c) => applyingUnitNamed(vocab, c) !== undefined);
  const unit = k < 0 ? undefined : applyingUnitNamed(vocab, clauses[k]!);
  if (!unit || unit.other) return undefined;
  const rest = clauses.filter((_, i) => i !== k).join('').trim();
  return rest ? { name: unit.name, rest } : undefined;
}

function interpretAlone(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null): Interpretation {
  // 「地磅算了，不管它」 drops what it names: no answer, and the item is asked again. Beside an answer (「有SCADA，地磅不管它」)
  // the dropping clause is left out, so its 不 is no no.
  // 「不报总装车间了，换个车间」 at a capability item: clauses that only change the applying workshop say nothing of the
  // item, so their 不 is no no; the other clauses answer, and with none left the item is asked again.
  if (pending?.id.startsWith('cap.') && vocabOf(kb).partScope.unitOnly) {
    const clauses = rawText.split(/[，,。；;！!~～\s]+/u).filter((c) => c.trim());
    const changing = clauses.filter((c) => onlyChangesUnit(vocabOf(kb), c));
    if (changing.length === clauses.length && clauses.length) return { kind: 'unclear', reason: 'unitChanged', choices: [rawText.trim().replace(/[，,。；;！!~～\s]+$/u, '')] };
    if (changing.length) return interpretAlone(kb, clauses.filter((c) => !changing.includes(c)).join('，'), pending, category);
  }
  const asides = pending ? withoutAsides(kb, rawText) : undefined;
  if (asides?.whole) return { kind: 'unclear', reason: 'aside', choices: [rawText.trim().replace(/[，,。；;！!~～\s]+$/u, '')] };
  if (asides?.dropped && asides.kept.trim()) return interpretAlone(kb, asides.kept, pending, category);
  const r = interpretAsTyped(kb, rawText, pending, category);
  if (r.kind !== 'unclear' || r.reason !== undefined) return r;
  // 「自动化哩」「数控嘞」: Henan's closing particle is often the 的 of a 是…的 statement (「是自动化的」), which the
  // understanding step drops with the other closing particles. A reply read as nothing that way is read again with 的.
  const withDe = rawText.replace(DIALECT_DE, '$1的');
  return withDe === rawText ? r : interpretAsTyped(kb, withDe, pending, category);
}

/**
 * 「前年车间出过一起安全事故」 at a category question: a reply naming an accident, a penalty or the like (a lookalike of the
 * credit lists, VocabularyFile `lookalikes` of 「ent.credit.*」) speaks of the enterprise's standing, and an option's short
 * word in it (车间) only names where it happened. Unless an option is said by its full name (智能车间), nothing is chosen:
 * the reply is asked back, with the lookalike words and the question they are lookalikes of.
 */
function standingAtCategory(kb: KnowledgeData, rawText: string, pending: QuestionView | null): Interpretation | undefined {
  if (!pending || pending.kind !== 'choice' || pending.phase !== 'category') return undefined;
  const lower = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 400)).text.toLowerCase();
  const entries = kb.interview.vocabulary.lookalikes.filter((l) => l.question.startsWith('ent.credit.') && !lookalikeOf(l, pending.id));
  const hits = [...new Set(entries.flatMap((l) => l.words.map((w) => w.toLowerCase()).filter((w) => lower.includes(w))))];
  if (!hits.length) return undefined;
  const spec = indexOf(kb).questions.get(pending.id);
  const full = (spec?.choices ?? []).flatMap((c) => [c.label, ...(c.aliases ?? [])]).map((w) => w.toLowerCase()).filter((w) => [...w].length >= 4);
  if (full.some((w) => lower.includes(w))) return undefined;
  const words = hits.filter((w) => !hits.some((o) => o !== w && o.includes(w)));
  return { kind: 'unclear', reason: 'lookalike', choices: words, field: entries.find((l) => l.words.some((w) => w.toLowerCase() === words[0]))!.question };
}

/** What a dismissed aside may name before its dismissal: a thing, never an answer word (有, 没, 不, 是, 用) of its own. */
const ANSWERING = /[有没无不是用否]|上了|在建/u;
/** Particles that may close a dismissing clause (「地磅算了吧」). */
const DISMISSAL_TAIL = /[吧啊呀哈嘛呢哦]+$/u;

/**
 * A reply without its clauses that drop an aside (VocabularyFile `dismissals`): 「地磅算了，不管它」「那个地磅先不说这个」. A
 * clause drops one when it ends with a dismissal word and what comes before it names no answer. `kept` is the rest as
 * typed; `whole` says every clause dropped one, with a thing named or a word other than 算了 (「算了」 alone is left to
 * the other readings: it may put the item off).
 */
function withoutAsides(kb: KnowledgeData, rawText: string): { kept: string; dropped: boolean; whole: boolean } {
  const words = [...kb.interview.vocabulary.dismissals].sort((a, b) => b.length - a.length);
  const parts = rawText.split(/([，,。；;！!~～\s]+)/u);
  const kept: string[] = [];
  let dropped = false;
  let named = false;
  for (let k = 0; k < parts.length; k += 2) {
    const clause = parts[k]!.normalize('NFKC').toLowerCase().replace(DISMISSAL_TAIL, '');
    if (!clause) continue;
    const word = words.find((w) => clause.endsWith(w));
    const topic = word === undefined ? undefined : clause.slice(0, -word.length);
    if (word === undefined || topic === undefined || ANSWERING.test(topic) || topic.length > 10) {
      if (kept.length) kept.push(parts[k - 1]!);
      kept.push(parts[k]!);
      continue;
    }
    dropped = true;
    if (topic || !/^就?算了$/u.test(word)) named = true;
  }
  return { kept: kept.join(''), dropped, whole: dropped && named && !kept.length };
}

/** A count right after a name (「260台」「有221台」「共十二套」): the name is counted, not said to be in place. */
const COUNT_AFTER = /^\s*的?\s*(?:有|共|共有|一共|总共|合计|约|大约|大概|差不多)?\s*[\d一二三四五六七八九十两百千几]+\s*(?:多|来|余)?\s*(?:台套|台|套|个|辆|条|部|组|座|把)/u;

/** A share said as a part of a whole: 占, then a percentage, tenths or a fraction in the same clause. */
const SHARE_CLAUSE = /占[^，,。；;！!？?\n]*?(?:%|百分|[一二三四五六七八九十两几\d]成|分之|一半|半数|过半)/u;

/** A count of lines right after a line's name (「有一条」「两条」「共3条」). */
const LINES_COUNTED = /^\s*的?\s*(?:有|共|共有|一共|总共|合计|约|大约|大概|差不多)?\s*(?:[1-9]\d*|[一二三四五六七八九十两几][一二三四五六七八九十百]*)\s*(?:多|来|余)?\s*条/u;

/** A 有 that gives a count (有六十台, 有90多个, 有一百来套): how many there are. */
const HAS_COUNT = /有\s*(?:[\d一二三四五六七八九十两百千几]+\s*(?:多|来|余)?\s*(?:台套|台|套|个|辆|条|部|组|座|把|种|家|人))/gu;

/** A 哩, 嘞 or 咧 closing a statement's clause after a word (not a question: no question mark follows). */
const DIALECT_DE = /([\p{Script=Han}A-Za-z0-9])[哩嘞咧]+(?=[\s~…]*(?:[，,。；;！!]|$))/gu;

function interpretAsTyped(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null): Interpretation {
  return withPartsSaid(kb, rawText, pending, category, readAsTyped(kb, rawText, pending, category));
}

function readAsTyped(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null): Interpretation {
  const echoed = afterEcho(kb, rawText, pending);
  if (echoed !== undefined) return interpretAsTyped(kb, echoed, pending, category);
  const denied = deniedChoice(kb, rawText, pending) ?? categoryAsAnother(kb, rawText, pending);
  if (denied) return denied;
  const read = withAnswerBeforeCorrection(kb, rawText, pending, category, readReply(kb, rawText, pending, category));
  // 「前年车间出过一起安全事故，这个影响申报不？」 asks, and is answered as a question; said as a statement, it chooses nothing.
  const standing = read.kind === 'question' || (read.kind === 'answers' && read.asks) ? undefined : standingAtCategory(kb, rawText, pending);
  if (standing) return standing;
  const r = withMetricAtSelf(kb, rawText, pending, category, withEveryList(kb, rawText, pending, withBasicFactsInPassing(kb, rawText, pending, category, withSoleApplication(kb, rawText, pending, withChoicesBesideText(kb, rawText, pending, read)))));
  return asCorrection(kb, rawText, withoutRetortAnswer(kb, rawText, pending, category, withUnsureAsked(kb, rawText, pending, r.kind === 'unclear' && r.reason === undefined ? (ownVerbYes(kb, rawText, pending) ?? r) : r)));
}

/**
 * 「设计用的solidworks，仿真基本没做，工艺还是手写卡片」 at a question that asks for several kinds of software at once
 * (VocabularyFile `systemParts`): each clause that names one part is read alone as a reply to the question, and one part
 * said in place beside another said missing makes the system partly in place. A reply that names one part only, or
 * says every part it names the same way, keeps its reading.
 */
function withPartsSaid(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null, r: Interpretation): Interpretation {
  const parts = pending ? kb.interview.vocabulary.systemParts[pending.id] : undefined;
  if (!pending || !parts || r.kind !== 'answers') return r;
  const at = r.items.findIndex((i) => i.questionId === pending.id && !i.extra);
  if (at < 0 || (r.items[at]!.value !== true && r.items[at]!.value !== false)) return r;
  const said = new Map<number, Set<unknown>>();
  for (const clause of rawText.split(/[，,。；;！!？?\n]+/u)) {
    const lower = clause.normalize('NFKC').toLowerCase();
    const named = parts.flatMap((words, k) => (words.some((w) => lower.includes(w.toLowerCase())) ? [k] : []));
    if (named.length !== 1) continue;
    const read = readAsTyped(kb, clause, pending, category);
    const value = read.kind === 'answers' ? read.items.find((i) => i.questionId === pending.id && !i.extra)?.value : undefined;
    if (value !== true && value !== false) continue;
    said.set(named[0]!, (said.get(named[0]!) ?? new Set()).add(value));
  }
  const values = [...said.values()].flatMap((v) => [...v]);
  if (!values.includes(true) || !values.includes(false)) return r;
  return { ...r, items: r.items.map((i, k) => (k === at ? { ...i, value: 'partial' } : i)) };
}

/**
 * 「不是，俺们要报智能工厂」 while a yes/no question waits: a whole opening clause that denies what was said (VocabularyFile
 * `retorts`) followed by a category choice stated takes back the earlier choice; it is no no to the question on screen,
 * so the pending question keeps only what the rest of the reply says of it (「不是，报工厂，防火墙也没有」 still answers).
 */
function withoutRetortAnswer(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null, r: Interpretation): Interpretation {
  if (!pending || (pending.kind !== 'yesNo' && pending.kind !== 'yesNoPartial') || r.kind !== 'answers') return r;
  if (!r.items.some((i) => i.questionId === pending.id && !i.extra)) return r;
  const choices = new Set(kb.interview.questions.filter((q) => q.kind === 'choice' && q.phase === 'category').map((q) => q.id));
  if (!r.items.some((i) => choices.has(i.questionId))) return r;
  const text = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 400)).text.trim();
  const cut = text.search(/[，,。；;！!\s]/u);
  if (cut <= 0) return r;
  const opening = text.slice(0, cut).toLowerCase().replace(/[啊呀哈嘛呢了]+$/u, '');
  if (!kb.interview.vocabulary.retorts.some((w) => w.toLowerCase() === opening)) return r;
  const rest = readReply(kb, text.slice(cut + 1), pending, category);
  const own = rest.kind === 'answers' ? rest.items.filter((i) => i.questionId === pending.id && !i.extra) : [];
  return { ...r, items: [...r.items.filter((i) => i.questionId !== pending.id), ...own] };
}

/**
 * 「俺也拿不准，你帮俺看看哪个合适」 to a choice whose options include being unsure (还不确定，请帮我判断): a question that
 * is itself that option's words (哪个合适, 报哪个好) asks for the judgement the option leads to, so it is the choice made
 * and is not asked of the notice as well. A reply that asks anything else beside it keeps asking.
 */
function withUnsureAsked(kb: KnowledgeData, rawText: string, pending: QuestionView | null, r: Interpretation): Interpretation {
  const asked = r.kind === 'question' || (r.kind === 'answers' && r.asks && r.items.some((i) => i.questionId === pending?.id && i.value === 'unsure'));
  if (pending?.kind !== 'choice' || !asked) return r;
  const unsure = (kb.interview.questions.find((q) => q.id === pending.id)?.choices ?? []).find((c) => c.value === 'unsure');
  if (!unsure) return r;
  const words = [unsure.label, ...(unsure.aliases ?? [])].map((w) => w.toLowerCase());
  const text = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 400)).text.toLowerCase();
  const clauses = (text.match(/[^，,。；;！!？?\n]+[，,。；;！!？?\n]*/gu) ?? []).map((c) => c.trim()).filter(Boolean);
  if (!clauses.filter((c) => isQuestion(kb, c)).every((c) => words.some((w) => c.includes(w)))) return r;
  if (r.kind === 'question') return { kind: 'answers', items: [{ questionId: pending.id, value: 'unsure' }] };
  const { asks: _asks, ...rest } = r as Extract<Interpretation, { kind: 'answers' }>;
  return rest;
}

/**
 * 「失信被执行人？前年被列过，今年三月刚撤销」: an opening clause that only repeats words of the question waiting, with a
 * question mark, says the question back before answering it; the reply is what follows. Undefined when the words asked
 * back are not the question's own, or what follows asks too (「LIMS？那是啥」).
 */
function afterEcho(kb: KnowledgeData, rawText: string, pending: QuestionView | null): string | undefined {
  if (!pending) return undefined;
  const text = rawText.normalize('NFKC').slice(0, 4000).trim();
  const m = /^([^，,。；;！!？?\n]{2,20})[？?]+\s*/u.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length).trim();
  const echo = m[1]!.replace(/[啊呀吗嘛呢哈吧是]+$/u, '').replace(/^(?:你说|您说|问)/u, '').trim().toLowerCase();
  if (!rest || [...echo].length < 2 || !pending.text.toLowerCase().includes(echo) || isQuestion(kb, rest)) return undefined;
  return rest;
}

/**
 * 「设备一百二十台，联上网的六十台左右」 to whether the networking rate is advanced: the counts give the rate itself, the
 * metric question of the same clause, which is recorded in passing (a round count marked round, with the words typed);
 * the self-assessment is answered only by an answer word of its own, and is asked again otherwise.
 */
function withMetricAtSelf(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null, r: Interpretation): Interpretation {
  if (!pending || !selfSubjectOf(kb, pending.id) || (r.kind !== 'answers' && r.kind !== 'unclear') || (r.kind === 'answers' && r.asks)) return r;
  const clause = kb.interview.questions.find((q) => q.id === pending.id)?.clause;
  const metric = kb.interview.questions.find((q) => q.id.startsWith('metric.') && q.clause === clause);
  if (!metric || (r.kind === 'answers' && r.items.some((i) => i.questionId === metric.id))) return r;
  const read = readReply(kb, rawText, viewOf(metric, category), category);
  const item = read.kind === 'answers' && !read.asks ? read.items.find((i) => i.questionId === metric.id && typeof i.value === 'number') : undefined;
  if (!item) return r;
  const said = { ...item, extra: true as const, ...(item.approx ? { said: rawText.trim().slice(0, 200) } : {}) };
  return r.kind === 'answers' ? { ...r, items: [...r.items, said] } : { kind: 'answers', items: [said] };
}

/**
 * 「三个都没有」「这几种情况都没发生过」 to one of the lists of 二(四) (VocabularyFile `listing.every`): a no said of every list
 * at once answers each of them, so the lists still open are recorded in passing rather than asked again. A reply that
 * singles out a list (「失信被执行人没有」) answers that one only, and a yes is left to each list's own question, since a
 * listing fails a hard condition and is asked list by list.
 */
function withEveryList(kb: KnowledgeData, rawText: string, pending: QuestionView | null, r: Interpretation): Interpretation {
  const l = kb.interview.vocabulary.listing;
  if (!l?.every.length || !pending || r.kind !== 'answers' || r.asks) return r;
  const ofList = (id: string) => l.questions.some((p) => (p.endsWith('*') ? id.startsWith(p.slice(0, -1)) : id === p));
  if (!ofList(pending.id) || !r.items.some((i) => i.questionId === pending.id && !i.extra && i.value === false)) return r;
  const text = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 400)).text.toLowerCase();
  if (!l.every.some((w) => text.includes(w.toLowerCase()))) return r;
  // 「信用都没问题」 judges the record as a whole (VocabularyFile `describes` of the lists): it answers the list asked only.
  const blanket = kb.interview.vocabulary.describes.filter((d) => l.questions.includes(d.question)).flatMap((d) => d.words.map((w) => w.toLowerCase()));
  if (/没.?问题/u.test(text) || blanket.some((w) => text.includes(w))) return r;
  const lists = kb.interview.questions.filter((q) => ofList(q.id));
  const byQuestion = subjectWords(kb);
  if (lists.some((q) => text.split(/[，,。；;！!？?\n]+/u).some((c) => singlesOut(byQuestion, q.id, c)))) return r;
  const open = lists.filter((q) => !r.items.some((i) => i.questionId === q.id));
  return open.length ? { ...r, items: [...r.items, ...open.map((q) => ({ questionId: q.id, value: false as const, extra: true as const }))] } : r;
}

/** The text with the listing's `every` words blanked out when the pending question is one of the lists, else as it is. */
function listingWordsAway(kb: KnowledgeData, pending: QuestionView | null, lower: string): string {
  const l = kb.interview.vocabulary.listing;
  if (!l || !pending || !l.questions.some((p) => (p.endsWith('*') ? pending.id.startsWith(p.slice(0, -1)) : pending.id === p))) return lower;
  return [...l.every].sort((a, b) => b.length - a.length).reduce((t, w) => t.split(w.toLowerCase()).join(' '), lower);
}

/**
 * 「不对 俺们没得过智能工厂称号」「以前得过称号吗这一项改成没有」: a basic fact stated in a message that says an answer was
 * wrong is that answer corrected, not a fact said in passing (which fills only a question still open): it changes the
 * answer given, at any stage, after a verdict too.
 */
function asCorrection(kb: KnowledgeData, rawText: string, r: Interpretation): Interpretation {
  if (r.kind !== 'answers' || !r.items.some((i) => i.extra && !i.questionId.startsWith('cap.'))) return r;
  const lower = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 4000)).text.toLowerCase();
  // 「改成没有」 gives its answer right after the word; 「不对」 must end its phrase (「不对接」 is no correction).
  const corrects = findAll(vocabOf(kb).corrections, lower).some((h) => /[成为]$/u.test(h.word) || CORRECTION_END.test(lower.slice(h.end)));
  if (!corrects) return r;
  return { ...r, items: r.items.map(({ extra, ...i }) => (extra && !i.questionId.startsWith('cap.') && !i.questionId.startsWith('form.') ? i : { ...i, ...(extra ? { extra } : {}) })) };
}

/**
 * 「还打算报一个智能工厂」 to the 另有申报 question (VocabularyFile `anotherOfThisNotice`): the category named as an addition
 * may be this application's or a second one's; recorded as a second application it would end the interview at 四(一), and
 * as the category it would answer a question not asked. So nothing is recorded and the question is asked back, naming it.
 */
function categoryAsAnother(kb: KnowledgeData, rawText: string, pending: QuestionView | null): Interpretation | undefined {
  const a = kb.interview.vocabulary.anotherOfThisNotice;
  if (!a || pending?.id !== a.question) return undefined;
  const text = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 200)).text.toLowerCase();
  // 「拿过智能工厂还能再报吗？」 asks, and is answered as a question.
  if (opensWithBareAnswer(kb, spacesAsClauseBreaks(text)) || text.includes('?') || isQuestion(kb, text)) return undefined;
  const has = (ws: string[]) => ws.some((w) => text.includes(w.toLowerCase()));
  if (!has(a.also) || has(a.only) || has(a.done)) return undefined;
  const choice = kb.interview.questions.find((q) => q.id === a.category);
  const stated = kb.interview.vocabulary.statedChoices.filter((c) => c.question === a.category);
  const named = stated.flatMap((c) => Object.entries(c.values).filter(([, ws]) => has(ws)).map(([v]) => v));
  if (new Set(named).size !== 1) return undefined;
  const label = choice?.choices?.find((c) => c.value === named[0])?.label ?? named[0]!;
  return { kind: 'unclear', reason: 'otherCategory', choices: [rawText.trim(), label] };
}

/**
 * Where a fact's word stands in a clause, or -1. A word that ends in 报 (自己报, 单独报) is not found where the 报 begins
 * another word: 「不合格自己报警」 says what a check does, not how the enterprise applies.
 */
function statedAt(clause: string, word: string): number {
  return statedSpan(clause, word)?.at ?? -1;
}

/**
 * Where a stated fact's word stands in a clause, and where its last part begins. A word written with … (信用中国…失信)
 * names the fact by two parts with at most a few words of place, time and answer between them (「信用中国上没有失信」,
 * 「信用中国查了从来没失信」), so an answer word between them speaks of the fact; any other word between (严重违法, 税收)
 * makes it another fact.
 */
function statedSpan(clause: string, word: string): { at: number; last: number } | undefined {
  const gap = word.indexOf('…');
  if (gap >= 0) {
    const head = word.slice(0, gap);
    const tail = word.slice(gap + 1);
    for (let i = clause.indexOf(head); i >= 0; i = clause.indexOf(head, i + 1)) {
      const m = STATED_GAP.exec(clause.slice(i + head.length));
      if (m && clause.startsWith(tail, i + head.length + m[0].length)) return { at: i, last: i + head.length + m[0].length };
    }
    return undefined;
  }
  for (let i = clause.indexOf(word); i >= 0; i = clause.indexOf(word, i + 1)) {
    if (!word.endsWith('报') || !/^[警表价告废纸单]/u.test(clause.slice(i + word.length))) return { at: i, last: i };
  }
  return undefined;
}

/** What may stand between the two parts of a stated fact's word: place, time and answer words only. */
const STATED_GAP = /^[上里中面网查过了没有无未不是被列入从来都也还一直我们的啥]{0,8}/u;

/**
 * 「没有打通。对了刚才说错了，MES还没上」: a reply that answers the pending question and then, in a sentence of its own,
 * corrects another item is read for both. The correction takes back the item it names, not the answer before it, so that
 * answer is read from the sentences before the correction's and kept beside it.
 */
function withAnswerBeforeCorrection(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null, r: Interpretation): Interpretation {
  if (!pending || r.kind !== 'answers' || r.asks || r.items.some((i) => i.questionId === pending.id)) return r;
  const text = rawText.normalize('NFKC').slice(0, 4000);
  const hit = findAll(vocabOf(kb).corrections, text.toLowerCase())[0];
  if (!hit) return r;
  const cut = Math.max(...[...'。；;！!\n'].map((b) => text.lastIndexOf(b, hit.start - 1)));
  if (cut <= 0) return r;
  const head = readReply(kb, text.slice(0, cut), pending, category);
  const own = head.kind === 'answers' && !head.asks ? head.items.filter((i) => i.questionId === pending.id && !i.extra) : [];
  if (!own.length) return r;
  const { pendingLeft: _answered, ...rest } = r;
  return { ...rest, items: [...own, ...r.items.filter((i) => i.questionId !== pending.id)] };
}

/**
 * 「有ERP。上一个说错了，其实有」「没有，刚才那个说错了，是有的」: a reply that answers the pending question and then, in a
 * clause of its own, takes back the answer before without naming it. The clause that opens with a word pointing back
 * (上一个, 刚才那个, 前面那题) and holds a correction word starts the correction; what comes before it is the reply to the
 * pending question. Undefined when no such clause follows an answer.
 */
export function previousCorrectionAfter(kb: KnowledgeData, rawText: string): { head: string; tail: string } | undefined {
  const text = normalise(rawText.slice(0, 2000)).text;
  const vocab = vocabOf(kb);
  const lower = text.toLowerCase();
  for (const ref of findAll(vocab.previousRefs, lower)) {
    // The word pointing back opens its clause, after a filler such as 对了 or 哦.
    const opening = lower.slice(0, ref.start).match(/(?:^|[，,。；;！!？?\s])((?:对了|哦|噢|啊|还有|另外|然后)?[，,\s]?)$/u);
    if (!opening || ref.start - opening[1]!.length <= 0) continue;
    const head = text.slice(0, ref.start - opening[1]!.length).replace(/[\s，,。；;！!]+$/u, '');
    if (!head) continue;
    const tail = text.slice(ref.start - opening[1]!.length);
    const said = findAll(vocab.corrections, tail.toLowerCase()).filter((h) => CORRECTION_END.test(tail.toLowerCase().slice(h.end)) || RESTATES.test(h.word));
    if (!said.length) continue;
    // Only a bare value after the words pointing back (其实有, 是有的, 改成没有): a correction that names what it takes
    // back (「刚才说错了，MES还没上」) or says what was meant (「刚才说的意思是想报流程型工厂」) is read whole as before.
    let rest = tail.toLowerCase();
    for (const h of [...findAll(vocab.previousRefs, rest), ...findAll(vocab.corrections, rest)].sort((a, b) => b.start - a.start)) rest = rest.slice(0, h.start) + rest.slice(h.end);
    rest = rest.replace(/[\s\p{P}\p{S}]/gu, '');
    if ([...rest].length > 5 || findAll(indexOf(kb).aliasRegex, rest).length) continue;
    return { head, tail };
  }
  return undefined;
}

/** Where a capability reply's own words are kept beside its answer (`detail.cap.apc`), for the form to draw on. */
export const DETAIL_PREFIX = 'detail.';

/**
 * What a yes or partial reply to a capability question says beyond its answer (「APC在精馏工段用了」「MES覆盖两个车间」
 * 「立库有3000个货位」「有，用的金蝶」): the reply as typed, with a leading bare answer word taken off, kept so the drafted
 * form can state it as the enterprise's own words. A reply that is only its answer (「有哩」「有DCS」「SIS有」) has none:
 * fewer than four characters are left once its answer words, particles and punctuation are removed.
 */
export function detailOf(kb: KnowledgeData, rawText: string): string | undefined {
  const raw = rawText.normalize('NFKC').replace(/\s+/gu, ' ').trim().slice(0, 200);
  if (!raw) return undefined;
  const lower = normalise(raw).text.toLowerCase();
  const vocab = vocabOf(kb);
  const chars = [...lower];
  for (const h of findAll(vocab.cues, lower)) for (let i = h.start; i < h.end; i++) chars[i] = ' ';
  const left = chars.join('').replace(/[\s\p{P}\p{S}哩嘞咧啊呀吧的了嘛呢哈都也就还]/gu, '');
  if ([...left].length < 4) return undefined;
  return raw.replace(/^(?:是的|是|有的|有|对|嗯|中)[哩嘞咧啊呀的]*[，,。；;！!\s]+/u, '').trim() || undefined;
}

/**
 * 「就打算报一个智能工厂」「只准备申报这一个车间」 to the 另有申报 question: an `only` word governing a verb of applying, with
 * words of intent between them or not, says this is the one application, so the question's no is read beside the
 * category the reply names. A reply with an addition (还, 也), something handed in (已经报了) or a question is left as read.
 */
function withSoleApplication(kb: KnowledgeData, rawText: string, pending: QuestionView | null, r: Interpretation): Interpretation {
  const a = kb.interview.vocabulary.anotherOfThisNotice;
  if (!a || pending?.id !== a.question || !a.applying.length) return r;
  if (r.kind === 'answers' ? r.items.some((i) => i.questionId === pending.id) : r.kind !== 'unclear' || r.reason !== undefined) return r;
  const text = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 200)).text.toLowerCase();
  if (text.includes('?') || isQuestion(kb, text)) return r;
  const has = (ws: string[]) => ws.some((w) => text.includes(w.toLowerCase()));
  const intents = a.intents.length ? `(?:${alternationOf(a.intents)}){0,2}` : '';
  // 「不报别的」「没打算再申报其他的」: the second application itself refused, whatever addition word stands in it. A
  // refusal that follows a verb (报不报别的) or a word of knowing (不知道) is a wondering, no refusal.
  const refusal = `(?<![报知])(?:${alternationOf(a.refused)})(?:再|还)?${intents}(?:${alternationOf(a.applying)})`;
  const others = `(?:${alternationOf(a.others)})`;
  // The other application named before its refusal too (「别的就不报了」).
  // 「没有别的」「另外的没有」: the other application denied with no verb, nothing else said.
  const bare = `^(?:${alternationOf(a.refused)})(?:${alternationOf(a.others)})[的项目了啊呀哈]*$|^(?:${alternationOf(a.others)})[的项目]{0,3}[就都也]?(?:${alternationOf(a.refused)})[了啊呀哈的]*$`;
  const refused =
    a.refused.length && a.others.length && (new RegExp(`${refusal}${others}|${others}[的项目]{0,3}[就都也]?${refusal}`, 'u').test(text) || new RegExp(bare, 'u').test(text.replace(/[\s\p{P}]+/gu, '')));
  if (!refused && (has(a.also) || has(a.done))) return r;
  if (!refused && !new RegExp(`(?:${alternationOf(a.only)})${intents}(?:${alternationOf(a.applying)})`, 'u').test(text)) return r;
  const items = r.kind === 'answers' ? [...r.items] : [];
  return { ...(r.kind === 'answers' ? r : {}), kind: 'answers', items: [...items, { questionId: pending.id, value: false }] };
}

/** A denial bound to the option it precedes: 「不是离散的」「不算流程型」「并非车间」. */
const DENIAL = /(?:不是|不算|并非|不属于)(?:咱们?|我们|俺们|俺)?$/u;

/**
 * 「不是离散的」 typed while the founding year (or a yes/no condition) waits: a reply that only denies an option of a
 * category question speaks of that question, not of the pending one, so it is neither the pending question's no nor
 * its skip. The option left is not inferred from the denial (a trade may be neither or both): the item is asked in
 * its turn. A denial of the pending question's own option, with no other option named, is asked again the same way.
 */
function deniedChoice(kb: KnowledgeData, rawText: string, pending: QuestionView | null): Interpretation | undefined {
  const text = normalise(rawText.slice(0, 200)).text.toLowerCase().trim();
  if (!text || text.length > 30) return undefined;
  const questions = kb.interview.questions.filter((q) => q.kind === 'choice' && q.phase === 'category');
  for (const q of questions) {
    const aliases = (q.choices ?? []).filter((c) => c.value !== 'unsure').flatMap((c) => [c.label, ...(c.aliases ?? [])].map((a) => ({ a: a.toLowerCase(), value: c.value })));
    const hits = aliases.filter((x) => x.a.length >= 2).flatMap((x) => {
      const out: { start: number; end: number; value: string }[] = [];
      for (let i = text.indexOf(x.a); i >= 0; i = text.indexOf(x.a, i + 1)) out.push({ start: i, end: i + x.a.length, value: x.value });
      return out;
    });
    if (!hits.length) continue;
    const negated = hits.filter((h) => DENIAL.test(text.slice(0, h.start)));
    if (!negated.length) continue;
    const stated = hits.filter((h) => !negated.some((n) => n.start <= h.start && h.end <= n.end));
    // 「不是离散的 是流程」: the option denied and the one stated instead, of one question.
    const instead = new Set(stated.map((h) => h.value));
    if (instead.size > 1 || [...instead].some((v) => negated.some((n) => n.value === v))) continue;
    // Nothing but the denial and the option stated instead: the option words, their denial, 是 and particles.
    const rest = hits.reduce((t, h) => t.slice(0, h.start) + ' '.repeat(h.end - h.start) + t.slice(h.end), text).replace(/不是|不算|并非|不属于|咱们?|我们|俺们|俺|型|的|啊|呀|吧|哈|了|嘛|呢|[\s，,。.!！~～]/gu, '');
    if (instead.size ? rest.replace(/是|而是|算/gu, '') : rest) continue;
    // Said of the pending question itself, the option stated is its answer, read as any answer is.
    if (instead.size && q.id === pending?.id) return undefined;
    // Said while another question waits, the option stated is recorded where it belongs (it fills the category
    // question only while unanswered) and the pending question, which it does not answer, is asked again.
    if (instead.size) return { kind: 'answers', items: [{ questionId: q.id, value: [...instead][0]!, extra: true }] };
    return { kind: 'unclear', reason: 'otherItem', choices: [rawText.trim().slice(0, 20)], ...(q.id === pending?.id ? {} : { field: q.label }) };
  }
  return undefined;
}

/**
 * 「做电机的 离散」 typed while the founding year waits: a reply to a question answered in words (the year, the city)
 * that names the trade or a choice asked later (离散, 车间) records those as said in passing. Where the words hold no
 * value the question takes (no year, no city), the question is left unanswered and asked again, rather than the
 * sentence stored as its value.
 */
function withChoicesBesideText(kb: KnowledgeData, rawText: string, pending: QuestionView | null, r: Interpretation): Interpretation {
  if (!pending || pending.kind !== 'text') return r;
  if (r.kind === 'answers' ? r.asks : r.kind !== 'unclear' || r.reason !== undefined) return r;
  const idx = indexOf(kb);
  const spec = idx.questions.get(pending.id);
  if (!spec) return r;
  const items = r.kind === 'answers' ? r.items : [];
  const own = items.find((i) => i.questionId === pending.id);
  // Place names are read out first: 「郑州航空港区」 names no aviation trade.
  const places = kb.regions.regions.flatMap((g) => [g.name, g.short, ...g.aliases]).filter((w) => w.length > 1).sort((a, b) => b.length - a.length);
  const lower = places.reduce((t, w) => t.split(w.toLowerCase()).join(' '), understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 4000)).text.toLowerCase());
  const taken = new Set(items.map((i) => i.questionId));
  const said: { questionId: string; value: AnswerValue; extra: true }[] = [];
  let onlyChoice = false;
  for (const q of kb.interview.questions) {
    if (taken.has(q.id) || q.phase === 'hard') continue;
    if (q.kind === 'choice') {
      const { regex, byWord } = choiceMatcher(q.id, q.choices ?? []);
      // Only a clause that says it as the choice (VocabularyFile `statedChoices`): 「工厂在新郑」 locates, 「报车间」 chooses.
      const stated = kb.interview.vocabulary.statedChoices.filter((c) => c.question === q.id);
      // 「智能工厂」 typed at the county question: a clause that is nothing but an option's own full name (not a short
      // word such as 工厂, which may be any plant) says it as the choice too.
      const named = (q.choices ?? []).filter((c) => c.value !== 'unsure').flatMap((c) => [c.label, ...(c.aliases ?? [])]).map((w) => w.toLowerCase()).filter((w) => [...w].length >= 4);
      const alone = (c: string) => named.includes(c.replace(/[吧的啊呀哈嘛呢了]+$/u, ''));
      const says = (c: string) => alone(c) || stated.every((sc) => (!sc.triggers.length || sc.triggers.some((w) => c.includes(w.toLowerCase()))) && !sc.blockers.some((w) => c.includes(w.toLowerCase())));
      const clauses = lower.split(/[，,。；;！!？?\s]+/u).filter((c) => c && says(c));
      if (lower.split(/[，,。；;！!？?\s]+/u).filter(Boolean).every(alone)) onlyChoice = true;
      const values = new Set(clauses.flatMap((c) => findAll(regex, c).map((h) => byWord.get(h.word.toLowerCase())!)));
      // 「不确定」 among a choice's options says nothing in passing.
      if (values.size === 1 && [...values][0] !== 'unsure') said.push({ questionId: q.id, value: [...values][0]!, extra: true });
    } else if (q.sets === 'enterprise.industryCode' && !/\d/.test(lower)) {
      const code = tradeInPassing(kb, lower);
      if (code) said.push({ questionId: q.id, value: code, extra: true });
    }
  }
  if (!said.length) return r;
  // A reply that is only the choice said (「智能工厂」) holds no value of the pending text question.
  const valid = own !== undefined && !onlyChoice && checkValue(kb, spec, own.value).ok;
  return { ...(r.kind === 'answers' ? r : {}), kind: 'answers', items: [...items.filter((i) => valid || i.questionId !== pending.id), ...said] };
}

/**
 * The verb a yes/no question asks with, as its own text gives it after 是否: 「是否发生过…事故」 → 发生过,
 * 「是否受到过…」 → 受到过, 「是否存在…」 → 存在. A verb with 过 is read up to it; otherwise its first two
 * characters, unless they begin with a preposition (「是否在河南省…」, 「是否被…列入」), which is no verb.
 */
const ASKED_VERB = /是否((?:\p{Script=Han}{1,3}?过)|(?![在被于对为以把向从])\p{Script=Han}{2}(?=\p{Script=Han}{2}))/u;

/**
 * A reply that repeats the verb its yes/no question asks with (「发生过一次」 to 「近三年是否发生过…事故」) says yes,
 * when the vocabulary reads nothing else in it: no word of any polarity, hedge or skip. The question's own text
 * is the data, so a new condition a new notice adds (「是否存在…」, 「是否受到过…」) is read without a new word list.
 */
function ownVerbYes(kb: KnowledgeData, rawText: string, pending: QuestionView | null): Interpretation | undefined {
  if (!pending || pending.kind !== 'yesNo') return undefined;
  const verb = ASKED_VERB.exec(normalise(pending.text).text)?.[1];
  if (!verb) return undefined;
  const text = normalise(rawText).text;
  if (!text.includes(verb) || [...text].length > 30) return undefined;
  const v = vocabOf(kb);
  // The hedges are written with 有 (「可能有」「好像有」): their lead-in before a verb hedges it the same way (「可能发生过」).
  const hedged = kb.interview.vocabulary.hedges.some((h) => {
    const lead = h.split('有')[0]!;
    return h.includes('有') && [...lead].length >= 2 && text.includes(lead + verb);
  });
  if (hedged) return { kind: 'unclear', reason: 'hedge', choices: [rawText.trim()] };
  for (const re of [v.cues, v.hedges, v.skip, v.questionWords]) {
    if (!re) continue;
    re.lastIndex = 0;
    if (re.test(text)) return undefined;
  }
  return { kind: 'answers', items: [{ questionId: pending.id, value: true }] };
}

/**
 * 「…是独立法人，不属于任何集团，主营是农药中间体…的生产，…经营一直正常盈利。…今年也只打算报这一个。」: a paragraph
 * that states basic facts beyond the one asked is read for each of them. A question's clauses are those that
 * speak of it by its subject words (VocabularyFile `subjects`) and name no system; each is read as if that
 * question were asked, and an answer they all agree on is recorded as said in passing, so it fills the
 * question only while unanswered. The 省辖市 is read the same way when the paragraph names one city and no other.
 */
function withBasicFactsInPassing(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null, r: Interpretation): Interpretation {
  // 「没有受过处罚，信用没问题，…」 to the 独立法人 question answers another one: what it states is kept, and the
  // pending question, which it leaves unanswered, is asked again. A reply with a reason of its own (a correction,
  // a hedge, a lookalike) is left to that reason.
  const unanswered = r.kind === 'unclear' && (r.reason === undefined || r.reason === 'notAnAnswer');
  // 「在郑州注册的对吧」: a reply that answers and also asks states its facts all the same; only the place it is
  // registered in is read from it, from its clauses that do not ask (the tag dropped), since the rest may be the question's premise.
  const asking = r.kind === 'answers' && !!r.asks;
  if (r.kind !== 'answers' && !unanswered) return r;
  // Only while the basic conditions are asked: a short reply about a system (「有，木头加工车间在用」) says
  // nothing of the main business.
  const idx = indexOf(kb);
  if (pending && idx.questions.get(pending.id)?.phase !== 'hard') return r;
  const said = spacesAsClauseBreaks(understanderFor(kb).understand(rawText.normalize('NFKC').slice(0, 4000).trim()).text);
  const text = asking ? withoutTagQuestions(kb, said).text : said;
  const clauses = text.split(/[，,。；;！!？?\n]+/u).map((c) => c.trim()).filter((c) => c && !(asking && isQuestion(kb, c)));
  const items = r.kind === 'answers' ? r.items : [];
  const taken = new Set([...items.map((i) => i.questionId), ...(pending ? [pending.id] : [])]);
  const added: Interpretation & { kind: 'answers' } = r.kind === 'answers' ? { ...r, items: [...r.items] } : { kind: 'answers', items: [] };
  const byQuestion = subjectWords(kb);
  const namesSystem = (c: string) => findAll(idx.aliasRegex, c.toLowerCase()).length > 0;
  // A statement made of several questions at once (「信用没问题」, a description of 「ent.credit.*」) is blanket.
  const blanketWords = kb.interview.vocabulary.describes.filter((d) => d.question.endsWith('*') && !d.alone).flatMap((d) => d.words.map((w) => w.toLowerCase()));
  const blanket = (c: string) => blanketWords.some((w) => c.includes(w));
  // A condition that concerns only some applicants (the titled workshop) is asked once it concerns this one: a
  // clause of a paragraph about something else (「另一个车间明年再说」) does not answer it.
  const guarded = new Set(Object.values(kb.categoryRules.hard).filter((h) => h.only).map((h) => h.fact));
  // The questions a clause may answer in passing: a guarded one's words (称号 of the titled workshop) single out no other.
  const answerable = new Map([...byQuestion].filter(([id]) => !guarded.has(idx.questions.get(id)?.sets ?? '')));
  // The other questions' subjects are read from a paragraph (three clauses or more) or from a reply that does not
  // answer the pending question: in a short answer (「是的，信用没问题」) the rest only backs the answer up.
  // 「失信名单没有 税收黑名单也没有」: a short answer whose other clause singles out another question against the pending
  // one (税, no word of the 失信 list's own) answers that question too.
  const pendingWords = pending ? (byQuestion.get(pending.id) ?? []) : [];
  const paired = !unanswered && clauses.length === 2 && pendingWords.length > 0;
  for (const [id, words] of !asking && (clauses.length >= 3 || unanswered || paired) ? byQuestion : new Map<string, string[]>()) {
    const spec = idx.questions.get(id);
    if (taken.has(id) || !spec || guarded.has(spec.sets)) continue;
    const view = viewOf(spec, category);
    const values = new Set<string>();
    let value: AnswerValue | undefined;
    // In a reply that does not answer the pending question, a subject word the pending question shares (列入, asked
    // whether the tax list has the enterprise) is the pending question's: it says nothing sure of the others.
    const own = unanswered && pending ? (byQuestion.get(pending.id) ?? []) : [];
    for (const c of clauses) {
      if (!words.some((w) => c.toLowerCase().includes(w) && !own.includes(w)) || namesSystem(c)) continue;
      // 「安全生产从来没出过事故」: a clause about a lookalike of another basic question (an accident, a penalty) says its
      // no of that, not of a subject word it holds in passing (the 生产 of 安全生产 is no main business).
      if (otherLookalikeIn(kb, id, c.toLowerCase())) continue;
      if (paired && clauses.length < 3 && !pairedClause(kb, c.toLowerCase(), words, pendingWords)) continue;
      // 「失信名单没有」 names one list by its short name: the words it shares with the other lists (失信, 名单) answer none of them.
      if (!singlesOut(answerable, id, c.toLowerCase())) continue;
      const read = readReply(kb, c, view, category);
      const item = read.kind === 'answers' && !read.asks ? read.items.find((i) => i.questionId === id && !i.extra) : undefined;
      if (!item || item.value === null) continue;
      values.add(JSON.stringify(item.value));
      value = item.value;
    }
    if (values.size === 1 && value !== undefined) added.items.push({ questionId: id, value, extra: true });
  }
  // 「是，我们是搞汽车零部件的」 to the main-business question names the trade as it says yes: the trade its words
  // name is the industry asked later. Only words decide it here; a figure in such a reply is a share or a sum.
  const industry = kb.interview.questions.find((q) => q.sets === 'enterprise.industryCode');
  const mainBusiness = [...added.items].find((i) => idx.questions.get(i.questionId)?.sets === 'enterprise.manufacturingMainBusiness');
  if (industry && !asking && !taken.has(industry.id) && mainBusiness?.value === true && !/\d/.test(text)) {
    const code = tradeInPassing(kb, text);
    if (code) added.items.push({ questionId: industry.id, value: code, extra: true });
  }
  // The 省辖市 is read from a paragraph, or from a reply that says the enterprise is registered in Henan
  // (「是的，在河南新乡注册的」): the place it is registered in is the city asked later.
  const registered = items.some((i) => i.questionId === vocabOf(kb).registration.question && i.value === true);
  const city = kb.interview.questions.find((q) => q.sets === 'enterprise.city');
  const county = kb.interview.questions.find((q) => q.sets === 'enterprise.county');
  if (city && !taken.has(city.id) && ((!asking && clauses.length >= 3) || registered)) {
    // 「集团另一个子公司在郑州报车间」: a clause that names another body (集团, 子公司, 工厂) locates that, not the enterprise.
    const vocab = vocabOf(kb);
    const lower = clauses.filter((c) => !findAll(vocab.registration.otherUnits, c.toLowerCase()).length).join('，').toLowerCase();
    const says = (g: (typeof kb.regions.regions)[number]) => [g.name, g.short, ...g.aliases].some((w) => w.length > 1 && lower.includes(w.toLowerCase()));
    const named = new Set(kb.regions.regions.filter((g) => !LOCAL_KINDS.has(g.kind) && says(g)).map((g) => g.name));
    // 「是，咱是滑县哩」: a 县 or 县级市 names its 省辖市 too, so one county named and no other city is both answers.
    const counties = kb.regions.regions.filter((g) => (g.kind === '县' || g.kind === '县级市') && g.prefecture && says(g));
    const countyNamed = counties.length === 1 && [...named].every((n) => n === counties[0]!.prefecture) ? counties[0]! : undefined;
    // 「是，建安区的」: a 市辖区 names its 省辖市 as well, but fills in no county (its city recommends it, 四(三)). Districts
    // of two cities named, or a district beside another city, leave the city to be asked.
    const districtCities = new Set(kb.regions.regions.filter((g) => g.kind === '市辖区' && g.prefecture && says(g)).map((g) => g.prefecture!));
    const districtCity = !counties.length && districtCities.size === 1 && [...named].every((n) => districtCities.has(n)) ? [...districtCities][0]! : undefined;
    const away = placesAway(kb, vocab.registration.elsewhere, text.toLowerCase()).length > 0;
    if (!away && countyNamed) {
      added.items.push({ questionId: city.id, value: countyNamed.prefecture!, extra: true });
      if (county && !taken.has(county.id)) added.items.push({ questionId: county.id, value: countyNamed.name, extra: true });
    } else if (named.size === 1 && !away) added.items.push({ questionId: city.id, value: [...named][0]!, extra: true });
    else if (districtCity && !away) added.items.push({ questionId: city.id, value: districtCity, extra: true });
  }
  return added.items.length > items.length ? added : r;
}

/**
 * What a self-assessment question is about: the systems that bear on it (VocabularyFile `selfEvidence`) and the words of
 * the metric it judges, the metric question serving the same clause (`metricSubjects`, `metricAliases`), lower case.
 */
function selfSubjectOf(kb: KnowledgeData, questionId: string): { evidence: CapabilityId[]; words: string[] } | undefined {
  const v = kb.interview.vocabulary;
  const evidence = v.selfEvidence[questionId];
  if (!evidence) return undefined;
  const clause = kb.interview.questions.find((q) => q.id === questionId)?.clause;
  const metric = kb.interview.questions.find((q) => q.id.startsWith('metric.') && q.clause === clause)?.id;
  const words = metric ? [...(v.metricSubjects[metric] ?? []), ...(v.metricAliases[metric] ?? [])].map((w) => w.toLowerCase()) : [];
  return { evidence, words };
}

/**
 * Whether a reply to a self-assessment names only systems that bear nothing on it (「上了ERP」 to whether equipment
 * networking is advanced) and no word of its metric: a yes said with them is theirs, not the rate's.
 */
function restsElsewhere(kb: KnowledgeData, questionId: string, mentions: Mention[], lower: string): boolean {
  const self = selfSubjectOf(kb, questionId);
  return !!self && mentions.length > 0 && !mentions.some((m) => m.caps.some((c) => self.evidence.includes(c))) && !self.words.some((w) => lower.includes(w));
}

/** Whether a clause holds a lookalike word (VocabularyFile `lookalikes`) of a basic question other than this one. */
export function otherLookalikeIn(kb: KnowledgeData, questionId: string, lower: string): boolean {
  return kb.interview.vocabulary.lookalikes.some((l) => l.question.startsWith('ent.') && !lookalikeOf(l, questionId) && l.words.some((w) => lower.includes(w.toLowerCase())));
}

/** Each question's subject words (VocabularyFile `subjects`), lower case. */
function subjectWords(kb: KnowledgeData): Map<string, string[]> {
  let byQuestion = subjectsBuilt.get(kb);
  if (byQuestion) return byQuestion;
  byQuestion = new Map<string, string[]>();
  for (const s of kb.interview.vocabulary.subjects) byQuestion.set(s.question, [...(byQuestion.get(s.question) ?? []), ...s.words.map((w) => w.toLowerCase())]);
  subjectsBuilt.set(kb, byQuestion);
  return byQuestion;
}
const subjectsBuilt = new WeakMap<KnowledgeData, Map<string, string[]>>();

/**
 * 「税收黑名单也没有」 beside an answer to the 失信 question: a clause that names another question by a word the pending
 * question does not share, none of the pending question's own, and ends in its answer word (a remark such as
 * 「不过是国企集团控股的」 does not) answers that question.
 */
function pairedClause(kb: KnowledgeData, clause: string, words: string[], pendingWords: string[]): boolean {
  if (!words.some((w) => clause.includes(w) && !pendingWords.includes(w)) || pendingWords.some((w) => clause.includes(w) && !words.includes(w))) return false;
  const last = findAll(vocabOf(kb).cues, clause).at(-1);
  return !!last && STATED_TAIL.test(clause.slice(last.end)) && !findAll(vocabOf(kb).contrast, clause).length;
}

/**
 * Whether a clause speaks of this question in particular among the questions whose subject words it holds: one of
 * its words there is not a word of every other question it speaks of. 「信用没问题」 holds only 信用, a word of all
 * three credit lists, so it answers none of them in passing (each is asked, as 二(四) names each list), while
 * 「没被列入失信被执行人」 singles out the 失信被执行人 list by 被执行.
 */
function singlesOut(byQuestion: Map<string, string[]>, id: string, clause: string): boolean {
  // A word inside a longer subject word found where it stands is that word's (失信 in 严重违法失信, 失信名单 beside it).
  const found = [...byQuestion].flatMap(([q, ws]) => ws.flatMap((w) => spansOf(clause, w).map((s) => ({ q, w, ...s }))));
  const standing = found.filter((f) => !found.some((g) => g.w.length > f.w.length && g.start < f.end && f.start < g.end && !byQuestion.get(f.q)!.includes(g.w)));
  const wordsOf = (q: string) => new Set(standing.filter((f) => f.q === q).map((f) => f.w));
  const mine = [...wordsOf(id)];
  const others = [...byQuestion.keys()].filter((q) => q !== id && wordsOf(q).size > 0).map((q) => byQuestion.get(q)!);
  return mine.length > 0 && (others.length === 0 || mine.some((w) => !others.every((ws) => ws.includes(w))));
}

/**
 * The systems of a clause that says one is not yet joined to another (「SCADA还没接到MES里」「ERP还没跟MES对接」), each
 * side by whether it stands before the no or after it, or undefined. Every no must lead into a join word, with only the
 * other system's name and a linking word (跟, 到, 进) between: 「MES还没上，ERP有」 joins nothing.
 */
function directedJoin(words: string[], seg: Span, segText: string, ms: Mention[], cs: { start: number; end: number; pol: Polarity }[]): { from: CapabilityId[]; to: CapabilityId[] } | undefined {
  const joins = words.flatMap((w) => spansOf(segText, w.toLowerCase()).map((sp) => ({ start: sp.start + seg.start, end: sp.end + seg.start })));
  const joinAt = joins.map((j) => j.start);
  const lacks = cs.filter((x) => x.pol !== true);
  // A yes inside a join word (the 对 of 对接) is part of it, not an answer.
  if (!lacks.length || cs.some((x) => x.pol === true && !joins.some((j) => x.start >= j.start && x.end <= j.end))) return undefined;
  const leads = (x: Span) =>
    joinAt.some((j) => {
      if (j < x.start) return false;
      let between = segText.slice(x.end - seg.start, j - seg.start);
      for (const m of ms) if (m.start >= x.end && m.end <= j) between = between.replace(segText.slice(m.start - seg.start, m.end - seg.start), '');
      return /^[\s跟和与同向往到进入]*$/u.test(between);
    });
  if (!lacks.every(leads)) return undefined;
  const from = ms.filter((m) => m.end <= lacks[0]!.start).flatMap((m) => m.caps);
  const to = ms.filter((m) => m.start >= lacks[lacks.length - 1]!.end).flatMap((m) => m.caps);
  return from.length && to.length ? { from, to } : undefined;
}

function spansOf(text: string, word: string): Span[] {
  const out: Span[] = [];
  for (let i = text.indexOf(word); word && i >= 0; i = text.indexOf(word, i + 1)) out.push({ start: i, end: i + word.length });
  return out;
}

function readReply(kb: KnowledgeData, rawText: string, pending: QuestionView | null, category: Category | null = null): Interpretation {
  const idx = indexOf(kb);
  const vocab = vocabOf(kb);
  const typed = rawText.normalize('NFKC').slice(0, 4000).trim();
  if (!typed) return { kind: 'unclear' };
  // Read as typed: the understanding step drops greetings as fillers.
  if (isGreeting(kb, typed)) return { kind: 'unclear', reason: 'greeting' };
  // The one understanding step: simplified script, repaired typos and expanded abbreviations
  // (營業執照, zncj), so the words below match what was meant. A text answer keeps what was typed.
  const understood = withoutQuotedAsking(kb, understanderFor(kb).understand(typed).text.trim());
  const tagged = withoutTagQuestions(kb, understood);
  if (tagged.asks) {
    const r = readReply(kb, tagged.text, pending, category);
    // 「用总公司名义报行不行」: asking whether a course the notice rules out is allowed is no decision to take it, so
    // the value that would fail a hard condition is not stored from it; the question is answered and asked again.
    if (r.kind === 'answers' && pending && !opensWithBareAnswer(kb, spacesAsClauseBreaks(tagged.text)) && courseAsked(kb, tagged.text, pending, category)) return { kind: 'question' };
    return r.kind === 'answers' ? { ...r, asks: true } : r.kind === 'unclear' ? { kind: 'question' } : r;
  }
  const asTyped = tagged.text;
  if (isInstruction(kb, asTyped)) return { kind: 'unclear', reason: 'instruction' };
  // 「我们申报的是发酵车间」 at a capability's yes/no item says which workshop applies; its 是 is a name's, not a yes to the
  // item. The 另有申报 question asks of another application: 「我们这次报的是总装车间」 names this one and answers it no more.
  // Nor does it say whether the workshop is the one titled before (已获称号车间), unless the question's own words for an
  // answer go with it (「换成总装车间来报」「就报原来那个总装车间」); another one said to apply (「报的是其他车间」) reads as it would.
  const titled = pending ? titledReply(kb, vocab, asTyped, pending, category) : undefined;
  if (titled) return titled;
  const another = pending?.id === kb.interview.vocabulary.anotherOfThisNotice?.question;
  const capability = (pending?.id.startsWith('cap.') || another) && (pending?.kind === 'yesNo' || pending?.kind === 'yesNoPartial');
  const besideAnswer = !!pending && vocab.partScope.answeredBeside.includes(pending.id);
  // 「是，报的就是总装车间」 there opens with its answer, the name beside it (read below).
  const unit = capability || (besideAnswer && !opensWithBareAnswer(kb, spacesAsClauseBreaks(asTyped))) ? applyingUnitNamed(vocab, asTyped) : undefined;
  // 「报的是另一个车间」 says the applying workshop is not the one in mind, and answers the item no more than a name does.
  if (unit?.other && capability) return { kind: 'unclear' };
  const described = unit && !unit.other && !capability ? describedValue(kb, pending!.id, asTyped.toLowerCase(), asTyped.toLowerCase(), []) : undefined;
  if (typeof described === 'boolean') return { kind: 'answers', items: [{ questionId: pending!.id, value: described }], unit: unit!.name };
  if (unit && !unit.other) return { kind: 'unclear', reason: 'applyingUnit', choices: [unit.name] };
  // 「没有，我们这次报的是总装车间」 at the 另有申报 question, 「不是，这次报的是总装车间」 at the 已获称号车间 one: the name in
  // a clause of its own is read apart, and the rest answers.
  const beside = besideAnswer ? applyingUnitBeside(vocab, asTyped) : undefined;
  if (beside) {
    const r = interpretAsTyped(kb, beside.rest, pending, category);
    return r.kind === 'answers' ? { ...r, unit: beside.name } : { kind: 'unclear', reason: 'applyingUnit', choices: [beside.name] };
  }
  // 「没有。不对，是有，去年上线的」: a correction after an answer takes that answer back; what follows it is the reply.
  const corrected = afterCorrection(kb, asTyped, pending?.kind === 'number' ? (pending.unit ?? '') : undefined);
  if (corrected !== undefined) {
    const r = readReply(kb, corrected, pending, category);
    return r.kind === 'answers' || r.kind === 'question' ? r : { kind: 'unclear' };
  }
  // A run of answer and question (「有的 视频要多长」) is split at its spaces by the reading beside a question.
  if (isQuestion(kb, asTyped)) return answeredBeside(kb, asTyped, pending, category) ?? { kind: 'question' };
  // An answer typed without marks reads as the same answer with them (「不是的 我们就一个公司」).
  const text = spacesAsClauseBreaks(asTyped);
  const lower = text.toLowerCase();
  const chars = lower.split('');
  // Work on UTF-16 indices consistently: the regexes below run over the same string.
  const work = () => chars.join('');

  // Metric names first (联网率 must not be read as a capability), then capabilities, then the words to ignore.
  const metricHits = findAll(vocab.metrics.regex, lower);
  maskSpans(chars, metricHits, '\u0003');
  maskSpans(chars, findAll(vocab.notMentions, work()), '\u0002');
  const mentions: Mention[] = [];
  const counted = new Set<string>();
  const uncounted = new Set<string>();
  for (const h of findAll(idx.aliasRegex, work())) {
    // 「用友财务软件」 names a vendor's finance package, not its ERP (see lookalikeAfter).
    const after = lower.slice(h.end, h.end + 40);
    const caps = idx.aliasCaps.get(h.word.toLowerCase())?.filter((c) => !lookalikeAfter(kb, c, after));
    // 「自动化设备260台，联上网的有221台」: a name counted says how many devices there are, not that the capability it may
    // name is in place. It is still a name (its 有 answers no other question), but records nothing of its own below.
    // A line counted in lines (「柔性线有一条」「自动化线两条」) is different: the lines counted are in place.
    const linesCounted = h.word.endsWith('线') && LINES_COUNTED.test(after);
    // So does a name in a share (「联网的占自动化设备的85%」「自动化设备占七成」): it names what is counted, part or whole.
    const shared = SHARE_CLAUSE.test(clauseAround(lower, h.start, h.end));
    if (caps?.length && (COUNT_AFTER.test(after) || shared) && !linesCounted) for (const c of caps) counted.add(`cap.${c}`);
    else if (caps?.length) for (const c of caps) uncounted.add(`cap.${c}`);
    if (caps?.length) mentions.push({ start: h.start, end: h.end, caps: widened(kb, caps, clauseAround(lower, h.start, h.end), lower) });
  }
  // 「MES去年上的，ERP用的用友U8，俩系统通了」: a word for "the two systems" names the two named last before it, so its
  // clause is read as naming them (their join made here). With fewer than two named before it, it names none.
  for (const h of findAll(vocab.pairRefs, work())) {
    const named = mentions.filter((m) => m.end <= h.start).reverse();
    const last = named[0];
    const other = last ? named.find((m) => m.caps.some((c) => !last.caps.includes(c))) : undefined;
    if (last && other) mentions.push({ start: h.start, end: h.end, caps: [...new Set([...other.caps, ...last.caps])] });
  }
  mentions.sort((a, b) => a.start - b.start);
  maskSpans(chars, mentions, '\u0001');
  // 「差不多有吧」「不太好说」: the enterprise is not sure. Found before the answer words, so their 有 and 不
  // are read as neither a yes nor a no; what they speak for is left unrecorded below.
  // A fact stated for the pending question that holds a hedge word (「不敢说先进」 to a self-assessment, a modest no)
  // is that fact, not a hedge.
  const v = kb.interview.vocabulary;
  const stated = pending ? [...v.statedFacts, ...v.describes.filter((d) => !d.alone)].filter((f) => lookalikeOf(f, pending.id)).flatMap((f) => f.words.map((w) => w.toLowerCase())) : [];
  const statedSpans = stated.flatMap((w) => { const at = lower.indexOf(w); return at >= 0 ? [{ start: at, end: at + w.length }] : []; });
  const hedgeHits = findAll(vocab.hedges, work()).filter((h) => !statedSpans.some((sp) => sp.start <= h.start && h.end <= sp.end));
  maskSpans(chars, hedgeHits, '\u0002');
  const skipHits = findAll(vocab.skip, work());
  maskSpans(chars, skipHits, '\u0004');
  // 「上一个说错了，其实有」 corrects the answer before; the pending question is not what it answers.
  const previousHits = findAll(vocab.previousRefs, work());
  // A correction word ends its phrase: 「不对，…」 corrects, 「不对接」 denies an interface.
  // 「前面那题改成没有」: after a word that points back, 改成 and 改为 are followed by the new value itself.
  const correctionHits = findAll(vocab.corrections, work()).filter((h) => CORRECTION_END.test(lower.slice(h.end)) || (previousHits.length > 0 && RESTATES.test(h.word)));
  if (pending && previousHits.length && correctionHits.length && !mentions.length && !metricHits.length) {
    // 「称号没得过 刚才说的意思是想报智能工厂」 while the title question is asked back: what it clarifies is the pending
    // question, named by its subject words; the rest is read as its answer.
    const speaksOfPending = kb.interview.vocabulary.subjects.some((x) => x.question === pending.id && x.words.some((w) => lower.includes(w.toLowerCase())));
    if (!speaksOfPending) return { kind: 'unclear', reason: 'previous' };
    const rest = [...previousHits, ...correctionHits].sort((a, b) => b.start - a.start).reduce((t, h) => t.slice(0, h.start) + '，' + t.slice(h.end), text);
    const r = readReply(kb, rest, pending, category);
    return r.kind === 'answers' && r.items.some((i) => i.questionId === pending.id) ? r : { kind: 'unclear', reason: 'previous' };
  }
  // 「不对，APC应该是部分有」: the 不对 corrects what is named, it is no answer to the pending question.
  if (mentions.length || metricHits.length) maskSpans(chars, correctionHits, '\u0002');
  // 「就是用得少」: a mask word (就是用, which introduces the means used) whose last character opens a partial answer
  // word is no mask there; the partial word is the answer. 「十几个车间」 keeps its mask: 几个车间 starts inside it.
  const partialWords = findAll(vocab.cues, work()).filter((h) => vocab.polarity.get(h.word.toLowerCase()) === 'partial');
  maskSpans(chars, findAll(vocab.mask, work()).filter((m) => !partialWords.some((p) => p.start === m.end - 1 && p.end > m.end)), '\u0002');
  // 「联网的有六十台左右」 to a self-assessment (是否达到省内行业先进水平): a 有 before a count says how many of something
  // there are, not that the level is reached, so it is no yes there and the question is asked again.
  if (pending?.kind === 'yesNo' && idx.questions.get(pending.id)?.sets.startsWith('selfAssessment.')) maskSpans(chars, findAll(HAS_COUNT, work()).map((h) => ({ start: h.start, end: h.start + 1 })), '\u0002');
  const masked = work();
  const upgrades = kb.interview.vocabulary.upgrades.map((w) => w.toLowerCase());
  const atEnd = new Set(kb.interview.vocabulary.partialAtEnd.map((w) => w.toLowerCase()));
  const clauseOf = (at: number) => masked.slice(Math.max(0, masked.slice(0, at).search(/[^，,。；;！!\n]*$/)), at + (masked.slice(at).search(/[，,。；;！!\n]|$/)));
  const cues: Cue[] = findAll(vocab.cues, masked)
    .map((h) => ({ start: h.start, end: h.end, pol: vocab.polarity.get(h.word.toLowerCase())! }))
    // 「MES明年升级」: the upgrade is what is to come, not the system, so the time says nothing of it.
    .filter((c) => c.pol !== 'future' || !upgrades.some((w) => clauseOf(c.start).includes(w)))
    // 「有的没有」 says some parts lack it only where it ends its clause (「有的产品有条码，有的没有」);
    // with more after it the 没 negates that (「有些没达到」, 「有的没有亏损」), and is read as the no it is.
    .map((c): Cue => {
      if (c.pol !== 'partial' || CLAUSE_END.test(masked.slice(c.end))) return c;
      if (atEnd.has(masked.slice(c.start, c.end))) return { ...c, pol: true };
      const m = SOME_LACK.exec(masked.slice(c.start, c.end));
      return m ? { start: c.start + m.index + m[0].length - m[1]!.length, end: c.end, pol: false } : c;
    });
  // 「正在给我们部署」: a progress word in a clause that says a build is under way is that build, not a part in use.
  const underway = new Set(kb.interview.vocabulary.underway.map((w) => w.toLowerCase()));
  for (const c of cues) {
    if (c.pol !== 'partial' || !underway.has(masked.slice(c.start, c.end))) continue;
    // Its clause, and the clause from its second character on: 「正在调试」 holds 在调试 across the progress word.
    const isFuture = (t: string) => findAll(vocab.cues, t).some((h) => vocab.polarity.get(h.word.toLowerCase()) === 'future');
    if (isFuture(clauseOf(c.start)) || isFuture(masked.slice(c.start + 1).split(/[，,。；;！!\n]/u)[0]!)) c.pol = 'future';
  }
  // 「在一台龙门铣上试点了俩月还没推广」: a pilot kept to one spot, or not rolled out, is a try; the system is not in use.
  const trial = kb.interview.vocabulary.trialConfined;
  for (const c of cues) {
    if (c.pol !== 'partial' || !trial.words.some((w) => masked.slice(c.start, c.end).includes(w.toLowerCase()))) continue;
    // Its sentence: 「试点了半年，没铺开」 says the pilot stayed one in the clause after it.
    const from = Math.max(...[...'。；;！!？?\n'].map((x) => lower.lastIndexOf(x, c.start - 1))) + 1;
    const stop = lower.slice(c.end).search(/[。；;！!？?\n]/u);
    const sentence = lower.slice(from, stop < 0 ? lower.length : c.end + stop);
    if (trial.confined.some((w) => sentence.includes(w.toLowerCase()))) c.pol = 'tried';
  }
  // 「安灯就总装线有」: a yes confined to one part of the plant is partly built (VocabularyFile `partScope`).
  // Read before masking: 只有 is masked so that its 有 is no yes, yet it restricts.
  const scoped = partScopeCues(vocab, lower, category);
  // 「就一条自动化线」: a part that ends in a system's name confines that system, from before the name.
  cues.push(...scoped.cues.map((c) => {
    const m = mentions.find((x) => c.start < x.start && c.end > x.start);
    return m ? { ...c, end: m.start } : c;
  }));
  // 「有一台AGV」「AGV就一台」: one unit of a system the notice asks of the plant's flow (VocabularyFile `singleUnit`) is
  // a trial, not the plant's logistics: partly built. Not under a no (「一台AGV都没有」).
  for (const su of kb.interview.vocabulary.singleUnit) {
    for (const m of mentions.filter((x) => x.caps.some((c) => su.questions.includes(`cap.${c}`)))) {
      const clause = clauseAround(masked, m.start, m.end);
      if (findAll(vocab.cues, clause).some((h) => vocab.polarity.get(h.word.toLowerCase()) === false)) continue;
      const near = masked.slice(Math.max(0, m.start - 4), m.end + 5);
      const word = su.words.find((w) => near.includes(w.toLowerCase()));
      if (word) cues.push({ start: m.start, end: m.start, pol: 'partial' });
    }
  }
  // 「三成左右的车间有」「80%的设备联了」: a share of the plant below the whole is partly built. A rate named
  // (联网率85%) is that metric's figure, and a number question reads its figure on its own.
  if (!metricHits.length && (pending === null || pending.kind === 'yesNoPartial')) {
    const results = wordRegex(kb.interview.vocabulary.resultRates);
    for (const n of findQuantities(lower)) {
      if (n.unit !== '%' || n.value <= 0 || n.value >= 100) continue;
      // 「准确率九成多」: a result of the system, not a share of the plant it covers.
      if (findAll(results, lower.slice(Math.max(0, n.index - 6), n.index)).length) continue;
      cues.push({ start: n.index, end: n.index + n.text.length, pol: 'partial' });
    }
    // 「八成车间」: a share said right before a part of the plant, which the figure reader leaves as no figure.
    const parts = vocab.partScope.parts.length ? new RegExp(`[一二两三四五六七八九]成(?=(?:${alternationOf(vocab.partScope.parts)}))`, 'gu') : null;
    for (const h of findAll(parts, lower)) cues.push({ start: h.start, end: h.end, pol: 'partial' });
  }
  // 「没有LIMS 就ERP」: the system right after an "only" word is in place, apart from the no before it.
  // Words that hold an "only" word without restricting (早就有, 就是) are taken out first.
  const unrestricted = vocab.partScope.notRestricting ? lower.replace(vocab.partScope.notRestricting, (w) => '\u0002'.repeat(w.length)) : lower;
  const onlyNamed = vocab.onlyBefore
    ? mentions.flatMap((m) => {
        const before = unrestricted.slice(Math.max(0, m.start - 8), m.start);
        const hit = vocab.onlyBefore!.exec(before);
        return hit ? [{ m, start: m.start - hit[0].length }] : [];
      })
    : [];
  for (const o of onlyNamed) if (!cues.some((c) => c.start < o.m.start && c.end > o.start)) cues.push({ start: o.start, end: o.m.start, pol: true });
  cues.sort((a, b) => a.start - b.start);
  // 「我们是做化工的」「就是一家民营企业」 to the 失信 question: a 是 with more said after it in its clause is
  // the copula of a description, not a yes, unless the words after it restate the question (「是在河南注册的」,
  // 「是以集团名义报」) or name a system (「是MES」).
  const particles = [...kb.interview.vocabulary.yesParticles].sort((a, b) => b.length - a.length);
  // Mask characters (a hedge, a skip word) are no words of their own.
  const particlesOnly = (after: string) => particles.reduce((rest, w) => rest.split(w).join(''), after).replace(/[\s\u0002\u0004]/gu, '') === '';
  if (pending && (pending.kind === 'yesNo' || pending.kind === 'yesNoPartial') && !kb.interview.vocabulary.describedByCopula.includes(pending.id)) {
    for (let i = cues.length - 1; i >= 0; i--) {
      const c = cues[i]!;
      if (c.pol !== true || masked.slice(c.start, c.end) !== '是') continue;
      // A space ends the answer as a comma does: 「是 尼龙切片和工业丝」.
      const after = masked.slice(c.end).split(/[\s，,。；;！!？?]/u)[0]!;
      // 「是郑州的」 to where the enterprise is registered names a place in Henan: that is the answer asked for.
      const registration = pending.id === vocab.registration.question;
      const home = registration && vocab.registration.home !== null && findAll(vocab.registration.home, after).length > 0;
      // 「是信用中国上查过没问题」「是河南省外的」: words of the question said with a no, or a place outside, are no yes.
      // Read unmasked: 没问题 is masked as no answer of its own, yet it says the words before it are no yes.
      const said = lower.slice(c.end, c.end + after.length);
      const against =
        findAll(vocab.cues, said).some((h) => vocab.polarity.get(h.word.toLowerCase()) === false) ||
        (registration && vocab.registration.elsewhere !== null && placesAway(kb, vocab.registration.elsewhere, after).length > 0);
      if (particlesOnly(after) || after.includes('\u0001') || (!against && (home || sharesSubject(pending, after)))) continue;
      cues.splice(i, 1);
    }
  }

  // Segments: punctuation and contrast words (但是, 不过…) end a scope of negation.
  const contrastHits = findAll(vocab.contrast, masked);
  const cuts: { at: number; contrast: boolean }[] = [];
  for (let i = 0; i < masked.length; i++) if (/[，,。；;！!\n]/.test(masked[i])) cuts.push({ at: i, contrast: false });
  for (const c of contrastHits) cuts.push({ at: c.start, contrast: true });
  cuts.sort((a, b) => a.at - b.at);
  const segments: { start: number; end: number; contrast: boolean }[] = [];
  let from = 0;
  let contrast = false;
  for (const c of cuts) {
    if (c.at > from) segments.push({ start: from, end: c.at, contrast });
    from = c.contrast ? c.at : c.at + 1;
    contrast = c.contrast;
  }
  if (from < masked.length) segments.push({ start: from, end: masked.length, contrast });

  const capValues = new Map<CapabilityId, CapValue>();
  const freeAnswers: { pol: Polarity; seg: number }[] = [];
  // The systems a clause naming none qualifies (「WMS上了但还没交付」: its 还没交付 is said of the WMS), by clause.
  const qualified = new Map<number, CapabilityId[]>();
  const composites: { id: CapabilityId; value: CapValue; members: CapabilityId[]; directed?: true; seg?: number }[] = [];
  const joins: { within: CapabilityId; caps: CapabilityId[]; value: CapValue; ofJoin: boolean }[] = [];
  type Group = { ms: Mention[]; pre: Polarity[]; post: Polarity[] };
  // `carried`: the group a clause naming no system qualified (「APC还没上，只是在规划，明年才做」), which the next such clause qualifies too.
  const segGroups: { groups: Group[]; mentionOnly: boolean; contrast: boolean; carried?: Group }[] = [];
  // 「另外的申报没有」 to whether another application is made: an "other" word inside a subject word of the pending
  // question names what it asks about, not unnamed systems.
  const ownSubjects = pending ? kb.interview.vocabulary.subjects.filter((x) => x.question === pending.id).flatMap((x) => x.words.map((w) => w.toLowerCase())) : [];
  const subjectSpans = ownSubjects.flatMap((w) => [...lower.matchAll(new RegExp(escapeRegex(w), 'gu'))].map((m) => ({ start: m.index, end: m.index + w.length })));
  const others = findAll(vocab.others, masked).filter((o) => !subjectSpans.some((sp) => sp.start <= o.start && o.end <= sp.end));

  const exceptions = findAll(vocab.exceptions, masked);
  // 「ERP和MES集成了，SCADA还没有」: a clause that is nothing but names and a no ending it, after a clause of the same
  // sentence that joins systems, goes on with that join word left out. The systems it names are not yet joined, which
  // says nothing of whether they are there, so their own questions keep what they had (`elidedCaps`).
  const elidedCaps = new Map<CapabilityId, number>();
  const elidedJoin = (words: string[], si: number): boolean => {
    const seg = segments[si];
    const prev = segments[si - 1];
    if (!seg || !prev || /[。；;！!？?\n]/u.test(masked[prev.end] ?? '')) return false;
    const has = (t: string) => words.some((w) => t.includes(w.toLowerCase()));
    if (!has(lower.slice(prev.start, prev.end)) || has(lower.slice(seg.start, seg.end))) return false;
    const ms = mentions.filter((m) => m.start >= seg.start && m.end <= seg.end);
    const cs = cues.filter((c) => c.start >= seg.start && c.end <= seg.end);
    // The no must be bare (没有, 还没呢): 「SCADA也没有上」 carries its own verb and denies the SCADA itself.
    if (!ms.length || !cs.length || cs.some((c) => c.pol !== false || !BARE_NO.test(lower.slice(c.start, c.end)))) return false;
    const covered = [...ms, ...cs, ...contrastHits];
    let rest = '';
    for (let i = seg.start; i < seg.end; i++) if (!covered.some((x) => i >= x.start && i < x.end)) rest += lower[i];
    // Only particles may be left: 「SCADA还没有上」 says the SCADA itself is not there.
    return rest.replace(/[\s还也都呢啊呀吧了的、和与跟及,，]/gu, '') === '';
  };
  for (const seg of segments) {
    const si = segGroups.length;
    // "除了AGV都有" names the one system it excludes: too easy to misread, so nothing is recorded from it.
    if (exceptions.some((x) => x.start >= seg.start && x.end <= seg.end)) {
      segGroups.push({ groups: [], mentionOnly: false, contrast: seg.contrast });
      continue;
    }
    const ms = mentions.filter((m) => m.start >= seg.start && m.end <= seg.end);
    const cs = cues.filter((c) => c.start >= seg.start && c.end <= seg.end);
    if (!ms.length) {
      const p = combine(cs.map((c) => c.pol));
      segGroups.push({ groups: [], mentionOnly: false, contrast: seg.contrast });
      if (p === undefined) continue;
      const prev = segGroups[segGroups.length - 2];
      const target = prev?.groups[prev.groups.length - 1] ?? prev?.carried;
      // 「定子线圈那条是柔性线，能换型号，转子那边还不行」: a lack said of a part may follow a clause that only goes on
      // describing the yes; the system it speaks of is then the one named a clause further back.
      const before = segGroups[segGroups.length - 3];
      const described = !target && !!prev && !prev.groups.length && !freeAnswers.some((a) => a.seg === segGroups.length - 2 && a.pol !== true);
      const reach = target ?? (described ? (before?.groups[before.groups.length - 1] ?? before?.carried) : undefined);
      // 「层压机有振动预警，别的设备还没」: "the other" machines, lines or workshops lacking is the rest of the
      // plant, so what the clause before has is only partly built. A workshop applicant's other workshops
      // are not the one applying: left as before.
      const restOfPlant = others.some((o) => {
        const after = lower.slice(o.end, o.end + 4);
        return o.start >= seg.start && o.end <= seg.end && !!vocab.restOfPlant?.test(after) && !(category === 'smartWorkshop' && vocab.otherWorkshops?.test(after));
      });
      if (restOfPlant && (p === false || p === 'partial')) {
        if (target) target.post.push('partial');
        else freeAnswers.push({ pol: 'partial', seg: segGroups.length - 1 });
        continue;
      }
      // 「防火墙有，应急响应那块还没弄」「生产区都覆盖了，老厂区那边还没拉网」「焊装线做过，全厂的没做」: a lack said of a
      // part (or of the whole) after a yes is the rest of what was said in place: partly built, not missing.
      const lack = p === false || p === 'planned' || p === 'future' || p === 'tried';
      const saidInPlace = target ? ![...target.pre, ...target.post].some((x) => x !== true && x !== 'partial') : freeAnswers.some((a) => a.pol === true || a.pol === 'partial');
      // A clause that gives a wider reach (全厂还没有 after 车间有工业以太网) answers for the wider capability, below.
      const widens = !!target && widened(kb, target.ms.flatMap((m) => m.caps), lower.slice(seg.start, seg.end), lower).some((c) => !target.ms.some((m) => m.caps.includes(c)));
      if (lack && saidInPlace && !widens && namesPart(vocab, lower.slice(seg.start, seg.end), category)) {
        if (target) target.post.push('partial');
        else freeAnswers.push({ pol: 'partial', seg: segGroups.length - 1 });
        continue;
      }
      if (lack && !target && reach && ![...reach.pre, ...reach.post].some((x) => x !== true && x !== 'partial') && namesPart(vocab, lower.slice(seg.start, seg.end), category)) {
        reach.post.push('partial');
        continue;
      }
      // 「DCS有，不是一个车间」 from a workshop applicant: a lack said of workshops after a yes leaves open whether the
      // applying workshop is among those that have it; asked again naming the words, as 「只有一个车间上了」 is.
      const ofOthers = others.some((o) => o.start >= seg.start && o.end <= seg.end);
      if (lack && saidInPlace && !widens && !ofOthers && category === 'smartWorkshop' && vocab.partScope.unitParts.some((w) => lower.slice(seg.start, seg.end).includes(w))) {
        // 「发酵车间有工业以太网，发酵车间的二楼还没拉」: the lack is of a part of the very workshop said to have it, so
        // whichever workshop applies, what it has is partly built.
        const before = [...lower.slice(0, seg.start).matchAll(/[\p{Script=Han}a-z0-9]{1,8}车间/gu)].map((m) => m[0]);
        if (namesWorkshopOf(lower.slice(seg.start, seg.end), before)) {
          if (target) target.post.push('partial');
          else freeAnswers.push({ pol: 'partial', seg: segGroups.length - 1 });
          continue;
        }
        scoped.unclear.push({ start: seg.start, end: seg.end });
        continue;
      }
      if (others.some((o) => o.start >= seg.start && o.end <= seg.end)) {
        // 「防火墙有，其他的还在建」: where the clause before named only parts the pending question lists
        // as its examples (如工业防火墙、网闸、入侵检测), "the others" are the rest of that same system,
        // which is then only partly built. Otherwise "其他都没有" speaks about systems nobody named:
        // nothing can be recorded from it.
        const parts = pending ? examplesOf(pending.text) : [];
        const cap = pending?.kind === 'yesNoPartial' && pending.id.startsWith('cap.') ? pending.id.slice(4) : undefined;
        const ofParts = (m: Mention) => cap !== undefined && m.caps.includes(cap as CapabilityId) && parts.some((x) => x.includes(lower.slice(m.start, m.end)));
        if (p !== true && target && parts.length >= 2 && target.ms.every(ofParts)) target.post.push('partial');
        continue;
      }
      // A clause right after a mention qualifies it: "AGV有两台，还没完全用起来"; one that names a
      // fact of its own does not: in "我们有ERP，不是子公司" the 不是 is about the company.
      const segText = lower.slice(seg.start, seg.end);
      const ownFact = kb.interview.vocabulary.statedFacts.some((f) => f.words.some((w) => segText.includes(w.toLowerCase())));
      // 「车间有工业以太网，全厂还没有」: a clause that gives a wider reach answers for the wider
      // capability (CapabilitiesFile `widens`), not for the system just named.
      const wider = target ? widened(kb, target.ms.flatMap((m) => m.caps), segText, lower).filter((c) => !target.ms.some((m) => m.caps.includes(c))) : [];
      // 「MES已经上线了，明年扩到全厂」: a time to come after a system said in place in its own clause is
      // the rest of it still to come, so it is partly built, not missing.
      // An upgrade to come (明年升级) leaves the system as it is: in place.
      // 「上了但还没交付」: a system not yet handed over is not in use, whatever was put in.
      const handedOver = !kb.interview.vocabulary.notHandedOver.some((w) => segText.includes(w.toLowerCase()));
      const inPlace = handedOver && [...(target?.pre ?? []), ...(target?.post ?? [])].includes(true);
      const upgrade = kb.interview.vocabulary.upgrades.some((w) => segText.includes(w.toLowerCase()));
      if (wider.length) segGroups[segGroups.length - 1]!.groups.push({ ms: [{ start: seg.start, end: seg.start, caps: wider }], pre: [p], post: [] });
      else if (target && !ownFact && p === 'future' && inPlace) target.post.push(upgrade ? true : 'partial');
      else if (target && !ownFact) target.post.push(p);
      if (!wider.length && target && !ownFact) qualified.set(segGroups.length - 1, target.ms.flatMap((m) => m.caps));
      // Only a run of lacks is carried on (还没上，在规划，明年才做): after a yes (全厂都覆盖了) a clause with no name
      // (不是“否”) speaks of the answer, not of the system.
      const lacks = (x: Polarity) => x === false || x === 'planned' || x === 'future' || x === 'tried';
      if (!wider.length && target && !ownFact && [...target.pre, ...target.post].every(lacks)) segGroups[segGroups.length - 1]!.carried = target;
      else freeAnswers.push({ pol: p, seg: segGroups.length - 1 });
      continue;
    }
    // Mentions with no answer word between them share one answer: 没有MES和ERP.
    const groups: Group[] = [];
    for (const m of ms) {
      const g = groups[groups.length - 1];
      const between = g ? cs.filter((c) => c.start >= g.ms[g.ms.length - 1].end && c.end <= m.start) : [];
      if (g && between.length === 0) g.ms.push(m);
      else groups.push({ ms: [m], pre: [], post: [] });
    }
    groups.forEach((g, i) => {
      const gStart = g.ms[0].start;
      const gEnd = g.ms[g.ms.length - 1].end;
      if (i === 0) g.pre.push(...cs.filter((c) => c.end <= gStart).map((c) => c.pol));
      const nextStart = i + 1 < groups.length ? groups[i + 1].ms[0].start : seg.end;
      const after = cs.filter((c) => c.start >= gEnd && c.end <= nextStart).map((c) => c.pol);
      if (i + 1 === groups.length) g.post.push(...after);
      else if (g.pre.length === 0 && after.length === 1) g.post.push(after[0]); // MES没有ERP有
      else if (g.pre.length === 0) {
        g.post.push(...after.slice(0, -1)); // MES上线了没有ERP
        groups[i + 1].pre.push(after[after.length - 1]);
      } else groups[i + 1].pre.push(...after); // 有MES没有ERP
    });
    // A sentence naming systems together with an integration word speaks about their integration:
    // "MES和ERP已经打通" records the integration; "MES和ERP没有打通" denies only the integration.
    const segText = lower.slice(seg.start, seg.end);
    for (const c of kb.capabilities.capabilities) {
      // 「ERP和MES集成了，SCADA还没有」: a clause that only names systems and a bare no after a clause of their join
      // leaves out the join word it goes on with: SCADA is not yet joined, which says nothing of whether it is there.
      const elided = !!c.composite && elidedJoin(c.composite.words, si);
      if (elided) for (const m of ms) for (const cap of m.caps) if (cap !== c.id && cap !== c.composite!.within) elidedCaps.set(cap, si);
      if (!c.composite || !(elided || c.composite.words.some((w) => segText.includes(w.toLowerCase())))) continue;
      const named = new Set(ms.flatMap((m) => m.caps).filter((id) => c.composite!.of.includes(id)));
      // 「MES上了，但是跟ERP没打通」: the system named in an earlier clause is the other side of the
      // integration; the clause speaks of the integration, not of whether ERP exists.
      // An integration named earlier (「MES和ERP打通了，SCADA还没接进来」) brings the systems it joins.
      const earlierCaps = mentions.filter((m) => m.end <= seg.start).flatMap((m) => m.caps);
      const earlier = [...earlierCaps, ...earlierCaps.flatMap((id) => idx.implies.get(id) ?? [])].filter((id) => c.composite!.of.includes(id) && !named.has(id));
      const enough = named.size + new Set(earlier).size >= c.composite.min;
      const p = toValue(combine(cs.map((x) => x.pol)) ?? true);
      // 「SCADA、MES跟ERP是接口对接的，WMS还没接」: a clause that names none of the joined systems but another one speaks of
      // that one's join, which is part of the integration of all systems (`within`), not of this one.
      const within = c.composite.within;
      const outside = [...new Set(ms.flatMap((m) => m.caps))].filter((id) => id !== c.id && id !== within && !c.composite!.of.includes(id));
      // 「SCADA还没接到MES里」「ERP还没跟MES对接」「WMS还没接到ERP里」: a system before the no and another after it, the no
      // running into the join word, is one join left to make, which says nothing of the other joins: the integration is
      // partly built (the wider one where a system outside this one's is joined), and both systems are there. 「MES跟ERP没打通」
      // names both before the no and denies their join.
      const directed = p === false && !elided ? directedJoin(c.composite.words, seg, segText, ms, cs) : undefined;
      if (directed) {
        const all = [...directed.from, ...directed.to];
        if (all.every((id) => c.composite!.of.includes(id))) composites.push({ id: c.id, value: 'partial', members: [...named], directed: true });
        // A join of a system outside this integration (WMS into ERP) is one of the wider integration's; one inside it makes
        // the wider one partly built through this one (limitJoins), unless the reply says no join is made at all.
        const out = all.filter((id) => outside.includes(id));
        if (within && out.length) joins.push({ within, caps: out, value: false, ofJoin: true });
        continue;
      }
      if (within && !named.size && outside.length) {
        // Its no is the join's when every no of the clause runs into an integration word (还没|接, 没接): the system itself
        // is in place, as a system said not yet joined is. 「WMS还没上也没接」 still says the WMS is missing.
        const joinWords = c.composite.words.flatMap((w) => spansOf(segText, w.toLowerCase()).map((sp) => ({ start: sp.start + seg.start, end: sp.end + seg.start })));
        const lacks = cs.filter((x) => x.pol !== true);
        const ofJoin = elided || (lacks.length > 0 && lacks.every((x) => joinWords.some((w) => x.end >= w.start && x.start <= w.start)));
        // 「WMS还没接」 alone, with no joined systems named: the WMS is there, and its join is what is missing.
        if (enough || ofJoin) joins.push({ within, caps: outside, value: p, ofJoin });
        if (enough || ofJoin) continue;
      }
      // 「SCADA还没接进去」 to the integration question: one of the joined systems alone, whose no runs into a join word,
      // is a join left to make: the integration partly built, as 「WMS还没接」 is of the wider one; the system is there.
      const askedJoin = pending?.id === `cap.${c.id}` || (!!within && pending?.id === `cap.${within}`);
      if (!enough && askedJoin && named.size && !elided) {
        const joinWords = c.composite.words.flatMap((w) => spansOf(segText, w.toLowerCase()).map((sp) => ({ start: sp.start + seg.start, end: sp.end + seg.start })));
        const lacks = cs.filter((x) => x.pol !== true);
        if (lacks.length > 0 && lacks.every((x) => joinWords.some((w) => x.end >= w.start && x.start <= w.start))) {
          composites.push({ id: c.id, value: 'partial', members: [...named] });
          if (within) joins.push({ within, caps: [], value: false, ofJoin: true });
          continue;
        }
      }
      if (!enough) continue;
      composites.push({ id: c.id, value: p, members: [...named], seg: si });
    }
    // A clause that is nothing but names ("MES，ERP，WMS都没有") continues a list whose answer comes later.
    const rest = masked.slice(seg.start, seg.end).replace(/[\u0001\u0002\s、/和与及跟或以及也还+&]/g, '');
    segGroups.push({ groups, mentionOnly: rest.length === 0, contrast: seg.contrast });
  }

  let last: Polarity | undefined;
  const capWords = new Map<CapabilityId, string>();
  segGroups.forEach((sg, si) => {
    for (const g of sg.groups) {
      let p = combine([...g.pre, ...g.post]);
      // 「ERP有，用友U8，MES还没上」: a bare name of a system answered in a clause before names which one it is (the
      // vendor's product), so it takes that answer, not the answer of the list after it.
      const namedBefore = sg.mentionOnly && p === undefined && g.ms.every((m) => m.caps.every((c) => capValues.has(c)));
      if (namedBefore) continue;
      if (p === undefined && sg.mentionOnly) {
        for (let j = si + 1; j < segGroups.length; j++) {
          const first = segGroups[j].groups[0];
          const q = first ? combine([...first.pre, ...first.post]) : undefined;
          if (q !== undefined) p = q;
          if (q !== undefined || !segGroups[j].mentionOnly) break;
        }
      }
      // 「前面说APC先进控制那个不对，我们APC还没上」: a name with no answer word in the clause that calls an answer wrong
      // is what is corrected, not a yes; the answer is what the reply says of it after.
      const seg = segments[si]!;
      if (p === undefined && correctionHits.some((h) => h.start >= seg.start && h.end <= seg.end)) continue;
      // After 但是/不过 a bare name reverses the previous answer: "没有MES，但是ERP、WMS".
      if (p === undefined && sg.contrast && typeof last === 'boolean') p = !last;
      p ??= true;
      last = p;
      const value = toValue(p);
      for (const m of g.ms) {
        const word = lower.slice(m.start, m.end);
        for (const cap of m.caps) {
          // 「扫码枪有，RFID没上」: two parts of one system, one in place and one not, make it partly built;
          // the same name said twice (a correction) keeps the later answer.
          const before = capValues.get(cap);
          const other = capWords.get(cap);
          const mixed = before !== undefined && before !== value && other !== undefined && other !== word;
          // Where one named form is enough (「AGV、RGV等」), the form in place answers for the system.
          const anyForm = idx.anyForm.has(cap) && (before === true || value === true);
          capValues.set(cap, mixed ? (anyForm ? true : 'partial') : value);
          capWords.set(cap, word);
        }
      }
    }
  });
  // 「没有单独的MES，ERP里带了」: the denial is of a separate product; the notice names the system by what it does.
  const standalone = kb.interview.vocabulary.standalone;
  if (standalone.qualifiers.length || standalone.dedicated.length) {
    const embedded = standalone.embedded.some((w) => lower.includes(w.toLowerCase()));
    // 「SCM没有单独的系统，采购在ERP里走」: with no module or feature of it said to be there, the work is done in the
    // other system named, which has the system's part that the other covers and no more: partly in place.
    const covered = (cap: CapabilityId) => mentions.some((o) => !o.caps.includes(cap) && o.caps.some((c) => capValues.get(c) !== false));
    for (const seg of segments) {
      const segText = lower.slice(seg.start, seg.end);
      // 「没有专门的WMS」 with nothing said of another system doing its work is the no it says.
      const separate = standalone.qualifiers.some((w) => segText.includes(w.toLowerCase()));
      const dedicated = standalone.dedicated.some((w) => segText.includes(w.toLowerCase()));
      if (!separate && !dedicated) continue;
      for (const m of mentions) {
        if (m.start < seg.start || m.end > seg.end) continue;
        for (const cap of m.caps) {
          if (capValues.get(cap) !== false) continue;
          if (embedded) capValues.set(cap, true);
          else if (covered(cap)) capValues.set(cap, 'partial');
          else if (separate) capValues.delete(cap);
        }
      }
    }
  }
  const partlyJoined = new Set<CapabilityId>();
  const saidJoined = new Set<CapabilityId>();
  for (const c of composites) {
    // 「MES和ERP打通了，SCADA还没接进来」: the integration said in place in an earlier clause, with one of its
    // systems left out in a later one, is partly built; the clause speaks of the integration, so the
    // system it names (SCADA, in place) is not recorded as missing.
    const before = capValues.get(c.id);
    // Either order: 「MES跟ERP还没连一块，数据采集倒是接到MES了」 is one join made and one not, partly built as well.
    const joinedBefore = composites.some((o) => o !== c && o.id === c.id && o.value !== c.value && composites.indexOf(o) < composites.indexOf(c));
    // A join left to make beside a system of the integration said missing (「SCADA没有，MES也没接ERP」) leaves no join made.
    const none = c.directed && (kb.capabilities.capabilities.find((x) => x.id === c.id)?.composite?.of ?? []).some((id) => !c.members.includes(id) && capValues.get(id) === false);
    capValues.set(c.id, (c.value === false && (before === true || before === 'partial')) || joinedBefore ? 'partial' : none ? false : c.value);
    if (capValues.get(c.id) === 'partial') partlyJoined.add(c.id);
    // The join said made, before a system said left out of it, still establishes the systems it joined (MES, ERP).
    if (before === true && c.value !== true) saidJoined.add(c.id);
    for (const m of c.members) {
      // 「…，设备采集那块还没完全接上」 while another item waits: a join said partly made by what is still lacking (还没完全,
      // 未全部), of a system named in that clause alone, says no more of the system than that it is not yet fully there: it
      // is left to its own question. 「和ERP部分集成」 says the part made, and the ERP joined is there.
      const asItsJoin = pending?.id === `cap.${c.id}` || pending?.id === `cap.${kb.capabilities.capabilities.find((x) => x.id === c.id)?.composite?.within}`;
      const seg = c.seg === undefined ? undefined : segments[c.seg];
      const lackSaid = !!seg && /[没未]/u.test(lower.slice(seg.start, seg.end));
      if (c.value === 'partial' && seg && lackSaid && !asItsJoin && !mentions.some((x) => x.caps.includes(m) && (x.start < seg.start || x.end > seg.end))) continue;
      // A system joined is in place, and where another clause confines it (「MES只有总装在用」) partly. Systems said not
      // yet joined (「MES跟ERP还没连一块」) are in place too: what is missing is their integration, not the systems.
      // A partial word of the integration's own clause (「和ERP部分集成」) qualifies the join, not the system.
      capValues.set(m, c.value === true && capValues.get(m) === 'partial' ? 'partial' : true);
    }
  }
  // A system said only not yet joined keeps what its own question had, unless another clause of the reply speaks of it.
  for (const [cap, si] of elidedCaps) {
    const seg = segments[si]!;
    if (!mentions.some((m) => m.caps.includes(cap) && (m.start < seg.start || m.end > seg.end))) capValues.delete(cap);
  }
  // A join of another system said missing beside joins made is the integration of all systems partly built; the system
  // said not yet joined is in place. 「部分打通了」 in a clause that names no system says the same of that integration.
  for (const within of new Set(joins.map((j) => j.within))) {
    const own = joins.filter((j) => j.within === within);
    for (const j of own) if (j.ofJoin) for (const cap of j.caps) if (capValues.get(cap) === false) capValues.set(cap, true);
    const made = composites.some((c) => c.value === true) || own.some((j) => j.value === true) || capValues.get(within) === true;
    if (made && own.some((j) => j.value !== true) && capValues.get(within) !== false) capValues.set(within, 'partial');
    // 「WMS还没接」: one system said not yet joined is a join left to make among systems otherwise integrated: partly built,
    // unless the reply says otherwise of that integration.
    else if (!made && own.every((j) => j.ofJoin) && !capValues.has(within)) capValues.set(within, 'partial');
  }
  const widerJoins = new Map(kb.capabilities.capabilities.flatMap((c) => (c.composite?.within ? [[c.composite.within, c.composite.words] as const] : [])));
  for (const [within, words] of widerJoins) {
    if (capValues.get(within) !== true || !composites.some((c) => c.value === true)) continue;
    const partly = segments.some((seg) => {
      const segText = lower.slice(seg.start, seg.end);
      return !mentions.some((m) => m.start >= seg.start && m.end <= seg.end) && words.some((w) => segText.includes(w.toLowerCase())) && combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => c.pol)) === 'partial';
    });
    if (partly) capValues.set(within, 'partial');
  }
  // A hedge speaks for the systems named in its own clause; in a clause that names none (「…，不太好说」) it
  // speaks for those of the clause before and for the pending question. A hedged no is no fact either:
  // 「应该没被列入吧」 must not clear a hard condition.
  const mentionsIn = (k: number) => (k >= 0 && k < segments.length ? mentions.filter((m) => m.start >= segments[k]!.start && m.end <= segments[k]!.end) : []);
  // What a span speaks for: the systems of its clause, or, in a clause that names none, those of the clause before and the pending question.
  const spokenFor = (spans: Span[]): { pending: boolean; caps: Set<CapabilityId> } => {
    const out = { pending: false, caps: new Set<CapabilityId>() };
    for (const sp of spans) {
      const si = segments.findIndex((s) => sp.start >= s.start && sp.start < s.end);
      let ms = mentionsIn(si);
      if (!ms.length) {
        out.pending = true;
        ms = mentionsIn(si - 1);
      }
      for (const m of ms) for (const cap of m.caps) out.caps.add(cap);
    }
    return out;
  };
  const { pending: pendingHedged, caps: hedgedCaps } = spokenFor(hedgeHits);
  for (const cap of hedgedCaps) capValues.delete(cap);
  // 「RTO不好说」「MES不清楚」: a skip word leaves the systems of its own clause unanswered, as a hedge does; with its
  // words masked, the bare name would otherwise read as in place. Only its own clause: in 「MES有，别的不清楚」 the
  // skip says nothing of the MES before it.
  const clauseStart = (at: number) => Math.max(...[...'，,。；;！!？?\n'].map((x) => lower.lastIndexOf(x, at - 1))) + 1;
  const skippedMentions = mentions.filter((m) => skipHits.some((h) => clauseStart(h.start) === clauseStart(m.start)));
  for (const cap of new Set(skippedMentions.flatMap((m) => m.caps))) capValues.delete(cap);
  // 「加工中心拉网线连上了，老车床还没连」 to the network question: a system named in a clause that describes the asked
  // capability at work is what that capability reaches, and a no after it is the asked one's; read as the named
  // system's own answer it would record the machining centres missing.
  const reached = new Set<Mention>();
  if (pending?.kind === 'yesNoPartial' && pending.id.startsWith('cap.')) {
    const own = pending.id.slice(4) as CapabilityId;
    for (const m of mentions) {
      if (m.caps.includes(own)) continue;
      const clause = clauseAround(lower, m.start, m.end);
      // Only a description of it at work: in 「没有MES谈不上集成」 the no is the MES's own.
      if (describedValue(kb, pending.id, clause, clause, []) !== true) continue;
      reached.add(m);
      for (const cap of m.caps) if (capValues.get(cap) === false || capValues.get(cap) === 'partial') capValues.delete(cap);
    }
  }
  // 「只有一个车间上了MES」 from a workshop applicant, with no word that it is the applying workshop: the
  // systems of its clause (or of the clause before, or the pending question) are asked again, as for a hedge.
  const { pending: pendingUnit, caps: unitCaps } = spokenFor(scoped.unclear);
  for (const cap of unitCaps) capValues.delete(cap);
  // 「MES上了」 while the 制造管控系统 question waits: the system named is the form the asked one takes
  // (CapabilitiesFile `answeredBy`), so it answers the question and is not recorded under its own name.
  const asked = pending?.id.startsWith('cap.') ? (pending.id.slice(4) as CapabilityId) : undefined;
  if (asked && !capValues.has(asked)) {
    const by = (idx.answeredBy.get(asked) ?? []).filter((c) => capValues.has(c));
    if (by.length === 1) {
      capValues.set(asked, capValues.get(by[0]!)!);
      capValues.delete(by[0]!);
    }
  }
  // 「其实MES我们有，成本质量都能跟踪」 said in passing by a process plant: the system named is none its category asks for,
  // and one the category asks for takes that form, so it is recorded as that one, as it is while that one's question waits.
  if (category) {
    const own = categoryCaps(kb, category);
    for (const [target, forms] of idx.answeredBy) {
      const by = forms.filter((c) => capValues.has(c) && !own.has(c));
      if (!own.has(target) || capValues.has(target) || by.length !== 1) continue;
      capValues.set(target, capValues.get(by[0]!)!);
      capValues.delete(by[0]!);
    }
  }
  // 「部分有，钣金线上有两台焊接机器人」: a partial answer to the asked item, then its system at work in one place, is
  // the partial answer with an example of it, not the whole in place. An integration said made is left as said: a part
  // said beside it (「部分打通了，MES和ERP是接口对接的」) is that of the wider integration, read above.
  // Only a partial answer said before the system is named counts: 「条码全覆盖。对了，…只有总装在用」 says 只有 of what follows.
  const joined = composites.some((c) => c.id === asked) || joins.some((j) => j.within === asked);
  const namedAt = asked ? segGroups.findIndex((sg) => sg.groups.some((g) => g.ms.some((m) => m.caps.includes(asked)))) : -1;
  if (asked && !joined && capValues.get(asked) === true && freeAnswers.some((a) => a.pol === 'partial' && !qualified.has(a.seg) && (namedAt < 0 || a.seg < namedAt))) capValues.set(asked, 'partial');
  // 「全厂都覆盖了，有工业以太网和5G」 to the plant-wide network question: the reach the question asks for (CapabilitiesFile
  // `widens`) said in a clause of its own, with no lack, beside the narrower system said in place, is the asked one in
  // place; the clause names the thing asked about. A reach said with an "only" word or a lookalike (「全厂就办公网」) is not.
  const reach = asked && !capValues.has(asked) ? kb.capabilities.capabilities.find((c) => c.id === asked)?.widens : undefined;
  if (asked && pending && reach && reach.of.some((id) => capValues.get(id) === true)) {
    const unlike = [...kb.interview.vocabulary.onlyWords, ...kb.interview.vocabulary.lookalikes.filter((l) => lookalikeOf(l, pending.id)).flatMap((l) => l.words)].map((w) => w.toLowerCase());
    const said = segments.flatMap((seg): (true | 'partial' | false)[] => {
      const segText = lower.slice(seg.start, seg.end);
      if (mentions.some((m) => m.start >= seg.start && m.end <= seg.end) || !reach.words.some((w) => segText.includes(w.toLowerCase())) || unlike.some((w) => segText.includes(w))) return [];
      const p = combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => c.pol));
      return p === undefined || p === true || p === 'partial' ? [p ?? true] : [false as const];
    });
    if (said.length && !said.includes(false)) capValues.set(asked, said.includes('partial') ? 'partial' : true);
  }
  // 「只有办公网，车间里还没有工业网络」 to the plant-wide network question: the narrower system the asked one widens is
  // lacking, so the plant cannot have it across its whole reach either; the lack answers the question asked.
  if (asked && reach && !capValues.has(asked) && reach.of.some((id) => capValues.get(id) === false) && !reach.of.some((id) => capValues.get(id) === true || capValues.get(id) === 'partial')) {
    capValues.set(asked, false);
  }
  // 「只有ERP」 to the LIMS question: only the systems named are in place, so the one asked for is not.
  // Not when more is said of them (「就ERP和MES做了接口」, 「就用了SCADA采电表」): that describes what they do.
  const namedAlone = onlyNamed.every((o) => CLAUSE_END.test(lower.slice(o.m.end)));
  if (asked && !capValues.has(asked) && onlyNamed.length && namedAlone && onlyNamed.every((o) => o.m.caps.every((c) => c !== asked && capValues.get(c) === true))) {
    capValues.set(asked, false);
  }
  // 「就装了个防火墙」: one of the examples the question lists for its system (如工业防火墙、网闸、入侵检测), said
  // with an "only" word, is that system partly built.
  if (asked && pending && capValues.get(asked) === true && kb.interview.vocabulary.onlyWords.some((w) => lower.includes(w.toLowerCase()))) {
    const parts = examplesOf(pending.text);
    const words = mentions.filter((m) => m.caps.includes(asked)).map((m) => lower.slice(m.start, m.end));
    const named = parts.filter((p) => words.some((w) => p.includes(w) || w.includes(p)));
    if (parts.length >= 2 && named.length > 0 && named.length < parts.length) capValues.set(asked, 'partial');
  }
  // A positive mention establishes what it presupposes (MES与ERP集成 → MES and ERP), unless said otherwise.
  for (const [cap, value] of [...capValues]) {
    if (value !== true && !(value === 'partial' && saidJoined.has(cap))) continue;
    for (const implied of idx.implies.get(cap) ?? []) if (!capValues.has(implied)) capValues.set(implied, true);
  }

  const items = new Map<string, AnswerValue>();
  for (const [cap, value] of capValues) items.set(`cap.${cap}`, value);

  // Figures recorded round (六七成, 大概一半多点), marked so the form asks for the exact one.
  const approx = new Set<string>();
  // Metrics named in the text: 联网率85%，自动化率78%.
  metricHits.sort((a, b) => a.start - b.start);
  metricHits.forEach((h, i) => {
    const seg = segments.find((s) => h.start >= s.start && h.start < s.end);
    const end = Math.min(seg?.end ?? lower.length, i + 1 < metricHits.length ? metricHits[i + 1].start : lower.length);
    const n = parseNumber(lower.slice(h.end, end), '%');
    const qid = vocab.metrics.byAlias.get(h.word.toLowerCase());
    if (n && qid) items.set(qid, n.value);
    // 「联网的大概一半多点」: a round figure stays round, to be given exactly before signing.
    if (n?.approx && qid) approx.add(qid);
  });

  // A choice stated in passing ("我们想申报智能工厂，有MES") is recorded like an answer to its question.
  const choiceSegments = new Set<number>();
  for (const c of kb.interview.vocabulary.statedChoices) {
    if (items.has(c.question) || pending?.id === c.question) continue;
    const found = new Set<string>();
    for (const [si, seg] of segments.entries()) {
      const segText = lower.slice(seg.start, seg.end);
      if (c.triggers.length && !c.triggers.some((w) => segText.includes(w))) continue;
      if (c.blockers.some((w) => segText.includes(w))) continue;
      for (const [value, words] of Object.entries(c.values)) {
        if (words.some((w) => segText.includes(w.toLowerCase()))) {
          found.add(value);
          choiceSegments.add(si);
        }
      }
    }
    if (found.size === 1) items.set(c.question, [...found][0]);
  }

  // Yes/no facts named in passing: "我们是分公司" answers 二(一)'s legal-person question.
  for (const fact of kb.interview.vocabulary.statedFacts) {
    if (items.has(fact.question)) continue;
    for (const [si, seg] of segments.entries()) {
      const segText = lower.slice(seg.start, seg.end);
      const spans = fact.words.flatMap((w) => statedSpan(segText, w.toLowerCase()) ?? []).sort((a, b) => a.at - b.at);
      if (!spans.length) continue;
      // An answer word inside a word said in two parts (信用中国上没有失信) speaks of the fact as one before it does.
      const { at, last } = spans[0]!;
      // 「下面两个分厂一块报」「有个分公司在郑州」: units counted are units the enterprise has, not what it is.
      if (OWNED_UNITS.test(segText.slice(0, at))) continue;
      // An answer word speaks of the fact when it comes before its word (不是分公司, 没有被列入失信被执行人) or
      // closes the clause after it (分公司不是); one with more after it speaks of what follows: 「分公司没有独立法人」
      // denies the legal personhood, and the branch stays a branch.
      const ofFact = (c: Cue) => c.end - seg.start <= last || STATED_TAIL.test(segText.slice(c.end - seg.start));
      const p = combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end && ofFact(c)).map((c) => c.pol));
      if (p === false && fact.affirmedOnly) continue;
      // A word said in two parts names the register and the list, not a listing: only an answer word makes it one (「信用中国上失信名单查过了」 says neither).
      if (p === undefined && last > at) continue;
      items.set(fact.question, p === false ? !fact.value : fact.value);
      choiceSegments.add(si);
      break;
    }
  }

  // 「2008年成立的，在洛阳」 to the city question: the founding year said in passing, with its own clause.
  const passing = new Set<string>();
  const fip = kb.interview.vocabulary.foundedInPassing;
  // To the founding question itself, a reply that states other facts too (「公司是2006年5月在新乡市注册成立的，2015年搬迁…」)
  // is answered by its founding clause, not refused as a sentence about something else.
  if (fip && pending && !items.has(fip.question)) {
    for (const seg of segments) {
      const year = foundedYearSaid(fip, lower.slice(seg.start, seg.end));
      if (year === undefined) continue;
      if (pending.id === fip.question && segments.length === 1) break;
      items.set(fip.question, year);
      if (pending.id !== fip.question) passing.add(fip.question);
      break;
    }
  }
  // The pending text question takes the rest of the reply: 「在洛阳」, not the founding clause beside it.
  const ownText = (t: string) => (passing.size && fip ? t.split(/[，,。；;\n]/u).filter((c) => foundedYearSaid(fip, c) === undefined).join('，').trim() : t);

  // Where the enterprise is registered: 「注册在江苏苏州，工厂在郑州」 answers 二(一) with no; the factory's clause has no cue.
  const reg = vocab.registration;
  if (!items.has(reg.question)) {
    for (const [si, seg] of segments.entries()) {
      const segText = lower.slice(seg.start, seg.end);
      const cueAt = findAll(reg.cues, segText);
      if (!cueAt.length) continue;
      // 「集团在郑州注册的对吧」「总部注册在北京」: the register of a parent body, said before the cue, is not the applicant's,
      // and 二(一) reads the applicant's own; a clause that names the applicant too (我们是集团在郑州注册的子公司) still answers.
      const parent = findAll(reg.parentUnits, segText).filter((h) => h.start < cueAt[0]!.start);
      // 「我们集团」 names the group still: an own word counts only when no parent word follows it at once.
      const own = findAll(reg.ownUnits, segText).filter((h) => !parent.some((p) => p.start === h.end));
      if (parent.length && !own.length) {
        choiceSegments.add(si);
        continue;
      }
      const away = placesAway(kb, reg.elsewhere, segText).length > 0;
      const home = findAll(reg.home, segText).length > 0;
      if (away === home) continue;
      const negated = combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => c.pol)) === false;
      items.set(reg.question, negated ? away : home);
      choiceSegments.add(si);
      break;
    }
  }

  // 「俺们在开封」「安阳的」 to the registration question: a place said as where the enterprise is answers it.
  // A clause that names a part or another body (工厂在郑州, 总部在北京) locates that, not the register;
  // a place denied (不是开封的) says nothing of the province unless it is the province itself.
  if (pending?.id === reg.question && !items.has(reg.question)) {
    const found = new Set<boolean>();
    for (const [si, seg] of segments.entries()) {
      const segText = lower.slice(seg.start, seg.end);
      if (findAll(reg.otherUnits, segText).length) continue;
      const away = placesAway(kb, reg.elsewhere, segText);
      const home = findAll(reg.home, segText);
      if (!away.length === !home.length) continue;
      const negated = combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => c.pol)) === false;
      if (negated && !home.every((h) => kb.interview.vocabulary.registration.home.includes(h.word))) {
        // Its no is of the place, not of the province: no answer to the question either.
        choiceSegments.add(si);
        continue;
      }
      found.add(negated ? away.length > 0 : home.length > 0);
      choiceSegments.add(si);
    }
    if (found.size === 1) items.set(reg.question, [...found][0]!);
  }

  // 「制造占收入三成，主要是贸易」: the clause that says what the main business is answers, not its 是.
  const mb = kb.interview.vocabulary.mainBusiness;
  if (mb && pending?.id === mb.question && !items.has(mb.question)) {
    const found = new Set<boolean>();
    for (const [si, seg] of segments.entries()) {
      const segText = lower.slice(seg.start, seg.end);
      if (!findAll(vocab.primary, segText).length && !mb.markers.some((w) => segText.includes(w.toLowerCase()))) continue;
      const making = mb.manufacturing.some((w) => segText.includes(w.toLowerCase()));
      const other = mb.other.some((w) => segText.includes(w.toLowerCase()));
      if (making === other) continue;
      found.add(making);
      choiceSegments.add(si);
    }
    // 「生产收割机，主业」「铝型材挤压，门窗幕墙型材」: no clause both marks and names it, but the reply as a whole
    // names only manufacturing (a making word with a marker, or a manufacturing trade) and nothing else.
    if (found.size === 0 && !mb.other.some((w) => lower.includes(w.toLowerCase()))) {
      const marked = findAll(vocab.primary, lower).length > 0 || mb.markers.some((w) => lower.includes(w.toLowerCase()));
      const making = mb.manufacturing.some((w) => lower.includes(w.toLowerCase()));
      const trade = /\d/.test(lower) ? 0 : Number(industryFromText(kb, lower) ?? 0);
      if ((marked && making) || (trade >= 13 && trade <= 43)) found.add(true);
    }
    if (found.size === 1) items.set(mb.question, [...found][0]!);
  }

  // 「前年上过，去年已经移出来了」: the register is asked of the day of application, so the latest clause that
  // speaks of the listing decides, whatever an earlier one said; a hedged reply is left to the hedge below.
  // 「有过一次环保处罚」 to a 失信 question: the answer words in a clause that names a lookalike of the pending
  // question (a penalty is no listing) are about that lookalike, not an answer to the question.
  const lookalikeWords = pending ? kb.interview.vocabulary.lookalikes.filter((l) => lookalikeOf(l, pending.id)).flatMap((l) => l.words.map((w) => w.toLowerCase())) : [];
  const lookalikeSegs = new Set([...segments.keys()].filter((si) => lookalikeWords.some((w) => lower.slice(segments[si]!.start, segments[si]!.end).includes(w))));
  const ls = kb.interview.vocabulary.listing;
  // 「失信被执行人上周已经移出名单了」 while the tax list is asked names another list alone: its lifting is that list's, not
  // the answer to the one asked (a correction of that list is read by correctionOfNamedItem).
  const listWords = subjectWords(kb);
  const otherList = !!pending && ls !== undefined && !singlesOut(listWords, pending.id, lower) &&
    [...listWords.keys()].some((id) => id !== pending.id && ls.questions.some((q) => lookalikeOf({ question: q }, id)) && singlesOut(listWords, id, lower));
  if (ls && pending && !items.has(pending.id) && !pendingHedged && !otherList && ls.questions.some((q) => lookalikeOf({ question: q }, pending.id))) {
    const has = (t: string, ws: string[]) => ws.some((w) => t.includes(w.toLowerCase()));
    const polarityOf = (seg: { start: number; end: number }) => combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => c.pol));
    const speaks = (t: string) => has(t, ls.stillListed) || has(t, ls.removed) || has(t, ls.listed);
    for (let si = segments.length - 1; si >= 0; si--) {
      const seg = segments[si]!;
      const segText = lower.slice(seg.start, seg.end);
      // 「被列入经营异常名录」 lists the enterprise elsewhere, not on the register asked of.
      if (lookalikeSegs.has(si)) continue;
      let listed: boolean;
      if (has(segText, ls.stillListed)) listed = true;
      else if (has(segText, ls.removed)) listed = false;
      else if (has(segText, ls.listed)) listed = polarityOf(seg) !== false;
      else continue;
      // 「以前有过，已经移出了」「对，没有被列入」: a bare 有/对 before it answers the question the other way,
      // so the reply contradicts itself and is asked again; a clause telling the history (前年上过) does not.
      const against = segments.slice(0, si).some((x, xi) => !lookalikeSegs.has(xi) && !speaks(lower.slice(x.start, x.end)) && typeof polarityOf(x) === 'boolean' && polarityOf(x) !== listed);
      if (!against) items.set(pending.id, listed);
      break;
    }
  }

  // 「换型就是改个程序不用停线」「各系统都是孤岛」: a description of the asked thing at work or missing answers it,
  // over any bare 是 beside it; a narrower scope (「在俺们长垣这一片算先进的」) answers nothing.
  let narrowed: string | undefined;
  // 「算是吧」 to a self-assessment is the whole reply one of the question's own `alone` words: the enterprise's judgement
  // is what the question asks for, so the 吧 in it is no hedge there. To a question of fact it stays a hedge.
  const aloneAnswer = !!pending && aloneWord(kb, pending.id, lower);
  // 「算是吧，去年评上了省级绿色工厂，单位产值能耗降了12%」: a hedge that doubts only whether it counts, beside a fact the
  // question describes, is no doubt of the fact; the fact answers. A hedge of the fact itself (好像有吧) still asks again.
  const countsHedges = kb.interview.vocabulary.countsHedges.map((w) => w.toLowerCase());
  const countsOnly = hedgeHits.length > 0 && hedgeHits.every((h) => countsHedges.includes(h.word.toLowerCase()));
  // Only a capability is built in one workshop or another: 「就报这一个车间」 to whether another application is made is a no.
  if (pending && !items.has(pending.id) && (!pendingHedged || aloneAnswer || countsOnly) && !(pendingUnit && pending.kind === 'yesNoPartial')) {
    const away = explainingOtherLack(segments, mentions, cues, masked, asked === undefined ? [] : [asked, ...(idx.answeredBy.get(asked) ?? [])]);
    const blank = (t: string) => away.reduce((x, s) => x.slice(0, s.start) + ' '.repeat(s.end - s.start) + x.slice(s.end), t);
    const described = describedValue(kb, pending.id, blank(lower), blank(masked), cues.filter((c) => !away.some((s) => c.start >= s.start && c.end <= s.end)));
    // Past such a hedge only a fact described in place answers; anything else is left to the hedge below.
    // 「算是吧，上了ERP」 to a self-assessment rests its judgement on systems that bear nothing on it: asked back below.
    const d = (pendingHedged && !aloneAnswer && described !== true) || (described === true && restsElsewhere(kb, pending.id, mentions, lower)) ? undefined : described;
    if (typeof d === 'object' && d !== null && 'narrowed' in d) narrowed = d.narrowed;
    // 「部分系统打通了，还有几个孤岛」: a part said in place makes the described lack partial.
    // 「灌装线是自动的，前处理还是人工投料」: a lack described beside a yes for one part of the plant is partial too.
    // 「成品吨袋上贴码，车间里头没有」: a lack said of a part of the plant beside a described yes is partial too.
    else if (d !== undefined) {
      const lackInPart = d === true && freeAnswers.some((a) => (a.pol === false || a.pol === 'tried' || a.pol === 'planned' || a.pol === 'future') && namesPart(vocab, lower.slice(segments[a.seg]!.start, segments[a.seg]!.end), category));
      items.set(pending.id, pending.kind === 'yesNoPartial' && (freeAnswers.some((a) => a.pol === 'partial') || lackInPart || (d === false && partInPlace(kb, vocab, lower, segments, freeAnswers))) ? 'partial' : d);
    }
  }
  // 「在定子绕线工序用机器视觉做缺陷检测」 to the AI question, which names 缺陷检测 as where it is applied: a system named at
  // work where the question says the asked one applies is that one applied there (VocabularyFile `appliedTo`). The system is
  // still recorded for its own question, in passing.
  const applied = pending ? kb.interview.vocabulary.appliedTo.filter((a) => lookalikeOf(a, pending.id)) : [];
  const appliedWork = applied.length ? new RegExp(applied.flatMap((a) => a.words).map((w) => w.toLowerCase().split('…').map(escapeRegex).join('[^，,。；;！!？?\\s]{0,4}')).join('|'), 'u') : null;
  const appliedUnless = applied.flatMap((a) => a.unless).map((w) => w.toLowerCase());
  if (pending?.kind === 'yesNoPartial' && asked && appliedWork && !items.has(pending.id) && narrowed === undefined && (!pendingHedged || countsOnly)) {
    for (const seg of segments) {
      const segText = lower.slice(seg.start, seg.end);
      if (!appliedWork.test(segText) || appliedUnless.some((w) => segText.includes(w))) continue;
      if (!mentions.some((m) => m.start >= seg.start && m.end <= seg.end && !m.caps.includes(asked))) continue;
      const p = combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => c.pol));
      if (p !== undefined && p !== true && p !== 'partial') continue;
      items.set(pending.id, p === 'partial' ? 'partial' : true);
      break;
    }
  }
  // 「主装置上了DCS，辅助还是手动」: the asked system said in place, and a lack described in a clause that names
  // no system, is partly built: the rest is still done by hand.
  if (pending?.kind === 'yesNoPartial' && items.get(pending.id) === true && !pendingHedged) {
    const pendingCap = pending.id.replace(/^cap\./u, '') as CapabilityId;
    const lacking = segments.some((seg, si) => {
      if (mentionsIn(si).length) return false;
      // 「每块都有二维码；电阻率在线检测，外观还是人看」 to the code question: the lack follows another system
      // named in its own sentence, and is that system's rest, not the asked one's.
      const sentenceStart = Math.max(...[...'；;。！!？?\n'].map((x) => lower.lastIndexOf(x, seg.start - 1))) + 1;
      const before = mentions.filter((m) => m.start >= sentenceStart && m.end <= seg.start && !reached.has(m));
      const related = new Set<CapabilityId>([pendingCap, ...(kb.capabilities.capabilities.find((c) => c.id === pendingCap)?.composite?.of ?? [])]);
      if (before.length && !before.some((m) => m.caps.some((c) => related.has(c)))) return false;
      const own = cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => ({ ...c, start: c.start - seg.start, end: c.end - seg.start }));
      // 「镀膜后透过率在线测，面形还是干涉仪抽检」: a part still done by a practice by hand (还是 … 抽检) is a lack too.
      const segText = lower.slice(seg.start, seg.end);
      if (/还是|还靠|仍是|仍然|依然/u.test(segText) && practiceOnly(kb, pending.id, segText)) return true;
      return describedValue(kb, pending.id, segText, masked.slice(seg.start, seg.end), own) === false;
    });
    if (lacking) items.set(pending.id, 'partial');
  }
  // 「DCS的数据进了MES，数据平台还没建」: the asked thing denied by one of its forms while another clause describes it
  // at work is partly built, as two forms of it named, one in place and one not, are.
  if (pending?.kind === 'yesNoPartial' && items.get(pending.id) === false && !pendingHedged && pending.id.startsWith('cap.')) {
    const pendingCap = pending.id.slice(4) as CapabilityId;
    const atWork = segments.some((seg, si) => {
      if (mentionsIn(si).some((m) => m.caps.includes(pendingCap))) return false;
      const own = cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => ({ ...c, start: c.start - seg.start, end: c.end - seg.start }));
      return describedValue(kb, pending.id, lower.slice(seg.start, seg.end), masked.slice(seg.start, seg.end), own) === true;
    });
    if (atWork) items.set(pending.id, 'partial');
  }
  // The same said in passing (「电阻率在线检测，外观还是人看」 to another question): a system named in place and a lack
  // described in the next clause of its sentence, naming no system, is partly built.
  // Only where the reply names the asked system apart: otherwise (「ERP有，还是纸质」 to the MES question) the lack is the asked one's.
  const namesAsked = !pending || mentions.some((m) => m.caps.some((c) => `cap.${c}` === pending.id));
  for (const [id, value] of namesAsked ? items : []) {
    if (value !== true || id === pending?.id || !id.startsWith('cap.')) continue;
    const cap = id.slice(4) as CapabilityId;
    const lacking = mentions.some((m) => {
      if (!m.caps.includes(cap)) return false;
      // The clause after the one naming the system, within its sentence, and naming no system itself.
      const comma = lower.slice(m.end).search(/[，,；;。！!？?\n]/u);
      if (comma < 0 || !/[，,]/u.test(lower[m.end + comma]!)) return false;
      const start = m.end + comma + 1;
      const stop = lower.slice(start).search(/[，,；;。！!？?\n]/u);
      const end = stop < 0 ? lower.length : start + stop;
      if (mentions.some((o) => o.end > start && o.start < end) || kb.capabilities.capabilities.some((c) => c.aliases.some((a) => lower.slice(start, end).includes(a.toLowerCase())))) return false;
      const own = cues.filter((c) => c.start >= start && c.end <= end).map((c) => ({ ...c, start: c.start - start, end: c.end - start }));
      return describedValue(kb, id, lower.slice(start, end), masked.slice(start, end), own) === false;
    });
    if (lacking) items.set(id, 'partial');
  }

  // 「联网的大概一半多点」 to the automation question: a clause whose figure is said of another metric only (VocabularyFile
  // `metricSubjects`) is that metric's figure; the pending one is read from the clauses left, and where none is left it is
  // asked again rather than given the other's figure.
  let figureText: string | undefined;
  if (pending?.kind === 'number' && pending.id.startsWith('metric.') && !items.has(pending.id)) {
    const subjects = Object.entries(kb.interview.vocabulary.metricSubjects);
    const own: string[] = [];
    let elsewhere = false;
    const clauses = [...masked.matchAll(/[^，,。；;！!？?\n\s]+/gu)].map((m) => ({ at: m.index, marked: m[0], text: lower.slice(m.index, m.index + m[0].length) }));
    // 「联网的占自动化设备的百分之八十五」: a share said as one part of a whole is the measure of the part, named before 占;
    // the whole after it (自动化设备) is what the part is counted among.
    const subjectsOf = (clause: string) => {
      const part = clause.split(/占/u)[0]!;
      return subjects.filter(([, ws]) => ws.some((w) => part.includes(w.toLowerCase()))).map(([id]) => id);
    };
    // 「自动化设备260台，联上网的有221台」 to the automation question: a share made of two counts belongs to the measure the
    // part counted describes (the networked ones), not to the one asked; it is recorded there and the asked one is
    // asked again. Only counts said in two clauses of their own, so that each clause says what it counts.
    const share = pending.unit === '%' ? parseNumber(lower, '%') : undefined;
    const counts = clauses.map((c) => ({ c, qs: findQuantities(normalise(c.text).text).filter((x) => x.unit !== undefined && COUNT_UNITS.has(x.unit)) })).filter((x) => x.qs.length);
    if (share && !/%|百分/u.test(lower) && counts.length === 2 && counts.every((x) => x.qs.length === 1)) {
      const [a, b] = counts as [(typeof counts)[0], (typeof counts)[0]];
      const part = a.qs[0]!.value <= b.qs[0]!.value ? a : b;
      const of = subjectsOf(part.c.text);
      if (of.length === 1 && of[0] !== pending.id) {
        if (!items.has(of[0]!)) {
          items.set(of[0]!, share.value);
          if (share.approx) approx.add(of[0]!);
        }
        elsewhere = true;
        clauses.splice(0, clauses.length, ...clauses.filter((c) => c !== a.c && c !== b.c));
      }
    }
    // Clauses cut on the masked text, where a metric named is marked, and read on the text as typed, hedges included.
    for (const { marked, text: clause } of clauses) {
      const n = parseNumber(clause, pending.unit);
      const of = subjectsOf(clause);
      if (n && (marked.includes('\u0003') || (of.length === 1 && of[0] !== pending.id))) {
        elsewhere = true;
        if (of.length === 1 && of[0] !== pending.id && !items.has(of[0]!)) {
          items.set(of[0]!, n.value);
          if (n.approx) approx.add(of[0]!);
        }
      } else own.push(clause);
    }
    if (elsewhere) figureText = own.join('，');
  }
  let reason: 'notAnAnswer' | 'severalChoices' | 'lookalike' | 'hedge' | 'whichWorkshop' | 'percentOrFraction' | 'narrowScope' | undefined;
  // The other question a hedged reply speaks of by name (「严重违法失信名单里好像有」 while the 失信被执行人 list waits).
  let hedgeField: string | undefined;
  let practiceSaid: string | undefined;
  let standingSaid: string | undefined;
  const several: string[] = [];
  // 「0.85」 to a percentage: 0.85% or 85%, a hundredfold apart, so it is asked back rather than guessed.
  const fraction = pending?.kind === 'number' && pending.unit === '%' && !items.has(pending.id) ? parseNumber(figureText ?? text, '%') : undefined;
  const fractionAsked = fraction?.typed !== undefined && fraction.typed !== fraction.value && Math.abs(fraction.typed) < 1;
  if (pending && fractionAsked) {
    reason = 'percentOrFraction';
    several.push(String(fraction!.typed), String(fraction!.typed), String(fraction!.value));
  } else if (pending && !items.has(pending.id) && narrowed !== undefined) {
    // 「在许昌家具行业里算前面的」: a standing within a narrower scope than the one asked is asked again, naming that scope.
    reason = 'narrowScope';
    several.push(narrowed);
  } else if (pending && !items.has(pending.id)) {
    // "我们是流程型企业" states a choice; its 是 is not an answer to the pending question.
    // 「WMS上了但还没交付」 to the traceability question: a status said of another system named just before is that
    // system's, never an answer to the question asked; one said of the asked system, or of a form it takes, answers it.
    const ofAsked = (caps: CapabilityId[]) => asked !== undefined && caps.some((c) => c === asked || (idx.answeredBy.get(asked) ?? []).includes(c));
    const ofOther = (seg: number) => { const caps = qualified.get(seg); return caps !== undefined && !ofAsked(caps); };
    const free = freeAnswers.filter((a) => !choiceSegments.has(a.seg) && !lookalikeSegs.has(a.seg) && !ofOther(a.seg)).map((a) => a.pol);
    const yesNo = pending.kind === 'yesNo' || pending.kind === 'yesNoPartial';
    // 「没有被列入失信」 typed while the group question waits speaks of another question: its 没有 is no answer here.
    const subjects = kb.interview.vocabulary.subjects;
    // 「一个都没有」 to one of the lists of 二(四): the 一个 of a word that speaks of every list at once (listing `every`)
    // counts the lists asked about; it is no subject word of another question (一个 of 另有一个申报).
    const subjectText = listingWordsAway(kb, pending, lower);
    const speaksOf = (id: string) => subjects.some((x) => x.question === id && x.words.some((w) => subjectText.includes(w.toLowerCase())));
    // 「失信名单没有」 typed while the tax list waits names another list by its short name, though it shares 失信 with this one.
    const byQuestion = subjectWords(kb);
    const singled = (id: string) => speaksOf(id) && singlesOut(byQuestion, id, subjectText);
    const otherSingled = subjects.some((x) => x.question !== pending.id && singled(x.question)) && !singled(pending.id);
    // 「否，没有受过处罚」 to the finance question speaks of a penalty, a lookalike of another basic question's subject
    // (VocabularyFile `lookalikes` of 「ent.credit.*」): another subject too, though it answers none.
    const otherLookalike = otherLookalikeIn(kb, pending.id, lower);
    // 「近三年没出过事故」 to which titles are held: a choice question with subject words of its own is asked about that
    // subject, so a no said of a lookalike of another basic question (an accident, a penalty) chooses none of its options.
    // Another question's subject word alone does not move it: a title's name holds 制造 or 生产 often enough.
    const choiceElsewhere = pending.kind === 'choice' && otherLookalike && subjects.some((x) => x.question === pending.id) && !speaksOf(pending.id);
    // 「没出过环保事故」 to the energy-management question names no system at all: its no is of the accident, not the system.
    const capElsewhere = pending.id.startsWith('cap.') && otherLookalike && !mentions.length && !metricHits.length;
    const elsewhereSubject =
      choiceElsewhere ||
      capElsewhere ||
      (yesNo &&
      subjects.some((x) => x.question === pending.id) &&
      ((!speaksOf(pending.id) && (otherLookalike || subjects.some((x) => x.question !== pending.id && speaksOf(x.question)))) || otherSingled));
    // 「不是，我们就是自己一个公司」「没有 另外的申报也没有」: a bare answer word opening the reply answers the pending
    // question, though another question's subject follows; a clause that gives that question its own answer word is
    // read for it too (withBasicFactsInPassing).
    // A correction word opening it (「不对 俺们没得过称号」) is no answer: it takes back what the rest names.
    const openingClause = text.toLowerCase().split(/[，,。；;！!？?\n]/u)[0]!;
    const opening = openingClause.replace(/[\s\p{P}\p{S}]/gu, '');
    // 「没有，三个名单都没上过」 to the finance question: the bare word only echoes the answer word the rest gives another
    // question's subject (名单, 失信, 黑名单…), so it answers that subject, not the one asked; stored here it would turn a
    // clean credit record into a failed hard condition. A rest with no answer word of its own (「是的，信用没问题」)
    // only backs the opening answer up, and the opening stands.
    // 「是，没有失信记录」 to the legal-person question gives the rest an answer word of its own polarity: the opening is
    // the answer to the question asked.
    const openingPols = new Set(cues.filter((c) => c.end <= openingClause.length).map((c) => c.pol));
    // 「没有，税收黑名单也没有」「没有 另外的申报也没有」: an addition word (也没, 另外) says the rest is a second answer,
    // so the opening one is the pending question's.
    const alsoSaid = kb.interview.vocabulary.additions.some((w) => lower.slice(openingClause.length).includes(w.toLowerCase()));
    const echoesElsewhere = elsewhereSubject && !alsoSaid && cues.some((c) => c.start > openingClause.length && openingPols.has(c.pol));
    const bareOpening =
      opensWithBareAnswer(kb, text) && !(elsewhereSubject && kb.interview.vocabulary.corrections.some((w) => w.toLowerCase() === opening)) && !echoesElsewhere;
    const plain = (!yesNo && !elsewhereSubject) || free.length === 0 || bareOpening || (yesNo && !elsewhereSubject && answersPlainly(pending, text, cues, vocab.leadIns));
    const hedged = yesNo && (pendingHedged || (pending.id.startsWith('cap.') && hedgedCaps.has(pending.id.slice(4) as CapabilityId)));
    // 「有应急预案」 to the emergency-command question: its 有 is about the plan it names, not the system.
    // 「ERP方面只有财务软件」 has no yes of its own: its 只有 says what there is.
    const saysOnly = kb.interview.vocabulary.onlyWords.some((w) => lower.includes(w.toLowerCase()));
    // 「质检员拿卡尺量」 describes a lookalike with no yes or no at all: it is named back too, not met with a bare 「没听懂」.
    const describes = free.length === 0 && !mentions.length && !metricHits.length;
    // 「有Excel台账」 claims something in place even where its 有 reads as no answer of its own: a claim that names a
    // practice is asked again. A bare assent there (「就是试验员记在本子上」, a spoken 嗯) only introduces the description.
    const saysYes = cues.some((c) => (c.pol === true || c.pol === 'partial') && !ASSENT_ONLY.test(masked.slice(c.start, c.end)));
    // 「生产计划是Excel排的，没有自动生成」 to the SCADA question: a reply that opens on a lookalike of the asked system (a
    // plan, what another system does) and never names the system says its answer words of that thing, yes or no alike:
    // it is named back and the question asked again. One that opens with its bare answer (「没有，只有摄像头」) answers.
    // Only words of another system's work do this: a lookalike of the asked system itself (「就有个路由器，别哩木有」 at
    // security protection) is what it has, and the no beside it answers.
    const aboutLookalike =
      asked !== undefined && !mentions.some((m) => m.caps.includes(asked)) && !opensWithBareAnswer(kb, text)
        ? kb.interview.vocabulary.lookalikes.filter((l) => l.otherWork && !l.practice && lookalikeOf(l, pending.id)).flatMap((l) => l.words.filter((w) => lower.includes(w.toLowerCase())))
        : [];
    const named: string[] = aboutLookalike.length ? aboutLookalike : !yesNo || !((saysOnly && !free.includes(false)) || describes || free.some((p) => p === true || p === 'partial')) ? [] : kb.interview.vocabulary.lookalikes
      .filter((l) => lookalikeOf(l, pending.id))
      .flatMap((l) => l.words.filter((w) => lower.includes(w.toLowerCase())));
    // 「有，用的是金蝶的MES和ERP」 to the LIMS question: the yes goes with the systems the reply names, and
    // none of them is the one asked, so those are recorded for their own questions and this one is asked
    // again, naming them. A no (「没有，只有ERP」) denies the asked one whatever else is named.
    // Claimed: said in place with an answer word of their own (用的是, 有) or as a clause of names alone; a
    // name that only locates (「就在车间中控室看」) claims nothing.
    const additions = kb.interview.vocabulary.additions.map((w) => w.toLowerCase());
    const claimed = segGroups.flatMap((sg, si) => {
      const segText = lower.slice(segments[si]!.start, segments[si]!.end);
      if (additions.some((w) => segText.includes(w))) return [];
      return sg.groups.filter((g) => sg.mentionOnly || g.pre.length > 0 || g.post.length > 0).flatMap((g) => g.ms);
    });
    // 「焙烧炉多功能天车是自动的，…；MES去年上的，ERP用的用友U8」 to the automated-lines question: a clause naming no system
    // that describes the item asked in its own words (VocabularyFile `describes`) gives the yes its own subject, so the
    // systems of the other clauses are said in passing. A bare 「有，用的是金蝶的MES和ERP」 has none: its yes is theirs.
    const describedHere = (si: number) => {
      const seg = segments[si]!;
      const own = cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => ({ ...c, start: c.start - seg.start, end: c.end - seg.start }));
      return !mentions.some((m) => m.start >= seg.start && m.end <= seg.end) && describedValue(kb, pending.id, lower.slice(seg.start, seg.end), masked.slice(seg.start, seg.end), own) === true;
    };
    const ownClause = freeAnswers.some((a) => a.pol === true && describedHere(a.seg));
    const elsewhere =
      yesNo && asked !== undefined && !named.length && claimed.length > 0 && !mentions.some((m) => m.caps.includes(asked)) && free.some((p) => p === true || p === 'partial') && !free.includes(false) && !ownClause;
    // 「有，用的扫码枪和二维码」 to whether the networking rate is advanced: the yes goes with systems that bear nothing on
    // the rate asked (VocabularyFile `selfEvidence`), and no word of its metric is said, so it is theirs, as above.
    // A judgement word that opens the reply (「算是吧，上了ERP」) is such a yes too: what it rests on is no equipment networking.
    const saysSelfYes = () => cues.some((c) => c.pol === true || c.pol === 'partial') || describedValue(kb, pending.id, lower, masked, cues) === true;
    const selfElsewhere = yesNo && !named.length && restsElsewhere(kb, pending.id, mentions, lower) && !cues.some((c) => c.pol === false) && saysSelfYes();
    if (elsewhere || selfElsewhere) named.push(...new Set(mentions.map((m) => lower.slice(m.start, m.end))));
    const lookalike = named.length > 0;
    if (lookalike) several.push(...typedForms(typed, named));
    // A name repaired from a typo (mse) is not in the typed text: it is shown as read.
    if ((elsewhere || selfElsewhere || lookalike) && !several.length) several.push(...new Set(named.filter((w) => !named.some((o) => o !== w && o.includes(w)))));
    // The asked system said to be in one workshop only, by a workshop applicant who did not say it is the applying one.
    // Only a capability is built in one workshop or another: 「没有，就报鞣制车间」 to whether another application is made answers no.
    const unitOpen = pending.kind === 'yesNoPartial' && (pendingUnit || (asked !== undefined && [...unitCaps].some((c) => c === asked || (idx.answeredBy.get(asked) ?? []).includes(c))));
    // 「ERP有，MES不清楚」 to the MES question: the skip is said of the asked system by name, so it answers the question
    // (unknown) whatever else the reply names; the other system is recorded beside it.
    const skippedAsked = asked !== undefined && skippedMentions.some((m) => m.caps.includes(asked));
    // 「数控化率不高，大概百分之三十五」: the asked metric named by its own alias, in a clause apart from its figure, is no
    // other metric; only one another question asks for makes the figure someone else's.
    const otherMetric = metricHits.some((h) => vocab.metrics.byAlias.get(h.word.toLowerCase()) !== pending.id);
    const other = skippedAsked ? false : otherMetric || choiceSegments.size > 0 ? true : mentions.some((m) => !skippedMentions.includes(m)) ? 'systems' : false;
    // 「流程型智能工厂」「俺们准备报流程型工厂」 to whether a title was held: an option named without a word that holds it is
    // the category applied for, or unclear; it is left out of the reply the choice is read from, and asked back.
    const unheld = pending.kind === 'choice' ? unheldOptions(kb, pending.id, text, free.includes(true)) : undefined;
    // 「新郑，报智能工厂」 to the city question: the clause that states a choice or a fact in passing is that answer's, and
    // what is left is the text asked for, so both are kept.
    const passingClauses = [...choiceSegments].map((si) => lower.slice(segments[si]!.start, segments[si]!.end).replace(/^[\s，,。；;]+|[\s，,。；;]+$/gu, '')).filter(Boolean);
    const textLeft =
      pending.kind === 'text' && other === true && passingClauses.length
        ? ownText(typed).split(/[，,。；;\n]/u).filter((c) => c.trim() && !passingClauses.some((p) => c.toLowerCase().includes(p))).join('，').trim()
        : '';
    const own = pending.kind === 'text' ? textLeft || ownText(typed) : unheld?.text ?? figureText ?? text;
    const pendingValue = plain && !lookalike && !unitOpen ? answerPending(kb, pending, own, free, skipHits.length > 0, figureText !== undefined || textLeft ? false : other, several) : undefined;
    if (unitOpen && !hedged) {
      reason = 'whichWorkshop';
      several.push(...new Set(scoped.unclear.map((u) => text.slice(u.start, u.end))));
    } else if (hedged && hedgedNoByHand(kb, pending, lower, hedgeHits.map((h) => h.word))) {
      // 「应该没有，窑温还是看火工调」: the hedge is on the name of the system, and the work it describes is done by
      // hand, which is no system whatever the name: recorded as no, with the practice read back.
      items.set(pending.id, false);
      const practice = kb.interview.vocabulary.lookalikes.filter((l) => l.practice && lookalikeOf(l, pending.id)).flatMap((l) => l.words);
      const said = typedForms(typed, practice, false);
      practiceSaid = (said.length ? said : [typed]).join('、');
    } else if (hedged && (standingSaid = hedgedNoWithStanding(kb, pending, lower, typed, hedgeHits.map((h) => h.word))) !== undefined) {
      // 「应该没有，纳税信用A级」: the hedge is on a listing the enterprise has not looked up, and the reply gives evidence
      // of good standing: a no, with the evidence read back and the registers named to check.
      items.set(pending.id, false);
    } else if (hedged) {
      // A hedge said of another list by its own name is that list's doubt, not this question's: it is named back so.
      const other = otherSingled ? subjects.find((x) => x.question !== pending.id && singled(x.question)) : undefined;
      if (other) hedgeField = idx.questions.get(other.question)?.label;
      // 「差不多有吧」 is asked again, naming the hedge.
      reason = 'hedge';
      // The hedge is its answer word too (是的吧, 有吧应该): shown whole.
      several.push(...typedForms(typed, hedgeHits.map((h) => h.word), false));
    } else if (pendingValue !== undefined) {
      items.set(pending.id, pendingValue);
      // 「六七成吧」「六十来个点，采了四十多」: a round figure is recorded and marked, to be checked before signing.
      if (pending.kind === 'number' && typeof pendingValue === 'number' && parseNumber(own, pending.unit)?.approx) approx.add(pending.id);
    }
    else if (lookalike && practiceElsewhere(kb, pending, lower)) reason = 'lookalike';
    else if (lookalike && describes && pending.kind === 'yesNoPartial' && !saysYes && practiceOnly(kb, pending.id, lower)) {
      // 「班组长每天拿本子记，月底汇总到Excel」: the work described is done by hand, so the system asked is not in use.
      items.set(pending.id, false);
      several.length = 0;
    } else if (lookalike && pending.kind === 'yesNoPartial' && !mentions.length && !free.includes(false) && practiceOnly(kb, pending.id, lower)) {
      // 「有，纸质的」「有Excel台账」: the yes is of the practice it names, by hand or on paper, and no system is named,
      // so the system asked is not in use. It is recorded so, and the words are read back, rather than asked again.
      items.set(pending.id, false);
      practiceSaid = several.join('、');
      several.length = 0;
    } else if (lookalike) reason = 'lookalike';
    else if (unheld?.said.length && !several.length) {
      reason = 'lookalike';
      several.push(...unheld.said);
    } else if (!plain && yesNo && otherLookalike && !speaksOf(pending.id)) {
      // 「没有环保问题」「环保上没出过事」 to the green-development question: the reply answers a penalty or an accident,
      // which is no subject of the question asked; it is named back and the question asked again, not met with a bare
      // 「没听懂」. A question whose own subject words name the penalty or accident reads the no as its answer above.
      reason = 'lookalike';
      several.push(rawText.trim().replace(/[\s\p{P}]+$/u, ''));
    } else if (!plain) reason = 'notAnAnswer';
    else if (several.length) reason = 'severalChoices';
  }
  const named = reason === 'severalChoices' || reason === 'lookalike' || reason === 'hedge' || reason === 'whichWorkshop' || reason === 'narrowScope';
  if (reason === 'percentOrFraction' && pending) return { kind: 'unclear', reason, choices: several, field: idx.questions.get(pending.id)?.label ?? pending.text };
  if (!items.size) return named ? { kind: 'unclear', reason, choices: several, ...(hedgeField ? { field: hedgeField } : {}) } : reason ? { kind: 'unclear', reason } : { kind: 'unclear' };
  // A fact said in passing fills only an unanswered question (see the chat's handling of `extra`). A system
  // named while another question waits is said in passing (「有个视觉检测在试点」 to the AI question does not
  // undo an earlier 没有 to online inspection), unless the message says it corrects something (「不对，APC
  // 应该是部分有」) or the system answers the pending question itself. A hard condition stated outright
  // (「其实我们没有被列入失信被执行人」) is no mention in passing: it stands as said.
  const inPassing = (id: string) =>
    passing.has(id) ||
    (!!pending && id.startsWith('cap.') && id !== pending.id && !correctionHits.length && !(idx.answeredBy.get(pending.id.replace(/^cap\./u, '') as CapabilityId) ?? []).some((c) => `cap.${c}` === id));
  limitJoins(kb, items, pending, { lower: unrestricted, segments, mentions, onlyNamed, partlyJoined });
  // Only the capability's own question reads a counted name as a yes (「机器人12台」 to whether robots are used).
  for (const id of counted) if (!uncounted.has(id) && id !== pending?.id && items.get(id) === true) items.delete(id);
  if (!items.size) return named ? { kind: 'unclear', reason, choices: several } : reason ? { kind: 'unclear', reason } : { kind: 'unclear' };
  const out: Interpretation = { kind: 'answers', items: [...items].map(([questionId, value]) => ({ questionId, value, ...(approx.has(questionId) ? { approx: true as const } : {}), ...(inPassing(questionId) ? { extra: true as const } : {}) })) };
  // 「有，用的是金蝶的MES和ERP」 to the LIMS question: the systems named are recorded, and the pending question is
  // asked again with what was heard.
  if (pending && !items.has(pending.id) && (reason === 'lookalike' || reason === 'whichWorkshop')) out.pendingLeft = { reason, choices: several };
  if (practiceSaid) out.notes = [{ said: practiceSaid, reason: 'practice' }];
  if (standingSaid) out.notes = [...(out.notes ?? []), { said: standingSaid, reason: 'standing' }];
  return out;
}

/**
 * An integration said made only of some systems is partly built, since the notice asks for the systems it lists joined:
 * 「只有MES和ERP之间打通了」「就MES跟ERP通了」 (an "only" word before the systems of a join clause) and 「目前只打通了ERP和财务」
 * (an `onlyJoined` word right before the join word). A join of all the systems of a composite is that composite made
 * (「只有MES、ERP和SCADA打通了」), and still the wider integration partly. A composite partly joined (「ERP和MES集成了，SCADA
 * 还没有」) makes the wider integration it belongs to partly built too, however the reply's words describe it.
 */
function limitJoins(kb: KnowledgeData, items: Map<string, AnswerValue>, pending: QuestionView | null, r: { lower: string; segments: Span[]; mentions: Mention[]; onlyNamed: { m: Mention; start: number }[]; partlyJoined: Set<CapabilityId> }): void {
  const composites = kb.capabilities.capabilities.filter((c) => c.composite);
  const wider = new Map(composites.flatMap((c) => (c.composite!.within ? [[c.id, c.composite!.within] as const] : [])));
  for (const id of r.partlyJoined) {
    const w = wider.get(id);
    // A no of the wider integration beside a join made is a no of the joins left to make (「MES跟ERP通了，数据采集还没接进去」
    // to the integration of all systems: its 还没接 is the data collection's): some systems are joined, so partly built.
    const v = items.get(`cap.${w}`);
    if (w && (v === true || v === false || (pending?.id === `cap.${w}` && !items.has(pending.id)))) items.set(`cap.${w}`, 'partial');
  }
  const words = [...new Set(composites.flatMap((c) => c.composite!.words.map((w) => w.toLowerCase())))];
  const only = kb.interview.vocabulary.onlyJoined.map((w) => w.toLowerCase());
  const named = new Set<CapabilityId>();
  let limited = false;
  for (const seg of r.segments) {
    const t = r.lower.slice(seg.start, seg.end);
    const at = Math.min(...words.map((w) => t.indexOf(w)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) continue;
    const before = t.slice(0, at).replace(/[了已经]+$/u, '');
    const onlySystems = r.onlyNamed.filter((o) => o.start >= seg.start && o.m.end <= seg.start + at);
    if (!onlySystems.length && !only.some((w) => before.endsWith(w))) continue;
    const implied = (cap: CapabilityId) => [cap, ...(kb.capabilities.capabilities.find((c) => c.id === cap)?.implies ?? [])];
    for (const m of r.mentions) if (m.start >= seg.start && m.end <= seg.end) for (const cap of m.caps.flatMap(implied)) named.add(cap);
    limited = true;
  }
  if (!limited) return;
  const ids = new Set(composites.flatMap((c) => [c.id, ...(c.composite!.within ? [c.composite!.within] : [])]));
  // The integration asked, of which the reply says only some joins are made, is answered partly, whatever its words.
  if (pending && ids.has(pending.id.slice(4) as CapabilityId) && !items.has(pending.id)) items.set(pending.id, true);
  for (const id of ids) {
    if (items.get(`cap.${id}`) !== true) continue;
    const of = composites.find((c) => c.id === id)?.composite?.of;
    // A composite whose systems are all named in the join (only these three, and they are all it asks for) is made.
    if (of && of.every((cap) => named.has(cap))) continue;
    items.set(`cap.${id}`, 'partial');
  }
}

/**
 * Whether a clause says yes of one part of the plant (「灌装线是自动的」「主装置有」): a clause whose free answer is a
 * yes and that names a `partScope` part or says more than its answer word. A bare 「是的」 before 「还是人工」 says
 * nothing of a part, so the lack stands.
 */
function partInPlace(kb: KnowledgeData, vocab: Vocab, lower: string, segments: Span[], free: { pol: Polarity; seg: number }[]): boolean {
  const parts = vocab.partScope.parts;
  const v = kb.interview.vocabulary;
  const bareWords = [...v.yesParticles, ...(v.askedBeside?.fillers ?? []), ...vocab.leadIns].map((w) => w.toLowerCase()).sort((a, b) => b.length - a.length);
  return free.some((a) => {
    if (a.pol !== true) return false;
    const clause = lower.slice(segments[a.seg]!.start, segments[a.seg]!.end);
    if (parts.some((w) => clause.includes(w))) return true;
    let rest = vocab.cues ? clause.replace(vocab.cues, '') : clause;
    for (const w of bareWords) rest = rest.split(w).join('');
    return rest.replace(/[\s\p{P}\p{S}]/gu, '').length > 0;
  });
}

/**
 * The founding a clause gives (VocabularyFile `foundedInPassing`), kept whole as foundingAsKept keeps it: 「2008年成立的」 ends with a
 * founding word and only a particle after it, 「成立于2008年」 has the year after it. Undefined otherwise.
 */
function foundedYearSaid(fip: { words: string[]; tails: string[] }, clause: string): string | undefined {
  const t = clause.replace(/\s/g, '');
  const untailed = (x: string) => fip.tails.reduce((rest, w) => rest.split(w).join(''), x);
  for (const w of fip.words) {
    const at = t.lastIndexOf(w);
    if (at < 0) continue;
    const before = t.slice(0, at);
    const after = t.slice(at + w.length);
    // The founding must be the enterprise's own: nothing but 我们/公司 and a copula may stand before
    // the year (「集团是2008年成立的」, 「研发中心成立于2019年」 and 「2020年改制1998年成立的」 are not).
    if (/于$/.test(w)) {
      const year = YEAR_AT_START.exec(after);
      if (year && untailed(after.slice(year[0].length)) === '' && OWN_SUBJECT.test(before)) return foundingAsKept(year[0]);
    } else if (untailed(after) === '') {
      // 「2006年5月在新乡市注册成立的」: where it was registered, and a second founding word, may stand between the year and this one.
      let dated = before;
      for (const o of fip.words) if (!/于$/.test(o) && dated.endsWith(o)) dated = dated.slice(0, -o.length);
      dated = dated.replace(/在[\p{Script=Han}]{1,15}$/u, '');
      const year = YEAR_AT_END.exec(dated);
      if (year && OWN_SUBJECT.test(dated.slice(0, year.index))) return foundingAsKept(year[0]);
    }
  }
  return undefined;
}

/** A no with no verb of its own (没有, 还没, 没呢): what it denies is the verb of the clause before. */
const BARE_NO = /^[还也都]?(?:没有|没|未|无|木有|冇)[呢]?$/u;

const YEAR = '(?:\\d{4}|\\d{2}|[〇零一二三四五六七八九]{2,4})年?';
/** The month (and day) after a founding year: 「8月」「八月十八日」, or 「.8」 as in 「2009.8」. */
const MONTH_DAY = '(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?|[.．/-]\\d{1,2}(?:[.．/-]\\d{1,2})?)';
const YEAR_AT_END = new RegExp(`${YEAR}${MONTH_DAY}?$`, 'u');
const YEAR_AT_START = new RegExp(`^${YEAR}${MONTH_DAY}?`, 'u');
/** What may stand before a founding said in passing: the enterprise itself, and a copula. */
const OWN_SUBJECT = /^(?:我们|咱们|俺们|我|咱|本)?(?:公司|企业|厂子|工厂|厂|单位)?(?:是|在|于)?$/u;

/**
 * Whether a clause names a part of the plant or of a system (`partScope` parts: 老厂区, 那块) or the whole (全厂), as the
 * subject of what it says. Words that hold a part word without naming one (上线, 在线) are taken out first; for a
 * workshop applicant another workshop is not a part of the one applying.
 */
function namesPart(vocab: Vocab, clause: string, category: Category | null): boolean {
  const { notRestricting, parts, whole, unitParts } = vocab.partScope;
  const t = notRestricting ? clause.replace(notRestricting, (w) => '\u0002'.repeat(w.length)) : clause;
  return whole.some((w) => t.includes(w)) || parts.some((w) => t.includes(w) && !(category === 'smartWorkshop' && unitParts.includes(w)));
}

/**
 * The spans that confine what is said to one part of the plant (「就总装线」「只有一个车间」), as partial
 * cues; a clause that calls that part the whole (全厂就一个车间) confines nothing.
 *
 * A workshop applicant applies with one workshop: 「只有一个车间上了MES」 is then met when the reply says that
 * workshop is the applying one (`applying`: 申报的那个), and otherwise which workshop it is stays open
 * (`unclear`, no cue), since partial would be a guess either way.
 */
function partScopeCues(vocab: Vocab, lower: string, category: Category | null): { cues: Cue[]; unclear: Span[] } {
  const { regex, some, notAll, notRestricting, whole, unitParts, applying, otherUnit } = vocab.partScope;
  // 「只有二车间上了MES，申报的是一车间」: the applying word names another workshop than the one that has it.
  const confirmed = applying.some((w) => lower.includes(w)) && !otherUnit.some((w) => lower.includes(w)) && (lower.match(/[一二三四五六七八九十\d]+号?车间/gu) ?? []).length <= 1;
  if (!regex) return { cues: [], unclear: [] };
  const t = notRestricting ? lower.replace(notRestricting, (w) => '\u0002'.repeat(w.length)) : lower;
  const cues: Cue[] = [];
  const unclear: Span[] = [];
  // 「不是所有车间都有」: the whole denied, so some of it has it.
  const deniedWhole = notAll ? findAll(notAll, lower) : [];
  for (const h of deniedWhole) cues.push({ start: h.start, end: h.end, pol: 'partial' });
  // 「有的仓库有」: some parts have it. A whole said in the clause (所有的车间) is no part, unless denied.
  for (const h of some ? findAll(some, t) : []) {
    const clause = clauseAround(t, h.start, h.end);
    if (whole.some((w) => clause.includes(w)) && !deniedWhole.length) continue;
    cues.push({ start: h.start, end: h.end, pol: 'partial' });
  }
  for (const h of findAll(regex, t)) {
    if (whole.some((w) => clauseAround(t, h.start, h.end).includes(w))) continue;
    const unit = category === 'smartWorkshop' && unitParts.some((w) => h.word.endsWith(w));
    if (!unit) cues.push({ start: h.start, end: h.end, pol: 'partial' });
    else if (confirmed) cues.push({ start: h.start, end: h.end, pol: true });
    else unclear.push({ start: h.start, end: h.end });
  }
  return { cues, unclear };
}

/**
 * The value a description gives the pending question (VocabularyFile `describes`): the first entry
 * of the question with a word in the text, reversed when a no stands before the word in its clause
 * (不是孤岛, 没达到先进水平). 'narrowed' when an `unless` word or a listed region limits it to less than it asks.
 */
const categoryCapsCache = new WeakMap<KnowledgeData, Map<Category, Set<CapabilityId>>>();

/** The capabilities a category's elements ask for, in any production mode. */
function categoryCaps(kb: KnowledgeData, category: Category): Set<CapabilityId> {
  let byCategory = categoryCapsCache.get(kb);
  if (!byCategory) categoryCapsCache.set(kb, (byCategory = new Map()));
  let caps = byCategory.get(category);
  if (!caps) {
    caps = new Set(kb.elements.categories[category].elements.flatMap((el) => requirementsOf(el, undefined).flat().flatMap((r) => [...(r.all ?? []), ...(r.any ?? [])])));
    byCategory.set(category, caps);
  }
  return caps;
}

/**
 * The clauses that say how the work goes without another system said missing just before: 「WMS没有，成品库还是手工账」 to
 * the SCM question. A clause naming no system, right after a clause of its sentence whose only systems are others than the
 * asked one (`asked`, with the forms it takes) and which says them missing, describes that lack, not the asked system.
 * A system said in place before (「ERP有，还是纸质」 to the MES question) leaves the lack to the asked one.
 */
function explainingOtherLack(segments: { start: number; end: number }[], mentions: Mention[], cues: Cue[], masked: string, asked: CapabilityId[]): Span[] {
  if (!asked.length) return [];
  const within = (m: Span, s: Span) => m.start >= s.start && m.end <= s.end;
  const out: Span[] = [];
  for (let si = 1; si < segments.length; si++) {
    const seg = segments[si]!;
    const prev = segments[si - 1]!;
    if (/[。；;！!？?\n]/u.test(masked[prev.end] ?? '') || mentions.some((m) => within(m, seg))) continue;
    const named = mentions.filter((m) => within(m, prev));
    if (!named.length || named.some((m) => m.caps.some((c) => asked.includes(c)))) continue;
    const pols = cues.filter((c) => within(c, prev)).map((c) => c.pol);
    if (pols.length && pols.every((p) => p === false)) out.push({ start: seg.start, end: seg.end });
  }
  return out;
}

function describedValue(kb: KnowledgeData, questionId: string, lower: string, masked: string, cues: Cue[]): AnswerValue | { narrowed: string } | undefined {
  const vocab = vocabOf(kb);
  const whole = lower.replace(WHOLE_IGNORED, '');
  // 「中 按批次能查」: an `alone` word that is the whole first clause answers as it does alone, the rest being detail, unless
  // the rest says no (「中，就是没有MES」).
  const firstEnd = lower.search(/[\s，,。；;！!]/u);
  const first = firstEnd > 0 ? lower.slice(0, firstEnd).replace(WHOLE_IGNORED, '') : undefined;
  const firstAlone = first !== undefined && !cues.some((c) => c.pol !== true && c.start > firstEnd);
  for (const d of kb.interview.vocabulary.describes) {
    if (!lookalikeOf(d, questionId)) continue;
    const hits = d.alone
      ? d.words.filter((w) => whole === w.toLowerCase() || (firstAlone && first === w.toLowerCase())).map((w) => ({ w, at: 0 }))
      : d.words.map((w) => ({ w, at: describedAt(lower, w.toLowerCase()) })).filter((h) => h.at >= 0);
    if (!hits.length) continue;
    const regions = d.unlessRegion ? kb.regions.regions.flatMap((r) => [r.name, r.short, ...r.aliases]).filter((w) => w.length > 1) : [];
    const narrower = [...d.unless, ...regions].find((w) => lower.includes(w.toLowerCase()));
    if (narrower) return { narrowed: narrower };
    const at = Math.min(...hits.map((h) => h.at));
    // The no must be in the word's own clause and after any 但 before it: 「利润不多但没亏」 is no loss.
    // A space between Chinese words parts sentences typed or dictated without marks: 「没有 都是人工推车」 is a no
    // and a description, not 「not manual」.
    const spaced = [...lower.slice(0, at).matchAll(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu)].map((m) => m.index + m[0].length - 1);
    const clauseStart = Math.max(...[...'，,。；;！!？?\n'].map((x) => lower.lastIndexOf(x, at - 1)), ...spaced) + 1;
    const from = Math.max(clauseStart, ...findAll(vocab.contrast, lower.slice(0, at)).map((c) => c.end));
    // A no that belongs to a system named between it and the word (「没有MES谈不上集成」) is that system's.
    // 没 cannot negate 就 or 只: in 「没有就报这一个」, typed with no mark between, the 没有 is the answer the words go with.
    const word = hits.find((h) => h.at === at)!.w;
    const notItsDenial = (c: Cue) => /^[就只仅]/u.test(word) && /^[没木无冇]/u.test(lower.slice(c.start, c.end));
    // A no that runs into the word (没有 in 「没有码」, whose 有码 is the word) negates it as one standing before it does,
    // unless the word opens with its own no (还没 over 「没连一块」 is that word's no, not a second one).
    const into = (c: Cue) => c.end <= at || (c.end <= at + word.length && !/^[没不无未非木冇莫]/u.test(word));
    const negated = cues.some((c) => c.pol === false && c.start >= from && c.start < at && into(c) && !masked.slice(c.end, at).includes('\u0001') && !notItsDenial(c));
    // 「连进销存都没有」: a no right after a part of the system denies even that part.
    if (d.value === 'partial' && /^[^，,。；;！!？?\s没无不]{0,4}?[都也还]*(?:没|无|不用)/u.test(lower.slice(at + word.length))) return false;
    if (d.value === 'partial' || d.value === null || !negated) return d.value;
    // A denied description that says nothing of the question the other way (不是独立法人 names no group application).
    if (d.affirmedOnly) return undefined;
    return !d.value;
  }
  return undefined;
}

/**
 * Where a description's word stands in a reply. A word written with … (能耗…降) names the thing and what happened to it
 * with a few words of time or measure between them in one clause (「单位产值能耗这两年降了一成多」); a no between them
 * (「能耗这两年没降」) makes it no such description, and the no answers.
 */
function describedAt(lower: string, word: string): number {
  const gap = word.indexOf('…');
  if (gap < 0) return lower.indexOf(word);
  const [head, tail] = [word.slice(0, gap), word.slice(gap + 1)];
  for (let i = lower.indexOf(head); i >= 0; i = lower.indexOf(head, i + 1)) {
    const between = DESCRIBED_GAP.exec(lower.slice(i + head.length))![0];
    for (let n = 0; n <= between.length; n++) if (lower.startsWith(tail, i + head.length + n)) return i;
  }
  return -1;
}
const DESCRIBED_GAP = /^[^，,。；;！!？?\s没不未无莫别]{0,10}/u;

/** Whether the whole reply, particles and marks aside, is a word of an `alone` description of the question. */
function aloneWord(kb: KnowledgeData, questionId: string, lower: string): boolean {
  // 「够吧」 is a hedge word as typed (VocabularyFile `hedges`): its 吧 doubts the 够, so it is read with the other hedges.
  if (kb.interview.vocabulary.hedges.some((h) => h.toLowerCase() === lower.replace(/[\s\p{P}\p{S}]+/gu, ''))) return false;
  const whole = lower.replace(WHOLE_IGNORED, '');
  return kb.interview.vocabulary.describes.some((d) => d.alone && lookalikeOf(d, questionId) && d.words.some((w) => whole === w.toLowerCase()));
}

/** What a whole reply is read without: marks, spaces and the particles that end a spoken answer. */
const WHOLE_IGNORED = /[\s\p{P}\p{S}啊呀吧嘞呗哈呢]+/gu;

/**
 * What the user named, as typed: the run of letters around each lookalike word (「纸质记录」「Excel台账」),
 * without the yes word before it (「有应急预案」 names 「应急预案」).
 */
function typedForms(typed: string, words: string[], strip = true): string[] {
  const out: string[] = [];
  for (const run of typed.match(/[\p{Script=Han}A-Za-z0-9]+/gu) ?? []) {
    if (!words.some((w) => run.toLowerCase().includes(w.toLowerCase()))) continue;
    const named = (strip && run.replace(/^(?:我们|就|只|还|也|都)?(?:有的|有过|有个|有|用的是|用|是些|是|靠)(?:一个|一套|个|套)?/u, '')) || run;
    if (!out.includes(named)) out.push(named);
  }
  return out;
}

const choiceCache = new Map<string, { regex: RegExp | null; byWord: Map<string, string> }>();

/** The examples a question lists for what it asks (「（如工业防火墙、网闸、入侵检测）」), lower case. */
function examplesOf(question: string): string[] {
  const m = /[（(]如\s*([^）)]+)[）)]/.exec(question);
  return m ? m[1]!.split(/[、，,/]/).map((x) => x.trim().toLowerCase()).filter(Boolean) : [];
}

function choiceMatcher(id: string, choices: { value: string; label: string; aliases?: string[] }[]) {
  const key = `${id}\u0000${JSON.stringify(choices)}`;
  let hit = choiceCache.get(key);
  if (!hit) {
    const byWord = new Map<string, string>();
    for (const c of choices) for (const w of [c.label, ...(c.aliases ?? [])]) if (!byWord.has(w.toLowerCase())) byWord.set(w.toLowerCase(), c.value);
    hit = { regex: wordRegex([...byWord.keys()]), byWord };
    choiceCache.set(key, hit);
  }
  return hit;
}

/**
 * A choice's options that state something held (VocabularyFile `heldChoices`: a title awarded) count only where the reply
 * holds them: in a clause with a `held` word (获得过, 评上, 称号), or beside a plain yes (有，智能车间). A clause that names
 * one with an `intended` word only (准备报, 想报) says what is applied for now; one that names it bare (流程型智能工厂) may
 * mean either. Both are left out of `text`, the reply the choice is read from; `said` holds what was named, as typed, to
 * ask back. Undefined for a question without such options, or a reply that names none of them.
 */
function unheldOptions(kb: KnowledgeData, questionId: string, text: string, saysYes: boolean): { text: string; said: string[] } | undefined {
  const rules = kb.interview.vocabulary.heldChoices.filter((h) => h.question === questionId);
  if (!rules.length) return undefined;
  const { regex, byWord } = choiceMatcher(questionId, indexOf(kb).questions.get(questionId)?.choices ?? []);
  const has = (c: string, words: string[]) => words.some((w) => c.includes(w.toLowerCase()));
  const clauses = text.split(/[，,。；;！!？?\s]+/u).filter(Boolean).map((clause) => {
    const c = clause.toLowerCase();
    const named = findAll(regex, c).some((h) => rules.some((r) => r.values.includes(byWord.get(h.word.toLowerCase())!)));
    return { clause, named, held: rules.some((r) => has(c, r.held)), intended: rules.some((r) => has(c, r.intended)) };
  });
  // The yes holds the bare name only where no clause holds an option itself (「工厂。车间称号有了」: the yes is the title's).
  const yesHolds = saysYes && !clauses.some((c) => c.named && c.held);
  const kept: string[] = [];
  const said: string[] = [];
  for (const c of clauses) (!c.named || c.held || (yesHolds && !c.intended) ? kept : said).push(c.clause);
  if (!said.length) return undefined;
  return { text: kept.join('，'), said };
}

function answerPending(
  kb: KnowledgeData,
  q: QuestionView,
  text: string,
  freeAnswers: Polarity[],
  skipped: boolean,
  /** Whether the reply names something else: another metric or choice (true), or only systems ('systems'). */
  mentionedOther: boolean | 'systems',
  several?: string[],
): AnswerValue | undefined {
  const first = freeAnswers[0];
  // 「以前有过，已经移出了」, 「对，没有被列入」: clauses that answer both ways are asked again, not guessed.
  const torn = freeAnswers.some((p) => p === true) && freeAnswers.some((p) => p === false || p === 'planned' || p === 'future' || p === 'tried');
  if (torn && (q.kind === 'yesNo' || q.kind === 'yesNoPartial')) return undefined;
  switch (q.kind) {
    case 'yesNoPartial':
      // 「有，就一条线在用」「有，试用中」: a later clause that confines the yes makes it partly built.
      if (first === true && freeAnswers.includes('partial')) return 'partial';
      if (first !== undefined) return toValue(first);
      return skipped && !mentionedOther ? null : undefined;
    case 'yesNo':
      if (first !== undefined && first !== 'partial') return toYesNo(first);
      return skipped && !mentionedOther && first === undefined ? null : undefined;
    case 'number': {
      const n = parseNumber(text, q.unit);
      // 「自动化设备有一百五十多台，占八成五」: equipment named beside a percentage, to a percentage question,
      // is what the figure is of; another metric or choice named (联网率80%) is not.
      const ofSubject = mentionedOther === 'systems' && q.unit === '%' && n?.unit === '%';
      if (mentionedOther && !ofSubject) return undefined;
      if (n) return n.value;
      return skipped ? null : undefined;
    }
    case 'choice': {
      const spec = indexOf(kb).questions.get(q.id);
      const choices = spec?.choices ?? [];
      const lower = text.toLowerCase();
      const out = spec?.outside;
      const vocab = vocabOf(kb);
      const clauses = lower.split(/[，,。；;！!？?\s]+/).filter(Boolean);
      // 「省里的还没有」 names the province only to deny it: it does not make a 市级 title a provincial one.
      const denies = (c: string) => findAll(vocab.cues, vocab.mask ? c.replace(vocab.mask, ' ') : c).some((h) => { const p = vocab.polarity.get(h.word.toLowerCase()); return p === false || p === 'planned' || p === 'future' || p === 'tried'; });
      const claimsUnless = (o: NonNullable<typeof out>) => clauses.some((c) => o.unless.some((w) => c.includes(w.toLowerCase())) && !denies(c));
      if (out && out.words.some((w) => lower.includes(w.toLowerCase())) && !claimsUnless(out)) return out.value;
      const { regex, byWord } = choiceMatcher(q.id, choices);
      // 「MES在一个车间试点」: an option word in a clause that names a system says where the system is, not the option
      // chosen, unless the clause says it as the choice (VocabularyFile `statedChoices` triggers: 报车间, 打算申报工厂).
      const triggers = kb.interview.vocabulary.statedChoices.filter((sc) => sc.question === q.id).flatMap((sc) => sc.triggers.map((w) => w.toLowerCase()));
      const locates = (c: string) => mentionedOther === 'systems' && findAll(indexOf(kb).aliasRegex, c).length > 0 && !triggers.some((w) => c.includes(w));
      const values = new Set(lower.split(/[，,。；;！!？?]+/u).filter((c) => !locates(c)).flatMap((c) => findAll(regex, c).map((h) => byWord.get(h.word.toLowerCase())!)));
      if (values.size === 1) return [...values][0];
      if (values.size > 1) {
        // 「两种都有…主要还是流程」: the clause that says which is the main one decides.
        const main = new Set(
          clauses.filter((c) => findAll(vocab.primary, c).length > 0).flatMap((c) => findAll(regex, c).map((h) => byWord.get(h.word.toLowerCase())!)),
        );
        if (main.size === 1) return [...main][0];
        // 「工厂。车间称号有了」: an option named in a clause this choice's own blockers mark (a title held) is the
        // premise, not the choice made.
        const blockers = kb.interview.vocabulary.statedChoices.filter((sc) => sc.question === q.id).flatMap((sc) => sc.blockers.map((w) => w.toLowerCase()));
        const unblocked = new Set(clauses.filter((c) => !blockers.some((w) => c.includes(w))).flatMap((c) => findAll(regex, c).map((h) => byWord.get(h.word.toLowerCase())!)));
        if (unblocked.size === 1 && unblocked.size < values.size) return [...unblocked][0];
        // 「先报个车间试试吧，工厂估计够不上」: an option named only in a clause that denies it is not the one chosen.
        const affirmed = new Set(clauses.filter((c) => !denies(c)).flatMap((c) => findAll(regex, c).map((h) => byWord.get(h.word.toLowerCase())!)));
        if (affirmed.size === 1 && affirmed.size < values.size) return [...affirmed][0];
        // 「以前也没有获得过省级智能车间或者智能工厂称号」: every option named only under a no, beside the one option a no
        // word itself names (没有 → 都没有), leaves that option.
        const byNo = new Set(findAll(regex, lower).filter((h) => findAll(vocab.cues, h.word.toLowerCase()).some((c) => vocab.polarity.get(c.word) === false)).map((h) => byWord.get(h.word.toLowerCase())!));
        if (affirmed.size === 0 && byNo.size === 1) return [...byNo][0];
        // 「评上过省级智能工厂，这次想再报个车间」: a clause about what another question asks (what it applies
        // for now: 想/报 without 获得/评上) is no answer to this one; the clauses left decide.
        const elsewhere = (c: string) =>
          kb.interview.vocabulary.statedChoices.some(
            (sc) => sc.question !== q.id && sc.triggers.some((w) => c.includes(w.toLowerCase())) && !sc.blockers.some((w) => c.includes(w.toLowerCase())),
          );
        const own = new Set(clauses.filter((c) => !elsewhere(c)).flatMap((c) => findAll(regex, c).map((h) => byWord.get(h.word.toLowerCase())!)));
        if (own.size === 1) return [...own][0];
        // Several options and none said to be the main one: which one is asked, never picked.
        if (own.size > 1) several?.push(...choices.filter((c) => own.has(c.value)).map((c) => c.label));
      }
      // 「俺们是做水泥的」: a trade named instead of a choice answers with its division's usual type, unless the division is mixed.
      if (values.size === 0 && !skipped && spec?.byIndustry) {
        const code = /\d/.test(lower) ? undefined : industryFromText(kb, lower);
        const division = code ? indexOf(kb).divisions.get(code) : undefined;
        if (division && !division.mixed && choices.some((c) => c.value === division.prior)) return division.prior;
      }
      if (values.size === 0 && skipped) return choices.some((c) => c.value === 'unsure') ? 'unsure' : null;
      return undefined;
    }
    case 'text': {
      // A sentence about systems is not the name or code this question asks for; a plain "没有" declines it.
      // Nothing left once a fact said in passing is taken out (「2008年成立的」 to the city question): not answered.
      if (mentionedOther || !text) return undefined;
      if ((skipped && text.length <= 8) || (first === false && text.length <= 8)) return null;
      return text;
    }
    default:
      return undefined;
  }
}
