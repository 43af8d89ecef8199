// `npm run knowledge:clauses [version]`: regenerates knowledge/<version>/clauses.json from source/notice.txt.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNotice } from '../server/knowledge/parser';
import { ClauseStructure, ClausesFile } from '../server/knowledge/schemas/clauses';

const version = process.argv[2] ?? 'henan-2023';
const dir = join('knowledge', version);
const source = readFileSync(join(dir, 'source', 'notice.txt'), 'utf8');
const structure = ClauseStructure.parse(JSON.parse(readFileSync(join(dir, 'source', 'structure.json'), 'utf8')));
const clauses = ClausesFile.parse(parseNotice(source, structure));
writeFileSync(join(dir, 'clauses.json'), JSON.stringify(clauses, null, 1) + '\n');
console.log(`wrote ${clauses.length} clauses to ${join(dir, 'clauses.json')} (${clauses.filter((c) => c.inferred).length} inferred)`);
