// `npm run knowledge:diff -- henan-2023 henan-2024 [--root knowledge] [--out DIR]`
// Prints what changed and writes diff-<from>.md/.json (into the newer version's directory by default).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareVersions } from '../server/knowledge/ingest/compare';
import { renderText, writeReport } from '../server/knowledge/ingest/report';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: 'knowledge' }, out: { type: 'string' } } });
const [from, to] = positionals;
if (!from || !to) {
  console.error('用法：npm run knowledge:diff -- <旧版本> <新版本> [--root knowledge] [--out 目录]');
  process.exit(2);
}
try {
  const report = compareVersions(values.root!, from, to);
  process.stdout.write(renderText(report));
  const written = writeReport(values.out ?? join(values.root!, to), report);
  console.log(`\n已写出 ${written.md} 和 ${written.json}`);
} catch (err) {
  console.error(`knowledge:diff 失败：${(err as Error).message}`);
  process.exit(1);
}
