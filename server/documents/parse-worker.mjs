// Runs in a worker thread with a memory cap; the parent terminates it on a time limit.
// Plain JavaScript so it starts without a TypeScript loader in both the server and the tests.
import { parentPort, workerData } from 'node:worker_threads';

async function parse({ kind, data }) {
  const buf = Buffer.from(data);
  if (kind === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const r = await mammoth.extractRawText({ buffer: buf });
    // The body's text leaves out the page header, where a document may state what holds for every page
    // (「金额单位：万元」): its lines come first, as they stand at the top of each page.
    const head = await headerText(buf);
    return { pages: [head ? `${head}\n\n${r.value}` : r.value] };
  }
  if (kind === 'xlsx') return { pages: await sheetTexts(buf) };
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: buf });
  try {
    const r = await parser.getText();
    return { pages: r.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
}

/** A sheet Excel names by itself (「Sheet1」, 「工作表1」) says nothing of what it holds. */
const DEFAULT_SHEET = /^(?:sheet|工作表)\s*\d*$/i;

/** A date as a Chinese document prints it: a cell holding a date is read as 「2008年6月18日」, as a licence prints it. */
const cnDate = (d) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

/** A cell's text as Excel shows it: the figure in its number format, a formula's result, a date in words, rich text joined. */
function cellText(cell) {
  const v = cell.value;
  if (v instanceof Date) return cnDate(v);
  if (v && typeof v === 'object' && 'result' in v) return v.result instanceof Date ? cnDate(v.result) : cell.text;
  return cell.text;
}

/**
 * Each worksheet of an XLSX as one page of text, laid out as a DOCX's table reads: each cell that holds something on
 * a line of its own, row after row, a cell merged over others once. A sheet's own name (「设备清单」) heads its text
 * as a caption would, after a first row of one cell; hidden sheets are read too, as their figures are the workbook's.
 */
async function sheetTexts(buf) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  const pages = [];
  wb.eachSheet((ws) => {
    const rows = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells = [];
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const t = String(cellText(cell) ?? '').trim();
        if (t) cells.push(t);
      });
      if (cells.length) rows.push(cells);
    });
    // A first row of one cell is the sheet's letterhead or title (a supplier's name in A1 over its 报价单), printed
    // first as a DOCX prints its first line; the sheet's name follows it as a caption.
    const name = DEFAULT_SHEET.test(ws.name.trim()) ? [] : [ws.name.trim()];
    const [top, ...rest] = rows;
    const out = top && top.length === 1 ? [...top, ...name, ...rest.flat()] : [...name, ...rows.flat()];
    pages.push(out.join('\n\n'));
  });
  return pages;
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The distinct lines of a DOCX's page headers (word/header*.xml), each paragraph a line. */
async function headerText(buf) {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(buf);
  const lines = new Set();
  for (const name of Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).sort()) {
    const xml = await zip.files[name].async('string');
    for (const p of xml.split(/<\/w:p>/)) {
      const text = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => XML_ENTITIES[e]).trim();
      if (text) lines.add(text);
    }
  }
  return [...lines].join('\n');
}

parse(workerData).then(
  (r) => parentPort.postMessage({ ok: true, ...r }),
  (err) => {
    const name = err?.name ?? '';
    const reason = name === 'PasswordException' ? 'encrypted' : /InvalidPDF|FormatError|Corrupt|zip|end of central directory|Can't find end/i.test(`${name} ${err?.message}`) ? 'corrupt' : 'corrupt';
    parentPort.postMessage({ ok: false, reason, detail: String(err?.message ?? err).slice(0, 200) });
  },
);
