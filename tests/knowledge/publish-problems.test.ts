import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishVersion, PublishError } from '../../server/knowledge/ingest/review';

/** A draft copy of the shipped version with nothing left to review, so publishing reaches the startup checks. */
let root: string;
const draft = 'henan-2024';
const file = (name: string) => join(root, draft, name);
const edit = (name: string, change: (json: any) => void) => {
  const json = JSON.parse(readFileSync(file(name), 'utf8'));
  change(json);
  writeFileSync(file(name), JSON.stringify(json, null, 1));
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'zhizao-publish-'));
  cpSync('knowledge/henan-2023', join(root, draft), { recursive: true });
  edit('manifest.json', (m) => (m.status = 'draft'));
  writeFileSync(file('review.json'), JSON.stringify({ version: draft, basedOn: 'henan-2023', createdAt: new Date().toISOString(), items: [] }));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const refusal = () => {
  try {
    publishVersion(root, draft);
  } catch (err) {
    expect(err).toBeInstanceOf(PublishError);
    return (err as Error).message;
  }
  throw new Error('published although broken');
};

describe('publishing a draft that fails the startup checks', () => {
  it('names every answer-base entry whose quote the notice does not have, not only the first', () => {
    const broken = ['subsidiary', 'who-can-apply'];
    edit('answer-base.json', (ab) => {
      for (const e of ab.entries) if (broken.includes(e.id)) e.quotes[0].find = '通知里没有的一句话';
    });
    const message = refusal();
    expect(message).toContain('nothing was published');
    expect(message).toContain('2 个条目未通过条款核对');
    for (const id of broken) expect(message).toContain(`(${id})`);
    expect(JSON.parse(readFileSync(file('manifest.json'), 'utf8')).status).toBe('draft');
  });

  it('names every knowledge file that fails its schema, not only the first', () => {
    edit('facts.json', (f) => (f.contact = 42));
    edit('regions.json', (r) => (r.groups = 'none'));
    const message = refusal();
    expect(message).toContain('facts.json');
    expect(message).toContain('regions.json');
  });
});
