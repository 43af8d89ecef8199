import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgliteStore } from '../../server/store/pglite';
import { loadConfig } from '../../server/config';
import { beijingTime } from '../../server/staff/xlsx';
import { workshop } from '../chat/enterprises';
import { build, type Built } from '../helper';
import { as, newSession, staffAs, type StaffLogin } from './helpers';

let b: Built;
let helpline: StaffLogin;
let other: StaffLogin;

beforeAll(async () => {
  b = await build();
  helpline = await staffAs(b, 'hotline', 'helpline');
  other = await staffAs(b, 'hotline2', 'helpline');
});
afterAll(async () => b?.close());

const bearer = (s: { token: string }) => ({ authorization: `Bearer ${s.token}` });
const newCode = async (s: { sessionId: string; token: string }) =>
  (await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) })).json() as { code: string; expiresAt: string };
const claim = (who: StaffLogin, code: string) => b.app.inject({ method: 'POST', url: '/api/staff/assist/claim', headers: as(who), payload: { code } });
const view = (who: StaffLogin, viewId: string) => b.app.inject({ method: 'GET', url: `/api/staff/assist/${viewId}`, headers: as(who) });

describe('assisted sessions', () => {
  it('gives the enterprise a 6-digit code valid for 30 minutes; staff see the session read-only; the enterprise sees the viewer and revokes', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { 'ent.registeredInHenan': true });
    const { code, expiresAt, helpline: line } = (await newCode(s)) as Awaited<ReturnType<typeof newCode>> & { helpline: { unit: string; phone: string } };
    expect(code).toMatch(/^\d{6}$/);
    // The number to call comes with the code, from the knowledge data.
    expect(line).toEqual({ unit: b.app.kb.data.facts.contact.unit, phone: b.app.kb.data.facts.contact.phone });
    const ttl = Date.parse(expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(29 * 60_000);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000);

    const claimed = await claim(helpline, code);
    expect(claimed.statusCode).toBe(200);
    const { viewId } = claimed.json();
    const v = await view(helpline, viewId);
    expect(v.statusCode).toBe(200);
    expect(v.json().recorded.length).toBeGreaterThan(0);
    expect(v.json().assessment.knowledgeVersion).toBe(b.app.kb.version);

    // Single use: the same code does not open a second view.
    expect((await claim(other, code)).statusCode).toBe(404);
    // The view belongs to the staff member who claimed it.
    expect((await view(other, viewId)).statusCode).toBe(404);

    const state = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) })).json();
    expect(state.viewers.map((x: { username: string }) => x.username)).toEqual(['hotline']);

    const revoked = await b.app.inject({ method: 'DELETE', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) });
    expect(revoked.json().viewers).toEqual([]);
    expect((await view(helpline, viewId)).statusCode).toBe(404);
  });

  it('hands an open view to a colleague, who opens it with their own sign-in; the giver is told where it went, the enterprise sees the colleague, and the hand-over is audited', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { 'form.name': '转交企业丙', 'ent.registeredInHenan': true });
    const { viewId, expiresAt } = (await claim(helpline, (await newCode(s)).code)).json();
    const handover = (who: StaffLogin, id: string, to: string) => b.app.inject({ method: 'POST', url: `/api/staff/assist/${id}/handover`, headers: as(who), payload: { to } });

    // Only an active helpline or admin colleague can take it, and not the giver.
    const bureau = await staffAs(b, 'bureau-handover', 'bureau', '郑州市');
    for (const to of ['hotline', 'nobody-here', bureau.username]) expect((await handover(helpline, viewId, to)).statusCode, to).toBe(400);
    // A view that is not the caller's cannot be handed on by them.
    expect((await handover(other, viewId, 'hotline')).statusCode).toBe(404);

    const res = await handover(helpline, viewId, 'hotline2');
    expect(res.statusCode).toBe(200);
    // The reply names the colleague and when the view ends (as the enterprise agreed), and holds no session id or token.
    expect(res.json()).toEqual({ to: 'hotline2', expiresAt });
    expect(res.body).not.toContain(s.sessionId);
    expect(res.body).not.toContain(s.token);

    // The colleague finds it among their own open views and opens it; the giver's view has ended, saying to whom.
    const theirs = (await b.app.inject({ method: 'GET', url: '/api/staff/assist', headers: as(other) })).json().views;
    const moved = theirs.find((v: { name: string }) => v.name === '转交企业丙');
    expect(moved.until).toBe(expiresAt);
    expect(moved.viewId).not.toBe(viewId);
    const opened = await view(other, moved.viewId);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).not.toContain(s.token);
    const ended = await view(helpline, viewId);
    expect(ended.statusCode).toBe(404);
    expect(ended.json().error.message).toContain('转交给 hotline2');
    expect((await view(helpline, moved.viewId)).statusCode, 'the new view is the colleague\'s alone').toBe(404);
    // Handed over once, the old view cannot be handed again.
    expect((await handover(helpline, viewId, 'hotline2')).statusCode).toBe(404);

    // The enterprise sees who holds its session now, and its revoke ends the colleague's view too.
    const state = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) })).json();
    expect(state.viewers.map((x: { username: string }) => x.username)).toEqual(['hotline2']);
    await b.app.inject({ method: 'DELETE', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) });
    expect((await view(other, moved.viewId)).statusCode).toBe(404);

    const audit = readFileSync(join(b.config.DATA_DIR, 'staff/audit.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const line = audit.find((a) => a.action === 'assist.handover');
    expect(line).toMatchObject({ actor: 'hotline', action: 'assist.handover', target: s.sessionId, detail: { to: 'hotline2' } });
    expect(JSON.stringify(audit)).not.toContain(s.token);
  });

  it('lists the views a member holds open, so a spent code\'s session can be opened again, and only theirs, until it ends', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { 'form.name': '来电企业甲' });
    const { viewId, expiresAt } = (await claim(helpline, (await newCode(s)).code)).json();
    const list = async (who: StaffLogin) => (await b.app.inject({ method: 'GET', url: '/api/staff/assist', headers: as(who) })).json().views as { viewId: string; name: string | null; until: string }[];
    const mine = await list(helpline);
    expect(mine.find((v) => v.viewId === viewId)).toMatchObject({ name: '来电企业甲', until: expiresAt });
    // Another member neither sees nor can open it.
    expect((await list(other)).some((v) => v.viewId === viewId)).toBe(false);
    // A bureau account has no assisted sessions.
    const bureau = await staffAs(b, 'assist-bureau', 'bureau', '洛阳市');
    expect((await b.app.inject({ method: 'GET', url: '/api/staff/assist', headers: as(bureau) })).statusCode).toBe(403);
    await b.app.inject({ method: 'DELETE', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) });
    expect((await list(helpline)).some((v) => v.viewId === viewId), 'a revoked view leaves the list').toBe(false);
  });

  it('a second code for a session the member holds open renews that view to the new end, listed once; a colleague\'s code opens their own', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { 'form.name': '再次来电企业丁' });
    const list = async (who: StaffLogin) => (await b.app.inject({ method: 'GET', url: '/api/staff/assist', headers: as(who) })).json().views as { viewId: string; name: string | null; until: string }[];
    const first = (await claim(helpline, (await newCode(s)).code)).json() as { viewId: string; expiresAt: string };
    await new Promise((r) => setTimeout(r, 20));
    const again = await claim(helpline, (await newCode(s)).code);
    expect(again.statusCode).toBe(200);
    const second = again.json() as { viewId: string; expiresAt: string };
    expect(second.viewId).toBe(first.viewId);
    expect(Date.parse(second.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt));
    const mine = (await list(helpline)).filter((v) => v.name === '再次来电企业丁');
    expect(mine).toEqual([expect.objectContaining({ viewId: first.viewId, until: second.expiresAt })]);
    expect((await view(helpline, first.viewId)).statusCode).toBe(200);
    // A colleague's code for the same session is their own view; the enterprise sees each viewer once.
    const theirs = (await claim(other, (await newCode(s)).code)).json() as { viewId: string };
    expect(theirs.viewId).not.toBe(first.viewId);
    const state = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) })).json();
    expect(state.viewers.map((x: { username: string }) => x.username).sort()).toEqual(['hotline', 'hotline2']);
    // Once the enterprise revokes, a new code opens a new view: the revoked one stays ended.
    await b.app.inject({ method: 'DELETE', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) });
    const after = (await claim(helpline, (await newCode(s)).code)).json() as { viewId: string };
    expect(after.viewId).not.toBe(first.viewId);
    expect((await view(helpline, first.viewId)).statusCode).toBe(404);
    expect((await view(helpline, after.viewId)).statusCode).toBe(200);
  });

  it('a new code replaces the unused one, and revoking also kills an unused code', async () => {
    const s = await newSession(b.app);
    const first = await newCode(s);
    const second = await newCode(s);
    if (first.code !== second.code) expect((await claim(helpline, first.code)).statusCode).toBe(404);
    await b.app.inject({ method: 'DELETE', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) });
    expect((await claim(helpline, second.code)).statusCode).toBe(404);
  });

  it('only the session token makes codes or reads the viewers', async () => {
    const s = await newSession(b.app);
    expect((await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/assist` })).statusCode).toBe(404);
    expect((await b.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/assist`, headers: { cookie: helpline.cookie } })).statusCode).toBe(404);
    expect((await b.app.inject({ method: 'DELETE', url: `/api/sessions/${s.sessionId}/assist`, headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(404);
  });

  it('locks a staff account out after five wrong codes, even for a right one', async () => {
    const guesser = await staffAs(b, 'guesser', 'helpline');
    const s = await newSession(b.app);
    const { code } = await newCode(s);
    const wrong = code === '000000' ? '000001' : '000000';
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await claim(guesser, wrong)).statusCode);
    expect(codes).toEqual([404, 404, 404, 404, 404]);
    const right = await claim(guesser, code);
    expect(right.statusCode).toBe(429);
    // The code itself is not burnt by the locked-out attempt: another staff member can still use it.
    expect((await claim(helpline, code)).statusCode).toBe(200);
  });
});

