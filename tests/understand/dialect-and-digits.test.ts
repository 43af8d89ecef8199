import { describe, expect, it } from 'vitest';
import { findQuantities, normalise } from '../../server/understand';

describe('Henan\'s closing particles', () => {
  it('drops 哩, 嘞, 咧 and 嘛 that close a statement, so it reads as its written form', () => {
    for (const [typed, written] of [
      ['有哩', '有'],
      ['是嘛', '是'],
      ['算咧', '算'],
      ['就报这一个嘞', '就报这一个'],
      ['俺们是流程型哩', '我们是流程型'],
      ['木有嘞 叉车倒', '没有 叉车倒'],
      ['能查到是哪批原发做哩', '能查到是哪批原发做'],
    ]) expect(normalise(typed!).text, typed).toBe(written);
  });

  it('keeps a closing particle that asks as the written 呢, and 嘛 after a modal as 吗', () => {
    for (const [typed, written] of [
      ['有事打电话问谁嘞，要啥材料', '有事打电话问谁呢,要什么材料'],
      ['要啥条件嘞', '要什么条件呢'],
      ['有没有咧', '有没有呢'],
      ['能报嘛', '能报吗'],
      ['必须要有嘛？', '必须要有吗?'],
      ['咋弄哩？', '怎么弄呢?'],
      ['你干嘛嘞', '你干什么呢'],
    ]) expect(normalise(typed!).text, typed).toBe(written);
  });

  it('reads 木 as 没 only at the head of a verb phrase, never inside a word', () => {
    expect(normalise('木评过').text).toBe('没评过');
    expect(normalise('俺们木弄').text).toBe('我们没弄');
    expect(normalise('实木做的门').text).toBe('实木做的门');
    expect(normalise('木材加工').text).toBe('木材加工');
  });
});

describe('a share in 成 typed with digits', () => {
  it('reads 「7成」, a full-width 「７成」, 「8成多」 and 「9成5」 as the same figures in words', () => {
    const pct = (t: string) => findQuantities(normalise(t).text).map((q) => [q.value, q.unit, q.approx]);
    expect(pct('７成')).toEqual([[70, '%', false]]);
    expect(pct('7成')).toEqual([[70, '%', false]]);
    expect(pct('8成多')).toEqual([[80, '%', true]]);
    expect(pct('9成5')).toEqual([[95, '%', false]]);
  });

  it('reads no share in a longer number before 成 or a decimal', () => {
    expect(findQuantities('17成').filter((q) => q.unit === '%')).toEqual([]);
    expect(findQuantities('1.5成').filter((q) => q.unit === '%')).toEqual([]);
  });
});
