/**
 * N concurrent simulated enterprises through complete interviews over /api/chat, beside a
 * bare WebSocket echo route measured in the same run on the same server process.
 *
 *   npm run bench:interview -- [--clients 500] [--think-ms 2000] [--ramp-ms 5000] [--echo-messages 20] [--form] [--profile DIR]
 *                              [--postgres] [--instances 2] [--tsx]
 *
 * --no-cold-start skips the restart at the end. The server runs bundled by esbuild, as production
 * runs it (bench/compiled.ts); --tsx runs it from source instead.
 *
 * --postgres runs the server(s) on a throwaway PostgreSQL cluster (DATABASE_URL) instead of the
 * embedded database; --instances N starts N server processes on it and spreads the clients
 * over them round-robin (with the embedded database only one process can own DATA_DIR).
 * Cold start is measured once per run: from forking the server process to the first question
 * over the socket, beside a bare Fastify + WebSocket process started the same way.
 *
 * An interview runs from 'open' through eligibility, category and element questions until the
 * assessment is final (the next question is null or belongs to the 申报书 form phase); --form
 * continues through every form question as well (about 70 more turns per eligible enterprise).
 *
 * The server runs in a child process (as in production: its own event loop and its own
 * core), the simulated clients in this one. Latency is request → reply as the client sees it:
 * for the interview, from sending an answer to receiving its ack (stored durably) and to
 * receiving the next question (the full turn); for echo, from send to the echoed frame.
 * Each simulated user waits a random think time (0.5×–1.5× --think-ms) between turns, as a
 * person does; --think-ms 0 runs closed-loop to find the saturation throughput.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { QuestionView } from '../server/schemas/interview';
import type { ServerMessage } from '../server/schemas/ws';
import { applyAssessmentChanges } from '../server/chat/assessment-changes';
import { compiled } from './compiled';
import { answerFor, discreteFactory, ineligible, processFactory, workshop, type ScriptedEnterprise } from '../tests/chat/enterprises';

// ---------------------------------------------------------------------------- server side

async function serve(bare: boolean): Promise<void> {
  const Fastify = (await import('fastify')).default;
  const dataDir = process.env.BENCH_DATA_DIR!;
  // The first start creates the database (initdb), which on a busy machine outlasts the 10 s default, as in server/main.ts.
  const fastify = Fastify({ logger: false, pluginTimeout: 120_000 });
  if (bare) {
    // The cold-start baseline: the same runtime, framework and socket plugin, without the app.
    await fastify.register((await import('@fastify/websocket')).default);
  } else {
    const app = (await import('../server/app')).default;
    const { loadConfig } = await import('../server/config');
    const config = loadConfig({
      LOG_LEVEL: 'silent', DATA_DIR: dataDir, RATE_LIMIT_MAX: '10000000', SESSION_CREATE_MAX: '100000000', WS_MAX_PER_IP: '100000', WS_UPGRADE_MAX: '100000000',
      ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
    });
    await fastify.register(app, { config });
  }
  // The baseline: the same server, socket stack and loop, with no work per message.
  fastify.get('/bench/echo', { websocket: true }, (socket: WebSocket) => {
    socket.on('message', (data) => socket.send(data));
  });
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const port = (fastify.server.address() as { port: number }).port;
  let peak = process.memoryUsage().rss;
  let cpu0 = process.cpuUsage();
  // Linux: nanoseconds this thread spent runnable but waiting for a core, i.e. how much other
  // processes on the machine held the server up.
  const runqueueWaitNs = (): number => {
    try {
      return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);
    } catch {
      return NaN;
    }
  };
  let wait0 = runqueueWaitNs();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // rss() alone: the full memoryUsage() walks the heap's spaces, which every 50 ms showed up as about 1% of the server's CPU.
  setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50).unref();
  // --profile DIR: a V8 CPU profile of each measured phase (echo, interviews), from reset to stats,
  // so start-up work does not blur where a turn's time goes.
  const profileDir = process.env.BENCH_PROFILE_DIR;
  const inspector = profileDir ? new (await import('node:inspector/promises')).Session() : undefined;
  inspector?.connect();
  let profiling = false;
  let phase = 0;
  process.on('message', async (m: { cmd: string }) => {
    if (m.cmd === 'reset') {
      if (inspector && !profiling) {
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.start');
        profiling = true;
      }
      peak = process.memoryUsage().rss;
      cpu0 = process.cpuUsage();
      wait0 = runqueueWaitNs();
      loop.reset();
      process.send!({ cmd: 'reset-ok' });
    } else if (m.cmd === 'stats' || m.cmd === 'idle-stats') {
      peak = Math.max(peak, process.memoryUsage().rss);
      // Idle memory is read after a full collection, so it shows what the process keeps, not
      // when V8 last happened to collect.
      if (m.cmd === 'idle-stats') (globalThis as { gc?: () => void }).gc?.();
      const cpu = process.cpuUsage(cpu0);
      if (inspector && profiling) {
        profiling = false;
        const { profile } = await inspector.post('Profiler.stop');
        const { writeFileSync } = await import('node:fs');
        writeFileSync(join(profileDir!, `phase-${++phase}-${process.pid}.cpuprofile`), JSON.stringify(profile));
      }
      const mem = process.memoryUsage();
      process.send!({ cmd: 'stats', waitMs: (runqueueWaitNs() - wait0) / 1e6, peakRss: peak, rss: mem.rss, heapUsed: mem.heapUsed, heapTotal: mem.heapTotal, external: mem.external, loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6, cpuMs: (cpu.user + cpu.system) / 1000 });
    } else if (m.cmd === 'close') {
      void fastify.close().then(() => process.exit(0));
    }
  });
  process.send!({ cmd: 'ready', port });
}

// ---------------------------------------------------------------------------- client side

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} needs a non-negative number`);
  return v;
}

const CLIENTS = arg('clients', 500);
const THINK_MS = arg('think-ms', 2000);
const ECHO_MESSAGES = arg('echo-messages', 20);
const TURN_TIMEOUT_MS = 30_000;
const RAMP_MS = arg('ramp-ms', 5000);
const WITH_FORM = process.argv.includes('--form');
const PROFILE_DIR = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
const POSTGRES = process.argv.includes('--postgres');
const INSTANCES = Math.max(1, arg('instances', 1));

class Stats {
  readonly lat: number[] = [];
  errors = 0;
  errorSamples: string[] = [];
  sent = 0;
  received = 0;
  error(what: string): void {
    this.errors++;
    if (this.errorSamples.length < 5) this.errorSamples.push(what);
  }
  pct(p: number, list = this.lat): number {
    if (!list.length) return NaN;
    const s = [...list].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  }
}

const think = () => (THINK_MS ? new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random()))) : Promise.resolve());

function connect(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** One simulated enterprise: a whole interview, answering what it is asked. */
async function interview(url: string, e: ScriptedEnterprise, expectCategory: string | null, turn: Stats, ack: Stats, opens: Stats): Promise<number> {
  // Enterprises arrive over the ramp-up window, as people do, rather than in one instant.
  await new Promise((r) => setTimeout(r, Math.random() * RAMP_MS));
  let ws: WebSocket;
  try {
    ws = await connect(url);
  } catch (err) {
    turn.error(`connect: ${(err as Error).message}`);
    return 0;
  }
  let onMsg: ((m: ServerMessage) => void) | undefined;
  ws.on('message', (d) => {
    turn.received++;
    const m = JSON.parse(d.toString()) as ServerMessage;
    if (m.type === 'error') turn.error(`server error ${m.code}: ${m.message}`);
    onMsg?.(m);
  });
  const waitFor = (pred: (m: ServerMessage) => boolean, after?: (m: ServerMessage) => void) =>
    new Promise<ServerMessage>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('turn timed out')), TURN_TIMEOUT_MS);
      onMsg = (m) => {
        after?.(m);
        if (pred(m)) {
          clearTimeout(t);
          resolve(m);
        }
      };
    });
  try {
    let assessment: Extract<ServerMessage, { type: 'assessment' }>['assessment'] | undefined;
    const keep = (m: ServerMessage) => {
      if (m.type === 'assessment') assessment = m.assessment;
      // As the web client does: changes apply to the assessment sent before them.
      else if (m.type === 'assessment.changes') assessment = assessment && applyAssessmentChanges(assessment, m.changes);
    };
    let t0 = performance.now();
    const first = waitFor((m) => m.type === 'question', keep);
    ws.send(JSON.stringify({ type: 'open' }));
    turn.sent++;
    let q = ((await first) as Extract<ServerMessage, { type: 'question' }>).question as QuestionView | null;
    opens.lat.push(performance.now() - t0);
    let n = 0;
    // The assessment interview ends where the 申报书 form phase begins, unless --form asks for that too.
    while (q && (WITH_FORM || q.phase !== 'form')) {
      await think();
      const clientId = `b${++n}`;
      t0 = performance.now();
      const next = waitFor(
        (m) => m.type === 'question',
        (m) => {
          keep(m);
          if (m.type === 'ack' && m.clientId === clientId) ack.lat.push(performance.now() - t0);
        },
      );
      ws.send(JSON.stringify({ type: 'answer', clientId, questionId: q.id, value: answerFor(e, q) }));
      turn.sent++;
      q = ((await next) as Extract<ServerMessage, { type: 'question' }>).question;
      turn.lat.push(performance.now() - t0);
    }
    const got = assessment?.eligible ? assessment.category.recommended : null;
    if (got !== expectCategory) turn.error(`expected ${expectCategory}, got ${got} (${assessment?.verdict})`);
    return n;
  } catch (err) {
    turn.error((err as Error).message);
    return 0;
  } finally {
    ws.close();
  }
}

