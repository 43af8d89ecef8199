// Cold start of the compiled server: from spawning `node dist/server/main.js` to the first
// answered POST /api/ask. Runs `npm run build` output as is (build first). Usage:
//   node scripts/cold-start.mjs [--runs N] [--data-dir DIR] [--fresh]
// --fresh starts each run on a new, empty data directory (the first start of an install);
// otherwise one data directory is prepared by a first start and then reused, as after a restart.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const RUNS = Number(arg('--runs', '5'));
const FRESH = process.argv.includes('--fresh');
const ENTRY = arg('--entry', 'dist/server/main.js');
const EXTRA = (arg('--node-args', '') || '').split(' ').filter(Boolean);

/**
 * CPU time (user + system) so far, from /proc, of the process's main thread (`thread`) or of all
 * its threads; NaN where there is none. It varies far less with the machine's load than wall time
 * does, so runs on a busy machine can still be compared. The main thread's is what the server's
 * own start costs; all threads add the embedded database's thread, GC and WASM compilation.
 */
function cpuMs(pid, thread = true) {
  try {
    const f = readFileSync(thread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function once(dataDir) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...EXTRA, ENTRY], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  let ms;
  let cpu;
  let all;
  for (;;) {
    if (exited) throw new Error('server exited before answering');
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: '申报智能工厂需要什么条件？' }),
      });
      if (r.ok) {
        await r.json();
        ms = performance.now() - t0;
        cpu = cpuMs(child.pid);
        all = cpuMs(child.pid, false);
        break;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { ms, cpu, all };
}

const dirs = [];
const mk = () => {
  const d = mkdtempSync(join(tmpdir(), 'zhizao-cold-'));
  dirs.push(d);
  return d;
};
try {
  const shared = FRESH ? undefined : mk();
  if (shared) {
    const p = await once(shared);
    console.log(`prepare (fresh data dir): ${p.ms.toFixed(0)} ms, ${p.cpu.toFixed(0)} ms main-thread CPU, ${p.all.toFixed(0)} ms on all threads`);
  }
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(shared ?? mk()));
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const times = runs.map((r) => r.ms);
  console.log(
    `cold start to first answer (${FRESH ? 'fresh' : 'existing'} data dir), ${RUNS} runs: ` +
      `median ${med(times).toFixed(0)} ms wall, ${med(runs.map((r) => r.cpu)).toFixed(0)} ms main-thread CPU, ${med(runs.map((r) => r.all)).toFixed(0)} ms on all threads; min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)} ` +
      `[${runs.map((r) => `${r.ms.toFixed(0)}/${r.cpu.toFixed(0)}`).join(', ')} wall/CPU]; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
