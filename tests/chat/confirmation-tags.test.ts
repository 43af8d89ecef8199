import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * A statement closed by a confirmation tag (是吧, 对吧, 对不对, 没错吧) and no question mark asks whether the
 * statement is right: it is answered as /api/ask answers it, in the interview and in the form phase alike,
 * and nothing is stored. The tag alone, or a plain yes, to a yes/no question still answers it.
 */

const srv = serveForFile();

const asked = [
  ['视频资料不超过200兆是吧', /200M/],
  ['视频最大两百兆对不对', /200M/],
  ['照片至少20张对吧', /10张/],
  ['申报截止是10月底没错吧', /3月15日/],
] as const;

describe('a statement closed by a confirmation tag', () => {
  for (const id of ['ent.registeredInHenan', 'ent.city', 'cap.mes', 'form.creditCode']) {
    it(`is answered while ${id} waits, and ${id} keeps waiting with nothing recorded`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === id);
      expect(s.question?.id).toBe(id);
      for (const [i, [text, answer]] of asked.entries()) {
        const { msgs, next } = await typed(s.client, `t-${i}`, text);
        expect(recordedIds(msgs), `「${text}」 is no answer to ${id}`).toEqual([]);
        expect(said(msgs).join('\n'), `「${text}」 is answered`).toMatch(answer);
        expect(next?.id).toBe(id);
      }
      await s.client.close();
    }, 120_000);
  }
});

describe('a reply to a pending yes/no item', () => {
  for (const text of ['对', '是的', '是吧', '对吧', '没错']) {
    it(`「${text}」 still answers it`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'ent.registeredInHenan');
      const { msgs, next } = await typed(s.client, 'y-1', text);
      expect(recordedIds(msgs)).toEqual(['ent.registeredInHenan']);
      expect(next?.id).not.toBe('ent.registeredInHenan');
      await s.client.close();
    });
  }

  it('「应该是吧」 is still a hedge asked back, and 「有MES对吧」 records the system and answers the tag', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'cap.mes');
    const hedge = await typed(s.client, 'h-1', '应该有吧');
    expect(recordedIds(hedge.msgs)).toEqual([]);
    const stated = await typed(s.client, 'h-2', '有MES对吧');
    expect(recordedIds(stated.msgs)).toEqual(['cap.mes']);
    await s.client.close();
  });
});