async function echoClient(url: string, messages: number, s: Stats): Promise<void> {
  // Connections arrive over the same ramp as the interviews: thousands of connects in one
  // instant overflow the listen backlog, which no real office does.
  await new Promise((r) => setTimeout(r, Math.random() * RAMP_MS));
  let ws: WebSocket;
  try {
    ws = await connect(url);
  } catch (err) {
    s.error(`connect: ${(err as Error).message}`);
    return;
  }
  const payload = JSON.stringify({ type: 'answer', clientId: 'b1', questionId: 'cap.mes', value: true });
  try {
    for (let i = 0; i < messages; i++) {
      await think();
      const t0 = performance.now();
      const got = new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('echo timed out')), TURN_TIMEOUT_MS);
        ws.once('message', () => {
          clearTimeout(t);
          resolve();
        });
      });
      ws.send(payload);
      s.sent++;
      await got;
      s.received++;
      s.lat.push(performance.now() - t0);
    }
  } catch (err) {
    s.error((err as Error).message);
  } finally {
    ws.close();
  }
}

function ask<T>(child: ChildProcess, cmd: string, reply: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { cmd: string }) => {
      if (m.cmd === reply) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
    child.send({ cmd });
  });
}

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const ms = (x: number) => `${x.toFixed(1)} ms`;

