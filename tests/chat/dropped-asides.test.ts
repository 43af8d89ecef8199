import { expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { said, steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';

/* 「地磅算了，不管它」 typed over the socket at the SCADA item: nothing is recorded, the user hears so and the item is asked again. */
const srv = serveForFile();

it('a reply that only drops an aside records nothing and asks the item again', async () => {
  const s = await steer(srv.url, workshop, (q) => q.id === 'cap.scada');
  expect(s.question?.id).toBe('cap.scada');
  const r = await typed(s.client, 't0', '地磅算了，不管它');
  expect(r.msgs.filter((m: ServerMessage) => m.type === 'recorded')).toEqual([]);
  expect(said(r.msgs).join('\n')).toContain('「地磅算了，不管它」先不算');
  expect(r.next?.id).toBe('cap.scada');
  const yes = await typed(s.client, 't1', '有SCADA');
  expect(yes.msgs.flatMap((m: ServerMessage) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : []))).toEqual([['cap.scada', true]]);
  await s.client.close();
}, 120_000);
