import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pgliteDb } from '../../server/store/db';
import { applyMigrations, MIGRATIONS } from '../../server/store/migrations';
import staffTables from '../../server/store/migrations/0003-staff';
import { PgliteStore } from '../../server/store/pglite';
import { StaffStore } from '../../server/staff/store';
import { hashToken } from '../../server/store/tokens';
import { seedPgliteDir } from '../durability/template';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const SESSION = '6f1c1c4e-7c6a-4c59-9d7e-0f6a4c1f2b3a';
const TOKEN = 'x'.repeat(43);

/**
 * A data directory as the previous release left it: schema_migrations at version 2, the staff
 * tables created outside the migrations (by the staff plugin, with `create … if not exists`),
 * and a session whose answers live in the answer log.
 */
async function previousReleaseDataDir(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'zhizao-migrate-'));
  dirs.push(root);
  await seedPgliteDir(join(root, 'pglite'));
  const db = await PGlite.create({ dataDir: join(root, 'pglite') });
  await applyMigrations(pgliteDb(db), MIGRATIONS.filter((m) => m.version <= 2));
  await db.exec(staffTables.sql);
  await db.query(`insert into sessions (id, token_hash, created_at, updated_at) values ($1, $2, now(), now())`, [SESSION, hashToken(TOKEN).toString('hex')]);
  await db.query(
    `insert into transcript (session_id, seq, id, role, text, citations, client_id, at) values
     ($1, 1, 'a1', 'assistant', '欢迎', '[]', null, now()), ($1, 2, 'u1', 'user', '有', '[]', 'c-1', now())`,
    [SESSION],
  );
  await db.query(`insert into answer_log (session_id, n, patch) values ($1, 1, $2), ($1, 2, $3)`, [
    SESSION,
    JSON.stringify({ set: { 'cap.mes': true, 'ent.name': '郑州' }, del: [] }),
    JSON.stringify({ set: { 'cap.erp': false }, del: ['ent.name'] }),
  ]);
  await db.query(`insert into docs (session_id, key, value, updated_at) values ($1, 'drafts', '{"overview":"企业概况"}', now())`, [SESSION]);
  await db.query(
    `insert into staff_question_log (id, at, source, question, answer, clauses, confidence, refused, knowledge_version)
     values ('11111111-1111-4111-8111-111111111111', now(), 'api', '能推荐几家？', '见通知', '["四(三)"]', 0.9, false, 'henan-2023')`,
  );
  await db.close();
  return root;
}

describe('migrating an embedded data directory from the previous release', () => {
  it('applies the new versions once and keeps every session, answer, document and log row', async () => {
    const root = await previousReleaseDataDir();
    const store = await PgliteStore.open({ dataDir: root });
    try {
      const db = await store.database();
      const versions = (await db.query<{ version: number }>('select version from schema_migrations order by version')).rows.map((r) => r.version);
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await store.authenticate(SESSION, TOKEN)).toBe(true);
      expect(await store.getAnswers(SESSION)).toEqual({ 'cap.mes': true, 'cap.erp': false });
      expect((await store.transcriptAfter(SESSION, 0)).map((e) => [e.seq, e.text, e.clientId])).toEqual([
        [1, '欢迎', undefined],
        [2, '有', 'c-1'],
      ]);
      expect(await store.getDoc(SESSION, 'drafts')).toEqual({ overview: '企业概况' });
      const next = await store.appendTurn(SESSION, { id: 'u2', role: 'user', text: '没有', citations: [], clientId: 'c-2' }, { 'cap.mes': true, 'cap.erp': false, 'cap.wms': false });
      expect(next.seq).toBe(3);
      const staff = new StaffStore(db, root);
      expect((await staff.questions({ limit: 10 })).map((q) => q.question)).toEqual(['能推荐几家？']);
    } finally {
      await store.close();
    }
    // A second start finds nothing to do and the data is as left.
    const again = await PgliteStore.open({ dataDir: root });
    try {
      expect(await again.getAnswers(SESSION)).toEqual({ 'cap.mes': true, 'cap.erp': false, 'cap.wms': false });
      expect((await again.transcriptAfter(SESSION, 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
    } finally {
      await again.close();
    }
  }, 180_000);

  it('refuses a database whose schema is newer than this build, naming both versions', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zhizao-migrate-'));
    dirs.push(root);
    await seedPgliteDir(join(root, 'pglite'));
    const db = await PGlite.create({ dataDir: join(root, 'pglite') });
    const sql = pgliteDb(db);
    await applyMigrations(sql);
    await db.query(`insert into schema_migrations (version, name) values (999, 'from a later build')`);
    const known = Math.max(...MIGRATIONS.map((m) => m.version));
    await expect(applyMigrations(sql)).rejects.toThrow(new RegExp(`999 比本程序支持的 ${known} 新`));
    await db.close();
  }, 60_000);

  it('keeps every stored submission and assisted view, recording the version each submission names (henan-2023 when it names none)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zhizao-migrate-'));
    dirs.push(root);
    await seedPgliteDir(join(root, 'pglite'));
    const db = await PGlite.create({ dataDir: join(root, 'pglite') });
    await applyMigrations(pgliteDb(db), MIGRATIONS.filter((m) => m.version <= 6));
    const snap = (knowledgeVersion?: string) => JSON.stringify({ name: '甲', answers: {}, drafts: null, assessment: { verdict: 'gaps', eligible: true, blocking: [], ...(knowledgeVersion ? { knowledgeVersion } : {}) } });
    await db.query(
      `insert into staff_submissions (session_id, region, submitted_at, snapshot, review, recommended, reviewed_by, reviewed_at) values
       ('s-2023', '洛阳市', now(), $1, '{"notes":"同意","siteNotes":"","checklist":{}}', true, 'luoyang', now()),
       ('s-none', '洛阳市', now(), $2, null, false, null, null),
       ('s-2024', '洛阳市', now(), $3, null, true, 'luoyang', now())`,
      [snap('henan-2023'), snap(), snap('henan-2024')],
    );
    await db.query(`insert into staff_assist_grants (view_id, session_id, username, created_at) values ('22222222-2222-4222-8222-222222222222', 's-2023', 'hotline', now() - interval '1 day')`);
    await db.close();

    const store = await PgliteStore.open({ dataDir: root });
    try {
      const sql = await store.database();
      const rows = (await sql.query<{ session_id: string; knowledge_version: string; recommended: boolean; review: unknown; changed_since_review: boolean }>(
        'select session_id, knowledge_version, recommended, review, changed_since_review from staff_submissions order by session_id',
      )).rows;
      expect(rows).toEqual([
        { session_id: 's-2023', knowledge_version: 'henan-2023', recommended: true, review: { notes: '同意', siteNotes: '', checklist: {} }, changed_since_review: false },
        { session_id: 's-2024', knowledge_version: 'henan-2024', recommended: true, review: null, changed_since_review: false },
        { session_id: 's-none', knowledge_version: 'henan-2023', recommended: false, review: null, changed_since_review: false },
      ]);
      // The programme year comes from the served versions' manifests at startup (the staff plugin).
      const staff = new StaffStore(sql, root);
      expect(await staff.fillProgrammeYears('henan-2023', 2023)).toBe(2);
      expect(await staff.recommendedCount('洛阳市', 2023, (s) => s.recommended)).toBe(1);
      expect(await staff.programmeYears('洛阳市')).toEqual([2023]);
      const grant = await staff.grant('22222222-2222-4222-8222-222222222222', 'hotline');
      expect(grant).toEqual({ sessionId: 's-2023' });
    } finally {
      await store.close();
    }
  }, 180_000);
});
