import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { buildFormView } from '../../server/forms/form-view';
import type { Answers } from '../../server/schemas/interview';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';

/*
 * One system dated twice: 「2022年上的MES」 typed in the 发展历程 beside 「MES上了两年了」 said in the chat, which the draft
 * dates from the session's day. The draft would print both years; the disagreement is flagged beside the typed text,
 * in the form view as other values are, quoting both, and a system dated once, or two systems, are not.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const FACTORY: Answers = {
  ...ELIGIBLE_NO_PRIORITY,
  'ent.industryCode': 'C3443',
  'cat.scope': 'factory',
  'cat.productionMode': 'discrete',
  ...caps({ factoryNetwork: true, scada: true, erp: true, wms: true, mes: true }),
  'form.proceed': true,
  'form.name': '新乡市恒泰阀门有限公司',
  'form.workshopCount': 1,
};
const SESSION = '2023-06-20';

function flagged(answers: Answers, asOf = SESSION): { field: string; message: string }[] {
  const { profile } = sessionDraftProfile(data, ctx, { ...FACTORY, ...answers }, asOf);
  return fillForm(ctx, profile, 'discreteFactory').flags.filter((f) => f.message.includes('上线时间有两种说法'));
}

describe('a system\'s go-live year said twice', () => {
  it.each([
    // As reported: the history's year beside the chat's duration, dated from the session's day.
    [{ 'form.history': '公司2009年成立，2022年上的MES', 'detail.cap.mes': 'MES上了两年了' }, 'history', '制造执行系统（MES）', ['发展历程“2022年上的MES”（2022年）', '对话中的答复“MES上了两年了”（2021年）']],
    // New phrasings of the same meaning: a relative year in the chat, a cell's text, a year said in two places typed.
    [{ 'form.history': '2019年ERP投入使用', 'detail.cap.erp': 'ERP用了三年了' }, 'history', '企业资源计划系统（ERP）', ['“2019年ERP投入使用”（2019年）', '“ERP用了三年了”（2020年）']],
    [{ 'form.cell.mgmt': '仓库前年引进了WMS，扫码出入库', 'detail.cap.wms': '2022年上线的WMS' }, 'elements.mgmt', '仓储管理系统（WMS）', ['“仓库前年引进了WMS”（2021年）', '“2022年上线的WMS”（2022年）']],
    [{ 'form.history': '2018年上线了MES', 'form.advantages': '公司2020年建成MES，实现生产过程透明化' }, 'history', '制造执行系统（MES）', ['“2018年上线了MES”（2018年）', '“公司2020年建成MES”（2020年）']],
  ] as const)('%o is flagged on %s, quoting both years', (answers, field, system, quotes) => {
    const flags = flagged(answers);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.field).toBe(field);
    expect(flags[0]!.message).toContain(`${system}的上线时间有两种说法`);
    for (const q of quotes) expect(flags[0]!.message).toContain(q);
  });

  it('counts the chat\'s words from the session\'s day: said on 2026-12-07, 「上了两年了」 is 2024', () => {
    const [flag] = flagged({ 'form.history': '公司2009年成立，2022年上的MES', 'detail.cap.mes': 'MES上了两年了' }, '2026-12-07');
    expect(flag!.message).toContain('对话中的答复“MES上了两年了”（2024年）');
  });

  it('the form view shows the flag beside the typed history, as it shows other values\' flags', () => {
    const view = buildFormView(ctx, { ...FACTORY, 'form.history': '公司2009年成立，2022年上的MES', 'detail.cap.mes': 'MES上了两年了' }, 'discreteFactory', SESSION);
    const fields = view.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => ('fields' in r ? r.fields : [r]))));
    const history = fields.find((f) => 'key' in f && f.key === 'form.history') as { flags: { message: string }[] } | undefined;
    expect(history?.flags.map((f) => f.message).join('\n')).toContain('制造执行系统（MES）的上线时间有两种说法');
  });

  it.each([
    // Near misses: one year in both places, two systems with a year each, a year that is not the system going live.
    { 'form.history': '公司2009年成立，2021年上线了MES', 'detail.cap.mes': 'MES上了两年了' },
    { 'form.history': '2020年上了ERP，2022年上了MES', 'detail.cap.mes': 'MES覆盖两个车间' },
    { 'form.history': '2019年开始建设MES，2021年上线', 'detail.cap.mes': '2021年上线的' },
    { 'form.history': '2020年上线了MES，2022年MES升级到3.0版本', 'detail.cap.mes': 'MES上了三年了' },
  ])('near miss: %o is not flagged', (answers) => {
    expect(flagged(answers)).toEqual([]);
  });
});
