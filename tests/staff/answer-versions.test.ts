import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Built } from '../helper';
import { as, staffAs, type StaffLogin } from './helpers';

/** A staff entry written while henan-2023 is the default. */
const ENTRY = {
  id: 'document-page-numbers',
  questions: ['申报书页码怎么编？', '申报书的页码有什么要求'],
  answer: '通知没有规定申报书的页码编排：四(二)只要求通过网络平台提交PDF彩色版电子版，包括所有附件及签字盖章页。',
  conclusion: 'open',
  clauses: ['四(二)'],
  quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }],
};

let root: string;
let b: Built;
let helpline: StaffLogin;
let admin: StaffLogin;

beforeAll(async () => {
  // A knowledge root of its own with a second published version beside 2023, as a publish from the console leaves it.
  root = mkdtempSync(join(tmpdir(), 'zhizao-answer-versions-'));
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  cpSync('knowledge/henan-2023', join(root, 'henan-2024'), { recursive: true });
  const manifest = join(root, 'henan-2024', 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: 'henan-2024', year: 2024, status: 'published' }));
  b = await build({ KNOWLEDGE_DIR: root, KNOWLEDGE_VERSION: 'henan-2023' });
  helpline = await staffAs(b, 'hotline', 'helpline');
  admin = await staffAs(b, 'kadmin', 'admin');
});
afterAll(async () => {
  await b?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string) => b.app.inject({ method: 'GET', url, headers: as(helpline) });
const ask = async (question: string, knowledgeVersion: string) => (await b.app.inject({ method: 'POST', url: '/api/ask', payload: { question, knowledgeVersion } })).json();

describe('staff answers of a knowledge version that is no longer the default', () => {
  it('stay in reach by ?version= after the default moves on, while they still answer that version', async () => {
    const saved = await b.app.inject({ method: 'PUT', url: `/api/staff/answers/${ENTRY.id}`, headers: as(helpline), payload: { entry: ENTRY } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().knowledgeVersion).toBe('henan-2023');

    const moved = await b.app.inject({ method: 'POST', url: '/api/staff/knowledge/default', headers: as(admin), payload: { version: 'henan-2024' } });
    expect(moved.statusCode, moved.body).toBe(200);
    // Sessions begun under 2023 keep 2023, and the entry still answers them.
    expect((await ask(ENTRY.questions[0]!, 'henan-2023')).answer.startsWith(ENTRY.answer)).toBe(true);

    // Without a version the routes read the new default, which has no staff entries.
    const list = (await get('/api/staff/answers')).json();
    expect(list.knowledgeVersion).toBe('henan-2024');
    expect(list.entries.some((e: { origin: string }) => e.origin !== 'shipped')).toBe(false);
    // The list names the versions worth opening: the default, and 2023 because it has staff edits.
    expect(list.versions).toEqual([
      { version: 'henan-2023', year: 2023, isDefault: false, edited: true },
      { version: 'henan-2024', year: 2024, isDefault: true, edited: false },
    ]);
    expect((await get(`/api/staff/answers/${ENTRY.id}`)).statusCode).toBe(404);

    const old = (await get('/api/staff/answers?version=henan-2023')).json();
    expect(old.knowledgeVersion).toBe('henan-2023');
    expect(old.entries.find((e: { id: string }) => e.id === ENTRY.id)).toMatchObject({ origin: 'staff', revision: 1, by: 'hotline' });
    const detail = await get(`/api/staff/answers/${ENTRY.id}?version=henan-2023`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ knowledgeVersion: 'henan-2023', staff: true, entry: { answer: ENTRY.answer } });
  });

  it('withdraws and fixes an entry of that version, and only there', async () => {
    expect(b.app.kb.version, 'the default moved to 2024 in the test before').toBe('henan-2024');
    const fixed = { ...ENTRY, answer: '通知对页码没有要求：四(二)只规定提交PDF彩色版电子版。' };
    const put = await b.app.inject({ method: 'PUT', url: `/api/staff/answers/${ENTRY.id}?version=henan-2023`, headers: as(helpline), payload: { entry: fixed } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().revision.revision).toBe(2);
    expect((await ask(ENTRY.questions[0]!, 'henan-2023')).answer.startsWith(fixed.answer)).toBe(true);
    expect((await ask(ENTRY.questions[0]!, 'henan-2024')).answer).not.toContain(fixed.answer);

    const del = await b.app.inject({ method: 'DELETE', url: `/api/staff/answers/${ENTRY.id}?version=henan-2023`, headers: as(helpline) });
    expect(del.statusCode, del.body).toBe(200);
    expect((await ask(ENTRY.questions[0]!, 'henan-2023')).answer).not.toContain(fixed.answer);
    const history = (await get(`/api/staff/answers/${ENTRY.id}?version=henan-2023`)).json();
    expect(history.revisions.map((r: { revision: number }) => r.revision)).toEqual([3, 2, 1]);
  });

  it('refuses a version that is not served, naming those that are', async () => {
    const r = await get('/api/staff/answers?version=henan-2019');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('henan-2023');
    expect(r.json().error.message).toContain('henan-2024');
  });
});
