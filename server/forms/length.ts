/**
 * Character count as Word's 字数 reports it for Chinese text: each CJK ideograph or
 * full-width punctuation mark is one, and each run of ASCII non-space characters
 * ("MES", "0.85%", "IATF16949") is one word. Whitespace counts nothing. Other symbols
 * (×, ≥, °) count one each, as Word counts them as characters of their own.
 */
export function countChars(text: string): number {
  let n = 0;
  let inAscii = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || cp === 0x7f || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200b)) {
      inAscii = false;
      continue;
    }
    if (cp < 0x7f) {
      if (!inAscii) n += 1;
      inAscii = true;
      continue;
    }
    inAscii = false;
    n += 1;
  }
  return n;
}

/** "400字左右" means within ±10 %: 360–440. */
export function aroundTarget(nominal: number): { nominal: number; min: number; max: number } {
  return { nominal, min: Math.round(nominal * 0.9), max: Math.round(nominal * 1.1) };
}
