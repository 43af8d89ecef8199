import { docx, para, table, valid, type Files, type Round, type RoundExpected } from './layouts';

/*
 * The fifteenth blind round's documents: 16 uploads of three enterprises, written from how such documents are laid out
 * before the extractor was run on them, each stating exactly what it should yield. Its weight is on whose a letter is
 * when it greets no one (a supplier's letterhead and sign-off, 「我司为贵司承建」, 「我公司（乙方）」, 「为…有限公司提供的」)
 * and on names run into a title (「…有限公司2022年度审计报告摘要」, 「…有限公司…项目验收报告」, 「…有限公司关于…的说明」),
 * beside near misses: the enterprise's own letters naming a customer it supplies or a supplier it bought from, and a
 * supplier's 报价单 whose title runs the supplier's name into it.
 */

// ——— 河南恒通机械有限公司, nothing recorded ———
const HT = { name: '河南恒通机械有限公司' };
const HT_SUPPLIER = '洛阳宏远自动化设备有限公司';
const htAudit = () =>
  docx([
    para(`${HT.name}2022年度审计报告摘要`),
    para('金额单位：万元'),
    table([
      ['项目', '2020年', '2021年', '2022年'],
      ['营业收入', '28650.40', '31220.18', '35480.93'],
      ['利润总额', '1860.22', '2105.67', '2533.10'],
    ]),
    para('河南正衡会计师事务所有限公司'),
  ]);
const HT_AUDIT: RoundExpected = {
  name: HT.name,
  'finance.2020.revenue': 28650.4,
  'finance.2021.revenue': 31220.18,
  'finance.2022.revenue': 35480.93,
  'finance.2020.profit': 1860.22,
  'finance.2021.profit': 2105.67,
  'finance.2022.profit': 2533.1,
};
// A supplier's letter with no greeting: its letterhead and sign-off, and 「贵司」 in its first sentence.
const htSupplierToReader = () =>
  docx([
    para(HT_SUPPLIER),
    para('关于焊装线交付情况的说明'),
    para('我司为贵司承建的焊装车间机器人焊接线已于2022年9月完成交付。我司成立于2009年，注册资本5000万元，现有员工420人。'),
    para(`${HT_SUPPLIER}（盖章）`),
    para('2023年2月1日'),
  ]);
// The same supplier naming the enterprise instead of 贵司.
const htSupplierNaming = () =>
  docx([
    para(HT_SUPPLIER),
    para('项目情况说明'),
    para(`我公司为${HT.name}提供的焊接机器人工作站已于2022年8月安装调试完毕，运行稳定。我公司现有员工420人，注册资本5000万元。`),
    para(HT_SUPPLIER),
    para('2023年2月3日'),
  ]);
const htStatement = () =>
  docx([
    para(`${HT.name}关于企业基本情况的说明`),
    para('我公司成立于2008年，注册资本6000万元，现有员工520人，其中研发人员48人。'),
    para('特此说明。'),
    para(`${HT.name}（盖章）`),
    para('2023年3月1日'),
  ]);
const HT_STATEMENT: RoundExpected = { name: HT.name, 'ent.foundedYear': '2008', registeredCapital: 6000, employees: 520, 'rnd.staff': 48 };
// A near miss: the enterprise's own letter naming a customer it supplies goods to.
const htOwnCustomer = () =>
  docx([
    para(HT.name),
    para('关于主要客户情况的说明'),
    para('我公司自2018年起向郑州宇通客车股份有限公司供应车桥零部件，2022年供货额6200万元。我公司现有员工520人。'),
    para(`${HT.name}（盖章）`),
    para('2023年3月2日'),
  ]);
const HT_OWN_CUSTOMER: RoundExpected = { name: HT.name, employees: 520 };

// ——— 郑州宇航电子股份有限公司, name recorded ———
const YH = { name: '郑州宇航电子股份有限公司', creditCode: valid('91410100MA44Y7H3K'), address: '郑州市高新区科学大道136号' };
const YH_ANSWERS = { 'form.name': YH.name, 'form.workshopCount': 1, 'form.ws.1.name': 'SMT车间' };
const YH_SUPPLIER = '深圳智造云软件有限公司';
const yhAcceptance = () =>
  docx([
    para(`${YH.name}SMT车间智能化改造项目验收报告`),
    para('项目建设前后主要指标'),
    table([
      ['指标', '建设前', '建设后'],
      ['车间人数（人）', '132', '86'],
      ['年产值（万元）', '42600', '55800'],
    ]),
    para('验收结论：同意通过验收。'),
  ]);
const YH_ACCEPTANCE: RoundExpected = { name: YH.name, 'ind.headcount.before': 132, 'ind.headcount.after': 86, 'ind.outputValue.before': 42600, 'ind.outputValue.after': 55800 };
// A supplier naming itself by the seller's role, greeting no one.
const yhSupplierRole = () =>
  docx([
    para(YH_SUPPLIER),
    para('系统上线确认函'),
    para('根据双方合同约定，我公司（乙方）已于2022年11月完成甲方SMT车间MES系统的上线。我公司现有员工260人，注册资本2000万元。'),
    para(YH_SUPPLIER),
    para('2022年12月5日'),
  ]);
const yhSupplierNaming = () =>
  docx([
    para(YH_SUPPLIER),
    para('关于MES系统实施情况的说明'),
    para(`我司为${YH.name}实施的MES系统已稳定运行一年。我司成立于2015年，现有员工260人。`),
    para(`${YH_SUPPLIER}（公章）`),
    para('2023年1月10日'),
  ]);
