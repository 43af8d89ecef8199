import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps a console view current without a reload: `refresh` runs every `everyMs` while the page is visible, and at
 * once when the page is shown again (a tab switched back to, a phone unlocked). Staff pages talk to the server over
 * HTTP only, so what other people do (an enterprise submitting, a colleague reviewing) reaches the page this way.
 * A refresh still running when the next is due is not doubled.
 */
export class LiveRefresh implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly refresh: () => Promise<void>,
    private readonly everyMs: number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') this.run();
    }, this.everyMs);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    document.removeEventListener('visibilitychange', this.onVisible);
  }

  private readonly onVisible = (): void => {
    if (document.visibilityState === 'visible') this.run();
  };

  private run(): void {
    this.running ??= this.refresh().finally(() => (this.running = undefined));
  }
}
