import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { processFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { replyAt } from './steer';

/*
 * A reply that answers the item waiting and asks beside it, a hedged no after asking what a system is, and a workshop
 * applicant's reply about another workshop, typed over the socket as the app runs: what each records, what is said and
 * what is asked next. The readings' other phrasings and near misses are in
 * tests/engine/answer-beside-question-and-applied-workshop.
 */
const srv = serveForFile();

const reply = (e: ScriptedEnterprise, at: string, text: string) => replyAt(srv.url, e, at, text);

describe('a statement answering the item waiting, with a question beside it', () => {
  it('「是的 主营就是生产。对了 啥算新一代信息技术啊？」 stores the yes, answers the question and goes on', async () => {
    const r = await reply(workshop, 'ent.manufacturingMainBusiness', '是的 主营就是生产。对了 啥算新一代信息技术啊？');
    expect(r.stored).toEqual({ 'ent.manufacturingMainBusiness': true });
    // The notice names no 新一代信息技术: the answer says so and where to ask, inventing nothing.
    expect(r.said).toContain('《通知》中没有找到');
    expect(r.next?.id).not.toBe('ent.manufacturingMainBusiness');
    await r.client.close();
  }, 120_000);

  it.each([
    ['对，我们主要就是做生产的。另外问下，啥叫智能工厂？', '一(二)'],
    ['是 我们就是搞制造的，还有个事，申报要交哪些材料？', '营业执照'],
  ])('「%s」 stores the yes and answers the question from the notice', async (text, cited) => {
    const r = await reply(workshop, 'ent.manufacturingMainBusiness', text);
    expect(r.stored).toEqual({ 'ent.manufacturingMainBusiness': true });
    expect(r.said).toContain('依据：');
    expect(r.said).toContain(cited);
    expect(r.next?.id).not.toBe('ent.manufacturingMainBusiness');
    await r.client.close();
  }, 120_000);

  it('near miss: 「主营是生产的话算吗？」 stores nothing and asks again', async () => {
    const r = await reply(workshop, 'ent.manufacturingMainBusiness', '主营是生产的话算吗？');
    expect(r.stored).toEqual({});
    expect(r.next?.id).toBe('ent.manufacturingMainBusiness');
    await r.client.close();
  }, 120_000);
});

describe('a hedged no after asking what the system is', () => {
  it.each(['啥是RTO？没听说过，应该没有', 'RTO是什么？估计没有', '实时优化是啥意思？好像没上'])('「%s」 stores 否, says so with the words, answers what RTO is and goes on', async (text) => {
    const r = await reply(processFactory, 'cap.rto', text);
    expect(r.stored).toEqual({ 'cap.rto': false });
    expect(r.said).toContain('已按“没有”记录');
    expect(r.said).toContain('实时在线优化系统');
    expect(r.said).toContain('三(三)3');
    expect(r.next?.id).not.toBe('cap.rto');
    await r.client.close();
  }, 120_000);

  it('near miss: 「啥是RTO？我们不清楚有没有」 stores nothing and asks again', async () => {
    const r = await reply(processFactory, 'cap.rto', '啥是RTO？我们不清楚有没有');
    expect(r.stored).toEqual({});
    expect(r.said).toContain('实时在线优化系统');
    expect(r.next?.id).toBe('cap.rto');
    await r.client.close();
  }, 120_000);
});

describe('a workshop applicant naming its workshop beside another', () => {
  it.each([
    ['我们申报的发酵车间有工业以太网，灌装那边还没建', 'cap.industrialNetwork', '是'],
    ['申报的机加车间MES用起来了，装配那块还没弄', 'cap.mes', '是'],
    // Nothing tells which workshop applies: partly built, as before.
    ['发酵车间有工业以太网，灌装那边还没建', 'cap.industrialNetwork', '部分具备'],
    ['车间里一半有以太网，一半还没建', 'cap.industrialNetwork', '部分具备'],
  ])('「%s」 records %s as %s', async (text, id, shown) => {
    const r = await reply(workshop, id, text);
    expect(r.shown).toEqual({ [id]: shown });
    await r.client.close();
  }, 120_000);
});
