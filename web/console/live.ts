import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The part of the browser's EventSource the controller uses, so a test can hand it a fake. */
export interface PushSource {
  readonly readyState: number;
  onerror: ((ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}

export interface LiveOptions {
  /** The server-sent event stream that says when the list changed. */
  url: string;
  /** How often the list is fetched while no push arrives (the stream is down, or the browser has no EventSource). */
  pollMs: number;
  /** How long to wait before opening a stream again that the server refused or closed for good. */
  reopenMs?: number;
  /** Opens the stream; the browser's EventSource unless a test passes its own. */
  open?: (url: string) => PushSource;
}

/** EventSource.CLOSED: the browser will not reconnect by itself. */
const CLOSED = 2;

/**
 * Keeps a console view current without a reload. The server pushes a `changed` event (over server-sent events) when
 * something the view shows changed, and `refresh` runs at once; the stream's `ready` event runs it too, to catch up
 * on what changed while it was down. While the stream is down (a proxy dropped it, the network changed, the browser
 * is reconnecting) the view falls back to fetching every `pollMs`, and once the stream is back the polling stops.
 * A hidden page fetches nothing and fetches at once when shown again (a tab switched back to, a phone unlocked).
 * A refresh asked for while one runs is not doubled: one more runs after it, since the one running may have read
 * the list before the change it is asked for.
 */
export class LiveRefresh implements ReactiveController {
  /** Whether pushes arrive now; false while the view polls. */
  live = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private reopen: ReturnType<typeof setTimeout> | undefined;
  private source: PushSource | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly refresh: () => Promise<void>,
    private readonly options: LiveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisible);
    this.connect();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.again = false;
    document.removeEventListener('visibilitychange', this.onVisible);
    this.stopPolling();
    clearTimeout(this.reopen);
    this.reopen = undefined;
    this.source?.close();
    this.source = undefined;
    this.live = false;
  }

  private connect(): void {
    const open = this.options.open ?? (typeof EventSource === 'function' ? (url: string) => new EventSource(url) as PushSource : undefined);
    if (!open) return this.startPolling();
    let source: PushSource;
    try {
      source = open(this.options.url);
    } catch {
      return this.startPolling();
    }
    this.source = source;
    source.addEventListener('ready', () => {
      this.setLive(true);
      this.stopPolling();
      this.runIfShown();
    });
    source.addEventListener('changed', () => this.runIfShown());
    source.onerror = () => {
      this.setLive(false);
      this.startPolling();
      // A refused stream (signed out, no longer a bureau) or one the browser gave up on is not retried by the
      // browser: it is opened again later, while the polling keeps the list current (and shows any sign-in error).
      if (source.readyState === CLOSED && this.source === source) {
        source.close();
        this.source = undefined;
        clearTimeout(this.reopen);
        this.reopen = setTimeout(() => {
          this.reopen = undefined;
          if (this.connected) this.connect();
        }, this.options.reopenMs ?? 60_000);
      }
    };
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    this.host.requestUpdate();
  }

  private startPolling(): void {
    this.timer ??= setInterval(() => this.runIfShown(), this.options.pollMs);
  }

  private stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private readonly onVisible = (): void => {
    if (document.visibilityState === 'visible') this.run();
  };

  private runIfShown(): void {
    if (document.visibilityState !== 'hidden') this.run();
  }

  private run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.refresh().finally(() => {
      this.running = undefined;
      if (this.again && this.connected) {
        this.again = false;
        this.run();
      }
    });
  }
}
