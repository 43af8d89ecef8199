import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import websocket from '@fastify/websocket';
import type { RawData, WebSocket } from 'ws';
import { ClientMessage, MAX_WS_MESSAGE_BYTES, WsErrorCode, type ServerMessage } from '../schemas/ws';
import { Conversation, type SessionRuntime } from '../chat/conversation';
import { createRules } from '../chat/rules';
import { createOfflineSpeaker } from '../chat/speaker';
import type { InterviewRules, Speaker, SpokenAnswer } from '../chat/ports';
import { countAnswer } from '../plugins/metrics';
import type { KnowledgeBase } from '../knowledge/base';
import { cleanInput, InputShapeError } from '../schemas/text';
import { fieldIssues, issueSummary } from '../errors';
import type { NewTranscriptEntry } from '../store/types';

export interface ChatOptions {
  /** Replaces the offline speaker (a model plugs in here); the rules are unchanged. */
  speaker?: (kb: KnowledgeBase, rules: InterviewRules, offline: Speaker) => Speaker;
}

/**
 * ws closes a connection outright above maxPayload, so it is set well above the 16 KB
 * contract limit: messages in between get a typed TOO_LARGE error and the socket stays open,
 * while a multi-megabyte frame still cannot make the server buffer it.
 */
const HARD_MAX_PAYLOAD = 1024 * 1024;
/** A client that sends faster than its turns are processed is told so instead of growing a queue without bound. */
const MAX_QUEUED_PER_CONNECTION = 64;
/** How long a shutdown waits for in-flight turns to commit. */
const SHUTDOWN_DRAIN_MS = 10_000;
/** Replies held for a client that does not read; past this the connection is dropped (its data is stored, it can resume). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

const KNOWN_TYPES = new Set(ClientMessage.options.map((o) => o.shape.type.value as string));

function size(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((n, b) => n + b.length, 0);
  return (data as Buffer | ArrayBuffer).byteLength;
}

function asText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

type Parsed = { ok: true; msg: ClientMessage } | { ok: false; error: Extract<ServerMessage, { type: 'error' }> };

/** Every way a frame can be wrong maps to one typed error; none of them closes the socket. */
export function parseClientFrame(data: RawData): Parsed {
  const bytes = size(data);
  if (bytes > MAX_WS_MESSAGE_BYTES) {
    return { ok: false, error: { type: 'error', code: WsErrorCode.tooLarge, message: `消息过大：${bytes} 字节，上限 ${MAX_WS_MESSAGE_BYTES} 字节` } };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(asText(data));
  } catch {
    return { ok: false, error: { type: 'error', code: WsErrorCode.malformed, message: '消息不是合法的 JSON' } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: { type: 'error', code: WsErrorCode.malformed, message: '消息应为 JSON 对象' } };
  }
  try {
    // The same text and shape rules as every HTTP input (schemas/text.ts).
    raw = cleanInput(raw, '消息');
  } catch (err) {
    if (!(err instanceof InputShapeError)) throw err;
    return { ok: false, error: { type: 'error', code: WsErrorCode.invalid, message: `消息字段有误：${err.field}：${err.message}` } };
  }
  const rec = raw as Record<string, unknown>;
  const clientId = typeof rec.clientId === 'string' && rec.clientId.length <= 64 ? rec.clientId : undefined;
  if (typeof rec.type !== 'string' || !KNOWN_TYPES.has(rec.type)) {
    return {
      ok: false,
      error: {
        type: 'error',
        code: WsErrorCode.unknownType,
        message: `未知的消息类型：${JSON.stringify(rec.type ?? null).slice(0, 40)}；可用类型：${[...KNOWN_TYPES].join(', ')}`,
        ...(clientId ? { clientId } : {}),
      },
    };
  }
  const r = ClientMessage.safeParse(raw);
  if (!r.success) {
    const detail = issueSummary(fieldIssues(r.error, '消息', raw));
    return { ok: false, error: { type: 'error', code: WsErrorCode.invalid, message: `消息字段有误：${detail}`, ...(clientId ? { clientId } : {}) } };
  }
  return { ok: true, msg: r.data };
}

