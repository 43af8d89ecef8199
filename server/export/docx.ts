import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { Block, FormField } from '../knowledge/schemas/forms';
import type { FilledForm, FilledValue } from '../forms/fill';

/**
 * The 申报书 as Word: A4, the cover page, section 一 as the bordered table of the form with
 * merged label cells, sections 二–四 as headings with the drafted text. It is the official form
 * the applicant signs, and prints only what the form holds: the materials checklist, what the
 * notice rules out for the enterprise and the system's checks stay in the app. Placeholders
 * 〔请补充：…〕 are highlighted so they are easy to find and fill before signing.
 */

// Chinese government forms use 宋体 for body text and 黑体 for headings. Viewers without these
// fonts substitute a CJK font for the eastAsia slot (LibreOffice: Noto CJK via fontconfig).
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman', hint: 'eastAsia' };
const HEI = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman', hint: 'eastAsia' };
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman', hint: 'eastAsia' };

const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1304, right: 1304 };
/** Five grid columns: group label, label, value, label, value (twips, sum = text width). */
const COLS = [900, 1500, 2500, 2000, 2398];
const SIZE = { body: 24, table: 21, small: 16, cover: 44, h1: 32, h2: 28 };

const PLACEHOLDER = /(〔请补充：[^〕]*〕)/;

/** Runs of a text with every placeholder highlighted. */
function runs(text: string, opts: { bold?: boolean; size?: number; font?: typeof SONG; color?: string } = {}): TextRun[] {
  return text
    .split(PLACEHOLDER)
    .filter((s) => s !== '')
    .map((s) =>
      PLACEHOLDER.test(s)
        ? new TextRun({ text: s, font: opts.font ?? SONG, size: opts.size ?? SIZE.table, bold: true, color: 'C00000', highlight: HighlightColor.YELLOW })
        : new TextRun({ text: s, font: opts.font ?? SONG, size: opts.size ?? SIZE.table, bold: opts.bold, color: opts.color }),
    );
}

function para(text: string, opts: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; font?: typeof SONG; indent?: boolean; color?: string; after?: number } = {}): Paragraph {
  const o: IParagraphOptions = {
    children: runs(text, opts),
    alignment: opts.align,
    spacing: { line: 300, lineRule: LineRuleType.AUTO, after: opts.after ?? 0 },
    indent: opts.indent ? { firstLine: (opts.size ?? SIZE.table) * 20 } : undefined,
  };
  return new Paragraph(o);
}

function span(from: number, n: number): number {
  return COLS.slice(from, from + n).reduce((a, b) => a + b, 0);
}

interface CellOpts {
  col: number;
  span?: number;
  rowSpan?: number;
  shade?: boolean;
  center?: boolean;
  bold?: boolean;
}

function cell(children: Paragraph[], o: CellOpts): TableCell {
  return new TableCell({
    children: children.length ? children : [new Paragraph('')],
    columnSpan: o.span && o.span > 1 ? o.span : undefined,
    rowSpan: o.rowSpan && o.rowSpan > 1 ? o.rowSpan : undefined,
    width: { size: span(o.col, o.span ?? 1), type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    shading: o.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } : undefined,
    margins: { top: 60, bottom: 60, left: 90, right: 90 },
  });
}

function labelCell(text: string, o: CellOpts): TableCell {
  return cell([para(text, { align: AlignmentType.CENTER, bold: o.bold })], { ...o, shade: true });
}

// A value's formula and a block's `note` are provenance for developers and the JSON API: the printed
// forms carry no such text, so the document shows only what the form itself prints.
function valueParas(v: FilledValue | undefined, hint?: string, center = false): Paragraph[] {
  if (!v) return [para('')];
  const out: Paragraph[] = [];
  if (v.missing && hint) out.push(para(hint, { size: SIZE.small, color: '7F7F7F' }));
  for (const line of v.text.split('\n')) out.push(para(line, { indent: v.text.length > 60, align: center ? AlignmentType.CENTER : undefined }));
  return out;
}

function valueCell(v: FilledValue | undefined, o: CellOpts, hint?: string): TableCell {
  return cell(valueParas(v, hint), o);
}

/** Distributes `total` grid columns over `n` value columns, the spare ones to the middle columns. */
function spans(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const out = Array(n).fill(base) as number[];
  for (let r = total - base * n, i = n > 2 ? 1 : 0; r > 0; r--, i++) out[i % n]! += 1;
  return out;
}

