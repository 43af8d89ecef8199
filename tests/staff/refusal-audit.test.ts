import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, newSession, staffAs, submit, type StaffLogin } from './helpers';

let b: Built;
let xinan: StaffLogin;

beforeAll(async () => {
  b = await build();
  xinan = await staffAs(b, 'xinan', 'bureau', '新安县');
});
afterAll(async () => b?.close());

const auditLines = () =>
  readFileSync(join(b.config.DATA_DIR, 'staff/audit.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown> & { detail?: Record<string, unknown> });
const refusals = () => auditLines().filter((r) => r.action === 'refused');

describe('refused staff access is audited', () => {
  it('writes who, which route and from where when a county bureau opens another region\'s applicant', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'form.name': '郑州某公司' });
    expect((await submit(b.app, s, '郑州市')).statusCode).toBe(201);
    const res = await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${s.sessionId}`, headers: as(xinan) });
    expect(res.statusCode).toBe(404);
    expect(refusals().at(-1)).toMatchObject({
      actor: 'xinan',
      role: 'bureau',
      target: s.sessionId,
      ip: '127.0.0.1',
      detail: { status: 404, method: 'GET', route: '/api/staff/bureau/applicants/:id' },
    });
  });

  it('writes a bureau account on a helpline route, and another region asked for by name, without the text sent', async () => {
    const before = refusals().length;
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/questions?source=api', headers: as(xinan) })).statusCode).toBe(403);
    const probe = '郑州市探查文字';
    expect((await b.app.inject({ method: 'GET', url: `/api/staff/bureau?region=${encodeURIComponent(probe)}`, headers: as(xinan) })).statusCode).toBe(403);
    const added = refusals().slice(before);
    expect(added.map((r) => [r.actor, r.detail?.status, r.detail?.route])).toEqual([
      ['xinan', 403, '/api/staff/questions'],
      ['xinan', 403, '/api/staff/bureau'],
    ]);
    // The route's pattern is logged, never the path or query as sent: they are the caller's text.
    expect(JSON.stringify(added)).not.toContain('探查');
    expect(JSON.stringify(added)).not.toContain('source=api');
  });

  it('writes one line for a refusal the route already audits, and none for a request without a staff cookie', async () => {
    const hotline = await staffAs(b, 'hotline', 'helpline');
    const before = auditLines().length;
    expect((await b.app.inject({ method: 'POST', url: '/api/staff/assist/claim', headers: as(hotline), payload: { code: '000000' } })).statusCode).toBe(404);
    expect(auditLines().slice(before).map((r) => r.action)).toEqual(['assist.claim.failed']);
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/bureau/applicants/not-a-uuid' })).statusCode).toBe(401);
    expect(auditLines().length).toBe(before + 1);
  });
});
