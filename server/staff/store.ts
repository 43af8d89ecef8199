import type { Db } from '../store/db';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import { existsSync, openSync, readSync, closeSync, fstatSync, appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { staffDir } from './accounts';
import { isReplyOnly, maskPersonalNumbers, publishedNumbers } from '../understand/personal';
import { normalise } from '../understand/normalise';
import type { QuestionLogEntry, QuestionSource, ReviewRequest } from './schemas';
import type { AnswerEntry } from '../knowledge/schemas/answer-base';
import type { AskResponse } from '../schemas/ask';
import type { AnswerSource } from '../qa/answer';
import type { ReviewRecord } from './bureau';
import type { KnowledgeBase } from '../knowledge/base';
import { kindOfAnswer, SMALL_TALK_TOPIC, type LogKind, type UnkindedRow } from './log-kind';

export { SMALL_TALK_TOPIC };

/**
 * What an answer looks like to the log: the AskResponse fields it reads, and where an offline answer came
 * from (answerSourceOf; absent for a model-written one).
 */
export type LoggedAnswer = Pick<AskResponse, 'answer' | 'confidence' | 'outOfScope' | 'entries' | 'topic'> & { citations: Pick<AskResponse['citations'][number], 'clause'>[]; source?: AnswerSource };

/** A logged question text, how often it was asked in the last 30 days with one outcome, and that outcome. */
export interface FrequentQuestion {
  question: string;
  count: number;
  entries: string[];
  clauses: string[];
  refused: boolean;
  /** The topic the notice leaves out that a refusal recognised. */
  refusalTopic?: string;
}

export interface QuestionRecord {
  source: QuestionSource;
  question: string;
  answer: LoggedAnswer;
  knowledgeVersion: string;
  sessionId?: string;
}

interface LogRow {
  id: string;
  at: Date;
  source: QuestionSource;
  question: string;
  answer: string;
  clauses: string[];
  entry: string | null;
  confidence: number;
  refused: boolean;
  feedback: 'up' | 'down' | null;
  knowledge_version: string;
  refusal_topic: string | null;
  review_entry: string | null;
}

/**
 * A row's kind (LogKind) as the dashboard and the review queue read it. A row logged before the log kept one is read
 * by what it holds until it is given its own (StaffStore.fillKinds): an interview reply as not read, small talk by
 * the topic its refusal named, anything else as a question.
 */
const KIND = `coalesce(kind, case when source = 'interview' then 'misread' when refused and refusal_topic = '${SMALL_TALK_TOPIC}' then 'smallTalk' else 'question' end)`;

/**
 * A logged refusal left the question unanswered unless an answer entry gave it: a 通知未涉及 entry's refusal (the log
 * names the entry) tells the asker the notice leaves the topic out and whom to call, which is that entry's answer.
 * The question log's page and CSV label such a row 通知未涉及; its filter and the dashboard count it as answered.
 */
const UNANSWERED = '(refused and entry is null)';
const NOT_COVERED = '(refused and entry is not null)';

/** The columns a logged question is read with, and the row read as an entry of the log. */
const LOG_SELECT = 'id, at, source, question, answer, clauses, entry, confidence, refused, feedback, knowledge_version, refusal_topic, review_entry';
/**
 * A row as staff see it: masked on read too, so a row stored before a kind of personal data was masked shows none.
 * The numbers its knowledge version publishes (the notice's helpline, which most answers quote) are no one's personal
 * data and are shown.
 */
function toLogEntry(row: LogRow, published: readonly string[]): QuestionLogEntry {
  const { entry, knowledge_version, refusal_topic, review_entry, ...rest } = row;
  return { ...rest, question: maskPersonalNumbers(rest.question, published), answer: maskPersonalNumbers(rest.answer, published), at: new Date(row.at).toISOString(), confidence: Number(row.confidence), entries: entry ? entry.split(' ') : [], knowledgeVersion: knowledge_version, ...(refusal_topic ? { refusalTopic: refusal_topic } : {}), ...(review_entry ? { reviewEntry: review_entry } : {}) };
}

/** The question log's filters as SQL conditions, shared by a page and its count. */
/** What the log is filtered by; `text` is words the question or its answer must each hold. */
export interface LogFilter {
  source?: QuestionSource;
  refused?: boolean;
  /** unanswered: refusals no answer entry gave (and interview replies not read); notCovered: refusals a 通知未涉及 entry gave. */
  result?: 'unanswered' | 'notCovered';
  text?: string;
}

function logFilter(q: LogFilter): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (q.source) where.push(`source = $${args.push(q.source)}`);
  if (q.refused !== undefined) where.push(`refused = $${args.push(q.refused)}`);
  if (q.result) where.push(q.result === 'unanswered' ? UNANSWERED : NOT_COVERED);
  // strpos, not LIKE: a typed % or _ is a character to find, not a pattern. The words and the
  // logged question are both read by the understanding step's normalisation, so a search folds
  // width, case and traditional characters the way questions are understood. The answer is the
  // app's own text (simplified, half-width names), so its lower case is enough, and logging a
  // question does not pay for normalising a long answer that is seldom searched.
  for (const word of searchText(q.text ?? '').split(' ').filter(Boolean).slice(0, 8)) {
    where.push(`strpos(coalesce(search_text, lower(question)) || ' ' || lower(answer), $${args.push(word)}) > 0`);
  }
  return { where, args };
}

/** Text as the log is searched: one written form for every way it can be typed (see normalise). */
export const searchText = (text: string): string => normalise(text).text;

/** A question line the CLI appends to DATA_DIR/staff/cli-questions.jsonl. */
export interface SpooledQuestion extends QuestionRecord {
  id: string;
  at: string;
}

const ASSIST_CODE_TTL_MS = 30 * 60_000;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Whether a logged answer left the question unanswered: a refusal, or the closest clauses said to be no direct
 * answer (「《通知》没有直接回答…」, at most 60% sure). The second cites clauses, but staff must still see it in the
 * review queue, as an answer that concludes nothing. An answer without clauses is a refusal, unless the rules gave
 * it from what they hold (an item waiting, explained in its own words).
 */
export function refusedOf(a: LoggedAnswer): boolean {
  // 「好的」「谢谢」 asked nothing: its reply cites no clause, and there is nothing to review.
  if (a.source === 'acknowledgement') return false;
  // 「那这个呢」 with nothing before it pointed at nothing: the reply asks what was meant, and there is no question to review.
  if (a.source === 'clarification') return false;
  return a.outOfScope || a.source === 'retrieval' || (a.citations.length === 0 && a.source !== 'rule');
}

/** The phone numbers a knowledge version's notice gives (五's helpline): public, never masked in the log. */
export function noticeNumbers(kb: Pick<KnowledgeBase, 'data'>): string[] {
  return publishedNumbers(kb.data.clauses.map((c) => c.text));
}

