import { loadedOpenAiSdk } from './sdk';

/** Why a model call failed, in the few categories the product reacts to. */
export type LlmFailure =
  | 'timeout'
  | 'auth'
  | 'rateLimit'
  | 'server'
  | 'network'
  | 'cut'
  | 'badOutput'
  | 'ignoredTools'
  | 'busy'
  | 'aborted';

/**
 * The only error that leaves server/llm. Its message is built from the failure kind and the HTTP
 * status alone: provider error bodies can echo the API key or the prompt, so none of their text
 * is carried along (not even as `cause`, which loggers serialise).
 */
export class LlmError extends Error {
  constructor(
    readonly failure: LlmFailure,
    readonly status?: number,
    detail?: string,
  ) {
    super(`LLM ${failure}${status ? ` (HTTP ${status})` : ''}${detail ? `: ${detail}` : ''}`);
    this.name = 'LlmError';
  }
}

/** Maps whatever the SDK threw to an LlmError without keeping the provider's text. */
export function toLlmError(err: unknown, hint?: { timedOut?: boolean; cut?: boolean }): LlmError {
  if (err instanceof LlmError) return err;
  if (hint?.timedOut) return new LlmError('timeout');
  const sdk = loadedOpenAiSdk();
  if (sdk) {
    const mapped = fromSdk(sdk, err, hint);
    if (mapped) return mapped;
  }
  if (err instanceof SyntaxError) return new LlmError('badOutput', undefined, 'unparseable chunk');
  // undici reports a connection dropped mid-body as "terminated"; that is a cut stream.
  if (err instanceof Error && /terminated|socket|ECONNRESET|other side closed/i.test(err.message + String((err as { cause?: unknown }).cause ?? '')))
    return new LlmError('cut');
  return new LlmError(hint?.cut ? 'cut' : 'network');
}

function fromSdk(sdk: NonNullable<ReturnType<typeof loadedOpenAiSdk>>, err: unknown, hint?: { cut?: boolean }): LlmError | undefined {
  const { APIConnectionTimeoutError, APIUserAbortError, AuthenticationError, PermissionDeniedError, RateLimitError, APIConnectionError, APIError } = sdk;
  if (err instanceof APIConnectionTimeoutError) return new LlmError('timeout');
  if (err instanceof APIUserAbortError) return new LlmError(hint?.cut ? 'cut' : 'aborted');
  if (err instanceof AuthenticationError || err instanceof PermissionDeniedError) return new LlmError('auth', err.status);
  if (err instanceof RateLimitError) return new LlmError('rateLimit', 429);
  if (err instanceof APIConnectionError) return new LlmError(hint?.cut ? 'cut' : 'network');
  if (err instanceof APIError) {
    if (err.status === undefined) return new LlmError('cut'); // an error event inside an already-open stream
    // 400/404/422 mean a wrong model name or an unsupported parameter: to the user, the service is unavailable.
    return new LlmError('server', err.status);
  }
  return undefined;
}

/** The short Chinese notice users see when the model fails and the offline engine answers instead. */
export function failureNotice(failure: LlmFailure): string {
  switch (failure) {
    case 'auth':
      return '模型服务认证失败（请管理员检查密钥配置），已改用离线引擎继续。';
    case 'rateLimit':
      return '模型服务繁忙（请求过多），已改用离线引擎继续。';
    case 'timeout':
      return '模型响应超时，已改用离线引擎继续。';
    case 'busy':
      return '上一条消息仍在由模型处理，本条由离线引擎回答。';
    case 'badOutput':
    case 'ignoredTools':
      return '模型返回的内容无法核验，已改用离线引擎继续。';
    case 'cut':
      return '模型输出中途中断，已改用离线引擎继续。';
    default:
      return '模型服务暂时不可用，已改用离线引擎继续。';
  }
}

/** Removes every occurrence of a secret from text bound for a log line. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[REDACTED]');
}

/** A few words naming the failure, for notices that say what was used instead. */
export function failureReason(failure: LlmFailure): string {
  const reasons: Partial<Record<LlmFailure, string>> = {
    auth: '认证失败',
    rateLimit: '请求过多',
    timeout: '响应超时',
    busy: '模型正忙',
    badOutput: '输出无法核验',
    ignoredTools: '输出无法核验',
    cut: '输出中断',
  };
  return reasons[failure] ?? '服务不可用';
}
