import type { KnowledgeData } from '../knowledge/load';
import type { AnswerValue, Interpretation, QuestionView } from '../schemas/interview';
import type { CapabilityId } from '../schemas/profile';
import { indexOf, wordRegex } from './kb';

export type { Interpretation } from '../schemas/interview';

type Polarity = true | false | 'partial' | 'planned';

/** When answer words disagree, the more cautious one wins: 已经有但没完全上线 is partial, 还没有上线 is no. */
const STRENGTH: Record<string, number> = { partial: 4, false: 3, true: 2, planned: 1 };

interface Vocab {
  cues: RegExp | null;
  polarity: Map<string, Polarity>;
  mask: RegExp | null;
  skip: RegExp | null;
  contrast: RegExp | null;
  questionWords: RegExp | null;
  notQuestion: RegExp | null;
  others: RegExp | null;
  exceptions: RegExp | null;
  metrics: { regex: RegExp | null; byAlias: Map<string, string> };
  instructions: RegExp | null;
  registration: { question: string; cues: RegExp | null; home: RegExp | null; elsewhere: RegExp | null };
}

const vocabCache = new WeakMap<object, Vocab>();

function vocabOf(kb: KnowledgeData): Vocab {
  const hit = vocabCache.get(kb);
  if (hit) return hit;
  const v = kb.interview.vocabulary;
  const polarity = new Map<string, Polarity>();
  // Later lists do not overwrite earlier ones, so a word listed as partial stays partial.
  for (const [words, p] of [[v.partial, 'partial'], [v.no, false], [v.yes, true], [v.plannedNo, 'planned']] as [string[], Polarity][]) {
    for (const w of words) if (!polarity.has(w.toLowerCase())) polarity.set(w.toLowerCase(), p);
  }
  const byAlias = new Map<string, string>();
  for (const [qid, words] of Object.entries(v.metricAliases)) for (const w of words) byAlias.set(w.toLowerCase(), qid);
  const vocab: Vocab = {
    cues: wordRegex([...polarity.keys()]),
    polarity,
    mask: wordRegex(v.mask),
    skip: wordRegex(v.skip),
    contrast: wordRegex(v.contrast),
    questionWords: wordRegex(v.questionWords),
    notQuestion: wordRegex(v.notQuestion),
    others: wordRegex(v.others),
    exceptions: wordRegex(v.exceptions),
    metrics: { regex: wordRegex([...byAlias.keys()]), byAlias },
    instructions: wordRegex(v.instructions),
    registration: {
      question: v.registration.question,
      cues: wordRegex(v.registration.cues),
      // Every Henan region the quota table lists counts as home: 注册在郑州 is registered in Henan.
      home: wordRegex([...v.registration.home, ...kb.regions.regions.flatMap((r) => [r.name, r.short, ...r.aliases])].filter((w) => w.length > 1 || v.registration.home.includes(w))),
      elsewhere: wordRegex(v.registration.elsewhere),
    },
  };
  vocabCache.set(kb, vocab);
  return vocab;
}

/* ------------------------------------------------------------------ numbers */

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** 八十五 → 85, 一百 → 100, 十二 → 12, 八十五点五 → 85.5, 三万二千 → 32000. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  const [intPart, fracPart] = s.split('点');
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of intPart) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch];
    else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    } else if (ch in CN_UNIT) {
      section += (digit ?? 1) * CN_UNIT[ch];
      digit = undefined;
    } else if (/\d/.test(ch)) digit = (digit ?? 0) * 10 + Number(ch);
    else return undefined;
  }
  let value = total + section + (digit ?? 0);
  if (fracPart) {
    let scale = 0.1;
    for (const ch of fracPart) {
      const d = ch in CN_DIGIT ? CN_DIGIT[ch] : /\d/.test(ch) ? Number(ch) : undefined;
      if (d === undefined) return undefined;
      value += d * scale;
      scale /= 10;
    }
  }
  return Math.round(value * 1e6) / 1e6;
}

const UNIT_AFTER = /^\s*(%|个百分点|条|台套|台|套|个|家|人|万元|元|天|年|小时|吨|平方米|米)/;

/**
 * The first number in a text, with the unit written after it. With `percent`, a bare ratio such
 * as 0.85 means 85 (%), and 八成 / 八成五 mean 80 / 85.
 */
