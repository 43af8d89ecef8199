import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../chat/serve';
import { PG_SKIP_REASON, startPgCluster, type PgCluster } from './pg-cluster';

/*
 * Staff login lockouts on two instances sharing one PostgreSQL (a throwaway cluster started for
 * this file): the wrong passwords are counted in the database, so spreading them over instances
 * gives a guesser no more tries than one instance would. Skipped only when no PostgreSQL server
 * is installed (CI installs Debian's `postgresql`).
 */
if (PG_SKIP_REASON) console.warn(`tests/store/lockout.test.ts skipped: ${PG_SKIP_REASON}`);

describe.skipIf(PG_SKIP_REASON)('staff login lockout across two instances on one PostgreSQL', () => {
  let cluster: PgCluster;
  let A: Served;
  let B: Served;
  beforeAll(async () => {
    cluster = startPgCluster();
    cluster.createDatabase('lockout');
    const env = { DATABASE_URL: cluster.url('lockout'), DATABASE_POOL_SIZE: '4' };
    A = await serve(env);
    B = await serve(env);
  }, 180_000);
  afterAll(async () => {
    await A?.close();
    await B?.close();
    cluster?.stop();
  });

  const login = (srv: Served, username: string, password: string) =>
    fetch(`${srv.http}/api/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  it('locks an account after five wrong passwords in all, whichever instance each went to', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(i % 2 ? B : A, 'shared-guess', `wrong${i}`)).status);
    // Three went to A and two to B: neither instance alone saw five, yet the fifth locks the account.
    expect(codes).toEqual([401, 401, 401, 401, 429]);
    for (const srv of [A, B]) {
      const res = await login(srv, 'shared-guess', 'another');
      expect(res.status).toBe(429);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('LOCKED');
    }
    // Another account is not affected by it.
    expect((await login(B, 'someone-else', 'wrong')).status).toBe(401);
  });
});
