import { describe, expect, it } from 'vitest';
import { loadQueued, saveQueued, type QueuedMessage } from '../../web/lib/outbox-store';
import { MemoryStorage } from './memory-storage';

const answer: QueuedMessage = { msg: { type: 'answer', clientId: 'c1', questionId: 'ent.registered', value: true }, bubble: '是', caption: '企业是否在河南省内注册？' };
const text: QueuedMessage = { msg: { type: 'text', clientId: 'c2', text: '视频有什么要求？', mode: 'qa' }, bubble: '视频有什么要求？' };

describe('queued messages kept for the tab', () => {
  it('round-trips per session, in order, and an empty queue leaves no key behind', () => {
    const s = new MemoryStorage();
    saveQueued(s, 'sess-a', [answer, text]);
    saveQueued(s, 'sess-b', [text]);
    expect(loadQueued(s, 'sess-a')).toEqual([answer, text]);
    expect(loadQueued(s, 'sess-b')).toEqual([text]);
    saveQueued(s, 'sess-a', []);
    expect(loadQueued(s, 'sess-a')).toEqual([]);
    expect([...s.data.keys()]).toEqual(['zz-outbox:sess-b']);
  });

  it('drops what is not a user message and survives storage that is corrupt or throws', () => {
    const s = new MemoryStorage();
    s.setItem('zz-outbox:x', JSON.stringify([answer, { msg: { type: 'open', clientId: 'c9' }, bubble: 'x' }, { msg: { type: 'text' }, bubble: 'y' }, null, 'str', text]));
    expect(loadQueued(s, 'x')).toEqual([answer, text]);
    s.setItem('zz-outbox:y', '{not json');
    expect(loadQueued(s, 'y')).toEqual([]);
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => undefined };
    expect(loadQueued(throwing, 'x')).toEqual([]);
    expect(() => saveQueued(throwing, 'x', [answer])).not.toThrow();
  });
});
