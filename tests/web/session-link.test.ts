import { describe, expect, it } from 'vitest';
import { forget, formatHash, loadSaved, parseHash, pickSession, save } from '../../web/lib/session-link';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe('session link', () => {
  it('round-trips the session id and token through the URL hash', () => {
    const ref = { sessionId: 'abc_123', token: 'tok-XYZ.9' };
    expect(parseHash(formatHash(ref))).toEqual(ref);
  });

  it('ignores a hash whose id or token has characters a server id never has', () => {
    expect(parseHash('#s=<script>&t=x')).toBeNull();
    expect(parseHash('#s=abc')).toBeNull();
    expect(parseHash('')).toBeNull();
  });

  it('prefers the link over storage, and falls back to storage after a plain reload', () => {
    const st = new MemoryStorage();
    save(st, { sessionId: 'stored', token: 'tok1' });
    expect(pickSession('#s=linked&t=tok2', st)).toEqual({ sessionId: 'linked', token: 'tok2' });
    expect(pickSession('', st)).toEqual({ sessionId: 'stored', token: 'tok1' });
    forget(st);
    expect(loadSaved(st)).toBeNull();
  });

  it('survives storage that throws, as in some private browsing modes', () => {
    const broken = {
      getItem() {
        throw new Error('denied');
      },
      setItem() {
        throw new Error('denied');
      },
      removeItem() {
        throw new Error('denied');
      },
    };
    expect(loadSaved(broken)).toBeNull();
    expect(() => save(broken, { sessionId: 'a', token: 'b' })).not.toThrow();
  });
});
