import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import type { AnswerValue, Interpretation } from '../../server/schemas/interview';
import type { Category } from '../../server/schemas/profile';
import { realKb } from './kb';
import { q } from './readings';

/**
 * Replies as applicants type or dictate them: answers run into questions with no mark between them, a yes
 * that goes on to name other systems, a system in one workshop only, hedges said after the answer, lookalikes.
 */
const kb = realKb();
const read = (text: string, id: string, category: Category | null = null): Interpretation => interpret(kb, text, q(id), category);
const items = (r: Interpretation): Record<string, AnswerValue> => (r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : {});

describe('a yes that names only other systems than the one asked', () => {
  it('records the systems it names and leaves the asked one open, naming what was heard', () => {
    const r = read('有，用的是金蝶的MES和ERP', 'cap.lims');
    expect(items(r)).toEqual({ 'cap.mes': true, 'cap.erp': true });
    expect(r.kind === 'answers' && r.pendingLeft).toEqual({ reason: 'lookalike', choices: ['金蝶的MES和ERP'] });
  });

  it('holds for a capability too, and for another vendor product', () => {
    const r = read('有，我们有ERP', 'cap.onlineInspection');
    expect(items(r)).toEqual({ 'cap.erp': true });
    expect(r.kind === 'answers' && r.pendingLeft?.choices).toEqual(['ERP']);
    expect(items(read('有的，用的是金蝶云星空', 'cap.pdm'))).not.toHaveProperty('cap.pdm');
  });

  it('keeps the yes where the other system is added to it, named as the asked one, or only a place', () => {
    expect(items(read('有，还有ERP', 'cap.lims'))).toEqual({ 'cap.lims': true, 'cap.erp': true });
    expect(items(read('有，ERP也有', 'cap.lims'))).toEqual({ 'cap.lims': true, 'cap.erp': true });
    expect(items(read('有LIMS，还有MES', 'cap.lims'))).toEqual({ 'cap.lims': true, 'cap.mes': true });
    expect(items(read('有，就在车间中控室看', 'cap.scada'))).toMatchObject({ 'cap.scada': true });
    expect(items(read('有，MES', 'cap.manufacturingControl'))).toEqual({ 'cap.manufacturingControl': true });
  });

  it('keeps a no for the asked one whatever else is named', () => {
    expect(items(read('没有，只有ERP', 'cap.lims'))).toMatchObject({ 'cap.lims': false, 'cap.erp': true });
  });

  it('names a lab back to the LIMS question instead of reading it as the system', () => {
    expect(read('有 我们有化验室', 'cap.lims')).toEqual({ kind: 'unclear', reason: 'lookalike', choices: ['化验室'] });
    expect(items(read('有，实验室管理系统', 'cap.lims'))).toEqual({ 'cap.lims': true });
  });
});

