import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../chat/client';
import { serve, type Served } from '../chat/serve';
import { as, newSession, staffAs, type StaffLogin } from '../staff/helpers';
import { EDITS, REVISED_FILES, reviseAnswers, shiftYears, synthetic2024 } from './synthetic-2024';

const NOTICE = readFileSync('knowledge/henan-2023/source/notice.txt', 'utf8');
/** The synthetic next-year notice, with its years moved on too, so the two versions name different years. */
const SYNTHETIC = Buffer.from(shiftYears(synthetic2024(NOTICE)));
/** The quota question whose answer differs between the two versions (郑州市 20 → 25). */
const QUOTA_QUESTION = '郑州市能推荐几家？';

let root: string;
let s: Served;
let admin: StaffLogin;
let helpline: StaffLogin;

beforeAll(async () => {
  // A knowledge root of its own: nothing is ever written under the repository's knowledge/.
  root = mkdtempSync(join(tmpdir(), 'zhizao-console-knowledge-'));
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  s = await serve({ KNOWLEDGE_DIR: root, KNOWLEDGE_VERSION: 'henan-2023' });
  admin = await staffAs(s, 'kadmin', 'admin');
  helpline = await staffAs(s, 'khotline', 'helpline');
});
afterAll(async () => {
  await s?.close();
  rmSync(root, { recursive: true, force: true });
});

const upload = (who: StaffLogin | null, query: string, body: Buffer, headers: Record<string, string> = {}) =>
  s.app.inject({
    method: 'POST',
    url: `/api/staff/knowledge/ingest?${query}`,
    headers: { ...(who ? as(who) : {}), 'content-type': 'application/octet-stream', ...headers },
    payload: body,
  });

/** Polls an ingest job until it ends; ingest is deliberately asynchronous so the page can show its stages. */
async function finished(jobId: string): Promise<{ state: string; stage: string; message?: string; stageIndex: number }> {
  for (;;) {
    const r = await s.app.inject({ url: `/api/staff/knowledge/jobs/${jobId}`, headers: as(admin) });
    expect(r.statusCode).toBe(200);
    const job = r.json();
    if (job.state !== 'running') return job;
    await new Promise((res) => setTimeout(res, 100));
  }
}

const versionsOnDisk = () => readdirSync(root).filter((n) => !n.startsWith('.')).sort();

