import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { said, steer, typed } from './steer';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * Over the socket as the app runs: a count typed at a self-assessment question is no yes, and a correction that says
 * the yes was never given takes it back and says so. More phrasings and near misses are in tests/engine/unsaid-claims.
 */
const srv = serveForFile();

async function answersOf(sessionId: string, token: string): Promise<Record<string, AnswerValue>> {
  const res = await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await res.json()) as { answers: Record<string, AnswerValue> }).answers;
}

describe('the interview records no yes the enterprise did not say', () => {
  it('「联网的有六十台左右」 at the automation self-assessment is asked again; a later 「我没说是…不清楚」 takes a yes back', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'self.automationAdvanced');
    expect(s.question?.id).toBe('self.automationAdvanced');
    const count = await typed(s.client, 'c1', '联网的有六十台左右');
    expect(count.next?.id, 'the yes/no is asked again').toBe('self.automationAdvanced');
    expect((await answersOf(s.sessionId, s.token))['self.automationAdvanced']).toBeUndefined();

    const yes = await typed(s.client, 'c2', '是');
    expect(yes.next?.id).not.toBe('self.automationAdvanced');
    expect((await answersOf(s.sessionId, s.token))['self.automationAdvanced']).toBe(true);

    const back = await typed(s.client, 'c3', '更正一下，前面自动化设备占比是不是省内先进，我没说是，这个我们也不清楚');
    await s.client.close();
    expect((await answersOf(s.sessionId, s.token))['self.automationAdvanced'], 'the yes is taken back to unknown').toBeNull();
    // The turn says what changed, naming the item, rather than answering a question about the notice.
    expect(said(back.msgs).join('\n')).toContain('智能装备占比');
  }, 180_000);
});
