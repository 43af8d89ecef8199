// dist/server/main.js (copied here by scripts/build.mjs): runs the server bundle beside it
// (server.cjs) with V8's code cache. Parsing and compiling the bundle's functions was the largest
// share of a restart's CPU time; with the cache V8 takes their bytecode from a file instead.
//
// The cache is derived data only. Its file name carries a hash of the bundle and the Node version,
// and the file starts with a SHA-256 of the rest, so a cache from another build, a half-written or
// a damaged file is never handed to V8: the bundle is then compiled from source as without a cache,
// and a new cache is written. It is written once per bundle, after the start has compiled what a
// start and the first requests need, into a temporary file renamed into place. A directory that
// cannot be written just means no cache.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { Worker } from 'node:worker_threads';

const dir = dirname(fileURLToPath(import.meta.url));
const file = join(dir, 'server.cjs');
// The packages the bundle loads on first use are imported here, in a real ES module beside it
// (server/import-package.ts): an import() in code V8 took from the code cache fails on Node 20.
globalThis[Symbol.for('zhizao.importPackage')] = (specifier) => import(specifier);
prestartDatabaseThread();
if (process.sourceMapsEnabled) {
  // Node maps stack traces only for files its module loader compiled: with --enable-source-maps
  // the bundle is loaded that way, so traces name server/*.ts, and without the code cache.
  Module.createRequire(file)(file);
} else {
  runCached();
}

function runCached() {
  const source = readFileSync(file, 'utf8');
  const sha256 = (data) => createHash('sha256').update(data).digest();
  const key = createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 24);
  const cacheFile = join(dir, `server.${key}.code-cache`);

  function readCache() {
    try {
      const buf = readFileSync(cacheFile);
      const data = buf.subarray(32);
      return buf.length > 32 && sha256(data).equals(buf.subarray(0, 32)) ? data : undefined;
    } catch {
      return undefined;
    }
  }

  const cachedData = readCache();
  // No importModuleDynamically: the bundle's own import()s are gone (esbuild inlines the server's
  // modules) and its packages loaded on first use come through the import lent above.
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });

  let written = cachedData !== undefined && !script.cachedDataRejected;
  function writeCache() {
    if (written) return;
    written = true;
    try {
      const data = script.createCachedData();
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.concat([sha256(data), data]));
      renameSync(tmp, cacheFile);
      // Caches of earlier Node versions are of no further use.
      for (const name of readdirSync(dir)) if (name.endsWith('.code-cache') && join(dir, name) !== cacheFile) rmSync(join(dir, name), { force: true });
    } catch {
      // A read-only install starts without a cache.
    }
  }
  if (!written) {
    // Late enough that the start and the first requests have compiled what they use; on exit if sooner.
    setTimeout(writeCache, 20_000).unref();
    process.once('exit', writeCache);
  }

  const mod = new Module(file, undefined);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dir);
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, dir);
}

/**
 * The embedded database's thread (server/store/pglite-thread.ts) spends a few hundred
 * milliseconds loading PGlite and compiling its WebAssembly before it can open the database.
 * Started here, that overlaps with reading and running the bundle instead of following it; the
 * server adopts the thread. Not with DATABASE_URL (read as the server's config reads it: an empty
 * value is unset), where the server uses PostgreSQL instead.
 */
function prestartDatabaseThread() {
  const script = join(dir, 'pglite-worker.mjs');
  if (process.env.DATABASE_URL || !existsSync(script)) return;
  const worker = new Worker(script, { workerData: {} });
  worker.unref();
  // What happens before the server adopts it is kept for it (see PgliteThread), until detach().
  const early = { worker, messages: [], error: undefined, exitCode: undefined };
  const onMessage = (m) => early.messages.push(m);
  const onError = (err) => (early.error = err);
  const onExit = (code) => (early.exitCode = code);
  worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  early.detach = () => worker.off('message', onMessage).off('error', onError).off('exit', onExit);
  globalThis[Symbol.for('zhizao.pgliteThread')] = early;
}
