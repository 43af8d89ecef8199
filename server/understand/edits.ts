/**
 * A reply that edits an answer already given rather than giving a new one: 「第三个改成发块」 (an item of a list),
 * 「是数字化车间不是智能车间」, 「不是智能车间，是数字化车间」, 「把智能车间改成数字化车间」 (a word of it). Pure; the
 * words that say something was typed wrong (写错了, 不对) come from the knowledge's vocabulary.
 */
import { parseChineseNumber } from './numbers';

export type Edit = { kind: 'item'; ordinal: number; to: string } | { kind: 'replace'; from: string; to: string };

/** How far into a reply the words that say it was wrong may end (「上面那个荣誉写错了」): further in, it is a story. */
const LEAD_MAX = 14;
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ORDINAL = /^(?:把)?第([一二两三四五六七八九十\d]{1,3})(?:个|项|条|家|种|行)?(?:的)?(?:名字|名称)?\s*(?:改成|改为|换成|应该是|应为|是)\s*(.+)$/u;
const IS_NOT = /^(?:应该|其实|实际上?)?(?:是|为)\s*(.+?)[\s，,]*(?:而)?不是\s*(.+?)$/u;
const NOT_IS = /^不是\s*(.+?)[\s，,]*(?:而)?(?:应该|其实)?是\s*(.+?)$/u;
const CHANGE = /^(?:把|将)?(.+?)\s*(?:改成|改为|换成)\s*(.+?)$/u;

/**
 * The edit a short reply makes, or undefined when it is none. `corrections` are the words saying an answer was wrong
 * (写错了, 不对, 改成); they and what precedes them at the reply's start (「上面那个」「刚才的」) are read past.
 */
export function readEdit(text: string, corrections: readonly string[]): Edit | undefined {
  let t = text.trim().replace(/[。.!！~～]+$/u, '');
  if (!t || t.length > 60) return undefined;
  const said = corrections.filter((w) => !/改成|改为/u.test(w));
  if (said.length) {
    const m = new RegExp(`^.{0,${LEAD_MAX}}?(?:${said.map(escape).join('|')})[了啊呀吧哈]*`, 'u').exec(t);
    if (m) t = t.slice(m[0].length);
  }
  t = t.replace(/^[\s，,。；;：:]+/u, '').trim();
  const clean = (s: string) => s.trim().replace(/^[“"'「]|[”"'」]$/gu, '').replace(/[了啊呀吧哈]+$/u, '');
  const ord = ORDINAL.exec(t);
  if (ord) {
    const n = /^\d+$/.test(ord[1]!) ? Number(ord[1]) : parseChineseNumber(ord[1]!);
    const to = clean(ord[2]!);
    return n && n >= 1 && to ? { kind: 'item', ordinal: n, to } : undefined;
  }
  for (const [re, toAt, fromAt] of [[IS_NOT, 1, 2], [NOT_IS, 2, 1], [CHANGE, 2, 1]] as const) {
    const m = re.exec(t);
    if (!m) continue;
    const from = clean(m[fromAt]!);
    const to = clean(m[toAt]!);
    if (from && to && from !== to && from.length <= 30 && to.length <= 30) return { kind: 'replace', from, to };
  }
  return undefined;
}
