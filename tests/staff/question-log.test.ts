import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { loadConfig } from '../../server/config';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { PgliteStore } from '../../server/store/pglite';
import { StaffStore } from '../../server/staff/store';
import { build, type Built } from '../helper';
import { as, staffAs, type StaffLogin } from './helpers';

let b: Built;
let helpline: StaffLogin;

beforeAll(async () => {
  b = await build();
  helpline = await staffAs(b, 'hotline', 'helpline');
});
afterAll(async () => b?.close());

const ask = (question: string) => b.app.inject({ method: 'POST', url: '/api/ask', payload: { question } });
const log = async (query = '') => (await b.app.inject({ method: 'GET', url: `/api/staff/questions${query}`, headers: as(helpline) })).json();

describe('question log', () => {
  it('records each /api/ask question with its clauses, confidence and refusal, newest first, with personal numbers masked', async () => {
    const first = await ask('郑州市能推荐几家？');
    const second = await ask('我电话13812345678，身份证410305199001011234，今天天气怎么样？');
    expect(first.statusCode).toBe(200);
    const body = await log();
    expect(body.retentionDays).toBe(180);
    const [newest, older] = body.items;
    expect(newest.id).toBe(second.headers['x-question-id']);
    expect(older.id).toBe(first.headers['x-question-id']);
    expect(newest.question).toBe('我电话[手机号]，身份证[身份证号]，今天天气怎么样？');
    expect(newest.source).toBe('api');
    // The answer said what it said: the log copies the response, it does not re-judge it.
    const a1 = first.json();
    expect(older.clauses).toEqual([...new Set(a1.citations.map((c: { clause: string }) => c.clause))]);
    expect(older.clauses).toContain('四(三)');
    expect(older.confidence).toBeCloseTo(a1.confidence, 5);
    expect(older.refused).toBe(false);
    const a2 = second.json();
    expect(newest.refused).toBe(a2.outOfScope || a2.citations.length === 0);
    expect(newest.refused).toBe(true);
    expect(JSON.stringify(body)).not.toContain('13812345678');
  });

  it('filters refused questions, and takes 👍/👎 by question id', async () => {
    const r = await ask('你们食堂几点开饭？');
    const id = r.headers['x-question-id'] as string;
    const up = await b.app.inject({ method: 'POST', url: '/api/feedback', payload: { questionId: id, vote: 'down' } });
    expect(up.statusCode).toBe(200);
    const refused = await log('?refused=true');
    expect(refused.items.every((q: { refused: boolean }) => q.refused)).toBe(true);
    expect(refused.items.find((q: { id: string }) => q.id === id).feedback).toBe('down');
    const unknown = await b.app.inject({ method: 'POST', url: '/api/feedback', payload: { questionId: '00000000-0000-4000-8000-000000000000', vote: 'up' } });
    expect(unknown.statusCode).toBe(404);
    const bad = await b.app.inject({ method: 'POST', url: '/api/feedback', payload: { questionId: id, vote: 'meh' } });
    expect(bad.statusCode).toBe(400);
  });

  it('pages with before= and keeps the newest-first order', async () => {
    const all = (await log()).items;
    const page = (await log(`?before=${encodeURIComponent(all[0].at)}&limit=1`)).items;
    expect(page).toHaveLength(1);
    expect(Date.parse(page[0].at)).toBeLessThan(Date.parse(all[0].at));
  });

  it('names the answer-base entries an answer was built from and the knowledge version that answered, in the log and its CSV', async () => {
    const r = await ask('洛阳市能推荐几家？');
    const entries = r.json().entries as string[];
    expect(entries.length).toBeGreaterThan(0);
    const logged = (await log()).items.find((q: { id: string }) => q.id === r.headers['x-question-id']);
    expect(logged.entries).toEqual(entries);
    expect(logged.knowledgeVersion).toBe(b.app.kb.version);
    const refused = (await log('?refused=true')).items[0];
    expect(refused.entries, 'a refusal rests on no entry').toEqual([]);
    const csv = (await b.app.inject({ method: 'GET', url: '/api/staff/questions.csv', headers: as(helpline) })).body;
    const [head, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const column = head!.split(',').indexOf('答复条目');
    expect(column).toBeGreaterThan(0);
    expect(rows.some((line) => line.includes(entries.join(' '))), 'the 答复条目编号 column is filled').toBe(true);
    expect(head).toContain('知识库版本');
  });

  it('searches questions and answers for every word typed, with the total of the search, in the log and its CSV', async () => {
    const a = await ask('视频资料最大能传多大？');
    await ask('郑州市能推荐几家？');
    await ask('百分号%和下划线_不是通配符吗');
    const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
    const found = await log(`?q=${encodeURIComponent('视频 多大')}`);
    expect(ids(found)).toContain(a.headers['x-question-id']);
    expect(found.items.every((i: { question: string; answer: string }) => ['视频', '多大'].every((w) => `${i.question} ${i.answer}`.includes(w)))).toBe(true);
    expect(found.total).toBe(found.items.length);
    // A word only the answer holds finds the question too: a caller remembers what they were told.
    const byAnswer = await log(`?q=${encodeURIComponent('200M')}`);
    expect(ids(byAnswer)).toContain(a.headers['x-question-id']);
    expect((await log(`?q=${encodeURIComponent('视频 郑州市能推荐')}`)).total).toBe(0);
    // % and _ are characters, not patterns.
    expect((await log(`?q=${encodeURIComponent('%')}`)).items.map((i: { question: string }) => i.question)).toEqual(['百分号%和下划线_不是通配符吗']);
    const csv = (await b.app.inject({ method: 'GET', url: `/api/staff/questions.csv?q=${encodeURIComponent('视频 多大')}`, headers: as(helpline) })).body;
    expect(csv).toContain('视频资料最大能传多大');
    expect(csv).not.toContain('郑州市能推荐几家');
  });

  it('writes the CSV in Beijing time, labelled, and leaves a refusal\'s confidence empty', async () => {
    const answered = await ask('洛阳市能推荐几家？');
    const refused = await ask('你们食堂周几休息？');
    expect(refused.json().outOfScope).toBe(true);
    const csv = (await b.app.inject({ method: 'GET', url: '/api/staff/questions.csv', headers: as(helpline) })).body;
    const [head, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const columns = head!.split(',');
    expect(columns[0]).toBe('时间（北京时间）');
    // Every heading is the knowledge version's (ui.json console.questionLog), in the columns' order.
    const w = loadKnowledgeData('knowledge', 'henan-2023').ui.console.questionLog;
    expect(columns).toEqual(Object.values(w.columns));
    const row = (question: string) => (lines.find((l) => l.includes(question)) ?? '').split(',');
    const items = (await log()).items as { id: string; at: string; confidence: number }[];
    const atOf = (h: unknown) => items.find((i) => i.id === h)!.at;
    // 08:00 ahead of UTC, to the minute: the time a Beijing clerk's clock showed.
    const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(row('周几休息')[0]).toBe(beijing(atOf(refused.headers['x-question-id'])));
    expect(row('周几休息')[columns.indexOf('置信度')], 'a refusal has no confidence').toBe('');
    expect(row('周几休息')[columns.indexOf('未能回答')]).toBe('是');
    expect(Number(row('洛阳市能推荐几家')[columns.indexOf('置信度')])).toBeCloseTo(answered.json().confidence, 5);
    // A refusal an answer entry gave (the notice leaves subsidies out) is named as the page names it, with its score.
    const notCovered = await ask('评上了补贴多少钱？');
    expect(notCovered.json().entries.length).toBeGreaterThan(0);
    const again = (await b.app.inject({ method: 'GET', url: '/api/staff/questions.csv', headers: as(helpline) })).body.replace(/^\uFEFF/, '').split('\r\n');
    const reward = (again.find((l) => l.includes('补贴多少钱')) ?? '').split(',');
    expect(reward[columns.indexOf('未能回答')]).toBe(w.notCovered);
    expect(Number(reward[columns.indexOf('置信度')])).toBeCloseTo(notCovered.json().confidence, 5);
  });

  it('names each entry by its standard question, as the version that answered serves it, so a helpline worker can tell what the answer rested on', async () => {
    const r = await ask('洛阳市能推荐几家？');
    const entries = r.json().entries as string[];
    const page = await log();
    const named = page.entryQuestions[b.app.kb.version];
    for (const id of entries) {
      const served = b.app.kb.data.answerBase.entries.find((e) => e.id === id)!;
      expect(named[id], id).toBe(served.label ?? served.questions[0]);
      // The id is a key, not a name: no standard question is written like one.
      expect(named[id]).not.toMatch(/^[a-z0-9-]+$/);
    }
    const csv = (await b.app.inject({ method: 'GET', url: '/api/staff/questions.csv', headers: as(helpline) })).body;
    const head = csv.replace(/^\uFEFF/, '').split('\r\n')[0]!.split(',');
    expect(head.slice(head.indexOf('答复条目'), head.indexOf('答复条目') + 2)).toEqual(['答复条目', '答复条目编号']);
    expect(csv).toContain(named[entries[0]!]!);
  });

  it('folds full- and half-width, case and traditional characters in a search, both ways, as the understanding step reads questions', async () => {
    const wide = await ask('ＭＥＳ系统要上线１年吗？');
    const trad = await ask('智能車間要幾個系統？');
    const plain = await ask('mes和erp要集成吗');
    const hits = async (q: string) => (await log(`?q=${encodeURIComponent(q)}`)).items.map((i: { id: string }) => i.id);
    for (const q of ['MES', 'mes', 'ＭＥＳ', 'Ｍｅｓ']) {
      expect(await hits(q), q).toContain(wide.headers['x-question-id']);
      expect(await hits(q), q).toContain(plain.headers['x-question-id']);
    }
    expect(await hits('上线1年'), 'a half-width digit finds the full-width one').toContain(wide.headers['x-question-id']);
    expect(await hits('上线１年'), 'and the other way').toContain(wide.headers['x-question-id']);
    for (const q of ['智能车间 几个', '智能車間 幾個', '车间 幾个']) expect(await hits(q), q).toContain(trad.headers['x-question-id']);
    // Words of two questions, held by no one question and its answer, find neither (the MES question's answer
    // now cites 附件1's 智能车间基本信息, so 智能车间 is no longer foreign to it).
    expect(await hits('ＭＥＳ 幾個')).toEqual([]);

    // A row logged before the log kept a search text is folded too, once the store fills it in.
    const db = await (b.app.store as PgliteStore).database();
    await db.query(`update staff_question_log set search_text = null where id = $1`, [trad.headers['x-question-id']]);
    const fresh = new StaffStore(db, b.config.DATA_DIR);
    const old = await fresh.questions({ text: '智能车间', limit: 50 });
    expect(old.map((i) => i.id)).toContain(trad.headers['x-question-id']);
  });

  it('pages the whole log with before and beforeId, with the total of its filter, and misses no question logged in the same millisecond', async () => {
    const db = await (b.app.store as PgliteStore).database();
    const store = new StaffStore(db, b.config.DATA_DIR);
    // Older than anything else in the log, all at one instant: only the id tells them apart.
    const at = new Date(Date.now() - 86_400_000);
    const rec = { source: 'chat' as const, question: '同一时刻', answer: { answer: 'x', citations: [], confidence: 0, outOfScope: true }, knowledgeVersion: 'henan-2023' };
    const ids = Array.from({ length: 5 }, (_, i) => `7777777${i}-7777-4777-8777-777777777777`);
    await Promise.all(ids.map((id) => store.logQuestion(id, at, rec)));
    const first = await log('?limit=3');
    expect(first.total).toBeGreaterThan(5);
    const seen: string[] = [];
    let page = first;
    while (page.items.length) {
      seen.push(...page.items.map((q: { id: string }) => q.id));
      const last = page.items.at(-1);
      expect(page.total).toBe(first.total);
      page = await log(`?limit=3&before=${encodeURIComponent(last.at)}&beforeId=${last.id}`);
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    // The total counts what the filter holds, not what one page shows.
    const chat = await log('?source=chat&limit=2');
    expect(chat.items).toHaveLength(2);
    expect(chat.total).toBe(5);
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/questions?beforeId=nope', headers: as(helpline) })).statusCode).toBe(400);
  });

  it('logs console questions as their own source and offers them as recent and frequent', async () => {
    const res = await b.app.inject({ method: 'POST', url: '/api/staff/ask', headers: as(helpline), payload: { question: '推荐汇总表什么时候上传？' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().citations.length).toBeGreaterThan(0);
    const recent = (await b.app.inject({ method: 'GET', url: '/api/staff/ask/recent', headers: as(helpline) })).json();
    expect(recent.recent[0]).toBe('推荐汇总表什么时候上传？');
    // A frequent question is offered as the wording most asked, read without its closing punctuation.
    expect(recent.frequent).toContainEqual({ question: '推荐汇总表什么时候上传', count: 1 });
    expect((await log('?source=console')).items[0].id).toBe(res.json().questionId);
  });

  it('imports questions asked with npm run ask', async () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli/ask.ts', '洛阳市能推荐几家？我的手机13912345678'], {
      env: { ...process.env, DATA_DIR: b.config.DATA_DIR, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(out).toContain('四(三)');
    const cli = (await log('?source=cli')).items;
    expect(cli).toHaveLength(1);
    expect(cli[0].question).toBe('洛阳市能推荐几家？我的手机[手机号]');
    // Imported once: a second read does not duplicate it.
    expect((await log('?source=cli')).items).toHaveLength(1);
  });

  it('deletes entries older than the retention setting', async () => {
    const db = await (b.app.store as PgliteStore).database();
    const store = new StaffStore(db, b.config.DATA_DIR);
    await store.logQuestion('11111111-1111-4111-8111-111111111111', new Date(Date.now() - 200 * 86_400_000), {
      source: 'api',
      question: 'old',
      answer: { answer: 'x', citations: [], confidence: 0, outOfScope: true },
      knowledgeVersion: 'henan-2023',
    });
    expect((await log()).items.some((q: { question: string }) => q.question === 'old')).toBe(true);
    const removed = await store.purgeOlderThan(b.config.QUESTION_LOG_RETENTION_DAYS);
    expect(removed).toBe(1);
    expect((await log()).items.some((q: { question: string }) => q.question === 'old')).toBe(false);
  });

  it('keeps commas, quotes and line breaks of a question as typed, and a repeated id does not lose the batch', async () => {
    const typed = '车间，"离散型"还是流程型？\n第二行, 含逗号\r\n"引号"';
    const r = await ask(typed);
    expect(r.statusCode).toBe(200);
    const logged = (await log()).items.find((q: { id: string }) => q.id === r.headers['x-question-id']);
    expect(logged.question).toBe(typed);
    const db = await (b.app.store as PgliteStore).database();
    const store = new StaffStore(db, b.config.DATA_DIR);
    const rec = { source: 'api' as const, question: '重复', answer: { answer: 'x', citations: [], confidence: 0, outOfScope: true }, knowledgeVersion: 'henan-2023' };
    const dup = '22222222-2222-4222-8222-222222222222';
    await Promise.all([store.logQuestion(dup, new Date(), rec), store.logQuestion(dup, new Date(), rec), store.logQuestion('33333333-3333-4333-8333-333333333333', new Date(), { ...rec, question: '同批另一条' })]);
    const items = (await log()).items as { id: string; question: string }[];
    expect(items.filter((q) => q.id === dup)).toHaveLength(1);
    expect(items.some((q) => q.question === '同批另一条')).toBe(true);
  });

  it('a batch of log rows that cannot be written is reported once, fails the callers that wait for it, and is not an unhandled rejection', async () => {
    const broken = new Error('disk full');
    const failing = { kind: 'pglite', query: async () => Promise.reject(broken), copyCsv: async () => Promise.reject(broken) };
    const store = new StaffStore(failing as never, b.config.DATA_DIR);
    const reported: unknown[] = [];
    store.onLogError = (err) => reported.push(err);
    const unhandled: unknown[] = [];
    const onUnhandled = (err: unknown) => unhandled.push(err);
    process.on('unhandledRejection', onUnhandled);
    try {
      const rec = { source: 'api' as const, question: '写不进去', answer: { answer: 'x', citations: [], confidence: 0, outOfScope: true }, knowledgeVersion: 'henan-2023' };
      const waited = store.logQuestion('44444444-4444-4444-8444-444444444444', new Date(), rec);
      // Two more rows of the same batch whose callers do not wait, as the routes do.
      void store.logQuestion('55555555-5555-4555-8555-555555555555', new Date(), rec);
      void store.logQuestion('66666666-6666-4666-8666-666666666666', new Date(), rec);
      await store.flushLog();
      await expect(waited).rejects.toBe(broken);
      await new Promise((r) => setTimeout(r, 20));
      expect(reported).toEqual([broken]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('reads the retention setting from QUESTION_LOG_RETENTION_DAYS and rejects nonsense', () => {
    expect(loadConfig({ QUESTION_LOG_RETENTION_DAYS: '30' }).QUESTION_LOG_RETENTION_DAYS).toBe(30);
    expect(() => loadConfig({ QUESTION_LOG_RETENTION_DAYS: '0' })).toThrow(/QUESTION_LOG_RETENTION_DAYS/);
  });
});
