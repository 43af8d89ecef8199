/**
 * Numbers as people type them: Arabic or Chinese numerals, with magnitudes (万, 亿), units
 * (人, 台套, 万元, %) and hedges (约, 左右). Pure; no knowledge needed.
 */

export interface Quantity {
  /** The value in the unit as written, magnitudes applied: 1.2亿元 → 120000000 (元), 两百人 → 200 (人). */
  value: number;
  /** The unit written after the number (元, 万元, 人, %, 个 …); absent for a bare number. */
  unit?: string;
  /** True when a hedge (约, 大约, 左右, 近, 超过 …) qualifies the number. */
  approx: boolean;
  /** The text the quantity was read from, and where it starts in the analysed text. */
  text: string;
  index: number;
}

// The financial forms (壹, 贰, 拾, 仟 …) are how licences and contracts print amounts: 伍仟万圆整.
const CN_DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 拾: 10, 佰: 100, 仟: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8, 萬: 1e4, 億: 1e8 };

/**
 * Two neighbouring digits said together give a range (七八十 is 70 to 80, 两三百 200 to 300, 十七八 17 or 18):
 * before a place unit or after 十, so a year (二〇一二) or a list (一二三) is none.
 */
const RANGE = /([一二两三四五六七八])([二三四五六七八九])(?=[十百千万亿成])|(?<=十)([一二两三四五六七八])([二三四五六七八九])$/u;

function rangeAt(s: string): RegExpExecArray | undefined {
  const m = RANGE.exec(s);
  if (!m) return undefined;
  const [a, b] = [CN_DIGIT[(m[1] ?? m[3])!]!, CN_DIGIT[(m[2] ?? m[4])!]!];
  return b === a + 1 ? m : undefined;
}

