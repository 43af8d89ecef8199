import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** OpenAI-compatible providers most users in China reach; a preset only fills in the usual base URL. */
export const LLM_PRESETS = {
  deepseek: 'https://api.deepseek.com/v1',
  qwen: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
  dashscope: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
  glm: 'https://open.bigmodel.cn/api/paas/v4',
  zhipu: 'https://open.bigmodel.cn/api/paas/v4',
  moonshot: 'https://api.moonshot.cn/v1',
  ollama: 'http://localhost:11434/v1',
  vllm: 'http://localhost:8000/v1',
} as const;
/** Local servers run without a key; hosted providers refuse every request without one. */
const LLM_LOCAL_PRESETS = new Set(['ollama', 'vllm']);

// An empty variable (LLM_API_KEY= in a .env file) means "not set", not "set to nothing".
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().min(1).max(max).optional());

function llmSettings() {
  return {
    LLM_PROVIDER: z.preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
      z.enum(Object.keys(LLM_PRESETS) as [keyof typeof LLM_PRESETS, ...(keyof typeof LLM_PRESETS)[]], {
        error: `应为 ${Object.keys(LLM_PRESETS).join('、')} 之一 (unknown provider preset)`,
      }).optional(),
    ),
    LLM_BASE_URL: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.url({ protocol: /^https?$/, error: '应为 http(s):// 开头的地址，如 https://api.deepseek.com/v1 (must be an http(s) URL)' }).optional(),
    ),
    LLM_API_KEY: optionalText(500),
    LLM_MODEL: optionalText(200),
    LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    LLM_SESSION_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  };
}

/** The LLM settings only make sense together; a half-configured model must fail at boot, not at the first question. */
function checkLlmSettings(
  c: { LLM_PROVIDER?: string; LLM_BASE_URL?: string; LLM_API_KEY?: string; LLM_MODEL?: string },
  ctx: z.RefinementCtx,
): void {
  const anySet = c.LLM_PROVIDER || c.LLM_BASE_URL || c.LLM_API_KEY || c.LLM_MODEL;
  if (!anySet) return;
  if (!c.LLM_MODEL) {
    ctx.addIssue({ code: 'custom', path: ['LLM_MODEL'], message: '已设置其他 LLM_* 参数，但缺少模型名 LLM_MODEL，如 deepseek-chat (model name required)' });
  }
  if (!c.LLM_BASE_URL && !c.LLM_PROVIDER) {
    ctx.addIssue({
      code: 'custom',
      path: ['LLM_BASE_URL'],
      message: `缺少 LLM_BASE_URL 或 LLM_PROVIDER（${Object.keys(LLM_PRESETS).join('/')}）(base URL or provider preset required)`,
    });
  }
  if (!c.LLM_API_KEY && c.LLM_PROVIDER && !LLM_LOCAL_PRESETS.has(c.LLM_PROVIDER) && !c.LLM_BASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['LLM_API_KEY'], message: `${c.LLM_PROVIDER} 需要 API 密钥 LLM_API_KEY (API key required)` });
  }
}

/** The model connection the config describes, or null for the offline engine. */
export interface LlmConnection {
  baseURL: string;
  apiKey: string | undefined;
  model: string;
  provider: string;
  timeoutMs: number;
  maxRetries: number;
  sessionConcurrency: number;
}

export function llmConnection(c: Config): LlmConnection | null {
  if (!c.LLM_MODEL) return null;
  const baseURL = c.LLM_BASE_URL ?? (c.LLM_PROVIDER ? LLM_PRESETS[c.LLM_PROVIDER] : undefined);
  if (!baseURL) return null;
  return {
    baseURL: baseURL.replace(/\/+$/, ''),
    apiKey: c.LLM_API_KEY,
    model: c.LLM_MODEL,
    provider: c.LLM_PROVIDER ?? 'custom',
    timeoutMs: c.LLM_TIMEOUT_MS,
    maxRetries: c.LLM_MAX_RETRIES,
    sessionConcurrency: c.LLM_SESSION_CONCURRENCY,
  };
}