/** The CLI runs beside the server and cannot open its database; it spools questions to a file the server imports. */
export function spoolPath(dataDir: string): string {
  return join(staffDir(dataDir), 'cli-questions.jsonl');
}

/** `published`: the numbers the question's knowledge version publishes, kept as typed (see maskPersonalNumbers). */
export function spoolQuestion(dataDir: string, rec: QuestionRecord, published: readonly string[] = []): void {
  const line: SpooledQuestion = { ...rec, question: maskPersonalNumbers(rec.question, published), id: randomUUID(), at: new Date().toISOString() };
  try {
    mkdirSync(staffDir(dataDir), { recursive: true, mode: 0o700 });
    appendFileSync(spoolPath(dataDir), `${JSON.stringify(line)}\n`, { mode: 0o600 });
  } catch (err) {
    // The answer matters more than its log line: a read-only data directory only costs the log.
    console.warn(`问题记录未保存：${(err as Error).message}`);
  }
}

/**
 * Log rows gathered before one write, and the longest a row waits for its batch: each write has a
 * fixed cost in PGlite of about as much as a hundred rows. A crash loses at most this wait of log
 * rows; a graceful stop writes them.
 */
const LOG_BATCH = 500;
const LOG_FLUSH_MS = 250;

const LOG_COLUMNS = 'id, at, source, session_id, question, answer, clauses, entry, confidence, refused, knowledge_version, search_text, refusal_topic, kind';
const UNIQUE_VIOLATION = '23505';

/**
 * One value as a COPY … (format csv) field: an unquoted empty field is NULL, anything else is
 * quoted, so commas, quotes and line breaks in a question stay data. PostgreSQL text cannot hold
 * NUL, which the input rule already refuses; it is dropped here rather than failing the batch.
 */
function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  return `"${String(v).replace(/\0/g, '').replace(/"/g, '""')}"`;
}

function questionRow(id: string, at: Date, rec: QuestionRecord, published: readonly string[]): unknown[] {
  const a = rec.answer;
  const question = maskPersonalNumbers(rec.question, published);
  const answer = withoutAskersNumbers(rec.question, published, a.answer).slice(0, 4000);
  return [
    id,
    at.toISOString(),
    rec.source,
    rec.sessionId ?? null,
    question,
    answer,
    JSON.stringify([...new Set(a.citations.map((c) => c.clause))]),
    // Entry ids are [a-z0-9-]+, so a space keeps the entries of a two-part answer apart.
    a.entries?.length ? a.entries.join(' ') : null,
    a.confidence,
    refusedOf(a),
    rec.knowledgeVersion,
    searchText(question),
    refusedOf(a) && a.topic ? a.topic : null,
    kindOfAnswer({ source: rec.source, question: rec.question, acknowledged: a.source === 'acknowledgement', refused: refusedOf(a), topic: a.topic }, published),
  ];
}

/**
 * The answer as logged: the app's own text, kept as it is, except that a number of the asker's own that it repeats
 * (a model may echo 「您的电话138…」) is masked as in the question.
 */
function withoutAskersNumbers(question: string, published: readonly string[], answer: string): string {
  const own = publishedNumbers([question]).filter((n) => !published.includes(n));
  return own.length ? maskPersonalNumbers(answer, publishedNumbers([answer]).filter((n) => !own.includes(n))) : answer;
}

interface LogBatch {
  rows: unknown[][];
  done: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function newBatch(): LogBatch {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  // A caller that does not wait for its row must not turn a failed write into an unhandled
  // rejection: the failure is reported once per batch through onLogError.
  done.catch(() => {});
  return { rows: [], done, resolve, reject };
}

export class StaffStore {
  /** The rows waiting for the next write, and one promise for all of them (not one per row). */
  private batch: LogBatch = newBatch();
  private logTimer: NodeJS.Timeout | undefined;
  /** The write in progress: the next write, and a stop, wait for it. */
  private writing: Promise<void> = Promise.resolve();
  /** Told once per failed batch of log rows. */
  onLogError: (err: unknown) => void = () => {};
  /**
   * The phone numbers a knowledge version publishes (its notice's helpline), digits only: shown wherever a logged
   * question or answer quotes them, while the asker's own numbers are masked.
   */
  publishedNumbers: (knowledgeVersion: string) => readonly string[] = () => [];
  /**
   * The kind of a row logged before the log kept one (kindOfLogged, with its knowledge version's rules). Without the
   * rules, it is read from what the row holds: an interview reply was one not read, anything else a question.
   */
  kindOfOld: (row: UnkindedRow & { knowledgeVersion: string }) => LogKind = (row) => (row.source === 'interview' ? 'misread' : 'question');
  /** The staff tables are created by the store's migrations (server/store/migrations/0003-staff.ts and later). */
  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
  ) {}

  // ---- cookie sessions (@fastify/session store) ----

  async sessionGet(sid: string): Promise<unknown> {
    const r = await this.db.query<{ data: unknown }>('select data from staff_web_sessions where sid = $1 and expires_at > now()', [sid]);
    return r.rows[0]?.data ?? null;
  }

  async sessionSet(sid: string, data: unknown, expiresAt: Date): Promise<void> {
    await this.db.query(
      'insert into staff_web_sessions (sid, data, expires_at) values ($1, $2, $3) on conflict (sid) do update set data = excluded.data, expires_at = excluded.expires_at',
      [sid, JSON.stringify(data), expiresAt.toISOString()],
    );
  }

  async sessionDestroy(sid: string): Promise<void> {
    await this.db.query('delete from staff_web_sessions where sid = $1', [sid]);
  }

  /** Ends every cookie session of one account (a password change or a disabled account). */
  async sessionsDestroyFor(username: string): Promise<void> {
    await this.db.query(`delete from staff_web_sessions where data->'staff'->>'username' = $1`, [username]);
  }

  // ---- question log ----

  /**
   * Logs one question. Rows are written in batches: every /api/ask logs a question, and PGlite
   * runs on the server's own thread, so one insert per request cost most of the route's
   * throughput. Reads of the log flush the batch first, so they always see every logged question.
   */
  logQuestion(id: string, at: Date, rec: QuestionRecord): Promise<void> {
    const batch = this.batch;
    batch.rows.push(questionRow(id, at, rec, this.publishedNumbers(rec.knowledgeVersion)));
    if (batch.rows.length >= LOG_BATCH) void this.flushLog();
    else this.logTimer ??= setTimeout(() => void this.flushLog(), LOG_FLUSH_MS);
    return batch.done;
  }

