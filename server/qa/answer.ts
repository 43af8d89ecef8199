import type { AskResponse, Citation } from '../schemas/ask';
import type { KnowledgeBase } from '../knowledge/base';
import type { Clause } from '../knowledge/schemas/clauses';
import type { IntentsFile, LexiconEntry, Region } from '../knowledge/schemas/notice-data';
import { normalise } from '../retrieval/tokenize';
import { arabicNumerals, findQuantities, indefiniteAmounts, normalise as readAsTyped, parseChineseNumber, shownCorrections, understanderFor, withoutPersonalStatements, withProvinces, type Correction, type Understander } from '../understand';
import { namedConcepts, type EntryMatch, type PreparedEntry } from './answer-base';
import type { AnswerEntry } from '../knowledge/schemas/answer-base';
import { WordFinder } from './words';
import { escapeRegex } from '../engine/kb';
import { ELLIPSIS, oncePerClause, quoteUnits, renderUnit } from './quote';
import { answersOf } from './layer';
import { placeholderValues } from './placeholders';

/**
 * Offline answers that conclude, then prove. Order of decisions:
 *  1. the question is read once (normalised, typos repaired, abbreviations expanded);
 *  2. an instruction to the assistant, a code or a writing task → refused, whatever else it asks;
 *  3. each part of the question is matched against the answer base; a confident match answers
 *     that part with its conclusion first and its verbatim quotes after;
 *  4. nothing matched: a topic the notice does not cover → refused with the reason and the
 *     helpline; otherwise the most relevant clauses, said to be no direct answer, when retrieval
 *     is confident, and a refusal when it is not.
 * Pure and synchronous: all wording lives in knowledge/<version>/ (answer-base.json, intents.json).
 */

type Intent = IntentsFile['intents'][number];

const INTENT_CONFIDENCE = 0.95;
const MAX_CITATIONS = 3;
/**
 * How similar a question must be to an entry's best phrasing for the entry to answer it. An entry
 * with required words has already shown it is about the question's subject, so less wording needs
 * to agree; an unguarded entry must match the wording itself.
 */
const ACCEPT_GUARDED = 0.25;
const ACCEPT = 0.42;
/** How much closer the one asking part must be to an entry than the whole question is to its own, to be answered instead. */
const ASKING_MARGIN = 0.05;
/** An asking part this long or longer can name its own subject; a shorter one leans on what was said before it. */
const SELF_CONTAINED = 8;
/** How much closer the whole question must be to one entry than each part to its own, to be read as one question. */
const WHOLE_MARGIN = 0.1;

function accepted(matches: readonly EntryMatch[]): EntryMatch | undefined {
  return matches.find((m) => m.score >= (m.prepared.requires.length > 0 ? ACCEPT_GUARDED : ACCEPT));
}

// Templates come from the knowledge files and the staff's answers only, never from a question; the
// memo is still cleared when large, as staff edits add texts over the years. A template is kept split
// at its {placeholders}: odd pieces are names; filling is then a join, with no regular expression.
const templatePieces = new Map<string, string[]>();

function fill(template: string, vars: Record<string, string | number>): string {
  let pieces = templatePieces.get(template);
  if (!pieces) {
    if (templatePieces.size >= 10_000) templatePieces.clear();
    templatePieces.set(template, (pieces = template.split(/\{(\w+)\}/)));
  }
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i += 2) {
    const k = pieces[i]!;
    out += (k in vars ? String(vars[k]) : `{${k}}`) + pieces[i + 1]!;
  }
  return out;
}

// Keywords come from the knowledge files only (never from user text), so this memo is bounded.
const normalisedKeyword = new Map<string, string>();
function norm(word: string): string {
  let n = normalisedKeyword.get(word);
  if (n === undefined) normalisedKeyword.set(word, (n = normalise(word)));
  return n;
}

/** The keywords of the knowledge files found in one question, with their start positions. */
type Found = Map<string, number[]>;

// Every keyword the Q&A data can ask about: one pass over the question finds them all, instead of
// one substring search per keyword.
const keywordIndex = new WeakMap<KnowledgeBase, WordFinder>();

function indexOf(kb: KnowledgeBase): WordFinder {
  let index = keywordIndex.get(kb);
  if (index) return index;
  const { intents, regions, industries } = kb.data;
  const words = new Set<string>([
    ...intents.outOfScope.topics.flatMap((t) => t.keywords),
    ...intents.intents.flatMap((i) => [...i.trigger.flat(), ...(i.none ?? []), ...(i.regionTrigger ?? [])]),
    ...regions.regions.flatMap((r) => [r.name, r.short, ...r.aliases]),
    ...industries.divisions.flatMap((d) => [d.name, ...(d.aliases ?? [])]),
    ...(industries.otherDivisions ?? []).flatMap((d) => d.aliases ?? []),
    ...(industries.unsure ?? []),
  ]);
  index = new WordFinder([...words].map(norm).filter(Boolean));
  keywordIndex.set(kb, index);
  return index;
}

const regionTerms = new WeakMap<KnowledgeBase, Map<string, Region[]>>();

/** Normalised name → regions it names (名称, 简称, 别名; two characters at least). */
function regionTermsOf(kb: KnowledgeBase): Map<string, Region[]> {
  let map = regionTerms.get(kb);
  if (map) return map;
  map = new Map();
  for (const r of kb.data.regions.regions) {
    for (const term of new Set([r.name, r.short, ...r.aliases].map(norm))) {
      if (term.length < 2) continue;
      map.set(term, [...(map.get(term) ?? []), r]);
    }
  }
  regionTerms.set(kb, map);
  return map;
}

function scan(kb: KnowledgeBase, q: string): Found {
  return indexOf(kb).find(q);
}

// Keyword lists come from the knowledge files only, so this memo is bounded.
const normalisedLists = new WeakMap<readonly string[], string[]>();

function has(found: Found, words: readonly string[]): boolean {
  let list = normalisedLists.get(words);
  if (!list) normalisedLists.set(words, (list = words.map(norm)));
  return list.some((w) => found.has(w));
}

const suffixPattern = new Map<string, RegExp>();


/** A clause cited by the unit (whole sentence or 「；」 part) that contains a needle; its first unit when none does. */
export function cite(kb: KnowledgeBase, id: string, needles: readonly string[] = []): Citation | null {
  const c = kb.clause(id);
  if (!c) return null;
  const units = quoteUnits(c.text);
  const unit = needles.map((n) => units.find((u) => u.text.includes(n))).find(Boolean) ?? units[0];
  return { clause: c.id, title: c.title, quote: unit ? renderUnit(unit) : c.title };
}

function citations(kb: KnowledgeBase, items: [string, readonly string[]][]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const [id, needles] of items) {
    if (seen.has(id)) continue;
    const c = cite(kb, id, needles);
    if (c) {
      seen.add(id);
      out.push(c);
    }
  }
  return out;
}

// ---------- regions ----------

interface RegionMatch {
  name: string;
  region?: Region;
  kind: Region['kind'] | '市辖区';
  group?: string;
}

/** Where the listed regions are named, longest name first where two overlap (新乡县, not 新乡 in it). */
function listedRegionSpans(kb: KnowledgeBase, hits: Found): { start: number; end: number; region: Region }[] {
  const spans: { start: number; end: number; region: Region }[] = [];
  const byTerm = regionTermsOf(kb);
  for (const [term, at] of hits) {
    for (const r of byTerm.get(term) ?? []) for (const start of at) spans.push({ start, end: start + term.length, region: r });
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start));
  const taken: typeof spans = [];
  for (const s of spans) if (!taken.some((t) => s.start < t.end && t.start < s.end)) taken.push(s);
  return taken;
}

/** Regions named in the question; a name inside a longer matched name does not count (新乡 in 新乡县). */
export function findRegions(kb: KnowledgeBase, question: string, found?: Found): RegionMatch[] {
  const q = normalise(question);
  const hits = found ?? scan(kb, q);
  const { rules } = kb.data.regions;
  const listed = listedRegionSpans(kb, hits);
  const taken: { start: number; end: number }[] = [...listed];
  const out: RegionMatch[] = [];
  for (const s of listed) if (!out.some((o) => o.region === s.region)) out.push({ name: s.region.name, region: s.region, kind: s.region.kind, group: s.region.group });
  // A county the list does not know is still a 县: the rule, not the list, decides its quota.
  for (const rule of rules) {
    let re = suffixPattern.get(rule.suffix);
    if (!re) suffixPattern.set(rule.suffix, (re = new RegExp(`(\\p{Script=Han}{1,3})${rule.suffix}`, 'gu')));
    for (const m of q.matchAll(re)) {
      // 「我们是县级工信局」 names no county: what stands before a pronoun or 是 is the sentence, not
      // the name, and 县级 is a level.
      const lead = m[1]!.match(/^.*[是为我你他咱俺们]/u)?.[0].length ?? 0;
      const start = m.index! + lead;
      const name = m[0].slice(lead);
      if (name.length === m[0].length - m[1]!.length || q.charAt(start + name.length) === '级') continue;
      // Nor does a conjunction or adverb just before it (「…，但县里名额满了」「那县里呢」): no county's name ends in one.
      // A preposition neither (「济源的名额跟县里一样吗」).
      if (/^(各|每|个|本|该|全|省|市|区|的|和|或|及|在|哪|但|而|且|可|就|也|还|又|那|这|则|再|才|若|即|都|跟|与|同|比|对|给|向|到|去|往|从|像)/u.test(m[1]!.slice(-1)) || /[各每个本该全]/u.test(name[0]!)) continue;
      // Nor do the words of the question itself (「申报名额县里有几个」): what is asked of a place is no part of its name.
      if (/名额|指标|申报|推荐|报/u.test(name)) continue;
      if (taken.some((t) => start < t.end && t.start < start + name.length)) continue;
      taken.push({ start, end: start + name.length });
      out.push({ name, kind: rule.kind, group: rule.group });
    }
  }
  // A listed 市辖区 counts only when no other region is named: 「洛阳市偃师区」 is 洛阳市, and several
  // cities have a 鼓楼区.
  if (out.some((o) => o.kind !== '市辖区')) return out.filter((o) => o.kind !== '市辖区');
  if (out.length === 0) {
    const d = q.match(/(\p{Script=Han}{2,4})区/u);
    if (d && !/示范|港|地|园|社/u.test(d[1]!)) out.push({ name: `${d[1]}区`, kind: '市辖区' });
  }
  return out;
}

// ---------- answers ----------

/** `related`: a clause next to the topic, quoted at its sentence naming one of `needles` (else its first). */
function outOfScope(kb: KnowledgeBase, topic: { id: string; label: string; related?: string; needles?: readonly string[] } | null): AskResponse {
  const oos = kb.data.intents.outOfScope;
  const { unit, phone } = kb.data.facts.contact;
  const related = topic?.related ? cite(kb, topic.related, topic.needles) : null;
  const answer = topic
    ? fill(oos.answer, {
        topic: topic.label,
        related: related ? fill(oos.relatedTemplate, { clause: `${related.clause}（${related.title}）`, quote: related.quote.replace(/[。；;]+$/u, '') }) : '',
        unit,
        phone,
      })
    : fill(oos.lowConfidenceAnswer, { unit, phone });
  const cites = citations(kb, [[oos.citation, [phone]]]);
  if (related) cites.push(related);
  return { answer, citations: cites, confidence: topic ? INTENT_CONFIDENCE : 0.2, outOfScope: true, ...(topic ? { topic: topic.id } : {}) };
}

function quotaAnswer(kb: KnowledgeBase, intent: Intent, regions: RegionMatch[], q = ''): { text: string; cites: [string, string[]][]; general: boolean } {
  const { groups, overQuota, clause, rules, countyWords } = kb.data.regions;
  const all = groups.map((g) => `${g.label}不多于${g.max}家`).join('；');
  const parts: string[] = [];
  const needles: string[] = [];
  /** The quota each part states and the name it states it of, for a comparison's conclusion. */
  const stated: { name: string; max: number }[] = [];
  // 「我们是郑州的，县里有名额吗」: a county spoken of without a name, with its 省辖市 named, has the
  // county quota (the rules' group); the city's own quota is said after it.
  const countyGroup = groups.find((g) => g.id === rules[0]?.group);
  const text = normalise(q);
  const unnamedCounty = countyGroup && intent.countyOfCityAnswer && !regions.some((r) => r.kind === '县' || r.kind === '县级市') && (countyWords ?? []).some((w) => text.includes(norm(w)));
  for (const r of regions) {
    const g = groups.find((x) => x.id === r.group);
    if (unnamedCounty && g && r.kind === '省辖市') {
      needles.push(countyGroup.quote, g.quote);
      parts.push(fill(intent.countyOfCityAnswer!, { prefecture: r.name, max: countyGroup.max, cityMax: g.max }));
      stated.push({ name: r.name, max: g.max }, { name: countyGroup.label, max: countyGroup.max });
      continue;
    }
    if (!g) {
      parts.push(fill(intent.districtAnswer ?? '{all}', { name: r.name, all }));
      continue;
    }
    needles.push(g.quote);
    if (r.kind !== '市辖区') stated.push({ name: r.name, max: g.max });
    // A 市辖区's quota is its 省辖市's: said of the city, after a note that names the district.
    const prefecture = r.kind === '市辖区' ? r.region?.prefecture : undefined;
    const name = prefecture ?? r.name;
    // "郑州市属于“郑州市”" says nothing: name the group only when it is not the region itself.
    const groupPart = g.label === name ? '' : fill(intent.groupPart ?? '', { groupLabel: g.label });
    let text = (prefecture ? fill(intent.districtNote ?? '', { name: r.name, prefecture }) : '') + fill(intent.regionAnswer ?? '', { name, groupPart, max: g.max });
    if (r.kind === '县' || r.kind === '县级市') {
      text += fill(intent.countyNote ?? '', { name: r.name, prefecture: r.region?.prefecture ?? '所在省辖市', kind: r.kind === '县' ? '县' : '县级市' });
    }
    parts.push(text);
  }
  // 「我们县能推荐几家」 names no region but asks of a county: its answer is the county row, not the
  // whole table. A question that also speaks of a 市 compares the levels and gets the table.
  // The understanding step drops 我们 from 「我们县…」, so a question that opens with the county
  // suffix speaks of a county too.
  const saysCounty = (countyWords ?? []).some((w) => text.includes(norm(w)));
  const countyAlone = !regions.length && countyGroup && intent.countyAnswer && (saysCounty || rules.some((r) => text.startsWith(r.suffix)));
  // A region compared with the counties (「济源跟县里一样吗」) gets the county row beside its own.
  const asksWhich = intent.compare?.which ? patternOf(intent.compare.which).test(text) : false;
  const compares = (words: string[] | undefined) => (words ?? []).some((w) => text.includes(norm(w))) || (words === intent.compare?.words && asksWhich);
  const comparedWithCounty =
    regions.length > 0 && !stated.some((x) => x.name === countyGroup?.label) && saysCounty && countyGroup && intent.countyAnswer && compares(intent.compare?.words) &&
    !regions.some((r) => r.kind === '县' || r.kind === '县级市');
  if ((countyAlone && !/市/u.test(text.replace(/县[（(]?市[）)]?|县级市/gu, ''))) || comparedWithCounty) {
    needles.push(countyGroup!.quote);
    parts.push(fill(intent.countyAnswer!, { max: countyGroup!.max }));
    stated.push({ name: countyGroup!.label, max: countyGroup!.max });
  }
  // 「金水区和郑州市的名额是分开算的吗」: a 市辖区 named beside its own 省辖市 has no quota apart from
  // it (findRegions keeps the city only); asked whether they are kept apart, the answer is no.
  // Asked whether a 市辖区 is counted in its own 省辖市 (「金水区算不算郑州的」), the answer is yes, said as such;
  // asked whether the two are kept apart, it is no.
  const counted = Boolean(intent.separate?.countedWithin && intent.separate.counts && new RegExp(intent.separate.counts, 'u').test(text));
  const district =
    intent.separate?.within && (compares(intent.separate.words) || counted) ? districtsNamed(kb, q).find((d) => regions.some((r) => r.kind === '省辖市' && r.name === d.prefecture)) : undefined;
  const districtGroup = district && groups.find((g) => g.id === district.group);
  if (district && districtGroup) {
    const template = counted && !compares(intent.separate!.words) ? intent.separate!.countedWithin! : intent.separate!.within!;
    parts.unshift(fill(template, { district: district.name, prefecture: district.prefecture!, max: districtGroup.max }));
  } else if (stated.length >= 2) {
    // Two quotas compared, or asked whether they are kept apart, are answered so before they are stated.
    const maxes = new Set(stated.map((x) => x.max));
    if (intent.compare && compares(intent.compare.words)) {
      // 「郑州和洛阳谁多」 asks which: the larger is named, with both figures and the difference.
      const [a, b] = [...stated].sort((x, y) => y.max - x.max);
      const which = asksWhich && intent.compare.more && stated.length === 2 && maxes.size === 2;
      parts.unshift(
        which
          ? fill(intent.compare.more!, { first: a!.name, firstMax: a!.max, second: b!.name, secondMax: b!.max, diff: a!.max - b!.max })
          : maxes.size === 1
            ? fill(intent.compare.same, { max: stated[0]!.max })
            : intent.compare.differ,
      );
    } else if (intent.separate && compares(intent.separate.words) && !regions.some((r) => r.kind === '市辖区')) {
      // 「是分开算的吗」 is answered 是; 「算新乡的还是单独算」 by the choice it offers.
      const choice = intent.separate.choice && intent.separate.choiceWords?.some((w) => text.includes(w)) ? intent.separate.choice : intent.separate.answer;
      parts.unshift(fill(choice, { names: stated.map((x) => x.name).join('和') }));
    } else if (intent.separate?.counts && intent.separate.apart && patternOf(intent.separate.counts).test(text) && !regions.some((r) => r.kind === '市辖区')) {
      // 「巩义的名额算郑州的吗」: 四(三) gives each recommending department its own line, so one place's
      // quota is not part of another's; for a county the notice also never says it is counted in its
      // 省辖市's, and that absence is said, with whom to ask.
      const { unit, phone } = kb.data.facts.contact;
      const county = regions.some((r) => r.kind === '县' || r.kind === '县级市') && intent.separate.countyApart ? fill(intent.separate.countyApart, { unit, phone }) : '';
      parts.unshift(fill(intent.separate.apart, { names: stated.map((x) => x.name).join('和') }) + county);
    }
  }
  const general = parts.length === 0;
  if (general) parts.push(fill(intent.allAnswer ?? '{all}', { all, overQuota }));
  // 「郑州能推荐几家做汽车零部件的企业」: the trade is no criterion of the quota, and the answer says so
  // rather than leave the figure to be read as the trade's own.
  // A place's own name is no trade (航空 in 航空港区).
  const placed = intent.industryNote && q ? listedRegionSpans(kb, scan(kb, text)).sort((a, b) => b.start - a.start).reduce((t, r) => t.slice(0, r.start) + '，' + t.slice(r.end), text) : '';
  const trade = placed ? tradeOf(kb, placed) : null;
  if (trade && trade.kind !== 'other') parts.push(fill(intent.industryNote!, { industry: trade.said }));
  return { text: parts.join(''), cites: [[clause, needles.length ? needles : ['不多于']]], general };
}

/** Whether a text names the place its quota is of: a region, or a county spoken of without a name (「县里」「我们县」). */
function namesPlace(kb: KnowledgeBase, text: string): boolean {
  const intent = intentOf(kb, 'quota');
  return !intent || !quotaAnswer(kb, intent, findRegions(kb, text), text).general;
}

/** The listed 市辖区 a question names, whatever else it names (findRegions drops them beside a city). */
function districtsNamed(kb: KnowledgeBase, q: string): Region[] {
  const byTerm = regionTermsOf(kb);
  const out: Region[] = [];
  for (const term of scan(kb, normalise(q)).keys()) for (const r of byTerm.get(term) ?? []) if (r.kind === '市辖区' && !out.includes(r)) out.push(r);
  return out;
}

type Division = KnowledgeBase['data']['industries']['divisions'][number];

/** The GB/T 4754 division a question names, by its longest matching everyday name. */
export function findIndustry(kb: KnowledgeBase, q: string, found: Found = scan(kb, normalise(q))): { division: Division; said: string } | null {
  let best: { division: Division; said: string } | null = null;
  for (const d of kb.data.industries.divisions) {
    for (const name of [d.name, ...(d.aliases ?? [])]) {
      if (found.has(norm(name)) && (!best || name.length > best.said.length)) best = { division: d, said: name };
    }
  }
  // 「饲料机械厂」 makes the machines of an industry: GB/T 4754 puts it in the machinery division, as the interview reads it.
  const eq = kb.data.interview.vocabulary.industryEquipment;
  const b = best as { division: Division; said: string } | null;
  if (b && eq && eq.from.includes(b.division.code)) {
    const t = normalise(q).replace(/\s/g, '');
    const suffix = eq.suffixes.find((x) => t.includes(b.said + x));
    const machinery = kb.data.industries.divisions.find((d) => d.code === eq.division);
    if (suffix && machinery) return { division: machinery, said: b.said + suffix };
  }
  return best;
}

/**
 * The trade a question names, and whether it is manufacturing: a division 13—43 (industries.json `divisions`),
 * a trade outside manufacturing (`otherDivisions`' everyday names), or a kind of enterprise whose name does
 * not say (`unsure`). A name that overlaps a longer one is that longer name's (酒 in 酒店, 汽车 in
 * 汽车维修); trades of both kinds named together leave the main business to decide, as a name that does not say does.
 */
type Trade = (
  | { kind: 'manufacturing'; said: string; division: Division }
  | { kind: 'other'; said: string; code: string; name: string }
  | { kind: 'unsure'; said: string }
) & {
  /** Every trade word the question names, as normalised. */
  words: string[];
};

export function tradeOf(kb: KnowledgeBase, q: string, found: Found = scan(kb, normalise(q)), keepAgents = false): Trade | null {
  const { divisions, otherDivisions, unsure } = kb.data.industries;
  type Span = { start: number; end: number; said: string; kind: Trade['kind']; other?: { code: string; name: string } };
  const spans: Span[] = [];
  const add = (words: readonly string[], kind: Trade['kind'], other?: Span['other']) => {
    for (const w of words) for (const start of found.get(norm(w)) ?? []) spans.push({ start, end: start + norm(w).length, said: w, kind, other });
  };
  for (const d of divisions) add([d.name, ...(d.aliases ?? [])], 'manufacturing');
  for (const d of otherDivisions ?? []) add(d.aliases ?? [], 'other', { code: d.code, name: d.name });
  add(unsure ?? [], 'unsure');
  const text = normalise(q);
  // 「系统是软件公司开发的」: a trade that did something for the enterprise is not the enterprise's trade.
  // So is a name that says no trade (「科技公司开发的」).
  if (!keepAgents) for (let i = spans.length - 1; i >= 0; i--) if (spans[i]!.kind !== 'manufacturing' && tradeRole(text, norm(spans[i]!.said)) === 'agent') spans.splice(i, 1);
  // A compound's head comes last: 「服装贸易」「印刷品贸易公司」 trade in goods, they do not make them, so a trade
  // outside manufacturing said right after a manufacturing one (a character between at most, no conjunction) names the business.
  const heads = (s: Span, x: Span) => s.kind === 'manufacturing' && x.kind === 'other' && x.start >= s.end && /^[^\s和与及跟同或、，,]?$/u.test(text.slice(s.end, x.start));
  // Of two names that overlap, the longer is what was said (汽车 in 汽车维修, 做养殖 in 养殖设备).
  const longer = (s: Span, x: Span) => x.start < s.end && s.start < x.end && (x.end - x.start > s.end - s.start || (x.end - x.start === s.end - s.start && x.end > s.end));
  const kept = spans.filter((s) => !spans.some((x) => x !== s && (longer(s, x) || heads(s, x))));
  if (kept.length === 0) return null;
  const kinds = new Set(kept.map((s) => s.kind));
  const words = [...new Set(spans.map((s) => norm(s.said)))].sort((a, b) => b.length - a.length);
  // Trades of both kinds name no one business: the enterprise is spoken of as such.
  if (kinds.has('unsure') || kinds.size > 1) return { kind: 'unsure', said: kept.find((s) => s.kind === 'unsure')?.said ?? '企业', words };
  if (kinds.has('other')) {
    const o = [...kept].sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
    const what = spans.find((x) => heads(x, o));
    return { kind: 'other', said: what ? text.slice(what.start, o.end) : o.said, code: o.other!.code, name: o.other!.name, words };
  }
  const industry = findIndustry(kb, q, found);
  return industry ? { kind: 'manufacturing', said: industry.said, division: industry.division, words } : null;
}

/**
 * 「没做两化融合贯标能报吗」: the thing asked to be needed, named as the question names it: the words of the
 * entry's first required group found in it, joined where they touch (两化融合 + 贯标), with the words that go
 * on naming it (ISO9001 + 认证). Latin letters are shown in capitals, as certificates write them.
 */
function askedThing(kb: KnowledgeBase, p: PreparedEntry, q: string): string | undefined {
  const t = kb.data.intents.answerText.notRequired;
  const text = normalise(q);
  const spans = (p.requires[0] ?? [])
    .flatMap((w) => {
      const out: [number, number][] = [];
      for (let at = text.indexOf(w); at >= 0 && w; at = text.indexOf(w, at + 1)) out.push([at, at + w.length]);
      return out;
    })
    .sort((a, b) => a[0] - b[0]);
  if (!t || spans.length === 0) return undefined;
  let [start, end] = spans[0]!;
  for (const [s, e] of spans.slice(1)) if (s <= end) end = Math.max(end, e);
  for (let more = true; more; ) {
    const rest = text.slice(end);
    const next = /^[a-z0-9]+/u.exec(rest)?.[0] ?? t.suffixes.find((x) => rest.startsWith(x));
    more = Boolean(next);
    if (next) end += next.length;
  }
  return text.slice(start, end).replace(/[a-z]+/gu, (w) => w.toUpperCase());
}

/** A trade named, said to be manufacturing or not (answer-base fill tradeScope); undefined when none is named. */
function tradeAnswer(kb: KnowledgeBase, q: string, base: { text: string; citations: Citation[] } | undefined): { text: string; citations: Citation[] } | undefined {
  const t = kb.data.intents.answerText.trade;
  const trade = t ? tradeOf(kb, q) : null;
  if (!t || !trade) return undefined;
  const text = normalise(q);
  // 「我们不是制造业企业，做仓储的，能报不」: a denied 是 (不是制造业) is the asker's premise, not a question whether it counts.
  const is = t.isWords.some((w) => {
    const word = norm(w);
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (!word.startsWith('是') || !/[不没非]$/u.test(text.slice(0, at))) return true;
    return false;
  });
  // 「搞养殖的」 names the trade by what is done: it is said as the trade (养殖).
  trade.said = trade.said.replace(/^(?:做|搞|开|跑)(?=\p{Script=Han}{2})/u, '');
  const cites = citations(kb, [[t.clause, t.quotes]]);
  if (trade.kind === 'unsure') return { text: fill(t.unsure, { said: trade.said }), citations: cites };
  if (trade.kind === 'other') return { text: fill(t.other, { verdict: is ? t.noIs : t.noCan, said: trade.said, code: trade.code, name: trade.name }), citations: cites };
  const d = trade.division;
  const vars = { verdict: is ? t.yesIs : t.yesCan, said: trade.said, code: d.code, name: d.name };
  return base ? { text: `${fill(t.manufacturingLead, vars)}${base.text}`, citations: mergeCitations([cites, base.citations]) } : { text: fill(t.manufacturing, vars), citations: cites };
}

/**
 * Whether a question asks if the enterprise may apply (「能报智能工厂不」「可以申报吗」) rather than which type to apply
 * as (「算流程型吗」「报离散还是流程」「想报离散型，行吗」): the words of intents.json `answerText.situation`, its `asks`
 * and not its `which`.
 */
function mayApplyAsked(kb: KnowledgeBase, q: string): boolean {
  const s = kb.data.intents.answerText.situation;
  const text = normalise(q);
  if (!s || !s.asks.some((w) => text.includes(norm(w)))) return false;
  // A type named (「想报离散型，行吗」) asks whether the trade fits that type, which the notice does not decide.
  return !s.which.some((w) => text.includes(norm(w))) && !/还是|哪|属于|算|离散|流程/u.test(text);
}

const TYPICAL: Record<Division['prior'], string> = { discrete: '按离散型', process: '按流程型', mixed: '兼有离散和流程特征' };

const CLAUSE_END = /[，,。；;？?！!\s]/u;

function reapplicationHolder(q: string): '智能车间' | '智能工厂' | 'both' {
  const titled = q.match(/(车间|工厂)[^，,。？?车工]{0,4}(称号|荣誉|认定|资格|名号)/u);
  if (titled) return titled[1] === '车间' ? '智能车间' : '智能工厂';
  const got = q.search(/获批|批了|通过认定|认定了|评定为|入选|获得|已获|获评|评上|认定过|拿到|拿过|拿了|取得过|被评为|已经是|已是|获过|评过|认定为|被认定|已认定|评为|授牌|挂牌|是省级|是省/u);
  if (got >= 0) {
    // The title held is named in the same clause as the verb: after it ("评上了智能车间") or, as
    // spoken, before it ("那个车间去年评上了，今年能报智能工厂吗"); a later clause names what is asked.
    const rest = q.slice(got);
    const end = rest.search(CLAUSE_END);
    const own = end < 0 ? rest : rest.slice(0, end);
    const lead = q.slice(0, got);
    const before = lead.slice(lead.search(/[^，,。；;？?！!\s]*$/u)).match(/.*(车间|工厂)/u)?.[1];
    const m = own.match(/车间|工厂/u)?.[0] ?? before ?? rest.match(/车间|工厂/u)?.[0];
    if (m) return m === '车间' ? '智能车间' : '智能工厂';
  }
  return 'both';
}

const NUMBERING = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)\s*/u;

function isHeadingOnly(c: Clause): boolean {
  return c.text.replace(NUMBERING, '').replace(/[\s。：]/g, '').length <= c.title.length + 2;
}

function stripFillers(kb: KnowledgeBase, question: string): string {
  let q = normalise(question);
  for (const f of kb.data.intents.fillers) if (q.includes(norm(f))) q = q.split(norm(f)).join(' ');
  return q.trim();
}

/** Retrieval for the LLM layer and for answers: the k best clauses with their scores. */
export function retrieve(kb: KnowledgeBase, question: string, k = 5): { clause: Clause; score: number }[] {
  return kb.retriever.search(stripFillers(kb, question), k).hits.map((h) => ({ clause: h.clause, score: h.score }));
}

/** The quote for a retrieved clause: the unit holding its best-matching passage, verbatim. */
/**
 * The sentence of a retrieved clause to quote: the one the passage starts with; failing that, the
 * one sharing the most character pairs with the question. A line that only repeats the clause's
 * heading says nothing, so it is never the quote; undefined when nothing else is there.
 */
function quoteFromPassage(clause: Clause, passage: string | undefined, question: string): string | undefined {
  const heading = (t: string) => t.replace(NUMBERING, '').replace(/[\s。：:]/g, '') === clause.title.replace(/[\s。：:]/g, '');
  const units = quoteUnits(clause.text).filter((u) => !heading(u.text));
  const probe = (passage ?? '').replace(/^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)\s*/u, '').slice(0, 12);
  let unit = probe ? units.find((u) => u.text.includes(probe)) : undefined;
  if (!unit) {
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < question.length; i++) pairs.add(question.slice(i, i + 2));
    let best = 0;
    for (const u of units) {
      let n = 0;
      for (let i = 0; i + 1 < u.text.length; i++) if (pairs.has(u.text.slice(i, i + 2))) n++;
      if (n > best) (best = n), (unit = u);
    }
  }
  unit ??= units[0];
  return unit ? renderUnit(unit) : undefined;
}

// ---------- the answer pipeline ----------

const varsCache = new WeakMap<KnowledgeBase, Record<string, string | number>>();

function intentOf(kb: KnowledgeBase, id: Intent['id']): Intent | undefined {
  return kb.data.intents.intents.find((i) => i.id === id);
}

/**
 * The acronyms a question names, each with the name the notice uses for it. The notice introduces
 * its own as 「全称（简称）」 (「先进过程控制系统（APC）」), so that reading is the notice's and the
 * quote is verbatim; an everyday acronym the notice does not use (PLC, SCADA) is only related to
 * the lexicon concept it stands for, where the notice names that concept. Others are left out.
 */
interface Acronym {
  abbr: string;
  name: string;
  own: boolean;
  citation: Citation;
  /** The element conditions (三) that name the concept, in the lexicon's order, and the name each uses. */
  conditions: { clause: Clause; name: string }[];
}

function acronyms(kb: KnowledgeBase, q: string): Acronym[] {
  const out: Acronym[] = [];
  const { entries } = kb.data.lexicon;
  for (const m of understanderFor(kb.data).findConcepts(q)) {
    if (!/^[a-z][a-z0-9]+$/u.test(m.span) || out.some((o) => o.abbr.toLowerCase() === m.span)) continue;
    const concept = entries.find((e) => e.canonical === m.canonical);
    if (!concept) continue;
    const names = [concept.canonical, ...concept.aliases].filter((a) => /^\p{Script=Han}+$/u.test(a)).sort((a, b) => b.length - a.length);
    const clauses = (concept.clauses ?? []).map((id) => kb.clause(id)).filter((c): c is Clause => Boolean(c));
    const conditions = clauses.flatMap((c) => {
      const name = names.find((n) => c.text.includes(n));
      return c.id.startsWith('三(') && name ? [{ clause: c, name }] : [];
    });
    let item: Acronym | undefined;
    for (const c of clauses) {
      const at = c.text.toLowerCase().indexOf(`（${m.span}）`);
      const name = at > 0 ? names.find((n) => c.text.slice(0, at).endsWith(n)) : undefined;
      if (!name) continue;
      const abbr = c.text.slice(at + 1, at + 1 + m.span.length);
      const citation = cite(kb, c.id, [`${name}（${abbr}）`]);
      if (citation) item = { abbr, name, own: true, citation, conditions };
      break;
    }
    if (!item) {
      const c = clauses.find((x) => x.text.includes(concept.canonical));
      const abbr = concept.aliases.find((a) => a.toLowerCase() === m.span) ?? m.span.toUpperCase();
      const citation = c && cite(kb, c.id, [concept.canonical]);
      if (citation) item = { abbr, name: concept.canonical, own: false, citation, conditions };
    }
    if (item) out.push(item);
  }
  return out;
}

/**
 * 「视频150M可以吗」: the value the question names, compared with the bound the notice sets; undefined
 * when it names none in the entry's units, or only the bound itself.
 */
const STATES_RULE = /(?:至少|最少|最多|起码|不少于|不低于|不超过|不能超过|不得超过|不能低于|要求|规定|上限|下限|限制|必须|得)(?:是|要|为|在|有)?$/u;

