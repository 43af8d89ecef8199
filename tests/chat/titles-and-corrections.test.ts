import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import type { Assessment } from '../../server/schemas/profile';
import { serveForFile } from './serve';
import { processFactory, type ScriptedEnterprise } from './enterprises';
import { said, steer, turn, typed } from './steer';

/*
 * Replies a browser walk-through found misread, over the real socket: a category named at the prior-title question
 * (「流程型智能工厂」, 「俺们准备报流程型工厂」) is no title held; a correction works at any stage, after a negative verdict
 * too, and the verdict is said again; a reply that answers two items by their short names records both; 河南话 yes and
 * no, and self-concluding replies (「不算那就是否」), are read as answers; an item named by its question (「…吗这一项」) or
 * by its short name beside 「刚才点错了」 is the one corrected.
 */
const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));
const withFacts = (facts: ScriptedEnterprise['facts']): ScriptedEnterprise => ({ name: processFactory.name, facts: { ...processFactory.facts, ...facts } });

async function assessmentOf(s: { sessionId: string; token: string }): Promise<Assessment> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { assessment: Assessment }).assessment;
}

describe('a category named at the prior-title question', () => {
  for (const text of ['流程型智能工厂', '俺们准备报流程型工厂', '智能工厂', '想报个车间']) {
    it(`is never recorded as a title held, nor blocks: 「${text}」 is asked back`, async () => {
      const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.priorTitles');
      const { msgs, next } = await typed(s.client, 'title', text);
      // Before: recorded 获得过智能工厂称号 and said 本年度暂不符合申报条件.
      expect(recorded(msgs)['ent.priorTitles']).toBeUndefined();
      const reply = said(msgs).join('\n');
      expect(reply).not.toContain('暂不符合');
      expect(reply).toContain('没有说是已经获得的');
      expect(next?.id).toBe('ent.priorTitles');
      expect((await assessmentOf(s)).blocking).toEqual([]);
      await s.client.close();
    });
  }

  it('still records a title said with a holding verb, or beside a plain yes', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.priorTitles');
    expect(recorded((await typed(s.client, 'h-1', '有，智能车间')).msgs)).toEqual({ 'ent.priorTitles': 'smartWorkshop' });
    await s.client.close();
    const t = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.priorTitles');
    expect(recorded((await typed(t.client, 'h-2', '前年评上过省里的智能工厂')).msgs)).toEqual({ 'ent.priorTitles': 'smartFactory' });
    await t.client.close();
  });

  it('naming the category applied for, at the question about another application, is no second application', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.appliedThisYear');
    const { msgs } = await typed(s.client, 'a-1', '准备报智能工厂');
    // Before: 准备报 read as a second application, which fails 四(一).
    expect(recorded(msgs)['ent.appliedThisYear']).toBeUndefined();
    expect(said(msgs).join('\n')).not.toContain('暂不符合');
    await s.client.close();
  });
});

describe('a correction typed in the chat', () => {
  it('works after the interview has ended ineligible, and the verdict is said again', async () => {
    const s = await steer(srv.url, withFacts({ 'ent.priorTitles': 'smartFactory' }), () => false);
    expect(s.question).toBeNull();
    expect(s.assessment.verdict).toBe('ineligible');
    const { msgs } = await typed(s.client, 'fix', '不对 俺们没得过智能工厂称号');
    // Before: 「这次没有改动，请在“我的回答”里修改」.
    expect(recorded(msgs)).toEqual({ 'ent.priorTitles': 'none' });
    const reply = said(msgs).join('\n');
    expect(reply).not.toContain('没有改动');
    expect(reply).toContain('由“获得过智能工厂称号”改为“都没有”');
    expect(reply).toContain('未发现不符合的硬性条件');
    expect((await assessmentOf(s)).blocking).toEqual([]);
    await s.client.close();
  });

  it('names its item by the item\'s question (「以前得过称号吗这一项改成没有」), not asking a policy question', async () => {
    const s = await steer(srv.url, withFacts({ 'ent.priorTitles': 'smartFactory' }), (q) => q.id === 'ent.appliedThisYear');
    const { msgs, next } = await typed(s.client, 'fix', '以前得过称号吗这一项改成没有');
    expect(recorded(msgs)).toEqual({ 'ent.priorTitles': 'none' });
    expect(msgs.some((m) => m.type === 'message.end' && m.citations.length > 0)).toBe(false);
    expect(next?.id).toBe('ent.appliedThisYear');
    await s.client.close();
  });

  it('by an item\'s short name with 「刚才点错了」 changes that item, not the question waiting', async () => {
    const s = await steer(srv.url, withFacts({ 'ent.appliedThisYear': true }), (q) => q.id === 'ent.city');
    expect(s.assessment.verdict).toBe('ineligible');
    // ent.city waits after 另有申报; the county question's text field would have taken the whole sentence.
    const { msgs } = await typed(s.client, 'fix', '另外的申报没有 刚才点错了');
    expect(recorded(msgs)).toEqual({ 'ent.appliedThisYear': false });
    await s.client.close();
  });

  it('keeps the title part of 「称号没得过 刚才说的意思是想报流程型工厂」 beside the category', async () => {
    const s = await steer(srv.url, withFacts({ 'ent.priorTitles': 'smartFactory' }), (q) => q.id === 'ent.appliedThisYear');
    const { msgs } = await typed(s.client, 'fix', '称号没得过 刚才说的意思是想报流程型工厂');
    expect(recorded(msgs)).toMatchObject({ 'ent.priorTitles': 'none' });
    expect((await assessmentOf(s)).blocking).toEqual([]);
    await s.client.close();
  });
});

