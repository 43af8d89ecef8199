import { describe, expect, it } from 'vitest';
import { extractByRules, partiesOf, printedMonthOrDate, signedBy, verifySuggestion } from '../../server/documents/extract';
import { docs, valid } from './layouts';

/*
 * Whose voice a document speaks in, and founding dates to the precision printed. 「我公司」 in a letter is its writer's:
 * the company it is signed by (落款), or, where it is written to the enterprise (致…, 「…有限公司：」, 贵司), not the
 * enterprise. A founding date printed without its day is a month, never a made-up day. The phrasings are this file's own.
 */
const YEARS = ['2020', '2021', '2022'];
const read = (text: string, own?: { name?: string }) =>
  Object.fromEntries(
    extractByRules([text], 'x', docs, { years: YEARS, own })
      .filter((s) => verifySuggestion([text], s))
      .map((s) => [s.field, s.value]),
  );

const ENTERPRISE = '三门峡宏远铝业有限公司';
const OTHER = '无锡精工数控设备有限公司';

describe('a founding date is read to the precision it is printed', () => {
  it('reads a month under a founding label however it is printed', () => {
    expect(read('成立时间：2015年3月')).toEqual({ foundedOn: '2015-03' });
    expect(read('成立日期 2015.3')).toEqual({ foundedOn: '2015-03' });
    expect(read('成立时间：2015.03')).toEqual({ foundedOn: '2015-03' });
    expect(read('成立时间：15年3月')).toEqual({ foundedOn: '2015-03' });
    expect(read('成立时间：二〇一五年三月')).toEqual({ foundedOn: '2015-03' });
    expect(read('成立时间\n2015/3')).toEqual({ foundedOn: '2015-03' });
    // A whole day stays a day.
    expect(read('成立日期：2015年3月9日')).toEqual({ foundedOn: '2015-03-09' });
  });

  it('reads a month the company\'s own sentence gives for its founding', () => {
    expect(read('公司成立于2015年3月，注册资本3000万元。')).toMatchObject({ foundedOn: '2015-03' });
    expect(read('本公司于2015年3月注册成立。')).toEqual({ foundedOn: '2015-03' });
    expect(read(`${ENTERPRISE}2015年3月成立，现有员工200人。`)).toMatchObject({ foundedOn: '2015-03' });
    expect(read('我公司创建于二〇一五年三月。')).toEqual({ foundedOn: '2015-03' });
    expect(read(`${ENTERPRISE}是河南宏远控股有限公司的全资子公司，成立于2015年3月。`)).toMatchObject({ foundedOn: '2015-03' });
  });

  it('reads no founding date from another body, another event or a month that is not one', () => {
    expect(read('公司全资子公司三门峡宏远物流有限公司成立于2018年6月。')).toEqual({});
    expect(read('公司2019年8月成立了省级技术中心。')).toEqual({});
    expect(read('熔铸车间于2019年8月建成投产。')).toEqual({});
    expect(read('集团成立于2005年8月。')).toEqual({});
    expect(read('成立时间：2015年13月')).toEqual({});
    expect(read('公司是一家铝加工企业，2019年8月新建熔铸车间。')).toEqual({});
  });

  it('gives a year printed alone as the founding year, never as a date with a month made up', () => {
    expect(read('公司成立于2015年。')).toEqual({ 'ent.foundedYear': '2015' });
    expect(read('成立时间：2015年')).toEqual({ 'ent.foundedYear': '2015' });
    expect(read('本公司2015年注册成立，主营铝型材。')).toEqual({ 'ent.foundedYear': '2015' });
    // Near misses: another body's year, a year that founds something else, a year not ending its clause.
    expect(read('集团成立于2005年。')).toEqual({});
    expect(read('公司2015年注册了“宏远”商标。')).toEqual({});
    expect(read('公司成立于2015年的老厂区之上。')).toEqual({});
  });

  it('says the month as printed, and holds a month only where the text prints it', () => {
    expect(printedMonthOrDate('二〇〇九年八月')).toEqual({ iso: '2009-08', raw: '二〇〇九年八月' });
    expect(printedMonthOrDate('98年3月')).toEqual({ iso: '1998-03', raw: '98年3月' });
    // A two-digit year with a dot is no date: 「09.8」 is as likely a figure.
    expect(printedMonthOrDate('09.8')).toBeNull();
    const s = { field: 'foundedOn', value: '2015-03', raw: '2015.3', source: { file: 'x', page: 1, snippet: '成立日期 2015.3' } };
    expect(verifySuggestion(['成立日期 2015.3'], s)).toBe(true);
    expect(verifySuggestion(['成立日期 2015.3'], { ...s, value: '2015-04' })).toBe(false);
  });
});

