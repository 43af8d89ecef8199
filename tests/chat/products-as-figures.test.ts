import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * The products' question read as asking for revenue: the yearly figures are refused with what the field wants, and
 * the products then said as a correction naming the field (「主营产品刚才填错了，是…」) are the products. The 主营 in
 * 主营产品 does not name the interview's main-business condition, whose stored answer stays as it was.
 */
const srv = serveForFile();

async function answersOf(s: { sessionId: string; token: string }) {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

describe('yearly figures typed at the products question, over the socket', () => {
  for (const fix of ['主营产品刚才填错了，是闸阀60%，球阀25%，蝶阀15%', '把主要产品改成：闸阀60%，球阀25%，蝶阀15%']) {
    it(`records no product, says why; 「${fix}」 then fills the products and leaves 主营业务 alone`, async () => {
      const s = await steer(srv.url, workshop, (q) => q.id === 'form.products');
      const mainBusiness = (await answersOf(s))['ent.manufacturingMainBusiness'];
      const first = await typed(s.client, 'f-1', '2022年3.2亿，2021年2.8亿，2020年2.5亿');
      expect(recordedIds(first.msgs)).toEqual([]);
      expect(said(first.msgs).join('')).toContain('「2022年3.2亿，2021年2.8亿，2020年2.5亿」是各年的金额，不是产品，先不记录。');
      expect(first.next?.id).toBe('form.products');
      const second = await typed(s.client, 'f-2', fix);
      expect(recordedIds(second.msgs)).toEqual(['form.products']);
      const answers = await answersOf(s);
      expect(answers['form.products']).toBe('闸阀60%，球阀25%，蝶阀15%');
      expect(answers['ent.manufacturingMainBusiness']).toBe(mainBusiness);
      await s.client.close();
    });
  }
});
