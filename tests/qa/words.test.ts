import { describe, expect, it } from 'vitest';
import { WordFinder } from '../../server/qa/words';

/** Every start position of `w` in `text`, found the slow way. */
function positions(text: string, w: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) out.push(i);
  return out;
}

describe('WordFinder', () => {
  const words = ['车间', '智能车间', '智能', '间', '工厂', '离散型智能工厂', 'mes', 'm', '报'];
  const finder = new WordFinder(words);

  it('finds what a substring search finds, with every position, for words of one, two and more characters', () => {
    const texts = ['离散型智能工厂和智能车间可以同时报吗', '车间车间间', 'mes系统', '', '报', '没有相关词'];
    for (const text of texts) {
      const found = finder.find(text);
      for (const w of words) {
        const at = positions(text, w);
        if (at.length) expect(found.get(w), `${w} in ${text}`).toEqual(at);
        else expect(found.has(w), `${w} not in ${text}`).toBe(false);
      }
      expect([...found.keys()].every((w) => words.includes(w))).toBe(true);
    }
  });

  it('with wholeLatin, does not find Latin letters inside a longer Latin word, but finds a unit letter after a number', () => {
    const latin = new WordFinder(['ai', 'ps', 'm', 'erp', 'mes'], { wholeLatin: true });
    expect(latin.find('e-mail没有能不填吗').has('ai')).toBe(false);
    expect(latin.find('用了gps定位').has('ps')).toBe(false);
    expect(latin.find('erps系统').has('erp')).toBe(false);
    expect(latin.find('上了ai质检').get('ai')).toEqual([2]);
    expect(latin.find('视频300mb').get('m')).toEqual([5]);
    expect(latin.find('mes/erp都有').get('erp')).toEqual([4]);
    // Without it, a substring search is what is found.
    expect(new WordFinder(['ai']).find('e-mail').get('ai')).toEqual([3]);
  });

  it('does not find a word opening with a digit inside a longer number', () => {
    const numbers = new WordFinder(['5g', '5家', 'g']);
    expect(numbers.find('视频有1.5g').has('5g')).toBe(false);
    expect(numbers.find('视频有1.5g').get('g')).toEqual([6]);
    expect(numbers.find('推荐15家').has('5家')).toBe(false);
    expect(numbers.find('车间用5g联网').get('5g')).toEqual([3]);
    const bare = new WordFinder(['720', '1080']);
    expect(bare.find('视频7200秒').has('720')).toBe(false);
    expect(bare.find('视频720.5').has('720')).toBe(false);
    expect(bare.find('视频720。1080p').get('720')).toEqual([2]);
    expect(bare.find('视频720。1080p').get('1080')).toEqual([6]);
    expect(numbers.find('推荐5家').get('5家')).toEqual([2]);
  });

  it('an empty word is in every text, as String.includes says', () => {
    expect(new WordFinder(['', '车间']).find('工厂').has('')).toBe(true);
  });
});