function limitAnswer(limit: NonNullable<AnswerEntry['limit']>, vars: Record<string, string | number>, q: string): string | undefined {
  const v = limitValue(limit, vars, q, false);
  // A guess at the rule (「视频是三分钟对吧」) is answered with the rule itself, and corrected by `misquoted`.
  return v && !v.guess ? fill(v.ok ? limit.within : limit.beyond, { ...vars, said: v.said }) : undefined;
}

/**
 * The first value `q` names in the limit's units, as typed, and whether it is within the bound. With
 * `ruled` false, a value said as the rule (「照片至少要20张吧」) is passed over; with it true, it is read
 * too: a rule said with another figure (「视频不超过500M对吧」) is a figure to correct.
 */
function limitValue(limit: NonNullable<AnswerEntry['limit']>, vars: Record<string, string | number>, q: string, ruled: boolean): { ok: boolean; said: string; guess: boolean } | undefined {
  const bound = Number.parseFloat(String(vars[(limit.max ?? limit.min ?? limit.around)!]));
  const tolerance = limit.tolerance ? Number.parseFloat(String(vars[limit.tolerance])) : 0;
  if (!Number.isFinite(bound) || !Number.isFinite(tolerance)) return undefined;
  // 「一百八十兆」 names the same value as 「180兆」: the one reading of numbers writes it in digits first.
  const said = normalise(q);
  const digits = arabicNumerals(said, findQuantities(said)).text;
  // 「1分10秒」 is one length, in seconds, never its 10秒 alone; it is said back as the asker wrote it, not as 70秒.
  const typedAs = new Map<number, string>();
  let text = '';
  let last = 0;
  // 「一分十秒」 too: the reading of numbers sees 十秒 but no unit after 一, so its numerals are read here.
  // 「一分半」 without 钟 is a minute and a half as well (「两分半钟」 the reading of numbers already gives as 2.5分钟).
  for (const m of digits.matchAll(/([\d零〇一二两三四五六七八九十]+)\s*分钟?\s*(?:([\d零〇一二两三四五六七八九十]+)\s*秒钟?|半(?!钟))/gu)) {
    const [min, sec] = [m[1]!, m[2] ?? '30'].map((n) => (/^\d+$/u.test(n) ? Number(n) : parseChineseNumber(n)));
    if (min === undefined || sec === undefined) continue;
    text += digits.slice(last, m.index);
    typedAs.set(text.length, m[2] === undefined ? `${min}分半` : `${min}分${sec}秒`);
    text += `${min * 60 + sec}秒`;
    last = m.index! + m[0].length;
  }
  text += digits.slice(last);
  const values: { value: number; at: number; said: string; more: boolean }[] = [];
  for (const m of text.matchAll(limitValuePattern(limit.units))) {
    const factor = limit.units.find((u) => u.word === m[3])!.factor;
    const more = m[2] !== undefined;
    const value = Number(m[1]) * factor;
    // 「照片至少要20张吧」 states a rule to be checked, not a value of the asker's: the rule is the answer.
    // So does the bound in the notice's own unit (「要1080P吗」); said in another unit (「2K」) it is a value, and
    // so is the bound with more to it (「两百多兆」).
    if ((value === bound && factor === 1 && !more) || (!ruled && STATES_RULE.test(text.slice(Math.max(0, m.index! - 6), m.index)))) continue;
    values.push({ value, at: m.index!, said: typedAs.get(m.index!) ?? m[0].replace(/\s+/g, '').toUpperCase(), more });
  }
  // 「视频两分钟行吗，一分钟左右是吧」: a figure in a part that judges nothing and only asks (「一分钟左右吗」, as the
  // understanding step reads 「…是吧」) is the asker's guess at the notice's rule, not a value of theirs; the value
  // judged is one said where the asker judges it (行, 可以, 够…), where there is one.
  const guess = (v: (typeof values)[number]) => {
    const piece = pieceAt(text, v.at);
    const asked = piece.replace(GUESSED, '');
    // 「视频要多长，三分钟是吧」 asks the rule and guesses it: the figure is the guess, not the asker's video.
    return GUESSED.test(piece) && !JUDGED.test(asked) && (values.length > 1 || RULE_SAID.test(asked) || ASKS_VALUE.test(text.replace(piece, '')));
  };
  const own = values.find((v) => !guess(v)) ?? values[0];
  if (!own) return undefined;
  // 「两百多兆」 is more than 200: beyond a maximum of 200, though its lower end is not.
  const over = own.more && own.value === bound;
  const ok = limit.around ? Math.abs(own.value - bound) <= tolerance : limit.max ? own.value <= bound && !over : own.value >= bound;
  return { ok, said: own.said, guess: guess(own) };
}

/** Words that ask a value: 「视频要多长」「照片几张」. */
const ASKS_VALUE = /多[少长大久高]|几(?![十百千万])|什么|啥|哪/u;

/** Words that say a figure is the notice's rule (「视频是三分钟对吧」「要求一分钟左右吧」), not the asker's own length. */
const RULE_SAID = /左右|以内|(?<!不)是|要求|规定|通知|上限|下限/u;

/** A piece that ends by asking to be confirmed (「一分钟左右是吧」, read 「…吗」 by the understanding step). */
const GUESSED = /(?:对吧|是吧|对吗|是吗|对不对|是不是|没错吧|没错吗|是这样吗|是这样吧|吧|吗)$/u;

/** The piece of `text` (between two commas, stops or question marks) that holds position `at`. */
function pieceAt(text: string, at: number): string {
  const start = Math.max(...[...'，,;；?？。!！'].map((c) => text.lastIndexOf(c, at))) + 1;
  const ends = [...'，,;；?？。!！'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length).trim();
}

/** The values an answer's {placeholders} are filled with (facts.json, regions.json), read once per knowledge base. */
function varsOf(kb: KnowledgeBase): Record<string, string | number> {
  let vars = varsCache.get(kb);
  if (!vars) varsCache.set(kb, (vars = placeholderValues(kb.data)));
  return vars;
}

/**
 * The reasons of several items asked together, past their shared verdict: items whose reasons read the same
 * after their subjects (WMS and SCM are both in the factories' 经营管理) are said once, naming the subjects
 * together where the first of them stood; an item without a subject, or alone in its reading, keeps its own.
 */
function sameReadingsOnce(kb: KnowledgeBase, items: PreparedEntry['items'], reasons: string[]): string {
  const t = kb.data.intents.answerText.sameReading;
  const readingOf = (i: number) => {
    const subject = items[i]!.subject;
    return t && subject && reasons[i]!.startsWith(subject) ? reasons[i]!.slice(subject.length) : undefined;
  };
  const said = new Set<string>();
  return reasons
    .map((reason, i) => {
      const reading = readingOf(i);
      if (reading === undefined) return reason;
      if (said.has(reading)) return '';
      const alike = reasons.map((_, j) => j).filter((j) => readingOf(j) === reading);
      if (alike.length < 2) return reason;
      said.add(reading);
      return fill(t!.lead, { subjects: alike.map((j) => items[j]!.subject!).join(t!.separator), reading });
    })
    .join('');
}

/** The conclusion of one entry for this question, with its clauses; structured entries compute theirs. */
function entryAnswer(kb: KnowledgeBase, p: PreparedEntry, q: string): { text: string; citations: Citation[] } {
  const vars = varsOf(kb);
  const base = fill(p.entry.answer, vars);
  if (p.items.length) {
    const text = normalise(q);
    // In the order the question names them.
    const at = (i: (typeof p.items)[number]) => Math.min(...i.words.map((w) => text.indexOf(w)).filter((x) => x >= 0));
    const named = p.items.filter((i) => i.words.some((w) => text.includes(w)) && !i.unless.some((w) => text.includes(w))).sort((a, b) => at(a) - at(b));
    if (named.length > 0 && named.length < p.items.length) {
      // 「智能车间要求WMS和SCM吗」 names two items of one entry: a verdict they open with alike is said once, then each item's reason.
      const texts = named.map((i) => fill(i.answer, vars!));
      const verdict = texts[0]!.match(/^[^。，,：]{1,6}。/u)?.[0];
      const once = verdict !== undefined && texts.every((x) => x.startsWith(verdict)) ? verdict + sameReadingsOnce(kb, named, texts.map((x) => x.slice(verdict.length))) : texts.join('');
      return { text: once, citations: named.flatMap((i) => i.citations) };
    }
  }
  const bounded = p.entry.limit && limitAnswer(p.entry.limit, vars, q);
  if (bounded) return { text: bounded, citations: p.citations };
  switch (p.entry.fill) {
    case 'regionQuota': {
      const intent = intentOf(kb, 'quota');
      if (!intent) return { text: base, citations: p.citations };
      const a = quotaAnswer(kb, intent, findRegions(kb, q), q);
      // 「俺们能报几家」 names no place and asks as the enterprise that applies: its own limit, one a year, comes first.
      const own = intent.applicant;
      if (a.general && own && patternOf(own.asks).test(normalise(q))) {
        return { text: fill(own.answer, vars), citations: citations(kb, [[own.clause, [own.quote]], [intent.clause ?? '四(三)', ['不多于']]]) };
      }
      if (a.general) return { text: base, citations: p.citations };
      return { text: a.text, citations: citations(kb, a.cites) };
    }
    case 'regionQuotaAfter': {
      // 「南阳…名额分不分车间和工厂，各能推荐几家」: what the entry says of the whole table holds,
      // and the quota of the region asked about follows it.
      const intent = intentOf(kb, 'quota');
      const a = intent ? quotaAnswer(kb, intent, findRegions(kb, q), q) : undefined;
      if (!a || a.general) return { text: base, citations: p.citations };
      return { text: base + a.text, citations: mergeCitations([p.citations, citations(kb, a.cites)]) };
    }
    case 'reapplication': {
      const intent = intentOf(kb, 'reapplication');
      const holder = reapplicationHolder(q);
      // The rule for the title held is the proof, so its quote comes first, whichever entry matched.
      const own = (c: Citation) => (holder !== 'both' && c.quote.includes(`${holder}称号`) ? 0 : 1);
      return { text: intent?.answers?.[holder] ?? base, citations: [...p.citations].sort((a, b) => own(a) - own(b)) };
    }
    case 'industryType':
    case 'industryTypeAfter': {
      const intent = intentOf(kb, 'industryType');
      const industry = findIndustry(kb, q);
      if (!intent || !industry) return { text: base, citations: p.citations };
      const d = industry.division;
      const typical = `${TYPICAL[d.prior]}${d.mixed && d.prior !== 'mixed' ? '，部分企业为混合型' : ''}`;
      // A division's note holds for all its trades; a sub-note only for the trades it names, when one of them is asked.
      const notes = [d.note, ...(d.subNotes ?? []).filter((n) => n.words.some((w) => industry.said.includes(w) || q.includes(w))).map((n) => n.note)].filter(Boolean);
      const said = fill(intent.answer ?? '', { industry: industry.said, code: d.code, name: d.name, typical, note: notes.length ? `（${notes.join('；')}）` : '' });
      // 「我们是做铝型材的，能报哪个」: the entry's own answer, then what the named industry usually is.
      const text = p.entry.fill === 'industryTypeAfter' ? `${base}${said}` : said;
      const order = d.prior === 'process' ? ['三(三)', '三(二)'] : ['三(二)', '三(三)'];
      // The entry's own quotes prove the answer (the two types, each type's defining system): they
      // come first, the industry's usual type first, then the two types, then the other type. Where
      // they quote neither type, the types' clauses stand in for them; the first items that stand
      // for a heading come last, as they prove nothing about the type.
      const side = (c: Citation) => order.findIndex((id) => c.clause === id || c.clause.startsWith(id));
      const rank = (c: Citation) => [1, 0, 2][side(c) + 1]!;
      const quoted = p.quotes.some((c) => side(c) >= 0);
      const types = quoted ? [] : citations(kb, order.map((id) => [id, []] as [string, string[]]));
      const first = [...p.quotes, ...types].map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
      // A division of one usual type is proved by that type's clauses; the other type's are cited only for a mixed
      // one, or where the question names that other type (「化工厂能不能报离散型」).
      const otherNamed = categoriesNamed(q).includes(d.prior === 'process' ? '离散' : '流程');
      const own = (c: Citation) => d.mixed || d.prior === 'mixed' || otherNamed || side(c) !== 1;
      const typed = { text, citations: [...first, ...p.citations.filter((c) => !first.some((f) => f.clause === c.clause && f.quote === c.quote) && !order.includes(c.clause))].filter(own) };
      // 「我们是化工企业，能报智能工厂不」 asks whether it may apply, not which type it is: the answer opens with that
      // verdict, the trade being manufacturing (二(一)), before the type it usually takes.
      return mayApplyAsked(kb, q) ? (tradeAnswer(kb, q, typed) ?? typed) : typed;
    }
    case 'notRequired': {
      // The entry opens with its verdict and a sentence on things of this kind; the lead says both of the thing asked.
      const t = kb.data.intents.answerText.notRequired;
      const said = askedThing(kb, p, q);
      if (!t || !said) return { text: base, citations: p.citations };
      return { text: fill(t.lead, { said }) + base.split('。').slice(2).join('。'), citations: p.citations };
    }
    case 'namedTopic': {
      const said = askedThing(kb, p, q) ?? p.entry.topic ?? '';
      return { text: fill(p.entry.answer, { ...varsOf(kb), said }), citations: p.citations };
    }
    case 'tradeScope':
    case 'tradeScopeAfter':
      return tradeAnswer(kb, q, p.entry.fill === 'tradeScopeAfter' ? { text: base, citations: p.citations } : undefined) ?? { text: base, citations: p.citations };
    case 'glossary':
    case 'glossaryClauses': {
      const items = acronyms(kb, q);
      if (items.length === 0) return { text: base, citations: p.citations };
      const t = kb.data.intents.answerText;
      const named = items.map((i) => fill(i.own ? t.glossaryItem : t.glossaryRelated, { abbr: i.abbr, name: i.name, clause: i.citation.clause }));
      if (p.entry.fill === 'glossary') return { text: named.join(''), citations: items.map((i) => i.citation) };
      // 「SCADA对应通知里哪条要求」 asks where the notice asks for it: each category's clause, and what
      // the first of them asks, in its own words, so the conclusion answers without the quotes.
      const texts: string[] = [];
      const cites: Citation[] = [];
      for (const [n, i] of items.entries()) {
        const where: string[] = [];
        let said: string | undefined;
        for (const { clause } of i.conditions) {
          const category = t.otherCategory.categories.find((c) => clause.id.startsWith(c.section))?.name;
          if (!category) continue;
          where.push(category === said ? clause.id : `${category}${clause.id}`);
          said = category;
        }
        const first = i.conditions[0];
        const requirement = first?.clause.text.split(/[。；]/u).find((x) => x.includes(first.name))?.trim();
        texts.push(named[n]! + (where.length && requirement ? fill(t.glossaryWhere, { where: where.join('、'), requirement }) : ''));
        cites.push(i.citation, ...citations(kb, i.conditions.map(({ clause, name }) => [clause.id, [name]] as [string, string[]])));
      }
      return { text: texts.join(''), citations: mergeCitations([cites]) };
    }
    default:
      return { text: base, citations: p.citations };
  }
}

/**
 * The question's parts: a question mark, a semicolon, a comma or 另外/还有 may start a new one, and
 * so may 「、」 between two pieces that each ask ("视频要多大、多长时间"; not "MES、ERP要集成吗").
 * A part is answered on its own only when two or more parts each match a different entry, so a
 * comma that only sets the context ("我们是洛阳的企业，…") changes nothing.
 */
function parts(text: string, attributes: readonly string[] = []): { pieces: string[]; said: Map<string, string>; resubjected: Set<string> } {
  const split = text
    .split(/[?？;；!！。\n,，]|另外|还有就是|此外/u)
    // 「报车间要交哪些东西还有几号截止」: 还有 or 再问 between two pieces that each ask starts a second
    // question; 「我们还有机会报吗」「还有几天截止」 ask once, so nothing before them is split off.
    .flatMap((p) => {
      for (const m of p.matchAll(/还有|再问一下|再问下|再问|再(?=[^，,。？?]{0,3}(?:什么|啥|哪|几|多|怎|咋|是否))/gu)) {
        const head = p.slice(0, m.index);
        const tail = p.slice(m.index + m[0].length);
        if (head.trim().length >= 3 && asks(head) && asks(tail)) return [head, tail];
      }
      return [p];
    })
    .flatMap((p) => {
      const sub = p.split('、');
      if (sub.length > 1 && sub.every((x) => ASKS.test(x))) return sub;
      // Typed as spoken, a space often ends a question ("诊断问卷谁来填 要花钱吗"): each piece that
      // asks ends a part, and a piece that does not ask stays with the part it opens, so a space
      // after a subject ("车间申报书人数那块 建设前后都要填吗") or after some context ("做卫生纸的
      // 造纸厂算离散的还是流程的") splits nothing. An either-or asks without a question word.
      const grouped: string[] = [];
      let open = '';
      for (const x of p.trim().split(/\s+/u)) {
        // 「我是淅川县工信局的 …」: who is asking sets the context of every part, and is the subject
        // of none; glued to the next part it only dilutes that part's words.
        if (!open && SELF_INTRO.test(x) && !asks(x)) {
          grouped.push(x);
          continue;
        }
        open = open ? `${open} ${x}` : x;
        if (asks(x)) grouped.push(open), (open = '');
      }
      if (open && grouped.length) grouped[grouped.length - 1] += ` ${open}`;
      return grouped.length > 1 ? grouped : [p];
    })
    .flatMap((p) => {
      // 「视频和照片分别有什么要求」 asks the same of each: one part per subject. Two categories
      // (「智能车间和智能工厂各能推荐几家」) are asked together: the answer base compares them.
      const m = BOTH.exec(p.trim());
      const categories = m && SUBJECTS.some((s) => m[1]!.endsWith(s)) && SUBJECTS.some((s) => m[2]!.endsWith(s));
      if (m && !categories && ASKS.test(m[3]!)) return [`${m[1]}${m[3]}`, `${m[2]}${m[3]}`];
      // Typed as spoken, the two subjects stand apart from what is asked of each: 「航空港区跟省直管县
      // 推荐名额各是几家」 asks 「航空港区推荐名额是几家」 and 「省直管县推荐名额是几家」.
      const spaced = BOTH_SPACED.exec(p.trim());
      const both = spaced && SUBJECTS.some((s) => spaced[1]!.endsWith(s)) && SUBJECTS.some((s) => spaced[2]!.endsWith(s));
      return spaced && !both && ASKS.test(spaced[4]!) ? [`${spaced[1]}${spaced[3]}${spaced[4]}`, `${spaced[2]}${spaced[3]}${spaced[4]}`] : [p];
    })
    // 「…材料再问一下，截止…」 read without its 问一下 leaves 再 at the end of the first part: it joins, it asks nothing.
    .map((p) => p.trim().replace(/(?:还有|再|另外)$/u, '').trim())
    .filter((p) => p.replace(/[\s、]/g, '').length >= 3);
  // "省直管县的呢，推荐名额是几个": an opening part that only names a subject with 呢 leaves the
  // asking to the next part, which leaves out the subject; read together they are one question.
  const pieces: string[] = [];
  for (let i = 0; i < split.length; i++) {
    // 「…是分开给名额吗，各能推荐几家」: a part opening with 各/分别 asks about each of the things the
    // previous part named, and has no subject of its own; the two are one question.
    // 「能报智能工厂不，中不中？」: a part that is only a tag asking for leave (行不行, 可以不) asks again what the
    // part before asks; it has nothing of its own to answer.
    // 「视频两分钟行吗，三十秒是吧」: a part that only says a figure and asks it be confirmed guesses the rule the part
    // before asks to be judged by; it is the same question, answered together.
    if (i > 0 && FIGURE_GUESS.test(split[i]!.trim()) && pieces.length && sameMeasure(pieces[pieces.length - 1]!, split[i]!)) {
      pieces[pieces.length - 1] += `，${split[i]!.trim()}`;
      continue;
    }
    if (i > 0 && TAG_ONLY.test(split[i]!.trim()) && pieces.length) {
      pieces[pieces.length - 1] += `，${split[i]!.trim()}`;
      continue;
    }
    if (i > 0 && EACH.test(split[i]!) && split[i]!.length <= 8 && pieces.length) {
      pieces[pieces.length - 1] += `，${split[i]!}`;
      continue;
    }
    const subject = i === 0 && split.length > 1 ? split[0]!.match(FORWARD_SUBJECT)?.[1] : undefined;
    if (subject && !PREDICATE.test(subject) && ASKS.test(split[1]!) && !SUBJECTS.some((s) => split[1]!.includes(s))) {
      pieces.push(subject + split[1]!);
      i++;
    } else pieces.push(split[i]!);
  }
  const out: string[] = [];
  // What a part rewritten from a follow-up said as typed: read alone when the rewrite only repeats an earlier part.
  const said = new Map<string, string>();
  // The parts that are an earlier part asked again of another subject.
  const resubjected = new Set<string>();
  pieces.forEach((p, i) => {
    const prev = out[i - 1];
    if (!prev || p.length > 10) return void out.push(p);
    // "智能车间要有erp吗？智能工厂呢？": a short part naming only another subject asks the previous part again about it.
    // Only a previous part that asks can be asked again: after "去年评上了智能车间", "今年能报智能工厂吗" is its own question.
    const now = SUBJECTS.find((s) => p.includes(s));
    const before = now && SUBJECTS.find((s) => s !== now && prev.includes(s) && !now.includes(s) && !s.includes(now));
    // The follow-up's own words name the new subject ("离散型工厂呢" → 离散型工厂).
    // Its own asking words (「离散型要不要」) give way to the previous part's.
    const phrase = p.replace(/^(那|那么|如果是|换成)/u, '').replace(/[呢吗?？\s]+$/u, '').replace(/(?<=.{2})(?:(?<!智)能(?!力)|可以|需要|要(?![素求])|是否|有没有|是不是|必须).*$/u, '');
    if (now && before && ASKS.test(prev) && !ownObject(p)) {
      // 「AGV离散型工厂必须有吗 报车间的呢」: a new level (车间, 工厂) replaces the previous subject with its level
      // (离散型工厂), not only the category word before it.
      const at = prev.indexOf(before);
      const level = LEVEL.test(now) ? (prev.slice(at + before.length).match(LEVEL_AFTER)?.[0] ?? '') : '';
      const again = prev.slice(0, at) + (phrase.length <= 8 ? phrase : now) + prev.slice(at + before.length + level.length);
      resubjected.add(again);
      return void out.push(again);
    }
    const whole = elliptical(prev, p, attributes);
    if (whole && whole !== p) said.set(whole, p);
    out.push(whole ?? p);
  });
  return { pieces: out, said, resubjected };
}

/** The words a follow-up that only changes the subject (「离散型工厂要不要呢」「报车间的呢」) is made of. */
const SUBJECT_ONLY = /智能车间|智能工厂|离散型|流程型|车间|工厂|离散|流程|智能|那么|那|如果是|换成|要不要|需不需要|用不用|有没有|是不是|必须|需要|一定|是否|可以|能|要|用|有|上|报|申报|的|也|还|都|呢|吗|么|[?？\s]/gu;

/**
 * 「流程型要不要APC？离散型要不要SIS」: a later part that names another category and its own object
 * asks its own question, not the previous part's of another category.
 */
function ownObject(p: string): boolean {
  return p.replace(SUBJECT_ONLY, '').length >= 2;
}

/** Which of the notice's three kinds a text names (车间, 离散, 流程), as one string to compare. */
function categoriesNamed(text: string): string {
  return ['车间', '离散', '流程'].filter((w) => text.includes(w)).join('');
}

/** A subject that names a level: a workshop or a factory. */
const LEVEL = /车间|工厂/u;
/** The level right after a category word (「离散型工厂」「流程型的智能工厂」). */
const LEVEL_AFTER = /^的?(?:智能)?(?:车间|工厂)/u;

/** Two subjects and one predicate asked of each: 「A和B分别…」「A与B各…」. */
const BOTH = /^(\p{Script=Han}{2,10}?)(?:和|与|跟|以及|及)(\p{Script=Han}{2,10}?)(?:分别|各自|各)(.+)$/u;

/** The same, the two subjects set apart by a space from what is asked of each: 「A跟B 名额各是几家」. */
const BOTH_SPACED = /^(\p{Script=Han}{2,10}?)(?:和|与|跟|以及|及)(\p{Script=Han}{2,10})\s+(\p{Script=Han}{0,8}?)(?:分别|各自|各)(.+)$/u;

/** A part that asks about each of the things named before it: 「各能推荐几家」「分别要几张」. */
const EACH = /^(?:那)?(?:各|分别|各自)/u;

/** A follow-up that compares with or continues the previous part rather than asking its own thing. */
const CONTINUES = /^(一定|必须|是否|也|还|都|和|跟|与|同|那)/u;

/** An opening part that only names a subject: "那济源示范区跟航空港区呢" → 济源示范区跟航空港区. */
const FORWARD_SUBJECT = /^(?:那么|那|如果是)?(\p{Script=Han}{2,12}?)的?呢$/u;

/**
 * Where a question's asking starts ("洛阳|能推几家", "视频|要多大"): 能 not in 智能, 要 not in 要素/要求.
 * What comes before it is the subject a follow-up part may leave out or replace.
 */
const PREDICATE = /(?<!智)能(?!力)|可以|需要|要(?![素求])|多[少长大久高]|几|什么|啥|哪|怎么|是否|有没有|是不是/u;

/**
 * A short follow-up that leaves out what the previous question said: "县里呢" asks the previous
 * question about another subject ("洛阳能推几家" → "县里能推几家"); "多长时间" or "和附件2一样吗"
 * asks another thing about the same subject ("视频要多大" → "视频多长时间"). Null when the part
 * stands on its own.
 */
function elliptical(prev: string, p: string, attributes: readonly string[] = []): string | null {
  // A comparison (「跟ERP有啥区别」) names what it compares with, so it may be longer and still leave out its subject.
  if (!ASKS.test(prev)) return null;
  const k = prev.search(PREDICATE);
  // 「MES必须要有吗？没有会不会直接刷掉」: a case of lacking put with no thing named lacks the previous part's subject.
  const lack = LACKING_CASE.exec(p);
  // 「ERP必须上吗」 asks with 必须 alone: the thing lacked stands before it.
  const lacked = k > 0 ? k : prev.search(/必须|一定|非得|是否/u);
  if (lack && lacked > 0) {
    const thing = prev.slice(0, lacked).replace(/(?:必须|一定|是否|非得|都|也|还)+$/u, '');
    // 「智能车间MES必须要有吗」: the category applied for is no part of what is lacked; it stays ahead of the case.
    const category = [...SUBJECTS].sort((a, b) => b.length - a.length).find((s) => thing.startsWith(s) && thing.length > s.length + 1);
    const [head, lackedThing] = category ? [category, thing.slice(category.length).replace(/^的/u, '')] : ['', thing];
    return `${head}${lack[0]}${lackedThing}${p.slice(lack[0].length)}`;
  }
  if (p.length > (/^(和|跟|与|同)/u.test(p) ? 10 : 8) || k <= 0) return null;
  const subject = p.replace(/^(那|那么|如果是|换成)/u, '').replace(/呢[?？\s]*$/u, '');
  if (subject !== p.replace(/[?？\s]+$/u, '') && subject.length >= 2 && !PREDICATE.test(subject)) {
    // 「视频要1080P吗」 then 「那格式呢」: an attribute is asked of a thing, and the previous value (1080P) was said of
    // another attribute; it asks the attribute of the previous subject (视频格式呢), or of the thing it names itself
    // (「那申报书格式呢」). A value (「那4K呢」) still takes the previous asking.
    const attribute = attributes.find((a) => subject.endsWith(a));
    if (attribute) return subject === attribute ? `${ownerOf(prev.slice(0, k), attributes)}${subject}呢` : `${subject}呢`;
    return subject + prev.slice(k);
  }
  // 「MES是个啥，跟ERP有啥区别」: the subject is what stands before the copula (MES), not 「MES是个」.
  // 「在哪个网站弄的」 asks where, of the subject the previous part named.
  // 「还有专利要附吗」: 还有 before a subject opens another question; before the asking (「还有多长」) it asks on of the same subject.
  const continues = /^还有/u.test(p) ? p.slice(2).search(PREDICATE) === 0 : /^(一定|必须|是否|也|还|都|和|跟|与)/u.test(p);
  // 「要是没有视频呢」 opens with a case (要是, if), not with the asking 要 of 「要几张」.
  const asksFirst = p.search(PREDICATE) === 0 && !/^要是/u.test(p);
  if (asksFirst || continues || WHERE.test(p)) return prev.slice(0, k).replace(/(?<=.)(是个|是)$/u, '').replace(DOING_AFTER, '') + p;
  // 「审计报告要上年度的吗」 then 「那要原件吗」: an opening 那 only leads on; what follows asks of the same subject.
  const led = p.replace(/^(?:那么|那)(?![个些])/u, '');
  if (led !== p && led.search(PREDICATE) === 0) return prev.slice(0, k).replace(/(?<=.)(是个|是)$/u, '').replace(DOING_AFTER, '') + led;
  return null;
}

/**
 * A lacking said as a case, its thing left out, before what is asked of it: 「没有会不会刷掉」「要是没上的话能报吗」, or
 * with nothing asked but the case itself: 「要是没有呢」「没有的话」.
 */
const LACKING_CASE = /^(?:那|那么)?(?:如果|要是|假如|万一)?(?:没有|没上|没用|没装|没|不上|不用|缺)(?=(?:的话)?[，,]?(?:会|能|可以|行|算|是不是|是否|就|还|直接|要|咋|怎么|影响|呢|[?？]*$))/u;

/** A superlative or a doing said after a thing, before what is asked of it: 「视频最长弄多长」「照片最少拍几张」. */
const DOING_AFTER = /(?<=\p{Script=Han}{2})(?:最[长多大少高低短久]?)?(?:弄|搞|拍|录|传|交|做)?$/u;

/**
 * The thing a question's subject is about, without the attribute it names (「视频清晰度」 → 视频), so that another
 * attribute asked after it is asked of the thing; the subject as it is when nothing would be left.
 */
function ownerOf(subject: string, attributes: readonly string[]): string {
  const s = subject.replace(/的$/u, '').replace(DOING_AFTER, '') || subject;
  const a = attributes.find((x) => s.endsWith(x) && s.length - x.length >= 2);
  return a ? s.slice(0, -a.length).replace(/的$/u, '') : s;
}

/** Characters that only ask, join or require (「行不行」「就可以了吧」「必须」): a pair with one of them names nothing a part is about. */
const ASKING_CHARS = new Set([...'吗呢吧啊了的是不没有要能可以行会还也都就只去来得用把给让被这那么个些必须需该应否一定吧啥什怎哪谁几多少']);

/**
 * Whether an entry's answer speaks to a part that matched no entry alone: the part names a word the entry
 * requires, or two characters together, neither an asking word, that its phrasings or answer hold
 * (「县里初审只审核材料就行了吧」 beside the site check's 「初审是只看材料还是要到企业去」).
 */
function speaksTo(p: PreparedEntry, piece: string): boolean {
  if (p.requires.flat().some((w) => piece.includes(w))) return true;
  const own = norm([...p.entry.questions, p.entry.answer].join('\n'));
  for (let i = 0; i + 1 < piece.length; i++) {
    const pair = piece.slice(i, i + 2);
    if (!/^\p{Script=Han}{2}$/u.test(pair) || ASKING_CHARS.has(pair[0]!) || ASKING_CHARS.has(pair[1]!)) continue;
    if (own.includes(pair)) return true;
  }
  return false;
}

/** A tag that asks for leave and nothing else (中不中 is read as 行不行 before this). */
/**
 * A part that is a figure (a date is two: 三月三十一号), perhaps said as the rule, and a tag asking it be confirmed or
 * judged: 「三十秒是吧」「要求是十张对不对」「上限是500M对吧」「五张够不」. It has no subject of its own: it is the asker's
 * figure for what the part before asks.
 */
const FIGURE_GUESS = /^(?:那|就是|应该是|通知(?:说|写的)?是?|要求(?:是|的是)?|规定(?:是|的是)?|上限是?|下限是?|最多|最少|至少|不超过|不少于)?(?:[\d零〇一二两三四五六七八九十百千.]+(?:[a-zA-Z]{1,2}|\p{Script=Han}{1,2})?){1,2}(?:左右|以内|以上)?(?:对吧|是吧|对吗|是吗|对不对|是不是|没错吧|吧|吗|够不够|够不|够吗|行不行|行不|行吗|中不中|中不|中吗|可以吗|可以不|可不可以)[?？]*$/u;

/** Kinds of measure a figure and the question it answers share: a length, a file size, a count of photos, of places, a date. */
const MEASURES = [/分钟|秒|多长|多久|时长|几分|分半/u, /\d\s*(?:[mg]b?|兆)(?![a-z])|兆|多大|大小/iu, /张/u, /家|个|名额/u, /[月号日]|哪天/u];

/**
 * 「视频两分钟行吗，三十秒是吧」: the figure is of the measure the part before speaks of; 「视频要多大？30秒行吗」 asks a
 * length after a size, and is a question of its own.
 */
function sameMeasure(before: string, figure: string): boolean {
  return MEASURES.some((m) => m.test(before) && m.test(figure));
}

const TAG_ONLY = /^(?:行不行|中不中|行不|行吗|能行吗|行么|可以不|可不可以|可以吗|可以么|好不好|成不成|中不|中吗|对不对|是不是|对吧|是吧)[?？吗呢啊]*$/u;

/** Numerals say how many of a thing, not what it is (「可以填两个人吗」). */
const NUMERAL_CHARS = /[一二两三四五六七八九十百千万零半俩仨几]/u;

/** What an entry can be said to speak of: its phrasings, its answer and the clauses it cites. */
const entryWords = new WeakMap<PreparedEntry, string>();

/**
 * A part of a several-part question that names a thing its entry never speaks of: 「必须是四大出的吗」 after
 * 「审计报告要哪年的」 finds the audit entry again, and 「要不要加水印」 after 「截图要几张」 the screenshots
 * entry, though neither entry nor its clauses say a word of 四大 or 水印. Such a part asks what the notice does
 * not settle; answered with the entry, it would be dropped. A word is a run of characters that do not only ask
 * (ASKING_CHARS) or count (NUMERAL_CHARS); it is spoken of when any two of its characters together stand in the entry.
 */
