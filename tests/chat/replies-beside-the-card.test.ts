import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { processFactory, type ScriptedEnterprise } from './enterprises';
import { said, steer, turn, typed } from './steer';

/*
 * Replies that are not plain answers to the card waiting: a correction of an earlier answer typed into a
 * free-text card, a 「不是，…」 that goes on about the company, a correction of a system's answer that says
 * it is only planned, facts stated before their question is asked, and a question dictated without a mark.
 * Each is read by the one understanding step, and only what answers the card is stored as its answer.
 */

const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));
const withFacts = (facts: ScriptedEnterprise['facts']): ScriptedEnterprise => ({ name: processFactory.name, facts: { ...processFactory.facts, ...facts } });
const nextCard = (msgs: ServerMessage[]) => [...msgs].reverse().find((m): m is Extract<ServerMessage, { type: 'question' }> => m.type === 'question')?.question;

describe('a reply typed into the county card', () => {
  for (const text of ['刚才集团那个说错了，我们不是以集团名义申报的，就是我们自己公司报', '集团那题刚才答错了，不是以集团名义报的']) {
    it(`applies 「${text}」 to the group answer it corrects and stores no county`, async () => {
      const s = await steer(srv.url, withFacts({ 'ent.groupOrHeadOffice': true, 'ent.city': '新乡市' }), (q) => q.id === 'ent.county');
      expect(s.question?.id).toBe('ent.county');
      const msgs = await turn(s.client, { type: 'answer', clientId: 'county-fix', questionId: 'ent.county', value: text });
      // Stored as the county, the sentence would stand in 四(三) as the recommending 县（市）.
      expect(recorded(msgs)).toEqual({ 'ent.groupOrHeadOffice': false });
      expect(said(msgs).join('\n')).toContain('由“是”改为“否”');
      expect(nextCard(msgs)?.id).toBe('ent.county');
      await s.client.close();
    });
  }

  it('asks back a reply that names no 县（市） of the regions data, in the card and in the chat alike', async () => {
    const s = await steer(srv.url, withFacts({ 'ent.city': '新乡市' }), (q) => q.id === 'ent.county');
    s.client.send({ type: 'answer', clientId: 'county-card', questionId: 'ent.county', value: '我们厂子很大' });
    const card = await s.client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === 'county-card');
    expect(card).toMatchObject({ type: 'error', message: expect.stringContaining('未能识别县（市）名称') });
    const { msgs, next } = await typed(s.client, 'county-chat', '我们厂子很大');
    expect(recorded(msgs)).toEqual({});
    expect(said(msgs).join('\n')).toContain('未能识别县（市）名称');
    expect(next?.id).toBe('ent.county');
    await s.client.close();
  });
});

describe('a no that goes on about the company', () => {
  for (const text of ['不是，我们就是自己一个公司', '不是，就我们自己一个公司', '没有，只有我们一个厂']) {
    it(`records 「${text}」 as 否 to the group question`, async () => {
      const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.groupOrHeadOffice');
      const { msgs, next } = await typed(s.client, 'group-no', text);
      expect(recorded(msgs)).toEqual({ 'ent.groupOrHeadOffice': false });
      expect(next?.id).not.toBe('ent.groupOrHeadOffice');
      await s.client.close();
    });
  }

  it('changes the ask-back from the second reply not understood on: what was said, the buttons, the skip and the count', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.groupOrHeadOffice');
    const replies: string[] = [];
    for (const [i, text] of ['我们这个情况比较复杂', '这个情况嘛比较复杂', '这个比较复杂', '这个比较复杂'].entries()) {
      const { msgs, next } = await typed(s.client, `stuck-${i}`, text);
      expect(recorded(msgs)).toEqual({});
      expect(next?.id).toBe('ent.groupOrHeadOffice');
      replies.push(said(msgs).join('\n'));
    }
    expect(replies[0]).toContain('请直接回答：是否以集团或总公司的名义申报');
    expect(replies[0]).not.toContain('连续');
    // The card shows the question: from the second time on it is not said again, what was said is.
    expect(replies[1]).toContain('「这个情况嘛比较复杂」');
    expect(replies[1]).not.toContain('请直接回答');
    expect(replies[1]).toContain('连续2次');
    expect(replies[1]).toContain('按钮');
    expect(replies[1]).toContain('“跳过”');
    expect(replies[2]).toContain('连续3次');
    expect(replies[3]).toContain('连续4次');
    expect(new Set(replies).size).toBe(replies.length);
    await s.client.close();
  });

  it('points a figure asked back again to the card\'s field, which has no answer buttons', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.kind === 'number');
    const asked = s.question!.id;
    const replies: string[] = [];
    for (const [i, text] of ['有', '有的', '有啊'].entries()) {
      const { msgs, next } = await typed(s.client, `figure-${i}`, text);
      expect(next?.id).toBe(asked);
      replies.push(said(msgs).join('\n'));
    }
    expect(replies[0]).not.toContain('连续');
    expect(replies[1]).toContain('连续2次');
    expect(replies[2]).toContain('连续3次');
    expect(replies[2]).toContain('输入框');
    expect(replies[2]).not.toContain('按钮');
    await s.client.close();
  });
});

