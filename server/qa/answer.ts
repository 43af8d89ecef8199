import type { AskResponse, Citation } from '../schemas/ask';
import type { KnowledgeBase } from '../knowledge/base';
import type { Clause } from '../knowledge/schemas/clauses';
import type { IntentsFile, Region } from '../knowledge/schemas/notice-data';
import { normalise } from '../retrieval/tokenize';

/**
 * Offline, cited answers. Order of decisions:
 *  1. a topic the notice does not cover → outOfScope with the helpline (never invented content);
 *  2. a question structured data answers exactly (quota, deadline, video, photos, re-application,
 *     applications per year, helpline) → a direct answer from facts.json / regions.json;
 *  3. otherwise retrieval → the rule quoted from the best clauses, or outOfScope when nothing covers it.
 * Pure and synchronous: all wording lives in knowledge/<version>/intents.json.
 */

type Intent = IntentsFile['intents'][number];

const INTENT_CONFIDENCE = 0.95;
const MAX_CITATIONS = 4;
const MAX_QUOTE = 160;

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
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

// Every keyword the Q&A data can ask about, indexed by first character: one pass over the
// question finds them all, instead of one substring search per keyword.
const keywordIndex = new WeakMap<KnowledgeBase, Map<string, string[]>>();

function indexOf(kb: KnowledgeBase): Map<string, string[]> {
  let index = keywordIndex.get(kb);
  if (index) return index;
  const { intents, regions, industries } = kb.data;
  const words = new Set<string>([
    ...intents.outOfScope.topics.flatMap((t) => t.keywords),
    ...intents.intents.flatMap((i) => [...i.trigger.flat(), ...(i.none ?? []), ...(i.regionTrigger ?? [])]),
    ...regions.regions.flatMap((r) => [r.name, r.short, ...r.aliases]),
    ...industries.divisions.flatMap((d) => [d.name, ...(d.aliases ?? [])]),
  ]);
  index = new Map();
  for (const w of words) {
    const n = norm(w);
    if (!n) continue;
    const list = index.get(n[0]!) ?? [];
    list.push(n);
    index.set(n[0]!, list);
  }
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
  const index = indexOf(kb);
  const found: Found = new Map();
  for (let i = 0; i < q.length; i++) {
    for (const w of index.get(q[i]!) ?? []) {
      if (!q.startsWith(w, i)) continue;
      const at = found.get(w);
      if (at) at.push(i);
      else found.set(w, [i]);
    }
  }
  return found;
}

function has(found: Found, words: readonly string[]): boolean {
  return words.some((w) => found.has(norm(w)));
}

const suffixPattern = new Map<string, RegExp>();

function triggered(found: Found, intent: Intent): boolean {
  if (intent.none && has(found, intent.none)) return false;
  return intent.trigger.every((group) => has(found, group));
}

const NUMBERING = /^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)\s*/u;

