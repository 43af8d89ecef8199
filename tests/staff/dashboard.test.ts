import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { toCsv } from '../../server/staff/dashboard';
import { workshop } from '../chat/enterprises';
import type { PgliteStore } from '../../server/store/pglite';
import { StaffStore } from '../../server/staff/store';
import { build, type Built } from '../helper';
import { as, newSession, staffAs, submit, type StaffLogin } from './helpers';

let b: Built;
let helpline: StaffLogin;

beforeAll(async () => {
  b = await build();
  helpline = await staffAs(b, 'hotline', 'helpline');
});
afterAll(async () => b?.close());

/** The calendar day of a time in 北京时间, as the dashboard counts days. */
const beijingDay = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const QUESTIONS = ['郑州市能推荐几家？', '洛阳市能推荐几家？', '视频有什么要求？', '你们食堂几点开饭？'];

describe('dashboard', () => {
  it('counts questions, refusals and topics from the log, and submitted assessments by region, category and verdict', async () => {
    const answers = [];
    for (const q of QUESTIONS) answers.push((await b.app.inject({ method: 'POST', url: '/api/ask', payload: { question: q } })).json());
    for (const region of ['洛阳市', '洛阳市', '郑州市']) {
      const s = await newSession(b.app);
      await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true])) });
      expect((await submit(b.app, s, region)).statusCode).toBe(201);
    }
    const d = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    // 「你们食堂几点开饭」 is small talk, refused as such: logged, but no question, so neither counted nor its clauses.
    expect(answers[3].topic).toBe('chat');
    const asked = answers.filter((a) => a.topic !== 'chat');
    expect(asked).toHaveLength(3);
    const refused = asked.filter((a) => a.outOfScope || a.citations.length === 0).length;
    const low = asked.filter((a) => !(a.outOfScope || a.citations.length === 0) && a.confidence < d.lowConfidence).length;
    expect(d.questions).toBe(asked.length);
    expect(d.refusalRate).toBeCloseTo(refused / asked.length, 6);
    expect(d.lowConfidenceRate).toBeCloseTo(low / asked.length, 6);
    expect(d.tables.perDay.rows).toEqual([[beijingDay(new Date()), asked.length, refused, 0, low, 0]]);
    const cited = asked.flatMap((a) => [...new Set(a.citations.map((c: { clause: string }) => c.clause))]);
    const top = d.tables.topics.rows[0];
    expect(top[2]).toBe(Math.max(...cited.map((c) => cited.filter((x) => x === c).length)));
    expect(d.tables.topics.rows.find((r: unknown[]) => r[0] === '四(三)')[2]).toBe(cited.filter((c) => c === '四(三)').length);
    expect(d.tables.regions.rows).toEqual([['洛阳市', 2], ['郑州市', 1]]);
    expect(d.tables.categories.rows).toEqual([[b.app.kb.data.elements.categories.smartWorkshop.label, 3]]);
  });

  it('exports every dashboard table and the question log as CSV', async () => {
    for (const t of ['perDay', 'topics', 'regions', 'categories', 'verdicts', 'exports']) {
      const res = await b.app.inject({ method: 'GET', url: `/api/staff/dashboard/${t}.csv`, headers: as(helpline) });
      expect(res.statusCode, t).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      expect(res.body.startsWith('\uFEFF')).toBe(true);
    }
    const regions = await b.app.inject({ method: 'GET', url: '/api/staff/dashboard/regions.csv', headers: as(helpline) });
    expect(regions.body).toBe('\uFEFF地区,企业数\r\n洛阳市,2\r\n郑州市,1\r\n');
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/dashboard/secrets.csv', headers: as(helpline) })).statusCode).toBe(400);
    const log = await b.app.inject({ method: 'GET', url: '/api/staff/questions.csv', headers: as(helpline) });
    expect(log.body.split('\r\n').filter(Boolean)).toHaveLength(QUESTIONS.length + 1);
  });

  it('counts the application-form drafts served as DOCX, and not a refused export', async () => {
    const before = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    expect(before.draftsExported).toBe(0);
    for (let i = 0; i < 2; i++) {
      const res = await b.app.inject({ method: 'POST', url: '/api/export/docx', payload: { profile: { name: '洛阳某机械有限公司' }, category: 'smartWorkshop' } });
      expect(res.statusCode).toBe(200);
    }
    const refused = await b.app.inject({ method: 'POST', url: '/api/export/docx', payload: { profile: {}, category: 'noSuchCategory' } });
    expect(refused.statusCode).toBe(400);
    const d = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    expect(d.draftsExported).toBe(2);
    expect(d.tables.exports.rows).toEqual([['DOCX', 2]]);
  });

  it('counts submitted assessments of one programme year, the default year unless ?year= names another, as the bureau list does', async () => {
    const year = b.app.kb.data.manifest.year;
    const old = await newSession(b.app);
    await b.app.store.setAnswers(old.sessionId, { ...workshop.facts });
    expect((await submit(b.app, old, '南阳市')).statusCode).toBe(201);
    // As if it had been submitted under last year's notice.
    await (await (b.app.store as PgliteStore).database()).query('update staff_submissions set programme_year = $2 where session_id = $1', [old.sessionId, year - 1]);

    const d = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    expect(d.year).toBe(year);
    expect(d.years).toEqual([year, year - 1]);
    // This year's three submissions only: last year's 南阳市 application is not one of them.
    expect(d.tables.regions.rows).toEqual([['洛阳市', 2], ['郑州市', 1]]);
    expect(d.tables.regions.title).toContain(`${year}年度`);
    const last = (await b.app.inject({ method: 'GET', url: `/api/staff/dashboard?year=${year - 1}`, headers: as(helpline) })).json();
    expect(last.year).toBe(year - 1);
    expect(last.tables.regions.rows).toEqual([['南阳市', 1]]);
    expect(last.tables.categories.rows.reduce((n: number, r: [string, number]) => n + r[1], 0)).toBe(1);
    // The question counts are of the last days, whichever year is shown.
    expect(last.questions).toBe(d.questions);
    const csv = await b.app.inject({ method: 'GET', url: `/api/staff/dashboard/regions.csv?year=${year - 1}`, headers: as(helpline) });
    expect(csv.body).toBe('\uFEFF地区,企业数\r\n南阳市,1\r\n');
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/dashboard?year=19', headers: as(helpline) })).statusCode).toBe(400);
  });

  it('counts a day from midnight to midnight 北京时间, not UTC, and says so', async () => {
    const db = await (b.app.store as PgliteStore).database();
    const store = new StaffStore(db, b.config.DATA_DIR);
    // One UTC day, three days ago: 15:30 UTC is 23:30 北京时间 that day, 16:30 UTC already 00:30 the next.
    const day = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const late = new Date(`${day}T15:30:00Z`);
    const next = new Date(`${day}T16:30:00Z`);
    const rec = { source: 'chat' as const, question: '夜里问的', answer: { answer: 'x', citations: [], confidence: 0, outOfScope: true }, knowledgeVersion: 'henan-2023' };
    await Promise.all([
      store.logQuestion('88888881-8888-4888-8888-888888888888', late, rec),
      store.logQuestion('88888882-8888-4888-8888-888888888888', next, rec),
      store.logQuestion('88888883-8888-4888-8888-888888888888', next, rec),
    ]);
    const d = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    const rows = Object.fromEntries(d.tables.perDay.rows.map((r: [string, number]) => [r[0], r[1]]));
    expect(beijingDay(late)).toBe(day);
    expect(rows[day], 'the question at 23:30 北京时间 stays on its own day').toBe(1);
    expect(rows[beijingDay(next)], 'the two at 00:30 北京时间 count on the next day, which UTC would not have begun').toBe(2);
    expect(d.tables.perDay.columns[0]).toBe('日期（北京时间）');
    expect(d.tables.perDay.title).toContain('北京时间');
  });

  it('counts interview replies the rules did not read apart from the questions, as misreads', async () => {
    const db = await (b.app.store as PgliteStore).database();
    const store = new StaffStore(db, b.config.DATA_DIR);
    const before = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    // Two replies the interview could not read, logged as the chat logs them, and one question asked in the chat.
    const misread = (text: string) => ({ source: 'interview' as const, question: text, answer: { answer: '[ent.scale · 二(二)] 没听懂', citations: [], confidence: 0, outOfScope: true }, knowledgeVersion: 'henan-2023' });
    await Promise.all([
      store.logQuestion('77777771-7777-4777-8777-777777777777', new Date(), misread('差不多吧')),
      store.logQuestion('77777772-7777-4777-8777-777777777777', new Date(), misread('这个不好说')),
      store.logQuestion('77777773-7777-4777-8777-777777777777', new Date(), { source: 'chat', question: '视频多大', answer: { answer: '不超过200M', citations: [{ clause: '四(二)' }], confidence: 0.9, outOfScope: false }, knowledgeVersion: 'henan-2023' }),
    ]);
    const d = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    expect(d.questions, 'the one question, not the two replies').toBe(before.questions + 1);
    expect(d.misreads).toBe(before.misreads + 2);
    const today = d.tables.perDay.rows.find((r: unknown[]) => r[0] === beijingDay(new Date()));
    const then = before.tables.perDay.rows.find((r: unknown[]) => r[0] === beijingDay(new Date()));
    // 问题数, 未能回答, 通知未涉及 and 低置信度 are of questions: the replies' confidence 0 and refusal are not counted in them.
    expect(today.slice(1)).toEqual([then[1] + 1, then[2], then[3], then[4], then[5] + 2]);
    expect(d.refusalRate * d.questions, 'no refusal more').toBeCloseTo(before.refusalRate * before.questions, 6);
  });

  it('heads every table and CSV with the wording of the knowledge version', async () => {
    const w = b.app.kb.data.ui.console.dashboard;
    const year = b.app.kb.data.manifest.year;
    const d = (await b.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: as(helpline) })).json();
    expect(d.tables.perDay.columns).toEqual(Object.values(w.perDay.columns));
    expect(d.tables.topics.columns).toEqual(Object.values(w.topics.columns));
    expect(d.tables.verdicts.title).toBe(w.verdicts.title.replace('{year}', String(year)));
    expect(d.tables.verdicts.columns).toEqual(Object.values(w.verdicts.columns));
    const verdicts = Object.values(b.app.kb.data.ui.console.verdicts);
    for (const [label] of d.tables.verdicts.rows) expect(verdicts, String(label)).toContain(label);
    const csv = await b.app.inject({ method: 'GET', url: '/api/staff/dashboard/perDay.csv', headers: as(helpline) });
    expect(csv.body.split('\r\n')[0]).toBe(`\uFEFF${Object.values(w.perDay.columns).join(',')}`);
    expect(decodeURIComponent(String(csv.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(`${w.perDay.title}.csv`);
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(toCsv({ title: 't', columns: ['a', 'b'], rows: [['=HYPERLINK("x")', 'x,y'], ['-1', 3]] })).toBe('\uFEFFa,b\r\n"\'=HYPERLINK(""x"")","x,y"\r\n\'-1,3\r\n');
  });
});
