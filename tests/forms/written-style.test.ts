import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { formFactsFromAnswers, markApproximate } from '../../server/forms/phase';
import { formalText } from '../../server/forms/formal';
import { sessionDraftProfile } from '../../server/forms/session';
import { arabicYears, writtenRoundFigure } from '../../server/understand';
import type { Answers } from '../../server/schemas/interview';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';

/*
 * The enterprise's spoken replies as a signed 申报书 states them: years in figures, a closing 「中」 dropped, a
 * firewall 「就安装了个」 written 已部署, a 「还没搞」 read as a none, a cell pointing at another workshop resolved or
 * asked for, and a round figure quoted in its written form wherever the draft asks for the exact one.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const written = (t: string) => formalText(ctx.formDrafting, t);

describe('years said in Chinese digits print in figures', () => {
  it.each([
    ['公司二零一二年成立', '公司2012年成立'],
    ['二〇一九年开始数字化改造', '2019年开始数字化改造'],
    ['一九九八年建厂，二〇二二年十二月完成扩建', '1998年建厂，2022年12月完成扩建'],
    ['二〇二一年三月MES上线', '2021年3月MES上线'],
  ])('%s → %s', (from, to) => expect(arabicYears(from)).toBe(to));

  it.each(['一二三四年', '三十二年来', '二十年经验', '2019年投产'])('leaves what is no calendar year alone: %s', (t) => expect(arabicYears(t)).toBe(t));

  it('reaches the drafted history', () => {
    const facts = formFactsFromAnswers(ctx, { 'form.history': '公司二零一二年成立，二〇一九年开始搞数字化改造，中' });
    const p = { enterprise: { name: '某公司' }, form: facts };
    const text = draftSection(ctx, p as never, 'discreteFactory', 'enterpriseIntro').text;
    expect(text).toContain('2012年成立，2019年开始');
    expect(text).not.toMatch(/[〇零]|，中。|中。$/u);
  });
});

describe('spoken closings and 「就…了个」 in written form', () => {
  it.each([
    ['就安装了个防火墙。', '已部署防火墙。'],
    ['就装了个防火墙', '已部署防火墙'],
    ['只装了个杀毒软件', '已部署杀毒软件'],
    ['车间就装了台网闸', '车间已部署网闸'],
    ['装了个摄像头', '安装了摄像头'],
    ['主要卖给省内医院和诊所，中', '主要销售给省内医院和诊所'],
    ['产品销往全国，中不中', '产品销往全国'],
    ['MES已上线 中。', 'MES已上线。'],
  ])('%s → %s', (from, to) => expect(written(from)).toBe(to));

  it.each(['安装了防火墙', '生产集中', '生产数据集中', '中', '中原地区市场占有率第一'])('leaves written or unrelated words alone: %s', (t) => expect(written(t)).toBe(t));
});

describe('spoken fillers (就、都、也就、反正、其实、差不多就) are dropped from a claim, unless they carry its meaning', () => {
  it.each([
    ['车间就安装了摄像头', '车间安装了摄像头'],
    ['2020年车间就上了MES', '2020年车间上线了MES'],
    ['仓库也就用上了WMS', '仓库应用了WMS'],
    ['反正车间都装了监控', '车间安装了监控'],
    ['其实我们已经上线了ERP', '公司已经上线了ERP'],
    ['车间其实就安装了摄像头', '车间安装了摄像头'],
  ])('%s → %s', (from, to) => expect(written(from)).toBe(to));

  it.each([
    // 都 after several (三个车间, 各车间) says all of them: written 均, not dropped.
    ['三个车间都安装了摄像头', '三个车间均安装了摄像头'],
    ['各车间都上了MES', '各车间均上线了MES'],
    // 差不多 says the work is not wholly done: written 基本, never a claim that it is.
    ['差不多就建成了', '基本建成了'],
  ])('keeps what the word means: %s → %s', (from, to) => expect(written(from)).toBe(to));

  it.each([
    // 就 before a count is 'only': 「就一条线」 is one line and no more.
    ['就一条线', '就一条线'],
    ['也就两台机器人', '也就两台机器人'],
    ['车间就安装了一台摄像头', '就安装了一台'],
    ['产线也就装上了几个传感器', '也就安装了几个'],
    // 早就 (long since) and 一…就 (as soon as) are no fillers; 其实施 is 其 + 实施.
    ['早就安装了MES', '早就安装了'],
    ['设备一到货就安装了', '一到货就安装了'],
    ['对其实施改造', '对其实施改造'],
  ])('leaves 就 and its like where they carry meaning: %s', (t, kept) => expect(written(t)).toContain(kept));
});

describe('a round figure quoted in written form', () => {
  it.each([
    ['六百二十来个人', '约620人'],
    ['五百多号人', '500余人'],
    ['将近三百人', '近300人'],
    ['大概七八十台吧', '约七八十台'],
    ['差不多两百台', '约200台'],
    ['三百人左右', '约300人'],
    ['百分之八十五左右', '约85%'],
    ['在线检测设备大概七八十台', '在线检测设备约七八十台'],
  ])('%s → %s', (from, to) => expect(writtenRoundFigure(from)).toBe(to));

  it.each(['620人', '原料药A 40%-50%', '约600人'])('leaves a figure already written alone: %s', (t) => expect(writtenRoundFigure(t)).toBe(t));

  it('a guessed figure in a cell is asked for in written form', () => {
    const facts = formFactsFromAnswers(ctx, { 'form.cell.ws.quality': '在线检测设备大概七八十台吧' });
    const text = draftSection(ctx, { enterprise: { name: '某公司' }, form: facts } as never, 'smartWorkshop', 'ws.quality').text;
    expect(text).toContain('〔请补充：“在线检测设备约七八十台”的确切数值〕');
    expect(text).not.toContain('大概');
  });
});

describe('the head count given round never drops out', () => {
  const base: Answers = { ...ELIGIBLE_NO_PRIORITY, 'cat.scope': 'factory', 'cat.productionMode': 'discrete', ...caps({ mes: true, erp: true }), 'form.proceed': true, 'form.name': '许昌某某机械有限公司' };
  const drafted = (answers: Answers, section: string) => {
    const { profile } = sessionDraftProfile(data, ctx, answers);
    return draftSection(ctx, profile, 'discreteFactory', section).text;
  };

  it.each([
    ['六百二十来个人', 620, '约620人'],
    ['五百多号人', 500, '500余人'],
    ['将近三百人', 300, '近300人'],
  ])('%s: 企业简介 and 申报单位概况 ask for the exact count, quoting %s', (said, value, quoted) => {
    const answers = markApproximate({ ...base, 'form.employees': value }, 'form.employees', said);
    for (const section of ['enterpriseIntro', 'overview.profile']) {
      const text = drafted(answers, section);
      // The request quotes the figure with its unit, so the sentence's 人 is not printed after it again.
      expect(text, section).toContain(`公司现有员工〔请补充：员工人数的准确数字（已答“${quoted}”）〕。`);
      expect(text, section).not.toMatch(/〕人/u);
      expect(text, section).not.toContain(said);
      expect(text.replace(/〔[^〕]*〕/gu, ''), section).not.toContain(String(value));
    }
  });

  it('an exact head count is stated once, in 企业简介, whether or not the R&D staff was given', () => {
    for (const extra of [{}, { 'form.rnd.staff': 36 }] as Answers[]) {
      const answers = { ...base, 'form.employees': 620, ...extra };
      expect(drafted(answers, 'enterpriseIntro')).toContain('公司现有员工620人。');
      // 企业简介 is its home (oneHome): 申报单位概况 does not say it again.
      expect(drafted(answers, 'overview.profile')).not.toContain('620');
      for (const section of ['enterpriseIntro', 'overview.profile']) expect(drafted(answers, section), section).not.toContain('员工的准确数字');
    }
  });
});

describe('a cell that says nothing is done yet, or points at another workshop', () => {
  const withWorkshops: Answers = {
    'form.workshopCount': 2,
    'form.ws.1.name': '下料车间',
    'form.ws.2.name': '总装车间',
    'form.cell.ws.logistics.1': 'AGV按MES工单配送物料，扫码出入库',
  };

  it.each(['还没搞。', '目前还没上', '这块还没弄呢', '暂时没做'])('%s is a none: nothing printed, recorded as denied', (said) => {
    const facts = formFactsFromAnswers(ctx, { 'form.cell.ws.dispatch': said });
    expect(facts.elements?.['ws.dispatch']).toBeUndefined();
    expect(facts.deniedCells?.map((d) => d.fact)).toEqual(['elements.ws.dispatch']);
  });

  it.each(['还没搞完，预计年底上线', '没搞错的话联网率90%', '还没上线的系统有APS'])('a reply that says more is kept as said: %s', (said) => {
    const facts = formFactsFromAnswers(ctx, { 'form.cell.ws.dispatch': said });
    expect(facts.elements?.['ws.dispatch']).toBe(said);
    expect(facts.deniedCells).toBeUndefined();
  });

  it.each(['跟下料车间一样', '与下料车间相同', '同一车间', '和1号车间的一样'])('%s takes that workshop\'s text', (said) => {
    const facts = formFactsFromAnswers(ctx, { ...withWorkshops, 'form.cell.ws.logistics.2': said });
    expect(facts.workshops?.[1]?.descriptions?.['ws.logistics']).toBe('AGV按MES工单配送物料，扫码出入库');
  });

  it.each(['跟机加工车间一样。', '与总装车间相同', '同三车间'])('%s names no other workshop with that cell: left for the cell\'s request', (said) => {
    const facts = formFactsFromAnswers(ctx, { ...withWorkshops, 'form.cell.ws.logistics.2': said });
    expect(facts.workshops?.[1]?.descriptions?.['ws.logistics']).toBeUndefined();
  });

  it('a workshop cell of 附件1 pointing at a workshop that is not applying is asked for, never printed', () => {
    const facts = formFactsFromAnswers(ctx, { 'form.ws.1.name': '总装车间', 'form.cell.ws.logistics': '跟机加工车间一样。' });
    expect(facts.elements?.['ws.logistics']).toBeUndefined();
    const text = draftSection(ctx, { enterprise: { name: '某公司' }, form: facts } as never, 'smartWorkshop', 'ws.logistics').text;
    expect(text).not.toContain('机加工车间');
  });

  it('a description that only mentions another workshop is kept', () => {
    const facts = formFactsFromAnswers(ctx, { ...withWorkshops, 'form.cell.ws.logistics.2': '跟下料车间一样用AGV配送，另有立体库' });
    expect(facts.workshops?.[1]?.descriptions?.['ws.logistics']).toBe('跟下料车间一样用AGV配送，另有立体库');
  });
});
