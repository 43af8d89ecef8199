import { findQuantities, normalise, parseChineseNumber, type Quantity } from '../understand';

/**
 * Whether the figures and phone numbers of a text stand in the notice text it rests on. Pure: the
 * model's answers (llm/grounding.ts) and the answers staff write (qa/layer.ts) are held to the same
 * reading, so a figure one accepts the other does too.
 *
 * - A figure (Arabic or Chinese numerals, dates, any unit) must stand in a source, in the part of it
 *   that speaks of the same subject: 「其他省辖市…15家」 is no quota because 15 is 洛阳's.
 * - A phone number must be the notice's helpline, in full or without its area code.
 */

const PHONE = /(?<![\d])(?:\(?0\d{2,3}\)?[\s\-—–－‐]*)?\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)/gu;
const digitsOf = (s: string) => s.normalize('NFKC').replace(/\D/gu, '');

/** The first phone number in `text` that is not `helpline` (any number, when there is no helpline). */
export function strangePhone(text: string, helpline: string | undefined): string | null {
  const own = helpline ? digitsOf(helpline) : '';
  for (const m of text.normalize('NFKC').matchAll(PHONE)) {
    const d = digitsOf(m[0]);
    if (!own || !(d === own || (d.length >= 7 && own.endsWith(d)))) return m[0];
  }
  return null;
}

/**
 * The helpline as `text` gives it to another subject than the facts do: 五 gives 0371—65507698 to the
 * province office (`unit`), so 「请咨询所在地工业和信息化主管部门（电话{phone}）」 sends callers to the
 * wrong desk. The subject is named in the words before the number (its own part, else since the
 * number before); a text that names none there, or names the unit's own subject too, passes.
 */
export function phoneOfOtherSubject(text: string, unit: string, subjects: readonly FigureSubject[] | undefined): { phone: string; owner: string; named: string } | null {
  if (!subjects?.length) return null;
  const read = readSubjects(subjects);
  const owner = ownerOf(read, forFigures(unit));
  if (!owner) return null;
  const t = normalise(text).text;
  let from = 0;
  for (const m of t.matchAll(PHONE)) {
    const since = t.slice(from, m.index);
    from = m.index + m[0].length;
    const lead = since.split(SEGMENT_BREAK).at(-1) ?? '';
    const said = named(read, lead).length ? named(read, lead) : named(read, since);
    if (said.length && !said.includes(owner)) return { phone: m[0], owner: owner.label, named: said.map((x) => x.label).join('、') };
  }
  return null;
}

/**
 * Clause references, ordinals and numbers that are names are no figures: 附件2, 第五条, (三), a list's
 * 「1.」, a standard's number (GB/T 4754) and the ×100% of a formula for a percentage.
 */
const NOT_FIGURES = /附件\s*\d+|第[\d一二三四五六七八九十]+[条款项章节部分点个]?|[(（][一二三四五六七八九十\d]+[)）]|(?<=^|[：:；;。\s])\d{1,2}[.．、](?!\d)|GB(?:\/T)?\s*\d+|[×xX*]\s*100\s*%/giu;
const SEGMENT_BREAK = /[,，;；。:：!！?？\n]/u;
// A colon ends the addressee line (「…主管部门：为落实…」): what follows is not said of it.
const SENTENCE_BREAK = /[;；。!！?？:：\n]/u;
const HAN_PAIR = /\p{Script=Han}{2}/u;

const UNIT_KIND: Record<string, string> = { 号: '日', 台: '台套', 套: '台套', mb: 'm', 兆: 'm', 个: '个', 名: '个', 位: '个' };
const unitKind = (u: string | undefined) => (u === undefined ? undefined : UNIT_KIND[u] ?? u);
/**
 * The kind two figures are compared in: a place of a quota is said in 家 or 个 alike (「名额15个」 is
 * the notice's 「不多于15家」). Counts keep the stricter unitKind: 「3个条件」 counts no enterprises.
 */
const compareKind = (u: string | undefined) => (u === '家' ? '个' : unitKind(u));
const sameFigure = (a: Quantity, b: Quantity) =>
  a.value === b.value && (a.unit === undefined || b.unit === undefined || compareKind(a.unit) === compareKind(b.unit));

