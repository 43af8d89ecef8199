import type { FastifyInstance } from 'fastify';
import { addAccount } from '../../server/staff/accounts';
import { regionNames } from '../../server/staff/bureau';
import type { Built } from '../helper';

export interface StaffLogin {
  cookie: string;
  csrf: string;
  username: string;
}

/** Creates an account in the app's data directory the way `npm run staff -- add` does; returns its one-time password. */
export async function addStaff(b: Built, username: string, role: 'helpline' | 'bureau' | 'admin', region?: string): Promise<string> {
  return addAccount(b.config.DATA_DIR, { username, role, region, createdBy: 'test' }, regionNames(b.app.kb.data));
}

export function cookieOf(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const c = list.find((x) => x.startsWith('zz_staff='));
  if (!c) throw new Error(`no staff cookie in ${JSON.stringify(list)}`);
  return c.split(';')[0]!;
}

export async function login(app: FastifyInstance, username: string, password: string): Promise<StaffLogin> {
  const res = await app.inject({ method: 'POST', url: '/api/staff/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return { cookie: cookieOf(res.headers['set-cookie']), csrf: res.json().csrfToken, username };
}

/** The passphrase test accounts set in place of their one-time password. */
export const PASSPHRASE = 'a-long-test-passphrase';

/** An account that has logged in once and replaced its one-time password, as every working account has. */
export async function staffAs(b: Built, username: string, role: 'helpline' | 'bureau' | 'admin', region?: string): Promise<StaffLogin> {
  const oneTime = await addStaff(b, username, role, region);
  const first = await login(b.app, username, oneTime);
  const res = await b.app.inject({ method: 'POST', url: '/api/staff/password', headers: as(first), payload: { current: oneTime, next: PASSPHRASE } });
  if (res.statusCode !== 200) throw new Error(`password change ${username}: ${res.statusCode} ${res.body}`);
  // The change starts a fresh session: its cookie and CSRF token replace the first ones.
  return { cookie: cookieOf(res.headers['set-cookie']), csrf: res.json().csrfToken, username };
}

/** Headers of a staff request: the cookie and, for writes, the CSRF token. */
export function as(s: StaffLogin): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
}

export async function newSession(app: FastifyInstance): Promise<{ sessionId: string; token: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/sessions' });
  return res.json();
}

/** Submits a session to a region's bureau with its bearer token. */
export async function submit(app: FastifyInstance, s: { sessionId: string; token: string }, region: string) {
  return app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` }, payload: { region } });
}

/**
 * A complete 初审 record for an applicant, as 四(三) asks before 推荐: the 初审意见 and 现场核查情况 written, and every
 * item of its checklist (read from its record) ticked. `extra` overrides any part.
 */
export async function completeReview(app: FastifyInstance, who: StaffLogin, sessionId: string, extra: Record<string, unknown> = {}) {
  const d = (await app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${sessionId}`, headers: as(who) })).json() as { checklist: { id: string }[] };
  return {
    notes: '申报材料齐全，数据与附件一致',
    siteNotes: '已到企业现场核查，系统运行与申报一致',
    checklist: Object.fromEntries(d.checklist.map((i) => [i.id, true])),
    recommended: true,
    ...extra,
  };
}
