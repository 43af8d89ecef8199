import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { as, staffAs, type StaffLogin } from './helpers';

/*
 * A 「通知未涉及」 entry staff write from the review queue answers the question it was written for: the asker is told
 * the notice leaves the topic out, with 五's helpline, in the refusal's own words. The log names the entry the
 * refusal rests on, and the same question asked again is not queued again; a paraphrase the entry catches still is.
 * A shipped 通知未涉及 entry's refusal is never queued: it was reviewed before it shipped.
 */

let b: Built;
let helpline: StaffLogin;

beforeAll(async () => {
  b = await build();
  helpline = await staffAs(b, 'hotline', 'helpline');
});
afterAll(async () => b?.close());

type Item = { id: string; question: string; refused: boolean; entries: string[]; reviewEntry?: string };
const ask = (question: string) => b.app.inject({ method: 'POST', url: '/api/ask', payload: { question } });
const queue = async (): Promise<Item[]> => (await b.app.inject({ method: 'GET', url: '/api/staff/review?limit=200', headers: as(helpline) })).json().items;
const log = async () => (await b.app.inject({ method: 'GET', url: '/api/staff/questions?limit=200', headers: as(helpline) })).json() as { items: Item[]; entryQuestions: Record<string, Record<string, string>> };
const put = (entry: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  b.app.inject({ method: 'PUT', url: `/api/staff/answers/${entry.id as string}`, headers: as(helpline), payload: { entry, ...extra } });

/** Refused with the closest clauses (no entry, no topic): queued. */
const QUESTION = '申报材料需要胶装成册吗？';
const ENTRY = {
  id: 'staff-binding',
  questions: [QUESTION, '申报材料要胶装吗'],
  answer: '通知没有规定申报材料是否装订。',
  conclusion: 'notCovered',
  topic: '申报材料的装订',
  clauses: ['五'],
  quotes: [],
};

describe('a 通知未涉及 entry written from the review queue', () => {
  it('answers with the refusal naming its topic and 五, is named in the log, and keeps the question out of the queue', async () => {
    const first = await ask(QUESTION);
    const qid = first.headers['x-question-id'] as string;
    // The caller tried twice before staff looked: both are queued, and answering one answers the other.
    const twice = (await ask(QUESTION)).headers['x-question-id'] as string;
    expect((await queue()).filter((i) => i.id === qid || i.id === twice)).toHaveLength(2);

    const saved = await put(ENTRY, { fromQuestion: qid });
    expect(saved.statusCode, saved.body).toBe(200);
    // The text staff typed is the entry's own note: what users get is the refusal, which the editor shows before saving.
    const answer = saved.json().answer;
    expect(answer.answer).toContain('《通知》没有涉及申报材料的装订');
    expect(answer.answer).toContain('0371—65507698');
    expect(answer.answer).not.toContain(ENTRY.answer);
    expect(answer.entries).toEqual([ENTRY.id]);

    // The reported wording, the same words retyped (full-width, no question mark), and a line the entry lists.
    const again = ['申报材料需要胶装成册吗？', '申报材料需要胶装成册吗', '申报材料需要胶装成册吗?', '申报材料要胶装吗？'];
    const ids: string[] = [];
    for (const q of again) {
      const r = await ask(q);
      expect(r.json().outOfScope, q).toBe(true);
      expect(r.json().entries, q).toEqual([ENTRY.id]);
      ids.push(r.headers['x-question-id'] as string);
    }
    const logged = await log();
    const row = (id: string) => logged.items.find((i) => i.id === id)!;
    // Asked again, the refusal rests on the entry; the first asking names the entry it was answered with in review.
    for (const id of ids) expect(row(id).entries).toEqual([ENTRY.id]);
    expect(row(qid).reviewEntry).toBe(ENTRY.id);
    expect(logged.entryQuestions[b.app.kb.version]?.[ENTRY.id]).toBe(QUESTION);
    const queued = new Set((await queue()).map((i) => i.id));
    for (const id of [qid, twice, ...ids]) expect(queued.has(id), row(id).question).toBe(false);
    // The earlier asking still shows what it was told then: a refusal resting on no entry.
    expect(row(twice)).toMatchObject({ refused: true, entries: [] });
  });

  it('still queues a paraphrase the entry caught and an answer rated 👎, not a refusal by a shipped 通知未涉及 entry', async () => {
    // Not a line of the entry nor a question answered with it in review: the entry may have caught it wrongly.
    const paraphrase = await ask('申报材料要不要胶装成册');
    expect(paraphrase.json().entries).toEqual([ENTRY.id]);
    // Its own words, rated unhelpful: an asker said the refusal did not help.
    const voted = await ask(QUESTION);
    const votedId = voted.headers['x-question-id'] as string;
    expect((await b.app.inject({ method: 'POST', url: '/api/feedback', payload: { questionId: votedId, vote: 'down' } })).statusCode).toBe(200);
    // A shipped entry's refusal was reviewed before it shipped: the asker was answered, and nothing is left to judge.
    const shipped = await ask('俺们厂这条件能评上不');
    expect(shipped.json().entries).toEqual(['nc-guarantee']);
    const queued = new Set((await queue()).map((i) => i.id));
    expect(queued.has(paraphrase.headers['x-question-id'] as string)).toBe(true);
    expect(queued.has(shipped.headers['x-question-id'] as string)).toBe(false);
    expect(queued.has(votedId)).toBe(true);
  });

  it('tells the editor what a 通知未涉及 entry answers with, its topic left to fill', async () => {
    const r = (await b.app.inject({ method: 'GET', url: '/api/staff/answers', headers: as(helpline) })).json();
    expect(r.refusal).toBe('《通知》没有涉及{topic}，无法根据通知作答。如需了解，请咨询省工业和信息化厅数字化与未来产业处（电话0371—65507698），或向所在地工业和信息化主管部门咨询。');
  });

  it('names the 通知未涉及 entry a part of a two-part answer rests on, beside the entry that answered the other part', async () => {
    const r = (await ask('洛阳能推几家？评上了奖补多少钱')).json();
    expect(r.outOfScope).toBe(false);
    expect(r.entries).toEqual(['region-count', 'nc-reward']);
  });
});
