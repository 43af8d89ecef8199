import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../server/qa/cache';

const answer = (text: string) => ({ answer: text, citations: [], confidence: 0.5, outOfScope: false });

describe('the answer cache', () => {
  /** Stores an answer the way a repeated question does: the first asking only leaves its key. */
  const store = (c: AnswerCache, v: string, q: string, a: ReturnType<typeof answer>) => (c.set(v, q, a), c.set(v, q, a));

  it('returns a stored answer with its serialised body', () => {
    const c = new AnswerCache(2);
    store(c, 'v1', '问', answer('答'));
    expect(c.get('v1', '问')!.answer.answer).toBe('答');
    expect(JSON.parse(c.get('v1', '问')!.json).answer).toBe('答');
  });

  it('keeps answers of different knowledge versions apart', () => {
    const c = new AnswerCache(4);
    store(c, 'v1', '问', answer('一'));
    expect(c.get('v2', '问')).toBeUndefined();
  });

  it('evicts the least recently used answer when full', () => {
    const c = new AnswerCache(2);
    store(c, 'v', 'a', answer('a'));
    store(c, 'v', 'b', answer('b'));
    c.get('v', 'a');
    store(c, 'v', 'c', answer('c'));
    expect(c.get('v', 'b')).toBeUndefined();
    expect(c.get('v', 'a')).toBeDefined();
    expect(c.size).toBe(2);
  });

  it('keeps an answer from the second asking, and serves the first one all the same', () => {
    const c = new AnswerCache(2);
    const first = c.set('v', '问', answer('答'));
    expect(JSON.parse(first.json).answer).toBe('答');
    expect(c.get('v', '问')).toBeUndefined();
    expect(c.size).toBe(0);
    c.set('v', '问', answer('答'));
    expect(c.get('v', '问')!.answer.answer).toBe('答');
    expect(c.size).toBe(1);
  });

  it('forgets questions asked once when too many have piled up, without losing kept answers', () => {
    const c = new AnswerCache(1);
    store(c, 'v', 'kept', answer('k'));
    c.set('v', 'once', answer('o'));
    for (let i = 0; i < 4; i++) c.set('v', `filler${i}`, answer('f'));
    c.set('v', 'once', answer('o'));
    expect(c.get('v', 'once')).toBeUndefined();
    expect(c.get('v', 'kept')!.answer.answer).toBe('k');
  });
});
