import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { reviewFinanceWarnings } from '../forms/review-finance';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import fastifyCsrf from '@fastify/csrf-protection';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { HttpError, notFound, parseOr400 } from '../errors';
import { answerQuestion } from '../qa/answer';
import { entryQuestion } from '../qa/layer';
import { quickPicks } from '../staff/quick-picks';
import { fill } from '../engine/kb';
import { askWithLlm } from '../llm/ask';
import { rulesFor } from '../chat/rules';
import staffKnowledgeRoutes from './staff-knowledge';
import { hashPassword, dummyHash, verifyPassword } from '../staff/password';
import { readAudit, staffDir } from '../staff/accounts';
import { lockoutFor } from '../staff/limiter';
import {
  applicationContent,
  areaMismatch,
  categoryLabel,
  checklistOf,
  conditionText,
  confirmationText,
  countiesOwnNote,
  countsInQuota,
  incompleteRecommendation,
  migrateTicks,
  onlyHardConditionsOpen,
  outsideAreaForBureau,
  outsideAreaRecommended,
  outsideAreaRefusal,
  outsideAreaTag,
  overQuotaMessage,
  quotaOf,
  quotaWarning,
  reviewRefusal,
  reviewShortfall,
  submissionShortfall,
  summaryDeadline,
  unconfirmedConditions,
  type SubmissionSnapshot,
} from '../staff/bureau';
import { AssistClaimRequest, AssistHandoverRequest, ChangePasswordRequest, LoginRequest, QuestionLogQuery, ReviewRequest, StaffAskRequest, type QuestionLogPage, type StaffIdentity, type StaffRole } from '../staff/schemas';
import type { Refusal, Submission } from '../staff/store';
import { sessionDay } from '../store/session-day';
import { chinaDay } from '../understand/dates';
import type { StaffContext } from '../staff/plugin';
import { beijingTime, STAFF_TIME_ZONE, summaryWorkbook } from '../staff/xlsx';
import { dashboardTables, LOW_CONFIDENCE, rates, toCsv } from '../staff/dashboard';
import { loggedAnswerText } from '../staff/interview-reply';
import staffAnswerRoutes from './staff-answers';

declare module 'fastify' {
  interface Session {
    staff?: StaffIdentity;
  }
}

export const STAFF_COOKIE = 'zz_staff';
const SESSION_MS = 8 * 3600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A pushed stream's longest life, its heartbeat (and sign-in check), and the browser's wait before it reopens one. */
const LIVE_STREAM_MS = 10 * 60_000;
const LIVE_HEARTBEAT_MS = 25_000;
const LIVE_RETRY_MS = 5_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whole minutes left of a lockout, as a refusal says them. */
const minutesOf = (ms: number) => Math.ceil(ms / 60_000);

