import { describe, expect, it } from 'vitest';
import { countChars } from '../../server/forms/length';
import { checkCreditCode, creditCodeCheckChar, CREDIT_CODE_CHARSET, CREDIT_CODE_WEIGHTS } from '../../server/forms/creditCode';
import { changeRatio, debtRatio, outputPerPersonDay, sharePercent } from '../../server/forms/compute';
import { checkFacts, indicatorChange } from '../../server/forms/facts';
import { FormFacts } from '../../server/schemas/forms';
import { factCheckFormOf } from '../../server/forms/knowledge';
import { loadKnowledgeData } from '../../server/knowledge/load';

const lengthCases: [string, number, string][] = [
  ['', 0, 'empty text counts nothing'],
  ['智能工厂', 4, 'each CJK character counts one'],
  ['应用MES系统', 5, 'an ASCII word inside Chinese counts one'],
  ['，。（）、：；“”', 9, 'full-width punctuation counts one each'],
  ['0.85%', 1, 'a number with its decimal point and percent sign is one word'],
  ['ISO 9001 认证', 4, 'space-separated ASCII runs count separately'],
  ['制造执行系统（MES）', 9, 'system name with abbreviation: 6 + 2 brackets + 1 word'],
  ['由0.50提升至0.72', 6, 'numbers between Chinese characters are one each'],
  ['  \n\t', 0, 'whitespace counts nothing'],
  ['5G专网', 3, 'a mixed ASCII run counts one and the Chinese two'],
];

describe('Word-style 字数 counting', () => {
  it.each(lengthCases)('counts %j as %i (%s)', (text, n) => {
    expect(countChars(text)).toBe(n);
  });
});

/** Builds a valid code from 17 characters by computing the check character independently. */
function makeCode(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  const c = (31 - (sum % 31)) % 31;
  return first17 + CREDIT_CODE_CHARSET[c];
}

describe('统一社会信用代码 check per GB 32100-2015', () => {
  const valid = [makeCode('91410100MA3X7K2P4'), makeCode('91411000123456789'), makeCode('52410000L12345678'), makeCode('91110108MA01ABCDE')];

  it('computes the weights as 3^i mod 31', () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n)));
  });

  it.each(valid)('accepts the constructed valid code %s', (code) => {
    const r = checkCreditCode(code);
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps a remainder of zero to the check character 0', () => {
    // Find a body whose weighted sum is divisible by 31 by varying the last digit.
    for (let d = 0; d < 31; d++) {
      const body = '9141010012345678' + CREDIT_CODE_CHARSET[d];
      let sum = 0;
      for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(body[i]!) * CREDIT_CODE_WEIGHTS[i]!;
      if (sum % 31 === 0) {
        expect(creditCodeCheckChar(body)).toBe('0');
        return;
      }
    }
    throw new Error('no body with remainder 0 found');
  });

  const invalid: [string, RegExp][] = [
    [valid[0]!.slice(0, 17), /18位/],
    [valid[0]! + '1', /18位/],
    [valid[0]!.slice(0, 17) + (valid[0]![17] === '1' ? '2' : '1'), /校验位不符/],
    ['91410100MA3X7K2PO' + '1', /不允许的字符/],
    ['91410100MA3X7K2PI1', /不允许的字符/],
    ['9141AB00MA3X7K2P4' + 'X', /第3–8位/],
  ];
  it.each(invalid)('rejects %s with a message naming the problem', (code, msg) => {
    const r = checkCreditCode(code);
    expect(r.ok).toBe(false);
    expect(r.errors.join('；')).toMatch(msg);
  });

  it('accepts lower case and surrounding spaces by normalising', () => {
    expect(checkCreditCode(`  ${valid[0]!.toLowerCase()} `).ok).toBe(true);
  });

  it('flags a Henan enterprise whose division code does not start with 41, without rejecting the code', () => {
    const r = checkCreditCode(valid[3]!, '河南省');
    expect(r.ok).toBe(true);
    expect(r.warnings[0]).toMatch(/不以41开头/);
    expect(checkCreditCode(valid[0]!, '河南省').warnings).toEqual([]);
    expect(checkCreditCode(valid[0]!, '山东省').warnings[0]).toMatch(/属于河南省/);
  });
});

