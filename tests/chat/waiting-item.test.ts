import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { ineligible, workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';

/*
 * Replies typed while one item waits that speak of another, read through the real chat: an item named by its short
 * name, a category of this notice said as an addition, a bare no before another item's answer, a denial of a
 * category option with the option stated instead, Henan's closing particles, and a correction after the verdict or
 * while the form's first question waits. Each case has a near reply whose reading must stay as it was.
 */
const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

async function at(e: ScriptedEnterprise, id: string | null, text: string) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  if (id) expect(s.question?.id).toBe(id);
  const turn = await typed(s.client, 't', text);
  await s.client.close();
  return { got: recorded(turn.msgs), next: turn.next?.id ?? null, said: said(turn.msgs).join('\n') };
}

describe('an item named by its short name while another waits', () => {
  it('records 「失信名单没有」 for the 失信被执行人 list alone, and asks the registration question again', async () => {
    const r = await at(workshop, 'ent.registeredInHenan', '失信名单没有');
    // 失信 and 名单 are words of all three lists; 失信名单 is the 失信被执行人 list's own short name.
    expect(r.got).toEqual({ 'ent.credit.dishonestExecutee': false });
    expect(r.next).toBe('ent.registeredInHenan');
  });

  it('records 「税收黑名单没有」 for the tax list alone', async () => {
    expect((await at(workshop, 'ent.groupOrHeadOffice', '税收黑名单没有')).got).toEqual({ 'ent.credit.taxViolationBlacklist': false });
  });

  it('still reads 「没有被列入失信」 to the tax question as its no: no list is named by a word of its own', async () => {
    expect((await at(workshop, 'ent.credit.taxViolationBlacklist', '没有被列入失信')).got).toEqual({ 'ent.credit.taxViolationBlacklist': false });
  });
});

describe('a category of this notice said to the second-application question', () => {
  it('asks back 「还打算报一个智能工厂」 and records nothing', async () => {
    const r = await at(workshop, 'ent.appliedThisYear', '还打算报一个智能工厂');
    // Recorded as a second application it would end the interview at 四(一); as the category it answers a question not asked.
    expect(r.got).toEqual({});
    expect(r.next).toBe('ent.appliedThisYear');
    expect(r.said).toContain('每家企业当年限报1个');
  });

  it('still records an application already handed in as a second one', async () => {
    const r = await at(workshop, 'ent.appliedThisYear', '三月份已经交了一个智能车间申报，这次想再报个智能工厂');
    expect(r.got['ent.appliedThisYear']).toBe(true);
  });

  it('still reads 「没有，今年只报工厂」 as no', async () => {
    expect((await at(workshop, 'ent.appliedThisYear', '没有，今年只报工厂')).got['ent.appliedThisYear']).toBe(false);
  });
});

describe('a bare answer first, then another item named', () => {
  it('records 「没有 另外的申报也没有」 for the tax question and the second application both', async () => {
    const r = await at(workshop, 'ent.credit.taxViolationBlacklist', '没有 另外的申报也没有');
    expect(r.got).toEqual({ 'ent.credit.taxViolationBlacklist': false, 'ent.appliedThisYear': false });
  });

  it('still records 「没有，税收黑名单也没有」 to the 失信 question for both lists', async () => {
    const r = await at(workshop, 'ent.credit.dishonestExecutee', '没有，税收黑名单也没有');
    expect(r.got).toEqual({ 'ent.credit.dishonestExecutee': false, 'ent.credit.taxViolationBlacklist': false });
  });
});

describe('a category option denied and another stated, while a yes/no condition waits', () => {
  for (const text of ['不是离散的 是流程', '不是离散型，是流程型的']) {
    it(`records 「${text}」 as the production mode and asks the condition again`, async () => {
      const r = await at(workshop, 'ent.operatingWell', text);
      // Read as the condition's no, it would make the enterprise ineligible under 二(一).
      expect(r.got).toEqual({ 'cat.productionMode': 'process' });
      expect(r.next).toBe('ent.operatingWell');
    });
  }

  it('still reads 「不是，经营不太好」 as the condition\'s no', async () => {
    expect((await at(workshop, 'ent.operatingWell', '不是，经营不太好')).got).toEqual({ 'ent.operatingWell': false });
  });
});

describe('Henan\'s closing particles', () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['ent.operatingWell', '中哩', { 'ent.operatingWell': true }],
    ['ent.appliedThisYear', '就报这一个嘞', { 'ent.appliedThisYear': false }],
    ['cap.mes', '没有嘛', { 'cap.mes': false }],
    ['cap.mes', '有咧', { 'cap.mes': true }],
    ['ent.priorTitles', '木评过', { 'ent.priorTitles': 'none' }],
  ];
  for (const [id, text, want] of cases) {
    it(`reads 「${text}」 to ${id}`, async () => {
      expect((await at(workshop, id, text)).got).toEqual(want);
    });
  }

  it('still asks with 「必须要有嘛」: 嘛 after a modal is the 吗 it is typed for', async () => {
    const r = await at(workshop, 'cap.mes', 'MES必须要有嘛');
    expect(r.got).toEqual({});
    expect(r.next).toBe('cap.mes');
  });
});

describe('a correction once the questions have run out', () => {
  it('takes 「等等 失信被执行人是没有的」 after the ineligible verdict and goes on with the next question', async () => {
    const r = await at(ineligible, null, '等等 失信被执行人是没有的');
    expect(r.got).toEqual({ 'ent.credit.dishonestExecutee': false });
    expect(r.next).toMatch(/^cap\./);
  });

  it('closes a turn that changes nothing after the verdict with the (empty) question card', async () => {
    const s = await steer(srv.url, ineligible, () => false);
    // Naming the stored value again changes nothing; the turn still ends with its card, so the client is not left waiting.
    const { msgs, next } = await typed(s.client, 'same', '失信被执行人是有的');
    expect(recorded(msgs)).toEqual({});
    expect(next).toBeNull();
    await s.client.close();
  });

  it('takes 「等等 节能减排那项是有的」 while 「是否继续填写申报书」 waits', async () => {
    const r = await at(workshop, 'form.proceed', '等等 节能减排那项是有的');
    expect(r.got).toEqual({ 'ent.greenPriority': true });
  });

  it('still reads 「继续填写申报书」 there as the form question\'s answer', async () => {
    expect((await at(workshop, 'form.proceed', '继续填写申报书')).got).toEqual({ 'form.proceed': 'now' });
  });
});