describe('an assisted view ends by itself', () => {
  it('lasts ASSIST_VIEW_DAYS (7 by default); nonsense is refused by name', () => {
    expect(loadConfig({}).ASSIST_VIEW_DAYS).toBe(7);
    expect(loadConfig({ ASSIST_VIEW_DAYS: '2' }).ASSIST_VIEW_DAYS).toBe(2);
    expect(() => loadConfig({ ASSIST_VIEW_DAYS: '0' })).toThrow(/ASSIST_VIEW_DAYS/);
  });

  it('closes the view at its end, tells the helpline member it expired, and shows the enterprise it ended', async () => {
    const s = await newSession(b.app);
    const { code } = await newCode(s);
    const claimed = (await claim(helpline, code)).json();
    const days = (Date.parse(claimed.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect((await view(helpline, claimed.viewId)).statusCode).toBe(200);
    const open = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) })).json();
    expect(open.viewers).toEqual([expect.objectContaining({ username: 'hotline', until: claimed.expiresAt })]);

    // Seven days later.
    const db = await (b.app.store as PgliteStore).database();
    await db.query(`update staff_assist_grants set expires_at = now() - interval '1 second' where view_id = $1`, [claimed.viewId]);
    const ended = await view(helpline, claimed.viewId);
    expect(ended.statusCode).toBe(404);
    expect(ended.json().error.message).toContain('到期结束');
    // The helpline works in Beijing time: the end is said in it, to the minute, not in UTC.
    const endedAt = (await db.query<{ expires_at: Date }>(`select expires_at from staff_assist_grants where view_id = $1`, [claimed.viewId])).rows[0]!.expires_at;
    expect(ended.json().error.message).toContain(`${beijingTime(new Date(endedAt).toISOString())}（北京时间）`);
    const state = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) })).json();
    expect(state.viewers).toEqual([]);
    expect(state.expired.map((x: { username: string }) => x.username)).toEqual(['hotline']);
  });
});

