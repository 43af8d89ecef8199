import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { cleanInput, InputShapeError } from './schemas/text';
import { fill } from './engine/kb';

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
export const INTERNAL_MESSAGE = '服务器内部错误，请稍后再试';

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

/**
 * A 404 naming what was looked up, in the knowledge version's words (ui.json `notFound`): `what` picks the thing and
 * `vars` fill its placeholders. The routes pass the wording of the version they serve.
 */
export function notFound<K extends string>(
  wording: { message: string; what: Record<K, string> },
  what: K,
  vars: Record<string, string | number> = {},
): HttpError {
  return new HttpError(404, ErrorCode.notFound, fill(wording.message, { what: fill(wording.what[what], vars) }));
}

/** An error reply names at most this many fields, each briefly: a huge invalid body must not produce a huge reply. */
const MAX_ISSUES = 10;
const MAX_ISSUE_CHARS = 200;

const clip = (s: string) => (s.length > MAX_ISSUE_CHARS ? `${s.slice(0, MAX_ISSUE_CHARS)}…` : s);

/** Text a schema wrote for its own users (「版本名只能用小写字母…」) is kept; zod's own defaults are English. */
const CHINESE = /[\u4e00-\u9fff]/u;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: 'true 或 false',
  object: '对象（{…}）',
  array: '列表（[…]）',
  date: '日期',
  null: 'null',
  undefined: '不填',
};

const FORMAT_NAMES: Record<string, string> = {
  uuid: 'UUID 编号（如 123e4567-e89b-42d3-a456-426614174000）',
  guid: 'UUID 编号',
  email: '电子邮箱地址',
  url: '网址（如 https://…）',
  datetime: 'ISO 日期时间（如 2024-03-15T08:00:00Z）',
  date: '日期（如 2024-03-15）',
  time: '时间（如 08:30）',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
};

/** One zod issue, the shape the message mapping reads (zod 4's issue union, loosely). */
type Issue = ZodError['issues'][number] & Record<string, unknown>;

const valueAt = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);

/**
 * What is wrong with one field, in Chinese, for whoever filled the form or wrote the request. zod's own messages
 * are English, so every issue is said again from its code and figures; a message a schema wrote itself in Chinese
 * is kept. `input` is the value that was checked, which tells a missing field from one of the wrong type.
 */
export function issueMessage(issue: Issue, input?: unknown): string {
  if (CHINESE.test(issue.message)) return issue.message;
  const n = (k: string) => (typeof issue[k] === 'bigint' || typeof issue[k] === 'number' ? String(issue[k]) : '?');
  const origin = String(issue.origin ?? '');
  // A required field left out fails as the wrong type, or as a value off the list, of nothing.
  const absent = input === undefined ? /received undefined$/.test(issue.message) : valueAt(input, issue.path) === undefined;
  if (absent && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) return '缺少此项（必填）';
  switch (issue.code) {
    case 'invalid_type':
      return `应为${TYPE_NAMES[String(issue.expected)] ?? String(issue.expected)}`;
    case 'too_big':
      if (origin === 'string') return `不能超过 ${n('maximum')} 个字符`;
      if (origin === 'array' || origin === 'set') return `最多 ${n('maximum')} 项`;
      if (origin === 'file') return `文件不能超过 ${n('maximum')} 字节`;
      return issue.inclusive === false ? `应小于 ${n('maximum')}` : `不能大于 ${n('maximum')}`;
    case 'too_small':
      if (origin === 'string') return n('minimum') === '1' ? '不能为空' : `至少 ${n('minimum')} 个字符`;
      if (origin === 'array' || origin === 'set') return `至少 ${n('minimum')} 项`;
      if (origin === 'file') return `文件至少 ${n('minimum')} 字节`;
      return issue.inclusive === false ? `应大于 ${n('minimum')}` : `不能小于 ${n('minimum')}`;
    case 'invalid_format': {
      const format = String(issue.format ?? '');
      if (format === 'starts_with') return `应以“${String(issue.prefix)}”开头`;
      if (format === 'ends_with') return `应以“${String(issue.suffix)}”结尾`;
      if (format === 'includes') return `应包含“${String(issue.includes)}”`;
      return FORMAT_NAMES[format] ? `格式不对：应为${FORMAT_NAMES[format]}` : '格式不对';
    }
    case 'invalid_value': {
      const values = (issue.values as unknown[] | undefined) ?? [];
      const shown = values.slice(0, 12).map((v) => JSON.stringify(v)).join('、');
      return values.length === 1 ? `应为 ${shown}` : `应为 ${shown}${values.length > 12 ? ' 等' : ''} 之一`;
    }
    case 'unrecognized_keys':
      return `不认识的字段：${((issue.keys as string[] | undefined) ?? []).slice(0, 10).map((k) => `“${k}”`).join('、')}，请删去`;
    case 'not_multiple_of':
      return `应为 ${n('divisor')} 的倍数`;
    case 'invalid_union':
      return '取值不符合任何一种允许的格式';
    case 'invalid_key':
      return '键名无效';
    case 'invalid_element':
      return '其中有无效的项';
    default:
      return '取值无效';
  }
}