interface Segment {
  /** The part as read for figures (normalised, references masked). */
  text: string;
  /** Its sentence up to the part's end: the figure's subject is often named parts before it (「视频资料（MP4格式，文件大小不超过200M」). */
  scope: string;
  pairs: Set<string>;
  figures: Quantity[];
}

function pairsOf(text: string): Set<string> {
  const out = new Set<string>();
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const p = chars[i]! + chars[i + 1]!;
    if (HAN_PAIR.test(p)) out.add(p);
  }
  return out;
}

/**
 * A Chinese numeral with no unit after it is a figure only after a word that states an amount
 * (「不多于二十」): elsewhere 十分, 一百 in prose would read as numbers. Written in digits so it is checked.
 */
const BARE_CHINESE = /(?<=不多于|不少于|不超过|不低于|不高于|超过|达到|至少|最多|限报|推荐|共|为)([一二两三四五六七八九十百千]{2,})(?![分万亿\p{Script=Han}])/gu;

/** Text for number reading: normalised (full-width digits, Chinese numerals), phone numbers and references masked. */
function forFigures(text: string): string {
  return normalise(text)
    .text.replace(PHONE, (m) => '□'.repeat(m.length))
    .replace(NOT_FIGURES, (m) => '□'.repeat(m.length))
    .replace(BARE_CHINESE, (m) => {
      const v = parseChineseNumber(m);
      return v === undefined ? m : String(v);
    });
}

const segmentCache = new Map<string, Segment[]>();
/** The parts of a source text that state a figure; sources are knowledge text, so the memo is bounded. */
function segmentsOf(text: string): Segment[] {
  let s = segmentCache.get(text);
  if (!s) {
    if (segmentCache.size >= 10_000) segmentCache.clear();
    s = forFigures(text)
      .split(SENTENCE_BREAK)
      .flatMap((sentence) => {
        let scope = '';
        return sentence.split(SEGMENT_BREAK).map((seg) => {
          scope += `${seg}，`;
          return { text: seg, scope, pairs: pairsOf(seg), figures: findQuantities(seg) };
        });
      })
      .filter((seg) => seg.figures.length > 0);
    segmentCache.set(text, s);
  }
  return s;
}

/**
 * The first figure of `text` that no source states about the same subject, as written in `text`;
 * null when every figure is grounded. A figure of `anywhere` (the notice's title, a value the text
 * was filled with) may stand in any context.
 */
export function ungroundedFigure(text: string, sources: readonly string[], opts: FigureOptions = {}): string | null {
  return ungroundedFigures(text, sources, opts)[0]?.text ?? null;
}

export interface FigureOptions {
  /** Figures that may stand in any context: the notice's title, a value the text was filled with. */
  anywhere?: readonly string[];
  /** Hold each figure to the source part about the same subject (default), or only to being stated in a source. */
  sameSubject?: boolean;
  /**
   * Let a small count (「一个」, 「两家」, 「三份」, 「5项」) pass: one or two always, up to ten when no
   * source states a figure in its unit. The text is counting the things it names next, not restating
   * a bound of the notice. A bare small number after a list break or before a 「、」 (「；2研发设计」, 「车间1、车间2」) is an ordinal.
   */
  countWords?: boolean;
  /**
   * The source words a subject named in `words` is bound to (a city → the words of its quota), or
   * undefined when `words` names no subject the caller knows. A figure whose subject is named must
   * stand in the source part holding those words, when the sources hold it: 「郑州市不多于5家」 is
   * no quota although 5家 is the counties'. Word overlap alone cannot tell 「洛阳市推荐企业不多于20家」
   * from 郑州's sentence, which shares every word but the name.
   */
  subjectOf?: (words: string) => readonly string[] | undefined;
  /**
   * Who or what the sources' figures are about (facts.json's figureSubjects). A figure the text says
   * of one subject must not be a figure every source states of another: 3月15日 is the bureaus'
   * deadline, not the enterprises', and 200M the video's limit, not the PDF's.
   */
  subjects?: readonly FigureSubject[];
  /** Words of a form of submission (纸质版, 电子版): a count before one is a number of copies, never the text's own count. */
  copies?: readonly string[];
}

/** A subject of the notice's figures: the notice's words for it, and the words an answer names it by. */
export interface FigureSubject {
  id: string;
  label: string;
  notice: readonly string[];
  said: readonly string[];
}

