import { describe, expect, it } from 'vitest';
import { normalise, queryTokens, tokenize } from '../../server/retrieval/tokenize';
import { Bm25Index } from '../../server/retrieval/bm25';
import { splitPassages } from '../../server/retrieval/retriever';

describe('the tokeniser', () => {
  it('emits CJK character bigrams so split domain terms still match', () => {
    const t = tokenize('设备联网率');
    // ICU cuts 联网率 into single characters; the bigrams 联网 and 网率 keep the term findable.
    expect(t).toContain('联网');
    expect(t).toContain('网率');
    expect(t).toContain('设备');
  });

  it('keeps Latin abbreviations as lower-case words and folds full-width letters', () => {
    expect(tokenize('应用ＭＥＳ和ERP系统')).toEqual(expect.arrayContaining(['mes', 'erp', '系统']));
    expect(normalise('ＡＧＶ')).toBe('agv');
  });

  it('drops single Han characters and punctuation', () => {
    const t = tokenize('吗？的，。');
    expect(t.every((x) => x.length >= 2)).toBe(true);
  });

  it('removes question words from queries but keeps the topic', () => {
    const q = queryTokens('智能车间是否必须上MES吗？');
    expect(q).toContain('mes');
    expect(q).toContain('车间');
    expect(q).not.toContain('是否');
  });
});

describe('BM25 scoring', () => {
  const docs = [tokenize('智能车间 制造执行系统'), tokenize('流程型智能工厂 安全仪表系统'), tokenize('视频资料 MP4格式')];
  const index = new Bm25Index(docs);
  const q = (text: string) => new Map(tokenize(text).map((t) => [t, 1] as [string, number]));

  it('ranks the document that contains the rare query term first', () => {
    const s = index.score(q('安全仪表'));
    expect(s[1]).toBeGreaterThan(s[0]!);
    expect(s[1]).toBeGreaterThan(s[2]!);
  });

  it('gives rarer terms a larger idf', () => {
    expect(index.idf('视频')).toBeGreaterThan(index.idf('系统'));
  });

  it('weights expansion terms less than the user own words', () => {
    const full = index.score(new Map([['视频', 1]]));
    const weak = index.score(new Map([['视频', 0.3]]));
    expect(weak[2]).toBeCloseTo(full[2]! * 0.3);
  });

  it('scores nothing for a query with no known term', () => {
    expect([...index.score(q('天气预报'))].every((x) => x === 0)).toBe(true);
  });
});

describe('passage splitting', () => {
  it('splits sentences and merges short table cells', () => {
    const p = splitPassages('企业名称\n所属行业\n统一社会信用代码\n应用制造执行系统，实现计划自动生成；应用仓储管理系统，实现库存管理优化。');
    expect(p).toEqual(['企业名称 所属行业 统一社会信用代码', '应用制造执行系统，实现计划自动生成；', '应用仓储管理系统，实现库存管理优化。']);
  });

  it('attaches a short trailing fragment to the sentence before it', () => {
    expect(splitPassages('应用制造执行系统，实现计划自动生成；见附件。')).toEqual(['应用制造执行系统，实现计划自动生成； 见附件。']);
  });
});