/** One field of a 400: where (`body.region`), zod's machine code for clients to branch on, and the Chinese message. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

/** The issues of a zod failure as the fields of a 400, the first few of them, each in Chinese. */
export function fieldIssues(err: ZodError, where: string, input?: unknown): { issues: FieldIssue[]; more: number } {
  const issues = err.issues.slice(0, MAX_ISSUES).map((i) => ({
    field: clip([where, ...i.path.map(String)].join('.')),
    code: i.code,
    message: clip(issueMessage(i as Issue, input)),
  }));
  return { issues, more: err.issues.length - issues.length };
}

/** The one-line summary of field issues every 400 and every socket error shows: 「body.region：应为文字；…」. */
export function issueSummary({ issues, more }: { issues: FieldIssue[]; more: number }): string {
  return issues.map((i) => `${i.field}：${i.message}`).join('；') + (more > 0 ? `；另有 ${more} 处` : '');
}

/** Turns a zod failure into a 400 whose message names each bad field (the first few of them) in Chinese. */
export function validationError(err: ZodError, where = 'body', input?: unknown): HttpError {
  const found = fieldIssues(err, where, input);
  return new HttpError(400, ErrorCode.validation, `请求参数有误：${issueSummary(found)}`, found.issues);
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
      throw new HttpError(400, ErrorCode.validation, `请求参数有误：${err.field}：${err.message}`, [{ field: err.field, code: 'input_shape', message: err.message }]);
    }
    throw err;
  }
  const r = schema.safeParse(cleaned);
  if (!r.success) throw validationError(r.error, where, cleaned);
  return r.data;
}

/**
 * What the framework's own 4xx errors mean, in Chinese; their messages are English. A code not listed here is
 * answered by its status alone, so no English reaches the page.
 */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求体不是合法的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求体为空：声明了 JSON 内容却没有发送',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持这种请求内容类型',
  FST_ERR_CTP_INVALID_TYPE: '请求内容类型无效',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求体过大',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求体长度与声明的 Content-Length 不符',
  FST_ERR_CTP_EMPTY_TYPE: '缺少请求内容类型（Content-Type）',
  FST_ERR_BAD_URL: '请求地址无效',
  FST_ERR_ASYNC_CONSTRAINT: '请求地址无效',
  FST_ERR_VALIDATION: '请求参数有误',
};

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求无效',
  401: '需要登录',
  403: '没有权限',
  404: '未找到',
  405: '不支持此请求方法',
  408: '请求超时，请重试',
  411: '缺少请求体长度（Content-Length）',
  413: '请求体过大',
  414: '请求地址过长',
  415: '不支持这种请求内容类型',
  429: '请求过于频繁，请稍后再试',
  431: '请求头过大',
};

/** A 4xx of the framework or a plugin said in Chinese: its own words when they are Chinese, else what its code or status means. */
export function clientErrorMessage(err: { code?: string; message?: string }, status: number): string {
  const own = String(err.message ?? '');
  if (CHINESE.test(own)) return clip(own);
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
    // JSON.parse names where it stopped reading; the position helps find the mistake, its English does not.
    const at = /position (\d+)/.exec(own)?.[1];
    return `请求体不是合法的 JSON${at ? `（第 ${at} 个字符附近有误）` : ''}`;
  }
  return (err.code && FRAMEWORK_MESSAGES[err.code]) ?? STATUS_MESSAGES[status] ?? `请求无效（${status}）`;
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
      return reply.status(status).send({ error: { code, message: clientErrorMessage(err as FastifyError, status) } });
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
        .send({ error: { code: 'METHOD_NOT_ALLOWED', message: `${path.slice(0, 100)} 不支持 ${req.method} 请求，可用：${allow}` } });
    }
    // The path is the client's own text: named, but capped like every other detail in an error.
    const shown = path.length > 100 ? `${path.slice(0, 100)}…` : path;
    reply.status(404).send({ error: { code: ErrorCode.notFound, message: `未找到 ${req.method} ${shown}` } });
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
  void reply.code(status).send({ error: { code: ErrorCode.badRequest, message: clientErrorMessage(err, status) } });
};

/** Logger settings for the server (main.ts) and for tests that check what is logged. */
export function loggerOptions(level: string) {
  return {
    level,
    redact: ['req.headers.authorization', '*.apiKey', '*.LLM_API_KEY'],
    serializers: { err: (e: unknown) => serializeError(e) as { type: string; message: string; stack: string } },
  };
}
