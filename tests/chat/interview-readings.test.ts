import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';
import type { ServerMessage } from '../../server/schemas/ws';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * Replies the interview read against the question asked, typed over the socket as the app runs: each names what it
 * stores and what the next question is. A no said of every list of 二(四) at one of them (「一个都没有」) answers the lists,
 * not whether another application is made; a no of an accident or a penalty at the titles question chooses no title,
 * and the question is asked again; a yes said with systems that bear nothing on a self-assessed rate (扫码枪, 二维码) is
 * theirs, not the rate's.
 */
const srv = serveForFile();
const stored = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value] as const) : [])));

async function reply(e: ScriptedEnterprise, at: string, text: string) {
  const s = await steer(srv.url, e, (q) => q.id === at);
  expect(s.question?.id, `the interview reaches ${at}`).toBe(at);
  const r = await typed(s.client, 't', text);
  await s.client.close();
  return { stored: stored(r.msgs) as Record<string, AnswerValue>, next: r.next?.id, said: said(r.msgs).join('\n') };
}

const NONE_LISTED = { 'ent.credit.dishonestExecutee': false, 'ent.credit.taxViolationBlacklist': false, 'ent.credit.seriousIllegalDishonest': false };

describe('a no said of every list at a credit question', () => {
  it.each([
    ['ent.credit.dishonestExecutee', '一个都没有'],
    ['ent.credit.dishonestExecutee', '一个也没有'],
    ['ent.credit.dishonestExecutee', '哪一个都没上过'],
  ])('at %s, 「%s」 answers every list and nothing else', async (at, text) => {
    const r = await reply(workshop, at, text);
    expect(r.stored).toEqual(NONE_LISTED);
    expect(r.next).not.toMatch(/^ent\.credit\./);
  }, 120_000);

  // Near misses: the same words at the question of another application answer it; another application named at a
  // credit question is that question's, and the list is asked again.
  it('「一个都没有」 at the question of another application answers that question', async () => {
    const r = await reply(workshop, 'ent.appliedThisYear', '一个都没有');
    expect(r.stored).toEqual({ 'ent.appliedThisYear': false });
  }, 120_000);

  it('「今年另外报了一个」 at a credit question is no answer to the list', async () => {
    const r = await reply(workshop, 'ent.credit.dishonestExecutee', '今年另外报了一个');
    expect(r.stored['ent.credit.dishonestExecutee']).toBeUndefined();
    expect(r.next).toBe('ent.credit.dishonestExecutee');
  }, 120_000);
});

describe('a no of another subject at the titles question', () => {
  it.each(['近三年没出过事故', '安全生产这块从来没出过事故', '这几年没发生过安全事故', '没受过处罚'])('「%s」 chooses no title, and the question is asked again', async (text) => {
    const r = await reply(workshop, 'ent.priorTitles', text);
    expect(r.stored).toEqual({});
    expect(r.next).toBe('ent.priorTitles');
  }, 120_000);

  // Near misses: a no that says it of the titles, or opens the reply, is the answer.
  it.each(['没有称号', '都没有', '没有，也没出过事故', '获得过市级智能车间'])('「%s」 answers 都没有', async (text) => {
    const r = await reply(workshop, 'ent.priorTitles', text);
    expect(r.stored).toEqual({ 'ent.priorTitles': 'none' });
  }, 120_000);
});

describe('a yes said with systems at a self-assessed rate', () => {
  it.each([
    ['self.networkingAdvanced', '有，用的扫码枪和二维码'],
    ['self.networkingAdvanced', '是的，车间里全是扫码枪和RFID'],
    ['self.automationAdvanced', '有，用的扫码枪和二维码'],
    ['self.networkingAdvanced', '有，贴了二维码，用PDA扫'],
  ])('at %s, 「%s」 records the systems and asks the rate again, naming them', async (at, text) => {
    const r = await reply(workshop, at, text);
    expect(r.stored[at]).toBeUndefined();
    expect(r.next).toBe(at);
    expect(r.said).toMatch(/二维码|扫码枪|RFID/u);
  }, 120_000);

  // Near misses: a yes said of the rate's own subject, or with the systems that bear on it, or alone, answers it.
  it.each([
    ['self.networkingAdvanced', '有，设备基本都联网了，扫码枪也接进MES了'],
    ['self.networkingAdvanced', '是，SCADA把设备都连起来了'],
    ['self.networkingAdvanced', '是的'],
    ['self.automationAdvanced', '是，机器人和数控机床都有'],
  ])('at %s, 「%s」 answers yes', async (at, text) => {
    const r = await reply(workshop, at, text);
    expect(r.stored[at]).toBe(true);
  }, 120_000);
});

