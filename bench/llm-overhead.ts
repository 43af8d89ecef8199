/**
 * `npm run bench:llm` — what the app adds on top of the model, measured in one run:
 *   direct: POST /v1/chat/completions on the fake provider, streamed, read with fetch;
 *   app:    the same question over the chat socket (mode 'qa'), from sending the frame to the
 *           first message.delta of the answer and to message.end.
 * The fake streams the same answer both ways with the same per-token delay, so the difference
 * is the app: socket parsing, the durable store write and ack, offline retrieval, prompt
 * composition, the SDK, the citation check and the socket frames back.
 * Options: --n=60 (iterations), --delay=3 (ms between streamed tokens).
 */
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import app from '../server/app';
import { loadConfig } from '../server/config';
import { qaMessages } from '../server/llm/prompts';
import { lastUserContent, startFakeOpenAI, type RecordedRequest, type Reply } from '../tests/fakes/openai-server';

const arg = (name: string, dflt: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
const N = arg('n', 60);
const DELAY = arg('delay', 3);
const WARMUP = 5;
const QUESTION = '集团下属的子公司能否申报？';
const ANSWER_BODY = '可以。通知只排除以集团、总公司名义申报，集团旗下具有独立法人资格、以生产制造为主营业务的单体子公司可以自身名义申报';

/** Wall-clock milliseconds comparable across the two processes. */
const now = () => performance.timeOrigin + performance.now();
let lastQaRequestAt = 0;
function policy(req: RecordedRequest): Reply {
  const sys = req.body.messages[0]?.content ?? '';
  if (sys.includes('访谈主持人')) return { kind: 'text', text: '请问贵企业是否在河南省境内注册？' };
  process.send?.({ qaRequestAt: now() });
  const id = /^\[([^\]]+)\] /m.exec(lastUserContent(req))?.[1] ?? '二(一)';
  return { kind: 'text', text: `${ANSWER_BODY}〔${id}〕。` };
}

async function direct(url: string): Promise<{ first: number; total: number }> {
  const body = JSON.stringify({
    model: 'fake-chat',
    stream: true,
    stream_options: { include_usage: true },
    messages: qaMessages({ question: QUESTION, clauses: [{ id: '二(一)', title: '申报主体', text: '在河南省境内注册，具有独立法人资格的单体制造业企业。' }] }),
  });
  const t0 = performance.now();
  const res = await fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x' }, body });
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let first = 0;
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    if (!first && /"content":"[^"]+"/.test(buf)) first = performance.now() - t0;
  }
  return { first, total: performance.now() - t0 };
}

class Socket {
  private queue: unknown[] = [];
  private wake: (() => void) | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      this.queue.push(JSON.parse(d.toString()));
      this.wake?.();
    });
  }
  static open(url: string): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(new Socket(ws)));
      ws.once('error', reject);
    });
  }
  async next(pred: (m: { type: string; [k: string]: unknown }) => boolean): Promise<{ type: string; [k: string]: unknown }> {
    for (;;) {
      while (this.queue.length) {
        const m = this.queue.shift() as { type: string };
        if (pred(m)) return m;
      }
      await new Promise<void>((r) => (this.wake = r));
    }
  }
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/**
 * The fake provider runs in its own process, as a real provider would: in one process its request
 * handling would queue behind the app's own work (the embedded database shares the thread).
 */
async function startFakeProcess(): Promise<{ url: string; close(): void }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve-fake', `--delay=${DELAY}`], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', (m: { qaRequestAt?: number }) => {
    if (m.qaRequestAt) lastQaRequestAt = m.qaRequestAt;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url?: string }) => (m.url ? resolve(m.url) : reject(new Error('fake did not start'))));
    child.once('exit', () => reject(new Error('fake exited')));
  });
  return { url, close: () => child.kill() };
}

