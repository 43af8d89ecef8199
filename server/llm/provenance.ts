import { longestRun } from './grounding';

/**
 * Number provenance for model-written drafts: every number in the text must come from the
 * enterprise's facts or from a value the server computed. Digits glued to Latin letters
 * ("5G", "ISO9001", "IATF16949", "OPC UA") are names, not quantities, and are skipped.
 */

const NUMBER = /(?<![A-Za-z0-9.])\d+(?:\.\d+)?(?![A-Za-z0-9])/g;

/** "92.0" and "92" are the same figure; "1,200" is "1200". */
export function normaliseNumber(s: string): string {
  let t = s.replace(/,/g, '');
  if (t.includes('.')) t = t.replace(/0+$/, '').replace(/\.$/, '');
  t = t.replace(/^0+(?=\d)/, '');
  return t;
}

export function numbersIn(text: string): string[] {
  return (text.replace(/(\d),(?=\d{3})/g, '$1').match(NUMBER) ?? []).map((n) => n);
}

/** Every number that appears anywhere in a JSON value: numbers themselves and digit runs inside strings. */
export function numbersOf(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'number' && Number.isFinite(value)) {
    into.add(normaliseNumber(String(value)));
    // A fact of 0.82 may be written as 82 (%), and 13500 万元 as 1.35 亿元: both are the same fact.
    into.add(normaliseNumber(String(Math.round(value * 100 * 1e6) / 1e6)));
    into.add(normaliseNumber(String(Math.round((value / 10000) * 1e6) / 1e6)));
  } else if (typeof value === 'string') {
    for (const n of value.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? []) into.add(normaliseNumber(n));
  } else if (Array.isArray(value)) {
    for (const v of value) numbersOf(v, into);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) numbersOf(v, into);
  }
  return into;
}

/** Numbers in `text` that are not in `allowed` (normalised), each listed once, in order of appearance. */
export function unsourcedNumbers(text: string, allowed: Set<string>): string[] {
  const out: string[] = [];
  for (const n of numbersIn(text)) {
    const k = normaliseNumber(n);
    if (!allowed.has(k) && !out.includes(n)) out.push(n);
  }
  return out;
}

/** Marks each unsourced number in place so a reviewer sees it: 120〔待核实〕. */
export function markNumbers(text: string, bad: string[]): string {
  if (!bad.length) return text;
  const set = new Set(bad);
  return text.replace(NUMBER, (n) => (set.has(n) ? `${n}〔待核实〕` : n));
}

const REQUEST = /〔[^〕]*〕/g;

/** Words that state how far something is built; the model may use them only where the enterprise did. */
const STATUS_WORDS = ['部分', '正在建设', '尚未', '全面投用', '试运行', '已建成'];

export interface ClaimSentence {
  text: string;
  facts: string[];
}

/** Leaves of the facts object by path ("form.workshops.0.name"), for tracing claims to the fact that states them. */
function leaves(value: unknown, path: string, out: { path: string; value: string | number | boolean }[] = []) {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, path ? `${path}.${i}` : String(i), out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  return out;
}