/** A quote reads as the rule itself: no leading clause number, at most MAX_QUOTE characters. */
function clip(text: string): string {
  const t = text.replace(NUMBERING, '');
  return t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE)}……` : t;
}

/** The sentence(s) of a clause that contain the needle; the first sentence when none does. */
function quoteOf(kb: KnowledgeBase, id: string, needles: readonly string[] = []): string {
  const sentences = kb.retriever.sentences(id);
  const title = kb.clause(id)?.title ?? '';
  // "五、联系方式" merges with its only line; the quote is the line, not the heading.
  const untitled = (q: string) => (title && q.startsWith(`${title} `) ? q.slice(title.length + 1) : q);
  for (const n of needles) {
    const s = sentences.find((x) => x.includes(n));
    if (s) return untitled(clip(s));
  }
  return untitled(clip(sentences[0] ?? title));
}

function cite(kb: KnowledgeBase, id: string, needles: readonly string[] = []): Citation | null {
  const c = kb.clause(id);
  if (!c) return null;
  return { clause: c.id, title: c.title, quote: quoteOf(kb, id, needles) };
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

/** Regions named in the question; a name inside a longer matched name does not count (新乡 in 新乡县). */
export function findRegions(kb: KnowledgeBase, question: string, found?: Found): RegionMatch[] {
  const q = normalise(question);
  const hits = found ?? scan(kb, q);
  const { rules } = kb.data.regions;
  const spans: { start: number; end: number; region: Region }[] = [];
  const byTerm = regionTermsOf(kb);
  for (const [term, at] of hits) {
    for (const r of byTerm.get(term) ?? []) for (const start of at) spans.push({ start, end: start + term.length, region: r });
  }
  spans.sort((a, b) => b.end - b.start - (a.end - a.start));
  const taken: { start: number; end: number }[] = [];
  const out: RegionMatch[] = [];
  for (const s of spans) {
    if (taken.some((t) => s.start < t.end && t.start < s.end)) continue;
    taken.push(s);
    if (!out.some((o) => o.region === s.region)) out.push({ name: s.region.name, region: s.region, kind: s.region.kind, group: s.region.group });
  }
  // A county the list does not know is still a 县: the rule, not the list, decides its quota.
  for (const rule of rules) {
    let re = suffixPattern.get(rule.suffix);
    if (!re) suffixPattern.set(rule.suffix, (re = new RegExp(`(\\p{Script=Han}{1,3})${rule.suffix}`, 'gu')));
    for (const m of q.matchAll(re)) {
      const start = m.index!;
      const name = m[0];
      if (/^(各|每|个|本|该|全|省|市|区|的|和|或|及|在|哪)/u.test(m[1]!.slice(-1)) || /[各每个本该全]/u.test(m[1]![0]!)) continue;
      if (taken.some((t) => start < t.end && t.start < start + name.length)) continue;
      taken.push({ start, end: start + name.length });
      out.push({ name, kind: rule.kind, group: rule.group });
    }
  }
  if (out.length === 0) {
    const d = q.match(/(\p{Script=Han}{2,4})区/u);
    if (d && !/示范|港|地|园|社/u.test(d[1]!)) out.push({ name: `${d[1]}区`, kind: '市辖区' });
  }
  return out;
}

// ---------- answers ----------

function outOfScope(kb: KnowledgeBase, topic: { label: string; related?: string } | null): AskResponse {
  const oos = kb.data.intents.outOfScope;
  const { unit, phone } = kb.data.facts.contact;
  const related = topic?.related ? cite(kb, topic.related) : null;
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
  return { answer, citations: cites, confidence: topic ? INTENT_CONFIDENCE : 0.2, outOfScope: true };
}

function quotaAnswer(kb: KnowledgeBase, intent: Intent, regions: RegionMatch[]): { text: string; cites: [string, string[]][] } {
  const { groups, overQuota, clause } = kb.data.regions;
  const all = groups.map((g) => `${g.label}不多于${g.max}家`).join('；');
  const parts: string[] = [];
  const needles: string[] = [];
  for (const r of regions) {
    const g = groups.find((x) => x.id === r.group);
    if (!g) {
      parts.push(fill(intent.districtAnswer ?? '{all}', { name: r.name, all }));
      continue;
    }
    needles.push(g.quote);
    // "郑州市属于“郑州市”" says nothing: name the group only when it is not the region itself.
    const groupPart = g.label === r.name ? '' : fill(intent.groupPart ?? '', { groupLabel: g.label });
    let text = fill(intent.regionAnswer ?? '', { name: r.name, groupPart, max: g.max });
    if (r.kind === '县' || r.kind === '县级市') {
      text += fill(intent.countyNote ?? '', { name: r.name, prefecture: r.region?.prefecture ?? '所在省辖市', kind: r.kind === '县' ? '县' : '县级市' });
    }
    parts.push(text);
  }
  if (parts.length === 0) parts.push(fill(intent.allAnswer ?? '{all}', { all, overQuota }));
  return { text: parts.join(''), cites: [[clause, needles.length ? needles : ['不多于']]] };
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
  return best;
}

const TYPICAL: Record<Division['prior'], string> = { discrete: '按离散型', process: '按流程型', mixed: '兼有离散和流程特征' };

function reapplicationHolder(q: string): '智能车间' | '智能工厂' | 'both' {
  const titled = q.match(/(车间|工厂)[^，,。？?车工]{0,4}(称号|荣誉|认定|资格|名号)/u);
  if (titled) return titled[1] === '车间' ? '智能车间' : '智能工厂';
  const got = q.search(/获批|批了|通过认定|认定了|评定为|入选|获得|已获|获评|评上|认定过|拿到|拿过|取得过|被评为|已经是|获过|评过|认定为|被认定|已认定|评为|授牌|挂牌/u);
  if (got >= 0) {
    const m = q.slice(got).match(/车间|工厂/u);
    if (m) return m[0] === '车间' ? '智能车间' : '智能工厂';
  }
  return 'both';
}

function directAnswer(kb: KnowledgeBase, q: string, found: Found): AskResponse | null {
  const facts = kb.data.facts;
  const texts: string[] = [];
  const cites: [string, readonly string[]][] = [];
  const regions = findRegions(kb, q, found);
  const fired = new Set(kb.data.intents.intents.filter((i) => triggered(found, i)).map((i) => i.id));
  for (const intent of kb.data.intents.intents) {
    // "洛阳市最晚几号交材料" names a city but asks for the deadline: a region alone asks for a quota
    // only when nothing else was asked.
    const regionQuota =
      intent.id === 'quota' && fired.size === 0 && regions.length > 0 && has(found, intent.regionTrigger ?? []) && !(intent.none && has(found, intent.none));
    if (!fired.has(intent.id) && !regionQuota) continue;
    switch (intent.id) {
      case 'industryType': {
        const industry = findIndustry(kb, q, found);
        if (!industry) break;
        const d = industry.division;
        const typical = `${TYPICAL[d.prior]}${d.mixed && d.prior !== 'mixed' ? '（部分企业为混合型）' : ''}`;
        texts.push(fill(intent.answer ?? '', { industry: industry.said, code: d.code, name: d.name, typical, note: d.note ? `（${d.note}）` : '' }));
        const order = d.prior === 'process' ? ['三(三)', '三(二)'] : ['三(二)', '三(三)'];
        for (const id of [...order, ...(intent.clauses ?? [])]) cites.push([id, []]);
        break;
      }
      case 'reapplication': {
        const holder = reapplicationHolder(q);
        texts.push(intent.answers?.[holder] ?? '');
        cites.push([intent.clause!, [intent.quote ?? '称号']]);
        break;
      }
      case 'perYear':
        texts.push(fill(intent.answer ?? '', { perYear: facts.applications.perYear }));
        cites.push([facts.applications.clause, ['限报']]);
        break;
      case 'quota': {
        const a = quotaAnswer(kb, intent, regions);
        texts.push(a.text);
        cites.push(...a.cites);
        break;
      }
      case 'deadline': {
        for (const d of facts.deadlines) {
          texts.push(fill(intent.answer ?? '', { who: d.who, date: d.date, what: d.what }));
          cites.push([d.clause, [d.date]]);
        }
        break;
      }
      case 'format': {
        const d = facts.submission.document;
        const v = facts.submission.video;
        texts.push(fill(intent.answer ?? '', { format: d.format, includes: d.includes.join('及'), videoFormat: v.format, videoMaxMB: v.maxSizeMB }));
        for (const id of intent.clauses ?? [d.clause]) cites.push([id, ['PDF']]);
        break;
      }
      case 'video': {
        const v = facts.submission.video;
        texts.push(fill(intent.answer ?? '', { format: v.format, minResolution: v.minResolution, duration: v.duration, maxSizeMB: v.maxSizeMB, narration: v.narration }));
        for (const id of intent.clauses ?? v.clauses) cites.push([id, ['视频', 'MP4']]);
        break;
      }
      case 'photos': {
        const p = facts.submission.photos;
        const s = facts.submission.screenshots;
        texts.push(fill(intent.answer ?? '', { min: p.min, mustShow: s.mustShow.join('、'), count: s.count }));
        for (const id of intent.clauses ?? p.clauses) cites.push([id, ['照片']]);
        break;
      }
      case 'contact':
        texts.push(fill(intent.answer ?? '', { unit: facts.contact.unit, phone: facts.contact.phone }));
        cites.push([facts.contact.clause, [facts.contact.phone]]);
        break;
    }
  }
  if (texts.length === 0) return null;
  return { answer: texts.join('\n'), citations: citations(kb, cites as [string, string[]][]), confidence: INTENT_CONFIDENCE, outOfScope: false };
}

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

function quoteFromPassages(kb: KnowledgeBase, clause: Clause, passages: string[]): string {
  // A section heading ("四、相关附件") answers a "which ones" question through its items: list them.
  if (isHeadingOnly(clause)) {
    const items = kb.children(clause.id);
    if (items.length) return clip(`${clause.title}：${items.map((c) => c.title).join('；')}`);
  }
  const all = kb.retriever.sentences(clause.id);
  // The next sentence of the clause completes a bare table label ("车间建设（如有多个车间…）" → its rows).
  const next = passages[0] ? all[all.indexOf(passages[0]) + 1] : undefined;
  passages = next ? [passages[0]!, next] : passages.slice(0, 1);
  // "系统集成。 采用数据接口…": the clause's own title sentence adds nothing to the quote.
  const untitled = passages.map((p) => {
    const body = p.replace(NUMBERING, '');
    return body.startsWith(`${clause.title}。`) && body.length > clause.title.length + 2 ? body.slice(clause.title.length + 1).trim() : p;
  });
  const [first, second] = untitled;
  if (!first) return clause.title;
  // Two adjacent sentences read better than one when the first is a bare table label.
  if (second && first.replace(NUMBERING, '').length < 30 && first.length + second.length <= MAX_QUOTE) return clip(`${first} ${second}`);
  return clip(first);
}

export function answerQuestion(kb: KnowledgeBase, question: string): AskResponse {
  const q = stripFillers(kb, question);
  const oos = kb.data.intents.outOfScope;
  const found = scan(kb, q);
  const topic = oos.topics.find((t) => has(found, t.keywords));
  if (topic) return outOfScope(kb, topic);

  const direct = directAnswer(kb, q, found);
  if (direct) return direct;

  const { hits, confidence } = kb.retriever.search(q, 8);
  if (hits.length === 0 || confidence < oos.minConfidence) return outOfScope(kb, null);

  const top = hits[0]!.score;
  const kept = hits.filter((h, i) => i === 0 || h.score >= top * 0.4).slice(0, MAX_CITATIONS);

  const cites: Citation[] = kept.map((h) => ({ clause: h.clause.id, title: h.clause.title, quote: quoteFromPassages(kb, h.clause, h.passages) }));
  const [best, ...rest] = cites;
  let answer = `根据《通知》${best!.clause}（${best!.title}）的规定：“${best!.quote}”`;
  // A bare heading (三(二) "离散型智能工厂") is worth citing but says nothing when quoted in the answer.
  const also = rest.filter((c) => !c.clause.startsWith(best!.clause) && c.quote !== c.title && c.quote.length > c.title.length + 4).slice(0, 2);
  if (also.length) answer += `\n相关条款：${also.map((c) => `${c.clause}（${c.title}）：“${c.quote}”`).join('；')}`;
  return { answer, citations: cites, confidence: Math.min(0.9, Math.round(confidence * 100) / 100), outOfScope: false };
}
