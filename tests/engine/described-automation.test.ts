import { describe, expect, it } from 'vitest';
import { items, q } from './readings';

/*
 * A system the notice names by what it automates (罐区自动化, 自动化生产线) said to be automated in other words than its
 * name: 「酒库罐区液位都自动化了」 is the tank yard's yes, as 「罐区自动化了」 is. The words are the question's own
 * (VocabularyFile `describes`), so 「车间都自动化了」 says nothing of MES.
 */
describe('automation said of the item in other words than its name', () => {
  it.each([
    // As typed in the fifteenth blind round.
    ['cap.tankYard', '酒库罐区液位都自动化了', true],
    // Phrasings of our own.
    ['cap.tankYard', '罐区都自动化了', true],
    ['cap.tankYard', '油罐区液位自动控制', true],
    ['cap.tankYard', '装车是自动计量的', true],
    ['cap.automatedLines', '产线都自动化了', true],
    // A part automated is partly built; a lack is a no.
    ['cap.tankYard', '罐区一半自动化了', 'partial'],
    ['cap.tankYard', '罐区还没自动化', false],
    ['cap.tankYard', '罐区还是人工', false],
    ['cap.automatedLines', '还没自动化', false],
  ] as const)('at %s 「%s」 reads %s', (id, text, value) => {
    expect(items(text, q(id))).toEqual({ [id]: value });
  });

  it('near miss: 「车间都自动化了」 at cap.mes answers nothing', () => {
    expect(items('车间都自动化了', q('cap.mes'))).toBe('unclear');
  });
});
