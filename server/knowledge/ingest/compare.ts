import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKnowledgeData } from '../load';
import { ReviewFile } from '../schemas/review';
import { diffClauses } from './clause-diff';
import { comparison, linkCarriedItems } from './ingest';
import { buildReport, type Report } from './report';
import { readReview } from './review';

/**
 * Compares two knowledge versions. When the newer one was ingested against the older, its review
 * list (with what has been accepted so far) says which items need review; otherwise the items are
 * linked to the clause changes afresh.
 */
export function compareVersions(root: string, from: string, to: string): Report {
  const a = loadKnowledgeData(root, from);
  const b = loadKnowledgeData(root, to);
  const diff = diffClauses(a.clauses, b.clauses);
  const dir = join(resolve(root), to);
  let items: ReviewFile['items'];
  if (existsSync(join(dir, 'review.json')) && readReview(root, to).basedOn === from) items = readReview(root, to).items;
  else items = linkCarriedItems(dir, comparison(a, b.clauses, diff));
  return buildReport(from, to, diff, items, a.clauses, b.clauses);
}
