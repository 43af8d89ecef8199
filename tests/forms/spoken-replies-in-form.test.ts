import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { createFormPhase, fieldCorrected, formView, interpretForm } from '../../server/forms/phase';
import { formalText } from '../../server/forms/formal';
import { typedWithoutHedges } from '../../server/forms/document-form';
import { writtenRoundFigure } from '../../server/understand';
import type { Interpretation } from '../../server/schemas/interview';

/*
 * Replies said as people speak them, read into the form and written into the draft as a signed form states them: a
 * phone read out in 汉字 digits after words about whose it is, a yearly figure with no year or with its year after its
 * name, the main products' share said at another field, a correction that opens the reply, a round figure of money in
 * a story, and the spoken words of a story (嗯, 那个, 就是, 大概就这些) in written form.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const read = (id: string, text: string): Interpretation => interpretForm(ctx, text, formView(ctx, id, 'discreteFactory'));
const items = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r;
};
const formal = (t: string) => formalText(data.formDrafting, t);
const typed = (t: string) => typedWithoutHedges(data.formDrafting, t).text;

describe('a phone number after words about whose phone it is', () => {
  it.each([
    ['form.leader.phone', '企业负责人电话就是他手机一三九三七四八二二六五', '13937482265'],
    ['form.leader.phone', '就是老板的手机13937482265', '13937482265'],
    ['form.contact.phone', '联系电话打我手机，幺三八 幺二七二 三四五六', '13812723456'],
    ['form.contact.phone', '我的号码是0371-65432100', '0371-65432100'],
  ])('%s 「%s」 → %s', (id, text, phone) => {
    expect(items(id, text)).toEqual([[id, phone]]);
  });
  // Near misses: a number said not to be the phone, or an old one, is no number to store.
  it.each(['他手机不是13937482265', '他手机换了，原来是13937482265'])('「%s」 stores no bare number', (text) => {
    expect(items('form.leader.phone', text)).not.toEqual([['form.leader.phone', '13937482265']]);
  });
});

describe('a yearly figure said with no year, or with its year after its name', () => {
  it.each([
    ['form.finance.2020.tax', '缴税九百六十万', 960],
    ['form.finance.2020.tax', '税金一千零五十万', 1050],
    ['form.finance.2021.tax', '那年缴税一千二百万', 1200],
    ['form.finance.2022.tax', '交税八百万', 800],
    ['form.finance.2020.revenue', '销售额三亿二', 32000],
  ])('%s 「%s」 is the asked year\'s: %s', (id, text, value) => {
    expect(items(id, text)).toEqual([[id, value]]);
  });

  it.each([
    ['营收前年四亿三，亏了八百万', [['form.finance.2021.profit', -800], ['form.finance.2021.revenue', 43000]]],
    ['营收2021年四亿三，利润八百万', [['form.finance.2021.revenue', 43000], ['form.finance.2021.profit', 800]]],
    ['前年营收四亿三，赚了八百万', [['form.finance.2021.profit', 800], ['form.finance.2021.revenue', 43000]]],
  ])('at 2020\'s profit 「%s」 is the other year\'s, and 2020\'s is asked again', (text, expected) => {
    const r = read('form.finance.2020.profit', text);
    expect(r.kind).toBe('answers');
    if (r.kind !== 'answers') return;
    expect(r.items.map((i) => [i.questionId, i.value])).toEqual(expected);
    expect(r.items.every((i) => i.extra)).toBe(true);
    expect(r.notes).toBeUndefined();
  });

  // Near misses: a figure said before any year, or with the asked year, stays the asked year's.
  it.each([
    ['亏了八百万，前年营收四亿三', ['form.finance.2020.profit', -800]],
    ['2020年营收四亿三，亏了八百万', ['form.finance.2020.profit', -800]],
    ['营收四亿三，亏了八百万', ['form.finance.2020.profit', -800]],
  ])('at 2020\'s profit 「%s」 gives 2020\'s', (text, item) => {
    expect(items('form.finance.2020.profit', text)).toContainEqual(item);
  });

  it('every word of a yearly figure said with no year names a row of each year', () => {
    const v = data.formQuestions.vocabulary;
    const near = data.formQuestions.questions.filter((q) => q.id.startsWith('form.finance.2020.')).flatMap((q) => q.nearSaidAs ?? []);
    expect(v.yearlessFigures.filter((w) => !near.includes(w))).toEqual([]);
  });
});

describe('the main products\' share said at another field', () => {
  it.each([
    ['form.history', '主营产品一共占营收九成五'],
    ['form.marketing', '这些产品一共占营收九成左右'],
    ['form.business', '主营产品合计占营收的95%'],
  ])('%s 「%s」 is added to the products, not stored as the asked story', (id, text) => {
    const r = read(id, text);
    expect(r.kind).toBe('answers');
    if (r.kind !== 'answers') return;
    expect(r.items).toEqual([expect.objectContaining({ questionId: 'form.products', value: text, adds: true })]);
  });
  // Near misses: products named, or 一共 of something else, are the asked story's.
  it.each([
    ['form.history', '主营产品有开关柜和箱变'],
    ['form.history', '2008年成立，一共占地五十亩'],
  ])('%s 「%s」 stays the asked story', (id, text) => {
    expect(items(id, text)).toEqual([[id, text]]);
  });
});

describe('a correction that opens the reply and names its story next', () => {
  it.each([
    ['form.history', '我改一下，发展历程是：2008年成立，2015年扩建', 'form.history', '2008年成立，2015年扩建'],
    ['form.business', '我改一下，发展历程是：2008年成立', 'form.history', '2008年成立'],
    ['form.history', '更正一下，发展历程应该是：2010年成立', 'form.history', '2010年成立'],
  ])('%s 「%s」 → %s %s', (at, text, id, value) => {
    expect(items(at, text)).toEqual([[id, value]]);
  });
  it.each(['我改一下，发展历程是：2008年成立', '市场营销改一下，应该是：主要客户为国网', '主营业务写错了，是：精密轴承'])('「%s」 with no question waiting keeps no leading colon', (text) => {
    const r = fieldCorrected(ctx, text);
    expect(r?.kind).toBe('answers');
    if (r?.kind === 'answers') expect(String(r.items[0]!.value)).not.toMatch(/^[：:，,]/u);
    expect(createFormPhase(ctx).formFactsSaid(text).every((i) => !/^[：:]/u.test(String(i.value)))).toBe(true);
  });
  // Near misses: 改 inside a story's words takes nothing back.
  it.each([
    ['form.history', '改一下，我们2008年成立'],
    ['form.history', '改制是2010年，2015年上市'],
    ['form.business', '改进工艺是我们的主营'],
  ])('%s 「%s」 is stored as typed', (id, text) => {
    expect(items(id, text)).toEqual([[id, text]]);
  });
});

describe('the business restating its label before 就是 or 是', () => {
  it.each([
    ['主营就是高低压成套开关设备', '高低压成套开关设备'],
    ['主营业务就是精密轴承', '精密轴承'],
    ['主营是高低压成套开关设备', '高低压成套开关设备'],
  ])('「%s」 → %s', (text, value) => {
    expect(items('form.business', text)).toEqual([['form.business', value]]);
  });
  // Near misses: a word of another label's tail, or a short head of a long label, is the story's own.
  it.each([
    ['form.history', '发展就是靠技术'],
    ['form.marketing', '市场就是华中地区为主'],
  ])('%s 「%s」 is stored as typed', (id, text) => {
    expect(items(id, text)).toEqual([[id, text]]);
  });
});

describe('a round figure\'s written form', () => {
  it.each([
    ['注册资本大概一个亿左右', '注册资本约一亿'],
    ['一个亿左右', '约一亿'],
    ['差不多两个亿吧', '约两亿'],
    ['两个多亿', '两亿余'],
    ['五个来亿', '约五亿'],
    ['大约五千万左右', '约5000万'],
  ])('「%s」 → %s', (said, written) => {
    expect(writtenRoundFigure(said)).toBe(written);
  });
});

describe('a round figure of money in a story is asked for, never printed', () => {
  it.each([
    ['研发投入2022年一千一百多万，设计采用SolidWorks和EPLAN', '〔请补充：“研发投入2022年1100余万”的确切数值〕，设计采用SolidWorks和EPLAN'],
    ['研发投入每年五百来万', '〔请补充：“研发投入每年约500万”的确切数值〕'],
    ['研发费用两个多亿', '〔请补充：“研发费用两亿余”的确切数值〕'],
    ['研发投入占营收5%左右', '〔请补充：“研发投入占营收约5%”的确切数值〕'],
  ])('「%s」 → %s', (said, printed) => {
    expect(typed(said)).toBe(printed);
  });
  // Near misses: exact figures, and round counts of years or things, are printed as said.
  it.each(['研发投入2022年1100万', '公司成立二十多年', '产品销往十多个国家', '拥有一百多项专利'])('「%s」 is printed as said', (said) => {
    expect(typed(said)).toBe(said);
  });
});

describe('a story\'s spoken words in written form', () => {
  it.each([
    ['：2008年成立，2015年扩建新厂房。嗯大概就这些', '2008年成立，2015年扩建新厂房。'],
    ['2010年建厂，2018年技改，就这些了', '2010年建厂，2018年技改'],
    ['那个主要销售给国网和南网', '主要销售给国网和南网'],
    ['那个我们主要卖给郑煤机', '公司主要销售给郑煤机'],
    ['安灯系统有，防错也有', '安灯系统、防错均已具备'],
    ['MES和WMS都有', 'MES、WMS均已具备'],
    ['设计用的SolidWorks和EPLAN', '设计采用SolidWorks和EPLAN'],
    ['仿真用的ANSYS', '仿真采用ANSYS'],
    ['已部署LIMS，化验室用的', '已部署LIMS，用于化验室'],
    ['上线了WMS，成品库用的', '上线了WMS，用于成品库'],
    ['嗯主要做阀门', '主要生产阀门'],
    ['就是做高低压开关柜', '生产高低压开关柜'],
  ])('「%s」 → %s', (said, written) => {
    expect(formal(said)).toBe(written);
  });
  // Near misses: written words that look like the spoken ones are kept.
  it.each(['安灯没有，防错也有', '主要客户就是这些企业', '使用的ERP', '常用的SAP', '额定功率100kW', '这些产品均已出口'])('「%s」 is kept', (said) => {
    expect(formal(said)).toBe(said);
  });
});