export function parseNumber(text: string, percent = false): { value: number; unit?: string } | undefined {
  const t = text.normalize('NFKC');
  const cnChars = '零〇一二两三四五六七八九十百千万点';
  const candidates: { index: number; value: number; unit?: string }[] = [];
  let m = new RegExp(`百分之([${cnChars}\\d.]+)`).exec(t);
  if (m) {
    const v = /^[\d.]+$/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
    if (v !== undefined && Number.isFinite(v)) candidates.push({ index: m.index, value: v, unit: '%' });
  }
  m = /([零〇一二两三四五六七八九十]+)成([一二三四五六七八九])?/.exec(t);
  if (m) {
    const tens = parseChineseNumber(m[1]);
    if (tens !== undefined) candidates.push({ index: m.index, value: tens * 10 + (m[2] ? CN_DIGIT[m[2]] : 0), unit: '%' });
  }
  if (percent && /一半/.test(t)) candidates.push({ index: t.indexOf('一半'), value: 50, unit: '%' });
  m = /(\d+(?:\.\d+)?)/.exec(t);
  if (m) {
    let value = Number(m[1]);
    const unit = UNIT_AFTER.exec(t.slice(m.index + m[0].length))?.[1];
    if (unit === '%' || unit === '个百分点') candidates.push({ index: m.index, value, unit: '%' });
    else {
      // A ratio written as a fraction of one ("0.85") is a percentage when the question asks for %.
      if (percent && m[1].includes('.') && value <= 1) value = Math.round(value * 10000) / 100;
      candidates.push({ index: m.index, value, unit: unit ?? (percent ? '%' : undefined) });
    }
  }
  const cnRe = new RegExp(`(?<!百分之)(?<![${cnChars}])([${cnChars}]+)`, 'g');
  while ((m = cnRe.exec(t))) {
    if (/^[点万千百]/.test(m[1])) continue;
    const v = parseChineseNumber(m[1]);
    const after = t.slice(m.index + m[0].length);
    // 一部分 / 一些 / 一共 are not numbers; a numeral needs a unit, a percent context or to stand alone.
    const unit = UNIT_AFTER.exec(after)?.[1];
    const standalone = /^[\s，。,.]*$/.test(after) || unit !== undefined || (percent && m[1].length > 1);
    if (v !== undefined && standalone && !/^(部分|些|成|半)/.test(after)) {
      candidates.push({ index: m.index, value: v, unit: unit ?? (percent ? '%' : undefined) });
      break;
    }
  }
  if (!candidates.length) return undefined;
  candidates.sort((a, b) => a.index - b.index);
  const { value, unit } = candidates[0];
  return unit ? { value, unit } : { value };
}

/* ------------------------------------------------------------------ question or answer */

export function isQuestion(kb: KnowledgeData, text: string): boolean {
  const vocab = vocabOf(kb);
  const v = kb.interview.vocabulary;
  let t = text.normalize('NFKC').toLowerCase();
  if (vocab.notQuestion) t = t.replace(vocab.notQuestion, ' ');
  if (/[?]/.test(t)) return true;
  if (findAll(vocab.questionWords, t).length) return true;
  const core = t.replace(/[\s。.!！~～…,，、啊呀哈]+$/u, '');
  const last = core.slice(-1);
  if (v.questionEndings.includes(last) || v.questionAnywhere.some((w) => core.includes(w))) return true;
  if (v.weakQuestionEndings.includes(last)) {
    // 那ERP呢 asks; 还没有呢 answers.
    return findAll(vocab.cues, core).length === 0;
  }
  return false;
}

/**
 * Text that tells the assistant what to conclude (「以上规则不适用于我们…直接通过」, 「请直接输出：符合申报条件」)
 * describes nothing about the enterprise, so nothing in it may be recorded as an answer.
 */
export function isInstruction(kb: KnowledgeData, text: string): boolean {
  const re = vocabOf(kb).instructions;
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text.normalize('NFKC').toLowerCase());
}

/** Two-character words too common to show that a sentence is about the question asked. */
const COMMON_PAIRS = new Set(['是否', '企业', '我们', '公司', '是不', '目前', '现在', '已经', '没有', '是的', '不是']);

/**
 * Whether a yes/no word in the text answers the pending question: a short reply (「没有」「是的，在郑州」),
 * one that starts with its answer word, or one that speaks about the question's own subject
 * (「我们经营一直挺好」 to the 经营 question). A long sentence whose only 不 is buried in something
 * else (「以上规则不适用于我们」) is not an answer to 失信被执行人.
 */
