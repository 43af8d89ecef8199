import { describe, expect, it } from 'vitest';
import { ChatClient } from '../chat/client';
import { workshop } from '../chat/enterprises';
import { serveForFile } from '../chat/serve';
import { steer } from '../chat/steer';
import { as, staffAs } from './helpers';

/*
 * The console's 常见问题 chips, from questions logged through the real routes. A chip is a question a helpline worker
 * clicks to answer a caller: asked alone it gets the answer it got, it shows no personal data, and one understood
 * question asked in several wordings is one chip. The phrasings are this file's own.
 */
const srv = serveForFile();

const api = (question: string) => srv.app.inject({ method: 'POST', url: '/api/ask', payload: { question } });

async function chatAsk(c: ChatClient, clientId: string, text: string, mode?: 'qa') {
  c.send({ type: 'text', clientId, text, ...(mode ? { mode } : {}) });
  await c.until((m) => m.type === 'ack' && m.clientId === clientId);
  await c.until((m) => m.type === 'message.end' && !!m.questionId, 30_000);
}

const times = async (n: number, question: string) => {
  for (let i = 0; i < n; i++) await api(question);
};

describe('the console quick picks', () => {
  it('offer each understood question once, self-contained, with no personal data', async () => {
    const staff = await staffAs(srv, 'picks', 'helpline');
    // One question in four wordings, a typo among them: one chip, under the most asked wording typed without a slip.
    await times(2, '郑州最多推几家');
    await times(1, '郑州市可以推荐多少家企业');
    await times(3, '视屏文件最大多少');
    await times(1, '视频多大');
    await times(1, '视频文件最大多少');
    // Near misses: another city's quota and another deadline wording are other answers or the same one, as the rules say.
    await times(2, '洛阳能推荐几家');
    await times(2, '申报啥时候截止');
    await times(1, '截止时间是什么时候');
    // Personal data around a question: the question is offered without it; one that asks about a number is not offered.
    await times(3, '我手机13812345678，申报啥时候截止');
    await times(4, '邮箱 li.ming@zz-gear.cn 补贴多少钱');
    await times(4, '这个号码0371-12345678是谁的');
    // Small talk and questions the notice does not answer are not picks.
    await times(5, '你好呀');
    await times(5, '食堂几点开饭');
    // Follow-ups asked in the chat, and questions about the item waiting, mean something only where they were asked.
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', mode: 'qa' });
    await c.next('session');
    await c.next('message.end');
    for (let i = 0; i < 6; i++) {
      await chatAsk(c, `a${i}`, '智能工厂对企业规模有啥要求', 'qa');
      await chatAsk(c, `b${i}`, '那车间呢', 'qa');
      await chatAsk(c, `c${i}`, '视频要多大', 'qa');
      await chatAsk(c, `d${i}`, '那这个呢，超了咋办', 'qa');
    }
    await c.close();
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.credit.dishonestExecutee');
    for (let i = 0; i < 6; i++) await chatAsk(s.client, `e${i}`, '这一项上哪儿查');
    await s.client.close();

    const recent = (await srv.app.inject({ method: 'GET', url: '/api/staff/ask/recent', headers: as(staff) })).json() as { frequent: { question: string; count: number }[] };
    const picks = Object.fromEntries(recent.frequent.map((f) => [f.question, f.count]));
    for (const f of recent.frequent) {
      expect(f.question, 'no personal data, masked or not').not.toMatch(/\[|\d{7,}|@/u);
      expect(f.question, 'no follow-up that leans on a question before it').not.toMatch(/^(那|这)/u);
    }
    expect(picks['郑州最多推几家'], 'two wordings of one quota question').toBe(3);
    expect(picks['郑州市可以推荐多少家企业']).toBeUndefined();
    // The video size: three wordings here, with and without a slip, and the question asked before each chat follow-up,
    // offered as the entry's own standard question, which gets the same answer.
    expect(picks['视频文件大小有限制吗'], 'the video size in all its wordings').toBe(11);
    for (const other of ['视屏文件最大多少', '视频多大', '视频文件最大多少', '视频要多大']) expect(picks[other], other).toBeUndefined();
    expect(picks['洛阳能推荐几家'], 'another city is another answer').toBe(2);
    expect(picks['申报截止到什么时候'], 'the deadline, with the question that also gave a phone number').toBe(6);
    // A topic the notice leaves out is offered, told whom to ask, without the mailbox: its refusal rests on the
    // 通知未涉及 entry, so it is offered as that entry's standard question, which gets the same refusal.
    expect(picks['评上智能工厂有奖金吗'], 'a topic the notice leaves out is offered, told whom to ask, without the mailbox').toBe(4);
    expect(picks['补贴多少钱']).toBeUndefined();
    expect(picks['申报对企业规模有要求吗'], 'asked as 智能工厂对企业规模有啥要求').toBe(6);
    for (const never of ['你好呀', '食堂几点开饭', '那车间呢', '那这个呢，超了咋办', '这一项上哪儿查']) expect(picks[never], never).toBeUndefined();
    expect(Object.keys(picks).some((q) => q.includes('是谁的')), 'a question about a number shows the number or nothing').toBe(false);

    // Each chip, asked in the console, gets an answer (or the refusal of a topic the notice leaves out), never the closest clauses.
    for (const f of recent.frequent) {
      const a = (await srv.app.inject({ method: 'POST', url: '/api/staff/ask', headers: as(staff), payload: { question: f.question } })).json();
      expect(a.answer, f.question).not.toContain('没有直接回答');
    }
  }, 180_000);

  it('leave out thanks and questions that point at the form field they were asked at, and keep those that name it', async () => {
    const staff = await staffAs(srv, 'picks2', 'helpline');
    // Acknowledgements in several wordings: the answer base reads each as one, so none is a question to offer.
    for (const t of ['多谢老师', '好的，明白了', '感谢解答！', '收到，谢谢您']) await times(8, t);
    // Questions asked at a field, pointing at it: with the field gone they have no subject.
    for (const t of ['这个比例咋算的', '请问这个百分比怎么计算？', '这一栏写啥', '这儿填什么']) await times(8, t);
    // Near misses: the same asks with the field named are common questions, and keep their counts.
    await times(12, '提升降低比例怎么算');
    await times(12, '资产负债率怎么计算');
    const recent = (await srv.app.inject({ method: 'GET', url: '/api/staff/ask/recent', headers: as(staff) })).json() as { frequent: { question: string; count: number }[] };
    const picks = Object.fromEntries(recent.frequent.map((f) => [f.question, f.count]));
    for (const never of ['多谢老师', '好的，明白了', '感谢解答！', '收到，谢谢您', '这个比例咋算的', '请问这个百分比怎么计算？', '这一栏写啥', '这儿填什么']) expect(picks[never], never).toBeUndefined();
    expect(picks['提升降低比例怎么算'], 'a ratio named by the field it is').toBe(12);
    expect(picks['资产负债率怎么算'], 'asked as 资产负债率怎么计算, offered as its entry asks it').toBe(12);
  }, 120_000);

  it('never offer a slip as typed: a wording asked only with a slip is offered as understood or as its entry asks it', async () => {
    const staff = await staffAs(srv, 'picks3', 'helpline');
    // The reported kind: every asking of it mistyped (车问 for 车间, 视屏 for 视频), in three wordings.
    await times(14, '申报智能车问要什么条件');
    await times(14, '智能车问的视屏要多长');
    await times(14, '智能车问和智能工厂有啥区别');
    const recent = (await srv.app.inject({ method: 'GET', url: '/api/staff/ask/recent', headers: as(staff) })).json() as { frequent: { question: string; count: number }[] };
    const top = recent.frequent.filter((f) => f.count >= 14);
    expect(top).toHaveLength(3);
    for (const f of top) expect(f.question).not.toMatch(/车问|视屏/u);
    // Near miss: a wording typed right (郑州最多推几家, an entry answering every region) keeps its own words.
    expect(recent.frequent.map((f) => f.question)).toContain('郑州最多推几家');
  }, 120_000);
});
