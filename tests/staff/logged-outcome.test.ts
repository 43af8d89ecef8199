import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { ChatClient } from '../chat/client';
import { ineligible, workshop } from '../chat/enterprises';
import { serveForFile } from '../chat/serve';
import { steer } from '../chat/steer';
import { as, staffAs, type StaffLogin } from './helpers';

/*
 * Every way a question is answered logs the outcome the asker saw. Each path runs through its real route (the chat
 * socket, /api/ask, the console's ask): an answer that concludes is logged answered, the closest clauses (「没有直接回答」)
 * and refusals are logged unanswered, and both reach the review queue, but for a refusal a shipped 通知未涉及 entry gave,
 * which is that entry's answer; small talk is logged refused but is not for review,
 * and a greeting is greeted back.
 * The phrasings are this file's own, not the answer base's.
 */
const srv = serveForFile();

type Logged = { id: string; question: string; refused: boolean; clauses: string[]; refusalTopic?: string };
type Seen = 'answered' | 'unanswered' | 'refused';

/** What the asker saw, read from the text as they read it: the closest clauses, a refusal, or an answer. */
function seen(text: string): Seen {
  if (text.includes('没有直接回答')) return 'unanswered';
  if (/无法根据通知作答|没有涉及|没有找到能回答/u.test(text)) return 'refused';
  return 'answered';
}

async function logged(staff: StaffLogin, id: string): Promise<Logged> {
  for (let tries = 0; tries < 30; tries++) {
    const items = (await srv.app.inject({ method: 'GET', url: '/api/staff/questions?limit=200', headers: as(staff) })).json().items as Logged[];
    const row = items.find((i) => i.id === id);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`question ${id} was not logged`);
}

/** Sends a text in a chat and returns the answer the asker saw (the message with a question-log id). */
async function askIn(c: ChatClient, clientId: string, text: string, mode?: 'qa'): Promise<{ id: string; text: string }> {
  const from = c.received.length;
  c.send({ type: 'text', clientId, text, ...(mode ? { mode } : {}) });
  await c.until((m) => m.type === 'ack' && m.clientId === clientId);
  const end = await c.until((m) => m.type === 'message.end' && !!m.questionId && c.received.indexOf(m) >= from, 30_000);
  const e = end as Extract<ServerMessage, { type: 'message.end' }>;
  return { id: e.questionId!, text: e.text };
}

async function qaChat(): Promise<ChatClient> {
  const c = await ChatClient.connect(srv.url);
  c.send({ type: 'open', mode: 'qa' });
  await c.next('session');
  await c.next('message.end');
  return c;
}

/** Each: the question, the outcome the asker must see, and what its answer must hold. */
const QA_PATHS: { path: string; q: string; sees: Seen; holds: string; queued?: false }[] = [
  { path: 'answer base', q: '新乡市最多能推几家企业', sees: 'answered', holds: '15家' },
  { path: 'form part', q: '附件2第四部分写啥', sees: 'answered', holds: '相关附件' },
  { path: 'form part', q: '附件1的第三部分要写什么内容', sees: 'answered', holds: '智能车间建设详情' },
  { path: 'form part', q: '申报书附件3第二部分填哪些', sees: 'answered', holds: '附件3.二(一)' },
  { path: 'per type', q: '有没有要求必须上SCADA', sees: 'answered', holds: '三(二)3' },
  { path: 'stated-fact verdict', q: '俺们厂是分公司，能不能报，去年上了失信名单', sees: 'answered', holds: '不能' },
  { path: 'closest clauses', q: '那车间呢', sees: 'unanswered', holds: '三(一)1' },
  // Refused by the shipped 通知未涉及 entry on money: logged refused (the 通知未涉及 tag), but answered, so not for review.
  { path: 'refusal by an entry', q: '评上了奖励有多少', sees: 'refused', holds: '0371', queued: false },
  { path: 'refusal', q: '申报押金怎么退', sees: 'refused', holds: '0371' },
  // Small talk is refused as a topic of its own and is logged so, but it is no unanswered question: not for review.
  { path: 'small talk', q: '讲个笑话吧', sees: 'refused', holds: '0371', queued: false },
  { path: 'small talk', q: '你们食堂几点开饭', sees: 'refused', holds: '0371', queued: false },
  { path: 'small talk', q: '你好吗', sees: 'refused', holds: '0371', queued: false },
  // A greeting is greeted back.
  { path: 'greeting', q: '你好呀', sees: 'answered', holds: '您好' },
  { path: 'greeting', q: '在吗', sees: 'answered', holds: '您好' },
];