describe('a workshop\'s name alone at a description', () => {
  // The steering skips text fields, the workshop's name among them, unless the fact table gives it.
  const unnamed = workshop;
  const named: ScriptedEnterprise = { ...workshop, facts: { ...workshop.facts, 'form.ws.1.name': '一号装配车间' } };

  it.each(['机加车间', '二号机加车间。', '3号厂房'])('「%s」 at a cell of the workshop is its name, and the cell is asked again', async (text) => {
    const r = await reply(unnamed, 'form.cell.ws.infra', text);
    expect(r.stored).toEqual({ 'form.ws.1.name': text.replace(/。$/u, '') });
    expect(r.next).toBe('form.cell.ws.infra');
  }, 120_000);

  it('「机加车间」 where the name is given changes nothing, and the cell is asked again', async () => {
    const r = await reply(named, 'form.cell.ws.infra', '机加车间');
    expect(r.stored).toEqual({});
    expect(r.next).toBe('form.cell.ws.infra');
  }, 120_000);

  it('「机加车间」 at a story of the enterprise is asked back as a name, not stored', async () => {
    const r = await reply(workshop, 'form.advantages', '机加车间');
    expect(r.stored).toEqual({});
    expect(r.next).toBe('form.advantages');
    expect(r.said).toContain('车间或工厂的名称');
  }, 120_000);

  // Near miss: a name with what the workshop has beside it is a description.
  it('「机加车间，建筑面积6000平方米，两条生产线」 is the cell\'s description', async () => {
    const r = await reply(unnamed, 'form.cell.ws.infra', '机加车间，建筑面积6000平方米，两条生产线');
    expect(r.stored['form.cell.ws.infra']).toBe('机加车间，建筑面积6000平方米，两条生产线');
  }, 120_000);
});

describe('counts said at a self-assessed rate', () => {
  // The steering skips the rates (they are optional), so the counts said later fill them.
  const unrated: ScriptedEnterprise = { ...workshop, facts: { ...workshop.facts, 'metric.networkedRatio': null, 'metric.automationRatio': null } };

  it.each([
    ['self.networkingAdvanced', '设备一百二十台，联上网的六十台左右', { 'metric.networkedRatio': 50 }],
    ['self.networkingAdvanced', '全厂三百台设备，接了网的有两百四十台', { 'metric.networkedRatio': 80 }],
    ['self.automationAdvanced', '全部设备300台，自动化的有240台', { 'metric.automationRatio': 80 }],
  ] as const)('at %s, 「%s」 records the rate the counts give, and the self-assessment is asked again', async (at, text, want) => {
    const r = await reply(unrated, at, text);
    expect(r.stored).toEqual(want);
    expect(r.next).toBe(at);
  }, 120_000);

  it('a yes said with the counts answers the self-assessment too', async () => {
    const r = await reply(unrated, 'self.networkingAdvanced', '是，三百台设备联网了两百五十五台');
    expect(r.stored).toEqual({ 'self.networkingAdvanced': true, 'metric.networkedRatio': 85 });
  }, 120_000);

  // Near miss: a rate given before is left as it was; the counts said in passing do not replace it.
  it('counts said where the rate was given leave it as it was', async () => {
    const r = await reply(workshop, 'self.networkingAdvanced', '设备一百二十台，联上网的六十台左右');
    expect(r.stored).toEqual({});
    expect(r.next).toBe('self.networkingAdvanced');
  }, 120_000);
});

describe('a no of an environmental penalty or accident at the green-development question', () => {
  it.each(['没有环保问题', '环保上没出过事', '这几年没被环保罚过', '环保这块从来没出过事故'])('「%s」 records nothing, and the question is asked again in plain words', async (text) => {
    const r = await reply(workshop, 'ent.greenPriority', text);
    expect(r.stored).toEqual({});
    expect(r.next).toBe('ent.greenPriority');
    expect(r.said).toContain(`您说的「${text}」讲的是别的方面`);
    expect(r.said).toContain('单位产值能耗或排放有没有明显下降');
    expect(r.said).not.toContain('我不确定这句话是不是在回答');
  }, 120_000);

  // Near misses: a no that opens the reply, or a drop of energy or of its absence said, answers the question.
  it.each([
    ['没有，环保也没出过事', false],
    ['能耗降了一成多', true],
    ['降本增效搞了，能耗还是那样', false],
  ])('「%s」 answers %s', async (text, value) => {
    const r = await reply(workshop, 'ent.greenPriority', text);
    expect(r.stored).toEqual({ 'ent.greenPriority': value });
  }, 120_000);
});
