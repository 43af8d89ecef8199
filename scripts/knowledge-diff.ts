// `npm run knowledge:diff -- henan-2023 henan-2024 [--root knowledge] [--out DIR]`
// Prints what changed and writes diff-<from>.md/.json (into the newer version's directory by default).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareVersions } from '../server/knowledge/ingest/compare';
import { renderText, writeReport } from '../server/knowledge/ingest/report';
import { listVersions } from '../server/knowledge/versions';

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
  // What was wrong and what to do first; the loader's own words only on a line after it.
  const missing = [from, to].filter((v) => !existsSync(join(values.root!, v, 'manifest.json')));
  const why = missing.length
    ? `找不到知识库版本 ${missing.join('、')}（在 ${values.root} 下）：请检查版本名是否写对。已有的版本：${listVersions(values.root!).map((v) => v.version).join('、') || '无'}。`
    : `无法比较 ${from} 与 ${to}：其中一个版本无法加载或比较，请先按下面的原因修复它（npm start 会报出同样的问题）。`;
  console.error(`knowledge:diff 失败：${why}\n技术原因：${(err as Error).message}`);
  process.exit(1);
}