function namesBeyond(kb: KnowledgeBase, p: PreparedEntry, own: string): boolean {
  let text = entryWords.get(p);
  if (text === undefined) {
    text = normalise([...p.entry.questions, p.entry.answer, ...p.entry.clauses.map((id) => kb.clause(id)?.text ?? '')].join('\n'));
    entryWords.set(p, text);
  }
  const words = [...own].reduce<string[]>((runs, ch) => {
    if (/\p{Script=Han}/u.test(ch) && !ASKING_CHARS.has(ch) && !NUMERAL_CHARS.test(ch)) runs[runs.length - 1] += ch;
    else if (runs.at(-1) !== '') runs.push('');
    return runs;
  }, ['']);
  const spoken = (w: string) => [...w].some((_, i) => i + 1 < w.length && text.includes(w.slice(i, i + 2)));
  return words.some((w) => w.length >= 2 && !spoken(w));
}

/** A follow-up that asks where, with no subject of its own: 「在哪个网站弄」「去哪查」「上哪下载」. */
const WHERE = /^(?:在|去|到|从|上)(?:哪|什么|啥)/u;

/**
 * A piece that asks: a question word, or an A-not-A form as typed and spoken (够不够, 有没有, 中不中, 达标不, 有要求没).
 * 几 in 这几年, 前几天, 十几家 or 几十 says a span or an amount; it asks nothing.
 */
const ASKS = /[?？吗呢]|多(?:[少长大久高远宽厚]|清楚|清晰)|(?<![这那前近头十]|过去|最近)几(?![十百千万])|什么|啥|哪|谁|怎么|怎样|如何|是否|能否|可否|(\p{Script=Han})[不没]\1|可不可以|不[?？\s]*$|[有了过]\p{Script=Han}{0,8}没有?[?？\s]*$/u;

/**
 * Two answers offered after a verb that chooses between them (「造纸厂算离散的还是流程的」「交纸质的还是电子版」);
 * 还是 with no such verb before it says 「still」 (「物料还是靠叉车」「质量检测还是人工抽检」).
 */
const CHOICE = /(?:算|是|属于|归|选|报|交|填|用|按)\p{Script=Han}{1,8}还是\p{Script=Han}/u;

/** A part that asks: with a question word or A-not-A form, or by offering two answers to choose from. */
/** A speaker saying who they are (「我是淅川县工信局的」「我们是做铸件的」), read after 俺 is written 我. */
const SELF_INTRO = /^我(?:们)?是[^\s，,。？?]{1,20}的$/u;

function asks(p: string): boolean {
  return ASKS.test(p) || CHOICE.test(p);
}

/**
 * A question that asks what, which, who or how, and not whether: "有什么要求", "谁来查", not "要不要".
 * 几 after 只有/就/才/好/那么 or in 十几/几十 says an amount (「只有几台机器人」), it does not ask one.
 */
const WH = /什么|啥|哪|谁|怎么|怎样|如何|多少|(?<!只有|只|就|才|好|那么|十)几(?![十百千万])/u;
// 「申报书要签字不，法人签还是谁签」: a part ending in 不 after what it asks is a yes-or-no question of its own.
const YES_NO = /吗|是否|能否|可否|要不要|能不能|是不是|有没有|行不行|可不可以|会不会|需不需要|用不用|算不算|必须|一定|\p{Script=Han}{2}不(?=[，,。?？!！\s]|$)/u;
/** A bare 是/否 sentence that opens an answer ("要。", "不能。", "都要。", "要（流程型智能工厂）。"). */
const BARE_VERDICT = /^(?:都)?(?:不)?(?:要有|要|是|可以|会|能|需要|用|算|行)(?:填|写|交|提供)?(?:（[^（）]{1,12}）)?。/u;
/** A question that offers two answers to choose from ("填一个数还是建设前后各填一个", "都要上，还是只有危化品企业要上", "要上SIS还是流程型才要"). */
const EITHER_OR = /[\p{Script=Han}a-z0-9][，,]?还是\p{Script=Han}/u;
/** A verdict that only says which categories it holds for (「要，离散型和流程型都要。」): the requirement after it says so too. */
const SCOPE_VERDICT = /^(?:要|是|需要)[，,][^。]{0,14}都要。/u;

/**
 * An entry written for "要不要…" opens with its verdict; asked "…有什么要求" or "A还是B", that
 * verdict answers nothing, so the answer opens with the requirement itself.
 */
function fitToQuestion(text: string, conclusion: string, question: string): string {
  if (conclusion !== 'yes' && conclusion !== 'no') return text;
  if ((!EITHER_OR.test(question) && !WH.test(question)) || YES_NO.test(question)) return text;
  // Asked what a term means, a short verdict sentence of its own (「要，智能工厂两类都要。」) answers nothing either;
  // asked what or which, neither does a verdict that only names the categories it holds for.
  // 「是，要应用制造执行系统（MES）。」 asked "MES要实现啥功能": the verdict word goes, what it requires stays.
  const rest = text
    .replace(DEFINITION.test(question) ? SHORT_VERDICT : BARE_VERDICT, '')
    .replace(WH.test(question) ? SCOPE_VERDICT : /$^/u, '')
    .replace(VERDICT_WORD, '');
  if (rest.length === 0 || rest === text) return text;
  // 「防差错系统是哪一类工厂的要求」 asks which: the category the verdict named (「要（离散型智能工厂）。」) is the answer, and stays.
  const which = /哪/u.test(question) ? BARE_VERDICT.exec(text)?.[0].match(/（([^（）]{1,12})）/u)?.[1] : undefined;
  return which ? `${which}：${rest}` : rest;
}

/** A verdict word the answer's first sentence opens with before saying what is required: 「是，」「要，」. */
const VERDICT_WORD = /^(?:是|要|需要)，/u;

/** "数字孪生是什么意思", "什么是MES", "APS指的是啥". */
const DEFINITION = /是什么意思|什么意思|是什么|什么是|指什么|指的是|是啥|啥意思|啥是|含义/u;
/** A verdict sentence of a few characters that opens with 要/是/不/需要 (「要，两类都要。」「不要求。」). */
const SHORT_VERDICT = /^(?:不)?(?:要|是|需要|必须|强制|一定|能|可以)[^。]{0,12}。/u;

/** A requirement's own verdict: 「是，要…」「要。」「需要。」. */
const REQUIRED_VERDICT = /^(?:是|要|需要|必须)(?:（[^（）]{1,12}）)?[，。]/u;

/**
 * An entry that says an element condition requires something ('yes', resting on 一 and 三 only),
 * asked whether one can apply without it: its verdict would read as "yes, you can", so the answer
 * opens with the knowledge's lead instead. Titles, registration and the like rest on other clauses
 * and are not touched: 「没有评上过…可以报吗」 keeps its own answer.
 */
