// `npm run knowledge:publish -- henan-2024`: validates the draft with the startup schemas and marks it published.
// Refuses while any item still needs review, or while an item cites a clause the version does not have.
import { parseArgs } from 'node:util';
import { publishVersion } from '../server/knowledge/ingest/review';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: 'knowledge' } } });
const version = positionals[0];
if (!version) {
  console.error('usage: npm run knowledge:publish -- <version> [--root knowledge]');
  process.exit(2);
}
try {
  const r = publishVersion(values.root!, version);
  console.log(`published ${r.version}: ${r.clauses} clauses, ${r.accepted} reviewed item(s). Serve it with KNOWLEDGE_VERSION=${r.version}.`);
} catch (err) {
  console.error(`knowledge:publish: ${(err as Error).message}`);
  process.exit(1);
}
