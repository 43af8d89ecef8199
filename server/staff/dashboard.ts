import type { KnowledgeData } from '../knowledge/load';
import type { DashboardData } from './store';
import { categoryLabel } from './bureau';
import type { Category } from '../schemas/profile';

/** An answer below this confidence counts as unsure on the dashboard (and belongs in a review). */
export const LOW_CONFIDENCE = 0.5;

const VERDICT: Record<string, string> = { qualified: '符合', gaps: '有差距', incomplete: '信息不全', ineligible: '不符合条件' };

export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

/** The dashboard as labelled tables; the charts and the CSV exports both read these. Submissions are of programme year `year`. */
export function dashboardTables(kb: KnowledgeData, d: DashboardData, year: number): Record<'perDay' | 'topics' | 'regions' | 'categories' | 'verdicts' | 'exports', Table> {
  const title = (id: string) => kb.clauses.find((c) => c.id === id)?.title ?? '';
  return {
    perDay: { title: '每日问题数（按北京时间计日）', columns: ['日期（北京时间）', '问题数', '未能回答', '低置信度'], rows: d.perDay.map((r) => [r.day, r.questions, r.refused, r.low]) },
    topics: { title: '热点条款', columns: ['条款', '标题', '次数'], rows: d.topics.map((r) => [r.clause, title(r.clause), r.count]) },
    regions: { title: `${year}年度提交初审的评估（按地区）`, columns: ['地区', '企业数'], rows: d.regions.map((r) => [r.key ?? '未知', r.count]) },
    categories: { title: `${year}年度提交初审的评估（按类别）`, columns: ['类别', '企业数'], rows: d.categories.map((r) => [categoryLabel(kb, (r.key ?? null) as Category | null), r.count]) },
    verdicts: { title: `${year}年度提交初审的评估（按结论）`, columns: ['结论', '企业数'], rows: d.verdicts.map((r) => [VERDICT[r.key ?? ''] ?? r.key ?? '未知', r.count]) },
    exports: { title: '导出的申报书草稿', columns: ['格式', '份数'], rows: d.exports.map((r) => [r.format.toUpperCase(), r.count]) },
  };
}

export function rates(d: DashboardData): { questions: number; refusalRate: number; lowConfidenceRate: number; draftsExported: number } {
  const questions = d.perDay.reduce((n, r) => n + r.questions, 0);
  const refused = d.perDay.reduce((n, r) => n + r.refused, 0);
  const low = d.perDay.reduce((n, r) => n + r.low, 0);
  const draftsExported = d.exports.reduce((n, r) => n + r.count, 0);
  return { questions, refusalRate: questions ? refused / questions : 0, lowConfidenceRate: questions ? low / questions : 0, draftsExported };
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