describe('replies that answer in their own way', () => {
  it('records both lists from 「失信名单没有 税收黑名单也没有」, and asks the third', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.credit.dishonestExecutee');
    const { msgs, next } = await typed(s.client, 'lists', '失信名单没有 税收黑名单也没有');
    expect(recorded(msgs)).toEqual({ 'ent.credit.dishonestExecutee': false, 'ent.credit.taxViolationBlacklist': false });
    expect(next?.id).toBe('ent.credit.seriousIllegalDishonest');
    await s.client.close();
  });

  it('reads 「不算那就是否」 as no, not a policy question', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.greenPriority');
    const { msgs } = await typed(s.client, 'g', '不算那就是否');
    expect(recorded(msgs)).toEqual({ 'ent.greenPriority': false });
    await s.client.close();
  });

  it('reads 「中 填吧」 as going on with the form, and 「不中」 as later', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'form.proceed');
    expect(s.question?.id).toBe('form.proceed');
    const { msgs, next } = await typed(s.client, 'go', '中 填吧');
    expect(recorded(msgs)).toEqual({ 'form.proceed': 'now' });
    expect(said(msgs).join('\n')).not.toContain('没能确定答案');
    expect(next?.id).not.toBe('form.proceed');
    await s.client.close();
    const t = await steer(srv.url, withFacts({}), (q) => q.id === 'form.proceed');
    expect(recorded((await typed(t.client, 'later', '不中')).msgs)).toEqual({ 'form.proceed': 'later' });
    await t.client.close();
  });
});

describe('one enterprise typing its way through all of these', () => {
  it('ends eligible with every item as the enterprise meant it', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.credit.dishonestExecutee');
    const c = s.client;
    let n = 0;
    const say = (text: string) => typed(c, `e-${n++}`, text);
    expect(recorded((await say('失信名单没有 税收黑名单也没有')).msgs)).toEqual({ 'ent.credit.dishonestExecutee': false, 'ent.credit.taxViolationBlacklist': false });
    expect(recorded((await say('严重违法失信也没有')).msgs)).toEqual({ 'ent.credit.seriousIllegalDishonest': false });
    // The category first, held or applied for: asked back; then a mistaken title, corrected while the next question waits.
    let r = await say('俺们准备报流程型工厂');
    expect(r.next?.id).toBe('ent.priorTitles');
    expect(recorded(r.msgs)['ent.priorTitles']).toBeUndefined();
    r = await say('获得过智能工厂称号');
    expect(recorded(r.msgs)).toEqual({ 'ent.priorTitles': 'smartFactory' });
    expect(said(r.msgs).join('\n')).toContain('暂不符合');
    r = await say('不对 俺们没得过智能工厂称号');
    expect(recorded(r.msgs)).toEqual({ 'ent.priorTitles': 'none' });
    expect(said(r.msgs).join('\n')).toContain('未发现不符合的硬性条件');
    expect(r.next?.id).toBe('ent.appliedThisYear');
    r = await say('中');
    expect(recorded(r.msgs)).toEqual({ 'ent.appliedThisYear': true });
    r = await say('另外的申报没有 刚才点错了');
    expect(recorded(r.msgs)).toEqual({ 'ent.appliedThisYear': false });
    expect((await assessmentOf(s)).blocking).toEqual([]);
    // The rest from the fact table, up to the green-development question.
    let q = r.next;
    for (let i = 0; q && q.id !== 'ent.greenPriority'; i++) {
      const clientId = `f-${i}`;
      c.send({ type: 'answer', clientId, questionId: q.id, value: withFacts({}).facts[q.id] ?? null });
      await c.until((m) => m.type === 'ack' && m.clientId === clientId, 30_000);
      q = (await c.next('question', 30_000)).question;
    }
    expect(q?.id).toBe('ent.greenPriority');
    r = await say('不算那就是否');
    expect(recorded(r.msgs)).toEqual({ 'ent.greenPriority': false });
    expect(r.next?.id).toBe('form.proceed');
    r = await say('节能减排那个是有的 刚才答错了');
    expect(recorded(r.msgs)).toEqual({ 'ent.greenPriority': true });
    expect(r.next?.id).toBe('form.proceed');
    r = await say('中 填吧');
    expect(recorded(r.msgs)).toEqual({ 'form.proceed': 'now' });
    const a = await assessmentOf(s);
    expect(a).toMatchObject({ eligible: true, category: { recommended: 'processFactory' } });
    await c.close();
  });
});

describe('a change once the verdict is said', () => {
  it('says the new verdict when an edit in 「我的回答」 changes it, while the form is offered', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'form.proceed');
    expect(s.assessment.verdict).not.toBe('ineligible');
    const msgs = await turn(s.client, { type: 'edit', clientId: 'dcs', questionId: 'cap.dcs', value: false });
    expect(recorded(msgs)).toEqual({ 'cap.dcs': false });
    // Before: only the change was read back; the verdict said last still read 「均已具备」.
    expect(said(msgs).join('\n')).toContain('评估结果');
    await s.client.close();
  });
});
