import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app from '../../server/app';
import { loadConfig } from '../../server/config';
import { addAccount } from '../../server/staff/accounts';
import { regionNames } from '../../server/staff/bureau';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { addStaff, as, cookieOf, login, newSession, staffAs, submit, type StaffLogin } from './helpers';

let b: Built;
let helpline: StaffLogin;
let luoyang: StaffLogin;
let admin: StaffLogin;
let enterprise: { sessionId: string; token: string };

beforeAll(async () => {
  b = await build();
  helpline = await staffAs(b, 'hotline1', 'helpline');
  luoyang = await staffAs(b, 'luoyang1', 'bureau', '洛阳市');
  admin = await staffAs(b, 'admin1', 'admin');
  enterprise = await newSession(b.app);
  // An interview that reached its verdict: the bureau takes no other.
  await b.app.store.setAnswers(enterprise.sessionId, workshop.facts);
  expect((await submit(b.app, enterprise, '郑州市')).statusCode).toBe(201);
});
afterAll(async () => b?.close());

/** Every console route, with a body that would be valid for it. */
/** A staff answer-base entry that passes every check, so only authorisation can refuse it. */
const ENTRY = {
  id: 'auth-probe',
  questions: ['申报书页码怎么编？', '申报书的页码有要求吗'],
  answer: '通知没有规定申报书的页码：四(二)只要求提交PDF彩色版电子版。',
  conclusion: 'open',
  clauses: ['四(二)'],
  quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }],
};

