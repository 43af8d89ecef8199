import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { recordedIds, steer, typed } from './steer';

/*
 * A bare 没有/否 that echoes what the rest of the reply says of another subject (the credit lists, a penalty, an
 * accident) is no answer to the basic question asked: typed at 「企业的生产经营和财务状况是否良好？」 it must not be stored
 * as 否, which would end the interview at 二(一). The question is asked again, and the assessment stays open.
 */
const srv = serveForFile();

const OFF_SUBJECT = ['没有，三个名单都没上过', '否，没有受过处罚', '没有，我们没被处罚过', '否，没发生过安全事故', '不是，从来没上过黑名单', '没有，从来没被列入失信'];

describe('a no about another subject, at a basic question', () => {
  it('is not stored as the finance answer; the question is asked again and no verdict is reached', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.operatingWell');
    for (const [i, text] of OFF_SUBJECT.entries()) {
      const { msgs, next } = await typed(s.client, `o-${i}`, text);
      expect(recordedIds(msgs), text).not.toContain('ent.operatingWell');
      expect(next?.id, text).toBe('ent.operatingWell');
      const assessment = [...msgs].reverse().find((m) => m.type === 'assessment');
      expect(assessment?.type === 'assessment' ? assessment.assessment.verdict : 'no assessment sent', text).not.toBe('ineligible');
    }
    await s.client.close();
  }, 120_000);

  it('still takes an answer about the finances, or a bare yes backed by a credit remark, as the answer', async () => {
    const cases: [string, boolean][] = [
      ['不好，去年亏了', false],
      ['没有，都没有亏损', true],
      ['是的，信用没问题', true],
      ['良好，没有上过名单', true],
      ['没有', false],
    ];
    for (const [i, [text, value]] of cases.entries()) {
      const s = await steer(srv.url, workshop, (q) => q.id === 'ent.operatingWell');
      const { msgs } = await typed(s.client, `p-${i}`, text);
      const item = msgs.flatMap((m) => (m.type === 'recorded' ? m.items : [])).find((x) => x.questionId === 'ent.operatingWell');
      expect(item?.value, text).toBe(value);
      await s.client.close();
    }
  }, 180_000);

  it('reads the same echo at the registration question as no answer to it', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.registeredInHenan');
    const { msgs, next } = await typed(s.client, 'r-1', '没有，三个名单都没上过');
    expect(recordedIds(msgs)).not.toContain('ent.registeredInHenan');
    expect(next?.id).toBe('ent.registeredInHenan');
    await s.client.close();
  }, 60_000);
});
