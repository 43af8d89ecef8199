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
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: buf });
  try {
    const r = await parser.getText();
    return { pages: r.pages.map((p) => p.text) };
  } finally {
    await parser.destroy();
  }
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
