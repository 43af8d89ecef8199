import { describe, expect, it } from 'vitest';
import { yearSeries } from '../../server/understand/years';
import { serveForFile } from '../chat/serve';
import { workshop } from '../chat/enterprises';
import { recordedIds, said, steer, typed } from '../chat/steer';

/*
 * Figures said for a series of years (「2020到2022年总资产分别是3.2亿、3.6亿、4.1亿」) in the form phase, over the socket:
 * the series' years are never amounts, each run of figures goes to the years in order and to the row its words name,
 * and a run whose count differs from the years', or that names no row, records nothing and is asked back.
 */
const srv = serveForFile();

async function finance(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  const body = (await r.json()) as { answers: Record<string, unknown> };
  return Object.fromEntries(Object.entries(body.answers).filter(([k]) => k.startsWith('form.finance.')));
}

describe('the years of a series', () => {
  it('reads ranges and lists of years, in any of the ways they are typed', () => {
    const cases: [string, number[]][] = [
      ['2020到2022年营收分别是', [2020, 2021, 2022]],
      ['2020-2022年', [2020, 2021, 2022]],
      ['2020年至2022年', [2020, 2021, 2022]],
      ['20到22年利润', [2020, 2021, 2022]],
      ['二〇二〇到二〇二二年', [2020, 2021, 2022]],
      ['2021～2022年度', [2021, 2022]],
      ['2020、2021、2022年总资产', [2020, 2021, 2022]],
      ['2020年、2021年和2022年', [2020, 2021, 2022]],
      ['21、22年分别是', [2021, 2022]],
      ['2021年度跟2022年度', [2021, 2022]],
      ['近三年利润分别是', [2020, 2021, 2022]],
      ['最近两年各', [2021, 2022]],
    ];
    for (const [text, years] of cases) expect(yearSeries(text, 2023)?.years, text).toEqual(years);
  });

  it('finds no series in a single year, a date, an amount list, or a range that runs backwards', () => {
    for (const text of ['2022年营收3.9亿', '2009年8月成立的', '营收2.8亿、3.3亿、3.9亿', '2022到2020年', '员工15、20人', '3.2、3.6亿', '近三年营收稳定增长', '成立三年了']) expect(yearSeries(text, 2023), text).toBeUndefined();
  });
});

describe('figures said for a series of years, in the chat', () => {
  it('places each run of figures in its row, year by year, and never reads the first year as an amount', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.finance.2020.totalAssets');
    const { msgs } = await typed(s.client, 'y-1', '2020到2022年总资产分别是3.2亿、3.6亿、4.1亿，负债1.5亿、1.7亿、1.9亿，营收2.8亿、3.3亿、3.9亿，利润850万、920万、1100万');
    expect(recordedIds(msgs)).toHaveLength(12);
    expect(await finance(s)).toEqual({
      'form.finance.2020.totalAssets': 32000, 'form.finance.2021.totalAssets': 36000, 'form.finance.2022.totalAssets': 41000,
      'form.finance.2020.totalLiabilities': 15000, 'form.finance.2021.totalLiabilities': 17000, 'form.finance.2022.totalLiabilities': 19000,
      'form.finance.2020.revenue': 28000, 'form.finance.2021.revenue': 33000, 'form.finance.2022.revenue': 39000,
      'form.finance.2020.profit': 850, 'form.finance.2021.profit': 920, 'form.finance.2022.profit': 1100,
    });
    // No figure is 2020 or 2022 (万元): the series' years are never amounts.
    expect(Object.values(await finance(s))).not.toContain(2020);
    await s.client.close();
  }, 120_000);

  it('reads a list of years and a two-digit range the same way', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.finance.2020.totalAssets');
    await typed(s.client, 'z-1', '20-22年营业收入分别为1.1亿、1.25亿和1.4亿');
    await typed(s.client, 'z-2', '2020、2021、2022年的利润是600万、700万、800万');
    expect(await finance(s)).toMatchObject({
      'form.finance.2020.revenue': 11000, 'form.finance.2021.revenue': 12500, 'form.finance.2022.revenue': 14000,
      'form.finance.2020.profit': 600, 'form.finance.2021.profit': 700, 'form.finance.2022.profit': 800,
    });
    await s.client.close();
  }, 120_000);

  it('records nothing and asks back when a run does not give one figure a year, or names no row', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.finance.2020.totalAssets');
    for (const [id, text] of [
      ['n-1', '2020到2022年总资产分别是3.2亿、3.6亿、4.1亿，利润850万'],
      ['n-2', '2020到2022年营收分别是2.8亿、3.3亿'],
      ['n-3', '2020到2022年总资产分别是3.2亿、3.6亿、4.1亿，还有1.5亿、1.7亿、1.9亿'],
    ] as const) {
      const { msgs, next } = await typed(s.client, id, text);
      expect(recordedIds(msgs), text).toEqual([]);
      expect(said(msgs).join(''), text).toContain('没法逐年对上，先没有记录');
      expect(next?.id).toBe('form.finance.2020.totalAssets');
    }
    expect(await finance(s)).toEqual({});
    // A single year's figure to its own field reads as before.
    const plain = await typed(s.client, 'n-4', '3.2亿');
    expect(recordedIds(plain.msgs)).toEqual(['form.finance.2020.totalAssets']);
    await s.client.close();
  }, 120_000);
});
