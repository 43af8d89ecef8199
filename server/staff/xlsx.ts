import type { KnowledgeData } from '../knowledge/load';
import type { Submission } from './store';
import {
  areaMismatch,
  categoryLabel,
  confirmationText,
  outsideAreaTag,
  checklistOf,
  migrateTicks,
  outsideArea,
  outsideAreaRecommended,
  quotaOf,
  incompleteRecommendation,
  reviewShortfall,
  statedPlace,
  summaryQuotaLine,
  type SubmissionSnapshot,
} from './bureau';
import type { Answers } from '../engine';
import { fill } from '../engine/kb';
import { importPackage } from '../import-package';
import { reviewFinanceWarnings } from '../forms/review-finance';

/**
 * The column layout of the 推荐汇总表: each column's key and width, in order. The notice (四(四)) names the table but
 * not its columns; the headings are this system's own wording (ui.json console.summary), and the sheet says so in its
 * second row.
 */
const SUMMARY_LAYOUT = [
  { key: 'n', width: 6 },
  { key: 'name', width: 30 },
  { key: 'creditCode', width: 22 },
  { key: 'county', width: 14 },
  { key: 'contact', width: 10 },
  { key: 'phone', width: 16 },
  { key: 'category', width: 18 },
  { key: 'verdict', width: 14 },
  { key: 'finance', width: 36 },
  { key: 'notes', width: 36 },
  { key: 'siteNotes', width: 36 },
  { key: 'checked', width: 18 },
  { key: 'reasons', width: 36 },
  { key: 'recommended', width: 10 },
  { key: 'confirmed', width: 40 },
  { key: 'submittedAt', width: 20 },
] as const satisfies readonly { key: keyof SummaryWording['columns']; width: number }[];

type SummaryWording = KnowledgeData['ui']['console']['summary'];

/** The 推荐汇总表's columns in order, each with its heading as this knowledge version words it. */
export function summaryColumns(kb: KnowledgeData): { key: keyof SummaryWording['columns']; header: string; width: number }[] {
  return SUMMARY_LAYOUT.map((c) => ({ ...c, header: kb.ui.console.summary.columns[c.key] }));
}

/** The zone the helplines and bureaus work in: their times, and the days their figures are counted by. */
export const STAFF_TIME_ZONE = 'Asia/Shanghai';

/** A submission's time as the bureau reads it: Beijing time, to the minute ("2026-03-10 09:05"). */
export function beijingTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: STAFF_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** An answer the interview or the form recorded, as text; empty when it was not given. */
const said = (answers: Answers, id: string): string => {
  const v = answers[id];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
};

