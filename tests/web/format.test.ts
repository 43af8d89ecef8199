import { describe, expect, it } from 'vitest';
import { displayAnswer, isHeadingOnly, looksLikeClause, parseNumberInput, splitRichText } from '../../web/lib/format';

describe('format helpers', () => {
  it('reads back answers in the words of their widget', () => {
    expect(displayAnswer(true, { kind: 'yesNoPartial' })).toBe('有');
    expect(displayAnswer('partial', { kind: 'yesNoPartial' })).toBe('部分');
    expect(displayAnswer(false, { kind: 'yesNo' })).toBe('否');
    expect(displayAnswer(85, { kind: 'number', unit: '%' })).toBe('85%');
    expect(displayAnswer('discrete', { kind: 'choice', choices: [{ value: 'discrete', label: '离散型' }] })).toBe('离散型');
    expect(displayAnswer(null)).toBe('暂不回答');
  });

  it('parses numbers typed with full-width digits, separators or a percent sign', () => {
    expect(parseNumberInput('８５')).toBe(85);
    expect(parseNumberInput('1,200.5')).toBe(1200.5);
    expect(parseNumberInput('92%')).toBe(92);
    expect(parseNumberInput('大约九十')).toBeNull();
  });

  it('turns clause references into chips and leaves other brackets as text', () => {
    const parts = splitRichText('依据〔三(一)4〕和〔附件2.一(二)〕，见〔备注〕。**注意**');
    expect(parts).toEqual([
      { kind: 'text', text: '依据' },
      { kind: 'clause', clause: '三(一)4' },
      { kind: 'text', text: '和' },
      { kind: 'clause', clause: '附件2.一(二)', after: '，' },
      { kind: 'text', text: '见' },
      { kind: 'text', text: '〔备注〕' },
      { kind: 'text', text: '。' },
      { kind: 'bold', text: '注意' },
    ]);
  });

  it('also reads the engine\'s full-width （clause） references, leaving ordinary parentheses alone', () => {
    expect(splitRichText('每家企业当年限报1个（四(一)）。（可选）')).toEqual([
      { kind: 'text', text: '每家企业当年限报1个' },
      { kind: 'clause', clause: '四(一)', after: '。' },
      { kind: 'text', text: '（可选）' },
    ]);
  });

  it('keeps the punctuation touching a reference with its chip, so none starts or ends a line alone', () => {
    expect(splitRichText('条件见 〔二(一)〕。下一句（〔三(二)3〕），再见（二(四)）；〔一〕、〔二〕……完')).toEqual([
      { kind: 'text', text: '条件见 ' },
      { kind: 'clause', clause: '二(一)', after: '。' },
      { kind: 'text', text: '下一句' },
      { kind: 'clause', clause: '三(二)3', before: '（', after: '），' },
      { kind: 'text', text: '再见' },
      { kind: 'clause', clause: '二(四)', after: '；' },
      { kind: 'clause', clause: '一', after: '、' },
      { kind: 'clause', clause: '二', after: '……' },
      { kind: 'text', text: '完' },
    ]);
    // Only punctuation travels: a word, a space or a line break after the chip stays where it was.
    expect(splitRichText('〔二(一)〕 规定\n〔二(二)〕\n。')).toEqual([
      { kind: 'clause', clause: '二(一)' },
      { kind: 'text', text: ' 规定\n' },
      { kind: 'clause', clause: '二(二)' },
      { kind: 'text', text: '\n。' },
    ]);
  });

  it('never turns markup in model text into anything but text parts', () => {
    const parts = splitRichText('<img src=x onerror=alert(1)>');
    expect(parts).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('recognises the public clause id forms', () => {
    for (const id of ['序', '一', '二(四)', '三(二)6', '四(三)', '附件1.一', '附件3.四(六)']) expect(looksLikeClause(id), id).toBe(true);
    for (const id of ['备注', '三(一', 'abc']) expect(looksLikeClause(id), id).toBe(false);
  });
});

describe('isHeadingOnly', () => {
  it('knows a section whose text only repeats its title, whatever the numbering', () => {
    expect(isHeadingOnly('一、申报方向', '申报方向')).toBe(true);
    expect(isHeadingOnly('（二）离散型智能工厂', '离散型智能工厂')).toBe(true);
    expect(isHeadingOnly('(三) 企业在智能制造方面取得的专利；', '企业在智能制造方面取得的专利')).toBe(true);
    expect(isHeadingOnly('四、有关要求。', '有关要求')).toBe(true);
  });

  it('keeps text that says more than the title, and an empty text', () => {
    expect(isHeadingOnly('（一）智能车间。申报的车间应为以加工制造环节为主的车间', '智能车间')).toBe(false);
    expect(isHeadingOnly('', '申报方向')).toBe(false);
    expect(isHeadingOnly('一、申报方向', '申报条件')).toBe(false);
  });
});
