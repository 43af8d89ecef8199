import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion } from '../../server/qa/answer';

/*
 * Readings of questions asked as a person would: a figure asked with a bare 吗 is checked against the notice's; a
 * follow-up saying a lack (「要是没有呢」) lacks the system asked of before; a follow-up naming another thing (「那视频呢」)
 * carries the topic, not the measure; a term asked 「X是什么」 is told what the notice says of it; a bare check of a
 * form of material (「扫描件行吗」) is answered from what the notice says of materials.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);

describe('a figure asked with a bare 吗 is checked against the notice’s', () => {
  it.each([
    ['县里能推荐五家吗', /^对，通知写的就是五家。/u],
    ['郑州能推荐二十家吗', /^对，通知写的就是二十家。/u],
    ['一个县能推荐3家吗', /^不对，通知写的不是3家。/u],
    ['洛阳能推荐十家吗', /^不对，通知写的不是十家。/u],
  ])('「%s」 opens with its verdict, then the notice’s figure', (q, opens) => {
    const a = lead(q);
    expect(a).toMatch(opens);
    expect(a).toMatch(/不多于(?:5|20|15)家/u);
    expect(clauses(q)).toContain('四(三)');
  });

  it('leaves a figure the answer gives none of, or one its verdict already judges, to the entry (regression guards)', () => {
    expect(lead('MES要上线1年吗')).toMatch(/^通知没有规定建成或运行满多长时间。/u);
    expect(lead('一家企业能报两个吗')).toMatch(/^不能同时报两个。/u);
    expect(lead('县里能推荐几家')).not.toMatch(/^(?:对|不对)，/u);
  });
});
