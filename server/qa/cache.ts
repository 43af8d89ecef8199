import type { AskResponse } from '../schemas/ask';

export interface CachedAnswer {
  answer: AskResponse;
  /** The serialised response body, so a repeated question costs no JSON.stringify either. */
  json: string;
}

/**
 * A small LRU of answers. answerQuestion is deterministic for a knowledge version and a
 * question, and helpline questions repeat, so a hit skips segmentation and scoring entirely.
 */
export class AnswerCache {
  private readonly map = new Map<string, CachedAnswer>();

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

  set(version: string, question: string, answer: AskResponse): CachedAnswer {
    const key = `${version}\u0000${question}`;
    const entry = { answer, json: JSON.stringify(answer) };
    this.map.delete(key);
    this.map.set(key, entry);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return entry;
  }

  get size(): number {
    return this.map.size;
  }
}
