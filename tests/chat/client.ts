import WebSocket from 'ws';
import { ServerMessage } from '../../server/schemas/ws';

type Msg = ServerMessage;
type OfType<T extends Msg['type']> = Extract<Msg, { type: T }>;

/**
 * A real WebSocket client for /api/chat. Every frame the server sends is parsed with the
 * ServerMessage schema, so a test fails as soon as the server breaks the contract.
 */
export class ChatClient {
  readonly received: Msg[] = [];
  private cursor = 0;
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(ServerMessage.parse(JSON.parse(data.toString())));
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static connect(url: string): Promise<ChatClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const c = new ChatClient(ws);
      ws.once('open', () => resolve(c));
      ws.once('error', reject);
    });
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** The next message (after everything already consumed) of the given type; earlier ones of other types are skipped. */
  async next<T extends Msg['type']>(type: T, timeoutMs = 10_000): Promise<OfType<T>> {
    return (await this.until((m) => m.type === type, timeoutMs)) as OfType<T>;
  }

  async until(pred: (m: Msg) => boolean, timeoutMs = 10_000): Promise<Msg> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (this.cursor < this.received.length) {
        const m = this.received[this.cursor++]!;
        if (pred(m)) return m;
      }
      if (this.closed) throw new Error('socket closed while waiting');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out; last messages: ${JSON.stringify(this.received.slice(-5)).slice(0, 800)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Messages received since the given index. */
  since(index: number): Msg[] {
    return this.received.slice(index);
  }

  get mark(): number {
    return this.received.length;
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
