// Builds what `npm start` runs, each part only when its sources changed since the last build:
// - dist/web:    the page (vite), from web/;
// - dist/server: the server and the packages it loads at start as one bundle (esbuild), from server/;
// - dist/pglite-template: an empty embedded database (PGlite's initdb), per PGlite version.
// A content hash of the sources is stored beside each build, so a pull that changes web/ or
// server/ is always rebuilt (a stale page is never served) and an unchanged tree starts at once.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import esbuild from 'esbuild';

function hashOf(paths) {
  const h = createHash('sha256');
  const walk = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'node_modules' && !name.startsWith('.')) walk(join(p, name));
    } else {
      h.update(p).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  for (const p of paths) walk(p);
  return h.digest('hex');
}

/**
 * Packages left in node_modules and loaded from there: PGlite finds its WASM and data files next
 * to its own module; the others are imported only on first use (a document upload, a staff
 * export, a model call), so bundling them would only make every start parse them; the last two
 * are optional native add-ons `ws` tries to load.
 */
const SERVER_EXTERNAL = ['@electric-sql/pglite', 'exceljs', 'pdf-parse', 'mammoth', '@langchain/*', 'openai', 'pg', 'pg-native', 'bufferutil', 'utf-8-validate'];

/**
 * The server and the packages it needs at start as one CommonJS file, dist/server/server.cjs:
 * resolving and loading a few hundred files from node_modules was a third of a restart's CPU
 * time. CommonJS, because V8's code cache can then be used for it (scripts/server-loader.mjs,
 * copied to dist/server/main.js, runs it). `import.meta.url` keeps meaning the bundle's own URL.
 */
const SERVER_SOURCES = ['server', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs', 'scripts/server-loader.mjs'];

export function buildServer(outdir) {
  rmSync(outdir, { recursive: true, force: true });
  esbuild.buildSync({
    entryPoints: ['server/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: SERVER_EXTERNAL,
    // The build's identity names the caches of derived data the server keeps beside the bundle
    // (server/knowledge/read-cache.ts), so a new build never reads an old build's.
    define: { 'import.meta.url': '__importMetaUrl', 'process.env.ZHIZAO_BUILD_ID': JSON.stringify(hashOf(SERVER_SOURCES)) },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    sourcemap: true,
    logLevel: 'warning',
    outfile: join(outdir, 'server.cjs'),
  });
  copyFileSync('scripts/server-loader.mjs', join(outdir, 'main.js'));
  // The upload parser's and the embedded database's workers are started from their own files,
  // next to the module that starts them.
  copyFileSync('server/documents/parse-worker.mjs', join(outdir, 'parse-worker.mjs'));
  copyFileSync('server/store/pglite-worker.mjs', join(outdir, 'pglite-worker.mjs'));
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const parts = [
  {
    name: 'web',
    sources: ['web', 'package-lock.json'],
    out: 'dist/web',
    ready: 'dist/web/index.html',
    build: () => run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']),
  },
  {
    name: 'server',
    sources: SERVER_SOURCES,
    out: 'dist/server',
    ready: 'dist/server/main.js',
    build: () => buildServer('dist/server'),
  },
  {
    // initdb is seconds of WASM work; done once here, a new data directory starts as a copy of it
    // (server/main.ts) instead of paying for it on the server's first start. It depends only on
    // the PGlite version, which the hash of its package.json covers.
    name: 'pglite-template',
    sources: ['node_modules/@electric-sql/pglite/package.json'],
    out: 'dist/pglite-template',
    ready: 'dist/pglite-template/PG_VERSION',
    build: () => {
      const work = 'dist/pglite-template.building';
      rmSync(work, { recursive: true, force: true });
      run(process.execPath, [
        '--input-type=module',
        '-e',
        `const { PGlite } = await import('@electric-sql/pglite'); const db = await PGlite.create({ dataDir: ${JSON.stringify(work)} }); await db.close();`,
      ]);
      // The server copies the template only for the PGlite version that made it.
      const { version } = JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8'));
      writeFileSync(join(work, '.pglite-version'), `${version}\n`);
      rmSync('dist/pglite-template', { recursive: true, force: true });
      renameSync(work, 'dist/pglite-template');
    },
  },
];

export function build({ force = false } = {}) {
  for (const p of parts) {
    if (!existsSync(p.sources[0])) continue;
    const hash = hashOf(p.sources);
    const stamp = join(p.out, '.source-hash');
    const current = existsSync(stamp) && existsSync(p.ready) ? readFileSync(stamp, 'utf8').trim() : '';
    if (!force && current === hash) continue;
    console.log(`构建 ${p.name} (building ${p.name})…`);
    p.build();
    writeFileSync(stamp, `${hash}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) build({ force: process.argv.includes('--force') });