function lacking(kb: KnowledgeBase, entry: AnswerEntry, question: string, text: string): string {
  const l = kb.data.intents.answerText.lacking;
  const t = kb.data.intents.answerText.perType;
  // 「要是没有MES呢」 answered per category (「要看申报哪一类：…」): the first words say it answers the lacking.
  const perCategory = t?.lacking !== undefined && text.startsWith(t.lead) && entry.clauses.every((c) => /^[一三]\(/u.test(c));
  // Only a verdict still in place is turned: one already replaced (「APS不是《通知》中的用语」) says what it should.
  if (!perCategory && (entry.conclusion !== 'yes' || !REQUIRED_VERDICT.test(text) || !entry.clauses.every((c) => /^[一三]\(/u.test(c)))) return text;
  // 「车间没MES能不能申报」: a bare 没 names the missing system too, unless it is 「没问题」 and the like.
  const said = (w: string) => {
    for (let i = question.indexOf(w); i >= 0; i = question.indexOf(w, i + 1)) if (!l.notWithout.some((n) => question.startsWith(n, i))) return i;
    return -1;
  };
  const at = Math.min(...l.without.map(said).filter((i) => i >= 0));
  if (!Number.isFinite(at) || !l.asks.some((w) => question.indexOf(w, at) > at)) return text;
  if (!perCategory) return `${l.lead}${text.replace(REQUIRED_VERDICT, '')}`;
  // The system lacked is the one named right after the lacking word, or, put as a case of its own
  // (「MES必须要有吗？没有会不会刷掉」), the one the question named before it.
  const concepts = understanderFor(kb.data).findConcepts(question);
  const lacked = concepts.find((c) => c.index > at && c.index <= at + 3) ?? concepts.filter((c) => c.index < at).at(-1);
  if (!lacked) return text;
  const term = /^[a-z0-9]+$/u.test(lacked.span) ? lacked.span.toUpperCase() : lacked.span;
  return `${fill(t!.lacking!, { term })}${text.slice(t!.lead.length)}`;
}

/**
 * A situation and a question whether it is enough (「我们车间有MES没有WMS，能报哪个？」) matched to an
 * entry on one element condition: its 要/不要求 is about that system, not about applying. The
 * answer says first that applying is judged on every condition, then what the entry says without
 * its verdict. Left alone when `lacking` has already turned the verdict for a missing system.
 */
function situation(kb: KnowledgeBase, entry: AnswerEntry, question: string, text: string, before: string): string {
  const s = kb.data.intents.answerText.situation;
  // Only a verdict still in place is turned: a note that replaced it (「APS不是《通知》中的用语」) says what it should.
  // A verdict sentence (「要，离散型和流程型都要。」) goes whole; a verdict word before the requirement
  // (「是，要应用制造执行系统（MES）。」, however long the system's name) goes alone, the requirement stays.
  const verdict = CATEGORY_VERDICT.test(text) ? CATEGORY_VERDICT : VERDICT_WORD.test(text) ? VERDICT_WORD : undefined;
  if (text !== before || !verdict || !entry.clauses.every((c) => /^[一三]\(/u.test(c))) return text;
  // 「没有AGV能报吗」 is answered by 不强制 itself; 「车间上了AGV能报吗」 says it has the system and asks
  // whether it may apply, which no verdict on one system answers.
  const l = kb.data.intents.answerText.lacking;
  const missing = l.without.some((w) => question.includes(w)) && !l.notWithout.some((w) => question.includes(w));
  const which = s.which.some((w) => question.includes(w)) && ['yes', 'no', 'value'].includes(entry.conclusion);
  const asks = s.asks.some((w) => question.includes(w)) && (entry.conclusion === 'yes' || entry.conclusion === 'value' || (entry.conclusion === 'no' && !missing));
  if (!which && !asks) return text;
  const rest = text.replace(verdict, '');
  return `${s.lead}${rest}`;
}

/**
 * 「洛阳名额是二十家吧」「郑州推荐不超过20家对吧」「采集率是90%吧」: a figure the asker says the notice
 * gives, asked to be confirmed. The answer's first words say how it stands, so a reader who only hears
 * the start knows: 「不对，通知写的不是…」 when the conclusion gives another figure in the same unit,
 * 「对，通知写的就是…」 when it gives this one, and 「不是…，通知没有规定这个数」 when the notice states no such figure
 * at all. A figure asked to be judged (「8张够吧」「150M可以吧」) is the asker's own value, answered by the
 * entry itself.
 */
const CONFIRM = /(?:对吧|是吧|对吗|对不对|是不是|没错吧|没错吗|是这样吗|是这样吧|是这么写的吗|这么规定的吗|吧)[\s?？。!！]*$/u;
// 「能推荐30家」 says what the notice allows; 「150M能传吧」 asks of the asker's own file.
const JUDGED = /可以|行|够|(?<!智)能(?!推|报|申)|中|合适|达标|算/u;
/** A figure said as a bound (「200M以内」「不超过200M」「至少10张」): the asker states a rule, not a value of theirs. */
const RULE_STATED = /[\d一二两三四五六七八九十百千万]\s*(?:[a-zA-Z]{1,2}|\p{Script=Han}{1,2})?(?:以内|之内|以下|以上|之上)|(?:不超过|不能超过|不得超过|不少于|不低于|至少|最多|最少|起码)[\d一二两三四五六七八九十百千]/u;
const UNIT_KIND: Record<string, string> = { 号: '日', 兆: 'm', mb: 'm', 名: '家', 个: '家' };
const figureKind = (u: string | undefined) => (u === undefined ? undefined : UNIT_KIND[u] ?? u);
/** A verdict already in the conclusion's first words (「不对，…」「是，…」「对，…」): it is not said twice. */
const OPENS_WITH_VERDICT = /^(?:对|是|不对|不是|不)[，。,]/u;

const lexiconTerms = new WeakMap<KnowledgeBase, Set<string>>();
/** Every canonical term and alias of the lexicon, upper-cased: 「5G」 there names a technology, not five of a unit. */
function termsOfLexicon(kb: KnowledgeBase): Set<string> {
  let set = lexiconTerms.get(kb);
  if (!set) {
    set = new Set(kb.data.lexicon.entries.flatMap((e) => [e.canonical, ...e.aliases]).map((w) => w.normalize('NFKC').toUpperCase()));
    lexiconTerms.set(kb, set);
  }
  return set;
}

const noticeFigures = new WeakMap<KnowledgeBase, Set<string>>();
/** Every figure the notice states anywhere, as value and unit kind: a figure outside it is stated by no clause. */
function figuresOfNotice(kb: KnowledgeBase): Set<string> {
  let set = noticeFigures.get(kb);
  if (!set) {
    set = new Set(kb.data.clauses.flatMap((c) => findQuantities(readAsTyped(c.text).text).map((x) => `${x.value}|${figureKind(x.unit)}`)));
    noticeFigures.set(kb, set);
  }
  return set;
}

/**
 * 「是不是每道工序都得上自动检测设备」: a question that widens the scope the quoted clause narrows (每道工序 where it
 * says 关键工序) is not confirmed: a verdict that requires it says the clause's own scope in its place. A question
 * that names the narrowed scope itself (「所有关键工序都要吗」) is the clause's case, and keeps its verdict.
 */
function widenedScope(kb: KnowledgeBase, entry: AnswerEntry, question: string, text: string, quoted: string): { text: string; lead?: string } {
  const t = kb.data.intents.answerText.widenedScope;
  if (!t || entry.conclusion !== 'yes' || !REQUIRED_VERDICT.test(text)) return { text };
  const q = normalise(question);
  for (const w of t.widening) {
    const at = q.indexOf(w);
    if (at < 0) continue;
    const after = q.slice(at + w.length);
    for (const n of t.narrowing) {
      for (const m of quoted.matchAll(new RegExp(`${n}(\\p{Script=Han}{2,4})`, 'gu'))) {
        // The longest start of the narrowed noun the question says right after its widening word (生产环节, 工序).
        const noun = [4, 3, 2].map((k) => m[1]!.slice(0, k)).find((x) => x.length >= 2 && after.startsWith(x));
        if (!noun || q.includes(n + noun)) continue;
        // A clause that also names the noun unnarrowed (「关键设备…和生产设备」) does not narrow it.
        const narrowed = t.narrowing.reduce((k, x) => k + quoted.split(x + noun).length - 1, 0);
        if (quoted.split(noun).length - 1 > narrowed) continue;
        const lead = fill(t.answer, { widened: w + noun, narrowed: n + noun });
        return { text: lead + text.replace(REQUIRED_VERDICT, ''), lead };
      }
    }
  }
  return { text };
}

function misquoted(kb: KnowledgeBase, entry: AnswerEntry, typed: string, question: string, text: string, quoted: string): string {
  // The understanding step reads 「…吧」 as 「…吗」, so the tag is looked for as typed.
  const pieces = typed.normalize('NFKC').split(/[，,;；?？。!！\s]+/u).filter(Boolean);
  const confirming = pieces.flatMap((p, i) => {
    const next = pieces[i + 1];
    // 「…3月31号前传平台 对吧」: a tag typed apart confirms the words before it.
    const said = CONFIRM.test(p) || endsWithFigureAsked(p) !== undefined ? p : next && CONFIRM.test(next) && next.replace(CONFIRM, '').replace(/^通知/u, '') === '' ? p : undefined;
    return said ? [said] : [];
  });
  if (confirming.length === 0) return text;
  // 「视频大小是500M对吧」: a bounded value confirmed with another figure is corrected in one sentence
  // that gives the bound, not 「不对」 followed by the entry's own 「不行」. A bound said as the rule
  // (「照片至少要20张吧」) is corrected below as any other figure: 「不对，通知写的不是20张。至少要10张」.
  // 「我们视频150M可以吧」 asks of the asker's own file, which the entry's limit answer judges; only a
  // figure said as what the notice sets (「视频大小是500M对吧」「150M以内就行对吧」) is corrected here.
  const stated = confirming.filter((said) => !JUDGED.test(said.replace(CONFIRM, '')) || RULE_STATED.test(said));
  // 「视频两分钟行吗，一分钟左右是吧」 asks of the asker's own figure and guesses the rule besides: the judgement of
  // the figure is the question asked, so it comes first, and what is said of the guess follows it.
  const rest = pieces.filter((p) => !confirming.includes(p)).join('，');
  const judged = entry.limit && rest ? limitValue(entry.limit, varsOf(kb), rest, false) : undefined;
  const own = judged !== undefined && !judged.guess;
  const lead = (verdict: string) => {
    if (!own) return verdict + text;
    const end = text.indexOf('。') + 1;
    return text.slice(0, end) + verdict + text.slice(end);
  };
  const corrected = !own && entry.limit?.confirm && stated.length > 0 && limitValue(entry.limit, varsOf(kb), stated.join('，'), false);
  if (corrected) return fill(corrected.ok ? entry.limit!.confirm!.within : entry.limit!.confirm!.beyond, { ...varsOf(kb), said: corrected.said });
  const t = kb.data.intents.answerText;
  // A word said of a kind the notice fixes (a format, a colour, a channel) is right when the cited
  // clauses say it and wrong when they say another word of its kind; 「黑白的就行吧」 is judged too.
  const wrong = confirmedWord(t.confirmAlternatives, confirming, question, quoted);
  if (wrong?.right === false) return lead(fill(t.misquote, { said: wrong.said }));
  // 「视频两百兆以内就行对吧」 states the rule (a bound said with 以内, 不超过…) and asks it to be confirmed:
  // 就行 there judges nothing of the asker's own.
  const asked = stated;
  // A right word said of what the asker would do (「扫描成PDF上传可以吧」) is judged by the entry's own
  // verdict; 只能, 不能 and 必须 say what the notice allows (「只能是MP4格式对吧」), not what the asker would do.
  const worded = confirmedWord(t.confirmAlternatives, confirming.filter((said) => !JUDGED.test(said.replace(CONFIRM, '').replace(/只能|才能|不能|不可以|不行|必须/gu, ''))), question, quoted);
  const first = text.split('\n')[0]!;
  // An entry with a limit may judge the asker's own figure (「可以，20张不少于10张」): that figure is
  // echoed, not stated by the notice, so the figures confirmed against are the rule's own.
  const ruled = entry.limit ? fill(entry.answer, varsOf(kb)) : first;
  // The ×100% of a formula (资产负债率＝总负债÷总资产×100%) states no figure of the notice's.
  const given = findQuantities(normalise(ruled).replace(/[×xX*]\s*100\s*%/gu, '')).filter((x) => x.unit);
  // 「每个市推荐不超过15家对吧」 answered with 洛阳、新乡、南阳's 15: the quota is right of places, and the
  // asker named none, so it is not agreed with as said.
  const places = (t: string) => listedRegionSpans(kb, scan(kb, normalise(t))).length;
  const otherPlaces = places(question) === 0 && places(first) > 0;
  // 「截止日期是3月15日对吧」: the entry's figure belongs to another party (the bureaus' upload); asked
  // without naming that party, the figure is the asker's own step's, and 「对」 would mislead.
  const party = entry.confirmFor && !entry.confirmFor.words.some((w) => question.includes(w)) ? entry.confirmFor : undefined;
  let verdict: string | undefined;
  // 「企业3月15日前交就行吧」 judges a step by the figure: of another party's figure, it is confirmed all the same.
  for (const part of party ? confirming : asked) {
    // 「一家企业能报两个吗」 answered 「不能同时报两个」 already opens with its verdict on the figure asked; an entry with a
    // limit (「视频三分钟吗」) judges the figure as the asker's own.
    if (endsWithFigureAsked(part) === 'given' && (entry.limit !== undefined || /^不?(?:能|可以|行)/u.test(text))) continue;
    const read = readAsTyped(part).text;
    const said = findQuantities(read);
    for (const [i, x] of said.entries()) {
      // A figure of another part of the question is that part's to correct.
      if (!x.unit || !question.includes(normalise(x.text))) continue;
      // 「一个县最多推5个是吧」「一年限报一个是吧」: 一 with a measure word before a noun says 「a county」,
      // 「a year」; it counts the subject, it is no figure the asker says the notice gives.
      if (/^一\p{Script=Han}$/u.test(x.text) && /^[\p{Script=Han}](?<![是对吧吗呢么])/u.test(read.slice(x.index + x.text.length))) continue;
      // A month said with its day is read with that day, as one date.
      const after = said[i + 1];
      if (figureKind(x.unit) === '月' && after && after.index === x.index + x.text.length && figureKind(after.unit) === '日') continue;
      // 「一家能报两个对吧」 answered 「不能同时报两个」: the conclusion names the figure to deny it; the
      // clauses it quotes say which figure is the notice's.
      const notice = findQuantities(normalise(quoted)).filter((g) => figureKind(g.unit) === figureKind(x.unit));
      // 「一定要用5G吗」 answered 「不要求5G」: a figure that is a term of the lexicon names a thing, which the
      // quoted clauses must state before it is agreed with.
      if (notice.length === 0 && termsOfLexicon(kb).has(x.text.normalize('NFKC').toUpperCase())) continue;
      const same = given.filter((g) => figureKind(g.unit) === figureKind(x.unit) && (notice.length === 0 || notice.some((n) => n.value === g.value)));
      // 「3月31号」 is one date: its month is said with its day.
      const before = said[i - 1];
      const start = before && figureKind(before.unit) === '月' && before.index + before.text.length === x.index ? before.index : x.index;
      const typed = read.slice(start, x.index + x.text.length).replace(/^(?:不少于|不低于|不超过|不多于|至少|最多|最少|超过|大约|约)/u, '').toUpperCase();
      // 「两十家」「仨」 are heard, not written: a figure in such spoken numerals is said back in digits, as the
      // notice writes it; 「十五家」 is written Chinese and said back as typed.
      const figure = start === x.index && x.unit && SPOKEN_NUMERAL.test(typed) ? `${x.value}${x.unit}` : typed;
      if (same.length > 0 && !same.some((g) => g.value === x.value)) return lead(fill(t.misquote, { said: figure }));
      if (same.length > 0 && party) return lead(fill(party.lead, { said: figure }));
      if (same.length > 0) {
        // Of several figures confirmed (「一年限报一个是吧」), the last is the one asked about: the first set its frame.
        if (!otherPlaces || figureKind(x.unit) !== '家') verdict = fill(t.confirmed, { said: figure });
        continue;
      }
      // No figure of its unit in the conclusion: one the notice states nowhere is said not to be the notice's.
      if (endsWithFigureAsked(part) === 'given') continue;
      if (!figuresOfNotice(kb).has(`${x.value}|${figureKind(x.unit)}`)) return lead(fill(t.unstated, { said: figure }));
    }
  }
  if (!verdict && worded) verdict = fill(t.confirmed, { said: worded.said });
  if (!verdict || OPENS_WITH_VERDICT.test(text)) return text;
  // 「1个。每家企业…」 after 「对，通知写的就是1个。」: a bare figure that only repeats the one confirmed is not said twice.
  const bare = text.match(/^[^。，\n]{1,10}。/u)?.[0];
  const figures = (t: string) => findQuantities(readAsTyped(t).text).map((x) => `${x.value}|${figureKind(x.unit)}`);
  const repeats = bare !== undefined && /^[\d.一二三四五六七八九十百千万两]+\p{Script=Han}{0,2}(?:左右)?。$/u.test(readAsTyped(bare).text) && figures(bare).every((f) => figures(verdict).includes(f));
  return own ? lead(verdict) : verdict + (repeats ? text.slice(bare.length) : text);
}

/**
 * 「截止日期是三月十五号吗」: a date said last, right before 吗, is the asker's guess at the notice's date, checked as
 * 「…对吧」 is. 「县里能推荐五家吗」: another figure said last is checked too, but only against a figure of its unit that
 * the answer gives ('given'); where the answer gives none it may be the asker's own or a requirement asked
 * (「MES要上线1年吗」), answered by its entry.
 */
function endsWithFigureAsked(piece: string): 'date' | 'given' | undefined {
  const bare = piece.replace(/[\s?？。!！]+$/u, '');
  if (!bare.endsWith('吗')) return undefined;
  const read = readAsTyped(bare.slice(0, -1)).text;
  const said = findQuantities(read);
  const [month, day] = said.slice(-2);
  if (month && day && figureKind(month.unit) === '月' && figureKind(day.unit) === '日' && day.index + day.text.length === read.length) return 'date';
  const last = said.at(-1);
  return last?.unit && last.index + last.text.length === read.length ? 'given' : undefined;
}

/** A figure asked for (「几家」「多少M」) or a day asked for (「几号」「哪天」「什么时候」) in a question. */
const FIGURE_ASKED = /(?<day>几月几[号日]|几号|哪天|哪一天|什么时候|啥时候|什么日期|哪个日子)|(?:几|多少)(?<unit>[\p{Script=Han}a-zA-Z]{1,2})/u;

/**
 * 「县里能推荐几家，五家吗」「截止是几号？三月十五号吧」: a figure tacked on after a question that asks for a figure of its
 * kind is the asker's guess at the answer, to be checked: one question, read as 「县里能推荐五家吗」, not a second one asking
 * nothing but 「五家吗」. The question is returned as typed when its last part is no such bare guess.
 */
function guessFolded(question: string): string {
  const m = question.match(/^(?<head>.*[^，,？?\s])[，,？?\s]+(?:是不是|应该是|就是|是)?(?<guess>[^，,？?\s]+?)(?<tag>是吧|对吧|对吗|对不对|是不是|吧|吗|么)?[\s?？。!！]*$/u);
  if (!m) return question;
  const { head, guess, tag } = m.groups!;
  const read = readAsTyped(guess!).text;
  const said = findQuantities(read).filter((x) => x.unit);
  // The guess is the figure alone (a month with its day is one date): 「五家吗」, not 「我们有五家分厂吗」.
  if (said.length === 0 || said.length > 2 || said[0]!.index !== 0 || said.at(-1)!.index + said.at(-1)!.text.length !== read.length) return question;
  const asked = head!.match(FIGURE_ASKED);
  if (!asked) return question;
  const date = said.length === 2 && figureKind(said[0]!.unit) === '月' && figureKind(said[1]!.unit) === '日';
  if (said.length === 2 && !date) return question;
  const fits = asked.groups!.day ? date || figureKind(said[0]!.unit) === '日' : figureKind(asked.groups!.unit) === figureKind(said[0]!.unit) || asked.groups!.unit!.startsWith(said[0]!.unit!);
  if (!fits) return question;
  const checked = head!.slice(0, asked.index) + guess + head!.slice(asked.index! + asked[0].length).replace(/[吗呢啊呀]$/u, '');
  // Checked as 「…对吧」 is, whichever tag it was typed with: the guess is agreed with or corrected before the answer.
  return `${checked}${tag && tag !== '么' && tag !== '吗' ? tag : '对吧'}`;
}

/** A word before which 不/别/非/没 (within a few characters) says the asker rules it out: 「不能用黑白的吧」. */
const RULED_OUT = /(?:不|别|非|没)[^，,。\s]{0,3}$/u;

/**
 * Of the statements asked to be confirmed, the word of an alternatives group (intents.json
 * `confirmAlternatives`) each says, against the cited clauses: wrong when they state another word of
 * its group and not it (or state the word the asker rules out), right when they state it. The first
 * wrong word is returned, else the last right one; none when no group's word is both said and decided.
 */
function confirmedWord(groups: readonly (readonly string[])[], statements: readonly string[], question: string, quoted: string): { said: string; right: boolean } | undefined {
  const clauses = normalise(quoted);
  let right: { said: string; right: boolean } | undefined;
  for (const statement of statements) {
    const read = normalise(statement);
    for (const group of groups) {
      const stated = group.filter((w) => clauses.includes(w));
      if (stated.length === 0) continue;
      for (const w of group) {
        const at = read.indexOf(w);
        // A word of another part of the question is that part's to judge.
        if (at < 0 || !question.includes(w)) continue;
        const ruledOut = RULED_OUT.test(read.slice(0, at));
        const said = read.slice(ruledOut ? read.slice(0, at).search(RULED_OUT) : at, at + w.length).replace(/[a-z][a-z0-9]*/gu, (x) => x.toUpperCase());
        if (stated.includes(w) === ruledOut) return { said, right: false };
        right = { said, right: true };
      }
    }
  }
  return right;
}

/**
 * 「汇总表3月25日上传行吗」: a date asked of an answer that states the notice's deadline is set
 * against it first, so the answer says whether that date is in time before what the entry says.
 * The notice's own date is not restated as a comparison with itself.
 */
function askedDate(kb: KnowledgeBase, entry: AnswerEntry, question: string, text: string): string {
  const t = kb.data.intents.answerText.askedDate;
  const deadline = kb.data.facts.deadlines[0];
  if (!t || !deadline || !entry.answer.includes('{deadline}')) return text;
  const said = findQuantities(question);
  for (let i = 0; i + 1 < said.length; i++) {
    const month = said[i]!;
    const day = said[i + 1]!;
    if (month.unit !== '月' || (day.unit !== '日' && day.unit !== '号') || month.index + month.text.length !== day.index) continue;
    if (month.value === deadline.month && day.value === deadline.day) return text;
    const before = month.value < deadline.month || (month.value === deadline.month && day.value < deadline.day);
    return fill(before ? t.before : t.after, { said: `${month.value}月${day.value}日`, deadline: deadline.date }) + text;
  }
  return text;
}

/** 「有没有X这一栏」「要填X吗」「要不要填X」: the cell asked for, X, as the question words it. */
const CELL_ASKED = [
  /有没有(?<x>[^，,。？?！!\s]{2,14}?)(?:这一?[栏项]|一?栏|栏目|这个|吗|$)/u,
  /有(?<x>[^，,。？?！!\s]{2,14}?)(?:这一?[栏项]|一?栏)(?:吗|没有|不)/u,
  /(?:要不要|需不需要|用不用|是否要?|需要|要|得)填(?:写|报)?(?<x>[^，,。？?！!\s]{2,14}?)(?:吗|不|么|没有|这一?[栏项]|$)/u,
];
/** A cell asked by a word that asks for a value (「要填几年」「填什么」) is no question of whether it is there. */
const VALUE_ASKED = /[几多啥哪]|什么|怎么/u;

/**
 * 「附件2要填税金吗」: a question whether a form has a cell is answered 有 first, with the cell's line
 * quoted as the form writes it, when the forms asked about (named in the question, or cited by the
 * entry) hold the word asked. A word not found says nothing: the form may name it otherwise
 * (投资额 is 「软硬件投资」), and a wrong 没有 would cost more than the entry's own answer.
 */
function askedCell(kb: KnowledgeBase, entry: AnswerEntry, question: string, text: string): string {
  const t = kb.data.intents.answerText.askedCell;
  if (!t) return text;
  let x: string | undefined;
  for (const p of CELL_ASKED) {
    x = p.exec(question)?.groups?.x;
    if (x) break;
  }
  x = x?.replace(/^(?:的|这个|那个|企业的?)/u, '').replace(/(?:这一?[栏项]|一?栏|栏目)$/u, '').replace(/(?:这个|那个|这|那)$/u, '');
  if (!x || x.length < 2 || VALUE_ASKED.test(x)) return text;
  const categories = kb.data.intents.answerText.otherCategory.categories;
  const named = categories.filter((c) => patternOf(`${c.form}(?!\\d)`).test(question) || (c.words.some((w) => question.includes(w)) && !c.unless?.some((w) => question.includes(w)) && /申报书|表/u.test(question)));
  const forms = (named.length ? named.map((c) => c.form) : categories.map((c) => c.form).filter((f) => entry.clauses.some((id) => id === f || id.startsWith(`${f}.`)))).slice(0, 2);
  if (forms.length === 0) return text;
  const cellOf = (form: string, word: string, whole = false) => {
    for (const c of kb.data.clauses) {
      if (!c.id.startsWith(`${form}.`)) continue;
      const lines = c.text.split('\n').map((l) => l.trim());
      const at = lines.findIndex((l) => l.length > 1 && (whole ? norm(l) === word : norm(l).includes(word)));
      if (at < 0) continue;
      // A word found in a cell's guidance (「（请简要说明…能源管理系统等…）」) is asked of the cell above it.
      const heading = lines.slice(0, at).reverse().find((l) => l.length > 1 && !l.startsWith('（'));
      return lines[at]!.startsWith('（') && heading ? fill(t.inGuidance, { cell: heading, guidance: lines[at]! }) : fill(t.cell, { cell: lines[at]! });
    }
    return undefined;
  };
  const cells: string[] = [];
  for (const form of forms) {
    // 「投资额」「人数」 name the cell with a word that ends in 额 or 数: the form may write the stem alone.
    // 「联系人手机」 names the cell with the group it sits in: the form writes 「手机」 alone, on a line of its own.
    const tail = [...Array(Math.max(0, x.length - 2)).keys()].map((k) => x.slice(k + 1)).find((w) => cellOf(form, w, true));
    const line = cellOf(form, x) ?? (/[额数]$/u.test(x) && x.length > 2 ? cellOf(form, x.slice(0, -1)) : undefined) ?? (tail ? cellOf(form, tail, true) : undefined);
    if (line) cells.push(`${form}${line}`);
  }
  return cells.length ? fill(t.has, { cells: cells.join(t.separator) }) + text : text;
}

/**
 * Whether a question asks of scores (扣分, 加分, 打分): 「联网率怎么算分母」「视频多少分钟」「填百分数吗」 say a ratio, a
 * length or a percentage.
 */
function scoringAsked(kb: KnowledgeBase, question: string): boolean {
  const said = question.replace(/百分(?:数|比|之)?|分(?:[子母钟]|半|[\d零〇一二两三四五六七八九十]+秒)/gu, '');
  return kb.data.intents.answerText.scoring.words.some((w) => said.includes(w));
}

/**
 * 「有专利能加分吗」 matched to the entry on patents: its 「要。」 answers whether patents are asked for, not whether they
 * score, so the bare verdict goes; `scoringNoted` then says the notice gives no scores. An entry that already rests on
 * the preference clause is about the preference itself and answers as written.
 */
function scored(kb: KnowledgeBase, entry: AnswerEntry, question: string, r: { text: string; citations: Citation[] }): { text: string; citations: Citation[] } {
  if (!scoringAsked(kb, question) || entry.clauses.includes(kb.data.intents.answerText.scoring.clause)) return r;
  return { ...r, text: r.text.replace(BARE_VERDICT, '') };
}

/**
 * An answer to a question of scores opens by saying the notice gives none and who decides instead (the bureaus that
 * recommend, 四(三)); what the notice says of the thing named follows, without a verdict of its own, and the answer
 * closes with 四(三)'s own words and whom to ask. Once per answer, on the part `at` that asked it.
 * The one preference the notice states (二(三)) is quoted only where it bears on the question: one that names its
 * subject, or one nothing else answers. A thing the notice asks for, or lacks, is judged by what asks for it, which the
 * preference presupposes (「在符合条件（二）的基础上」).
 */
function scoringNoted(kb: KnowledgeBase, results: { text: string; citations: Citation[] }[], at: number, question: string): void {
  const s = kb.data.intents.answerText.scoring;
  const decides = cite(kb, s.decides, [s.decidesQuote]);
  const r = results[at];
  if (!decides || !r) return;
  const preference = r.citations.length === 0 || s.preferenceWords.some((w) => question.includes(w)) ? cite(kb, s.clause, [s.quote]) : undefined;
  const { unit, phone } = kb.data.facts.contact;
  const note = fill(s.note, { decides: s.decides, preference: preference ? fill(s.preference, { clause: s.clause, quote: s.quote }) : '' });
  const end = fill(s.end, { decides: s.decides, decidesQuote: s.decidesQuote, unit, phone });
  const text = r.text.replace(BARE_VERDICT, '');
  results[at] = { text: `${note}${text}${text.includes(phone) ? '' : end}`, citations: [...r.citations, ...(preference ? [preference] : []), decides] };
}

/** A verdict sentence to drop when the verdict belongs to another category (「是。」「不要求。」「都要（流程型智能工厂）。」). */
const CATEGORY_VERDICT = /^(?:都)?(?:不)?(?:要|是|需要|必须|强制|一定)[^。]{0,14}。/u;

/** What is left of 「要，离散型和流程型都要。」 once its 要 went with the lacking lead: the summary names the categories itself. */
const CATEGORIES_NAMED = /^[^。，,]{0,14}都要。/u;

const sectionTexts = new WeakMap<KnowledgeBase, Map<string, string>>();

/**
 * A part that names one category (「流程型要上什么系统」) may be answered by an entry that speaks of
 * several: the other categories' element conditions are cited after the rest, each list in its order.
 */
function askedCategoryFirst(kb: KnowledgeBase, question: string, r: { text: string; citations: Citation[] }): { text: string; citations: Citation[] } {
  const t = kb.data.intents.answerText.otherCategory;
  r = namedFormCells(kb, question, r);
  const named = t.categories.filter((c) => c.words.some((w) => question.includes(w)) && !c.unless?.some((w) => question.includes(w)));
  if (named.length !== 1) return r;
  const others = t.categories.filter((c) => c !== named[0]);
  // Another category's form cells (附件2.一(二) to a workshop's question) come after the asked one's too.
  const other = (c: Citation) =>
    others.some(({ section: s, form: f }) => c.clause === s || (c.clause.startsWith(s) && /^[\d(]/u.test(c.clause.slice(s.length))) || c.clause === f || c.clause.startsWith(`${f}.`));
  return { text: r.text, citations: [...r.citations.filter((c) => !other(c)), ...r.citations.filter(other)] };
}

/**
 * 「附件3效益指标表里产品升级周期按啥单位填」: an entry written with one form's cell (附件2) answers of
 * the same cell in the form the question names; that form's own clause is quoted first, when it holds
 * the same words, so the proof is the cell that was asked about.
 */
function namedFormCells(kb: KnowledgeBase, question: string, r: { text: string; citations: Citation[] }): { text: string; citations: Citation[] } {
  const forms = kb.data.intents.answerText.otherCategory.categories.map((c) => c.form);
  const asked = forms.filter((f) => patternOf(`${f}(?!\\d)`).test(question));
  if (asked.length !== 1) return r;
  const form = asked[0]!;
  if (r.citations.some((c) => c.clause.startsWith(`${form}.`))) return r;
  const twins: Citation[] = [];
  for (const c of r.citations) {
    const other = forms.find((f) => f !== form && c.clause.startsWith(`${f}.`));
    if (!other) continue;
    const id = `${form}${c.clause.slice(other.length)}`;
    const core = c.quote.replace(/^…+|…+$/gu, '');
    if (!twins.some((x) => x.clause === id) && kb.clause(id)?.text.includes(core)) twins.push({ ...cite(kb, id, [core])!, quote: c.quote });
  }
  return twins.length ? { text: r.text, citations: [...twins, ...r.citations] } : r;
}

/**
 * 「附件1车间设备联网那格怎么填」: the notice copy lacks most of 附件1's table, so the answer rests on 附件2's
 * or 附件3's same cell. When the asked form's twin of every such cell is an inferred clause that does not
 * hold the quoted words, the answer says which part of the asked form was inferred, and from what.
 */
function inferredFormCells(kb: KnowledgeBase, question: string, r: { text: string; citations: Citation[] }): { text: string; citations: Citation[] } {
  const t = kb.data.intents.answerText;
  const n = t.inferredForm;
  if (!n || n.already.some((w) => r.text.includes(w))) return r;
  const categories = t.otherCategory.categories;
  const forms = categories.map((c) => c.form);
  let asked = forms.filter((f) => patternOf(`${f}(?!\\d)`).test(question));
  if (asked.length === 0 && n.formWords.some((w) => question.includes(w))) {
    asked = categories.filter((c) => c.words.some((w) => question.includes(w)) && !c.unless?.some((w) => question.includes(w))).map((c) => c.form);
  }
  if (asked.length !== 1) return r;
  const form = asked[0]!;
  if (r.citations.some((c) => c.clause.startsWith(`${form}.`))) return r;
  const twins = new Map<string, Clause>();
  const others = new Set<string>();
  for (const c of r.citations) {
    const other = forms.find((f) => f !== form && c.clause.startsWith(`${f}.`));
    if (!other) continue;
    const twin = kb.clause(`${form}${c.clause.slice(other.length)}`);
    if (!twin?.inferred || twin.text.includes(c.quote.replace(/^…+|…+$/gu, ''))) continue;
    twins.set(twin.id, twin);
    others.add(other);
  }
  if (twins.size === 0) return r;
  const [twin] = twins.values();
  const note = fill(n.note, { form, title: twin!.title, clause: [...twins.keys()].join('、'), others: [...others].join('、') });
  return { text: r.text + note, citations: r.citations };
}

/**
 * The lexicon concepts a text names, in the order named, without the category words (`otherCategory.ignore`) and
 * without a shorter form inside a longer one found at the same place (「安全仪表系统」 also holds 「仪表」).
 */
function namedSystems(kb: KnowledgeBase, text: string): ReturnType<Understander['findConcepts']> {
  const ignore = kb.data.intents.answerText.otherCategory.ignore;
  const found = understanderFor(kb.data).findConcepts(text).filter((m) => !(m.id && ignore.includes(m.id)));
  return found.filter((m) => !found.some((x) => x.span.length > m.span.length && x.index <= m.index && m.index + m.span.length <= x.index + x.span.length)).sort((a, b) => a.index - b.index);
}

/**
 * 「安全仪表系统离散型要吗」 matched to the process entry on SIS: its 「是。」 is the process
 * factory's verdict. A yes/no or value entry resting only on the clauses of categories (workshop,
 * discrete or process factory) other than the one asked of says first whose requirement it is; when
 * the asked category's own clauses never name what was asked, the notice does not require it of
 * that category, and the answer says so.
 */
function otherCategory(kb: KnowledgeBase, entry: AnswerEntry, question: string, r: { text: string; citations: Citation[] }): { text: string; citations: Citation[] } {
  if (entry.conclusion !== 'yes' && entry.conclusion !== 'no' && entry.conclusion !== 'value') return r;
  const t = kb.data.intents.answerText.otherCategory;
  const named = t.categories.filter((c) => c.words.some((w) => question.includes(w)) && !c.unless?.some((w) => question.includes(w)));
  type Category = (typeof t.categories)[number];
  // 三(二)3 and 三(二)(…) are under 三(二); 附件2.一(二) is under 附件2; 附件21 would not be under 附件2.
  const under = (id: string, root: string) => id.startsWith(root) && (id.length === root.length || (/^\d/u.test(root.slice(-1)) ? /^[.(]/u : /^[.(\d]/u).test(id.slice(root.length)));
  const elements = (c: Category, id: string) => under(id, c.section);
  const within = (c: Category, id: string) => elements(c, id) || under(id, c.form);
  // 「流程型要SIS，离散型也要吗」 names two categories: the entry answers for the one its clauses
  // belong to, so the one it does not cover is what is being asked about; only a requirement that
  // category never names earns a note (both named and both covered is a comparison, left as is).
  const holders = named.length === 2 ? named.filter((c) => entry.clauses.some((id) => within(c, id))) : [];
  const pair = holders.length === 1;
  if (named.length !== 1 && !pair) return r;
  const asked = pair ? named.find((c) => c !== holders[0])! : named[0]!;
  // Every clause the entry rests on belongs to another category (its element conditions or its
  // form), and at least one is an element condition: none is the asked one's, none lies outside.
  if (entry.clauses.some((id) => within(asked, id) || !t.categories.some((c) => within(c, id)))) return r;
  const others = t.categories.filter((c) => c !== asked && entry.clauses.some((id) => elements(c, id)));
  if (others.length === 0) return r;
  const other = { name: others.map((c) => c.name).join('、'), section: others.map((c) => c.section).join('、') };
  let texts = sectionTexts.get(kb);
  if (!texts) sectionTexts.set(kb, (texts = new Map()));
  let own = texts.get(asked.section);
  if (own === undefined) texts.set(asked.section, (own = kb.data.clauses.filter((c) => elements(asked, c.id)).map((c) => norm(c.text)).join('\n')));
  const lexicon = kb.data.lexicon.entries;
  const concepts = namedSystems(kb, question);
  const forms = (canonical: string) => {
    const e = lexicon.find((x) => x.canonical === canonical);
    return [canonical, ...(e?.aliases ?? [])].map(norm);
  };
  const rest = r.text.replace(CATEGORY_VERDICT, '');
  const vars = { asked: asked.name, section: asked.section, other: other.name, otherSection: other.section };
  const unnamed = concepts.length > 0 && concepts.every((m) => !forms(m.canonical).some((f) => own!.includes(f)));
  // A Latin name is shown as the notice writes it (DCS), not as read (dcs).
  const shown = (span: string) => (/^[a-z0-9]+$/u.test(span) ? span.toUpperCase() : span);
  // 「离散型工厂用DCS可以吗」 asks whether it is allowed: 不要求 does not answer that, and the notice forbids nothing.
  const permit = t.absentPermitted && t.permits?.some((w) => question.includes(w));
  if (pair && !unnamed) return r;
  // 「APC跟RTO是离散型要的还是流程型要的」 offers the two to choose from: which holds it is chosenCategory's to say.
  if (pair && EITHER_OR.test(question)) return r;
  const note = unnamed ? fill(permit ? t.absentPermitted! : t.absent, { ...vars, term: [...new Set(concepts.map((m) => shown(m.span)))].join('、') }) : fill(t.elsewhere, vars);
  return { text: note + rest, citations: r.citations };
}

/**
 * 「安灯系统是车间要求还是工厂要求」「APC是车间的还是流程型工厂的」 offer categories to choose
 * from, and a yes/no entry's 「不要求。」 chooses none. Each side of 还是 names its categories
 * (工厂 alone names both factory types); the lexicon says in which clauses each concept asked
 * about is named, so the answer says which of the offered categories' element conditions hold it,
 * quoting where. An entry that speaks of the concept keeps its text after that, without its bare verdict.
 */
function chosenCategory(kb: KnowledgeBase, question: string, r: { text: string; citations: Citation[] }): { text: string; citations: Citation[] } {
  const t = kb.data.intents.answerText.otherCategory;
  const choice = t.choice;
  const sides = question.split('还是');
  if (!choice || sides.length !== 2) return r;
  type Category = (typeof t.categories)[number];
  const namedIn = (side: string): Category[] => {
    const named = t.categories.filter((c) => c.words.some((w) => side.includes(w)) && !c.unless?.some((w) => side.includes(w)));
    if (named.length > 0 || !choice.factory.some((w) => side.includes(w))) return named;
    return t.categories.filter((c) => !c.words.some((w) => side.includes(w)) && c.unless?.some((w) => choice.factory.includes(w)) !== true);
  };
  const left = namedIn(sides[0]!);
  const right = namedIn(sides[1]!);
  const offered = t.categories.filter((c) => left.includes(c) || right.includes(c));
  if (left.length === 0 || right.length === 0 || offered.length < 2) return r;
  const concepts = namedSystems(kb, question);
  const entries = [...new Set(concepts.map((m) => kb.data.lexicon.entries.find((e) => e.canonical === m.canonical)))].filter((e): e is NonNullable<typeof e> => e !== undefined && (e.clauses?.length ?? 0) > 0);
  if (entries.length === 0) return r;
  // 三(二)3 is under 三(二); 三(二) itself is too.
  const under = (id: string, root: string) => id === root || (id.startsWith(root) && /^[\d(]/u.test(id.slice(root.length)));
  const holdIn = (c: Category) => [...new Set(entries.flatMap((e) => e.clauses!.filter((id) => under(id, c.section))))];
  const holders = offered.filter((c) => holdIn(c).length > 0);
  if (holders.length === 0) return r;
  // Several things asked at once (「APC跟RTO」) are answered together only where the same categories hold each of them.
  if (entries.some((e) => holders.some((c) => !e.clauses!.some((id) => under(id, c.section))))) return r;
  const forms = entries.flatMap((e) => [e.canonical, ...e.aliases]).map(norm);
  const own = forms.some((f) => norm(r.text).includes(f));
  // An entry that speaks of the concept and opens with more than a bare verdict
  // (「智能工厂要，智能车间不要求」) already answers the choice.
  if (own && !CATEGORY_VERDICT.test(r.text)) return r;
  const quotes = holders.flatMap((c) =>
    holdIn(c).map((id) => {
      const clause = kb.clause(id);
      const unit = clause && quoteUnits(clause.text).find((u) => forms.some((f) => norm(u.text).includes(f)));
      return unit ? { clause: clause.id, title: clause.title, quote: renderUnit(unit) } : cite(kb, id);
    }),
  ).filter((c): c is Citation => c !== null);
  // A Latin name is shown as the notice writes it (APC), not as read (apc).
  const term = entries.map((e) => concepts.find((m) => m.canonical === e.canonical)!.span).map((x) => (/^[a-z0-9]+$/u.test(x) ? x.toUpperCase() : x)).join('、');
  const others = offered.filter((c) => !holders.includes(c));
  const vars = { term, holders: holders.map((c) => c.name).join('、'), sections: holders.flatMap(holdIn).join('、'), others: others.map((c) => c.name).join('、') };
  const note = fill(others.length ? choice.some : choice.all, vars);
  const rest = own ? r.text.replace(CATEGORY_VERDICT, '') : '';
  const kept = own ? r.citations.filter((c) => !quotes.some((q) => q.clause === c.clause && q.quote === c.quote)) : [];
  return { text: note + rest, citations: [...quotes, ...kept] };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** A part or form number as the notice numbers it: 「4」 and 「四」 are the same part. */
const numeral = (x: string) => (/^\d$/u.test(x) ? NUMERALS[Number(x) - 1] : x);

const PART_NUMERAL = `[1-9${NUMERALS.join('')}]`;
const ITEM_NUMERAL = `[1-9${NUMERALS.join('')}十]`;

/**
 * 「附件3第五部分写啥」「附件4在哪下载」「三(五)是什么」「附件2的四(七)」: a form, a part, an item or a clause the
 * notice does not have. The answer says first that it does not exist, then what its nearest existing parent
 * holds, each held clause quoted; the nearest clause that does exist is never answered as if it were asked.
 * Undefined when everything the question names exists. A part asked of 申报书 without a form is of all three.
 */
function missingPart(kb: KnowledgeBase, question: string): { text: string; citations: Citation[] } | undefined {
  const at = kb.data.intents.answerText;
  const t = at.missingPart;
  if (!t) return undefined;
  const q = question.normalize('NFKC').replace(/\s+/gu, '');
  const partWords = at.formPart?.partWords ?? ['部分'];
  const byNumber = new RegExp(`第(${PART_NUMERAL})(?:${partWords.join('|')})`, 'u');
  const itemOf = (rest: string) => new RegExp(`^(?:的|中的|里的|里)?(?:\\((${ITEM_NUMERAL}+)\\)|第(${ITEM_NUMERAL}+)项)`, 'u').exec(rest);
  const item = (m: RegExpExecArray | null) => m && (m[1] ?? numeral(m[2]!));
  // Each candidate: the clause id asked, as the question names it; the first that does not exist is answered.
  const asked: { id: string; said: string }[] = [];
  const form = /附件(\d+|[一二三四五六七八九])(?!\d)/u.exec(q);
  if (form) {
    const id = `附件${/\d/u.test(form[1]!) ? form[1] : NUMERALS.indexOf(form[1]!) + 1}`;
    asked.push({ id, said: form[0] });
    const rest = q.slice(form.index + form[0].length);
    const part = byNumber.exec(rest) ?? new RegExp(`^(?:的|[.])?(${PART_NUMERAL})(?:、|部分)?(?=\\(|第|的|$|[^\\d${NUMERALS.join('')}])`, 'u').exec(rest);
    if (part) {
      const n = numeral(part[1]!)!;
      asked.push({ id: `${id}.${n}`, said: `${form[0]}${part[0].startsWith('第') ? part[0] : `的${n}`}` });
      const it = item(itemOf(rest.slice(part.index + part[0].length)));
      if (it) asked.push({ id: `${id}.${n}(${it})`, said: `${form[0]}的${n}(${it})` });
    }
  } else {
    const own = at.formPart?.formWords.find((w) => q.includes(w));
    const part = own ? byNumber.exec(q) : null;
    if (own && part) {
      // A part that no form has: the forms have the same parts, so the first form named stands for them.
      const n = numeral(part[1]!)!;
      const named = at.otherCategory.categories.filter((c) => c.words.some((w) => q.includes(w)));
      const factory = at.otherCategory.choice?.factory.some((w) => q.includes(w)) ?? false;
      const forms = (named.length ? named : factory ? at.otherCategory.categories.filter((c) => c.unless?.some((w) => at.otherCategory.choice!.factory.includes(w)) !== true) : at.otherCategory.categories).map((c) => c.form);
      if (forms.every((f) => !kb.clause(`${f}.${n}`))) asked.push({ id: `${forms[0]}.${n}`, said: `${own}${part[0]}` });
    }
    // 「三(五)」「二(六)」「三(一)8」: a clause of the notice's own text.
    const clause = new RegExp(`(?<![.\\d])([${NUMERALS.join('')}])\\((${ITEM_NUMERAL}+)\\)(\\d+)?`, 'u').exec(q);
    if (clause) {
      const [, a, b, c] = clause;
      asked.push({ id: a!, said: a! }, { id: `${a}(${b})`, said: `${a}(${b})` });
      if (c) asked.push({ id: `${a}(${b})${c}`, said: clause[0] });
    }
  }
  const missing = asked.find((x) => !kb.clause(x.id));
  if (!missing) return undefined;
  // 三(一)8's parent is 三(一), 三(五)'s is 三, 附件3.五's is 附件3, 附件4's is 附件; a section of the text has none.
  const parentId = /\)\d+$/u.test(missing.id) ? missing.id.replace(/\d+$/u, '') : missing.id.endsWith(')') ? missing.id.replace(/\([^()]*\)$/u, '') : missing.id.includes('.') ? missing.id.split('.')[0]! : missing.id.startsWith('附件') ? '附件' : '';
  const parent = parentId ? kb.clause(parentId) : undefined;
  const children = parent ? kb.children(parent.id) : kb.data.clauses.filter((c) => NUMERALS.includes(c.id));
  if (children.length === 0) return undefined;
  const whole = !parent ? t.notice : parent.id === '附件' ? t.attachments : /^附件\d+$/u.test(parent.id) ? fill(t.form, { id: parent.id, title: parent.title }) : fill(t.clause, { id: parent.id.replace('.', '的'), title: parent.title });
  const forms = parent?.id === '附件';
  // 一、二… are parts; 1、2… and （一）（二）… are items.
  const sections = !forms && children.every((c) => !c.id.endsWith(')'));
  const parts = sections && children.every((c) => NUMERALS.some((n) => c.id.endsWith(n)));
  const label = (c: Clause) => (forms ? c.id : (/(\([^()]+\)|[^.()]+)$/u.exec(c.id)?.[1] ?? c.id).replace(/^\((.+)\)$/u, '（$1）'));
  const list = children.map((c) => (forms ? fill(t.form, { id: c.id, title: c.title }) : fill(sections ? t.section : t.child, { label: label(c), title: c.title }))).join(t.separator);
  const count = forms || parts ? NUMERALS[children.length - 1]! : String(children.length);
  const unit = forms ? t.units.forms : parts ? t.units.parts : t.units.items;
  const citations = children.flatMap((c) => {
    const units = quoteUnits(c.text);
    const unit = units.find((u) => u.text.replace(/[。：:\s]/gu, '') !== c.title) ?? units[0];
    return unit ? [{ clause: c.id, title: c.title, quote: renderUnit(unit) }] : [];
  });
  return { text: fill(t.lead, { asked: missing.said, whole, count, unit, list }), citations };
}

/**
 * 「附件2的四(五)是什么」「三(二)讲的啥」「二(四)的原文」「附件1.三是什么」: a clause of the table named by its ID
 * and asked only what it says is answered with that clause, verbatim, under its ID. A clause with items of its own
 * (三(二), 附件2.四) is answered with its heading and each item quoted. Undefined when the ID names no clause
 * (missingPart says so), or the question asks more than what the clause says (「二(四)的黑名单去哪查」).
 */
function namedClause(kb: KnowledgeBase, question: string): { text: string; citations: Citation[] } | undefined {
  const t = kb.data.intents.answerText.namedClause;
  if (!t) return undefined;
  const q = question.normalize('NFKC').replace(/\s+/gu, '');
  const n = NUMERALS.join('');
  // A form's part (附件2的四, 附件1.三), or a clause of the text with its item (二(四), 三(三)3), or both.
  const m = new RegExp(`(?:附件([1-9${n}])(?:的|里的|中的|\\.|、)?)?(?<![${n}])([${n}])(?:\\((${ITEM_NUMERAL}{1,2})\\)(\\d{1,2})?)?`, 'u').exec(q);
  if (!m || (!m[1] && !m[3])) return undefined;
  const form = m[1] ? `附件${/\d/u.test(m[1]) ? m[1] : NUMERALS.indexOf(m[1]) + 1}.` : '';
  const item = m[3] ? `(${/^\d+$/u.test(m[3]) ? NUMERALS[Number(m[3]) - 1] ?? m[3] : m[3]})` : '';
  const clause = kb.clause(`${form}${m[2]}${item}${m[4] ?? ''}`);
  if (!clause) return undefined;
  // Whatever else the question says must only ask what the clause says.
  let rest = q.slice(0, m.index) + ' ' + q.slice(m.index + m[0].length);
  for (const w of [...t.asks, ...t.particles].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  if (rest.replace(/[\p{P}\s]/gu, '').length > 0) return undefined;
  const items = kb.children(clause.id);
  const whole = (c: Clause): Citation => ({ clause: c.id, title: c.title, quote: c.text });
  if (items.length === 0) return { text: fill(t.lead, { id: clause.id, title: clause.title, text: clause.text }), citations: [whole(clause)] };
  const list = items.map((c) => fill(t.item, { id: c.id, title: c.title })).join(t.separator);
  // Items are quoted by their first sentence that says more than the title, as a part of a form is.
  const citations = items.map((c) => {
    const units = quoteUnits(c.text);
    const unit = units.find((u) => u.text.replace(/[。：:\s]/gu, '') !== c.title) ?? units[0];
    return { clause: c.id, title: c.title, quote: unit ? renderUnit(unit) : c.title };
  });
  return { text: fill(t.parent, { id: clause.id, title: clause.title, heading: clause.text, count: items.length, list }), citations };
}

/**
 * 「附件2第四部分写啥」「附件3第二部分」「附件1的四」: one part of a form, asked what it holds, is answered
 * with that part only: its heading, its items, and each item quoted with its own ID (附件2.四(一)…). A part of
 * 附件1 that the notice copy lacks (its 一) says that it is inferred, as every answer on 附件1's table does.
 * Undefined when the question names no single part, or asks something narrower than the whole part.
 */
function formPart(kb: KnowledgeBase, question: string): { text: string; citations: Citation[] } | undefined {
  const at = kb.data.intents.answerText;
  const t = at.formPart;
  if (!t) return undefined;
  const categories = at.otherCategory.categories;
  const q = question.replace(/\s+/gu, '');
  const digits = `[1-9${NUMERALS.join('')}]`;
  const explicit = new RegExp(`附件(${digits})`, 'u').exec(q);
  let forms: string[];
  let rest = q;
  if (explicit) {
    forms = [`附件${NUMERALS.indexOf(numeral(explicit[1]!)!) + 1}`];
    rest = rest.replace(explicit[0], ' ');
  } else {
    const word = t.formWords.find((w) => q.includes(w));
    if (!word) return undefined;
    const named = categories.filter((c) => c.words.some((w) => q.includes(w)));
    const factory = at.otherCategory.choice?.factory.some((w) => q.includes(w)) ?? false;
    forms = (named.length ? named : factory ? categories.filter((c) => c.unless?.some((w) => at.otherCategory.choice!.factory.includes(w)) !== true) : categories).map((c) => c.form);
    rest = rest.replace(word, ' ');
  }
  if (!forms.every((f) => categories.some((c) => c.form === f))) return undefined;
  const byNumber = new RegExp(`第(${digits})(?:${t.partWords.join('|')})`, 'u').exec(rest);
  // 「附件1的四」: a numeral right after the form, not the start of a sub-item (「附件2的四(三)」).
  const afterForm = byNumber ? null : new RegExp(`^\\s*的?(${digits})(?:、|部分)?(?![(（\\d${NUMERALS.join('')}])`, 'u').exec(explicit ? q.slice(explicit.index + explicit[0].length) : '');
  const part = byNumber ?? afterForm;
  if (!part) return undefined;
  const n = numeral(part[1]!)!;
  rest = byNumber ? rest.replace(byNumber[0], ' ') : q.slice(explicit!.index + explicit![0].length + part[0].length);
  // Whatever else the question says must only ask what the part holds.
  for (const w of [...categories.flatMap((c) => c.words), ...(at.otherCategory.choice?.factory ?? []), ...typeWordsOf(kb), ...t.formWords, ...t.asks, ...t.particles].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  if (rest.replace(/[\p{P}\s]/gu, '').length > 0) return undefined;
  const said: { forms: string[]; text: string }[] = [];
  const cites: Citation[] = [];
  for (const form of forms) {
    const clause = kb.clause(`${form}.${n}`);
    if (!clause) return undefined;
    const items = kb.children(clause.id);
    const list = items.map((c) => fill(t.item, { label: `（${c.id.slice(clause.id.length + 1, -1)}）`, title: c.title })).join(t.separator);
    const text = fill(t.lead, { n, title: clause.title, items: items.length ? fill(t.items, { count: items.length, list }) : '' });
    const same = said.find((x) => x.text === text);
    if (same) same.forms.push(form);
    else said.push({ forms: [form], text });
    for (const c of items.length ? items : [clause]) {
      // A table's first line is its own heading: the first line that says more stands for it.
      const units = quoteUnits(c.text);
      const unit = units.find((u) => u.text.replace(/[。：:\s]/gu, '') !== c.title) ?? units[0];
      cites.push({ clause: c.id, title: c.title, quote: unit ? renderUnit(unit) : c.title });
    }
    // 附件1's 一 is reconstructed: said so, with the forms it was inferred from.
    const inferred = [clause, ...items].find((c) => c.inferred);
    if (inferred && at.inferredForm) {
      const others = categories.filter((c) => c.form !== form).map((c) => c.form).join(t.formSeparator);
      said[said.length - 1]!.text += fill(at.inferredForm.note, { form, title: inferred.title, clause: inferred.id, others });
    }
  }
  return { text: said.map((x) => fill(x.text, { forms: x.forms.join(t.formSeparator) })).join(''), citations: cites };
}

/**
 * 「离散型智能工厂研发设计有什么要求」: one element condition of one category, named by its title, asked
 * what it requires, is answered with that clause, quoted whole (its heading left out). A title is named
 * whole, or by its head of four characters or more (「信息基础设施」 of 三(一)1's 信息基础设施安全可靠).
 * Undefined when no single category and clause are named, or the question asks something narrower.
 */
function elementClause(kb: KnowledgeBase, question: string): { text: string; citations: Citation[] } | undefined {
  const at = kb.data.intents.answerText;
  const t = at.elementClause;
  if (!t) return undefined;
  const q = question.replace(/\s+/gu, '');
  const categories = at.otherCategory.categories;
  const factoryWords = at.otherCategory.choice?.factory ?? [];
  const named = categories.filter((c) => c.words.some((w) => q.includes(w)));
  // 「智能工厂系统集成有什么要求」 names both factory types.
  const asked = named.length === 1 ? named : named.length === 0 && factoryWords.some((w) => q.includes(w)) ? categories.filter((c) => c.unless?.some((w) => factoryWords.includes(w)) !== true) : [];
  if (asked.length === 0) return undefined;
  const head = (title: string) => {
    for (let n = title.length; n >= 4; n--) if (q.includes(title.slice(0, n))) return title.slice(0, n);
    return undefined;
  };
  const found = asked.map((category) => ({ category, hits: kb.children(category.section).map((c) => ({ c, said: head(c.title) })).filter((x) => x.said) }));
  if (found.some((f) => f.hits.length !== 1)) return undefined;
  let rest = q;
  for (const f of found) rest = rest.split(f.hits[0]!.said!).join(' ');
  const typeWords = typeWordsOf(kb);
  for (const w of [...typeWords, ...categories.flatMap((c) => c.words), ...(at.otherCategory.choice?.factory ?? []), ...t.asks, ...t.particles].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  if (rest.replace(/[\p{P}\s\d]/gu, '').length > 0 || !t.asks.some((w) => q.includes(w))) return undefined;
  const texts: string[] = [];
  const cites: Citation[] = [];
  for (const { category, hits } of found) {
    const clause = hits[0]!.c;
    const units = quoteUnits(clause.text);
    // The clause's own heading (「研发设计。」) is its title: the quote starts after it.
    const body = units.map((u) => u.text).join('').replace(new RegExp(`^${escapeRegex(clause.title)}。`, 'u'), '');
    const quote = body && clause.text.includes(body) ? `${ELLIPSIS}${body}` : units.map(renderUnit).join('');
    texts.push(fill(t.lead, { category: category.name, title: clause.title, clause: clause.id, body: quote.replace(ELLIPSIS, '') }));
    cites.push({ clause: clause.id, title: clause.title, quote });
  }
  return { text: texts.join(''), citations: cites };
}

type Reading = 'required' | 'asNeeded' | 'option' | 'branch';

/** The lexicon's names of the two production types (离散型, 流程型行业 …): the concepts `otherCategory.ignore` lists. */
function typeWordsOf(kb: KnowledgeBase): string[] {
  const ignore = kb.data.intents.answerText.otherCategory.ignore;
  return kb.data.lexicon.entries.filter((e) => e.id && ignore.includes(e.id)).flatMap((e) => [e.canonical, ...e.aliases]);
}

/**
 * How one category's element conditions (its section, 三(一)…) read a lexicon concept: the clauses under it that the
 * lexicon names, each read as required, 「根据…需要」 (asNeeded), one of an 「等」 list to choose from (option) or one
 * industry branch of the clause (branch), with the sentence of each that names it, quoted.
 */
function categoryReadings(kb: KnowledgeBase, entry: LexiconEntry, section: string): { ids: string[]; readings: Map<Reading, { ids: string[]; branch?: string }>; cites: Citation[] } {
  const under = (id: string, root: string) => id === root || (id.startsWith(root) && /^[\d(]/u.test(id.slice(root.length)));
  const forms = [entry.canonical, ...entry.aliases].map(norm);
  const names = (text: string) => forms.some((f) => norm(text).includes(f));
  // The industry branches of a clause (三(一)4's 离散型行业, 流程型行业) are the lexicon's names of the two types.
  const branches = typeWordsOf(kb).filter((w) => w.endsWith('行业'));
  const requirements = Object.values(kb.data.elements.categories).flatMap((c) => c.elements.flatMap((e) => (e.requirements ?? []).map((r) => ({ clause: e.clause, r }))));
  const ids = (entry.clauses ?? []).filter((id) => under(id, section) && id !== section);
  const readings = new Map<Reading, { ids: string[]; branch?: string }>();
  const cites: Citation[] = [];
  for (const id of ids) {
    const clause = kb.clause(id);
    const unit = clause && quoteUnits(clause.text).find((u) => names(u.text));
    if (!clause || !unit) continue;
    cites.push({ clause: clause.id, title: clause.title, quote: renderUnit(unit) });
    const req = requirements.find((x) => x.clause === id && names(x.r.text))?.r;
    const qualifiers = req?.qualifiers ?? [];
    const branch = branches.find((b) => unit.text.startsWith(b));
    const reading: Reading = qualifiers.some((q) => q.reading === 'asNeeded')
      ? 'asNeeded'
      : branch
        ? 'branch'
        : // One of an 「等」 list to choose from: the requirement names it only inside that list (三(一)1's
          // 分布式控制系统), not also as what is to be built (its 工业通信网络).
          qualifiers.some((q) => q.reading === 'anyOf' && names(q.wording) && /[、和或]/u.test(q.wording) && !names(req!.text.replace(q.wording, '')))
          ? 'option'
          : 'required';
    const r = readings.get(reading) ?? { ids: [], branch };
    r.ids.push(id);
    readings.set(reading, r);
  }
  return { ids, readings, cites };
}

/**
 * 「WMS是必须的吗」「SCADA需要吗」 ask whether a system or device is required without naming a category,
 * while the element conditions differ by category. The lexicon says in which clauses of 三 the concept is
 * named; elements.json says how each is read (「根据生产需要」, one of an 「等」 list to choose from, one
 * industry branch of 三(一)4). The first sentence says each category's reading, and each clause is quoted
 * where it names the concept. Undefined when a category is named (otherCategory answers that), when the
 * question does not ask whether it is required, or when it names no single such concept.
 */
function perType(kb: KnowledgeBase, question: string, session?: string): { text: string; citations: Citation[]; scope: { section: string; name: string }[]; unwritten: boolean; lacking: boolean; lackedPerCategory: boolean } | undefined {
  const at = kb.data.intents.answerText;
  const t = at.perType;
  if (!t) return undefined;
  const categories = at.otherCategory.categories;
  // 「智能工厂要WMS吗」 asks of both factory types; 车间, 离散 or 流程 name one category.
  if (categories.some((c) => c.words.some((w) => question.includes(w)))) return undefined;
  const factoryOnly = at.otherCategory.choice?.factory.some((w) => question.includes(w)) ?? false;
  // Asked in a session that applies for one category, only that category's reading is said.
  const own = session === undefined ? undefined : categories.find((c) => c.name === session);
  if (session !== undefined && !own) return undefined;
  const scope = own ? [own] : factoryOnly ? categories.filter((c) => c.unless?.some((w) => at.otherCategory.choice!.factory.includes(w)) !== true) : categories;
  const concepts = namedSystems(kb, question);
  const under = (id: string, root: string) => id === root || (id.startsWith(root) && /^[\d(]/u.test(id.slice(root.length)));
  const entries = [...new Set(concepts.map((m) => kb.data.lexicon.entries.find((e) => e.canonical === m.canonical)))].filter((e) => e?.clauses?.some((id) => categories.some((c) => under(id, c.section))));
  if (entries.length !== 1) return undefined;
  const entry = entries[0]!;
  const concept = concepts.find((m) => m.canonical === entry.canonical)!;
  const span = concept.span;
  // 「要WMS吗」 asks as much as 「WMS是必须的吗」: a word of `before` just before the name, with a question tag.
  const before = question.slice(0, concept.index);
  // 「没有WMS能报智能工厂吗」 asks it too: what is missing decides the answer only per category.
  // 「ERP必须上吗？不上会不会被淘汰」: a later part that puts the lacking with its thing left out lacks this one.
  // 「ERP不上会不会被刷掉」「数据采集系统没有的话会减分吗」 put the lacking right after the name (and its 系统), what it
  // costs said after it.
  const after = question.slice(concept.index + typedTerm(question, concept.index, span).length).split(/[，,？?。；;\s]+/u);
  const lackedAfter = at.lacking.without.some((w) => after[0]!.startsWith(w)) && !at.lacking.notWithout.some((w) => after[0]!.startsWith(w));
  const lackedLater = lackedAfter || after.some((p) => LACKING_CASE.test(p));
  const lacking = (at.lacking.without.some((w) => before.endsWith(w)) || lackedLater) && at.lacking.asks.some((w) => question.includes(w));
  // 「上了AGV能加分吗」 asks what the thing counts for: what each category's clause asks of it is what the notice says.
  const asked = lacking || scoringAsked(kb, question) || t.asks.some((w) => question.includes(w)) || (t.before.some((w) => before.endsWith(w)) && /[吗么][?？]?$/u.test(question));
  if (!asked) return undefined;
  // A Latin name the notice never writes (SCADA) is said by the notice's own name for it, after a note saying so.
  const latin = /^[a-z0-9]+$/u.test(span);
  const written = entry.clauses!.some((id) => kb.clause(id)?.text.toLowerCase().includes(span));
  // A Chinese name of a system the notice never writes (高级排程系统, 排产系统) names a capability's tool: what each
  // category's clause asks is said in its own words, with no 「要」 for a system the notice does not name.
  const typed = typedTerm(question, concept.index, span);
  // Only a name said as a system (its 系统 or 软件 typed) is one: 「工业网络一定要建吗」 asks of the network 三(一)1 requires.
  const capability = !latin && typed !== span && t.unwrittenLead && t.capability && !writtenInNotice(kb, typed) && !systemWritten(kb, entry.canonical) ? t.capability : undefined;
  const related = written ? undefined : acronyms(kb, question).find((i) => i.abbr.toLowerCase() === span && !i.own);
  const term = related ? related.name : latin ? span.toUpperCase() : span;
  const forms = [entry.canonical, ...entry.aliases].map(norm);
  const names = (text: string) => forms.some((f) => norm(text).includes(f));
  const said: string[] = [];
  const saidAs: Reading[] = [];
  // Each category as it is said when every one requires the system: its name and clauses, the 要 said once for all.
  const items: string[] = [];
  const absent: (typeof categories)[number][] = [];
  const cites: Citation[] = [];
  for (const c of scope) {
    const { ids, readings, cites: own } = categoryReadings(kb, entry, c.section);
    if (ids.length === 0) {
      absent.push(c);
      continue;
    }
    cites.push(...own);
    if (readings.size === 0) absent.push(c);
    if (capability && readings.size > 0) {
      // Of a clause's sentences that name the concept, the one naming most of its forms says what is asked
      // (三(一)5's 作业计划…实时调整, not its heading 「生产过程实时调度」).
      const quotes = ids.flatMap((id) => {
        const units = quoteUnits(kb.clause(id)?.text ?? '').filter((u) => names(u.text));
        const count = (u: (typeof units)[number]) => forms.filter((f) => norm(u.text).includes(f)).length;
        const best = units.sort((a, b) => count(b) - count(a))[0];
        return best ? [renderUnit(best)] : [];
      });
      said.push(fill(capability, { category: c.name, clauses: ids.join('、'), quote: quotes.join('；') }));
      continue;
    }
    for (const [reading, r] of readings) {
      said.push(fill(t[reading], { category: c.name, clauses: r.ids.join('、'), branch: r.branch ?? '', term }));
      saidAs.push(reading);
      if (reading === 'required' && t.allItem) items.push(fill(t.allItem, { category: c.name, clauses: r.ids.join('、') }));
    }
  }
  if (said.length === 0) return undefined;
  if (absent.length) said.push(fill(t.absent, { categories: absent.map((c) => c.name).join('、'), sections: absent.map((c) => c.section).join('、'), term }));
  const note = related ? fill(at.glossaryRelated, { abbr: related.abbr, name: related.name, clause: related.citation.clause }) : '';
  // Every category's clause requires it outright: nothing turns on the category, so the verdict comes first (要, or 不行
  // when it is missing), before any note on the name, and the categories are named once, the 要 said for all.
  // A name one category's clause writes and another's does not (以太网, listed in 三(一)1 and absent from 三(二)1's
  // 工业通信网络) is one of a kind there, not what every category requires: 「以太网是三类都要求的」 would be wrong.
  const writes = (c: (typeof categories)[number]) => entry.clauses!.some((id) => under(id, c.section) && kb.clause(id)?.text.toLowerCase().includes(term.toLowerCase()));
  const named = scope.every(writes) || !scope.some(writes);
  const all = !own && !capability && absent.length === 0 && scope.length === categories.length && said.length === scope.length && saidAs.every((r) => r === 'required') && named;
  const verdict = lacking ? t.allLacking : t.allRequired;
  const whole = all && verdict !== undefined && t.all !== undefined && items.length === scope.length ? `${verdict}${note}${fill(t.all, { term, items: items.join(t.allSeparator ?? t.separator), lacked: lacking ? (t.allLacked ?? '') : '' })}` : undefined;
  const lead = own ? '' : capability ? fill(t.unwrittenLead!, { term: typed }) : lacking && t.lacking ? fill(t.lacking, { term }) : t.lead;
  // Lacking a condition 二(二) makes one of applying: its words are quoted, and so cited.
  const condition = whole && lacking ? kb.clause('二(二)') : undefined;
  const conditionCite = condition ? [{ clause: condition.id, title: condition.title, quote: condition.text }] : [];
  // Lacked where some category in scope does not require it outright: a lacking answered for all at once would be wrong.
  const everyRequires = absent.length === 0 && said.length === scope.length && saidAs.every((r) => r === 'required');
  const lackedPerCategory = lacking && !everyRequires && !own && !capability;
  return { text: whole ?? `${note}${lead}${said.join(t.separator)}${t.end}`, citations: [...conditionCite, ...cites], scope, unwritten: Boolean(related), lacking, lackedPerCategory };
}

/**
 * 「智能车间要求MES和WMS吗」「报车间的话SCM跟ERP都得有吗」: one category asked of several systems whose readings there
 * differ. An entry on one of them would answer for that one only, or its verdict would stand for all: each system is
 * said with its own reading in that category's element conditions, from the lexicon's clauses, in the order asked.
 * Systems read alike are left to the entries, which say more of them.
 */
function perSystem(kb: KnowledgeBase, question: string, entryText?: string): { text: string; citations: Citation[] } | undefined {
  const at = kb.data.intents.answerText;
  const t = at.perType;
  if (!t?.system || !t.systemAbsent) return undefined;
  const named = at.otherCategory.categories.filter((c) => c.words.some((w) => question.includes(w)) && !c.unless?.some((w) => question.includes(w)));
  if (named.length !== 1) return undefined;
  const category = named[0]!;
  // The systems are those of the one part that asks: a statement's (「物料都是人推车送」) are context, and several asking
  // parts are each answered on their own.
  const asking = parts(question).pieces.filter(asks);
  if (asking.length !== 1) return undefined;
  const piece = asking[0]!;
  const concepts = namedSystems(kb, piece);
  // An element's own name (「经营管理里的WMS」) says where, not what is asked of.
  const titles = new Set(kb.data.clauses.filter((c) => c.id.startsWith('三(')).map((c) => norm(c.title)));
  const systems: { entry: LexiconEntry; span: string }[] = [];
  for (const m of concepts) {
    const entry = kb.data.lexicon.entries.find((e) => e.canonical === m.canonical);
    if (!entry || [entry.canonical, ...entry.aliases].some((f) => titles.has(norm(f)))) continue;
    if (entry.clauses?.some((id) => id.startsWith('三(')) && !systems.some((x) => x.entry === entry)) systems.push({ entry, span: m.span });
  }
  if (systems.length < 2) return undefined;
  // Asked whether they are required: in so many words, or a yes-no question with a word of `before` before the first
  // system (「要求MES和WMS吗」) or after the last (「DCS和SIS都得有不」).
  const first = piece.indexOf(systems[0]!.span);
  const last = systems.at(-1)!;
  const rest = piece.slice(piece.lastIndexOf(last.span) + last.span.length);
  const asked = t.asks.some((w) => piece.includes(w)) || (YES_NO.test(piece) && (t.before.some((w) => piece.slice(0, first).endsWith(w)) || t.before.some((w) => rest.includes(w))));
  if (!asked) return undefined;
  const read = systems.map((x) => ({ ...x, ...categoryReadings(kb, x.entry, category.section) }));
  const kinds = new Set(read.map((x) => [...x.readings.keys()].join('+')));
  // Read alike, the systems are left to an entry that names them all (「智能车间MES、ERP都要上吗」 is told their integration
  // too, 「智能车间要WMS和SCM吗」 where the factories ask them). An entry naming only some would drop the others
  // (「智能车间要EMS和罐区自动化吗」 answered on energy alone): each is then said here.
  const namesAll = entryText !== undefined && read.every((x) => [x.entry.canonical, ...x.entry.aliases].some((f) => norm(entryText).includes(norm(f))));
  if (kinds.size < 2 && namesAll) return undefined;
  const cites: Citation[][] = [read.flatMap((x) => x.cites)];
  const said = read.map((x) => {
    // A Latin name is shown as the notice writes it (WMS), not as read (wms), after the lexicon's full name.
    const latin = /^[a-z0-9]+$/u.test(x.span);
    const term = latin ? x.span.toUpperCase() : x.span;
    const readings = [...x.readings].map(([reading, r]) => fill(t[reading], { category: category.name, clauses: r.ids.join('、'), branch: r.branch ?? '', term }));
    return fill(t.system!, { term: latin ? `${x.entry.canonical}（${term}）` : term, said: readings.length ? readings.join('，') : fill(t.systemAbsent!, { category: category.name, section: category.section }) + elsewhere(x.entry) });
  });
  // A system the category does not name is told where the notice does write it, and that clause is quoted.
  function elsewhere(entry: LexiconEntry): string {
    if (!t?.systemElsewhere) return '';
    const others = at.otherCategory.categories.filter((c) => c !== category).map((c) => ({ c, read: categoryReadings(kb, entry, c.section) })).filter((o) => o.read.cites.length > 0);
    if (others.length === 0) return '';
    cites.push(others.flatMap((o) => o.read.cites));
    return fill(t.systemElsewhere, { categories: others.map((o) => o.c.name).join('、'), clauses: others.flatMap((o) => o.read.cites.map((c) => c.clause)).join('、') });
  }
  return { text: said.join(t.separator) + t.end, citations: oncePerClause(mergeCitations(cites), (id) => kb.clause(id)?.text) };
}

/** A system the text names in Chinese with its 系统 or 软件 (「排产软件」) that no clause of the notice writes; undefined when none. */
function unwrittenSystem(kb: KnowledgeBase, text: string): string | undefined {
  for (const c of understanderFor(kb.data).findConcepts(text)) {
    if (/^[a-z0-9]+$/u.test(c.span)) continue;
    const typed = typedTerm(text, c.index, c.span);
    if (typed !== c.span && !writtenInNotice(kb, typed) && !systemWritten(kb, c.canonical)) return typed;
  }
  return undefined;
}

const writtenInNotice = (kb: KnowledgeBase, w: string) => kb.data.clauses.some((x) => x.text.includes(w));

/**
 * Whether the notice names a system for a lexicon concept under any of its names (「生产过程数据采集和监控系统」 for
 * 数据采集): 「数据采集系统」 then is that system said short, not a system the notice leaves unnamed.
 */
function systemWritten(kb: KnowledgeBase, canonical: string): boolean {
  const e = kb.data.lexicon.entries.find((x) => x.canonical === canonical);
  return [canonical, ...(e?.aliases ?? [])].some((f) => /(?:系统|软件|平台)(?:（[^）]*）)?$/u.test(f) && writtenInNotice(kb, f));
}

/** The name as the question says it, with the 系统 or 软件 that follows it (「高级排程系统」). */
function typedTerm(question: string, at: number, span: string): string {
  return span + (question.slice(at + span.length).match(/^(?:系统|软件|模块|平台)/u)?.[0] ?? '');
}

/**
 * "APS通知里有要求吗": asked whether a system the notice never names is required, an entry's 要/不要
 * is about the neighbouring requirement it was written for, not that system. The answer then says
 * first that the notice does not use the name and what it says instead, and drops the bare verdict.
 * Only the asking parts count ("MES要跟ERP集成吗？我们有SCADA" asks about MES), and an entry that
 * already names the system or its concept answers it as written.
 */
function unnamedSystems(kb: KnowledgeBase, p: PreparedEntry, question: string, r: { text: string; citations: Citation[] }): { text: string; citations: Citation[] } {
  const { conclusion, fill: computed } = p.entry;
  if ((conclusion !== 'yes' && conclusion !== 'no') || computed) return r;
  const asked = parts(question).pieces.filter((x) => ASKS.test(x)).join('，');
  const lower = r.text.toLowerCase();
  const items = acronyms(kb, asked).filter((i) => !i.own && !lower.includes(i.abbr.toLowerCase()) && !r.text.includes(i.name));
  const t = kb.data.intents.answerText;
  // 「智能车间要上排产软件吗」: a system named in Chinese that the notice never writes is answered by what the clause asks.
  // Only a bare 「要」 is wrong of such a system; an answer that says 不 or explains itself stands.
  const unwritten = items.length === 0 && conclusion === 'yes' && BARE_VERDICT.test(r.text) && t.perType?.unwrittenNote ? unwrittenSystem(kb, asked) : undefined;
  if (unwritten) return { text: fill(t.perType!.unwrittenNote!, { term: unwritten }) + r.text.replace(BARE_VERDICT, ''), citations: r.citations };
  if (items.length === 0) return r;
  const note = items.map((i) => fill(t.glossaryRelated, { abbr: i.abbr, name: i.name, clause: i.citation.clause })).join('');
  return { text: note + r.text.replace(BARE_VERDICT, ''), citations: [...r.citations, ...items.map((i) => i.citation)] };
}

/**
 * 「我们是集团下面的子公司，有独立法人，能不能报？去年刚被列入失信名单了」: a may-we-apply question that
 * states several facts is answered on each of them, not only on the one its wording is closest to. Each
 * stated fact is asked the question's own may-we-apply words alone; a fact whose closest entry says 不能 and
 * rests only on hard conditions (category-rules `hard`: 二(一), 二(四), 四(一)) fails, and is said first.
 * A fact said not to hold (「没上失信名单」) fails nothing, and neither does one the facts said after it
 * undo (「以前上过失信名单，现在已经移出了」 is read together, as 二(四)'s 截至申报日 asks). An answer that
 * already says 不能 is left as it is.
 */
function failedFacts(kb: KnowledgeBase, pieces: readonly string[], answered: readonly { match: EntryMatch; text: string }[]): { match: EntryMatch; text: string }[] {
  const whole = pieces.join('，');
  const f = kb.data.intents.answerText.failedFact;
  const words = kb.data.intents.answerText.situation.asks;
  if (!f || pieces.length < 2) return [];
  const ask = words.filter((w) => pieces.some((p) => p.includes(w))).sort((a, b) => b.length - a.length)[0];
  if (!ask) return [];
  const hard = new Set(Object.values(kb.data.categoryRules.hard).map((h) => h.clause));
  const asked = (p: string) => words.some((w) => p.includes(w));
  const out: { match: EntryMatch; text: string }[] = [];
  pieces.forEach((p, i) => {
    const text = asked(p) ? p : `${p}，${ask}`;
    const m = answersOf(kb).match(text, 3)[0];
    if (!m || m.score < (m.prepared.requires.length ? ACCEPT_GUARDED : ACCEPT)) return;
    const e = m.prepared.entry;
    if (e.conclusion !== 'no' || !e.clauses.every((c) => hard.has(c))) return;
    if (answered.some((c) => c.match.prepared === m.prepared) || out.some((c) => c.match.prepared === m.prepared)) return;
    // 「上回申报落选了，这回同一个车间还能报吗」: a word the entry excludes, said in another part, says it is not its case.
    if (answersOf(kb).excludedBy(m.prepared, whole)) return;
    // 「系统是软件公司开发的」 names a trade that did something for the enterprise, not its business.
    if (scopedByTrade(m) && tradeIsAgent(kb, p)) return;
    // The fact's own words, and what stands just before them: 「没上」「不是」 say it does not hold.
    const at = Math.min(...(m.prepared.requires[0] ?? []).map((w) => p.indexOf(w)).filter((x) => x >= 0));
    if (Number.isFinite(at) && f.notStated.some((w) => p.slice(Math.max(0, at - 4), at).includes(w))) return;
    // 「生产基地在许昌」 says where something stands in Henan: a place in Henan fails no hard condition, and where
    // the enterprise is registered is read for the whole question (splitSites).
    if (listedRegionSpans(kb, scan(kb, p)).some((r) => p.slice(0, r.start).endsWith('在'))) return;
    // Read with what is said after it (「…，但已经履行完毕了」), the fact may be undone: the closest entry is then
    // another on the same condition.
    const later = answersOf(kb).match(`${pieces.slice(i).join('，')}，${ask}`, 1)[0]?.prepared;
    if (i < pieces.length - 1 && later && later !== m.prepared && later.entry.clauses.some((c) => e.clauses.includes(c))) return;
    out.push({ match: m, text });
  });
  return out;
}

/** The subjects a follow-up part can swap in (longest first, so 智能车间 is found before 车间). */
const SUBJECTS = ['智能车间', '智能工厂', '离散型', '流程型', '车间', '工厂', '离散', '流程'];

const domainTerms = new WeakMap<KnowledgeBase, WordFinder>();

/** Where the question names a term of the notice's own vocabulary (统一社会信用代码), as [start, end) spans. */
function domainSpans(kb: KnowledgeBase, q: string): [number, number][] {
  let finder = domainTerms.get(kb);
  if (!finder) domainTerms.set(kb, (finder = new WordFinder((kb.data.lexicon.vocabulary ?? []).map(norm).filter((w) => w.length >= 2))));
  return [...finder.find(q)].flatMap(([w, at]) => at.map((i): [number, number] => [i, i + w.length]));
}

/**
 * The out-of-scope topic a question names. A keyword inside a longer term of the notice's own
 * vocabulary is that term, not the topic: 「代码」 in 「统一社会信用代码」 is a form cell, not code.
 */
function topicOf(kb: KnowledgeBase, q: string, always: boolean, found: Found = scan(kb, q)) {
  let spans: [number, number][] | undefined;
  const free = (w: string) =>
    (found.get(w) ?? []).some((at) => !(spans ??= domainSpans(kb, q)).some(([s, e]) => e - s > w.length && at >= s && at + w.length <= e));
  // Of two topics named, the longer keyword is the one asked about: 「社保缴费」 is social insurance,
  // not the fee 「缴费」 alone would suggest.
  let best: { topic: (typeof kb.data.intents.outOfScope.topics)[number]; length: number } | undefined;
  const topics = kb.data.intents.outOfScope.topics;
  const named = topicsNamed(topics, found);
  for (const [i, t] of topics.entries()) {
    if (Boolean(t.always) !== always) continue;
    const byWords = named.has(i) ? Math.max(0, ...t.keywords.map(norm).filter(free).map((k) => k.length)) : 0;
    const byPattern = Math.max(0, ...(t.patterns ?? []).map((p) => patternOf(p).exec(q)?.[0].length ?? 0));
    const length = Math.max(byWords, byPattern);
    if (length === 0 || (t.unless ?? []).some((p) => patternOf(p).test(q))) continue;
    if (!best || length > best.length) best = { topic: t, length };
  }
  return best?.topic;
}

/** Per list of out-of-scope topics, the topics (by index) each normalised keyword belongs to. */
const topicsByKeyword = new WeakMap<readonly { keywords: readonly string[] }[], Map<string, number[]>>();

/**
 * The topics (by index) one of whose keywords a question contains: the few words found are looked
 * up, instead of every topic's keywords (hundreds) in what was found, on each of the several reads
 * of a question.
 */
function topicsNamed(topics: readonly { keywords: readonly string[] }[], found: Found): Set<number> {
  let index = topicsByKeyword.get(topics);
  if (!index) {
    index = new Map();
    for (const [i, t] of topics.entries()) {
      for (const k of new Set(t.keywords.map(norm))) {
        const list = index.get(k);
        if (list) list.push(i);
        else index.set(k, [i]);
      }
    }
    topicsByKeyword.set(topics, index);
  }
  const named = new Set<number>();
  for (const w of found.keys()) for (const i of index.get(w) ?? []) named.add(i);
  return named;
}

// Patterns come from the knowledge files only, so this memo is bounded.
const compiledPatterns = new Map<string, RegExp>();

function patternOf(source: string): RegExp {
  let re = compiledPatterns.get(source);
  if (!re) compiledPatterns.set(source, (re = new RegExp(source, 'u')));
  return re;
}

/** The keywords of an out-of-scope topic the text names. */
function namedKeywords(kb: KnowledgeBase, topic: { keywords: readonly string[] }, text: string, found: Found = scan(kb, text)): string[] {
  return topic.keywords.map(norm).filter((k) => (found.get(k)?.length ?? 0) > 0);
}

/** The out-of-scope topic a text names when the entry matched to it never speaks of that topic. */
function offTopic(kb: KnowledgeBase, entry: AnswerEntry, text: string): { label: string } | undefined {
  if (entry.conclusion === 'notCovered') return undefined;
  const topic = topicOf(kb, text, false);
  if (!topic) return undefined;
  // Its required words are what the entry is about too: one that requires 落选 speaks of a title not won.
  const own = norm([...entry.questions, entry.answer, ...(entry.requires ?? []).flat()].join('\n'));
  return namedKeywords(kb, topic, text).some((k) => own.includes(k)) ? undefined : topic;
}

/**
 * What-is questions that ask for a term's meaning: 「灯塔工厂是什么意思」「什么叫两化融合」. Bare
 * 「X是什么」 is left out: it as often asks for a value (「视频格式是什么」).
 */
const MEANING_AFTER = /^(.{2,12}?)(?:到底|究竟)?(?:是什么意思|是啥意思|什么意思|啥意思|指的是什么|指的是啥|指什么|指啥|的含义是什么|的含义|含义是什么|怎么理解|咋理解|怎么讲|咋讲)$/u;
const MEANING_BEFORE = /^(?:请问)?(?:什么是|什么叫|什么叫做|啥是|啥叫|何为|何谓)(.{2,12})$/u;
/** A term is a name (Han or Latin letters), not a pointer to something said (「这句话」「第三条」). */
const TERM = /^[\p{Script=Han}a-z]+$/u;
const POINTER = /^(?:这|那|它|上|下|前|后|刚|该|此|第|本|其)|(?:条|款|项|句|段|话|字|词|个)$/u;

const knownTerms = new WeakMap<KnowledgeBase, { notice: string; clauses: string[]; words: Set<string>; phrasings: string }>();

/**
 * The term a what-is question asks about when nothing the product knows can explain it: the
 * notice never uses it, it is no synonym in the lexicon, and no answer-base phrasing names it.
 * Anything an entry would say then is about a neighbouring word (「灯塔工厂」 is not the notice's
 * 智能工厂), so the answer says the notice does not use the term.
 */
function absentTerm(kb: KnowledgeBase, q: string): string | undefined {
  const term = meaningTerm(q);
  if (!term) return undefined;
  const known = knownTermsOf(kb);
  const bare = term.replace(/(?:系统|软件)$/u, '');
  if (known.notice.includes(term) || known.words.has(term) || known.words.has(bare) || known.phrasings.includes(term)) return undefined;
  if (madeOfOneClause(known.clauses, term)) return undefined;
  return term;
}

/** 「算新一代信息技术不」「属不属于灯塔工厂」: one sentence asking whether something counts as a term (group 1). */
const COUNTS_AS = /(?:(?:算不算|属不属于)(?:是)?([\p{Script=Han}]{4,12}?)(?:了)?(?:吧|吗|么|嘛|呢)?|(?:算是|算|属于)([\p{Script=Han}]{4,12}?)(?:了)?(?:吧|吗|么|嘛|呢|不|没))$/u;

/**
 * The term a question asks whether something counts as, when the notice never uses it: not in its text, no lexicon
 * word, no answer-base phrasing, and not pieced from the words of one clause (see absentTerm). Four characters at
 * least: shorter words after 算 (算数, 合格, 达标) are verdicts asked, not classes.
 */
function classedTerm(kb: KnowledgeBase, q: string): string | undefined {
  const term = termsAsked(q, [COUNTS_AS])[0];
  // 「算洛阳市的吗」「算几个名额」 ask whose or how many, and 「算一下今年的个税」「自己算好填百分数吗」 ask to reckon, not
  // a class: a term is a name, with no place, count or 的 in it, and no word of reckoning after 算.
  if (!term || /^[不没一好出上下进在成作了]|的|几|多少|[一二两三四五六七八九十\d][个家项条台名次年]/u.test(term) || findRegions(kb, term).length > 0) return undefined;
  const known = knownTermsOf(kb);
  if (known.notice.includes(term) || known.words.has(term) || known.phrasings.includes(term) || madeOfOneClause(known.clauses, term)) return undefined;
  return term;
}

/**
 * 「我们上了个用友ERP，这个算新一代信息技术不」: the notice neither uses nor defines the term, and who judges is said,
 * first; then where the element conditions write each system the question names, category by category, quoted.
 */
function classedAnswer(kb: KnowledgeBase, q: string, question: string, term: string): { text: string; citations: Citation[] } | undefined {
  const t = kb.data.intents.answerText.termClassed;
  if (!t) return undefined;
  const { unit, phone } = kb.data.facts.contact;
  const categories = kb.data.intents.answerText.otherCategory.categories;
  const texts = [fill(t.lead, { term, unit, phone })];
  const cites: [string, string[]][] = [];
  const seen = new Set<string>();
  for (const c of namedConcepts(understanderFor(kb.data), q)) {
    const entry = kb.data.lexicon.entries.find((e) => e.canonical === c.canonical);
    const clauses = (entry?.clauses ?? []).filter((id) => categories.some((x) => id.startsWith(x.section)));
    if (!entry || clauses.length === 0 || seen.has(entry.canonical)) continue;
    seen.add(entry.canonical);
    const list = categories
      .map((x) => ({ category: x.name, clause: clauses.filter((id) => id.startsWith(x.section)).join('、') }))
      .filter((x) => x.clause)
      .map((x) => fill(t.item, x))
      .join(t.separator);
    // Named as the notice names it (ERP, not the brand 用友 the question gave): its Latin name where it writes one.
    const written = [entry.canonical, ...entry.aliases].find((w) => /^[A-Z]+$/u.test(w) && clauses.some((id) => kb.clause(id)?.text.includes(w)));
    texts.push(fill(t.named, { thing: written ?? entry.canonical, list }));
    const needles = [entry.canonical, ...entry.aliases];
    for (const id of clauses) cites.push([id, needles]);
  }
  cites.push([t.clause, [t.find]]);
  return { text: texts.join(''), citations: citations(kb, cites) };
}

/** The term one sentence of a question asks the meaning of: 「税收黑名单是啥意思？我们肯定没有」 asks 税收黑名单. */
function meaningTerm(q: string): string | undefined {
  return termsAsked(q, [MEANING_AFTER, MEANING_BEFORE])[0];
}

/** The terms the sentences of a question ask by one of `forms` (its group 1), without 「通知里说的」 or quotation marks before them. */
function termsAsked(q: string, forms: readonly RegExp[]): string[] {
  const terms: string[] = [];
  for (const sentence of q.split(/[?？。!！；;\n]+/u)) {
    const t = sentence.trim().replace(/[\s,，]+$/u, '').replace(/(?<=.{4})[啊呀呢嘞哈哦]+$/u, '').replace(/^[“”"「」‘’']+|[“”"「」‘’']+$/gu, '');
    const m = forms.map((f) => t.match(f)).find(Boolean);
    const term = (m?.[1] ?? m?.[2])?.replace(/^(?:通知|文件)(?:里|中|上)?(?:说的|讲的|写的|提到的|的)?/u, '').replace(/^[“”"「」]+|[“”"「」]+$/gu, '');
    if (term && term.length >= 2 && TERM.test(term) && !POINTER.test(term)) terms.push(term);
  }
  return terms;
}

/** 「推荐库是什么」「税收违法黑名单是啥」: what is asked of a term said plainly, with no 意思 or 指. */
const WHAT_IS = /^(.{2,12}?)(?:到底|究竟)?(?:是什么东西|是个什么东西|是啥东西|是什么|是个啥|是啥)$/u;

/**
 * The term a question asks the meaning of: as `meaningTerm` reads it, or asked plainly 「X是什么」 of a term the notice
 * writes as typed whose last words name no value (intents.json `termInNotice.valueHeads`, `attributes`): 「推荐库是什么」,
 * not 「视频格式是什么」.
 */
function askedTerm(kb: KnowledgeBase, q: string): string | undefined {
  const own = meaningTerm(q);
  if (own) return own;
  const heads = [...(kb.data.intents.answerText.termInNotice?.valueHeads ?? []), ...kb.data.intents.attributes];
  if (heads.length === 0) return undefined;
  return termsAsked(q, [WHAT_IS]).find((term) => !heads.some((h) => term.endsWith(norm(h))) && knownTermsOf(kb).notice.includes(term));
}

function knownTermsOf(kb: KnowledgeBase): { notice: string; clauses: string[]; words: Set<string>; phrasings: string } {
  let known = knownTerms.get(kb);
  if (!known) {
    const words = new Set<string>();
    for (const e of kb.data.lexicon.entries) for (const w of [e.canonical, ...e.aliases]) words.add(norm(w));
    known = {
      notice: kb.data.clauses.map((c) => norm(c.text).replace(/\s+/g, '')).join('\n'),
      clauses: kb.data.clauses.map((c) => norm(c.text).replace(/\s+/g, '')),
      words,
      phrasings: kb.data.answerBase.entries.flatMap((e) => e.questions.map(norm)).join('\n'),
    };
    knownTerms.set(kb, known);
  }
  return known;
}

/** A sentence that states a rule rather than a meaning. */
const RULE_SENTENCE = /不得|须|应当|必须|不能|不少于|不超过|不多于|限报/u;

/** A first sentence that says what a term means, or that the notice does not use or define it. */
const DEFINES = /指|意思|即|就是|简称|是说|含义|意为|定义|没有使用|没有解释|没有另作|没有规定|不是《通知》|不是通知|两层|是一种|是.{0,12}的(?:系统|平台|企业|称号|名单|文件|报告|材料)/u;

/** A verdict opening (「不能。」「要，」) answers whether, not what a term means. */
const VERDICT_OPENING = /^(?:不)?(?:能|可以|行|要|需要|是|符合)[。，,]/u;

/**
 * A what-is question about a term the notice itself uses (「税收黑名单是啥意思」 for 二(四)'s 「税收违法黑名单」):
 * the answer points to the clause the term stands in, quotes it, and says that the notice does not explain it
 * further and whom to ask. The term is found as typed, or as pieces of two characters or more that stand close
 * together in one clause (税收…黑名单), and the notice's own words are named. Clauses of the notice's body come
 * before the forms', and the first in the notice's order is taken.
 */
function termInNotice(kb: KnowledgeBase, q: string): { text: string; citations: Citation[] } | undefined {
  const words = kb.data.intents.answerText.termInNotice;
  const term = askedTerm(kb, q);
  if (!words || !term) return undefined;
  const typed = norm(term);
  // 「啥是RTO」: an abbreviation the notice writes after its full name 「实时在线优化系统（RTO）」 is explained there.
  const own = acronyms(kb, typed).find((i) => i.own && i.abbr.toLowerCase() === typed);
  if (own) return { text: fill(kb.data.intents.answerText.glossaryItem, { abbr: own.abbr, name: own.name, clause: own.citation.clause }), citations: [own.citation] };
  const ordered = [...kb.data.clauses].sort((a, b) => Number(a.id.startsWith('附件')) - Number(b.id.startsWith('附件')) || a.order - b.order);
  for (const clause of ordered) {
    const text = norm(clause.text).replace(/\s+/gu, '');
    // 「汇总表指的是什么」: a term said short of a name the clause quotes (“推荐汇总表”) is told by that name.
    const quoted = [...text.matchAll(/“([^“”]{2,24})”/gu)].map((m) => m[1]!).find((n) => n !== typed && n.includes(typed));
    const span = quoted ?? (text.includes(typed) ? typed : spanOfPieces(text, typed));
    if (!span || isHeadingOnly(clause)) continue;
    // The reading lower-cases Latin letters: the term is quoted and named as the notice writes it (RTO, not rto),
    // so the unit cited is the one that holds it.
    const written = asWritten(clause.text, span);
    const c = cite(kb, clause.id, [written]);
    if (!c) continue;
    const { unit, phone } = kb.data.facts.contact;
    const named = words.referent && span === typed ? referentOf(kb, ordered, clause, typed) : undefined;
    if (named) return { text: fill(words.referent!, { term: typed, used: clause.id, clause: named.citation.clause, name: named.name, quote: named.citation.quote.replace(NUMBERING, ''), unit, phone }), citations: [named.citation, c] };
    const opening = fill(span === typed ? words.own : words.said, { term: written, clause: clause.id });
    const quote = c.quote.replace(NUMBERING, '');
    return { text: fill(words.lead, { opening, clause: clause.id, quote, unit, phone }), citations: [c] };
  }
  return undefined;
}

/** A span read from a clause (lower-cased, spaces dropped) as the clause writes it; the span itself when not found so. */
function asWritten(text: string, span: string): string {
  const written = text.normalize('NFKC').replace(/\s+/gu, '');
  const at = written.toLowerCase().indexOf(span);
  return at >= 0 ? written.slice(at, at + span.length) : span;
}

/**
 * 「网络平台指的是什么」: a term the notice uses as a common noun (通过网络平台提交) where another clause of its body
 * names the one thing of that kind in quotation marks (四(一)「“河南省智能制造服务平台”」). The term is used in the
 * sense of that name, so the name's clause is where it is explained, not the clause that merely holds the word.
 * Only a name of the same head noun (its last two characters) that does not hold the term itself, in another clause.
 */
function referentOf(kb: KnowledgeBase, ordered: readonly Clause[], used: Clause, term: string): { name: string; citation: Citation } | undefined {
  if (term.length < 3) return undefined;
  const head = term.slice(-2);
  for (const clause of ordered) {
    if (clause.id === used.id || clause.id.startsWith('附件')) continue;
    for (const m of clause.text.matchAll(/“([^“”]{2,24})”/gu)) {
      const name = m[1]!;
      if (!norm(name).endsWith(head) || norm(name).includes(term)) continue;
      const citation = cite(kb, clause.id, [name]);
      if (citation) return { name, citation };
    }
  }
  return undefined;
}

/**
 * The shortest stretch of a clause that holds the typed term's pieces in order, each of two characters or more,
 * with at most a few characters between them: 「税收黑名单」 in 「税收违法黑名单」. Undefined when the pieces are not
 * that close, so two words from far apart in one clause are no term.
 */
function spanOfPieces(text: string, term: string): string | undefined {
  for (let cut = 2; cut <= term.length - 2; cut++) {
    const [head, tail] = [term.slice(0, cut), term.slice(cut)];
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      const gap = text.indexOf(tail, at + head.length) - (at + head.length);
      if (gap >= 1 && gap <= 4 && /^[\p{Script=Han}]+$/u.test(text.slice(at, at + head.length + gap + tail.length))) return text.slice(at, at + head.length + gap + tail.length);
    }
  }
  return undefined;
}

/**
 * 「节能减排企业优先」 is not the notice's wording, but every part of it is, in one clause (二(三)
 * 「优先支持节能减排绿色发展企业」): a term that splits wholly into pieces of two characters or more,
 * all found in one clause's text, is the notice's own matter said in other words, and is answered.
 */
function madeOfOneClause(clauses: readonly string[], term: string): boolean {
  return clauses.some((text) => {
    // covered[i]: the first i characters split into pieces found in this clause.
    const covered = [true];
    for (let end = 2; end <= term.length; end++) {
      covered[end] = false;
      for (let start = end - 2; start >= 0 && !covered[end]; start--) covered[end] = Boolean(covered[start]) && text.includes(term.slice(start, end));
    }
    return covered[term.length] === true;
  });
}

/**
 * Words right after a programme's name that ask for its recognition (「高新技术企业认定」「专精特新申报」),
 * also after a province's name and its own programme (「湖北省的智能工厂申报条件」 asks for Hubei's),
 * after the programme's list (「5G工厂名录怎么报」 asks to be put on that list), and after the kind of
 * holder its title names (「服务型制造示范企业咋报」「专精特新企业怎么申报」 ask for that programme too),
 * also with the round said between (「典型场景今年怎么报」).
 */
const APPLIES_FOR = new RegExp(`^(?:省|市)?(?:那边|那里|那儿|这边|这里)?的?(?:${SUBJECTS.join('|')})?的?(?:名录|名单)?的?(?:示范)?(?:企业|项目|平台|单位|称号)?的?(?:今年|今年度|这次|这回|这一批)?的?(?:怎么|怎样|如何|咋)?(?:认定|申报|申请|评定|评选|报)`, 'u');

/**
 * Words right after a programme's name that ask for its own requirements: 「小巨人对营业收入有什么要求」
 * asks what that programme requires, within the one sentence that names it.
 */
const REQUIREMENTS_OF = /^(?:企业|认定|申报)?(?:对|的)[^，,。；;？?！!\s]{0,10}?(?:要求|条件|门槛|标准)/u;

/** What is applied for right after the verb, when it is this notice's own subject: 「专精特新企业怎么申报智能工厂」 applies here. */
const OWN_SUBJECT_AFTER = new RegExp(`^的?(?:${SUBJECTS.join('|')})`, 'u');

/** Whether the question names `k` right before asking for a recognition or its requirements (at any of its places). */
function appliesFor(q: string, k: string): boolean {
  for (let at = q.indexOf(k); at >= 0; at = q.indexOf(k, at + 1)) {
    const rest = q.slice(at + k.length);
    const applies = APPLIES_FOR.exec(rest);
    if ((applies && !OWN_SUBJECT_AFTER.test(rest.slice(applies[0].length))) || REQUIREMENTS_OF.test(rest)) return true;
  }
  return false;
}

/** A notice year named in the question ("2024年度", "2025年的申报") later than this version's own. */
const NOTICE_YEAR = /(20\d\d)\s*年(?:度|的?(?:申报|通知|认定))/gu;

const laterYearWords = new WeakMap<KnowledgeBase, { words: string[]; context: RegExp[] } | null>();

/** The later-year words read as questions are, and their context patterns, once per knowledge base. */
function laterYearOf(kb: KnowledgeBase): { words: string[]; context: RegExp[] } | null {
  let later = laterYearWords.get(kb);
  if (later === undefined) {
    const l = kb.data.intents.laterYear;
    later = l ? { words: l.words.map(norm), context: l.context.map(patternOf) } : null;
    laterYearWords.set(kb, later);
  }
  return later;
}

function laterYear(kb: KnowledgeBase, q: string, asking: readonly string[]): { id: string; label: string } | undefined {
  const own = kb.data.manifest.year;
  const topic = () => kb.data.intents.outOfScope.topics.find((t) => t.id === 'otherRegion');
  for (const m of q.matchAll(NOTICE_YEAR)) {
    if (Number(m[1]) > own) return topic();
  }
  // 「今年报车间 明年能报工厂吗」 asks of next year; 「明年才建成，今年能报吗」 asks of this one: only
  // the parts that ask are read, and a later year said as the time of something else is no such year.
  const later = laterYearOf(kb);
  if (!later) return undefined;
  for (const piece of asking.length > 0 ? asking : [q]) {
    for (const w of later.words) {
      for (let at = piece.indexOf(w); at >= 0; at = piece.indexOf(w, at + 1)) {
        const rest = piece.slice(at + w.length);
        if (!later.context.some((p) => p.test(rest))) return topic();
      }
    }
  }
  return undefined;
}

function correctionNote(kb: KnowledgeBase, u: { corrections: Correction[] }): string {
  const shown = shownCorrections(u);
  if (shown.length === 0) return '';
  // A Latin word repaired to a system name is shown as the name is written (「MES」, not the read form 「mes」).
  return `${shown.map((c) => fill(kb.data.intents.answerText.correction, { from: c.from, to: /^[a-z0-9]+$/.test(c.to) ? c.to.toUpperCase() : c.to })).join('')}\n`;
}

/** A part as the asker reads it back: the read form's half-width commas written as Chinese text writes them. */
function readBack(part: string): string {
  return part.replace(/[?？]$/u, '').replace(/(?<=\p{Script=Han}),|,(?=\p{Script=Han})/gu, '，');
}

function render(kb: KnowledgeBase, texts: string[], cites: Citation[], note: string, asked: string[] = []): string {
  const t = kb.data.intents.answerText;
  // 「离散型的安灯系统要不要上，防错系统呢」: parts given the very same answer are one part, naming each question asked.
  const answers = [...new Set(texts)];
  const questions = answers.map((a) => texts.flatMap((x, i) => (x === a && asked[i] ? [`${readBack(asked[i]!)}？`] : [])).join(''));
  // Each part of a several-part answer names the question it answers, in the answer base's own words.
  const body = answers.length > 1 ? answers.map((a, i) => fill(t.part, { n: i + 1, question: questions[i]!, answer: a })).join('\n') : answers[0]!;
  const proof = cites.map((c) => fill(t.quoteLine, { clause: c.clause, title: c.title, quote: c.quote })).join('\n');
  return `${note}${body}${proof ? `\n${t.basis}\n${proof}` : ''}`;
}

function mergeCitations(lists: Citation[][]): Citation[] {
  const out: Citation[] = [];
  // Interleave so every part's first clause is among the first citations.
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const l of lists) {
      const c = l[i];
      if (c && !out.some((o) => o.clause === c.clause && o.quote === c.quote)) out.push(c);
    }
  }
  return out;
}

function stripFillersText(kb: KnowledgeBase, text: string): string {
  let q = text;
  for (const f of kb.data.intents.fillers) {
    const n = norm(f);
    if (q.includes(n)) q = q.split(n).join(' ');
  }
  return q.replace(/\s+/g, ' ').trim();
}

/** The two factory categories, as the lexicon names them. */
const CATEGORIES = ['离散型', '流程型'];

/**
 * A question that names both factory categories, read once for each: every name of the other
 * category is replaced by this one's (「离散型要WMS 流程型要不要」 is read 「离散型要wms 离散型要不要」
 * and 「流程型要wms 流程型要不要」). Undefined when it does not name both.
 */
function eachCategory(kb: KnowledgeBase, q: string): string[] | undefined {
  const spans = namedConcepts(understanderFor(kb.data), q)
    .filter((c) => CATEGORIES.includes(c.canonical))
    // At one place the longest form is the name (「离散型」, not 「离散」 in it).
    .sort((x, y) => x.index - y.index || y.span.length - x.span.length)
    .filter((c, i, all) => !all.slice(0, i).some((p) => c.index < p.index + p.span.length));
  if (!CATEGORIES.every((cat) => spans.some((c) => c.canonical === cat))) return undefined;
  return CATEGORIES.map((cat) => {
    let out = '';
    let at = 0;
    for (const c of spans) {
      if (c.canonical === cat) continue;
      out += q.slice(at, c.index) + cat;
      at = c.index + c.span.length;
    }
    return out + q.slice(at);
  });
}

/**
 * An entry on one factory type's element condition (its first clause in 三(二), none in 三(三), or the other
 * way round), matched to a question that names no category: the same question asked of the other type
 * (「我们没有PDM 能报流程型智能工厂吗」) finds that type's own entry. When that entry rests on its type's
 * clause and concludes the same (both 要), the requirement holds for both types and both answer; one that
 * concludes otherwise (流程型 needs no 安灯) leaves the question to the entry found, which names its type.
 */
function otherTypeTwin(kb: KnowledgeBase, m: EntryMatch, q: string): { match: EntryMatch; text: string } | undefined {
  const categories = kb.data.intents.answerText.otherCategory.categories;
  if (categories.some((c) => c.words.some((w) => q.includes(w)) || c.unless?.some((w) => q.includes(w) && w !== '工厂'))) return undefined;
  const entry = m.prepared.entry;
  if (entry.conclusion !== 'yes') return undefined;
  // 「上了WMS能不能报智能工厂」 has the system and asks whether it may apply: `situation` answers that
  // once; the requirement is not the question, so it is not asked again of each type.
  const l = kb.data.intents.answerText.lacking;
  const lacks = l.without.some((w) => q.includes(w)) && !l.notWithout.some((w) => q.includes(w));
  if (!lacks && kb.data.intents.answerText.situation.asks.some((w) => q.includes(w))) return undefined;
  const under = (id: string, section: string) => id === section || (id.startsWith(section) && /^[\d(]/u.test(id.slice(section.length)));
  const factories = categories.filter((c) => CATEGORIES.some((name) => c.name.startsWith(name)));
  const owners = factories.filter((c) => entry.clauses.some((id) => under(id, c.section)));
  if (owners.length !== 1 || !under(entry.clauses[0]!, owners[0]!.section)) return undefined;
  const other = factories.find((c) => c !== owners[0])!;
  const word = CATEGORIES.find((name) => other.name.startsWith(name))!;
  const text = q.includes('智能工厂') ? q.replace('智能工厂', `${word}智能工厂`) : `${word}${q}`;
  const twin = accepted(answersOf(kb).match(text, 3));
  if (!twin || twin.prepared === m.prepared || twin.prepared.entry.conclusion !== entry.conclusion || !under(twin.prepared.entry.clauses[0]!, other.section)) return undefined;
  return { match: twin, text };
}

/** The units a value of what an entry answers may be said in: its limit's and its own (AnswerEntry.measures). */
function measuredUnits(entry: AnswerEntry): Set<string> {
  return new Set([...(entry.limit?.units.map((u) => u.word) ?? []), ...(entry.measures ?? [])].map(norm));
}

/**
 * 「视频拍了两分半钟 一百八十兆 行不行」: one ask after values said in the units of two things (the
 * video's length, its size) asks of each, though the question's words match one entry best. The
 * other entries that measure a value it names, and whose required words it meets, answer too; the
 * unit said is what ties the value to the entry, so their wording need not be as close.
 */
function measuredBeside(kb: KnowledgeBase, q: string, m: EntryMatch): EntryMatch[] {
  const units = [...new Set(findQuantities(q).flatMap((x) => (x.unit ? [norm(x.unit)] : [])))];
  const own = measuredUnits(m.prepared.entry);
  let rest = units.filter((u) => !own.has(u));
  // 「4K的视频，三百多兆」: a value in the own entry's units the reading of numbers gives no unit (4K) is said too.
  const ownSaid = rest.length < units.length || limitSaid(kb, m.prepared.entry, q) !== undefined;
  if (!ownSaid || rest.length === 0) return [];
  // The own entry's values are the own entry's business: said beside another's (「4K」 beside 「三百多兆」) they do not
  // keep that other from the question as its excluded words would.
  const ownUnits = m.prepared.entry.limit?.units ?? [];
  const said = normalise(q);
  const others = ownUnits.length ? arabicNumerals(said, findQuantities(said)).text.replace(limitValuePattern(ownUnits), '') : q;
  const out: EntryMatch[] = [];
  for (const c of answersOf(kb).match(others, 8)) {
    if (c.prepared === m.prepared || c.prepared.requires.length === 0) continue;
    const measured = measuredUnits(c.prepared.entry);
    if (!rest.some((u) => measured.has(u))) continue;
    out.push(c);
    rest = rest.filter((u) => !measured.has(u));
  }
  return out;
}

/**
 * A value said in a limit's units: the figure, a filler (「三百多兆」「300来M」: more than the figure, which is its lower
 * end) and the unit, the longest unit word tried first.
 */
function limitValuePattern(units: readonly { word: string }[]): RegExp {
  const words = [...units].sort((a, b) => b.word.length - a.word.length).map((u) => escapeRegex(u.word));
  return new RegExp(`(\\d+(?:\\.\\d+)?)\\s*(多|来|余)?\\s*(${words.join('|')})(?![a-z])`, 'gu');
}

/** The value `q` names within an entry's limit, judged; undefined when it names none of its own. */
function limitSaid(kb: KnowledgeBase, entry: AnswerEntry, q: string): boolean | undefined {
  const v = entry.limit && limitValue(entry.limit, varsOf(kb), q, false);
  return v && !v.guess ? v.ok : undefined;
}

/**
 * 「4K的视频，三百多兆，能交吗」: of the things measured, one whose value breaks the notice's bound decides whether it
 * may be handed in, so it is said first; those within follow.
 */
function brokenFirst(kb: KnowledgeBase, q: string, chosen: EntryMatch[]): EntryMatch[] {
  const broken = chosen.map((x) => limitSaid(kb, x.prepared.entry, q) === false);
  return [...chosen.filter((_x, i) => broken[i]), ...chosen.filter((_x, i) => !broken[i])];
}

/**
 * 「视频能不能超过3分钟」: the closest wording (「超过」, of the file size) measures no unit the
 * question's values are said in, while another close entry whose required words it meets measures
 * them all (minutes, of the length). The unit said ties the value to that entry, which answers.
 */
function measuredOwner(q: string, m: EntryMatch, close: readonly EntryMatch[]): EntryMatch | undefined {
  const units = [...new Set(findQuantities(q).flatMap((x) => (x.unit ? [norm(x.unit)] : [])))];
  if (units.length === 0) return undefined;
  const own = measuredUnits(m.prepared.entry);
  if (own.size === 0 || units.some((u) => own.has(u))) return undefined;
  return close.find((c) => c !== m && c.score >= ACCEPT_GUARDED && c.prepared.requires.length > 0 && units.every((u) => measuredUnits(c.prepared.entry).has(u)));
}

/**
 * Whether a trade outside manufacturing decides a may-we-apply question (二(一), the entries filled by
 * tradeScope):
 * - 「我们是做软件开发的，能报吗」: the trade is said as the asker's own business, so it decides, though its
 *   words (开发的, 集成) meet another entry's better;
 * - 「系统是软件公司开发的，能报吗」: the trade made something the asker has; it is not the asker's business,
 *   and the closest other entry answers.
 * Anything else leaves the match as it is.
 */
/**
 * 「租的厂房里的车间联网率怎么算」: an entry matched loosely by words that only describe what is asked about (the
 * premises are leased) is not what is asked; what follows its last required word is (「厂房里的车间联网率怎么算」).
 * When another entry answers that part on its own and the loose one does not, the other answers, the rest being
 * context. One asked of the described thing itself (「设备是融资租赁的，联网数算不算进去」) finds no entry after it
 * and stays with the loose match.
 */
function contextOwner(kb: KnowledgeBase, q: string, m: EntryMatch): EntryMatch | undefined {
  // One clause only: a statement set apart by a comma or a space (「…移出来了 还能报吗」) is no description.
  if (m.score >= VERIFIED || m.prepared.requires.length === 0 || /[，,。；;！!？?\s]/u.test(q.replace(/[？?。！!\s]+$/u, ''))) return undefined;
  const ends = m.prepared.requires.flat().flatMap((w) => {
    const at = q.lastIndexOf(w);
    return at < 0 ? [] : [at + w.length];
  });
  if (ends.length === 0) return undefined;
  // The required word describes a noun: 「租的厂房」「租来的车间」, the words after 的 naming what is asked about.
  const end = Math.max(...ends);
  const described = q.slice(0, end).endsWith('的') ? '' : q.charAt(end) === '的' ? '的' : undefined;
  if (described === undefined) return undefined;
  const rest = q.slice(end + described.length);
  // Asked whether the described may apply (「国有独资的工厂能报智能车间吗」), the description is what decides.
  // 「发通知的是哪个单位」: with no noun of its own after 的, the description is the subject.
  if (rest.length < 4 || /^(?:就是|是|都|也)/u.test(rest) || !asks(rest) || kb.data.intents.answerText.situation.asks.some((w) => rest.includes(w))) return undefined;
  const after = answersOf(kb).match(rest, 3);
  const own = accepted(after);
  if (!own || own.prepared === m.prepared || after.some((x) => x.prepared === m.prepared)) return undefined;
  // A refusal on either side is its own topic's; and an entry that speaks of the description itself (「节能减排的企业
  // 是不是优先」) is about it, so the description is what is asked.
  if (m.prepared.entry.conclusion === 'notCovered' || own.prepared.entry.conclusion === 'notCovered') return undefined;
  const ownText = normalise([...own.prepared.entry.questions, own.prepared.entry.answer].join('\n'));
  return m.prepared.requires.flat().some((w) => q.includes(w) && ownText.includes(w)) ? undefined : own;
}

function tradeOwner(kb: KnowledgeBase, q: string, m: EntryMatch, found: Found, close: readonly EntryMatch[]): EntryMatch | undefined {
  if (scopedByTrade(m)) return tradeIsAgent(kb, q, found) ? accepted(close.filter((x) => !scopedByTrade(x))) : undefined;
  const trade = tradeOf(kb, q, found);
  if (trade?.kind !== 'other') return undefined;
  if (!trade.words.some((w) => tradeRole(q, w) === 'business')) return undefined;
  // Every entry matched has its required words in the question (an eligibility ask: 能报吗, 够条件吗).
  return answersOf(kb)
    .match(q, 8, true)
    .find((x) => scopedByTrade(x) && x.prepared.requires.length > 0);
}

/** An entry that answers by the trade the question names (answer-base fill tradeScope). */
/** The question without the trade it names, with the frame that says it (「是做…的」), or its 是 and 的 are all the words left to dilute. */
function withoutTrade(kb: KnowledgeBase, q: string, found: Found): string | undefined {
  const trade = tradeOf(kb, q, found);
  // A trade that made something for the asker (「ERP是软件开发公司给做的」) is what is asked about, not context.
  if (!trade || tradeIsAgent(kb, q, found)) return undefined;
  const frame = (w: string) => new RegExp(`(?:是|做|搞|开)*${escapeRegex(w)}(?:企业|公司|的)?`, 'gu');
  return trade.words.reduce((t, w) => t.replace(frame(w), ''), q);
}

function scopedByTrade(m: EntryMatch): boolean {
  return m.prepared.entry.fill === 'tradeScope' || m.prepared.entry.fill === 'tradeScopeAfter';
}

/** Every trade outside manufacturing (or name saying none) the text names is one that did something for the asker (软件公司开发的, 科技公司开发的). */
function tradeIsAgent(kb: KnowledgeBase, text: string, found?: Found): boolean {
  const trade = tradeOf(kb, text, found, true);
  return (trade?.kind === 'other' || trade?.kind === 'unsure') && trade.words.every((w) => tradeRole(text, w) === 'agent');
}

/** What a clause says before a trade named as the asker's business: 我们(公司)是(一家)做… and nothing else. */
const BUSINESS_FRAME = /^(?:我们|我司|俺们|咱们|咱|我|本公司|我公司|我们公司|公司|企业|厂|本厂)?(?:是|属于)?(?:一家|一个|个|家)?(?:做|搞|从事|主营|干|开)?$/u;
/** What follows a trade that made or did something for the asker: 软件公司开发的, 集成商做的, 软件开发公司给做的. */
const AGENT_AFTER = /^(?:公司|企业|厂家|厂商|团队)?(?:给|帮|为|替)?(?:我们|咱们|俺们|我司)?(?:开发|做|提供|搭建|实施|部署|建设|集成|写)(?:的|了)/u;
const AGENT_BEFORE = /(?:由|找|请|让|委托|外包给|交给)$/u;

/** A trade word as the asker's own business, as someone who did something for the asker, or neither. */
function tradeRole(q: string, word: string): 'business' | 'agent' | undefined {
  let role: 'business' | 'agent' | undefined;
  for (let at = q.indexOf(word); at >= 0; at = q.indexOf(word, at + 1)) {
    const clause = q.slice(0, at).split(/[，,。；;？?！!\s]/u).at(-1)!;
    const after = q.slice(at + word.length);
    if (AGENT_BEFORE.test(clause) || AGENT_AFTER.test(after)) role ??= 'agent';
    else if (BUSINESS_FRAME.test(clause)) return 'business';
  }
  return role;
}

/**
 * 「WMS是一家科技公司开发的，可以吗」: a trade named as who made something for the asker (tradeIsAgent) is what is asked
 * about, not the system it made. An entry whose required words are said where the trade is (科技公司开发的 holds 公司开发)
 * answers, ahead of one on the system alone; undefined when the entry found is already such a one.
 */
function agentOwner(kb: KnowledgeBase, q: string, m: EntryMatch, found: Found): EntryMatch | undefined {
  if (!tradeIsAgent(kb, q, found)) return undefined;
  // The trade's words with what follows them (「科技公司开发的」), where the maker is said.
  const spans = (tradeOf(kb, q, found, true)?.words ?? []).flatMap((w) => (found.get(w) ?? []).map((at) => [at, at + w.length + AGENT_REACH] as const));
  const at = (w: string) => [...q.matchAll(new RegExp(escapeRegex(w), 'gu'))].map((x) => x.index);
  const namesMaker = (x: EntryMatch) => !scopedByTrade(x) && x.prepared.requires.some((g) => g.some((w) => at(w).some((i) => spans.some(([s, e]) => i < e && i + w.length > s))));
  if (namesMaker(m)) return undefined;
  return answersOf(kb)
    .match(q, 8)
    .find((x) => x.score >= ACCEPT_GUARDED && namesMaker(x));
}

/** How far past a trade's name the words saying it made something reach (「公司给开发的」). */
const AGENT_REACH = 6;

/** The best answer-base matches of one text (already understood). */
export function matchEntries(kb: KnowledgeBase, text: string, k = 3): EntryMatch[] {
  return answersOf(kb).match(stripFillersText(kb, text), k);
}

/** An answer-base answer the model must keep: its conclusion as written, for the question as understood. */
export interface VerifiedAnswer {
  conclusion: AnswerEntry['conclusion'];
  /** The conclusion-first answer text, placeholders filled, without the proof quotes. */
  answer: string;
  clauses: string[];
}

/** At or above this similarity an answer-base match is the model's first source and its conclusion is kept. */
const VERIFIED = 0.5;

export function answerQuestion(kb: KnowledgeBase, question: string): AskResponse {
  return decide(kb, question).response;
}

/** The closest-text fallback's own opening, up to its first placeholder: what an answer without a conclusion starts with. */
export function fallbackLead(kb: KnowledgeBase): string {
  return kb.data.intents.answerText.fallback.split('{')[0]!.split('。')[0]!;
}

/** Whether an answer concludes: neither a refusal nor the closest text of the notice. */
export function concludes(kb: KnowledgeBase, a: AskResponse): boolean {
  return !a.outOfScope && a.citations.length > 0 && !a.answer.split(`\n${kb.data.intents.answerText.basis}`)[0]!.includes(fallbackLead(kb));
}

/** A question as answering reads it: personal statements set aside, understood, fillers removed. */
function readQuestion(kb: KnowledgeBase, text: string): { u: ReturnType<Understander['read']>; q: string } {
  const u = understanderFor(kb.data).read(indefiniteAmounts(withoutPersonalStatements(text)));
  return { u, q: splitSites(kb, stripFillersText(kb, asQuestion(kb, heldTitle(kb, withProvinces(u.text, kb.data.regions.elsewhere, henanPlaces(kb), kb.data.regions.lookalikes))))) };
}

const leavePatterns = new WeakMap<object, RegExp>();

/** Words of the knowledge files as one alternation, longest first, normalised and escaped. */
function alt(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => escapeRegex(norm(w))).join('|');
}

/**
 * 「我们厂想报智能工厂，中不中」「俺厂报离散型的行不」: a tag asking for leave after what the enterprise applies for asks
 * whether it may apply, as 「…，能报吗」 does (intents.json `leaveAsked`). Said of anything else (「视频三分钟行不行」,
 * 「县里推荐六家中不中」) the tag asks of that, and the text is left as it is. The reading is tried only for a question
 * that concludes nothing as typed: a story around the tag (a title held, a new workshop) may be what it asks about.
 */
function leaveAsked(kb: KnowledgeBase, text: string): string {
  const l = kb.data.intents.leaveAsked;
  if (!l) return text;
  let re = leavePatterns.get(l);
  if (!re) {
    leavePatterns.set(l, (re = new RegExp(`(?<=(?:${alt(l.applying)})[^，,。？?！!；;]{0,14}?)[，,\\s]*(?:${alt(l.tags)})[啊呀呢吗？?。!！\\s]*$`, 'u')));
  }
  return text.replace(re, l.reading);
}

const hedgePatterns = new WeakMap<object, RegExp>();

/**
 * 「这个不知道算不算，前年环保局罚过我们一次款，污水超标…」: a sentence that only doubts, beside what the enterprise
 * says of itself, asks whether that bears on applying (intents.json `hedgedAsk`): read as the rest of the message
 * with the question put plainly. The text as it is when no sentence only doubts, or nothing else is said.
 */
function hedgedAsk(kb: KnowledgeBase, text: string): string {
  const h = kb.data.intents.hedgedAsk;
  if (!h) return text;
  let re = hedgePatterns.get(h);
  if (!re) {
    hedgePatterns.set(h, (re = new RegExp(`^(?:${alt(h.openers)})*(?:${alt(h.doubts)})?(?:${alt(h.openers)})*(?:${alt(h.phrases)})[啊呀呢吗哈嘛]*$`, 'u')));
  }
  const sentences = text.split(/[，,。？?！!；;….\s]+/u).filter(Boolean);
  const rest = sentences.filter((x) => !re.test(x));
  if (rest.length === sentences.length || rest.join('').length < 4) return text;
  return `${rest.join('，')}${h.reading}`;
}

const heldTitlePatterns = new WeakMap<object, RegExp>();

/**
 * 「我们是智能工厂 还能报车间吗」: the enterprise says it holds a title. Its 我们 is a filler the
 * question loses, and with it what 是 was said of; read as 「已是智能工厂」 (intents.json `heldTitle`),
 * the question keeps the title won.
 */
function heldTitle(kb: KnowledgeBase, text: string): string {
  const h = kb.data.intents.heldTitle;
  if (!h) return text;
  let re = heldTitlePatterns.get(h);
  if (!re) heldTitlePatterns.set(h, (re = new RegExp(h.pattern, 'gu')));
  return text.replace(re, h.reading);
}

/**
 * Where an enterprise is registered and where it produces, read from the words next to each place
 * (「注册在郑州」「许昌注册的」「营业执照是北京的」「工厂在焦作」), so the question is answered by
 * what 二(一) decides, the place of registration, whatever else it names (see intents.json
 * `splitSites`):
 * - registered outside Henan: read as such, wherever the factory is (「厂在郑州，执照是北京的」);
 * - registered in Henan, producing outside it: read as such (the notice does not rule on the site);
 * - two places of Henan (「执照在商丘生产在周口归哪管」): an enterprise on two sites, not a question
 *   about the licence or one place's quota.
 */
function splitSites(kb: KnowledgeBase, q: string): string {
  const s = kb.data.intents.splitSites;
  // Registered outside Henan decides 二(一) alone (「我们在成都注册的，能报吗」), with or without a site named.
  if (!s || !s.registered.some((w) => q.includes(w))) return q;
  const siteNamed = s.site.some((w) => q.includes(w));
  const near = (words: readonly string[], p: { start: number; end: number }) => words.some((w) => q.slice(Math.max(0, p.start - w.length - NEAR), p.end + NEAR + w.length).includes(w));
  const spans = listedRegionSpans(kb, scan(kb, q));
  const registered = spans.filter((p) => near(s.registered, p));
  const sites = spans.filter((p) => near(s.site, p));
  if (s.elsewhere) {
    // Places of other provinces stand after their province's name (withProvinces), so the names of
    // the provinces and the words for "another province" find them all.
    const outside = spansOf(q, [...kb.data.regions.elsewhere.map((e) => e.province), ...s.elsewhere.words]);
    if (outside.some((p) => near(s.registered, p))) return `${s.elsewhere.registered}${q}`;
    if (!siteNamed) return q;
    const inHenan = registered.length > 0 || spansOf(q, s.elsewhere.henan).some((p) => near(s.registered, p));
    if (inHenan && outside.some((p) => near(s.site, p))) return `${s.elsewhere.site}${q}`;
  }
  return siteNamed && registered.some((r) => sites.some((p) => p.region !== r.region)) ? `${s.reading}${q}` : q;
}

/** Where each of the words stands in the text. */
function spansOf(text: string, words: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const w of words) for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) out.push({ start: at, end: at + w.length });
  return out;
}

/** How many characters may stand between a place and the word that says what it is (「注册地是」). */
const NEAR = 3;

const henanPlaceNames = new WeakMap<KnowledgeBase, string[]>();

/** Every name of a place of Henan (name, short name, alias), normalised: never read as another province's. */
function henanPlaces(kb: KnowledgeBase): string[] {
  let list = henanPlaceNames.get(kb);
  if (!list) henanPlaceNames.set(kb, (list = [...regionTermsOf(kb).keys()]));
  return list;
}

const tagPatterns = new WeakMap<object, RegExp | null>();

/**
 * 「郑州能推荐30家是吧」 asks what 「郑州能推荐30家吗」 asks: a tag at the end of a sentence is read as 吗.
 * Only here: in an interview reply 「有吧」 is a hedged answer, not a question.
 */
function asQuestion(kb: KnowledgeBase, text: string): string {
  const tags = kb.data.intents.tagQuestions;
  let re = tagPatterns.get(tags);
  if (re === undefined) {
    const alternatives = [...tags].sort((a, b) => b.length - a.length).map((t) => escapeRegex(norm(t)));
    re = alternatives.length ? new RegExp(`[，,\\s]*(?:${alternatives.join('|')})(?=[？?。！!，,；;\\s]|$)`, 'gu') : null;
    tagPatterns.set(tags, re);
  }
  return re ? text.replace(re, '吗') : text;
}

/** Counted things are asked with 几 (几家, 几张), measured ones with 多少 (多少M). */
const COUNTED_KINDS = new Set(['家', '张', '项', '个', '台', '人', '条', '次', '年']);

/** The text with each figure it states turned into the question for it: 「能推荐二十家」 → 「能推荐几家」. */
function figureAsked(text: string): string {
  let out = text;
  for (const x of findQuantities(text).filter((f) => f.unit).reverse()) {
    const asked = `${COUNTED_KINDS.has(figureKind(x.unit)!) ? '几' : '多少'}${x.unit}`;
    out = out.slice(0, x.index) + asked + out.slice(x.index + x.text.length);
  }
  return out;
}

/**
 * A chat message answered in the light of the user's previous question: 「县级市呢？」 after
 * 「郑州能推荐几家？」 asks 「县级市能推荐几家？」, read as the second part of a two-part question is.
 * The reading is used only when the message alone gets no conclusion and the reading does, and
 * the answer says how it was read; a message that stands on its own is answered as typed.
 */
export function answerFollowUp(kb: KnowledgeBase, question: string, previous: string | undefined, category?: string): { response: AskResponse; askedAs: string } {
  const read = readFollowUp(kb, question, previous);
  if (!category) return read;
  const own = ofSessionCategory(kb, read, category);
  return { ...own, response: branchHalves(kb, own.response, category) };
}

/** The branches a clause may write side by side (三(一)4: 「离散型行业…」「流程型行业…」), by the words that name them. */
const BRANCHES = ['离散型', '流程型'];

/**
 * 「DCS有吗」 in a session applying for 流程型智能工厂: a quote of a clause that writes each branch's requirement in a
 * sentence of its own (三(一)4) keeps the sentence of the applicant's branch. A category of no branch (智能车间)
 * keeps both, and so does a clause that names one branch only. The response itself when nothing is cut.
 */
function branchHalves(kb: KnowledgeBase, r: AskResponse, category: string): AskResponse {
  const branch = BRANCHES.filter((b) => category.includes(b));
  if (branch.length !== 1) return r;
  const others = BRANCHES.filter((b) => b !== branch[0]);
  let answer = r.answer;
  const cites = r.citations.map((c) => {
    const text = kb.clause(c.clause)?.text;
    if (!text) return c;
    const units = quoteUnits(text);
    const own = units.find((u) => u.text.includes(branch[0]!) && !others.some((o) => u.text.includes(o)));
    const other = units.find((u) => others.some((o) => u.text.includes(o)) && !u.text.includes(branch[0]!));
    if (!own || !other || !c.quote.includes(other.text.replace(/。$/u, ''))) return c;
    const cut = cite(kb, c.clause, [own.text]);
    if (!cut || cut.quote === c.quote) return c;
    answer = answer.split(`“${c.quote}”`).join(`“${cut.quote}”`);
    return cut;
  });
  if (answer === r.answer) return r;
  const response: AskResponse = { ...r, answer, citations: cites };
  sources.set(response, sources.get(r)!);
  return response;
}

/**
 * 「MES有没有都行吧」 asked in a session that applies for 智能车间: an answer that would say 「要看申报哪一类」 is given for the
 * session's category, as if the question had named it, and says so. A question naming a category of its own keeps it.
 */
function ofSessionCategory(kb: KnowledgeBase, read: { response: AskResponse; askedAs: string }, category: string): { response: AskResponse; askedAs: string } {
  const t = kb.data.intents.answerText;
  const note = t.sessionCategory;
  if (!t.perType || !note) return read;
  const q = readQuestion(kb, read.askedAs).q;
  if (SUBJECTS.some((s) => q.includes(s))) return read;
  if (!perTypeOpens(t.perType, read.response.answer.split('\n')[0]!)) return ofSessionSection(kb, read, category) ?? read;
  const asked = `${category}${read.askedAs}`;
  const r = decide(kb, asked).response;
  // Read with the category, the question must still be about the clauses it was: else the category's words found another entry.
  const sections = t.otherCategory.categories.map((c) => c.section);
  const own = (clause: string) => read.response.citations.some((o) => o.clause === clause) || sections.some((s) => clause.startsWith(s));
  const same = r.citations.some((c) => read.response.citations.some((o) => o.clause === c.clause)) && r.citations.every((c) => own(c.clause));
  if (!same || !concludes(kb, r) || perTypeOpens(t.perType, r.answer.split('\n')[0]!)) return ofSessionElements(kb, read, category) ?? read;
  const response: AskResponse = { ...r, answer: `${fill(note, { category })}${r.answer}` };
  sources.set(response, sources.get(r)!);
  return { response, askedAs: asked };
}

/**
 * 「有AGV，算不算数」 in a session applying for 离散型智能工厂, answered from 智能车间's element clause (三(一)6) only: the
 * applicant's own category is what is asked of. The question read with the category answers when it quotes the
 * category's own element section; else the element clauses' reading for that category (perType) does. Undefined when
 * the answer quotes no element clause, quotes the category's own already, or no reading for the category is found.
 */
function ofSessionSection(kb: KnowledgeBase, read: { response: AskResponse; askedAs: string }, category: string): { response: AskResponse; askedAs: string } | undefined {
  const t = kb.data.intents.answerText;
  const sections = t.otherCategory.categories;
  const own = sections.find((c) => c.name === category)?.section;
  const cited = read.response.citations.map((c) => c.clause).filter((id) => sections.some((c) => id.startsWith(c.section)));
  if (!own || cited.length === 0 || cited.some((id) => id.startsWith(own))) return undefined;
  const asked = `${category}${read.askedAs}`;
  const r = decide(kb, asked).response;
  if (concludes(kb, r) && r.citations[0]?.clause.startsWith(own) && !perTypeOpens(t.perType!, r.answer.split('\n')[0]!)) {
    const response: AskResponse = { ...r, answer: `${fill(t.sessionCategory!, { category })}${r.answer}` };
    sources.set(response, sources.get(r)!);
    return { response, askedAs: asked };
  }
  return ofSessionElements(kb, read, category);
}

/**
 * Whether an answer's first line is the element clauses' reading category by category: it says 「要看申报哪一类」
 * (`lead`), or 「ERP是三类都要求的：…」 (`all`) for a system every category requires.
 */
function perTypeOpens(t: NonNullable<KnowledgeBase['data']['intents']['answerText']['perType']>, line: string): boolean {
  if (line.includes(t.lead)) return true;
  return t.all !== undefined && new RegExp(escapeRegex(t.all).replace(/\\\{\w+\\\}/gu, '[^。]*'), 'u').test(line);
}

/**
 * 「SCADA必须有吗」 in a session applying for 离散型智能工厂, where the question read with the category finds another entry:
 * the element clauses' reading of the system (perType) for that category alone, after the note that says so.
 */
function ofSessionElements(kb: KnowledgeBase, read: { response: AskResponse; askedAs: string }, category: string): { response: AskResponse; askedAs: string } | undefined {
  const note = kb.data.intents.answerText.sessionCategory;
  const typed = note ? perType(kb, readQuestion(kb, read.askedAs).q, category) : undefined;
  if (!typed || !note) return undefined;
  const cites = oncePerClause(typed.citations, (id) => kb.clause(id)?.text);
  const response: AskResponse = { ...read.response, answer: render(kb, [typed.text], cites, fill(note, { category })), citations: cites };
  sources.set(response, sources.get(read.response)!);
  return { response, askedAs: read.askedAs };
}

function readFollowUp(kb: KnowledgeBase, question: string, previous: string | undefined): { response: AskResponse; askedAs: string } {
  const alone = { response: answerQuestion(kb, question), askedAs: question };
  // 「好的」 after a question acknowledges its answer; it asks nothing of the previous subject.
  if (!previous || sources.get(alone.response) === 'acknowledgement') return alone;
  // 「那这个呢」 after a question points at it but says nothing of what to ask of it: read as the previous
  // question asked of 「这个」, it would be answered about nothing. It asks what is meant, naming the previous question.
  const pointer = barePointer(kb, question);
  if (pointer) {
    const response: AskResponse = { ...alone.response, answer: fill(kb.data.intents.answerText.bareFollowUp!.replyAfter, { pointer, previous: previous.trim().replace(/[?？。]+$/u, '') }) };
    sources.set(response, 'clarification');
    return { response, askedAs: question };
  }
  const read = (t: string) => readQuestion(kb, t).q;
  const q = read(question);
  // 「那这个呢，超了咋办」 leans on the previous question by its own words: read with it even when, alone, some
  // entry answers it (「超了咋办」 alone is about the quota). Any other message is read with it only when alone it concludes nothing.
  // 「啥格式都中吗」「要盖章吗」「要几张」 after 「照片要几张」 ask a property with no thing of their own to have it: the
  // previous question's thing has it, though alone some entry answers them of another thing (the application form).
  const leaning = LEANS_ON_PREVIOUS.test(q) || asksOnlyProperty(kb, q);
  if (!leaning && concludes(kb, alone.response)) return alone;
  // 「南阳能推荐二十家对吧」 then 「那驻马店呢」: the figure was the asker's guess for 南阳, so of 驻马店 the
  // figure itself is asked (「驻马店能推荐几家」), never the guess carried over as if it were a question of it.
  const asserted = CONFIRM.test(previous.normalize('NFKC').trim());
  const open = (t: string | undefined) => {
    if (t === undefined || !asserted) return t;
    const figure = figureAsked(t);
    // 几 asks by itself: 「几家吗」 is not said.
    return figure === t ? t.replace(CONFIRM, '吗') : figure.replace(CONFIRM, '').replace(/吗[?？]?$/u, '');
  };
  const attributes = kb.data.intents.attributes;
  const before = open(parts(read(previous), attributes).pieces.at(-1));
  const swapped = q.length <= 10 ? secondPart(before, q, attributes) : undefined;
  // Only a message that points back takes the previous subject: 「今天天气怎么样」 after 「信用在哪里查」 is its own.
  // 「视频不超过200M对吧」 then 「那时长呢」: 时长 is no new subject but another thing asked of the same one (视频时长),
  // tried after the reading that takes it for a new subject.
  const lacked = lackedOfPrevious(kb, before, q);
  const readings = [...(lacked ? [lacked] : []), ...(swapped && swapped !== q ? [swapped] : []), ...(leaning ? ofPreviousTopic(kb, before, q) : []), ...attributeOf(before, q, attributes, kb)];
  let asked: string | undefined;
  let a: AskResponse | undefined;
  for (const reading of readings) {
    const r = decide(kb, reading).response;
    if (concludes(kb, r) && !measureDropped(reading, q, r)) {
      (asked = reading), (a = r);
      break;
    }
  }
  if (!asked || !a || asked === q) {
    // 「视频要MP4吗」 then 「那AVI中不中」: a closing tag that asks for leave asks of the thing it names what 「那AVI呢」 asks.
    const untagged = leaveTagAsked(kb, q);
    if (untagged) {
      const again = answerFollowUp(kb, untagged, previous);
      if (again.askedAs !== untagged) return again;
    }
    return alone;
  }
  // Shown in the user's own letters where the reading as typed gives the same question ("MES", not "mes").
  const typed = asked === swapped ? secondPart(open(parts(previous.trim(), attributes).pieces.at(-1)), question.trim(), attributes) : undefined;
  const shown = `${(typed && read(typed) === asked ? typed : asked).replace(/[?？]$/u, '')}？`;
  const r: AskResponse = { ...a, answer: `${fill(kb.data.intents.answerText.followUp, { question: shown })}${a.answer}` };
  sources.set(r, sources.get(a)!);
  return { response: r, askedAs: shown };
}

/**
 * 「照片要几张」 then 「那视频呢」: read with the previous asking, the follow-up asks a count (几张) that its answer gives no
 * figure of, for videos are not counted in 张; the measure belongs to the previous thing, and the reading is not taken.
 * 「郑州能推几家」 then 「那洛阳呢」 keeps its measure: the answer gives 洛阳's count in 家.
 */
function measureDropped(reading: string, q: string, r: AskResponse): boolean {
  const unit = FIGURE_ASKED.exec(reading)?.groups?.unit;
  if (!unit || q.includes(unit)) return false;
  const first = r.answer.replace(/^（[^）]*）\n/u, '').split('\n')[0]!;
  return !findQuantities(readAsTyped(first).text).some((x) => x.unit !== undefined && figureKind(x.unit) === figureKind(unit));
}

/**
 * 「WMS要不要上」「离散型工厂要不要WMS」 then 「要是没有呢」「不上行不行」: a lacking put as a case with its thing left out lacks
 * the system the previous question asked of, wherever it stood there; the category that question named stays ahead of
 * the case (「离散型工厂要是没有WMS呢」). Undefined when the follow-up is no such case or the previous question names no
 * element system.
 */
function lackedOfPrevious(kb: KnowledgeBase, previous: string | undefined, q: string): string | undefined {
  const lack = LACKING_CASE.exec(q);
  if (!previous || !lack) return undefined;
  const system = understanderFor(kb.data)
    .findConcepts(previous)
    .find((c) => kb.data.lexicon.entries.find((e) => e.canonical === c.canonical)?.clauses?.some((id) => id.startsWith('三(')) && !SUBJECTS.includes(c.span));
  if (!system) return undefined;
  let category = '';
  for (let rest = previous.slice(0, system.index), next; (next = [...SUBJECTS, '智能', '的'].find((w) => rest.startsWith(w))); rest = rest.slice(next.length)) category += next;
  const name = /^[a-z0-9]+$/u.test(system.span) ? system.span.toUpperCase() : system.span;
  return `${category.replace(/的$/u, '')}${lack[0]}${name}${q.slice(lack[0].length)}`;
}

/** A short follow-up that closes with a tag asking for leave (intents.json `leaveAsked.tags`), read as 「那…呢」; undefined otherwise. */
function leaveTagAsked(kb: KnowledgeBase, q: string): string | undefined {
  const tags = kb.data.intents.leaveAsked?.tags ?? [];
  const bare = q.replace(/[?？。！!\s]+$/u, '');
  const tag = [...tags].map(norm).sort((a, b) => b.length - a.length).find((t) => bare.endsWith(t));
  const rest = tag ? bare.slice(0, -tag.length).replace(/[，,\s]+$/u, '') : '';
  // Read as 「那…呢」, it points back as 「那AVI呢」 does, with or without the 那 typed.
  return tag && rest.length >= 2 && rest.length <= 8 ? `${rest.startsWith('那') ? '' : '那'}${rest}呢` : undefined;
}

/**
 * A message that points back at what was asked before: 「那这个呢」「这个超了咋办」「它要盖章吗」, or a case put to
 * it, 「要是超了呢」「如果没有呢」.
 */
const LEANS_ON_PREVIOUS = /^(?:那|那么)?(?:这个|那个|这样|这种|它|要是|如果|假如|万一)|^那[^，,。？?]{0,6}呢|这个|那个/u;

/** The pointing words a follow-up opens with, and a 「那这个呢」 that only points: what is left is what it asks. */
const POINTING = /^(?:那么|那(?!个))?(?:这个|那个|这样的话|这样|这种情况|这种|它)?(?:呢)?[，,\s]*/u;

/**
 * 「视频超过200兆咋整」 then 「那这个呢，超了咋办」: the follow-up asks its own thing of the previous question's
 * subject, the words before that question's asking (视频), or failing that of the whole previous question.
 * None when the follow-up names a subject of its own before its asking (「那照片要几张呢」: a new question).
 */
function ofPreviousTopic(kb: KnowledgeBase, previous: string | undefined, q: string): string[] {
  if (!previous) return [];
  const rest = q.replace(POINTING, '').replace(/^(?:要是|如果|假如|万一)/u, '');
  if (rest.length < 2) return [];
  const ask = rest.search(ASKS);
  const end = ask < 0 ? rest.length : ask;
  // A concept read from a property asked (格式 for the PDF format) is no subject of the follow-up's own.
  const properties = spansOf(rest, kb.data.intents.attributes.map(norm));
  const concepts = understanderFor(kb.data).findConcepts(rest).filter((c) => !properties.some((p) => c.index >= p.start && c.index + c.span.length <= p.end));
  // 「它有格式要求吗」「这个要盖章吗」: the pointing word is the subject, and what follows is asked of it.
  const pointedSubject = /^(?:那么|那(?!个))?(?:这个|那个|它)(?![呢，,\s])/u.test(q);
  if (pointedSubject) return [`${previousSubject(previous)}${rest}`];
  if (concepts.some((c) => c.index + c.span.length <= end) || SUBJECTS.some((s) => rest.slice(0, end).includes(s)) || findRegions(kb, rest).length > 0) return [];
  // A property asked of it is asked of the thing before, not of the property asked before (清晰度 then 时长: 视频时长).
  const subject = properties.length > 0 ? ownerOf(previousSubject(previous), kb.data.intents.attributes) : previousSubject(previous);
  if (subject.length < 2 || rest.startsWith(subject)) return [`${previous}，${rest}`];
  // The subject alone may not carry the topic (「郑州能推荐几家」 is about the quota): the whole previous question is read after it.
  return [`${subject}${rest}`, `${previous}，${rest}`];
}

/**
 * A short message that asks only a property (intents.json `attributes`: 格式, 大小, 几张, 盖章…) and names no thing of
 * its own (a concept outside the property's words, a category, a place): 「啥格式都中吗」「要盖章吗」「多大的文件中」.
 */
function asksOnlyProperty(kb: KnowledgeBase, q: string): boolean {
  const rest = q.replace(POINTING, '');
  if (rest.length > 12 || !asks(rest)) return false;
  const properties = spansOf(rest, kb.data.intents.attributes.map(norm));
  if (properties.length === 0 || properties.some((p) => p.start === 0 && judgedDocument(rest, p.end))) return false;
  const own = understanderFor(kb.data).findConcepts(rest).some((c) => !properties.some((p) => c.index >= p.start && c.index + c.span.length <= p.end));
  return !own && !namesThingBefore(rest.slice(0, properties[0]!.start)) && !SUBJECTS.some((x) => rest.includes(x)) && findRegions(kb, rest).length === 0;
}

/**
 * 「扫描件行吗」「盖章页扫描的可以吗」「签字页能用扫描的吗」: a document (a word ending in 件, 页, 版 or 稿) standing first and
 * judged by what follows is the question's own subject, not a property asked of the previous one; 「要盖章吗」 names none,
 * and 「彩色的行吗」 judges a quality, not a document.
 */
function judgedDocument(rest: string, end: number): boolean {
  const tail = rest.slice(end);
  const document = /[件页版稿]$/u.test(rest.slice(0, end)) || /^[件页版稿]/u.test(tail);
  return document && /行|可以|中|能用|算|有效/u.test(tail);
}

/** Words that ask or hedge, not name a thing: what is left of 「要」「有没有最低」 once they go is no subject. */
const ASKING_WORDS = /有没有|是不是|要不要|能不能|可不可以|需不需要|必须|需要|一定|什么|多少|怎么|哪些|哪个|最低|最高|最少|最多|具体|[那也都还就的吗呢啥要得是能有没几哪啊呀]/gu;

/**
 * 「投资额有没有最低要求」: a thing named before the property asked (投资额 before 要求) makes the question its own, though
 * the thing is no word of the notice's; 「要盖章吗」「有格式要求吗」 name none.
 */
function namesThingBefore(head: string): boolean {
  return /\p{Script=Han}{2}/u.test(head.replace(ASKING_WORDS, ''));
}

/**
 * A follow-up that names only a thing to ask of the previous subject (「那时长呢」「清晰度呢」): the previous
 * question's subject with it (「视频时长呢」). None when the follow-up says more than a short name.
 */
function attributeOf(previous: string | undefined, q: string, attributes: readonly string[] = [], kb?: KnowledgeBase): string[] {
  // Only a part that asks has a subject asked about: 「…，去年上了失信名单」 then 「那车间呢」 asks nothing of it.
  if (!previous || !asks(previous)) return [];
  const named = q.replace(POINTING, '').replace(/[呢吗?？\s]+$/u, '');
  if (named.length < 2 || named.length > 6 || !/^\p{Script=Han}+$/u.test(named) || PREDICATE.test(named)) return [];
  // 「视频多长」 then 「那照片呢」: a thing of the notice's own (照片), not an attribute, is no attribute of the video.
  if (kb && !attributes.some((x) => named.includes(x)) && understanderFor(kb.data).findConcepts(named).some((c) => c.span.length >= 2)) return [];
  const subject = ownerOf(previousSubject(previous), attributes);
  return subject.length >= 2 && !named.includes(subject) ? [`${subject}${named}呢`] : [];
}

/** A question's subject: what stands before its asking, or before a verb that says what happens to it (「视频超过200兆咋整」). */
function previousSubject(previous: string): string {
  const k = previous.search(new RegExp(`${PREDICATE.source}|${ASKS.source}|超|咋|对|有`, 'u'));
  return (k < 0 ? previous : previous.slice(0, k)).replace(/(?:的|是|在|不|没)$/u, '');
}

/** What `part` asks when it follows `previous` in one question (see `parts`); undefined when it does not lean on it. */
function secondPart(previous: string | undefined, part: string, attributes: readonly string[] = []): string | undefined {
  if (!previous) return undefined;
  const { pieces } = parts(`${previous}？${part}`, attributes);
  return pieces.length === 2 ? pieces[1] : undefined;
}

/**
 * The answer-base answer to a question when every part of it matched an entry with high
 * confidence; null when the offline answer is a refusal, a fallback or a weaker match.
 */
export function verifiedAnswer(kb: KnowledgeBase, question: string): VerifiedAnswer | null {
  const { verified } = decide(kb, question);
  return verified;
}

/**
 * Where an offline answer came from: an answer-base entry; a rule that answers from the clauses themselves (a part of
 * a form, an element condition, what each category asks of a system), which concludes as an entry does; the closest
 * clauses, which conclude nothing; a refusal; or the reply to a message that only acknowledges (「好的」「谢谢」),
 * which asked nothing to answer or refuse.
 */
export type AnswerSource = 'answer-base' | 'rule' | 'retrieval' | 'refusal' | 'acknowledgement' | 'clarification';
const sources = new WeakMap<AskResponse, AnswerSource>();

/** The source of a response returned by answerQuestion (cached copies are the same object); undefined for any other. */
export function answerSourceOf(a: AskResponse): AnswerSource | undefined {
  return sources.get(a);
}

/**
 * The reply to a message made only of acknowledgement words and particles (intents.json
 * `answerText.acknowledgement`), or undefined when anything else is in it: 「对吗」 keeps its 吗 and
 * 「好的，那视频呢」 its question, so both are asked. Read as typed: the understanding step drops 谢谢 as a filler.
 */
function acknowledgement(kb: KnowledgeBase, question: string): string | undefined {
  const a = kb.data.intents.answerText.acknowledgement;
  if (!a) return undefined;
  let rest = question.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]/gu, '');
  if (!rest) return undefined;
  const words = [...new Set([...a.groups.flatMap((g) => g.words), ...a.particles])].sort((x, y) => y.length - x.length);
  const held = new Set<string>();
  while (rest) {
    const w = words.find((x) => rest.startsWith(x));
    if (!w) return undefined;
    held.add(w);
    rest = rest.slice(w.length);
  }
  return a.groups.find((g) => g.words.some((w) => held.has(w)))?.reply;
}

/**
 * The word a message that only points back is made of (「那这个呢」「这样行吗」「它呢」): undefined when the
 * message names anything else. Alone, it has nothing to point at.
 */
function barePointer(kb: KnowledgeBase, question: string): string | undefined {
  const b = kb.data.intents.answerText.bareFollowUp;
  if (!b) return undefined;
  const typed = question.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}\s]/gu, '');
  const pointers = [...b.pointers].sort((x, y) => y.length - x.length);
  // An opening 那 (「那这个呢」) is dropped, unless it is the pointer's own (「那个怎么办」).
  const rest = pointers.some((w) => typed.startsWith(w)) ? typed : typed.replace(/^(?:那么|那就|那)(?=.)/u, '');
  const pointer = pointers.find((w) => rest.startsWith(w));
  if (!pointer) return undefined;
  const tail = rest.slice(pointer.length).replace(/^的话/u, '');
  return tail === '' || b.asks.includes(tail) ? pointer : undefined;
}

function decide(kb: KnowledgeBase, typed: string): { response: AskResponse; verified: VerifiedAnswer | null } {
  const question = guessFolded(typed);
  const ack = acknowledgement(kb, question);
  if (ack) {
    const response: AskResponse = { answer: ack, citations: [], confidence: INTENT_CONFIDENCE, outOfScope: false };
    sources.set(response, 'acknowledgement');
    return { response, verified: null };
  }
  // Asked of nothing, 「那这个呢」 must not be matched to whatever entry its few words lean to: it asks what is meant.
  const pointer = barePointer(kb, question);
  if (pointer) {
    const response: AskResponse = { answer: fill(kb.data.intents.answerText.bareFollowUp!.reply, { pointer }), citations: [], confidence: INTENT_CONFIDENCE, outOfScope: false };
    sources.set(response, 'clarification');
    return { response, verified: null };
  }
  let d = decideUntagged(kb, question);
  if (!concludes(kb, d.response)) {
    const typed = readAsTyped(question).text;
    // Read as its plain question, a hedged message may also be told the notice does not cover it, quoting the clause
    // it does have (二(四) for a fine): that is the direct question's answer too.
    const told = (r: AskResponse) => r.outOfScope && r.citations.some((c) => c.clause !== kb.data.intents.outOfScope.citation);
    for (const [reading, refusable] of [[leaveAsked(kb, typed), false], [hedgedAsk(kb, typed), true]] as const) {
      if (reading === typed) continue;
      const asked = decideUntagged(kb, reading);
      if (concludes(kb, asked.response) || (refusable && told(asked.response))) {
        d = asked;
        break;
      }
    }
  }
  // A term the notice uses, asked what it means: an entry or rule that answers it stands, but the closest clauses
  // or an entry that only gives a verdict (「不能。」 to 「失信被执行人指的是什么」) answer another question.
  const fallback = !d.response.outOfScope && !d.fromEntries && !d.byRule;
  // 「失信被执行人是啥意思」 answered by the entry on that condition (「截至申报日，企业不得被…列入…」) is told the rule, not
  // the meaning: an entry's first sentence that states a rule (不得, 须…) and neither explains (指, 意思, 即, 简称…) nor
  // says the notice does not use the term answers another question.
  const first = d.response.answer.replace(/^（[^）]*）\n/u, '').split(/[。\n]/u)[0]!;
  // 「推荐库是什么」 answered by the entry on who uploads to it: an entry none of whose phrasings asks what something is, and
  // whose first sentence explains nothing, answers another question of the term too.
  const asked = askedTerm(kb, readQuestion(kb, question).q);
  const forMeaning = (d.response.entries ?? []).some((id) => kb.data.answerBase.entries.find((e) => e.id === id)?.questions.some((x) => DEFINITION.test(x)));
  const undefining = d.fromEntries && asked !== undefined && !DEFINES.test(first) && (RULE_SENTENCE.test(first) || !forMeaning);
  if (fallback || (d.fromEntries && VERDICT_OPENING.test(d.response.answer)) || undefining) {
    const { u, q } = readQuestion(kb, question);
    const meaning = termInNotice(kb, q);
    if (meaning) {
      const answer = render(kb, [meaning.text], meaning.citations, correctionNote(kb, u));
      d = { response: { answer, citations: meaning.citations, confidence: INTENT_CONFIDENCE, outOfScope: false }, verified: null, byRule: true };
    }
  }
  // 「hello world」, or pinyin the lexicon cannot read: no Chinese was read, so the refusal says the
  // question could not be read and asks for Chinese, not that the notice does not cover it.
  const unreadable = kb.data.intents.answerText.unreadable;
  if (d.response.outOfScope && unreadable && /[a-z]{2}/iu.test(question) && !/\p{Script=Han}/u.test(readQuestion(kb, question).q)) {
    const { unit, phone } = kb.data.facts.contact;
    d.response = { ...d.response, answer: fill(unreadable, { unit, phone }) };
  }
  const r = d.response;
  sources.set(r, r.outOfScope || r.citations.length === 0 ? 'refusal' : d.fromEntries ? 'answer-base' : d.byRule ? 'rule' : 'retrieval');
  return d;
}

/**
 * A part of the question shown back to the user: the understanding step lower-cases Latin letters
 * (「mes是个什么东西」), so each Latin run is shown as typed, or in capitals when it was not typed as is.
 */
function asTyped(part: string, question: string): string {
  const typed = question.normalize('NFKC');
  return part.replace(/[a-z][a-z0-9]*/gu, (run) => {
    const at = typed.toLowerCase().indexOf(run);
    return at >= 0 ? typed.slice(at, at + run.length) : run.toUpperCase();
  });
}

/**
 * A part named in the answer as the user typed it: 「我们厂想报智能车间要准备啥材料」, not the reading
 * the parts were matched on (「厂想报智能车间要准备什么材料」, its 我们 dropped as a filler). The typed
 * question is cut the same way; when it falls into as many parts, the part at the same place is shown.
 */
function shownPart(part: string, pieces: string[], question: string): string {
  const at = pieces.indexOf(part);
  const typed = at >= 0 ? parts(question.normalize('NFKC').trim()).pieces : [];
  return typed.length === pieces.length && typed[at] ? typed[at]! : asTyped(part, question);
}

/** Numerals of speech that no document writes: 两十 (for 二十), 俩, 仨, 幺. */
const SPOKEN_NUMERAL = /两十|[俩仨幺]/u;

/** A part that opens with its verb (「能报吗」「要几张」) asks of a subject said before it; one opening with 啥 or 哪 may name its own. */
const LEANS = /^(?:(?<!智)能(?!力)|可以|需要|要(?![素求])|是否|有没有|是不是|必须|得|会)/u;

/** Each place a question word or particle asks, in order. */
const ASKS_ALL = new RegExp(ASKS.source, 'gu');

/**
 * 「能报几个车间截止时间是哪天」「要交审计报告吗在哪个平台报」: two questions typed as one run, with
 * nothing between them. A run that asks in two places is cut between them where each side asks on
 * its own and a different entry answers each side; of such cuts, the one whose weaker side is
 * answered best. A side that opens by asking (「能报吗」「要几张」) leans on the words before it, so
 * no cut leaves one; and a run whose sides both lead to one entry is one question.
 */
function runOn(kb: KnowledgeBase, piece: string): string[] {
  // Parts joined back together (「…是不是分开的，各推荐几家」) were read as one question on purpose.
  if (piece.length < 8 || /[\s,，]/u.test(piece)) return [piece];
  const marks = [...piece.matchAll(ASKS_ALL)];
  if (marks.length < 2) return [piece];
  const from = marks[0]!.index + marks[0]![0].length;
  const to = marks.at(-1)!.index;
  let best: { score: number; cut: string[] } | undefined;
  for (let i = from; i <= to; i++) {
    const head = piece.slice(0, i);
    const tail = piece.slice(i);
    if (head.length < 4 || tail.length < 4 || !asks(head) || !asks(tail) || LEANS.test(tail)) continue;
    const a = accepted(answersOf(kb).match(head, 3));
    const b = a && accepted(answersOf(kb).match(tail, 3));
    if (!a || !b || a.prepared === b.prepared) continue;
    const score = Math.min(a.score, b.score);
    if (!best || score > best.score) best = { score, cut: [head, tail] };
  }
  return best?.cut ?? [piece];
}

const contextPatterns = new WeakMap<object, RegExp[]>();
/** The question without the openings that only say when it arises (intents.json `contextLeads`); undefined when it has none. */
function withoutContext(kb: KnowledgeBase, q: string): string | undefined {
  const leads = kb.data.intents.contextLeads;
  let patterns = contextPatterns.get(leads);
  if (!patterns) contextPatterns.set(leads, (patterns = leads.map((p) => new RegExp(p, 'u'))));
  const rest = patterns.reduce((t, p) => t.replace(p, ''), q);
  return rest !== q && rest.replace(/[\p{P}\s]/gu, '').length >= 3 ? rest : undefined;
}

/**
 * The entry the one asking part of a message finds by its own required words, when the entry the whole message
 * found is guarded by words only its statements hold: undefined when the asking part names the whole's subject
 * itself, or finds no guarded entry of its own.
 */
function askedOverStated(kb: KnowledgeBase, asking: string, m: EntryMatch): EntryMatch | undefined {
  if (m.prepared.requires.length === 0 || m.prepared.requires.some((g) => g.some((w) => asking.includes(w)))) return undefined;
  // A yes-no part (「今年能申报智能车间吗」「这个算数吗」) asks whether the statements' situation will do: they are its
  // subject. A part asking a value (几个, 哪天, 谁) asks what no statement can be, and so does one naming an element
  // system of its own by its letters, one the whole's entry is never asked of (「DCS有吗？我们用的是PLC加组态软件」); a
  // measure (「联网数算不算进去」) is no system, and 「只有储罐没有仓库，流程型要上WMS吗」 is asked of the entry on WMS.
  const asked = norm(m.prepared.entry.questions.join('\n'));
  const system = understanderFor(kb.data)
    .findConcepts(asking)
    .some((c) => /^[a-z]{2,}$/u.test(c.span) && !asked.includes(c.span) && kb.data.lexicon.entries.find((e) => e.canonical === c.canonical)?.clauses?.some((id) => id.startsWith('三(')));
  if ((!WH.test(asking) || YES_NO.test(asking)) && !system) return undefined;
  // 「…，还能报吗」 opens with its verb: it asks of the subject its statements named, and has none of its own.
  if (!system && LEANS.test(asking.replace(/^(?:那么|那|还|也|就|又|再|请问|想问下|想问一下)+/u, ''))) return undefined;
  // A short asking part (「还能报吗」) leans on its statements unless its own wording, not only a required word, finds an entry.
  const own = accepted(answersOf(kb).match(asking, 3)) ?? (asking.length >= SELF_CONTAINED ? accepted(answersOf(kb).match(asking, 3, true)) : undefined);
  return own && own.prepared !== m.prepared && own.prepared.requires.length > 0 ? own : undefined;
}

function decideUntagged(kb: KnowledgeBase, question: string): { response: AskResponse; verified: VerifiedAnswer | null; fromEntries?: boolean; byRule?: boolean } {
  const response = (r: AskResponse) => ({ response: r, verified: null });
  const { u, q } = readQuestion(kb, question);
  const note = correctionNote(kb, u);

  const typedAnswer = (t: NonNullable<ReturnType<typeof perType>>) => {
    const said = [t];
    if (scoringAsked(kb, q)) scoringNoted(kb, said, 0, q);
    const cites = oncePerClause(said[0]!.citations, (id) => kb.clause(id)?.text);
    return { response: { answer: render(kb, [said[0]!.text], cites, note), citations: cites, confidence: INTENT_CONFIDENCE, outOfScope: false }, verified: null, byRule: true };
  };
  // 「MES没有的话评审会减分吗」: the notice gives no scores, yet it does say what 三 asks of the system lacked; that is
  // answered wherever the question would otherwise be refused as one of the experts' scoring (its 评审会, its 减分).
  // What an item weighs (「智能装备那项占几分」) asks of the scoring itself, which the notice leaves out.
  const lackedScored = scoringAsked(kb, q) ? perType(kb, q) : undefined;
  const scoredTyped = lackedScored?.lacking ? lackedScored : undefined;

  const found = scan(kb, q);
  const forced = topicOf(kb, q, true, found);
  if (forced) return response(outOfScope(kb, forced));
  // Nothing left once greetings and thanks are removed: there is no question to answer.
  if (q.replace(/[\p{P}\s]/gu, '').length < 2) return response(outOfScope(kb, kb.data.intents.outOfScope.topics.find((t) => t.id === 'chat') ?? null));
  const term = absentTerm(kb, q);
  if (term) {
    const { unit, phone } = kb.data.facts.contact;
    return response({ ...outOfScope(kb, null), answer: `${note}${fill(kb.data.intents.answerText.termAbsent, { term, unit, phone })}`, confidence: INTENT_CONFIDENCE });
  }

  const classed = classedTerm(kb, q);
  const counted = classed ? classedAnswer(kb, q, question, classed) : undefined;
  if (counted) return { response: { answer: render(kb, [counted.text], counted.citations, note), citations: counted.citations, confidence: INTENT_CONFIDENCE, outOfScope: false }, verified: null, byRule: true };

  // The whole question first; then its parts, which may each ask something else.
  const whole = answersOf(kb).match(q, 5);
  // An entry written for exactly the element condition asked (三(一)6's two layers) says more than the clause alone.
  // The rules below read the question whole, so an opening that only says when it arises is left out first.
  const ruled = withoutContext(kb, question.normalize('NFKC').trim()) ?? question;
  const element = elementClause(kb, ruled);
  const own = accepted(whole)?.prepared.entry.clauses;
  const ownElement = element && own && own.length === element.citations.length && element.citations.every((c) => own.includes(c.clause));
  const part = missingPart(kb, ruled) ?? formPart(kb, ruled) ?? namedClause(kb, ruled) ?? (ownElement ? undefined : element) ?? perSystem(kb, q, accepted(whole)?.prepared.entry.answer);
  if (part) return { response: { answer: render(kb, [part.text], part.citations, note), citations: part.citations, confidence: INTENT_CONFIDENCE, outOfScope: false }, verified: null, byRule: true };

  const chosen: { match: EntryMatch; text: string }[] = [];
  // The asking parts of a several-part question that no entry answers, even read with the subject before them.
  const unmatched: string[] = [];
  // Of those, the parts whose own words name a thing their entry never speaks of (namesBeyond).
  const beyond = new Set<string>();
  // Of those, the parts that ask only whether the figure the part before them asked is fixed: that part's answer answers them.
  const leaning = new Set<string>();
  let byGuardsOnly = false;
  const { pieces: typedParts, said, resubjected } = parts(q, kb.data.intents.attributes);
  const pieces = typedParts.flatMap((p) => runOn(kb, p));
  // Parts are matched on their own only when at least two of them ask something; a part that only
  // sets the context ("我们是洛阳的企业") cannot be a second question.
  const asking = pieces.filter(asks);
  if (asking.length > 1) {
    // Only the parts that ask are answered: "去年营收两个亿" is context, not a question about revenue.
    // An entry that computes its answer from the question (a region's quota) may answer two parts.
    // 「流程型要SIS吗？离散型要不要」: one entry asked of two categories is answered for each.
    const repeats = (m: EntryMatch, text: string) => chosen.some((c) => c.match.prepared === m.prepared && categoriesNamed(c.text) === categoriesNamed(text) && (!(m.prepared.entry.fill || m.prepared.items.length) || entryAnswer(kb, m.prepared, c.text).text === entryAnswer(kb, m.prepared, text).text));
    // The entry each asking part was matched to, for a later part that leaves out the subject it named.
    const matchedPart = new Map<string, EntryMatch>();
    unmatched.splice(0);
    beyond.clear();
    leaning.clear();
    for (const piece of asking) {
      // A part that shares few words with any phrasing (「开封能往省里报多少家」) is still about the entry
      // whose two or more required word groups it meets, as a whole question would be.
      let m = accepted(answersOf(kb).match(piece, 3)) ?? accepted(answersOf(kb).match(piece, 3, true));
      let text = piece;
      // 「集团底下两个子公司都是独立法人，能各报一个吗」: a part that asks without naming its subject
      // leans on the context said before it; read with that context, a closer entry answers it.
      const context = pieces.slice(0, pieces.indexOf(piece)).filter((p) => !asks(p));
      // 「视频要多大？拍3分钟行不行」: a part that opens with its own verb (拍, 交, 填) leaves out the subject the
      // asking part before it named (视频); matched alone it finds nothing, so it is read with that subject.
      // The subject is what stands before the previous part's asking (「视频|要多大」), or the word of the first
      // required group of the entry that answered it, where that part names it (「视频格式有要求吗」: 视频).
      const before = asking[asking.indexOf(piece) - 1];
      // A follow-up already read with its subject (「南阳呢」), or one naming a place of its own, is not given another.
      // 「视频文件最大多少兆，超了咋整」: a short part that names no concept of its own, found loosely by a word it shares
      // with another entry (超, the quota overrun), is read so too.
      const loose = m !== undefined && m.score < VERIFIED && understanderFor(kb.data).findConcepts(piece).length === 0;
      // 「联网率要多高，有硬指标没」: a short part asking only whether a figure is fixed, naming nothing of its own, asks it
      // of what the part before it asked; that part's answer answers it, and it is not answered again.
      const threshold = kb.data.intents.thresholdAsks.filter((w) => piece.includes(w));
      // Its subject may have been put in from the part before it (联网率有没有量化指标): it names nothing that part did not.
      const named = (x: string) => understanderFor(kb.data).findConcepts(x).map((c) => c.canonical);
      const beforeNamed = before ? named(before) : [];
      const leant = Boolean(before && matchedPart.has(before) && threshold.length > 0 && piece.length <= SELF_CONTAINED + 4 && named(threshold.reduce((t, w) => t.split(w).join(''), piece)).every((c) => beforeNamed.includes(c)));
      if (leant) {
        matchedPart.set(piece, matchedPart.get(before!)!);
        leaning.add(piece);
        continue;
      }
      if ((!m || loose) && before && piece.length <= SELF_CONTAINED + 4 && !said.has(piece) && findRegions(kb, piece).length === 0) {
        const at = before.search(PREDICATE);
        const required = matchedPart.get(before)?.prepared.requires[0]?.filter((w) => before.includes(w)).sort((x, y) => before.indexOf(x) - before.indexOf(y))[0];
        const subjects = [...new Set([at >= 2 ? before.slice(0, at) : '', required ?? ''])].filter((x) => x.length >= 2 && !piece.includes(x));
        for (const subject of subjects) {
          const carried = accepted(answersOf(kb).match(`${subject}${piece}`, 3));
          // Read with the subject, a part that only finds the previous part's entry again asks what that entry does not say:
          // what it found loosely alone is not what it asks either, and it is left to be said unsettled.
          if (carried && carried.prepared === matchedPart.get(before)?.prepared && loose && carried.score > m!.score) {
            m = undefined;
            break;
          }
          if (carried && carried.prepared !== matchedPart.get(before)?.prepared && !m) {
            (m = carried), (text = `${subject}${piece}`);
            break;
          }
        }
      }
      // 「要是有几项要素达不到，还能申报吗？必须都满足吗」: a part that opens with its verb (「还能申报吗」) asks of what the
      // context before it says, however closely its few words match a general entry alone.
      // Five characters leave no room for a thing of its own (「要交审计报告不」 names one).
      const verbOnly = piece.replace(/^(?:那么|那|还|也|就|又|再)+/u, '');
      const bareVerb = verbOnly.length <= 5 && LEANS.test(verbOnly);
      if (context.length && (!m || m.score < VERIFIED || bareVerb)) {
        const joined = [...context, piece].join('，');
        const leaning = accepted(answersOf(kb).match(joined, 3));
        if (leaning && (leaning.score > (m?.score ?? 0) || (bareVerb && leaning.prepared.requires.length > 0))) (m = leaning), (text = joined);
      }
      // "清晰度有没有要求，要不要配旁白": a follow-up read with the previous part's subject that only
      // repeats that part asks its own thing, when its own words name it clearly; it is read as typed.
      // One that compares or continues ("和附件2一样吗") is about the previous part, and keeps its subject.
      // Its own words name it clearly when they match closely, or meet an entry's required words
      // (「报名截止哪天？要交哪些材料」: 材料 is the attachments' own word): left as read, it would go unanswered.
      const own = said.get(piece);
      if (m && own && repeats(m, piece) && !CONTINUES.test(own)) {
        const alone = accepted(answersOf(kb).match(own, 3));
        if (alone && (alone.score >= VERIFIED || alone.prepared.requires.length > 0) && !repeats(alone, own)) (m = alone), (text = own);
      }
      // 「评上了能给多少奖补资金，啥时候到账」: a part that names a topic the notice leaves out, matched
      // loosely to an entry that never speaks of it (a title won, read as re-application), is that
      // topic's question; it is left to be said uncovered.
      if (m && m.score < VERIFIED && offTopic(kb, m.prepared.entry, text)) m = undefined;
      // 「我们在新乡，名额几个？推荐要走哪一级」: a quota asked in one part is of the place another part
      // names, when it names none of its own (a county spoken of, 「县里呢」, is its own subject).
      if (m && (m.prepared.entry.fill === 'regionQuota' || m.prepared.entry.fill === 'regionQuotaAfter') && !namesPlace(kb, text)) {
        const placed = [...new Set(pieces.filter((p) => p !== piece).flatMap((p) => findRegions(kb, p).map((r) => r.name)))];
        if (placed.length) text = `${placed.join('、')}${text}`;
      }
      // Only a part that leaves out its subject and finds the entry an earlier part found is read so: its own
      // words are all it adds. A part naming its own subject is asked in words of its own, which an entry's
      // phrasings need not share (「推多了咋办」「多大算超」).
      // 「没有MES会不会直接刷掉」 asks what lacking it costs, in words (刷掉, 淘汰) the entry need not hold: the lacking's own asks.
      const ownAsked = own && LACKING_CASE.test(own) ? kb.data.intents.answerText.lacking.asks.reduce((t, w) => t.split(w).join(''), own.replace(LACKING_CASE, '')).replace(/直接|马上|立刻|当场|会不会|会|被|就/gu, '') : own;
      if (m && ownAsked && repeats(m, text) && namesBeyond(kb, m.prepared, ownAsked)) (m = undefined), beyond.add(piece);
      if (m) matchedPart.set(piece, m);
      else unmatched.push(piece);
      if (m && !repeats(m, text)) chosen.push({ match: m, text });
    }
    // 「执照得交原本吗，拍个照片传上去中不中」: a part that leaves out its object (the licence) leans on
    // the part before it. An entry whose required words decide, and which only the two parts together
    // name, answers both of them, in place of what each part found alone.
    for (let i = 1; i < asking.length; i++) {
      const pair = [asking[i - 1]!, asking[i]!];
      const joined = answersOf(kb).match(pair.join('，'), 1)[0];
      if (!joined?.prepared.entry.decisive) continue;
      if (pair.some((x) => answersOf(kb).match(x, 5).some((y) => y.prepared === joined.prepared))) continue;
      // 「营业执照要原件吗？还有专利要附吗」: two parts each answered closely on their own name their own objects.
      if (pair.every((x) => (accepted(answersOf(kb).match(x, 3))?.score ?? 0) >= VERIFIED)) continue;
      const rest = chosen.filter((c) => !pair.some((x) => c.text === x || c.text.endsWith(x)));
      chosen.splice(0, chosen.length, ...rest, { match: joined, text: pair.join('，') });
    }
    // 「截止时间是啥时候？我们材料要交给谁，县里还是市里」: an asking part nothing answers alone, with the part after it
    // that adds to it (an either-or, another ask nothing answers), asks one question; read joined, an entry answers it.
    for (const piece of [...unmatched]) {
      const next = pieces[pieces.indexOf(piece) + 1];
      if (next === undefined || (asking.includes(next) && !unmatched.includes(next))) continue;
      const text = `${piece}，${next}`;
      const joined = accepted(answersOf(kb).match(text, 3)) ?? accepted(answersOf(kb).match(text, 3, true));
      if (!joined || chosen.some((c) => c.match.prepared === joined.prepared)) continue;
      chosen.push({ match: joined, text });
      unmatched.splice(0, unmatched.length, ...unmatched.filter((x) => x !== piece && x !== next));
    }
    // 「江苏那边智能工厂咋申报，材料清单有没有」: a part that asks for another province's or year's
    // application makes the question about that one; its other parts ask of it too.
    // So does a part asking for another programme's (「省级工业设计中心咋申报，要啥材料」), unless another
    // part names this notice's own subject (「专精特新怎么申报，智能车间要什么材料」 asks of both).
    for (const piece of asking) {
      const topic = topicOf(kb, piece, false);
      const ownAsked = asking.some((x) => x !== piece && SUBJECTS.some((s) => x.includes(s)));
      if (topic && (topic.scene || !ownAsked) && namedKeywords(kb, topic, piece).some((k) => appliesFor(piece, k))) return response(outOfScope(kb, topic));
    }
  }
  // 「视频必须是MP4吗，MOV格式行不行」: two parts that ask two sides of one thing each find some
  // entry loosely, while the whole question is clearly about one entry that neither part found.
  // It is one question, answered by that entry.
  const closest = accepted(whole);
  // Parts asked of two categories, each naming its own thing (「流程型要不要DCS？离散型要不要安灯」), are two questions.
  const ownCategories = new Set(chosen.map((c) => categoriesNamed(c.text)));
  const twoCategories = chosen.length > 1 && ownCategories.size === chosen.length && !ownCategories.has('') && chosen.every((c) => !resubjected.has(c.text) && !said.has(c.text));
  if (chosen.length > 1 && !twoCategories && closest && closest.score >= VERIFIED && chosen.every((c) => c.match.prepared !== closest.prepared && c.match.score + WHOLE_MARGIN <= closest.score)) chosen.splice(0);
  if (chosen.length < 2) {
    // One part answered: the whole question is tried first (its wording may name an entry that
    // covers it all); failing that, the part that was answered is answered, not nothing.
    const part = chosen.splice(0);
    // A part left unanswered because its entry never speaks of what it names keeps the other parts' own
    // answers: the whole question, those words included, would find the entry for both again.
    // So does a part that leans on the one before it for its figure: the whole question, its threshold words
    // included, would find the general entry on figures in place of the figure asked.
    const keepParts = (beyond.size > 0 || leaning.size > 0) && part.length > 0;
    let m = keepParts ? undefined : accepted(whole);
    if (m) m = measuredOwner(q, m, whole) ?? tradeOwner(kb, q, m, found, whole) ?? agentOwner(kb, q, m, found) ?? contextOwner(kb, q, m) ?? m;
    // 「车间改造完成后要交视频吗」: an opening that only says when the question arises dilutes its wording; the
    // question is matched once more without it, before its required words alone are taken as evidence.
    if (!m && !keepParts) {
      const bare = withoutContext(kb, q);
      if (bare) m = accepted(answersOf(kb).match(bare, 5));
    }
    // Found only by its required words, not by any wording: weak evidence of what is asked.
    if (!m && !keepParts) byGuardsOnly = Boolean((m = accepted(answersOf(kb).match(q, 5, true))));
    // 「…AGV是不是必须要有？车间物料都是人工叉车转运的，条码扫描倒是都有」: statements around the one
    // part that asks can pull the whole question towards what they mention; the asking part,
    // matched alone, is clearly closer to another entry, which answers (with the context). That
    // entry must still fit the whole question: after 「上了失信名单，上个月移出了」, a bare
    // 「还能报吗」 is about the credit lists, not about who may apply in general.
    // A whole question that matched closely is about what its context says (「没有设备预测性维护，能报…吗」).
    // A short asking part (「能优先吗」「还能报吗」) takes its subject from the context, and is not read alone.
    if (asking.length === 1 && pieces.length > 1 && (m?.score ?? 0) < VERIFIED && asking[0]!.length >= SELF_CONTAINED) {
      const own = accepted(answersOf(kb).match(asking[0]!, 3));
      const fits = own && answersOf(kb).match(q, 8).find((x) => x.prepared === own.prepared);
      if (own && fits && fits.score >= ACCEPT_GUARDED && own.prepared !== m?.prepared && own.score >= ACCEPT && own.score > (m?.score ?? 0) + ASKING_MARGIN) (m = own), (byGuardsOnly = false);
    }
    // 「有三台AGV，只在成品库那块跑。申报名额县里有几个啊」: a statement followed by the one part that asks. The whole
    // question found an entry by the statement's words alone (AGV); the asking part names none of them and, read on
    // its own, meets another entry's required words (名额): that entry answers what was asked, the statement is context.
    if (asking.length === 1 && pieces.length > 1 && m) m = askedOverStated(kb, asking[0]!, m) ?? m;
    if (m) {
      chosen.push(...brokenFirst(kb, q, [m, ...measuredBeside(kb, q, m)]).map((match) => ({ match, text: q })));
      // Of two asking parts, the one that matched on its own asks something the whole
      // question's answer may not ("…今年能报智能工厂吗，要附专利吗"): it is answered too, unless
      // the whole's answer already says all of it ("郑州几家 南阳呢": both cities' quotas).
      const wholeSays = entryAnswer(kb, m.prepared, q).text;
      chosen.push(...part.filter((c) => c.match.prepared !== m.prepared && !wholeSays.includes(entryAnswer(kb, c.match.prepared, c.text).text)));
    } else if (part.length) chosen.push(...part);
    else {
      // "我们是郑州的一家制药企业，能不能申报": the context dilutes the wording of the question it
      // comes with; the asking part alone is matched last, when nothing else was found. It is
      // answered with its context: 「我们是做铝型材的，能报哪个」 names the industry the answer is about.
      // A word the entry excludes, said in the context (「去年报过没评上」), tells it is not that entry's case.
      let only = asking.length === 1 && pieces.length > 1 ? accepted(answersOf(kb).match(asking[0]!, 3)) : undefined;
      if (only && answersOf(kb).excludedBy(only.prepared, q)) only = undefined;
      // 「车间没有以太网，用的无线，能报吗」: a bare asking part (「能报吗」) asks of what the statements before it say. Each
      // statement is read with it, the last first; the first that finds an entry the whole question does not exclude
      // answers, before the bare part's general entry on who may apply.
      const bareAsk = asking.length === 1 && asking[0]!.replace(/^(?:那么|那|还|也|就|又|再)+/u, '').length <= 5 && LEANS.test(asking[0]!.replace(/^(?:那么|那|还|也|就|又|再)+/u, ''));
      if (bareAsk) {
        for (const statement of pieces.filter((p) => !asks(p)).reverse()) {
          const read = accepted(answersOf(kb).match(`${statement}，${asking[0]!}`, 3));
          if (read && read.prepared !== only?.prepared && !answersOf(kb).excludedBy(read.prepared, q)) {
            only = read;
            break;
          }
        }
      }
      // 「做锂电池的能报智能车间吗」「开饭店的能申报吗」: the trade's name is context too, and its words, shared
      // with no phrasing, dilute the question's; the question is matched once more without it.
      if (!only) {
        const bare = withoutTrade(kb, q, found);
        if (bare !== undefined) only = accepted(answersOf(kb).match(bare, 3));
      }
      if (only) chosen.push({ match: only, text: q });
    }
  }

  // 「我们没有PDM 能报智能工厂吗」: a requirement both factory types share, asked of neither, is answered for each.
  if (chosen.length === 1) {
    const twin = otherTypeTwin(kb, chosen[0]!.match, q);
    if (twin) chosen.push(twin);
  }

  // 「离散型要WMS，流程型要不要」: each category's entry on a system leaves out the other category,
  // so a question naming both finds neither; read once for each category, it finds both.
  if (chosen.length === 0) {
    const sides = (eachCategory(kb, q) ?? []).map((text) => ({ match: accepted(answersOf(kb).match(text, 3)), text }));
    const [a, b] = sides;
    if (a?.match && b?.match && a.match.prepared !== b.match.prepared) chosen.push({ match: a.match, text: a.text }, { match: b.match, text: b.text });
  }

  const answered = chosen.filter((c) => c.match.prepared.entry.conclusion !== 'notCovered');
  // A later year's notice is not this one: "2024年度…截止时间" must not be told this notice's date,
  // from an entry or from the closest clauses. An entry written for other years keeps its own
  // refusal; earlier years stay in scope (the 上年度 audit report is 2022年度's).
  const later = chosen.some((c) => c.match.prepared.entry.conclusion === 'notCovered') ? undefined : laterYear(kb, q, asking);
  // A rule that spans years (what a title won earlier allows) is this notice's answer for a later
  // year too, said to be this notice's: anything else asked of a later year is that year's notice's.
  const spansYears = Boolean(later) && answered.length > 0 && answered.every((c) => c.match.prepared.entry.acrossYears);
  if (later && !spansYears) return response(outOfScope(kb, later));
  // One entry matched the wording ("…认定需要满足什么条件") while the question asks for the
  // recognition of something the notice leaves out ("高新技术企业认定") and the entry never names
  // it: the entry would answer about this notice, not what was asked. Named as context only
  // ("注册在山东，工厂建在河南") it is no such request. An entry found only by its required words
  // (「专项资金补贴比例是多少」 has 比例) is no closer to the question than the topic it names; so
  // it is when the question asks twice (「给不给补助 按设备投资百分之几」): no part found it by its wording.
  // 「评上之后称号管几年」: a question matched loosely to an entry that never speaks of the topic it names (a
  // title's validity, read as re-application) asks about that topic, as a part of a longer question would.
  // A trade's name (「做汽车零部件的」) shares no words with any phrasing and so loosens the match; what the
  // question asks without it is how closely it was matched.
  const bare = answered.length === 1 && chosen.length === 1 && answered[0]!.match.score < VERIFIED ? withoutTrade(kb, q, found) : undefined;
  const firm = bare !== undefined && answersOf(kb).match(bare, 3).some((x) => x.prepared === answered[0]!.match.prepared && x.score >= VERIFIED);
  if (answered.length === 1 && chosen.length === 1 && answered[0]!.match.score < VERIFIED && !firm) {
    const topic = topicOf(kb, q, false, found);
    if (topic?.outranksLoose && offTopic(kb, answered[0]!.match.prepared.entry, q)) return scoredTyped ? typedAnswer(scoredTyped) : response(outOfScope(kb, topic));
  }
  if (answered.length === 1 && chosen.length === 1 && (asking.length <= 1 || byGuardsOnly)) {
    const topic = topicOf(kb, q, false, found);
    const named = topic?.keywords.map(norm).filter((k) => (found.get(k)?.length ?? 0) > 0) ?? [];
    if (topic && ((byGuardsOnly && !topic.scene) || named.some((k) => appliesFor(q, k)))) {
      const entry = answered[0]!.match.prepared.entry;
      const own = norm([...entry.questions, entry.answer].join('\n'));
      if (!named.some((k) => own.includes(k))) return scoredTyped ? typedAnswer(scoredTyped) : response(outOfScope(kb, topic));
    }
  }
  if (answered.length > 0) {
    // The scope a question widened is said before any summary of categories, which would otherwise open with 「要」.
    const widenedLeads: string[] = [];
    const results = answered.map((c) => {
      const r = inferredFormCells(kb, c.text, askedCategoryFirst(kb, c.text, chosenCategory(kb, c.text, otherCategory(kb, c.match.prepared.entry, c.text, unnamedSystems(kb, c.match.prepared, c.text, entryAnswer(kb, c.match.prepared, c.text))))));
      const fitted = fitToQuestion(r.text, c.match.prepared.entry.conclusion, c.text);
      // 「没有WMS会怎样」 asks how (怎样) as fitToQuestion hears it, yet its verdict is what lacking turns: it is turned first.
      const lackedText = lacking(kb, c.match.prepared.entry, c.text, r.text);
      const situated = situation(kb, c.match.prepared.entry, c.text, lackedText !== r.text ? lackedText : lacking(kb, c.match.prepared.entry, c.text, fitted), fitted);
      const corrected = misquoted(kb, c.match.prepared.entry, question, c.text, situated, r.citations.map((x) => x.quote).join('\n'));
      const checked = corrected === situated ? askedCell(kb, c.match.prepared.entry, c.text, askedDate(kb, c.match.prepared.entry, c.text, corrected)) : corrected;
      const widened = widenedScope(kb, c.match.prepared.entry, c.text, checked, r.citations.map((x) => x.quote).join('\n'));
      if (widened.lead) widenedLeads.push(widened.lead);
      const text = widened.text;
      return scored(kb, c.match.prepared.entry, c.text, { ...r, text });
    });
    // Facts stated beside a may-we-apply question that fail a hard condition decide its verdict: they are
    // said first, and the answer to the question as matched follows, without its own verdict word.
    const fails = answered.some((c) => c.match.prepared.entry.conclusion === 'no') ? [] : failedFacts(kb, pieces, answered);
    const failedAt = Math.max(0, answered.findIndex((c) => kb.data.intents.answerText.situation.asks.some((w) => c.text.includes(w))));
    if (fails.length > 0) {
      const failed = fails.map((c) => entryAnswer(kb, c.match.prepared, c.text));
      const main = results[failedAt]!;
      const rest = answered[failedAt]!.match.prepared.entry.conclusion === 'no' ? main.text : fill(kb.data.intents.answerText.failedFact!.rest, { rest: main.text.replace(BARE_VERDICT, '').replace(/^(?:可以|能)[，,]/u, '') });
      results[failedAt] = { text: failed.map((x) => x.text).join('') + rest, citations: mergeCitations([...failed.map((x) => x.citations), main.citations]) };
    }
    // 「WMS是必须的吗」: entries on one category each (or one entry on fewer categories than name the
    // system) would each give their own verdict; the first sentence says each category's, and the
    // entries' texts follow without their verdicts.
    // An entry speaks for a category when its answer names it or its element conditions (三(二)…).
    const speaksFor = (e: AnswerEntry, c: { section: string; name: string }) => e.answer.includes(c.section) || e.answer.includes(c.name);
    const onElements = answered.every((c) => (c.match.prepared.entry.conclusion === 'yes' || c.match.prepared.entry.conclusion === 'no') && c.match.prepared.entry.clauses.every((id) => id.startsWith('三(')));
    const typed = onElements ? perType(kb, q) : undefined;
    // An entry on a name the notice never writes (APS) says so itself (unnamedSystems), and what the notice says instead.
    // 「安灯不上会不会被刷掉」: an entry's 「没有的话，不符合这一项要素条件」 holds only for the categories that require it.
    const lackedOnce = typed?.lackedPerCategory === true && results.some((r) => r.text.startsWith(kb.data.intents.answerText.lacking.lead));
    if (fails.length === 0 && typed && !typed.unwritten && (answered.length > 1 || lackedOnce || !typed.scope.every((c) => speaksFor(answered[0]!.match.prepared.entry, c)))) {
      // Each entry's own verdict (and the lead said of a missing system) holds for its category only: the summary says them.
      const scope = widenedLeads.join('');
      const rest = results.map((r) => widenedLeads.reduce((x, l) => x.replace(l, ''), r.text).split(kb.data.intents.answerText.lacking.lead).join('').replace(CATEGORY_VERDICT, '').replace(CATEGORIES_NAMED, '')).join('');
      // A category no entry speaks for is told in its own clause's words, so every category's reading rests on a quote.
      const quoted = kb.data.intents.answerText.perType?.quoted;
      const unspoken = quoted ? typed.scope.filter((c) => !answered.some((a) => speaksFor(a.match.prepared.entry, c))) : [];
      const own = unspoken.flatMap((c) => typed.citations.filter((x) => x.clause !== c.section && x.clause.startsWith(c.section)));
      const told = own.map((x) => fill(quoted!, { clause: x.clause, quote: x.quote.replace(/^…/u, '') })).join('');
      results.splice(0, results.length, { text: scope + typed.text + rest + told, citations: [...typed.citations, ...results.flatMap((r) => r.citations)] });
    }
    const scoreAsked = answered.findIndex((c) => scoringAsked(kb, c.text) && !c.match.prepared.entry.clauses.includes(kb.data.intents.answerText.scoring.clause));
    if (scoreAsked >= 0 && !results.some((r) => r.citations.some((x) => x.clause === kb.data.intents.answerText.scoring.clause))) scoringNoted(kb, results, Math.min(scoreAsked, results.length - 1), answered[scoreAsked]!.text);
    const { unit, phone } = kb.data.facts.contact;
    // A part the notice does not cover is said to be so, with whom to ask, never dropped: the
    // parts that matched a not-covered entry, and the asking parts that matched nothing but name
    // a topic outside the notice ("视频要配旁白吗？评上了奖补多少钱").
    const uncovered = chosen.filter((c) => c.match.prepared.entry.conclusion === 'notCovered').map((c) => ({ text: c.text, topic: c.match.prepared.entry.topic! }));
    const unstated: string[] = [];
    if (asking.length > 1) {
      for (const piece of asking) {
        if (chosen.some((c) => c.text === piece || c.text === said.get(piece))) continue;
        const topic = topicOf(kb, piece, false);
        if (topic && !uncovered.some((x) => x.topic === topic.label)) uncovered.push({ text: piece, topic: topic.label });
        // 「照片要几张？交JPG行不行」: a part nothing answers is said to be one the notice does not settle, never dropped.
        else if (!topic && unmatched.includes(piece) && kb.data.intents.answerText.unansweredPart && (beyond.has(piece) || !answered.some((c) => speaksTo(c.match.prepared, piece)))) unstated.push(piece);
      }
    }
    // An entry answering two parts (two regions' quotas) names each part by the part itself.
    // So does an entry that computes its answer from the question (a glossary entry asked about SCM is not "MES是什么意思").
    // So is a part asked of another category than the entry's own wording names (「离散型要不要SIS」 answered by the 流程型 entry).
    const asked = answered.map((c) => (c.match.prepared.entry.fill || c.match.prepared.items.length || answered.filter((x) => x.match.prepared === c.match.prepared).length > 1 || (answered.length > 1 && categoriesNamed(c.text) !== '' && categoriesNamed(c.text) !== categoriesNamed(c.match.prepared.entry.questions[0]!)) ? shownPart(c.text, pieces, question) : c.match.prepared.entry.questions[0]!));
    for (const x of uncovered) {
      results.push({ text: fill(kb.data.intents.answerText.notCoveredPart, { topic: x.topic, unit, phone }), citations: [] });
      asked.push(x.text);
    }
    for (const x of unstated) {
      results.push({ text: fill(kb.data.intents.answerText.unansweredPart!, { unit, phone }), citations: [] });
      asked.push(shownPart(x, pieces, question));
    }
    // Asked of a later year, a rule that spans years is said to be this notice's.
    const rule = kb.data.intents.answerText.laterYearRule;
    if (spansYears && rule && !results.some((r) => r.text.includes(fill(rule, { year: kb.data.manifest.year })))) {
      const last = results.length - 1;
      results[last] = { ...results[last]!, text: results[last]!.text + fill(rule, { year: kb.data.manifest.year }) };
    }
    // A point the notice leaves open says who can confirm it, once, unless the answer already does.
    const lastOpen = answered.map((c) => c.match.prepared.entry.conclusion).lastIndexOf('open');
    if (lastOpen >= 0 && !results.some((r) => r.text.includes(phone))) {
      results[lastOpen] = { ...results[lastOpen]!, text: results[lastOpen]!.text + fill(kb.data.intents.answerText.openHelpline, { unit, phone }) };
    }
    const cites = oncePerClause(mergeCitations(results.map((r) => r.citations)), (id) => kb.clause(id)?.text);
    if (uncovered.length + unstated.length > 0 && !cites.some((c) => c.clause === kb.data.intents.outOfScope.citation)) cites.push(...citations(kb, [[kb.data.intents.outOfScope.citation, [phone]]]));
    const confidence = Math.min(INTENT_CONFIDENCE, Math.round((0.5 + Math.min(...answered.map((c) => c.match.score)) / 2) * 100) / 100);
    const strong = answered.length === chosen.length && uncovered.length === 0 && unstated.length === 0 && answered.every((c) => c.match.score >= VERIFIED);
    const verified: VerifiedAnswer | null = strong
      ? {
          conclusion: fails.length > 0 && answered.length === 1 ? 'no' : answered.length === 1 ? answered[0]!.match.prepared.entry.conclusion : 'list',
          answer: render(kb, results.map((r) => r.text), [], '', asked),
          clauses: cites.map((c) => c.clause),
        }
      : null;
    // A part told not covered rests on the 通知未涉及 entry that says so: the log names it beside the entries answered.
    const entries = [...new Set([...fails, ...answered, ...chosen.filter((c) => c.match.prepared.entry.conclusion === 'notCovered')].map((c) => c.match.prepared.entry.id))];
    return { response: { answer: render(kb, results.map((r) => r.text), cites, note, asked), citations: cites, confidence, outOfScope: false, entries }, verified, fromEntries: true };
  }

  if (scoredTyped) return typedAnswer(scoredTyped);
  const refused = chosen[0]?.match.prepared.entry;
  // 「认定了给钱吗 补多少」: a refusal found only by its required words (多少 for the number awarded) is no
  // closer to the question than the topic the question names and the refusal never speaks of (money).
  const named = byGuardsOnly && refused ? topicOf(kb, q, false, found) : undefined;
  const ownWords = named && refused ? norm([...refused.questions, refused.answer].join('\n')) : '';
  const namedElsewhere = named !== undefined && !namedKeywords(kb, named, q, found).some((k) => ownWords.includes(k));
  // A topic the notice leaves out may still sit next to a clause it has ("公示" after 四(三)'s
  // 初审、核查、推荐): that clause is quoted, so the refusal says what the notice does say.
  if (refused?.conclusion === 'notCovered' && !namedElsewhere) {
    const related = refused.clauses.find((c) => c !== kb.data.intents.outOfScope.citation);
    // The refusal is this entry's answer (written to say the notice leaves the topic out): the log names the entry.
    return response({ ...outOfScope(kb, { id: refused.id, label: refused.topic!, related, needles: refused.quotes.filter((x) => x.clause === related).map((x) => x.find) }), entries: [refused.id] });
  }
  const topic = topicOf(kb, q, false, found);
  if (topic) return response(outOfScope(kb, topic));
  // 「SCADA需要吗」 with no entry on it: the element conditions still say, category by category.
  const typed = perType(kb, q);
  if (typed) return typedAnswer(typed);
  // 「APC是车间的还是流程型工厂的」 with no entry on it: the categories offered are told apart by where the lexicon
  // says the notice names it, quoted, as an entry's bare verdict would be.
  const choice = chosenCategory(kb, q, { text: '', citations: [] });
  if (choice.text) {
    const cites = oncePerClause(choice.citations, (id) => kb.clause(id)?.text);
    return { response: { answer: render(kb, [choice.text], cites, note), citations: cites, confidence: INTENT_CONFIDENCE, outOfScope: false }, verified: null, byRule: true };
  }
  // 「有什么加分项」 names nothing the notice speaks of: that it gives no scores, who decides and the one preference it
  // states are the whole answer.
  if (scoringAsked(kb, q)) {
    const said = [{ text: '', citations: [] as Citation[] }];
    scoringNoted(kb, said, 0, q);
    if (said[0]!.citations.length > 0) return { response: { answer: render(kb, [said[0]!.text], said[0]!.citations, note), citations: said[0]!.citations, confidence: INTENT_CONFIDENCE, outOfScope: false }, verified: null, byRule: true };
  }

  const { hits, confidence } = kb.retriever.search(q, 6);
  if (hits.length === 0 || confidence < kb.data.intents.outOfScope.minConfidence) return response(outOfScope(kb, null));
  const top = hits[0]!.score;
  const cites: Citation[] = [];
  for (const h of hits.filter((x, i) => i === 0 || x.score >= top * 0.4)) {
    if (cites.length >= MAX_CITATIONS) break;
    // A bare heading says nothing when quoted: its first item stands for it, and one with no items is no evidence.
    const clause = isHeadingOnly(h.clause) ? kb.children(h.clause.id)[0] : h.clause;
    if (!clause || cites.some((c) => c.clause === clause.id)) continue;
    const quote = quoteFromPassage(clause, clause === h.clause ? h.passages[0] : undefined, q);
    if (quote) cites.push({ clause: clause.id, title: clause.title, quote });
  }
  if (cites.length === 0) return response(outOfScope(kb, null));
  const { unit, phone } = kb.data.facts.contact;
  const lead = fill(kb.data.intents.answerText.fallback, { unit, phone });
  return response({ answer: render(kb, [lead], cites, note), citations: cites, confidence: Math.min(0.6, Math.round(confidence * 100) / 100), outOfScope: false });
}
