import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { applyFormAnswer, describeForm, formFactsFromAnswers, formRemaining, interpretForm, parseDate, parseProducts, planForm, type Answers } from '../../server/forms/phase';
import { creditCodeCheckChar } from '../../server/forms/creditCode';

const kb = loadKnowledgeData('knowledge', 'henan-2023');
const henanCode = '91411000MA45K7QX2' + creditCodeCheckChar('91411000MA45K7QX2');
const beijingCode = '91110108MA01ABCDE' + creditCodeCheckChar('91110108MA01ABCDE');

/** The enterprise chose to go on to the form at the gate after the verdict. */
const GOING_ON: Answers = { 'form.proceed': 'now' };

function answerAll(category: 'discreteFactory' | 'smartWorkshop', pick: (id: string) => unknown): { answers: Answers; asked: string[] } {
  let answers: Answers = { ...GOING_ON };
  const asked: string[] = [];
  for (let guard = 0; guard < 500; guard++) {
    const { question } = planForm(kb, answers, category);
    if (!question) break;
    asked.push(question.id);
    const r = applyFormAnswer(kb, answers, question.id, pick(question.id) as never);
    if (!r.ok) throw new Error(`${question.id}: ${r.error}`);
    answers = r.answers;
  }
  return { answers, asked };
}

