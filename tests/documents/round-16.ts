import { docx, para, table, valid, type Files, type Round, type RoundExpected } from './layouts';

/*
 * The sixteenth blind round's documents: six uploads of one enterprise, written in the mixed colloquial and official
 * wording such documents carry (「我们公司是…注册成立的」, 「目前我司在职职工共计…名」, 「这几年也做一部分出口」) before
 * the reader was run on them: a company profile, an equipment list, a project's summary, a supplier's attestation, an
 * audit report's extract and a patent list. Each states what it should yield for the enterprise once its name is recorded.
 */

const XD = { name: '焦作鑫达汽车零部件有限公司', creditCode: valid('91410800MA3X7K2P5') };
const SUPPLIER = '洛阳智联物流装备有限公司';

// A profile under its letterhead and sign-off; it names its customer as the one it supplies parts to (配套的…总成).
const profile = () =>
  docx([
    para(XD.name),
    para('企业简介'),
    para(`我们公司是2008年在焦作注册成立的，注册资本3500万元，统一社会信用代码${XD.creditCode}。`),
    para('公司主要为宇通客车股份有限公司提供配套的制动系统总成，这几年也做一部分出口。'),
    para('目前我司在职职工共计467名，其中研发人员52名。'),
    para('2022年，公司实现营业收入4.86亿元，利润总额3260万元，上缴税金1580万元。'),
    para(XD.name),
    para('2023年4月'),
  ]);
const PROFILE: RoundExpected = {
  name: XD.name,
  creditCode: XD.creditCode,
  'ent.foundedYear': '2008',
  registeredCapital: 3500,
  employees: 467,
  'rnd.staff': 52,
  'finance.2022.revenue': 48600,
  'finance.2022.profit': 3260,
  'finance.2022.tax': 1580,
};

// An equipment list's rows, with each maker named in a column of its own: the makers are not the enterprise.
const equipment = () =>
  docx([
    para(`${XD.name}制动总成车间设备清单`),
    table([
      ['序号', '设备名称', '规格型号', '数量（台/套）', '生产厂家', '是否联网'],
      ['1', '数控车床', 'CK6150', '12', '沈阳机床股份有限公司', '是'],
      ['2', '六轴焊接机器人', 'KR16', '8', '库卡机器人（上海）有限公司', '是'],
      ['3', '激光打标机', 'LM-30', '3', '武汉华工激光工程有限责任公司', '否'],
      ['4', '智能立体仓库', 'ASRS-2', '1', SUPPLIER, '是'],
      ['合计', '', '', '24', '', ''],
    ]),
  ]);
const EQUIPMENT: RoundExpected = { name: XD.name };

// A project's summary: its investment, the workshop's counts and what changed.
const summary = () =>
  docx([
    para('制动总成智能车间建设项目总结'),
    para('一、项目基本情况'),
    para(`本项目由${XD.name}于2021年3月启动建设，2022年10月全部完工。项目总投资5860万元，其中智能化软硬件投资4120万元。`),
    para('二、建设内容'),
    para('车间现有生产设备186台（套），其中联网设备152台（套），自动化、数字化、智能化设备138台（套）。'),
    para('三、建设成效'),
    para('项目建成后，产品不良品率由2.1%降到0.8%，生产效率提升了32%，运营成本降低18%。'),
  ]);
const SUMMARY: RoundExpected = {
  'project.investment': 4120,
  'ws.1.equipmentTotal': 186,
  'ws.1.networkedEquipment': 152,
  'ws.1.automatedEquipment': 138,
};

// A supplier's attestation of the line it built for the enterprise (配套的立体仓库): the supplier's figures are its own.
const attestation = () =>
  docx([
    para('证  明'),
    para(`兹证明${XD.name}于2021年6月与我公司签订智能仓储系统采购合同，我公司为其提供配套的立体仓库及WMS系统，已于2022年3月通过验收，运行正常。`),
    para('我公司注册资本8000万元，现有员工620人。'),
    para('特此证明。'),
    para(`${SUPPLIER}（盖章）`),
    para('二〇二三年三月十日'),
  ]);

// An audit report's extract: the auditor signs it, its statements are the enterprise's, in 万元 to the 元 they print.
const audit = () =>
  docx([
    para(`${XD.name}2022年度审计报告（摘录）`),
    para(`${XD.name}全体股东：`),
    para(`我们审计了${XD.name}财务报表，包括2022年12月31日的资产负债表，2022年度的利润表。`),
    para('金额单位：元'),
    table([
      ['项目', '2022年12月31日', '2021年12月31日'],
      ['资产总计', '612,345,678.90', '558,120,300.00'],
      ['负债合计', '301,220,000.00', '288,450,000.00'],
    ]),
    table([
      ['项目', '2022年度', '2021年度'],
      ['营业收入', '486,012,345.67', '421,300,000.00'],
      ['利润总额', '32,600,000.00', '27,800,000.00'],
    ]),
    para('河南中原会计师事务所有限公司'),
    para('中国注册会计师：张明'),
    para('二〇二三年三月二十日'),
  ]);
const AUDIT: RoundExpected = {
  name: XD.name,
  'finance.2022.totalAssets': 61234.56789,
  'finance.2021.totalAssets': 55812.03,
  'finance.2022.totalLiabilities': 30122,
  'finance.2021.totalLiabilities': 28845,
  'finance.2022.revenue': 48601.234567,
  'finance.2021.revenue': 42130,
  'finance.2022.profit': 3260,
  'finance.2021.profit': 2780,
};

// A patent list: each patent's holder is the enterprise; the count in its last line is of patents, not people.
const patents = () =>
  docx([
    para(`${XD.name}专利清单`),
    table([
      ['序号', '专利名称', '专利类型', '专利号', '授权公告日', '专利权人'],
      ['1', '一种制动总成装配工装', '实用新型', 'ZL202120123456.7', '2021-08-10', XD.name],
      ['2', '一种制动盘动平衡检测装置', '发明', 'ZL202010654321.X', '2022-04-26', XD.name],
      ['3', '制动总成在线检测系统V1.0', '软件著作权', '2022SR0456789', '2022-06-15', XD.name],
    ]),
    para('截至2023年3月，公司共拥有有效专利26项，其中发明专利4项，参与研发人员30余人。'),
  ]);
const PATENTS: RoundExpected = { name: XD.name };

export const ROUND_16_FILES: Files = [
  ['企业简介.docx', profile, PROFILE],
  ['设备清单.docx', equipment, EQUIPMENT],
  ['项目建设总结.docx', summary, SUMMARY],
  ['供货证明.docx', attestation, {}],
  ['审计报告摘录.docx', audit, AUDIT],
  ['专利清单.docx', patents, PATENTS],
];
export const ROUND_16_ENTERPRISE = XD;
export const ROUND_16_SUPPLIER = SUPPLIER;
export const ROUND_16: Round = [[XD.name, ROUND_16_FILES, { 'form.name': XD.name }]];
