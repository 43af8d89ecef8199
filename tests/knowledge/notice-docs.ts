import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds a notice the way the 工业和信息化厅 publishes one: a Word-processor document with a
 * running header, a page-number footer, A4 pages that wrap long lines, and a page break
 * before every attachment. LibreOffice renders it to PDF and DOCX, so the ingester meets
 * the same damage as on a real download (wrapped lines, repeated headers, page numbers).
 */

export function findSoffice(): string | null {
  for (const p of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice']) if (existsSync(p)) return p;
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** ODF collapses runs of spaces and drops tabs unless they are written as elements. */
function inline(line: string): string {
  return line
    .split(/(\t| {2,}|^ +)/)
    .map((part) => {
      if (part === '\t') return '<text:tab/>';
      if (/^ +$/.test(part)) return `<text:s text:c="${part.length}"/>`;
      return esc(part);
    })
    .join('');
}

export interface NoticeDocOptions {
  header: string;
  /** Lines before which a page break is forced (the attachment headings of a real notice). */
  breakBefore?: RegExp;
}

export function flatOdt(text: string, opts: NoticeDocOptions): string {
  const breakBefore = opts.breakBefore ?? /^附件\d+$/;
  const paras = text.split(/\r?\n/).map((line) => {
    const style = breakBefore.test(line.trim()) ? 'PB' : 'Body';
    // Leading tabs and spaces are the padding of a flattened table, not indentation; every line starts at the margin.
    const body = line.replace(/^[\s\u3000]+/, '').trimEnd();
    return body ? `<text:p text:style-name="${style}">${inline(body)}</text:p>` : `<text:p text:style-name="${style}"/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:text-properties style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="PB" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="HF" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="A4">
  <style:header><text:p text:style-name="HF">${esc(opts.header)}</text:p></style:header>
  <style:footer><text:p text:style-name="HF">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
${paras.join('\n')}
</office:text></office:body></office:document>
`;
}

/** Renders the notice text to `<dir>/<name>.pdf` and `.docx` with LibreOffice; returns both paths. */
export function renderNotice(soffice: string, text: string, name: string, opts: NoticeDocOptions, dir = mkdtempSync(join(tmpdir(), 'zhizao-notice-'))): { pdf: string; docx: string; dir: string } {
  const src = join(dir, `${name}.fodt`);
  writeFileSync(src, flatOdt(text, opts));
  // A private profile keeps parallel runs from fighting over the user's LibreOffice profile lock.
  const profile = `-env:UserInstallation=file://${join(dir, 'lo-profile')}`;
  for (const target of ['pdf', 'docx:MS Word 2007 XML']) {
    execFileSync(soffice, [profile, '--headless', '--convert-to', target, '--outdir', dir, src], { stdio: 'pipe', timeout: 180_000 });
  }
  const pdf = join(dir, `${name}.pdf`);
  const docx = join(dir, `${name}.docx`);
  if (!existsSync(pdf) || !existsSync(docx)) throw new Error(`LibreOffice did not write ${name}.pdf/.docx in ${dir}`);
  return { pdf, docx, dir };
}
