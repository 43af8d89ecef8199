import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * Over the socket: an address typed at the credit code is said back as an address, kept as 单位地址 while that is
 * empty, and the code is asked again; one tax figure said for the two years before the one asked fills both, as round.
 */
const srv = serveForFile();

async function stored(sessionId: string, token: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

describe('form replies read for more than the field asked', () => {
  it('an address at the credit code fills the empty address and asks the code again; typed again, it only asks', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.creditCode');
    const first = await typed(s.client, 'a-1', '郑州市高新区科学大道100号');
    expect(recordedIds(first.msgs)).toEqual(['form.address']);
    expect(said(first.msgs).join('\n')).toContain('「郑州市高新区科学大道100号」是地址，这一项要填的是18位统一社会信用代码');
    expect(first.next?.id).toBe('form.creditCode');
    expect((await stored(s.sessionId, s.token))['form.address']).toBe('郑州市高新区科学大道100号');
    expect((await stored(s.sessionId, s.token))['form.creditCode']).toBeUndefined();
    // The address already held: nothing is recorded, and the reply is still said back as an address.
    const again = await typed(s.client, 'a-2', '郑州市高新区科学大道100号');
    expect(recordedIds(again.msgs)).toEqual([]);
    expect(said(again.msgs).join('\n')).toContain('是地址');
    expect(again.next?.id).toBe('form.creditCode');
    await s.client.close();
  }, 240_000);

  it('「前两年都是1000万左右」 said at 2020年税金 fills all three years, the two round ones marked as round', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'form.finance.2020.tax');
    const r = await typed(s.client, 't-1', '2022年交税1200万，前两年都是1000万左右');
    expect(recordedIds(r.msgs).sort()).toEqual(['form.finance.2020.tax', 'form.finance.2021.tax', 'form.finance.2022.tax']);
    const answers = await stored(s.sessionId, s.token);
    expect([answers['form.finance.2022.tax'], answers['form.finance.2021.tax'], answers['form.finance.2020.tax']]).toEqual([1200, 1000, 1000]);
    // The figure's name said once (交税) is carried to the years said after it, so the round one reads back with it.
    expect(answers['approx.form.finance.2021.tax']).toBe('2021年交税1000万左右');
    expect(answers['approx.form.finance.2022.tax']).toBeUndefined();
    await s.client.close();
  }, 240_000);
});
