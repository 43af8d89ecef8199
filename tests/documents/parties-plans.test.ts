import { describe, expect, it } from 'vitest';
import { documentPlan, extractByRules, partiesOf, plannedColumns, verifySuggestion } from '../../server/documents/extract';
import { docs, valid } from './layouts';

/*
 * Whose a document is, and which of its years are actual. A supplier's letterhead names the supplier, never the
 * enterprise; a document the enterprise keeps that names its supplier is read without the supplier's lines; a plan's
 * or a forecast's year, or a year not ended when the document was dated, gives no actual figure. The phrasings here are
 * this file's own, apart from the blind rounds' documents.
 */
const YEARS = ['2020', '2021', '2022'];
const read = (text: string, own?: { name?: string }) =>
  Object.fromEntries(
    extractByRules([text], 'x', docs, { years: YEARS, own })
      .filter((s) => verifySuggestion([text], s))
      .map((s) => [s.field, s.value]),
  );

const ENTERPRISE = '平顶山天成重工机械有限公司';
const SUPPLIER = '上海瑞控自动化设备有限公司';
const ENTERPRISE_CODE = valid('91410400MA3X7K2P0');
const SUPPLIER_CODE = valid('91310115MA1K4B7D2');

describe('a supplier\'s letterhead names the supplier, not the enterprise', () => {
  it('a document a company issues to its customer, under its letterhead alone, gives nothing, its name least of all', () => {
    // Measured before the change: each offered the supplier's letterhead as the enterprise's name, the quotation its 员工 too.
    expect(read(`${SUPPLIER}\n报 价 单\n尊敬的客户：\n我公司现有员工560人。`)).toEqual({});
    expect(read(`${SUPPLIER}\n设备验收报告\n验收设备：AGV小车6台\n验收结论：合格`)).toEqual({});
    expect(read(`${SUPPLIER}\n智能仓储系统技术方案\n本方案共分五章。`)).toEqual({});
    expect(read(`${SUPPLIER}\n送货单\n货物名称：伺服电机 数量：20台`)).toEqual({});
    expect(partiesOf([`${SUPPLIER}\n报价书\n正文`], docs).issuedBy).toEqual({ company: SUPPLIER, kind: '报价书' });
  });

  it('a vendor\'s document naming the enterprise as its 用户单位 gives that name and none of the vendor\'s own figures', () => {
    const report = `${SUPPLIER}\n设备安装调试验收报告\n用户单位：${ENTERPRISE}\n我公司现有员工150人。\n验收结论：合格。`;
    expect(read(report)).toEqual({ name: ENTERPRISE });
    expect(partiesOf([report], docs).writtenByOther).toBe(SUPPLIER);
  });

  it('a letterhead over the company\'s own account, or its own report under a label, still names it', () => {
    expect(read(`${ENTERPRISE}\n2022年度生产经营情况汇报\n公司现有员工420人。`)).toEqual({ name: ENTERPRISE, employees: 420 });
    // Its own project's 验收报告 names it under a label, so the letterhead is its own.
    expect(read(`${ENTERPRISE}\n智能化改造项目验收报告\n项目承担单位：${ENTERPRISE}`)).toEqual({ name: ENTERPRISE });
    expect(partiesOf([`${ENTERPRISE}\n智能化改造项目验收报告\n项目承担单位：${ENTERPRISE}`], docs).issuedBy).toBeUndefined();
  });
});

