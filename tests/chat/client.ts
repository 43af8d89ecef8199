import WebSocket from 'ws';
import { ServerMessage } from '../../server/schemas/ws';
import type { Assessment } from '../../server/schemas/profile';
import { applyAssessmentChanges } from '../../server/chat/assessment-changes';

type Msg = ServerMessage;
type OfType<T extends Msg['type']> = Extract<Msg, { type: T }>;

/**
 * A real WebSocket client for /api/chat. Every frame the server sends is parsed with the
 * ServerMessage schema, so a test fails as soon as the server breaks the contract.
 *
 * `wire` holds the frames as sent. `received` holds what the page works with: an
 * `assessment.changes` frame is applied to the assessment before it, the way the web client
 * applies it, and appears there as the whole `assessment` it amounts to.
 */
export class ChatClient {
  readonly received: Msg[] = [];
  readonly wire: Msg[] = [];
  private assessment: Assessment | undefined;
  private cursor = 0;
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = ServerMessage.parse(JSON.parse(data.toString()));
      this.wire.push(m);
      if (m.type === 'assessment') this.assessment = m.assessment;
      if (m.type === 'assessment.changes') {
        if (!this.assessment) throw new Error('assessment.changes before any whole assessment on this connection');
        this.assessment = applyAssessmentChanges(this.assessment, m.changes);
        this.received.push({ type: 'assessment', assessment: this.assessment, progress: m.progress });
      } else this.received.push(m);
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