export async function summaryWorkbook(kb: KnowledgeData, region: string, list: Submission[], now: Date): Promise<Buffer> {
  // exceljs is large; it loads on the first export rather than at startup.
  const { default: ExcelJS } = await importPackage<{ default: typeof import('exceljs') }>('exceljs');
  const w = kb.ui.console.summary;
  const columns = summaryColumns(kb);
  const wb = new ExcelJS.Workbook();
  wb.created = now;
  const ws = wb.addWorksheet(w.sheet);
  const quota = quotaOf(kb, region);
  // Each applicant's checklist as it is now, with the ticks read against it, and what its 初审 record lacks.
  const reviewed = new Map(
    list.map((s) => {
      const snap = s.snapshot as SubmissionSnapshot;
      const items = checklistOf(kb, snap.assessment.category.recommended, snap.answers ?? {});
      const review = s.review ?? { notes: '', siteNotes: '', checklist: {} };
      return [s, { items, ticks: migrateTicks(items, review.checklist), short: reviewShortfall(items, review) }] as const;
    }),
  );
  // A recommendation stands in the 推荐企业 part only with the 初审 and 现场核查 record 四(三) asks for: one saved
  // before the console asked for it, and not completed since, is listed with the others, saying what it lacks. One of
  // an applicant outside this bureau's area (saved before such a 推荐 was refused) is listed there too, flagged: 四(三)
  // has its own bureau recommend it.
  const away = (s: Submission) => areaMismatch(kb, region, (s.snapshot as SubmissionSnapshot).answers ?? {});
  const stands = (s: Submission) => s.recommended && !reviewed.get(s)!.short && !away(s);
  const recommended = list.filter(stands).length;
  ws.addRow([fill(w.title, { region })]);
  ws.addRow([w.layoutNote]);
  ws.addRow([quota ? summaryQuotaLine(kb, quota, recommended) : fill(w.countOnly, { n: recommended })]);
  ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const byTime = (a: Submission, b: Submission) => a.submittedAt.localeCompare(b.submittedAt);
  // The county (or district) is what the applicant stated: its county answer, else the county or district its address
  // or city names. A county's own bureau holds applicants of its county, unless what they stated says otherwise.
  const ownCounty = kb.regions.regions.some((r) => r.name === region && (r.kind === '县' || r.kind === '县级市')) ? region : '';
  const countyOf = (answers: Answers) => {
    // An applicant that says it is outside this bureau's area is flagged as the list flags it: the province reads this
    // table, and a blank county (or a county of another city, unremarked) would pass it as this region's.
    const away = areaMismatch(kb, region, answers);
    if (away) return outsideAreaTag(kb, away);
    const county = said(answers, 'ent.county');
    if (county) return county;
    const at = statedPlace(kb, answers);
    if (at && at.kind !== '省辖市') return at.place;
    return ownCounty && !outsideArea(kb, region, answers) ? ownCounty : w.notYet.county;
  };
  // Recommended applicants first, as the bureau uploads those; each part under its heading, numbered from 1.
  const parts = [
    { heading: w.groups.recommended, rows: list.filter(stands).sort(byTime) },
    { heading: w.groups.notRecommended, rows: list.filter((s) => !stands(s)).sort(byTime) },
  ];
  for (const part of parts) {
    if (!part.rows.length) continue;
    const heading = ws.addRow([fill(w.groups.count, { heading: part.heading, n: part.rows.length })]);
    heading.font = { bold: true };
    ws.mergeCells(heading.number, 1, heading.number, columns.length);
    part.rows.forEach((s, i) => {
      const snap = s.snapshot as SubmissionSnapshot;
      const answers = snap.answers ?? {};
      // The checklist the bureau ticks is built from the claims; a tick of an item no longer on it does not count.
      const { items, ticks, short } = reviewed.get(s)!;
      const ticked = items.filter((item) => ticks[item.id] === true).length;
      const reasons = items
        .filter((item) => ticks[item.id] !== true && s.review?.reasons?.[item.id]?.trim())
        .map((item) => `${item.clause} ${item.label}：${s.review!.reasons![item.id]!.trim()}`)
        .join('\n');
      ws.addRow([
        i + 1,
        snap.name ?? w.noName,
        said(answers, 'form.creditCode'),
        countyOf(answers),
        said(answers, 'form.contact.name'),
        said(answers, 'form.contact.mobile') || said(answers, 'form.contact.phone'),
        categoryLabel(kb, snap.assessment.category.recommended),
        kb.ui.console.verdicts[snap.assessment.verdict as keyof KnowledgeData['ui']['console']['verdicts']] ?? snap.assessment.verdict,
        reviewFinanceWarnings(kb, answers, snap.assessment.category.recommended)?.items.map((w) => w.text).join('\n') ?? '',
        s.review?.notes?.trim() || w.notYet.review,
        s.review?.siteNotes?.trim() || w.notYet.site,
        `${ticked}/${items.length}`,
        reasons,
        stands(s)
          ? w.yes
          : !s.recommended
            ? w.no
            : fill(w.noBecause, { why: [away(s) && outsideAreaRecommended(kb, away(s)!), short && incompleteRecommendation(kb, short)].filter(Boolean).join(kb.facts.review.gate.separator) }),
        // The province sees that the bureau recommended despite conditions not shown to be met, and which.
        (s.recommended && confirmationText(kb, snap, s.review?.confirmedUnmet, beijingTime)) || '',
        beijingTime(s.submittedAt),
      ]);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
