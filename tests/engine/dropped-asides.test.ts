import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';

/*
 * A clause that drops an aside (「地磅算了」「不管它」「先不说这个」) answers nothing: a reply of such clauses alone records
 * nothing and the item is asked again; beside a clause that answers, that clause alone is read, so 不管它's 不 is no no.
 */
const rules = createRules(createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023')));
const read = (id: string, text: string) => rules.interpret(text, rules.views({}, [id])[0]!, {});

describe('a reply that only drops an aside', () => {
  for (const text of ['地磅算了，不管它', '那个地磅就算了吧', '地磅先不说这个', '称重那块不管它了'])
    it(`「${text}」 at the SCADA question records nothing and asks again`, () => {
      expect(read('cap.scada', text)).toMatchObject({ kind: 'unclear', reason: 'aside' });
    });
});

describe('near misses: an answer beside the dropped aside, or a no of its own', () => {
  const said: [string, boolean][] = [
    ['有，地磅算了', true],
    ['有SCADA，地磅不管它', true],
    ['SCADA有，算了不说了', true],
    ['没有，算了', false],
    ['地磅不算', false],
    ['没有', false],
  ];
  for (const [text, value] of said)
    it(`「${text}」 is ${value ? 'a yes' : 'a no'}`, () => {
      expect(read('cap.scada', text)).toEqual({ kind: 'answers', items: [{ questionId: 'cap.scada', value }] });
    });
  it('「算了」 alone is no dropped aside', () => {
    expect(read('cap.scada', '算了')).not.toMatchObject({ reason: 'aside' });
  });
});
