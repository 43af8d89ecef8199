import { describe, expect, it } from 'vitest';
import { askAboutPending } from '../../server/understand';
import { loadKnowledgeData } from '../../server/knowledge/load';

/* A short question typed alone while an item waits, with no word standing for the item: it can only be about that item. */
const words = loadKnowledgeData('knowledge', 'henan-2023').interview.vocabulary.aboutPending;

describe('a bare question about the item waiting', () => {
  it.each([
    ['怎么查', 'where'],
    ['去哪儿查呀', 'where'],
    ['请问在哪里查？', 'where'],
    ['什么算良好', 'criteria'],
    ['有啥标准', 'criteria'],
    ['要啥证明？', 'criteria'],
    ['怎样才算达标', 'criteria'],
    ['啥意思', 'meaning'],
    ['咋填', 'fill'],
  ] as const)('reads 「%s」 as a %s question', (text, ask) => {
    expect(askAboutPending(words, text)?.ask).toBe(ask);
  });

  it.each([
    // Whether something is required is asked of it by name; alone it may speak of anything said before.
    '必须有吗',
    // Longer questions name their own subject, for the Q&A to read.
    '怎么查企业的纳税信用等级',
    '什么算智能工厂的流程型',
    // Answers and remarks.
    '有',
    '没有',
    '标准的',
    '查过了没有',
  ])('does not read 「%s」 as one', (text) => {
    expect(askAboutPending(words, text)).toBeUndefined();
  });
});
