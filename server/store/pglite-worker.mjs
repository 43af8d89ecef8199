// PGlite in its own thread (see pglite-thread.ts): postgres runs as WebAssembly on the thread
// that calls it, so here its start and every statement use this thread, not the server's.
// Plain JavaScript, so it starts without a TypeScript loader in both the server and the tests.
//
// Messages in: { id, op, ... }; out: { id, ok: true, result } or { id, ok: false, error }, plus
// one { module } once the WebAssembly module is compiled, for the next thread to reuse.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@electric-sql/pglite'));

// Loading the package, reading its files and compiling its WebAssembly start at once, while the
// parent prepares the data directory; `open` then only waits for what is not done yet.
const files = (async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  let pgliteWasmModule = workerData?.wasmModule;
  if (!pgliteWasmModule) {
    pgliteWasmModule = await WebAssembly.compile(readFileSync(join(dist, 'pglite.wasm')));
    parentPort.postMessage({ module: pgliteWasmModule });
  }
  return { PGlite, pgliteWasmModule, fsBundle: new Blob([readFileSync(join(dist, 'pglite.data'))]) };
})();
files.catch(() => undefined);

let db;
/** Names of the statements prepared on this connection (see `prepared`); PREPARE lasts as long as the connection. */
const preparedNames = new Set();
const txs = new Map();
let nextTx = 1;
const ROLLBACK = Symbol('rollback');

/** What crosses back of an error: its message and postgres's fields (code, detail, …). */
function errorOf(err) {
  const out = { message: String(err?.message ?? err), name: String(err?.name ?? 'Error') };
  for (const [k, v] of Object.entries(err ?? {})) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}

/**
 * A value as a dollar-quoted literal: nothing inside it is an escape, so only its own tag can end
 * it. The tag is chosen to occur first where it closes the literal: nowhere in the value, nor
 * across the value's end (a value ending in 「$v」 before 「$v$」).
 */
function dollarQuoted(value) {
  let tag = '$v$';
  for (let i = 0; (value + tag).indexOf(tag) !== value.length; i++) tag = `$v${i}$`;
  return `${tag}${value}${tag}`;
}

function on(m) {
  if (m.tx === undefined) {
    if (!db) throw new Error('database is not open');
    return db;
  }
  const t = txs.get(m.tx);
  if (!t) throw new Error(`transaction ${m.tx} is not open`);
  return t.tx;
}

async function handle(m) {
  switch (m.op) {
    case 'open': {
      const { PGlite, pgliteWasmModule, fsBundle } = await files;
      db = await PGlite.create({ dataDir: m.dataDir, startParams: [...PGlite.defaultStartParams, ...(m.startParams ?? [])], pgliteWasmModule, fsBundle });
      preparedNames.clear();
      return null;
    }
    case 'prepared': {
      // Parse and plan once, then run through the simple protocol: one message, no parse, bind or
      // describe round of the extended protocol. The value travels as a literal.
      if (!db) throw new Error('database is not open');
      if (!/^[a-z_][a-z0-9_]*$/.test(m.name)) throw new Error(`invalid statement name ${m.name}`);
      if (!preparedNames.has(m.name)) {
        await db.exec(`prepare ${m.name}(jsonb) as ${m.sql}`);
        preparedNames.add(m.name);
      }
      await db.exec(`execute ${m.name}(${dollarQuoted(m.json)})`);
      return null;
    }
    case 'query': {
      const r = await on(m).query(m.sql, m.params, m.csv === undefined ? undefined : { blob: new Blob([m.csv]) });
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    }
    case 'exec':
      await on(m).exec(m.sql);
      return null;
    case 'begin': {
      if (!db) throw new Error('database is not open');
      const id = nextTx++;
      const t = {};
      const started = new Promise((resolve) => (t.started = resolve));
      // The transaction stays open until `end`: its statements arrive one message at a time.
      t.finished = db.transaction(
        (tx) =>
          new Promise((resolve, reject) => {
            t.tx = tx;
            t.commit = resolve;
            t.rollback = reject;
            t.started();
          }),
      );
      t.finished.catch(() => undefined);
      txs.set(id, t);
      try {
        await Promise.race([started, t.finished]);
      } catch (err) {
        txs.delete(id);
        throw err;
      }
      return id;
    }
    case 'end': {
      const t = txs.get(m.tx);
      if (!t) throw new Error(`transaction ${m.tx} is not open`);
      txs.delete(m.tx);
      if (m.commit) t.commit();
      else t.rollback(ROLLBACK);
      try {
        await t.finished;
      } catch (err) {
        if (err !== ROLLBACK) throw err;
      }
      return null;
    }
    case 'close':
      if (db) await db.close();
      db = undefined;
      preparedNames.clear();
      return null;
    default:
      throw new Error(`unknown operation ${m.op}`);
  }
}

parentPort.on('message', (m) => {
  handle(m).then(
    (result) => parentPort.postMessage({ id: m.id, ok: true, result }),
    (err) => parentPort.postMessage({ id: m.id, ok: false, error: errorOf(err) }),
  );
});