async function chat(fastify: FastifyInstance, opts: ChatOptions): Promise<void> {
  /** The turn chain of every open connection, so a shutdown can let in-flight turns commit. */
  const chains = new Set<() => Promise<void>>();
  await fastify.register(websocket, {
    options: { maxPayload: HARD_MAX_PAYLOAD },
    // Shutdown: 1012 (service restart) tells each client to reconnect, to another instance or to
    // this one once it is back; turns already received finish and commit before the store closes.
    preClose(done) {
      const wss = fastify.websocketServer;
      for (const client of wss.clients) client.close(1012, 'server restarting');
      wss.close();
      const pending = [...chains].map((c) => c());
      const limit = new Promise((r) => setTimeout(r, SHUTDOWN_DRAIN_MS).unref());
      void Promise.race([Promise.allSettled(pending), limit]).then(() => done());
    },
  });
  // Rules and speaker per knowledge version, built once each: a session talks to the version it was created under.
  const runtimes = new Map<string, SessionRuntime>();
  const runtimeOf = (kb: KnowledgeBase): SessionRuntime => {
    let rt = runtimes.get(kb.version);
    if (!rt) {
      const rules = createRules(kb);
      const offline = createOfflineSpeaker(rules);
      rt = { kb, rules, speaker: opts.speaker ? opts.speaker(kb, rules, offline) : offline };
      runtimes.set(kb.version, rt);
    }
    return rt;
  };
  const knowledge = {
    create: async (opening?: (kb: KnowledgeBase) => NewTranscriptEntry[]) => {
      const { sessionId, token, transcript, kb } = await fastify.knowledge.createSession(fastify.store, opening);
      return { sessionId, token, transcript, rt: runtimeOf(kb) };
    },
    resumed: async (sessionId: string) => runtimeOf(await fastify.sessionKnowledge(sessionId)),
  };
  /**
   * The open connections of each session on this instance, with a way to queue work on each one's turn chain: after a
   * turn that stored something, the session's other tabs are synced to it, in order with their own turns.
   */
  const peers = new Map<string, Set<{ conversation: Conversation; enqueue: (fn: () => Promise<void>) => void }>>();
  // Shared with the HTTP routes that write answers, so a turn and an accepted suggestion never overwrite each other.
  const locks = fastify.sessionLocks;

  const cfg = fastify.config;
  const route = {
    websocket: true,
    // Upgrades have their own budget: a reconnect storm of a whole office behind one NAT must not
    // use up the HTTP limit, nor HTTP traffic block reconnects.
    config: { rateLimit: { max: cfg.WS_UPGRADE_MAX, timeWindow: cfg.RATE_LIMIT_WINDOW_MS } },
    preHandler: fastify.limits.guardUpgrade,
  } as const;
  fastify.get('/api/chat', route, (socket: WebSocket, request) => {
    const ip = request.ip;
    fastify.limits.openSockets.set(ip, (fastify.limits.openSockets.get(ip) ?? 0) + 1);
    socket.once('close', () => {
      const n = (fastify.limits.openSockets.get(ip) ?? 1) - 1;
      if (n <= 0) fastify.limits.openSockets.delete(ip);
      else fastify.limits.openSockets.set(ip, n);
      clearTimeout(idle);
    });
    // A socket its client has stopped using holds memory and a slot of the per-IP cap.
    const idle = setTimeout(() => socket.close(1001, 'idle timeout'), cfg.WS_IDLE_TIMEOUT_MS);
    let created = 0;
    // A turn sends several frames (ack, recorded, assessment, question); corking the TCP
    // socket until the turn's synchronous work is done turns them into one write syscall.
    const tcp = (socket as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
    let corked = false;
    const send = (msg: ServerMessage) => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        // A client that sends but never reads would make us hold its replies forever.
        request.log.warn({ sessionId: conversation.session }, 'chat client not reading; closing');
        socket.terminate();
        return;
      }
      if (tcp && !corked) {
        corked = true;
        tcp.cork();
        setImmediate(() => {
          corked = false;
          tcp.uncork();
        });
      }
      socket.send(JSON.stringify(msg));
    };
    const logQuestion = (sessionId: string, question: string, a: SpokenAnswer, knowledgeVersion: string) => {
      countAnswer(fastify.metrics, a);
      return fastify.questionLog?.record({
        source: 'chat',
        question,
        sessionId,
        knowledgeVersion,
        // A speaker that does not say how sure it is: an answer without clauses counts as refused.
        answer: { answer: a.text, citations: a.citations, confidence: a.confidence ?? (a.citations.length ? 1 : 0), outOfScope: a.outOfScope ?? a.citations.length === 0, ...(a.entries ? { entries: a.entries } : {}), ...(a.topic ? { topic: a.topic } : {}), ...(a.source ? { source: a.source } : {}) },
      });
    };
    // An interview reply not read goes to the same review queue as a refused question: no clause, confidence 0.
    const logUnread = (sessionId: string, r: { text: string; questionId: string; clause: string; toldBack: string }, knowledgeVersion: string) => {
      fastify.questionLog?.record({
        source: 'interview',
        question: r.text,
        sessionId,
        knowledgeVersion,
        answer: { answer: `[${r.questionId} · ${r.clause}] ${r.toldBack}`, citations: [], confidence: 0, outOfScope: true },
      });
    };
    const conversation = new Conversation({ store: fastify.store, knowledge, locks, logQuestion, logUnread }, send);
    // Turns of one connection run strictly in order; other connections are not held up by it.
    let chain: Promise<void> = Promise.resolve();
    const peer = {
      conversation,
      enqueue: (fn: () => Promise<void>) => {
        chain = chain.then(fn).catch((err: unknown) => request.log.error({ err, sessionId: conversation.session }, 'chat sync failed'));
      },
    };
    /** The session this connection is listed under in `peers`. */
    let listed: string | undefined;
    const list = (sessionId: string | undefined) => {
      if (listed === sessionId) return;
      if (listed) {
        const set = peers.get(listed);
        set?.delete(peer);
        if (set && set.size === 0) peers.delete(listed);
      }
      listed = sessionId;
      if (sessionId) peers.set(sessionId, (peers.get(sessionId) ?? new Set()).add(peer));
    };
    socket.once('close', () => list(undefined));
    const current = () => chain;
    chains.add(current);
    socket.once('close', () => {
      // Dropped once its last turn has settled, so a shutdown still waits for it.
      void chain.finally(() => {
        chains.delete(current);
        // The session's memory goes with its client, under the session's lock so no turn of another
        // connection (or an HTTP route) is half-way through it.
        const sessionId = conversation.session;
        if (sessionId && fastify.store.release) void locks.run(sessionId, async () => fastify.store.release!(sessionId)).catch(() => undefined);
      });
    });
    let queued = 0;
    // Attached synchronously: a message sent right after the upgrade must not be dropped.
    socket.on('message', (data: RawData) => {
      idle.refresh();
      if (queued >= MAX_QUEUED_PER_CONNECTION) {
        send({ type: 'error', code: WsErrorCode.invalid, message: '消息发送过快，请等待上一条处理完成' });
        return;
      }
      queued++;
      chain = chain
        .then(async () => {
          const parsed = parseClientFrame(data);
          if (!parsed.ok) return send(parsed.error);
          const msg = parsed.msg;
          if (msg.type === 'open' && msg.sessionId === undefined) {
            // Each such open creates a session: capped per socket and, with POST /api/sessions, per IP.
            if (created >= cfg.SESSIONS_PER_CONNECTION) {
              return send({ type: 'error', code: WsErrorCode.rateLimited, message: `本连接新建会话已达上限（${cfg.SESSIONS_PER_CONNECTION}）` });
            }
            try {
              fastify.limits.takeSessionCreate(ip);
            } catch (err) {
              return send({ type: 'error', code: WsErrorCode.rateLimited, message: (err as Error).message });
            }
            created++;
            fastify.metrics.sessionsCreated.inc({ via: 'socket' });
          }
          const end = fastify.metrics.socketTurn.startTimer({ type: msg.type });
          await conversation.handle(msg);
          end();
          const sessionId = conversation.session;
          list(sessionId);
          // The other tabs of the session see the change at once, instead of answering a question already answered.
          if (sessionId && conversation.changedSession) for (const p of peers.get(sessionId) ?? []) if (p !== peer) p.enqueue(() => p.conversation.refresh());
        })
        .catch((err: unknown) => {
          request.log.error({ err, sessionId: conversation.session }, 'chat turn failed');
          send({ type: 'error', code: WsErrorCode.internal, message: '服务器内部错误，请重试' });
        })
        .finally(() => {
          queued--;
        });
    });
    socket.on('error', (err) => request.log.warn({ err }, 'chat socket error'));
  });
}

export default fp(chat, { name: 'chat', dependencies: ['store', 'knowledge', 'limits', 'metrics'] });