const yhLicence = () =>
  docx([
    para('营业执照'),
    table([
      ['统一社会信用代码', YH.creditCode],
      ['名称', YH.name],
      ['注册资本', '贰亿元整'],
      ['成立日期', '2004年09月16日'],
      ['住所', YH.address],
    ]),
  ]);
const YH_LICENCE: RoundExpected = { name: YH.name, creditCode: YH.creditCode, registeredCapital: 20000, foundedOn: '2004-09-16', address: YH.address };
const yhStatements = () =>
  docx([
    para(`${YH.name}2022年度财务报表`),
    para('单位：万元'),
    table([
      ['项目', '2022年', '2021年'],
      ['资产总额', '86420.55', '80135.20'],
      ['负债总额', '40210.38', '38890.12'],
    ]),
  ]);
const YH_STATEMENTS: RoundExpected = {
  name: YH.name,
  'finance.2022.totalAssets': 86420.55,
  'finance.2021.totalAssets': 80135.2,
  'finance.2022.totalLiabilities': 40210.38,
  'finance.2021.totalLiabilities': 38890.12,
};

// ——— 安阳钢联精密铸造有限公司, nothing recorded ———
const GL = { name: '安阳钢联精密铸造有限公司' };
const GL_SUPPLIER = '济南二机床集团有限公司';
const glSelfAssessment = () =>
  docx([para(`${GL.name}智能工厂自评报告`), para('一、企业基本情况'), para('公司现有员工860人，其中研发人员75人。')]);
const GL_SELF: RoundExpected = { name: GL.name, employees: 860, 'rnd.staff': 75 };
// A supplier's letter signed but not headed, naming the enterprise as the one it built for.
const glSupplierSigned = () =>
  docx([
    para('关于熔炼车间数字化系统交付的说明'),
    para(`我公司为${GL.name}建设的熔炼车间数字化系统已于2022年10月交付使用。我公司成立于2012年，现有员工150人。`),
    para('特此说明。'),
    para('河南铸云信息技术有限公司（盖章）'),
    para('2023年2月8日'),
  ]);
const glSupplierDelivered = () =>
  docx([
    para(GL_SUPPLIER),
    para('设备运行情况函'),
    para(`我司向${GL.name}交付的自动化造型线运行稳定。我司注册资本12亿元，现有员工3000人。`),
    para(`${GL_SUPPLIER}（盖章）`),
    para('2023年3月3日'),
  ]);
// A near miss: the enterprise's own letter naming the supplier it bought from.
const glOwnPurchase = () =>
  docx([
    para(GL.name),
    para('关于智能化改造情况的说明'),
    para(`我公司于2021年引进${GL_SUPPLIER}的自动化造型线。我公司现有员工860人，注册资本1.2亿元。`),
    para(`${GL.name}（盖章）`),
    para('2023年3月5日'),
  ]);
const GL_OWN_PURCHASE: RoundExpected = { name: GL.name, employees: 860, registeredCapital: 12000 };
// A near miss: the supplier's name run into a 报价单's title names the issuer, not the enterprise.
const glQuotation = () =>
  docx([
    para(`${GL_SUPPLIER}报价单`),
    table([
      ['序号', '设备', '数量（台）', '金额（万元）'],
      ['1', '自动造型机', '2', '680'],
    ]),
    para('我公司现有员工3000人。'),
  ]);
const glEquipment = () =>
  docx([
    para('熔炼车间设备清单'),
    table([
      ['序号', '设备名称', '建设前', '建设后'],
      ['1', '中频感应炉', '4', '6'],
      ['2', '自动浇注机', '0', '3'],
      ['', '合计', '4', '9'],
    ]),
  ]);
const GL_EQUIPMENT: RoundExpected = { 'ws.1.equipmentTotal': 9 };

const HT_FILES: Files = [
  ['审计报告摘要.docx', htAudit, HT_AUDIT],
  ['供应商说明.docx', htSupplierToReader, {}],
  ['项目情况说明.docx', htSupplierNaming, {}],
  ['情况说明.docx', htStatement, HT_STATEMENT],
  ['客户情况说明.docx', htOwnCustomer, HT_OWN_CUSTOMER],
];
const YH_FILES: Files = [
  ['验收报告.docx', yhAcceptance, YH_ACCEPTANCE],
  ['上线确认函.docx', yhSupplierRole, {}],
  ['实施情况说明.docx', yhSupplierNaming, {}],
  ['营业执照.docx', yhLicence, YH_LICENCE],
  ['财务报表.docx', yhStatements, YH_STATEMENTS],
];
const GL_FILES: Files = [
  ['自评报告.docx', glSelfAssessment, GL_SELF],
  ['交付说明.docx', glSupplierSigned, {}],
  ['运行情况函.docx', glSupplierDelivered, {}],
  ['改造情况说明.docx', glOwnPurchase, GL_OWN_PURCHASE],
  ['报价单.docx', glQuotation, {}],
  ['设备清单.docx', glEquipment, GL_EQUIPMENT],
];

export const ROUND_15: Round = [
  ['河南恒通', HT_FILES, {}],
  ['郑州宇航', YH_FILES, YH_ANSWERS],
  ['安阳钢联', GL_FILES, {}],
];
