import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { anotherCompany, signedBy } from '../../server/documents/extract';
import { docxToPdfFile } from './files';
import { acceptSuggestion, docs, docx, haveSoffice, listedDocuments, mergedTable, newSession, offered, para, scoreOffered, sessionAnswers, table, uploaded, valid, type Files, type Round, type RoundExpected, type SpanCell } from './layouts';

/*
 * An eleventh blind round: 22 uploads of four enterprises, written from how such documents are laid out before the
 * extractor was run on them, each stating exactly what it should yield.
 *
 * A machinery maker (开封同创机械有限公司), nothing recorded: a licence as a scan's text; a profile that gives its founding
 * year only (「成立于2011年」); a purchase contract where it is 甲方（买方）, read before its name is known; an equipment
 * list whose 设备数量（台套） heading spans 建设前 and 建设后, with 序号 and 备注 columns; a supplier's letter signed at its foot.
 *
 * A chemical maker (平顶山鑫源化工有限公司), name and its one workshop recorded: an annual report's extract (「公司始建于2005年，」);
 * a sales contract where it is 乙方（供方）; a table of the workshop's counts under 建设前 and 建设后 each spanning 设备总数 and
 * 联网设备; an investment table and an output table under the same merged heading, which give no count.
 *
 * A food maker (商丘恒达食品有限公司), nothing recorded: a licence; the 申报书's particulars with 成立时间 「2014年」; an equipment
 * list whose 设备总数 and 联网设备 each span 建设前 and 建设后, its 序号 and 设备名称 merged down over two heading rows; a customer's
 * 合作证明; a history naming a subsidiary's founding and a research centre's.
 *
 * A motor maker (南阳卧龙电机股份有限公司), name and code recorded: an annual report's extract (「公司成立于二〇〇三年，」); an
 * equipment list as a scan's text, row by row; its own 情况说明 (「我公司2003年注册，」); a purchase contract where it is 甲方;
 * a supplier's quotation; its particulars with 成立时间 「2003年5月」; a licence with 营业期限 after the date.
 *
 * A wrong value is one the applicant could sign; a missed one is asked for later, so it is the lesser defect. A founding
 * year is the interview's 成立年份 (ent.foundedYear), never a date with a month made up.
 */
// [correct, wrong, missed] over the 51 facts the round's documents state.
const MEASURED_BEFORE: [number, number, number] = [28, 3, 21];
// 52 since the annual reports' titles running the enterprise's name into 「年度报告（摘要）」 give its name too; 53 since a
// profile headed only 「企业简介」 names the company its first sentence opens with.
const MEASURED_AFTER: [number, number, number] = [54, 0, 0];
const merged = (rows: SpanCell[][]) => mergedTable(rows, 1300);

// ——— 开封同创机械有限公司 ———
const TC = { name: '开封同创机械有限公司', creditCode: valid('91410200MA46C8D2P'), address: '开封市祥符区黄龙产业园纬三路16号' };
const TC_SELLER = '洛阳精锐数控设备有限公司';
const tcLicence = () =>
  docx(
    [
      '营业执照',
      `统一社会信用代码 ${TC.creditCode}`,
      `名称 ${TC.name}`,
      '类型 有限责任公司(自然人投资或控股)',
      '注册资本 伍仟万元整',
      '成立日期 2011年06月08日',
      `住所 ${TC.address}`,
    ].map(para),
  );
const TC_LICENCE: RoundExpected = { name: TC.name, creditCode: TC.creditCode, registeredCapital: 5000, foundedOn: '2011-06-08', address: TC.address };
const tcProfile = () =>
  docx([
    para('企业简介'),
    para(`${TC.name}成立于2011年，注册资本5000万元，主要生产农业机械齿轮箱。`),
    para('公司现有员工386人，其中研发人员41人。2022年，公司实现营业收入2.35亿元。'),
  ]);
const TC_PROFILE: RoundExpected = { name: TC.name, 'ent.foundedYear': '2011', registeredCapital: 5000, employees: 386, 'rnd.staff': 41, 'finance.2022.revenue': 23500 };
const tcPurchase = () =>
  docx([
    para('设备采购合同'),
    para(`甲方（买方）：${TC.name}`),
    para(`统一社会信用代码：${TC.creditCode}`),
    para(`地址：${TC.address}`),
    para(`乙方（卖方）：${TC_SELLER}`),
    para(`统一社会信用代码：${valid('91410300MA44H7J1R')}`),
    para('地址：洛阳市涧西区凯旋西路28号'),
    para('第一条 甲方向乙方购买数控滚齿机6台，合同总价人民币540万元。'),
  ]);
