import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { Assessment, CapabilityId, Category } from '../schemas/profile';
import type { ChecklistItem, FormDrafting, FormSpec } from '../knowledge/schemas/forms';
import type { ChecklistState } from '../schemas/forms';

/**
 * The self-assessment an enterprise takes to its management: the engine's assessment as is (verdict,
 * category with reasons and why not the others, each element condition with its clause), the gaps as
 * what to build in the form's branch, in the notice's element order (network and security first,
 * model-based applications last), and the materials checklist with what is ready.
 */
export interface GapReport {
  title: string;
  subtitle: string;
  basis: string;
  company: string | null;
  headings: FormDrafting['report']['headings'];
  labels: Record<string, string>;
  /** `pending`: hard conditions unanswered or answered 不清楚, 待确认 and never counted as met, as the panel says. */
  verdict: { label: string; eligible: boolean; blocking: { clause: string; reason: string }[]; pending: { clause: string; title: string }[] };
  /** `notYet`: most element conditions fail, so the category is the one that fits and applying now is not advised. */
  category: { recommended: string | null; notYet: boolean; reasons: { clause?: string; text: string }[]; alternatives: { label: string; whyNot: string }[] };
  conditions: { clause: string; title: string; status: string; advice: string }[];
  /** `seeAbove`: what this element also lacks that an earlier one of the plan already lists, and where. */
  plan: { clause: string; title: string; steps: { kind: 'build' | 'confirm'; name: string; goal: string }[]; seeAbove?: { names: string[]; where: string[] } }[];
  notes: { clause: string; text: string }[];
  /** Warnings on the 近三年主要经济指标 for the 初审, beside the verdict and never part of it, with the note saying so. */
  financeWarnings: { items: { clause: string; text: string }[]; note: string } | null;
  materials: { clause: string; title: string; detail?: string; done: boolean; note?: string; checks: string[] }[];
}

