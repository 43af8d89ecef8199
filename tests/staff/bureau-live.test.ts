import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../server/store/db';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { about, listen as listenAt } from './event-stream';
import { as, completeReview, newSession, staffAs, submit, type StaffLogin } from './helpers';

let b: Built;
let base: string;
let luoyang: StaffLogin;
let luoyang2: StaffLogin;
let zhengzhou: StaffLogin;

beforeAll(async () => {
  b = await build();
  // A real listener: an event stream is read as it arrives, which inject() cannot do.
  base = await b.app.listen({ port: 0, host: '127.0.0.1' });
  luoyang = await staffAs(b, 'live-luoyang', 'bureau', '洛阳市');
  luoyang2 = await staffAs(b, 'live-luoyang2', 'bureau', '洛阳市');
  zhengzhou = await staffAs(b, 'live-zhengzhou', 'bureau', '郑州市');
}, 180_000);
afterAll(async () => b?.close(), 120_000);

const listen = (who: StaffLogin | null, query = '') => listenAt(base, who, query);

async function applicant(name: string, region: string) {
  const s = await newSession(b.app);
  const caps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
  await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'ent.city': region, 'form.name': name });
  const res = await submit(b.app, s, region);
  expect(res.statusCode, res.body).toBe(201);
  return s;
}