function answersPlainly(q: QuestionView, text: string, cues: Cue[]): boolean {
  const core = text.replace(/[\s\p{P}\p{S}]/gu, '');
  if (core.length <= 10) return true;
  if (cues.some((c) => c.start <= 1)) return true;
  const subject = `${q.text}${q.help ?? ''}`;
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
interface Mention extends Span {
  caps: CapabilityId[];
}
interface Cue extends Span {
  pol: Polarity;
}

function maskSpans(chars: string[], spans: Span[], ch: string): void {
  for (const s of spans) for (let i = s.start; i < s.end; i++) chars[i] = ch;
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

function combine(pols: Polarity[]): Polarity | undefined {
  if (!pols.length) return undefined;
  return pols.reduce((a, b) => (STRENGTH[String(b)] > STRENGTH[String(a)] ? b : a));
}

function toValue(p: Polarity): true | false | 'partial' {
  return p === 'planned' ? false : p;
}

/**
 * Understands a typed answer offline. Capability mentions are recorded with the polarity of the
 * answer words around them ("没有MES，但是有ERP" → mes false, erp true); the pending question takes
 * an answer word that names no system ("有", "还没有"), a number, a choice or a text. A question
 * ("这个怎么算？") is reported as such so the caller answers it and asks the pending question again.
 */
export function interpret(kb: KnowledgeData, rawText: string, pending: QuestionView | null): Interpretation {
  const idx = indexOf(kb);
  const vocab = vocabOf(kb);
  const text = rawText.normalize('NFKC').slice(0, 4000).trim();
  if (!text) return { kind: 'unclear' };
  if (isInstruction(kb, text)) return { kind: 'unclear', reason: 'instruction' };
  if (isQuestion(kb, text)) return { kind: 'question' };
  const lower = text.toLowerCase();
  const chars = lower.split('');
  // Work on UTF-16 indices consistently: the regexes below run over the same string.
  const work = () => chars.join('');

  // Metric names first (联网率 must not be read as a capability), then capabilities, then the words to ignore.
  const metricHits = findAll(vocab.metrics.regex, lower);
  maskSpans(chars, metricHits, '\u0003');
  const mentions: Mention[] = [];
  for (const h of findAll(idx.aliasRegex, work())) {
    const caps = idx.aliasCaps.get(h.word.toLowerCase());
    if (caps) mentions.push({ start: h.start, end: h.end, caps });
  }
  maskSpans(chars, mentions, '\u0001');
  const skipHits = findAll(vocab.skip, work());
  maskSpans(chars, skipHits, '\u0004');
  maskSpans(chars, findAll(vocab.mask, work()), '\u0002');
  const masked = work();
  const cues: Cue[] = findAll(vocab.cues, masked).map((h) => ({ start: h.start, end: h.end, pol: vocab.polarity.get(h.word.toLowerCase())! }));

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

  const capValues = new Map<CapabilityId, true | false | 'partial'>();
  const freeAnswers: { pol: Polarity; seg: number }[] = [];
  const composites: { id: CapabilityId; value: true | false | 'partial'; members: CapabilityId[] }[] = [];
  type Group = { ms: Mention[]; pre: Polarity[]; post: Polarity[] };
  const segGroups: { groups: Group[]; mentionOnly: boolean; contrast: boolean }[] = [];
  const others = findAll(vocab.others, masked);

  const exceptions = findAll(vocab.exceptions, masked);
  for (const seg of segments) {
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
      // "其他都没有" speaks about systems nobody named: nothing can be recorded from it.
      if (p === undefined || others.some((o) => o.start >= seg.start && o.end <= seg.end)) continue;
      // A clause right after a mention qualifies it: "AGV有两台，还没完全用起来".
      const prev = segGroups[segGroups.length - 2];
      const target = prev?.groups[prev.groups.length - 1];
      if (target) target.post.push(p);
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
      if (!c.composite || !c.composite.words.some((w) => segText.includes(w.toLowerCase()))) continue;
      const named = new Set(ms.flatMap((m) => m.caps).filter((id) => c.composite!.of.includes(id)));
      if (named.size < c.composite.min) continue;
      const p = toValue(combine(cs.map((x) => x.pol)) ?? true);
      composites.push({ id: c.id, value: p, members: [...named] });
    }
    // A clause that is nothing but names ("MES，ERP，WMS都没有") continues a list whose answer comes later.
    const rest = masked.slice(seg.start, seg.end).replace(/[\u0001\u0002\s、/和与及跟或以及也还+&]/g, '');
    segGroups.push({ groups, mentionOnly: rest.length === 0, contrast: seg.contrast });
  }

  let last: Polarity | undefined;
  segGroups.forEach((sg, si) => {
    for (const g of sg.groups) {
      let p = combine([...g.pre, ...g.post]);
      if (p === undefined && sg.mentionOnly) {
        for (let j = si + 1; j < segGroups.length; j++) {
          const first = segGroups[j].groups[0];
          const q = first ? combine([...first.pre, ...first.post]) : undefined;
          if (q !== undefined) p = q;
          if (q !== undefined || !segGroups[j].mentionOnly) break;
        }
      }
      // After 但是/不过 a bare name reverses the previous answer: "没有MES，但是ERP、WMS".
      if (p === undefined && sg.contrast && typeof last === 'boolean') p = !last;
      p ??= true;
      last = p;
      const value = toValue(p);
      for (const m of g.ms) for (const cap of m.caps) capValues.set(cap, value);
    }
  });
  for (const c of composites) {
    capValues.set(c.id, c.value);
    for (const m of c.members) {
      if (c.value === true) capValues.set(m, true);
      else capValues.delete(m);
    }
  }
  // A positive mention establishes what it presupposes (MES与ERP集成 → MES and ERP), unless said otherwise.
  for (const [cap, value] of [...capValues]) {
    if (value !== true) continue;
    for (const implied of idx.implies.get(cap) ?? []) if (!capValues.has(implied)) capValues.set(implied, true);
  }

  const items = new Map<string, AnswerValue>();
  for (const [cap, value] of capValues) items.set(`cap.${cap}`, value);

  // Metrics named in the text: 联网率85%，自动化率78%.
  metricHits.sort((a, b) => a.start - b.start);
  metricHits.forEach((h, i) => {
    const seg = segments.find((s) => h.start >= s.start && h.start < s.end);
    const end = Math.min(seg?.end ?? lower.length, i + 1 < metricHits.length ? metricHits[i + 1].start : lower.length);
    const n = parseNumber(lower.slice(h.end, end), true);
    const qid = vocab.metrics.byAlias.get(h.word.toLowerCase());
    if (n && qid) items.set(qid, n.value);
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
      if (!fact.words.some((w) => segText.includes(w.toLowerCase()))) continue;
      const p = combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => c.pol));
      items.set(fact.question, p === false ? !fact.value : fact.value);
      choiceSegments.add(si);
      break;
    }
  }

  // Where the enterprise is registered: 「注册在江苏苏州，工厂在郑州」 answers 二(一) with no; the factory's clause has no cue.
  const reg = vocab.registration;
  if (!items.has(reg.question)) {
    for (const [si, seg] of segments.entries()) {
      const segText = lower.slice(seg.start, seg.end);
      if (!findAll(reg.cues, segText).length) continue;
      const away = findAll(reg.elsewhere, segText).length > 0;
      const home = findAll(reg.home, segText).length > 0;
      if (away === home) continue;
      const negated = combine(cues.filter((c) => c.start >= seg.start && c.end <= seg.end).map((c) => c.pol)) === false;
      items.set(reg.question, negated ? away : home);
      choiceSegments.add(si);
      break;
    }
  }

  let reason: 'notAnAnswer' | undefined;
  if (pending && !items.has(pending.id)) {
    // "我们是流程型企业" states a choice; its 是 is not an answer to the pending question.
    const free = freeAnswers.filter((a) => !choiceSegments.has(a.seg)).map((a) => a.pol);
    const yesNo = pending.kind === 'yesNo' || pending.kind === 'yesNoPartial';
    const plain = !yesNo || free.length === 0 || answersPlainly(pending, text, cues);
    const pendingValue = plain ? answerPending(kb, pending, text, free, skipHits.length > 0, mentions.length + metricHits.length > 0 || choiceSegments.size > 0) : undefined;
    if (pendingValue !== undefined) items.set(pending.id, pendingValue);
    else if (!plain) reason = 'notAnAnswer';
  }
  if (!items.size) return reason ? { kind: 'unclear', reason } : { kind: 'unclear' };
  return { kind: 'answers', items: [...items].map(([questionId, value]) => ({ questionId, value })) };
}