export function buildGapReport(
  drafting: FormDrafting,
  spec: FormSpec | null,
  assessment: Assessment,
  opts: { company?: string; checklist?: ChecklistItem[]; state?: ChecklistState; financeWarnings?: GapReport['financeWarnings']; notes?: GapReport['notes'] },
): GapReport {
  const r = drafting.report;
  const capName = (c: CapabilityId) => drafting.capabilities[c]?.name ?? c;
  const capGoal = (c: CapabilityId) => drafting.capabilities[c]?.achieve ?? '';
  // The engine lists conditions in the notice's order; the plan keeps it, as later elements rest on earlier ones.
  // A capability two elements read (SCADA under 生产制造 and 系统集成) is one thing to build: it is planned under the
  // first, and a later element refers back to it rather than list the same step again.
  const plannedIn = new Map<CapabilityId, string>();
  const plan = assessment.conditions
    .filter((c) => c.status !== 'met' && (c.missing.length || c.unknown.length))
    .map((c) => {
      const fresh = (ids: CapabilityId[]) => ids.filter((m) => !plannedIn.has(m));
      const again = [...c.missing, ...c.unknown].filter((m) => plannedIn.has(m));
      const where = [...new Set(again.map((m) => plannedIn.get(m)!))];
      const steps = [
        ...fresh(c.missing).map((m) => ({ kind: 'build' as const, name: capName(m), goal: capGoal(m) })),
        ...fresh(c.unknown).map((m) => ({ kind: 'confirm' as const, name: capName(m), goal: capGoal(m) })),
      ];
      for (const m of [...c.missing, ...c.unknown]) if (!plannedIn.has(m)) plannedIn.set(m, c.title);
      return { clause: c.clause, title: c.title, steps, ...(again.length ? { seeAbove: { names: again.map(capName), where } } : {}) };
    });
  return {
    title: r.title,
    subtitle: r.subtitle,
    basis: r.basis,
    company: opts.company ?? null,
    headings: r.headings,
    labels: r.labels,
    verdict: { label: r.verdict[assessment.verdict], eligible: assessment.eligible, blocking: assessment.blocking, pending: assessment.pending ?? [] },
    category: {
      recommended: assessment.category.recommended ? r.categories[assessment.category.recommended] : null,
      notYet: assessment.category.notYet === true,
      reasons: assessment.category.reasons,
      alternatives: assessment.category.alternatives.map((a) => ({ label: r.categories[a.category as Category], whyNot: a.whyNot })),
    },
    conditions: assessment.conditions.map((c) => ({ clause: c.clause, title: c.title, status: r.status[c.status], advice: c.advice })),
    plan,
    notes: [...assessment.notes, ...(opts.notes ?? [])],
    financeWarnings: opts.financeWarnings ?? null,
    materials: (opts.checklist ?? []).map((i) => {
      const s = opts.state?.items[i.id];
      return { clause: i.clause, title: i.title, detail: i.detail, done: !!s?.done, ...(s?.note ? { note: s.note } : {}), checks: s?.checks ?? [] };
    }),
  };
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman', hint: 'eastAsia' } as const;
const HEI = { ...FONT, eastAsia: '黑体' } as const;

function p(text: string, o: { bold?: boolean; size?: number; font?: typeof FONT | typeof HEI; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; color?: string; indent?: number } = {}) {
  return new Paragraph({
    alignment: o.align,
    spacing: { after: 80, line: 320 },
    indent: o.indent ? { left: o.indent } : undefined,
    children: [new TextRun({ text, bold: o.bold, size: o.size ?? 22, font: o.font ?? FONT, color: o.color })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
function table(header: string[], rows: string[][], widths: number[]): Table {
  const row = (cells: string[], head = false) =>
    new TableRow({
      tableHeader: head,
      children: cells.map((t, i) => new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders: { top: border, bottom: border, left: border, right: border }, children: [p(t, { bold: head, size: 20 })] })),
    });
  return new Table({ width: { size: widths.reduce((a, b) => a + b), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [row(header, true), ...rows.map((r) => row(r))] });
}

/**
 * The verdict as the report says it: its label with the basic conditions, then what fails and what is still to confirm. A
 * hard condition still to confirm is never read as met: with one open and none failing, the basic conditions are 待确认.
 */
/** The line of a plan entry that refers back for what an earlier entry already lists: its {names} and {where}. */
function seeAbove(template: string, r: { names: string[]; where: string[] }): string {
  return template.replace('{names}', r.names.join('、')).replace('{where}', r.where.map((w) => `“${w}”`).join('、'));
}

export function verdictLines(g: GapReport): { text: string; note?: boolean }[] {
  const L = g.labels;
  const v = g.verdict;
  return [
    { text: `${v.label}（${L.eligible}：${!v.eligible ? L.eligibleNo : v.pending.length ? L.eligiblePending : L.eligibleYes}）` },
    ...v.blocking.map((b) => ({ text: `${L.blocking}：${b.reason}（${b.clause}）` })),
    ...v.pending.map((c) => ({ text: `${L.pending}：${c.clause} ${c.title}` })),
    ...(v.pending.length ? [{ text: L.pendingNote!, note: true }] : []),
  ];
}

export async function renderGapReport(g: GapReport): Promise<Buffer> {
  const L = g.labels;
  const body: (Paragraph | Table)[] = [
    p(g.title, { bold: true, size: 36, font: HEI, align: AlignmentType.CENTER }),
    p(g.subtitle, { size: 20, align: AlignmentType.CENTER, color: '595959' }),
    ...(g.company ? [p(`${L.company}：${g.company}`, { size: 24, align: AlignmentType.CENTER })] : []),
    p(g.basis, { size: 18, color: '595959' }),
    p(g.headings.verdict, { bold: true, size: 28, font: HEI }),
    ...verdictLines(g).map((l, i) => p(l.text, i === 0 ? { bold: true, size: 24 } : l.note ? { indent: 420, size: 20, color: '595959' } : { indent: 420 })),
    // Said right under the verdict, so 「符合基本申报条件」 is never read without the figures the bureau will question.
    ...(g.financeWarnings
      ? [
          ...g.financeWarnings.items.map((w) => p(`${L.financeWarning ?? ''}${w.text}（${w.clause}）`, { indent: 420, color: '9C5700' })),
          p(g.financeWarnings.note, { indent: 420, size: 20, color: '595959' }),
        ]
      : []),
    p(g.headings.category, { bold: true, size: 28, font: HEI }),
    p(`${g.category.notYet && L.fitsNotYet ? L.fitsNotYet : L.recommended}：${g.category.recommended ?? L.noCategory}`, { bold: true, size: 24 }),
    ...g.category.reasons.map((r) => p(`${L.reasons}：${r.text}${r.clause ? `（${r.clause}）` : ''}`, { indent: 420 })),
    ...g.category.alternatives.map((a) => p(`${L.whyNot}${a.label}：${a.whyNot}`, { indent: 420 })),
    p(g.headings.conditions, { bold: true, size: 28, font: HEI }),
    table([L.clause, L.element, L.status, L.advice], g.conditions.map((c) => [c.clause, c.title, c.status, c.advice]), [1100, 2000, 1100, 5100]),
    p(g.headings.plan, { bold: true, size: 28, font: HEI }),
    ...(g.plan.length
      ? g.plan.flatMap((e, i) => [
          p(`${i + 1}. ${e.title}（${e.clause}）`, { bold: true, size: 24 }),
          ...e.steps.map((s) => p(`${s.kind === 'build' ? L.build : L.confirm}：${s.name}${s.goal ? `。${L.goal}：${s.goal}` : ''}`, { indent: 420 })),
          ...(e.seeAbove ? [p(seeAbove(L.seeAbove!, e.seeAbove), { indent: 420 })] : []),
        ])
      : [p(L.noGaps!)]),
    ...(g.notes.length ? [p(L.notes!, { bold: true, size: 24 }), ...g.notes.map((n) => p(`${n.text}（${n.clause}）`, { indent: 420 }))] : []),
    p(g.headings.materials, { bold: true, size: 28, font: HEI }),
    table(
      [L.clause, L.element, L.status, L.note],
      g.materials.map((m) => [m.clause, m.title, m.done ? L.materialsDone! : L.materialsTodo!, [m.note, ...m.checks].filter(Boolean).join('；')]),
      [1300, 3700, 900, 3400],
    ),
  ];
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1304, bottom: 1304, left: 1304, right: 1304 } } }, children: body }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