/** 八十五 → 85, 一百 → 100, 十二 → 12, 八十五点五 → 85.5, 三万二千 → 32000, 一万二千万 → 120000000, 一点二亿 → 120000000; a range (七八十) → its lower end, 70. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  const range = rangeAt(s);
  if (range) s = s.slice(0, range.index + 1) + s.slice(range.index + 2);
  const [intPart = '', fracPart, extra] = s.split('点');
  if (extra !== undefined) return undefined;
  // 一点二亿: the magnitude after a fraction applies to the whole number.
  let tailMagnitude = 1;
  let frac = fracPart;
  if (frac) {
    const last = frac[frac.length - 1]!;
    if (last in CN_BIG_UNIT) {
      tailMagnitude = CN_BIG_UNIT[last]!;
      frac = frac.slice(0, -1);
    }
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  // The unit right before the current run of digits, and how many digits the run has: 三千五 says
  // 3500 and 一万二 says 12000 (the one digit after a unit counts in the next lower place), while
  // 三千零五 says 3005 and 二十五 says 25.
  let unitBefore: number | undefined;
  let run = 0;
  // The last of 万/亿 read, and whether a 零 came after it: see the end of the loop.
  let lastBig: number | undefined;
  let zeroSinceBig = false;
  // The value as it stood right after the last 亿: a second 万 in the same 亿 section scales
  // that section's whole figure, as people say it (一万二千万 is 12000万, 一万零五百万 is 10500万).
  let belowYi = 0;
  // Only a unit larger than the one before a lone digit scales it as elided (三千五万 is 3500万);
  // after 亿 a digit before 万 is in the 万 place (三亿一万 is 300010000).
  const elided = (coming = Infinity) =>
    digit !== undefined && run === 1 && unitBefore !== undefined && unitBefore >= 100 && unitBefore < coming ? digit * (unitBefore / 10) : digit ?? 0;
  for (const ch of intPart) {
    if (ch in CN_DIGIT || /\d/.test(ch)) {
      if (ch === '零' || ch === '〇') (unitBefore = undefined), (zeroSinceBig = true);
      digit = (digit ?? 0) * 10 + (ch in CN_DIGIT ? CN_DIGIT[ch]! : Number(ch));
      run = ch === '零' || ch === '〇' ? 0 : run + 1;
    } else if (ch in CN_BIG_UNIT) {
      const unit = CN_BIG_UNIT[ch]!;
      const last = elided(unit);
      // 亿 scales everything before it; 万 only the part since the last 亿 (一亿二千万 = 1.2亿).
      if (unit === 1e8) total = belowYi = (total + section + last) * unit;
      else if (lastBig === 1e4) total = belowYi + (total - belowYi + section + last) * unit;
      else total += (section + last) * unit;
      section = 0;
      digit = undefined;
      run = 0;
      unitBefore = unit;
      lastBig = unit;
      zeroSinceBig = false;
    } else if (ch in CN_SMALL_UNIT) {
      section += (digit ?? 1) * CN_SMALL_UNIT[ch]!;
      digit = undefined;
      run = 0;
      unitBefore = CN_SMALL_UNIT[ch]!;
    } else return undefined;
  }
  // After 亿 with no 零, the places that follow are the 万 section's, as with one digit (一亿五 = 1.5亿):
  // 一亿五千 is 1.5亿 and 三亿五千八百 is 3.58亿, while 一亿零五千 is 100005000.
  const tail = section + elided();
  let value = total + (lastBig === 1e8 && !zeroSinceBig && section > 0 ? tail * 1e4 : tail);
  if (frac) {
    let scale = 0.1;
    for (const ch of frac) {
      const d = ch in CN_DIGIT ? CN_DIGIT[ch] : /\d/.test(ch) ? Number(ch) : undefined;
      if (d === undefined) return undefined;
      value += d * scale;
      scale /= 10;
    }
  }
  return round(value * tailMagnitude);
}

function round(n: number): number {
  return Number(n.toPrecision(12));
}

/** Units after a number, longest first so 万元 wins over 万 and 台套 over 台. */
const UNITS = [
  // 「六百来号人」: 号 before 人 is the spoken counter of people, the unit 人 (「五号车间」 has no 人 after it).
  '号人', '个百分点', '个点', '平方米', '吨标准煤', '万元', '亿元', '台套', '小时', '分钟', '百分点',
  // Foreign currencies are units of their own, never 元: 500万美元 is no 500 万元.
  '美元', '欧元', '日元', '港元', '港币', '英镑',
  '%', '‰', '元', '人', '个', '家', '台', '套', '条', '项', '张', '名', '位', '年', '月', '日', '号', '天', '周', '次', '批', '类', '种', '份', '层', '吨', '米', '秒',
  // 兆 after a number is a file size as spoken (「一百八十兆」 is 180 MB), never the numeral 10¹².
  '兆', 'mb', 'm', 'gb', 'g', 'p', 'kw',
];
const UNIT_RE = UNITS.join('|');
// 「超11亿元」「突破3000人」 give a lower bound, as 超过 and 逾 do: the figure is not the exact one.
const HEDGE_BEFORE = '约|大约|大概|差不多|将近|接近|近|超过|超|突破|逾|不到|不少于|不超过|至少|最多|上下';
const HEDGE_AFTER = '左右|上下|多|余|以上|以下|出头';
const CN_NUM = '[零〇一二两三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾][零〇一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億]*(?:点[零〇一二三四五六七八九]+[万亿]?)?';
const AR_NUM = '\\d+(?:\\.\\d+)?';
// Arabic digits with Chinese place units: 3千5百万, 1万2, and a 零 holding an empty place: 2亿零450万.
const MIXED_NUM = '\\d+[十百千万亿](?:[零〇]?\\d+[十百千万亿]?|[十百千万亿])+';
// 「二十几个」「十几人」: 几 after tens is a filler as 多 is; before a magnitude (一千几百) it is a digit unknown, no filler.
const FILL = '多|余|来|几(?![十百千])';

/** What every quantity QUANTITY finds begins with: a digit or the first character of CN_NUM. */
const NUMERAL = /[\d零〇一二两三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾]/u;

