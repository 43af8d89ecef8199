import { describe, expect, it } from 'vitest';
import { items, q } from './readings';

/*
 * The lists of 二(四) are asked one by one. A no said of every list at once (「三个都没有」「这几种情况都没发生过」) answers
 * each of them, so the lists not yet asked are recorded with it; a no of one list, a hedged no, or a yes answers only the
 * list asked.
 */

const lists = ['ent.credit.dishonestExecutee', 'ent.credit.taxViolationBlacklist', 'ent.credit.seriousIllegalDishonest'];
const none = Object.fromEntries(lists.map((id) => [id, false]));

describe('a no said of every list', () => {
  for (const text of ['三个都没有', '都没有', '这几种情况都没发生过', '这些都没有过', '哪个也没上过', '全都没有']) {
    for (const at of [lists[0]!, lists[1]!]) {
      it(`「${text}」 at ${at} records every list`, () => {
        expect(items(text, q(at))).toEqual(none);
      });
    }
  }
});

describe('near misses answer only the list asked', () => {
  for (const [text, expected] of [
    ['没有', { [lists[0]!]: false }],
    ['失信被执行人没有', { [lists[0]!]: false }],
    ['从来没被列入过', { [lists[0]!]: false }],
    ['三个都有', { [lists[0]!]: true }],
  ] as const) {
    it(`「${text}」`, () => expect(items(text, q(lists[0]!))).toEqual(expected));
  }

  it('a hedged no of every list records nothing', () => {
    for (const text of ['应该都没有吧', '好像都没有']) expect(items(text, q(lists[0]!)), text).toBe('unclear');
  });

  it('a no of every list at a question that is no list records only that question', () => {
    expect(items('都没有', q('cap.mes'))).toEqual({ 'cap.mes': false });
  });
});
