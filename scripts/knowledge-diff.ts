// `npm run knowledge:diff -- henan-2023 henan-2024 [--root knowledge] [--out DIR]`
// Prints what changed and writes diff-<from>.md/.json (into the newer version's directory by default).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareVersions } from '../server/knowledge/ingest/compare';
import { renderText, writeReport } from '../server/knowledge/ingest/report';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: 'knowledge' }, out: { type: 'string' } } });
const [from, to] = positionals;
if (!from || !to) {
  console.error('usage: npm run knowledge:diff -- <old-version> <new-version> [--root knowledge] [--out DIR]');
  process.exit(2);
}
try {
  const report = compareVersions(values.root!, from, to);
  process.stdout.write(renderText(report));
  const written = writeReport(values.out ?? join(values.root!, to), report);
  console.log(`\nwrote ${written.md} and ${written.json}`);
} catch (err) {
  console.error(`knowledge:diff: ${(err as Error).message}`);
  process.exit(1);
}
