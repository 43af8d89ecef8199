import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatClient, type SocketLike } from '../../web/lib/chat-client';
import type { ServerMessage } from '../../server/schemas/ws';

/** A socket the test drives by hand: it records what the client sent and can be dropped. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(msg: ServerMessage) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

const sessionMsg = (id = 's1'): ServerMessage => ({ type: 'session', sessionId: id, token: 'tok', resumed: false, transcript: [], answers: {} });

describe('ChatClient', () => {
  let sockets: FakeSocket[];
  let received: ServerMessage[];
  let statuses: string[];
  let client: ChatClient;

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    received = [];
    statuses = [];
    client = new ChatClient(
      { url: 'ws://test/api/chat', createSocket: () => (sockets.push(new FakeSocket()), sockets.at(-1)!), baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 },
      { onMessage: (m) => received.push(m), onStatus: (s) => statuses.push(s) },
    );
  });
  afterEach(() => {
    client.stop();
    vi.useRealTimers();
  });

  it('opens a session and remembers the id and token the server assigned', () => {
    client.start();
    sockets[0]!.open();
    expect(sockets[0]!.sent[0]).toEqual({ type: 'open', lastSeq: 0 });
    sockets[0]!.receive(sessionMsg());
    expect(client.sessionId).toBe('s1');
    expect(client.token).toBe('tok');
    expect(client.status).toBe('online');
  });

  it('queues a message while offline and sends it with the same clientId after the resume', () => {
    client.start();
    sockets[0]!.open();
    sockets[0]!.receive(sessionMsg());
    sockets[0]!.drop();
    expect(client.status).toBe('offline');
    client.send({ type: 'text', clientId: 'c1', text: '我们有MES' });
    expect(client.pending.map((m) => m.clientId)).toEqual(['c1']);

    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
    client.lastSeq = 7;
    sockets[1]!.open();
    expect(sockets[1]!.sent[0]).toEqual({ type: 'open', sessionId: 's1', token: 'tok', lastSeq: 7 });
    sockets[1]!.receive(sessionMsg());
    expect(sockets[1]!.sent[1]).toEqual({ type: 'text', clientId: 'c1', text: '我们有MES' });
    sockets[1]!.receive({ type: 'ack', clientId: 'c1', seq: 8 });
    expect(client.pending).toEqual([]);
  });

  it('resends a message that was sent but not acknowledged before the drop', () => {
    client.start();
    sockets[0]!.open();
    sockets[0]!.receive(sessionMsg());
    client.send({ type: 'answer', clientId: 'a1', questionId: 'cap.mes', value: true });
    expect(sockets[0]!.sent.at(-1)).toMatchObject({ clientId: 'a1' });
    sockets[0]!.drop();
    vi.advanceTimersByTime(100);
    sockets[1]!.open();
    sockets[1]!.receive(sessionMsg());
    expect(sockets[1]!.sent.filter((m) => m.clientId === 'a1')).toHaveLength(1);
  });

  it('backs off exponentially up to the maximum delay', () => {
    client.start();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = sockets.length;
      sockets.at(-1)!.drop();
      let waited = 0;
      while (sockets.length === before) {
        vi.advanceTimersByTime(10);
        waited += 10;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('treats a socket that stops answering pings as dead and reconnects', () => {
    client = new ChatClient(
      { url: 'ws://x', createSocket: () => (sockets.push(new FakeSocket()), sockets.at(-1)!), pingIntervalMs: 1000, pongTimeoutMs: 500, baseDelayMs: 100, random: () => 0.5 },
      { onMessage: (m) => received.push(m), onStatus: (s) => statuses.push(s) },
    );
    client.start();
    sockets[0]!.open();
    sockets[0]!.receive(sessionMsg());
    vi.advanceTimersByTime(1000);
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'ping' });
    vi.advanceTimersByTime(500);
    expect(client.status).toBe('offline');
    vi.advanceTimersByTime(100);
    expect(sockets).toHaveLength(2);
  });

  it('stops retrying after stop() and forgets queued messages', () => {
    client.start();
    sockets[0]!.drop();
    client.send({ type: 'text', clientId: 'c1', text: 'x' });
    client.stop();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    expect(client.pending).toEqual([]);
    expect(client.status).toBe('idle');
  });
});
