import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { formView, interpretForm } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import { createRules } from '../../server/chat/rules';
import { createKnowledgeBase } from '../../server/knowledge/base';

/*
 * A reply is stored in the field asked only when it is the kind of value the field takes: a count field counts its own
 * thing (车间, 人), a post field takes a post, and a question at a field is answered about that field. The phrasings are
 * this file's own, apart from the answer base's and the typed rounds'.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const read = (id: string, text: string) => interpretForm(kb, text, formView(kb, id, 'discreteFactory'));
const stored = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value, i.extra ?? false]) : r;
};
const boxed = (id: string, text: string) => checkFormValue(kb, {}, 'discreteFactory', id, text);

describe('a count of another thing than the field counts', () => {
  const other: [string, string, string][] = [
    ['form.workshopCount', '已建成5条自动化生产线', '生产线的条数'],
    ['form.workshopCount', '我们有三条总装线', '生产线的条数'],
    ['form.workshopCount', '厂里一共260台设备', '设备的台（套）数'],
    ['form.workshopCount', '大概12个工序', '工序的个数'],
    ['form.workshopCount', '两百来个工人', '人数'],
    ['form.employees', '有4条包装线', '生产线的条数'],
    ['form.patents.total', '上了6套系统', '系统的个数'],
    ['form.ws.1.equipmentTotal', '3条线', '生产线的条数'],
  ];
  for (const [id, text, kind] of other)
    it(`「${text}」 at ${id} is asked back as ${kind}, nothing stored`, () => {
      expect(read(id, text)).toMatchObject({ kind: 'unclear', reason: 'wrongKind', choices: [text, kind, expect.any(String)] });
      // The form view's box refuses it with the same words.
      const box = boxed(id, text);
      expect(box.ok).toBe(false);
      expect(!box.ok && box.error).toContain(kind);
    });

  // Precision: a count of the field's own thing, or a count that names no thing, is stored as before.
  const own: [string, string, number][] = [
    ['form.workshopCount', '3个车间', 3],
    ['form.workshopCount', '三个', 3],
    ['form.workshopCount', '5个生产车间', 5],
    ['form.workshopCount', '3个车间，共5条生产线', 3],
    ['form.rnd.staff', '研发人员45人', 45],
    ['form.rnd.staff', '45个', 45],
    ['form.rnd.staff', '研发中心有45名工程师', 45],
    ['form.employees', '320人', 320],
    ['form.ws.1.equipmentTotal', '120台', 120],
    ['form.patents.invention', '其中发明专利5项', 5],
  ];
  for (const [id, text, value] of own)
    it(`「${text}」 at ${id} is stored as ${value}`, () => {
      expect(stored(id, text)).toEqual([[id, value, false]]);
    });
  // The workshops named after their count fill their names too, each 一个 opening one.
  for (const text of ['两个，一个机加车间一个装配车间', '两个，一个机加车间，一个装配车间'])
    it(`「${text}」 at form.workshopCount is stored as 2, with the two names`, () => {
      expect(stored('form.workshopCount', text)).toEqual([
        ['form.workshopCount', 2, false],
        ['form.ws.1.name', '机加车间', true],
        ['form.ws.2.name', '装配车间', true],
      ]);
    });
});

describe('figures of another kind at a count field', () => {
  const other: [string, string, string][] = [
    ['form.rnd.staff', '2020到2022年研发投入分别是1200万、1500万、1800万', '逐年的一组数字'],
    ['form.rnd.staff', '21年38人，22年45人', '逐年的一组数字'],
    ['form.patents.total', '每年研发经费500万左右', '金额'],
    ['form.employees', '近三年分别是300、320、350', '逐年的一组数字'],
  ];
  for (const [id, text, kind] of other)
    it(`「${text}」 at ${id} is asked back as ${kind}`, () => {
      const r = read(id, text);
      expect(r).toMatchObject({ kind: 'unclear', reason: 'wrongKind' });
      expect(r.kind === 'unclear' && r.choices?.[1]).toBe(kind);
    });

  // R&D spending has its place in the form, the R&D narrative (研发队伍、科研成果…): said at the head count, it goes there whole.
  it('keeps R&D spending said at the R&D head count in the R&D narrative', () => {
    for (const text of ['研发投入一千八百万', '研发投入占营收的4.5%']) expect(stored('form.rnd.staff', text)).toEqual([['form.rnd.description', text, true]]);
  });

  // Precision: one figure of the field, with or without a year or a money word nowhere near it.
  it('stores a count said with its year or beside its own words', () => {
    expect(stored('form.rnd.staff', '2022年底研发人员45人')).toEqual([['form.rnd.staff', 45, false]]);
    expect(stored('form.employees', '员工三百二十人')).toEqual([['form.employees', 320, false]]);
    expect(stored('form.project.investment', '软硬件共投入3200万')).toEqual([['form.project.investment', 3200, false]]);
    expect(stored('form.registeredCapital', '2600万')).toEqual([['form.registeredCapital', 2600, false]]);
  });

  it('still reads a table\'s yearly series by year (the revenue row)', () => {
    expect(stored('form.finance.2022.revenue', '2021、2022年分别是3.1亿和4.6亿')).toEqual([
      ['form.finance.2021.revenue', 31000, true],
      ['form.finance.2022.revenue', 46000, false],
    ]);
  });
});

describe('a name or a phone at a post field', () => {
  const said: [string, string, [string, string][]][] = [
    ['form.contact.title', '联系人王敏，电话13812345678', [['form.contact.name', '王敏'], ['form.contact.phone', '13812345678']]],
    ['form.contact.title', '刘晓燕 13937112345', [['form.contact.name', '刘晓燕'], ['form.contact.mobile', '13937112345']]],
    ['form.contact.title', '赵卫东', [['form.contact.name', '赵卫东']]],
    ['form.contact.title', '0371-65432100', [['form.contact.phone', '0371-65432100']]],
    ['form.leader.title', '法人代表是孙建平', [['form.leader.name', '孙建平']]],
  ];
  for (const [id, text, items] of said)
    it(`「${text}」 at ${id} fills the person's own fields, said in passing, and leaves the post unanswered`, () => {
      const r = read(id, text);
      expect(r.kind).toBe('answers');
      if (r.kind !== 'answers') return;
      // Said in passing: the chat fills each only while it is empty (or holds the same) and asks the post again.
      expect(r.items.map((i) => [i.questionId, i.value])).toEqual(items);
      expect(r.items.every((i) => i.extra)).toBe(true);
    });

  it('keeps a post said beside the name as the post', () => {
    expect(stored('form.contact.title', '王敏，办公室主任')).toEqual([
      ['form.contact.title', '办公室主任', false],
      ['form.contact.name', '王敏', true],
    ]);
  });

  // Precision: a post alone is the post, with a scope after it too.
  const posts: [string, string, string][] = [
    ['form.contact.title', '职务是总经理', '总经理'],
    ['form.contact.title', '副总，分管生产', '副总，分管生产'],
    ['form.contact.title', '信息中心主任', '信息中心主任'],
    ['form.contact.title', '文员', '文员'],
    ['form.contact.title', '销售经理', '销售经理'],
    ['form.leader.title', '董事长，高级工程师', '董事长、高级工程师'],
  ];
  for (const [id, text, value] of posts)
    it(`「${text}」 at ${id} is stored as the post ${value}`, () => {
      expect(stored(id, text)).toEqual([[id, value, false]]);
    });

  it('still asks back a second post after a comma in a one-post field', () => {
    expect(read('form.contact.title', '办公室主任，兼任信息中心主任')).toMatchObject({ kind: 'unclear' });
  });
});

describe('a question at a field, in the chat', () => {
  const rules = createRules(createKnowledgeBase(kb));
  const pending = (id: string) => formView(kb, id, 'discreteFactory');
  const chat = (id: string, text: string) => rules.interpret(text, pending(id), {});

  it('asks how the field asked is worked out, not another figure\'s formula', () => {
    for (const text of ['这个比例怎么算', '比例咋算', '占比怎么计算？']) {
      const r = chat('form.products', text);
      expect(r, text).toMatchObject({ kind: 'unclear', reason: 'fieldHelp' });
      expect(r.kind === 'unclear' && r.choices?.[0], text).toContain('该产品的销售收入 ÷ 企业同一年度的营业收入');
      expect(r.kind === 'unclear' && r.choices?.[0], text).not.toContain('提升/降低');
    }
  });

  it('says a field with no formula has none, and what it asks for', () => {
    const r = chat('form.employees', '这个怎么算');
    expect(r).toMatchObject({ kind: 'unclear', reason: 'fieldHelp' });
    expect(r.kind === 'unclear' && r.choices?.[0]).toContain('没有计算公式');
    expect(r.kind === 'unclear' && r.choices?.[0]).toContain('企业目前在职的员工总人数');
  });

  // Precision: a question about something else goes to the notice's answers.
  it('leaves a question about another subject to the notice\'s answers', () => {
    expect(chat('form.products', '提升比例怎么算')).toEqual({ kind: 'question' });
    expect(chat('form.registeredCapital', '两化融合怎么算')).toEqual({ kind: 'question' });
    expect(chat('form.products', '申报截止时间是什么时候')).toEqual({ kind: 'question' });
  });
});

describe('a date question says how much of the date the form keeps', () => {
  it('keeps the construction dates to the month and the founding date to the day, so the page offers the right picker', () => {
    expect(formView(kb, 'form.project.start', 'smartWorkshop')!.precision).toBe('month');
    expect(formView(kb, 'form.project.end', 'discreteFactory')!.precision).toBe('month');
    expect(formView(kb, 'form.foundedOn', 'discreteFactory')!.precision).toBe('day');
    expect(formView(kb, 'form.creditCode', 'discreteFactory')!.precision).toBeUndefined();
  });
});
