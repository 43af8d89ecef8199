import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * A new data directory's database starts as a copy of the empty one `npm start` built
 * (PGLITE_TEMPLATE) when that was made by the installed PGlite version; otherwise PGlite runs
 * initdb itself. Only a directory that does not exist yet is ever filled (open.ts), and the copy
 * is renamed into place whole, so a start that dies halfway leaves no half-made database behind.
 */
export function templateSeeder(template: string): ((pgliteDir: string) => Promise<void>) | undefined {
  const dir = resolve(template);
  let installed: string;
  try {
    const pkg = join(createRequire(import.meta.url).resolve('@electric-sql/pglite'), '..', '..', 'package.json');
    installed = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
  const made = existsSync(join(dir, '.pglite-version')) ? readFileSync(join(dir, '.pglite-version'), 'utf8').trim() : '';
  if (made !== installed || !existsSync(join(dir, 'PG_VERSION'))) return undefined;
  return async (pgliteDir) => {
    // Ours alone: the data directory lock is held, so no other process is seeding it.
    const work = `${pgliteDir}.seeding`;
    rmSync(work, { recursive: true, force: true });
    cpSync(dir, work, { recursive: true, filter: (src) => !['.pglite-version', '.source-hash'].includes(src.slice(dir.length + 1)) });
    renameSync(work, pgliteDir);
  };
}