// Before the enterprise is recorded either party may be it: nothing is offered (the re-read is tested below).
const TC_PURCHASE: RoundExpected = {};
const tcEquipment = () =>
  docx([
    para('齿轮箱装配车间设备清单'),
    merged([
      ['序号', '设备名称', { text: '设备数量（台套）', span: 2 }, '备注'],
      ['', '', '建设前', '建设后', ''],
      ['1', '数控滚齿机', '4', '10', '新购6台'],
      ['2', '装配机器人', '0', '6', ''],
      ['3', '自动检测线', '1', '2', ''],
      ['', '合计', '5', '18', ''],
    ]),
  ]);
const TC_EQUIPMENT: RoundExpected = { 'ws.1.equipmentTotal': 18 };
const tcSupplierLetter = () =>
  docx([
    para('关于设备交付情况的说明'),
    para(`我公司为${TC.name}提供的数控滚齿机已全部交付。我公司成立于2008年，现有员工520人。`),
    para('特此说明。'),
    para(`${TC_SELLER}（盖章）`),
    para('2023年2月20日'),
  ]);
const TC_SUPPLIER_LETTER: RoundExpected = {};

// ——— 平顶山鑫源化工有限公司 ———
const XY = { name: '平顶山鑫源化工有限公司', creditCode: valid('91410400MA45W3E6T'), address: '平顶山市石龙区化工园区纬二路8号' };
const XY_ANSWERS = { 'form.name': XY.name, 'form.workshopCount': 1, 'form.ws.1.name': '合成车间' };
const xyAnnual = () =>
  docx([
    para('平顶山鑫源化工有限公司2022年度报告（摘要）'),
    para('一、公司基本情况'),
    para('公司始建于2005年，现有员工612人，其中研发人员58人。'),
    para('二、经营情况'),
    para('2022年，公司实现营业收入8.46亿元，利润总额6,120.3万元。'),
  ]);
// 「始建于2005年」, with no word of a later 改制 or 原名, founds the company: its founding year.
const XY_ANNUAL: RoundExpected = { name: XY.name, 'ent.foundedYear': '2005', employees: 612, 'rnd.staff': 58, 'finance.2022.revenue': 84600, 'finance.2022.profit': 6120.3 };
const xySale = () =>
  docx([
    para('产品购销合同'),
    para('甲方（需方）：许昌恒泰新材料有限公司'),
    para(`统一社会信用代码：${valid('91411000MA40G2K8Y')}`),
    para(`乙方（供方）：${XY.name}`),
    para(`统一社会信用代码：${XY.creditCode}`),
    para(`地址：${XY.address}`),
    para('一、乙方向甲方供应工业级甲醇800吨。'),
  ]);
const XY_SALE: RoundExpected = { name: XY.name, creditCode: XY.creditCode, address: XY.address };
const xyCounts = () =>
  docx([
    para('合成车间设备情况'),
    merged([
      ['车间', { text: '建设前', span: 2 }, { text: '建设后', span: 2 }],
      ['', '设备总数', '联网设备', '设备总数', '联网设备'],
      ['合成车间', '96', '30', '128', '121'],
    ]),
  ]);
const XY_COUNTS: RoundExpected = { 'ws.1.equipmentTotal': 128, 'ws.1.networkedEquipment': 121 };
const xyInvestment = () =>
  docx([
    para('智能化改造设备投资情况表（单位：万元）'),
    merged([
      ['序号', '设备名称', { text: '设备投资额', span: 2 }],
      ['', '', '建设前', '建设后'],
      ['1', 'DCS控制系统', '120', '460'],
      ['', '合计', '120', '460'],
    ]),
  ]);
const XY_INVESTMENT: RoundExpected = {};
const xyOutput = () =>
  docx([
    para('主要产品产量对比'),
    merged([
      ['序号', '产品名称', { text: '产量（吨）', span: 2 }],
      ['', '', '建设前', '建设后'],
      ['1', '甲醇', '52000', '68000'],
      ['', '合计', '52000', '68000'],
    ]),
  ]);
