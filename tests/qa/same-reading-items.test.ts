import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

/*
 * Several items of one answer asked together whose answers read the same after their subjects are said in one
 * sentence naming them together (answerText.sameReading); items with different readings keep a sentence each.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const lead = (q: string) => answerQuestion(kb, q).answer.split('\n')[0]!;
const clauses = (q: string) => answerQuestion(kb, q).citations.map((c) => c.clause);
const business = '都不在智能车间的要素条件（三(一)）里，写在智能工厂的经营管理要素条件里（离散型三(二)4、流程型三(三)4）。';

describe('items asked together with one reading', () => {
  it.each([
    ['智能车间要求WMS和SCM吗', '不要求。仓储管理系统（WMS）、供应链管理（SCM）' + business],
    ['车间级的SCM跟WMS得有不', '不要求。供应链管理（SCM）、仓储管理系统（WMS）' + business],
    ['申报车间得有scm和wms么', '不要求。供应链管理（SCM）、仓储管理系统（WMS）' + business],
    ['咱报智能车间 供应链系统 仓库管理系统 这俩非得上吗', '不要求。供应链管理（SCM）、仓储管理系统（WMS）' + business],
  ])('「%s」 names the systems together in one sentence, in the order asked', (q, said) => {
    expect(lead(q)).toBe(said);
    expect(clauses(q)).toEqual(['三(二)4', '三(三)4']);
  });

  it('says a shared reading once and a different one on its own, where the first of each stood', () => {
    expect(lead('车间需要wms、供应链管理、LIMS吗')).toBe(
      '不要求。仓储管理系统（WMS）、供应链管理（SCM）' + business +
        '试验数据管理系统（LIMS）不在智能车间的要素条件（三(一)）里，写在智能工厂的研发设计要素条件里（离散型三(二)2、流程型三(三)2）。',
    );
  });
});

describe('near-misses that keep a sentence each (regression guards)', () => {
  it.each([
    ['车间要有WMS跟立体库不', ['仓储管理系统（WMS）不在', '自动化立体仓库不在']],
    ['车间要不要上LIMS和SIS', ['试验数据管理系统（LIMS）不在', '安全仪表系统（SIS）不在']],
  ])('「%s」: items whose clauses differ keep their own sentences', (q, parts) => {
    const a = lead(q);
    expect(a).not.toContain('都不在');
    for (const p of parts) expect(a, a).toContain(p);
  });

  it('keeps systems of different readings and a single system as they were', () => {
    expect(lead('智能车间要求MES和WMS吗')).toBe('制造执行系统（MES）：智能车间要（三(一)5）；仓储管理系统（WMS）：智能车间的要素条件（三(一)）没有点名它，写在离散型智能工厂、流程型智能工厂的要素条件里（三(二)4、三(三)4）。');
    expect(lead('智能车间要求WMS吗')).toBe('不要求。仓储管理系统（WMS）不在智能车间的要素条件（三(一)）里，写在智能工厂的经营管理要素条件里（离散型三(二)4、流程型三(三)4）。');
    expect(lead('车间要供应链管理系统不')).toBe('不要求。供应链管理（SCM）不在智能车间的要素条件（三(一)）里，写在智能工厂的经营管理要素条件里（离散型三(二)4、流程型三(三)4）。');
  });
});