  /**
   * Writes the logged questions still waiting. In PGlite, COPY costs about a third of a
   * parameterised multi-row insert per row, and the log is written on the server's own thread.
   * COPY has no "on conflict": a batch that repeats an id (a CLI spool line imported twice
   * after a crash) falls back to the insert that skips it, as does a backend that takes no COPY
   * from memory (PostgreSQL through `pg`).
   */
  async flushLog(): Promise<void> {
    if (this.logTimer) clearTimeout(this.logTimer);
    this.logTimer = undefined;
    const batch = this.batch;
    if (batch.rows.length > 0) this.batch = newBatch();
    const previous = this.writing;
    const write = (async () => {
      await previous;
      if (batch.rows.length === 0) return;
      try {
        await this.writeLogRows(batch.rows);
        batch.resolve();
      } catch (err) {
        batch.reject(err);
        this.onLogError(err);
      }
    })();
    this.writing = write;
    await write;
  }

  private async writeLogRows(rows: unknown[][]): Promise<void> {
    if (this.db.copyCsv) {
      try {
        await this.db.copyCsv('staff_question_log', LOG_COLUMNS, rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n');
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      }
    }
    const width = rows[0]!.length;
    const values = rows.map((_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`).join(', ');
    await this.db.query(`insert into staff_question_log (${LOG_COLUMNS}) values ${values} on conflict (id) do nothing`, rows.flat());
  }

  async setFeedback(id: string, vote: 'up' | 'down'): Promise<boolean> {
    await this.flushLog();
    const r = await this.db.query('update staff_question_log set feedback = $2 where id = $1', [id, vote]);
    return (r.affectedRows ?? 0) > 0;
  }

  /**
   * The log, newest first. `before` with `beforeId` continues after that row: questions logged in
   * the same millisecond are told apart by id (the second key of the order), so none is skipped.
   */
  async questions(q: LogFilter & { limit: number; before?: string; beforeId?: string }): Promise<QuestionLogEntry[]> {
    await this.importSpool();
    if (q.text) await this.fillSearchText();
    const { where, args } = logFilter(q);
    if (q.before && q.beforeId) where.push(`(at < $${args.push(q.before)} or (at = $${args.length} and id > $${args.push(q.beforeId)}))`);
    else if (q.before) where.push(`at < $${args.push(q.before)}`);
    const r = await this.db.query<LogRow>(
      `select ${LOG_SELECT} from staff_question_log
       ${where.length ? `where ${where.join(' and ')}` : ''} order by at desc, id limit $${args.push(q.limit)}`,
      args,
    );
    return r.rows.map((row) => toLogEntry(row, this.publishedNumbers(row.knowledge_version)));
  }

  /** How many logged questions the filter holds, on every page. */
  async questionCount(q: LogFilter): Promise<number> {
    await this.importSpool();
    if (q.text) await this.fillSearchText();
    const { where, args } = logFilter(q);
    const r = await this.db.query<{ n: number }>(`select count(*)::int as n from staff_question_log ${where.length ? `where ${where.join(' and ')}` : ''}`, args);
    return r.rows[0]?.n ?? 0;
  }

  /**
   * The questions asked most often in the last 30 days, each with the outcome it was logged with, for the console's
   * quick picks (quickPicks reads them). A text asked with two outcomes (「那车间呢」 alone, and after a question it
   * leans on) is two rows, so each outcome is judged on its own. Interview replies the interview could not read are
   * no questions and are left out.
   */
  async frequent(limit: number): Promise<FrequentQuestion[]> {
    await this.importSpool();
    const r = await this.db.query<{ question: string; count: number; entry: string | null; clauses: string[]; refused: boolean; refusal_topic: string | null; knowledge_version: string }>(
      `select question, entry, clauses, refused, refusal_topic, count(*)::int as count, max(knowledge_version) as knowledge_version from staff_question_log where at > now() - interval '30 days' and source <> 'interview'
       group by question, entry, clauses, refused, refusal_topic order by count desc, max(at) desc limit $1`,
      [limit],
    );
    return r.rows.map((row) => ({
      question: maskPersonalNumbers(row.question, this.publishedNumbers(row.knowledge_version)),
      count: row.count,
      entries: row.entry ? row.entry.split(' ') : [],
      clauses: row.clauses,
      refused: row.refused,
      ...(row.refusal_topic ? { refusalTopic: row.refusal_topic } : {}),
    }));
  }

  async purgeOlderThan(days: number): Promise<number> {
    const r = await this.db.query(`delete from staff_question_log where at < now() - make_interval(days => $1::int)`, [days]);
    await this.db.query('delete from staff_web_sessions where expires_at < now()');
    return r.affectedRows ?? 0;
  }

  private searchFilled?: Promise<void>;

  /**
   * Gives the rows logged before the log had a search text theirs, once per store, in batches: a
   * search then folds old questions the way it folds new ones. Until it has run they are searched
   * by their lower-cased text.
   */
  private fillSearchText(): Promise<void> {
    this.searchFilled ??= (async () => {
      for (;;) {
        const r = await this.db.query<{ id: string; question: string }>('select id, question from staff_question_log where search_text is null limit 500');
        if (!r.rows.length) return;
        const values = r.rows.map((_, i) => `($${2 * i + 1}::uuid, $${2 * i + 2})`).join(', ');
        await this.db.query(
          `update staff_question_log l set search_text = v.s from (values ${values}) as v(id, s) where l.id = v.id`,
          r.rows.flatMap((row) => [row.id, searchText(row.question)]),
        );
      }
    })().catch((err) => {
      this.searchFilled = undefined;
      throw err;
    });
    return this.searchFilled;
  }

  private kindsFilling?: Promise<void>;

  /**
   * Gives the rows logged without a kind theirs, in batches: the dashboard and the review queue then treat old rows as
   * new ones. Reading a row again with the rules takes a while, so a read of the log starts this and does not wait for
   * it (a row is read by what it holds meanwhile, see KIND). Only the empty kind is written; the row's text and outcome
   * stay as logged. One run at a time; a call after a run looks again, which the index makes cheap.
   */
  fillKinds(): Promise<void> {
    this.kindsFilling ??= (async () => {
      for (;;) {
        const r = await this.db.query<{ id: string; source: QuestionSource; question: string; answer: string; knowledge_version: string }>(
          'select id, source, question, answer, knowledge_version from staff_question_log where kind is null limit 200',
        );
        if (!r.rows.length) return;
        const values = r.rows.map((_, i) => `($${2 * i + 1}::uuid, $${2 * i + 2})`).join(', ');
        await this.db.query(
          `update staff_question_log l set kind = v.k from (values ${values}) as v(id, k) where l.id = v.id and l.kind is null`,
          r.rows.flatMap((row) => [row.id, this.oldKind({ source: row.source, question: row.question, answer: row.answer, knowledgeVersion: row.knowledge_version })]),
        );
      }
    })().finally(() => {
      this.kindsFilling = undefined;
    });
    return this.kindsFilling;
  }

  /** A row the rules cannot read again (its version's knowledge broken) is read by what it holds, never left without a kind. */
  private oldKind(row: UnkindedRow & { knowledgeVersion: string }): LogKind {
    try {
      return this.kindOfOld(row);
    } catch {
      return row.source === 'interview' ? 'misread' : 'question';
    }
  }

  /** Starts giving rows without a kind theirs, not waiting for it; a failure is told like a failed log write. */
  private startFillingKinds(): void {
    if (!this.kindsFilling) this.fillKinds().catch((err) => this.onLogError(err));
  }

  /** Imports the lines the CLI appended since the last import; a partly written last line waits for the next call. */
  async importSpool(): Promise<number> {
    await this.flushLog();
    const file = spoolPath(this.dataDir);
    if (!existsSync(file)) return 0;
    const meta = await this.db.query<{ value: number }>(`select value from staff_meta where key = 'cliSpoolOffset'`);
    let offset = Number(meta.rows[0]?.value ?? 0);
    const fd = openSync(file, 'r');
    let text: string;
    try {
      const size = fstatSync(fd).size;
      if (size < offset) offset = 0;
      if (size === offset) return 0;
      const buf = Buffer.alloc(size - offset);
      readSync(fd, buf, 0, buf.length, offset);
      const end = buf.lastIndexOf(0x0a);
      if (end < 0) return 0;
      text = buf.subarray(0, end + 1).toString('utf8');
      offset += end + 1;
    } finally {
      closeSync(fd);
    }
    const writes: Promise<void>[] = [];
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        const s = JSON.parse(line) as SpooledQuestion;
        writes.push(this.logQuestion(s.id, new Date(s.at), { ...s, source: 'cli' }));
      } catch {
        // A damaged line is skipped; the rest of the spool still counts.
      }
    }
    await this.flushLog();
    await Promise.all(writes);
    const n = writes.length;
    await this.db.query(
      `insert into staff_meta (key, value) values ('cliSpoolOffset', $1) on conflict (key) do update set value = excluded.value`,
      [JSON.stringify(offset)],
    );
    return n;
  }

  // ---- review queue and the staff answer layer ----

  /**
   * Logged questions that need a look: every refusal but those `answeredBy` names, answered below `lowConfidence`, or
   * voted 👎; newest first. A refusal is queued even when it named a topic the notice leaves out: the topic may have been
   * read wrongly (a question of who decides filed as a prediction), and only staff can tell. A question
   * stays in the queue until staff write an entry from it or dismiss it. `settled` leaves out a refusal staff have
   * already decided: one given by the 通知未涉及 entry written for that very question. `answeredBy` names the
   * 通知未涉及 entries whose refusal is an answer wherever it is given (「version entryId」): their refusal leaves the
   * queue in the query itself, so many of them never crowd a page of the queue out. One answered unsure is still queued.
   */
  async reviewQueue(q: { limit: number; lowConfidence: number; before?: string; settled?: (item: QuestionLogEntry) => boolean; answeredBy?: readonly string[] }): Promise<QuestionLogEntry[]> {
    await this.importSpool();
    this.startFillingKinds();
    const args: unknown[] = [q.lowConfidence];
    const before = q.before ? `and at < $${args.push(q.before)}` : '';
    const answered = `(${NOT_COVERED} and knowledge_version || ' ' || entry = any($${args.push(q.answeredBy ?? [])}::text[]))`;
    // Small talk (「讲个笑话」「你好吗」「谢谢」) asks nothing that an answer entry could be written for, and an interview
    // reply the rules read is no misread: both stay in the log but out of the queue. One rated unhelpful is still for review.
    const r = await this.db.query<LogRow>(
      `select ${LOG_SELECT} from staff_question_log
       where reviewed_at is null and ((${KIND} in ('question', 'misread') and ((refused and not ${answered}) or confidence < $1)) or feedback = 'down') ${before}
       order by at desc, id limit $${args.push(q.limit * 2 + 20)}`,
      args,
    );
    // A reply that only confirms (「对」) or gives the sender's own mailbox or phone is no question to answer.
    return r.rows
      .filter((row) => !isReplyOnly(row.question, this.publishedNumbers(row.knowledge_version)))
      .map((row) => toLogEntry(row, this.publishedNumbers(row.knowledge_version)))
      .filter((item) => item.feedback === 'down' || !q.settled?.(item))
      .slice(0, q.limit);
  }

  /**
   * The questions staff answered from the queue, by the entry they wrote or fixed for each: a later asking of the
   * same words, answered by that entry, has been decided.
   */
  async reviewedInto(): Promise<{ entry: string; question: string }[]> {
    await this.flushLog();
    const r = await this.db.query<{ entry: string; question: string }>(
      'select distinct review_entry as entry, question from staff_question_log where review_entry is not null',
    );
    return r.rows;
  }

  async questionById(id: string): Promise<QuestionLogEntry | undefined> {
    await this.flushLog();
    const r = await this.db.query<LogRow>(`select ${LOG_SELECT} from staff_question_log where id = $1`, [id]);
    const row = r.rows[0];
    return row ? toLogEntry(row, this.publishedNumbers(row.knowledge_version)) : undefined;
  }

  /** Takes a question out of the review queue: answered by `entryId`, or dismissed when null. */
  async markReviewed(id: string, by: string, entryId: string | null): Promise<boolean> {
    await this.flushLog();
    const r = await this.db.query('update staff_question_log set reviewed_by = $2, reviewed_at = now(), review_entry = $3 where id = $1', [id, by, entryId]);
    return (r.affectedRows ?? 0) > 0;
  }

  /**
   * Stores a new revision of a staff entry (null withdraws it, so the shipped entry of that id, if
   * any, answers again). Revisions are never changed or deleted: a rollback is a new revision.
   */
  async saveEntryRevision(rec: { version: string; entryId: string; entry: AnswerEntry | null; author: string; note: string; changed: string[]; fromQuestion?: string }): Promise<EntryRevision> {
    return this.db.transaction(async (tx) => {
      const cur = await tx.query<{ n: number }>('select coalesce(max(revision), 0)::int as n from staff_answer_revisions where knowledge_version = $1 and entry_id = $2', [rec.version, rec.entryId]);
      const revision = (cur.rows[0]?.n ?? 0) + 1;
      const at = new Date().toISOString();
      await tx.query(
        `insert into staff_answer_revisions (knowledge_version, entry_id, revision, entry, author, at, note, changed, from_question)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [rec.version, rec.entryId, revision, rec.entry ? JSON.stringify(rec.entry) : null, rec.author, at, rec.note, JSON.stringify(rec.changed), rec.fromQuestion ?? null],
      );
      return { revision, entry: rec.entry, author: rec.author, at, note: rec.note, changed: rec.changed, fromQuestion: rec.fromQuestion ?? null };
    });
  }

