import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { absoluteDates, typedWithoutHedges, withoutHedges } from '../../server/forms/document-form';
import { DraftProfile } from '../../server/schemas/forms';

/*
 * Every sentence of the draft says what the enterprise said: a system said 在建 or lacking is never claimed in use or
 * integrated, a hedge is never printed, a capability is named as the enterprise named it, and a two-digit year is printed
 * as a year. The phrasings are our own, apart from the knowledge's.
 */
const ctx: FormsContext = { ...loadKnowledgeData('knowledge', 'henan-2023'), templates: loadTemplates() };
const engineCtx: FormsContext = { ...ctx, engine: ctx as unknown as FormsContext['engine'] };
const d = ctx.formDrafting;
const PLACEHOLDER = /〔请补充：[^〕]*〕/gu;
const sentences = (text: string) => text.replace(PLACEHOLDER, '').split(/[。\n]/u).filter((s) => s.trim());

describe('a two-digit year typed in free text', () => {
  for (const [typed, printed] of [
    ['公司2012年成立，19年一期投产，21年底扩建二期', '公司2012年成立，2019年一期投产，2021年底扩建二期'],
    ['于18年完成技改', '于2018年完成技改'],
    ['公司是15年成立的', '公司是2015年成立的'],
    ['97年建厂，20年6月上线MES', '1997年建厂，2020年6月上线MES'],
    ['25年底前完成二期', '2025年底前完成二期'],
  ] as const)
    it(`「${typed}」 is printed with four-digit years`, () => {
      expect(absoluteDates(d, typed, '2023')).toBe(printed);
    });

  it('a year it cannot place (neither recent nor last century) is asked for, naming the words typed', () => {
    expect(absoluteDates(d, '35年完成三期', '2023')).toBe('〔请补充：“35年”的四位年份〕完成三期');
  });

  // Near misses: spans of years, years already in four digits, decimals.
  for (const typed of ['建厂19年，19年来持续投入', '近10年', '经营10年多', '2019年投产', '周期3.19年', '已有20年的历史'])
    it(`「${typed}」 is left as typed`, () => {
      expect(absoluteDates(d, typed, '2023')).toBe(typed);
    });

  it('reaches the drafted 企业简介 as four-digit years', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某乳业' }, form: { name: '某乳业有限公司', history: '公司于16年成立，19年一期投产，21年底扩建二期' } });
    const text = draftSection(ctx, p, 'processFactory', 'enterpriseIntro').text;
    expect(text).toContain('公司于2016年成立，2019年一期投产，2021年底扩建二期。');
  });
});

describe('a hedged reply', () => {
  for (const [said, text] of [
    ['机器视觉检测在用，算吧', '机器视觉检测在用'],
    ['应该有，视觉检测上了', '视觉检测上了'],
    ['差不多，质检用AI看图', '质检用AI看图'],
    ['好像上了预测性维护', '上了预测性维护'],
  ] as const)
    it(`「${said}」 loses its hedge and is marked as hedged`, () => {
      expect(withoutHedges(d, said)).toEqual({ text, hedged: true });
    });

  for (const said of ['视觉检测在用', '部分打通了，WMS还没接', '用了大数据分析配方'])
    it(`「${said}」 has no hedge and is kept whole`, () => {
      expect(withoutHedges(d, said)).toEqual({ text: said, hedged: false });
    });

  it('is stated without the hedge and asked to be confirmed in the AI cell', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某乳业' }, productionMode: 'process', capabilities: { aiApplication: true }, form: { capabilityDetails: { aiApplication: '机器视觉检测在用，算吧' } } });
    const text = draftSection(engineCtx, p, 'processFactory', 'ai').text;
    expect(text).not.toMatch(/算吧|应该|好像|差不多/u);
    expect(text).toContain('机器视觉检测在用。');
    expect(text).toContain('请核实机器视觉检测的实际应用情况');
  });
});

describe('a hedge typed into a form cell', () => {
  for (const [typed, text] of [
    ['生产数据全部上传MES，算是吧', '生产数据全部上传MES'],
    ['关键工序配了在线检测，应该是吧。', '关键工序配了在线检测'],
    ['成品库用WMS管理，差不多吧', '成品库用WMS管理'],
  ] as const)
    it(`「${typed}」 is printed without the clause that is only a hedge`, () => {
      expect(typedWithoutHedges(d, typed)).toEqual({ text, guesses: [] });
    });

  for (const [typed, text] of [
    ['数控机床经网关联网，估计有一半', '数控机床经网关联网，〔请补充：“约一半”的确切数值〕'],
    ['自动化设备好像占六成吧', '〔请补充：“自动化设备约占六成”的确切数值〕'],
    ['注塑机联网，大概七八十台', '注塑机联网，〔请补充：“约七八十台”的确切数值〕'],
  ] as const)
    it(`the guessed figure of 「${typed}」 is asked for, not printed`, () => {
      const t = typedWithoutHedges(d, typed);
      expect(t.text).toBe(text);
      expect(t.guesses).toHaveLength(1);
    });

  // Near misses: a possibility, a figure said with 约 or exactly, and plain statements are kept whole.
  for (const typed of ['通过振动监测预测可能发生的主轴故障', '联网设备约30台，覆盖全部加工中心', '设备联网率达到85%', '应急预案已在应急管理局备案', '故障大概率出现在换型阶段，已加装防错'])
    it(`「${typed}」 is kept whole`, () => {
      expect(typedWithoutHedges(d, typed)).toEqual({ text: typed, guesses: [] });
    });

  const workshop = (elements: Record<string, string>, counts: Record<string, number> = {}) =>
    DraftProfile.parse({ enterprise: { name: '某机械' }, productionMode: 'discrete', form: { workshops: [{ name: '机加车间', ...counts }], elements } });

  it('a cell and section 三 never print the hedge clause', () => {
    const p = workshop({ 'ws.infra': '厂区千兆光纤到车间，装了工业防火墙，有等保测评，应该算吧' });
    for (const s of ['ws.infra', 'detail.elements']) {
      const text = draftSection(engineCtx, p, 'smartWorkshop', s).text;
      expect(text).toContain('厂区千兆光纤到车间，安装了工业防火墙，有等保测评。');
      expect(text).not.toMatch(/算吧|应该/u);
    }
  });

  it('a guessed share beside the counts gives way to the share they give', () => {
    const p = workshop({ 'ws.network': '加工中心通过DNC联网，差不多一半' }, { equipmentTotal: 50, automatedEquipment: 40, networkedEquipment: 30 });
    const text = draftSection(engineCtx, p, 'smartWorkshop', 'ws.network').text;
    expect(text).toContain('加工中心通过DNC联网。');
    expect(text).toContain('75.0%');
    expect(text).not.toMatch(/一半|差不多|请补充/u);
  });

  it('a guessed share with no counts is asked for', () => {
    const text = draftSection(engineCtx, workshop({ 'ws.network': '加工中心通过DNC联网，差不多一半' }), 'smartWorkshop', 'ws.network').text;
    expect(text).toContain('加工中心通过DNC联网，〔请补充：“约一半”的确切数值〕');
    expect(text.replace(PLACEHOLDER, '')).not.toMatch(/一半|差不多/u);
  });
});