function section1Rows(form: FilledForm): TableRow[] {
  const rows: TableRow[] = [];
  const v = (f: FormField) => form.values[f.id];
  const row = (cells: TableCell[], cant = true) => rows.push(new TableRow({ children: cells, cantSplit: cant }));
  for (const b of form.spec.section1.blocks) renderBlock(b);
  return rows;

  function renderBlock(b: Block): void {
    switch (b.type) {
      case 'heading':
        row([cell([para(b.text, { bold: true, font: HEI })], { col: 0, span: 5, shade: true })]);
        return;
      case 'pairs': {
        const left = b.group ? 1 : 0;
        b.rows.forEach((pair, i) => {
          const cells: TableCell[] = [];
          if (b.group && i === 0) cells.push(labelCell(b.group, { col: 0, rowSpan: b.rows.length }));
          const labelSpan = b.group ? 1 : 2;
          cells.push(labelCell(pair[0]!.label, { col: left, span: labelSpan }));
          if (pair.length === 1) cells.push(valueCell(v(pair[0]!), { col: left + labelSpan, span: 5 - left - labelSpan }));
          else {
            cells.push(valueCell(v(pair[0]!), { col: 2 }));
            cells.push(labelCell(pair[1]!.label, { col: 3 }));
            cells.push(valueCell(v(pair[1]!), { col: 4 }));
          }
          row(cells);
        });
        return;
      }
      case 'matrix': {
        const data = form.matrices[b.id] ?? [];
        const left = b.group ? 1 : 0;
        const labelSpan = b.rows.every((r) => !r.label) ? 0 : b.group ? 1 : 2;
        const colSpans = spans(5 - left - labelSpan, b.columns.length);
        const hasHeader = b.columns.some((c) => c.label);
        const groupRows = b.rows.length + (hasHeader ? 1 : 0);
        if (hasHeader) {
          const cells: TableCell[] = [];
          if (b.group) cells.push(labelCell(b.group, { col: 0, rowSpan: groupRows }));
          if (labelSpan) cells.push(labelCell(b.group ? '' : b.label, { col: left, span: labelSpan, bold: !b.group }));
          let c = left + labelSpan;
          b.columns.forEach((col, k) => {
            cells.push(labelCell(col.label, { col: c, span: colSpans[k] }));
            c += colSpans[k]!;
          });
          row(cells);
        }
        b.rows.forEach((r, i) => {
          const cells: TableCell[] = [];
          if (b.group && !hasHeader && i === 0) cells.push(labelCell(b.group, { col: 0, rowSpan: groupRows }));
          if (labelSpan) cells.push(labelCell(r.label, { col: left, span: labelSpan }));
          let c = left + labelSpan;
          b.columns.forEach((_col, k) => {
            const val = data[i]?.[k];
            cells.push(cell(valueParas(val, undefined, true), { col: c, span: colSpans[k] }));
            c += colSpans[k]!;
          });
          row(cells);
        });
        return;
      }
      case 'cells': {
        b.fields.forEach((f, i) => {
          const cells: TableCell[] = [];
          if (b.group && i === 0) cells.push(labelCell(b.group, { col: 0, rowSpan: b.fields.length }));
          const wide = !b.group && f.target !== undefined;
          const left = b.group ? 1 : 0;
          const labelSpan = wide ? 1 : b.group ? 1 : 2;
          cells.push(labelCell(f.label, { col: left, span: labelSpan }));
          cells.push(valueCell(v(f), { col: left + labelSpan, span: 5 - left - labelSpan }, f.hint));
          // Long narrative rows may break across pages; short rows stay whole.
          row(cells, (v(f)?.text.length ?? 0) < 300);
        });
        return;
      }
      case 'workshops': {
        const ws = form.workshops.length ? form.workshops : [];
        const total = ws.length * b.fields.length;
        ws.forEach((w, i) => {
          b.fields.forEach((f, k) => {
            const cells: TableCell[] = [];
            if (i === 0 && k === 0) cells.push(labelCell(b.group, { col: 0, rowSpan: total }));
            if (k === 0) {
              const name = b.nameLabel.replace('{i}', String(i + 1)).replace('（名称）', w.name.missing ? w.name.text : w.name.text);
              cells.push(cell([para(name, { align: AlignmentType.CENTER })], { col: 1, rowSpan: b.fields.length, shade: true }));
            }
            cells.push(labelCell(f.label, { col: 2 }));
            cells.push(valueCell(w.cells[f.id], { col: 3, span: 2 }, f.hint));
            row(cells, (w.cells[f.id]?.text.length ?? 0) < 300);
          });
        });
        return;
      }
      case 'statement': {
        const content = [para(b.text, { indent: true }), para(''), ...b.signLines.map((s) => para(s, { align: AlignmentType.RIGHT }))];
        row([labelCell(b.label, { col: 0, span: 2 }), cell(content, { col: 2, span: 3 })]);
        return;
      }
    }
  }
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    children: runs(text, { font: HEI, size: level === 1 ? SIZE.h1 : SIZE.h2, bold: level === 2 }),
    spacing: { before: level === 1 ? 240 : 160, after: 120 },
    keepNext: true,
  });
}