const XY_OUTPUT: RoundExpected = {};

// ——— 商丘恒达食品有限公司 ———
const HD = { name: '商丘恒达食品有限公司', creditCode: valid('91411400MA47N5P2K'), address: '商丘市梁园区产业集聚区平原路9号' };
const hdLicence = () =>
  docx(
    [
      '营 业 执 照',
      `统一社会信用代码 ${HD.creditCode}`,
      `名 称 ${HD.name}`,
      '注 册 资 本 叁仟万圆整',
      '成 立 日 期 2014年03月12日',
      `住 所 ${HD.address}`,
    ].map(para),
  );
const HD_LICENCE: RoundExpected = { name: HD.name, creditCode: HD.creditCode, registeredCapital: 3000, foundedOn: '2014-03-12', address: HD.address };
const hdParticulars = () =>
  docx([
    para('一、申报单位基本情况'),
    table(
      [
        ['单位名称', HD.name, '成立时间', '2014年'],
        ['注册资本（万元）', '3000', '从业人员（人）', '455'],
      ],
      1800,
    ),
  ]);
const HD_PARTICULARS: RoundExpected = { name: HD.name, 'ent.foundedYear': '2014', registeredCapital: 3000, employees: 455 };
const hdEquipment = () =>
  docx([
    para('速冻面点车间设备统计表'),
    merged([
      [{ text: '序号', down: 'restart' }, { text: '设备名称', down: 'restart' }, { text: '设备总数（台套）', span: 2 }, { text: '联网设备（台套）', span: 2 }],
      [{ text: '', down: 'continue' }, { text: '', down: 'continue' }, '建设前', '建设后', '建设前', '建设后'],
      ['1', '和面机', '6', '8', '0', '8'],
      ['2', '成型机', '10', '14', '2', '14'],
      ['3', '速冻隧道', '2', '3', '1', '3'],
      ['合计', '', '18', '25', '3', '25'],
    ]),
  ]);
const HD_EQUIPMENT: RoundExpected = { 'ws.1.equipmentTotal': 25, 'ws.1.networkedEquipment': 25 };
const hdCustomerProof = () =>
  docx([
    para('合作证明'),
    para(`兹证明${HD.name}（以下简称“贵司”）自2018年起为我公司供应速冻面点。`),
    para('我公司成立于2001年，现有员工3,200人。'),
    para('特此证明。'),
    para('郑州丰味连锁餐饮管理有限公司（盖章）'),
    para('二〇二三年二月十日'),
  ]);
const HD_CUSTOMER_PROOF: RoundExpected = {};
const hdHistory = () =>
  docx([
    para('公司发展历程'),
    para('公司全资子公司商丘恒达冷链物流有限公司成立于2016年。'),
    para('公司2019年成立了省级企业技术中心。'),
    para('公司现有员工455人。'),
  ]);
const HD_HISTORY: RoundExpected = { employees: 455 };

// ——— 南阳卧龙电机股份有限公司 ———
const WL = { name: '南阳卧龙电机股份有限公司', creditCode: valid('91411300MA40B6F3L'), address: '南阳市卧龙区工业南路266号' };
const WL_ANSWERS = { 'form.name': WL.name, 'form.creditCode': WL.creditCode };
const wlAnnual = () =>
  docx([
    para('南阳卧龙电机股份有限公司2022年年度报告（节选）'),
    para('公司成立于二〇〇三年，是国内中小型电机的主要生产企业之一。'),
    para('报告期内，公司实现营业收入12.6亿元，利润总额9,860.5万元，上缴税金4,210.8万元。'),
  ]);
const WL_ANNUAL: RoundExpected = { name: WL.name, 'ent.foundedYear': '2003', 'finance.2022.revenue': 126000, 'finance.2022.profit': 9860.5, 'finance.2022.tax': 4210.8 };
const wlEquipmentScan = () =>
  docx(
    [
      '定子车间设备清单',
      '序号 设备名称 设备数量（台套） 备注',
      '建设前 建设后',
      '1 自动绕线机 10 24',
      '2 嵌线机器人 0 12 新增',
      '3 浸漆生产线 2 3',
      '合计 12 39',
    ].map(para),
  );
