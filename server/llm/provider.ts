import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { LlmConnection } from '../config';
import { LlmError, toLlmError } from './errors';
import { openAiSdk } from './sdk';

/**
 * The one path to the model. Everything else in the product talks to this interface; only this
 * file imports the SDK. The `openai` SDK does the HTTP, SSE parsing, tool-call fragment
 * accumulation, retries with backoff and the per-attempt timeout; this module adds what the SDK
 * leaves open: a silence timeout inside an open stream, a per-session concurrency gate, and
 * errors that carry no provider text.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface CallOptions {
  messages: ChatMessage[];
  signal?: AbortSignal;
  temperature?: number;
  maxTokens?: number;
}

export interface StreamResult {
  text: string;
  finishReason: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface ToolSpec<S extends z.ZodType> {
  name: string;
  description: string;
  parameters: S;
}

export interface Llm {
  readonly provider: string;
  readonly model: string;
  /** Streams a text answer; `onDelta` sees every content fragment as it arrives. Rejects with LlmError. */
  streamText(opts: CallOptions & { onDelta?: (delta: string) => void }): Promise<StreamResult>;
  /** A whole text answer in one response (no streaming). Rejects with LlmError. */
  completeText(opts: CallOptions): Promise<string>;
  /**
   * Forces one tool call and returns its arguments validated by the tool's zod schema. A model that
   * answers in prose instead ('ignoredTools'), sends unparseable JSON or arguments outside the
   * schema ('badOutput') rejects with LlmError — the caller falls back, nothing half-valid escapes.
   */
  callTool<S extends z.ZodType>(opts: CallOptions & { tool: ToolSpec<S> }): Promise<z.infer<S>>;
  /** Takes a slot for a session; null when the session already has its maximum of calls in flight. */
  acquire(sessionKey: string): (() => void) | null;
}

export interface ProviderDeps {
  /** Replaces the global fetch (tests, proxies). */
  fetch?: typeof fetch;
}

/** Aborts when the provider stays silent for `ms` inside an open stream, or when the caller aborts. */
function silenceGuard(ms: number, outer?: AbortSignal) {
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    timedOut = true;
    controller.abort();
  };
  const onOuter = () => controller.abort();
  outer?.addEventListener('abort', onOuter, { once: true });
  return {
    signal: controller.signal,
    arm() {
      clearTimeout(timer);
      timer = setTimeout(fire, ms);
    },
    done() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
    get timedOut() {
      return timedOut;
    },
  };
}

