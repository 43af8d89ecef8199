import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { steer, typed, said, recordedIds } from './steer';
import type { AnswerValue } from '../../server/schemas/interview';
import type { Assessment } from '../../server/schemas/profile';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';

/*
 * 四(一), over the socket: a 木门 maker that holds the 智能车间 title for one workshop and applies for 智能车间 is
 * asked whether the workshop is the titled one, in its own words; the same workshop ends the interview ineligible
 * with the notice's remedy, another one goes on to the workshop's elements.
 */
const srv = serveForFile();

const facts: Record<string, AnswerValue> = {
  ...HARD_CONDITIONS_MET,
  'ent.priorTitles': 'smartWorkshop',
  'ent.city': '信阳市', 'ent.county': '潢川县', 'ent.foundedYear': '2011', 'cat.scope': 'workshop', 'ent.industryCode': '20', 'cat.productionMode': 'discrete',
  'ent.greenPriority': false,
};
const table = { name: 'H7-潢川木门', facts: new Proxy(facts, { has: () => true, get: (t, k: string) => (k in t ? t[k] : true) }) };

async function assessmentOf(s: { sessionId: string; token: string }): Promise<Assessment> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { assessment: Assessment }).assessment;
}

describe('四(一): the titled workshop, asked in the interview', () => {
  it('the same workshop, said in the enterprise\'s words, ends the interview ineligible with the clause and the remedy', async () => {
    const s = await steer(srv.url, table, (q) => q.id === 'ent.titledWorkshopAgain');
    expect(s.question?.id).toBe('ent.titledWorkshopAgain');
    const { msgs, next } = await typed(s.client, 't-1', '还是2021年评上的那个木门车间，又改造了一遍');
    expect(recordedIds(msgs)).toEqual(['ent.titledWorkshopAgain']);
    expect(next?.id ?? null).not.toBe('ent.titledWorkshopAgain');
    const text = said(msgs).join('\n');
    expect(text).toContain('四(一)');
    expect(text).toContain('其他生产性车间');
    const a = await assessmentOf(s);
    expect(a).toMatchObject({ eligible: false, verdict: 'ineligible', category: { recommended: null, ifEligible: 'smartWorkshop' } });
    expect(a.blocking.map((b) => b.clause)).toEqual(['四(一)']);
    await s.client.close();
  }, 180_000);

  it('another workshop passes, and the interview goes on', async () => {
    const s = await steer(srv.url, table, (q) => q.id === 'ent.titledWorkshopAgain');
    const { msgs, next } = await typed(s.client, 't-1', '不是，这回换喷漆车间报');
    // The workshop changed to is kept as the form's 车间名称 beside the no.
    expect(recordedIds(msgs)).toEqual(['ent.titledWorkshopAgain', 'form.ws.1.name']);
    expect(msgs.flatMap((m) => (m.type === 'recorded' ? m.items : [])).find((i) => i.questionId === 'form.ws.1.name')?.value).toBe('喷漆车间');
    expect(next).not.toBeNull();
    expect(next!.id).not.toBe('ent.titledWorkshopAgain');
    const a = await assessmentOf(s);
    expect(a.eligible).toBe(true);
    expect(a.blocking).toEqual([]);
    await s.client.close();
  }, 180_000);
});
