/**
 * Repairs the text a PDF or Word file yields into the line layout the clause parser reads:
 * one paragraph (or one table cell) per line, with no running headers, footers or page numbers.
 *
 * Pure functions: the extractor hands in page texts, the ingester gets lines back.
 */

const HAN = '\\p{Script=Han}';
/** CJK punctuation and fullwidth forms, which sit on the ideographic grid like Han characters. */
const CJK_PUNCT = '\\u3000-\\u303F\\uFF00-\\uFF60\\uFFE0-\\uFFEF\\u2014\\u2018\\u2019\\u201C\\u201D\\u2026\\u3008-\\u3011';
const WIDE = new RegExp(`[${HAN}${CJK_PUNCT}]`, 'u');

/** Lines a paragraph of the notice starts with: 一、 （一） 1. 附件N 附件： */
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|附件\s*\d*\s*$|附件[：:])/;

/** Characters the line breaker never puts at the start of a line (they travel with the character before). */
const NO_LINE_START = /^[，。、；：？！）》」』】〕〉”’%．,.;:!?)\]}—]/;

/**
 * Width variants PDFs produce: Kangxi radicals and compatibility ideographs for ordinary Han
 * characters (NFKC maps them back), fullwidth digits and Latin letters, and odd spaces. Fullwidth
 * punctuation (（）：，) is left alone because the notice itself writes it that way.
 */
export function normaliseWidth(text: string): string {
  return text
    .replace(/[\u2F00-\u2FDF\u2E80-\u2EFF\uF900-\uFAFF]/g, (c) => c.normalize('NFKC'))
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u2002-\u200A\u202F\u205F\u3000]/g, ' ')
    .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '');
}

/** Layout width of a string in ideographic cells: Han and CJK punctuation take a cell, ASCII about half. */
export function cellWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 1 : ch === ' ' ? 0.3 : /[A-Z]/.test(ch) ? 0.7 : 0.55;
  return w;
}

const digitsAsHash = (line: string) => line.replace(/\d+/g, '#').replace(/\s+/g, '');

const PAGE_NUMBER = /^[\s\-—–－·•|]*(?:第\s*)?(?:\d+|[ivxlcdm]+)\s*(?:页)?(?:\s*[/／]\s*\d+)?(?:\s*共\s*\d+\s*页)?[\s\-—–－·•|]*$/i;

/**
 * Removes running headers and footers: a line that opens (or closes) most pages, compared with its
 * digits masked so "第 3 页" and "第 4 页" count as the same line, and bare page numbers.
 */
export function stripPageFurniture(pages: string[][]): string[][] {
  const edge = (pick: (p: string[]) => string[]) => {
    const counts = new Map<string, number>();
    for (const p of pages) for (const key of new Set(pick(p).map(digitsAsHash))) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    const need = Math.max(2, Math.ceil(pages.length * 0.6));
    return new Set([...counts].filter(([, n]) => n >= need).map(([k]) => k));
  };
  const nonBlank = pages.map((p) => p.filter((l) => l.trim()));
  if (pages.length < 2) return nonBlank.map((p) => p.filter((l, i) => !((i === 0 || i === p.length - 1) && PAGE_NUMBER.test(l))));
  const heads = edge((p) => p.slice(0, 2));
  const feet = edge((p) => p.slice(-2));
  return nonBlank.map((p) => {
    let start = 0;
    let end = p.length;
    // At each edge: at most one running header (or footer) and one page number, so a first body line
    // that happens to repeat the header's words stays.
    const strip = (at: () => string, drop: () => void, furniture: Set<string>) => {
      let header = false;
      let number = false;
      for (let k = 0; k < 2 && start < end; k++) {
        const l = at();
        if (!header && furniture.has(digitsAsHash(l))) header = true;
        else if (!number && PAGE_NUMBER.test(l)) number = true;
        else break;
        drop();
      }
    };
    strip(() => p[start]!, () => start++, heads);
    strip(() => p[end - 1]!, () => end--, feet);
    return p.slice(start, end);
  });
}

const latinCount = (s: string) => s.replace(/[^!-~]/g, '').length;

/** The first unbreakable piece of a line: an ASCII word, or a character with the punctuation glued to it. */
function firstToken(line: string): string {
  const ascii = line.match(/^[!-~]+/);
  if (ascii) return ascii[0];
  const chars = [...line];
  let i = 1;
  while (i < chars.length && NO_LINE_START.test(chars[i]!)) i++;
  return chars.slice(0, i).join('');
}

