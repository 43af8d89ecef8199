import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { documentReply, absoluteDates } from '../../server/forms/document-form';
import { formalText } from '../../server/forms/formal';
import { fillForm } from '../../server/forms/fill';
import { figureNotes, sessionDraftProfile } from '../../server/forms/session';
import { DraftProfile } from '../../server/schemas/forms';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';

const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const f = data.formDrafting;
/** The session's date the relative words below are counted from. */
const AS_OF = '2026-12-06';

/** Interview replies kept as details, typed as a chat is typed: half-width commas, relative dates, spoken verbs. */
const REPLIES: [string, string][] = [
  ['CAD和CAE都在用,PLM是前年上的', 'CAD和CAE均已投入使用，PLM于2024年上线'],
  ['DCS用了三年了', 'DCS于2023年投入使用'],
  ['WMS上个月刚上线', 'WMS于2026年11月上线'],
  ['LIMS还在建,预计明年五月上线', 'LIMS正在建设，预计2027年5月上线'],
  ['能源管理系统明年上半年上线', '能源管理系统于2027年上半年上线'],
  ['机器人有12台,只在焊装车间用,别的车间还是人工', '现有机器人共12台，仅在焊装车间使用，其他车间仍采用人工'],
  ['ERP有,是2019年买的', '已部署ERP，于2019年购置'],
  ['可以,扫码就能查每批料的去向', '扫码即可查询每批料的去向'],
  ['用的金蝶ERP,2018年上的', '采用金蝶ERP，于2018年上线'],
];

/** Replies no rule can put in document form without guessing: each is asked to be rewritten, never printed. */
const UNSAFE = ['还行吧,差不多都连上了', '有两台,都在总装', '仓库那块弄得差不多了', '这个俺也说不好', '基本上都是人工干的吧'];

describe('a chat reply kept as detail is put in document form', () => {
  for (const [said, want] of REPLIES)
    it(`「${said}」 reads 「${want}」 when the session's date is known`, () => {
      expect(documentReply(f, said, AS_OF)).toBe(want);
    });

  it('without the session\'s date each relative word is a request for its date, never a date guessed', () => {
    expect(documentReply(f, 'PLM是前年上的', undefined)).toBe('PLM于〔请补充：“前年”的具体年份〕上线');
    expect(documentReply(f, 'DCS用了三年了', undefined)).toBe('DCS于〔请补充：“用了三年了”的具体年份〕投入使用');
    expect(absoluteDates(f, '预计年底完成', undefined)).toBe('预计〔请补充：“年底”的具体年份〕完成');
  });

  for (const said of UNSAFE)
    it(`「${said}」 cannot be put in document form safely, so it is not stated`, () => {
      expect(documentReply(f, said, AS_OF)).toBeNull();
    });

  it('near misses keep their words: a date already absolute, figures with separators, times, a name that opens with 有', () => {
    expect(absoluteDates(f, '2022年底上线MES', AS_OF), 'a year\'s own 年底 is a date already').toBe('2022年底上线MES');
    expect(documentReply(f, '年产1,200万只，每天8:30交接班', AS_OF)).toBe('年产1,200万只，每天8:30交接班');
    expect(documentReply(f, '有限元分析采用ANSYS', AS_OF)).toBe('有限元分析采用ANSYS');
    expect(documentReply(f, 'MES覆盖三个车间，实现工单下达与报工', AS_OF)).toBe('MES覆盖三个车间，实现工单下达与报工');
    expect(documentReply(f, '两年内完成三条产线改造', AS_OF), 'a span ahead is no date up to now').toBe('两年内完成三条产线改造');
  });
});

describe('the colloquial verb before a product or a project', () => {
  const cases: [string, string][] = [
    ['俺们厂主要搞工业用三相异步电机', '公司主要生产工业用三相异步电机'],
    ['咱们主要弄铸件和锻件', '公司主要生产铸件和锻件'],
    ['我们专门干汽车线束', '公司专门生产汽车线束'],
    ['主要做不锈钢管件', '主要生产不锈钢管件'],
    ['今年在搞冷链物流项目', '今年在实施冷链物流项目'],
    ['我们正在弄技改工程', '公司正在实施技改工程'],
    ['主要做研发和销售', '主要从事研发和销售'],
    ['主要搞外贸', '主要从事外贸'],
    ['俺们厂主要搞工业用三相异步电机的研发和生产', '公司主要从事工业用三相异步电机的研发和生产'],
    ['我们主要做铝合金门窗的生产和销售', '公司主要从事铝合金门窗的生产和销售'],
  ];
  for (const [said, want] of cases) it(`「${said}」 reads 「${want}」`, () => expect(formalText(f, said)).toBe(want));

  it('near misses keep their verb: 搞清楚, 干活, 做好 are no product', () => {
    expect(formalText(f, '需要搞清楚工艺参数')).toBe('需要搞清楚工艺参数');
    expect(formalText(f, '主要干活的是老师傅')).toBe('主要干活的是老师傅');
    expect(formalText(f, '公司主要做好质量管控')).toBe('公司主要做好质量管控');
  });
});

