/**
 * Chinese-aware tokeniser: Intl.Segmenter words plus CJK character bigrams.
 * Words give precision when ICU's dictionary cuts well; bigrams give recall when it
 * does not (domain terms such as 联网率 or 立体库 are split into single characters).
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /\p{Script=Han}/u;
const CJK_RUN = /\p{Script=Han}+/gu;

/** Full-width → half-width, lower case, so ＭＥＳ, MES and mes are one term. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function tokenize(text: string): string[] {
  const s = normalise(text);
  const out: string[] = [];
  for (const seg of segmenter.segment(s)) {
    if (!seg.isWordLike) continue;
    const w = seg.segment;
    // Single Han characters are too ambiguous on their own; bigrams below carry them.
    if (CJK.test(w) && w.length < 2) continue;
    out.push(w);
  }
  for (const run of s.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** Bigrams that only make a sentence a question; they carry no topic. */
export const QUERY_STOPWORDS = new Set([
  '什么', '怎么', '是否', '能否', '可以', '需要', '哪些', '多少', '还是', '如何', '请问', '一下', '没有',
  '有没', '的话', '吗', '呢', '么', '怎样', '哪里', '哪个', '这个', '那个', '我们', '企业', '公司', '能不',
  '不能', '可不', '不可', '么样', '么时', '时候', '是不', '不是', '有什', '要什', '应该', '必须', '一定',
]);

export function queryTokens(text: string): string[] {
  return tokenize(text).filter((t) => !QUERY_STOPWORDS.has(t));
}
