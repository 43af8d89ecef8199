import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { allFields } from '../../server/forms/spec';
import { buildFormView, checkFormValue } from '../../server/forms/form-view';
import { applyFormAnswer, formQuestions, markApproximate } from '../../server/forms/phase';
import { FormView, type FormViewField } from '../../server/schemas/form-view';
import type { Category } from '../../server/schemas/profile';
import { build, type Built } from '../helper';

const kb = loadKnowledgeData('knowledge', 'henan-2023');
const CATEGORIES: Category[] = ['smartWorkshop', 'discreteFactory', 'processFactory'];
/** A Henan code with a valid GB 32100-2015 check character. */
const CREDIT_CODE = '91410300MA9F3R1L6C';

const fieldsOf = (v: FormView): FormViewField[] => v.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields)));

describe('the form view of a 申报书', () => {
  for (const category of CATEGORIES)
    it(`${category}: shows every field of the form and every question of its form phase, each question once per cell it fills`, () => {
      const view = FormView.parse(buildFormView(kb, { 'form.workshopCount': 2 }, category));
      const fields = fieldsOf(view);
      const questionIds = new Set(fields.flatMap((f) => (f.questionId ? [f.questionId] : [])));
      const asked = formQuestions(kb, { 'form.workshopCount': 2 }, category).filter((c) => c.id !== 'form.proceed');
      // No fact of the form is out of reach of the form view.
      expect(asked.map((c) => c.id).filter((id) => !questionIds.has(id))).toEqual([]);
      // Keys are unique: they become element ids on the page.
      expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
      // The form's own labels are used for its cells (no wording of the view's own).
      const rows = view.sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
      const labels = new Set([...fields.map((f) => f.label), ...rows.flatMap((r) => (r.label ? [r.label] : []))]);
      const spec = kb.forms[category]!;
      // Statements (承诺, 推荐意见) are signed on paper and have nothing to fill.
      const statements = new Set(spec.section1.blocks.flatMap((b) => (b.type === 'statement' ? [b.id] : [])));
      const missing = allFields(spec).filter((f) => !statements.has(f.id) && !labels.has(f.label)).map((f) => `${f.id}: ${f.label}`);
      expect(missing).toEqual([]);
      expect(view.counts.empty).toBe(fields.filter((f) => f.questionId && f.status === 'empty').length);
    });

  it('marks each field filled, skipped, empty, computed or taken from the interview, and flags an inconsistent fact as invalid', () => {
    const answers = {
      'ent.industryCode': '35',
      'form.name': '测试机械有限公司',
      'form.contact.name': null,
      'form.finance.2022.totalAssets': 1000,
      'form.finance.2022.totalLiabilities': 400,
      'form.project.start': '2022-10',
      'form.project.end': '2020-03',
      'form.ind.headcount.before': 10,
      'form.ind.outputValue.before': 3000,
      'form.ind.workingDays': 300,
    };
    const fields = fieldsOf(buildFormView(kb, answers, 'discreteFactory'));
    const by = (key: string) => fields.find((f) => f.key === key)!;
    expect(by('form.name')).toMatchObject({ status: 'filled', value: '测试机械有限公司' });
    expect(by('form.contact.name')).toMatchObject({ status: 'skipped', value: null });
    expect(by('form.creditCode')).toMatchObject({ status: 'empty', input: 'text' });
    expect(by('form.industry')).toMatchObject({ status: 'filled', fromInterview: true, display: '专用设备制造业' });
    expect(by('finance.debtRatio.2022')).toMatchObject({ status: 'computed', display: '40.0' });
    expect(by('finance.debtRatio.2022').formula).toContain('400 ÷ 1000');
    expect(by('form.ind.productivity.before')).toMatchObject({ input: 'computed', display: '1.0000' });
    expect(by('form.project.end').status).toBe('invalid');
    expect(by('form.project.end').flags[0]!.message).toContain('早于');
  });

  for (const category of CATEGORIES)
    it(`${category}: prints beside each change ratio the formula of the figure its cell shows, for a fall and for a rise`, () => {
      // 不良品率 falls from 2.4 to 0.9, 运营成本 from 1200 to 1000; 生产效率 rises from 0.8 to 1.1.
      const answers = {
        'form.ind.defectRate.before': 2.4, 'form.ind.defectRate.after': 0.9,
        'form.ind.operatingCost.before': 1200, 'form.ind.operatingCost.after': 1000,
        'form.ind.productivity.before': 0.8, 'form.ind.productivity.after': 1.1,
      };
      const ratios = fieldsOf(buildFormView(kb, answers, category)).filter((f) => f.status === 'computed' && f.formula && /比例 = \(建设/.test(f.formula));
      expect(ratios.length, 'the form has change-ratio cells for these indicators').toBeGreaterThanOrEqual(2);
      for (const f of ratios) {
        const size = /= (\d+\.\d)%$/.exec(f.formula!)?.[1];
        expect(size, `${f.key}: the formula ends in a figure without a sign (${f.formula})`).toBeDefined();
        // The cell shows that figure, bare or with the direction in words (降低62.5).
        expect(f.display, `${f.key}: cell ${f.display} beside ${f.formula}`).toMatch(new RegExp(`^(提升|降低)?${size!.replace('.', '\\.')}$`));
        if (f.formula!.includes('(2.4 − 0.9) ÷ 2.4')) expect(size).toBe('62.5');
        expect(f.formula, 'a fall is never printed as a negative ratio').not.toMatch(/0\.9 − 2\.4|= -/);
      }
      const formulas = ratios.map((f) => f.formula!).join('\n');
      expect(formulas).toContain('降低比例 = (建设前 − 建设后) ÷ 建设前 × 100% = (2.4 − 0.9) ÷ 2.4 × 100% = 62.5%');
      expect(formulas).toContain('提升比例 = (建设后 − 建设前) ÷ 建设前 × 100% = (1.1 − 0.8) ÷ 0.8 × 100% = 37.5%');
    });

  it('shows a figure given round or as a range as awaiting confirmation, never as filled, and counts it apart', () => {
    // The chat keeps 「两百来人」 as 200 for the assessment and marks it; the signed form leaves it blank until the exact figure is given.
    const answers = markApproximate({ 'form.employees': 200, 'form.registeredCapital': 5000 }, 'form.employees', '两百来人');
    const view = buildFormView(kb, answers, 'discreteFactory');
    const by = (key: string) => fieldsOf(view).find((f) => f.key === key)!;
    // It shows the words typed, not the figure kept for the assessment, which the user could take for a checked one.
    expect(by('form.employees')).toMatchObject({ status: 'unconfirmed', value: 200, said: '两百来人', display: '两百来人' });
    expect(by('form.employees').flags.map((f) => f.message).join('')).toContain('两百来人');
    expect(by('form.registeredCapital').status).toBe('filled');
    expect(view.counts).toMatchObject({ filled: 1, unconfirmed: 1 });
    // A range is a round figure too.
    const range = buildFormView(kb, markApproximate({ 'form.finance.2022.revenue': 1500 }, 'form.finance.2022.revenue', '1500-2000万'), 'discreteFactory');
    expect(fieldsOf(range).find((f) => f.key === 'form.finance.2022.revenue')).toMatchObject({ status: 'unconfirmed', said: '1500-2000万' });
  });

  it('flags a cell stored as 「暂无」 or 「无」 where the interview answered that the enterprise has what the cell asks about', () => {
    // Stored from a document or typed in the form: the cell says none, the interview said yes; both cannot be signed.
    const answers = { 'cap.pdm': true, 'cap.mes': 'partial', 'form.cell.rd.pdm': '暂无', 'form.cell.rd.lims': '无' } as const;
    const fields = fieldsOf(buildFormView(kb, answers, 'discreteFactory'));
    const pdm = fields.find((f) => f.questionId === 'form.cell.rd.pdm')!;
    expect(pdm.flags.map((f) => f.message).join('')).toMatch(/“暂无”，与评估问答中“产品数据管理系统（PDM）”的回答（已具备）不一致/);
    // Flagged, it awaits the user's choice of which answer stands: not shown as finished.
    expect(pdm.status).toBe('unconfirmed');
    // The interview did not answer LIMS: nothing to contradict.
    expect(fields.find((f) => f.questionId === 'form.cell.rd.lims')!.flags).toEqual([]);
    // A workshop's own cell too, with the partly built answer named as such.
    const ws = fieldsOf(buildFormView(kb, { 'cap.mes': 'partial', 'form.cell.ws.dispatch': '没有。' }, 'smartWorkshop')).find((f) => f.questionId === 'form.cell.ws.dispatch')!;
    expect(ws.flags.map((f) => f.message).join('')).toMatch(/“没有。”，与评估问答中.*制造执行系统（MES）.*（部分具备）不一致/);
    // Saved from the form view, the chat hears the flag at once.
    const saved = applyFormAnswer(kb, { 'cap.pdm': true }, 'form.cell.rd.pdm', '暂无');
    expect(saved.ok && saved.newlyBlocking.map((b) => b.reason).join('')).toContain('产品数据管理系统（PDM）');
    // A cell that says none where the interview said none too is consistent.
    expect(fieldsOf(buildFormView(kb, { 'cap.pdm': false, 'form.cell.rd.pdm': '暂无' }, 'discreteFactory')).find((f) => f.questionId === 'form.cell.rd.pdm')).toMatchObject({ flags: [], status: 'filled' });
  });

  describe('a cell text that states a capability in part', () => {
    const flagsOf = (answer: boolean | 'partial', text: string) =>
      fieldsOf(buildFormView(kb, { 'cap.securityProtection': answer, 'form.workshopCount': 1, 'form.cell.ws.infra': text }, 'smartWorkshop'))
        .find((f) => f.questionId === 'form.cell.ws.infra')!
        .flags.map((f) => f.message);
    // Some measures in place and one missing is what 部分具备 says: no contradiction.
    for (const said of [
      '装了工业防火墙和网闸，入侵检测还没上',
      '防火墙和网闸已部署但入侵检测还没上',
      '上了防火墙，安全审计暂未开展',
      '部分车间还没装防火墙',
    ])
      it(`「${said}」 agrees with 部分具备`, () => expect(flagsOf('partial', said)).toEqual([]));
    // Near misses: a text that says nothing of it in place denies the part the answer claims; a missing part denies 已具备.
    it('a text that says only what is missing is still flagged against 部分具备', () => {
      expect(flagsOf('partial', '入侵检测还没上').join('')).toContain('“入侵检测还没上”，与评估问答中“工业信息安全技术防护体系”的回答（部分具备）不一致');
    });
    it('the missing part is still flagged against 已具备, and the part in place against 尚未具备', () => {
      expect(flagsOf(true, '装了工业防火墙和网闸，入侵检测还没上').join('')).toContain('“入侵检测还没上”，与评估问答中“工业信息安全技术防护体系”的回答（已具备）不一致');
      expect(flagsOf(false, '装了工业防火墙和网闸，入侵检测还没上').join('')).toContain('“装了工业防火墙和网闸”，与评估问答中“工业信息安全技术防护体系”的回答（尚未具备）不一致');
    });
  });

  it('reads a typed value with the chat’s reader and checks it with the rules that store it', () => {
    const check = (id: string, text: string) => checkFormValue(kb, {}, 'discreteFactory', id, text);
    expect(check('form.registeredCapital', '1.2亿')).toEqual({ ok: true, value: 12000, display: '12000万元' });
    expect(check('form.foundedOn', '2009年5月18日')).toMatchObject({ ok: true, value: '2009-05-18' });
    expect(check('form.creditCode', CREDIT_CODE.toLowerCase())).toMatchObject({ ok: true, value: CREDIT_CODE });
    expect(check('form.creditCode', '91410300MA9F3R1L6X')).toMatchObject({ ok: false, error: expect.stringContaining('校验位') });
    expect(check('form.foundedOn', '2023-02-30')).toMatchObject({ ok: false, error: expect.stringContaining('真实日期') });
    expect(check('form.registeredCapital', '-5')).toMatchObject({ ok: false, error: expect.stringContaining('不能为负数') });
    expect(check('form.ind.defectRate.before', '120')).toMatchObject({ ok: false, error: expect.stringContaining('不能大于 100') });
    expect(check('form.products', '数控机床 60%；夹具 70%')).toMatchObject({ ok: false, error: expect.stringContaining('100%') });
    expect(check('form.address', '某'.repeat(121))).toMatchObject({ ok: false, error: expect.stringContaining('不超过 120') });
    // Clearing an answer skips it.
    expect(check('form.address', '  ')).toMatchObject({ ok: true, value: null });
    expect(check('ent.name', 'x')).toMatchObject({ ok: false });
  });
});

describe('form view routes', () => {
  let b: Built;
  let session: { sessionId: string; auth: { authorization: string } };
  beforeAll(async () => {
    b = await build();
    const r = (await b.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    await b.app.store.setAnswers(r.sessionId, { 'form.name': '郑州示例机械有限公司', 'form.registeredCapital': 5000 });
    session = { sessionId: r.sessionId, auth: { authorization: `Bearer ${r.token}` } };
  });
  afterAll(async () => {
    await b.close();
  });

  it('gives the form with the session’s answers, only with the session’s token', async () => {
    const url = `/api/sessions/${session.sessionId}/form?category=discreteFactory`;
    // Without the token or with a wrong one, the session is not found: its existence is not revealed.
    expect((await b.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await b.app.inject({ method: 'GET', url, headers: { authorization: 'Bearer nope' } })).statusCode).toBe(404);
    const r = await b.app.inject({ method: 'GET', url, headers: session.auth });
    expect(r.statusCode).toBe(200);
    const view = FormView.parse(r.json());
    expect(view.attachment).toBe('附件2');
    expect(fieldsOf(view).find((f) => f.key === 'form.registeredCapital')).toMatchObject({ status: 'filled', value: 5000 });
  });

  it('checks a typed value without storing it', async () => {
    const url = `/api/sessions/${session.sessionId}/form/check`;
    const bad = await b.app.inject({ method: 'POST', url, headers: session.auth, payload: { questionId: 'form.creditCode', text: '123', category: 'discreteFactory' } });
    expect(bad.json()).toMatchObject({ ok: false });
    const ok = await b.app.inject({ method: 'POST', url, headers: session.auth, payload: { questionId: 'form.employees', text: '两百人', category: 'discreteFactory' } });
    expect(ok.json()).toEqual({ ok: true, value: 200, display: '200人' });
    expect(await b.app.store.getAnswers(session.sessionId)).not.toHaveProperty(['form.employees']);
    const extra = await b.app.inject({ method: 'POST', url, headers: session.auth, payload: { questionId: 'form.employees', text: '1', store: true } });
    expect(extra.statusCode).toBe(400);
  });
});

describe("a workshop's heading in the form view", () => {
  const titles = (answers: Record<string, unknown>, category: Category = 'discreteFactory') =>
    FormView.parse(buildFormView(kb, answers as never, category))
      .sections.flatMap((s) => s.groups.map((g) => g.title ?? ''))
      .filter((t) => /^车间\d/.test(t));

  it.each([
    [{ 'form.ws.1.name': '钢窗加工车间' }, 'discreteFactory', ['车间1：钢窗加工车间']],
    [{ 'form.workshopCount': 2, 'form.ws.1.name': '冲压车间', 'form.ws.2.name': '总装车间' }, 'discreteFactory', ['车间1：冲压车间', '车间2：总装车间']],
    [{ 'form.workshopCount': 2, 'form.ws.2.name': '  灌装车间 ' }, 'processFactory', ['车间1：（名称）', '车间2：灌装车间']],
  ] as const)('says the name once given, the placeholder only while it is not (%j)', (answers, category, expected) => {
    expect(titles(answers, category)).toEqual(expected);
  });

  it.each([[{}], [{ 'form.ws.1.name': null }], [{ 'form.ws.1.name': '   ' }]])('near miss: no name, a skipped one or a blank keeps the placeholder (%j)', (answers) => {
    expect(titles(answers)).toEqual(['车间1：（名称）']);
  });
});
