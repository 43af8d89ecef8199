import type { DraftProfileInput } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';

/** Fictional enterprises with every form fact given; credit codes carry computed check characters. */
const commonEnterprise = {
  province: '河南省',
  independentLegalPerson: true,
  groupOrHeadOffice: false,
  manufacturingMainBusiness: true,
  operatingWell: true,
  credit: { dishonestExecutee: false, taxViolationBlacklist: false, seriousIllegalDishonest: false },
  priorTitles: [],
  appliedThisYear: false,
};

const finance = {
  '2020': { totalAssets: 52000, totalLiabilities: 23400, revenue: 68000, profit: 4100, tax: 2300 },
  '2021': { totalAssets: 56800, totalLiabilities: 24100, revenue: 76500, profit: 5200, tax: 2650 },
  '2022': { totalAssets: 61500, totalLiabilities: 25600, revenue: 86000, profit: 6300, tax: 3120 },
};

export const discreteComplete: DraftProfileInput = {
  enterprise: { ...commonEnterprise, name: '许昌瑞驰汽车零部件有限公司', city: '许昌市', industryCode: 'C36' },
  scope: 'factory',
  productionMode: 'discrete',
  capabilities: {
    factoryNetwork: true, securityPolicy: true, securityProtection: true, industrialNetwork: true,
    cadCae: true, pdm: true, lims: true, factoryDigitalModel: true,
    automatedLines: true, flexibleCell: true, scada: true, mes: true, autoId: true, agvRgv: true, errorProofing: true, andon: true,
    onlineInspection: true, qualityTraceability: true, erp: true, scm: true, wms: true, autoWarehouse: true,
    systemIntegration: true, scadaMesErpIntegration: true, aiApplication: true, predictiveMaintenance: true,
  },
  metrics: { automationRatio: 87, networkedRatio: 95 },
  form: {
    name: '许昌瑞驰汽车零部件有限公司',
    industry: '汽车零部件及配件制造',
    creditCode: '91411000MA45K7QX2R',
    foundedOn: '2009-05-18',
    address: '许昌市城乡一体化示范区永兴路东段',
    province: '河南省',
    registeredCapital: 12000,
    capitalNature: '民营',
    employees: 620,
    contact: { name: '王敏', title: '智能制造部部长', phone: '0374-3366001', mobile: '13803740001', fax: '0374-3366002', email: 'wangmin@example.com' },
    leader: { name: '李建国', title: '董事长、高级工程师', phone: '0374-3366000' },
    finance,
    products: [{ name: '乘用车制动盘', share: 62 }, { name: '轻量化铝合金轮毂', share: 30 }],
    mainProductsShare: 92,
    history: '公司由本地铸造厂改制设立，先后建成铸造、机加工和涂装三大生产基地。2016年通过IATF16949质量管理体系认证，2019年启动数字化工厂规划，逐步由传统铸造企业转型为智能化汽车零部件制造企业。',
    business: '公司专注乘用车制动系统和轮毂的研发、铸造、精密加工与涂装，具备从模具设计到成品检测的完整制造能力，产品覆盖国内主流乘用车平台。',
    marketing: '公司为国内多家主流整车厂提供一级配套，建立了覆盖华中、华东和华南的销售服务网络，并通过海外代理商出口北美和东南亚售后市场，客户满意度和市场占有率逐年提高。',
    honours: ['国家高新技术企业', '河南省专精特新中小企业', '河南省工程技术研究中心'],
    rnd: { staff: 96, description: '公司建有省级工程技术研究中心，研发团队覆盖材料、结构仿真、工艺和自动化四个方向，与郑州大学共建轻量化材料联合实验室，可为下游客户提供同步开发和试验验证服务。' },
    patents: { total: 58, invention: 9, description: '其中制动盘轻量化结构、铸造工艺优化等专利已在量产中应用。' },
    project: { name: '瑞驰制动部件智能工厂', address: '许昌市城乡一体化示范区永兴路东段', start: '2020-03', end: '2022-10', investment: 13500, applicationDate: '2023-03-01' },
    workshops: [
      {
        name: '铸造车间', lines: ['制动盘自动造型线', '轮毂低压铸造线'], equipmentTotal: 86, automatedEquipment: 74, networkedEquipment: 70,
        descriptions: {
          'ws.infra': '铸造车间部署千兆工业以太网和工业无线网络，关键设备通过工业防火墙隔离。',
          'ws.run': '铸造车间造型、浇注、落砂工序由自动化成套装备完成，造型线与熔炼炉联动控制。',
          'ws.dispatch': '铸造车间通过SCADA采集熔炼炉温度和造型节拍，MES按订单排产并下发炉次计划，异常时触发安灯呼叫。',
          'ws.logistics': '铸件托盘贴二维码，由AGV从造型线配送到清理工位。',
          'ws.quality': '铸件经X射线在线检测，检测结果与炉次号绑定，实现质量追溯。',
        },
      },
      {
        name: '机加工车间', lines: ['制动盘柔性加工线', '轮毂机加工线', '动平衡检测线'], equipmentTotal: 60, automatedEquipment: 54, networkedEquipment: 52,
        descriptions: {
          'ws.infra': '机加工车间数控机床通过工业以太网接入车间网络，网络边界部署工业防火墙。',
          'ws.run': '机加工车间采用桁架机器人上下料，加工单元可按订单自动切换程序。',
          'ws.dispatch': '机加工车间MES按日排产，加工程序和作业指导自动下发到机台，防错装置校验工件型号。',
          'ws.logistics': '机加工车间以RFID标签识别料框，AGV在毛坯库和加工线之间自动配送。',
          'ws.quality': '机加工车间动平衡检测线对制动盘逐件在线检测，数据按序列号存入质量追溯系统。',
        },
      },
    ],
    indicators: {
      productivity: { before: 0.5, after: 0.72 },
      operatingCost: { before: 120, after: 105 },
      upgradeCycle: { before: 180, after: 120 },
      defectRate: { before: 2.1, after: 0.9 },
      energyPerOutput: { before: 0.085, after: 0.072 },
    },
    elements: {
      infra: '工厂建成覆盖全厂的工业以太网和无线网络，部署工业防火墙和安全审计系统，制定了信息安全应急预案。',
      'rd.cad': '研发中心应用三维CAD和CAE仿真软件进行制动盘结构设计与铸造充型仿真，工艺部门应用CAPP编制工艺文件。',
      'rd.pdm': 'PDM系统统一管理产品图纸、BOM和工艺路线，设计变更经电子审批后同步到生产系统。',
      'rd.lims': 'LIMS系统管理材料化验、台架试验和出厂检测数据。',
      'rd.model': '工厂建立了三维布局模型，对新建机加工线的物流路径和节拍进行仿真优化。',
      mgmt: '企业资源计划系统覆盖采购、生产、销售和财务业务。供应链管理系统与主要供应商协同，WMS管理立体仓库的出入库。',
      integration: '工厂建设数据中台，通过接口打通SCADA、MES、ERP和WMS，订单、生产和质量数据在各系统间自动流转。',
      ai: '基于设备运行数据建立预测性维护模型，对关键设备实施健康管理。应用大数据分析铸造工艺参数，优化浇注温度和时间。',
    },
    advantages: '公司在制动盘轻量化铸造领域具有技术优势，是区域内少数具备整车厂同步开发能力的零部件企业，可为客户提供从设计验证到批量供货的一体化服务。',
    benefits: '通过智能化改造，工厂实现了生产过程透明化和质量可追溯，员工劳动强度明显降低，铸造工序粉尘排放得到有效控制，产品一致性达到行业先进水平。',
  },
};

