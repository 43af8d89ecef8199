import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The LibreOffice binary on PATH, or null: PDF export is offered only where it can be made. */
export function findSoffice(pathEnv = process.env.PATH ?? ''): string | null {
  for (const dir of pathEnv.split(delimiter).filter(Boolean))
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        /* not here */
      }
    }
  return null;
}

/**
 * LibreOffice looked up when it is needed, not once at start: one installed (or removed) while the
 * server runs is seen by the next export. A found binary is remembered for `ttlMs`, so a burst of
 * exports does not search PATH each time; a missing one is looked for again on every call, which
 * costs a few stat calls.
 */
export function sofficeLocator(ttlMs = 10_000, find: () => string | null = () => findSoffice()): () => string | null {
  let found: { path: string; at: number } | undefined;
  return () => {
    const now = Date.now();
    if (found && now - found.at < ttlMs) return found.path;
    const path = find();
    found = path ? { path, at: now } : undefined;
    return path;
  };
}

export class PdfUnavailableError extends Error {}

// One conversion at a time: LibreOffice is heavy, and a burst of exports must not start one process each.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Converts a DOCX to PDF with `soffice --headless --convert-to pdf`. Each conversion gets its own
 * profile directory, so a LibreOffice the server's user has open elsewhere does not block it.
 */
export function docxToPdf(docx: Buffer, opts: { soffice?: string | null; timeoutMs?: number } = {}): Promise<Buffer> {
  const soffice = opts.soffice === undefined ? findSoffice() : opts.soffice;
  if (!soffice) return Promise.reject(new PdfUnavailableError('LibreOffice (soffice) is not installed'));
  const run = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zz-pdf-'));
    try {
      const src = join(dir, 'form.docx');
      await writeFile(src, docx);
      await new Promise<void>((resolve, reject) => {
        execFile(
          soffice,
          [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, src],
          { timeout: opts.timeoutMs ?? 120_000, killSignal: 'SIGKILL' },
          // A binary removed since it was found is LibreOffice missing, not a failed conversion.
          (err) => (err ? reject((err as NodeJS.ErrnoException).code === 'ENOENT' ? new PdfUnavailableError('LibreOffice (soffice) is not installed') : err) : resolve()),
        );
      });
      return await readFile(join(dir, 'form.pdf'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  const p = queue.then(run, run);
  queue = p.catch(() => undefined);
  return p;
}
