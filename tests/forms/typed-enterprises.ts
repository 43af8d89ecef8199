import type { Answers } from '../../server/schemas/interview';
import type { Category } from '../../server/schemas/profile';
import { applyFormAnswer, datedReply, formView, interpretForm, markApproximate } from '../../server/forms/phase';
import type { FormsKnowledge } from '../../server/forms/knowledge';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';

/**
 * Four enterprises whose 申报书 facts are typed as applicants type them in the chat: amounts in 亿, 万
 * and 元 mixed (「1.5亿元」, 「523,000,000元」, 「1亿6千5百万」), shares and rates as 「六成」 or 「八成五」,
 * dates as 「2021年底」 (its December) or 「去年3月」 (counted from the session's day, SESSION_DAY), figures inside
 * the enterprise's own long sentences, and one enterprise that gives little. Each typed answer goes
 * through the form phase's own reading (interpretForm, then applyFormAnswer), as the chat does.
 */
export interface TypedEnterprise {
  id: string;
  category: Category;
  /** The interview's answers (already structured: the assessment is not what is tested here). */
  interview: Answers;
  /** Form answers as typed: [question id, text]. */
  typed: [string, string][];
  /** The typed answers the form phase cannot read and asks again: their facts stay placeholders. */
  unclear: string[];
}