const WL_EQUIPMENT_SCAN: RoundExpected = { 'ws.1.equipmentTotal': 39 };
const wlStatement = () =>
  docx([
    para('关于企业基本情况的说明'),
    para('南阳市工业和信息化局：'),
    para('我公司2003年注册，现有员工1,280人，其中研发人员136人。'),
    para('特此说明。'),
    para(WL.name),
    para('2023年3月2日'),
  ]);
const WL_STATEMENT: RoundExpected = { 'ent.foundedYear': '2003', employees: 1280, 'rnd.staff': 136 };
const wlPurchase = () =>
  docx([
    para('设备采购合同'),
    table(
      [
        ['甲方（采购方）', WL.name],
        ['统一社会信用代码', WL.creditCode],
        ['乙方（供货方）', '宁波中电自动化设备有限公司'],
        ['统一社会信用代码', valid('91330200MA2H8K4Q1')],
      ],
      2400,
    ),
    para('甲方向乙方采购嵌线机器人12台，合同金额人民币960万元。'),
  ]);
const WL_PURCHASE: RoundExpected = { name: WL.name, creditCode: WL.creditCode };
const wlQuotation = () =>
  docx([
    para('宁波中电自动化设备有限公司'),
    para('报价单'),
    para(`致：${WL.name}`),
    para('嵌线机器人 12台 单价80万元。我公司成立于2009年，注册资本8000万元。'),
    para('2022年5月6日'),
  ]);
const WL_QUOTATION: RoundExpected = {};
const wlParticulars = () =>
  docx([
    para('（一）企业基本信息'),
    table(
      [
        ['企业名称', WL.name],
        ['成立时间', '2003年5月'],
        ['注册地址', WL.address],
      ],
      2400,
    ),
  ]);
const WL_PARTICULARS: RoundExpected = { name: WL.name, foundedOn: '2003-05', address: WL.address };
const wlLicence = () =>
  docx(
    [
      '营业执照',
      `统一社会信用代码 ${WL.creditCode}`,
      `名称 ${WL.name}`,
      '注册资本 壹亿贰仟万元整',
      '成立日期 2003年05月16日',
      '营业期限 2003年05月16日至长期',
      `住所 ${WL.address}`,
    ].map(para),
  );
const WL_LICENCE: RoundExpected = { name: WL.name, creditCode: WL.creditCode, registeredCapital: 12000, foundedOn: '2003-05-16', address: WL.address };

const TC_FILES: Files = [
  ['营业执照.docx', tcLicence, TC_LICENCE],
  ['企业简介.docx', tcProfile, TC_PROFILE],
  ['设备采购合同.docx', tcPurchase, TC_PURCHASE],
  ['装配车间设备清单.docx', tcEquipment, TC_EQUIPMENT],
  ['交付情况说明.docx', tcSupplierLetter, TC_SUPPLIER_LETTER],
];
const XY_FILES: Files = [
  ['年度报告摘要.docx', xyAnnual, XY_ANNUAL],
  ['产品购销合同.docx', xySale, XY_SALE],
  ['合成车间设备情况.docx', xyCounts, XY_COUNTS],
  ['设备投资情况表.docx', xyInvestment, XY_INVESTMENT],
  ['产品产量对比.docx', xyOutput, XY_OUTPUT],
];
const HD_FILES: Files = [
  ['营业执照扫描件.docx', hdLicence, HD_LICENCE],
  ['申报书基本情况.docx', hdParticulars, HD_PARTICULARS],
  ['车间设备统计表.docx', hdEquipment, HD_EQUIPMENT],
  ['合作证明.docx', hdCustomerProof, HD_CUSTOMER_PROOF],
  ['发展历程.docx', hdHistory, HD_HISTORY],
];
const WL_FILES: Files = [
  ['年度报告节选.docx', wlAnnual, WL_ANNUAL],
  ['定子车间设备清单.docx', wlEquipmentScan, WL_EQUIPMENT_SCAN],
  ['情况说明.docx', wlStatement, WL_STATEMENT],
  ['设备采购合同.docx', wlPurchase, WL_PURCHASE],
  ['报价单.docx', wlQuotation, WL_QUOTATION],
  ['基本信息表.docx', wlParticulars, WL_PARTICULARS],
  ['营业执照.docx', wlLicence, WL_LICENCE],
];

