import type { AnswerValue, QuestionView } from '../../server/schemas/interview';
import type { Assessment, Category, ConditionStatus } from '../../server/schemas/profile';
import type { UiWording } from '../../server/knowledge/schemas/ui';
import { fill, words } from './messages';

/** Names of the three recognitions as the notice writes them. */
export const CATEGORY_LABEL: Record<Category, string> = words.format.category;

/**
 * The direction 我的会话 lists a session under: the one the assessment recommends, once the enterprise has answered
 * something and may apply. Before the first answer (a session used only for questions) the assessment's
 * recommendation is its starting point, not the enterprise's, and the session is listed as 申报方向待定, as the panel
 * shows no result then either.
 */
export function listedCategory(a: Assessment, answers: Record<string, unknown>): string | null {
  return Object.keys(answers).length > 0 && a.eligible && a.category.recommended ? CATEGORY_LABEL[a.category.recommended] : null;
}

export const VERDICT_LABEL: Record<Assessment['verdict'], string> = words.format.verdict;

/** For the small badge on the phone's panel button. */
export const VERDICT_SHORT: Record<Assessment['verdict'], string> = words.format.verdictShort;

export const STATUS_LABEL: Record<ConditionStatus, string> = words.format.status;

/** Icons carry meaning only together with their text label (never colour alone). */
export const STATUS_ICON: Record<ConditionStatus, string> = {
  met: '✓',
  partial: '◐',
  unmet: '✗',
  unknown: '?',
};

const A = words.format.answer;

export const YES_NO_PARTIAL: { value: AnswerValue; label: string }[] = [
  { value: true, label: A.have },
  { value: 'partial', label: A.partial },
  { value: false, label: A.haveNot },
];

export const YES_NO: { value: AnswerValue; label: string }[] = [
  { value: true, label: A.yes },
  { value: false, label: A.no },
];

/** How an answer reads back to the user, given the question it answered when known. */
export function displayAnswer(value: AnswerValue, q?: Pick<QuestionView, 'kind' | 'choices' | 'unit'>): string {
  if (value === null) return A.skipped;
  // A system being built is neither 有 nor 没有; typed as 在建, it reads back as the chat confirmed it.
  if (value === 'building') return A.building;
  if (q?.kind === 'yesNoPartial' || value === 'partial') {
    const hit = YES_NO_PARTIAL.find((o) => o.value === value);
    if (hit) return hit.label;
  }
  if (typeof value === 'boolean') return value ? (q?.kind === 'yesNoPartial' ? A.have : A.yes) : q?.kind === 'yesNoPartial' ? A.haveNot : A.no;
  if (typeof value === 'number') return q?.unit ? `${value}${q.unit === '%' ? '' : ' '}${q.unit}` : String(value);
  if (Array.isArray(value)) return value.map((v) => q?.choices?.find((c) => c.value === v)?.label ?? v).join(words.common.listSep);
  return q?.choices?.find((c) => c.value === value)?.label ?? value;
}

/** Reads a number the way people type it on a phone: full-width digits, commas, a trailing unit. */
export function parseNumberInput(raw: string): number | null {
  const half = raw
    .replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
    .replace(/[%％]$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(half)) return null;
  const n = Number(half);
  return Number.isFinite(n) ? n : null;
}

export type TextPart =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  /** `before`/`after`: punctuation that touches the reference, shown unbreakably with its chip. */
  | { kind: 'clause'; clause: string; before?: string; after?: string };