const ROUTES: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: unknown; roles: string[] }[] = [
  { method: 'GET', url: '/api/staff/me', roles: ['helpline', 'bureau', 'admin'] },
  { method: 'POST', url: '/api/staff/logout', payload: {}, roles: ['helpline', 'bureau', 'admin'] },
  { method: 'POST', url: '/api/staff/password', payload: { current: 'x', next: 'yyyyyyyyyyyyyyyy' }, roles: ['helpline', 'bureau', 'admin'] },
  { method: 'POST', url: '/api/staff/ask', payload: { question: '郑州市能推荐几家？' }, roles: ['helpline', 'bureau', 'admin'] },
  { method: 'GET', url: '/api/staff/ask/recent', roles: ['helpline', 'bureau', 'admin'] },
  { method: 'GET', url: '/api/staff/questions', roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/questions.csv', roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/dashboard', roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/dashboard/perDay.csv', roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/audit', roles: ['admin'] },
  { method: 'GET', url: '/api/staff/bureau', roles: ['bureau', 'admin'] },
  { method: 'GET', url: '/api/staff/bureau/applicants/00000000-0000-4000-8000-000000000000', roles: ['bureau', 'admin'] },
  { method: 'PUT', url: '/api/staff/bureau/applicants/00000000-0000-4000-8000-000000000000/review', payload: { recommended: false }, roles: ['bureau', 'admin'] },
  { method: 'GET', url: '/api/staff/bureau/summary.xlsx', roles: ['bureau', 'admin'] },
  { method: 'POST', url: '/api/staff/assist/claim', payload: { code: '123456' }, roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/assist/00000000-0000-4000-8000-000000000000', roles: ['helpline', 'admin'] },
  { method: 'POST', url: '/api/staff/assist/00000000-0000-4000-8000-000000000000/handover', payload: { to: 'someone' }, roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/review', roles: ['helpline', 'admin'] },
  { method: 'POST', url: '/api/staff/review/00000000-0000-4000-8000-000000000000/dismiss', payload: {}, roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/answers', roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/answers/subsidiary', roles: ['helpline', 'admin'] },
  { method: 'PUT', url: '/api/staff/answers/auth-probe', payload: { entry: ENTRY }, roles: ['helpline', 'admin'] },
  { method: 'POST', url: '/api/staff/answers/auth-probe/rollback', payload: { revision: 1 }, roles: ['helpline', 'admin'] },
  { method: 'DELETE', url: '/api/staff/answers/auth-probe', roles: ['helpline', 'admin'] },
  { method: 'GET', url: '/api/staff/no-such-route', roles: [] },
];

describe('staff login', () => {
  it('sets an HttpOnly, SameSite=Strict cookie scoped to /api/staff, without Secure on plain HTTP', async () => {
    const pw = await addStaff(b, 'cookie1', 'helpline');
    const res = await b.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'cookie1', password: pw } });
    expect(res.statusCode).toBe(200);
    const c = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((x) => x.startsWith('zz_staff='))!;
    expect(c).toMatch(/HttpOnly/i);
    expect(c).toMatch(/SameSite=Strict/i);
    expect(c).toMatch(/Path=\/api\/staff/);
    expect(c).not.toMatch(/Secure/i);
    expect(res.json()).toMatchObject({ username: 'cookie1', role: 'helpline', region: null, mustChangePassword: true });
    expect(typeof res.json().csrfToken).toBe('string');
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zz-tls-'));
    const f = Fastify({ logger: false, trustProxy: true, pluginTimeout: 120_000 });
    try {
      await f.register(app, { config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }) });
      await f.ready();
      const pw = await addAccount(dataDir, { username: 'tls1', role: 'admin', createdBy: 'test' }, regionNames(f.kb.data));
      const res = await f.inject({ method: 'POST', url: '/api/staff/login', headers: { 'x-forwarded-proto': 'https' }, payload: { username: 'tls1', password: pw } });
      const c = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((x) => x.startsWith('zz_staff='))!;
      expect(c).toMatch(/;\s*Secure/);
      expect(c).toMatch(/SameSite=Strict/i);
    } finally {
      await f.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await b.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'hotline1', password: 'guess' } });
    const unknown = await b.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'ghost', password: 'guess' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('locks an account after five wrong passwords, even against the right one, and audits it', async () => {
    const pw = await addStaff(b, 'lockme', 'helpline');
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await b.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'lockme', password: `wrong${i}` } })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    const right = await b.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'lockme', password: pw } });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('LOCKED');
    const audit = readFileSync(join(b.config.DATA_DIR, 'staff/audit.jsonl'), 'utf8');
    expect(audit).toContain('"action":"login.locked"');
  });

  it('ends the session at logout', async () => {
    const pw = await addStaff(b, 'logout2', 'helpline');
    const who = await login(b.app, 'logout2', pw);
    expect((await b.app.inject({ method: 'POST', url: '/api/staff/logout', headers: as(who) })).statusCode).toBe(200);
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: who.cookie } })).statusCode).toBe(401);
  });

  it('opens nothing but the password change with a one-time password', async () => {
    const pw = await addStaff(b, 'fresh', 'helpline');
    const who = await login(b.app, 'fresh', pw);
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/me', headers: as(who) })).json().mustChangePassword).toBe(true);
    const q = await b.app.inject({ method: 'GET', url: '/api/staff/questions', headers: as(who) });
    expect(q.statusCode).toBe(403);
    expect(q.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const short = await b.app.inject({ method: 'POST', url: '/api/staff/password', headers: as(who), payload: { current: pw, next: 'short' } });
    expect(short.statusCode).toBe(400);
    const changed = await b.app.inject({ method: 'POST', url: '/api/staff/password', headers: as(who), payload: { current: pw, next: 'a-long-new-passphrase' } });
    expect(changed.statusCode).toBe(200);
    const after = { cookie: cookieOf(changed.headers['set-cookie']), csrf: changed.json().csrfToken, username: 'fresh' };
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/questions', headers: as(after) })).statusCode).toBe(200);
  });

  it('changes a password: the old one stops working, other sessions end and the one-time flag clears', async () => {
    const pw = await addStaff(b, 'changer', 'helpline');
    const elsewhere = await login(b.app, 'changer', pw);
    const who = await login(b.app, 'changer', pw);
    const res = await b.app.inject({ method: 'POST', url: '/api/staff/password', headers: as(who), payload: { current: pw, next: 'a-long-new-passphrase' } });
    expect(res.statusCode).toBe(200);
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
    // The session that made the change goes on under a new cookie and CSRF token.
    const fresh = { cookie: cookieOf(res.headers['set-cookie']), csrf: res.json().csrfToken, username: 'changer' };
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/questions', headers: as(fresh) })).statusCode).toBe(200);
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: who.cookie } })).statusCode).toBe(401);
    await expect(login(b.app, 'changer', pw)).rejects.toThrow(/401/);
    const again = await b.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'changer', password: 'a-long-new-passphrase' } });
    expect(again.json().mustChangePassword).toBe(false);
  });
});

