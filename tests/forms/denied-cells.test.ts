import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { applyFormAnswer, formPlan } from '../../server/forms/phase';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import type { Answers } from '../../server/schemas/interview';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';

/*
 * A system the enterprise denied in the interview is left to it with a request in 三: its narrative cell is not asked in the
 * form phase, and a cell text that later says it is in use corrects the interview's answer, so the draft states one
 * status.
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