describe('an answer and a question in one run', () => {
  it('stores the answer and answers the question when a space parts them', () => {
    expect(read('有的 视频要多长', 'cap.lims')).toEqual({ kind: 'answers', items: [{ questionId: 'cap.lims', value: true }], asks: true });
    expect(read('没有 这个影响申报吗', 'cap.mes')).toEqual({ kind: 'answers', items: [{ questionId: 'cap.mes', value: false }], asks: true });
    expect(read('嗯 有 去年上的 那个视频是横屏还是竖屏', 'cap.wms')).toEqual({ kind: 'answers', items: [{ questionId: 'cap.wms', value: true }], asks: true });
    expect(read('对 郑州的 我想问一下外省的分公司算不算', 'ent.registeredInHenan')).toMatchObject({ items: [{ questionId: 'ent.registeredInHenan', value: true }], asks: true });
  });

  it('stores an answer that takes no object when a turn word opens the question', () => {
    expect(read('是的那个营业执照要原件吗', 'cap.mes')).toEqual({ kind: 'answers', items: [{ questionId: 'cap.mes', value: true }], asks: true });
    expect(read('对的可以追溯 要不要提供截图', 'cap.qualityTraceability')).toMatchObject({ items: [{ questionId: 'cap.qualityTraceability', value: true }], asks: true });
  });

  it('reads 有的 alone before a question as the answer, not as 「some enterprises」', () => {
    expect(read('有的，视频要多长？', 'cap.mes')).toMatchObject({ kind: 'answers', asks: true });
    expect(read('有的企业能报吗', 'cap.mes')).toEqual({ kind: 'question' });
  });

  it('stores a description of the asked thing beside a question', () => {
    expect(read('挺好的 这个要审计报告吗', 'ent.operatingWell')).toMatchObject({ items: [{ questionId: 'ent.operatingWell', value: true }], asks: true });
    expect(read('挺好的，这个要审计报告吗', 'ent.operatingWell')).toMatchObject({ items: [{ questionId: 'ent.operatingWell', value: true }], asks: true });
  });

  it('takes an option named before a turn word as the choice made', () => {
    expect(read('智能车间 那个车间要多大面积', 'cat.scope')).toEqual({ kind: 'answers', items: [{ questionId: 'cat.scope', value: 'workshop' }], asks: true });
    expect(read('车间 有什么要求', 'cat.scope')).toEqual({ kind: 'question' });
  });

  it('reads a repeated yes before a question as the answer', () => {
    expect(read('有的 有的 你们这个收费吗', 'cap.mes')).toEqual({ kind: 'answers', items: [{ questionId: 'cap.mes', value: true }], asks: true });
  });

  it('keeps the longest answer that reads as one', () => {
    // 「去年上的」 beside the yes is still the answer; 「就是用的金蝶」 names a vendor, so the MES question stays open.
    expect(read('有 就是用的金蝶 那个要不要截图', 'cap.mes')).toMatchObject({ kind: 'answers', asks: true });
    expect(items(read('有 就是用的金蝶 那个要不要截图', 'cap.mes'))).not.toHaveProperty('cap.mes');
  });

  it('leaves a plain question a question', () => {
    for (const text of ['有没有要求', '有这个要求吗', 'MES 有没有要求', '没有这个影响申报吗', '这个要审计报告吗']) expect(read(text, 'cap.mes').kind).toBe('question');
  });

  it('stores nothing from a hedged answer beside a question', () => {
    expect(read('有的吧 那个视频多长', 'cap.mes')).toEqual({ kind: 'question' });
  });
});

describe('a system in one workshop only', () => {
  it('asks a workshop applicant whether that workshop is the applying one', () => {
    expect(read('只有一个车间上了MES', 'cap.mes', 'smartWorkshop')).toEqual({ kind: 'unclear', reason: 'whichWorkshop', choices: ['只有一个车间'] });
    expect(read('上了 但是就一个车间', 'cap.mes', 'smartWorkshop')).toMatchObject({ kind: 'unclear', reason: 'whichWorkshop' });
  });

  it('records it met when the reply says it is the applying workshop', () => {
    expect(items(read('只有我们申报的那个车间上了MES', 'cap.mes', 'smartWorkshop'))).toEqual({ 'cap.mes': true });
    expect(items(read('就要报的这个车间有', 'cap.mes', 'smartWorkshop'))).toEqual({ 'cap.mes': true });
  });

  it('keeps partial for a factory applicant, and for a line within the workshop', () => {
    expect(items(read('只有一个车间上了MES', 'cap.mes', 'discreteFactory'))).toEqual({ 'cap.mes': 'partial' });
    expect(items(read('只有一个车间上了MES', 'cap.mes'))).toEqual({ 'cap.mes': 'partial' });
    expect(items(read('就总装线有', 'cap.andon', 'smartWorkshop'))).toEqual({ 'cap.andon': 'partial' });
  });

  it('reads the whole plant as one workshop as met', () => {
    expect(items(read('全厂就一个车间，上了MES', 'cap.mes', 'smartWorkshop'))).toEqual({ 'cap.mes': true });
  });
});

