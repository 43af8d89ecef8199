// `npm run bench:ask`: offline Q&A speed. In-process answers/sec with p50/p99 over the dev
// questions, then HTTP throughput of POST /api/ask beside a bare Fastify JSON route measured
// in the same run, so the ratio does not depend on the machine.
import Fastify from 'fastify';
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import app from '../server/app';
import { loadConfig } from '../server/config';
import { createKnowledgeBase } from '../server/knowledge/base';
import { loadKnowledgeData } from '../server/knowledge/load';
import { answerQuestion } from '../server/qa/answer';
import { installErrorHandler } from '../server/errors';
import knowledge from '../server/plugins/knowledge';
import askRoutes from '../server/routes/ask';
import { compiled } from './compiled';

const DURATION_S = Number(process.argv.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 2);
const ROUNDS = 2;
const questions: string[] = (JSON.parse(readFileSync('tests/fixtures/questions.json', 'utf8')) as { q: string }[]).map((x) => x.q);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function inProcess(): void {
  const config = loadConfig({});
  const kb = createKnowledgeBase(loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION));
  for (let i = 0; i < 2000; i++) answerQuestion(kb, questions[i % questions.length]!); // JIT warm-up
  const times: number[] = [];
  const start = performance.now();
  const rounds = 200;
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      answerQuestion(kb, q);
      times.push(performance.now() - t);
    }
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  console.log(`in-process answerQuestion over ${questions.length} dev questions × ${rounds}:`);
  console.log(`  ${Math.round((times.length / total) * 1000)} answers/s, p50 ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms, max ${times.at(-1)!.toFixed(3)} ms`);
}

/** The server process's CPU time, read from the bare server (all servers share one process). */
let cpuUrl = '';
async function serverCpuUs(): Promise<number> {
  const c = (await (await fetch(cpuUrl)).json()) as { user: number; system: number };
  return c.user + c.system;
}

interface Load {
  rps: number;
  /** Server CPU time per request: unlike req/s, it hardly moves when other work shares the machine. */
  cpuUs: number;
}

async function load(url: string, bodies: string[] | null | 'GET'): Promise<Load> {
  const path = new URL(url).pathname;
  const headers = { 'content-type': 'application/json' };
  let n = 0;
  const requests = bodies === 'GET'
    ? [{ method: 'GET' as const, path }]
    : bodies
    ? bodies.map((body) => ({ method: 'POST' as const, path, headers, body }))
    : // Every request a new question: measures the uncached path (segmentation, scoring, quoting).
      [{ method: 'POST' as const, path, headers, setupRequest: (req: any) => ({ ...req, body: JSON.stringify({ question: `${questions[n % questions.length]}（${n++}）` }) }) }];
  const cpu0 = await serverCpuUs();
  const result = await autocannon({ url, connections: 10, duration: DURATION_S, requests });
  // Deferred work (the question log is written in batches, at most a second later) is charged to
  // the run that caused it: the CPU is read once that batch has been written.
  await new Promise((r) => setTimeout(r, 1500));
  const cpuUs = ((await serverCpuUs()) - cpu0) / result.requests.total;
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, cpuUs };
}

/**
 * The servers run in a child process and autocannon in this one: with both in one event loop the
 * load generator's own parsing of the (larger) answers was charged to /api/ask.
 */