  /** Every revision of one entry, newest first. */
  async entryRevisions(version: string, entryId: string): Promise<EntryRevision[]> {
    const r = await this.db.query<RevisionRow>(
      'select revision, entry, author, at, note, changed, from_question from staff_answer_revisions where knowledge_version = $1 and entry_id = $2 order by revision desc',
      [version, entryId],
    );
    return r.rows.map(toRevision);
  }

  /** The latest revision of every staff entry of a version, withdrawn ones included (entry null). */
  async latestEntries(version: string): Promise<(EntryRevision & { entryId: string })[]> {
    const r = await this.db.query<RevisionRow & { entry_id: string }>(
      `select distinct on (entry_id) entry_id, revision, entry, author, at, note, changed, from_question from staff_answer_revisions
       where knowledge_version = $1 order by entry_id, revision desc`,
      [version],
    );
    return r.rows.map((row) => ({ ...toRevision(row), entryId: row.entry_id }));
  }

  /** The knowledge versions that have staff entries. */
  async layeredVersions(): Promise<string[]> {
    const r = await this.db.query<{ v: string }>('select distinct knowledge_version as v from staff_answer_revisions');
    return r.rows.map((row) => row.v);
  }

  // ---- exported drafts ----

  async countExport(format: string): Promise<void> {
    await this.db.query('insert into staff_exports (at, format) values (now(), $1)', [format]);
  }