export const processComplete: DraftProfileInput = {
  enterprise: { ...commonEnterprise, name: '焦作中原新材料化工有限公司', city: '焦作市', industryCode: 'C26' },
  scope: 'factory',
  productionMode: 'process',
  capabilities: {
    factoryNetwork: true, securityPolicy: true, securityProtection: true, industrialNetwork: true,
    pdm: true, lims: true, factoryDigitalModel: true,
    automatedLines: true, smartInstruments: true, dcs: true, apc: true, rto: 'partial', sis: true, scada: true, mes: true,
    manufacturingControl: true, emergencyCommand: true,
    erp: true, scm: true, wms: true, tankYard: true, energyManagement: true,
    systemIntegration: true, aiApplication: true, predictiveMaintenance: true,
  },
  metrics: { dataCollectionRate: 95 },
  form: {
    ...discreteComplete.form,
    name: '焦作中原新材料化工有限公司',
    industry: '专用化学产品制造',
    creditCode: '91410800MA3XH2T5K2',
    foundedOn: '2006-08-08',
    address: '焦作市中站区化工产业园纬一路',
    capitalNature: '国有控股',
    employees: 480,
    products: [{ name: '高纯电子级氢氟酸', share: 55 }, { name: '氟化盐', share: 35 }],
    mainProductsShare: 90,
    history: '公司由焦作老工业基地的化工企业重组设立，经过三期扩建形成完整的氟化工产业链。公司坚持安全环保优先，先后完成装置自动化改造和园区一体化管控平台建设。',
    business: '公司主要从事电子级氢氟酸、氟化盐等氟化工产品的生产和销售，拥有原料精制、合成、提纯、灌装全流程装置。',
    marketing: '产品销往长三角和珠三角的半导体、锂电池企业，与多家行业龙头企业建立长期合作关系，并设立华东销售中心提供就近技术服务。',
    honours: ['国家高新技术企业', '河南省绿色工厂'],
    project: { name: '中原新材料氟化工智能工厂', address: '焦作市中站区化工产业园纬一路', start: '2019-06', end: '2022-12', investment: 21800, applicationDate: '2023-03-05' },
    workshops: [{
      name: '氢氟酸提纯车间', lines: ['电子级氢氟酸提纯装置', '自动灌装线'], equipmentTotal: 120, automatedEquipment: 112, networkedEquipment: 108,
      descriptions: {
        'ws.infra': '提纯车间控制网采用冗余工业以太网，与管理网之间部署工业网闸。',
        'ws.equipment': '提纯装置配置自动化成套装备和智能仪表，关键参数自动采集。',
        'ws.run': '提纯装置由DCS集中控制，SIS实现紧急停车联锁，精馏塔应用APC先进控制，SCADA监控灌装线运行。',
        'ws.dispatch': '车间MES按订单生成生产计划，制造管控系统跟踪批次成本和质量。',
        'ws.safety': '车间部署有毒气体在线监测，与园区应急指挥联动系统对接。',
      },
    }],
    elements: {
      infra: '工厂建成工控网与办公网分区隔离的工业网络，通过安全区域划分和工业防火墙实现纵深防护。',
      'rd.pdm': 'PDM系统管理产品配方和工艺参数，配方变更经审批后下发到DCS。',
      'rd.lims': 'LIMS系统管理原料、中间品和成品的化验数据。',
      'rd.model': '工厂建立了装置布局和工艺流程的三维数字化模型，用于改造方案的仿真。',
      mgmt: 'ERP覆盖采购、销售、财务和设备管理，SCM协同原料供应商，WMS和罐区管理系统管理成品库存，能源管理系统监测水、电、蒸汽消耗。',
      integration: '工厂通过数据平台集成DCS、MES和ERP数据，生产计划和物料消耗在系统间自动流转。',
      ai: '应用大数据分析优化精馏工艺参数，对关键机泵实施故障预测与健康管理。',
    },
  },
};

