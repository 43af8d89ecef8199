import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconFile } from './schemas/notice-data';

/**
 * Reading every phrasing and guard word of the answer base (normalisation and typo repair) was
 * the larger part of building its index at each start. A reading depends only on the text, the
 * lexicon and the code, so the compiled server keeps them in a file beside its bundle, named by a
 * hash of the lexicon and of the build: a changed lexicon or a new build reads afresh, and a
 * changed answer base reuses what it can, since the file is keyed by the text read.
 *
 * Derived data only, never in the data directory. The knowledge files are still validated and
 * the answer base still checked against the clauses at every start; only the readings are reused.
 * The file carries a SHA-256 of its content: a damaged or half-written one is ignored and
 * written again. Outside the compiled build (tsx, tests) there is no build hash, so no file.
 */

/** The build's source hash, set by scripts/build.mjs in the compiled server only. */
const BUILD_ID: string | undefined = process.env.ZHIZAO_BUILD_ID;

export interface ReadCache {
  reads: Map<string, string>;
  /** Writes the file if readings were added since it was read; a failed write only means no cache. */
  save(): void;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function openReadCache(dir: string, build: string, lexicon: LexiconFile): ReadCache {
  const key = sha256(`${build}\0${JSON.stringify(lexicon)}`).slice(0, 24);
  const file = join(dir, `answer-reads.${key}.json`);
  let reads = new Map<string, string>();
  try {
    const { sum, entries } = JSON.parse(readFileSync(file, 'utf8')) as { sum: unknown; entries: unknown };
    if (Array.isArray(entries) && sum === sha256(JSON.stringify(entries)) && entries.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string')) {
      reads = new Map(entries as [string, string][]);
    }
  } catch {
    // Missing or unreadable: read afresh.
  }
  const loaded = reads.size;
  return {
    reads,
    save() {
      if (reads.size === loaded) return;
      try {
        const entries = [...reads];
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ sum: sha256(JSON.stringify(entries)), entries }));
        renameSync(tmp, file);
      } catch {
        // A read-only install starts without the cache.
      }
    },
  };
}

/** The compiled server's cache, beside its bundle; undefined outside the compiled build. */
export function buildReadCache(lexicon: LexiconFile): ReadCache | undefined {
  return BUILD_ID ? openReadCache(dirname(fileURLToPath(import.meta.url)), BUILD_ID, lexicon) : undefined;
}