/** The cookie signing secret is made once per data directory, so sessions survive a restart. */
function sessionSecret(dataDir: string): string {
  const file = join(staffDir(dataDir), 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(staffDir(dataDir), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * Everything under /api/staff/. The cookie, session and CSRF plugins are registered in this
 * scope only: the staff cookie is scoped to /api/staff, so it never reaches an enterprise route,
 * and an enterprise's bearer token is not read here at all.
 */
export default async function staffRoutes(fastify: FastifyInstance, opts: { ctx: StaffContext }): Promise<void> {
  const { ctx } = opts;
  const kb = () => fastify.kb;
  /** The staff routes' refusals, worded by the default knowledge version (ui.json console.errors). */
  const say = () => kb().data.ui.console.errors;
  const unauthenticated = () => new HttpError(401, 'UNAUTHENTICATED', say().unauthenticated);
  const forbidden = () => new HttpError(403, 'FORBIDDEN', say().forbidden);
  const locked = (ms: number) => new HttpError(429, 'LOCKED', fill(say().loginLocked, { minutes: minutesOf(ms) }));
  // Five wrong passwords lock an account for 15 minutes; an address trying many accounts is locked too.
  // Counted where every instance sees them (lockoutFor), so N instances do not mean N times the tries.
  const accountFails = lockoutFor(fastify.store, 'staff-login-account', 5, 15 * 60_000, 15 * 60_000);
  const ipFails = lockoutFor(fastify.store, 'staff-login-ip', 20, 15 * 60_000, 15 * 60_000);
  // An assisted-session code has a million values: a few wrong tries lock the account and the address.
  const codeFailsAccount = lockoutFor(fastify.store, 'assist-code-account', 5, 30 * 60_000, 30 * 60_000);
  const codeFailsIp = lockoutFor(fastify.store, 'assist-code-ip', 10, 30 * 60_000, 30 * 60_000);

  await fastify.register(fastifyCookie);
  await fastify.register(fastifySession, {
    secret: sessionSecret(fastify.config.DATA_DIR),
    cookieName: STAFF_COOKIE,
    saveUninitialized: false,
    rolling: true,
    cookie: { path: '/api/staff', httpOnly: true, sameSite: 'strict', secure: false, maxAge: SESSION_MS },
    store: {
      get: (sid, cb) => void ctx.store().sessionGet(sid).then((s) => cb(null, s as never), (err: Error) => cb(err)),
      set: (sid, session, cb) => void ctx.store().sessionSet(sid, session, session.cookie.expires ?? new Date(Date.now() + SESSION_MS)).then(() => cb(), (err: Error) => cb(err)),
      destroy: (sid, cb) => void ctx.store().sessionDestroy(sid).then(() => cb(), (err: Error) => cb(err)),
    },
  });
  await fastify.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  // The session plugin's 'auto' mode would downgrade SameSite to Lax on plain HTTP; instead the
  // cookie is marked Secure whenever the request came over TLS (directly or via a trusted proxy).
  const secureIfTls = (request: FastifyRequest) => {
    if (request.protocol === 'https') request.session.cookie.secure = true;
  };

  const PUBLIC = new Set(['/api/staff/login']);
  const FIRST_LOGIN = new Set(['/api/staff/me', '/api/staff/password', '/api/staff/logout']);
  fastify.addHook('onRequest', async (request) => {
    secureIfTls(request);
    if (PUBLIC.has(request.routeOptions.url ?? '')) return;
    const who = request.session.get('staff');
    if (!who) throw unauthenticated();
    // An account disabled or removed (or re-bound) in the accounts file ends its sessions at once.
    const acc = ctx.accounts.find(who.username);
    if (!acc || acc.role !== who.role || acc.region !== who.region) {
      const sid = request.session.sessionId;
      await request.session.destroy();
      ctx.signals.signedOut(sid);
      throw unauthenticated();
    }
    // A one-time password printed on a terminal opens nothing but the page that replaces it.
    if (acc.mustChangePassword && !FIRST_LOGIN.has(request.routeOptions.url ?? '')) {
      throw new HttpError(403, 'PASSWORD_CHANGE_REQUIRED', say().passwordChangeRequired);
    }
  });
  fastify.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || PUBLIC.has(request.routeOptions.url ?? '')) return done();
    fastify.csrfProtection(request, reply, done);
  });

  const me = (request: FastifyRequest): StaffIdentity => {
    const who = request.session.get('staff');
    if (!who) throw unauthenticated();
    return who;
  };
  const requireRole = (request: FastifyRequest, ...roles: StaffRole[]): StaffIdentity => {
    const who = me(request);
    if (!roles.includes(who.role)) throw forbidden();
    return who;
  };
  const audited = new WeakSet<FastifyRequest>();
  const audit = (request: FastifyRequest, action: string, target?: string, detail?: unknown) => {
    const who = request.session.get('staff');
    audited.add(request);
    ctx.audit({ actor: who?.username ?? '-', role: who?.role ?? '-', action, ...(target ? { target } : {}), ip: request.ip, ...(detail !== undefined ? { detail } : {}) });
  };
  // A signed-in account refused a route (403: not its role or region; 404: another region's
  // applicant, another member's view, an unknown path) may be probing: every refusal is an audit
  // line. It names the route's pattern and method, never the path or body as sent, which are the
  // caller's text; an applicant's id is kept only as the UUID the route accepts.
  fastify.addHook('onResponse', async (request, reply) => {
    if ((reply.statusCode !== 403 && reply.statusCode !== 404) || audited.has(request)) return;
    const who = request.session?.get('staff');
    if (!who) return;
    const id = (request.params as { id?: unknown } | undefined)?.id;
    ctx.audit({
      actor: who.username,
      role: who.role,
      action: 'refused',
      ...(typeof id === 'string' && UUID.test(id) ? { target: id } : {}),
      ip: request.ip,
      detail: { status: reply.statusCode, method: request.method, route: request.routeOptions.url ?? '-' },
    });
  });
  const identityOut = (who: StaffIdentity, reply: FastifyReply, mustChangePassword = false) => ({
    username: who.username,
    role: who.role,
    region: who.region ?? null,
    mustChangePassword,
    csrfToken: reply.generateCsrf(),
  });

  fastify.post('/api/staff/login', async (request, reply) => {
    const body = parseOr400(LoginRequest, request.body);
    const userKey = body.username.toLowerCase();
    const wait = Math.max(await accountFails.lockedFor(userKey), await ipFails.lockedFor(request.ip));
    if (wait > 0) {
      ctx.audit({ actor: body.username, role: '-', action: 'login.locked', ip: request.ip });
      throw locked(wait);
    }
    const acc = ctx.accounts.find(body.username);
    const ok = await verifyPassword(body.password, acc?.passwordHash ?? (await dummyHash()));
    if (!acc || !ok) {
      const nowLocked = await accountFails.fail(userKey);
      await ipFails.fail(request.ip);
      ctx.audit({ actor: body.username, role: '-', action: 'login.failed', ip: request.ip });
      if (nowLocked) throw locked(await accountFails.lockedFor(userKey));
      throw new HttpError(401, 'BAD_CREDENTIALS', say().badCredentials);
    }
    await accountFails.clear(userKey);
    // A new session id at login, so an id planted before login is worth nothing after it.
    await request.session.regenerate();
    secureIfTls(request);
    const who: StaffIdentity = { username: acc.username, role: acc.role, ...(acc.region ? { region: acc.region } : {}) };
    request.session.set('staff', who);
    ctx.audit({ actor: acc.username, role: acc.role, action: 'login', ip: request.ip });
    return identityOut(who, reply, acc.mustChangePassword);
  });

  fastify.post('/api/staff/logout', async (request) => {
    audit(request, 'logout');
    const sid = request.session.sessionId;
    await request.session.destroy();
    ctx.signals.signedOut(sid);
    return { ok: true };
  });

  fastify.get('/api/staff/me', async (request, reply) => {
    const who = me(request);
    return identityOut(who, reply, ctx.accounts.find(who.username)?.mustChangePassword ?? false);
  });

  fastify.post('/api/staff/password', async (request, reply) => {
    const who = me(request);
    const body = parseOr400(ChangePasswordRequest, request.body);
    const acc = ctx.accounts.find(who.username);
    if (!acc || !(await verifyPassword(body.current, acc.passwordHash))) throw new HttpError(401, 'BAD_CREDENTIALS', say().badCurrentPassword);
    ctx.accounts.update(who.username, { passwordHash: await hashPassword(body.next), mustChangePassword: false });
    audit(request, 'password.change');
    // Whoever knew the old password is signed out everywhere; this browser continues in a fresh session.
    await ctx.store().sessionsDestroyFor(who.username);
    await request.session.regenerate();
    secureIfTls(request);
    request.session.set('staff', who);
    return identityOut(who, reply);
  });

  // ---- Ask and the question log ----

  fastify.post('/api/staff/ask', async (request, reply) => {
    me(request);
    const body = parseOr400(StaffAskRequest, request.body);
    const answer = fastify.llm ? await askWithLlm(fastify.llm, kb(), body.question, `staff:${request.ip}`, request.log) : answerQuestion(kb(), body.question);
    const questionId = fastify.questionLog.record({ source: 'console', question: body.question, answer, knowledgeVersion: kb().version, reply });
    audit(request, 'ask', questionId);
    return { ...answer, questionId };
  });

  fastify.get('/api/staff/ask/recent', async (request) => {
    me(request);
    const recent = await ctx.store().questions({ limit: 10, source: 'console' });
    // Forty of the most asked texts leave ten questions once follow-ups, replies and other wordings are set aside.
    return { recent: [...new Set(recent.map((q) => q.question))], frequent: quickPicks(kb(), await ctx.store().frequent(40), 10) };
  });

  /** The standard questions of the entries logged answers rest on, from the version that answered each. */
  const entryQuestionsOf = (items: readonly { entries: string[]; knowledgeVersion: string; reviewEntry?: string }[]) => {
    const out: Record<string, Record<string, string>> = {};
    for (const i of items) {
      // The entry staff answered the question with from the queue is named too.
      const ids = i.reviewEntry ? [...i.entries, i.reviewEntry] : i.entries;
      if (!ids.length) continue;
      let k;
      try {
        k = fastify.knowledgeFor(i.knowledgeVersion);
      } catch {
        // A version no longer served: its entries keep their ids only.
        continue;
      }
      const named = (out[i.knowledgeVersion] ??= {});
      for (const id of ids) {
        const q = entryQuestion(k, id);
        if (q) named[id] = q;
      }
    }
    return out;
  };

  // A logged row is read with the knowledge version it was answered under, or the default one once that is no longer served.
  const dataOf = (version: string) => {
    try {
      return fastify.knowledgeFor(version).data;
    } catch {
      return kb().data;
    }
  };

  fastify.get('/api/staff/questions', async (request) => {
    requireRole(request, 'helpline', 'admin');
    const q = parseOr400(QuestionLogQuery, request.query, 'query');
    const filter = { source: q.source, refused: q.refused === undefined ? undefined : q.refused === 'true', result: q.result, text: q.q };
    const [items, total] = await Promise.all([ctx.store().questions({ ...q, ...filter }), ctx.store().questionCount(filter)]);
    audit(request, 'questions.list');
    const w = kb().data.ui.console.questionLog;
    return { items: items.map((i) => ({ ...i, answer: loggedAnswerText(dataOf(i.knowledgeVersion), i) })), total, retentionDays: fastify.config.QUESTION_LOG_RETENTION_DAYS, entryQuestions: entryQuestionsOf(items), sources: w.sources, feedback: w.feedback } satisfies QuestionLogPage;
  });

  fastify.get('/api/staff/questions.csv', async (request, reply) => {
    requireRole(request, 'helpline', 'admin');
    const q = parseOr400(QuestionLogQuery.extend({ limit: z.coerce.number().int().min(1).max(10_000).default(5000) }), request.query, 'query');
    const items = await ctx.store().questions({ ...q, refused: q.refused === undefined ? undefined : q.refused === 'true', result: q.result, text: q.q });
    audit(request, 'questions.export', undefined, { rows: items.length });
    const w = kb().data.ui.console.questionLog;
    const c = w.columns;
    const csv = toCsv({
      title: w.title,
      columns: [c.at, c.source, c.question, c.answer, c.clauses, c.entries, c.entryIds, c.confidence, c.refused, c.feedback, c.knowledgeVersion],
      rows: items.map((i) => {
        const named = entryQuestionsOf([i])[i.knowledgeVersion] ?? {};
        // A refusal answered nothing: the score it fell short with is no confidence in an answer, so its cell is empty.
        // An interview reply not read is no question: its 未能回答 cell says it was not read, as the page's row does.
        // A refusal an entry gave (通知未涉及) was that entry's answer, matched with its score, as the page shows it.
        const byEntry = i.refused && i.entries.length > 0;
        const refusedCell = i.source === 'interview' ? (w.misread ?? w.yes) : byEntry ? (w.notCovered ?? w.yes) : i.refused ? w.yes : w.no;
        return [beijingTime(i.at), w.sources[i.source], i.question, loggedAnswerText(dataOf(i.knowledgeVersion), i), i.clauses.join(' '), i.entries.map((e) => named[e] ?? '').filter(Boolean).join('；'), i.entries.join(' '), i.refused && !byEntry ? '' : i.confidence, refusedCell, i.feedback ? w.feedback[i.feedback] : '', i.knowledgeVersion];
      }),
    });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="questions.csv"; filename*=UTF-8''${encodeURIComponent(w.title)}.csv`).send(csv);
  });

  fastify.get('/api/staff/audit', async (request) => {
    requireRole(request, 'admin');
    const { limit } = parseOr400(z.object({ limit: z.coerce.number().int().min(1).max(2000).default(200) }), request.query, 'query');
    return { items: readAudit(fastify.config.DATA_DIR, limit) };
  });

  // ---- Dashboard ----

  const DashboardQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
  const DashboardTable = z.enum(['perDay', 'topics', 'regions', 'categories', 'verdicts', 'exports']);

  /** The dashboard of `?days=` and `?year=`; the submission counts are of that programme year, as the bureau list's are. */
  const dashboardOf = async (request: FastifyRequest) => {
    const { days } = parseOr400(DashboardQuery, request.query, 'query');
    const year = yearFor(request);
    const data = await ctx.store().dashboard(days, LOW_CONFIDENCE, year, STAFF_TIME_ZONE);
    return { days, year, data };
  };

  fastify.get('/api/staff/dashboard', async (request) => {
    requireRole(request, 'helpline', 'admin');
    const { days, year, data } = await dashboardOf(request);
    const years = [...new Set([kb().data.manifest.year, year, ...(await ctx.store().allProgrammeYears())])].sort((x, y) => y - x);
    audit(request, 'dashboard.view', undefined, { year });
    return { days, year, years, lowConfidence: LOW_CONFIDENCE, ...rates(data), tables: dashboardTables(kb().data, data, year) };
  });

  fastify.get('/api/staff/dashboard/:table.csv', async (request, reply) => {
    requireRole(request, 'helpline', 'admin');
    const { table } = parseOr400(z.object({ table: DashboardTable }), request.params, 'params');
    const { year, data } = await dashboardOf(request);
    const t = dashboardTables(kb().data, data, year)[table];
    audit(request, 'dashboard.export', table, { year });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${table}.csv"; filename*=UTF-8''${encodeURIComponent(t.title)}.csv`)
      .send(toCsv(t));
  });

  // ---- Bureau view: one region's applicants ----

  /** The region a request may see: a bureau account's own; an admin names one. Nobody else. */
  const regionFor = (request: FastifyRequest): string => {
    const who = requireRole(request, 'bureau', 'admin');
    const asked = (request.query as { region?: unknown } | undefined)?.region;
    if (who.role === 'bureau') {
      if (asked !== undefined && asked !== who.region) throw forbidden();
      return who.region!;
    }
    if (typeof asked !== 'string' || !quotaOf(kb().data, asked)) throw new HttpError(400, 'VALIDATION_FAILED', say().regionRequired);
    return asked;
  };

  /**
   * The programme year a bureau request is about: `?year=`, else the year of the default knowledge
   * version. The 四(三) quota is set by each year's notice, so counts never mix years.
   */
  const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
  const yearFor = (request: FastifyRequest): number => {
    const { year } = parseOr400(YearQuery, { year: (request.query as { year?: unknown } | undefined)?.year }, 'query');
    return year ?? kb().data.manifest.year;
  };
  /** The served knowledge of a programme year: the default version if it is that year's, else a served version of that year; none when no served version is. */
  const servedOfYear = (year: number) => {
    const d = kb();
    if (d.data.manifest.year === year) return d;
    const of = fastify.knowledge.versions().map((v) => fastify.knowledge.get(v)!).filter((k) => k.data.manifest.year === year);
    return of.at(-1);
  };
  /** The knowledge of a programme year, else the default version's (for the rules that have no other source). */
  const kbOfYear = (year: number | null) => (year === null ? undefined : servedOfYear(year)) ?? kb();

  /** A submission's deadline is its own knowledge version's: a 2023 submission's 推荐汇总表 was due in 2023, whatever the default version now is. */
  const deadlineOfVersion = (version: string) => {
    try {
      return summaryDeadline(fastify.knowledgeFor(version).data, new Date()) ?? null;
    } catch {
      // A version no longer served: its date is not known here, and another version's would be wrong.
      return null;
    }
  };

  /** A served knowledge version, else the default one (a version no longer served). */
  const knowledgeOf = (version: string) => {
    try {
      return fastify.knowledgeFor(version);
    } catch {
      return kb();
    }
  };

  /** Why a submission cannot be recommended, or undefined when it can. */
  const cannotRecommend = (s: Submission): string | undefined => {
    const a = (s.snapshot as SubmissionSnapshot).assessment;
    if (a.verdict === 'ineligible' || !a.eligible) {
      const failed = a.blocking.map((x) => `${x.clause}（${x.reason.replace(/[。；]+$/, '')}）`).join('；');
      return fill(say().ineligible, { failed: failed || say().ineligibleFallback });
    }
    // Unanswered hard conditions alone leave a verdict open that the bureau's own 初审 settles: such an applicant waits
    // for the bureau's confirmation of them (confirmConditions) instead.
    if (a.verdict === 'incomplete' && !onlyHardConditionsOpen(a)) return say().incompleteVerdict;
    return undefined;
  };

  /**
   * Why 推荐 is refused for this applicant whatever the review says: ineligible, no verdict yet, or in another bureau's
   * area (四(三)), where it would take a place of this bureau's quota that belongs to its own applicants.
   */
  const vetApplicant = (s: Submission): Refusal | undefined => {
    const never = cannotRecommend(s);
    if (never) return { code: 'NOT_RECOMMENDABLE', reason: never };
    const away = areaMismatch(kb().data, s.region, (s.snapshot as SubmissionSnapshot).answers ?? {});
    return away ? { code: 'OUT_OF_AREA', reason: outsideAreaRefusal(kb().data, away), details: { where: away.where, recommender: away.recommender } } : undefined;
  };
  /** Why this review may not carry 推荐: the bureau's 初审 record lacks what 四(三) asks for (read against the submission's checklist as it is now). */
  const vetReview = (s: Submission, review: ReviewRequest): Refusal | undefined => {
    const snap = s.snapshot as SubmissionSnapshot;
    const short = reviewShortfall(checklistOf(kb().data, snap.assessment.category.recommended, snap.answers ?? {}), review);
    if (!short) return undefined;
    return {
      code: 'REVIEW_INCOMPLETE',
      reason: reviewRefusal(kb().data, short),
      // The page marks each missing part beside its field; nothing typed is stored or cleared by the refusal.
      details: { notes: short.notes, siteNotes: short.siteNotes, unchecked: short.unchecked.map((i) => i.id) },
    };
  };

  /** A new recommendation of an applicant whose figures raise warnings waits for the bureau to confirm it has checked them. */
  const confirmFinance = (s: Submission, review: ReviewRequest): Refusal | undefined => {
    if (review.financeConfirmed) return undefined;
    const snap = s.snapshot as SubmissionSnapshot;
    const w = reviewFinanceWarnings(kb().data, snap.answers ?? {}, snap.assessment.category.recommended);
    if (!w) return undefined;
    const items = w.items.map((i) => `${i.text.replace(/。$/u, '')}（${i.clause}）；`).join('').replace(/；$/u, '。');
    return { code: 'FINANCE_UNCONFIRMED', reason: fill(kb().data.facts.review.gate.financeConfirm, { items, note: w.note }), details: { items: w.items, note: w.note } };
  };

  /**
   * The conditions the applicant's answers leave unmet, partial or unknown, read with the knowledge it answered under:
   * 二(二) makes meeting the element conditions a 申报条件, and an unanswered hard condition is the 初审's to verify.
   */
  const unconfirmed = (s: Submission) => unconfirmedConditions(knowledgeOf(s.knowledgeVersion).data, s.snapshot as SubmissionSnapshot);
  /** Then, for a new recommendation, the bureau confirms it recommends an applicant with such conditions, each named with what it lacks. */
  const confirmConditions = (s: Submission, review: ReviewRequest): Refusal | undefined => {
    const open = unconfirmed(s);
    if (!open.length || review.conditionsConfirmed) return undefined;
    const data = knowledgeOf(s.knowledgeVersion).data;
    const items = open.map((c) => conditionText(data, c)).join(data.facts.review.gate.conditions.separator);
    return {
      code: 'CONDITIONS_UNCONFIRMED',
      reason: fill(data.facts.review.gate.conditionsConfirm, { count: open.length, items }),
      details: { clauses: open.map((c) => ({ clause: c.clause, title: c.title, status: c.status, kind: c.kind, detail: c.detail })) },
    };
  };
  /** Whether a stored recommendation takes a place of its bureau's quota (not one of an applicant outside its area). */
  const counts = (s: Submission) => countsInQuota(kb().data, s);

  const summaryOf = (s: Submission) => {
    const snap = s.snapshot as SubmissionSnapshot;
    const a = snap.assessment;
    const away = areaMismatch(kb().data, s.region, snap.answers ?? {});
    return {
      sessionId: s.sessionId,
      /** Where the applicant says it is, when that is outside this bureau's area: the queue flags it before the record is opened. */
      outOfArea: away ? { where: away.where, recommender: away.recommender, tag: outsideAreaTag(kb().data, away) } : null,
      /**
       * A 推荐 of an applicant outside the area, saved before such a 推荐 was refused: kept as saved and said beside it,
       * counted in no quota and left out of the 推荐汇总表's 推荐企业.
       */
      outsideAreaRecommended: s.recommended && away ? outsideAreaRecommended(kb().data, away) : null,
      /** The conditions the bureau confirmed past when it recommended, as the 推荐汇总表 says them; null when none. */
      confirmation: s.recommended ? confirmationText(knowledgeOf(s.knowledgeVersion).data, snap, s.review?.confirmedUnmet, beijingTime) : null,
      name: snap.name,
      submittedAt: s.submittedAt,
      knowledgeVersion: s.knowledgeVersion,
      programmeYear: s.programmeYear,
      verdict: a.verdict,
      eligible: a.eligible,
      blocking: a.blocking.map((x) => ({ clause: x.clause, reason: x.reason })),
      /** Hard conditions the applicant left unanswered: 待确认, for the bureau to verify before 推荐. */
      pending: a.pending ?? [],
      /** Why 推荐 would be refused, shown beside the control. */
      notRecommendable: vetApplicant(s)?.reason ?? null,
      changedSinceReview: s.changedSinceReview,
      /** The bureau the enterprise moved this submission from: its review stays with that bureau. */
      movedFrom: s.movedFrom,
      category: a.category.recommended,
      categoryLabel: categoryLabel(kb().data, a.category.recommended),
      /** The finance checks of the applicant's own form, worded for the 初审: shown beside the verdict and before 推荐. */
      financeWarnings: reviewFinanceWarnings(kb().data, snap.answers ?? {}, a.category.recommended),
      gaps: [
        ...a.blocking.map((b) => ({ clause: b.clause, title: '申报条件', status: 'blocking', advice: b.reason })),
        ...(a.pending ?? []).map((p) => ({ clause: p.clause, title: p.title, status: 'pending', advice: kb().data.facts.review.gate.hardPendingGap })),
        ...a.conditions.filter((c) => c.status === 'unmet' || c.status === 'partial' || c.status === 'unknown').map((c) => ({ clause: c.clause, title: c.title, status: c.status, advice: c.advice })),
      ],
      recommended: s.recommended,
      /**
       * A recommendation whose 初审 record lacks what 四(三) asks for (saved before the console asked for it): said
       * beside it, and left out of the 推荐汇总表's 推荐企业 until the bureau completes it.
       */
      recommendationIncomplete: (() => {
        if (!s.recommended) return null;
        const short = submissionShortfall(kb().data, snap, s.review);
        return short ? incompleteRecommendation(kb().data, short) : null;
      })(),
      reviewedBy: s.reviewedBy,
      reviewedAt: s.reviewedAt,
    };
  };

  const overview = async (region: string, year: number) => {
    const data = kbOfYear(year).data;
    const quota = (quotaOf(data, region) ?? quotaOf(kb().data, region))!;
    const recommended = await ctx.store().recommendedCount(region, year, counts);
    const years = [...new Set([kb().data.manifest.year, year, ...(await ctx.store().programmeYears(region))])].sort((x, y) => y - x);
    return {
      region,
      year,
      years,
      quota: { ...quota, recommended, remaining: Math.max(0, quota.max - recommended), atLimit: recommended >= quota.max, warning: quotaWarning(data, quota, recommended)?.text ?? null },
      /** On a city's page: its counties recommend on their own quota and upload their own 推荐汇总表. */
      countiesOwn: countiesOwnNote(data, region),
      // The year shown's own deadline; a year no served version is of has none to show (the default version's date is another year's).
      deadline: (() => {
        const k = servedOfYear(year);
        return k ? (summaryDeadline(k.data, new Date()) ?? null) : null;
      })(),
    };
  };

  fastify.get('/api/staff/bureau', async (request) => {
    const region = regionFor(request);
    const year = yearFor(request);
    const list = await ctx.store().applicants(region, year);
    audit(request, 'bureau.list', region, { year });
    return { ...(await overview(region, year)), applicants: list.map(summaryOf) };
  });

  const SessionParam = z.object({ id: z.uuid() });

  fastify.get('/api/staff/bureau/applicants/:id', async (request) => {
    const region = regionFor(request);
    const { id } = parseOr400(SessionParam, request.params, 'params');
    const s = await ctx.store().applicant(region, id);
    // Another region's applicant is "not found", so a bureau cannot probe which sessions exist elsewhere.
    if (!s) throw notFound(kb().data.ui.notFound, 'enterprise');
    const snap = s.snapshot as SubmissionSnapshot;
    const checklist = checklistOf(kb().data, snap.assessment.category.recommended, snap.answers);
    audit(request, 'bureau.view', id);
    return {
      ...summaryOf(s),
      conditions: snap.assessment.conditions,
      categoryReasons: snap.assessment.category.reasons,
      checklist,
      drafts: snap.drafts ?? null,
      // Read with the knowledge the enterprise answered under, whose form questions its answers are.
      // Dated from the session's first message; a session already purged is dated by its submission.
      application: applicationContent(knowledgeOf(s.knowledgeVersion).data, snap, (await sessionDay(fastify.store, id)) ?? chinaDay(new Date(s.submittedAt))),
      review: s.review ? { ...s.review, checklist: migrateTicks(checklist, s.review.checklist), reasons: s.review.reasons ?? {} } : { notes: '', siteNotes: '', checklist: {}, reasons: {} },
      deadline: deadlineOfVersion(s.knowledgeVersion),
      // The location the applicant gave lies outside this bureau's area: the facts the applicant was told, said to the bureau.
      outsideArea: (() => {
        const m = areaMismatch(kb().data, region, snap.answers ?? {});
        return m ? outsideAreaForBureau(kb().data, m) : null;
      })(),
    };
  });

  fastify.put('/api/staff/bureau/applicants/:id/review', async (request) => {
    const region = regionFor(request);
    const { id } = parseOr400(SessionParam, request.params, 'params');
    const body = parseOr400(ReviewRequest, request.body);
    const quotaIn = (year: number | null) => (quotaOf(kbOfYear(year).data, region) ?? quotaOf(kb().data, region))!;
    const by = me(request).username;
    const r = await ctx.store().review(region, id, body, by, {
      quotaOf: (year) => quotaIn(year).max,
      counts,
      vet: vetApplicant,
      complete: vetReview,
      confirm: (s, review) => confirmFinance(s, review) ?? confirmConditions(s, review),
      confirmed: (s) => {
        const open = unconfirmed(s);
        const conditions = open.map(({ clause, title, status, detail, kind }) => ({ clause, title, status, detail, kind }));
        return open.length ? { confirmedUnmet: { clauses: open.map((c) => c.clause), conditions, by, at: new Date().toISOString() } } : {};
      },
    });
    if (r.status === 'missing') throw notFound(kb().data.ui.notFound, 'enterprise');
    if (r.status === 'conflict') {
      audit(request, 'bureau.review.conflict', id);
      const when = r.at ? fill(say().reviewConflictWhen, { time: beijingTime(r.at) }) : '';
      throw new HttpError(409, 'REVIEW_CONFLICT', fill(say().reviewConflict, { by: r.by ?? say().reviewConflictSomeone, when }), { by: r.by, at: r.at });
    }
    if (r.status === 'refused') {
      audit(request, 'bureau.review.refused', id, { code: r.refusal.code });
      throw new HttpError(409, r.refusal.code, r.refusal.reason, r.refusal.details);
    }
    if (r.status === 'overQuota') {
      const quota = quotaIn(r.year);
      audit(request, 'bureau.review.overQuota', id);
      throw new HttpError(409, 'OVER_QUOTA', overQuotaMessage(kbOfYear(r.year).data, quota, r.year));
    }
    audit(request, 'bureau.review', id, { recommended: body.recommended });
    // A colleague with the same list open sees the review, and the quota it took, without a reload.
    ctx.signals.applicantChanged({ region, sessionId: id, kind: 'reviewed' });
    // The save's own time: the page sends it as `basedOn` with its next save of this record.
    // The saved record as the list shows it, so the page says what was recorded (a confirmation, a flag) without a reload.
    const saved = await ctx.store().applicant(region, id);
    return { ...(await overview(region, r.year ?? kb().data.manifest.year)), reviewedAt: r.reviewedAt, applicant: saved ? summaryOf(saved) : null };
  });

  fastify.get('/api/staff/bureau/summary.xlsx', async (request, reply) => {
    const region = regionFor(request);
    const year = yearFor(request);
    // One programme year's table: last year's recommendations were last year's 推荐汇总表.
    const list = await ctx.store().applicants(region, year);
    const buf = await summaryWorkbook(kbOfYear(year).data, region, list, new Date());
    audit(request, 'bureau.export', region, { rows: list.length, year });
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="summary-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(fill(kb().data.ui.console.summary.fileName, { region, year }))}.xlsx`)
      .send(buf);
  });

  // ---- Bureau view: changes pushed as they happen ----

  /** Streams open on this instance, ended when the server stops so the close is not held open by them. */
  const streams = new Set<PassThrough>();
  fastify.addHook('preClose', async () => {
    for (const s of streams) s.end();
  });

  /**
   * Server-sent events: `changed` (the session ids that changed) whenever an applicant of the region this account
   * may see is submitted, moved away, reviewed or expires, so the page fetches its list at once. The stream carries
   * ids only: what the list shows is read, scoped and audited by GET /api/staff/bureau as ever. The scope is the one
   * that route has (regionFor): a bureau hears its own region, an admin the region it names.
   *
   * A stream lives LIVE_STREAM_MS at most. A logout through this app ends it at once (a `signed-out` signal, told to
   * every instance); a cookie session gone otherwise (expired, purged) or an account changed is found at the next
   * heartbeat, which checks both, so the stream stops within a heartbeat; the browser's
   * EventSource opens it again by itself, through the cookie and role checks of a new request.
   */
  fastify.get('/api/staff/bureau/events', async (request, reply) => {
    const region = regionFor(request);
    const who = me(request);
    const sid = request.session.sessionId;
    audit(request, 'bureau.live', region);
    const out = new PassThrough();
    streams.add(out);
    const send = (text: string) => {
      if (!out.writableEnded) out.write(text);
    };
    const stillSignedIn = async () => {
      const acc = ctx.accounts.find(who.username);
      if (!acc || acc.role !== who.role || acc.region !== who.region) return false;
      return (await ctx.store().sessionGet(sid)) !== null;
    };
    const unsubscribe = ctx.signals.onApplicant(region, (change) => {
      send(`event: changed\ndata: ${JSON.stringify({ sessions: [change.sessionId], kind: change.kind })}\n\n`);
    });
    // A logout ends the stream at once, on whichever instance it was opened.
    const unsubscribeSignOut = ctx.signals.onSignedOut(sid, () => out.end());
    const heartbeat = setInterval(() => {
      void stillSignedIn().then(
        (ok) => (ok ? send(': alive\n\n') : out.end()),
        () => out.end(),
      );
    }, LIVE_HEARTBEAT_MS);
    const lifetime = setTimeout(() => out.end(), LIVE_STREAM_MS);
    const stop = () => {
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      unsubscribe();
      unsubscribeSignOut();
      streams.delete(out);
      if (!out.writableEnded) out.end();
    };
    reply.raw.once('close', stop);
    out.once('end', stop);
    // The browser waits LIVE_RETRY_MS before opening a stream again; `ready` tells the page that pushes now arrive.
    send(`retry: ${LIVE_RETRY_MS}\nevent: ready\ndata: ${JSON.stringify({ region })}\n\n`);
    return reply
      .type('text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      // nginx would otherwise buffer the stream and deliver the events late, in bursts.
      .header('x-accel-buffering', 'no')
      .header('connection', 'close')
      .send(out);
  });

  await fastify.register(staffAnswerRoutes, { ctx, requireRole, audit });

  // An unknown path under /api/staff still needs the cookie first, so it reveals nothing to a caller without one.
  fastify.all('/api/staff/*', async () => {
    throw notFound(kb().data.ui.notFound, 'route');
  });

  // ---- Assisted sessions ----

  fastify.post('/api/staff/assist/claim', async (request) => {
    const who = requireRole(request, 'helpline', 'admin');
    const { code } = parseOr400(AssistClaimRequest, request.body);
    const wait = Math.max(await codeFailsAccount.lockedFor(who.username), await codeFailsIp.lockedFor(request.ip));
    if (wait > 0) throw new HttpError(429, 'LOCKED', fill(say().assistLocked, { minutes: minutesOf(wait) }));
    const grant = await ctx.store().claimAssistCode(code, who.username, fastify.config.ASSIST_VIEW_DAYS);
    if (!grant) {
      await codeFailsAccount.fail(who.username);
      await codeFailsIp.fail(request.ip);
      audit(request, 'assist.claim.failed');
      throw new HttpError(404, 'CODE_INVALID', say().assistCodeInvalid);
    }
    audit(request, 'assist.claim', grant.sessionId);
    return { viewId: grant.viewId, expiresAt: grant.expiresAt };
  });

  // The views this member holds open, so a reload or a move to another tab does not lose a session whose code is spent.
  fastify.get('/api/staff/assist', async (request) => {
    const who = requireRole(request, 'helpline', 'admin');
    const views = await ctx.store().openViews(who.username);
    const named = await Promise.all(
      views.map(async (v) => {
        const name = (await fastify.store.getAnswers(v.sessionId))['form.name'];
        return { viewId: v.viewId, since: v.since, until: v.until, name: typeof name === 'string' && name.trim() ? name : null };
      }),
    );
    return { views: named };
  });

  /**
   * The session an assisted view opens, for the member who holds it: a helpline or admin account, its own view, still
   * open. Everything the view shows (the conversation, the assessment, the form and its files) is reached through this.
   */
  const assistedSession = async (request: FastifyRequest): Promise<string> => {
    const who = requireRole(request, 'helpline', 'admin');
    const { viewId } = parseOr400(z.object({ viewId: z.uuid() }), request.params, 'params');
    const grant = await ctx.store().grant(viewId, who.username);
    // An ended view answers like an unknown one, except that its own holder is told how it ended.
    if (!grant) throw new HttpError(404, 'VIEW_ENDED', say().viewEnded);
    if ('ended' in grant) {
      throw new HttpError(
        404,
        'VIEW_ENDED',
        grant.ended === 'expired'
          ? fill(say().viewExpired, { time: beijingTime(grant.at) })
          : grant.ended === 'handedOver'
            ? fill(say().viewHandedOver, { time: beijingTime(grant.at), to: grant.to })
            : say().viewRevoked,
      );
    }
    return grant.sessionId;
  };

  fastify.get('/api/staff/assist/:viewId', async (request) => {
    const sessionId = await assistedSession(request);
    const answers = await fastify.store.getAnswers(sessionId);
    const rules = rulesFor(await fastify.sessionKnowledge(sessionId));
    const step = rules.step(answers);
    audit(request, 'assist.view', sessionId);
    return {
      recorded: rules.describe(answers),
      transcript: await fastify.store.transcriptAfter(sessionId, 0),
      assessment: step.assessment,
      drafts: (await fastify.store.getDoc(sessionId, 'drafts')) ?? null,
      // The form the enterprise is drafting: which 附件, how far filled, and whether its file can be made as PDF here.
      form: await fastify.sessionForms.summary(sessionId),
    };
  });

  // The application form as the enterprise would export it now, so the helpline reads the same file it is asked about.
  for (const format of ['docx', 'pdf'] as const)
    fastify.get(`/api/staff/assist/:viewId/export.${format}`, async (request, reply) => {
      const sessionId = await assistedSession(request);
      if (!(await fastify.sessionForms.summary(sessionId))) throw new HttpError(409, 'CATEGORY_UNKNOWN', say().assistNoCategory);
      audit(request, 'assist.export', sessionId, { format });
      return fastify.sessionForms.send(reply, sessionId, format);
    });

  // A helpline worker who started an assisted view hands it to a colleague, who opens it with their
  // own sign-in: the view moves between staff accounts on the server, and neither the enterprise's
  // token nor its session id is ever sent to either of them.
  fastify.post('/api/staff/assist/:viewId/handover', async (request) => {
    const who = requireRole(request, 'helpline', 'admin');
    const { viewId } = parseOr400(z.object({ viewId: z.uuid() }), request.params, 'params');
    const { to } = parseOr400(AssistHandoverRequest, request.body);
    const colleague = ctx.accounts.find(to);
    if (to === who.username) throw new HttpError(400, 'HANDOVER_SELF', say().handoverSelf);
    if (!colleague || colleague.disabled || (colleague.role !== 'helpline' && colleague.role !== 'admin')) {
      throw new HttpError(400, 'HANDOVER_TARGET', say().handoverTarget);
    }
    const moved = await ctx.store().handOver(viewId, who.username, colleague.username);
    if (!moved) throw new HttpError(404, 'VIEW_ENDED', say().viewEnded);
    audit(request, 'assist.handover', moved.sessionId, { to: colleague.username });
    return { to: colleague.username, expiresAt: moved.expiresAt };
  });

  // Inside this scope, so the cookie session and the CSRF check cover it.
  await fastify.register(staffKnowledgeRoutes, { requireRole, audit });
}