describe('the draft states interview details in document form only', () => {
  const answers = {
    ...ELIGIBLE_NO_PRIORITY,
    'cat.scope': 'factory',
    'cat.productionMode': 'discrete',
    ...caps({ cad: true, pdm: true, scada: true, mes: true, agvRgv: 'partial', qualityTraceability: true, wms: true, erp: true }),
    'detail.cap.pdm': 'UG和Moldflow都在用,PDM是去年上的',
    'detail.cap.agvRgv': 'AGV有4台,只在仓库用',
    'detail.cap.qualityTraceability': '能,扫码即可查到每件产品的工序记录',
    'detail.cap.wms': '还行吧,仓库那块弄得差不多了',
  };
  const sentences = (asOf?: string) => {
    const { profile } = sessionDraftProfile(data, ctx, answers, asOf);
    return Object.values(fillForm(ctx, profile, 'discreteFactory').drafts).flatMap((d) => d.sentences.map((s) => s.text));
  };

  it('prints each reply rewritten, with the year counted from the session\'s day, as the chat counts a date said in it', () => {
    expect(sentences('2023-05-20').join('\n')).toContain('UG和Moldflow均已投入使用，PDM于2022年上线。');
    const all = sentences(AS_OF).join('\n');
    expect(all, 'said in a session held in 2026, 去年 is 2025, as 「去年十月」 at a date field is').toContain('UG和Moldflow均已投入使用，PDM于2025年上线。');
    expect(all).toContain('现有AGV共4台，仅在仓库使用。');
    expect(all).toContain('质量追溯系统：扫码即可查到每件产品的工序记录。');
    expect(all.replace(/〔[^〕]*〕/g, ''), 'no reply is pasted as typed outside a request').not.toMatch(/都在用|去年|,|只在仓库用|能,/);
  });

  it('a reply that cannot be rewritten is a request that shows the words, not a claim', () => {
    const all = sentences(AS_OF);
    const wms = all.filter((s) => s.includes('仓库那块'));
    expect(wms.length).toBeGreaterThan(0);
    for (const s of wms) expect(s, 'only inside a request').toMatch(/^〔请补充：[^〕]*“还行吧,仓库那块弄得差不多了”[^〕]*〕$/);
  });

  it('without the session\'s date the year still counts from the form\'s year', () => {
    expect(sentences(undefined).join('\n')).toContain('PDM于2022年上线');
  });
});

describe('a ratio written against the workshop\'s own counts', () => {
  const profile = (text: string) =>
    DraftProfile.parse({
      scope: 'workshop',
      productionMode: 'discrete',
      capabilities: { industrialNetwork: true, scada: true },
      form: { workshops: [{ name: '焊接车间', equipmentTotal: 300, automatedEquipment: 260, networkedEquipment: 221 }], elements: { 'ws.network': text } },
    });
  const network = (text: string) => fillForm(ctx, profile(text), 'smartWorkshop').drafts['ws.network']!.text;

  it('is left out with its clause: the draft prints the figure the counts give, once', () => {
    for (const said of ['车间联网率95%，设备通过工业以太网接入SCADA', '设备通过工业以太网接入SCADA，联网率约为93%', '联网率达到了90%']) {
      const text = network(said);
      expect(text, said).toContain('85.0%');
      expect(text, said).not.toMatch(/联网率[^，。]*(95|93|90)%/);
      expect(figureNotes(ctx, profile(said), 'smartWorkshop'), said).toHaveLength(1);
    }
    expect(network('车间联网率95%，设备通过工业以太网接入SCADA')).toContain('设备通过工业以太网接入SCADA');
  });

  it('names what was printed in the export\'s notes, in the form view\'s words', () => {
    expect(figureNotes(ctx, profile('车间联网率95%，设备通过工业以太网接入SCADA'), 'smartWorkshop')).toEqual([
      '焊接车间设备联网率：说明文字“联网率95%”写的是95%，而所填台（套）数221/260算得85.0%，两者不一致。本稿按台（套）数计算，请核对后统一。',
    ]);
  });

  it('near misses are kept and noted nowhere: a figure the counts agree with, or a ratio of another kind', () => {
    for (const said of ['设备通过工业以太网接入SCADA，联网率达到85%', '数据自动采集率95%，设备通过工业以太网接入SCADA']) {
      expect(network(said), said).toContain(said.split('，').find((c) => /率/.test(c))!);
      expect(figureNotes(ctx, profile(said), 'smartWorkshop'), said).toEqual([]);
    }
  });
});
