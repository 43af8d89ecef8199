import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';
import { ChatClient } from './client';
import type { ServerMessage } from '../../server/schemas/ws';

/*
 * Replies typed over the socket that go aside from the item waiting or speak of one answered before: a bare yes where
 * the item takes none, a question whether a thing counts, a nod after an answer or a switch, the enterprise asking how
 * it fares, a place said with the category, a factory's workshops said in passing, an answer taken back.
 */
const srv = serveForFile();
const stored = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));
const noOther: ScriptedEnterprise = { name: '另无申报的车间', facts: { ...workshop.facts, 'ent.appliedThisYear': false } };

async function replies(e: ScriptedEnterprise, at: string, texts: string[]) {
  const s = await steer(srv.url, e, (q) => q.id === at);
  expect(s.question?.id, `the interview reaches ${at}`).toBe(at);
  const out: { stored: Record<string, unknown>; next: string | undefined; said: string }[] = [];
  for (const [i, t] of texts.entries()) {
    const r = await typed(s.client, `t${i}`, t);
    out.push({ stored: stored(r.msgs), next: r.next?.id, said: said(r.msgs).join('\n') });
  }
  await s.client.close();
  return out;
}

describe('a bare yes where the item waiting takes none', () => {
  for (const text of ['是的，其实有', '有的', '其实是有的']) {
    it(`「${text}」 at the city offers to change the no before it, and 要 changes it`, async () => {
      const [offer, yes] = await replies(noOther, 'ent.city', [text, '要']);
      expect(offer!.stored).toEqual({});
      expect(offer!.said).toContain('改成“是”吗');
      expect(offer!.said).toContain('本年度另有申报');
      expect(offer!.next).toBe('ent.city');
      expect(yes!.stored).toEqual({ 'ent.appliedThisYear': true });
    }, 120_000);
  }

  it('「不用」 to the offer keeps the no, and the city is asked', async () => {
    const [, no] = await replies(noOther, 'ent.city', ['有的', '不用']);
    expect(no!.stored).toEqual({});
    expect(no!.next).toBe('ent.city');
  }, 120_000);

  it('near miss: a city typed after the offer answers the city', async () => {
    const [, city] = await replies(noOther, 'ent.city', ['有的', '郑州']);
    expect(city!.stored).toEqual({ 'ent.city': '郑州市' });
  }, 120_000);

  // The offer is kept with the session: a reload (a new socket, the same token) still takes the 要 or 不用 it asked for.
  async function acrossReload(text: string, after: string) {
    const s = await steer(srv.url, noOther, (q) => q.id === 'ent.city');
    const offer = await typed(s.client, 'r0', text);
    expect(said(offer.msgs).join('\n')).toContain('改成“是”吗');
    await s.client.close();
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', sessionId: s.sessionId, token: s.token });
    expect((await c.next('session')).resumed).toBe(true);
    expect((await c.next('question')).question?.id).toBe('ent.city');
    const r = await typed(c, 'r1', after);
    await c.close();
    return { stored: stored(r.msgs), next: r.next?.id, said: said(r.msgs).join('\n') };
  }

  for (const [text, yes] of [['有的', '要'], ['是的，其实有', '嗯，改吧'], ['其实是有的', '要改']] as const) {
    it(`「${text}」 offered before a reload, 「${yes}」 after it changes the no`, async () => {
      const r = await acrossReload(text, yes);
      expect(r.stored).toEqual({ 'ent.appliedThisYear': true });
    }, 120_000);
  }

  it('near miss: 「不用」 after a reload keeps the no, and a city after it answers the city', async () => {
    const kept = await acrossReload('有的', '不用');
    expect(kept.stored).toEqual({});
    expect(kept.next).toBe('ent.city');
    const city = await acrossReload('有的', '郑州');
    expect(city.stored).toEqual({ 'ent.city': '郑州市' });
  }, 120_000);

  // The item answered last is kept with the session too: a bare yes typed first thing after a reload still speaks of it.
  async function afterReload(texts: string[]) {
    const s = await steer(srv.url, noOther, (q) => q.id === 'ent.city');
    await s.client.close();
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', sessionId: s.sessionId, token: s.token });
    expect((await c.next('session')).resumed).toBe(true);
    expect((await c.next('question')).question?.id).toBe('ent.city');
    const out: { stored: Record<string, unknown>; next: string | undefined; said: string }[] = [];
    for (const [i, t] of texts.entries()) {
      const r = await typed(c, `a${i}`, t);
      out.push({ stored: stored(r.msgs), next: r.next?.id, said: said(r.msgs).join('\n') });
    }
    await c.close();
    return out;
  }

  for (const text of ['其实有的', '有的', '是的，其实有']) {
    it(`「${text}」 typed first after a reload offers to change the no answered before it, and 要 changes it`, async () => {
      const [offer, yes] = await afterReload([text, '要']);
      expect(offer!.stored).toEqual({});
      expect(offer!.said).toContain('您是想把前面“本年度另有申报”的回答由“否”改成“是”吗？');
      expect(offer!.next).toBe('ent.city');
      expect(yes!.stored).toEqual({ 'ent.appliedThisYear': true });
    }, 120_000);
  }

  it('near miss: after a reload, a city answers the city, and a bare yes after it offers no change of the no before', async () => {
    const [city, yes] = await afterReload(['郑州', '有的']);
    expect(city!.stored).toEqual({ 'ent.city': '郑州市' });
    expect(yes!.said).not.toContain('改成“是”吗');
    expect(yes!.stored['ent.appliedThisYear']).toBeUndefined();
  }, 120_000);

  it('near miss: 「有的」 at a yes-or-no item is its yes', async () => {
    const [r] = await replies(workshop, 'cap.mes', ['有的']);
    expect(r!.stored).toEqual({ 'cap.mes': true });
  }, 120_000);
});

