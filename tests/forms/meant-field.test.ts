import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { createFormPhase, formView, interpretForm } from '../../server/forms/phase';
import { clipQuote } from '../../server/understand';
import type { Interpretation } from '../../server/schemas/interview';

/*
 * A form reply fills the field it means, with the value it means: a correction naming a free-text field, a post or a
 * name typed at a story's field, R&D spending (a fact the form has no cell for), a second dated event beside a date,
 * a count's whole beside its parts, and a none at a count read as the field means it. The phrasings are this file's
 * own, apart from the answer base's and the typed rounds'; each class has near misses that must read as before.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const read = (id: string, text: string): Interpretation => interpretForm(ctx, text, formView(ctx, id, 'discreteFactory'));
const items = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r;
};

describe('a correction naming a free-text field', () => {
  const fixes: [string, string, string, string][] = [
    ['form.address', '发展历程写错了，应该是2008年成立，2015年上市', 'form.history', '2008年成立，2015年上市'],
    ['form.business', '刚才发展历程说错了，是2010年成立的，2018年完成股份制改造', 'form.history', '2010年成立的，2018年完成股份制改造'],
    ['form.employees', '市场营销那栏不对，应该是主要客户为宇通和郑煤机，产品出口东南亚', 'form.marketing', '主要客户为宇通和郑煤机，产品出口东南亚'],
    ['form.rnd.staff', '荣誉填错了，应为国家级专精特新小巨人；河南省智能工厂', 'form.honours', '国家级专精特新小巨人；河南省智能工厂'],
    // At its own question: the story after the words that took it back, not the whole reply.
    ['form.history', '发展历程写错了，应该是1998年建厂，2006年改制为有限公司', 'form.history', '1998年建厂，2006年改制为有限公司'],
  ];
  for (const [at, text, id, value] of fixes)
    it(`「${text}」 at ${at} replaces ${id}`, () => {
      expect(items(at, text)).toEqual([[id, value]]);
      // Not said in passing: it replaces an answer already given, as a correction does.
      const r = read(at, text);
      expect(r.kind === 'answers' && r.items[0]!.extra).toBeFalsy();
    });

  it('with no form question waiting, the form\'s facts said carry the correction', () => {
    const said = createFormPhase(ctx).formFactsSaid('企业发展历程写错了，应该是2003年成立，2012年搬入产业园');
    expect(said).toEqual([expect.objectContaining({ questionId: 'form.history', value: '2003年成立，2012年搬入产业园' })]);
  });

  // Near misses: a story that mentions its own field or a correction word is the story as typed.
  it('a story that names its field without taking it back is stored as typed', () => {
    expect(items('form.history', '我们的发展历程其实挺简单，2008年成立至今')).toEqual([['form.history', '我们的发展历程其实挺简单，2008年成立至今']]);
    expect(items('form.marketing', '市场营销主要靠直销，华中地区占一半')).toEqual([['form.marketing', '市场营销主要靠直销，华中地区占一半']]);
    expect(createFormPhase(ctx).formFactsSaid('我们的发展历程大家都知道')).toEqual([]);
    // A correction naming no field is still the answer before's.
    expect(read('form.address', '不对，是16号')).toEqual({ kind: 'unclear', reason: 'previous' });
  });
});

describe('a reply that is plainly another field\'s kind', () => {
  it('a post or a name alone at a story\'s field is asked back, naming what it is', () => {
    for (const [id, text, kind] of [
      ['form.history', '办公室主任', '职务'],
      ['form.business', '生产部经理', '职务'],
      ['form.advantages', '总工程师', '职务'],
      ['form.marketing', '孙晓梅', '人名'],
    ] as const) {
      const r = read(id, text);
      expect(r, `${text} at ${id}`).toMatchObject({ kind: 'unclear', reason: 'wrongKind', choices: [text, kind, '一段文字说明'] });
    }
  });

  it('a surname and a title at a post field is the post; a surname and 总 or 工 is the post they stand for, never a name', () => {
    expect(items('form.contact.title', '王主任')).toEqual([['form.contact.title', '主任']]);
    expect(items('form.leader.title', '赵厂长')).toEqual([['form.leader.title', '厂长']]);
    expect(items('form.contact.title', '李主任')).toEqual([['form.contact.title', '主任']]);
    expect(items('form.contact.title', '刘总')).toEqual([['form.contact.title', '总经理']]);
    expect(items('form.contact.title', '张工')).toEqual([['form.contact.title', '工程师']]);
    // New phrasings of the same address: another surname, a compound one, the leader's post, a phone after it.
    expect(items('form.leader.title', '王总')).toEqual([['form.leader.title', '总经理']]);
    expect(items('form.contact.title', '欧阳总')).toEqual([['form.contact.title', '总经理']]);
    expect(items('form.contact.title', '是陈工')).toEqual([['form.contact.title', '工程师']]);
    expect(items('form.contact.title', '刘总，13837112345')).toEqual([['form.contact.title', '总经理'], ['form.contact.mobile', '13837112345']]);
    for (const text of ['刘总', '张工', '李主任']) {
      const r = read('form.contact.title', text);
      expect(r.kind === 'answers' && r.items.some((i) => i.questionId === 'form.contact.name'), text).toBe(false);
    }
  });

  it('a title said whole keeps its own words; a full name at a post field is still the name (near misses)', () => {
    expect(items('form.contact.title', '刘总工')).toEqual([['form.contact.title', '总工']]);
    expect(items('form.contact.title', '张工程师')).toEqual([['form.contact.title', '工程师']]);
    expect(items('form.contact.title', '王副总')).toEqual([['form.contact.title', '副总']]);
    expect(items('form.contact.title', '刘德华')).toEqual([['form.contact.name', '刘德华']]);
  });

  // Near misses: a post at a post field, a story ending in a post-like character, a title that is a word itself.
  it('a post at its own field, a story and a title word read as before', () => {
    expect(items('form.contact.title', '办公室主任')).toEqual([['form.contact.title', '办公室主任']]);
    expect(items('form.contact.title', '高工')).toEqual([['form.contact.title', '高工']]);
    expect(items('form.contact.title', '副总')).toEqual([['form.contact.title', '副总']]);
    expect(items('form.history', '全自动化加工')).toEqual([['form.history', '全自动化加工']]);
    expect(items('form.history', '原总经理办公室2010年改组为运营中心')).toEqual([['form.history', '原总经理办公室2010年改组为运营中心']]);
  });
});

describe('R&D spending, which the form has no cell for', () => {
  // 附件2/附件3 二(三) 技术水平 is 研发队伍、科研成果、知识产权…: the form's 研发队伍、科研成果和技术服务能力 is where it is written.
  const cases: [string, string, [string, unknown][]][] = [
    ['form.rnd.staff', '研发投入2021年800万，2022年1000万', [['form.rnd.description', '研发投入2021年800万，2022年1000万']]],
    ['form.rnd.staff', '研发人员52人，研发经费2022年1300万', [['form.rnd.staff', 52], ['form.rnd.description', '研发经费2022年1300万']]],
    ['form.employees', '410人，研发费用去年950万，前年780万', [['form.employees', 410], ['form.rnd.description', '研发费用去年950万，前年780万']]],
    ['form.patents.total', '研发支出每年六百万左右，有效专利33项', [['form.patents.total', 33], ['form.rnd.description', '研发支出每年六百万左右']]],
  ];
  for (const [at, text, want] of cases)
    it(`「${text}」 at ${at} keeps the spending whole, in the R&D description`, () => {
      expect(items(at, text)).toEqual(want);
      const r = read(at, text);
      const rnd = r.kind === 'answers' ? r.items.find((i) => i.questionId === 'form.rnd.description') : undefined;
      // Said in passing and added to what the description holds.
      expect(rnd).toMatchObject({ extra: true, adds: true });
    });

  it('near misses: the R&D staff figure alone, and a series of the asked field, read as before', () => {
    expect(items('form.rnd.staff', '48人')).toEqual([['form.rnd.staff', 48]]);
    expect(read('form.rnd.staff', '2021年30人，2022年45人')).toMatchObject({ kind: 'unclear' });
  });

  it('a quote said back is never cut inside a figure or its unit', () => {
    expect(clipQuote('研发投入2021年800万，2022年1000万，2023年预计1500万', 30)).toBe('研发投入2021年800万，2022年1000万…');
    expect(clipQuote('研发人员2021年的是三十二人2022年一共是四十五个人还有2023年1500', 30)).toBe('研发人员2021年的是三十二人2022年一共是四十五个人还有…');
    expect(clipQuote('数控机床30台', 30)).toBe('数控机床30台');
    const full = '研发投入2021年800万元和2022年1000万元';
    for (let n = 8; n < full.length; n++) {
      const body = clipQuote(full, n).replace(/…$/u, '');
      // The character after the cut never goes on with the figure or the unit before it (800|万, 800万|元).
      const next = full[body.length] ?? '';
      expect(/\d$/u.test(body) && /[\d万元年]/u.test(next), `${n}: ${body}`).toBe(false);
      expect(/万$/u.test(body) && next === '元', `${n}: ${body}`).toBe(false);
    }
  });
});

describe('two dated events where one date is asked', () => {
  const cases: [string, string, string, string][] = [
    ['form.project.start', '2020年3月开始，2021年扩产', '2020-03', '2021年扩产'],
    ['form.foundedOn', '2008年5月18日成立，2015年挂牌新三板', '2008-05-18', '2015年挂牌新三板'],
    ['form.project.end', '22年10月建成，23年初又上了二期', '2022-10', '23年初又上了二期'],
  ];
  for (const [at, text, date, event] of cases)
    it(`「${text}」 keeps ${date} and the other event in the history`, () => {
      expect(items(at, text)).toEqual([[at, date], ['form.history', event]]);
    });

  it('near misses: one date, a date with words, and the end date said with the start read as before', () => {
    expect(items('form.project.start', '2020年3月')).toEqual([['form.project.start', '2020-03']]);
    expect(items('form.project.start', '2020年3月，那年疫情')).toEqual([['form.project.start', '2020-03']]);
    expect(items('form.project.start', '2020年3月开始，2022年10月完成')).toEqual([['form.project.start', '2020-03'], ['form.project.end', '2022-10']]);
  });
});

describe('a count\'s whole and its parts', () => {
  it('the whole beats the part said before or after it', () => {
    expect(items('form.ws.1.equipmentTotal', '3号线有40台，全车间一共180台')).toEqual([['form.ws.1.equipmentTotal', 180]]);
    expect(items('form.ws.1.equipmentTotal', '冲压线25台，焊装线60台，合计210台')).toEqual([['form.ws.1.equipmentTotal', 210]]);
    expect(items('form.employees', '一线工人280人，管理和技术人员加起来共计356人')).toEqual([['form.employees', 356]]);
  });

  it('parts with no whole are asked back with their sum, never the first taken', () => {
    expect(read('form.ws.1.equipmentTotal', '数控机床30台，机器人12台')).toMatchObject({ kind: 'unclear', reason: 'parts', choices: ['数控机床30台，机器人12台', '42', '台（套）'] });
    expect(read('form.ws.1.equipmentTotal', '加工中心20台和三坐标2台')).toMatchObject({ kind: 'unclear', reason: 'parts', choices: [expect.any(String), '22', '台（套）'] });
    expect(read('form.employees', '生产工人260人，管理人员40人')).toMatchObject({ kind: 'unclear', reason: 'parts', choices: [expect.any(String), '300', '人'] });
  });

  it('near misses: one figure, a figure with another field\'s part, and a round figure read as before', () => {
    expect(items('form.ws.1.equipmentTotal', '180台')).toEqual([['form.ws.1.equipmentTotal', 180]]);
    expect(items('form.ws.1.equipmentTotal', '一共150台，自动化的120台')).toEqual([['form.ws.1.equipmentTotal', 150], ['form.ws.1.automatedEquipment', 120]]);
    expect(items('form.patents.total', '有效专利35项，其中发明专利8项')).toEqual([['form.patents.total', 35], ['form.patents.invention', 8]]);
    expect(items('form.ws.1.equipmentTotal', '车间1一共150台套')).toEqual([['form.ws.1.equipmentTotal', 150]]);
  });
});

describe('a none at a count, read as the field means it', () => {
  // The enterprise may have none of these: a none is 0.
  for (const id of ['form.patents.invention', 'form.patents.total', 'form.rnd.staff', 'form.ws.1.networkedEquipment', 'form.ws.1.automatedEquipment'])
    for (const text of ['暂时没有', '还没有', '目前还没有', '没有'])
      it(`「${text}」 at ${id} is 0`, () => expect(items(id, text)).toEqual([[id, 0]]));

  // These cannot be none: a none says the figure is not at hand, so the field is put off, never printed as 0.
  for (const id of ['form.ws.1.equipmentTotal', 'form.employees', 'form.ind.headcount.before'])
    for (const text of ['暂时没有', '还没有', '没有'])
      it(`「${text}」 at ${id} puts the field off`, () => expect(items(id, text)).toEqual([[id, null]]));

  it('near misses: 零 is 0 anywhere; a money field keeps its plain none as 0 and asks a hedged one back', () => {
    expect(items('form.ws.1.equipmentTotal', '零')).toEqual([['form.ws.1.equipmentTotal', 0]]);
    expect(items('form.finance.2022.profit', '没有')).toEqual([['form.finance.2022.profit', 0]]);
    expect(read('form.finance.2022.profit', '暂时没有')).toMatchObject({ kind: 'unclear', reason: 'bare' });
    expect(items('form.patents.invention', '没有发明专利')).toEqual([['form.patents.invention', 0]]);
    expect(items('form.ws.1.equipmentTotal', '没有设备')).toEqual([['form.ws.1.equipmentTotal', null]]);
  });
});
