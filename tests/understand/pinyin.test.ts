import { describe, expect, it } from 'vitest';
import { realKb } from '../engine/kb';
import { shownCorrections, understanderFor } from '../../server/understand';

const u = understanderFor(realKb());
const read = (text: string) => u.read(text).text;

describe('a question typed in full pinyin', () => {
  it.each([
    ['shipin yao duo chang', '视频要多长'],
    ['shenbao jiezhi shijian', '申报截止时间'],
    ['zhaopian yao ji zhang', '照片要几张'],
    ['shipinyaoduochang', '视频要多长'],
    ['zhengzhou tuijian jijia', '郑州推荐几家'],
  ])('%s is read as %s through the lexicon', (typed, reading) => {
    expect(read(typed)).toBe(reading);
  });

  it('keeps a known Latin word as typed between the words it reads', () => {
    // 「mes」 and 「pdf」 are names the notice uses; reading them as pinyin would lose what was asked.
    expect(read('mes shi shenme')).toBe('mes是什么');
    expect(read('pdf yao caise de ma')).toBe('pdf要彩色的吗');
  });

  it('reads the pinyin part of a mixed question and leaves the Chinese as typed', () => {
    expect(read('视频 yao duo da')).toBe('视频 要多大');
  });

  it('reports the reading, so the answer says how it read the question', () => {
    expect(shownCorrections(u.understand('shipin yao duo chang')).map((c) => `${c.kind}:${c.from}→${c.to}`)).toEqual(['pinyin:shipin yao duo chang→视频要多长']);
  });

  it('leaves English, stray letters, a lone syllable and acronyms as typed', () => {
    // Near misses: a run that does not read whole as pinyin is no pinyin question.
    expect(read('hello world')).toBe('hello world');
    expect(read('sdfkj qwer')).toBe('sdfkj qwer');
    expect(read('erp')).toBe('erp');
    expect(read('视频要mp4吗')).toBe('视频要mp4吗');
    expect(read('mes和erp有什么区别')).toBe('mes和erp有什么区别');
  });

  it('still expands typed pinyin initials as before', () => {
    expect(read('zncj要什么条件')).toBe('智能车间要什么条件');
  });
});
