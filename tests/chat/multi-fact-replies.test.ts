import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';

/*
 * A reply carrying several facts keeps each under its own field, whichever field was asked; several figures in one reply
 * keep their own year and kind; a short question typed alone at an item is answered about that item and never stored.
 * Typed over the socket as the app runs; the phrasings are our own.
 */
const srv = serveForFile();
const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));

async function at(id: string, text: string) {
  const s = await steer(srv.url, workshop, (q) => q.id === id);
  const r = await typed(s.client, 't', text);
  await s.client.close();
  return { ...r, stored: recorded(r.msgs) };
}

describe('a reply with several facts of a person', () => {
  it.each([
    ['form.leader.name', '负责人是董事长李振华，高级工程师，电话13838123456', { 'form.leader.name': '李振华', 'form.leader.title': '董事长、高级工程师', 'form.leader.phone': '13838123456' }],
    ['form.leader.name', '总经理赵建国，正高级工程师，手机13703712345', { 'form.leader.name': '赵建国', 'form.leader.title': '总经理、正高级工程师', 'form.leader.phone': '13703712345' }],
    ['form.contact.name', '联系人是办公室主任孙丽，邮箱sunli@hnzz.cn', { 'form.contact.name': '孙丽', 'form.contact.title': '办公室主任', 'form.contact.email': 'sunli@hnzz.cn' }],
  ] as const)('at %s, 「%s」 stores each fact in its own field', async (id, text, want) => {
    const r = await at(id, text);
    expect(r.stored).toEqual(want);
  }, 120_000);

  it('a reply naming no person is still asked back, with nothing stored under the name', async () => {
    const r = await at('form.leader.name', '董事长出差了');
    expect(r.stored['form.leader.name']).toBeUndefined();
    expect(r.next?.id).toBe('form.leader.name');
  }, 120_000);
});

describe('several figures in one reply', () => {
  it('keeps the year said with the first figure for the figures after it that name only their kind', async () => {
    const r = await at('form.finance.2020.totalAssets', '2022年营收4.6亿，利润3200万，税金1800万');
    expect(r.stored).toEqual({ 'form.finance.2022.revenue': 46000, 'form.finance.2022.profit': 3200, 'form.finance.2022.tax': 1800 });
    // The asked item is still asked: none of the figures was its own.
    expect(r.next?.id).toBe('form.finance.2020.totalAssets');
  }, 120_000);

  it('keeps another year\'s figures with their own year', async () => {
    const r = await at('form.finance.2020.totalAssets', '去年总资产5.2亿，负债2.1亿');
    expect(r.stored).toEqual({ 'form.finance.2022.totalAssets': 52000, 'form.finance.2022.totalLiabilities': 21000 });
  }, 120_000);

  it('places figures said of several years at once, each in its year, as the asked kind when no kind is named', async () => {
    const r = await at('form.finance.2020.revenue', '21、22年分别是3.1亿和4.6亿');
    expect(r.stored).toEqual({ 'form.finance.2021.revenue': 31000, 'form.finance.2022.revenue': 46000 });
    const named = await at('form.finance.2020.revenue', '2021和2022年的利润分别为2800万、3500万');
    expect(named.stored).toEqual({ 'form.finance.2021.profit': 2800, 'form.finance.2022.profit': 3500 });
  }, 120_000);

  it('a figure with no year or kind named stays with the asked item', async () => {
    const r = await at('form.finance.2020.revenue', '2.8亿');
    expect(r.stored).toEqual({ 'form.finance.2020.revenue': 28000 });
  }, 120_000);
});

describe('a short question typed alone at an item', () => {
  it.each([
    ['ent.credit.dishonestExecutee', '怎么查'],
    ['ent.credit.taxViolationBlacklist', '去哪查呀'],
    ['ent.operatingWell', '什么算良好'],
    ['ent.operatingWell', '有啥标准'],
    ['ent.operatingWell', '要啥证明'],
  ])('at %s, 「%s」 is answered about the item and nothing is stored', async (id, text) => {
    const r = await at(id, text);
    expect(recordedIds(r.msgs)).toEqual([]);
    expect(r.next?.id).toBe(id);
    const answer = said(r.msgs).join('\n');
    expect(answer).toContain('当前这一项');
    expect(answer).not.toContain('没有找到能回答这个问题的条款');
  }, 120_000);

  it('a plain answer at the same item is still its answer', async () => {
    const r = await at('ent.credit.dishonestExecutee', '没有，查过了');
    expect(r.stored).toEqual({ 'ent.credit.dishonestExecutee': false });
  }, 120_000);
});
