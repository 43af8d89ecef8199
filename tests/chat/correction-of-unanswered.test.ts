import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory } from './enterprises';
import { said, steer, typed } from './steer';
import type { AnswerValue } from '../../server/schemas/interview';
import type { ServerMessage } from '../../server/schemas/ws';

/*
 * A correction that names an interview item stores what it says the answer is, whether or not anything was stored for
 * the item: 「我没说是…不清楚」 is the item unknown (stored as skipped, to be asked or left open), and the reply says
 * so. Typed over the socket while the MES question waits, before the self-assessment of automation is asked.
 */
const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));

async function reply(text: string) {
  const s = await steer(srv.url, discreteFactory, (q) => q.id === 'cap.mes');
  const r = await typed(s.client, 't', text);
  const body = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, AnswerValue> };
  await s.client.close();
  return { ...r, stored: recorded(r.msgs), answers: body.answers };
}

describe('a correction of an item with nothing stored', () => {
  it('the automation self-assessment is not yet answered when the MES question waits', async () => {
    const r = await reply('有，前年上线的');
    expect(r.answers['self.automationAdvanced'], 'nothing stored for it yet').toBeUndefined();
  }, 120_000);

  // Phrasings of our own.
  for (const text of [
    '更正一下，自动化设备占比算不算省内先进，我没说是，这个我们说不好',
    '纠正一下，前面设备占比是不是省内领先我没说过是，不清楚',
    '刚才说错了，智能装备占比达没达到省内先进，我没这么说，不太清楚',
  ]) {
    it(`「${text}」 stores the item as unknown and says so`, async () => {
      const r = await reply(text);
      expect(r.stored).toEqual({ 'self.automationAdvanced': null });
      expect(r.answers).toHaveProperty(['self.automationAdvanced'], null);
      expect(said(r.msgs).join('\n')).toContain('智能装备占比达到省内行业先进水平（自评）——已跳过');
      expect(r.next?.id, 'the MES question still waits').toBe('cap.mes');
    }, 120_000);
  }

  it('a correction that gives a value stores it', async () => {
    const r = await reply('更正一下，自动化设备占比是不是省内先进，我没说是，其实没达到');
    expect(r.stored).toEqual({ 'self.automationAdvanced': false });
  }, 120_000);

  // Near misses: no correction word, so nothing unanswered is changed by the way.
  for (const text of ['自动化设备占比是不是省内先进怎么判断？', '自动化设备占比算不算省内先进我们也不清楚']) {
    it(`「${text}」 stores nothing for the self-assessment`, async () => {
      const r = await reply(text);
      expect(r.answers['self.automationAdvanced']).toBeUndefined();
    }, 120_000);
  }
});
