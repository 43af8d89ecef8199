import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import app from '../../server/app';
import { loadConfig } from '../../server/config';
import { watchChatFrames } from './flow';

export { ROOT, ensureWebBuilt } from './web-build';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  app: FastifyInstance;
  /** Stops the server; open sockets are closed from the server side, as in a crash or a deploy. */
  stop(): Promise<void>;
}

/** The real app on a loopback port. Pass dataDir and port to restart "the same" server. */
export async function startServer(opts: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'zz-browser-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, RATE_LIMIT_MAX: '100000', HOST: '127.0.0.1', ...opts.env });
  const fastify = Fastify({ logger: false, pluginTimeout: 120_000 });
  await fastify.register(app, { config });
  await fastify.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const address = fastify.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    app: fastify,
    async stop() {
      const wss = (fastify as unknown as { websocketServer?: { clients: Set<{ terminate(): void }> } }).websocketServer;
      for (const c of wss?.clients ?? []) c.terminate();
      await fastify.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 860 }, locale: 'zh-CN' } as const;
export const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } as const;

/** Console errors the Content-Security-Policy raised on any page: a blocked script or style is a bug. */
export const cspViolations: string[] = [];
/** Uncaught exceptions in the page. */
export const pageErrors: string[] = [];

export async function newPage(browser: Browser, opts: Parameters<Browser['newContext']>[0] = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  watchChatFrames(page);
  page.on('dialog', (d) => void d.accept());
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return { context, page };
}
