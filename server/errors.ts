import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { cleanInput, InputShapeError } from './schemas/text';

/** Stable error codes; clients branch on these, never on message text. */
export const ErrorCode = {
  badRequest: 'BAD_REQUEST',
  validation: 'VALIDATION_FAILED',
  notFound: 'NOT_FOUND',
  rateLimited: 'RATE_LIMITED',
  tooLarge: 'PAYLOAD_TOO_LARGE',
  internal: 'INTERNAL',
} as const;

/** What a 5xx says: never its internals, which the log keeps with the request id. */
export const INTERNAL_MESSAGE = '服务器内部错误，请稍后再试 (internal error)';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function notFound(what = '资源'): HttpError {
  return new HttpError(404, ErrorCode.notFound, `${what}不存在 (not found)`);
}

/** An error reply names at most this many fields, each briefly: a huge invalid body must not produce a huge reply. */
const MAX_ISSUES = 10;
const MAX_ISSUE_CHARS = 200;

const clip = (s: string) => (s.length > MAX_ISSUE_CHARS ? `${s.slice(0, MAX_ISSUE_CHARS)}…` : s);

/** Turns a zod failure into a 400 whose message names each bad field (the first few of them). */
export function validationError(err: ZodError, where = 'body'): HttpError {
  const issues = err.issues.slice(0, MAX_ISSUES).map((i) => ({
    field: clip([where, ...i.path].join('.')),
    message: clip(i.message),
  }));
  const more = err.issues.length - issues.length;
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ') + (more > 0 ? `; 另有 ${more} 处 (and ${more} more)` : '');
  return new HttpError(400, ErrorCode.validation, `请求参数有误 (invalid request) — ${summary}`, issues);
}

/**
 * Every HTTP input passes here: the shared text and shape rules (schemas/text.ts), then its schema.
 */
export function parseOr400<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, where = 'body'): T {
  let cleaned: unknown;
  try {
    cleaned = cleanInput(value, where);
  } catch (err) {
    if (err instanceof InputShapeError) {
      throw new HttpError(400, ErrorCode.validation, `请求参数有误 (invalid request) — ${err.field}: ${err.message}`, [{ field: err.field, message: err.message }]);
    }
    throw err;
  }
  const r = schema.safeParse(cleaned);
  if (!r.success) throw validationError(r.error, where);
  return r.data;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError | ZodError, req, reply) => {
    if (err instanceof ZodError) {
      const e = validationError(err);
      return reply.status(400).send({ error: { code: e.code, message: e.message, details: e.details } });
    }
    if (err instanceof HttpError) {
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status < 500) {
      const code =
        status === 429 ? ErrorCode.rateLimited : status === 413 ? ErrorCode.tooLarge : ErrorCode.badRequest;
      const message =
        (err as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
          ? `请求体不是合法的 JSON (malformed JSON body): ${clip(err.message)}`
          : clip(err.message);
      return reply.status(status).send({ error: { code, message } });
    }
    // A 5xx never carries internals to the client; the log keeps them with the request id.
    req.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: ErrorCode.internal, message: INTERNAL_MESSAGE, requestId: req.id } });
  });
  // Known paths answer a wrong method with 405 and the methods they do take.
  const routes: { re: RegExp; methods: Set<string> }[] = [];
  app.addHook('onRoute', (r) => {
    // The page's catch-all GET /* would otherwise make every path "exist".
    if (r.url === '/*' || r.url === '*') return;
    const re = new RegExp(`^${r.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}$`);
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    const found = routes.find((x) => x.re.source === re.source);
    if (found) for (const m of methods) found.methods.add(m);
    else routes.push({ re, methods: new Set(methods) });
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const allowed = new Set(routes.filter((r) => r.re.test(path)).flatMap((r) => [...r.methods]));
    if (allowed.size > 0 && !allowed.has(req.method)) {
      const allow = [...allowed].sort().join(', ');
      return reply
        .status(405)
        .header('allow', allow)
        .send({ error: { code: 'METHOD_NOT_ALLOWED', message: `${path.slice(0, 100)} 不支持 ${req.method}，可用：${allow} (method not allowed)` } });
    }
    // The path is the client's own text: named, but capped like every other detail in an error.
    const shown = path.length > 100 ? `${path.slice(0, 100)}…` : path;
    reply.status(404).send({ error: { code: ErrorCode.notFound, message: `未找到 ${req.method} ${shown} (not found)` } });
  });
}

/** Database error fields that carry the statement, its parameters or excerpts of the input. */
const LONG_QUOTED = /"[^"]{16,}"|'[^']{16,}'/g;
const KEPT_FIELDS = ['code', 'statusCode', 'severity', 'routine', 'table', 'column', 'constraint', 'dataType'] as const;

/**
 * The logger's error serialiser. pino's default copies every enumerable field, and a database
 * error carries the SQL parameters (the user's text), `where` and `detail` (excerpts of it).
 * Only the fields that say what failed are kept, and long quoted values in the message are cut
 * out, so user text never reaches the log at error level.
 */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err).slice(0, 200) };
  const e = err as Error & Record<string, unknown>;
  const message = clip(String(e.message ?? '').replace(LONG_QUOTED, '"…"'));
  const out: Record<string, unknown> = { type: e.name, message };
  for (const k of KEPT_FIELDS) if (e[k] !== undefined && e[k] !== null && e[k] !== '') out[k] = e[k];
  if (typeof e.stack === 'string') out.stack = [`${e.name}: ${message}`, ...e.stack.split('\n').filter((l) => /^\s+at /.test(l))].join('\n');
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/**
 * Errors the router raises before any route or hook runs (a path parameter over its length limit,
 * a malformed percent-escape) skip the app's error handler; this option of the Fastify instance
 * answers them in the same shape, with the client's text capped as in every other error.
 */
export const frameworkErrors = (err: FastifyError, _req: FastifyRequest, reply: FastifyReply): void => {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  void reply.code(status).send({ error: { code: ErrorCode.badRequest, message: clip(err.message) } });
};

/** Logger settings for the server (main.ts) and for tests that check what is logged. */
export function loggerOptions(level: string) {
  return {
    level,
    redact: ['req.headers.authorization', '*.apiKey', '*.LLM_API_KEY'],
    serializers: { err: (e: unknown) => serializeError(e) as { type: string; message: string; stack: string } },
  };
}
