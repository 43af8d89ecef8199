import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';

/*
 * Replies a browser probe found stored as the wrong thing, typed over the socket as the app runs: a question about a case
 * told before it, a hypothetical about a lacking system, a share of another measure, 「这个比例」 asked of the measure
 * waiting, a system run inside the ERP, a profit and a hedged 够吧. Their other phrasings and near misses are in
 * tests/engine/replies-that-ask.
 */
const srv = serveForFile();
const recorded = (msgs: ServerMessage[]) => msgs.flatMap((m) => (m.type === 'recorded' ? m.items : []));

async function reply(e: ScriptedEnterprise, at: string, ...texts: string[]) {
  const s = await steer(srv.url, e, (q) => q.id === at);
  expect(s.question?.id, `the interview reaches ${at}`).toBe(at);
  let r = await typed(s.client, 't0', texts[0]!);
  for (const [i, text] of texts.slice(1).entries()) r = await typed(s.client, `t${i + 1}`, text);
  const items = recorded(r.msgs);
  return { client: s.client, next: r.next, stored: Object.fromEntries(items.map((i) => [i.questionId, i.value])), shown: Object.fromEntries(items.map((i) => [i.questionId, i.display])), said: said(r.msgs).join('\n') };
}

const unchosen: ScriptedEnterprise = { name: workshop.name, facts: Object.fromEntries(Object.entries(workshop.facts).filter(([id]) => id !== 'cat.scope')) };

describe('the replies of the browser probe that ask, in the chat', () => {
  it('「前年车间出过一起安全事故…这个影响申报不？」 at the category question is answered, and no category is stored', async () => {
    const r = await reply(unchosen, 'cat.scope', '前年车间出过一起安全事故，伤了一个工人，这个影响申报不？');
    expect(r.stored).toEqual({});
    expect(r.next?.id).toBe('cat.scope');
    expect(r.said).toContain('安全事故');
    expect(r.said).not.toContain('申报方向');
    await r.client.close();
  }, 120_000);

  it.each(['没有SCADA会不会直接被否掉', '要是没上SCADA，还能报车间不'])('「%s」 is answered from the element clause, and nothing is stored', async (text) => {
    const r = await reply(workshop, 'cap.scada', text);
    expect(r.stored).toEqual({});
    expect(r.next?.id).toBe('cap.scada');
    expect(r.said).toContain('三(一)5');
    await r.client.close();
  }, 120_000);

  it('「联网的占自动化设备的百分之八十五」 at the automation share records the networked share, and asks the automation share again', async () => {
    const r = await reply(workshop, 'metric.automationRatio', '联网的占自动化设备的百分之八十五');
    expect(r.stored).toEqual({ 'metric.networkedRatio': 85 });
    expect(r.shown['metric.networkedRatio']).toBe('85%');
    expect(r.next?.id).toBe('metric.automationRatio');
    await r.client.close();
  }, 120_000);

  it('「这个比例够不够先进水平？」 after another question is answered of the share waiting', async () => {
    const r = await reply(workshop, 'metric.automationRatio', '车间网络有什么要求？', '这个比例够不够先进水平？');
    expect(r.stored).toEqual({});
    expect(r.next?.id).toBe('metric.automationRatio');
    expect(r.said).toContain('自动化、数字化、智能化设备占比');
    expect(r.said).toContain('三(一)2');
    expect(r.said).not.toContain('网络比例');
    await r.client.close();
  }, 120_000);

  it('「SCM没有单独的系统，采购在ERP里走」 records SCM in part', async () => {
    const r = await reply(discreteFactory, 'cap.scm', 'SCM没有单独的系统，采购在ERP里走');
    expect(r.stored).toEqual({ 'cap.scm': 'partial' });
    expect(r.next?.id).not.toBe('cap.scm');
    await r.client.close();
  }, 120_000);

  it('「效益还行，去年挣了一千多万」 is the business question’s yes', async () => {
    const r = await reply(workshop, 'ent.operatingWell', '效益还行，去年挣了一千多万');
    expect(r.stored).toEqual({ 'ent.operatingWell': true });
    await r.client.close();
  }, 120_000);

  it('「够吧」 is heard as a doubted yes, like 「柔性单元算有吧」', async () => {
    const r = await reply(workshop, 'ent.operatingWell', '够吧');
    expect(r.stored).toEqual({});
    expect(r.next?.id).toBe('ent.operatingWell');
    expect(r.said).toContain('「够吧」');
    expect(r.said).toContain('不确定');
    await r.client.close();
  }, 120_000);
});
