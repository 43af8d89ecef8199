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

export interface Analysis {
  /** Segmenter words (single Han characters dropped). */
  words: string[];
  /** Words followed by the CJK bigrams: the terms that are indexed and searched. */
  tokens: string[];
}

/** Segments already-normalised text once; callers that need both words and terms use this. */
export function analyse(normalised: string): Analysis {
  const words: string[] = [];
  for (const seg of segmenter.segment(normalised)) {
    if (!seg.isWordLike) continue;
    const w = seg.segment;
    // Single Han characters are too ambiguous on their own; bigrams below carry them.
    if (w.length < 2 && CJK.test(w)) continue;
    words.push(w);
  }
  const tokens = words.slice();
  for (const run of normalised.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return { words, tokens };
}

export function tokenize(text: string): string[] {
  return analyse(normalise(text)).tokens;
}

/** Bigrams that only make a sentence a question; they carry no topic. */
export const QUERY_STOPWORDS = new Set([
  '什么', '怎么', '是否', '能否', '可以', '需要', '哪些', '多少', '还是', '如何', '请问', '一下', '没有',
  '有没', '的话', '吗', '呢', '么', '怎样', '哪里', '哪个', '这个', '那个', '我们', '企业', '公司', '能不',
  '不能', '可不', '不可', '么样', '么时', '时候', '是不', '不是', '有什', '要什', '应该', '必须', '一定',
  // Whole words that only frame a question ("方面做得好会…吗"); they say nothing about the topic.
  '已经', '方面', '做得', '只有', '少量', '完成', '情况', '问题', '现在', '目前', '今年', '这样', '那么',
  '如果', '因为', '所以', '但是', '或者', '还有', '以及', '影响', '关于', '具体', '一般', '主要', '比较',
  '非常', '特别', '进行', '相关', '有关', '对于', '会不会', '有没有', '要不要', '能不能', '可不可以',
  '是不是', '怎么样', '什么样', '为什么', '哪儿', '哪家', '之前', '之后', '以后', '以前', '时间', '东西',
  '知道', '告诉', '了解', '说明', '规定', '要求', '条件', '这种', '那种', '这些', '那些', '所有', '其他',
  '我们', '你们', '他们', '自己', '公司', '单位', '的话', '一下', '一些', '有些', '很多', '多少', '以上',
]);

export function queryTokens(text: string): string[] {
  return tokenize(text).filter((t) => !QUERY_STOPWORDS.has(t));
}