/**
 * Joins lines the page width broke. A line was wrapped when the next line's first unbreakable
 * piece would not have fitted in the room left at its end; a line that starts like a heading is
 * never joined to the one before.
 */
export function unwrapLines(lines: string[], slack = 1.2): string[] {
  const widths = lines.map((l) => cellWidth(l.trim()));
  const sorted = [...widths].sort((a, b) => b - a);
  // The measure is what the longest lines reach; on a long text the third-longest ignores a stray over-long line.
  const measure = sorted[Math.min(3, Math.ceil(sorted.length / 10)) - 1] ?? 0;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const prev = out.length ? out[out.length - 1]! : null;
    const prevWidth = i > 0 ? widths[i - 1]! : 0;
    const room = measure - prevWidth;
    // A line that stops on 。；： ends a paragraph unless it is brim-full; one that stops mid-phrase
    // was broken by the width when the next piece would not have fitted (with slack for the
    // estimate of Latin letter widths).
    const endsSentence = prev !== null && /[。；：！？]$/.test(prev);
    const wrapped =
      prev !== null &&
      !HEADING.test(line) &&
      measure > 8 &&
      prevWidth > measure * 0.6 &&
      (endsSentence ? room < slack + 0.1 * latinCount(prev) : room < cellWidth(firstToken(line)) + slack * 2);
    if (wrapped) out[out.length - 1] = prev + (/[A-Za-z]$/.test(prev) && /^[A-Za-z]/.test(line) ? ' ' : '') + line;
    else out.push(line);
  }
  return out;
}

/**
 * Renderers put a visible gap between Han characters and Latin letters or digits, and PDF text
 * extraction turns that gap into a space ("开展 2023 年度"). Such spaces are dropped, except where
 * the reference text (the previous version's source) has a space in the same place, since a PDF
 * cannot tell layout padding the author typed from a gap the renderer added.
 */
export function dropBoundarySpaces(line: string, keep: Set<string> = new Set()): string {
  const re = new RegExp(`(?<=[${HAN}${CJK_PUNCT}]) +(?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) +(?=[${HAN}${CJK_PUNCT}])`, 'gu');
  return line.replace(re, (m, offset: number) => {
    const key = boundaryKey(line, offset, m.length);
    return keep.has(key) ? ' ' : '';
  });
}

function boundaryKey(line: string, offset: number, len: number): string {
  return `${line.slice(Math.max(0, offset - 3), offset)}␣${line.slice(offset + len, offset + len + 3)}`;
}

/** The boundary spaces a reference text does have, keyed by three characters either side. */
export function boundarySpaces(reference: string): Set<string> {
  const keep = new Set<string>();
  const re = new RegExp(`(?<=[${HAN}${CJK_PUNCT}])[ \\t]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])[ \\t]+(?=[${HAN}${CJK_PUNCT}])`, 'gu');
  for (const raw of reference.split(/\r?\n/)) {
    const line = raw.replace(/[\s\u3000]+/g, ' ').trim();
    for (const m of line.matchAll(re)) keep.add(boundaryKey(line, m.index!, m[0].length));
  }
  return keep;
}

/**
 * A table row extracted as one line keeps its cells apart with tabs; the notice's own text
 * layout has one cell per line, so cells become lines.
 */
export function splitCells(line: string): string[] {
  if (!line.includes('\t')) return [line];
  return line.split('\t').map((c) => c.trim()).filter(Boolean);
}

export interface RepairOptions {
  /** Source text of the previous version, to tell typed spaces from renderer gaps. */
  reference?: string;
}

/** PDF pages → notice lines. */
export function repairPdfPages(pageTexts: string[], opts: RepairOptions = {}): string {
  const keep = opts.reference ? boundarySpaces(opts.reference) : new Set<string>();
  const pages = pageTexts.map((t) => normaliseWidth(t).split(/\r?\n/).flatMap((l) => (l.trim() ? splitCells(l.trimEnd()) : [])));
  const body = stripPageFurniture(pages).flat();
  return unwrapLines(body)
    .map((l) => dropBoundarySpaces(l.replace(/ {2,}/g, ' '), keep))
    .join('\n');
}

/** Word text (one paragraph per line already) → notice lines. */
export function repairParagraphs(text: string): string {
  return normaliseWidth(text)
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .join('\n');
}

/** Plain text as an operator pasted it: only width variants are repaired. */
export function repairPlainText(text: string): string {
  return normaliseWidth(text.replace(/^\uFEFF/, ''));
}