/** Punctuation that may not start a line (a closing mark right after a reference: 〕。 〕， 〕）). */
const CLOSING = /^[。，、；：！？）》〉」』】”’…,.;:!?)\]}%]+/;
/** Punctuation that may not end a line (an opening mark right before a reference: （〔). */
const OPENING = /[（《〈「『【“‘([{]+$/;

/**
 * Splits assistant text into plain runs, **bold** runs and 〔clause〕 references. The page renders the
 * parts with text bindings only, so no model or user text is ever parsed as HTML. Punctuation touching
 * a reference travels with it: a chip is a box the line may break around, and a lone 。 or ， at the
 * start of the next line reads as a layout fault.
 */
export function splitRichText(text: string): TextPart[] {
  const parts: TextPart[] = [];
  // 〔二(一)〕 is the product's citation form; the engine's prose also writes （四(一)）. A full-width
  // parenthesis around a 〔reference〕 is punctuation, not a reference of its own.
  const re = /\*\*([^*\n]{1,200})\*\*|〔([^〔〕\n]{1,24})〕|（([^（）〔〕\n]{1,24})）/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const clause = m[2] ?? m[3];
    const isClause = m[1] === undefined && clause !== undefined && looksLikeClause(clause);
    let gap = text.slice(last, m.index);
    const before = isClause ? (OPENING.exec(gap)?.[0] ?? '') : '';
    gap = gap.slice(0, gap.length - before.length);
    if (gap) parts.push({ kind: 'text', text: gap });
    last = re.lastIndex;
    if (m[1] !== undefined) parts.push({ kind: 'bold', text: m[1] });
    else if (isClause) {
      const after = CLOSING.exec(text.slice(last))?.[0] ?? '';
      last += after.length;
      re.lastIndex = last;
      parts.push({ kind: 'clause', clause: clause!, ...(before ? { before } : {}), ...(after ? { after } : {}) });
    } else parts.push({ kind: 'text', text: m[0] });
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** Clause ids follow the notice numbering: 序, 一, 二(四), 三(一)4, 附件2.一(二) … */
export function looksLikeClause(s: string): boolean {
  return /^(序|(附件[1-3]\.)?[一二三四五六七八九十]+(\([一二三四五六七八九十]+\)(\d+)?)?)$/.test(s);
}

/** Chinese label for a capability id: from the labels the server gave, else the id itself. */
export function capabilityLabel(id: string, labels: ReadonlyMap<string, string>): string {
  return labels.get(id) ?? id;
}

/**
 * Whether a clause's text is nothing but its own heading (「一、申报方向」 under the title 申报方向):
 * the viewer's title already says it, so the body would repeat it. A numbering of any style in front
 * and closing punctuation are not part of the heading's words.
 */
export function isHeadingOnly(text: string, title: string): boolean {
  const words = (s: string) =>
    s
      .trim()
      .replace(/^(附件[1-3][.．、]?)?([(（]?[一二三四五六七八九十\d]+[)）]?[、.．:：\s]*)+/u, '')
      .replace(/[\s。．.：:；;]+$/u, '')
      .trim();
  const own = words(text);
  return own !== '' && own === words(title);
}

/**
 * The header's 「按要素条件，X更合适」, in the session's knowledge wording: while some of X's element questions are unasked
 * it says how many, since X fits better only if they are met (the wording for it is optional in older versions).
 */
export function fitsWorseLine(u: UiWording['assessment'], fitsBetter: NonNullable<Assessment['category']['fitsBetter']>): string {
  const better = CATEGORY_LABEL[fitsBetter.category];
  return fitsBetter.unknown && u.chosenFitsWorseUnasked ? fill(u.chosenFitsWorseUnasked, { better, count: fitsBetter.unknown }) : fill(u.chosenFitsWorse, { better });
}

/**
 * The closing note of a finished interview. A category the enterprise chose that fits worse is its choice, said with
 * the better one in the session's knowledge wording, as the panel says it: never 「推荐申报」.
 */
export function doneNote(category: Category, fitsBetter: Assessment['category']['fitsBetter'], ui: UiWording | undefined, notYet = false): string {
  const u = ui?.assessment;
  if (fitsBetter && u)
    return fill(words.app.doneChosen, {
      chosen: fill(u.chosenCategory, { category: CATEGORY_LABEL[category] }),
      fitsWorse: fitsWorseLine(u, fitsBetter),
    });
  return fill(notYet ? words.app.doneNotYet : words.app.done, { category: CATEGORY_LABEL[category] });
}

/** The example a date box shows, in the chat and the form view alike: a month-only date asks for no day. */
export function datePlaceholder(precision: 'month' | 'day' | undefined): string {
  return precision === 'month' ? words.common.datePlaceholder.month : words.common.datePlaceholder.day;
}
