import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, type ScriptedEnterprise } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * Through the socket and the store: 「120台」 typed where the chat asks 「车间2有哪些生产线？」 is a count, not a line's
 * name. It is asked back as one, nothing is stored, and the same question waits; a line's name that holds a figure is
 * stored as typed.
 */
const srv = serveForFile();

const twoWorkshops: ScriptedEnterprise = { name: '一家有两个车间的整机厂', facts: { ...discreteFactory.facts, 'form.workshopCount': 2, 'form.ws.1.lines': '冲压线；焊装线' } };

async function stored(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

describe('a figure typed where a workshop\'s lines are asked, in the chat', () => {
  it('「120台」, 「500万元」 and 「85%」 are asked back as what they are; 「120吨发酵罐生产线」 is stored', async () => {
    const s = await steer(srv.url, twoWorkshops, (q) => q.id === 'form.ws.2.lines');
    expect(s.question?.id).toBe('form.ws.2.lines');
    for (const [i, [text, kind]] of [['120台', '数量'], ['500万元', '金额'], ['85%', '百分比']].entries()) {
      const r = await typed(s.client, `l-${i}`, text!);
      expect(recordedIds(r.msgs), text).toEqual([]);
      const reply = said(r.msgs).join('\n');
      expect(reply).toContain(`「${text}」是${kind}`);
      expect(reply).toContain('生产线名称');
      expect(r.next?.id).toBe('form.ws.2.lines');
    }
    expect((await stored(s))['form.ws.2.lines']).toBeUndefined();
    const named = await typed(s.client, 'l-9', '120吨发酵罐生产线');
    expect(recordedIds(named.msgs)).toContain('form.ws.2.lines');
    expect((await stored(s))['form.ws.2.lines']).toBe('120吨发酵罐生产线');
    await s.client.close();
  }, 120_000);
});
