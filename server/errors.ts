import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';

/** Stable error codes; clients branch on these, never on message text. */
export const ErrorCode = {
  badRequest: 'BAD_REQUEST',
  validation: 'VALIDATION_FAILED',
  notFound: 'NOT_FOUND',
  rateLimited: 'RATE_LIMITED',
  tooLarge: 'PAYLOAD_TOO_LARGE',
  internal: 'INTERNAL',
} as const;

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

/** Turns a zod failure into a 400 whose message names each bad field. */
export function validationError(err: ZodError, where = 'body'): HttpError {
  const issues = err.issues.map((i) => ({
    field: [where, ...i.path].join('.'),
    message: i.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return new HttpError(400, ErrorCode.validation, `请求参数有误 (invalid request) — ${summary}`, issues);
}

export function parseOr400<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, where = 'body'): T {
  const r = schema.safeParse(value);
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
          ? `请求体不是合法的 JSON (malformed JSON body): ${err.message}`
          : err.message;
      return reply.status(status).send({ error: { code, message } });
    }
    // A 5xx never carries internals to the client; the log keeps them with the request id.
    req.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: { code: ErrorCode.internal, message: '服务器内部错误，请稍后再试 (internal error)', requestId: req.id } });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: ErrorCode.notFound, message: `未找到 ${req.method} ${req.url.split('?')[0]} (not found)` } });
  });
}
