import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { formView, interpretForm } from '../../server/forms/phase';

/*
 * The inputs of 生产效率 said in one reply in words of their own (建设前工厂360人, 一年按300天算) at an indicator's
 * question: each lands in its field, so the system computes what the card says it computes. The phrasings are this file's own.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const items = (id: string, text: string) => {
  const r = interpretForm(data, text, formView(data, id, 'discreteFactory'));
  return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r;
};

describe('the inputs of 生产效率 said in one reply', () => {
  it('are read as the head counts, the output values and the working days', () => {
    expect(items('form.ind.productivity.before', '改造前车间有180名员工 改造后150人 全年工作280天')).toEqual([
      ['form.ind.headcount.before', 180],
      ['form.ind.headcount.after', 150],
      ['form.ind.workingDays', 280],
    ]);
    expect(items('form.ind.productivity.after', '建设完成前全厂员工共420人，建设完成后380人，每年生产310天')).toEqual([
      ['form.ind.headcount.before', 420],
      ['form.ind.headcount.after', 380],
      ['form.ind.workingDays', 310],
    ]);
    expect(items('form.ind.productivity.before', '改造前产值八千万，改造后1.2亿')).toEqual([['form.ind.outputValue.before', 8000], ['form.ind.outputValue.after', 12000]]);
    // At a head count's own question the span it asks is its answer, the others said in passing.
    expect(items('form.ind.headcount.before', '建设前工厂260人，建设后210人，按300天计算')).toEqual([
      ['form.ind.headcount.before', 260],
      ['form.ind.headcount.after', 210],
      ['form.ind.workingDays', 300],
    ]);
    expect(items('form.ind.workingDays', '一年按290天算')).toEqual([['form.ind.workingDays', 290]]);
  });

  it('leave a productivity itself and a bare count as they were', () => {
    expect(items('form.ind.productivity.before', '建设前0.025万元')).toEqual([['form.ind.productivity.before', 0.025]]);
    expect(items('form.ind.productivity.before', '0.03')).toEqual([['form.ind.productivity.before', 0.03]]);
    expect(items('form.ind.headcount.after', '320人')).toEqual([['form.ind.headcount.after', 320]]);
    // Outside the indicators, 「建设后320人」 is no head count of theirs.
    expect(items('form.employees', '建设后320人')).not.toEqual([['form.ind.headcount.after', 320]]);
  });
});
