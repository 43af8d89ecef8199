import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const run = promisify(execFile);

/** The facts an audit report made here states; tests compare suggestions against these. */
export const AUDIT = {
  name: '洛阳恒宇轴承有限公司',
  creditCode: '91410300MA9F3R1L6C',
  foundedOn: '2011-04-20',
  registeredCapitalYuan: 50_000_000,
  address: '洛阳市涧西区华山北路18号',
  // 元, as audit tables print them; the form asks for 万元.
  years: ['2022', '2021', '2020'],
  rows: {
    totalAssets: ['资产总计', [612_345_678.9, 568_000_000, 520_000_000]],
    totalLiabilities: ['负债合计', [256_000_000, 241_000_000, 234_000_000]],
    revenue: ['营业收入', [860_000_000, 765_000_000, 680_000_000]],
    profit: ['利润总额', [63_000_000, 52_000_000, 41_000_000]],
    tax: ['税金及附加', [31_200_000, 26_500_000, 23_000_000]],
  } as Record<string, [string, number[]]>,
};

const yuan = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function para(text: string, bold = false) {
  return new Paragraph({ children: [new TextRun({ text, bold, font: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' } })] });
}

/**
 * A DOCX with the audit report's text: the opinion page with the company's particulars, and the statements.
 * With `pageBreaks`, the opinion, the particulars and the statements each start a new page (three pages).
 */
export async function auditDocx(opts: { pageBreaks?: boolean } = {}): Promise<Buffer> {
  const brk = () => new Paragraph({ children: [], pageBreakBefore: !!opts.pageBreaks });
  const cell = (t: string) => new TableCell({ width: { size: 2200, type: WidthType.DXA }, children: [para(t)] });
  const table = new Table({
    rows: [
      new TableRow({ children: ['项目', ...AUDIT.years.map((y) => `${y}年度`)].map(cell) }),
      ...Object.values(AUDIT.rows).map(([label, vals]) => new TableRow({ children: [cell(label), ...vals.map((v) => cell(yuan(v)))] })),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '审计报告', bold: true, size: 36 })] }),
          para(`${AUDIT.name}全体股东：`),
          para(`我们审计了${AUDIT.name}财务报表，包括2022年12月31日的资产负债表、2022年度的利润表。`),
          brk(),
          para('一、公司基本情况'),
          para(`公司名称：${AUDIT.name}`),
          para(`统一社会信用代码：${AUDIT.creditCode}`),
          para('成立日期：2011年4月20日'),
          para('注册资本：人民币5000万元'),
          para(`住所：${AUDIT.address}`),
          brk(),
          para('二、主要财务数据（单位：元）'),
          table,
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/**
 * An audit report laid out as real ones are: a copy of the business licence (labels letter-spaced,
 * no colons, two particulars on a line, capital in financial numerals), a balance sheet dated by
 * year end with a 附注 column, and an income statement for 2023 headed 本期金额 / 上期金额 with
 * numbered rows, each table cell its own paragraph. The forms ask for 2020–2022, so the 2023
 * figures have nowhere to go.
 */
export async function realLayoutDocx(): Promise<Buffer> {
  const cell = (t: string) => new TableCell({ width: { size: 2000, type: WidthType.DXA }, children: [para(t)] });
  const table = (rows: string[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) });
  const doc = new Document({
    sections: [
      {
        children: [
          para('营 业 执 照'),
          para(`统一社会信用代码 ${AUDIT.creditCode}`),
          para(`名 称 ${AUDIT.name} 注册资本 伍仟万圆整`),
          para('类 型 有限责任公司(自然人投资或控股) 成立日期 2011年04月20日'),
          para(`住 所 ${AUDIT.address} 营业期限 长期`),
          para('资产负债表'),
          para('2022年12月31日'),
          para('编制单位：洛阳恒宇轴承有限公司 单位：元'),
          table([
            ['项目', '附注', '2022年12月31日', '2021年12月31日'],
            ['资产总计', '', '612,345,678.90', '568,000,000.00'],
            ['负债合计', '五、20', '256,000,000.00', '241,000,000.00'],
          ]),
        ],
      },
      {
        children: [
          para('利润表'),
          para('2023年度'),
          para('编制单位：洛阳恒宇轴承有限公司 金额单位：人民币元'),
          table([
            ['项目', '附注', '本期金额', '上期金额'],
            ['一、营业收入', '五、30', '910,000,000.00', '860,000,000.00'],
            ['三、利润总额（亏损总额以“－”号填列）', '', '70,000,000.00', '63,000,000.00'],
          ]),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** Converts a DOCX to a text PDF with LibreOffice; `password` makes it an encrypted PDF. */
export async function docxToPdfFile(docx: Buffer, password?: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'zz-docs-'));
  try {
    writeFileSync(join(dir, 'in.docx'), docx);
    const filter = password
      ? `pdf:writer_pdf_Export:${JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: password } })}`
      : 'pdf';
    await run('soffice', [`-env:UserInstallation=file://${join(dir, 'p')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, join(dir, 'in.docx')], { timeout: 150_000 });
    return readFileSync(join(dir, 'in.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A one-page PDF whose only content is a grey image: what a scanner produces. Built by hand, no text layer. */
export function imageOnlyPdf(): Buffer {
  const w = 200;
  const h = 100;
  const pixels = deflateSync(Buffer.alloc(w * h, 0x80));
  const content = `q 400 0 0 200 100 500 cm /Im1 Do Q`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    null,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let pos = parts[0]!.length;
  objs.forEach((o, i) => {
    offsets.push(pos);
    const body =
      o === null
        ? Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`), pixels, Buffer.from('\nendstream\nendobj\n')])
        : Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`);
    parts.push(body);
    pos += body.length;
  });
  const xref = `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${pos}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}

/** A ZIP of the given entries, each deflated; enough of the format for a DOCX reader. */
function zip(entries: [string, Buffer][]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const nameBuf = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBuf.length, 26);
    local.push(head, nameBuf, packed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBuf);
    offset += head.length + nameBuf.length + packed.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

/**
 * A small DOCX whose text unpacks to `paragraphs` paragraphs: a few hundred kilobytes on the wire,
 * far more than a parser can hold once unpacked. What a hostile or runaway file looks like.
 */
export function expandingDocx(paragraphs: number): Buffer {
  const para = Buffer.from('<w:p><w:r><w:t>营业收入86000万元，利润总额6300万元。</w:t></w:r></w:p>');
  const body = Buffer.alloc(para.length * paragraphs);
  for (let i = 0; i < paragraphs; i++) para.copy(body, i * para.length);
  const doc = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'),
    body,
    Buffer.from('</w:body></w:document>'),
  ]);
  return zip([
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')],
    ['_rels/.rels', Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')],
    ['word/document.xml', doc],
  ]);
}

/** A one-file multipart/form-data body for app.inject, as a browser sends an upload. */
export function multipart(filename: string, data: Buffer) {
  const boundary = `----zz${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
