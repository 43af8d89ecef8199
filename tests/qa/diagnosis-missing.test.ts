import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const said = (q: string) => answerQuestion(kb, q).answer.split('\n依据')[0]!;

describe('applying without the digital-transformation diagnosis report', () => {
  it.each(['数字化转型诊断报告找谁做，没有能报不', '没有诊断报告能报吗', '诊断报告还没弄，会不会影响申报', '数字化转型诊断没做的话能申报吗'])(
    '「%s」 says it must be provided, quoting all three forms, and how to get one',
    (q) => {
      const a = answerQuestion(kb, q);
      const text = said(q);
      expect(text).toMatch(/^不行，要提供。/u);
      expect(text).not.toContain('通知没有直接规定');
      expect(text).toContain('https://www.dlttx.com/zhenduan');
      expect(a.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(['附件1.四(三)', '附件2.四(四)', '附件3.四(四)']));
    },
  );

  it.each([
    ['诊断报告没有盖章可以吗', /^通知没有规定诊断报告要盖章/u],
    ['诊断报告有没有有效期', /^通知没有规定诊断报告的出具时间或有效期/u],
    ['没有专利能报吗', /^通知没有规定/u],
  ])('「%s」 is another question and keeps its own answer', (q, opening) => {
    expect(said(q)).toMatch(opening);
  });
});