describe('the logged outcome of each answer path', () => {
  it('matches what the asker saw in the chat, on /api/ask and in the console', async () => {
    const staff = await staffAs(srv, 'outcomes', 'helpline');
    const c = await qaChat();
    for (const [i, p] of QA_PATHS.entries()) {
      const chat = await askIn(c, `q${i}`, p.q, 'qa');
      expect(seen(chat.text), `${p.path}: ${p.q} → ${chat.text.slice(0, 80)}`).toBe(p.sees);
      expect(chat.text, p.q).toContain(p.holds);
      expect((await logged(staff, chat.id)).refused, `chat, ${p.path}: ${p.q}`).toBe(p.sees !== 'answered');

      const api = await srv.app.inject({ method: 'POST', url: '/api/ask', payload: { question: p.q } });
      expect(seen(api.json().answer), p.q).toBe(p.sees);
      expect((await logged(staff, api.headers['x-question-id'] as string)).refused, `/api/ask, ${p.path}: ${p.q}`).toBe(p.sees !== 'answered');

      const console = (await srv.app.inject({ method: 'POST', url: '/api/staff/ask', headers: as(staff), payload: { question: p.q } })).json();
      expect(seen(console.answer), p.q).toBe(p.sees);
      expect((await logged(staff, console.questionId)).refused, `console, ${p.path}: ${p.q}`).toBe(p.sees !== 'answered');
    }
    await c.close();

    const queue = (await srv.app.inject({ method: 'GET', url: '/api/staff/review?limit=200', headers: as(staff) })).json().items as Logged[];
    const queued = new Set(queue.map((i) => i.question));
    for (const p of QA_PATHS) {
      const review = p.sees !== 'answered' && p.queued !== false;
      expect(queued.has(p.q), `${p.path}: ${p.q} ${review ? 'is' : 'is not'} for review`).toBe(review);
    }
  }, 180_000);

  it('logs a follow-up read with the question before it as answered', async () => {
    const staff = await staffAs(srv, 'outcomes-follow', 'helpline');
    const c = await qaChat();
    await askIn(c, 'f1', '智能工厂对企业规模有啥要求');
    const follow = await askIn(c, 'f2', '那车间呢');
    expect(follow.text).toContain('接着上一个问题');
    expect(seen(follow.text)).toBe('answered');
    expect((await logged(staff, follow.id)).refused).toBe(false);
    await c.close();
  }, 60_000);

  it('logs a question about the item waiting as answered, whether the notice or the item itself answers it', async () => {
    const staff = await staffAs(srv, 'outcomes-item', 'helpline');
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.credit.dishonestExecutee');
    for (const [i, text] of ['这一项上哪儿查', '这项指的是啥', '这一栏咋回答'].entries()) {
      const a = await askIn(s.client, `i${i}`, text);
      expect(seen(a.text), text).toBe('answered');
      const row = await logged(staff, a.id);
      expect(row.refused, text).toBe(false);
      expect(row.clauses, text).toContain('二(四)');
    }
    await s.client.close();
  }, 120_000);

  it('logs what a blocked enterprise may still do as answered, citing what blocks it', async () => {
    const staff = await staffAs(srv, 'outcomes-blocked', 'helpline');
    const s = await steer(srv.url, ineligible, () => false);
    for (const [i, text] of ['那我们眼下还有啥办法没', '以后还能报不'].entries()) {
      const a = await askIn(s.client, `b${i}`, text);
      expect(a.text, text).toContain('暂不符合申报条件');
      const row = await logged(staff, a.id);
      expect(row.refused, text).toBe(false);
      expect(row.clauses, text).toContain('二(四)');
    }
    await s.client.close();
  }, 120_000);
});
