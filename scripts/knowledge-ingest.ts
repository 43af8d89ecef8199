// `npm run knowledge:ingest -- <notice.pdf|.docx|.txt> --as henan-2024 [--from henan-2023] [--root knowledge]`
// Writes knowledge/<as>/ as a draft version; never touches an existing version directory.
import { parseArgs } from 'node:util';
import { IngestError, ingestNotice } from '../server/knowledge/ingest/ingest';
import { NOTHING_WRITTEN } from '../server/knowledge/ingest/extract';
import { renderText } from '../server/knowledge/ingest/report';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { as: { type: 'string' }, from: { type: 'string' }, root: { type: 'string', default: 'knowledge' } },
});
const file = positionals[0];
if (!file || !values.as) {
  console.error('用法：npm run knowledge:ingest -- <通知.pdf|.docx|.txt> --as <新版本名> [--from <基准版本>] [--root knowledge]');
  process.exit(2);
}
try {
  const r = await ingestNotice({ file, as: values.as, from: values.from, root: values.root! });
  const pending = r.review.items.filter((i) => i.needsReview).length;
  console.log(`已读取 ${file}（${r.extractedFrom}）；已写出草稿 ${r.dir}，共 ${r.clauses} 个条款，基于 ${r.basedOn}。`);
  console.log(renderText(r.report).trimEnd());
  console.log(`\n变化报告见 ${r.dir}/diff-${r.basedOn}.md 和 .json。`);
  console.log(pending ? `下一步：npm run knowledge:review -- ${r.version}   （待复核 ${pending} 项）` : `下一步：npm run knowledge:publish -- ${r.version}`);
} catch (err) {
  // What was wrong and what to do first, in Chinese; the technical cause only on a line after it.
  if (err instanceof IngestError) console.error(`knowledge:ingest 失败：${err.describe()}`);
  else console.error(`knowledge:ingest 失败：导入时发生内部错误，${NOTHING_WRITTEN}请把下面的技术原因告知维护人员。\n技术原因：${(err as Error).stack ?? String(err)}`);
  process.exit(1);
}