describe('the knowledge console routes refuse', () => {
  it('anyone without the staff cookie (401) and every role but admin (403)', async () => {
    expect((await s.app.inject({ url: '/api/staff/knowledge' })).statusCode).toBe(401);
    expect((await upload(null, 'as=henan-2024&filename=n.txt', SYNTHETIC)).statusCode).toBe(401);
    const r = await s.app.inject({ url: '/api/staff/knowledge', headers: as(helpline) });
    expect(r.statusCode).toBe(403);
    expect((await upload(helpline, 'as=henan-2024&filename=n.txt', SYNTHETIC)).statusCode).toBe(403);
    expect(versionsOnDisk()).toEqual(['henan-2023']);
  });

  it('a write without the CSRF token, or with another account\'s, with 403', async () => {
    const missing = await upload(null, 'as=henan-2024&filename=n.txt', SYNTHETIC, { cookie: admin.cookie });
    expect(missing.statusCode).toBe(403);
    const other = await upload(null, 'as=henan-2024&filename=n.txt', SYNTHETIC, { cookie: admin.cookie, 'x-csrf-token': helpline.csrf });
    expect(other.statusCode).toBe(403);
    const publish = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2023/publish', headers: { cookie: admin.cookie }, payload: {} });
    expect(publish.statusCode).toBe(403);
    expect(versionsOnDisk()).toEqual(['henan-2023']);
  });

  it('a file of another type, or one whose bytes do not match its name, with a message saying what is accepted', async () => {
    const exe = await upload(admin, 'as=henan-2024&filename=setup.exe', Buffer.from('MZ\u0090\u0000'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toContain('只能上传 PDF、Word（.docx）或纯文本（.txt）');
    const fakePdf = await upload(admin, 'as=henan-2024&filename=notice.pdf', SYNTHETIC);
    expect(fakePdf.statusCode).toBe(400);
    expect(fakePdf.json().error.message).toContain('不是有效的 PDF');
    const doc = await upload(admin, 'as=henan-2024&filename=notice.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(doc.json().error.message).toContain('另存为 .docx');
    const empty = await upload(admin, 'as=henan-2024&filename=notice.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'EMPTY_FILE', message: expect.stringContaining('文件为空') });
    expect(empty.json().error.message).toContain('notice.txt');
    const badName = await upload(admin, 'as=Henan 2024&filename=notice.txt', SYNTHETIC);
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.message).toContain('query.as');
    expect(versionsOnDisk()).toEqual(['henan-2023']);
  });

  it('a file over the 20 MB limit, in Chinese and naming the limit, before it is read', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024, 0x20);
    const r = await upload(admin, 'as=henan-2024&filename=big.pdf', big);
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(r.json().error.message).toContain('20 MB');
    expect(r.json().error.message).not.toMatch(/Request body is too large/i);
    // The page refuses such a file before sending it, told the limit by the overview.
    expect((await s.app.inject({ url: '/api/staff/knowledge', headers: as(admin) })).json().maxUploadBytes).toBe(20 * 1024 * 1024);
    // Other errors of the route still read as before.
    expect((await upload(admin, 'as=henan-2024', SYNTHETIC)).json().error.message).toContain('query.filename');
    expect(versionsOnDisk()).toEqual(['henan-2023']);
  });

  it('a version name that exists, explaining that versions are never overwritten', async () => {
    const before = readFileSync(join(root, 'henan-2023', 'manifest.json'), 'utf8');
    const r = await upload(admin, 'as=henan-2023&filename=notice.txt', SYNTHETIC);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('从不覆盖或删除');
    expect(readFileSync(join(root, 'henan-2023', 'manifest.json'), 'utf8')).toBe(before);
  });

  it('a text that is not a notice: the job fails with the reason and nothing is written', async () => {
    const r = await upload(admin, 'as=henan-2024&filename=minutes.txt', Buffer.from('会议纪要\n今天讨论了车间的排班安排，下周再议。\n'));
    expect(r.statusCode).toBe(202);
    const job = await finished(r.json().jobId);
    expect(job.state).toBe('failed');
    expect(job.message).toContain('看起来不是申报通知');
    expect(job.message).toContain('未写入任何文件');
    // The message names the upload, not the server's temporary path.
    expect(job.message).not.toContain(tmpdir());
    expect(versionsOnDisk()).toEqual(['henan-2023']);
  });

  it('a broken PDF or Word file: the job fails in Chinese, the library\'s words only on the line after', async () => {
    // A PDF header with the rest of the file missing passes the upload's own check and reaches the ingest.
    for (const [name, body, said] of [
      ['通知.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), '不是能读取的 PDF 文件'],
      ['通知.docx', Buffer.from('PK\u0003\u0004 truncated'), '不是能读取的 Word（.docx）文件'],
    ] as const) {
      const r = await upload(admin, `as=henan-2024&filename=${encodeURIComponent(name)}`, body);
      expect(r.statusCode).toBe(202);
      const job = await finished(r.json().jobId);
      expect(job.state).toBe('failed');
      const [first, second, ...more] = job.message!.split('\n');
      expect(first).toContain(name);
      expect(first).toContain(said);
      expect(first).toContain('未写入任何文件');
      expect(second).toMatch(/^技术原因：/);
      expect(more).toEqual([]);
      expect(job.message).not.toContain(tmpdir());
      expect(versionsOnDisk()).toEqual(['henan-2023']);
    }
  });

  it('publishing the version that is being served, explaining that a published version is never changed', async () => {
    const before = readFileSync(join(root, 'henan-2023', 'manifest.json'), 'utf8');
    const r = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2023/publish', headers: as(admin), payload: {} });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('已发布的版本从不修改或替换');
    expect(readFileSync(join(root, 'henan-2023', 'manifest.json'), 'utf8')).toBe(before);
  });
});

describe('ingesting, reviewing and publishing next year\'s notice from the console', () => {
  let oldHttp: { sessionId: string; token: string };
  let oldSocket: { sessionId: string; token: string };

  beforeAll(async () => {
    // Two sessions begun under last year's notice, one over HTTP and one over the socket.
    oldHttp = await newSession(s.app);
    const c = await ChatClient.connect(s.url);
    c.send({ type: 'open' });
    const opened = await c.next('session');
    expect(opened.knowledge?.version).toBe('henan-2023');
    oldSocket = { sessionId: opened.sessionId, token: opened.token };
    await c.close();
  });

  it('ingests the upload as a draft, following it stage by stage to the end', async () => {
    const r = await upload(admin, 'as=henan-2024&filename=2024年通知.txt', SYNTHETIC);
    expect(r.statusCode).toBe(202);
    expect(r.json().stages.map((x: { id: string }) => x.id)).toEqual(['upload', 'base', 'extract', 'parse', 'compare', 'carry', 'validate', 'report', 'done']);
    const job = await finished(r.json().jobId);
    expect(job.state, job.message).toBe('done');
    expect(job.stage).toBe('done');
    expect(versionsOnDisk()).toEqual(['henan-2023', 'henan-2024']);
    const list = (await s.app.inject({ url: '/api/staff/knowledge', headers: as(admin) })).json();
    const draft = list.versions.find((v: { version: string }) => v.version === 'henan-2024');
    expect(draft).toMatchObject({ status: 'draft', basedOn: 'henan-2023', served: false, isDefault: false, year: 2024 });
    expect(draft.pending).toBeGreaterThan(0);
  });

  it('shows the synthetic notice\'s quota, deadline and clause edits in the diff', async () => {
    const r = await s.app.inject({ url: '/api/staff/knowledge/henan-2024/diff', headers: as(admin) });
    expect(r.statusCode).toBe(200);
    const { report, groups } = r.json();
    expect(report.added.map((c: { text: string }) => c.text)).toEqual([EDITS.addedClause]);
    expect(report.removed).toEqual([]);
    const figures = report.numbers.map((n: { from: string; to: string }) => `${n.from}→${n.to}`);
    for (const f of ['20家→25家', '5家→6家', '3月15日→3月20日']) expect(figures).toContain(f);
    expect(Object.keys(groups)).toEqual(['facts', 'rules', 'interview', 'forms', 'answers', 'notice']);
  });

  it('lists the affected answer-base entries and element requirements with the clause changes they rest on', async () => {
    const r = (await s.app.inject({ url: '/api/staff/knowledge/henan-2024/review', headers: as(admin) })).json();
    expect(r.basedOn).toBe('henan-2023');
    const element = r.items.find((i: { id: string }) => i.id.startsWith('elements.json#/categories/discreteFactory/elements/'));
    expect(element, 'the reworded element sentence reaches its element').toBeDefined();
    expect(element.related.changed.length).toBeGreaterThan(0);
    const answers = r.items.filter((i: { group: string }) => i.group === 'answers');
    expect(answers.some((i: { id: string }) => i.id.startsWith('answer-base.json#')), 'an answer quoting a changed figure needs review').toBe(true);
    expect(r.items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
  });

  it('drops a carried item and undoes the drop, recorded in the review; refuses what cannot be dropped', async () => {
    const before = (await s.app.inject({ url: '/api/staff/knowledge/henan-2024/review', headers: as(admin) })).json();
    const item = before.items.find((i: { group: string }) => i.group === 'answers');
    const drop = (payload: object) => s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2024/review/drop', headers: as(admin), payload });
    const dropped = await drop({ id: item.id });
    expect(dropped.statusCode).toBe(200);
    expect(dropped.json()).toMatchObject({ id: item.id, dropped: true, pending: before.items.length - 1 });
    const shown = (await s.app.inject({ url: '/api/staff/knowledge/henan-2024/review', headers: as(admin) })).json();
    expect(shown.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ status: 'dropped', droppedAt: expect.any(String) });
    const undone = await drop({ id: item.id, undo: true });
    expect(undone.json()).toMatchObject({ dropped: false, pending: before.items.length });
    const clause = before.items.find((i: { id: string }) => i.id.startsWith('clauses.json#'));
    const refused = await drop({ id: clause.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/^未删除：/);
    expect((await drop({ id: item.id, extra: 1 })).statusCode).toBe(400);
  });

  it('refuses to publish while anything needs review, and publishes once all is reviewed', async () => {
    const refused = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2024/publish', headers: as(admin), payload: { makeDefault: true } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/^未发布：henan-2024 还有 \d+ 项待复核/);
    expect(JSON.parse(readFileSync(join(root, 'henan-2024', 'manifest.json'), 'utf8')).status).toBe('draft');

    const review = (await s.app.inject({ url: '/api/staff/knowledge/henan-2024/review', headers: as(admin) })).json();
    const first = review.items[0].id;
    const one = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2024/review', headers: as(admin), payload: { ids: [first] } });
    expect(one.statusCode).toBe(200);
    expect(one.json().pending).toBe(review.items.length - 1);

    // An edit that breaks the schema is refused and the file stays as it was.
    const ab = join(root, 'henan-2024', 'answer-base.json');
    const abBefore = readFileSync(ab, 'utf8');
    const answerItem = review.items.find((i: { id: string }) => i.id.startsWith('answer-base.json#/entries/'));
    const broken = await s.app.inject({ method: 'PUT', url: '/api/staff/knowledge/henan-2024/review/item', headers: as(admin), payload: { id: answerItem.id, value: { answer: 1 } } });
    expect(broken.statusCode).toBe(409);
    expect(broken.json().error.message).toContain('answer-base.json');
    expect(readFileSync(ab, 'utf8')).toBe(abBefore);

    // The operator brings each answer that repeats an old figure, year or sentence up to the new notice.
    const edits = review.items.filter(
      (i: { id: string; current: unknown }) => REVISED_FILES.some((f) => i.id.startsWith(`${f}#`)) && reviseAnswers(JSON.stringify(i.current), true) !== JSON.stringify(i.current),
    );
    expect(edits.length).toBeGreaterThan(0);
    for (const i of edits) {
      const r = await s.app.inject({ method: 'PUT', url: '/api/staff/knowledge/henan-2024/review/item', headers: as(admin), payload: { id: i.id, value: JSON.parse(reviseAnswers(JSON.stringify(i.current), true)) } });
      expect(r.statusCode, r.body).toBe(200);
    }
    const rest = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2024/review', headers: as(admin), payload: { ids: review.items.slice(1).map((i: { id: string }) => i.id) } });
    expect(rest.json().pending).toBe(0);
    const edited = rest.json().accepted.filter((a: { edited: boolean }) => a.edited).map((a: { id: string }) => a.id);
    expect(edited.sort(), 'the review records which items were edited').toEqual(edits.map((i: { id: string }) => i.id).filter((id: string) => id !== first).sort());

    const published = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2024/publish', headers: as(admin), payload: { makeDefault: true } });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ version: 'henan-2024', default: 'henan-2024', served: true });
    expect(JSON.parse(readFileSync(join(root, 'henan-2024', 'manifest.json'), 'utf8')).status).toBe('published');

    const again = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2024/publish', headers: as(admin), payload: {} });
    expect(again.statusCode).toBe(409);
    const accept = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/henan-2024/review', headers: as(admin), payload: { ids: ['all'] } });
    expect(accept.statusCode, 'a published version\'s review list is not rewritten').toBe(409);
    // The choice survives a restart of the server.
    expect(existsSync(join(s.config.DATA_DIR, 'staff', 'knowledge-default.json'))).toBe(true);
    // Each edit is validated against the whole draft version, and dozens are made here: on a loaded machine
    // this walk takes well over the default limit.
  }, 120_000);

  it('starts new sessions on the new default, and keeps sessions begun earlier on theirs (HTTP)', async () => {
    const fresh = await newSession(s.app);
    const get = (x: { sessionId: string; token: string }) => s.app.inject({ url: `/api/sessions/${x.sessionId}`, headers: { authorization: `Bearer ${x.token}` } });
    const newer = (await get(fresh)).json();
    expect(newer.knowledge).toMatchObject({ version: 'henan-2024', year: 2024 });
    expect(newer.assessment.knowledgeVersion).toBe('henan-2024');
    const older = (await get(oldHttp)).json();
    expect(older.knowledge).toMatchObject({ version: 'henan-2023', year: 2023 });
    expect(older.assessment.knowledgeVersion).toBe('henan-2023');
  });

  it('keeps answering and assessing a resumed socket session with the version it began under', async () => {
    const ask = async (open: Record<string, unknown>) => {
      const c = await ChatClient.connect(s.url);
      try {
        c.send({ type: 'open', ...open });
        const session = await c.next('session');
        const welcome = session.resumed ? null : (await c.next('message.end')).text;
        const assessment = await c.next('assessment');
        c.send({ type: 'text', clientId: 'q1', text: QUOTA_QUESTION, mode: 'qa' });
        await c.next('ack');
        const end = await c.next('message.end', 20_000);
        return { session, welcome, assessment, answer: end.text };
      } finally {
        await c.close();
      }
    };
    const old = await ask({ sessionId: oldSocket.sessionId, token: oldSocket.token });
    expect(old.session.resumed).toBe(true);
    expect(old.session.knowledge?.version).toBe('henan-2023');
    expect(old.assessment.assessment.knowledgeVersion).toBe('henan-2023');
    expect(old.answer).toContain('20家');
    expect(old.answer).not.toContain('25家');

    const fresh = await ask({});
    expect(fresh.session.knowledge).toMatchObject({ version: 'henan-2024', year: 2024 });
    expect(fresh.assessment.assessment.knowledgeVersion).toBe('henan-2024');
    expect(fresh.answer).toContain('25家');
    // The welcome names this year's notice and year, from the version's manifest.
    expect(fresh.welcome).toContain('2024年度');
    expect(fresh.welcome).not.toContain('2023');
  });

  it('moves the default back on request, without touching either version', async () => {
    const before = versionsOnDisk().map((v) => readFileSync(join(root, v, 'manifest.json'), 'utf8'));
    const r = await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/default', headers: as(admin), payload: { version: 'henan-2023' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().default.version).toBe('henan-2023');
    expect((await s.app.inject({ method: 'POST', url: '/api/staff/knowledge/default', headers: as(admin), payload: { version: 'henan-2099' } })).statusCode).toBe(409);
    expect(versionsOnDisk().map((v) => readFileSync(join(root, v, 'manifest.json'), 'utf8'))).toEqual(before);
  });
});