// One pass finds every quantity: 百分之X, X成Y, then numerals with magnitude and unit.
const QUANTITY = new RegExp(
  [
    `(?<hedge1>${HEDGE_BEFORE})?百分之(?<pct>${CN_NUM}|${AR_NUM})(?<hedge2>${HEDGE_AFTER})?`,
    `(?<hedge6>${HEDGE_BEFORE})?千分之(?<pml>${CN_NUM}|${AR_NUM})(?<hedge7>${HEDGE_AFTER})?`,
    // 「三成左右吧」「六成多」: an approximation or a closing particle may follow; any other character (三成员, 一成不变) makes it no figure.
    // 「六七成」 is a range: its lower end, approximate.
    // Typed with a digit (「7成」「8成多」「9成5」, a full-width ７ already half-width) it is the same figure.
    `(?<hedge3>${HEDGE_BEFORE})?(?<![\\d.])(?<tens>[一二两三四五六七八九1-9])(?<upper>[二三四五六七八九2-9])?成(?<ones>[一二三四五六七八九1-9](?![\\d.]))?(?<hedge8>${HEDGE_AFTER})?(?![\\p{Script=Han}](?<![吧啊呀了的]))`,
    // 「两分半钟」「一个半小时」: half a unit more, said after the unit (2.5分钟, 1.5小时).
    `(?<hedge9>${HEDGE_BEFORE})?(?<whole>${AR_NUM}|${CN_NUM})(?:分半钟?|个半(?<halfHour>小时|钟头))(?<hedge10>${HEDGE_AFTER})?`,
    // 「两百来人」, 「800余人」, 「两千多万」: a filler between the number and its magnitude or unit makes it approximate.
    // As spoken, a measure word may stand before the magnitude: 「两个亿」「1.8个亿」「三个多亿」「三十多个亿」.
    `(?<hedge4>${HEDGE_BEFORE})?(?<num>${MIXED_NUM}|${AR_NUM}|${CN_NUM})(?:个(?=(?:${FILL})?[万亿]))?(?<fill1>${FILL})?(?:个(?=[万亿]))?(?<mag>[万亿千百](?!分之))?(?<fill2>${FILL})?(?<unit>${UNIT_RE})?(?<hedge5>${HEDGE_AFTER})?`,
  ].join('|'),
  'gu',
);

/**
 * The Latin-led head of a model name an Arabic number continues: 「s7-1200」「irb-6700」「x-200型」, and 「s7 1200」 where
 * the head holds digits of its own. Its digits name the model, not a count and no minus sign, so 「S7-1200两套」 counts
 * 两套; 「CNC 30台」 (a head without digits) still counts 30台.
 */
const MODEL_TAIL = /(?:[a-z][a-z\d]*-|[a-z][a-z]*\d[a-z\d]*\s)$/u;

/**
 * A model name whose digits are its name, not a count, in text of either case: a Latin head before a hyphen and digits
 * (「S7-1200」「IRB-6700」「A-100」), a head holding digits and digits spaced after it (「S7 1200」), Latin letters with
 * digits not followed by a measure word (「KR210六台」「S7三台」, but not 「CNC30台」, whose 30 is the count), or digits
 * before 型 (「6700型」).
 */
export const MODEL_NAME =
  /(?<![a-z\d])(?:[a-z][a-z\d]*-\d[a-z\d]*|[a-z]+\d[a-z\d]*\s\d[a-z\d]*|[a-z]+\d+[a-z\d]*(?![a-z\d]|\s*(?:台|套|个|件|条|人|项|万|千|百|%))|\d+型)/giu;

