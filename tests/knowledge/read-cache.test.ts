import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadKnowledgeData, type KnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase, type KnowledgeBase } from '../../server/knowledge/base';
import { openReadCache } from '../../server/knowledge/read-cache';
import { understanderFor } from '../../server/understand';
import devSet from '../fixtures/questions.json';
import paraphrases from '../fixtures/paraphrase-questions.json';

const samples = [...devSet, ...paraphrases] as { q: string }[];

let dir: string;
let data: KnowledgeData;
let plain: KnowledgeBase;

/** What the answer index says about every sample question: entries and scores. */
function matches(kb: KnowledgeBase): unknown[] {
  return samples.map((s) => kb.answers.match(understanderFor(kb.data).read(s.q).text).map((m) => [m.prepared.entry.id, m.score]));
}

const files = () => readdirSync(dir).filter((n) => n.startsWith('answer-reads.'));

describe('the answer base readings kept beside the compiled server', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zhizao-reads-'));
    data = loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023');
    plain = createKnowledgeBase(data);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are written once, and an index built from them matches exactly as one built from scratch', () => {
    // Most sample questions find an entry, so the comparisons below compare something.
    expect(matches(plain).filter((m) => (m as unknown[]).length > 0).length).toBeGreaterThan(samples.length / 2);
    const first = openReadCache(dir, 'build-a', data.lexicon);
    expect(first.reads.size).toBe(0);
    expect(matches(createKnowledgeBase(data, { reads: first.reads }))).toEqual(matches(plain));
    first.save();
    expect(files()).toHaveLength(1);

    const again = openReadCache(dir, 'build-a', data.lexicon);
    expect(again.reads).toEqual(first.reads);
    const before = readFileSync(join(dir, files()[0]!));
    expect(matches(createKnowledgeBase(data, { reads: again.reads }))).toEqual(matches(plain));
    // Nothing new was read, so nothing is written.
    expect(again.reads.size).toBe(first.reads.size);
    again.save();
    expect(readFileSync(join(dir, files()[0]!)).equals(before)).toBe(true);
  });

  it('are not used from a damaged file: the readings are done again and the file rewritten', () => {
    const [name] = files();
    const file = join(dir, name!);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { sum: string; entries: [string, string][] };
    // Still valid JSON, with one reading changed: only the checksum tells.
    stored.entries[0]![1] = `${stored.entries[0]![1]}x`;
    writeFileSync(file, JSON.stringify(stored));
    const damaged = openReadCache(dir, 'build-a', data.lexicon);
    expect(damaged.reads.size).toBe(0);
    expect(matches(createKnowledgeBase(data, { reads: damaged.reads }))).toEqual(matches(plain));
    damaged.save();
    expect(openReadCache(dir, 'build-a', data.lexicon).reads).toEqual(damaged.reads);

    writeFileSync(file, '{"sum": "0", "entr');
    expect(openReadCache(dir, 'build-a', data.lexicon).reads.size).toBe(0);
  });

  it('are kept apart per build and per lexicon', () => {
    expect(openReadCache(dir, 'build-b', data.lexicon).reads.size).toBe(0);
    const lexicon = { ...data.lexicon, vocabulary: [...(data.lexicon.vocabulary ?? []), '新增术语'] };
    expect(openReadCache(dir, 'build-a', lexicon).reads.size).toBe(0);
  });
});