  // ---- dashboard ----

  /**
   * Figures over the last `days` days: questions, refusals and low-confidence answers per day,
   * the clauses answers rested on most often, and the submitted assessments by region, category
   * and verdict. `lowConfidence` is the threshold below which an answer counts as unsure.
   */
  /**
   * Questions and exports of the last `days` days; submitted assessments of one programme year
   * only, as the bureau's list counts them: each year's notice is a separate round of applications.
   */
  async dashboard(days: number, lowConfidence: number, year: number, timeZone: string): Promise<DashboardData> {
    await this.importSpool();
    this.startFillingKinds();
    const since = `now() - make_interval(days => ${Math.trunc(days)})`;
    // A day is the staff's calendar day in `timeZone`, not the database session's (UTC): a
    // question asked at 07:00 北京时间 belongs to that morning, not to the day before.
    // Only questions are counted as such (LogKind): a greeting, thanks or small talk asked nothing, and an interview
    // reply the rules did not read is logged for the review queue but no one asked it: it is counted apart
    // (misreads), never as a question, a refusal or an unsure answer.
    // A 通知未涉及 entry's refusal answered the question (UNANSWERED): it is counted apart from the refusals, and is
    // unsure, as any answer is, below `lowConfidence`.
    const perDay = await this.db.query<{ day: string; questions: number; refused: number; notCovered: number; low: number; misreads: number }>(
      `select to_char(at at time zone $2, 'YYYY-MM-DD') as day, count(*) filter (where ${KIND} = 'question')::int as questions,
              count(*) filter (where ${KIND} = 'question' and ${UNANSWERED})::int as refused,
              count(*) filter (where ${KIND} = 'question' and ${NOT_COVERED})::int as "notCovered",
              count(*) filter (where ${KIND} = 'question' and not ${UNANSWERED} and confidence < $1)::int as low,
              count(*) filter (where ${KIND} = 'misread')::int as misreads
       from staff_question_log where at > ${since} group by 1 order by 1`,
      [lowConfidence, timeZone],
    );
    const topics = await this.db.query<{ clause: string; count: number }>(
      `select c as clause, count(*)::int as count from staff_question_log, jsonb_array_elements_text(clauses) as c
       where at > ${since} and ${KIND} = 'question' group by c order by count desc, c limit 10`,
    );
    const group = (col: string) =>
      this.db.query<{ key: string | null; count: number }>(`select ${col} as key, count(*)::int as count from staff_submissions where programme_year = $1 group by 1 order by count desc, 1`, [year]);
    const [regions, categories, verdicts] = await Promise.all([
      group('region'),
      group(`snapshot->'assessment'->'category'->>'recommended'`),
      group(`snapshot->'assessment'->>'verdict'`),
    ]);
    const exports = await this.db.query<{ format: string; count: number }>(
      `select format, count(*)::int as count from staff_exports where at > ${since} group by 1 order by 1`,
    );
    return { perDay: perDay.rows, topics: topics.rows, regions: regions.rows, categories: categories.rows, verdicts: verdicts.rows, exports: exports.rows };
  }

  // ---- submissions to the bureau ----

  /**
   * Stores a submission, or a resubmission of the same session. A resubmission whose content
   * differs from what the bureau saw (answers, assessment, drafts) is a new application to review:
   * its recommendation is withdrawn, so the quota place is free again, the checklist keeps only the
   * ticks `keptTicks` says still apply, and the bureau is told it changed. An unchanged
   * resubmission keeps the review. A move to another region withdraws the recommendation too.
   */
  async submit(
    sessionId: string,
    region: string,
    snapshot: unknown,
    made: SubmissionVersion,
    keptTicks: (previous: Submission) => Record<string, boolean>,
  ): Promise<SubmitResult> {
    const at = new Date().toISOString();
    const json = JSON.stringify(snapshot);
    return this.db.transaction(async (tx) => {
      // jsonb equality ignores key order, so an unchanged snapshot compares equal however it was serialised.
      const current = () =>
        tx.query<SubmissionRow & { same: boolean }>('select *, snapshot = $2::jsonb as same from staff_submissions where session_id = $1 for update', [sessionId, json]);
      let prev = (await current()).rows[0];
      if (!prev) {
        const ins = await tx.query(
          `insert into staff_submissions (session_id, region, submitted_at, snapshot, knowledge_version, programme_year) values ($1, $2, $3, $4, $5, $6)
           on conflict (session_id) do nothing returning session_id`,
          [sessionId, region, at, json, made.knowledgeVersion, made.programmeYear],
        );
        if (ins.rows.length) return { submittedAt: at, changed: false, recommendationWithdrawn: false, ticksCleared: [], previousRegion: null };
        // A first submission of the same session committed meanwhile (PostgreSQL, two requests at once): this one resubmits it.
        prev = (await current()).rows[0]!;
      }
      const changed = !prev.same;
      const moved = prev.region !== region;
      // A move leaves the review with the bureau that wrote it: its notes are its working papers,
      // not the new bureau's. The new bureau starts from its own earlier review, if the submission
      // was with it before, else from none, and is told where the submission came from.
      const earlier: Record<string, EarlierReview> = { ...(prev.earlier_reviews ?? {}) };
      let from: ReviewState = { review: prev.review, reviewedBy: prev.reviewed_by, reviewedAt: prev.reviewed_at ? new Date(prev.reviewed_at).toISOString() : null, changedSinceReview: prev.changed_since_review };
      if (moved) {
        if (from.review || from.reviewedBy) earlier[prev.region] = { review: from.review, reviewedBy: from.reviewedBy, reviewedAt: from.reviewedAt };
        const back = earlier[region];
        delete earlier[region];
        // Returning, its own review comes back marked for another look: the submission was elsewhere meanwhile.
        from = back ? { ...back, changedSinceReview: true } : { review: null, reviewedBy: null, reviewedAt: null, changedSinceReview: false };
      }
      const reviewed = from.review !== null || (prev.recommended && !moved);
      const review = (changed || moved) && from.review ? { ...from.review, checklist: keptTicks({ ...toSubmission(prev), review: from.review }) } : from.review;
      const ticksCleared = !moved && prev.review && review ? Object.keys(prev.review.checklist).filter((id) => !(id in review.checklist)) : [];
      const recommended = prev.recommended && !changed && !moved;
      const movedFrom = moved ? { region: prev.region, at } : prev.moved_from;
      await tx.query(
        `update staff_submissions set region = $2, submitted_at = $3, snapshot = $4, knowledge_version = $5, programme_year = $6,
           review = $7, recommended = $8, changed_since_review = $9, reviewed_by = $10, reviewed_at = $11, moved_from = $12, earlier_reviews = $13 where session_id = $1`,
        [sessionId, region, at, json, made.knowledgeVersion, made.programmeYear, review ? JSON.stringify(review) : null, recommended,
          from.changedSinceReview || (changed && reviewed), from.reviewedBy, from.reviewedAt, movedFrom ? JSON.stringify(movedFrom) : null, JSON.stringify(earlier)],
      );
      return { submittedAt: at, changed, recommendationWithdrawn: prev.recommended && !recommended, ticksCleared, previousRegion: prev.region };
    });
  }

