import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { answerOn, replyAt, said, turn, typed } from './steer';

/*
 * A reply at a capability item that only names the applying workshop, typed over the socket: nothing is stored for the
 * item, the workshop is said back for the form's 车间名称 (kept there for a workshop applicant whose form has none) and the
 * item is asked again by name. Other phrasings and near misses are read in
 * tests/engine/applying-unit-named.
 */
const srv = serveForFile();

describe('a reply that only names the applying workshop', () => {
  it.each([
    ['cap.mes', '我们报的是包装车间', '包装车间'],
    ['cap.industrialNetwork', '我们申报的是发酵车间', '发酵车间'],
  ])('at %s 「%s」 keeps %s as the form\'s 车间名称, stores nothing for the item and asks it again', async (at, text, unit) => {
    const r = await replyAt(srv.url, workshop, at, text);
    expect(r.stored).toEqual({ 'form.ws.1.name': unit });
    expect(r.said).toContain(`「${unit}」是申报的车间，已填作申报表的“车间名称”`);
    expect(r.said).toContain('这一项还没有回答');
    expect(r.next?.id).toBe(at);
    await r.client.close();
  }, 120_000);

  it('a factory applicant: 「申报的是一车间」 at cap.mes stores nothing, says where the name goes and asks again', async () => {
    const r = await replyAt(srv.url, discreteFactory, 'cap.mes', '申报的是一车间');
    expect(r.stored).toEqual({});
    expect(r.said).toContain('申报的车间是「一车间」');
    expect(r.said).toContain('“车间名称”');
    expect(r.said).toContain('这一项还没有回答，“制造执行系统（MES）”');
    expect(r.next?.id).toBe('cap.mes');
    await r.client.close();
  }, 120_000);

  it('near miss: 「是的，发酵车间有」 at cap.mes stores the yes and goes on', async () => {
    const r = await replyAt(srv.url, workshop, 'cap.mes', '是的，发酵车间有');
    expect(r.stored).toEqual({ 'cap.mes': true });
    expect(r.next?.id).not.toBe('cap.mes');
    await r.client.close();
  }, 120_000);
});

describe('a reply that only changes the applying workshop, at a capability item', () => {
  it.each([
    ['cap.mes', '不报总装车间了，换个车间'],
    ['cap.industrialNetwork', '总装车间不报了，换一个别的车间'],
  ])('at %s 「%s」 stores no 否 for the item, says the change was heard and asks it again', async (at, text) => {
    const r = await replyAt(srv.url, workshop, at, text);
    expect(r.stored).toEqual({});
    expect(r.said).toContain('说的是换哪个车间申报，这一项还没有记录');
    expect(r.next?.id).toBe(at);
    await r.client.close();
  }, 120_000);

  it('near miss: 「不报总装车间了，换个车间，MES有」 at cap.mes stores the yes', async () => {
    const r = await replyAt(srv.url, workshop, 'cap.mes', '不报总装车间了，换个车间，MES有');
    expect(r.stored).toEqual({ 'cap.mes': true });
    await r.client.close();
  }, 120_000);
});

describe('the applying workshop named at the 另有申报 question, before any category is chosen', () => {
  it('「没有，我们这次报的是总装车间」 stores the no and keeps 总装车间 as the form\'s 车间名称', async () => {
    const r = await replyAt(srv.url, workshop, 'ent.appliedThisYear', '没有，我们这次报的是总装车间');
    expect(r.stored).toEqual({ 'ent.appliedThisYear': false, 'form.ws.1.name': '总装车间' });
    expect(r.next?.id).not.toBe('ent.appliedThisYear');
    await r.client.close();
  }, 120_000);

  it('「这回拿焊装车间来报」 alone keeps the name and asks the question again', async () => {
    const r = await replyAt(srv.url, workshop, 'ent.appliedThisYear', '这回拿焊装车间来报');
    expect(r.stored).toEqual({ 'form.ws.1.name': '焊装车间' });
    expect(r.said).toContain('这一项还没有回答，“本年度另有申报”');
    expect(r.next?.id).toBe('ent.appliedThisYear');
    await r.client.close();
  }, 120_000);
});

describe('the applying workshop named at the 已获称号车间 question', () => {
  const holder: ScriptedEnterprise = { ...workshop, facts: { ...workshop.facts, 'ent.priorTitles': 'smartWorkshop' } };

  it('「不是，这次报的是总装车间」 stores the no and keeps 总装车间 as the form\'s 车间名称', async () => {
    const r = await replyAt(srv.url, holder, 'ent.titledWorkshopAgain', '不是，这次报的是总装车间');
    expect(r.stored).toEqual({ 'ent.titledWorkshopAgain': false, 'form.ws.1.name': '总装车间' });
    expect(r.next?.id).not.toBe('ent.titledWorkshopAgain');
    await r.client.close();
  }, 120_000);

  it('「这次报的是总装车间」 alone keeps the name and asks the question again: whether it is the titled one is not said', async () => {
    const r = await replyAt(srv.url, holder, 'ent.titledWorkshopAgain', '这次报的是总装车间');
    expect(r.stored).toEqual({ 'form.ws.1.name': '总装车间' });
    expect(r.said).toContain('这一项还没有回答');
    expect(r.next?.id).toBe('ent.titledWorkshopAgain');
    await r.client.close();
  }, 120_000);

  it('near miss: 「是的，总装车间去年评上了」 stores the yes and keeps no name', async () => {
    const r = await replyAt(srv.url, holder, 'ent.titledWorkshopAgain', '是的，总装车间去年评上了');
    expect(r.stored).toEqual({ 'ent.titledWorkshopAgain': true });
    await r.client.close();
  }, 120_000);
});

