/**
 * Values the form shows but never asks for. Each result carries the formula with the
 * actual operands so it can be printed beside the value and checked by a reader.
 */
export interface Computed {
  /** Unrounded: a value computed from it (a change ratio from 每人每天产出) uses this, never the display. */
  value: number;
  /** As printed: fixed decimals. */
  display: string;
  formula: string;
}

export function fmt(n: number): string {
  // Facts are printed as given; JS prints 0.1+0.2 style noise otherwise.
  return String(Number(n.toPrecision(12)));
}

/** 资产负债率 = 总负债 ÷ 总资产 × 100, one decimal. */
export function debtRatio(totalLiabilities: number, totalAssets: number): Computed | null {
  if (!(totalAssets > 0) || totalLiabilities < 0) return null;
  const value = (totalLiabilities / totalAssets) * 100;
  const display = value.toFixed(1);
  return { value, display, formula: `资产负债率 = 总负债 ÷ 总资产 × 100% = ${fmt(totalLiabilities)} ÷ ${fmt(totalAssets)} × 100% = ${display}%` };
}

/**
 * 提升/降低比例 = (建设后 − 建设前) ÷ 建设前 × 100, one decimal, of the unrounded values given; `value` and `display` are signed. The form's cell
 * prints the size of a change with its direction (changeCell: 「62.5」 under 降低比例, 「降低62.5」 under 提升/降低比例),
 * so the formula printed beside it is the one of that direction, with the operands in the order that gives the
 * size: a fall reads (建设前 − 建设后) ÷ 建设前 and ends in the same positive figure as the cell.
 */
export function changeRatio(before: number, after: number, shown?: { before: string; after: string }): Computed | null {
  if (!(before > 0) || after < 0) return null;
  const value = ((after - before) / before) * 100;
  const display = value.toFixed(1);
  const size = Math.abs(value).toFixed(1);
  // Operands that are themselves computed (每人每天产出) are given as their rows print them (0.50), the values those figures are.
  const b = shown?.before ?? fmt(before);
  const a = shown?.after ?? fmt(after);
  const fall = Number(size) !== 0 && value < 0;
  const name = Number(size) === 0 ? '提升/降低比例' : fall ? '降低比例' : '提升比例';
  const [first, second] = fall ? [['建设前', b], ['建设后', a]] : [['建设后', a], ['建设前', b]];
  const formula = `${name} = (${first[0]} − ${second[0]}) ÷ 建设前 × 100% = (${first[1]} − ${second[1]}) ÷ ${b} × 100% = ${size}%`;
  return { value, display, formula };
}

/**
 * 每人每天产出 = 年产值(万元) ÷ 人数 ÷ 年工作天数, only where all three are given. Printed to the 元 (four decimals of
 * 万元) by default: at two decimals 0.2456 → 0.3704 would print 0.25 → 0.37, whose own ratio (48.0%) is not the
 * change's (50.8%). `decimals` widens it where even four would not carry the change's figure (see indicatorChange).
 */
export function outputPerPersonDay(outputValue: number, headcount: number, workingDays: number, decimals = 4): Computed | null {
  if (!(headcount > 0) || !(workingDays > 0) || outputValue < 0) return null;
  const value = outputValue / headcount / workingDays;
  let display = value.toFixed(decimals);
  if (Number(display) === 0 && value > 0) display = value.toPrecision(2);
  return {
    value,
    display,
    formula: `每人每天产出 = 年产值 ÷ 人数 ÷ 年工作天数 = ${fmt(outputValue)} ÷ ${fmt(headcount)} ÷ ${fmt(workingDays)} = ${display}万元/人/天`,
  };
}

/** 设备占比 / 联网率 as a percentage of a count, one decimal. */
export function sharePercent(part: number, whole: number, name: string): Computed | null {
  if (!(whole > 0) || part < 0 || part > whole) return null;
  const value = (part / whole) * 100;
  const display = value.toFixed(1);
  return { value, display, formula: `${name} = ${fmt(part)} ÷ ${fmt(whole)} × 100% = ${display}%` };
}