describe('a yes said as a correction at a yes-or-no item', () => {
  // MES answered no; the ERP question waits. 其实 or 说错了 points back as much as the yes answers the ERP question.
  const noMes: ScriptedEnterprise = { name: '没有MES的车间', facts: { ...workshop.facts, 'cap.mes': false } };
  for (const text of ['其实有的', '其实上了', '实际上是有的', '不对，其实有']) {
    it(`「${text}」 asks whether the MES no is meant, stores nothing, and 要 changes the MES`, async () => {
      const [which, yes] = await replies(noMes, 'cap.erp', [text, '要']);
      expect(which!.stored).toEqual({});
      expect(which!.said).toContain('您是想把前面“制造执行系统（MES）”的回答由“否”改成“是”吗？');
      expect(which!.said).toContain('如果说的是当前这一项，请直接回答');
      expect(which!.next).toBe('cap.erp');
      expect(yes!.stored).toEqual({ 'cap.mes': true });
      expect(yes!.next).toBe('cap.erp');
    }, 120_000);
  }

  it('asked which, 「不用」 keeps the MES no and a plain 「有」 then answers the ERP question', async () => {
    const [, kept, erp] = await replies(noMes, 'cap.erp', ['其实上了', '不用', '有']);
    expect(kept!.stored).toEqual({});
    expect(kept!.next).toBe('cap.erp');
    expect(erp!.stored).toEqual({ 'cap.erp': true });
  }, 120_000);

  for (const text of ['刚才说错了，有的', '刚才答错了，有', '前面那题说错了，其实有']) {
    it(`「${text}」 names the answer before: the MES no is changed, read back, and the ERP question still waits`, async () => {
      const [r] = await replies(noMes, 'cap.erp', [text]);
      expect(r!.stored).toEqual({ 'cap.mes': true });
      expect(r!.said).toContain('由“否”改为“是”');
      expect(r!.next).toBe('cap.erp');
    }, 120_000);
  }

  it('「刚才说错了，有的」 typed first after a reload still changes the MES no, not the ERP question', async () => {
    const s = await steer(srv.url, noMes, (q) => q.id === 'cap.erp');
    await s.client.close();
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', sessionId: s.sessionId, token: s.token });
    expect((await c.next('session')).resumed).toBe(true);
    expect((await c.next('question')).question?.id).toBe('cap.erp');
    const r = await typed(c, 'x1', '刚才说错了，有的');
    await c.close();
    expect(stored(r.msgs)).toEqual({ 'cap.mes': true });
    expect(r.next?.id).toBe('cap.erp');
  }, 120_000);

  it('near misses: a plain 「有的」 or 「有」 answers the ERP question, and so does 「其实有的」 when the MES was answered yes', async () => {
    for (const text of ['有的', '有']) {
      const [r] = await replies(noMes, 'cap.erp', [text]);
      expect(r!.stored, text).toEqual({ 'cap.erp': true });
    }
    const [withMes] = await replies(workshop, 'cap.erp', ['其实有的']);
    expect(withMes!.stored).toEqual({ 'cap.erp': true });
    const [no] = await replies(noMes, 'cap.erp', ['其实没有']);
    expect(no!.stored).toEqual({ 'cap.erp': false });
  }, 120_000);
});