describe('authorisation of every console route', () => {
  it.each(ROUTES)('$method $url answers 401 without the staff cookie', async (r) => {
    const res = await b.app.inject({ method: r.method, url: r.url, payload: r.payload as object });
    expect(res.statusCode).toBe(401);
  });

  it.each(ROUTES)('$method $url answers 401 to an enterprise bearer token', async (r) => {
    const res = await b.app.inject({ method: r.method, url: r.url, payload: r.payload as object, headers: { authorization: `Bearer ${enterprise.token}` } });
    expect(res.statusCode).toBe(401);
  });

  it.each(ROUTES)('$method $url refuses roles other than its own with 403', async (r) => {
    const logins: Record<string, StaffLogin> = { helpline, bureau: luoyang, admin };
    for (const [role, who] of Object.entries(logins)) {
      if (r.roles.includes(role) || r.roles.length === 0) continue;
      const res = await b.app.inject({ method: r.method, url: r.url, payload: r.payload as object, headers: as(who) });
      expect(res.statusCode, `${role} on ${r.url}`).toBe(403);
    }
  });

  it.each(ROUTES.filter((r) => r.method !== 'GET' && r.url !== '/api/staff/logout'))('$method $url refuses a missing or forged CSRF token with 403', async (r) => {
    const who = r.roles.includes('helpline') ? helpline : r.roles.includes('bureau') ? luoyang : admin;
    const none = await b.app.inject({ method: r.method, url: r.url, payload: r.payload as object, headers: { cookie: who.cookie } });
    expect(none.statusCode).toBe(403);
    const forged = await b.app.inject({ method: r.method, url: r.url, payload: r.payload as object, headers: { cookie: who.cookie, 'x-csrf-token': `${who.csrf.slice(0, -4)}AAAA` } });
    expect(forged.statusCode).toBe(403);
    // Another staff member's valid token does not fit this session's secret either.
    const other = await b.app.inject({ method: r.method, url: r.url, payload: r.payload as object, headers: { cookie: who.cookie, 'x-csrf-token': (who === admin ? helpline : admin).csrf } });
    expect(other.statusCode).toBe(403);
  });

  it('no refused write reached the answer base: the probe entry never answers', async () => {
    const list = (await b.app.inject({ method: 'GET', url: '/api/staff/answers', headers: as(helpline) })).json();
    expect(list.entries.some((e: { id: string }) => e.id === ENTRY.id)).toBe(false);
    const a = (await b.app.inject({ method: 'POST', url: '/api/ask', payload: { question: ENTRY.questions[0] } })).json();
    expect(a.answer).not.toContain(ENTRY.answer);
  });

  it('logout also needs the CSRF token, so another site cannot log staff out', async () => {
    const res = await b.app.inject({ method: 'POST', url: '/api/staff/logout', headers: { cookie: helpline.cookie } });
    expect(res.statusCode).toBe(403);
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: helpline.cookie } })).statusCode).toBe(200);
  });

  it('a bureau account cannot name another region, and another region\'s applicant is not found', async () => {
    const other = await b.app.inject({ method: 'GET', url: '/api/staff/bureau?region=郑州市', headers: as(luoyang) });
    expect(other.statusCode).toBe(403);
    const detail = await b.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${enterprise.sessionId}`, headers: as(luoyang) });
    expect(detail.statusCode).toBe(404);
    const review = await b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${enterprise.sessionId}/review`, headers: as(luoyang), payload: { recommended: true } });
    expect(review.statusCode).toBe(404);
    const xlsx = await b.app.inject({ method: 'GET', url: '/api/staff/bureau/summary.xlsx?region=郑州市', headers: as(luoyang) });
    expect(xlsx.statusCode).toBe(403);
    // The 郑州 applicant is visible to an admin who names 郑州.
    const adminView = await b.app.inject({ method: 'GET', url: '/api/staff/bureau?region=郑州市', headers: as(admin) });
    expect(adminView.json().applicants.map((a: { sessionId: string }) => a.sessionId)).toEqual([enterprise.sessionId]);
  });

  it('a staff cookie does not open an enterprise session route', async () => {
    const res = await b.app.inject({ method: 'GET', url: `/api/sessions/${enterprise.sessionId}`, headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(404);
    const sub = await b.app.inject({ method: 'POST', url: `/api/sessions/${enterprise.sessionId}/submit`, headers: { cookie: admin.cookie }, payload: { region: '洛阳市' } });
    expect(sub.statusCode).toBe(404);
  });

  it('an account removed from the accounts file loses its session at once', async () => {
    const pw = await addStaff(b, 'leaver', 'helpline');
    const who = await login(b.app, 'leaver', pw);
    const { AccountRegistry } = await import('../../server/staff/accounts');
    new AccountRegistry(b.config.DATA_DIR).update('leaver', { disabled: true });
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: who.cookie } })).statusCode).toBe(401);
  });

  it('keeps the cookie unusable once tampered with', async () => {
    const bad = helpline.cookie.slice(0, -3) + 'xyz';
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: bad } })).statusCode).toBe(401);
    expect(cookieOf(`${helpline.cookie}; Path=/`)).toBe(helpline.cookie);
  });
});
