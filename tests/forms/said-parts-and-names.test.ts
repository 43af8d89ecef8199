import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { formView, interpretForm, yesToOffer } from '../../server/forms/phase';
import type { Category } from '../../server/schemas/profile';

/*
 * What a reply says beside the figure asked is filled where it belongs: the names after a count of workshops, each
 * kind of patent and the count they make up; a figure of another time than the field's is asked back; a bare yes to
 * an ask-back sends the one value it offered, or asks which. Near misses keep the usual reading.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const read = (id: string, text: string, category: Category = 'discreteFactory') => interpretForm(data, text, formView(data, id, category));
const items = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : r;
};

describe('names said after a count of workshops', () => {
  it('fills the count and each name in order', () => {
    expect(items('form.workshopCount', '就1个，合成车间')).toEqual({ 'form.workshopCount': 1, 'form.ws.1.name': '合成车间' });
    expect(items('form.workshopCount', '两个：一车间和装配车间')).toEqual({ 'form.workshopCount': 2, 'form.ws.1.name': '一车间', 'form.ws.2.name': '装配车间' });
    expect(items('form.workshopCount', '3个车间：原料车间、合成车间、包装车间')).toEqual({ 'form.workshopCount': 3, 'form.ws.1.name': '原料车间', 'form.ws.2.name': '合成车间', 'form.ws.3.name': '包装车间' });
    expect(items('form.workshopCount', '共两个，分别是总装车间和机加分厂')).toEqual({ 'form.workshopCount': 2, 'form.ws.1.name': '总装车间', 'form.ws.2.name': '机加分厂' });
    // Fewer names than the count: those said are the first ones, the rest are asked.
    expect(items('form.workshopCount', '3个，冲压车间和焊装车间')).toEqual({ 'form.workshopCount': 3, 'form.ws.1.name': '冲压车间', 'form.ws.2.name': '焊装车间' });
  });

  it('reads a count alone, or with words that name no workshop, as the count only, and asks back more names than the count', () => {
    expect(items('form.workshopCount', '2个')).toEqual({ 'form.workshopCount': 2 });
    expect(items('form.workshopCount', '两个车间')).toEqual({ 'form.workshopCount': 2 });
    expect(items('form.workshopCount', '两个车间，都在一号厂房')).toEqual({ 'form.workshopCount': 2 });
    expect(items('form.workshopCount', '3个，合成车间最大')).toEqual({ 'form.workshopCount': 3 });
    expect(read('form.workshopCount', '1个，合成车间和包装车间')).toMatchObject({ kind: 'unclear' });
  });
});

describe('kinds of patents said at the patent questions', () => {
  it('fills 发明专利 and the total, the sum of the kinds said or the whole said beside them, in words or digits', () => {
    const both = { 'form.patents.total': 21, 'form.patents.invention': 6 };
    expect(items('form.patents.total', '发明专利6项，实用新型15项')).toEqual(both);
    expect(items('form.patents.total', '发明专利六项，实用新型十五项')).toEqual(both);
    expect(items('form.patents.total', '实用新型15项和发明专利6项')).toEqual(both);
    expect(items('form.patents.total', '有21项专利，其中发明6项')).toEqual(both);
    expect(items('form.patents.total', '专利一共二十一项 发明的有六项')).toEqual(both);
    expect(items('form.patents.total', '发明专利6项、实用新型专利15项、外观设计2项')).toEqual({ 'form.patents.total': 23, 'form.patents.invention': 6 });
    // Said at 其中发明专利, the total is filled beside it.
    expect(items('form.patents.invention', '发明6项，实用新型15项')).toEqual(both);
  });

  it('keeps the usual reading for one figure, patents applied for, figures of other things, and kinds adding up past the whole', () => {
    expect(items('form.patents.total', '21项')).toEqual({ 'form.patents.total': 21 });
    expect(items('form.patents.total', '发明专利6项')).toEqual({ 'form.patents.invention': 6 });
    expect(items('form.patents.total', '研发人员30人，发明专利6项')).toEqual({ 'form.rnd.staff': 30, 'form.patents.invention': 6 });
    expect(items('form.patents.total', '发明专利申请了10项，授权6项')).not.toEqual({ 'form.patents.total': 16, 'form.patents.invention': 10 });
    // Kinds past the whole said are not summed over it: the whole said stays the total (the form's checks flag the rest).
    expect(items('form.patents.total', '有5项专利，其中发明6项')).toMatchObject({ 'form.patents.total': 5 });
  });

  it('asks whether one kind without a field of its own is all of them, offering its figure', () => {
    expect(read('form.patents.total', '实用新型15项')).toMatchObject({ kind: 'unclear', reason: 'onePart', choices: ['实用新型15项', '实用新型', '15项', '全部有效专利'] });
  });
});

describe('a figure of another time at 现有员工', () => {
  it('asks back a figure said of before or after the upgrade, or of a plan, with the figure to send if now is the same', () => {
    for (const [text, word] of [['建设后320人', '建设后'], ['改造完成后有320名员工', '改造完成后'], ['预计明年320人', '预计'], ['去年是三百二十人', '去年']] as const)
      expect(read('form.employees', text), text).toMatchObject({ kind: 'unclear', reason: 'otherTime', choices: [text, word, '320人'] });
  });

  it('fills a figure said of now, alone or beside one of another time', () => {
    expect(items('form.employees', '现在320人')).toEqual({ 'form.employees': 320 });
    expect(items('form.employees', '320人')).toEqual({ 'form.employees': 320 });
    expect(items('form.employees', '原来400人，现在320人')).toEqual({ 'form.employees': 320 });
    expect(items('form.employees', '建设前400人，目前三百二十人')).toEqual({ 'form.employees': 320 });
    // A time word with no figure of its own says nothing of the figure.
    expect(items('form.employees', '320人，以后还要招')).toEqual({ 'form.employees': 320 });
  });

  it('leaves the indicators\' own before/after head counts as they were', () => {
    expect(items('form.ind.headcount.after', '建设后320人')).toEqual({ 'form.ind.headcount.after': 320 });
  });
});

describe('a bare yes to an ask-back', () => {
  const pending = (id: string) => formView(data, id, 'smartWorkshop')!;
  it('sends the one value offered', () => {
    for (const yes of ['是', '对的', '嗯', '就这些', '没错。']) {
      const r = yesToOffer(data, pending('form.ws.1.equipmentTotal'), ['40台'], yes);
      expect(r, yes).toEqual({ kind: 'answers', items: [{ questionId: 'form.ws.1.equipmentTotal', value: 40 }] });
    }
    expect(yesToOffer(data, pending('form.employees'), ['320人'], '是的')).toEqual({ kind: 'answers', items: [{ questionId: 'form.employees', value: 320 }] });
  });

  it('asks which of several offered, and leaves any other reply to the usual reading', () => {
    expect(yesToOffer(data, pending('form.ind.defectRate.before'), ['0.6%', '60%'], '是')).toEqual({ kind: 'unclear', reason: 'yesToWhich', choices: ['0.6%', '60%'] });
    expect(yesToOffer(data, pending('form.ws.1.equipmentTotal'), ['40台'], '不是，一共180台')).toBeUndefined();
    expect(yesToOffer(data, pending('form.ws.1.equipmentTotal'), ['40台'], '是180台')).toBeUndefined();
    expect(yesToOffer(data, pending('form.ws.1.equipmentTotal'), [], '是')).toBeUndefined();
  });
});