function bodyParas(text: string): Paragraph[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) =>
      /^(（[一二三四五六七八九十]+）|【)/.test(l)
        ? new Paragraph({ children: runs(l, { font: HEI, size: SIZE.body }), spacing: { before: 120, after: 60 }, keepNext: true })
        : para(l, { size: SIZE.body, font: FANGSONG, indent: true, after: 60 }),
    );
}

function coverPage(form: FilledForm): Paragraph[] {
  const s = form.spec;
  const out: Paragraph[] = [];
  out.push(para(s.attachment, { size: SIZE.h2, font: HEI }));
  for (let i = 0; i < 4; i++) out.push(para(''));
  out.push(para(s.title, { size: SIZE.cover, bold: true, font: HEI, align: AlignmentType.CENTER, after: 120 }));
  if (s.subtitle) out.push(para(s.subtitle, { size: SIZE.h1, font: HEI, align: AlignmentType.CENTER }));
  for (let i = 0; i < 6; i++) out.push(para(''));
  for (const f of s.cover.fields) {
    const v = form.values[f.id];
    out.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${f.label}：`, font: HEI, size: SIZE.h2 }),
          ...(v ? runs(v.text, { size: SIZE.h2, font: FANGSONG }).map((r) => r) : []),
        ],
        indent: { left: 1200 },
        spacing: { before: 200, after: 200 },
        border: { bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } },
      }),
    );
  }
  for (let i = 0; i < 8; i++) out.push(para(''));
  out.push(para(s.cover.issuer, { size: SIZE.h2, font: HEI, align: AlignmentType.CENTER }));
  out.push(new Paragraph({ children: [new TextRun({ text: s.cover.issuerSuffix, font: HEI, size: SIZE.h2 })], alignment: AlignmentType.CENTER, pageBreakBefore: false }));
  return out;
}

/** A list number as the notice's forms print it: 「(一)」 → 「（一）」, 「(1)」 → 「（1）」. */
export function fullWidthNumbering(label: string): string {
  return label.replace(/\(([^()]+)\)/gu, '（$1）');
}

export async function renderDocx(form: FilledForm): Promise<Buffer> {
  const s = form.spec;
  const body: (Paragraph | Table)[] = [];
  body.push(heading(s.section1.title, 1));
  body.push(
    new Table({
      rows: section1Rows(form),
      width: { size: COLS.reduce((a, b) => a + b), type: WidthType.DXA },
      columnWidths: COLS,
      layout: TableLayoutType.FIXED,
    }),
  );
  for (const sec of [s.section2, s.section3]) {
    body.push(new Paragraph({ children: [], pageBreakBefore: sec === s.section2 }));
    body.push(heading(sec.title, 1));
    for (const it of sec.items) {
      body.push(heading(it.title, 2));
      body.push(para(`（${it.hint.replace(/[；;。]$/, '')}）`, { size: SIZE.small, color: '7F7F7F', after: 60 }));
      body.push(...bodyParas(form.drafts[it.section]?.text ?? ''));
    }
  }
  body.push(heading(s.section4.title, 1));
  const seen = new Set<string>();
  s.section4.items.forEach((it, k) => {
    // The clause id's 「(一)」 is the system's half-width reference; the form prints its list as the notice does, 「（一）」.
    const label = fullWidthNumbering(it.clause.replace(/^.*\.四/, ''));
    const first = !seen.has(label);
    seen.add(label);
    // The notice closes each item with 「；」 and the list's last with 「。」.
    const end = k === s.section4.items.length - 1 ? '。' : '；';
    body.push(para(`${first ? label : '　　'}${it.detail}${it.where ? `（${it.where}）` : ''}${end}`, { size: SIZE.body, font: FANGSONG, indent: !first, after: 40 }));
  });
  // The materials checklist (the app's 申报材料 panel and the self-assessment report), the notice's bar to this
  // enterprise (the drafts panel) and the system's checks of the facts (beside the fields they concern) are the
  // applicant's to read in the app: the exported file is the form the applicant signs, and prints none of them.

  const doc = new Document({
    creator: '智造申报助手',
    title: `${s.title}${s.subtitle ?? ''}`,
    styles: { default: { document: { run: { font: SONG, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN }, titlePage: true },
        children: coverPage(form),
      },
      {
        properties: { page: { size: A4, margin: MARGIN, pageNumbers: { start: 1 } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.small + 2 })] })],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
