import { describe, expect, it } from 'vitest';
import { items, q } from './readings';

/*
 * A yes typed with another 的 (是得, 是地: the characters a pinyin IME offers beside it) or said with a spoken particle
 * (是哒, 是嘚, 对滴) reads as the same reply written with 的, at a plain yes/no question and at a system's; 没得 stays a no,
 * a hedge with 吧 stays a hedge, and a 是得 that goes on (是得看情况) is no bare yes.
 */
const questions = ['ent.registeredInHenan', 'ent.groupOrHeadOffice', 'cap.mes'];

describe('a typed or spoken variant of a bare answer reads as the answer written with 的', () => {
  const pairs: [string, string][] = [
    ['是得', '是的'],
    ['是地', '是的'],
    ['是哒', '是的'],
    ['是嘚', '是的'],
    ['嗯是得', '嗯是的'],
    ['是得是得', '是的是的'],
    ['是得呀', '是的呀'],
    ['对得', '对的'],
    ['对滴', '对的'],
    ['有得', '有的'],
    ['有滴', '有的'],
    ['没得', '没有'],
    ['是得，在郑州', '是的，在郑州'],
    ['是得，我们在新乡', '是的，我们在新乡'],
    ['是得吧', '是的吧'],
    ['是地吧', '是的吧'],
    ['有得吧', '有的吧'],
    ['对滴吧', '是的吧'],
  ];
  for (const id of questions) {
    for (const [typed, written] of pairs) {
      it(`「${typed}」 at ${id} reads as 「${written}」`, () => {
        expect(items(typed, q(id))).toEqual(items(written, q(id)));
      });
    }
  }

  it('records the plain answers themselves', () => {
    expect(items('是得', q('ent.registeredInHenan'))).toEqual({ 'ent.registeredInHenan': true });
    expect(items('是哒', q('ent.groupOrHeadOffice'))).toEqual({ 'ent.groupOrHeadOffice': true });
    expect(items('没得', q('cap.mes'))).toEqual({ 'cap.mes': false });
    expect(items('是得吧', q('ent.registeredInHenan'))).toBe('unclear');
  });
});

describe('a 得 that is no closing particle', () => {
  const cases: [string, string, unknown][] = [
    ['ent.registeredInHenan', '是得看情况', 'unclear'],
    ['cap.mes', '是得看情况', 'unclear'],
    ['ent.registeredInHenan', '是得交材料吗', 'question'],
    ['ent.registeredInHenan', '是得嘛', 'question'],
    ['ent.registeredInHenan', '不是得', { 'ent.registeredInHenan': false }],
    ['cap.mes', '不晓得', { 'cap.mes': null }],
    ['ent.registeredInHenan', '懂得', 'unclear'],
    ['ent.registeredInHenan', '值得', 'unclear'],
  ];
  for (const [id, reply, value] of cases) {
    it(`「${reply}」 at ${id} reads as ${JSON.stringify(value)}`, () => {
      expect(items(reply, q(id))).toEqual(value);
    });
  }
});
