import type { SessionStore } from '../store/types';
import { PostgresStore } from '../store/postgres';
import { postgresLockout, type Lockout } from '../store/rate-limit';

export type { Lockout } from '../store/rate-limit';

/**
 * Counts failures per key (an account or an IP) in a sliding window and locks the key out for a
 * while once there are too many. Kept in memory: a restart clears it, which an attacker cannot cause.
 */
export class FailureLimiter {
  private readonly fails = new Map<string, { times: number[]; lockedUntil: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly lockMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the key stays locked, or 0. */
  lockedFor(key: string): number {
    const e = this.fails.get(key);
    return e ? Math.max(0, e.lockedUntil - this.now()) : 0;
  }

  /** Records a failure; returns true when this failure locks the key. */
  fail(key: string): boolean {
    const t = this.now();
    const e = this.fails.get(key) ?? { times: [], lockedUntil: 0 };
    e.times = e.times.filter((x) => t - x < this.windowMs);
    e.times.push(t);
    let locked = false;
    if (e.times.length >= this.maxFailures) {
      e.lockedUntil = t + this.lockMs;
      e.times = [];
      locked = true;
    }
    this.fails.set(key, e);
    if (this.fails.size > 100_000) this.sweep();
    return locked;
  }

  clear(key: string): void {
    this.fails.delete(key);
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, e] of this.fails) if (e.lockedUntil < t && e.times.every((x) => t - x >= this.windowMs)) this.fails.delete(k);
  }
}

/**
 * A lockout for the store's deployment: with the embedded database one process serves the data
 * directory, so memory is exact; on a PostgreSQL that several instances share, the counts live
 * there (postgresLockout), so an account locks after the same number of tries however the
 * proxy spreads them.
 */
export function lockoutFor(store: SessionStore, name: string, maxFailures: number, windowMs: number, lockMs: number): Lockout {
  if (store instanceof PostgresStore) return postgresLockout(() => store.database(), name, maxFailures, windowMs, lockMs);
  const l = new FailureLimiter(maxFailures, windowMs, lockMs);
  return {
    lockedFor: async (key) => l.lockedFor(key),
    fail: async (key) => l.fail(key),
    clear: async (key) => l.clear(key),
  };
}