async function main(): Promise<void> {
  const fake = await startFakeProcess();
  const dataDir = mkdtempSync(join(tmpdir(), 'zhizao-bench-llm-'));
  const server = Fastify({ logger: false, pluginTimeout: 120_000 });
  await server.register(app, {
    config: loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, RATE_LIMIT_MAX: '1000000', SESSION_CREATE_MAX: '100000000', WS_MAX_PER_IP: '100000', WS_UPGRADE_MAX: '100000000', LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-chat', LLM_API_KEY: 'sk-bench', LLM_MAX_RETRIES: '0' }),
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.server.address() as AddressInfo;
  const sock = await Socket.open(`ws://127.0.0.1:${port}/api/chat`);
  sock.ws.send(JSON.stringify({ type: 'open' }));
  await sock.next((m) => m.type === 'session');
  await sock.next((m) => m.type === 'question');

  const d = { first: [] as number[], total: [] as number[] };
  const a = { first: [] as number[], total: [] as number[], ackToFirst: [] as number[], toAck: [] as number[], toRequest: [] as number[] };
  for (let i = 0; i < N + WARMUP; i++) {
    const r = await direct(fake.url);
    const clientId = `b${i}`;
    const t0 = performance.now();
    const t0wall = now();
    sock.ws.send(JSON.stringify({ type: 'text', clientId, mode: 'qa', text: QUESTION }));
    await sock.next((m) => m.type === 'ack' && m.clientId === clientId);
    const tAck = performance.now();
    const start = await sock.next((m) => m.type === 'message.start');
    await sock.next((m) => m.type === 'message.delta' && m.id === start.id);
    const tFirst = performance.now();
    const end = await sock.next((m) => m.type === 'message.end' && m.id === start.id);
    const tEnd = performance.now();
    if (!String(end.text).startsWith('可以。')) throw new Error(`unexpected answer (fallback?): ${String(end.text).slice(0, 60)}`);
    await sock.next((m) => m.type === 'question');
    if (i < WARMUP) continue;
    d.first.push(r.first);
    d.total.push(r.total);
    a.first.push(tFirst - t0);
    a.total.push(tEnd - t0);
    a.ackToFirst.push(tFirst - tAck);
    a.toAck.push(tAck - t0);
    a.toRequest.push(lastQaRequestAt - t0wall);
  }
  sock.ws.close();
  await server.close();
  fake.close();
  rmSync(dataDir, { recursive: true, force: true });

  const f = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
  console.log(`LLM overhead (fake provider in its own process, ${DELAY} ms/token, ${N} runs after ${WARMUP} warm-up, same run)`);
  console.log(`                         p50         p95`);
  console.log(`direct  first token  ${f(pct(d.first, 50))} ${f(pct(d.first, 95))}`);
  console.log(`app     first token  ${f(pct(a.first, 50))} ${f(pct(a.first, 95))}`);
  console.log(`  send→ack          ${f(pct(a.toAck, 50))} ${f(pct(a.toAck, 95))}   (the durable store write before the ack; offline mode pays it too)`);
  console.log(`  send→model request${f(pct(a.toRequest, 50))} ${f(pct(a.toRequest, 95))}   (the model call starts while the entry is stored)`);
  console.log(`  ack→first token   ${f(pct(a.ackToFirst, 50))} ${f(pct(a.ackToFirst, 95))}   (retrieval, prompt, SDK, model, citation check, socket)`);
  console.log(`direct  total        ${f(pct(d.total, 50))} ${f(pct(d.total, 95))}`);
  console.log(`app     total        ${f(pct(a.total, 50))} ${f(pct(a.total, 95))}`);
  const over = pct(a.first, 50) - pct(d.first, 50);
  const overAfterAck = pct(a.ackToFirst, 50) - pct(d.first, 50);
  console.log(`app adds to first token at p50: ${over.toFixed(1)} ms end to end (target < 10 ms) — ${over < 10 ? 'met' : 'NOT met'}`);
  console.log(`  of which the LLM path after the ack: ${overAfterAck.toFixed(1)} ms — ${overAfterAck < 10 ? 'met' : 'NOT met'}`);
  console.log(`app adds to total at p50:       ${(pct(a.total, 50) - pct(d.total, 50)).toFixed(1)} ms`);
}

if (process.argv.includes('--serve-fake')) {
  void startFakeOpenAI({ chunkDelayMs: DELAY, fallback: policy }).then((f) => process.send!({ url: f.url }));
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