/**
 * Every setting the app reads. Nothing else in the code base touches process.env,
 * so this schema is the complete list (documented in README.md).
 */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * postgres://… : keep sessions, the staff workspace and the rate-limit counts in this
   * PostgreSQL database instead of the embedded one in DATA_DIR, so several instances can share
   * them (docs/deploy.md). Unset: the embedded database, no external service.
   */
  DATABASE_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.url({ protocol: /^postgres(ql)?$/, error: '应为 postgres:// 开头的连接地址 (must be a postgres:// URL)' }).optional(),
  ),
  /** Connections one instance keeps open to DATABASE_URL at most. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  /** The built web page (npm start builds it there when web/ changed). */
  WEB_ROOT: z.string().min(1).default('./dist/web'),
  /**
   * The empty embedded database `npm start` builds once per PGlite version. A DATA_DIR without a
   * database starts as a copy of it instead of running initdb (seconds of WASM work); when it is
   * missing or was made by another PGlite version, initdb runs as before.
   */
  PGLITE_TEMPLATE: z.string().min(1).default('./dist/pglite-template'),
  /** Unset: the version named in KNOWLEDGE_DIR/default-version.txt (see defaultKnowledgeVersion). */
  KNOWLEDGE_VERSION: z.string().min(1).optional(),
  // Limits are per client IP. Behind NAT a whole office shares one address, so they are set for
  // about 50 people at once, not for one (README "Limits").
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
  /** Socket upgrades per IP per RATE_LIMIT_WINDOW_MS (a reconnect storm after a restart is 50 at once). */
  WS_UPGRADE_MAX: z.coerce.number().int().positive().default(300),
  /** Open chat sockets per IP at a time. */
  WS_MAX_PER_IP: z.coerce.number().int().positive().default(200),
  /** A socket with no message from its client for this long is closed (the page reconnects and resumes). */
  WS_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30 * 60_000),
  /** New sessions one socket may open (each `open` without a sessionId creates one). */
  SESSIONS_PER_CONNECTION: z.coerce.number().int().positive().default(3),
  /** New sessions per IP per SESSION_CREATE_WINDOW_MS, over HTTP and the socket together. */
  SESSION_CREATE_MAX: z.coerce.number().int().positive().default(300),
  SESSION_CREATE_WINDOW_MS: z.coerce.number().int().positive().default(60 * 60_000),
  /** The page's own origin (https://host[:port]); by default the request's Host. Browsers' sockets from other origins are refused. */
  PUBLIC_ORIGIN: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
  /** Send Strict-Transport-Security even on requests that did not arrive over HTTPS (e.g. TLS ends at a proxy without X-Forwarded-Proto). */
  HSTS: bool.default(false),
  /** Sessions with no activity for this many days are deleted with their drafts and uploads; 0 keeps them. */
  SESSION_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(180),
  RETENTION_PURGE_INTERVAL_MS: z.coerce.number().int().min(60_000).default(6 * 60 * 60_000),
  TRUST_PROXY: bool.default(false),
  QUESTION_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /**
   * What an enterprise submitted to its bureau (with the contact names and phones in its forms) is the
   * bureau's record for 初审 and the quota; it is deleted this many days after its last submission.
   * Two years covers the year it was recommended in and the next year's check of repeat applications.
   * 0 keeps submissions until staff delete them.
   */
  SUBMISSION_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(730),
  /**
   * How long a helpline member may keep viewing a session after claiming its code. A view is
   * read-only but shows the enterprise's answers and drafts, so it ends by itself rather than
   * lasting until the enterprise remembers to revoke it.
   */
  ASSIST_VIEW_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  ...llmSettings(),
}).superRefine(checkLlmSettings);

export type Config = z.infer<typeof ConfigSchema> & { KNOWLEDGE_VERSION: string };

/**
 * The version served when KNOWLEDGE_VERSION is not set. It is data, kept beside the versions, so a
 * new year's notice is served by publishing it and changing one file, not by changing code.
 */
export function defaultKnowledgeVersion(knowledgeDir: string): string {
  const file = join(knowledgeDir, 'default-version.txt');
  let name: string;
  try {
    name = readFileSync(file, 'utf8').trim();
  } catch {
    throw new Error(`Invalid configuration:\n  KNOWLEDGE_VERSION: not set, and ${file} cannot be read (name the knowledge version to serve)`);
  }
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Invalid configuration:\n  KNOWLEDGE_VERSION: ${file} must hold one version name, e.g. henan-2024`);
  return name;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, KNOWLEDGE_VERSION: parsed.data.KNOWLEDGE_VERSION ?? defaultKnowledgeVersion(parsed.data.KNOWLEDGE_DIR) };
}
