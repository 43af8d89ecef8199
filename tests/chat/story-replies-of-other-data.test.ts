import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, type ScriptedEnterprise } from './enterprises';
import { recordedIds, said, steer, turn, typed } from './steer';

/*
 * At 发展历程 and 主营业务 in the chat, a year's finance figures fill the finance table and talk about an earlier
 * reply corrects the field it names: neither is stored as a story, through the socket and the store as the app runs
 * them. The phrasings are this file's own.
 */
const srv = serveForFile();

async function stored(sessionId: string, token: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}
const year2021 = ['totalAssets', 'totalLiabilities', 'revenue', 'profit', 'tax'].map((f) => `form.finance.2021.${f}`);
const skipped2021: ScriptedEnterprise = { ...discreteFactory, facts: { ...discreteFactory.facts, ...Object.fromEntries(year2021.map((id) => [id, null])) } };

describe('a story field\'s reply in the chat that is not its story', () => {
  it('fills a year\'s finance figures, and a later correction of the story goes to the story it names', async () => {
    const s = await steer(srv.url, skipped2021, (q) => q.id === 'form.history');
    const figures = await typed(s.client, 'o-1', '再补一下21年的：资产总额2亿8千万，负债1亿1千万，营收3亿6千万，利润2500万，纳税960万');
    expect(recordedIds(figures.msgs)).toEqual(year2021);
    expect(figures.next?.id).toBe('form.history');
    let answers = await stored(s.sessionId, s.token);
    expect(year2021.map((id) => answers[id])).toEqual([28000, 11000, 36000, 2500, 960]);
    expect(answers['form.history']).toBeUndefined();

    // The figures stored as the story before (typed in the form view): taken back from 主营业务's question.
    const atBusiness = await steer(srv.url, skipped2021, (q) => q.id === 'form.business');
    await turn(atBusiness.client, { type: 'edit', clientId: 'o-3', questionId: 'form.history', value: '补一下21年的：资产总额2亿8千万' });
    const fixed = await typed(atBusiness.client, 'o-4', '前面说的那条是财务数据，不是发展历程。发展历程：2009年建厂，2017年完成股份制改造');
    expect(recordedIds(fixed.msgs)).toEqual(['form.history']);
    expect(fixed.next?.id).toBe('form.business');
    answers = await stored(atBusiness.sessionId, atBusiness.token);
    expect(answers['form.history']).toBe('2009年建厂，2017年完成股份制改造');
    expect(answers['form.business']).toBeUndefined();

    // Talk about an earlier reply with no new text is asked back; 主营业务 still waits, nothing printed.
    const talk = await typed(atBusiness.client, 'o-5', '刚才那条写岔了');
    expect(recordedIds(talk.msgs)).toEqual([]);
    expect(talk.next?.id).toBe('form.business');
    expect(said(talk.msgs).join('\n')).not.toContain('公司主要从事刚才');
    expect((await stored(atBusiness.sessionId, atBusiness.token))['form.business']).toBeUndefined();

    // A story that only opens alike is the story.
    const story = await typed(atBusiness.client, 'o-6', '刚才忘了说，我们主要生产工程机械液压件');
    expect(recordedIds(story.msgs)).toEqual(['form.business']);
    expect((await stored(atBusiness.sessionId, atBusiness.token))['form.business']).toBe('我们主要生产工程机械液压件');
  }, 240_000);

  it('at 生产效率, head counts before and after and the working days said in words of their own each land in their field', async () => {
    const inputs = ['form.ind.headcount.before', 'form.ind.headcount.after', 'form.ind.workingDays'];
    const e: ScriptedEnterprise = { ...discreteFactory, facts: { ...discreteFactory.facts, ...Object.fromEntries(inputs.map((id) => [id, null])) } };
    const s = await steer(srv.url, e, (q) => q.id === 'form.ind.productivity.before');
    const reply = await typed(s.client, 'o-7', '改造前车间有180名员工 改造后150人 全年工作280天');
    expect(recordedIds(reply.msgs)).toEqual(inputs);
    expect(said(reply.msgs).join('\n')).not.toContain('先没有记录');
    const answers = await stored(s.sessionId, s.token);
    expect(inputs.map((id) => answers[id])).toEqual([180, 150, 280]);
  }, 240_000);
});