describe('a workshop named at the 另有申报 question, and then 智能工厂 chosen', () => {
  it('the name is no factory\'s name nor its first workshop: both are asked in the form', async () => {
    const r = await replyAt(srv.url, discreteFactory, 'ent.appliedThisYear', '没有，我们这次报的是总装车间');
    expect(r.stored).toEqual({ 'ent.appliedThisYear': false, 'form.ws.1.name': '总装车间' });
    const seen: string[] = [];
    const named = await answerOn(r.client, discreteFactory, r.next, (q) => {
      seen.push(q.id);
      return q.id === 'form.project.name';
    });
    expect(seen).toContain('cat.scope');
    expect(named.id).toBe('form.project.name');
    const count = await answerOn(r.client, discreteFactory, named, (q) => q.id === 'form.workshopCount');
    const first = await answerOn(r.client, discreteFactory, count, (q) => q.id !== 'form.workshopCount');
    expect(first.id).toBe('form.ws.1.name');
    await r.client.close();
  }, 120_000);
});

describe('the workshop name let go when 智能工厂 is chosen is said to the user', () => {
  const LET_GO = '没有用作工厂名称';
  const toScope = async () => {
    const r = await replyAt(srv.url, discreteFactory, 'ent.appliedThisYear', '没有，我们这次报的是总装车间');
    expect(r.stored).toEqual({ 'ent.appliedThisYear': false, 'form.ws.1.name': '总装车间' });
    await answerOn(r.client, discreteFactory, r.next, (q) => q.id === 'cat.scope');
    return r.client;
  };

  it('chosen on the card: the next reply says 「总装车间」 was not used as the factory\'s name', async () => {
    const client = await toScope();
    const text = said(await turn(client, { type: 'answer', clientId: 'scope', questionId: 'cat.scope', value: 'factory' })).join('\n');
    expect(text).toContain(`「总装车间」是一个车间，申报智能工厂时${LET_GO}`);
    await client.close();
  }, 120_000);

  it.each(['报智能工厂', '我们还是打算申报智能工厂吧'])('typed 「%s」: the confirmation says it too', async (reply) => {
    const client = await toScope();
    const r = await typed(client, 'scope', reply);
    const text = said(r.msgs).join('\n');
    expect(text).toContain('「总装车间」');
    expect(text).toContain(LET_GO);
    await client.close();
  }, 120_000);

  it('near miss: 智能车间 chosen keeps the name, and nothing is said of it', async () => {
    const r = await replyAt(srv.url, workshop, 'ent.appliedThisYear', '没有，我们这次报的是总装车间');
    await answerOn(r.client, workshop, r.next, (q) => q.id === 'cat.scope');
    const text = said(await turn(r.client, { type: 'answer', clientId: 'scope', questionId: 'cat.scope', value: 'workshop' })).join('\n');
    expect(text).not.toContain(LET_GO);
    await r.client.close();
  }, 120_000);
});

describe('the applying workshop changed after one was named', () => {
  const holder: ScriptedEnterprise = { ...workshop, facts: { ...workshop.facts, 'ent.priorTitles': 'smartWorkshop' } };
  const toTitled = async () => {
    const r = await replyAt(srv.url, holder, 'ent.appliedThisYear', '没有，我们这次报的是总装车间');
    expect(r.stored).toEqual({ 'ent.appliedThisYear': false, 'form.ws.1.name': '总装车间' });
    return { client: r.client, q: await answerOn(r.client, holder, r.next, (q) => q.id === 'ent.titledWorkshopAgain') };
  };

  it.each([
    // As reported.
    ['换一个车间报', null],
    ['我们换个车间申报', null],
    // Phrasings of our own.
    ['不是那个，换成别的车间', null],
    ['这次换成涂装车间来报', '涂装车间'],
  ])('「%s」 at the 已获称号车间 question is its no, and the form\'s 车间名称 is no longer 总装车间 (%s)', async (reply, name) => {
    const { client } = await toTitled();
    const r = await typed(client, 't2', reply);
    const stored = Object.fromEntries(r.msgs.flatMap((m) => (m.type === 'recorded' ? m.items : [])).map((i) => [i.questionId, i.value]));
    expect(stored).toEqual({ 'ent.titledWorkshopAgain': false, 'form.ws.1.name': name });
    expect(said(r.msgs).join('\n')).toContain('总装车间');
    await client.close();
  }, 120_000);

  it.each(['报的还是总装车间', '换热车间来报'])('near miss: 「%s」 leaves 总装车间 as it is', async (reply) => {
    const { client } = await toTitled();
    const r = await typed(client, 't2', reply);
    const ids = r.msgs.flatMap((m) => (m.type === 'recorded' ? m.items : [])).map((i) => i.questionId);
    expect(ids).not.toContain('form.ws.1.name');
    await client.close();
  }, 120_000);
});

describe('a lack said of a part of the workshop said to have the item', () => {
  it('「发酵车间有工业以太网，发酵车间的二楼还没拉」 is stored as partly built and not asked back', async () => {
    const r = await replyAt(srv.url, workshop, 'cap.industrialNetwork', '发酵车间有工业以太网，发酵车间的二楼还没拉');
    expect(r.stored).toEqual({ 'cap.industrialNetwork': 'partial' });
    expect(r.next?.id).not.toBe('cap.industrialNetwork');
    await r.client.close();
  }, 120_000);
});
