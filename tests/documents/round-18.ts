import { docx, para, table, valid, type Files, type Round, type RoundExpected } from './layouts';
import { docxToPdfFile } from './files';

/*
 * The eighteenth blind round's documents: nine uploads of one enterprise, written before the reader was run on them,
 * each as such a document is laid out: a licence's text PDF, an acceptance report whose last table lists the experts
 * with their employers and the day each signed, an equipment list, an annual report's extract (PDF), a credit report's
 * extract issued by a rating agency, a patent list whose last column holds the inventor and the day granted, a safety
 * attestation under the issuing office's seal and one with no sign-off (PDF), and a profile as an OCR'd scan's text
 * layer reads (characters spaced, full-width digits). Each states what a careful reader takes from it for the
 * enterprise once its name is recorded.
 */

const WB = {
  name: '南阳宛北电机制造有限公司',
  creditCode: valid('91411300MA47XK3N2'),
  address: '南阳市宛城区工业南路88号',
};
const EXPERT_EMPLOYER = '河南省机械设计研究院有限公司';
const INTEGRATOR = '郑州捷创智能科技有限公司';

// A licence as its text prints it, labels letter-spaced, capital in financial numerals; its 经营范围 lists a service.
const licence = async () =>
  docxToPdfFile(
    await docx(
      [
        '营 业 执 照',
        `统一社会信用代码 ${WB.creditCode}`,
        `名 称 ${WB.name}`,
        '类 型 有限责任公司(自然人投资或控股)',
        '法定代表人 王建国',
        '注 册 资 本 叁仟伍佰万元整',
        '成 立 日 期 2009年07月15日',
        `住 所 ${WB.address}`,
        '经 营 范 围 电机、发电机及配件的制造、销售；为主机厂提供配套服务；货物进出口。',
        '登记机关 南阳市市场监督管理局',
        '2022年03月18日',
      ].map(para),
    ),
  );
const LICENCE: RoundExpected = { name: WB.name, creditCode: WB.creditCode, registeredCapital: 3500, foundedOn: '2009-07-15', address: WB.address };

// The enterprise's acceptance report: its last table lists the experts, each with an employer and the day signed.
const acceptance = () =>
  docx([
    para(`${WB.name}电机定转子智能车间项目验收报告`),
    para('一、项目概况'),
    para(`本项目由${WB.name}投资建设，${INTEGRATOR}负责系统集成。项目总投资4650万元，其中智能化软硬件投资3180万元。`),
    para('车间现有生产设备142台（套），其中联网设备121台（套）。'),
    para('二、验收结论'),
    para('验收专家组听取了项目汇报，查看了现场，一致同意该项目通过验收。'),
    para('三、验收专家组成员'),
    table([
      ['序号', '姓名', '工作单位', '职称', '签字日期'],
      ['1', '张伟', EXPERT_EMPLOYER, '正高级工程师', '2023-05-06'],
      ['2', '李红梅', '郑州大学', '教授', '2023-05-06'],
      ['3', '赵志刚', EXPERT_EMPLOYER, '高级工程师', '2023-05-06'],
    ]),
  ]);
const ACCEPTANCE: RoundExpected = {
  name: WB.name,
  'project.investment': 3180,
  'ws.1.equipmentTotal': 142,
  'ws.1.networkedEquipment': 121,
};

// An equipment list: each row's maker and its installer; the last row's 验收人 and date are cells too.
const equipment = () =>
  docx([
    para(`${WB.name}定转子车间主要设备清单`),
    table([
      ['序号', '设备名称', '型号', '数量', '生产厂家', '验收人', '验收日期'],
      ['1', '高速冲床', 'JH21-160', '6', '扬力集团股份有限公司', '孙强', '2022-08-12'],
      ['2', '绕线机器人', 'RW-8', '10', '深圳市泰丰科技有限公司', '孙强', '2022-09-03'],
      ['3', 'AGV小车', 'AGV-500', '4', INTEGRATOR, '刘洋', '2022-10-20'],
    ]),
  ]);
const EQUIPMENT: RoundExpected = { name: WB.name };

// An annual report's extract (PDF): the key figures in 万元 for three years, and the head count in a sentence.
const annual = async () =>
  docxToPdfFile(
    await docx([
      para(`${WB.name}2022年年度报告（摘录）`),
      para('一、主要会计数据'),
      para('单位：万元'),
      table([
        ['项目', '2022年', '2021年', '2020年'],
        ['营业收入', '38652.71', '33108.45', '29876.02'],
        ['利润总额', '2915.36', '2480.19', '2106.88'],
        ['资产总计', '52340.18', '47815.60', '44102.37'],
        ['负债合计', '24106.55', '22870.14', '21955.40'],
      ]),
      para('二、员工情况'),
      para('截至2022年末，公司在职员工共计512人，其中研发人员68人。'),
    ]),
  );