  /**
   * Fills the programme year of submissions stored before it was recorded, from their knowledge
   * version's manifest; returns how many rows it filled.
   */
  async fillProgrammeYears(knowledgeVersion: string, year: number): Promise<number> {
    const r = await this.db.query('update staff_submissions set programme_year = $2 where programme_year is null and knowledge_version = $1', [knowledgeVersion, year]);
    return r.affectedRows ?? 0;
  }

  /** Deletes submissions last submitted more than `days` days ago; returns the deleted sessions and the regions they were with. */
  async purgeSubmissionsOlderThan(days: number): Promise<{ sessionId: string; region: string }[]> {
    const r = await this.db.query<{ session_id: string; region: string }>(
      `delete from staff_submissions where submitted_at < now() - make_interval(days => $1::int) returning session_id, region`,
      [days],
    );
    return r.rows.map((row) => ({ sessionId: row.session_id, region: row.region }));
  }

  async submissionOf(sessionId: string): Promise<{ region: string; submittedAt: string } | undefined> {
    const r = await this.db.query<{ region: string; submitted_at: Date }>('select region, submitted_at from staff_submissions where session_id = $1', [sessionId]);
    const row = r.rows[0];
    return row ? { region: row.region, submittedAt: new Date(row.submitted_at).toISOString() } : undefined;
  }

  /** A region's submissions of one programme year, newest first. */
  async applicants(region: string, year: number): Promise<Submission[]> {
    const r = await this.db.query<SubmissionRow>('select * from staff_submissions where region = $1 and programme_year = $2 order by submitted_at desc', [region, year]);
    return r.rows.map(toSubmission);
  }

  /** The programme years any region has submissions of, newest first. */
  async allProgrammeYears(): Promise<number[]> {
    const r = await this.db.query<{ y: number }>('select distinct programme_year as y from staff_submissions where programme_year is not null order by 1 desc');
    return r.rows.map((row) => Number(row.y));
  }

  /** The programme years a region has submissions of, newest first. */
  async programmeYears(region: string): Promise<number[]> {
    const r = await this.db.query<{ y: number }>('select distinct programme_year as y from staff_submissions where region = $1 and programme_year is not null order by 1 desc', [region]);
    return r.rows.map((row) => Number(row.y));
  }

  async applicant(region: string, sessionId: string): Promise<Submission | undefined> {
    const r = await this.db.query<SubmissionRow>('select * from staff_submissions where region = $1 and session_id = $2', [region, sessionId]);
    return r.rows[0] ? toSubmission(r.rows[0]) : undefined;
  }

  /**
   * The recommendations a region has made in one programme year that take a place of its quota (`counts`): the 四(三)
   * quota is per notice, and a stored 推荐 the rules no longer count (an applicant outside the area) takes none.
   */
  async recommendedCount(region: string, year: number, counts: (s: Submission) => boolean): Promise<number> {
    const r = await this.db.query<SubmissionRow>('select * from staff_submissions where region = $1 and programme_year = $2 and recommended', [region, year]);
    return r.rows.map(toSubmission).filter(counts).length;
  }

  /**
   * Saves a review. A recommendation is checked in the order the bureau works, each check said once:
   * whether the applicant may be recommended at all (`vet`), whether the 初审 record is complete
   * (`complete`), whether the bureau has confirmed what it must see first (`confirm`, for a new
   * recommendation), and last whether the region's quota for the submission's programme year
   * (`quotaOf`) has room. The checks, the count and the update run in one transaction, so two
   * reviewers cannot both take the last place, and a resubmission cannot slip in between the checks
   * and the update.
   */
  async review(
    region: string,
    sessionId: string,
    review: ReviewRequest,
    by: string,
    rules: {
      quotaOf(year: number | null): number;
      /** Whether a stored recommendation takes a place of the quota. */
      counts(s: Submission): boolean;
      /** Whether the applicant may be recommended at all. */
      vet(s: Submission): Refusal | undefined;
      /** Whether the review records what a recommendation needs. */
      complete(s: Submission, review: ReviewRequest): Refusal | undefined;
      /** What the bureau must confirm before a new recommendation (warnings on the applicant's figures). */
      confirm(s: Submission, review: ReviewRequest): Refusal | undefined;
      /** What a new recommendation confirmed past a warning adds to the 初审 record. */
      confirmed?(s: Submission, review: ReviewRequest): Partial<ReviewRecord>;
    },
  ): Promise<ReviewResult> {
    return this.db.transaction(async (tx) => {
      const cur = await tx.query<SubmissionRow>('select * from staff_submissions where region = $1 and session_id = $2 for update', [region, sessionId]);
      const row = cur.rows[0];
      if (!row) return { status: 'missing' };
      const year = row.programme_year === null ? null : Number(row.programme_year);
      const savedAt = row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null;
      if (review.basedOn !== undefined && (review.basedOn === null ? null : new Date(review.basedOn).toISOString()) !== savedAt) {
        return { status: 'conflict', by: row.reviewed_by, at: savedAt, year };
      }
      if (review.recommended) {
        // Read against the row as it is now, inside the transaction: a resubmission meanwhile changes the checklist.
        const refused = rules.vet(toSubmission(row)) ?? rules.complete(toSubmission(row), review) ?? (row.recommended ? undefined : rules.confirm(toSubmission(row), review));
        if (refused) return { status: 'refused', refusal: refused, year };
      }
      if (review.recommended && !row.recommended) {
        const taken = await tx.query<SubmissionRow>('select * from staff_submissions where region = $1 and programme_year is not distinct from $2 and recommended', [region, year]);
        if (taken.rows.map(toSubmission).filter(rules.counts).length >= rules.quotaOf(year)) return { status: 'overQuota', year };
      }
      // A confirmation stays with the recommendation it was given for: kept while it stands, dropped when it is withdrawn.
      const confirmed = !review.recommended ? {} : row.recommended ? { confirmedUnmet: row.review?.confirmedUnmet } : (rules.confirmed?.(toSubmission(row), review) ?? {});
      const saved = await tx.query<{ reviewed_at: Date }>(
        'update staff_submissions set review = $3, recommended = $4, reviewed_by = $5, reviewed_at = now(), changed_since_review = false where region = $1 and session_id = $2 returning reviewed_at',
        [region, sessionId, JSON.stringify({ notes: review.notes, siteNotes: review.siteNotes, checklist: review.checklist, reasons: review.reasons, ...confirmed }), review.recommended, by],
      );
      return { status: 'ok', year, reviewedAt: new Date(saved.rows[0]!.reviewed_at).toISOString() };
    });
  }

