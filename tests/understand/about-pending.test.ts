import { describe, expect, it } from 'vitest';
import { askAboutPending } from '../../server/understand';
import { loadKnowledgeData } from '../../server/knowledge/load';

/* The reading of a question about the item waiting, from the shipped vocabulary: its kind, and what is left to ask of the item (normalised: 咋 reads 怎么). */
const words = loadKnowledgeData('knowledge', 'henan-2023').interview.vocabulary.aboutPending;

describe('a question about the item waiting', () => {
  it.each([
    ['这个在哪查？', 'where', '在哪查'],
    ['那这个去哪儿查询呢', 'where', '去哪儿查询呢'],
    ['怎么查这个', 'where', '怎么查'],
    ['这栏咋填', 'fill', '怎么填'],
    ['这一项应该怎么填写？', 'fill', '应该怎么填写'],
    ['这是啥意思', 'meaning', '是什么意思'],
    ['您好，这个指的是什么', 'meaning', '指的是什么'],
    ['这个必须有吗', 'required', '必须有吗'],
    ['这项可以不填吗？', 'required', '可以不填吗'],
    ['这个没有的话能行吗', 'required', '没有的话能行吗'],
  ] as const)('reads 「%s」 as a %s question, leaving 「%s」', (text, ask, rest) => {
    expect(askAboutPending(words, text)).toEqual({ ask, rest });
  });

  it.each([
    '这个月能报吗',
    '这个没有',
    '这个我们有',
    '这个企业在哪查',
    '这个系统去年就上了',
    '这里是郑州',
    '必须有吗',
    '这个必须有',
    '这个没有，以后再说',
  ])('does not read 「%s」 as one', (text) => {
    // A month, an answer, another subject, no word standing for the item, or a 'required' word not asked.
    expect(askAboutPending(words, text)).toBeUndefined();
  });
});