describe('an assist code as typed over the phone', () => {
  it('opens the view in full-width digits or with spaces, and a wrong shape is refused in Chinese', async () => {
    const s = await newSession(b.app);
    const { code } = await newCode(s);
    const wide = [...code].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    expect(wide).not.toBe(code);
    const claimed = await claim(helpline, wide);
    expect(claimed.statusCode, claimed.body).toBe(200);
    const spaced = await newCode(await newSession(b.app));
    expect((await claim(helpline, `${spaced.code.slice(0, 3)} ${spaced.code.slice(3)}`)).statusCode).toBe(200);
    for (const bad of ['12345', '１２３４５a', '1234567']) {
      const r = await claim(other, bad);
      expect(r.statusCode).toBe(400);
      expect(r.body).toContain('协助码为 6 位数字');
    }
  });
});

describe('the form of an assisted session', () => {
  const exportAs = (who: StaffLogin | null, viewId: string, format: 'docx' | 'pdf' = 'docx') =>
    b.app.inject({ method: 'GET', url: `/api/staff/assist/${viewId}/export.${format}`, headers: who ? as(who) : {} });

  it('shows the chosen 附件, its filled and missing fields as the enterprise\'s form view counts them, and exports the file the enterprise would', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'form.name': '协助导出测试有限公司' } as never);
    const { viewId } = (await claim(helpline, (await newCode(s)).code)).json();
    const form = (await view(helpline, viewId)).json().form;
    const own = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/form`, headers: bearer(s) })).json();
    expect(form).toMatchObject({ category: own.category, attachment: own.attachment, title: own.title });
    expect(form.attachment).toMatch(/^附件\d$/u);
    expect(form.fields).toEqual({ filled: own.counts.filled + own.counts.unconfirmed, missing: own.counts.empty + own.counts.invalid, skipped: own.counts.skipped });
    expect(form.fields.filled).toBeGreaterThan(0);
    expect(form.fields.missing).toBeGreaterThan(0);
    expect(form.sections.total).toBeGreaterThan(0);
    expect(form.sections.edited).toBe(0);

    const file = await exportAs(helpline, viewId);
    expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const theirs = await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/export.docx`, headers: bearer(s) });
    expect(file.headers['content-disposition'], 'the same file name as the enterprise\'s own export').toBe(theirs.headers['content-disposition']);
    // PDF where LibreOffice is installed, else the same clear refusal the enterprise gets.
    const pdf = await exportAs(helpline, viewId, 'pdf');
    expect(pdf.statusCode).toBe(form.pdf ? 200 : 501);

    const audit = readFileSync(join(b.config.DATA_DIR, 'staff/audit.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(audit.find((a) => a.action === 'assist.export')).toMatchObject({ actor: 'hotline', target: s.sessionId, detail: { format: 'docx' } });
  });

  it('is reached only through the holder\'s open view: not by a colleague, a bureau, a caller without sign-in, or after the enterprise revokes', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'form.name': '协助权限测试有限公司' } as never);
    const { viewId } = (await claim(helpline, (await newCode(s)).code)).json();
    expect((await exportAs(helpline, viewId)).statusCode).toBe(200);
    expect((await exportAs(other, viewId)).statusCode).toBe(404);
    expect((await exportAs(await staffAs(b, 'assist-export-bureau', 'bureau', '洛阳市'), viewId)).statusCode).toBe(403);
    expect((await exportAs(null, viewId)).statusCode).toBe(401);
    expect((await exportAs(helpline, 'not-a-view')).statusCode).toBe(400);
    await b.app.inject({ method: 'DELETE', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer(s) });
    const ended = await exportAs(helpline, viewId);
    expect(ended.statusCode).toBe(404);
    expect(ended.json().error.code).toBe('VIEW_ENDED');
  });

  it('shows the note the enterprise\'s export sends when a section it edited is behind the facts given since, and none before', async () => {
    const s = await newSession(b.app);
    const answers = { ...workshop.facts, 'form.name': '协助过时提示有限公司' } as never;
    await b.app.store.setAnswers(s.sessionId, answers);
    const { viewId } = (await claim(helpline, (await newCode(s)).code)).json();
    const drafts = (await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/drafts`, headers: bearer(s) })).json();
    const asking = drafts.sections.find((x: { text: string }) => x.text.includes('〔请补充：单位地址〕'));
    expect(asking, 'a drafted section asks for the address').toBeDefined();
    const saved = await b.app.inject({ method: 'PUT', url: `/api/sessions/${s.sessionId}/drafts/${asking.section}`, headers: bearer(s), payload: { text: `${asking.text}企业自己补了一句。`, category: drafts.category } });
    expect(saved.statusCode).toBe(200);
    // Near miss: the edit still asks for a fact not given, so nothing is behind it.
    const before = (await view(helpline, viewId)).json().form;
    expect(before.sections.edited).toBe(1);
    expect(before.stale).toBeNull();
    await b.app.store.setAnswers(s.sessionId, { ...(answers as object), 'form.address': '许昌市魏都区示例路8号' } as never);
    const form = (await view(helpline, viewId)).json().form;
    const theirs = await b.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/export.docx`, headers: bearer(s) });
    const sent = JSON.parse(decodeURIComponent(String(theirs.headers['x-stale-sections'])));
    expect(form.stale).toEqual({ warning: sent.warning, sections: sent.sections });
    expect(form.stale.sections).toEqual([{ section: asking.section, title: asking.title, labels: ['单位地址'] }]);
    expect(form.stale.warning).toContain('可能已过时');
    // The helpline's own export sends the same note beside the file.
    const file = await exportAs(helpline, viewId);
    expect(JSON.parse(decodeURIComponent(String(file.headers['x-stale-sections'])))).toEqual(sent);
  });

  it('says no 附件 is chosen while the session has no category (a hard condition fails), and exports nothing', async () => {
    const s = await newSession(b.app);
    await b.app.store.setAnswers(s.sessionId, { 'form.name': '省外注册有限公司', 'ent.registeredInHenan': false });
    const { viewId } = (await claim(helpline, (await newCode(s)).code)).json();
    expect((await view(helpline, viewId)).json().form).toBeNull();
    const res = await exportAs(helpline, viewId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(b.app.kb.data.ui.console.errors.assistNoCategory);
  });
});