describe('an accident or a penalty said at the category question', () => {
  // 车间 there names where it happened: no category is chosen, the notice's credit lists are named, and the question is asked again.
  for (const text of ['前年车间出过一起安全事故', '去年车间里被环保罚过款', '工厂前年被罚款了', '车间出过事，不过不大']) {
    it(`「${text}」 stores no category and asks the category question again`, async () => {
      const [r, chosen] = await replies(workshop, 'cat.scope', [text, '智能车间']);
      expect(r!.stored).toEqual({});
      expect(r!.next).toBe('cat.scope');
      expect(r!.said).toContain('不是申报方向');
      expect(r!.said).toContain('失信被执行人、税收违法黑名单和严重违法失信名单');
      expect(chosen!.stored).toEqual({ 'cat.scope': 'workshop' });
    }, 120_000);
  }

  it('near misses: a category chosen by its short word, or by its full name beside an accident, is chosen', async () => {
    const [plain] = await replies(workshop, 'cat.scope', ['报车间']);
    expect(plain!.stored).toEqual({ 'cat.scope': 'workshop' });
    const [beside] = await replies(workshop, 'cat.scope', ['车间没出过事故，报智能车间']);
    expect(beside!.stored).toEqual({ 'cat.scope': 'workshop' });
  }, 120_000);
});

describe('whether a thing counts for the item waiting', () => {
  for (const text of ['地磅算不算', '那地磅算吗', '地磅也算联网设备吗']) {
    it(`「${text}」 says the notice does not say, the bureau judges, and records nothing`, async () => {
      const [r] = await replies(workshop, 'cap.scada', [text]);
      expect(r!.stored).toEqual({});
      expect(r!.said).toContain('《通知》没有说“地磅”算不算');
      expect(r!.said).toContain('由主管部门初审时对照条款判断');
      expect(r!.said).toContain('三(一)5');
      expect(r!.next).toBe('cap.scada');
    }, 120_000);
  }

  // The factory's 三(二)3 opens with the 联网率 sentence: the quote is the sentence naming data collection, the item asked.
  for (const text of ['地磅算不算', '那地磅算吗', '地磅也算数据采集吗']) {
    it(`「${text}」 at the factory's data collection quotes the data-collection sentence of 三(二)3`, async () => {
      const [r] = await replies(discreteFactory, 'cap.scada', [text]);
      expect(r!.stored).toEqual({});
      expect(r!.said).toContain('《通知》没有说“地磅”算不算');
      expect(r!.said).toContain('三(二)3'); expect(r!.said).toContain('应用生产过程数据采集和监控系统，实现现场操作');
      expect(r!.said).not.toContain('联网数占');
      expect(r!.next).toBe('cap.scada');
    }, 120_000);
  }

  it('near miss: 「这个算不算」 is asked of the item itself', async () => {
    const [r] = await replies(workshop, 'cap.scada', ['这个算不算']);
    expect(r!.stored).toEqual({});
    expect(r!.said).toContain('关于当前这一项');
  }, 120_000);
});

