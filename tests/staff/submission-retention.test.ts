import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgliteStore } from '../../server/store/pglite';
import { loadConfig } from '../../server/config';
import { workshop } from '../chat/enterprises';
import { build } from '../helper';
import { as, newSession, staffAs, submit } from './helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'zhizao-submission-retention-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('submissions kept for SUBMISSION_RETENTION_DAYS', () => {
  it('defaults to two years, 0 keeps them, nonsense is refused by name', () => {
    expect(loadConfig({}).SUBMISSION_RETENTION_DAYS).toBe(730);
    expect(loadConfig({ SUBMISSION_RETENTION_DAYS: '0' }).SUBMISSION_RETENTION_DAYS).toBe(0);
    expect(() => loadConfig({ SUBMISSION_RETENTION_DAYS: '-1' })).toThrow(/SUBMISSION_RETENTION_DAYS/);
  });

  it('deletes a submission older than the setting at the next purge, keeps a recent one, and writes an audit line', async () => {
    const first = await build({ DATA_DIR: dataDir, SUBMISSION_RETENTION_DAYS: '30' });
    let oldId: string;
    let newId: string;
    try {
      const submitOne = async (name: string) => {
        const s = await newSession(first.app);
        await first.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'form.name': name });
        expect((await submit(first.app, s, '洛阳市')).statusCode).toBe(201);
        return s.sessionId;
      };
      oldId = await submitOne('洛阳旧公司');
      newId = await submitOne('洛阳新公司');
      const db = await (first.app.store as PgliteStore).database();
      await db.query(`update staff_submissions set submitted_at = now() - interval '31 days' where session_id = $1`, [oldId]);
    } finally {
      await first.app.close();
    }

    // The purge runs when the server is ready (and every six hours after).
    const second = await build({ DATA_DIR: dataDir, SUBMISSION_RETENTION_DAYS: '30' });
    try {
      const luoyang = await staffAs(second, 'luoyang', 'bureau', '洛阳市');
      const listed = async () => {
        const res = await second.app.inject({ method: 'GET', url: '/api/staff/bureau', headers: as(luoyang) });
        return res.json().applicants.map((a: { sessionId: string }) => a.sessionId);
      };
      // The purge does not hold up the start, so it may finish just after the server is ready.
      await expect.poll(listed, { timeout: 10_000 }).toEqual([newId]);
      const expired = () =>
        readFileSync(join(dataDir, 'staff/audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((r) => r.action === 'submissions.expired');
      await expect.poll(expired, { timeout: 10_000 }).toEqual([
        expect.objectContaining({ actor: 'system', detail: { count: 1, retentionDays: 30 } }),
      ]);
    } finally {
      await second.app.close();
    }
  }, 120_000);
});
