import type { AskResponse } from '../schemas/ask';

export interface CachedAnswer {
  answer: AskResponse;
  /** The serialised response body, so a repeated question costs no JSON.stringify either. */
  json: string;
}

/**
 * A small LRU of answers. answerQuestion is deterministic for a knowledge version and a
 * question, and helpline questions repeat, so a hit skips segmentation and scoring entirely.
 *
 * Most questions are asked once. Keeping each of them would turn the LRU over on every new
 * question and keep a thousand answers alive for the garbage collector to walk, for no hit. So a
 * question's answer is kept from its second asking: the first only leaves its key behind.
 */
export class AnswerCache {
  private readonly map = new Map<string, CachedAnswer>();
  /** Keys asked once since the last reset; bounded by clearing, which costs at most one more miss each. */
  private seen = new Set<string>();

  constructor(private readonly max = 2000) {}

  get(version: string, question: string): CachedAnswer | undefined {
    const key = `${version}\u0000${question}`;
    const hit = this.map.get(key);
    if (hit) {
      // Re-insert so the entry becomes the most recently used.
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  /** The answer with its body; kept if the question was asked before (see the class comment). */
  set(version: string, question: string, answer: AskResponse): CachedAnswer {
    const key = `${version}\u0000${question}`;
    const entry = { answer, json: JSON.stringify(answer) };
    if (!this.seen.has(key)) {
      if (this.seen.size >= this.max * 4) this.seen = new Set();
      this.seen.add(key);
      return entry;
    }
    this.seen.delete(key);
    this.map.delete(key);
    this.map.set(key, entry);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return entry;
  }

  get size(): number {
    return this.map.size;
  }
}
