import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { PgliteStore } from '../../server/store/pglite';
import { build, type Built } from '../helper';
import { as, staffAs, type StaffLogin } from './helpers';

/*
 * One classification of a logged row (server/staff/log-kind.ts) decides both what the dashboard counts as a question
 * and what the review queue holds: a greeting, thanks or small talk asked in 政策问答 is neither, and an interview reply
 * the rules read (a greeting, a value of another kind than the field wants) is no misread. Rows logged before the log
 * kept that classification are read again, so old rows are treated as new ones.
 */

type Item = { id: string; question: string };
type Dashboard = { questions: number; misreads: number; refusalRate: number; tables: { perDay: { rows: (string | number)[][] } } };

describe('the dashboard counts only questions', () => {
  let b: Built;
  let helpline: StaffLogin;
  beforeAll(async () => {
    b = await build();
    helpline = await staffAs(b, 'kindcount', 'helpline');
  });
  afterAll(async () => b?.close());
  const dashboard = async (): Promise<Dashboard> => (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();

  it('leaves out greetings, thanks and small talk asked in 政策问答, and counts a question said with a greeting or thanks', async () => {
    const before = await dashboard();
    // The reported phrasings, and others of the same meaning: a greeting, thanks, a nod with thanks, small talk.
    const nothing = ['你好', '谢谢', '您好，在吗', '多谢啦', '好的，谢谢您', '讲个笑话吧'];
    // Near misses: a greeting or thanks with a question in it is a question.
    const questions = ['你好，视频文件有大小限制吗', '谢谢，郑州市能推荐几家', '视频多大'];
    for (const q of [...nothing, ...questions]) expect((await b.app.inject({ method: 'POST', url: '/api/ask', payload: { question: q } })).statusCode).toBe(200);
    // The console's own ask is counted alike.
    await b.app.inject({ method: 'POST', url: '/api/staff/ask', headers: as(helpline), payload: { question: '您好' } });
    const d = await dashboard();
    expect(d.questions - before.questions).toBe(questions.length);
    // The queue leaves them out by the same reading: none of the small talk is queued.
    const queued = new Set(((await b.app.inject({ method: 'GET', url: '/api/staff/review?limit=200', headers: as(helpline) })).json().items as Item[]).map((i) => i.question));
    for (const q of nothing) expect(queued.has(q), q).toBe(false);
  }, 60_000);
});

describe('rows logged before the log kept a kind', () => {
  let b: Built;
  let helpline: StaffLogin;
  const ids: Record<string, string> = {};
  let interviewId = '';

  beforeAll(async () => {
    b = await build();
    helpline = await staffAs(b, 'kindold', 'helpline');
    const db = await (b.app.store as PgliteStore).database();
    const first = b.app.kb.data.interview.questions[0]!;
    interviewId = first.id;
    // As the log held them before: small talk refused with no topic, and every unread-looking interview reply.
    const rows: [string, 'chat' | 'api' | 'interview', string, string, number, boolean][] = [
      ['hello', 'chat', '你好', '抱歉，无法根据通知作答', 0.2, true],
      ['thanks', 'api', '谢谢您', '抱歉，无法根据通知作答', 0.2, true],
      ['weather', 'chat', '今天天气怎么样', '抱歉，无法根据通知作答', 0.2, true],
      ['joke', 'api', '给我讲个笑话', '抱歉，无法根据通知作答', 0.2, true],
      ['fee', 'chat', '申报押金怎么退', '抱歉，无法根据通知作答', 0.2, true],
      ['helloFee', 'api', '你好，申报押金怎么退', '抱歉，无法根据通知作答', 0.2, true],
      ['surname', 'interview', '刘总', '[form.contact.name · ] 请写全名', 0, true],
      ['title', 'interview', '王经理', '[form.contact.name · ] 请写全名', 0, true],
      ['year', 'interview', '2015年', '[form.creditCode · ] 请填写信用代码', 0, true],
      ['greeted', 'interview', '您好', `[${first.id} · ${first.clause ?? ''}] 没有听懂`, 0, true],
      ['unread', 'interview', '差不多吧', `[${first.id} · ${first.clause ?? ''}] 没有听懂`, 0, true],
    ];
    for (const [key, source, question, answer, confidence, refused] of rows) {
      ids[key] = randomUUID();
      await db.query(
        `insert into staff_question_log (id, at, source, question, answer, clauses, entry, confidence, refused, knowledge_version)
         values ($1, now(), $2, $3, $4, '[]', null, $5, $6, $7)`,
        [ids[key], source, question, answer, confidence, refused, b.app.kb.version],
      );
    }
  });
  afterAll(async () => b?.close());

  it('keeps old small talk and interview replies the rules now read out of the review queue, and the rest in it', async () => {
    // A read of the queue starts reading the old rows again in the background; they leave it once read.
    const inQueue = async () => {
      const queued = new Set(((await b.app.inject({ method: 'GET', url: '/api/staff/review?limit=200', headers: as(helpline) })).json().items as Item[]).map((i) => i.id));
      return Object.keys(ids).filter((k) => queued.has(ids[k]!)).sort();
    };
    await expect.poll(inQueue, { timeout: 20_000 }).toEqual(['fee', 'helloFee', 'unread']);
    expect(interviewId).not.toBe('');
  });

  it('counts them on the dashboard as new rows are counted', async () => {
    const d: Dashboard = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    expect(d.questions).toBe(2);
    expect(d.refusalRate).toBe(1);
    expect(d.misreads).toBe(1);
  });

  it('writes only their kind: each row keeps its text, answer and outcome', async () => {
    const db = await (b.app.store as PgliteStore).database();
    const r = await db.query<{ id: string; question: string; answer: string; refused: boolean; confidence: number; kind: string }>(
      'select id, question, answer, refused, confidence, kind from staff_question_log where id = any($1::uuid[])',
      [Object.values(ids)],
    );
    const byKey = Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, r.rows.find((row) => row.id === id)!]));
    expect(byKey.hello).toMatchObject({ question: '你好', answer: '抱歉，无法根据通知作答', refused: true, kind: 'smallTalk' });
    expect(byKey.surname).toMatchObject({ question: '刘总', answer: '[form.contact.name · ] 请写全名', refused: true, kind: 'read' });
    expect(Object.fromEntries(Object.entries(byKey).map(([k, row]) => [k, row.kind]))).toEqual({
      hello: 'smallTalk', thanks: 'smallTalk', weather: 'smallTalk', joke: 'smallTalk', fee: 'question', helloFee: 'question',
      surname: 'read', title: 'read', year: 'read', greeted: 'read', unread: 'misread',
    });
    // The question log still lists every row.
    const log = (await b.app.inject({ method: 'GET', url: '/api/staff/questions?limit=100', headers: as(helpline) })).json();
    expect(log.total).toBe(Object.keys(ids).length);
  });

  it('exports an interview reply not read as 评估未读懂 in the 未能回答 column, a refused question as 是', async () => {
    const csv = (await b.app.inject({ method: 'GET', url: '/api/staff/questions.csv', headers: as(helpline) })).body;
    const lines = csv.replace(/^\uFEFF/u, '').split('\r\n').filter(Boolean);
    const head = lines[0]!.split(',');
    const refused = head.indexOf('未能回答');
    const question = head.indexOf('问题');
    const cell = (q: string) => lines.find((l) => l.split(',')[question] === q)!.split(',')[refused];
    expect(cell('差不多吧')).toBe('评估未读懂');
    expect(cell('刘总')).toBe('评估未读懂');
    expect(cell('申报押金怎么退')).toBe('是');
  });
});
