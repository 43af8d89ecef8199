import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { serve, type Served } from '../chat/serve';
import { ChatClient } from '../chat/client';
import { PgliteStore } from '../../server/store/pglite';

describe('metrics', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('exposes HTTP and socket latency, open sockets and sessions in Prometheus text format', async () => {
    await s.app.inject({ method: 'POST', url: '/api/sessions' });
    const c = await ChatClient.connect(s.url);
    c.send({ type: 'open' });
    await c.next('session');
    c.send({ type: 'ping' });
    await c.next('pong');
    const res = await fetch(`${s.http}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^http_request_duration_seconds_count\{method="POST",route="\/api\/sessions",status="201"\} 1$/m);
    expect(text).toMatch(/^chat_open_sockets 1$/m);
    expect(text).toMatch(/^chat_message_duration_seconds_count\{type="open"\} 1$/m);
    expect(text).toMatch(/^sessions_created_total\{via="http"\} 1$/m);
    expect(text).toMatch(/^sessions_created_total\{via="socket"\} 1$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    for (const name of ['answers_total', 'model_calls_total', 'model_call_duration_seconds']) expect(text).toContain(`# TYPE ${name}`);
    c.ws.close();
  });
});

describe('graceful shutdown', () => {
  it('closes sockets with 1012 (reconnect), commits the turns already received, and releases the data directory', async () => {
    const s = await serve();
    const dataDir = s.config.DATA_DIR;
    try {
      const c = await ChatClient.connect(s.url);
      c.send({ type: 'open' });
      const session = await c.next('session');
      const closed = new Promise<number>((r) => c.ws.once('close', (code) => r(code)));
      c.send({ type: 'text', clientId: 'last', text: '我们是离散制造企业' });
      await c.next('ack');
      await s.app.close();
      expect(await closed).toBe(1012);
      // The lock was released and every acknowledged turn is on disk.
      const store = await PgliteStore.open({ dataDir });
      try {
        const entries = await store.transcriptAfter(session.sessionId, 0);
        expect(entries.find((e) => e.clientId === 'last')?.text).toBe('我们是离散制造企业');
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
