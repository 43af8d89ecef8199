import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../server/schemas/interview';
import { q, items } from './readings';

describe('a clear answer followed by detail is an answer', () => {
  const cases: [string, string, AnswerValue][] = [
    ['cap.mes', '这个我们是有的，已经上线运行两年多了', true],
    ['cap.mes', '这个我们是有的，已经上线运行两年多，排产报工都在上面做', true],
    ['cap.apc', '这块我们还没有，明年看情况再说', false],
    ['cap.wms', '我们这个也有的，去年上的，出入库都扫码', true],
    ['ent.credit.dishonestExecutee', '这个我们是没有的，信用中国上可以查', false],
  ];
  for (const [id, text, value] of cases) {
    it(`reads 「${text}」 to ${id}`, () => {
      expect(items(text, q(id))).toMatchObject({ [id]: value });
    });
  }

  it('still refuses a long narrative whose only 不 is buried in something else', () => {
    expect(items('我们厂子不大，一直是手工记录台账', q('ent.credit.dishonestExecutee'))).toBe('unclear');
  });
});
