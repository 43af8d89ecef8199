/**
 * Places of other provinces named without their province. Pure; the lists come from the
 * knowledge version's regions.json.
 */

export interface Elsewhere {
  province: string;
  places: readonly string[];
}

/** Everyday words that hold a place name, and the characters that may stand before one (regions.json). */
export interface Lookalikes {
  words: readonly string[];
  joiners: readonly string[];
}

const wordBreaker = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * A place name found at [start, end) that is only part of an everyday word: overlapped by one of
 * the listed words (合肥 in 复合肥, 成都 in 「系统集成都…」), or with its first character joined by the word breaker to the one
 * before it (完成|都 in 「改造完成都要…」), unless that character stands before places (在, 是).
 * The breaker alone would not do: it joins 在 to 任 in 「在任丘」, and it cuts 复|合肥.
 */
export function partOfWord(text: string, start: number, end: number, lookalikes: Lookalikes): boolean {
  for (const w of lookalikes.words) {
    // A listed word that shares a character with the name and reaches beyond it: 复合肥 over 合肥, 集成 over 成都.
    for (let at = text.indexOf(w, Math.max(0, start - w.length + 1)); at >= 0 && at < end; at = text.indexOf(w, at + 1)) {
      if (at < start || at + w.length > end) return true;
    }
  }
  if (start === 0 || lookalikes.joiners.includes(text[start - 1]!)) return false;
  // Only the few characters around the name are broken: the rest of the text cannot move this boundary much.
  const from = Math.max(0, start - 4);
  for (const s of wordBreaker.segment(text.slice(from, Math.min(text.length, end + 2)))) {
    const a = from + s.index;
    if (a < start && a + s.segment.length > start) return true;
    if (a >= start) break;
  }
  return false;
}

interface Name {
  text: string;
  /** The province it belongs to; undefined for a place of Henan, which stays as written. */
  province?: string;
}

/** Every name to look for, by its first UTF-16 unit; of two names spelt alike, the first listed. */
const names = new WeakMap<readonly Elsewhere[], Map<number, Name[]>>();

/**
 * The names of Henan's places (`here`) and of other provinces' places, longest first within each
 * first character, so 宝丰县 (Henan) is found before 丰县 (江苏) inside it. Indexed by first
 * character: a question costs one lookup per character, not one scan per name (there are hundreds).
 */
function namesOf(elsewhere: readonly Elsewhere[], here: readonly string[]): Map<number, Name[]> {
  let index = names.get(elsewhere);
  if (!index) {
    const list: Name[] = [
      ...here.filter((h) => h.length >= 2).map((text) => ({ text })),
      ...elsewhere.flatMap((o) => [{ text: o.province, province: o.province }, ...o.places.map((text) => ({ text, province: o.province }))]),
    ].sort((a, b) => b.text.length - a.text.length);
    const byFirst = new Map<number, Name[]>();
    const seen = new Set<string>();
    for (const n of list) {
      if (!n.text || seen.has(n.text)) continue;
      seen.add(n.text);
      const code = n.text.charCodeAt(0);
      const at = byFirst.get(code);
      if (at) at.push(n);
      else byFirst.set(code, [n]);
    }
    names.set(elsewhere, (index = byFirst));
  }
  return index;
}

/**
 * 「昆山的企业能报吗」 reads 「江苏昆山的企业能报吗」: a place of another province is preceded by
 * its province's name, so whatever is said of the province (outside Henan) is said of the place.
 * A place whose province is already named just before it (「江苏昆山」「苏州昆山」, 「江苏省昆山市」)
 * is left as it is, and a place of Henan (`here`) is never read as another's, even where a
 * shorter name of another province lies inside it (丰县 in 宝丰县).
 */
export function withProvinces(text: string, elsewhere: readonly Elsewhere[], here: readonly string[], lookalikes: Lookalikes = { words: [], joiners: [] }): string {
  if (elsewhere.length === 0) return text;
  const candidates: { start: number; end: number; name: Name }[] = [];
  const byFirst = namesOf(elsewhere, here);
  for (let at = 0; at < text.length; at++) {
    for (const name of byFirst.get(text.charCodeAt(at)) ?? []) {
      const end = at + name.text.length;
      if (!text.startsWith(name.text, at)) continue;
      if (name.province && name.text !== name.province && partOfWord(text, at, end, lookalikes)) continue;
      candidates.push({ start: at, end, name });
    }
  }
  // The longest name wins where two overlap; of two as long, the one read first (河北 in 河北海兴, not 北海).
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const found: typeof candidates = [];
  for (const c of candidates) if (!found.some((f) => c.start < f.end && f.start < c.end)) found.push(c);
  if (!found.some((f) => f.name.province && f.name.text !== f.name.province)) return text;
  found.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  found.forEach((f, i) => {
    const { province } = f.name;
    if (!province || f.name.text === province) return;
    // Its province, or another of its places, stands just before it (only 省/市/区/县 between).
    const prev = found[i - 1];
    if (prev && prev.name.province === province && /^[省市区县]?$/u.test(text.slice(prev.end, f.start))) return;
    out += text.slice(from, f.start) + province;
    from = f.start;
  });
  return out + text.slice(from);
}
