import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * A form reply that gives the enterprise's facts and asks the assistant to write them up (「…你帮我写得正式一点」) is
 * the facts, recorded as said without the request, and the user hears that the draft words them from what was said
 * and nothing beyond it is written. A request with no facts of the enterprise beside it, or one for words made up, is
 * still refused.
 */
const srv = serveForFile();

async function answersOf(s: { sessionId: string; token: string }) {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

describe('facts typed with a request to write them up, at a free-text field of the form', () => {
  const cases: [string, string, string][] = [
    ['2008年成立，2015年搬进新厂区，2021年上了MES和SCADA，你帮我写得正式一点', '2008年成立，2015年搬进新厂区，2021年上了MES和SCADA', '你帮我写得正式一点'],
    ['帮我写一下：2010年注册成立，2018年扩建二期厂房，2022年通过两化融合贯标', '2010年注册成立，2018年扩建二期厂房，2022年通过两化融合贯标', '帮我写一下'],
  ];
  for (const [reply, stored, request] of cases) {
    it(`「${reply}」 records the facts alone and says the request is not carried out beyond them`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'form.history');
      const { msgs, next } = await typed(s.client, 'g-1', reply);
      expect(recordedIds(msgs)).toEqual(['form.history']);
      expect((await answersOf(s))['form.history']).toBe(stored);
      expect(said(msgs).join('')).toContain(`“${request}”：上面记录的是您说的实际情况，草稿会据此写成申报书的文字；事实之外的内容不会代为编写。`);
      expect(next?.id).not.toBe('form.history');
      await s.client.close();
    });
  }
  // A request for words made up or said regardless of fact makes the facts beside it no answer either.
  for (const reply of ['你帮我写一段吧', '随便写点就行，反正差不多', '这个你来写，写好看点', '你帮我编一段，就说2021年全部设备都联网了，采集率百分之百']) {
    it(`「${reply}」 has no facts of the enterprise: nothing is recorded and the field is asked again`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'form.history');
      const { msgs, next } = await typed(s.client, 'g-2', reply);
      expect(recordedIds(msgs)).toEqual([]);
      expect(said(msgs).join('')).toContain('不能代为编写');
      expect(next?.id).toBe('form.history');
      await s.client.close();
    });
  }
});