describe('「我公司」 in a letter is its writer\'s', () => {
  it('a letter signed at its foot by another company, with no letterhead, gives nothing', () => {
    // Measured before the change: its head count and revenue were offered as the enterprise's.
    const letter = `关于质保期服务的说明\n我公司为贵司提供的五轴加工中心已完成验收，我公司现有员工480人，2022年实现营业收入2.3亿元。\n特此说明。\n${OTHER}（盖章）\n2023年4月2日`;
    expect(read(letter)).toEqual({});
    expect(read(letter, { name: ENTERPRISE })).toEqual({});
    expect(partiesOf([letter], docs).issuedBy).toEqual({ company: OTHER, kind: '' });
    expect(signedBy([letter], docs)).toBe(OTHER);
  });

  it('a letter greeting the enterprise by name or as 贵司, signed by no one on its side, gives nothing', () => {
    expect(read(`${ENTERPRISE}：\n我公司为贵司供应数控系统，我公司现有员工480人。`)).toEqual({});
    expect(partiesOf([`尊敬的${ENTERPRISE}：\n我公司现有员工480人。`], docs).letter).toEqual({ to: ENTERPRISE });
    expect(read('关于备件供应的函\n我公司将于下月向贵司交付备件，我公司现有员工480人。')).toEqual({});
  });

  it('the enterprise\'s own statement, signed by it or to a bureau, is read; an auditor\'s signature is no writer', () => {
    const own = `情况说明\n我公司现有员工560人，其中研发人员72人。\n特此说明。\n${ENTERPRISE}\n二〇二三年三月十日`;
    expect(read(own)).toEqual({ employees: 560, 'rnd.staff': 72 });
    expect(read(own, { name: ENTERPRISE })).toEqual({ employees: 560, 'rnd.staff': 72 });
    expect(read(`关于申报情况的说明\n三门峡市工业和信息化局：\n我公司现有员工560人。\n${ENTERPRISE}\n2023年3月10日`, { name: ENTERPRISE })).toEqual({ employees: 560 });
    // An audit report ends with its firm's name; the statements above it are still the enterprise's.
    const audit = `利润表\n2022年度\n单位：万元\n项目 本期金额 上期金额\n营业收入 3,200.00 2,900.00\n河南华信会计师事务所有限公司\n2023年3月20日`;
    expect(read(audit)).toEqual({ 'finance.2022.revenue': 3200, 'finance.2021.revenue': 2900 });
    // Once the enterprise is recorded, a document signed by another company is that company's, 贵司 or none.
    expect(read(`情况说明\n我公司现有员工480人。\n${OTHER}\n2023年4月2日`, { name: ENTERPRISE })).toEqual({});
  });

  it('a contract marks the uploader\'s side itself (「（我方）」) and is read from it before any name is recorded', () => {
    const code = valid('91411200MA45C7D2B');
    const sale = `铝锭销售合同\n甲方（需方）：${OTHER}\n乙方（我方）：${ENTERPRISE}\n统一社会信用代码：${code}\n一、乙方向甲方供应铝锭。`;
    expect(read(sale)).toEqual({ name: ENTERPRISE, creditCode: code });
  });

  it('a quotation naming the enterprise as its customer is its issuer\'s, whose 我公司 is not read', () => {
    const q = `报价单\n客户名称：${ENTERPRISE}\n我公司现有员工480人。\n报价单位：${OTHER}`;
    expect(read(q, { name: ENTERPRISE })).toEqual({ name: ENTERPRISE });
  });
});