describe('the enterprise\'s own document that names its supplier is read without the supplier\'s lines', () => {
  it('an equipment list under its letterhead gives its counts and name, not the supplier\'s code or address', () => {
    // Measured before the change: {} — the supplier's line beside the letterhead made it a document between companies.
    const list = `${ENTERPRISE}\n结构件车间设备清单\n供应商：${SUPPLIER}\n统一社会信用代码：${SUPPLIER_CODE}\n地址：上海市浦东新区张江路88号\n设备类别 台（套）数 其中：联网设备\n焊接机器人 20 20\n合计 36 30`;
    expect(read(list)).toEqual({ name: ENTERPRISE, 'ws.1.equipmentTotal': 36, 'ws.1.networkedEquipment': 30 });
    expect(partiesOf([list], docs)).toMatchObject({ own: [], others: [SUPPLIER], between: [] });
  });

  it('a contract, once the enterprise is recorded, gives its side\'s name, code and address, and nothing of the other side\'s, in any of its layouts', () => {
    const mine = { name: ENTERPRISE };
    const contract = `设备采购合同\n甲方（需方）：${ENTERPRISE}\n统一社会信用代码：${ENTERPRISE_CODE}\n住所：平顶山市新华区光明路12号\n乙方（供方）：${SUPPLIER}\n统一社会信用代码：${SUPPLIER_CODE}\n住所：上海市浦东新区张江路88号\n一、乙方向甲方提供焊接机器人20台。`;
    expect(read(contract, mine)).toEqual({ name: ENTERPRISE, creditCode: ENTERPRISE_CODE, address: '平顶山市新华区光明路12号' });
    // 乙方 first, its code on a line of its own role; the enterprise as 买方.
    const sale = `购销合同\n卖方：${SUPPLIER}\n卖方统一社会信用代码：${SUPPLIER_CODE}\n买方：${ENTERPRISE}\n签订日期：2022年5月6日`;
    expect(read(sale, mine)).toEqual({ name: ENTERPRISE });
    // Both parties on one line, as a two-column table prints them.
    expect(read(`委托加工协议\n委托方：${ENTERPRISE} 受托方：${SUPPLIER}\n正文`, mine)).toEqual({ name: ENTERPRISE });
    // A bracket says the side over the role: 甲方 that is the 出租方 is the other side.
    expect(read(`厂房租赁合同\n甲方（出租方）：${SUPPLIER}\n乙方（承租方）：${ENTERPRISE}\n正文`, mine)).toEqual({ name: ENTERPRISE });
  });

  it('a contract read before the enterprise is recorded offers neither party\'s particulars, and names both', () => {
    // Measured before the change: each offered 甲方 (the buyer) as the enterprise, whichever party uploaded it.
    const contract = `设备采购合同\n甲方（需方）：${ENTERPRISE}\n统一社会信用代码：${ENTERPRISE_CODE}\n住所：平顶山市新华区光明路12号\n乙方（供方）：${SUPPLIER}\n统一社会信用代码：${SUPPLIER_CODE}\n一、乙方向甲方提供焊接机器人20台。`;
    expect(read(contract)).toEqual({});
    expect(partiesOf([contract], docs).unsure).toEqual([ENTERPRISE, SUPPLIER]);
    expect(read(`委托加工协议\n委托方：${ENTERPRISE} 受托方：${SUPPLIER}\n正文`)).toEqual({});
    expect(read(`厂房租赁合同\n甲方（出租方）：${SUPPLIER}\n乙方（承租方）：${ENTERPRISE}\n正文`)).toEqual({});
  });

  it('the enterprise as recorded on the side the roles give as the other\'s is read from that side; a contract it is no party to gives nothing', () => {
    // Measured before the change: {} — its own sales contract gave nothing of its own side.
    const sale = `产品购销合同\n甲方（需方）：${SUPPLIER}\n统一社会信用代码：${SUPPLIER_CODE}\n乙方（供方）：${ENTERPRISE}\n统一社会信用代码：${ENTERPRISE_CODE}\n乙方现有员工320人。`;
    expect(read(sale, { name: ENTERPRISE })).toEqual({ name: ENTERPRISE, creditCode: ENTERPRISE_CODE });
    expect(partiesOf([sale], docs, { name: ENTERPRISE })).toMatchObject({ own: [ENTERPRISE], others: [SUPPLIER], flipped: true });
    expect(read(sale, { name: '鹤壁市永达物流有限公司' })).toEqual({});
    expect(read(`三方协议\n甲方：${ENTERPRISE}\n丙方：河南中原数字科技有限公司\n用户单位：${SUPPLIER}\n正文`)).toEqual({});
  });

  it('a role inside a sentence or a label names no party, and a document naming none is read as before', () => {
    expect(read(`${ENTERPRISE}简介\n公司致力于为客户提供优质产品，供应商管理已纳入SRM系统。\n公司现有员工420人。`)).toEqual({ name: ENTERPRISE, employees: 420 });
    expect(partiesOf([`公司简介\n供应商数量：120家\n客户遍及全国`], docs)).toMatchObject({ own: [], others: [], between: [] });
  });
});

