import { it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { as, staffAs } from '../staff/helpers';
import { said, recordedIds, steer, typed } from './steer';
const srv = serveForFile();
it('probe', async () => {
  const staff = await staffAs(srv, 'probe', 'helpline');
  for (const [id, text] of [['cap.mes', '有'], ['metric.networkedRatio', '百分之九十五'], ['ent.credit.dishonestExecutee', '没有'], ['ent.city', '郑州'], ['form.employees', '员工三百二十人'], ['cap.apc', '有的'], ['form.creditCode', '没有']] as const) {
    const s = await steer(srv.url, workshop, (q) => q.id === id || q.id.startsWith(id));
    if (!s.question) { console.log('NOTREACHED', id); continue; }
    const r = await typed(s.client, 'x1', text);
    console.log('TYPED', s.question.id, text, recordedIds(r.msgs), said(r.msgs).join('/').slice(0, 60));
    await s.client.close();
  }
  const q = (await srv.app.inject({ method: 'GET', url: '/api/staff/review', headers: as(staff) })).json();
  for (const i of q.items) console.log('QUEUE', i.source, i.question, i.answer?.slice?.(0, 40));
}, 300_000);
