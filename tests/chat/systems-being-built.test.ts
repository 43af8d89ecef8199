import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, processFactory, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';
import type { Assessment } from '../../server/schemas/profile';

/*
 * A system being built, commissioned or planned (在建, 正在上, 在调试, 计划上) is not in place, so it meets no element
 * condition, and it is not a plain no either: it is stored as being built with the words typed, read back as 在建, and
 * the element's gap names it as being built with the advice for once it is in use. Typed over the socket as the app runs.
 */
const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));

async function reply(e: ScriptedEnterprise, id: string, text: string) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  const r = await typed(s.client, 't', text);
  const body = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, unknown>; assessment: Assessment };
  await s.client.close();
  return { ...r, stored: recorded(r.msgs), answers: body.answers, assessment: body.assessment };
}

describe('a system being built', () => {
  // Phrasings of our own, apart from the interview vocabulary's examples.
  for (const [e, id, text] of [
    [discreteFactory, 'cap.mes', 'MES正在上，预计明年6月投用'],
    [discreteFactory, 'cap.agvRgv', '还在调试，两台AGV刚到货'],
    [discreteFactory, 'cap.andon', '安灯计划今年年底上'],
    [processFactory, 'cap.energyManagement', '能源管理系统在建，三季度能用上'],
    [processFactory, 'cap.apc', '先进控制正在实施中'],
  ] as const) {
    it(`「${text}」 is stored as being built, read back as 在建, with the words typed`, async () => {
      const r = await reply(e, id, text);
      expect(r.stored).toEqual({ [id]: 'building' });
      expect(said(r.msgs).join('\n')).toContain('在建');
      expect(r.next?.id, 'the question is answered').not.toBe(id);
    }, 120_000);
  }

  it('keeps the words with the date said, and the element\'s gap names it as being built with advice for once it is in use', async () => {
    const r = await reply(discreteFactory, 'cap.mes', 'MES正在上，预计明年6月投用');
    expect(r.answers['detail.cap.mes']).toContain('预计明年6月投用');
    const mesElements = r.assessment.conditions.filter((c) => c.missing.includes('mes'));
    expect(mesElements.length, 'an element that needs MES has a gap').toBeGreaterThan(0);
    for (const c of mesElements) {
      expect(c.status).toBe('partial');
      expect(c.advice).toContain('在建');
      expect(c.advice).toContain('建成投用后');
    }
  }, 120_000);

  // Near misses: a system in use, in part, on trial, tried and dropped, or lacking with no plan keeps its reading.
  for (const [id, text, value] of [
    ['cap.mes', '有，前年上线的', true],
    ['cap.mes', 'MES已经上线了，明年扩到全厂', 'partial'],
    ['cap.andon', '只有总装线上了安灯', 'partial'],
    ['cap.agvRgv', '没有，也没这个计划', false],
    ['cap.agvRgv', '试过一阵，后来不用了', false],
  ] as const) {
    it(`「${text}」 keeps its reading (${String(value)})`, async () => {
      const r = await reply(discreteFactory, id, text);
      expect(r.stored).toEqual({ [id]: value });
      expect(said(r.msgs).join('\n')).not.toContain('在建');
    }, 120_000);
  }
});