describe('a system said to be only planned, in a correction', () => {
  for (const text of ['不好意思，前面说APC先进控制那个不对，我们APC还没上，只是在规划，明年才做', 'APC先进控制那个说错了，正在招标，还没上']) {
    it(`changes APC to 在建 from 「${text}」 and leaves the waiting question unanswered`, async () => {
      const seen = new Set<string>();
      const s = await steer(srv.url, withFacts({ 'cap.apc': true }), (q) => (seen.add(q.id), seen.has('cap.apc') && q.id !== 'cap.apc'));
      const waiting = s.question?.id;
      const { msgs, next } = await typed(s.client, 'apc-fix', text);
      // A plan or a tender is 在建: not in place (部分具备 would count it half built), nor a plain no.
      expect(recorded(msgs)).toEqual({ 'cap.apc': 'building' });
      expect(said(msgs).join('\n')).toContain('由“是”改为“在建”');
      expect(next?.id).toBe(waiting);
      await s.client.close();
    });
  }
});

describe('facts stated before their question', () => {
  it('takes a blanket 「信用没问题」 at the 独立法人 question for none of the three credit lists, and asks each in its turn', async () => {
    // 二(四) names three lists on two registers: a word all three share singles none out, so each is still asked.
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.independentLegalPerson');
    const { msgs, next } = await typed(s.client, 'credit', '没有受过处罚，信用没问题，也没有发生过安全事故');
    expect(recorded(msgs)).toEqual({});
    // The question the reply did not answer is asked again.
    expect(next?.id).toBe('ent.independentLegalPerson');
    let q = next;
    const asked: string[] = [];
    for (let i = 0; q && q.phase !== 'category' && i < 12; i++) {
      asked.push(q.id);
      const m = await turn(s.client, { type: 'answer', clientId: `after-${i}`, questionId: q.id, value: q.kind === 'yesNo' ? q.id !== 'ent.groupOrHeadOffice' && q.id !== 'ent.appliedThisYear' : q.kind === 'choice' ? q.choices![0]!.value : null });
      q = nextCard(m) ?? null;
    }
    expect(asked.filter((id) => id.startsWith('ent.credit.'))).toEqual(['ent.credit.dishonestExecutee', 'ent.credit.taxViolationBlacklist', 'ent.credit.seriousIllegalDishonest']);
    await s.client.close();
  });

  for (const [text, facts] of [
    ['是的在河南新乡注册的，我们是做电线电缆的', { 'ent.city': '新乡市' }],
    ['是，在洛阳注册', { 'ent.city': '洛阳市' }],
  ] as const) {
    it(`records the 省辖市 named in 「${text}」 beside the registration, and says so`, async () => {
      const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.registeredInHenan');
      const { msgs } = await typed(s.client, 'city', text);
      expect(recorded(msgs)).toEqual({ 'ent.registeredInHenan': true, ...facts });
      // What was recorded in passing is read back, so the user knows it will not be asked.
      if ('ent.city' in facts) expect(said(msgs).join('\n')).toContain(facts['ent.city']);
      await s.client.close();
    });
  }
});

describe('a question dictated without a question mark', () => {
  for (const text of ['填这个表要准备那些材料啊', '申报书交给谁啊', '需要提供那些证明呀']) {
    it(`answers 「${text}」 and stores nothing`, async () => {
      const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.independentLegalPerson');
      const { msgs, next } = await typed(s.client, 'voice-q', text);
      expect(recorded(msgs)).toEqual({});
      const reply = said(msgs).join('\n');
      expect(reply).not.toContain('我不确定这句话是不是在回答当前的问题');
      expect(reply).not.toContain('没能从这句话里确定答案');
      expect(next?.id).toBe('ent.independentLegalPerson');
      await s.client.close();
    });
  }
});