export const workshopComplete: DraftProfileInput = {
  enterprise: { ...commonEnterprise, name: '洛阳恒宇轴承有限公司', city: '洛阳市', industryCode: 'C34' },
  scope: 'workshop',
  productionMode: 'discrete',
  capabilities: {
    industrialNetwork: true, securityProtection: true, automatedLines: true, flexibleCell: true,
    scada: true, mes: true, erp: true, scadaMesErpIntegration: true, autoId: true, agvRgv: true,
    onlineInspection: true, qualityTraceability: true,
  },
  metrics: { automationRatio: 82, networkedRatio: 90 },
  form: {
    ...discreteComplete.form,
    name: '洛阳恒宇轴承有限公司',
    industry: '轴承制造',
    creditCode: '91410300MA9F3R1L6C',
    foundedOn: '2011-04-20',
    address: '洛阳市涧西区华山北路',
    capitalNature: '民营',
    employees: 350,
    products: [{ name: '风电主轴轴承', share: 58 }, { name: '精密机床轴承', share: 33 }],
    mainProductsShare: 91,
    history: '公司依托洛阳轴承产业基础创立，先后建成热处理、磨加工和装配三个车间。公司持续推进工艺升级，由通用轴承生产转向大型风电轴承和精密机床轴承。',
    business: '公司主要从事风电主轴轴承和精密机床轴承的设计、制造与服务，具备套圈锻造、热处理、精密磨削和装配检测的完整工艺能力。',
    marketing: '产品配套国内主要风电整机企业和机床企业，并为风电场提供运维备件服务，近年来逐步进入海外风电市场。',
    honours: ['河南省专精特新中小企业'],
    project: { name: '风电轴承磨加工智能车间', address: '洛阳市涧西区华山北路', start: '2021-01', end: '2022-09', investment: 6800, applicationDate: '2023-03-02' },
    workshops: [{ name: '风电轴承磨加工车间', lines: ['套圈磨削线', '滚子磨削线'], equipmentTotal: 64, automatedEquipment: 55, networkedEquipment: 51 }],
    indicators: {
      headcount: { before: 120, after: 90 },
      outputValue: { before: 18000, after: 24300 },
      workingDays: 300,
      defectRate: { before: 1.6, after: 0.7 },
    },
    elements: {
      'ws.infra': '车间部署工业以太网覆盖全部磨床，网络出口设置工业防火墙。',
      'ws.run': '套圈磨削线由自动化成套装备组成，桁架机器人上下料，柔性单元可按型号自动换产。',
      'ws.logistics': '套圈料盘贴二维码，AGV小车在热处理和磨加工之间自动配送。',
      'ws.quality': '磨削后的套圈经在线测量仪逐件检测尺寸。',
      'ws.dispatch': '车间制造执行系统与设备数据采集平台联动，作业计划按订单自动排产并下发到机台。',
      'ws.batch': '每套轴承以序列号建立产品档案，关联套圈炉号、磨削参数和检测数据，可正反向追溯。',
    },
    benefits: '车间建成后生产过程透明可控，人均产出明显提高，产品一致性达到省内同行业先进水平，磨削工序实现少人化作业，安全生产条件显著改善。',
  },
};

export const completeFixtures: Record<Category, DraftProfileInput> = {
  smartWorkshop: workshopComplete,
  discreteFactory: discreteComplete,
  processFactory: processComplete,
};

/** An enterprise that has only told us its name and a few systems. */
export const sparse: DraftProfileInput = {
  enterprise: { name: '新乡某机械有限公司' },
  capabilities: { mes: true, erp: true },
  form: { finance: { '2022': { revenue: 5000 } } },
};
