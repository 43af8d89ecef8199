import type { PGlite, Transaction } from '@electric-sql/pglite';
import { createRequire } from 'node:module';
import type pg from 'pg';

/**
 * The one way the stores talk to a database. PGlite (embedded) and PostgreSQL (through `pg`)
 * both speak PostgreSQL, so every statement is written once (queries.ts, migrations/) and runs
 * on either; this interface hides only how a statement reaches the server.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows: number }>;
  /** One or more statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * A statement with one jsonb parameter ($1), parsed and planned once per connection under `name`
   * and executed with `json` from then on, committed on its own. Where a backend leaves it out, the
   * caller sends the statement with query(). The embedded database spent as long parsing and
   * planning the group commit's statement as running it.
   */
  executePrepared?(name: string, sql: string, json: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs fn on one connection while holding the schema lock, so two processes starting
   * together do not both migrate. PostgreSQL: a session-level advisory lock. PGlite: the data
   * directory lock already makes its process the only one.
   */
  withSchemaLock<T>(fn: (conn: Queryable) => Promise<T>): Promise<T>;
  /**
   * `copy <table> (<columns>) from … (format csv)` with the rows as CSV text, where the backend
   * can take it from memory (PGlite). Far cheaper per row than a parameterised insert there.
   */
  copyCsv?(table: string, columns: string, csv: string): Promise<void>;
  /**
   * Hears what other processes on the same database send with `pg_notify(channel, payload)`, on a connection of
   * its own (a pooled one would drop the LISTEN when returned). Only PostgreSQL has it: the embedded database
   * belongs to one process, which tells its own parts directly. The connection is opened again after a drop;
   * resolves once the first attempt has listened or failed, with the function that stops listening.
   */
  listen?(channel: string, onPayload: (payload: string) => void, onError?: (err: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** How long a dropped LISTEN connection waits before it is opened again. */
const LISTEN_RETRY_MS = 2_000;

/** Arbitrary, fixed key for pg_advisory_lock: "zhizao" in ASCII. */
const SCHEMA_LOCK_KEY = 0x7a68697a616f;

function pgliteQueryable(db: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const r = await db.query<T>(sql, params);
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

/**
 * A PGlite instance on the calling thread behind the Db interface. The server runs its database
 * in a thread of its own (pglite-thread.ts); this serves code that holds a PGlite itself.
 */
export function pgliteDb(db: PGlite): Db {
  const q = pgliteQueryable(db);
  return {
    kind: 'pglite',
    ...q,
    transaction: (fn) => db.transaction((tx) => fn(pgliteQueryable(tx))),
    withSchemaLock: (fn) => fn(q),
    async copyCsv(table, columns, csv) {
      await db.query(`copy ${table} (${columns}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
    },
    close: () => db.close(),
  };
}

type PgClient = pg.Pool | pg.PoolClient;

function pgQueryable(c: PgClient): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const r = await c.query(sql, params);
      return { rows: r.rows as T[], affectedRows: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  };
}

export interface PostgresOptions {
  /** Connections this process keeps open at most (pg.Pool `max`). */
  poolSize?: number;
}

/**
 * A pool of connections to PostgreSQL. Timestamps are sent as ISO strings and read back as
 * Date, json/jsonb as parsed values, int4 as numbers: the same shapes PGlite returns.
 */
export function postgresDb(url: string, opts: PostgresOptions = {}): Db {
  // Loaded only when DATABASE_URL is set: the embedded default never needs the driver at start.
  const { Pool, Client } = createRequire(import.meta.url)('pg') as typeof pg;
  const pool = new Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process;
  // the next query opens a new one.
  pool.on('error', () => undefined);
  const q = pgQueryable(pool);
  return {
    kind: 'postgres',
    ...q,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn(pgQueryable(client));
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async withSchemaLock(fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
        try {
          return await fn(pgQueryable(client));
        } finally {
          await client.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => undefined);
        }
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload, onError) {
      // The channel is an identifier in the statement, not a parameter, so only plain names are taken.
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
      let stopped = false;
      let current: pg.Client | undefined;
      let retry: NodeJS.Timeout | undefined;
      const open = async (): Promise<void> => {
        const client = new Client({ connectionString: url });
        let dropped = false;
        const drop = (err?: unknown) => {
          if (dropped) return;
          dropped = true;
          if (current === client) current = undefined;
          void client.end().catch(() => undefined);
          if (stopped) return;
          if (err) onError?.(err);
          retry = setTimeout(() => void open(), LISTEN_RETRY_MS);
          retry.unref();
        };
        client.on('error', drop);
        client.on('end', () => drop(new Error('LISTEN connection ended')));
        client.on('notification', (m) => {
          if (m.channel === channel && m.payload !== undefined) onPayload(m.payload);
        });
        current = client;
        try {
          await client.connect();
          await client.query(`listen ${channel}`);
        } catch (err) {
          drop(err);
        }
      };
      await open();
      return async () => {
        stopped = true;
        clearTimeout(retry);
        await current?.end().catch(() => undefined);
      };
    },
    close: () => pool.end(),
  };
}
