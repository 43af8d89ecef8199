import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fake OpenAI-compatible provider: real HTTP on 127.0.0.1, port 0, `POST /v1/chat/completions`.
 * Each request takes the next scripted reply (or the fallback), so a test says exactly what the
 * "model" does next — including failing the way real providers fail.
 *
 * Streams are shaped like DeepSeek/Qwen/OpenAI streams: `role` in the first delta, content or
 * tool-call argument fragments, `finish_reason` on the last choice chunk, a usage chunk with
 * `choices: []` when `stream_options.include_usage` is set, then `data: [DONE]`.
 */

export type Reply =
  /** A text answer, streamed in `chunks` (default: a few characters each) or returned whole. */
  | { kind: 'text'; text: string; chunks?: string[]; delayMs?: number }
  /** A tool call; `args` is sent verbatim (so a test can send malformed JSON), split into `fragments` pieces. */
  | { kind: 'tool'; name: string; args: string; fragments?: number; delayMs?: number }
  /** An HTTP error with a provider-style error body. */
  | { kind: 'status'; status: number; message?: string; code?: string; retryAfterMs?: number }
  /** Accepts the request and goes quiet: before the headers, or after `afterChunks` stream chunks. */
  | { kind: 'stall'; afterChunks?: number; text?: string }
  /** Streams `afterChunks` chunks of `text`, then destroys the connection mid-stream. */
  | { kind: 'cut'; text: string; afterChunks: number };

export type Script = Reply | ((req: RecordedRequest) => Reply);

export interface RecordedRequest {
  body: ChatRequestBody;
  headers: IncomingMessage['headers'];
}

export interface ChatRequestBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages: { role: string; content: string | null }[];
  tools?: { type: string; function: { name: string; parameters?: unknown } }[];
  tool_choice?: unknown;
  [k: string]: unknown;
}

export interface FakeOpenAI {
  /** The base URL to configure (ends in /v1). */
  url: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order. */
  enqueue(...replies: Script[]): void;
  /** The reply when the queue is empty. */
  fallback: Script;
  /** Default pause between stream chunks, like a real model's token rate. */
  chunkDelayMs: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Splits text into small pieces the way tokenisers do for Chinese: one to three characters. */
export function splitIntoTokens(text: string): string[] {
  const out: string[] = [];
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; ) {
    const n = 1 + (i % 3);
    out.push(chars.slice(i, i + n).join(''));
    i += n;
  }
  return out;
}

function splitInto(text: string, n: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, n)));
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
}

export async function startFakeOpenAI(opts: { chunkDelayMs?: number; fallback?: Script } = {}): Promise<FakeOpenAI> {
  const queue: Script[] = [];
  const sockets = new Set<Socket>();
  let seq = 0;

  const fake: FakeOpenAI = {
    url: '',
    requests: [],
    enqueue: (...r) => void queue.push(...r),
    fallback: opts.fallback ?? { kind: 'text', text: '好的。' },
    chunkDelayMs: opts.chunkDelayMs ?? 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };

  const server: Server = createServer((req, res) => void handle(req, res));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url?.split('?')[0] !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    let raw = '';
    for await (const part of req) raw += part;
    let body: ChatRequestBody;
    try {
      body = JSON.parse(raw) as ChatRequestBody;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'invalid JSON body' } }));
      return;
    }
    const recorded: RecordedRequest = { body, headers: req.headers };
    fake.requests.push(recorded);
    const script = queue.length ? queue.shift()! : fake.fallback;
    const reply = typeof script === 'function' ? script(recorded) : script;
    const id = `chatcmpl-fake${++seq}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model ?? 'fake-model';

    if (reply.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
      // Real providers often echo part of the presented key in a 401; echoing it whole makes the redaction test strict.
      const auth = String(req.headers.authorization ?? '');
      const message = reply.message ?? (reply.status === 401 ? `Incorrect API key provided: ${auth.replace(/^Bearer /, '')}` : 'upstream error');
      res.writeHead(reply.status, headers).end(
        JSON.stringify({ error: { message, type: reply.status === 401 ? 'invalid_request_error' : 'server_error', code: reply.code ?? null } }),
      );
      return;
    }
    if (reply.kind === 'stall' && !reply.afterChunks) return; // never answers; the client must time out

    const usage = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };
    if (!body.stream) {
      const message =
        reply.kind === 'tool'
          ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${seq}`, type: 'function', function: { name: reply.name, arguments: reply.args } }] }
          : { role: 'assistant', content: reply.kind === 'text' ? reply.text : '' };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id,
          object: 'chat.completion',
          created,
          model,
          choices: [{ index: 0, message, logprobs: null, finish_reason: reply.kind === 'tool' ? 'tool_calls' : 'stop' }],
          usage,
        }),
      );
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_fake', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
    const delay = ('delayMs' in reply && reply.delayMs !== undefined ? reply.delayMs : undefined) ?? fake.chunkDelayMs;
    const write = async (s: string) => {
      if (res.destroyed) return;
      // Waiting for the flush makes a later cut happen after these bytes reached the client, as on a real network.
      await new Promise<void>((r) => res.write(s, () => r()));
      if (delay) await sleep(delay);
    };

    if (reply.kind === 'tool') {
      const parts = splitInto(reply.args, reply.fragments ?? 4);
      await write(chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: `call_${seq}`, type: 'function', function: { name: reply.name, arguments: '' } }] }));
      for (const p of parts) await write(chunk({ tool_calls: [{ index: 0, function: { arguments: p } }] }));
      await write(chunk({}, 'tool_calls'));
    } else {
      const text = reply.text ?? '';
      const pieces = reply.kind === 'text' && reply.chunks ? reply.chunks : splitIntoTokens(text);
      await write(chunk({ role: 'assistant', content: '' }));
      let sent = 0;
      for (const p of pieces) {
        if ((reply.kind === 'cut' || reply.kind === 'stall') && sent >= reply.afterChunks!) {
          if (reply.kind === 'cut') res.socket?.destroy();
          return; // a stall keeps the connection open and silent
        }
        await write(chunk({ content: p }));
        sent++;
      }
      if (reply.kind === 'cut') res.socket?.destroy();
      if (reply.kind !== 'text') return;
      await write(chunk({}, 'stop'));
    }
    if (body.stream_options?.include_usage) {
      await write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

/** The text of the last user message a request carried (what the app sent as data). */
export function lastUserContent(req: RecordedRequest): string {
  const users = req.body.messages.filter((m) => m.role === 'user');
  return users[users.length - 1]?.content ?? '';
}

/** Every message of a request joined, for "was X sent to the model" assertions. */
export function allContent(req: RecordedRequest): string {
  return req.body.messages.map((m) => m.content ?? '').join('\n');
}
