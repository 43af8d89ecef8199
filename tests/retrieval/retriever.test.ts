import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));

describe('retrieval over the notice', () => {
  it('boosts clause titles so a heading-word question finds its clause', () => {
    expect(kb.retriever.search('产品质量信息可追溯').hits[0]!.clause.id).toBe('三(一)7');
  });

  it('expands abbreviations through the lexicon', () => {
    // 立体库 never occurs in the notice; the lexicon maps it to 自动化立体仓库.
    const r = kb.retriever.search('立体库');
    expect(r.concepts.map((c) => c.canonical)).toContain('自动化立体仓库');
    expect(r.hits[0]!.clause.id).toBe('三(二)4');
  });

  it('does not match a Latin abbreviation inside another word', () => {
    expect(kb.retriever.concepts('email').map((c) => c.entry.id)).not.toContain('ai');
    expect(kb.retriever.concepts('用AI做质检').map((c) => c.entry.id)).toContain('ai');
  });

  it('returns the best sentences of a clause as passages', () => {
    const hit = kb.retriever.search('安灯系统').hits[0]!;
    expect(hit.clause.id).toBe('三(二)3');
    expect(hit.passages[0]).toContain('安灯系统（Andon）');
  });

  it('reports high confidence for a question the notice covers and low for one it does not', () => {
    expect(kb.retriever.search('离散型智能工厂的研发设计要求').confidence).toBeGreaterThan(0.5);
    expect(kb.retriever.search('食堂饭菜好不好吃').confidence).toBeLessThan(0.3);
  });
});
