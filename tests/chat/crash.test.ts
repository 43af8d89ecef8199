import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatClient } from './client';
import { answerFor, discreteFactory } from './enterprises';
import type { AnswerValue, QuestionView } from '../../server/schemas/interview';

const dataDir = mkdtempSync(join(tmpdir(), 'zhizao-crash-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the real server (server/main.ts) on a free port and resolves with its base URL once it listens. */
function startServer(): Promise<{ proc: ChildProcess; port: number }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', RATE_LIMIT_MAX: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 150_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/i.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]) });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

describe('crash safety', () => {
  it('keeps every acknowledged answer when the server is killed with SIGKILL mid-interview', async () => {
    const first = await startServer();
    const c = await ChatClient.connect(`ws://127.0.0.1:${first.port}/api/chat`);
    c.send({ type: 'open' });
    const { sessionId, token } = await c.next('session');
    let q: QuestionView | null = (await c.next('question')).question;
    const acked: Record<string, AnswerValue> = {};
    for (let i = 0; i < 12 && q; i++) {
      const value = answerFor(discreteFactory, q);
      const clientId = `k-${i}`;
      c.send({ type: 'answer', clientId, questionId: q.id, value });
      await c.until((m) => m.type === 'ack' && m.clientId === clientId);
      acked[q.id] = value;
      if (i < 11) q = (await c.next('question')).question;
    }
    // Killed right after the last ack, without waiting for anything else: no graceful close runs.
    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));
    expect(Object.keys(acked).length).toBe(12);

    const second = await startServer();
    const r = await ChatClient.connect(`ws://127.0.0.1:${second.port}/api/chat`);
    r.send({ type: 'open', sessionId, token, lastSeq: 0 });
    const s = await r.next('session');
    expect(s.resumed).toBe(true);
    expect(s.answers).toEqual(acked);
    const userEntries = s.transcript.filter((e) => e.role === 'user');
    expect(userEntries.map((e) => e.clientId)).toEqual(Array.from({ length: 12 }, (_, i) => `k-${i}`));
    // The interview carries on from where it was.
    const next = (await r.next('question')).question;
    expect(next).not.toBeNull();
    expect(Object.keys(acked)).not.toContain(next!.id);
    await r.close();
    second.proc.kill('SIGTERM');
    await new Promise((res) => second.proc.once('exit', res));
  }, 400_000);
});