describe('computed values carry their formula', () => {
  const ratioCases: [number, number, string][] = [
    [0.5, 0.72, '44.0'],
    [120, 105, '-12.5'],
    [180, 120, '-33.3'],
    [2.1, 0.9, '-57.1'],
    [0.085, 0.072, '-15.3'],
    [10, 10, '0.0'],
    [2.4, 0.9, '-62.5'],
    [0.9, 2.4, '166.7'],
  ];
  it.each(ratioCases)('提升/降低比例 from %d to %d is %s%%', (b, a, shown) => {
    const c = changeRatio(b, a)!;
    expect(c.display).toBe(shown);
    // The formula ends in the size the form's cell prints, in the order of operands that gives it: a fall subtracts the after figure.
    const size = shown.replace(/^-/, '');
    expect(c.formula.endsWith(`= ${size}%`), c.formula).toBe(true);
    if (shown.startsWith('-')) expect(c.formula).toMatch(new RegExp(`^降低比例 = \\(建设前 − 建设后\\) ÷ 建设前 × 100% = \\(${b} − ${a}\\) ÷ ${b} × 100%`));
    else if (Number(shown) > 0) expect(c.formula).toMatch(new RegExp(`^提升比例 = \\(建设后 − 建设前\\) ÷ 建设前 × 100% = \\(${a} − ${b}\\) ÷ ${b} × 100%`));
    else expect(c.formula).toContain('(建设后 − 建设前) ÷ 建设前');
    expect(c.formula, 'no negative figure beside a cell that prints a size').not.toContain('-');
  });

  it('takes the 提升比例 of computed 生产效率 from the unrounded figures, and prints the figures so they carry it', () => {
    const facts = (outBefore: number, outAfter: number, hb: number, ha: number, days: number) =>
      ({ indicators: { outputValue: { before: outBefore, after: outAfter }, headcount: { before: hb, after: ha }, workingDays: days } }) as FormFacts;
    const shown = (f: FormFacts) => {
      const c = indicatorChange(f, 'productivity')!;
      return [c.before.display, c.after.display, c.display, c.formula];
    };
    const rise = (b: string, a: string, r: string) => `提升比例 = (建设后 − 建设前) ÷ 建设前 × 100% = (${a} − ${b}) ÷ ${b} × 100% = ${r}%`;
    // 7000万/95人/300天 → 10000万/90人/300天: 0.2456 → 0.3704 is 50.8%; at two decimals (0.25 → 0.37) it read 48.0.
    expect(shown(facts(7000, 10000, 95, 90, 300))).toEqual(['0.2456', '0.3704', '50.8', rise('0.2456', '0.3704', '50.8')]);
    // 0.83 → 1.33 at two decimals read 60.2%; the unrounded 0.8333… → 1.3333… is 60.0%.
    expect(shown(facts(25000, 40000, 100, 100, 300))).toEqual(['0.8333', '1.3333', '60.0', rise('0.8333', '1.3333', '60.0')]);
    // 0.19 → 0.25 at two decimals read 31.6%, 0.20 → 0.23 read 15.0%; the unrounded changes are 31.2% and 14.0%.
    expect(shown(facts(12000, 15000, 210, 200, 300))).toEqual(['0.1905', '0.2500', '31.2', rise('0.1905', '0.2500', '31.2')]);
    expect(shown(facts(6000, 6500, 100, 95, 300))).toEqual(['0.2000', '0.2281', '14.0', rise('0.2000', '0.2281', '14.0')]);
    // 0.150235 → 0.249760 is 66.25…%: at four decimals (0.1502 → 0.2498, 66.3%) the printed figures would not carry
    // the change's 66.2%, so both sides print to the decimals that do.
    expect(shown(facts(16000, 26000, 355, 347, 300))).toEqual(['0.150235', '0.249760', '66.2', rise('0.150235', '0.249760', '66.2')]);
    // A trailing zero printed stays in the formula as in the row, and a fall keeps its direction.
    expect(shown(facts(15000, 10800, 100, 100, 300))).toEqual(['0.5000', '0.3600', '-28.0', '降低比例 = (建设前 − 建设后) ÷ 建设前 × 100% = (0.5000 − 0.3600) ÷ 0.5000 × 100% = 28.0%']);
    // Every computed ratio is the unrounded one, and also the exact result of its printed operands: no 「≈」 anywhere.
    for (const f of [facts(7000, 10000, 95, 90, 300), facts(16000, 26000, 355, 347, 300), facts(25000, 40000, 100, 100, 300), facts(9000, 11000, 97, 93, 251)]) {
      const c = indicatorChange(f, 'productivity')!;
      const ind = f.indicators!;
      const exact = ((ind.outputValue!.after! / ind.headcount!.after!) / (ind.outputValue!.before! / ind.headcount!.before!) - 1) * 100;
      expect(c.formula).not.toContain('≈');
      expect(c.display).toBe(exact.toFixed(1));
      expect(((Number(c.after.display) - Number(c.before.display)) / Number(c.before.display) * 100).toFixed(1)).toBe(c.display);
    }
    // Operands printed as given keep the exact sign.
    expect(changeRatio(2.4, 0.9)!.formula.endsWith('= 62.5%')).toBe(true);
  });

  it('refuses a ratio against a zero baseline instead of printing Infinity', () => {
    expect(changeRatio(0, 5)).toBeNull();
  });

  const debtCases: [number, number, string][] = [
    [4200, 10000, '42.0'],
    [1, 3, '33.3'],
    [12000, 10000, '120.0'],
  ];
  it.each(debtCases)('资产负债率 of liabilities %d over assets %d is %s%%', (l, a, shown) => {
    const c = debtRatio(l, a)!;
    expect(c.display).toBe(shown);
    expect(c.formula).toMatch(/总负债 ÷ 总资产 × 100%/);
  });

  it('computes 每人每天产出 only when output, headcount and working days are all given', () => {
    const c = outputPerPersonDay(54000, 300, 300)!;
    expect(c.display).toBe('0.6000');
    expect(c.formula).toContain('54000 ÷ 300 ÷ 300');
    expect(outputPerPersonDay(54000, 0, 300)).toBeNull();
  });

  it('computes shares of equipment with one decimal', () => {
    expect(sharePercent(134, 146, '联网率')!.display).toBe('91.8');
    expect(sharePercent(150, 146, '联网率')).toBeNull();
  });
});