describe('form phase planner', () => {
  it('counts the form questions still to come, shown while assessing, as planning the form counts them, by every interview answer the form reads', () => {
    const interviewMaps: Answers[] = [
      {},
      { 'ent.industryCode': '36' },
      { 'ent.independentLegalPerson': false },
      { 'ent.independentLegalPerson': true, 'ent.foundedYear': 2015 },
      { 'ent.independentLegalPerson': false, 'ent.industryCode': '26', 'ent.foundedYear': '2015年', 'cat.scope': 'factory' },
    ];
    const withForm: Answers[] = [{ 'ent.independentLegalPerson': false, 'form.workshopCount': 3 }, { ...GOING_ON, 'form.foundedOn': '2019-03-01' }];
    const count = (a: Answers, c: 'smartWorkshop' | 'discreteFactory' | 'processFactory') => planForm(kb, a, c).progress.remaining;
    // Twice over, so the second pass reads what the first remembered; each map unsealed and sealed.
    for (let pass = 0; pass < 2; pass++)
      for (const a of [...interviewMaps, ...withForm])
        for (const c of ['smartWorkshop', 'discreteFactory', 'processFactory'] as const) {
          expect(formRemaining(kb, a, c), `${c} ${JSON.stringify(a)}`).toBe(count(a, c));
          expect(formRemaining(kb, Object.freeze({ ...a }), c)).toBe(count(a, c));
        }
    // The answers it is remembered by do change it: a 分公司 has no 注册资本 of its own to ask, the industry is known from its code.
    expect(formRemaining(kb, { 'ent.independentLegalPerson': false }, 'discreteFactory')).toBeLessThan(formRemaining(kb, {}, 'discreteFactory'));
    expect(formRemaining(kb, { 'ent.industryCode': '36' }, 'discreteFactory')).toBeLessThan(formRemaining(kb, {}, 'discreteFactory'));
    expect(formRemaining(kb, { 'form.workshopCount': 3 }, 'discreteFactory')).toBeGreaterThan(formRemaining(kb, {}, 'discreteFactory'));
  });

  it('labels a recorded answer with its question\'s words, without the question\'s own full stop or question mark', () => {
    // Questions worded as a request end in 。; a label followed by 「：已跳过」 must not read 「。：」.
    const ids = kb.formQuestions.questions.filter((q) => !q.id.includes('{')).map((q) => q.id);
    const answers: Answers = Object.fromEntries(ids.map((id) => [id, null]));
    const labels = describeForm(kb, answers, 'discreteFactory').map((r) => r.label);
    expect(labels.length).toBeGreaterThan(10);
    for (const l of labels) expect(l, l).not.toMatch(/[。？?.；;：:，,]$/);
    expect(labels).toContain('18位统一社会信用代码');
  });

  it("cites the chosen form's own clause, so a 智能车间 applicant is never pointed at the factory form", () => {
    const clauses = (['smartWorkshop', 'discreteFactory', 'processFactory'] as const).map((c) => planForm(kb, GOING_ON, c).question?.clause);
    expect(clauses).toEqual(['附件1.一(一)', '附件2.一(一)', '附件3.一(一)']);
  });

  it('asks only form.* questions with the form phase and lets every one be skipped', () => {
    const { answers, asked } = answerAll('discreteFactory', () => null);
    expect(asked.length).toBeGreaterThan(40);
    expect(asked.every((id) => id.startsWith('form.'))).toBe(true);
    expect(new Set(asked).size).toBe(asked.length);
    expect(planForm(kb, answers, 'discreteFactory')).toMatchObject({ question: null, progress: { phase: 'done', remaining: 0 } });
    expect(formFactsFromAnswers(kb, answers)).toEqual({});
  });

  it('first asks whether to go on to the form, and stops there when the answer is 以后再填', () => {
    expect(planForm(kb, {}, 'smartWorkshop').question).toMatchObject({ id: 'form.proceed', kind: 'choice' });
    expect(planForm(kb, { 'form.proceed': 'later' }, 'smartWorkshop')).toMatchObject({ question: null, progress: { phase: 'done', remaining: 0 } });
    expect(planForm(kb, { 'form.proceed': null }, 'smartWorkshop').question).toBeNull();
    expect(interpretForm(kb, '先不填了，以后再说', planForm(kb, {}, 'smartWorkshop').question)).toEqual({ kind: 'answers', items: [{ questionId: 'form.proceed', value: 'later' }] });
    expect(interpretForm(kb, '好的，继续', planForm(kb, {}, 'smartWorkshop').question)).toEqual({ kind: 'answers', items: [{ questionId: 'form.proceed', value: 'now' }] });
  });

  it('reads a plain yes to the gate as going on and a plain no as later, as the interview reads a yes or no', () => {
    const gate = planForm(kb, {}, 'smartWorkshop').question;
    const picks = (t: string) => interpretForm(kb, t, gate);
    for (const t of ['有', '有的', '有！', '对', '对的呀', '是的', 'OK']) expect(picks(t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.proceed', value: 'now' }] });
    for (const t of ['不', '否', '没有', '还没有', '不了']) expect(picks(t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.proceed', value: 'later' }] });
    // More than an answer word is no plain yes: 「有点忙」 is asked back, never taken as going on.
    expect(picks('有点忙')).toMatchObject({ kind: 'unclear' });
    // 「可以」 opens questions (可以…吗), but alone it is a yes.
    for (const t of ['可以', '可以的', '可以！']) expect(picks(t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.proceed', value: 'now' }] });
    expect(picks('可以以后再填吗')).toEqual({ kind: 'question' });
  });

  it('reads Henan 「中」 as the whole reply to the gate as going on, and 「中午」 or 「中不中？」 not', () => {
    const gate = planForm(kb, {}, 'smartWorkshop').question;
    for (const t of ['中', '中！', '中嘞']) expect(interpretForm(kb, t, gate), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.proceed', value: 'now' }] });
    for (const t of ['中午', '中不中？']) expect(interpretForm(kb, t, gate), t).not.toEqual({ kind: 'answers', items: [{ questionId: 'form.proceed', value: 'now' }] });
  });

  it('starts with the name and marks questions optional, in the form phase', () => {
    const { question, progress } = planForm(kb, GOING_ON, 'smartWorkshop');
    expect(question).toMatchObject({ id: 'form.name', phase: 'form', optional: true });
    expect(progress).toMatchObject({ answered: 1, phase: 'form' }); // the gate's answer
  });

  it('repeats the workshop questions for the number of workshops a factory names', () => {
    const r = applyFormAnswer(kb, GOING_ON, 'form.workshopCount', 2);
    expect(r.ok).toBe(true);
    const ids: string[] = [];
    let answers = (r as { answers: Answers }).answers;
    for (let q = planForm(kb, answers, 'discreteFactory').question; q; q = planForm(kb, answers, 'discreteFactory').question) {
      ids.push(q.id);
      answers = { ...answers, [q.id]: null };
    }
    expect(ids).toEqual(expect.arrayContaining(['form.ws.1.name', 'form.ws.2.name', 'form.cell.ws.dispatch.2', 'form.cell.rd.pdm']));
    expect(ids).not.toContain('form.ws.3.name');
    expect(ids.filter((i) => i === 'form.workshopCount')).toEqual([]);
  });

  it('asks for the workshop form only the single workshop and no factory indicators', () => {
    const { asked } = answerAll('smartWorkshop', () => null);
    expect(asked).toContain('form.ws.1.name');
    expect(asked).not.toContain('form.ws.2.name');
    expect(asked).not.toContain('form.workshopCount');
    expect(asked).not.toContain('form.ind.operatingCost.before');
    expect(asked).toContain('form.cell.ws.batch');
  });

  it('turns answers into form facts: products with shares, lists, finance, workshop descriptions', () => {
    let answers: Answers = {};
    const give = (id: string, v: unknown) => {
      const r = applyFormAnswer(kb, answers, id, v as never);
      if (!r.ok) throw new Error(r.error);
      answers = r.answers;
    };
    give('form.name', '洛阳恒宇轴承有限公司');
    give('form.products', '风电主轴轴承 58%；精密机床轴承（33%）');
    give('form.honours', '河南省专精特新中小企业、国家高新技术企业');
    give('form.finance.2022.revenue', 86000);
    give('form.ws.1.lines', '套圈磨削线；滚子磨削线');
    give('form.cell.rd.pdm', '应用PDM管理图纸和BOM。');
    give('form.cell.ws.infra.1', '车间部署工业以太网。');
    const f = formFactsFromAnswers(kb, answers);
    expect(f).toMatchObject({
      name: '洛阳恒宇轴承有限公司',
      products: [{ name: '风电主轴轴承', share: 58 }, { name: '精密机床轴承', share: 33 }],
      honours: ['河南省专精特新中小企业', '国家高新技术企业'],
      finance: { '2022': { revenue: 86000 } },
      workshops: [{ lines: ['套圈磨削线', '滚子磨削线'], descriptions: { 'ws.infra': '车间部署工业以太网。' } }],
      elements: { 'rd.pdm': '应用PDM管理图纸和BOM。' },
    });
  });
});

describe('form answer validation', () => {
  const bad: [string, unknown, RegExp][] = [
    ['form.creditCode', henanCode.slice(0, 17) + (henanCode[17] === '1' ? '2' : '1'), /校验位不符/],
    ['form.creditCode', '123', /18位/],
    ['form.foundedOn', '2021-02-30', /真实日期/],
    ['form.registeredCapital', -100, /不能为负数/],
    ['form.finance.2021.totalAssets', -1, /不能为负数/],
    ['form.employees', 12.5, /非负整数/],
    ['form.contact.email', 'not-an-email', /电子邮箱/],
    ['form.name', 42, /文字回答/],
    ['form.nope', 'x', /未知的问题/],
  ];
  it.each(bad)('rejects %s = %j with a message naming the problem', (id, value, msg) => {
    const r = applyFormAnswer(kb, {}, id, value as never);
    expect(r.ok).toBe(false);
    expect((r as { error: string }).error).toMatch(msg);
  });

  it('accepts a valid Henan code, normalising case and spaces', () => {
    const r = applyFormAnswer(kb, {}, 'form.creditCode', ` ${henanCode.toLowerCase()} `);
    expect(r).toMatchObject({ ok: true, newlyBlocking: [] });
    expect((r as { answers: Answers }).answers['form.creditCode']).toBe(henanCode);
  });

  it('records a valid code from outside Henan but flags it against clause 二(一)', () => {
    const r = applyFormAnswer(kb, {}, 'form.creditCode', beijingCode);
    expect(r.ok).toBe(true);
    expect((r as { newlyBlocking: { clause: string; reason: string }[] }).newlyBlocking[0]).toMatchObject({ clause: '二(一)', reason: expect.stringMatching(/不以41开头/) });
  });

  it('flags 总负债 greater than 总资产 when the second figure arrives', () => {
    const a = applyFormAnswer(kb, {}, 'form.finance.2022.totalAssets', 1000);
    const b = applyFormAnswer(kb, (a as { answers: Answers }).answers, 'form.finance.2022.totalLiabilities', 1500);
    expect((b as { newlyBlocking: { reason: string }[] }).newlyBlocking[0]!.reason).toMatch(/总负债.*大于总资产/);
  });

  it('lets a skipped question be filled in later', () => {
    const a = applyFormAnswer(kb, {}, 'form.address', null);
    const b = applyFormAnswer(kb, (a as { answers: Answers }).answers, 'form.address', '郑州市金水区');
    expect(formFactsFromAnswers(kb, (b as { answers: Answers }).answers).address).toBe('郑州市金水区');
  });
});

describe('typed answers in the form phase', () => {
  const pending = (id: string) => planForm(kb, {}, 'discreteFactory').question && { id, text: '', kind: 'text' as const, phase: 'form' as const };
  const cases: [string, string, unknown][] = [
    ['form.registeredCapital', '1.2亿元', 12000],
    ['form.registeredCapital', '3000万', 3000],
    ['form.registeredCapital', '500000元', 50],
    ['form.employees', '620人', 620],
    ['form.foundedOn', '2009年5月18日', '2009-05-18'],
    ['form.project.start', '2020.3', '2020-03'],
    ['form.address', '许昌市建安大道', '许昌市建安大道'],
    ['form.address', '跳过', null],
  ];
  it.each(cases)('reads %s from %j as %j', (id, text, value) => {
    expect(interpretForm(kb, text, pending(id))).toEqual({ kind: 'answers', items: [{ questionId: id, value }] });
  });

  it('keeps the value, not the words that restate its field (「联系人是王建国」, 「单位地址：…」, 「是民营」)', () => {
    const read = (id: string, text: string) => interpretForm(kb, text, pending(id));
    expect(read('form.contact.name', '联系人是王建国')).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.name', value: '王建国' }] });
    expect(read('form.address', '单位地址：许昌市建安大道')).toEqual({ kind: 'answers', items: [{ questionId: 'form.address', value: '许昌市建安大道' }] });
    expect(read('form.capitalNature', '是民营')).toEqual({ kind: 'answers', items: [{ questionId: 'form.capitalNature', value: '民营' }] });
    // Words before 是 that are not the field's own stay: they are the value.
    for (const name of ['河南是非科技有限公司', '为民机械有限公司']) expect(read('form.name', name)).toEqual({ kind: 'answers', items: [{ questionId: 'form.name', value: name }] });
  });

  it('fills a person\'s title and numbers given with the name, each in its own field, and asks back a piece it cannot place', () => {
    const read = (id: string, text: string) => interpretForm(kb, text, pending(id));
    expect(read('form.contact.name', '王建国 办公室主任 0395-1234567 13803950000')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.contact.name', value: '王建国' },
      { questionId: 'form.contact.title', value: '办公室主任', extra: true },
      { questionId: 'form.contact.phone', value: '0395-1234567', extra: true },
      { questionId: 'form.contact.mobile', value: '13803950000', extra: true },
    ] });
    // The leader has no mobile field: a mobile goes to the leader's phone.
    expect(read('form.leader.name', '张三丰，董事长兼总经理，13903710000')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.leader.name', value: '张三丰' },
      { questionId: 'form.leader.title', value: '董事长兼总经理', extra: true },
      { questionId: 'form.leader.phone', value: '13903710000', extra: true },
    ] });
    expect(read('form.contact.name', '王建国 很忙')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
  });

  it('takes a name only when it reads as one, and asks back a reply that names no one', () => {
    const read = (id: string, text: string) => interpretForm(kb, text, pending(id));
    const name = (id: string, value: string) => ({ kind: 'answers', items: [{ questionId: id, value }] });
    for (const text of ['联系人很忙', '他很忙', '我自己', '回头再说', '人不在']) {
      expect(read('form.contact.name', text), text).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    }
    expect(read('form.leader.name', '老板出差了')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    expect(read('form.contact.name', '张伟')).toEqual(name('form.contact.name', '张伟'));
    expect(read('form.contact.name', '欧阳娜娜')).toEqual(name('form.contact.name', '欧阳娜娜'));
    expect(read('form.contact.name', '联系人是刘思远')).toEqual(name('form.contact.name', '刘思远'));
    expect(read('form.leader.name', '阿依古丽·买买提')).toEqual(name('form.leader.name', '阿依古丽·买买提'));
  });

  it('takes real names with rarer surnames, a bracketed title, Latin letters, another dot, or a long transliteration', () => {
    const read = (id: string, text: string) => interpretForm(kb, text, pending(id));
    const name = (id: string, value: string) => ({ kind: 'answers', items: [{ questionId: id, value }] });
    for (const text of ['傅强', '阎红', '萧峰', '缑俊杰', '苌红', '訾学军', '买红伟', '郇建', '弓长林', '禚立', '郏东民', '周一围', '高兴华']) {
      expect(read('form.contact.name', text), text).toEqual(name('form.contact.name', text));
    }
    for (const text of ['David Wang', "Mary-Ann O'Neil", '阿不都热合曼', '扎西顿珠']) expect(read('form.leader.name', text), text).toEqual(name('form.leader.name', text));
    // The dot typed for 「·」 is stored as 「·」, so one name is written one way.
    for (const text of ['买买提•吐尔逊', '买买提・吐尔逊']) expect(read('form.contact.name', text), text).toEqual(name('form.contact.name', '买买提·吐尔逊'));
    for (const text of ['王建国（办公室主任）', '王建国(办公室主任)']) {
      expect(read('form.contact.name', text), text).toEqual({ kind: 'answers', items: [
        { questionId: 'form.contact.name', value: '王建国' },
        { questionId: 'form.contact.title', value: '办公室主任', extra: true },
      ] });
    }
    expect(read('form.contact.name', '傅强，13837112345')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.contact.name', value: '傅强' },
      { questionId: 'form.contact.mobile', value: '13837112345', extra: true },
    ] });
    expect(read('form.contact.name', '傅强 办公室主任')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.contact.name', value: '傅强' },
      { questionId: 'form.contact.title', value: '办公室主任', extra: true },
    ] });
  });

  it('asks back a word or a title that merely opens with a surname, a long sentence, and an English phrase', () => {
    const read = (id: string, text: string) => interpretForm(kb, text, pending(id));
    for (const text of ['马上发你', '马上', '周一再说', '周末', '董事长', '总经理', '钱不够', '高兴', '常常', '向来', '明天吧', '金额未定', '王建国明天给你发', 'send it later', 'Hello there']) {
      expect(read('form.contact.name', text), text).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    }
    expect(read('form.leader.name', '董事长')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    // A surname and a form of address is how one speaks of the person, not the name a signed form carries: the full name
    // is asked for, with the surname kept and the post the title stands for offered; no given name is made up.
    for (const [text, surname, post] of [['王主任', '王', '主任'], ['孙科长', '孙', '科长'], ['陈经理', '陈', '经理']] as const) {
      const r = read('form.contact.name', text);
      expect(r, text).toMatchObject({ kind: 'unclear', reason: 'wrongKind', field: '联系人姓名' });
      const choices = (r as { choices: string[] }).choices;
      expect(choices[0], text).toBe(text);
      expect(choices[2], text).toContain(`写全名，如${surname}××`);
      expect(choices[2], text).toContain(`职务如是${post}`);
    }
    // Each word listed as no name opens with a surname: one that does not is never reached.
    const v = kb.formQuestions.vocabulary;
    for (const w of v.notNames) expect(v.surnames.some((s) => w.startsWith(s)), w).toBe(true);
  });

  it('reads "没有" to a count question as zero but to a text question as a skip', () => {
    const count = { id: 'form.patents.invention', text: '其中发明专利多少项？', kind: 'number' as const, phase: 'form' as const };
    expect(interpretForm(kb, '没有', count)).toEqual({ kind: 'answers', items: [{ questionId: 'form.patents.invention', value: 0 }] });
    expect(interpretForm(kb, '没有', pending('form.honours'))).toEqual({ kind: 'answers', items: [{ questionId: 'form.honours', value: null }] });
  });

  it('recognises a question instead of an answer, and an unreadable date', () => {
    expect(interpretForm(kb, '资产负债率怎么算？', pending('form.finance.2022.totalAssets'))).toEqual({ kind: 'question' });
    expect(interpretForm(kb, '很早以前', pending('form.foundedOn'))).toEqual({ kind: 'unclear' });
  });

  it('reads amounts, counts and percentages the way the interview reads them: one interpreter', () => {
    const read = (id: string, text: string) => interpretForm(kb, text, { id, text: '', kind: 'number', phase: 'form' });
    const value = (id: string, text: string) => { const r = read(id, text); return r.kind === 'answers' ? r.items[0]!.value : r.kind; };
    expect(value('form.registeredCapital', '约1,200万元')).toBe(1200);
    expect(value('form.registeredCapital', '1.2亿')).toBe(12000);
    expect(value('form.registeredCapital', '1.2亿元')).toBe(12000);
    expect(value('form.registeredCapital', '3000万')).toBe(3000);
    expect(value('form.employees', '两百人')).toBe(200);
    expect(value('form.employees', '大约两百人')).toBe(200);
    expect(value('form.ind.defectRate.before', '约85%')).toBe(85);
    expect(value('form.finance.2022.profit', '亏损300万元')).toBe(-300);
    expect(value('form.ws.1.equipmentTotal', '一百二十台套')).toBe(120);
    // A figure in another unit is not taken for this one: asked back with the unit instead.
    expect(value('form.registeredCapital', '两百人')).toBe('unclear');
  });

  it('reads financial numerals, fillers and 亿 with 万, and marks round figures for checking', () => {
    const read = (id: string, text: string) => interpretForm(kb, text, { id, text: '', kind: 'number', phase: 'form' });
    expect(read('form.registeredCapital', '伍仟万元')).toEqual({ kind: 'answers', items: [{ questionId: 'form.registeredCapital', value: 5000 }] });
    expect(read('form.registeredCapital', '一亿两千万')).toEqual({ kind: 'answers', items: [{ questionId: 'form.registeredCapital', value: 12000 }] });
    expect(read('form.employees', '两百来人')).toEqual({ kind: 'answers', items: [{ questionId: 'form.employees', value: 200, approx: true }] });
    expect(read('form.employees', '员工800余人')).toEqual({ kind: 'answers', items: [{ questionId: 'form.employees', value: 800, approx: true, said: '800余人' }] });
    expect(read('form.finance.2022.tax', '交了两千多万的税')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2022.tax', value: 2000, approx: true }] });
    expect(read('form.registeredCapital', '约1,200万元')).toEqual({ kind: 'answers', items: [{ questionId: 'form.registeredCapital', value: 1200, approx: true }] });
  });

  it('reads dates written in Chinese numerals, with 号, or with a two-digit year', () => {
    expect(parseDate('二〇一一年四月二十日')).toBe('2011-04-20');
    expect(parseDate('11年4月20号')).toBe('2011-04-20');
    expect(parseDate('98年12月')).toBe('1998-12');
    expect(parseDate('2020年十二月')).toBe('2020-12');
  });

  it('parses helpers consistently', () => {
    expect(parseDate('2021年2月30日')).toBeUndefined();
    expect(parseProducts('制动盘 60%；轮毂')).toEqual([{ name: '制动盘', share: 60 }, { name: '轮毂' }]);
    // A comma between a product and its share does not make the share a product of its own.
    expect(parseProducts('无刷直流电机，占71.3%；步进电机')).toEqual([{ name: '无刷直流电机', share: 71.3 }, { name: '步进电机' }]);
    expect(parseProducts('无刷直流电机，71.3%，步进电机，20%')).toEqual([{ name: '无刷直流电机', share: 71.3 }, { name: '步进电机', share: 20 }]);
    expect(parseProducts('制动盘 60%，轮毂 30%')).toEqual([{ name: '制动盘', share: 60 }, { name: '轮毂', share: 30 }]);
    expect(parseProducts('甲醇 47.5%、二甲醚 38%')).toEqual([{ name: '甲醇', share: 47.5 }, { name: '二甲醚', share: 38 }]);
    expect(parseProducts('1,4-丁二醇，占40%，四氢呋喃，约占20%')).toEqual([{ name: '1,4-丁二醇', share: 40 }, { name: '四氢呋喃', share: 20, approx: true }]);
    // A hedge before a share (差不多, 大致, 超过, 不到) belongs to the share: it is no product of its own.
    expect(parseProducts('金红石型钛白粉，差不多占九成')).toEqual([{ name: '金红石型钛白粉', share: 90, approx: true }]);
    expect(parseProducts('钛白粉 大致占八成、硫酸亚铁')).toEqual([{ name: '钛白粉', share: 80, approx: true }, { name: '硫酸亚铁' }]);
    expect(parseProducts('主要是齿轮，超过六成')).toEqual([{ name: '齿轮', share: 60, approx: true }]);
    // A name that starts with a hedge word keeps it.
    expect(parseProducts('差不多品牌服装，占一成')).toEqual([{ name: '差不多品牌服装', share: 10 }]);
  });
});

describe('credit code against the registration answer', () => {
  it('flags a Henan division code when the enterprise said it is not registered in Henan', () => {
    const r = applyFormAnswer(kb, { 'ent.registeredInHenan': false }, 'form.creditCode', henanCode);
    expect((r as { newlyBlocking: { reason: string }[] }).newlyBlocking[0]!.reason).toMatch(/属于河南省/);
  });
});
