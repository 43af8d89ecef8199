import { Worker } from 'node:worker_threads';
import type { Db, Queryable } from './db';

/**
 * PGlite in a worker thread, behind the same Db interface as PGlite in this thread.
 *
 * postgres runs as WebAssembly on whichever thread calls it. On the server's own thread its
 * start (about half a second) waited for the rest of the server to load, and every commit and
 * question-log write took time from the requests; in a thread of its own the database starts
 * while the knowledge loads, and statements run beside the requests on the second core.
 *
 * Statements, transactions and COPY go over messages. A transaction stays open in the worker
 * until this side ends it, so the same code runs in it as on the other backends.
 */

const WORKER = new URL('./pglite-worker.mjs', import.meta.url);

/** The WebAssembly module the first worker compiled: later ones (tests open many) reuse it. */
let compiled: WebAssembly.Module | undefined;

interface Call {
  resolve: (v: unknown) => void;
  reject: (err: Error) => void;
}

type Message =
  | { op: 'open'; dataDir?: string; startParams?: string[] }
  | { op: 'query'; sql: string; params?: unknown[]; csv?: string; tx?: number }
  | { op: 'exec'; sql: string; tx?: number }
  | { op: 'prepared'; name: string; sql: string; json: string }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

type WorkerMessage = { id?: number; ok?: boolean; result?: unknown; error?: Record<string, unknown>; module?: WebAssembly.Module };

/** A worker the compiled server's loader started before the bundle ran, and what it reported since. */
interface Prestarted {
  worker: Worker;
  messages: WorkerMessage[];
  error: Error | undefined;
  exitCode: number | undefined;
  /** Removes the loader's own listeners (removeAllListeners would remove Node's too). */
  detach(): void;
}

const PRESTARTED = Symbol.for('zhizao.pgliteThread');

function adoptPrestarted(): Prestarted | undefined {
  const g = globalThis as unknown as Record<symbol, Prestarted | undefined>;
  const early = g[PRESTARTED];
  g[PRESTARTED] = undefined;
  return early;
}

/** An error from the worker, with postgres's fields (code, detail…) as PGlite gives them. */
function rebuild(e: Record<string, unknown>): Error {
  const err = new Error(String(e.message));
  for (const [k, v] of Object.entries(e)) if (k !== 'message' && k !== 'stack') (err as unknown as Record<string, unknown>)[k] = v;
  return err;
}

export class PgliteThread {
  private readonly worker: Worker;
  private readonly calls = new Map<number, Call>();
  private nextId = 1;
  /** Set when the worker has stopped: every later call fails with it. */
  private gone: Error | undefined;
  private closed: Promise<void> | undefined;

  /**
   * Starts the worker at once: it loads PGlite and compiles its WebAssembly while the caller
   * prepares the directory. The compiled server's loader may have started one already
   * (scripts/server-loader.mjs); the first thread adopts it, with what it reported meanwhile.
   */
  constructor() {
    const early = adoptPrestarted();
    this.worker = early?.worker ?? new Worker(WORKER, { workerData: { wasmModule: compiled } });
    // Only a call in flight keeps the process alive (see call()).
    this.worker.unref();
    if (early) {
      early.detach();
      for (const m of early.messages) if (m.module) compiled ??= m.module;
      if (early.error) this.gone = new Error(`数据库线程出错 (database thread failed): ${early.error.message}`);
      else if (early.exitCode !== undefined) this.gone = new Error(`数据库线程已退出 (database thread exited, code ${early.exitCode})`);
    }
    this.worker.on('message', (m: WorkerMessage) => {
      if (m.module) {
        compiled ??= m.module;
        return;
      }
      const c = this.calls.get(m.id!);
      if (!c) return;
      this.calls.delete(m.id!);
      if (this.calls.size === 0) this.worker.unref();
      if (m.ok) c.resolve(m.result);
      else c.reject(rebuild(m.error ?? { message: 'unknown error' }));
    });
    const stop = (err: Error) => {
      this.gone ??= err;
      for (const c of this.calls.values()) c.reject(this.gone);
      this.calls.clear();
    };
    this.worker.on('error', (err) => stop(new Error(`数据库线程出错 (database thread failed): ${err.message}`)));
    this.worker.on('exit', (code) => stop(new Error(`数据库线程已退出 (database thread exited, code ${code})`)));
  }

  private call<T>(m: Message): Promise<T> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    if (this.calls.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, ...m });
    });
  }

  /** Starts postgres on the directory (undefined: in memory). */
  async open(dataDir: string | undefined, startParams?: string[]): Promise<Db> {
    await this.call({ op: 'open', dataDir, startParams });
    const queryable = (tx?: number): Queryable => ({
      query: <T>(sql: string, params?: unknown[]) => this.call<{ rows: T[]; affectedRows: number }>({ op: 'query', sql, params, tx }),
      exec: (sql: string) => this.call<void>({ op: 'exec', sql, tx }),
    });
    const q = queryable();
    return {
      kind: 'pglite',
      ...q,
      executePrepared: (name, sql, json) => this.call<void>({ op: 'prepared', name, sql, json }),
      transaction: async (fn) => {
        const tx = await this.call<number>({ op: 'begin' });
        let out;
        try {
          out = await fn(queryable(tx));
        } catch (err) {
          await this.call({ op: 'end', tx, commit: false }).catch(() => undefined);
          throw err;
        }
        await this.call({ op: 'end', tx, commit: true });
        return out;
      },
      withSchemaLock: (fn) => fn(q),
      copyCsv: async (table, columns, csv) => {
        await this.call({ op: 'query', sql: `copy ${table} (${columns}) from '/dev/blob' with (format csv)`, params: [], csv });
      },
      close: () => this.close(),
    };
  }

  /** Stops postgres cleanly (a checkpoint, so the next start has nothing to replay), then the thread. */
  close(): Promise<void> {
    this.closed ??= (async () => {
      try {
        if (!this.gone) await this.call({ op: 'close' });
      } finally {
        await this.worker.terminate();
      }
    })();
    return this.closed;
  }
}
