import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { as, newSession, staffAs, type StaffLogin } from './helpers';

/** A question the shipped answer base only answers with its low-confidence fallback. */
const QUESTION = '申报书页码怎么编？';
const PARAPHRASE = '申报书的页码有什么要求？';

/** What the helpline writes for it: the notice sets no page numbering, only the PDF format of 四(二). */
const ENTRY = {
  id: 'document-page-numbers',
  questions: [QUESTION, '申报书要从哪页开始编页码', '申报书的页码有什么要求'],
  answer: '通知没有规定申报书的页码编排：四(二)只要求通过网络平台提交PDF彩色版电子版，包括所有附件及签字盖章页。',
  conclusion: 'open',
  clauses: ['四(二)'],
  quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }],
};

let b: Built;
let helpline: StaffLogin;
let bureau: StaffLogin;

beforeAll(async () => {
  b = await build();
  helpline = await staffAs(b, 'hotline', 'helpline');
  bureau = await staffAs(b, 'luoyang', 'bureau', '洛阳市');
});
afterAll(async () => b?.close());

const ask = async (question: string) => (await b.app.inject({ method: 'POST', url: '/api/ask', payload: { question } }));
const queue = async () => (await b.app.inject({ method: 'GET', url: '/api/staff/review', headers: as(helpline) })).json();
const put = (entry: unknown, extra: Record<string, unknown> = {}, who: StaffLogin = helpline) =>
  b.app.inject({ method: 'PUT', url: `/api/staff/answers/${(entry as { id: string }).id}`, headers: as(who), payload: { entry, ...extra } });