type ServerStats = { waitMs: number; peakRss: number; rss: number; heapUsed: number; heapTotal: number; external: number; loopP99Ms: number; loopMaxMs: number; cpuMs: number };

/** --tsx runs the server from source through tsx, as the tests do; by default it runs bundled, as production does. */
const TSX = process.argv.includes('--tsx');
let serverFile: string | undefined;

/** Forks one server process and resolves when it listens. */
function startServer(mode: '--serve' | '--serve-bare', env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  serverFile ??= TSX ? new URL(import.meta.url).pathname : compiled(new URL(import.meta.url).pathname);
  const child = fork(serverFile, [mode], {
    execArgv: TSX ? ['--import', 'tsx', '--expose-gc'] : ['--expose-gc'],
    env: { ...process.env, ...env, ...(PROFILE_DIR && mode === '--serve' ? { BENCH_PROFILE_DIR: PROFILE_DIR } : {}) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { cmd: string; port: number }) => (m.cmd === 'ready' ? resolve({ child, port: m.port }) : reject(new Error('bad start'))));
    child.once('exit', (c) => reject(new Error(`server exited ${c}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.send({ cmd: 'close' });
  await new Promise((r) => child.once('exit', r));
}

/** One request over a fresh socket: the first question of a new interview, or one echo. */
async function firstReply(url: string, echo: boolean): Promise<void> {
  const ws = await connect(url);
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('cold start: no reply')), TURN_TIMEOUT_MS);
    ws.on('message', (d) => {
      if (echo || (JSON.parse(d.toString()) as ServerMessage).type === 'question') {
        clearTimeout(t);
        resolve();
      }
    });
    ws.send(JSON.stringify({ type: 'open' }));
  });
  ws.close();
}

/**
 * Process start → first reply over the socket, as `npm start` runs the app: the compiled server
 * (dist/server/main.js, built first if its sources changed) restarted on the data directory (or
 * database) the run left behind, as after a deploy; beside it a bare Fastify + WebSocket process
 * started the same way (plain node, no TypeScript loader). Retries the socket until it listens.
 */
async function coldStart(env: Record<string, string>, dataDir: string): Promise<{ app: number; bare: number }> {
  const { spawn, spawnSync } = await import('node:child_process');
  const { createServer } = await import('node:net');
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) throw new Error('cold start: build failed');
  const freePort = () =>
    new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
  const bareScript =
    "const f = (await import('fastify')).default({ logger: false }); await f.register((await import('@fastify/websocket')).default);" +
    "f.get('/bench/echo', { websocket: true }, (s) => s.on('message', (d) => s.send(d))); await f.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });";
  const run = async (args: string[], path: string, echo: boolean, extra: Record<string, string>): Promise<number> => {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...extra, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'] });
    try {
      for (;;) {
        if (child.exitCode !== null) throw new Error(`cold start: server exited ${child.exitCode}`);
        try {
          await firstReply(`ws://127.0.0.1:${port}${path}`, echo);
          return performance.now() - t0;
        } catch (err) {
          if (!/ECONNREFUSED/.test(String((err as Error).message))) throw err;
          await new Promise((r) => setTimeout(r, 10));
        }
      }
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    }
  };
  const bare = await run(['--input-type=module', '-e', bareScript], '/bench/echo', true, {});
  const db: Record<string, string> = env.BENCH_DATABASE_URL ? { DATABASE_URL: env.BENCH_DATABASE_URL } : {};
  const app = await run(['dist/server/main.js'], '/api/chat', false, { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...db });
  return { app, bare };
}