describe('planned or forecast years are never actual-year figures', () => {
  const U = '单位：万元\n';
  it('a column marked as planned is passed over, wherever it stands and however it is marked', () => {
    // Measured before the change: the marked column standing first shifted every figure one year (2021 given 2022's
    // planned 300), and a mark wrapped onto the next line gave 2022's planned figure as actual.
    expect(read(`${U}项目 2022年（预计） 2021年 2020年\n营业收入 300.00 200.00 100.00`)).toEqual({ 'finance.2021.revenue': 200, 'finance.2020.revenue': 100 });
    expect(read(`${U}项目 2020年 2021年 2022E\n营业收入 100.00 200.00 300.00`)).toEqual({ 'finance.2020.revenue': 100, 'finance.2021.revenue': 200 });
    expect(read(`${U}项目 2020年 2021年 2022年\n（预计）\n营业收入 100.00 200.00 300.00`)).toEqual({ 'finance.2020.revenue': 100, 'finance.2021.revenue': 200 });
    expect(read(`${U}项目 2020年 2021年 预计2022年\n营业收入 100.00 200.00 300.00`)).toEqual({ 'finance.2020.revenue': 100, 'finance.2021.revenue': 200 });
    expect(read(`${U}年度 营业收入 利润总额\n2020年 100.00 10.00\n2021年 200.00 20.00\n2022年（目标） 300.00 30.00`)).toEqual({
      'finance.2020.revenue': 100,
      'finance.2020.profit': 10,
      'finance.2021.revenue': 200,
      'finance.2021.profit': 20,
    });
  });

  it('a plan\'s years from its first on are planned, those marked 实际 and those before it are not', () => {
    // Measured before the change: the 2022–2024 plan's columns were all read as actual, and the plan with 实际 columns gave nothing.
    expect(read(`2022年度经营计划\n${U}项目 2020年（实际） 2021年（实际） 2022年\n营业收入 100.00 200.00 300.00`)).toEqual({ 'finance.2020.revenue': 100, 'finance.2021.revenue': 200 });
    expect(read(`2022—2024年发展规划\n${U}项目 2021年 2022年 2023年 2024年\n营业收入 100.00 200.00 300.00 400.00`)).toEqual({ 'finance.2021.revenue': 100 });
    // A plan's target in prose is no year's figure; a year before the plan is.
    expect(read('2022—2024年发展规划\n到2024年，公司营业收入达到5亿元，员工达到800人。\n2021年公司实现营业收入31,205.40万元。')).toEqual({ 'finance.2021.revenue': 31205.4 });
    // An equipment table of a plan's years says nothing of now.
    expect(read('2022—2024年设备规划\n设备统计\n设备名称 2021年 2022年 2023年\n合计 20 27 34')).toEqual({});
  });

  it('a year not ended on the date a document gives, under its label or as its sign-off, is planned', () => {
    // Measured before the change: 2022's figure was read as actual from both.
    expect(read(`编制日期：2022年6月30日\n${U}项目 2020年 2021年 2022年\n营业收入 100.00 200.00 300.00`)).toEqual({ 'finance.2020.revenue': 100, 'finance.2021.revenue': 200 });
    expect(read(`经营数据\n${U}项目 2020年 2021年 2022年\n营业收入 100.00 200.00 300.00\n二〇二二年九月十五日`)).toEqual({ 'finance.2020.revenue': 100, 'finance.2021.revenue': 200 });
    expect(documentPlan([`正文\n填报日期：二〇二二年十月九日`], docs)).toEqual({ dated: '2022-10-09' });
  });

  it('an actual report, a statement dated after its year, or a period line, is not a plan', () => {
    expect(read(`2022年计划完成情况\n${U}项目 2021年 2022年\n营业收入 200.00 300.00`)).toEqual({ 'finance.2021.revenue': 200, 'finance.2022.revenue': 300 });
    expect(read(`资产负债表\n2022年12月31日\n单位：元\n项目 2022年12月31日 2021年12月31日\n资产总计 612,345,678.90 568,000,000.00\n二〇二三年三月十五日`)).toEqual({
      'finance.2022.totalAssets': 61234.56789,
      'finance.2021.totalAssets': 56800,
    });
    expect(read(`利润表\n${U}项目 2021年 2022年\n营业收入 200.00 300.00\n2022年12月31日`)).toEqual({ 'finance.2021.revenue': 200, 'finance.2022.revenue': 300 });
  });

  it('says which of the asked years\' columns were planned, for the user to be told', () => {
    expect(plannedColumns([`${U}项目 2020年 2021年 2022年（预计）\n营业收入 1.00 2.00 3.00`], docs, YEARS)).toEqual(['2022年（预计）']);
    expect(plannedColumns([`2022年度经营计划\n${U}项目 2021年（实际） 2022年\n营业收入 1.00 2.00`], docs, YEARS)).toEqual(['2022年']);
    // A plan's years the form does not ask for need no word.
    expect(plannedColumns([`${U}项目 2021年 2022年 2023年（计划）\n营业收入 1.00 2.00 3.00`], docs, YEARS)).toEqual([]);
  });
});