  // ---- assisted sessions ----

  /** A fresh 6-digit code for a session; earlier unused codes of that session stop working. */
  async newAssistCode(sessionId: string): Promise<{ code: string; expiresAt: string }> {
    const expiresAt = new Date(Date.now() + ASSIST_CODE_TTL_MS).toISOString();
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const r = await this.db.transaction(async (tx) => {
        await tx.query('update staff_assist_codes set revoked_at = now() where session_id = $1 and used_at is null and revoked_at is null', [sessionId]);
        // Live codes must be unique, or one code would open two sessions.
        const clash = await tx.query('select 1 from staff_assist_codes where code_hash = $1 and used_at is null and revoked_at is null and expires_at > now()', [sha(code)]);
        if (clash.rows.length) return false;
        await tx.query('delete from staff_assist_codes where code_hash = $1', [sha(code)]);
        await tx.query('insert into staff_assist_codes (code_hash, session_id, expires_at) values ($1, $2, $3)', [sha(code), sessionId, expiresAt]);
        return true;
      });
      if (r) return { code, expiresAt };
    }
  }

  /**
   * Redeems a code once; returns the read-only grant, or undefined for an unknown, used, revoked or expired code. A
   * code for a session the member already holds open (the enterprise gave a second one on a later call) renews that
   * view to the new end rather than opening a second: the member's list and the enterprise's viewers show the
   * session once.
   */
  async claimAssistCode(code: string, username: string, viewDays: number): Promise<{ viewId: string; sessionId: string; expiresAt: string } | undefined> {
    return this.db.transaction(async (tx) => {
      const r = await tx.query<{ session_id: string }>(
        `update staff_assist_codes set used_by = $2, used_at = now()
         where code_hash = $1 and used_at is null and revoked_at is null and expires_at > now() returning session_id`,
        [sha(code), username],
      );
      const sessionId = r.rows[0]?.session_id;
      if (!sessionId) return undefined;
      const expiresAt = new Date(Date.now() + viewDays * 86_400_000).toISOString();
      const open = await tx.query<{ view_id: string; expires_at: Date }>(
        `update staff_assist_grants set expires_at = greatest(expires_at, $3::timestamptz)
         where view_id = (select view_id from staff_assist_grants where session_id = $1 and username = $2 and revoked_at is null and expires_at > now() order by created_at desc limit 1)
         returning view_id, expires_at`,
        [sessionId, username, expiresAt],
      );
      const renewed = open.rows[0];
      if (renewed) return { viewId: renewed.view_id, sessionId, expiresAt: new Date(renewed.expires_at).toISOString() };
      const viewId = randomUUID();
      await tx.query('insert into staff_assist_grants (view_id, session_id, username, created_at, expires_at) values ($1, $2, $3, now(), $4)', [viewId, sessionId, username, expiresAt]);
      return { viewId, sessionId, expiresAt };
    });
  }

  /**
   * The session a view opens, while it is open: not revoked and not past its end. An ended view
   * says how it ended, to the staff member it belonged to only.
   */
  async grant(viewId: string, username: string): Promise<{ sessionId: string } | { ended: 'revoked' | 'expired'; at: string } | { ended: 'handedOver'; at: string; to: string } | undefined> {
    const r = await this.db.query<{ session_id: string; revoked_at: Date | null; expires_at: Date; handed_to: string | null; open: boolean }>(
      'select session_id, revoked_at, expires_at, handed_to, (revoked_at is null and expires_at > now()) as open from staff_assist_grants where view_id = $1 and username = $2',
      [viewId, username],
    );
    const g = r.rows[0];
    if (!g) return undefined;
    if (g.open) return { sessionId: g.session_id };
    if (g.revoked_at && g.handed_to) return { ended: 'handedOver', at: new Date(g.revoked_at).toISOString(), to: g.handed_to };
    return g.revoked_at ? { ended: 'revoked', at: new Date(g.revoked_at).toISOString() } : { ended: 'expired', at: new Date(g.expires_at).toISOString() };
  }

  /**
   * Hands an open view of `from` to the colleague `to`, in one transaction: the colleague gets a
   * view of their own on the same session, ending when the handed one would have (the enterprise
   * agreed to that long), and the giver's view ends, naming whom it went to. Undefined when the
   * view is not open or not the giver's. The enterprise sees the colleague as a viewer and may
   * revoke them as any other.
   */
  async handOver(viewId: string, from: string, to: string): Promise<{ sessionId: string; expiresAt: string } | undefined> {
    return this.db.transaction(async (tx) => {
      const r = await tx.query<{ session_id: string; expires_at: Date }>(
        'select session_id, expires_at from staff_assist_grants where view_id = $1 and username = $2 and revoked_at is null and expires_at > now() for update',
        [viewId, from],
      );
      const g = r.rows[0];
      if (!g) return undefined;
      await tx.query('update staff_assist_grants set revoked_at = now(), handed_to = $2 where view_id = $1', [viewId, to]);
      await tx.query('insert into staff_assist_grants (view_id, session_id, username, created_at, expires_at) values ($1, $2, $3, now(), $4)', [randomUUID(), g.session_id, to, g.expires_at]);
      return { sessionId: g.session_id, expiresAt: new Date(g.expires_at).toISOString() };
    });
  }

  /** A staff member's views that are open now, newest first: a claimed code is spent, so the view is how they get back to the session. */
  async openViews(username: string): Promise<{ viewId: string; sessionId: string; since: string; until: string }[]> {
    const r = await this.db.query<{ view_id: string; session_id: string; created_at: Date; expires_at: Date }>(
      `select view_id, session_id, created_at, expires_at from staff_assist_grants
       where username = $1 and revoked_at is null and expires_at > now() order by created_at desc`,
      [username],
    );
    return r.rows.map((g) => ({ viewId: g.view_id, sessionId: g.session_id, since: new Date(g.created_at).toISOString(), until: new Date(g.expires_at).toISOString() }));
  }

  /** The pending code, the views open now (with when each ends), and the views that ended by themselves in the last week. */
  async assistState(sessionId: string): Promise<AssistState> {
    const c = await this.db.query<{ expires_at: Date }>(
      'select expires_at from staff_assist_codes where session_id = $1 and used_at is null and revoked_at is null and expires_at > now() order by expires_at desc limit 1',
      [sessionId],
    );
    const g = await this.db.query<{ username: string; created_at: Date; expires_at: Date; open: boolean }>(
      `select username, created_at, expires_at, expires_at > now() as open from staff_assist_grants
       where session_id = $1 and revoked_at is null and expires_at > now() - interval '7 days' order by created_at`,
      [sessionId],
    );
    const view = (r: (typeof g.rows)[number]) => ({ username: r.username, since: new Date(r.created_at).toISOString(), until: new Date(r.expires_at).toISOString() });
    return {
      pendingCodeExpiresAt: c.rows[0] ? new Date(c.rows[0].expires_at).toISOString() : null,
      viewers: g.rows.filter((r) => r.open).map(view),
      expired: g.rows.filter((r) => !r.open).map(view),
    };
  }

  /** The enterprise ends every view of its session and every unused code. */
  async revokeAssist(sessionId: string): Promise<void> {
    await this.db.query('update staff_assist_grants set revoked_at = now() where session_id = $1 and revoked_at is null', [sessionId]);
    await this.db.query('update staff_assist_codes set revoked_at = now() where session_id = $1 and used_at is null and revoked_at is null', [sessionId]);
  }
}

