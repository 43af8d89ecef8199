// `npm run bench:documents`: how a long sheet's reading grows with its length. The rules read a sheet of `BASE` rows
// and one ten times as long, each of three layouts (a list of workshops whose every row gives a figure, a list of
// items under 建设前/建设后, a register of dated rows); the figure printed is the time per row of the long sheet over
// the short one's. Reading that grows with the sheet's length keeps it near 1; a step that grows with its square shows
// as a ratio near 10. It times the rules' reading of the sheet's text (the parties, the companies, the suggestions and
// their checks), not the XLSX parse, which runs in its own capped worker. It runs from source, as the tests do.
import { companiesIn, extractByRules, partiesOf, verifySuggestion } from '../server/documents/extract';
import { loadKnowledgeData } from '../server/knowledge/load';
import { loadConfig } from '../server/config';

const config = loadConfig({});
const docs = loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION).formDrafting.documents;
const BASE = 2000;
const LONG = 10 * BASE;

/** A sheet's text as the parse worker lays it out: each cell on a line of its own, a blank line between. */
const sheet = (rows: (string | number)[][]) => [rows.flat().map(String).join('\n\n')];
const layouts: Record<string, (n: number) => string[]> = {
  workshops: (n) => sheet([['各车间设备情况'], ['车间', '设备总数', '联网设备'], ...Array.from({ length: n }, (_, i) => [`${i + 1}号车间`, 10 + (i % 7), 8])]),
  items: (n) => sheet([['设备清单'], ['序号', '设备名称', '建设前', '建设后'], ...Array.from({ length: n }, (_, i) => [i + 1, `机器人${i + 1}`, 1, 2]), ['', '合计', n, 2 * n]]),
  register: (n) => sheet([['员工名册'], ['序号', '姓名', '部门', '入职日期'], ...Array.from({ length: n }, (_, i) => [i + 1, `张${i + 1}`, '总装车间', `2019年${(i % 12) + 1}月1日`])]),
};

/** Milliseconds to read one sheet as the upload route does, the fastest of `runs`. */
function read(pages: string[], runs: number): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    partiesOf(pages, docs);
    companiesIn(pages, docs);
    for (const s of extractByRules(pages, 'bench.xlsx', docs, { years: ['2020', '2021', '2022'] })) verifySuggestion(pages, s);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

for (const [name, make] of Object.entries(layouts)) {
  read(make(200), 1);
  const short = read(make(BASE), 3);
  const long = read(make(LONG), 1);
  const ratio = long / LONG / (short / BASE);
  console.log(`${name.padEnd(10)} ${BASE} rows ${short.toFixed(0).padStart(6)} ms   ${LONG} rows ${long.toFixed(0).padStart(7)} ms   per-row ratio ${ratio.toFixed(2)}`);
}