async function serve(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhizao-bench-'));
  // Same process setup for every server; the rate limit is raised so it never trips during the run.
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, RATE_LIMIT_MAX: '100000000', SESSION_CREATE_MAX: '100000000', WS_MAX_PER_IP: '100000', WS_UPGRADE_MAX: '100000000' });
  const full = Fastify({ logger: false, pluginTimeout: 120_000 });
  await full.register(app, { config });
  // The same JSON route inside the full app: the baseline that pays the same app shell as /api/ask.
  full.post('/bench/bare', async (req) => ({ ok: true, echo: (req.body as { question?: string }).question ?? '' }));
  // The ask route alone (knowledge plugin, error handler, route; no helmet, rate limit or store)
  // separates the cost of answering from the cost of the app shell every route pays.
  const alone = Fastify({ logger: false });
  alone.decorate('config', config);
  installErrorHandler(alone);
  await alone.register(knowledge);
  await alone.register(askRoutes);
  const bare = Fastify({ logger: false });
  bare.post('/bare', async (req) => ({ ok: true, echo: (req.body as { question?: string }).question ?? '' }));
  bare.get('/bench/cpu', async () => process.cpuUsage());
  const urls = {
    full: await full.listen({ host: '127.0.0.1', port: 0 }),
    bare: await bare.listen({ host: '127.0.0.1', port: 0 }),
    alone: await alone.listen({ host: '127.0.0.1', port: 0 }),
  };
  process.stdout.write(`READY ${JSON.stringify(urls)}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await Promise.all([full.close(), bare.close(), alone.close()]);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
}

async function startServers(): Promise<{ urls: { full: string; bare: string; alone: string }; stop(): void }> {
  // Bundled as production runs the server (bench/compiled.ts); --tsx runs it from source.
  const args = process.argv.includes('--tsx') ? ['--import', 'tsx', fileURLToPath(import.meta.url)] : [compiled(fileURLToPath(import.meta.url))];
  const child = spawn(process.execPath, [...args, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const urls = await new Promise<{ full: string; bare: string; alone: string }>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /READY (\{.*\})\n/.exec(buf);
      if (m) resolve(JSON.parse(m[1]!));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { urls, stop: () => child.stdin!.end() };
}

async function http(): Promise<void> {
  const { urls, stop } = await startServers();
  cpuUrl = `${urls.bare}/bench/cpu`;
  try {
    const bodies = questions.map((question) => JSON.stringify({ question }));
    // Alternate the servers so a burst of load from elsewhere on the machine hits all alike.
    const runs: Record<'bare' | 'ask' | 'health' | 'alone' | 'shellBare' | 'uncached' | 'bare2', Load[]> = { bare: [], ask: [], health: [], alone: [], shellBare: [], uncached: [], bare2: [] };
    for (let r = 0; r < ROUNDS; r++) {
      runs.bare.push(await load(`${urls.bare}/bare`, bodies));
      runs.ask.push(await load(`${urls.full}/api/ask`, bodies));
      runs.health.push(await load(`${urls.full}/api/health`, 'GET'));
      runs.alone.push(await load(`${urls.alone}/api/ask`, bodies));
      runs.shellBare.push(await load(`${urls.full}/bench/bare`, bodies));
      runs.uncached.push(await load(`${urls.full}/api/ask`, null));
      runs.bare2.push(await load(`${urls.bare}/bare`, bodies));
    }
    const avg = (k: keyof typeof runs, f: keyof Load) => runs[k].reduce((a, x) => a + x[f], 0) / runs[k].length;
    const bareRps = (avg('bare', 'rps') + avg('bare2', 'rps')) / 2;
    const bareCpu = (avg('bare', 'cpuUs') + avg('bare2', 'cpuUs')) / 2;
    const line = (label: string, k: keyof typeof runs, target = '') =>
      console.log(`  ${label}: ${Math.round(avg(k, 'rps'))} req/s = ${((avg(k, 'rps') / bareRps) * 100).toFixed(1)}% of bare; server CPU ${Math.round(avg(k, 'cpuUs'))} µs/request = bare's cost ÷ this ${((bareCpu / avg(k, 'cpuUs')) * 100).toFixed(1)}%${target}`);
    console.log(`HTTP (servers in a child process, autocannon here, 10 connections, ${ROUNDS}×${DURATION_S}s alternating, 127.0.0.1):`);
    console.log(`  bare Fastify JSON route: ${Math.round(bareRps)} req/s, server CPU ${Math.round(bareCpu)} µs/request`);
    line('POST /api/ask, dev questions (full app: helmet, rate limit, validation, question log, answer cache)', 'ask', ' (target ≥ 60%)');
    line('reference: GET /api/health on the full app (no work)', 'health');
    line('reference: bare JSON route inside the full app', 'shellBare');
    line('POST /api/ask on the ask route alone (no helmet, rate limit, store)', 'alone');
    line('POST /api/ask, every question new (no cache hit)', 'uncached', ' (target ≥ 50%)');
    console.log('  req/s ratios follow the load on the machine; the CPU ratios hardly do, and equal the req/s ratios on an idle machine.');
  } finally {
    stop();
  }
}

if (process.argv.includes('--serve')) {
  await serve();
} else {
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')}`);
  inProcess();
  await http();
}