/**
 * Every quantity in already-normalised text (NFKC, lower case). A Chinese numeral counts only
 * with a unit or magnitude after it, so 一下, 统一, 三维 and clause numbers such as 四(一) are not numbers.
 */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  // Most questions name no figure at all, and the one-pass pattern tries every alternative at every
  // character before it finds none; each alternative starts with a digit or a numeral.
  if (!NUMERAL.test(text)) return out;
  for (const m of text.matchAll(QUANTITY)) {
    const g = m.groups!;
    const ranged = [g.pct, g.pml, g.num].some((x) => x !== undefined && !/^[\d.]+$/.test(x) && isRange(x));
    const hedged = Boolean(g.hedge1 || g.hedge2 || g.hedge3 || g.hedge8 || g.hedge4 || g.hedge5 || g.hedge6 || g.hedge7 || g.fill1 || g.fill2 || g.upper || ranged);
    if (g.pct !== undefined) {
      const v = /^[\d.]+$/.test(g.pct) ? Number(g.pct) : parseChineseNumber(g.pct);
      if (v !== undefined) out.push({ value: v, unit: '%', approx: hedged, text: m[0], index: m.index! });
      continue;
    }
    // 千分之三点二 is 0.32 %: a per-mille figure is never read as a percentage of the same digits.
    if (g.pml !== undefined) {
      const v = /^[\d.]+$/.test(g.pml) ? Number(g.pml) : parseChineseNumber(g.pml);
      if (v !== undefined) out.push({ value: round(v / 10), unit: '%', approx: hedged, text: m[0], index: m.index! });
      continue;
    }
    if (g.whole !== undefined) {
      const v = /^[\d.]+$/.test(g.whole) ? Number(g.whole) : parseChineseNumber(g.whole);
      if (v !== undefined) out.push({ value: round(v + 0.5), unit: g.halfHour ? '小时' : '分钟', approx: Boolean(g.hedge9 || g.hedge10), text: m[0], index: m.index! });
      continue;
    }
    if (g.tens !== undefined) {
      const digit = (c: string) => CN_DIGIT[c] ?? Number(c);
      if (g.upper !== undefined && (g.ones !== undefined || digit(g.upper) !== digit(g.tens) + 1)) continue;
      out.push({ value: digit(g.tens) * 10 + (g.ones ? digit(g.ones) : 0), unit: '%', approx: hedged, text: m[0], index: m.index! });
      continue;
    }
    const num = g.num!;
    const chinese = !/^\d/.test(num) || /[十百千万亿]/.test(num);
    // An Arabic number must not be the tail of a longer token (ISO dates, codes, 1080p is kept as a number with unit p).
    const lead = text.slice(0, m.index! + (g.hedge4?.length ?? 0));
    if (!chinese && (/[a-z]$/.test(lead) || MODEL_TAIL.test(lead))) continue;
    // Digits before 型 (「6700型机器人」) name a model, as a Latin head's do.
    if (!chinese && !g.unit && !g.mag && text.startsWith('型', m.index! + m[0].length)) continue;
    let unit = g.unit;
    if (chinese && !unit && !g.mag && !/[万亿]/.test(num)) continue;
    // "一百" is a numeral; "百" after an Arabic number is a magnitude (3百人).
    let value = chinese ? parseChineseNumber(num) : Number(num);
    if (value === undefined) continue;
    if (g.mag) value *= g.mag === '亿' ? 1e8 : g.mag === '万' ? 1e4 : g.mag === '千' ? 1e3 : 100;
    if (unit === '亿元') {
      value *= 1e8;
      unit = '元';
    }
    // 「90来个点」: a rate said in points is a percentage, as 百分点 is.
    if (unit === '百分点' || unit === '个百分点' || unit === '个点') unit = '%';
    if (unit === '号人') unit = '人';
    if (unit === '‰') {
      value /= 10;
      unit = '%';
    }
    out.push({ value: round(value), ...(unit ? { unit } : {}), approx: hedged, text: m[0], index: m.index! });
  }
  return out;
}

/**
 * A quantity in the unit a question expects. Money converts between 元 and 万元
 * (1.2亿 → 12000 万元); a ratio written as a fraction of one (0.85) reads as 85 %;
 * any other unit must match or be absent.
 */
export function inUnit(q: Quantity, unit: string | undefined): number | undefined {
  if (!unit) return q.value;
  if (unit === '万元') {
    if (q.unit === '万元') return q.value;
    if (q.unit === '元') return round(q.value / 1e4);
    if (q.unit === undefined) {
      // A bare 1.2亿 or 3000万 is money when money is asked for: a 亿, or a 万 that closes the figure, stands for
      // 亿元 or 万元. A 万 inside a numeral (一万五千, 1万5) is a place of the figure, which is typed in the
      // field's own 万元: 一万五千 is 15000 万元, never 1.5.
      const said = q.text.replace(new RegExp(`(?:${HEDGE_AFTER})$`, 'u'), '');
      return /[亿億]|[万萬](?:多|余|来|几)?$/u.test(said) ? round(q.value / 1e4) : q.value;
    }
    return undefined;
  }
  if (unit === '%') {
    if (q.unit === '%') return q.value;
    if (q.unit === undefined) return q.value <= 1 && /\./.test(q.text) ? round(q.value * 100) : q.value;
    return undefined;
  }
  if (q.unit === undefined || q.unit === unit) return q.value;
  // 台 and 套 count the same equipment as 台套.
  if (unit === '台套' && (q.unit === '台' || q.unit === '套')) return q.value;
  // A count of people or items may be written with 个 or 名.
  if ((unit === '人' || unit === '家' || unit === '项' || unit === '条') && (q.unit === '个' || q.unit === '名' || q.unit === '位')) return q.value;
  return undefined;
}

