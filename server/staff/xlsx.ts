import type { KnowledgeData } from '../knowledge/load';
import type { Submission } from './store';
import { categoryLabel, quotaOf, type SubmissionSnapshot } from './bureau';

const VERDICT: Record<string, string> = { qualified: '符合', gaps: '有差距', incomplete: '信息不全', ineligible: '不符合申报条件' };

/**
 * The column layout of the 推荐汇总表. The notice (四(四)) names the table but not its columns;
 * these are this system's own layout, and the sheet says so in its first row.
 */
export const SUMMARY_COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '企业名称', key: 'name', width: 30 },
  { header: '申报类别', key: 'category', width: 18 },
  { header: '自评结论', key: 'verdict', width: 14 },
  { header: '初审意见', key: 'notes', width: 36 },
  { header: '现场核查情况', key: 'siteNotes', width: 36 },
  { header: '核查项（已核/共计）', key: 'checked', width: 18 },
  { header: '是否推荐', key: 'recommended', width: 10 },
  { header: '提交时间', key: 'submittedAt', width: 20 },
] as const;

export const LAYOUT_NOTE = '本表栏目为本系统自拟格式（通知四(四)未规定推荐汇总表栏目），上传前请按平台“推荐库”要求核对。';

export async function summaryWorkbook(kb: KnowledgeData, region: string, list: Submission[], now: Date): Promise<Buffer> {
  // exceljs is large; it loads on the first export rather than at startup.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.created = now;
  const ws = wb.addWorksheet('推荐汇总表');
  const quota = quotaOf(kb, region);
  const recommended = list.filter((s) => s.recommended).length;
  ws.addRow([`${region}推荐汇总表`]);
  ws.addRow([LAYOUT_NOTE]);
  ws.addRow([quota ? `推荐 ${recommended} 家 / 限额 ${quota.max} 家（${quota.clause}：“${quota.quote}”）` : `推荐 ${recommended} 家`]);
  ws.addRow([]);
  const header = ws.addRow(SUMMARY_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  SUMMARY_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  // Recommended applicants first, as the bureau uploads those.
  const ordered = [...list].sort((a, b) => Number(b.recommended) - Number(a.recommended) || a.submittedAt.localeCompare(b.submittedAt));
  ordered.forEach((s, i) => {
    const snap = s.snapshot as SubmissionSnapshot;
    const ticks = Object.values(s.review?.checklist ?? {});
    ws.addRow([
      i + 1,
      snap.name ?? '（未填写企业名称）',
      categoryLabel(kb, snap.assessment.category.recommended),
      VERDICT[snap.assessment.verdict] ?? snap.assessment.verdict,
      s.review?.notes ?? '',
      s.review?.siteNotes ?? '',
      `${ticks.filter(Boolean).length}/${ticks.length}`,
      s.recommended ? '是' : '否',
      s.submittedAt.slice(0, 16).replace('T', ' '),
    ]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