const ROUND: Round = [
  ['开封同创', TC_FILES, {}],
  ['平顶山鑫源', XY_FILES, XY_ANSWERS],
  ['商丘恒达', HD_FILES, {}],
  ['南阳卧龙', WL_FILES, WL_ANSWERS],
];

describe('the eleventh blind round: 22 documents of four enterprises', () => {
  it('gives the facts each document states, and none it does not', async () => {
    expect(ROUND.reduce((n, [, files]) => n + files.length, 0)).toBe(22);
    const { total, detail } = await scoreOffered(ROUND);
    // Measured on first reading with the branch's starting rules (MEASURED_BEFORE). Missed: the founding year printed
    // alone (「成立于2011年」, 「始建于2005年，」, 「成立时间 2014年」, 「成立于二〇〇三年，」, 「2003年注册，」); every 合计 or workshop
    // row under a heading over two rows (an equipment list's 设备数量 over 建设前/建设后, as a DOCX table and as a scan's
    // lines; 设备总数 and 联网设备 each over 建设前/建设后); a licence of six lines whose 「名称 …股份有限公司」 line was taken
    // for its sign-off by another company; a purchase contract printing both parties' codes, taken for the supplier's
    // once the enterprise's code was recorded; an annual report's 「报告期内」 figures. Wrong: 建设前's counts read where
    // 建设前 and 建设后 each span 设备总数 and 联网设备, and the employees of a supplier's letter that names the enterprise
    // in its text and is signed at its foot, read before the enterprise is recorded.
    // After the work on those classes (MEASURED_AFTER), still wrong: that supplier's letter, its head count and now its
    // founding year (「我公司成立于2008年」) taken as the enterprise's, since nothing recorded tells which of the two
    // companies is the enterprise. Still missed: the head counts of 「我公司2003年注册，现有员工1,280人…」, a year in the
    // sentence dating the count as far as the rules can tell.
    expect(total, detail).toEqual(MEASURED_AFTER);
  }, 180_000);

  it('reads no founding year where a clause founds something else, and no month where only a year is printed', async () => {
    const history = (await offered(await hdHistory(), 'h', {})).got;
    expect(history['ent.foundedYear'], 'a subsidiary\'s founding and a research centre\'s are not the company\'s').toBeUndefined();
    const particulars = (await offered(await wlParticulars(), 'p', WL_ANSWERS)).got;
    // 「2003年5月」 is a month: the form's date, and no year offered beside it.
    expect(particulars.foundedOn?.value).toBe('2003-05');
    expect(particulars['ent.foundedYear']).toBeUndefined();
    const profile = (await offered(await tcProfile(), 'p', {})).got;
    expect(profile.foundedOn, 'a year alone makes up no month').toBeUndefined();
  }, 60_000);

  it('reads no count from an investment or an output table under a merged 建设前/建设后 heading', async () => {
    for (const make of [xyInvestment, xyOutput]) expect(Object.keys((await offered(await make(), 't', XY_ANSWERS)).got)).toEqual([]);
  }, 60_000);
});

describe('whose a short licence or a two-party contract is', () => {
  const SUPPLIER_CODE = valid('91330200MA2H8K4Q1');
  const lines = (...l: string[]) => [l.join('\n')];

  it('a licence of a few lines is signed by no one: its 「名称 …」 line is a particular', () => {
    expect(signedBy(lines('营业执照', `统一社会信用代码 ${WL.creditCode}`, `名称 ${WL.name}`, '成立日期 2003年05月16日', `住所 ${WL.address}`), docs)).toBeUndefined();
    expect(signedBy(lines('营业执照', `统一社会信用代码 ${WL.creditCode}`, `名 称 ${WL.name}`, `住所 ${WL.address}`), docs)).toBeUndefined();
    // Near miss: a letter's company alone at its foot, with its seal, still signs it.
    expect(signedBy(lines('关于交付情况的说明', '设备已全部交付。', '宁波中电自动化设备有限公司（盖章）', '2023年2月20日'), docs)).toBe('宁波中电自动化设备有限公司');
  });

  it('a document printing the enterprise\'s own code beside another is not another company\'s for the other code', () => {
    const own = { name: WL.name, creditCode: WL.creditCode };
    expect(anotherCompany(lines(`甲方：${WL.name}`, `统一社会信用代码：${WL.creditCode}`, '乙方：宁波中电自动化设备有限公司', `统一社会信用代码：${SUPPLIER_CODE}`), docs, own)).toBeNull();
    // Near misses: the other code alone is another company's, and a labelled other name is, whatever codes are printed.
    expect(anotherCompany(lines(`统一社会信用代码 ${SUPPLIER_CODE}`), docs, own)).toBe(SUPPLIER_CODE);
    expect(anotherCompany(lines('公司名称：宁波中电自动化设备有限公司', `统一社会信用代码 ${WL.creditCode}`, `统一社会信用代码 ${SUPPLIER_CODE}`), docs, own)).toBe('宁波中电自动化设备有限公司');
  });
});

