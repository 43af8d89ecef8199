import { describe, expect, it } from 'vitest';
import { dropSession, forget, formatHash, listSessions, loadMode, loadSaved, parseHash, pickSession, rememberSession, save, saveMode } from '../../web/lib/session-link';
import { MemoryStorage } from './memory-storage';

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

describe('我的会话 list', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
  };
  const a = { sessionId: 'a'.repeat(20), token: 't'.repeat(40) };
  const b = { sessionId: 'b'.repeat(20), token: 'u'.repeat(40) };

  it('keeps each session once, newest first, with what it learned about it', () => {
    const s = memory();
    rememberSession(s, a, {}, new Date('2026-01-01T00:00:00Z'));
    rememberSession(s, b, { category: '智能车间' }, new Date('2026-01-02T00:00:00Z'));
    rememberSession(s, a, { company: '郑州精工有限公司' }, new Date('2026-01-03T00:00:00Z'));
    const list = listSessions(s);
    expect(list.map((e) => e.sessionId)).toEqual([a.sessionId, b.sessionId]);
    expect(list[0]).toMatchObject({ company: '郑州精工有限公司', updatedAt: '2026-01-03T00:00:00.000Z' });
    expect(list[1]).toMatchObject({ category: '智能车间' });
    // An ineligible assessment clears the direction shown.
    rememberSession(s, b, { category: null });
    expect(listSessions(s).find((e) => e.sessionId === b.sessionId)!.category).toBeUndefined();
    dropSession(s, a.sessionId);
    expect(listSessions(s).map((e) => e.sessionId)).toEqual([b.sessionId]);
  });

  it('ignores stored entries that are not session links', () => {
    const s = memory();
    s.setItem('zz.sessions', JSON.stringify([{ sessionId: '<img>', token: 'x', updatedAt: 'now' }, 5, null]));
    expect(listSessions(s)).toEqual([]);
    s.setItem('zz.sessions', '{not json');
    expect(listSessions(s)).toEqual([]);
  });
});

describe('the mode a session was last in', () => {
  it('is kept per session, so a reloaded 政策问答 session reopens as 政策问答 and another keeps its own', () => {
    const st = new MemoryStorage();
    expect(loadMode(st, 'sess_a')).toBeUndefined();
    saveMode(st, 'sess_a', 'qa');
    saveMode(st, 'sess_b', 'interview');
    expect(loadMode(st, 'sess_a')).toBe('qa');
    expect(loadMode(st, 'sess_b')).toBe('interview');
    saveMode(st, 'sess_a', 'interview');
    expect(loadMode(st, 'sess_a')).toBe('interview');
  });

  it('keeps the modes of the last 20 sessions and ignores stored values that are no mode', () => {
    const st = new MemoryStorage();
    for (let i = 0; i < 30; i++) saveMode(st, `s${i}`, 'qa');
    expect(Object.keys(JSON.parse(st.getItem('zz.modes')!))).toHaveLength(20);
    expect(loadMode(st, 's29')).toBe('qa');
    expect(loadMode(st, 's0')).toBeUndefined();
    st.setItem('zz.modes', JSON.stringify({ x: 'admin' }));
    expect(loadMode(st, 'x')).toBeUndefined();
    st.setItem('zz.modes', '{not json');
    expect(loadMode(st, 'x')).toBeUndefined();
    saveMode(st, 'x', 'qa');
    expect(loadMode(st, 'x')).toBe('qa');
  });
});
