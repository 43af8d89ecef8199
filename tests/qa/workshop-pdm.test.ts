import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

/*
 * PDM asked of the workshop: the workshop conditions (三(一)) do not list it and 三(一)5 integrates SCADA, MES and
 * ERP only; 一(一) describes MES linked with product data management; the clauses that name PDM are the factories'
 * 研发设计 (三(二)2, 三(三)2), and the factory forms have a PDM cell. The answer says all of it and quotes each.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);

describe('PDM asked of the workshop', () => {
  it.each(['车间要有PDM吗', '智能车间PDM必须上吗', '报智能车间 产品数据管理系统要不要有', '咱这车间没上pdm，有影响不', '智能车间是不是非得有PDM系统'])(
    '「%s」 says it is not listed for the workshop and where the notice names it',
    (q) => {
      const a = ask(q);
      const lead = a.answer.split('\n')[0]!;
      expect(lead.startsWith('不单独要求：三(一)的七项要素条件没有单列产品数据管理系统（PDM）'), lead).toBe(true);
      expect(lead).toContain('点名应用PDM的是智能工厂的研发设计要素条件（离散型三(二)2、流程型三(三)2）');
      expect(lead).toContain('附件2、附件3');
      expect(a.citations.map((c) => c.clause)).toEqual(['一(一)', '三(一)5', '三(二)2', '三(三)2']);
      expect(a.citations.find((c) => c.clause === '三(二)2')!.quote).toContain('应用产品数据管理系统（PDM）');
      expect(a.citations.find((c) => c.clause === '三(一)5')!.quote).toContain('制造执行系统和企业资源计划系统（ERP）实现集成');
    },
  );

  it('leaves PDM asked of the factories to their own clauses (regression guards)', () => {
    expect(ask('离散型工厂要不要PDM').answer.split('\n')[0]).toBe('要（离散型智能工厂）。三(二)2要求应用产品数据管理系统（PDM），实现产品设计、工艺数据的集成管理。');
    expect(ask('智能工厂要PDM吗').answer.startsWith('要看申报哪一类：离散型智能工厂要（三(二)2）；流程型智能工厂要（三(三)2）。')).toBe(true);
    expect(ask('智能车间要PLM吗').answer).toMatch(/^通知只提到产品数据管理系统（PDM），没有提到PLM/u);
  });
});
