import type { ClientMessage, ServerMessage } from '../../server/schemas/ws';

/** The subset of the browser WebSocket the client uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline';

export type UserMessage = Extract<ClientMessage, { clientId: string }>;

export interface ChatClientOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  /** First retry delay; doubles per failed attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A socket that has not answered a ping within this time is treated as dead (half-open mobile links). */
  pingIntervalMs?: number;
  pongTimeoutMs?: number;
  random?: () => number;
}

export interface ChatClientCallbacks {
  /** Every server message, in order, after the client updated its own bookkeeping. */
  onMessage(msg: ServerMessage): void;
  onStatus(status: ConnectionStatus, detail: { attempt: number; retryInMs?: number }): void;
}

const OPEN = 1;

/**
 * Owns the socket: opens or resumes the session, keeps user messages until the server
 * acknowledges them, and reconnects with exponential backoff. A message resent after a
 * reconnect carries the same clientId, so the server acknowledges it as a duplicate rather than
 * applying it twice.
 */
export class ChatClient {
  private socket: SocketLike | null = null;
  private readonly outbox = new Map<string, UserMessage>();
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private pongTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private ready = false;
  private _status: ConnectionStatus = 'idle';

  sessionId: string | undefined;
  token: string | undefined;
  /** Highest transcript seq the caller has fully received; sent on resume so only newer entries replay. */
  lastSeq = 0;

  constructor(
    private readonly opts: ChatClientOptions,
    private readonly cb: ChatClientCallbacks,
  ) {}

  get status(): ConnectionStatus {
    return this._status;
  }

  /** Messages sent but not yet acknowledged, oldest first. */
  get pending(): UserMessage[] {
    return [...this.outbox.values()];
  }

  /** What the user came for; only a new session's greeting depends on it. */
  mode: 'interview' | 'qa' | undefined;

  start(session?: { sessionId: string; token: string }, mode?: 'interview' | 'qa'): void {
    this.mode = mode;
    this.sessionId = session?.sessionId;
    this.token = session?.token;
    this.stopped = false;
    this.attempt = 0;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    this.ready = false;
    if (s) {
      s.onclose = s.onerror = s.onmessage = s.onopen = null;
      try {
        s.close(1000, 'bye');
      } catch {
        /* already closed */
      }
    }
    this.outbox.clear();
    this.setStatus('idle');
  }

  /** Queues a user message; it goes out now if the session is open, otherwise after the next resume. */
  send(msg: UserMessage): void {
    this.outbox.set(msg.clientId, msg);
    if (this.ready) this.write(msg);
  }

  /** Drops a message the server refused, so it is not resent on reconnect. */
  discard(clientId: string): void {
    this.outbox.delete(clientId);
  }

  /** The browser says the network is back: retry now instead of waiting out the backoff. */
  retryNow(): void {
    if (this.stopped || this._status === 'online' || this._status === 'connecting') return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.connect();
  }

  /** The browser says the network is gone: do not wait for a TCP timeout to notice. */
  dropNow(): void {
    if (this.socket) this.handleClose();
  }

  private connect(): void {
    this.clearTimers();
    this.setStatus('connecting');
    let socket: SocketLike;
    try {
      socket = (this.opts.createSocket ?? ((u) => new WebSocket(u) as unknown as SocketLike))(this.opts.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.raw({ type: 'open', sessionId: this.sessionId, token: this.token, lastSeq: this.lastSeq, ...(this.mode ? { mode: this.mode } : {}) });
      this.startHeartbeat();
    };
    socket.onmessage = (ev) => this.handleData(ev.data);
    socket.onerror = () => {
      /* a close event always follows */
    };
    socket.onclose = () => this.handleClose();
  }

  private handleData(data: unknown): void {
    let msg: ServerMessage;
    try {
      msg = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;
    this.armPong();
    switch (msg.type) {
      case 'session':
        this.sessionId = msg.sessionId;
        this.token = msg.token;
        this.ready = true;
        this.attempt = 0;
        this.setStatus('online');
        break;
      case 'ack':
        this.outbox.delete(msg.clientId);
        break;
      case 'error':
        if (msg.clientId) this.outbox.delete(msg.clientId);
        break;
      default:
        break;
    }
    this.cb.onMessage(msg);
    // Resend only after the caller has seen the session (and its replay), so acks find their bubbles.
    if (msg.type === 'session') for (const m of this.outbox.values()) this.write(m);
  }

  private handleClose(): void {
    const s = this.socket;
    this.socket = null;
    this.ready = false;
    if (s) {
      s.onclose = s.onerror = s.onmessage = s.onopen = null;
      try {
        s.close();
      } catch {
        /* already closed */
      }
    }
    this.clearTimers();
    if (this.stopped) return;
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const base = this.opts.baseDelayMs ?? 500;
    const max = this.opts.maxDelayMs ?? 10_000;
    const exp = Math.min(max, base * 2 ** this.attempt);
    // Jitter spreads reconnects after a server restart so hundreds of clients do not arrive at once.
    const delay = Math.round(exp * (0.75 + 0.5 * (this.opts.random ?? Math.random)()));
    this.attempt += 1;
    this.setStatus('offline', delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private startHeartbeat(): void {
    const every = this.opts.pingIntervalMs ?? 20_000;
    this.pingTimer = setInterval(() => {
      if (!this.socket || this.socket.readyState !== OPEN) return;
      this.raw({ type: 'ping' });
      if (!this.pongTimer) {
        this.pongTimer = setTimeout(() => this.handleClose(), this.opts.pongTimeoutMs ?? 10_000);
      }
    }, every);
  }

  private armPong(): void {
    if (this.pongTimer) clearTimeout(this.pongTimer);
    this.pongTimer = null;
  }

  private write(msg: ClientMessage): void {
    this.raw(msg);
  }

  private raw(msg: ClientMessage): void {
    if (this.socket && this.socket.readyState === OPEN) this.socket.send(JSON.stringify(msg));
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    if (this.pongTimer) clearTimeout(this.pongTimer);
    this.retryTimer = this.pingTimer = this.pongTimer = null;
  }

  private setStatus(status: ConnectionStatus, retryInMs?: number): void {
    this._status = status;
    this.cb.onStatus(status, { attempt: this.attempt, retryInMs });
  }
}
