import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { processFactory, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';

/*
 * A reply that says an earlier answer was wrong and gives the right one changes that answer (the one it
 * names, or the one given last), and the chat says what it was changed from.
 */

const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

const withFacts = (facts: ScriptedEnterprise['facts']): ScriptedEnterprise => ({ name: processFactory.name, facts: { ...processFactory.facts, ...facts } });

describe('a correction of an earlier answer', () => {
  for (const text of ['刚才答错了 不是集团 是我们自己公司名义报', '刚才说错了，我们是以自己公司名义报的，不是集团']) {
    it(`changes the group answer from 「${text}」 while the next question waits`, async () => {
      const s = await steer(srv.url, withFacts({ 'ent.groupOrHeadOffice': true }), (q) => q.id === 'ent.manufacturingMainBusiness');
      expect(s.question?.id).toBe('ent.manufacturingMainBusiness');
      const { msgs, next } = await typed(s.client, 'group-fix', text);
      expect(recorded(msgs)).toEqual({ 'ent.groupOrHeadOffice': false });
      expect(said(msgs).join('\n')).toContain('由“是”改为“否”');
      // The question that was waiting is still the one asked.
      expect(next?.id).toBe('ent.manufacturingMainBusiness');
      await s.client.close();
    });
  }

  for (const text of ['刚才记录错了：我们的DCS和SIS都有，而且全厂都覆盖了，不是“否”，请改成“是”。', 'DCS和SIS刚才记错了，两个都有']) {
    it(`changes the systems it names from 「${text}」`, async () => {
      const seen = new Set<string>();
      const s = await steer(srv.url, withFacts({ 'cap.dcs': false, 'cap.sis': false }), (q) => (seen.add(q.id), seen.has('cap.dcs') && seen.has('cap.sis') && !q.id.startsWith('cap.dcs') && q.id !== 'cap.sis'));
      const waiting = s.question?.id;
      const { msgs, next } = await typed(s.client, 'dcs-fix', text);
      expect(recorded(msgs)).toMatchObject({ 'cap.dcs': true, 'cap.sis': true });
      const reply = said(msgs).join('\n');
      expect(reply).toContain('分布式控制系统（DCS）——由“否”改为“是”');
      expect(reply).toContain('安全仪表系统（SIS）——由“否”改为“是”');
      expect(reply).not.toContain('没有改动');
      expect(next?.id).toBe(waiting);
      await s.client.close();
    });
  }
});

describe('systems said beside a choice, with 「不只」', () => {
  it('records DCS and SIS in place from 「全厂的DCS、SIS都已经覆盖，不只是一个车间」 and says so', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.foundedYear');
    expect(s.question?.id).toBe('ent.foundedYear');
    const { msgs } = await typed(s.client, 'dcs-sis', '我们想申报智能工厂，全厂的DCS、SIS都已经覆盖，不只是一个车间。');
    expect(recorded(msgs)).toMatchObject({ 'cap.dcs': true, 'cap.sis': true, 'cat.scope': 'factory' });
    const reply = said(msgs).join('\n');
    expect(reply).toContain('分布式控制系统（DCS）——是');
    expect(reply).toContain('安全仪表系统（SIS）——是');
    await s.client.close();
  });
});

describe('a correction that names an earlier item while another question waits', () => {
  const cases: [Record<string, boolean>, string, string, string, string][] = [
    [{ 'ent.credit.seriousIllegalDishonest': true }, 'ent.priorTitles', '严重违法失信名单 改成否', 'ent.credit.seriousIllegalDishonest', '被列入严重违法失信名单——由“是”改为“否”'],
    [{ 'ent.credit.dishonestExecutee': true }, 'ent.priorTitles', '刚才答错了 失信被执行人那个是没有', 'ent.credit.dishonestExecutee', '被列入失信被执行人——由“是”改为“否”'],
    [{ 'ent.appliedThisYear': true }, 'ent.city', '本年度另有申报 改成否', 'ent.appliedThisYear', '本年度另有申报——由“是”改为“否”'],
    [{ 'ent.appliedThisYear': true }, 'ent.foundedYear', '今年就报这一个 没有别的申报', 'ent.appliedThisYear', '本年度另有申报——由“是”改为“否”'],
  ];
  for (const [facts, waiting, text, id, change] of cases) {
    it(`changes ${id} from 「${text}」 while ${waiting} waits, says from what to what, and asks ${waiting} again`, async () => {
      const s = await steer(srv.url, withFacts(facts), (q) => q.id === waiting);
      const { msgs, next } = await typed(s.client, 'named', text);
      expect(recorded(msgs)).toEqual({ [id]: false });
      expect(said(msgs).join('\n')).toContain(change);
      expect(next?.id).toBe(waiting);
      await s.client.close();
    });
  }

  it('records the list named, not the credit question waiting, when that list is not answered yet', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.credit.taxViolationBlacklist');
    const { msgs, next } = await typed(s.client, 'named-ahead', '严重违法失信名单 改成否');
    expect(recorded(msgs)).toEqual({ 'ent.credit.seriousIllegalDishonest': false });
    expect(next?.id).toBe('ent.credit.taxViolationBlacklist');
    await s.client.close();
  });

  it('asks the founding year again after 「不是离散的」, naming the item it speaks of, and records no skip', async () => {
    const s = await steer(srv.url, withFacts({}), (q) => q.id === 'ent.foundedYear');
    const { msgs, next } = await typed(s.client, 'denied', '不是离散的');
    expect(recorded(msgs)).toEqual({});
    expect(said(msgs).join('\n')).toContain('生产方式');
    expect(next?.id).toBe('ent.foundedYear');
    await s.client.close();
  });

  it('offers the interview in 政策问答 to 「我想申报 帮我评估一下」, with the question it starts from', async () => {
    const s = await steer(srv.url, withFacts({}), () => true);
    const { msgs } = await typed(s.client, 'qa-intent', '我想申报 帮我评估一下', 'qa');
    const reply = said(msgs).join('\n');
    expect(reply).toContain('申报评估');
    expect(reply).toContain('贵企业是否在河南省境内注册');
    expect(reply).not.toContain('没有找到');
    await s.client.close();
  });
});

