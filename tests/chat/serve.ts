import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import { build, type Built } from '../helper';

export interface Served extends Built {
  url: string;
  http: string;
}

/** The real app listening on loopback, for real WebSocket clients. */
export async function serve(env: Record<string, string> = {}): Promise<Served> {
  const built = await build(env);
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = built.app.server.address() as AddressInfo;
  return { ...built, url: `ws://127.0.0.1:${port}/api/chat`, http: `http://127.0.0.1:${port}` };
}

/**
 * One server for the whole test file: started before its first test, closed after its last.
 * The returned object is filled in by then, so tests read `srv.url` as usual.
 */
export function serveForFile(env: Record<string, string> = {}): Served {
  const srv = {} as Served;
  beforeAll(async () => {
    Object.assign(srv, await serve(env));
  }, 180_000);
  afterAll(async () => {
    await srv.close?.();
  });
  return srv;
}