/** A figure no source states about its subject; `stated` is the source part about that subject, when one was found. */
export interface UngroundedFigure {
  text: string;
  stated?: string;
  /** The text gives the figure to `named`, where every source that states it gives it to `owner` (labels of figureSubjects). */
  owner?: string;
  named?: string;
}

const subjectWords = new WeakMap<readonly FigureSubject[], { id: string; label: string; notice: string[]; said: string[] }[]>();
/** The subjects with their words read the way the texts are (normalised), once per list. */
function readSubjects(subjects: readonly FigureSubject[]) {
  let read = subjectWords.get(subjects);
  if (!read) {
    read = subjects.map((x) => ({ id: x.id, label: x.label, notice: x.notice.map(forFigures), said: x.said.map(forFigures) }));
    subjectWords.set(subjects, read);
  }
  return read;
}

/** The subjects the words of a text name, in any order; empty when they name none. */
function named(subjects: ReturnType<typeof readSubjects>, words: string): ReturnType<typeof readSubjects> {
  return subjects.filter((x) => x.said.some((w) => words.includes(w)));
}

/** The subject a source part gives its figure to: the one whose notice word stands nearest before the part's end in its sentence. */
function ownerOf(subjects: ReturnType<typeof readSubjects>, scope: string): ReturnType<typeof readSubjects>[number] | undefined {
  let best: { at: number; subject: ReturnType<typeof readSubjects>[number] } | undefined;
  for (const x of subjects) {
    for (const w of x.notice) {
      const at = scope.lastIndexOf(w);
      if (at >= 0 && (!best || at + w.length > best.at)) best = { at: at + w.length, subject: x };
    }
  }
  return best?.subject;
}

/**
 * The subject a figure of the text is given to against the one its sources give it to: named in the
 * words before it (its own part, else since the figure before), else in its trail (see trailOf),
 * and held by every source part that states it. Undefined when the text names none, a source part
 * names none, or a named one holds it.
 */
function otherSubject(subjects: ReturnType<typeof readSubjects>, lead: string, sinceFigure: string, trail: string, holding: readonly Segment[]): { owner: string; named: string } | undefined {
  const said = [lead, sinceFigure, trail].map((w) => named(subjects, w)).find((x) => x.length) ?? [];
  if (!said.length || !holding.length) return undefined;
  const owners = holding.map((seg) => ownerOf(subjects, seg.scope));
  if (owners.some((o) => !o || said.includes(o))) return undefined;
  return { owner: owners[0]!.label, named: said.map((x) => x.label).join('、') };
}

/** A part after a figure that is no more than a name (「5家，郑州市」): a few characters, no figure, no verb of its own. */
const APPOSITION = /^[\s\p{Script=Han}\p{L}、（）()]{1,8}$/u;

/**
 * The words after a figure that name what it is about, when the words before it name nothing:
 * the rest of its own part up to the next figure (「名额5家的是郑州市」, 「不超过200M的是申报书」),
 * or, when the figure ends its part, a next part that is only a name (「5家，郑州市」, 「3份，纸质版」).
 * A longer next part is not read: the words after a figure as often begin what someone else does
 * (「剪辑到1分钟左右，是否认可由初审的主管部门把握」).
 */
function trailOf(read: string, end: number, next: number): string {
  const rest = read.slice(end, next);
  const own = rest.split(SEGMENT_BREAK)[0]!;
  if (own.trim() || !/^[,，:：]/u.test(rest)) return own;
  const part = rest.slice(1).split(SEGMENT_BREAK)[0]!.trim();
  return APPOSITION.test(part) ? part : '';
}

const COUNT = /^[近前后上]?(?:[一二两三四五六七八九十]|\d{1,2})\p{Script=Han}+$/u;
const LIST_BREAK = /[：:；;、\s]$/u;