export const TYPED_ENTERPRISES: TypedEnterprise[] = [
  {
    id: 'T1-新乡电解液',
    category: 'processFactory',
    interview: {
      ...ELIGIBLE_NO_PRIORITY,
      'ent.city': '新乡市',
      'ent.county': '获嘉县',
      'ent.industryCode': 'C2669',
      'cat.scope': 'factory',
      'cat.productionMode': 'process',
      'metric.dataCollectionRate': 85,
      ...caps({
        factoryNetwork: true, securityPolicy: true, securityProtection: true, industrialNetwork: true,
        pdm: true, lims: true, factoryDigitalModel: 'partial',
        automatedLines: true, smartInstruments: true, dcs: true, apc: 'partial', rto: false, sis: true, scada: true,
        manufacturingControl: true, emergencyCommand: true,
        erp: true, scm: true, wms: false, tankYard: true, energyManagement: true,
        systemIntegration: true, aiApplication: false, predictiveMaintenance: 'partial',
      }),
    },
    typed: [
      ['form.proceed', '好的，继续'],
      ['form.name', '新乡市华锂新能源材料有限公司'],
      ['form.industry', '其他专用化学产品制造'],
      ['form.foundedOn', '2011年4月20号'],
      ['form.address', '新乡市获嘉县产业集聚区同盟大道北段6号'],
      ['form.registeredCapital', '1.5亿元'],
      ['form.capitalNature', '民营'],
      ['form.employees', '四百二十六人'],
      ['form.contact.name', '赵蕾'],
      ['form.contact.title', '信息中心主任'],
      ['form.contact.mobile', '13937300001'],
      ['form.finance.2020.totalAssets', '3.82亿'],
      ['form.finance.2020.totalLiabilities', '1亿6千5百万'],
      ['form.finance.2020.revenue', '25,860.4万元'],
      ['form.finance.2020.profit', '亏损350万'],
      ['form.finance.2020.tax', '612万'],
      ['form.finance.2021.totalAssets', '45120万元'],
      ['form.finance.2021.totalLiabilities', '21,000万'],
      ['form.finance.2021.revenue', '4.1亿'],
      ['form.finance.2021.profit', '2,310.75万元'],
      ['form.finance.2021.tax', '1,020万元'],
      ['form.finance.2022.totalAssets', '5.06亿元'],
      ['form.finance.2022.totalLiabilities', '2.3亿'],
      ['form.finance.2022.revenue', '523,000,000元'],
      ['form.finance.2022.profit', '4185.2万'],
      ['form.finance.2022.tax', '1608万'],
      ['form.products', '六氟磷酸锂，占六成；锂电池电解液，约占32.5%'],
      ['form.history', '公司2011年在获嘉县注册成立，2015年建成一期500吨六氟磷酸锂装置，2019年扩建电解液调配车间，2021年底启动智能工厂建设。'],
      ['form.business', '主要从事锂电池电解液及其核心原料六氟磷酸锂的研发、生产和销售。'],
      ['form.marketing', '产品主要供应国内动力电池企业，同时出口韩国、日本，2022年出口额6200万元，占营业收入的一成二。'],
      ['form.honours', '国家高新技术企业；河南省专精特新中小企业（2022年）；新乡市智能工厂'],
      ['form.rnd.staff', '58人'],
      ['form.rnd.description', '研发中心有博士3名、硕士21名，与河南师范大学共建电解液添加剂联合实验室。'],
      ['form.patents.total', '41项'],
      ['form.patents.invention', '9项'],
      ['form.project.name', '年产3万吨电解液智能工厂'],
      ['form.project.start', '2021年底'],
      ['form.project.end', '2023年6月'],
      ['form.project.investment', '1.25亿元'],
      ['form.workshopCount', '2'],
      ['form.ws.1.name', '六氟磷酸锂合成车间'],
      ['form.ws.1.lines', '合成反应釜线、结晶干燥线'],
      ['form.ws.1.equipmentTotal', '186台套'],
      ['form.ws.1.automatedEquipment', '172'],
      ['form.ws.1.networkedEquipment', '165台'],
      ['form.ws.2.name', '电解液调配车间'],
      ['form.ws.2.lines', '调配线；灌装线'],
      ['form.cell.infra', '全厂建成万兆环网，控制网和办公网之间装了工业网闸，2022年通过等保2.0三级测评。'],
      ['form.cell.rd.lims', '2022年上线LIMS，质检中心12台色谱、ICP等仪器接入，检验数据自动采集率达到八成五。'],
      ['form.cell.ws.run.1', 'DCS控制全部反应釜，SIS对氟化氢储罐实施联锁，APC目前只在结晶工段试运行。'],
      ['form.cell.ws.safety.1', '氟化氢泄漏检测点位64个，数据接入应急指挥平台。'],
      ['form.cell.mgmt', '用的是用友U9 ERP，采购、销售、财务一体化，罐区TAS系统管理6个原料储罐。'],
      ['form.ind.defectRate.before', '0.52%'],
      ['form.ind.defectRate.after', '0.21%'],
      ['form.ind.energyPerOutput.before', '0.186吨标煤/万元'],
      ['form.ind.energyPerOutput.after', '0.152'],
      ['form.ind.operatingCost.before', '每天41.6万元'],
      ['form.ind.operatingCost.after', '36.2万元'],
      ['form.ind.upgradeCycle.before', '180天'],
      ['form.ind.upgradeCycle.after', '120天'],
      ['form.ind.headcount.before', '四百八十人'],
      ['form.ind.headcount.after', '426人'],
      ['form.ind.outputValue.before', '2.6亿'],
      ['form.ind.outputValue.after', '5.23亿元'],
      ['form.ind.workingDays', '330天'],
      ['form.benefits', '建设后单位产品氟化氢消耗下降一成，行业内处于领先水平。'],
    ],
    unclear: [],
  },
  {
    id: 'T2-长葛阀门',
    category: 'smartWorkshop',
    interview: {
      ...ELIGIBLE_NO_PRIORITY,
      'ent.city': '许昌市',
      'ent.county': '长葛市',
      'ent.industryCode': 'C3443',
      'cat.scope': 'workshop',
      'cat.productionMode': 'discrete',
      'metric.automationRatio': 72.5,
      'metric.networkedRatio': 91,
      ...caps({
        industrialNetwork: true, securityPolicy: true, securityProtection: 'partial',
        automatedLines: true, flexibleCell: false, scada: true, mes: true, erp: true, scadaMesErpIntegration: 'partial',
        autoId: true, agvRgv: false, errorProofing: true, andon: true, onlineInspection: true, qualityTraceability: true,
      }),
    },
    typed: [
      ['form.proceed', '继续'],
      ['form.name', '长葛市鑫达阀门有限公司'],
      ['form.industry', '阀门和旋塞制造'],
      ['form.foundedOn', '2006-08-15'],
      ['form.address', '长葛市大周镇产业园区鑫达路1号'],
      ['form.registeredCapital', '伍仟万元'],
      ['form.capitalNature', '民营'],
      ['form.employees', '238'],
      ['form.finance.2020.revenue', '1.35亿'],
      ['form.finance.2021.revenue', '1.72亿'],
      ['form.finance.2022.totalAssets', '2亿零450万'],
      ['form.finance.2022.totalLiabilities', '9,876.5万'],
      ['form.finance.2022.revenue', '186,520,000元'],
      ['form.finance.2022.profit', '1,256.8万'],
      ['form.finance.2022.tax', '703.45万元'],
      ['form.products', '闸阀 45%、球阀 35%'],
      ['form.history', '2006年由村办铸件厂改制成立，2014年进入石化阀门市场，去年3月开始建设阀体机加工智能车间。'],
      ['form.marketing', '客户以中石化、中石油下属炼厂为主，2022年新签合同额1.9亿元。'],
      ['form.patents.total', '17项'],
      ['form.project.start', '去年3月'],
      ['form.project.end', '2022年10月'],
      ['form.project.investment', '2860万元'],
      ['form.ws.1.name', '阀体机加工车间'],
      ['form.ws.1.lines', '阀体加工柔性线；阀门装配试压线'],
      ['form.ws.1.equipmentTotal', '九十六台套'],
      ['form.ws.1.automatedEquipment', '78'],
      ['form.ws.1.networkedEquipment', '71'],
      ['form.cell.ws.infra', '车间铺设了千兆工业以太网，另外做了5G覆盖，一共28个AP。'],
      ['form.cell.ws.equipment', '新上了12台五轴加工中心和6台桁架机械手，阀体上下料全部自动化。'],
      ['form.cell.ws.quality', '试压工序在线检测，压力曲线自动判定，不合格品率从百分之二点四降到0.9%。'],
      ['form.ind.headcount.before', '86人'],
      ['form.ind.headcount.after', '64人'],
      ['form.ind.outputValue.before', '9,650万元'],
      ['form.ind.outputValue.after', '1.18亿'],
      ['form.ind.workingDays', '三百天'],
      ['form.ind.defectRate.before', '百分之二点四'],
      ['form.ind.defectRate.after', '0.9%'],
    ],
    // 「去年3月」 is counted from the session's day (2022-03), as the chat and the form view count it.
    unclear: [],
  },
  {
    id: 'T3-漯河调味品',
    category: 'smartWorkshop',
    interview: {
      ...ELIGIBLE_NO_PRIORITY,
      'ent.city': '漯河市',
      'ent.industryCode': 'C1462',
      'cat.scope': 'workshop',
      'cat.productionMode': 'process',
      ...caps({ industrialNetwork: true, dcs: 'partial', scada: true, mes: false, erp: true }),
    },
    typed: [
      ['form.proceed', '继续'],
      ['form.name', '漯河市悦香食品有限公司'],
      ['form.foundedOn', '2008年'],
      ['form.employees', '一百三十人左右'],
      ['form.products', '辣椒酱、火锅底料'],
      ['form.ws.1.name', '酱料灌装车间'],
      ['form.cell.ws.run', '熬制锅温度用PLC控制，灌装线是去年新上的。'],
      ['form.ind.defectRate.before', '八成五'],
    ],
    unclear: ['form.foundedOn'],
  },
  {
    id: 'T4-洛阳轴承',
    category: 'discreteFactory',
    interview: {
      ...ELIGIBLE_NO_PRIORITY,
      'ent.city': '洛阳市',
      'ent.industryCode': 'C3451',
      'cat.scope': 'factory',
      'cat.productionMode': 'discrete',
      'metric.automationRatio': 81.5,
      'metric.networkedRatio': 88,
      ...caps({
        factoryNetwork: true, securityPolicy: true, securityProtection: true, industrialNetwork: true,
        cadCae: true, pdm: true, lims: false, factoryDigitalModel: true,
        automatedLines: true, flexibleCell: true, scada: true, mes: true, autoId: true, agvRgv: true, errorProofing: 'partial', andon: true,
        onlineInspection: true, qualityTraceability: true, erp: true, scm: 'partial', wms: true, autoWarehouse: true,
        systemIntegration: true, scadaMesErpIntegration: true, aiApplication: true, predictiveMaintenance: false,
      }),
    },
    typed: [
      ['form.proceed', '现在填'],
      ['form.name', '洛阳中科精密轴承有限公司'],
      ['form.industry', '滚动轴承制造'],
      ['form.foundedOn', '二〇〇三年九月'],
      ['form.address', '洛阳市洛龙区开元大道268号'],
      ['form.registeredCapital', '12,000万元'],
      ['form.capitalNature', '国有控股'],
      ['form.employees', '1,086人'],
      ['form.finance.2020.totalAssets', '8.8亿'],
      ['form.finance.2020.totalLiabilities', '4.4亿'],
      ['form.finance.2020.revenue', '6.02亿'],
      ['form.finance.2020.profit', '3,150万'],
      ['form.finance.2020.tax', '2,210万'],
      ['form.finance.2021.totalAssets', '9.35亿'],
      ['form.finance.2021.totalLiabilities', '4.68亿'],
      ['form.finance.2021.revenue', '7.15亿'],
      ['form.finance.2021.profit', '4,020.6万'],
      ['form.finance.2021.tax', '2,655万'],
      ['form.finance.2022.totalAssets', '10.2亿'],
      ['form.finance.2022.totalLiabilities', '5.1亿'],
      ['form.finance.2022.revenue', '8.06亿'],
      ['form.finance.2022.profit', '5,608万'],
      ['form.finance.2022.tax', '3,012万'],
      ['form.products', '圆锥滚子轴承、调心滚子轴承，合计占营收的92%'],
      ['form.history', '公司前身是2003年成立的洛阳某轴承厂技术服务部，2010年改制为有限公司，2016年搬入洛龙区新厂区，2020年起分两期实施数字化改造，目前形成年产轴承1,200万套的能力。'],
      ['form.business', '公司主营风电、矿山机械用中大型圆锥滚子轴承和调心滚子轴承，产品外径从120毫米到1.6米。'],
      ['form.honours', '国家级专精特新“小巨人”企业；河南省智能车间（磨加工车间，2021年）'],
      ['form.rnd.staff', '一百一十二人'],
      ['form.patents.total', '64'],
      ['form.patents.invention', '没有'],
      ['form.project.name', '中大型轴承智能工厂'],
      ['form.project.start', '2020.4'],
      ['form.project.end', '2022年12月'],
      ['form.project.investment', '1亿8千6百万元'],
      ['form.workshopCount', '两个'],
      ['form.ws.1.name', '磨加工车间'],
      ['form.ws.1.lines', '内外圈磨削自动线4条'],
      ['form.ws.1.equipmentTotal', '312'],
      ['form.ws.1.automatedEquipment', '268'],
      ['form.ws.1.networkedEquipment', '251'],
      ['form.ws.2.name', '装配车间'],
      ['form.ws.2.equipmentTotal', '140'],
      ['form.cell.rd.cad', '设计部全部使用三维设计，轴承寿命用CAE仿真计算，仿真软件每年投入80万元。'],
      ['form.cell.ws.logistics.1', '磨加工车间部署AGV 18台，立体库货位3,200个，物料由WMS按工单自动配送到线边。'],
      ['form.cell.ws.quality.2', '装配线每套轴承激光打码，振动和游隙在线检测，质量数据保存15年。'],
      ['form.cell.ai', '在磨加工车间试用了视觉检测模型识别滚道烧伤，识别准确率九成六。'],
      ['form.ind.productivity.before', '0.28'],
      ['form.ind.productivity.after', '0.41'],
      ['form.ind.defectRate.before', '1.35%'],
      ['form.ind.defectRate.after', '0.62%'],
      ['form.ind.upgradeCycle.before', '半年'],
      ['form.ind.upgradeCycle.after', '120天'],
      ['form.ind.energyPerOutput.before', '0.0315'],
      ['form.advantages', '风电主轴轴承国内市场占有率约15%，具备3兆瓦以上主轴轴承批量供货能力。'],
    ],
    unclear: ['form.ind.upgradeCycle.before'],
  },
];

/**
 * The day the typed sessions are held on, which a date said relative to it (「去年3月」) is counted from, as the chat and the
 * form view count it from the session's day: a day of the notice's year, the year the typed words were written in.
 */
export const SESSION_DAY = '2023-06-01';

/**
 * The session answers after the interview and each typed form answer, read and recorded as the chat does.
 * Returns the ids whose text the form phase could not read (it asks them again).
 */
export function typedAnswers(kb: FormsKnowledge, e: TypedEnterprise): { answers: Answers; unclear: string[] } {
  let answers: Answers = { ...e.interview };
  const unclear: string[] = [];
  for (const [id, text] of e.typed) {
    const r = interpretForm(kb, datedReply(kb, id, text, SESSION_DAY)?.text ?? text, formView(kb, id, e.category));
    if (r.kind !== 'answers') {
      unclear.push(id);
      continue;
    }
    for (const item of r.items) {
      const applied = applyFormAnswer(kb, answers, item.questionId, item.value);
      if (!applied.ok) throw new Error(`${e.id} ${id}: ${applied.error}`);
      answers = item.approx ? markApproximate(applied.answers, item.questionId, item.said ?? text) : applied.answers;
    }
  }
  return { answers, unclear };
}
