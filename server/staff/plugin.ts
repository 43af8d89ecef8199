import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import type { KnowledgeBase } from '../knowledge/base';
import { AccountRegistry, appendAudit, type AuditRecord } from './accounts';
import { noticeNumbers, StaffStore, type QuestionRecord } from './store';
import { answerSourceOf } from '../qa/answer';
import type { AskResponse } from '../schemas/ask';
import staffRoutes from '../routes/staff';
import staffEnterpriseRoutes from '../routes/staff-enterprise';
import { SIGNAL_CHANNEL, StaffSignals } from './live';
import { applyAnswerLayer, loadAnswerLayers } from './answer-layer';
import { kindOfLogged } from './log-kind';

export interface QuestionLog {
  /**
   * Logs one answered question (masked) and returns its id, which the asker may use to send
   * 👍/👎 to POST /api/feedback. The write happens in the background: a slow or failing log
   * never delays or breaks an answer. With `reply`, the id is also sent as the x-question-id header.
   */
  record(rec: QuestionRecord & { reply?: FastifyReply }): string;
}

/** What the staff routes share. */
export interface StaffContext {
  store(): StaffStore;
  accounts: AccountRegistry;
  audit(rec: AuditRecord): void;
  /** Applicant list changes, ended cookie sessions and staff answer saves, told to this instance and every other one on the same database. */
  signals: StaffSignals;
}

export interface ExportLog {
  /** Counts one application-form draft served as DOCX or PDF, for the dashboard; in the background. */
  record(format: 'docx' | 'pdf'): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    questionLog: QuestionLog;
    exportLog: ExportLog;
  }
}

/** How often expired log rows and cookie sessions are deleted. */
const PURGE_EVERY_MS = 6 * 3600_000;

/**
 * The staff workspace: accounts, cookie sessions, the question log, the bureau's applicants and
 * assisted sessions. Its tables sit in the session database (see store.ts); accounts and the
 * audit log are files under DATA_DIR/staff so the CLI can write them while the server runs.
 */