const ANNUAL: RoundExpected = {
  name: WB.name,
  'finance.2022.revenue': 38652.71,
  'finance.2021.revenue': 33108.45,
  'finance.2020.revenue': 29876.02,
  'finance.2022.profit': 2915.36,
  'finance.2021.profit': 2480.19,
  'finance.2020.profit': 2106.88,
  'finance.2022.totalAssets': 52340.18,
  'finance.2021.totalAssets': 47815.6,
  'finance.2020.totalAssets': 44102.37,
  'finance.2022.totalLiabilities': 24106.55,
  'finance.2021.totalLiabilities': 22870.14,
  'finance.2020.totalLiabilities': 21955.4,
  employees: 512,
  'rnd.staff': 68,
};

// A credit report's extract: the agency issues it, the particulars it lists are the enterprise's.
const credit = () =>
  docx([
    para('企业信用报告（摘录）'),
    para('报告编号：XY2023041200318'),
    para('一、基本信息'),
    table([
      ['企业名称', WB.name],
      ['统一社会信用代码', WB.creditCode],
      ['成立日期', '2009-07-15'],
      ['注册资本', '3500万元人民币'],
      ['注册地址', WB.address],
    ]),
    para('二、信用记录'),
    para('行政处罚记录：无。严重失信主体名单：未列入。'),
    para('报告出具机构：河南中原信用评级有限公司'),
    para('报告日期：2023年4月12日'),
  ]);
const CREDIT: RoundExpected = { name: WB.name, creditCode: WB.creditCode, foundedOn: '2009-07-15', registeredCapital: 3500, address: WB.address };

// A patent list: the inventor and the day granted close each row.
const patents = () =>
  docx([
    para(`${WB.name}专利证书列表`),
    table([
      ['序号', '专利名称', '专利类型', '专利号', '专利权人', '发明人', '授权日期'],
      ['1', '一种电机定子自动绕线装置', '发明', 'ZL202110356789.2', WB.name, '张伟', '2022-11-08'],
      ['2', '一种转子动平衡校正工装', '实用新型', 'ZL202220145678.9', WB.name, '李强', '2022-07-19'],
    ]),
  ]);
const PATENTS: RoundExpected = { name: WB.name };

// A safety attestation the district's office issues under its seal: it names the enterprise, and states no figure.
const safetySealed = () =>
  docx([
    para('安全生产证明'),
    para(`兹证明${WB.name}（统一社会信用代码：${WB.creditCode}）自2020年1月1日至今，未发生较大及以上生产安全事故，未被列入安全生产失信联合惩戒名单。`),
    para('特此证明。'),
    para('南阳市宛城区应急管理局（盖章）'),
    para('2023年4月20日'),
  ]);
const SAFETY_SEALED: RoundExpected = { name: WB.name, creditCode: WB.creditCode };

// The same kind with no sign-off, as a PDF: whose it is is not said, so nothing is taken and a sealed copy is asked for.
const safetyUnsealed = async () =>
  docxToPdfFile(
    await docx(['安全生产情况证明', '兹证明我公司近三年未发生较大及以上生产安全事故，现有员工512人。', '特此证明。', '2023年4月'].map(para)),
  );

// A profile as a scan's text layer reads: spaced characters, full-width digits, a line cut mid-sentence.
const scanned = async () =>
  docxToPdfFile(
    await docx(
      [
        '企 业 简 介',
        `${WB.name}成立于２００９年７月，注册资本３５００万元，是专业`,
        '从事中小型电机研发、制造的国家高新技术企业。',
        '公司现有员工５１２人，其中研发人员６８人。２０２２年实现营业收入３.８７亿元。',
      ].map(para),
    ),
  );
const SCANNED: RoundExpected = { name: WB.name, foundedOn: '2009-07', registeredCapital: 3500, employees: 512, 'rnd.staff': 68, 'finance.2022.revenue': 38700 };

export const ROUND_18_FILES: Files = [
  ['营业执照.pdf', licence, LICENCE],
  ['验收报告.docx', acceptance, ACCEPTANCE],
  ['设备清单.docx', equipment, EQUIPMENT],
  ['年报摘录.pdf', annual, ANNUAL],
  ['信用报告.docx', credit, CREDIT],
  ['专利证书列表.docx', patents, PATENTS],
  ['安全生产证明.docx', safetySealed, SAFETY_SEALED],
  ['安全生产证明（无落款）.pdf', safetyUnsealed, {}],
  ['企业简介扫描件.pdf', scanned, SCANNED],
];
export const ROUND_18_ENTERPRISE = WB;
export const ROUND_18_EXPERT_EMPLOYER = EXPERT_EMPLOYER;
export const ROUND_18: Round = [[WB.name, ROUND_18_FILES, { 'form.name': WB.name }]];