describe('a contract uploaded before the enterprise is named, once it is', () => {
  let b: Built;
  beforeAll(async () => {
    b = await build();
  }, 180_000);
  afterAll(async () => b.close());

  it('is read again: its own side is offered to confirm, and nothing is recorded until accepted', async () => {
    const s = await newSession(b.app);
    const first = await uploaded(b.app, s, '设备采购合同.docx', await tcPurchase());
    expect(first.suggestions).toEqual([]);
    expect(first.notice).toContain('重新读取');
    // Listed before the name is known, it still offers nothing.
    expect((await listedDocuments(b.app, s))[0].suggestions).toEqual([]);
    await b.app.store.setAnswers(s.id, { 'form.name': TC.name });
    const [doc] = await listedDocuments(b.app, s);
    expect(Object.fromEntries(doc.suggestions.map((x: { field: string; value: unknown }) => [x.field, x.value]))).toEqual({ name: TC.name, creditCode: TC.creditCode, address: TC.address });
    expect(doc.notice).toContain(`“${TC.name}”`);
    expect(doc.notice).toContain(`“${TC_SELLER}”一方`);
    // Offered, not stored: the answers hold only the name the user gave.
    expect(await sessionAnswers(b.app, s)).toEqual({ 'form.name': TC.name });
    // Listed again, the same suggestions (the document is read again once, not each time).
    expect((await listedDocuments(b.app, s))[0].suggestions).toEqual(doc.suggestions);
    const r = await acceptSuggestion(b.app, s, doc.documentId, 'creditCode', TC.creditCode);
    expect(r.statusCode, r.body).toBe(200);
    expect((await sessionAnswers(b.app, s))['form.creditCode']).toBe(TC.creditCode);
  }, 300_000);

  it('offers nothing where the name recorded is neither party\'s, and says it is between two others', async () => {
    const s = await newSession(b.app);
    await uploaded(b.app, s, '产品购销合同.docx', await xySale());
    await b.app.store.setAnswers(s.id, { 'form.name': TC.name });
    const [doc] = await listedDocuments(b.app, s);
    expect(doc.suggestions).toEqual([]);
    expect(doc.notice).toContain(`“${XY.name}”`);
    expect(await sessionAnswers(b.app, s)).toEqual({ 'form.name': TC.name });
  }, 300_000);

  it('offers a founding year as the interview\'s 成立年份, and accepting it records that year', async () => {
    const s = await newSession(b.app);
    const up = await uploaded(b.app, s, '企业简介.docx', await tcProfile());
    const year = up.suggestions.find((x) => x.field === 'ent.foundedYear');
    expect(year).toMatchObject({ value: '2011', label: '成立年份' });
    expect(up.suggestions.some((x) => x.field === 'foundedOn')).toBe(false);
    const r = await acceptSuggestion(b.app, s, up.documentId, 'ent.foundedYear', '2011');
    expect(r.statusCode, r.body).toBe(200);
    expect((await sessionAnswers(b.app, s))['ent.foundedYear']).toBe('2011');
  }, 300_000);

  it.skipIf(!haveSoffice)('reads the merged-heading equipment lists as PDFs as their DOCX do', async () => {
    for (const [file, make, expected, answers] of [['合成车间设备情况.pdf', xyCounts, XY_COUNTS, XY_ANSWERS], ['装配车间设备清单.pdf', tcEquipment, TC_EQUIPMENT, {}]] as const) {
      const s = await newSession(b.app);
      if (Object.keys(answers).length) await b.app.store.setAnswers(s.id, answers);
      const up = await uploaded(b.app, s, file, await docxToPdfFile(await make()));
      expect(Object.fromEntries(up.suggestions.map((x) => [x.field, x.value])), file).toEqual(expected);
    }
  }, 300_000);
});