describe('the bureau list is pushed, within the account\'s own region', () => {
  it('tells a bureau page at once that an enterprise submitted to its region, and tells another region\'s page nothing of it', async () => {
    const ly = await listen(luoyang);
    const zz = await listen(zhengzhou);
    expect(ly.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect((await ly.waitFor((e) => e.event === 'ready', 'ready')).data.region).toBe('洛阳市');
    await zz.waitFor((e) => e.event === 'ready', 'ready');

    const mine = await applicant('洛阳推送测试有限公司', '洛阳市');
    expect((await ly.waitFor(about(mine.sessionId), 'the Luoyang submission')).data.kind).toBe('submitted');
    // Zhengzhou's own submission comes after Luoyang's: once it has arrived, Luoyang's would have too, had it been sent.
    const theirs = await applicant('郑州推送测试有限公司', '郑州市');
    await zz.waitFor(about(theirs.sessionId), 'the Zhengzhou submission');
    expect(zz.events.some(about(mine.sessionId)), 'another region\'s session id is never pushed').toBe(false);
    expect(ly.events.some(about(theirs.sessionId))).toBe(false);
    ly.close();
    zz.close();
  });

  it('tells the region a submission moved away from, and the region it moved to', async () => {
    const s = await applicant('搬家测试有限公司', '洛阳市');
    const ly = await listen(luoyang);
    const zz = await listen(zhengzhou);
    await ly.waitFor((e) => e.event === 'ready', 'ready');
    await zz.waitFor((e) => e.event === 'ready', 'ready');
    expect((await submit(b.app, s, '郑州市')).statusCode).toBe(201);
    expect((await ly.waitFor(about(s.sessionId), 'the move away')).data.kind).toBe('moved');
    expect((await zz.waitFor(about(s.sessionId), 'the move in')).data.kind).toBe('submitted');
    ly.close();
    zz.close();
  });

  it('tells a colleague of the same bureau that a review was saved, and not the other region', async () => {
    const s = await applicant('同事审核测试有限公司', '洛阳市');
    const colleague = await listen(luoyang2);
    const zz = await listen(zhengzhou);
    await colleague.waitFor((e) => e.event === 'ready', 'ready');
    await zz.waitFor((e) => e.event === 'ready', 'ready');
    const body = await completeReview(b.app, luoyang, s.sessionId);
    const saved = await b.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${s.sessionId}/review`, headers: as(luoyang), payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await colleague.waitFor(about(s.sessionId), 'the review')).data.kind).toBe('reviewed');
    const other = await applicant('顺序标记有限公司', '郑州市');
    await zz.waitFor(about(other.sessionId), 'the Zhengzhou marker');
    expect(zz.events.some(about(s.sessionId))).toBe(false);
    colleague.close();
    zz.close();
  });

  it('opens only to a signed-in bureau for its own region, or to an admin for the region it names', async () => {
    expect((await listen(null)).res.status, 'no cookie').toBe(401);
    const other = await listen(luoyang, `?region=${encodeURIComponent('郑州市')}`);
    expect(other.res.status, 'a bureau naming another region').toBe(403);
    const helpline = await staffAs(b, 'live-helpline', 'helpline');
    expect((await listen(helpline)).res.status, 'the helpline has no bureau list').toBe(403);
    const admin = await staffAs(b, 'live-admin', 'admin');
    expect((await listen(admin)).res.status, 'an admin names the region').toBe(400);
    const adminZz = await listen(admin, `?region=${encodeURIComponent('郑州市')}`);
    expect(adminZz.res.status).toBe(200);
    await adminZz.waitFor((e) => e.event === 'ready', 'ready');
    const ly = await applicant('管理员不该听到的公司', '洛阳市');
    const zz = await applicant('管理员该听到的公司', '郑州市');
    await adminZz.waitFor(about(zz.sessionId), 'the Zhengzhou submission');
    expect(adminZz.events.some(about(ly.sessionId))).toBe(false);
    adminZz.close();
  });
});

describe('a stream ends with the sign-in it was opened with', () => {
  it('ends a bureau page\'s stream at its logout, at once, and leaves a colleague\'s stream open', async () => {
    const leaving = await staffAs(b, 'live-leaving', 'bureau', '洛阳市');
    const mine = await listen(leaving);
    const colleague = await listen(luoyang2);
    await mine.waitFor((e) => e.event === 'ready', 'ready');
    await colleague.waitFor((e) => e.event === 'ready', 'ready');
    const out = await b.app.inject({ method: 'POST', url: '/api/staff/logout', headers: as(leaving) });
    expect(out.statusCode, out.body).toBe(200);
    // Far sooner than the 25 s heartbeat that would find the session gone.
    expect(await mine.endsWithin(3000), 'the logged-out page\'s stream is ended by the server').toBe(true);
    expect(await colleague.endsWithin(300), 'another session of the same region keeps its stream').toBe(false);
    const s = await applicant('退出后仍推送给同事的公司', '洛阳市');
    await colleague.waitFor(about(s.sessionId), 'the submission after the logout');
    expect((await listen(leaving)).res.status, 'the old cookie opens no new stream').toBe(401);
    colleague.close();
  }, 120_000);

  it('ends a stream at the next heartbeat once its cookie session has expired', async () => {
    const expiring = await staffAs(b, 'live-expiring', 'bureau', '洛阳市');
    // Only the stream's heartbeat timer is faked, so the test need not wait its 25 s; the database and the sockets run on real time.
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      const page = await listen(expiring);
      await page.waitFor((e) => e.event === 'ready', 'ready');
      const db = await (b.app.store as unknown as { database(): Promise<Db> }).database();
      const hit = await db.query("update staff_web_sessions set expires_at = now() - interval '1 second' where data->'staff'->>'username' = $1", ['live-expiring']);
      expect(hit.affectedRows, 'the account has one cookie session to expire').toBe(1);
      expect(await page.endsWithin(300), 'nothing ends it before the heartbeat checks').toBe(false);
      vi.advanceTimersByTime(25_000);
      expect(await page.endsWithin(5000), 'the heartbeat finds the session expired and ends the stream').toBe(true);
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);
});

describe('a stopping server', () => {
  it('ends the streams open on it and closes, though their connections would otherwise be kept for reuse', async () => {
    const own = await build();
    const at = await own.app.listen({ port: 0, host: '127.0.0.1' });
    const who = await staffAs(own, 'live-stopping', 'bureau', '洛阳市');
    const open = await listenAt(at, who);
    const leaving = await staffAs(own, 'live-stopping-out', 'bureau', '洛阳市');
    const ended = await listenAt(at, leaving);
    await open.waitFor((e) => e.event === 'ready', 'ready');
    await ended.waitFor((e) => e.event === 'ready', 'ready');
    expect((await own.app.inject({ method: 'POST', url: '/api/staff/logout', headers: as(leaving) })).statusCode).toBe(200);
    expect(await ended.endsWithin(3000), 'the logout ended its stream').toBe(true);
    // A stream's connection is not kept alive after it: a server waits for kept connections before it stops.
    expect(open.res.headers.get('connection')).toBe('close');
    await own.close();
    expect(await open.endsWithin(3000), 'the stop ended the open stream').toBe(true);
  }, 120_000);
});
