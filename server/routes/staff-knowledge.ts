import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ErrorCode, HttpError, parseOr400 } from '../errors';
import { fill } from '../engine/kb';
import { compareVersions } from '../knowledge/ingest/compare';
import { INGEST_STAGES, IngestError, ingestNotice, MAX_NOTICE_BYTES, type IngestStage } from '../knowledge/ingest/ingest';
import { GROUP_NAMES, relatedChanges } from '../knowledge/ingest/report';
import { acceptItems, assertDraft, checkDraft, currentValue, dropItem, editItem, PublishError, publishVersion, readReview, restoreItem, type PublishCheck } from '../knowledge/ingest/review';
import { isDropped, isPending } from '../knowledge/schemas/review';
import { labelOf } from '../knowledge/registry';
import { listVersions } from '../knowledge/versions';
import type { StaffIdentity, StaffRole } from '../staff/schemas';
import type { ConsoleWording } from '../knowledge/schemas/ui';

/** The ingest's size limit, in the MB the operator reads; the upload is refused at it before the ingest runs. */
const MAX_NOTICE_MB = MAX_NOTICE_BYTES / 1024 / 1024;
const KEEP_JOBS = 20;

const VersionName = z.string().regex(/^[a-z0-9-]{1,40}$/, '版本名只能用小写字母、数字和“-”，如 henan-2024');
const VersionParams = z.object({ version: VersionName });
const JobParams = z.object({ jobId: z.uuid() });
const IngestQuery = z.object({ as: VersionName, from: VersionName.optional(), filename: z.string().min(1).max(200) });
const AcceptRequest = z.object({ ids: z.array(z.string().min(1).max(300)).min(1).max(500) }).strict();
const EditRequest = z.object({ id: z.string().min(1).max(300), value: z.unknown() }).strict();
/** Drops a carried item (or, with `undo`, keeps it again); the drop takes effect when the version is published. */
const DropRequest = z.object({ id: z.string().min(1).max(300), undo: z.boolean().default(false) }).strict();
const PublishRequest = z.object({ makeDefault: z.boolean().default(false) }).strict();
const DefaultRequest = z.object({ version: VersionName }).strict();

const STAGES = ['upload', ...INGEST_STAGES, 'done'] as const;

interface Job {
  id: string;
  version: string;
  file: string;
  by: string;
  state: 'running' | 'done' | 'failed';
  stage: (typeof STAGES)[number];
  startedAt: string;
  message?: string;
}

type IngestWording = ConsoleWording['ingest'];

