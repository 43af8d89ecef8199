import { readFileSync } from 'node:fs';
import type { DraftProfile, NumberSource } from '../../server/schemas/forms';

/** Names that stand for the rest of the revenue (「其他」): no main product, so not in the products' share. */
const REMAINDER = new Set<string>(JSON.parse(readFileSync('knowledge/henan-2023/form-drafting.json', 'utf8')).remainderProducts);

/**
 * Independent provenance checker: every digit run of a draft must be listed in `numbers`,
 * and every listed number must equal the fact at its source path, or be recomputed here
 * from facts with the arithmetic the form states.
 */
function at(obj: unknown, path: string): unknown {
  // A cell key may hold a dot (elements 「ws.infra」): a segment missing on its own is joined with the next.
  let pending = '';
  let o: unknown = obj;
  for (const k of path.split('.')) {
    if (!o || typeof o !== 'object') return undefined;
    const key = pending ? `${pending}.${k}` : k;
    if (key in (o as Record<string, unknown>)) {
      o = (o as Record<string, unknown>)[key];
      pending = '';
    } else pending = key;
  }
  return pending ? undefined : o;
}

function indicator(p: DraftProfile, id: string, side: 'before' | 'after'): number | undefined {
  const ind = (p.form.indicators ?? {}) as Record<string, { before?: number; after?: number } | number | undefined>;
  const direct = (ind[id] as { before?: number; after?: number } | undefined)?.[side];
  if (direct !== undefined) return direct;
  if (id === 'productivity') {
    const out = (ind.outputValue as { before?: number; after?: number } | undefined)?.[side];
    const heads = (ind.headcount as { before?: number; after?: number } | undefined)?.[side];
    const days = ind.workingDays as number | undefined;
    // Unrounded: the printed figure (0.33) is checked against it; the change ratio rounds it as the form prints it.
    if (out !== undefined && heads && days) return out / heads / days;
  }
  return undefined;
}

/** The notice's year, from which the draft dates a relative time, and the words of each year before or after it. */
const NOTICE_YEAR = 2023;
const RELATIVE_YEARS: [RegExp, number][] = [
  [/前年/u, -2],
  [/去年|上一年/u, -1],
  [/今年|本年|年底|年初|年中/u, 0],
  [/明年|下一年/u, 1],
  [/后年/u, 2],
];

/** The years the 申报书 itself prints in 近三年主要经济指标 (the form's words, not a fact). */
const specYears = ['2020', '2021', '2022'];

export function verifyNumber(p: DraftProfile, n: NumberSource): string | null {
  const v = Number(n.value);
  const bad = (why: string) => `${n.value} from ${n.source}: ${why}`;
  let m: RegExpExecArray | null;
  if ((m = /^key:(.+)$/.exec(n.source))) {
    return at(p, m[1]!) !== undefined && m[1]!.split('.').pop() === n.value ? null : bad('not a key of the facts');
  }
  if ((m = /^computed:debtRatio\((\d{4})\)$/.exec(n.source))) {
    const y = p.form.finance?.[m[1]!];
    const want = ((y!.totalLiabilities! / y!.totalAssets!) * 100).toFixed(1);
    return want === n.value ? null : bad(`expected ${want}`);
  }
  if ((m = /^computed:changeRatio\((\w+)\)$/.exec(n.source))) {
    // The ratio is the unrounded figures' own; a computed 生产效率 prints at the decimals that carry it.
    const b = indicator(p, m[1]!, 'before')!;
    const a = indicator(p, m[1]!, 'after')!;
    const r = ((a - b) / b) * 100;
    return [r.toFixed(1), Math.abs(r).toFixed(1)].includes(n.value) ? null : bad(`expected ${r.toFixed(1)}`);
  }
  if ((m = /^computed:outputPerPersonDay\((before|after)\)$/.exec(n.source))) {
    // Printed to the 元 (four decimals of 万元) or wider, where the change beside it needs more.
    const decimals = n.value.split('.')[1]?.length ?? 0;
    const want = indicator(p, 'productivity', m[1] as 'before')!.toFixed(Math.max(decimals, 4));
    return want === n.value ? null : bad(`expected ${want}`);
  }
  if ((m = /^computed:share\(([\w.]+),([\w.]+)\)$/.exec(n.source))) {
    const want = (((at(p, m[1]!) as number) / (at(p, m[2]!) as number)) * 100).toFixed(1);
    return want === n.value ? null : bad(`expected ${want}`);
  }
  if ((m = /^computed:count\(([\w.]+)\)$/.exec(n.source))) {
    return String((at(p, m[1]!) as unknown[]).length) === n.value ? null : bad('count differs');
  }
  if (n.source === 'computed:productsShare') {
    const ps = (p.form.products ?? []).filter((x) => !REMAINDER.has(x.name.trim()));
    const want = ps.length && ps.every((x) => x.share !== undefined && !x.approx) ? String(Number(ps.reduce((a, x) => a + x.share!, 0).toPrecision(12))) : null;
    return want === n.value ? null : bad(`expected ${want}`);
  }
  if (n.source.startsWith('computed:')) return bad('unknown computation');
  if (n.source === 'spec:finance.columns') return specYears.includes(n.value) ? null : bad('not a year of the form');
  // 「车间1」 for a workshop with no name: its place among the form's workshops, which must exist.
  const place = /^spec:workshops\.(\d+)$/u.exec(n.source);
  if (place) return Number(place[1]) < (p.form.workshops ?? []).length && n.value === String(Number(place[1]) + 1) ? null : bad('not a workshop of the form');
  const fact = at(p, n.source);
  if (typeof fact === 'number') return fact === v ? null : bad(`fact is ${fact}`);
  if (typeof fact === 'string') {
    const runs = (fact.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (runs.includes(v)) return null;
    // A relative time the enterprise typed (去年, 明年, 年底) is printed in document form as the year it names.
    if (RELATIVE_YEARS.some(([word, offset]) => word.test(fact) && v === NOTICE_YEAR + offset)) return null;
    // So is a year typed with two digits (「09年起家」 → 2009年): this century up to a few years ahead, the last from 50.
    const short = [...fact.matchAll(/(?<!\d)(\d{2})年/gu)].map((x) => Number(x[1]));
    const century = (yy: number) => (yy <= (NOTICE_YEAR % 100) + 5 ? 2000 + yy : yy >= 50 ? 1900 + yy : undefined);
    return short.some((yy) => century(yy) === v) ? null : bad(`not in the fact text "${fact}"`);
  }
  return bad('no such fact');
}

export function traceProblems(p: DraftProfile, text: string, numbers: NumberSource[]): string[] {
  const problems: string[] = [];
  const listed = new Set(numbers.map((n) => n.value.replace(/^-/, '')));
  // A placeholder names a missing fact; its label is not a claim about the enterprise.
  for (const run of text.replace(/〔请补充：[^〕]*〕/g, '').match(/\d+(?:\.\d+)?/g) ?? []) if (!listed.has(run)) problems.push(`"${run}" in the text is not listed in numbers`);
  for (const n of numbers) {
    const e = verifyNumber(p, n);
    if (e) problems.push(e);
  }
  return problems;
}