async function staffPlugin(fastify: FastifyInstance): Promise<void> {
  const dataDir = fastify.config.DATA_DIR;
  let staffStore: StaffStore | undefined;
  const pending = new Set<Promise<unknown>>();
  const ctx: StaffContext = {
    store() {
      if (!staffStore) throw new Error('staff store used before the server is ready');
      return staffStore;
    },
    accounts: new AccountRegistry(dataDir),
    audit(rec) {
      try {
        appendAudit(dataDir, rec);
      } catch (err) {
        fastify.log.error({ err }, 'audit log write failed');
      }
    },
    signals: new StaffSignals((err, what) => fastify.log.error({ err, what }, 'staff signal failed')),
  };

  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  fastify.decorate('questionLog', {
    record(rec: QuestionRecord & { reply?: FastifyReply }): string {
      const id = randomUUID();
      const { reply, ...data } = rec;
      reply?.header('x-question-id', id);
      // An offline AskResponse (/api/ask, the console) says where it came from only through answerSourceOf.
      const source = data.answer.source ?? answerSourceOf(data.answer as AskResponse);
      if (source) data.answer = { ...data.answer, source };
      // Not waited for: rows are written in batches, a failed batch is logged once (onLogError), and
      // a stop writes what is waiting (onClose below).
      void staffStore?.logQuestion(id, new Date(), data);
      return id;
    },
  } satisfies QuestionLog);

  fastify.decorate('exportLog', {
    record(format) {
      if (staffStore) track(staffStore.countExport(format).catch((err) => fastify.log.error({ err }, 'export count write failed')));
    },
  } satisfies ExportLog);

  const purgeSubmissions = async (days: number) => {
    const ids = await staffStore!.purgeSubmissionsOlderThan(days);
    if (ids.length === 0) return;
    for (const { sessionId, region } of ids) ctx.signals.applicantChanged({ region, sessionId, kind: 'removed' });
    ctx.audit({ actor: 'system', role: 'system', action: 'submissions.expired', detail: { count: ids.length, retentionDays: days } });
    fastify.log.info({ deleted: ids.length, retentionDays: days }, 'retention: expired submissions deleted');
  };

  let timer: NodeJS.Timeout | undefined;
  let stopListening: (() => Promise<void>) | undefined;
  fastify.addHook('onReady', async () => {
    // The staff tables live beside the sessions, in the session store's database.
    const withDb = fastify.store as Partial<{ database(): Promise<Db> }>;
    if (typeof withDb.database !== 'function') throw new Error('the staff workspace needs a session store with a database (database())');
    const db = await withDb.database();
    staffStore = new StaffStore(db, dataDir);
    // Instances sharing a PostgreSQL database tell each other through it, so a change made on one reaches the pages
    // and the answer base of the others; the embedded database has one process, which needs no carrier.
    if (db.listen) {
      stopListening = await db.listen(SIGNAL_CHANNEL, (payload) => ctx.signals.receive(payload), (err) => fastify.log.warn({ err }, 'staff signals: listening again'));
      ctx.signals.carry({ send: (payload) => db.query('select pg_notify($1, $2)', [SIGNAL_CHANNEL, payload]).then(() => undefined) });
    }
    // Another instance saved a staff answer entry: this one lays that version's entries over its answer base again.
    // One reload at a time, so one that read the rows before a later save cannot swap its layer in after that save's.
    let reloading: Promise<unknown> = Promise.resolve();
    ctx.signals.onAnswers((version) => {
      let k: KnowledgeBase;
      try {
        k = fastify.knowledgeFor(version);
      } catch {
        return;
      }
      reloading = reloading.then(() => applyAnswerLayer(fastify, staffStore!, k)).catch((err) => fastify.log.error({ err, version }, 'staff answer layer reload failed'));
      track(reloading);
    });
    staffStore.onLogError = (err) => fastify.log.error({ err }, 'question log write failed');
    // A row of a version no longer served keeps the numbers of every version served: a notice's helpline seldom changes.
    const numbers = new Map<string, readonly string[]>();
    staffStore.publishedNumbers = (version) => {
      let n = numbers.get(version);
      if (!n) {
        const kb = fastify.knowledge.get(version);
        n = kb ? noticeNumbers(kb) : [...new Set(fastify.knowledge.versions().flatMap((v) => noticeNumbers(fastify.knowledge.get(v)!)))];
        if (kb) numbers.set(version, n);
      }
      return n;
    };
    // A row logged before the log kept its kind is read again with its version's rules, or the default version's once
    // that version is no longer served.
    staffStore.kindOfOld = (row) => kindOfLogged(fastify.knowledge.get(row.knowledgeVersion) ?? fastify.kb, row, staffStore!.publishedNumbers(row.knowledgeVersion));
    track(staffStore.fillKinds().catch((err) => fastify.log.error({ err }, 'question log: kinds not given')));
    // Submissions stored before their programme year was recorded take it from their knowledge
    // version's manifest; one of a version no longer served keeps none and counts in no year's quota.
    for (const version of fastify.knowledge.versions()) {
      const filled = await staffStore.fillProgrammeYears(version, fastify.knowledge.get(version)!.data.manifest.year);
      if (filled > 0) fastify.log.info({ version, filled }, 'submissions: programme year recorded');
    }
    await loadAnswerLayers(fastify, staffStore);
    const purge = () => {
      track(staffStore!.purgeOlderThan(fastify.config.QUESTION_LOG_RETENTION_DAYS).catch((err) => fastify.log.error({ err }, 'question log purge failed')));
      const days = fastify.config.SUBMISSION_RETENTION_DAYS;
      if (days > 0) track(purgeSubmissions(days).catch((err) => fastify.log.error({ err }, 'submission purge failed')));
    };
    purge();
    timer = setInterval(purge, PURGE_EVERY_MS);
    timer.unref();
  });
  // Runs before the store plugin's onClose (hooks close in reverse order), so pending log writes finish first.
  fastify.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    ctx.signals.carry(undefined);
    await stopListening?.();
    await staffStore?.flushLog();
    await Promise.allSettled([...pending]);
  });

  await fastify.register(staffRoutes, { ctx });
  await fastify.register(staffEnterpriseRoutes, { ctx });
}

export default fp(staffPlugin, { name: 'staff', dependencies: ['store', 'knowledge'] });
