import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ErrorCode, HttpError } from '../errors';

/**
 * Fixed-window counters per key, in this process's memory. One process per DATA_DIR is the
 * embedded deployment, so the counts are exact there; several instances behind one proxy each
 * count their own share (the proxy's limits are the shared ones, see docs/deploy.md).
 */
export class WindowCounter {
  private readonly counts = new Map<string, { n: number; resetAt: number }>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts one event for `key`; false when the key has used up its window. */
  take(key: string, now = Date.now()): boolean {
    let c = this.counts.get(key);
    if (!c || c.resetAt <= now) {
      if (this.counts.size > 10_000) for (const [k, v] of this.counts) if (v.resetAt <= now) this.counts.delete(k);
      c = { n: 0, resetAt: now + this.windowMs };
      this.counts.set(key, c);
    }
    if (c.n >= this.max) return false;
    c.n++;
    return true;
  }

  retryAfterSeconds(key: string, now = Date.now()): number {
    const c = this.counts.get(key);
    return c ? Math.max(1, Math.ceil((c.resetAt - now) / 1000)) : 1;
  }
}

export interface Limits {
  /** New sessions per IP, over HTTP and the socket together. */
  sessionCreate: WindowCounter;
  /** Open sockets per IP. */
  openSockets: Map<string, number>;
  /** Throws 429 when this IP may not create another session now. */
  takeSessionCreate(ip: string): void;
  /** Refuses a socket upgrade (before it happens) from another origin or past the per-IP cap. */
  guardUpgrade(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: Limits;
  }
}

function tooMany(message: string): HttpError {
  return new HttpError(429, ErrorCode.rateLimited, message);
}

/**
 * Whether a browser's Origin is this app's: PUBLIC_ORIGIN when set, else the Host the request
 * came to. Hosts are compared, not schemes: behind a TLS proxy the server may see plain HTTP
 * while the page is https, and a page on the same host is not a cross-site attacker.
 */
function sameOrigin(origin: string, request: FastifyRequest, configured: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return configured ? host === new URL(configured).host : host === request.host;
}

async function limits(fastify: FastifyInstance): Promise<void> {
  const c = fastify.config;
  const sessionCreate = new WindowCounter(c.SESSION_CREATE_MAX, c.SESSION_CREATE_WINDOW_MS);
  const openSockets = new Map<string, number>();
  fastify.decorate('limits', {
    sessionCreate,
    openSockets,
    takeSessionCreate(ip: string) {
      if (!sessionCreate.take(ip)) {
        throw tooMany(`新建会话过于频繁，请 ${sessionCreate.retryAfterSeconds(ip)} 秒后再试`);
      }
    },
    async guardUpgrade(request: FastifyRequest, reply: FastifyReply) {
      // Browsers always send Origin on a WebSocket; another site's page must not drive a
      // session here. Non-browser clients send none and are not affected.
      const origin = request.headers.origin;
      if (origin !== undefined && !sameOrigin(origin, request, c.PUBLIC_ORIGIN)) {
        return reply.status(403).send({ error: { code: 'FORBIDDEN_ORIGIN', message: `不接受来自 ${origin.slice(0, 100)} 的连接` } });
      }
      if ((openSockets.get(request.ip) ?? 0) >= c.WS_MAX_PER_IP) {
        return reply.status(429).send({ error: { code: ErrorCode.rateLimited, message: `同一地址打开的连接过多（上限 ${c.WS_MAX_PER_IP}）` } });
      }
    },
  });
}

export default fp(limits, { name: 'limits' });
