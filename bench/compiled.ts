import esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * A bench file bundled as production runs the server (scripts/build.mjs): esbuild output run by
 * plain node, not tsx. tsx keeps every function's name, which wraps each closure the engine
 * creates in a call; under load that alone took about a tenth of a turn's time.
 *
 * The bundle sits two levels below the repository, as dist/server does, so the server's paths
 * relative to its own module (../../prompts) resolve the same way; the workers the server starts
 * from files beside its module are copied beside it.
 */
export function compiled(entry: string): string {
  const outdir = join('dist', 'bench');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, basename(entry).replace(/\.ts$/, '.mjs'));
  esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    outfile,
  });
  copyFileSync('server/documents/parse-worker.mjs', join(outdir, 'parse-worker.mjs'));
  copyFileSync('server/store/pglite-worker.mjs', join(outdir, 'pglite-worker.mjs'));
  return outfile;
}