function isCount(f: Quantity, read: string, segments: readonly Segment[], copies: readonly string[] = []): boolean {
  if (f.unit === undefined) return f.value <= 10 && /^\d{1,2}$/u.test(f.text) && (LIST_BREAK.test(read.slice(0, f.index)) || /^(?:[、…]|\.{2,})/u.test(read.slice(f.index + f.text.length)));
  if (f.value > 10 || !COUNT.test(f.text)) return false;
  // A number of copies (份) that ends its part (「需提交3份。」, 「3份，纸质版」) says how many are required, as does any
  // count before a form of submission (「3份纸质版」): a requirement the notice must state, not the text counting the
  // things it goes on to name (「三份材料：…」, 「三个车间」).
  const after = read.slice(f.index + f.text.length);
  if (f.value > 2 && ((f.unit === '份' && (after === '' || SEGMENT_BREAK.test(after[0]!))) || copies.some((w) => after.startsWith(w)))) return false;
  return f.value <= 2 || !segments.some((seg) => seg.figures.some((g) => unitKind(g.unit) === unitKind(f.unit)));
}

/** Every figure of `text` that no source states (about the same subject), as written in `text`. */
export function ungroundedFigures(text: string, sources: readonly string[], { anywhere = [], sameSubject = true, countWords = false, subjectOf, subjects, copies = [] }: FigureOptions = {}): UngroundedFigure[] {
  const read = forFigures(text);
  const figures = findQuantities(read);
  const out: UngroundedFigure[] = [];
  if (!figures.length) return out;
  const segments = sources.flatMap(segmentsOf);
  const free = anywhere.flatMap((a) => findQuantities(forFigures(a)));
  let from = 0;
  for (const [n, f] of figures.entries()) {
    // What the text says the figure is about: its words since the last break or figure.
    const sinceFigure = read.slice(from, f.index);
    const breakAt = Math.max(...[...sinceFigure].map((ch, i) => (SEGMENT_BREAK.test(ch) ? i : -1)));
    const lead = sinceFigure.slice(breakAt + 1);
    from = f.index + f.text.length;
    const trail = trailOf(read, from, figures[n + 1]?.index ?? read.length);
    const context = pairsOf(lead);
    const holding = segments.filter((seg) => seg.figures.some((g) => sameFigure(f, g)));
    // A figure the sources state of one subject, said of another, is wrong even when it is filled in
    // from the facts (「企业须于{deadline}前提交」) or small enough to pass as a count of the text's
    // own (「申报书1分钟左右」): the value is the notice's, its subject is not.
    // A generic count (「一个」「两个」) is the text's own wording, not the notice's limit on anyone.
    if (sameSubject && subjects?.length && !(countWords && unitKind(f.unit) === '个' && isCount(f, read, segments, copies))) {
      const other = otherSubject(readSubjects(subjects), lead, sinceFigure, trail, holding);
      if (other) {
        out.push({ text: f.text, ...other });
        continue;
      }
    }
    if (free.some((t) => sameFigure(f, t))) continue;
    // A subject named in the words before the figure, in its own part or, when that part names
    // none (「郑州市：5家」), since the figure before it; else in its trail (「名额5家的是郑州市」).
    const bound = subjectOf ? (subjectOf(lead) ?? subjectOf(sinceFigure) ?? (trail ? subjectOf(trail) : undefined)) : undefined;
    // A figure said of a subject with a bound of its own (a region's quota) states that bound,
    // however small: 「名额5个的是洛阳」 is no count of the text's own.
    if (countWords && (f.value <= 2 || !bound) && isCount(f, read, segments, copies)) continue;
    if (!holding.length) {
      out.push({ text: f.text });
      continue;
    }
    if (!sameSubject) continue;
    // Only the parts that state a figure of this kind compete for its subject: a deadline's
    // sentence says nothing about a quota, however many words they share.
    const kin = segments.filter((seg) => seg.figures.some((g) => f.unit === undefined || g.unit === undefined || compareKind(g.unit) === compareKind(f.unit)));
    const about = bound ? kin.filter((seg) => bound.some((w) => w && seg.text.includes(forFigures(w)))) : [];
    if (about.length) {
      if (!about.some((seg) => holding.includes(seg))) out.push({ text: f.text, stated: bound!.find((w) => about.some((seg) => seg.text.includes(forFigures(w)))) });
      continue;
    }
    // Of the cited parts that state a figure of its kind, the one about the same subject must state this one.
    const score = (seg: Segment) => [...context].filter((p) => seg.pairs.has(p)).length;
    const best = Math.max(...kin.map(score));
    if (best > 0 && !holding.some((seg) => score(seg) === best)) out.push({ text: f.text });
  }
  return out;
}