describe('a nod right after a reply that went aside', () => {
  for (const [label, aside] of [['a question answered', '申报截止到什么时候？'], ['the category switched', '改报智能工厂吧'], ['the assessment so far', '我们这条件评得上吗']] as const) {
    it(`「好的」 after ${label} is no answer`, async () => {
      const [, nod] = await replies(workshop, 'cap.mes', [aside, '好的']);
      expect(nod!.stored).toEqual({});
      expect(nod!.said).toContain('「好的」我没有当作这一项的回答记录');
    }, 120_000);
  }

  it('near miss: 「好的」 with nothing before it is the item\'s yes', async () => {
    const [r] = await replies(workshop, 'cap.mes', ['好的']);
    expect(r!.stored).toEqual({ 'cap.mes': true });
  }, 120_000);
});

describe('the enterprise asking how it fares mid-interview', () => {
  for (const text of ['我们这条件评得上吗', '我们这种能申报吗', '咱们够不够格', '我们公司现在能报吗']) {
    it(`「${text}」 hears the assessment so far, and the item is asked again`, async () => {
      const [r] = await replies(workshop, 'cap.mes', [text]);
      expect(r!.stored).toEqual({});
      expect(r!.said).toContain('按您目前的回答，智能车间的 7 项要素条件中已满足 4 项，尚未回答 3 项');
      expect(r!.said).toContain('其余问题答完后');
      expect(r!.next).toBe('cap.mes');
    }, 120_000);
  }

  it('near miss: 「这个月能报吗」 is a question for the notice', async () => {
    const [r] = await replies(workshop, 'cap.mes', ['这个月能报吗']);
    expect(r!.said).not.toContain('按您目前的回答');
  }, 120_000);
});

describe('a place said with another answer', () => {
  it.each([
    ['新郑，报智能工厂', { 'cat.scope': 'factory', 'ent.city': '郑州市', 'ent.county': '新郑市' }],
    ['郑州，报智能车间', { 'cat.scope': 'workshop', 'ent.city': '郑州市' }],
    ['在新郑，想报智能工厂', { 'cat.scope': 'factory', 'ent.city': '郑州市', 'ent.county': '新郑市' }],
  ])('「%s」 keeps both', async (text, want) => {
    const [r] = await replies(workshop, 'ent.city', [text]);
    expect(r!.stored).toEqual(want);
  }, 120_000);
});

describe('a factory\'s workshops said in passing', () => {
  it.each([
    ['cap.factoryNetwork', '有，全厂三个车间，两百多台设备', 3],
    ['cap.mes', '有，厂里一共4个车间都用', 4],
  ])('at %s, 「%s」 keeps the count of workshops', async (at, text, n) => {
    const [r] = await replies(discreteFactory, at, [text]);
    expect(r!.stored['form.workshopCount']).toBe(n);
  }, 120_000);

  it('near miss: 「有，三个车间都联网了」 speaks of those three, not how many there are', async () => {
    const [r] = await replies(discreteFactory, 'cap.factoryNetwork', ['有，三个车间都联网了']);
    expect(r!.stored).toEqual({ 'cap.factoryNetwork': true });
  }, 120_000);
});

describe('an answer to a credit list taken back', () => {
  for (const text of ['失信被执行人那个回答撤销', '撤销失信被执行人的回答', '失信被执行人那题的答案撤回']) {
    it(`「${text}」 leaves the list 待确认, and the verdict says so`, async () => {
      const [r] = await replies(workshop, 'form.proceed', [text]);
      expect(r!.stored).toEqual({ 'ent.credit.dishonestExecutee': null });
      expect(r!.said).toContain('以下硬性条件尚待确认，不能视为已满足：二(四)失信被执行人');
    }, 120_000);
  }

  it('near miss: a listing said removed is no answer taken back', async () => {
    const [r] = await replies(workshop, 'ent.priorTitles', ['失信被执行人以前被列过，已经撤销了']);
    expect(r!.stored['ent.credit.dishonestExecutee']).toBeUndefined();
  }, 120_000);
});
