import { resolve } from 'node:path';
import { loadKnowledgeData, type KnowledgeData } from '../../server/knowledge/load';

let cached: KnowledgeData | undefined;

/** The real knowledge data of the repository, loaded once per test file. */
export function realKb(): KnowledgeData {
  cached ??= loadKnowledgeData(resolve(__dirname, '../../knowledge'), 'henan-2023');
  return cached;
}