describe('review queue and staff answer entries', () => {
  it('queues a low-confidence answer; an entry written from it answers that question and a paraphrase at once, with its clause', async () => {
    const before = await ask(QUESTION);
    const low = before.json();
    // The fallback is why the question is queued: it concludes nothing.
    expect(low.confidence).toBeLessThan(0.5);
    const qid = before.headers['x-question-id'] as string;
    const item = (await queue()).items.find((i: { id: string }) => i.id === qid);
    expect(item?.question).toBe(QUESTION);

    const saved = await put(ENTRY, { fromQuestion: qid, note: '热线常问' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().revision.revision).toBe(1);
    expect(saved.json().answer.answer).toContain(ENTRY.answer);

    // /api/ask answered this exact question before (and cached it): the edit still shows at once.
    for (const q of [QUESTION, PARAPHRASE]) {
      const after = (await ask(q)).json();
      expect(after.answer.startsWith(ENTRY.answer), `${q}: ${after.answer}`).toBe(true);
      expect(after.citations[0].clause).toBe('四(二)');
      expect(after.citations[0].quote).toContain('PDF彩色版格式');
    }
    // Written from the item, the question leaves the queue.
    expect((await queue()).items.some((i: { id: string }) => i.id === qid)).toBe(false);
  });

  it('offers the entry nearest a queued question by the question it answers, not only by its id', async () => {
    // Answered from an entry, then rated 没有帮助: queued, with that entry nearest.
    const asked = await ask('郑州市能推荐几家？');
    const qid = asked.headers['x-question-id'] as string;
    expect((await b.app.inject({ method: 'POST', url: '/api/feedback', payload: { questionId: qid, vote: 'down' } })).statusCode).toBe(200);
    const item = (await queue()).items.find((i: { id: string }) => i.id === qid);
    expect(item.nearest).toBeTruthy();
    // Named by the entry's label where it has one (staff know it by that), else by the first question it answers.
    const nearest = b.app.kb.data.answerBase.entries.find((e) => e.id === item.nearest)!;
    expect(item.nearestQuestion).toBe(nearest.label ?? nearest.questions[0]);
    await b.app.inject({ method: 'POST', url: `/api/staff/review/${qid}/dismiss`, headers: as(helpline) });
  });

  it('keeps every revision with who and what changed, and a rollback serves the earlier text again', async () => {
    const v2 = { ...ENTRY, answer: '通知对页码没有要求：四(二)只规定提交PDF彩色版电子版。' };
    expect((await put(v2)).statusCode).toBe(200);
    expect((await ask(QUESTION)).json().answer.startsWith(v2.answer)).toBe(true);

    const detail = (await b.app.inject({ method: 'GET', url: `/api/staff/answers/${ENTRY.id}`, headers: as(helpline) })).json();
    expect(detail.revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    expect(detail.revisions[0]).toMatchObject({ author: 'hotline', changed: ['answer'] });
    expect(detail.revisions[1].changed).toEqual(['entry']);

    const rb = await b.app.inject({ method: 'POST', url: `/api/staff/answers/${ENTRY.id}/rollback`, headers: as(helpline), payload: { revision: 1 } });
    expect(rb.statusCode, rb.body).toBe(200);
    expect(rb.json().revision).toMatchObject({ revision: 3, changed: ['answer'] });
    expect((await ask(QUESTION)).json().answer.startsWith(ENTRY.answer)).toBe(true);

    // Withdrawn, the shipped answer base answers alone again.
    const del = await b.app.inject({ method: 'DELETE', url: `/api/staff/answers/${ENTRY.id}`, headers: as(helpline) });
    expect(del.statusCode).toBe(200);
    expect((await ask(QUESTION)).json().answer).not.toContain(ENTRY.answer);
    const back = await b.app.inject({ method: 'POST', url: `/api/staff/answers/${ENTRY.id}/rollback`, headers: as(helpline), payload: { revision: 3 } });
    expect(back.statusCode).toBe(200);
    expect((await ask(QUESTION)).json().answer.startsWith(ENTRY.answer)).toBe(true);
  });

  it('refuses a quote that is not verbatim clause text, and a clause that does not exist, naming each', async () => {
    const bad = await put({ ...ENTRY, id: 'bad-quote', quotes: [{ clause: '四(二)', find: 'PDF黑白版格式' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ENTRY_REJECTED');
    expect(bad.json().error.message).toContain('条款 四(二) 中没有原文“PDF黑白版格式”');
    const missing = await put({ ...ENTRY, id: 'bad-clause', clauses: ['九(九)'], quotes: [{ clause: '九(九)', find: '申报' }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('条款 九(九) 不存在');
    const noQuote = await put({ ...ENTRY, id: 'no-quote', quotes: [] });
    expect(noQuote.statusCode).toBe(400);
    expect(noQuote.json().error.message).toContain('entry.quotes');
    const list = (await b.app.inject({ method: 'GET', url: '/api/staff/answers', headers: as(helpline) })).json();
    expect(list.entries.map((e: { id: string }) => e.id)).not.toContain('bad-quote');
  });

  it('refuses a phone number or a quota the cited clauses do not state, and applicants keep the notice\'s', async () => {
    const contact = b.app.kb.data.answerBase.entries.find((e) => e.id === 'contact')!;
    const phone = await put({ ...contact, answer: '可咨询{unit}，电话0371-12345678。' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().error.code).toBe('ENTRY_REJECTED');
    expect(phone.json().error.message).toContain('0371-12345678');
    expect(phone.json().error.message).toContain('0371—65507698');
    // Nothing was saved: the asker still gets the helpline of 五.
    const asked = (await ask('咨询电话是多少')).json();
    expect(asked.answer).toContain('0371—65507698');
    expect(asked.answer).not.toContain('12345678');

    const quota = await put({ ...ENTRY, id: 'zhengzhou-quota', questions: ['郑州市可以推荐几家', '郑州推荐名额'], answer: '郑州市可推荐50家', conclusion: 'value', clauses: ['四(三)'], quotes: [{ clause: '四(三)', find: '各县（市）不多于5家' }] });
    expect(quota.statusCode).toBe(400);
    expect(quota.json().error.message).toContain('50');
  });

  it('fixes a shipped entry by its id, layered over the shipped file, and lists it as edited', async () => {
    const shipped = b.app.kb.data.answerBase.entries.find((e) => e.id === 'subsidiary')!;
    const fixed = { ...shipped, answer: `${shipped.answer}（热线补充：请以所在地主管部门要求为准。）` };
    expect((await put(fixed)).statusCode).toBe(200);
    const a = (await ask(shipped.questions[0]!)).json();
    expect(a.answer).toContain('热线补充');
    // The shipped knowledge data is untouched: the layer lives in the database.
    expect(b.app.kb.data.answerBase.entries.find((e) => e.id === 'subsidiary')!.answer).toBe(shipped.answer);
    const list = (await b.app.inject({ method: 'GET', url: '/api/staff/answers', headers: as(helpline) })).json();
    expect(list.entries.find((e: { id: string }) => e.id === 'subsidiary').origin).toBe('edited');
  });

  it('serves the chat from the layer, logs chat questions with an id, and a 👎 on one puts it in the queue', async () => {
    const { ChatClient } = await import('../chat/client');
    const { serve } = await import('../chat/serve');
    const s = await serve();
    try {
      const staff = await staffAs(s, 'chatdesk', 'helpline');
      expect((await s.app.inject({ method: 'PUT', url: `/api/staff/answers/${ENTRY.id}`, headers: as(staff), payload: { entry: ENTRY } })).statusCode).toBe(200);
      const c = await ChatClient.connect(s.url);
      c.send({ type: 'open' });
      await c.next('session');
      c.send({ type: 'text', clientId: 'q1', text: PARAPHRASE, mode: 'qa' });
      // The welcome is a message too; the answer is the one that carries a question id.
      const end = await c.until((m) => m.type === 'message.end' && Boolean(m.questionId));
      if (end.type !== 'message.end') throw new Error('not an answer');
      expect(end.text.startsWith(ENTRY.answer)).toBe(true);
      expect(end.questionId).toBeTruthy();
      c.ws.close();
      const vote = await s.app.inject({ method: 'POST', url: '/api/feedback', payload: { questionId: end.questionId, vote: 'down' } });
      expect(vote.statusCode).toBe(200);
      const q = (await s.app.inject({ method: 'GET', url: '/api/staff/review', headers: as(staff) })).json();
      expect(q.items.find((i: { id: string }) => i.id === end.questionId)).toMatchObject({ source: 'chat', question: PARAPHRASE, feedback: 'down' });
    } finally {
      await s.close();
    }
    // A second app with a listening socket and a fresh account (a 64 MiB scrypt hash): slow on a loaded machine.
  }, 120_000);

  it('puts an interview reply the rules could not read in the queue, masked, with the question it answered and what was said back', async () => {
    const { ChatClient } = await import('../chat/client');
    const { serve } = await import('../chat/serve');
    const s = await serve();
    try {
      const staff = await staffAs(s, 'interviewdesk', 'helpline');
      const c = await ChatClient.connect(s.url);
      c.send({ type: 'open' });
      await c.next('session');
      await c.next('question');
      const unread = '这个嘛 你打我电话13812345678';
      c.send({ type: 'text', clientId: 'u1', text: unread });
      await c.until((m) => m.type === 'ack' && m.clientId === 'u1');
      await c.next('question');
      // A hedge is read (the enterprise is not sure): it is asked again, and not logged.
      c.send({ type: 'text', clientId: 'u2', text: '应该是吧' });
      await c.until((m) => m.type === 'ack' && m.clientId === 'u2');
      await c.next('question');
      c.ws.close();
      const q = (await s.app.inject({ method: 'GET', url: '/api/staff/review', headers: as(staff) })).json();
      const logged = q.items.filter((i: { source: string }) => i.source === 'interview');
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ question: '这个嘛 你打我电话[手机号]', refused: true });
      expect(logged[0].answer).toContain('[ent.registeredInHenan · 二(一)]');
    } finally {
      await s.close();
    }
  }, 120_000);

  it('lets only the helpline and admins edit: no cookie, an enterprise token, a bureau account and a forged CSRF token are refused', async () => {
    const url = `/api/staff/answers/${ENTRY.id}`;
    const payload = { entry: ENTRY };
    const session = await newSession(b.app);
    const none = await b.app.inject({ method: 'PUT', url, payload });
    expect(none.statusCode).toBe(401);
    const token = await b.app.inject({ method: 'PUT', url, payload, headers: { authorization: `Bearer ${session.token}` } });
    expect(token.statusCode).toBe(401);
    expect((await put(ENTRY, {}, bureau)).statusCode).toBe(403);
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/review', headers: as(bureau) })).statusCode).toBe(403);
    const forged = await b.app.inject({ method: 'PUT', url, payload, headers: { cookie: helpline.cookie, 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);
    const rollback = await b.app.inject({ method: 'POST', url: `${url}/rollback`, payload: { revision: 1 }, headers: { cookie: helpline.cookie } });
    expect(rollback.statusCode).toBe(403);
  });
});
