import type { QuestionView } from '../../server/schemas/interview';
import type { ServerMessage } from '../../server/schemas/ws';
import { ChatClient } from './client';
import { answerFor, type ScriptedEnterprise } from './enterprises';

type Assessment = Extract<ServerMessage, { type: 'assessment' }>['assessment'];

export interface Walk {
  client: ChatClient;
  sessionId: string;
  token: string;
  asked: string[];
  assessment: Assessment;
}

/** Opens a session and answers every question the server asks from the enterprise's fact table until none is left. */
export async function walk(url: string, e: ScriptedEnterprise, maxQuestions = 300): Promise<Walk> {
  const client = await ChatClient.connect(url);
  client.send({ type: 'open' });
  const session = await client.next('session');
  let assessment = (await client.next('assessment')).assessment;
  let q: QuestionView | null = (await client.next('question')).question;
  const asked: string[] = [];
  while (q) {
    if (asked.length >= maxQuestions) throw new Error(`interview did not end after ${maxQuestions} questions: ${asked.slice(-5).join(', ')}`);
    asked.push(q.id);
    const clientId = `a-${asked.length}`;
    client.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(e, q) });
    const reply = await client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
    if (reply.type === 'error') throw new Error(`answer to ${q.id} refused: ${reply.message}`);
    assessment = (await client.next('assessment')).assessment;
    q = (await client.next('question')).question;
  }
  return { client, sessionId: session.sessionId, token: session.token, asked, assessment };
}
