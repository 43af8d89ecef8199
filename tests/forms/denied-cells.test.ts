import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, splitSentences, type FormsContext } from '../../server/forms/draft';
import { applyFormAnswer, formPlan } from '../../server/forms/phase';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { DraftProfile } from '../../server/schemas/forms';
import type { Answers } from '../../server/schemas/interview';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';

/*
 * A system the enterprise denied in the interview is stated 「尚未应用…」 in 三: its narrative cell is not asked in the
 * form phase, and a cell text that later says it is in use corrects the interview's answer, so the draft states one
 * status. 一(一)'s 企业简介 and 二(一)'s 申报单位概况 never print the same claim sentence.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };

const FACTORY: Answers = {
  ...ELIGIBLE_NO_PRIORITY,
  'cat.scope': 'factory',
  'cat.productionMode': 'discrete',
  ...caps({ factoryNetwork: true, cadCae: true, pdm: false, lims: false, factoryDigitalModel: 'partial', scada: false, mes: true, erp: true }),
  'form.proceed': true,
};
const asked = (answers: Answers) => formPlan(ctx, answers, 'discreteFactory').map((c) => c.id);

describe('the form phase does not ask the narrative of a system the enterprise denied', () => {
  it('skips the PDM and LIMS cells after 没有, and asks the cells of systems it has or partly has', () => {
    const ids = asked(FACTORY);
    expect(ids).not.toContain('form.cell.rd.pdm');
    expect(ids).not.toContain('form.cell.rd.lims');
    expect(ids).toContain('form.cell.rd.cad');
    expect(ids, 'a system partly in place is asked about').toContain('form.cell.rd.model');
  });

  it('near misses are still asked: a cell with one system denied and another in place, a system being built, one not answered', () => {
    const ids = asked(FACTORY);
    expect(ids, 'SCADA 没有 but MES in place').toContain('form.cell.ws.dispatch.1');
    expect(asked({ ...FACTORY, 'cap.pdm': 'building' })).toContain('form.cell.rd.pdm');
    const { ['cap.lims']: _lims, ...unanswered } = FACTORY;
    expect(asked(unanswered)).toContain('form.cell.rd.lims');
  });
});

describe('a cell text that says a denied system is in use', () => {
  const stated = (answers: Answers) => {
    const { profile } = sessionDraftProfile(data, ctx, answers, '2023-06-20');
    return fillForm(ctx, profile, 'discreteFactory').drafts['detail.elements']!.text;
  };

  for (const said of ['PDM已上线，管理全部产品图纸和BOM', '产品数据管理系统已投入使用，图纸统一入库', '目前使用PLM管理设计数据'])
    it(`「${said}」 corrects the interview's 没有, so 三 states one status`, () => {
      const r = applyFormAnswer(ctx, FACTORY, 'form.cell.rd.pdm', said);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.answers['cap.pdm']).toBe(true);
      expect(r.recorded.map((x) => x.questionId), 'the correction is said back with the answer').toContain('cap.pdm');
      const text = stated(r.answers);
      expect(text, 'the cell text is stated').toContain(said.split('，')[0]!);
      expect(text).not.toContain('尚未应用产品数据管理系统（PDM）');
    });

  for (const said of ['计划明年上PDM，目前图纸靠共享盘', 'PDM暂未部署，图纸按版本号人工归档', '设计图纸用共享盘按项目归档'])
    it(`near miss 「${said}」 leaves the 没有 as answered`, () => {
      const r = applyFormAnswer(ctx, FACTORY, 'form.cell.rd.pdm', said);
      expect(r.ok && r.answers['cap.pdm']).toBe(false);
    });

  it('near miss: a text of another cell naming the system corrects nothing', () => {
    const r = applyFormAnswer(ctx, FACTORY, 'form.cell.mgmt', 'ERP已上线，PDM也在使用');
    expect(r.ok && r.answers['cap.pdm']).toBe(false);
  });
});

describe('一(一) 企业简介 and 二(一) 申报单位概况 are distinct', () => {
  const profile = (form: Record<string, unknown>) => DraftProfile.parse({ enterprise: { name: '洛阳某轴承有限公司' }, form: { name: '洛阳某轴承有限公司', ...form } });
  const sentences = (p: DraftProfile, id: string) => draftSection(ctx, p, 'discreteFactory', id).sentences.filter((s) => s.facts.length).map((s) => s.text);

  const CASES: Record<string, unknown>[] = [
    { foundedOn: '2006-03-01', registeredCapital: 8000, capitalNature: '民营', address: '洛阳市涧西区', history: '2012年建成二期厂房，2019年启动数字化改造。', business: '主要生产精密轴承', marketing: '产品出口欧洲十余个国家', employees: 650 },
    { foundedOn: '1998-07-01', history: '公司1998年由国营轴承厂改制设立，2016年迁入新厂区。', business: '风电轴承的研发、生产和销售', marketing: '与国内主要风机厂商长期合作' },
    { foundedOn: '2010-05-01', business: '从事汽车轮毂轴承制造', marketing: '配套国内多家主机厂', finance: { '2022': { revenue: 52000, profit: 3100, tax: 1800 } } },
  ];

  for (const [k, form] of CASES.entries())
    it(`case ${k + 1}: no claim sentence of the 简介 is printed again in 二(一), which keeps its 成立时间`, () => {
      const p = profile(form);
      const intro = new Set(sentences(p, 'enterpriseIntro'));
      const overview = sentences(p, 'overview.profile');
      expect(overview.filter((s) => intro.has(s))).toEqual([]);
      expect(overview.join(''), '二(一) names the founding date, as its hint asks').toContain(String(form.foundedOn).slice(0, 4));
      expect(intro.size).toBeGreaterThan(0);
      expect(overview.length).toBeGreaterThan(0);
    });

  it('the 简介 keeps the history, business and marketing its hint names', () => {
    const p = profile(CASES[0]!);
    const text = draftSection(ctx, p, 'discreteFactory', 'enterpriseIntro').text;
    for (const x of ['2012年建成二期厂房', '精密轴承', '出口欧洲']) expect(text).toContain(x);
    const overview = draftSection(ctx, p, 'discreteFactory', 'overview.profile').text;
    for (const x of ['注册资本8000万元', '民营', '650人']) expect(overview).toContain(x);
    expect(splitSentences(overview).some((s) => s.includes('2012年建成二期厂房'))).toBe(false);
  });
});
