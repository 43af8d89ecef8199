import type { FastifyInstance } from 'fastify';
import { checkEntry, EntryRejected, setLayer } from '../qa/layer';
import type { StaffStore } from './store';
import type { AnswerEntry } from '../knowledge/schemas/answer-base';
import type { KnowledgeBase } from '../knowledge/base';

/**
 * Lays the stored staff entries of one knowledge version over its shipped answer base. Each is
 * checked again, as at startup a shipped entry is: one that no longer passes is left out and
 * logged, so a bad row costs that entry, not the server.
 */
export async function applyAnswerLayer(fastify: FastifyInstance, store: StaffStore, kb: KnowledgeBase): Promise<void> {
  const entries: AnswerEntry[] = [];
  for (const r of await store.latestEntries(kb.version)) {
    if (!r.entry) continue;
    try {
      entries.push(checkEntry(kb, r.entry));
    } catch (err) {
      if (!(err instanceof EntryRejected)) throw err;
      fastify.log.error({ entry: r.entryId, revision: r.revision, reason: err.message }, 'staff answer entry left out');
    }
  }
  setLayer(kb, entries);
}

/** Lays every stored version's staff entries over its answer base, at startup. */
export async function loadAnswerLayers(fastify: FastifyInstance, store: StaffStore): Promise<void> {
  for (const version of await store.layeredVersions()) {
    let kb: KnowledgeBase;
    try {
      kb = fastify.knowledgeFor(version);
    } catch {
      // A version no longer served keeps its rows; nothing answers from them.
      continue;
    }
    await applyAnswerLayer(fastify, store, kb);
  }
}