describe('a system said 在建 or lacking is never claimed in use or integrated', () => {
  const integrationProfile = (said: string) =>
    DraftProfile.parse({
      enterprise: { name: '某乳业' },
      productionMode: 'process',
      capabilities: { scada: true, erp: true, mes: 'building', wms: true, systemIntegration: 'partial' },
      form: { capabilityDetails: { systemIntegration: said } },
    });

  for (const said of ['SCADA和ERP通了，MES也打通了', 'MES跟ERP数据已经对接', 'ERP、MES、SCADA全部集成'])
    it(`the clause of 「${said}」 that names MES is left out and MES asked to be checked`, () => {
      const text = draftSection(engineCtx, integrationProfile(said), 'processFactory', 'integration').text;
      for (const s of sentences(text)) expect(s, s).not.toContain('MES');
      expect(text).toContain('请核实各业务系统集成中MES的情况（对话中答复MES在建）');
    });

  it('a reply restated in document form, with what is not done said so', () => {
    const text = draftSection(engineCtx, integrationProfile('部分打通了，SCADA和ERP通了，WMS还没接'), 'processFactory', 'integration').text;
    expect(text).toContain('已部分打通，SCADA和ERP已打通，WMS尚未接入。');
    expect(text).not.toMatch(/还没|通了/u);
    expect(text, 'a reply stated answers the cell').not.toContain('系统集成情况〕');
  });

  // Near misses: a clause that says the system is not there, or names only systems in use, stays.
  it('keeps a clause that says the 在建 system is not integrated yet', () => {
    const text = draftSection(engineCtx, integrationProfile('SCADA和ERP已打通，MES还没接入'), 'processFactory', 'integration').text;
    expect(text).toContain('SCADA和ERP已打通，MES尚未接入。');
    expect(text).not.toContain('请核实');
  });

  const workshop = (caps: Record<string, boolean | 'partial' | 'building'>) =>
    draftSection(engineCtx, DraftProfile.parse({ enterprise: { name: '某机械' }, productionMode: 'discrete', capabilities: { ...caps, scadaMesErpIntegration: true } }), 'smartWorkshop', 'detail.elements').text;

  it('an integration of SCADA, MES and ERP names only those in use', () => {
    const text = workshop({ scada: true, mes: 'building', erp: true });
    expect(text).toContain('SCADA与ERP系统集成');
    expect(text).not.toContain('SCADA、MES与ERP系统集成');
  });

  it('is not claimed at all with one of its systems in use', () => {
    const text = workshop({ scada: true, mes: false, erp: 'building' });
    for (const s of sentences(text).filter((x) => x.includes('系统集成'))) expect(s, s).toMatch(/尚未|正在建设/u);
  });

  it('is claimed whole when all three are in use', () => {
    expect(workshop({ scada: true, mes: true, erp: true })).toContain('SCADA、MES与ERP系统集成');
  });
});

describe('a capability is named as the enterprise named it', () => {
  const ai = (said?: string) =>
    draftSection(
      engineCtx,
      DraftProfile.parse({ enterprise: { name: '某乳业' }, scope: 'factory', productionMode: 'process', capabilities: { aiApplication: true, erp: true }, ...(said ? { form: { capabilityDetails: { aiApplication: said } } } : {}) }),
      'processFactory',
      'constructionSummary',
    ).text.replace(PLACEHOLDER, '');

  it('machine vision named: the summary claims machine vision, not big-data analysis', () => {
    const text = ai('灌装线上装了视觉检测，自动剔除漏封的');
    expect(text).toContain('机器视觉检测');
    expect(text).not.toContain('大数据');
  });

  it('big data named: the summary says so', () => {
    expect(ai('用大数据分析优化发酵配方')).toContain('大数据分析');
  });

  it('nothing named: the summary claims what was asked, 人工智能, never the notice\'s 大数据分析', () => {
    const text = ai();
    expect(text).toContain('人工智能技术');
    expect(text).not.toContain('大数据');
  });
});
