import { describe, expect, it } from 'vitest';
import { realKb } from './kb';
import { items, q } from './readings';

/*
 * A name counted (「自动化设备260台」「机器人有12台」) says how many devices there are, not that the capability the name
 * may stand for is in place: to a figure's question or in passing it records no capability, and only that capability's
 * own question reads it as a yes. Every capability a reply records as 是 is one the reply names without a count.
 */
const kb = realKb();

const COUNTS: [string, string | null][] = [
  ['自动化设备260台，联上网的有221台', 'metric.automationRatio'],
  ['自动化设备260台，联上网的有221台', 'metric.networkedRatio'],
  ['自动化设备260台，联上网的有221台', null],
  ['机器人有12台，数控机床80来台', 'metric.automationRatio'],
  ['数控设备一共150台，都联网了', 'metric.networkedRatio'],
  ['AGV有5台', 'cap.mes'],
];

describe('a counted name', () => {
  for (const [text, at] of COUNTS) {
    it(`records no capability from 「${text}」 at ${at ?? 'no question'}`, () => {
      const r = items(text, at ? q(at) : null);
      const caps = typeof r === 'string' ? [] : Object.keys(r).filter((k) => k.startsWith('cap.'));
      expect(caps).toEqual([]);
    });
  }

  it('leaves the asked question unanswered by the 有 of a count of another system', () => {
    expect(items('AGV有5台', q('cap.mes'))).toBe('unclear');
  });

  it('is read as a yes at its own capability question, and a name said without a count is recorded as before', () => {
    expect(items('机器人12台', q('cap.automatedLines'))).toEqual({ 'cap.automatedLines': true });
    expect(items('AGV有5台', q('cap.agvRgv'))).toEqual({ 'cap.agvRgv': true });
    expect(items('有机器人和自动化生产线', q('metric.automationRatio'))).toEqual({ 'cap.automatedLines': true });
    expect(items('机器人有12台，MES也上了', q('metric.automationRatio'))).toEqual({ 'cap.mes': true });
  });

  it('traces every capability recorded as 是 in a set of replies to a name the reply says without a count', () => {
    const replies = [
      '自动化设备260台，联上网的有221台', '焊接机器人30台，AGV两台也在用', 'MES和ERP都上了，数控机床120台', '设备共300台，联网的250台',
      '立体库有一座，WMS在用', '工业机器人十几台', '有安灯系统，扫码枪40把',
    ];
    const aliases = kb.capabilities.capabilities.map((c) => ({ id: `cap.${c.id}`, words: c.aliases.map((a) => a.toLowerCase()) }));
    let yeses = 0;
    for (const text of replies) {
      const r = items(text, q('metric.automationRatio'));
      if (typeof r === 'string') continue;
      for (const [id, value] of Object.entries(r)) {
        if (!id.startsWith('cap.') || value !== true) continue;
        yeses++;
        const words = aliases.find((a) => a.id === id)!.words;
        const lower = text.toLowerCase();
        // The name is in the reply and is not followed by a count.
        expect(words.some((w) => lower.includes(w) && !/^\s*(?:有|共|一共)?\s*[\d一二三四五六七八九十两几]+\s*(?:多|来)?\s*[台套个辆座把]/u.test(lower.slice(lower.indexOf(w) + w.length))), `${id} from 「${text}」`).toBe(true);
      }
    }
    // Measured: MES, ERP (「都上了」), WMS (「在用」) and 安灯 (「有安灯系统」); the robots, AGVs, 立体库 and machine tools
    // counted in the same replies record nothing.
    expect(yeses).toBe(4);
  });
});