describe('a space between sentences', () => {
  it('ends the reach of a no: 「没有 都是人工推车」 is no AGV, not 「not manual」', () => {
    expect(items(read('没有 都是人工推车', 'cap.agvRgv'))).toEqual({ 'cap.agvRgv': false });
    expect(items(read('没有，都是人工推车', 'cap.agvRgv'))).toEqual({ 'cap.agvRgv': false });
  });
});

describe('not everywhere', () => {
  it('reads 「不是每个…都有」 as partly built, not as a no', () => {
    expect(items(read('防呆有 不过不是每个工位都有', 'cap.errorProofing'))).toEqual({ 'cap.errorProofing': 'partial' });
    expect(items(read('不是每条线都有', 'cap.andon'))).toEqual({ 'cap.andon': 'partial' });
    expect(items(read('不是全部车间都有', 'cap.mes'))).toEqual({ 'cap.mes': 'partial' });
    expect(items(read('不是', 'cap.mes'))).toEqual({ 'cap.mes': false });
  });
});

describe('hedges said after the answer', () => {
  it('asks again, showing the words as typed', () => {
    expect(read('有吧应该', 'cap.mes')).toEqual({ kind: 'unclear', reason: 'hedge', choices: ['有吧应该'] });
    expect(read('是的吧', 'cap.mes')).toEqual({ kind: 'unclear', reason: 'hedge', choices: ['是的吧'] });
    expect(read('没有吧好像', 'cap.mes')).toMatchObject({ kind: 'unclear', reason: 'hedge' });
    expect(read('这个不太懂 应该没有', 'cap.apc')).toMatchObject({ kind: 'unclear', reason: 'hedge' });
  });

  it('still takes a plain yes', () => {
    expect(items(read('有的', 'cap.mes'))).toEqual({ 'cap.mes': true });
    expect(items(read('有的 有的', 'cap.mes'))).toEqual({ 'cap.mes': true });
  });
});

describe('figures in words', () => {
  it('reads counts and shares said in words', () => {
    expect(items(read('一百二十台设备里头有九十台是自动的', 'metric.automationRatio'))).toEqual({ 'metric.automationRatio': 75 });
    expect(items(read('百分之七十五左右', 'metric.automationRatio'))).toEqual({ 'metric.automationRatio': 75 });
    expect(items(read('大概八成吧', 'metric.networkedRatio'))).toEqual({ 'metric.networkedRatio': 80 });
  });
});

describe('what a run-on reply leaves open', () => {
  it('keeps a general case as a question: only 有的 is freed by the space after it', () => {
    expect(read('其他 企业没上MES 能报吗', 'cap.mes').kind).toBe('question');
    expect(read('有些 企业没有ERP，能报吗？', 'cap.erp').kind).toBe('question');
    expect(items(read('有的 视频要多长', 'cap.mes'))).toEqual({ 'cap.mes': true });
  });

  it('asks which workshop when the applying one is said to be another', () => {
    for (const text of ['只有一个车间上了MES，申报的是另一个车间', '只有二车间上了MES，申报的是一车间'])
      expect(read(text, 'cap.mes', 'smartWorkshop'), text).toMatchObject({ kind: 'unclear', reason: 'whichWorkshop' });
    expect(items(read('只有一个车间上了MES，就是申报的那个', 'cap.mes', 'smartWorkshop'))).toEqual({ 'cap.mes': true });
  });

  it('reads a hedge about the vendor as no hedge on the yes', () => {
    expect(items(read('有，用的应该是用友的', 'cap.erp'))).toEqual({ 'cap.erp': true });
    expect(read('有的应该', 'cap.erp')).toMatchObject({ kind: 'unclear', reason: 'hedge' });
  });
});