/** The first quantity of a text that reads in the given unit. */
export function parseQuantity(text: string, unit?: string): number | undefined {
  for (const q of findQuantities(text)) {
    const v = inUnit(q, unit);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * The text with each Chinese numeral that carries a unit written in Arabic digits
 * (两百人 → 200人, 三个 → 3个, 百分之八十五 → 85%), so later steps read one form.
 */
export function arabicNumerals(text: string, quantities: readonly Quantity[]): { text: string; changed: { from: string; to: string }[] } {
  let out = '';
  let at = 0;
  const changed: { from: string; to: string }[] = [];
  for (const q of quantities) {
    // 「两分半钟」 is written 2.5分钟: the half goes into the digits, the unit follows.
    const half = /^(.*?)([零〇一二两三四五六七八九十百\d.]+)(?:分半钟?|个半(?:小时|钟头))(.*)$/u.exec(q.text);
    if (half) {
      const replacement = `${half[1]}${q.value}${q.unit}${half[3]}`;
      out += text.slice(at, q.index) + replacement;
      at = q.index + q.text.length;
      changed.push({ from: q.text, to: replacement });
      continue;
    }
    const m = /^(.*?)(百分之)?([零〇一二两三四五六七八九十百千万亿点]+)(成[一二三四五六七八九]?)?(.*)$/u.exec(q.text);
    if (!m || !/[零〇一二两三四五六七八九十]/.test(m[3]!)) continue;
    const [, hedge, pct, , cheng, rest] = m;
    const replacement = pct || cheng ? `${hedge}${q.value}%${rest}` : `${hedge}${chineseValue(m[3]!)}${rest}`;
    if (replacement === q.text) continue;
    out += text.slice(at, q.index) + replacement;
    at = q.index + q.text.length;
    changed.push({ from: q.text, to: replacement });
  }
  return { text: out + text.slice(at), changed };
}

function chineseValue(numeral: string): string {
  const v = parseChineseNumber(numeral);
  return v === undefined ? numeral : String(v);
}

/**
 * Digits as a phone number is read out, one at a time: 幺 for 1 (said so it is not heard as 七), 两 or 俩 for 2,
 * 洞 for 0. Voice input writes them as it hears them (「幺三八 幺二七二 三四五六」).
 */
const SPOKEN_DIGIT: Record<string, string> = { 零: '0', 〇: '0', 洞: '0', 幺: '1', 一: '1', 二: '2', 两: '2', 俩: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const SPOKEN = '零〇洞幺一二两俩三四五六七八九';
/**
 * Seven digits or more in a row, with the spaces or dashes people group them by: a number read digit by digit. A place
 * word next to it (十, 百, 万, 点) makes it a figure (「一百二十六亿」), which this never rewrites.
 */
const SPOKEN_RUN = new RegExp(`(?<![${SPOKEN}十百千万亿点\\d])[${SPOKEN}\\d](?:[\\s\\-—－]?[${SPOKEN}\\d]){6,}(?![${SPOKEN}十百千万亿点\\d])`, 'gu');
/** An extension read out after 转 or 分机 (「转八零二一」). */
const SPOKEN_EXTENSION = new RegExp(`(?<=(?:转|分机号?)\\s*)[${SPOKEN}]{1,6}(?![${SPOKEN}十百千万亿点])`, 'gu');

/**
 * A phone number read out digit by digit, in Arabic digits: 「幺三八 幺二七二 三四五六」 → 「138 1272 3456」,
 * 「零三七一 二三九五 六七八八」 → 「0371 2395 6788」. Only where a phone number is asked or given: elsewhere 两 and
 * 一 are words (「两两一组」), and a run of Chinese digits may be a year (二〇二一).
 */
export function spokenDigits(text: string): string {
  const digits = (run: string) => [...run].map((c) => SPOKEN_DIGIT[c] ?? c).join('');
  return text.replace(SPOKEN_RUN, (run) => (/[^\d\s\-—－]/u.test(run) ? digits(run) : run)).replace(SPOKEN_EXTENSION, digits);
}

/** A digit of a year as typed in Chinese (二〇一一, 一六, 零四; o for 〇 typed as a letter). */
export const YEAR_DIGIT: Record<string, string> = { 〇: '0', 零: '0', o: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** A two-digit year in full: 20xx unless that is after `thisYear`, then 19xx. */
export function fullYear(yy: number, thisYear: number): number {
  return yy <= thisYear % 100 ? 2000 + yy : 1900 + yy;
}

/**
 * The year a text names, as people type it: 「2011」「2011年3月」, 「二〇一一年」, and a two-digit year
 * before 年 (「11年」「一六年」「零四年」「98年」), which is 20xx unless that is after `thisYear`, then 19xx.
 */
export function yearOf(text: string, thisYear: number): number | undefined {
  const t = text.replace(/[〇零o一二三四五六七八九]+(?=\s*年)/giu, (d) => [...d.toLowerCase()].map((c) => YEAR_DIGIT[c] ?? c).join(''));
  const full = /(?<!\d)(1[89]\d{2}|2\d{3})(?!\d)/.exec(t);
  if (full) return Number(full[1]);
  const short = /(?<!\d)(\d{2})\s*年/.exec(t);
  if (!short) return undefined;
  return fullYear(Number(short[1]), thisYear);
}

/*
 * A range of two figures (「1500-2000万」, 「2%到3%」, 「百分之六十到七十」, 「三百到三百五十人」) or two
 * neighbouring digits said together (「六七十人」, 「三四百万」) gives no one figure. A date span
 * (「2015-2017年」, 「1-6月」) is no range of the figure asked.
 */
const RANGE_FIGURE = String.raw`(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿点]+)`;
const RANGE_UNIT = String.raw`(?:%|‰|个?百分点|个点|[万亿千百]?(?:元|人|台|套|项|天|吨|个|条|家|小时|分钟)?)?`;
const FIGURE_RANGE = new RegExp(String.raw`(?<![\d.a-zA-Z])${RANGE_FIGURE}\s*${RANGE_UNIT}\s*(?:-|~|—|–|－|至|到)\s*(?:百分之)?${RANGE_FIGURE}(?!\s*[年月日号])`, 'u');

/** Whether a text says a range of figures: two figures joined (1500-2000万), or neighbouring digits (六七十, 十七八). */
export function isRange(text: string): boolean {
  return FIGURE_RANGE.test(text) || rangeAt(text) !== undefined;
}

/** A figure as said, in Arabic digits or Chinese numerals (a range such as 七八十 included). */
const SAID_FIGURE = String.raw`(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿点]+)`;
/** The words of a guess before a figure (大概, 差不多有, 好像占): written 约. */
const GUESS_BEFORE = String.raw`(?:大概|大约|大致|大体|差不多|估计|估摸|约莫|约摸|好像|应该|可能|约)(?:有|是|在|能有)?`;
/** The counting words said after a figure before its unit (号人, 个人): the unit alone in writing. */
const SPOKEN_COUNTER = /(?<=\d|[零〇一二两三四五六七八九十百千万])(?:来|多|余|几|出头)?(?:号|个)(?=人)/gu;

/**
 * A round figure as said, in the neutral written form a request to confirm it quotes: 「六百二十来个人」 → 「约620人」,
 * 「五百多号人」 → 「500余人」, 「将近三百人」 → 「近300人」, 「大概七八十台吧」 → 「约七八十台」 (two neighbouring digits
 * said together stay a range in words), 「好像占六成」 → 「约占六成」. The words that are no figure's are kept as said;
 * a particle closing the reply (吧, 啊) is dropped.
 */
export function writtenRoundFigure(said: string): string {
  let t = said.trim().replace(/[，,。.!！~～\s]*[吧呢啊呀哈嘛]*[。.!！~～\s]*$/u, '');
  t = t.replace(SPOKEN_COUNTER, (m) => (/^(?:多|余|几|出头)/u.test(m) ? m.replace(/(?:号|个)$/u, '') : m.startsWith('来') ? '来' : ''));
  // 个 said before 亿 or 万 as a magnitude (「一个亿」「两个多亿」「五个来亿」) is no counter: written 一亿, 两亿多, 五亿来.
  t = t.replace(/(?<=[零〇一二两三四五六七八九十百千\d])个(来|多|余)?([亿万])/gu, (_m, more: string | undefined, mag: string) => `${mag}${more ?? ''}`);
  // A guess word before the figure, or before the verb that introduces it (占, 达), is 约.
  t = t.replace(new RegExp(`${GUESS_BEFORE}(?=(?:占|达|为)?(?:百分之)?${SAID_FIGURE}|一半)`, 'gu'), '约');
  t = t.replace(new RegExp(`(?:将近|接近|快)(?:有|是)?(?=${SAID_FIGURE})`, 'gu'), '近');
  t = t.replace(/百分之([零〇一二两三四五六七八九十点]+|\d+(?:\.\d+)?)/gu, (_m, n: string) => `${/^\d/u.test(n) ? n : parseChineseNumber(n) ?? n}%`);
  // 来, 左右 and 上下 after a figure (and its unit) say about as much as 约 before it; 多 and 出头 say more than it, written 余.
  const unit = '(?:[万亿千百]?(?:人|台|套|项|条|家|个|吨|天|元|万元|亿元|平方米|亩)|[万亿]|%)?';
  t = t.replace(new RegExp(`(?:约)?(${SAID_FIGURE})来(${unit})`, 'gu'), (_m, n: string, u: string) => `约${n}${u}`);
  t = t.replace(new RegExp(`(?:约)?(${SAID_FIGURE}${unit})(?:左右|上下)`, 'gu'), (_m, n: string) => `约${n}`);
  // 几 in a middle place (「一千几百万」「两百几十人」) is a digit unknown below the one said: the figure said and more, 余,
  // so no place of it is written in digits beside a 几 left in words.
  t = t.replace(new RegExp(`(?<!约)(${SAID_FIGURE})几[十百千](?![零〇一二两三四五六七八九十百千点几\\d])`, 'gu'), (_m, n: string) => `${n}余`);
  t = t.replace(new RegExp(`(?<!约)(${SAID_FIGURE})([万亿千百]?)(?:多|出头|几(?![十百千]))`, 'gu'), (_m, n: string, mag: string) => `${n}${mag}余`);
  // The figure in Arabic digits, as the form prints figures; a range said in words (七八十) and a share in 成 stay so.
  t = t.replace(/(?<![零〇一二两三四五六七八九十百千万亿点])[零〇一二两三四五六七八九十百千点]+(?![成零〇一二两三四五六七八九十百千点])/gu, (n: string, at: number) => {
    const next = t.slice(at + n.length);
    if (isRange(n) || !/[十百千]/u.test(n) || !/^(?:[万亿]|余|人|台|套|项|条|家|个|吨|天|元|平方米|亩|$)/u.test(next)) return n;
    const v = parseChineseNumber(n);
    return v === undefined ? n : String(v);
  });
  return t.replace(/约+/gu, '约').replace(/约(?=近|余)/gu, '');
}

/**
 * Which side of a round figure a reply puts the real one on: 「一半不到」「不到三成」「将近一半」 say less than it, 「七成多」
 * 「过半」「一半以上」 more. 差不多 and 左右 say neither; 最多 is at most, 至少 at least.
 */
/**
 * The clause of a reply that holds its figure (「数控化率不高，大概百分之三十五，好多还是老罐子」 → 「大概百分之三十五」): the
 * words that say how round the figure is, or on which side of it the truth lies, are in that clause; a 多 of 好多 in another
 * says nothing of the figure. A reply with no clause or several that hold a figure is returned whole.
 */
export function figureClause(said: string): string {
  const clauses = said.split(/[，,；;。！!？?\n]+/u).map((c) => c.trim()).filter(Boolean);
  const figured = clauses.filter((c) => /[\d零〇一二两三四五六七八九十百千万半]|成/u.test(c));
  return clauses.length > 1 && figured.length === 1 ? figured[0]! : said;
}

export function figureBound(said: string): 'below' | 'above' | undefined {
  const t = figureClause(said).replace(/差不多|不多不少|多少/gu, '');
  if (/不到|不足|不够|不满|没到|没有到|未到|没过|没超|少于|低于|以下|之下|将近|接近|最多|顶多|快到/u.test(t)) return 'below';
  if (/多|出头|过半|超过|超出|以上|开外|有余|余|至少|大半|高于/u.test(t)) return 'above';
  return undefined;
}
