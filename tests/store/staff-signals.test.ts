import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { serve, type Served } from '../chat/serve';
import { workshop } from '../chat/enterprises';
import { about, listen } from '../staff/event-stream';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from '../staff/helpers';
import { PG_SKIP_REASON, startPgCluster, type PgCluster } from './pg-cluster';

/*
 * Two instances on one PostgreSQL (a throwaway cluster started for this file) and one DATA_DIR, as docs/deploy.md
 * runs them: what one instance changes in the staff workspace reaches the pages and the answer base of the other,
 * through the database's LISTEN/NOTIFY. Skipped only when no PostgreSQL server is installed.
 */
if (PG_SKIP_REASON) console.warn(`tests/store/staff-signals.test.ts skipped: ${PG_SKIP_REASON}`);

describe.skipIf(PG_SKIP_REASON)('the staff workspace across two instances on one PostgreSQL', () => {
  let cluster: PgCluster;
  let dataDir: string;
  let A: Served;
  let B: Served;
  let onA: StaffLogin;
  let onB: StaffLogin;
  beforeAll(async () => {
    cluster = startPgCluster();
    cluster.createDatabase('signals');
    dataDir = mkdtempSync(join(tmpdir(), 'zhizao-signals-'));
    const env = { DATABASE_URL: cluster.url('signals'), DATABASE_POOL_SIZE: '4', DATA_DIR: dataDir };
    A = await serve(env);
    B = await serve(env);
    onA = await staffAs(A, 'signals-a', 'bureau', '洛阳市');
    onB = await staffAs(B, 'signals-b', 'bureau', '洛阳市');
  }, 180_000);
  afterAll(async () => {
    try {
      await Promise.all([A?.close(), B?.close()]);
    } finally {
      cluster?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  async function applicant(srv: Served, name: string, region: string) {
    const s = await newSession(srv.app);
    const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
    await srv.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'ent.city': region, 'form.name': name });
    const res = await submit(srv.app, s, region);
    expect(res.statusCode, res.body).toBe(201);
    return s;
  }

  it('pushes a submission and a review made on A to a bureau page whose stream is on B, and not to another region', async () => {
    const page = await listen(B.http, onB);
    const other = await listen(B.http, await staffAs(B, 'signals-zz', 'bureau', '郑州市'));
    await page.waitFor((e) => e.event === 'ready', 'ready');
    await other.waitFor((e) => e.event === 'ready', 'ready');
    const s = await applicant(A, '跨实例推送测试有限公司', '洛阳市');
    expect((await page.waitFor(about(s.sessionId), 'the submission on A')).data.kind).toBe('submitted');
    const body = await completeReview(A.app, onA, s.sessionId);
    const saved = await A.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${s.sessionId}/review`, headers: as(onA), payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    await page.waitFor((e) => about(s.sessionId)(e) && e.data.kind === 'reviewed', 'the review on A');
    // Zhengzhou's marker comes after Luoyang's changes through the same channel: had those been sent to it, they would be here.
    const marker = await applicant(A, '跨实例顺序标记有限公司', '郑州市');
    await other.waitFor(about(marker.sessionId), 'the Zhengzhou marker');
    expect(other.events.some(about(s.sessionId)), 'another region hears nothing of Luoyang').toBe(false);
    expect(page.events.filter(about(s.sessionId)).length, 'each change once, though the instance hears its own notices too').toBe(2);
    page.close();
    other.close();
  }, 120_000);

  it('ends a stream on B when its session logs out on A', async () => {
    const page = await listen(B.http, onB);
    await page.waitFor((e) => e.event === 'ready', 'ready');
    const out = await A.app.inject({ method: 'POST', url: '/api/staff/logout', headers: as(onB) });
    expect(out.statusCode, out.body).toBe(200);
    expect(await page.endsWithin(3000), 'the logout on A ends the stream on B before any heartbeat').toBe(true);
  });

  it('answers on B with a staff entry saved on A, without a restart', async () => {
    const editor = await staffAs(A, 'signals-editor', 'admin');
    // A question the shipped answer base answers only with its fallback, and the entry staff write for it.
    const question = '申报书的页码有什么要求？';
    const ask = async (srv: Served) => (await srv.app.inject({ method: 'POST', url: '/api/ask', payload: { question } })).json() as { entries?: string[] };
    const before = await ask(B);
    const entry = {
      id: 'staff-signals-mail',
      questions: ['申报书页码怎么编？', '申报书要从哪页开始编页码', '申报书的页码有什么要求'],
      answer: '通知没有规定申报书的页码编排：四(二)只要求通过网络平台提交PDF彩色版电子版，包括所有附件及签字盖章页。',
      conclusion: 'open',
      clauses: ['四(二)'],
      quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }],
    };
    const put = await A.app.inject({ method: 'PUT', url: '/api/staff/answers/staff-signals-mail', headers: as(editor), payload: { entry, note: '跨实例测试' } });
    expect(put.statusCode, put.body).toBe(200);
    let after = before;
    for (let i = 0; i < 100 && !(after.entries ?? []).includes('staff-signals-mail'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await ask(B);
    }
    expect(before.entries ?? [], 'B did not know the entry before').not.toContain('staff-signals-mail');
    expect(after.entries, 'B answers from the entry A saved').toContain('staff-signals-mail');
  }, 120_000);
});
