import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

/*
 * 「…有硬指标没」 after a part asking a ratio asks whether that ratio has a fixed figure, not the quotas (指标 is also
 * the quotas' word); asked alone, it is about the figures of the element conditions. A workshop without Ethernet
 * asking whether it may apply is answered on the way it networks, not on whether 5G is required.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const QUOTA = '不多于20家';

describe('a part asking whether a figure is fixed leans on the part before it', () => {
  it.each([
    ['设备联网数占比要求多高，有硬指标没', '三(一)3'],
    ['联网率要多少？有没有量化指标', '三(一)3'],
    ['自动化设备占比要多少，有硬杠杠没', '三(一)2'],
    ['采集率要多少，有没有硬性规定', '三(三)3'],
  ])('「%s」 is answered once, by the ratio asked, with no quotas', (q, clause) => {
    const a = ask(q);
    expect(a.answer).not.toContain(QUOTA);
    expect(a.answer).not.toMatch(/^1\. /u);
    expect(lead(q)).toMatch(/^通知没有给出(?:具体)?数值/u);
    expect(a.citations.map((c) => c.clause)).toContain(clause);
  });

  it.each(['联网率有没有硬性指标', '自动化率有硬杠杠没'])('「%s」, one part naming its ratio, says the notice gives no figure', (q) => {
    expect(lead(q)).toMatch(/^通知没有给出具体数值/u);
    expect(ask(q).answer).not.toContain(QUOTA);
  });

  it.each(['有没有量化指标', '要素条件有硬杠杠吗'])('「%s」 asked alone is about the element conditions’ figures, not the quotas', (q) => {
    expect(lead(q)).toMatch(/^通知没有规定。“省内行业先进水平”没有给出数值/u);
    expect(ask(q).answer).not.toContain(QUOTA);
  });

  it('a second part naming a ratio of its own is answered on its own', () => {
    const a = ask('设备联网率要多高，自动化率有没有硬指标');
    expect(a.answer).toMatch(/^1\. /u);
    expect(a.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(['三(一)2', '三(一)3']));
  });

  it('a part asking a quota keeps its quota, however its fixedness is asked after it', () => {
    expect(lead('郑州能推几家，有硬性指标没')).toBe('郑州市本次申报推荐企业不多于20家，多报无效。');
  });

  it.each(['名额指标', '推荐名额有几个', '每个县有几家指标'])('「%s」 still answers the quotas', (q) => {
    expect(ask(q).answer).toContain(QUOTA);
  });

  it('「洛阳有几个指标」 still answers Luoyang’s quota', () => {
    expect(lead('洛阳有几个指标')).toContain('不多于15家');
  });

  it('a part after a ratio that asks something else is answered on its own', () => {
    const a = ask('联网率要多少，要交哪些材料');
    expect(a.answer).toMatch(/^1\. /u);
    expect(a.answer).toContain('2. 要交哪些材料？');
  });
});

describe('a workshop without Ethernet, its devices on 5G, asking whether it may apply', () => {
  const OPEN = /^通知没有规定联网方式：没有要求一定用有线网络或以太网/u;

  it.each(['车间里没布以太网，设备都走5G，能申报吗', '我们没拉网线，全靠5G，可以报吗', '以太网没有，用的5G专网，行不行', '厂里不用以太网，机器都连5G，能报不'])(
    '「%s」 is told first that the notice requires no Ethernet, not whether 5G is required',
    (q) => {
      expect(lead(q)).toMatch(OPEN);
      expect(lead(q)).not.toContain('不要求5G');
      expect(ask(q).citations.map((c) => c.clause)[0]).toBe('三(一)1');
    },
  );

  it.each([
    ['没有5G能不能报', '不要求5G'],
    ['申报智能工厂必须建5G网络吗', '不要求5G'],
    ['车间用WiFi联网行不行', '通知没有规定联网方式'],
    ['车间没有以太网，用的无线，能报吗', '通知没有规定联网方式'],
    ['只有以太网没有物联网行不行', '不要求每一种都有'],
    ['车间没有以太网能报吗', '不要求每一种都有'],
  ])('「%s」 keeps its own entry (regression guards)', (q, opening) => {
    expect(lead(q).startsWith(opening), lead(q)).toBe(true);
  });
});

describe('a figure that is a term of the lexicon names a thing, not a figure the notice gives', () => {
  it.each(['车间网络一定要用5G吗', '工厂是不是必须上5G吧', '车间必须用5G对吧'])('「%s」 is not agreed with: the notice does not name 5G', (q) => {
    expect(lead(q)).not.toMatch(/^对/u);
    expect(lead(q)).toMatch(/^不要求5G/u);
  });

  it.each([
    ['郑州推荐20家对吧', '对，通知写的就是20家。'],
    ['清晰度1080P对吧', '对，通知写的就是1080P。'],
  ])('「%s」, a figure the quoted clauses state, is still confirmed', (q, opening) => {
    expect(lead(q).startsWith(opening)).toBe(true);
  });
});

describe('指标 said with 推荐 or 名额 is the quotas, not the benefit figures', () => {
  it.each(['推荐指标有几个', '名额指标多少'])('「%s」 gives the quotas', (q) => {
    expect(lead(q)).toContain(QUOTA);
    expect(ask(q).citations.map((c) => c.clause)).toContain('四(三)');
  });

  it.each(['效益指标有哪几项', '智能工厂要填哪些指标'])('「%s」 still lists the benefit figures', (q) => {
    expect(lead(q)).toMatch(/^五项/u);
  });
});
