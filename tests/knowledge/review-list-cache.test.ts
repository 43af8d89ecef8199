import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, type Built } from '../helper';
import { as, staffAs, type StaffLogin } from '../staff/helpers';
import { ingestNotice } from '../../server/knowledge/ingest/ingest';
import * as review from '../../server/knowledge/ingest/review';

/** Counts the publish checks the review route runs: the seconds-long part of building the list. */
vi.mock('../../server/knowledge/ingest/review', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/knowledge/ingest/review')>();
  return { ...real, checkDraft: vi.fn(real.checkDraft) };
});

const V = 'henan-2024';
let root: string;
let b: Built;
let admin: StaffLogin;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'zhizao-review-cache-'));
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  await ingestNotice({ file: 'tests/fixtures/notice-henan-2024.txt', as: V, root });
  b = await build({ KNOWLEDGE_DIR: root, KNOWLEDGE_VERSION: 'henan-2023' });
  admin = await staffAs(b, 'cache-admin', 'admin');
}, 180_000);
afterAll(async () => {
  await b?.close();
  rmSync(root, { recursive: true, force: true });
});

const list = async () => {
  const r = await b.app.inject({ url: `/api/staff/knowledge/${V}/review`, headers: as(admin) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const checks = () => vi.mocked(review.checkDraft).mock.calls.length;

describe('the review list of a draft', () => {
  it('runs the publish check once per change of the draft, not on every load', async () => {
    const first = await list();
    const ran = checks();
    expect(ran).toBe(1);
    expect(await list(), 'an unchanged draft lists the same').toEqual(first);
    expect(await list()).toEqual(first);
    expect(checks(), 'loading it again found the draft unchanged').toBe(ran);

    const pending = first.items.find((i: { status: string }) => i.status === 'pending');
    const accepted = await b.app.inject({ method: 'POST', url: `/api/staff/knowledge/${V}/review`, headers: as(admin), payload: { ids: [pending.id] } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = await list();
    expect(checks(), 'an accept changes review.json, so the list is built again').toBe(ran + 1);
    expect(after.items.find((i: { id: string }) => i.id === pending.id).status).toBe(accepted.json().held.length ? 'pending' : 'accepted');
  });

  it('sees a change made outside the console, on the command line', async () => {
    const before = await list();
    const ran = checks();
    const next = before.items.find((i: { status: string }) => i.status === 'pending');
    review.acceptItems(root, V, [next.id]);
    const after = await list();
    expect(checks()).toBe(ran + 1);
    expect(after.items.find((i: { id: string }) => i.id === next.id).status).not.toBe('pending');
  });
});