/** The tool's JSON Schema for the request; the same zod schema validates the answer. */
function toolParameters(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

export function createLlm(conn: LlmConnection, deps: ProviderDeps = {}): Llm {
  const { default: OpenAI } = openAiSdk();
  const client = new OpenAI({
    baseURL: conn.baseURL,
    // Local servers (Ollama, vLLM) need no key, but the SDK refuses to start without one.
    apiKey: conn.apiKey ?? 'no-key',
    timeout: conn.timeoutMs,
    maxRetries: conn.maxRetries,
    fetch: deps.fetch,
    // The SDK's own logger would print raw provider chunks; our errors say what matters.
    logLevel: 'off',
  });
  const inFlight = new Map<string, number>();
  // Zhipu's compatible API accepts only tool_choice "auto"; a model that then answers in prose is handled as 'ignoredTools'.
  const namedToolChoice = !['glm', 'zhipu'].includes(conn.provider);
  const toParams = (m: ChatMessage[]): ChatCompletionMessageParam[] => m.map((x) => ({ role: x.role, content: x.content }));

  return {
    provider: conn.provider,
    model: conn.model,

    async streamText(opts) {
      const guard = silenceGuard(conn.timeoutMs, opts.signal);
      let text = '';
      let finishReason: string | null = null;
      let usage: StreamResult['usage'];
      let opened = false;
      try {
        const stream = await client.chat.completions.create(
          {
            model: conn.model,
            messages: toParams(opts.messages),
            stream: true,
            stream_options: { include_usage: true },
            temperature: opts.temperature,
            max_tokens: opts.maxTokens,
          },
          { signal: guard.signal },
        );
        opened = true;
        guard.arm();
        for await (const chunk of stream) {
          guard.arm();
          if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
          const choice = chunk.choices[0];
          if (!choice) continue;
          const delta = choice.delta?.content;
          if (delta) {
            text += delta;
            opts.onDelta?.(delta);
          }
          if (choice.finish_reason) finishReason = choice.finish_reason;
        }
      } catch (err) {
        // Once the stream is open, a dropped connection is a cut answer, not an unreachable provider.
        throw toLlmError(err, { timedOut: guard.timedOut, cut: opened });
      } finally {
        guard.done();
      }
      // The SDK ends an aborted stream quietly; a stream without finish_reason did not finish.
      if (guard.timedOut) throw new LlmError('timeout');
      if (opts.signal?.aborted) throw new LlmError('aborted');
      if (!finishReason) throw new LlmError('cut');
      return { text, finishReason, usage };
    },

    async completeText(opts) {
      try {
        const res = await client.chat.completions.create(
          { model: conn.model, messages: toParams(opts.messages), temperature: opts.temperature, max_tokens: opts.maxTokens },
          { signal: opts.signal },
        );
        const content = res.choices?.[0]?.message?.content;
        if (typeof content !== 'string') throw new LlmError('badOutput', undefined, 'no content');
        return content;
      } catch (err) {
        throw toLlmError(err);
      }
    },

    async callTool(opts) {
      const { tool } = opts;
      const guard = silenceGuard(conn.timeoutMs, opts.signal);
      let args: string | undefined;
      let sawChunk = false;
      try {
        const runner = client.chat.completions.stream(
          {
            model: conn.model,
            messages: toParams(opts.messages),
            temperature: opts.temperature ?? 0,
            max_tokens: opts.maxTokens,
            tools: [{ type: 'function', function: { name: tool.name, description: tool.description, parameters: toolParameters(tool.parameters) } }],
            tool_choice: namedToolChoice ? { type: 'function', function: { name: tool.name } } : 'auto',
          },
          { signal: guard.signal },
        );
        runner.on('connect', () => {
          sawChunk = true;
          guard.arm();
        });
        runner.on('chunk', () => {
          sawChunk = true;
          guard.arm();
        });
        const completion = await runner.finalChatCompletion();
        const call = completion.choices[0]?.message.tool_calls?.find((c) => c.type === 'function' && c.function.name === tool.name);
        if (!call || call.type !== 'function') throw new LlmError('ignoredTools');
        args = call.function.arguments;
      } catch (err) {
        throw toLlmError(err, { timedOut: guard.timedOut, cut: sawChunk });
      } finally {
        guard.done();
      }
      let raw: unknown;
      try {
        raw = JSON.parse(args || '{}');
      } catch {
        throw new LlmError('badOutput', undefined, 'tool arguments are not JSON');
      }
      const parsed = tool.parameters.safeParse(raw);
      if (!parsed.success) throw new LlmError('badOutput', undefined, `tool arguments outside the schema at ${parsed.error.issues[0]?.path.join('.') || '(root)'}`);
      return parsed.data;
    },

    acquire(sessionKey) {
      const n = inFlight.get(sessionKey) ?? 0;
      if (n >= conn.sessionConcurrency) return null;
      inFlight.set(sessionKey, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (inFlight.get(sessionKey) ?? 1) - 1;
        if (left <= 0) inFlight.delete(sessionKey);
        else inFlight.set(sessionKey, left);
      };
    },
  };
}

/** Runs `fn` inside a session slot; a session over its limit gets LlmError('busy') at once instead of queueing. */
export async function withSlot<T>(llm: Llm, sessionKey: string, fn: () => Promise<T>): Promise<T> {
  const release = llm.acquire(sessionKey);
  if (!release) throw new LlmError('busy');
  try {
    return await fn();
  } finally {
    release();
  }
}