/** The knowledge version a submission was made under, and its programme year (the manifest's year). */
export interface SubmissionVersion {
  knowledgeVersion: string;
  programmeYear: number;
}

export interface SubmitResult {
  submittedAt: string;
  /** The content differs from the previous submission of the session. */
  changed: boolean;
  /** A recommendation was withdrawn because the content or the region changed. */
  recommendationWithdrawn: boolean;
  /** The checklist items (clause:capability ids) whose ticks no longer apply and were cleared. */
  ticksCleared: string[];
  /** The region the session was submitted to before this submission; null for a first submission. */
  previousRegion: string | null;
}

export type ReviewResult =
  | { status: 'ok'; year: number | null; reviewedAt: string }
  | { status: 'missing' }
  /** Saved by `by` at `at` since the page read the record (its `basedOn`). */
  | { status: 'conflict'; by: string | null; at: string | null; year: number | null }
  | { status: 'overQuota'; year: number | null }
  | { status: 'refused'; refusal: Refusal; year: number | null };

/** Why 推荐 is refused: a stable code, the message, and what the page needs to point at the missing parts. */
export interface Refusal {
  code: string;
  reason: string;
  details?: unknown;
}

export interface AssistView {
  username: string;
  since: string;
  until: string;
}

export interface AssistState {
  pendingCodeExpiresAt: string | null;
  viewers: AssistView[];
  /** Views that reached their end by themselves (not revoked) in the last week, so the enterprise sees they ended. */
  expired: AssistView[];
}

export interface DashboardData {
  /** `refused`: refusals no answer entry gave; `notCovered`: those a 通知未涉及 entry gave, which answered. */
  perDay: { day: string; questions: number; refused: number; notCovered: number; low: number; misreads: number }[];
  topics: { clause: string; count: number }[];
  regions: { key: string | null; count: number }[];
  categories: { key: string | null; count: number }[];
  verdicts: { key: string | null; count: number }[];
  /** Application-form drafts served as DOCX or PDF, per format. */
  exports: { format: string; count: number }[];
}

export interface EntryRevision {
  revision: number;
  /** The entry as saved; null when this revision withdrew the staff entry. */
  entry: AnswerEntry | null;
  author: string;
  at: string;
  note: string;
  /** The fields that differ from the entry in force before this revision. */
  changed: string[];
  fromQuestion: string | null;
}

interface RevisionRow {
  revision: number;
  entry: AnswerEntry | null;
  author: string;
  at: Date;
  note: string;
  changed: string[];
  from_question: string | null;
}

function toRevision(r: RevisionRow): EntryRevision {
  return { revision: r.revision, entry: r.entry, author: r.author, at: new Date(r.at).toISOString(), note: r.note, changed: r.changed, fromQuestion: r.from_question };
}

/** One bureau's review of a submission, as it stood when the submission moved to another bureau. */
interface EarlierReview {
  review: Submission['review'];
  reviewedBy: string | null;
  reviewedAt: string | null;
}
interface ReviewState extends EarlierReview {
  changedSinceReview: boolean;
}

interface SubmissionRow {
  session_id: string;
  region: string;
  submitted_at: Date;
  snapshot: unknown;
  review: ReviewRecord | null;
  recommended: boolean;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  knowledge_version: string;
  programme_year: number | null;
  changed_since_review: boolean;
  moved_from: { region: string; at: string } | null;
  earlier_reviews: Record<string, EarlierReview> | null;
}

export interface Submission {
  sessionId: string;
  region: string;
  submittedAt: string;
  snapshot: unknown;
  review: ReviewRecord | null;
  recommended: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
  knowledgeVersion: string;
  programmeYear: number | null;
  /** The enterprise resubmitted different content after the last review: it needs reviewing again. */
  changedSinceReview: boolean;
  /** The bureau this submission was last moved from, and when: what the new bureau may know of its past. */
  movedFrom: { region: string; at: string } | null;
}

function toSubmission(r: SubmissionRow): Submission {
  return {
    sessionId: r.session_id,
    region: r.region,
    submittedAt: new Date(r.submitted_at).toISOString(),
    snapshot: r.snapshot,
    review: r.review,
    recommended: r.recommended,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    knowledgeVersion: r.knowledge_version,
    programmeYear: r.programme_year === null ? null : Number(r.programme_year),
    changedSinceReview: r.changed_since_review,
    movedFrom: r.moved_from ?? null,
  };
}
