import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../server/qa/cache';

const answer = (text: string) => ({ answer: text, citations: [], confidence: 0.5, outOfScope: false });

describe('the answer cache', () => {
  it('returns a stored answer with its serialised body', () => {
    const c = new AnswerCache(2);
    c.set('v1', '问', answer('答'));
    expect(c.get('v1', '问')!.answer.answer).toBe('答');
    expect(JSON.parse(c.get('v1', '问')!.json).answer).toBe('答');
  });

  it('keeps answers of different knowledge versions apart', () => {
    const c = new AnswerCache(4);
    c.set('v1', '问', answer('一'));
    expect(c.get('v2', '问')).toBeUndefined();
  });

  it('evicts the least recently used answer when full', () => {
    const c = new AnswerCache(2);
    c.set('v', 'a', answer('a'));
    c.set('v', 'b', answer('b'));
    c.get('v', 'a');
    c.set('v', 'c', answer('c'));
    expect(c.get('v', 'b')).toBeUndefined();
    expect(c.get('v', 'a')).toBeDefined();
    expect(c.size).toBe(2);
  });
});
