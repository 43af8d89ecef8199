import type { FastifyRateLimitOptions, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from './db';

/**
 * Counts one hit for `key` in its fixed window and returns the count and the ms left in the
 * window. One statement, so concurrent hits from several instances serialise on the row and
 * none is lost. A window that has ended starts again at this hit.
 */
const INCR = `
insert into rate_limit as r (key, hits, window_start, window_ms) values ($1, 1, clock_timestamp(), $2)
on conflict (key) do update set
  hits = case when r.window_start + r.window_ms * interval '1 millisecond' <= clock_timestamp() then 1 else r.hits + 1 end,
  window_start = case when r.window_start + r.window_ms * interval '1 millisecond' <= clock_timestamp() then clock_timestamp() else r.window_start end,
  window_ms = excluded.window_ms
returning hits, greatest(0, ceil(extract(epoch from (window_start + window_ms * interval '1 millisecond' - clock_timestamp())) * 1000))::int as ttl`;

/** Windows that ended this long ago are deleted now and then, so the table holds only live keys. */
const PRUNE = `delete from rate_limit where window_start + window_ms * interval '1 millisecond' < clock_timestamp() - interval '1 minute'`;
const PRUNE_EVERY = 1000;

/**
 * A store for @fastify/rate-limit in the shared PostgreSQL database, so that a limit is one
 * count across every instance behind the proxy rather than one per instance (which would
 * multiply the limit by the number of instances and depend on where the proxy sends a client).
 * PostgreSQL is already the one thing every instance shares; a separate Redis only for these
 * counters would be another service to run and back up. Each counted request costs one
 * single-row upsert on an unlogged table.
 */
export function postgresRateLimitStore(db: () => Promise<Db>): FastifyRateLimitStoreCtor {
  let calls = 0;
  let children = 0;
  // The plugin calls incr(key, cb, timeWindow, max) and child(routeOptions with routeInfo);
  // its type declarations name fewer arguments, hence the cast below.
  class PostgresRateLimitStore {
    constructor(
      _options?: FastifyRateLimitOptions,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number, _max: number): void {
      void (async () => {
        const conn = await db();
        const r = await conn.query<{ hits: number; ttl: number }>(INCR, [this.prefix + key, Math.round(timeWindow)]);
        if (++calls % PRUNE_EVERY === 0) void conn.query(PRUNE).catch(() => undefined);
        return r.rows[0]!;
      })().then(
        (row) => callback(null, { current: row.hits, ttl: row.ttl }),
        (err: Error) => callback(err),
      );
    }

    /**
     * A route's own limit counts under its method and path; a limit made with fastify.rateLimit()
     * has no route, and counts under its place in registration order, which every instance shares.
     */
    child(routeOptions: { routeInfo?: { method?: unknown; url?: string } }): PostgresRateLimitStore {
      const r = routeOptions.routeInfo;
      return new PostgresRateLimitStore(undefined, r?.url ? `${String(r.method)}${r.url}:` : `limit${++children}:`);
    }
  }
  return PostgresRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

/** Sets (or moves forward) a lock row that expires after $2 ms. */
const LOCK = `
insert into rate_limit as r (key, hits, window_start, window_ms) values ($1, 1, clock_timestamp(), $2)
on conflict (key) do update set hits = 1, window_start = clock_timestamp(), window_ms = excluded.window_ms`;
const LOCK_LEFT = `
select greatest(0, ceil(extract(epoch from (window_start + window_ms * interval '1 millisecond' - clock_timestamp())) * 1000))::int as ttl
from rate_limit where key = $1`;

/** What a lockout (staff login, assisted-session codes) needs from its counter. */
export interface Lockout {
  /** Milliseconds `key` stays locked, or 0. */
  lockedFor(key: string): Promise<number>;
  /** Records a failure; true when this failure locks the key. */
  fail(key: string): Promise<boolean>;
  clear(key: string): Promise<void>;
}

/**
 * A lockout counted in the shared PostgreSQL database, so N instances lock an account after the
 * same number of wrong tries as one (kept per instance, a guesser spread over N instances by the
 * proxy would get N times the tries). Failures are counted in a fixed window from the first one;
 * the lock is a row of its own that expires after `lockMs`. Rows share the rate-limit table and
 * its pruning; `name` keeps each lockout's keys apart from the others and from rate limits.
 */
export function postgresLockout(db: () => Promise<Db>, name: string, maxFailures: number, windowMs: number, lockMs: number): Lockout {
  const fails = (key: string) => `${name}:fails:${key}`;
  const lock = (key: string) => `${name}:lock:${key}`;
  return {
    async lockedFor(key) {
      const r = await (await db()).query<{ ttl: number }>(LOCK_LEFT, [lock(key)]);
      return r.rows[0]?.ttl ?? 0;
    },
    async fail(key) {
      const conn = await db();
      const hits = (await conn.query<{ hits: number }>(INCR, [fails(key), windowMs])).rows[0]!.hits;
      if (hits < maxFailures) return false;
      await conn.query(LOCK, [lock(key), lockMs]);
      await conn.query('delete from rate_limit where key = $1', [fails(key)]);
      return true;
    },
    async clear(key) {
      await (await db()).query('delete from rate_limit where key = any($1)', [[fails(key), lock(key)]]);
    },
  };
}
