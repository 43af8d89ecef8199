import type { KnowledgeData } from '../knowledge/load';
import type { DashboardData } from './store';
import { categoryLabel } from './bureau';
import type { Category } from '../schemas/profile';
import { fill } from '../engine/kb';

/** An answer below this confidence counts as unsure on the dashboard (and belongs in a review). */
export const LOW_CONFIDENCE = 0.5;

export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export type DashboardTableId = 'perDay' | 'topics' | 'regions' | 'categories' | 'verdicts' | 'exports';

/**
 * The dashboard as labelled tables; the charts and the CSV exports both read these. Submissions are of programme year
 * `year`. Every title and heading is the knowledge version's (ui.json `console.dashboard`), as the other exports' are.
 */
export function dashboardTables(kb: KnowledgeData, d: DashboardData, year: number): Record<DashboardTableId, Table> {
  const w = kb.ui.console.dashboard;
  const title = (id: string) => kb.clauses.find((c) => c.id === id)?.title ?? '';
  const verdict = (key: string | null) => (key && key in kb.ui.console.verdicts ? kb.ui.console.verdicts[key as keyof typeof kb.ui.console.verdicts] : (key ?? w.unknown));
  const p = w.perDay.columns;
  return {
    perDay: { title: w.perDay.title, columns: [p.day, p.questions, p.refused, p.notCovered, p.low, p.misreads], rows: d.perDay.map((r) => [r.day, r.questions, r.refused, r.notCovered, r.low, r.misreads]) },
    topics: { title: w.topics.title, columns: [w.topics.columns.clause, w.topics.columns.title, w.topics.columns.count], rows: d.topics.map((r) => [r.clause, title(r.clause), r.count]) },
    regions: { title: fill(w.regions.title, { year }), columns: [w.regions.columns.key, w.regions.columns.count], rows: d.regions.map((r) => [r.key ?? w.unknown, r.count]) },
    categories: { title: fill(w.categories.title, { year }), columns: [w.categories.columns.key, w.categories.columns.count], rows: d.categories.map((r) => [categoryLabel(kb, (r.key ?? null) as Category | null), r.count]) },
    verdicts: { title: fill(w.verdicts.title, { year }), columns: [w.verdicts.columns.key, w.verdicts.columns.count], rows: d.verdicts.map((r) => [verdict(r.key), r.count]) },
    exports: { title: w.exports.title, columns: [w.exports.columns.format, w.exports.columns.count], rows: d.exports.map((r) => [r.format.toUpperCase(), r.count]) },
  };
}

/**
 * The question figures: interview replies the rules did not read are no questions, and are counted apart (misreads).
 * The refusal rate counts the refusals no answer entry gave: a 通知未涉及 entry's refusal is its answer.
 */
export function rates(d: DashboardData): { questions: number; refusalRate: number; lowConfidenceRate: number; draftsExported: number; misreads: number } {
  const questions = d.perDay.reduce((n, r) => n + r.questions, 0);
  const refused = d.perDay.reduce((n, r) => n + r.refused, 0);
  const low = d.perDay.reduce((n, r) => n + r.low, 0);
  const misreads = d.perDay.reduce((n, r) => n + r.misreads, 0);
  const draftsExported = d.exports.reduce((n, r) => n + r.count, 0);
  return { questions, refusalRate: questions ? refused / questions : 0, lowConfidenceRate: questions ? low / questions : 0, draftsExported, misreads };
}

/**
 * RFC 4180 CSV with a BOM, so Excel opens the Chinese text as UTF-8. A cell that starts with
 * = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
 */
export function toCsv(t: Table): string {
  const cell = (v: string | number) => {
    let s = String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[t.columns, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
