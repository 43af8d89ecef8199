/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-symbol set (no I, O, S, V, Z),
 * position 1 the registration authority, 2 the organisation type, 3–8 the administrative
 * division code (Henan starts with 41), 9–17 the organisation code body, 18 a check
 * character over the first 17 with weights 3^(i) mod 31.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if any of them is outside the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c]!;
}

export interface CreditCodeCheck {
  ok: boolean;
  /** Normalised (trimmed, upper-cased) code. */
  code: string;
  errors: string[];
  /** Not fatal: the code is well-formed but something does not fit the rest of the facts. */
  warnings: string[];
  regionCode?: string;
}

/**
 * Validates a code. `province` is the stated province of the enterprise; a code whose
 * division code does not start with 41 for a Henan enterprise is flagged, because the
 * notice only admits enterprises registered in Henan.
 */
export function checkCreditCode(input: string, province?: string): CreditCodeCheck {
  const code = input.trim().toUpperCase().replace(/\s+/g, '');
  const errors: string[] = [];
  const warnings: string[] = [];
  if (code.length !== 18) errors.push(`统一社会信用代码应为18位，当前为${code.length}位`);
  const bad = [...code].filter((c) => !CREDIT_CODE_CHARSET.includes(c));
  if (bad.length) errors.push(`含有不允许的字符：${[...new Set(bad)].join('')}（不使用 I、O、S、V、Z）`);
  if (errors.length) return { ok: false, code, errors, warnings };
  if (!/^\d{6}$/.test(code.slice(2, 8))) errors.push('第3–8位应为6位数字的登记管理机关行政区划码');
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) errors.push(`校验位不符：按前17位算，最后一位应是 ${expected}，填的是 ${code[17]}。请对照营业执照逐位核对，任何一位抄错都会这样`);
  const regionCode = code.slice(2, 8);
  if (province !== undefined && /河南/.test(province) && !regionCode.startsWith('41')) {
    warnings.push(`行政区划码 ${regionCode} 不以41开头，与所填省份“${province}”（河南，41）不一致，请核对`);
  }
  if (province !== undefined && province.trim() !== '' && !/河南/.test(province) && regionCode.startsWith('41')) {
    warnings.push(`行政区划码 ${regionCode} 属于河南省，与所填省份“${province}”不一致，请核对`);
  }
  return { ok: errors.length === 0, code, errors, warnings, regionCode };
}