function mentionsWord(text: string, term: string): boolean {
  if (!/^[A-Za-z]/.test(term)) return text.includes(term);
  return new RegExp(`(?<![A-Za-z])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(text);
}

/**
 * Words a fluent rewrite may add without claiming anything: subjects, connectives, particles and the
 * verbs of having or using a system, whose object must itself trace to a fact. Words that state a
 * level, an achievement or a completion (「全流程」「省级」「称号」「领先」「建成」) are deliberately absent.
 */
const FRAMING_WORDS = [
  '本公司', '我公司', '公司', '本企业', '企业', '本工厂', '工厂', '本车间', '车间', '项目', '集团',
  '目前', '当前', '现已', '现有', '已经', '此外', '另外', '同时', '其中', '以及', '并且', '从而', '进而', '进一步', '通过', '依托', '借助', '基于', '围绕', '结合',
  '应用', '采用', '利用', '使用', '运用', '部署', '引入', '配备', '配置', '搭建', '具有', '拥有', '实现', '开展', '进行', '推进', '支持', '支撑', '能够', '可以',
  '获得', '荣获', '被评为', '被认定为',
  '主要', '相关', '各类', '具体', '情况', '如下', '方面', '方式', '环节', '过程', '工作', '生产', '管理', '系统', '平台', '设备', '数据', '信息',
  '万元', '亿元', '台套', '人民币', '分别',
  // One-character connectives and particles, so that a one-character fact between them (「水、电和蒸汽」) stays traced.
  '和', '与', '及', '或', '并', '等', '的', '了', '已', '均', '各', '在', '对', '为', '将', '由', '从', '于', '是', '也', '还', '其', '之', '中',
];

const FRAMING = FRAMING_WORDS.map((w) => Array.from(w));

/** One character that widens a traced claim (「全」流程, 「首」台, 「最」先进) is a claim even alone. */
const SCOPE_CHARS = ['全', '首', '最'];

/** A run of this many or more untraced characters in a sentence is a claim of its own. */
const MIN_UNTRACED = 2;

export interface Untraced {
  sentence: string;
  /** The runs of the sentence that no fact, no offline-draft sentence and no framing word accounts for. */
  spans: string[];
}

/**
 * Free-form provenance of one sentence: each character must lie in a run of two or more characters
 * found verbatim in a source (a fact the enterprise gave, or a sentence of the offline draft that rests
 * on facts), or in a framing word. Figures are checked separately, and a request 〔请补充：…〕 claims
 * nothing, so both are left out here. What remains untraced, in runs of MIN_UNTRACED or more, is a claim
 * with no source: 「全流程数字孪生」, 「省级…称号」. Returns the untraced runs and the facts of the sources
 * that cover the rest.
 */
export function traceSentence(text: string, sources: { text: string; facts: string[] }[]): { spans: string[]; facts: string[] } {
  const chars = Array.from(text.replace(REQUEST, ' '));
  const n = chars.length;
  // Characters that carry no claim of their own: punctuation, spaces, and figures (checked on their own).
  const neutral = chars.map((c) => /[\s\p{P}\p{S}\d.%]/u.test(c));
  const covered = neutral.slice();
  const facts = new Set<string>();
  const all = sources.map((s) => s.text).join('\u0000');
  for (let i = 0; i < n; i++) {
    if (neutral[i]) continue;
    // The longest run from i found in a source; only the covering source's facts are recorded.
    const best = longestRun(chars, neutral, i, all);
    if (best < 2) continue;
    const run = chars.slice(i, i + best).join('');
    for (let k = i; k < i + best; k++) covered[k] = true;
    const src = sources.find((s) => s.text.includes(run));
    for (const f of src?.facts ?? []) facts.add(f);
  }
  for (const w of FRAMING) {
    for (let i = 0; i + w.length <= n; i++) if (w.every((c, k) => chars[i + k] === c)) for (let k = i; k < i + w.length; k++) covered[k] = true;
  }
  const spans: string[] = [];
  let run = '';
  for (let i = 0; i <= n; i++) {
    if (i < n && !covered[i]) run += chars[i];
    else {
      if (Array.from(run).length >= MIN_UNTRACED || SCOPE_CHARS.includes(run)) spans.push(run);
      run = '';
    }
  }
  return { spans, facts: [...facts] };
}

/** The words that name one figure of the form and the units it is written in; see numberLabels in forms/draft. */
export interface NumberLabel {
  /** The fact's path, with {year} for a year's figure and {i} for any workshop: 「form.finance.{year}.revenue」. */
  path: string;
  words: string[];
  units: string[];
}

/** What a figure in a sentence is stated as: the label its words name, and the year it is given for. */
interface Binding {
  label: NumberLabel;
  year?: string;
}

const CLAUSE_END = /[，。；：！？,;:!?]/;
/** Characters allowed between a label and its figure: 「营业收入为」, 「研发人员共有」, 「注册资本人民币」. */
const MAX_LABEL_GAP = 6;

/** Every occurrence of a label word in text[from, to), the longest where two end at the same place. */
function labelHits(text: string, from: number, to: number, labels: NumberLabel[], unit: string) {
  const hits: { label: NumberLabel; start: number; end: number }[] = [];
  for (const label of labels) {
    if (!label.units.includes(unit)) continue;
    for (const w of label.words)
      for (let i = text.indexOf(w, from); i >= 0 && i + w.length <= to; i = text.indexOf(w, i + 1)) hits.push({ label, start: i, end: i + w.length });
  }
  // Longest first at each end, then by position; overlapping shorter hits (「利润」 in 「利润总额」) are dropped.
  hits.sort((a, b) => a.end - b.end || b.end - b.start - (a.end - a.start));
  const out: typeof hits = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && h.start < last.end) {
      if (h.end - h.start > last.end - last.start && h.end >= last.end) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/**
 * The fact a figure at `at` is stated as, read from the words before it in its clause: the label nearest
 * before it whose unit is the one written after it (「研发人员96人」 is rnd.staff, 「营业收入86000万元」 revenue),
 * and for a year's figure the year nearest before it in the sentence. In a list with 分别 (「2020年、2021年、
 * 2022年营业收入分别为…」, 「营业收入、利润分别为…」) the figures are matched to the years or labels in order.
 * A figure with no label next to it, or in a unit no label has, is bound to nothing.
 */
function bindNumber(text: string, at: number, n: string, labels: NumberLabel[]): Binding | null {
  const unit = /^(万元|亿元|元|万|亿|人|名|项|件|台|套)/.exec(text.slice(at + n.length))?.[1];
  if (!unit) return null;
  let start = at;
  while (start > 0 && !CLAUSE_END.test(text[start - 1]!)) start--;
  const yearsIn = (a: number, b: number) => [...text.slice(a, b).matchAll(/(\d{4})年/g)].map((m) => m[1]!);
  const series = text.lastIndexOf('分别', at);
  if (series >= start) {
    const hits = labelHits(text, start, series, labels, unit);
    const figures = [...text.slice(series, text.slice(series).search(CLAUSE_END) < 0 ? text.length : series + text.slice(series).search(CLAUSE_END)).matchAll(/\d+(?:\.\d+)?(?=万元|亿元|元|万|亿|人|名|项|件|台|套)/g)].map((m) => series + m.index!);
    const k = figures.indexOf(at);
    if (k < 0 || !hits.length) return null;
    // The last list of years before 分别, in its clause or the one before (「2020年、2021年、2022年，公司营业收入分别为…」).
    const lists = [...text.slice(0, series).matchAll(/\d{4}年度?(?:[、和及与]\d{4}年度?)*/g)];
    const years = [...(lists.at(-1)?.[0] ?? '').matchAll(/(\d{4})年/g)].map((m) => m[1]!);
    if (hits.length === figures.length && hits.length > 1) return { label: hits[k]!.label, year: yearsIn(0, series).at(-1) };
    if (years.length === figures.length) return { label: hits[hits.length - 1]!.label, year: years[k] };
    return null;
  }
  const hits = labelHits(text, start, at, labels, unit);
  const near = hits[hits.length - 1];
  if (!near || at - near.end > MAX_LABEL_GAP || /\d/.test(text.slice(near.end, at))) return null;
  return { label: near.label, year: yearsIn(0, at).at(-1) };
}

/** Whether a fact's path is the label's, for the year given (any year when none is). */
function pathFits(path: string, b: Binding): boolean {
  const re = new RegExp(`^${b.label.path.replace(/[.]/g, '\\.').replace('{year}', '(\\d{4})').replace('{i}', '\\d+')}$`);
  const m = re.exec(path);
  return !!m && (!b.label.path.includes('{year}') || !b.year || m[1] === b.year);
}

/** Whether `text` states the figure `k` as the same fact as `b` somewhere: the same label, the year given or open. */
function statesAs(text: string, k: string, b: Binding, labels: NumberLabel[]): boolean {
  for (const m of text.replace(/(\d),(?=\d{3})/g, '$1').matchAll(NUMBER)) {
    if (normaliseNumber(m[0]) !== k) continue;
    const other = bindNumber(text.replace(/(\d),(?=\d{3})/g, '$1'), m.index!, m[0], labels);
    if (other && other.label.path === b.label.path && (!b.year || !other.year || other.year === b.year)) return true;
  }
  return false;
}

/** Words that state how far something is: a model's sentence may not state more than its source does. */
const DONE_WORDS = ['建成', '投用', '投入使用', '投产', '上线', '实现', '应用', '全面', '全部', '完成', '已建'];
// 「计划」 alone is no status: it is in 企业资源计划系统 and 作业计划.
const NOT_DONE_WORDS = ['规划', '启动', '在建', '建设中', '正在', '试用', '试运行', '试点', '部分', '计划建设', '计划于', '计划在', '计划实施', '拟建', '拟于', '筹建', '逐步', '准备', '开始', '尚未', '局部'];
/** Words that keep a partly confirmed capability partial. */
const PARTIAL_WORDS = ['部分', '局部', '试点', '试用', '试运行', '在建', '正在', '个别', '少数', '逐步'];
/** Verbs that claim something is in place; their object must trace to a fact. */
const CLAIM_VERBS = ['实现', '建成', '建设了', '建立', '建有', '应用', '采用', '部署', '上线', '投用', '搭建', '打通', '具备', '配备', '完成'];
/** The titles this programme awards, by the prior-title fact that would state them held. */
const TITLES: [string, string][] = [['智能车间', 'smartWorkshop'], ['智能工厂', 'smartFactory']];
/** Words that state a title as held, not applied for. */
const HELD = /被评为|评为|获评|荣获|获得|认定为|被认定|授予|入选|称号|命名为|列入|获批/;

/** The longest run from each position of `text` found verbatim in `all` (two characters or more), as traceSentence reads them. */
function runsIn(text: string, all: string): { start: number; end: number; text: string }[] {
  const chars = Array.from(text);
  if (chars.length !== text.length) return [];
  const neutral = chars.map((c) => /[\s\p{P}\p{S}\d.%]/u.test(c));
  const out: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (neutral[i]) continue;
    let best = 0;
    for (let len = 2; i + len <= chars.length && !neutral[i + len - 1]; len++) {
      if (!all.includes(text.slice(i, i + len))) break;
      best = len;
    }
    // A run inside the one before it (「字化工厂」 in 「数字化工厂」) is no claim of its own.
    if (best >= 2 && !(out.length && i + best <= out[out.length - 1]!.end)) out.push({ start: i, end: i + best, text: text.slice(i, i + best) });
  }
  return out;
}

/** The clauses of a text, as [start, end) spans: a status or a claim is read clause by clause. */
function clausesOf(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || CLAUSE_END.test(text[i]!)) {
      if (i > start) out.push({ start, end: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return out;
}

/**
 * Claim-by-claim provenance of a model-written text. Each sentence's claims — figures, named systems,
 * words of status, and every other run of words (a capability, a level, an achievement) — must each be
 * stated by the offline draft (whose sentences carry their facts) or by a fact itself; the sentence then
 * carries those facts. A claim with no source is returned in `unsupported`, the sentences holding one in
 * `untraced`, and the caller falls back to the offline draft.
 */
export function attributeClaims(
  sentences: string[],
  offline: ClaimSentence[],
  facts: unknown,
  terms: Record<string, string[]>,
  labels: NumberLabel[] = [],
): { sentences: ClaimSentence[]; unsupported: string[]; untraced: Untraced[] } {
  const factLeaves = leaves(facts, '');
  const unsupported: string[] = [];
  const untraced: Untraced[] = [];
  // A request 〔请补充：…〕 names what is missing; it claims nothing and supports nothing.
  const bare = (t: string) => t.replace(REQUEST, '');
  const drafted = offline.map((s) => ({ text: bare(s.text), facts: s.facts, framing: !s.facts.length }));
  // What the enterprise said, and what the offline draft built from it.
  const sources = [
    ...drafted.filter((s) => !s.framing),
    ...factLeaves.filter((l) => typeof l.value === 'string' && !l.path.startsWith('capabilities.')).map((l) => ({ text: l.value as string, facts: [l.path] })),
    // A system the enterprise confirmed may be called by any of its names: 「MES」 is 「制造执行系统」.
    ...factLeaves
      .filter((l) => /^capabilities\.\w+$/.test(l.path) && (l.value === true || l.value === 'partial'))
      .flatMap((l) => (terms[l.path.slice(13)] ?? []).map((t) => ({ text: t, facts: [l.path] }))),
  ];
  // The offline draft's framing around its requests (「公司营业收入分别为〔请补充：营业收入〕」) may be kept by a
  // sentence that keeps a request too; it is never a source for a sentence that claims without one.
  const withFraming = [...sources, ...drafted.filter((s) => s.framing)];
  const all = sources.map((s) => s.text).join('\u0000');
  const allSources = sources.map((s) => s.text).join('\u0000');
  const allWithFraming = withFraming.map((s) => s.text).join('\u0000');
  // Every clause of every source, for the status a traced phrase has where the enterprise stated it.
  const sourceClauses = sources.flatMap((s) => clausesOf(s.text).map((c) => c.text));
  const capability = (cap: string) => factLeaves.find((l) => l.path === `capabilities.${cap}`)?.value;
  const stringFacts = factLeaves.filter((l) => typeof l.value === 'string' && !l.path.startsWith('capabilities.')).map((l) => l.value as string);

  /**
   * What a clause claims beyond its words' bigrams: a status stronger than its source's (「启动…规划」 →
   * 「建成」), a partly confirmed system written as a whole one, the title this programme awards written as
   * held, and a claim verb (实现, 建成, 应用 …) whose object no fact states.
   */
  const claimsOfClauses = (text: string, keepsRequest: boolean, reject: (claim: string) => void) => {
    // As in traceSentence: the offline draft's framing around a request counts only for a sentence that keeps one.
    const all = keepsRequest ? allWithFraming : allSources;
    const runs = runsIn(text, all);
    const chars = Array.from(text);
    const framed = chars.map((c) => /[\s\p{P}\p{S}\d.%]/u.test(c));
    for (const w of FRAMING) for (let i = 0; i + w.length <= chars.length; i++) if (w.every((c, k) => chars[i + k] === c)) for (let k = i; k < i + w.length; k++) framed[k] = true;
    // Where a confirmed or partly confirmed system is named: its words are a fact's.
    const termAt: { start: number; end: number; cap: string; word: string }[] = [];
    for (const [cap, words] of Object.entries(terms))
      if (capability(cap) === true || capability(cap) === 'partial')
        for (const w of words) for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) if (mentionsWord(text.slice(Math.max(0, i - 1), i + w.length + 1), w)) termAt.push({ start: i, end: i + w.length, cap, word: w });
    const inTerm = (p: number) => termAt.some((t) => p >= t.start && p < t.end);
    const longest = (p: number) => Math.max(0, ...runs.filter((r) => r.start <= p && p < r.end).map((r) => r.end - r.start));
    for (const c of clausesOf(text)) {
      const ct = c.text;
      // The title applied for, written as held: only a prior title the enterprise gave may be.
      if (HELD.test(ct))
        for (const [word, id] of TITLES)
          if (ct.includes(word) && !factLeaves.some((l) => (/^enterprise\.priorTitles(\.\d+)?$/.test(l.path) && l.value === id) || (/^form\.honours\.\d+$/.test(l.path) && typeof l.value === 'string' && l.value.includes(word))))
            reject(`${word}称号`);
      const notDone = NOT_DONE_WORDS.some((w) => ct.includes(w));
      // A status no stronger than the source's: what the enterprise planned or started is not written as built.
      const done = DONE_WORDS.find((w) => ct.includes(w));
      if (done && !notDone)
        for (const r of runs) {
          if (r.start < c.start || r.end > c.end) continue;
          if (Array.from(r.text).every((_x, k) => framed[r.start + k])) continue;
          const stated = sourceClauses.filter((sc) => sc.includes(r.text));
          if (stated.length && stated.every((sc) => NOT_DONE_WORDS.some((w) => sc.includes(w)))) reject(r.text.startsWith(done) ? r.text : `${done}${r.text}`);
        }
      // A partly confirmed system stays partial, unless the clause is the enterprise's own words about it.
      for (const t of termAt) {
        if (t.start < c.start || t.end > c.end || capability(t.cap) !== 'partial' || PARTIAL_WORDS.some((w) => ct.includes(w))) continue;
        const own = runs.some((r) => r.start <= t.start && r.end >= t.end && r.end - r.start > t.end - t.start && stringFacts.some((f) => f.includes(r.text)));
        if (!own) reject(`${t.word}（部分）`);
      }
      // A claim verb's object must be a fact's: framing words alone claim nothing a fact states, and a phrase
      // assembled from bigrams of unrelated facts (「平台一体化」 from an address's 「一体化」) is no fact's phrase.
      const verbs: { at: number; verb: string }[] = [];
      for (const v of CLAIM_VERBS) for (let i = ct.indexOf(v); i >= 0; i = ct.indexOf(v, i + 1)) if (!inTerm(c.start + i)) verbs.push({ at: i, verb: v });
      verbs.sort((a, b) => a.at - b.at);
      verbs.forEach(({ at, verb }, k) => {
        const from = at + verb.length;
        const to = verbs.slice(k + 1).find((x) => x.at >= from)?.at ?? ct.length;
        const object = ct.slice(from, to).replace(/^[了的]+/, '');
        const start = c.start + to - object.length;
        if (!object.trim() || all.includes(verb + object)) return;
        const positions = Array.from(object, (_x, j) => start + j);
        const content = positions.filter((p) => !framed[p] && !inTerm(p));
        const named = positions.some((p) => inTerm(p));
        if (!content.length && !named) return reject(`${verb}${object}`);
        // Each run of words between punctuation must be one fact's phrase, not bigrams of several.
        for (const p of content) {
          let a = p;
          let b = p;
          while (a > start && !/[\s\p{P}\p{S}\d.%]/u.test(text[a - 1]!)) a--;
          while (b + 1 < start + object.length && !/[\s\p{P}\p{S}\d.%]/u.test(text[b + 1]!)) b++;
          if (longest(p) < Math.min(4, b - a + 1)) return reject(`${verb}${object}`);
        }
      });
    }
  };

  const out = sentences.map((full) => {
    // A sentence the offline draft has word for word (a heading, a request, a claim with its facts) is that sentence.
    const same = offline.find((s) => s.text === full);
    if (same) return { text: full, facts: [...same.facts] };
    const text = bare(full);
    const ids = new Set<string>();
    const missing: string[] = [];
    const support = (claim: string, byOffline: (s: ClaimSentence) => boolean, byFact: (l: (typeof factLeaves)[number]) => boolean, framingToo = false) => {
      const o = drafted.filter((s) => (framingToo || !s.framing) && byOffline(s));
      const f = factLeaves.filter(byFact);
      for (const s of o) for (const id of s.facts) ids.add(id);
      for (const l of f) ids.add(l.path);
      if (!o.length && !f.length) {
        unsupported.push(`${claim}（${full}）`);
        missing.push(claim);
      }
    };
    // A figure stated as a fact (「研发人员620人」, 「2022年营业收入68000万元」) must be that fact's, not any fact's with the same digits.
    const boundYears = new Set<string>();
    const flat = text.replace(/(\d),(?=\d{3})/g, '$1');
    for (const m of flat.matchAll(NUMBER)) {
      const b = bindNumber(flat, m.index!, m[0], labels);
      if (!b) continue;
      const k = normaliseNumber(m[0]);
      // A figure no fact holds at all is reported as such by the check below; here only one that is another fact's.
      const anywhere = factLeaves.some((l) => (typeof l.value === 'number' || typeof l.value === 'string') && numbersOf(l.value).has(k)) || drafted.some((d) => numbersIn(d.text).some((x) => normaliseNumber(x) === k));
      if (!anywhere) continue;
      const stated = factLeaves.filter((l) => typeof l.value === 'number' && pathFits(l.path, b) && numbersOf(l.value).has(k));
      for (const l of stated) ids.add(l.path);
      const byFact = stated.length > 0;
      const bySource = [...drafted.filter((d) => !d.framing).map((d) => d.text), ...factLeaves.filter((l) => typeof l.value === 'string').map((l) => l.value as string)].some((t) => statesAs(t, k, b, labels));
      // The year of a figure that is that year's fact (「2021年营业收入76500万元」) is the fact's year.
      if ((byFact || bySource) && b.year) boundYears.add(b.year);
      if (!byFact && !bySource && !missing.includes(m[0])) {
        const what = `${b.year ? `${b.year}年` : ''}${b.label.words[0]}${m[0]}`;
        unsupported.push(`${what}（${full}）`);
        missing.push(what);
      }
    }
    for (const n of numbersIn(text)) {
      const k = normaliseNumber(n);
      if (boundYears.has(k)) continue;
      support(
        n,
        (s) => numbersIn(s.text).some((x) => normaliseNumber(x) === k),
        (l) => (typeof l.value === 'number' ? numbersOf(l.value).has(k) : typeof l.value === 'string' && numbersOf(l.value).has(k)),
        // Every number of the offline draft is traced there, the form's own years (2020—2022) included.
        true,
      );
    }
    for (const [cap, words] of Object.entries(terms)) {
      const hits = words.filter((w) => mentionsWord(text, w));
      if (!hits.length) continue;
      // 「制造执行系统（MES）」 and 「MES」 are one claim: any of its words stated by a fact supports it.
      support(
        hits[0]!,
        (s) => hits.some((h) => mentionsWord(s.text, h)),
        (l) => (l.path === `capabilities.${cap}` && (l.value === true || l.value === 'partial')) || (typeof l.value === 'string' && !l.path.startsWith('capabilities.') && hits.some((h) => mentionsWord(l.value as string, h))),
      );
    }
    for (const w of STATUS_WORDS) if (text.includes(w)) support(w, (s) => s.text.includes(w), (l) => typeof l.value === 'string' && !l.path.startsWith('capabilities.') && l.value.includes(w));
    claimsOfClauses(text, text !== full, (claim) => {
      if (missing.includes(claim)) return;
      unsupported.push(`${claim}（${full}）`);
      missing.push(claim);
    });
    const traced = traceSentence(text, text === full ? sources : withFraming);
    for (const id of traced.facts) ids.add(id);
    for (const span of traced.spans) if (!missing.some((m) => m.includes(span))) {
      unsupported.push(`${span}（${full}）`);
      missing.push(span);
    }
    if (missing.length) untraced.push({ sentence: full, spans: missing });
    return { text: full, facts: [...ids] };
  });
  return { sentences: out, unsupported, untraced };
}
