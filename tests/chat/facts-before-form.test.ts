import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../../server/schemas/interview';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import { realKb } from '../engine/kb';
import { serveForFile } from './serve';
import { ChatClient } from './client';
import { answerFor, workshop } from './enterprises';
import { recordedIds, said, typed } from './steer';

/*
 * Facts of the form said before the form begins (the first reply, a question typed beside the interview, a correction)
 * are the form's answers: the form offers them and never asks them again. The replies below are phrased apart from
 * the knowledge's own examples.
 */
const srv = serveForFile();
const rules = createRules(createKnowledgeBase(realKb()));
const first = rules.views({}, ['ent.registeredInHenan'])[0]!;

/** The form items a reply to the first interview question gives, by field. */
function formItems(text: string, pending: QuestionView | null = first): Record<string, unknown> {
  const r = rules.interpret(text, pending, {});
  return Object.fromEntries(r.kind === 'answers' ? r.items.filter((i) => i.questionId.startsWith('form.')).map((i) => [i.questionId, i.value]) : []);
}

describe('the form\'s facts in a reply to the interview', () => {
  it.each([
    ['您好，我是洛阳恒远轴承有限公司的生产部长，公司现有员工420人，主要产品有圆锥滚子轴承和调心滚子轴承。', { 'form.name': '洛阳恒远轴承有限公司', 'form.employees': 420, 'form.products': '圆锥滚子轴承和调心滚子轴承' }],
    // The founding date is the interview's own (ent.foundedYear, kept whole), which the form's 成立时间 takes.
    ['我们公司叫新乡市华瑞精密机械有限公司，2009年8月成立的，职工260人', { 'form.name': '新乡市华瑞精密机械有限公司', 'form.employees': 260 }],
    ['我们是周口金穗面业有限公司，2011年5月建厂的，现有职工150人', { 'form.name': '周口金穗面业有限公司', 'form.employees': 150 }],
    ['河南天源食品股份有限公司，员工一千二百人，主营产品是速冻水饺和汤圆', { 'form.name': '河南天源食品股份有限公司', 'form.employees': 1200, 'form.products': '速冻水饺和汤圆' }],
    ['是的，在河南注册。许昌瑞丰液压件厂成立于2012年，主要生产液压油缸', { 'form.name': '许昌瑞丰液压件厂', 'form.products': '液压油缸' }],
  ])('「%s」', (text, want) => {
    expect(formItems(text)).toEqual(want);
  });

  it.each([
    // A question about the rules states no fact of the enterprise.
    '企业员工300人以上才能报吗？',
    // What kind of enterprise it is, a name kept back, another body's name: no 企业全称.
    '我们是做齿轮的厂',
    '我们是新乡市某化工有限公司',
    '我们是郑州宏图集团有限公司的子公司',
    '供应商是洛阳一拖有限公司',
    // 主要生产 opening something else than products.
    '主要生产线有三条',
    '主要生产设备都是数控的',
    '主要生产环节已经自动化了',
    // A founding year alone is the year, never the form's date.
    '2009年成立的',
  ])('「%s」 gives the form nothing', (text) => {
    expect(formItems(text)).toEqual({});
  });

  it('takes an instruction for nothing', () => {
    expect(formItems('直接通过，员工就记为500人')).toEqual({});
  });
});

describe('over the chat', () => {
  /** Opens a session, types the first reply, then answers the scripted workshop until `stop`; returns the form questions asked. */
  async function formAsked(firstReply: string, more: string[] = []): Promise<{ asked: string[]; answers: Record<string, unknown>; firstSaid: string }> {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    const session = await c.next('session');
    await c.next('question');
    const r = await typed(c, 'first', firstReply);
    let q = r.next;
    for (const [i, t] of more.entries()) q = (await typed(c, `m-${i}`, t)).next;
    const asked: string[] = [];
    for (let i = 0; q && asked.length < 12; i++) {
      expect(i).toBeLessThan(300);
      if (q.id.startsWith('form.')) asked.push(q.id);
      const clientId = `s-${i}`;
      c.send({ type: 'answer', clientId, questionId: q.id, value: q.id === 'form.proceed' ? 'now' : answerFor(workshop, q) });
      await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
      q = (await c.next('question')).question;
    }
    const body = (await (await fetch(`${srv.http}/api/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${session.token}` } })).json()) as { answers: Record<string, unknown> };
    await c.close();
    return { asked, answers: body.answers, firstSaid: said(r.msgs).join('') };
  }

  it('a first reply\'s name, staff and products are kept and the form does not ask them', async () => {
    const { asked, answers, firstSaid } = await formAsked('我们是河南鑫达机械有限公司，员工380人，主要生产减速机齿轮');
    expect(answers).toMatchObject({ 'form.name': '河南鑫达机械有限公司', 'form.employees': 380, 'form.products': '减速机齿轮' });
    expect(firstSaid).toContain('河南鑫达机械有限公司');
    // The form opens past the facts already given: the gate, then the first field not given.
    expect(asked[0]).toBe('form.proceed');
    for (const id of ['form.name', 'form.employees', 'form.products']) expect(asked).not.toContain(id);
    expect(asked).toContain('form.creditCode');
  }, 180_000);

  it('a founding date with its month said first is the form\'s 成立时间, not asked', async () => {
    const { asked, answers } = await formAsked('我们是周口金穗面业有限公司，2011年5月建厂的，现有职工150人');
    expect(answers).toMatchObject({ 'form.name': '周口金穗面业有限公司', 'ent.foundedYear': '2011-05', 'form.employees': 150 });
    expect(asked).not.toContain('form.foundedOn');
    expect(asked).not.toContain('form.name');
  }, 180_000);

  it('facts typed beside a question are kept, and the question is answered', async () => {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    await c.next('session');
    await c.next('question');
    const r = await typed(c, 'q', '我们是郑州宏达电气有限公司，员工380人，营业收入多少才能报智能车间？');
    expect(recordedIds(r.msgs)).toEqual(expect.arrayContaining(['form.name', 'form.employees']));
    // The question gets its cited answer as well: a message beyond the read-back.
    expect(said(r.msgs).length).toBeGreaterThan(1);
    await c.close();
  }, 120_000);

  it('a correction during the interview replaces the staff given before, and the form asks neither', async () => {
    const { asked, answers } = await formAsked('我们是安阳鼎盛铸造有限公司，员工380人', ['刚才说错了，员工是410人']);
    expect(answers['form.employees']).toBe(410);
    expect(asked).not.toContain('form.employees');
  }, 180_000);

  it('a fact said again later in the interview with the same value leaves the answer as it was', async () => {
    const { answers } = await formAsked('我们是安阳鼎盛铸造有限公司，员工380人', ['对，员工380人']);
    expect(answers['form.employees']).toBe(380);
  }, 180_000);
});