async function main(): Promise<void> {
  const dataDirs: string[] = [];
  const cluster = POSTGRES ? (await import('../tests/store/pg-cluster')).startPgCluster() : undefined;
  if (!POSTGRES && INSTANCES > 1) throw new Error('--instances > 1 needs --postgres: the embedded database belongs to one process');
  const dbEnv: Record<string, string> = cluster ? { BENCH_DATABASE_URL: cluster.url() } : {};
  const children: ChildProcess[] = [];
  try {
    const started = [];
    for (let i = 0; i < INSTANCES; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'zhizao-bench-'));
      dataDirs.push(dataDir);
      // The embedded database is created by a first start, as on the first deploy; the measured
      // server restarts on it, as every later start does. (Creating it runs initdb, whose
      // memory stays in the process until a major collection: about 430 MB of RSS that a
      // server started on existing data never has.)
      if (!cluster) await stop((await startServer('--serve', { BENCH_DATA_DIR: dataDir })).child);
      // One after another: instances on PostgreSQL migrate under a lock anyway.
      started.push(await startServer('--serve', { ...dbEnv, BENCH_DATA_DIR: dataDir }));
      children.push(started.at(-1)!.child);
    }
    const ports = started.map((s) => s.port);
    const child = children[0]!;
    const port = ports[0]!;
    const statsAll = async (cmd: 'stats' | 'idle-stats' | 'reset'): Promise<ServerStats> => {
      const all = await Promise.all(children.map((c) => (cmd === 'reset' ? ask<ServerStats>(c, 'reset', 'reset-ok') : ask<ServerStats>(c, cmd, 'stats'))));
      if (cmd === 'reset') return all[0]!;
      // Memory and loop delay of the largest instance; CPU summed over all of them.
      return {
        peakRss: Math.max(...all.map((a) => a.peakRss)),
        rss: Math.max(...all.map((a) => a.rss)),
        heapUsed: Math.max(...all.map((a) => a.heapUsed)),
        heapTotal: Math.max(...all.map((a) => a.heapTotal)),
        external: Math.max(...all.map((a) => a.external)),
        loopP99Ms: Math.max(...all.map((a) => a.loopP99Ms)),
        loopMaxMs: Math.max(...all.map((a) => a.loopMaxMs)),
        cpuMs: all.reduce((n, a) => n + a.cpuMs, 0),
        waitMs: Math.max(...all.map((a) => a.waitMs)),
      };
    };
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start (other processes compete for the same cores)`);
    console.log(
      `bench:interview — ${CLIENTS} concurrent clients, think time ${THINK_MS} ms (±50%)${WITH_FORM ? ', including the form phase' : ''}, ` +
        `${POSTGRES ? `PostgreSQL, ${INSTANCES} instance(s)` : 'embedded PGlite'}, server pid(s) ${children.map((c) => c.pid).join(', ')} on 127.0.0.1:${ports.join(', ')}`,
    );
    const idle = await statsAll('idle-stats');

    // Baseline: bare echo on the same server.
    await ask(child, 'reset', 'reset-ok');
    const echo = new Stats();
    let t0 = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, () => echoClient(`ws://127.0.0.1:${port}/bench/echo`, ECHO_MESSAGES, echo)));
    const echoSecs = (performance.now() - t0) / 1000;
    const echoServer = await ask<ServerStats>(child, 'stats', 'stats');

    // The interviews.
    await statsAll('reset');
    const turn = new Stats();
    const ack = new Stats();
    const opens = new Stats();
    const scripts: [ScriptedEnterprise, string | null][] = [
      [workshop, 'smartWorkshop'],
      [discreteFactory, 'discreteFactory'],
      [processFactory, 'processFactory'],
      [ineligible, null],
    ];
    t0 = performance.now();
    const clientCpu0 = process.cpuUsage();
    const answered = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) => interview(`ws://127.0.0.1:${ports[i % ports.length]}/api/chat`, scripts[i % 4]![0], scripts[i % 4]![1], turn, ack, opens)),
    );
    const secs = (performance.now() - t0) / 1000;
    const clientCpu = process.cpuUsage(clientCpu0);
    const server = await statsAll('stats');
    // Idle memory after the run, once the sessions have gone quiet and V8 has had time to
    // give back heap it grew during the run.
    await new Promise((r) => setTimeout(r, 10_000));
    const after = await statsAll('idle-stats');
    const turns = answered.reduce((a, b) => a + b, 0);

    const rows = [
      ['', 'echo (baseline)', 'interview', 'ratio'],
      ['clients', String(CLIENTS), String(CLIENTS), ''],
      ['requests', String(echo.lat.length), `${turn.lat.length + opens.lat.length} (${turns} answers)`, ''],
      ['messages/s (in+out)', ((echo.sent + echo.received) / echoSecs).toFixed(0), ((turn.sent + turn.received) / secs).toFixed(0), ''],
      ['requests/s', (echo.lat.length / echoSecs).toFixed(0), ((turn.lat.length + opens.lat.length) / secs).toFixed(0), ''],
      ['p50 latency (answer → next question)', ms(echo.pct(50)), ms(turn.pct(50)), (turn.pct(50) / echo.pct(50)).toFixed(1) + '×'],
      ['p99 latency (answer → next question)', ms(echo.pct(99)), ms(turn.pct(99)), (turn.pct(99) / echo.pct(99)).toFixed(1) + '×'],
      ['p99 latency (all requests)', ms(echo.pct(99)), ms(turn.pct(99, [...turn.lat, ...opens.lat])), ''],
      ['p99 latency (→ ack, durable)', '', ms(ack.pct(99)), ''],
      ['p99 open → first question', '', ms(opens.pct(99)), ''],
      ['max latency', ms(echo.pct(100)), ms(turn.pct(100, [...turn.lat, ...opens.lat])), ''],
      ['server event-loop delay p99 / max', `${ms(echoServer.loopP99Ms)} / ${ms(echoServer.loopMaxMs)}`, `${ms(server.loopP99Ms)} / ${ms(server.loopMaxMs)}`, ''],
      ['server CPU per request', ms(echoServer.cpuMs / echo.lat.length), ms(server.cpuMs / (turn.lat.length + opens.lat.length)), ((server.cpuMs / (turn.lat.length + opens.lat.length)) / (echoServer.cpuMs / echo.lat.length)).toFixed(1) + '×'],
      ['server CPU busy', `${((echoServer.cpuMs / 1000 / echoSecs) * 100).toFixed(0)}%`, `${((server.cpuMs / 1000 / secs) * 100).toFixed(0)}%`, ''],
      ['server waiting for a free core', `${((echoServer.waitMs / 1000 / echoSecs) * 100).toFixed(0)}% of the time`, `${((server.waitMs / 1000 / secs) * 100).toFixed(0)}% of the time`, 'runnable but not running (/proc schedstat): other processes held the server up'],
      ['client simulator CPU busy', '', `${(((clientCpu.user + clientCpu.system) / 1e6 / secs) * 100).toFixed(0)}%`, 'of one core: near 100% means the simulator, not the server, sets the pace'],
      ['server peak RSS', mb(echoServer.peakRss), mb(server.peakRss), `idle (after a full GC) ${mb(idle.rss)} before, ${mb(after.rss)} after (${(((after.rss - idle.rss) / idle.rss) * 100).toFixed(0)}%)`],
      ['server JS heap used / committed / external', '', `${mb(server.heapUsed)} / ${mb(server.heapTotal)} / ${mb(server.external)}`, `idle ${mb(idle.heapUsed)} / ${mb(idle.heapTotal)} / ${mb(idle.external)} before, ${mb(after.heapUsed)} / ${mb(after.heapTotal)} / ${mb(after.external)} after`],
      ['errors', String(echo.errors), String(turn.errors), ''],
      ['wall time', `${echoSecs.toFixed(1)} s`, `${secs.toFixed(1)} s`, ''],
    ];
    const w = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(w[c]!)).join('  '));
    for (const e of [...echo.errorSamples, ...turn.errorSamples, ...opens.errorSamples]) console.log(`  error: ${e}`);
    const p99 = turn.pct(99, [...turn.lat, ...opens.lat]);
    const held = turn.errors === 0 && echo.errors === 0 && opens.errors === 0 && p99 < 50;
    // turn.lat holds answer turns only; opening a session (create + welcome) is reported on its own line.
    console.log(`capacity check (${CLIENTS} concurrent interviews, zero errors, p99 < 50 ms): ${held ? 'HELD' : 'NOT HELD'} (p99 ${ms(p99)}, ${turn.errors} errors)`);
    for (const c of children) await stop(c);
    if (process.argv.includes('--no-cold-start')) return;
    const cold = await coldStart(dbEnv, dataDirs[0]!);
    console.log(`cold start (fork → first question over the socket, restart on this run's data): ${cold.app.toFixed(0)} ms; bare Fastify + WebSocket process: ${cold.bare.toFixed(0)} ms (${(cold.app / cold.bare).toFixed(1)}×)`);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
    cluster?.stop();
  }
}

if (process.argv.includes('--serve')) void serve(false);
else if (process.argv.includes('--serve-bare')) void serve(true);
else
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