describe('what the ninth blind round revealed, each as a class', () => {
  it('a year in Chinese numerals heads a statement or a row as one in figures does; a whole date is still a date', () => {
    expect(read('利润表\n二〇二一年度\n单位：元\n项目 本期金额 上期金额\n营业收入 86,000,000.00 76,500,000.00')).toEqual({ 'finance.2021.revenue': 8600, 'finance.2020.revenue': 7650 });
    expect(read('年度 营业收入（万元） 利润总额（万元）\n二〇二一年 100.00 10.00\n二〇二二年 200.00 20.00')).toEqual({
      'finance.2021.revenue': 100,
      'finance.2021.profit': 10,
      'finance.2022.revenue': 200,
      'finance.2022.profit': 20,
    });
    expect(read('成立日期：二〇一九年七月一日')).toEqual({ foundedOn: '2019-07-01' });
  });

  it('a figure a scan broke at the line\'s end is read whole; a rate or a whole figure is not joined to the next line', () => {
    expect(read('利润表\n2022年度\n单位：元\n项目 本期金额 上期金额\n营业收入 86,000,000.0\n0 76,500,000.00')).toEqual({ 'finance.2022.revenue': 8600, 'finance.2021.revenue': 7650 });
    expect(read('利润表\n2022年度\n单位：元\n项目 本期金额 上期金额\n营业收入 86,000,\n000.00 76,500,000.00')).toEqual({ 'finance.2022.revenue': 8600, 'finance.2021.revenue': 7650 });
    // Two whole figures on two lines stay two.
    expect(read('利润表\n2022年度\n单位：元\n项目 本期金额 上期金额\n营业收入 86,000,000.00\n76,500,000.00')).toEqual({ 'finance.2022.revenue': 8600, 'finance.2021.revenue': 7650 });
  });

  it('a particulars cell with its unit gives the bare figure after it; a row of several figures does not', () => {
    expect(read('注册资本（万元）\n6000\n从业人员（人）\n356\n其中：研发人员（人）\n42')).toEqual({ registeredCapital: 6000, employees: 356, 'rnd.staff': 42 });
    expect(read('注册资本（元） 50,000,000')).toEqual({ registeredCapital: 5000 });
    expect(read('从业人员（人） 512 538 561')).toEqual({});
    expect(read('营业收入（万元）\n6000')).toEqual({});
  });

  it('an address a few of the company\'s clauses on is its address; one after a project\'s clause is not', () => {
    expect(read('公司简介\n本公司成立于2012年5月，注册资本8000万元，位于南阳市卧龙区工业南路16号。')).toMatchObject({ address: '南阳市卧龙区工业南路16号' });
    expect(read('公司简介\n本公司成立于2012年，新建项目投资2亿元，位于南阳市宛城区新区大道8号。')).not.toHaveProperty('address');
  });
});