describe('form facts validation', () => {
  it('rejects negative money and impossible dates with field names', () => {
    const r = FormFacts.safeParse({ registeredCapital: -5, foundedOn: '2021-02-30', finance: { '2022': { totalAssets: -1 } } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['registeredCapital', 'foundedOn', 'finance.2022.totalAssets']));
  });

  it('accepts a month-only date and a negative profit (a loss)', () => {
    expect(FormFacts.safeParse({ project: { start: '2020-03' }, finance: { '2022': { profit: -120 } } }).success).toBe(true);
  });

  it('flags 总负债 greater than 总资产 and a construction end before its start', () => {
    const form = factCheckFormOf(loadKnowledgeData('knowledge', 'henan-2023'));
    const flags = checkFacts({ form: FormFacts.parse({ finance: { '2021': { totalAssets: 100, totalLiabilities: 130 } }, project: { start: '2022-05', end: '2021-01' } }) }, form);
    expect(flags.map((f) => f.field)).toEqual(['finance.2021.totalLiabilities', 'project.end']);
    // The flag gives the figures and the ratio they make, and leaves 二(一) to the bureau.
    expect(flags[0]!.message).toMatch(/2021年总负债（130万元）大于总资产（100万元），资产负债率为130\.0%/);
    expect(flags[0]!.message).toContain('由主管部门审核认定');
  });
});