/** The kinds an upload may be, told by the bytes and not only by the name. */
function kindOf(w: IngestWording, name: string, data: Buffer): '.pdf' | '.docx' | '.txt' {
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
  if (ext === '.pdf') {
    if (data.subarray(0, 5).toString('latin1') !== '%PDF-') throw new HttpError(400, 'NOT_A_NOTICE_FILE', fill(w.notPdf, { name }));
    return ext;
  }
  if (ext === '.docx') {
    if (data.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') throw new HttpError(400, 'NOT_A_NOTICE_FILE', fill(w.notDocx, { name }));
    return ext;
  }
  if (ext === '.txt') {
    const text = data.toString('utf8');
    if (text.includes('\u0000') || text.includes('\ufffd')) throw new HttpError(400, 'NOT_A_NOTICE_FILE', fill(w.notUtf8, { name }));
    return ext;
  }
  if (ext === '.doc') throw new HttpError(400, 'UNSUPPORTED_FILE', w.oldDoc);
  throw new HttpError(400, 'UNSUPPORTED_FILE', fill(w.unsupported, { name }));
}

export interface StaffKnowledgeOptions {
  requireRole(request: FastifyRequest, ...roles: StaffRole[]): StaffIdentity;
  audit(request: FastifyRequest, action: string, target?: string, detail?: unknown): void;
}

/**
 * 知识库版本 in the console (admin only): upload next year's notice, follow the ingest, read what
 * changed, mark the items that need review, and publish. The work is done by the same library
 * functions as `npm run knowledge:*`; these routes add the upload, the progress and the audit.
 * Registered inside the staff scope, so the cookie session and CSRF checks apply.
 */
export default async function staffKnowledgeRoutes(fastify: FastifyInstance, opts: StaffKnowledgeOptions): Promise<void> {
  const root = resolve(fastify.config.KNOWLEDGE_DIR);
  const jobs = new Map<string, Job>();
  const admin = (request: FastifyRequest) => opts.requireRole(request, 'admin');
  /** The page's wording, the default knowledge version's: a draft being imported has no say in it. */
  const say = (): IngestWording => fastify.knowledge.default.data.ui.console.ingest;
  /** What each stage is called on the page. */
  const stages = () => STAGES.map((id) => ({ id, label: say().stages[id] }));

  fastify.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_NOTICE_BYTES }, (_req, body, done) => done(null, body));

  /** Paths of this machine mean nothing to the operator; the library's messages name them. */
  const tidy = (text: string, upload?: { path: string; name: string }) => {
    let t = upload ? text.split(upload.path).join(upload.name) : text;
    t = t.split(root + '/').join('knowledge/').split(root).join('knowledge');
    return t;
  };

  /** The publish checks of a draft; a draft that cannot be checked at all says so through publishing itself. */
  const checkOrNull = (version: string): PublishCheck | null => {
    try {
      return checkDraft(root, version);
    } catch (err) {
      if (err instanceof PublishError) return null;
      throw err;
    }
  };

  const versionExists = (version: string) => {
    if (!existsSync(join(root, version, 'manifest.json'))) throw new HttpError(404, 'NOT_FOUND', fill(say().noVersion, { version }));
  };

  fastify.get('/api/staff/knowledge', async (request) => {
    admin(request);
    const served = new Set(fastify.knowledge.versions());
    const current = fastify.knowledge.default;
    return {
      default: labelOf(current),
      configured: fastify.knowledge.configured,
      versions: listVersions(root).map((v) => ({ ...v, served: served.has(v.version), isDefault: v.version === current.version })),
      running: [...jobs.values()].find((j) => j.state === 'running') ?? null,
      /** The upload limit, so the page can refuse a larger file before sending it. */
      maxUploadBytes: MAX_NOTICE_BYTES,
    };
  });

  /**
   * The body parser refuses an upload over the limit before the route runs, in the framework's
   * English; this route says it in the operator's words, with the limit. Every other error goes on
   * to the app's error handler.
   */
  const ingestErrors = async (err: FastifyError) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      throw new HttpError(413, ErrorCode.tooLarge, fill(say().tooLarge, { mb: MAX_NOTICE_MB }));
    }
    throw err;
  };

  /** The upload is the request body itself (application/octet-stream), named by ?filename. */
  fastify.post('/api/staff/knowledge/ingest', { errorHandler: ingestErrors }, async (request, reply) => {
    const who = admin(request);
    const q = parseOr400(IngestQuery, request.query, 'query');
    const data = request.body;
    // A file was named (?filename) and sent with no bytes: the file itself is empty.
    if (data === undefined || data === null || (Buffer.isBuffer(data) && data.length === 0)) {
      throw new HttpError(400, 'EMPTY_FILE', fill(say().emptyFile, { name: q.filename }));
    }
    if (!Buffer.isBuffer(data)) throw new HttpError(400, 'MISSING_FILE', say().missingFile);
    const ext = kindOf(say(), q.filename, data);
    if (existsSync(join(root, q.as))) {
      throw new HttpError(409, 'VERSION_EXISTS', fill(say().versionExists, { version: q.as }));
    }
    if (q.from && !fastify.knowledge.get(q.from)) throw new HttpError(400, 'VALIDATION_FAILED', fill(say().fromNotPublished, { version: q.from, published: fastify.knowledge.versions().join('、') }));
    const busy = [...jobs.values()].find((j) => j.state === 'running');
    if (busy) throw new HttpError(409, 'INGEST_RUNNING', fill(say().running, { version: busy.version, file: busy.file }));

    const job: Job = { id: randomUUID(), version: q.as, file: q.filename, by: who.username, state: 'running', stage: 'upload', startedAt: new Date().toISOString() };
    jobs.set(job.id, job);
    for (const old of [...jobs.keys()].slice(0, Math.max(0, jobs.size - KEEP_JOBS))) jobs.delete(old);
    opts.audit(request, 'knowledge.ingest', q.as, { file: q.filename, bytes: data.length });

    // The ingest runs after the reply: a large PDF takes a while, and the page follows it by polling the job.
    const dir = await mkdtemp(join(tmpdir(), 'zz-notice-'));
    const path = join(dir, `notice${ext}`);
    await writeFile(path, data);
    void ingestNotice({ file: path, as: q.as, from: q.from, root, progress: (s) => (job.stage = s) })
      .then((r) => {
        job.state = 'done';
        job.stage = 'done';
        job.message = fill(say().drafted, { version: r.version, clauses: r.clauses, basedOn: r.basedOn, pending: r.review.items.filter(isPending).length });
      })
      .catch((err: unknown) => {
        job.state = 'failed';
        // The refusal says what was wrong and what to do; the library's own words follow on a line of their own.
        if (err instanceof IngestError) job.message = tidy(err.describe(), { path, name: q.filename });
        else {
          request.log.error({ err }, 'knowledge ingest failed');
          job.message = say().internalError;
        }
      })
      .finally(() => void rm(dir, { recursive: true, force: true }));
    return reply.status(202).send({ jobId: job.id, stages: stages() });
  });

  fastify.get('/api/staff/knowledge/jobs/:jobId', async (request) => {
    admin(request);
    const { jobId } = parseOr400(JobParams, request.params, 'params');
    const job = jobs.get(jobId);
    if (!job) throw new HttpError(404, 'NOT_FOUND', say().noJob);
    return { ...job, stageIndex: STAGES.indexOf(job.stage), stages: stages() };
  });

  /** What changed against the version it was ingested from (or ?from=): clauses, figures, and the items to review. */
  fastify.get('/api/staff/knowledge/:version/diff', async (request) => {
    admin(request);
    const { version } = parseOr400(VersionParams, request.params, 'params');
    versionExists(version);
    const { from } = parseOr400(z.object({ from: VersionName.optional() }), request.query, 'query');
    const base = from ?? listVersions(root).find((v) => v.version === version)?.basedOn;
    if (!base) throw new HttpError(400, 'VALIDATION_FAILED', fill(say().notIngested, { version }));
    try {
      return { report: compareVersions(root, base, version), groups: GROUP_NAMES };
    } catch (err) {
      throw new HttpError(409, 'KNOWLEDGE_INVALID', tidy(fill(say().cannotCompare, { base, version, why: (err as Error).message })));
    }
  });

  /**
   * The review list of each draft as last built, with the draft's revision (the hash of every file in it) it was built
   * from. Building it runs the full publish check and reads every carried item's value, which takes seconds; the page
   * asks for the list after each accept, edit or drop and on every visit, and most of those find the draft unchanged.
   * Keyed by content rather than by this process's own writes, so an edit made on the command line is seen too.
   */
  const reviewLists = new Map<string, { revision: string; body: unknown }>();
  const revisionOf = (version: string): string => {
    const dir = join(root, version);
    const hash = createHash('sha1');
    const walk = (rel: string) => {
      for (const e of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(path);
        else if (e.isFile()) hash.update(path).update('\0').update(readFileSync(join(dir, path))).update('\0');
      }
    };
    walk('');
    return hash.digest('hex');
  };

  /** Every item carried over, with its value as it is now and the clause changes it rests on. */
  fastify.get('/api/staff/knowledge/:version/review', async (request) => {
    admin(request);
    const { version } = parseOr400(VersionParams, request.params, 'params');
    versionExists(version);
    const revision = revisionOf(version);
    const cached = reviewLists.get(version);
    if (cached?.revision === revision) return cached.body;
    const body = buildReviewList(version);
    // A write that landed while the list was being built leaves it describing neither state: it is not kept.
    if (revisionOf(version) === revision) reviewLists.set(version, { revision, body });
    return body;
  });

  const buildReviewList = (version: string) => {
    let review;
    try {
      review = readReview(root, version);
    } catch (err) {
      throw new HttpError(404, 'NOT_FOUND', tidy((err as Error).message));
    }
    const report = compareVersions(root, review.basedOn, version);
    const status = listVersions(root).find((v) => v.version === version)?.status ?? 'draft';
    // The same checks publishing runs, so the page says 可以发布 only when publishing would go through, and each
    // item shows what keeps it from passing; an item not flagged for review is listed too when it fails them.
    const check: PublishCheck | null = status === 'draft' ? checkOrNull(version) : null;
    const failing = new Map<string, string[]>();
    for (const p of check?.problems ?? []) if (p.item) failing.set(p.item, [...(failing.get(p.item) ?? []), p.message]);
    const files = new Map<string, unknown>();
    const items = review.items
      .filter((i) => i.needsReview || failing.has(i.id))
      .map((i) => ({
        id: i.id,
        group: i.group,
        label: i.label,
        clauses: i.clauses,
        reason: i.reason ?? '',
        reextracted: i.reextracted ?? [],
        status: isDropped(i) ? ('dropped' as const) : isPending(i) ? ('pending' as const) : ('accepted' as const),
        reviewedAt: i.reviewedAt ?? null,
        droppedAt: i.droppedAt ?? null,
        edited: i.edited ?? false,
        current: currentValue(root, version, i, files) ?? null,
        related: relatedChanges(report, i.clauses),
        problems: failing.get(i.id) ?? [],
      }));
    return { version, basedOn: review.basedOn, status, groups: GROUP_NAMES, carried: review.items.length, items, check };
  };

  fastify.post('/api/staff/knowledge/:version/review', async (request) => {
    admin(request);
    const { version } = parseOr400(VersionParams, request.params, 'params');
    const body = parseOr400(AcceptRequest, request.body);
    versionExists(version);
    try {
      const r = acceptItems(root, version, body.ids);
      opts.audit(request, 'knowledge.review', version, { accepted: r.accepted.map((i) => i.id), unknown: r.unknown, held: r.held.map((h) => h.id) });
      const pending = readReview(root, version).items.filter(isPending).length;
      return { accepted: r.accepted.map((i) => ({ id: i.id, edited: i.edited ?? false })), unknown: r.unknown, held: r.held, pending };
    } catch (err) {
      if (err instanceof PublishError) throw new HttpError(409, 'NOT_A_DRAFT', tidy(err.zh ?? err.message));
      throw err;
    }
  });

  /** Replaces one item's value (the console's editor); the version must still pass the startup schemas. */
  fastify.put('/api/staff/knowledge/:version/review/item', async (request) => {
    admin(request);
    const { version } = parseOr400(VersionParams, request.params, 'params');
    const body = parseOr400(EditRequest, request.body);
    if (body.value === undefined) throw new HttpError(400, 'VALIDATION_FAILED', say().noValue);
    versionExists(version);
    try {
      const item = editItem(root, version, body.id, body.value);
      opts.audit(request, 'knowledge.edit', version, { id: item.id });
      return { id: item.id, current: currentValue(root, version, item) ?? null };
    } catch (err) {
      if (err instanceof PublishError) throw new HttpError(409, 'EDIT_REFUSED', fill(say().editRefused, { why: tidy(err.zh ?? err.message) }));
      throw err;
    }
  });

  /** Drops a carried item the new notice no longer supports, or undoes the drop; nothing leaves its file before publishing. */
  fastify.post('/api/staff/knowledge/:version/review/drop', async (request) => {
    admin(request);
    const { version } = parseOr400(VersionParams, request.params, 'params');
    const body = parseOr400(DropRequest, request.body);
    versionExists(version);
    try {
      const item = body.undo ? restoreItem(root, version, body.id) : dropItem(root, version, body.id);
      opts.audit(request, body.undo ? 'knowledge.restore' : 'knowledge.drop', version, { id: item.id });
      const pending = readReview(root, version).items.filter(isPending).length;
      return { id: item.id, dropped: isDropped(item), pending };
    } catch (err) {
      if (err instanceof PublishError) throw new HttpError(409, 'DROP_REFUSED', fill(body.undo ? say().restoreRefused : say().dropRefused, { why: tidy(err.zh ?? err.message) }));
      throw err;
    }
  });

  /**
   * Validates the draft with the startup schemas, marks it published and starts serving it. A
   * published version is never written again; new sessions move to it only with makeDefault.
   */
  fastify.post('/api/staff/knowledge/:version/publish', async (request) => {
    const who = admin(request);
    const { version } = parseOr400(VersionParams, request.params, 'params');
    const body = parseOr400(PublishRequest, request.body ?? {});
    versionExists(version);
    let result;
    try {
      assertDraft(root, version);
      result = publishVersion(root, version);
    } catch (err) {
      if (err instanceof PublishError) {
        opts.audit(request, 'knowledge.publish.refused', version);
        // Each problem names its review item, so the page lists them beside 发布 with a link to each.
        throw new HttpError(409, 'PUBLISH_REFUSED', fill(say().publishRefused, { why: tidy(err.zh ?? err.message) }), { problems: err.problems.map((p) => ({ ...p, message: tidy(p.message) })) });
      }
      throw err;
    }
    fastify.knowledge.add(version);
    if (body.makeDefault) fastify.knowledge.setDefault(version, who.username);
    opts.audit(request, 'knowledge.publish', version, { makeDefault: body.makeDefault });
    return { ...result, served: true, default: fastify.knowledge.default.version };
  });

  /** New sessions start on this version; sessions already begun keep theirs. */
  fastify.post('/api/staff/knowledge/default', async (request) => {
    const who = admin(request);
    const body = parseOr400(DefaultRequest, request.body);
    if (!fastify.knowledge.get(body.version)) {
      throw new HttpError(409, 'NOT_SERVED', fill(say().notServed, { version: body.version, published: fastify.knowledge.versions().join('、') }));
    }
    fastify.knowledge.setDefault(body.version, who.username);
    opts.audit(request, 'knowledge.default', body.version);
    return { default: labelOf(fastify.knowledge.default) };
  });
}
