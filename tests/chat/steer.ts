import type { QuestionView } from '../../server/schemas/interview';
import type { ServerMessage } from '../../server/schemas/ws';
import { ChatClient } from './client';
import { answerFor, type ScriptedEnterprise } from './enterprises';

type Assessment = Extract<ServerMessage, { type: 'assessment' }>['assessment'];

export interface Steered {
  client: ChatClient;
  sessionId: string;
  token: string;
  question: QuestionView | null;
  assessment: Assessment;
}

/** Opens a session and answers from the enterprise's fact table until `stop` holds for the pending question (or none is left). */
export async function steer(url: string, e: ScriptedEnterprise, stop: (q: QuestionView) => boolean, max = 300): Promise<Steered> {
  const client = await ChatClient.connect(url);
  client.send({ type: 'open' });
  const session = await client.next('session');
  let assessment = (await client.next('assessment')).assessment;
  let q: QuestionView | null = (await client.next('question')).question;
  for (let i = 0; q && !stop(q); i++) {
    if (i >= max) throw new Error(`did not reach the question after ${max} answers`);
    const clientId = `s-${i}`;
    client.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(e, q) });
    const reply = await client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
    if (reply.type === 'error') throw new Error(`answer to ${q.id} refused: ${reply.message}`);
    assessment = (await client.next('assessment')).assessment;
    q = (await client.next('question')).question;
  }
  return { client, sessionId: session.sessionId, token: session.token, question: q, assessment };
}

/** On an open session, answers the cards from the enterprise's facts until `stop` holds for the question waiting. */
export async function answerOn(client: ChatClient, e: ScriptedEnterprise, q: QuestionView | null, stop: (q: QuestionView) => boolean, max = 200): Promise<QuestionView> {
  for (let i = 0; q && !stop(q); i++) {
    if (i > max) throw new Error('did not reach the question');
    const clientId = `a-${q.id}-${i}`;
    client.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(e, q) });
    const reply = await client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
    if (reply.type === 'error') throw new Error(`answer to ${q.id} refused: ${reply.message}`);
    q = (await client.next('question')).question;
  }
  if (!q) throw new Error('the form ended first');
  return q;
}

/** Sends one message and returns every frame of the turn, up to its closing question card. */
export async function turn(c: ChatClient, msg: { clientId: string } & Record<string, unknown>): Promise<ServerMessage[]> {
  const from = c.received.length;
  c.send(msg);
  await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === msg.clientId);
  await c.next('question');
  return c.received.slice(from);
}

/** Types one text message; returns every frame of the turn and the question card it closes with. A refusal throws. */
export async function typed(c: ChatClient, clientId: string, text: string, mode?: 'interview' | 'qa'): Promise<{ msgs: ServerMessage[]; next: QuestionView | null }> {
  const from = c.received.length;
  c.send({ type: 'text', clientId, text, ...(mode ? { mode } : {}) });
  const ack = await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId, 30_000);
  if (ack.type === 'error') throw new Error(`「${text}」 refused: ${ack.message}`);
  const next = (await c.next('question', 30_000)).question;
  return { msgs: c.received.slice(from), next };
}

export const said = (msgs: ServerMessage[]) => msgs.flatMap((m) => (m.type === 'message.end' ? [m.text] : []));
export const recordedIds = (msgs: ServerMessage[]) => msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => i.questionId) : []));
export const lastQuestion = (msgs: ServerMessage[]) => [...msgs].reverse().find((m) => m.type === 'question') as Extract<ServerMessage, { type: 'question' }> | undefined;

/** Steers to the question `at` and types `text` there: what the reply records (values and displays), says and asks next. */
export async function replyAt(url: string, e: ScriptedEnterprise, at: string, text: string) {
  const s = await steer(url, e, (q) => q.id === at);
  if (s.question?.id !== at) throw new Error(`the interview does not reach ${at}`);
  const r = await typed(s.client, 't', text);
  const items = r.msgs.flatMap((m) => (m.type === 'recorded' ? m.items : []));
  return { client: s.client, next: r.next, stored: Object.fromEntries(items.map((i) => [i.questionId, i.value])), shown: Object.fromEntries(items.map((i) => [i.questionId, i.display])), said: said(r.msgs).join('\n') };
}
