// `npm run knowledge:publish -- henan-2024`: validates the draft with the startup schemas and marks it published.
// Refuses while any item still needs review, or while an item cites a clause the version does not have.
import { parseArgs } from 'node:util';
import { publishVersion, PublishError } from '../server/knowledge/ingest/review';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { root: { type: 'string', default: 'knowledge' } } });
const version = positionals[0];
if (!version) {
  console.error('用法：npm run knowledge:publish -- <版本> [--root knowledge]');
  process.exit(2);
}
try {
  const r = publishVersion(values.root!, version);
  console.log(`已发布 ${r.version}：${r.clauses} 个条款，已复核 ${r.accepted} 项。用 KNOWLEDGE_VERSION=${r.version} 启动即以它为默认版本。`);
} catch (err) {
  // The Chinese account first; the check's own words after it keep every detail (paths, fields).
  const zh = err instanceof PublishError && err.zh ? err.zh : `未能发布 ${version}：请按下面的原因修改草稿（npm run knowledge:review -- ${version}）后再发布；已发布的版本没有改动。`;
  console.error(`knowledge:publish 失败：${zh}\n技术原因：${(err as Error).message}`);
  process.exit(1);
}
