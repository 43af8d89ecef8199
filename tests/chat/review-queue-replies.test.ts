import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { as, staffAs } from '../staff/helpers';
import { recordedIds, steer, typed } from './steer';

/*
 * The staff review queue holds questions the assistant answered badly, and replies the interview could not
 * read at all under their own source. A reply the interview recorded, or read and asked back to confirm
 * (「0.6」: 0.6% or 60%?), is no question for the helpline.
 */

const srv = serveForFile();

describe('interview replies and the review queue', () => {
  it('lists only the reply that was not read, under the interview source; recorded and asked-back replies stay out', async () => {
    const staff = await staffAs(srv, 'queuedesk', 'helpline');
    const s = await steer(srv.url, workshop, (q) => q.id === 'metric.networkedRatio');
    const askedBack = await typed(s.client, 'r1', '0.6');
    expect(recordedIds(askedBack.msgs)).toEqual([]);
    const recorded = await typed(s.client, 'r2', '百分之九十五');
    expect(recordedIds(recorded.msgs)).toEqual(['metric.networkedRatio']);
    const c = await steer(srv.url, workshop, (q) => q.id === 'ent.registeredInHenan');
    const unread = await typed(c.client, 'r3', '仓库那边上周刚刷过漆');
    expect(recordedIds(unread.msgs)).toEqual([]);
    await s.client.close();
    await c.client.close();
    const items = (await srv.app.inject({ method: 'GET', url: '/api/staff/review', headers: as(staff) })).json().items as { source: string; question: string }[];
    expect(items.map((i) => [i.source, i.question])).toEqual([['interview', '仓库那边上周刚刷过漆']]);
  }, 120_000);
});
