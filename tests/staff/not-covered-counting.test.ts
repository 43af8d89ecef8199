import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { as, staffAs, type StaffLogin } from './helpers';

/*
 * A refusal a shipped 通知未涉及 entry gave is that entry's answer: the asker was told the notice leaves the topic out,
 * and whom to call. It is counted as answered, apart (通知未涉及), on the dashboard, found under its own filter in the
 * question log and not under 「只看未能回答」, and kept out of the review queue. A refusal no entry gave is still
 * 未能回答 everywhere. Each is asked in words of its own, not an entry's listed question.
 */

let b: Built;
let helpline: StaffLogin;
beforeAll(async () => {
  b = await build();
  helpline = await staffAs(b, 'counting', 'helpline');
});
afterAll(async () => b?.close());

type Item = { id: string; question: string; refused: boolean; entries: string[] };
type Dashboard = { questions: number; refusalRate: number; lowConfidenceRate: number; tables: { perDay: { columns: string[]; rows: (string | number)[][] } } };
const ask = (question: string) => b.app.inject({ method: 'POST', url: '/api/ask', payload: { question } });
const get = async <T>(url: string): Promise<T> => (await b.app.inject({ method: 'GET', url, headers: as(helpline) })).json() as T;
const log = (query: string) => get<{ items: Item[]; total: number }>(`/api/staff/questions?limit=100${query}`);
const queue = async () => new Set((await get<{ items: Item[] }>('/api/staff/review?limit=200')).items.map((i) => i.id));
const today = (d: Dashboard) => d.tables.perDay.rows.at(-1)!;

/** Refused by a shipped 通知未涉及 entry: money, a guaranteed result, fees, asked as an applicant might. */
const NOT_COVERED = ['评上之后省里给发多少钱啊', '我们这个条件保证能选上吧', '报这个要不要交钱给你们'];
/** Refused with no entry behind it (measured): nothing the answer base holds was found. */
const UNANSWERED = ['申报要交多少费用', '申报书页码怎么编？'];
/** Answered: a two-part question whose money part a 通知未涉及 entry answers is no refusal at all. */
const ANSWERED = ['洛阳能推几家？评上了奖补多少钱', '视频不能超过多大'];

describe('a refusal a shipped 通知未涉及 entry gave', () => {
  it('is an answer on the dashboard, in the log filters and in the queue; a refusal no entry gave is not', async () => {
    const before = await get<Dashboard>('/api/staff/dashboard');
    const ids = new Map<string, string>();
    for (const q of [...NOT_COVERED, ...UNANSWERED, ...ANSWERED]) {
      const r = await ask(q);
      expect(r.statusCode, q).toBe(200);
      ids.set(q, r.headers['x-question-id'] as string);
      const body = r.json();
      if (NOT_COVERED.includes(q)) {
        expect(body.outOfScope, q).toBe(true);
        expect(body.entries, q).toHaveLength(1);
        expect(body.entries[0], q).toMatch(/^nc-/);
      }
      if (ANSWERED.includes(q)) expect(body.outOfScope, q).toBe(false);
    }
    const id = (qs: string[]) => new Set(qs.map((q) => ids.get(q)!));

    // 「只看未能回答」 holds the refusals no entry gave; the 通知未涉及 ones are found under their own filter.
    const unanswered = await log('&result=unanswered');
    expect(new Set(unanswered.items.map((i) => i.id))).toEqual(id(UNANSWERED));
    const refusedNoEntry = (await log('&refused=true')).items.filter((i) => i.entries.length === 0).map((i) => i.id);
    expect(new Set(unanswered.items.map((i) => i.id))).toEqual(new Set(refusedNoEntry));
    expect(unanswered.total).toBe(unanswered.items.length);
    const notCovered = await log('&result=notCovered');
    expect(new Set(notCovered.items.map((i) => i.id))).toEqual(id(NOT_COVERED));
    expect(notCovered.total).toBe(NOT_COVERED.length);
    // The raw flag still holds both: the filter is of what the rows are tagged, not of what is stored.
    expect((await log('&refused=true')).total).toBe(unanswered.total + notCovered.total);

    // The queue: the refusals no entry gave and the unsure answer, not the 通知未涉及 ones.
    const queued = await queue();
    for (const q of NOT_COVERED) expect(queued.has(ids.get(q)!), q).toBe(false);
    for (const q of UNANSWERED) expect(queued.has(ids.get(q)!), q).toBe(true);

    // The dashboard: counted as questions, as 通知未涉及, not in the refusal rate.
    const d = await get<Dashboard>('/api/staff/dashboard');
    const [, questions, refused, nc] = today(d) as number[];
    const [, q0 = 0, r0 = 0, n0 = 0] = (before.tables.perDay.rows.length ? today(before) : []) as number[];
    expect(d.tables.perDay.columns[3]).toBe(b.app.kb.data.ui.console.dashboard.perDay.columns.notCovered);
    expect(questions! - q0).toBe(NOT_COVERED.length + UNANSWERED.length + ANSWERED.length);
    expect(nc! - n0).toBe(NOT_COVERED.length);
    expect(refused! - r0).toBe(unanswered.total);
    expect(d.refusalRate).toBeCloseTo(refused! / questions!, 6);
  });

  it('leaves the queue only when shipped: voted 👎, it is queued again', async () => {
    const r = await ask('拿到认定后有没有奖金');
    expect(r.json().entries).toEqual(['nc-reward']);
    const qid = r.headers['x-question-id'] as string;
    expect((await queue()).has(qid)).toBe(false);
    expect((await b.app.inject({ method: 'POST', url: '/api/feedback', payload: { questionId: qid, vote: 'down' } })).statusCode).toBe(200);
    expect((await queue()).has(qid)).toBe(true);
  });
});