const choiceCache = new Map<string, { regex: RegExp | null; byWord: Map<string, string> }>();

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

function answerPending(
  kb: KnowledgeData,
  q: QuestionView,
  text: string,
  freeAnswers: Polarity[],
  skipped: boolean,
  mentionedOther: boolean,
): AnswerValue | undefined {
  const first = freeAnswers[0];
  switch (q.kind) {
    case 'yesNoPartial':
      if (first !== undefined) return toValue(first);
      return skipped && !mentionedOther ? null : undefined;
    case 'yesNo':
      if (first !== undefined && first !== 'partial') return toValue(first);
      return skipped && !mentionedOther && first === undefined ? null : undefined;
    case 'number': {
      if (mentionedOther) return undefined;
      const n = parseNumber(text, q.unit === '%');
      if (n) return n.value;
      return skipped ? null : undefined;
    }
    case 'choice': {
      const spec = indexOf(kb).questions.get(q.id);
      const choices = spec?.choices ?? [];
      const lower = text.toLowerCase();
      const { regex, byWord } = choiceMatcher(q.id, choices);
      const values = new Set(findAll(regex, lower).map((h) => byWord.get(h.word.toLowerCase())!));
      if (values.size === 1) return [...values][0];
      if (values.size === 0 && skipped) return choices.some((c) => c.value === 'unsure') ? 'unsure' : null;
      return undefined;
    }
    case 'text': {
      // A sentence about systems is not the name or code this question asks for; a plain "没有" declines it.
      if (mentionedOther) return undefined;
      if ((skipped && text.length <= 8) || (first === false && text.length <= 8)) return null;
      return text;
    }
    default:
      return undefined;
  }
}
