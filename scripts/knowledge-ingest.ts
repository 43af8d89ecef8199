// `npm run knowledge:ingest -- <notice.pdf|.docx|.txt> --as henan-2024 [--from henan-2023] [--root knowledge]`
// Writes knowledge/<as>/ as a draft version; never touches an existing version directory.
import { parseArgs } from 'node:util';
import { IngestError, ingestNotice } from '../server/knowledge/ingest/ingest';
import { renderText } from '../server/knowledge/ingest/report';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { as: { type: 'string' }, from: { type: 'string' }, root: { type: 'string', default: 'knowledge' } },
});
const file = positionals[0];
if (!file || !values.as) {
  console.error('usage: npm run knowledge:ingest -- <notice.pdf|.docx|.txt> --as <new-version> [--from <base-version>] [--root knowledge]');
  process.exit(2);
}
try {
  const r = await ingestNotice({ file, as: values.as, from: values.from, root: values.root! });
  const pending = r.review.items.filter((i) => i.needsReview).length;
  console.log(`read ${file} (${r.extractedFrom}); wrote the draft ${r.dir} with ${r.clauses} clauses, based on ${r.basedOn}.`);
  console.log(renderText(r.report).trimEnd());
  console.log(`\nThe change report is in ${r.dir}/diff-${r.basedOn}.md and .json.`);
  console.log(pending ? `Next: npm run knowledge:review -- ${r.version}   (${pending} item(s) to review)` : `Next: npm run knowledge:publish -- ${r.version}`);
} catch (err) {
  if (err instanceof IngestError) {
    console.error(`knowledge:ingest: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
