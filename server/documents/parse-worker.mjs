// Runs in a worker thread with a memory cap; the parent terminates it on a time limit.
// Plain JavaScript so it starts without a TypeScript loader in both the server and the tests.
import { parentPort, workerData } from 'node:worker_threads';

async function parse({ kind, data }) {
  const buf = Buffer.from(data);
  if (kind === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const r = await mammoth.extractRawText({ buffer: buf });
    return { pages: [r.value] };
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

parse(workerData).then(
  (r) => parentPort.postMessage({ ok: true, ...r }),
  (err) => {
    const name = err?.name ?? '';
    const reason = name === 'PasswordException' ? 'encrypted' : /InvalidPDF|FormatError|Corrupt|zip|end of central directory|Can't find end/i.test(`${name} ${err?.message}`) ? 'corrupt' : 'corrupt';
    parentPort.postMessage({ ok: false, reason, detail: String(err?.message ?? err).slice(0, 200) });
  },
);
