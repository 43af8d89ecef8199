import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, type ScriptedEnterprise } from './enterprises';
import { steer, typed } from './steer';

/*
 * A ratio the interview asks for and is given as two counts (「全厂260台设备，联网221台」) is recorded as the ratio they
 * give, and the counts are kept as typed beside it, so the form states them; a ratio given as a figure keeps none.
 * Typed over the socket as the app runs.
 */
const srv = serveForFile();

async function reply(e: ScriptedEnterprise, id: string, texts: string[]) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  for (const t of texts) await typed(s.client, 't', t);
  const body = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, unknown> };
  await s.client.close();
  return body.answers;
}

describe('a ratio given as counts', () => {
  it('keeps the counts as typed beside the ratio they give', async () => {
    const answers = await reply(discreteFactory, 'metric.networkedRatio', ['全厂设备三百台，联网的二百五十五台']);
    expect(answers['metric.networkedRatio']).toBe(85);
    expect(answers['detail.metric.networkedRatio']).toBe('全厂设备三百台，联网的二百五十五台');
  }, 120_000);

  // Near miss: a ratio given as a figure keeps no words beside it.
  it('keeps nothing beside a ratio given as a figure', async () => {
    const answers = await reply(discreteFactory, 'metric.networkedRatio', ['联网率百分之九十']);
    expect(answers['metric.networkedRatio']).toBe(90);
    expect(answers['detail.metric.networkedRatio']).toBeUndefined();
  }, 120_000);
});

describe('a title said beside the 节能减排 yes', () => {
  it('keeps the words beside the yes', async () => {
    const answers = await reply(discreteFactory, 'ent.greenPriority', ['是的，前年评上了国家级绿色工厂']);
    expect(answers['ent.greenPriority']).toBe(true);
    expect(answers['detail.ent.greenPriority']).toBe('前年评上了国家级绿色工厂');
  }, 120_000);
});
