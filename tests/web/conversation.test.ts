import { describe, expect, it } from 'vitest';
import { Conversation } from '../../web/lib/conversation';
import type { ServerMessage } from '../../server/schemas/ws';

const at = '2026-01-01T00:00:00.000Z';
const session = (transcript: Extract<ServerMessage, { type: 'session' }>['transcript'] = []): ServerMessage => ({
  type: 'session',
  sessionId: 's1',
  token: 't1',
  resumed: transcript.length > 0,
  transcript,
  answers: {},
});

describe('Conversation', () => {
  it('shows a user message at once and marks it sent when the server acknowledges it', () => {
    const c = new Conversation();
    c.addLocalUser('c1', '我们有MES');
    expect(c.messages).toMatchObject([{ role: 'user', text: '我们有MES', status: 'sending' }]);
    c.apply({ type: 'ack', clientId: 'c1', seq: 3 });
    expect(c.messages[0]).toMatchObject({ status: 'sent', seq: 3 });
  });

  it('builds an assistant message from start, deltas and end, and remembers it for the live region', () => {
    const c = new Conversation();
    c.apply({ type: 'message.start', id: 'm1', seq: 2 });
    c.apply({ type: 'message.delta', id: 'm1', delta: '根据' });
    c.apply({ type: 'message.delta', id: 'm1', delta: '〔二(一)〕' });
    expect(c.messages[0]).toMatchObject({ text: '根据〔二(一)〕', status: 'streaming' });
    c.apply({ type: 'message.end', id: 'm1', seq: 2, text: '根据〔二(一)〕，需要独立法人。', citations: [{ clause: '二(一)', title: '申报条件', quote: '…' }] });
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatchObject({ status: 'done', text: '根据〔二(一)〕，需要独立法人。' });
    expect(c.lastFinished?.id).toBe('m1');
  });

  it('does not duplicate messages that a resume replays after they were already shown', () => {
    const c = new Conversation();
    c.addLocalUser('c1', '有');
    c.apply({ type: 'ack', clientId: 'c1', seq: 1 });
    c.apply({ type: 'message.start', id: 'm2', seq: 2 });
    c.apply({ type: 'message.end', id: 'm2', seq: 2, text: '好的', citations: [] });
    c.apply(
      session([
        { seq: 1, id: 'u1', role: 'user', text: '有', citations: [], clientId: 'c1', at },
        { seq: 2, id: 'm2', role: 'assistant', text: '好的', citations: [], at },
        { seq: 3, id: 'm3', role: 'assistant', text: '下一题', citations: [], at },
      ]),
    );
    expect(c.messages.map((m) => m.text)).toEqual(['有', '好的', '下一题']);
  });

  it('holds lastSeq below a message still streaming so the resume replays it whole', () => {
    const c = new Conversation();
    c.addLocalUser('c1', '问题');
    c.apply({ type: 'ack', clientId: 'c1', seq: 4 });
    c.apply({ type: 'message.start', id: 'm5', seq: 5 });
    c.apply({ type: 'message.delta', id: 'm5', delta: '半句' });
    expect(c.lastSeq).toBe(4);
    c.apply(session([{ seq: 5, id: 'm5', role: 'assistant', text: '半句话说完了。', citations: [], at }]));
    expect(c.messages.at(-1)).toMatchObject({ text: '半句话说完了。', status: 'done' });
    expect(c.lastSeq).toBe(5);
  });

  it('marks a message the server could not handle as failed, so it can be retried', () => {
    const c = new Conversation();
    c.addLocalUser('c9', 'x');
    c.apply({ type: 'error', code: 'INTERNAL', message: '服务器内部错误，请重试', clientId: 'c9' });
    expect(c.messages[0]).toMatchObject({ status: 'failed', error: '服务器内部错误，请重试' });
    expect(c.rejection).toBeNull();
  });

  it('marks a refused answer as rejected, keeps the reason for its question and clears both on the next attempt', () => {
    const c = new Conversation();
    c.apply({ type: 'question', question: { id: 'form.creditCode', text: '统一社会信用代码？', kind: 'text', phase: 'form' }, progress: { answered: 3, remaining: 5, phase: 'form' } });
    c.addLocalUser('c1', '123', '统一社会信用代码？', 'form.creditCode');
    c.apply({ type: 'error', code: 'INVALID', message: '统一社会信用代码应为18位', clientId: 'c1' });
    expect(c.messages[0]).toMatchObject({ status: 'rejected', error: '统一社会信用代码应为18位' });
    expect(c.rejection).toEqual({ message: '统一社会信用代码应为18位', questionId: 'form.creditCode' });
    c.addLocalUser('c2', '456', '统一社会信用代码？', 'form.creditCode');
    c.apply({ type: 'error', code: 'UNKNOWN_QUESTION', message: '未知的问题', clientId: 'c2' });
    // The earlier refusal does not pile up: only the latest refused bubble is left.
    expect(c.messages.map((m) => [m.clientId, m.status])).toEqual([['c2', 'rejected']]);
    c.addLocalUser('c3', '91410100MA44XXXX0X', '统一社会信用代码？', 'form.creditCode');
    expect(c.rejection).toBeNull();
    expect(c.messages.map((m) => m.clientId)).toEqual(['c3']);
    c.apply({ type: 'ack', clientId: 'c3', seq: 7 });
    expect(c.lastSeq).toBe(7);
  });

  it('forgets a refusal once the interview moves to another question', () => {
    const c = new Conversation();
    c.addLocalUser('c1', 'x', undefined, 'ent.industryCode');
    c.apply({ type: 'error', code: 'INVALID', message: 'ent.industryCode: 请填写两位行业代码', clientId: 'c1' });
    expect(c.rejection).toEqual({ message: '请填写两位行业代码', questionId: 'ent.industryCode' });
    c.apply({ type: 'question', question: { id: 'cat.scope', text: '申报范围？', kind: 'choice', phase: 'category' }, progress: { answered: 1, remaining: 5, phase: 'category' } });
    expect(c.rejection).toBeNull();
  });

  it('keeps an answer\'s turn open from its ack until the question that closes the turn', () => {
    const c = new Conversation();
    const hasMes = { id: 'cap.mes', text: '是否已上线MES？', kind: 'yesNo', phase: 'elements' } as const;
    const hasErp = { id: 'cap.erp', text: '是否已上线ERP？', kind: 'yesNo', phase: 'elements' } as const;
    const progress = { answered: 3, remaining: 5, phase: 'elements' } as const;
    c.apply({ type: 'question', question: hasMes, progress });
    c.addLocalUser('c1', '是', hasMes.text, 'cap.mes');
    expect(c.turnOpen).toBeNull();
    c.apply({ type: 'ack', clientId: 'c1', seq: 4 });
    // The reply is spoken before the next question arrives: the question on screen is still the answered one.
    expect(c.turnOpen).toBe('c1');
    c.apply({ type: 'message.start', id: 'm5', seq: 5 });
    c.apply({ type: 'message.end', id: 'm5', seq: 5, text: '已记录：是否已上线MES：是', citations: [] });
    expect(c.question?.id).toBe('cap.mes');
    expect(c.turnOpen).toBe('c1');
    c.apply({ type: 'question', question: hasErp, progress });
    expect(c.turnOpen).toBeNull();

    // A resend the server already had runs no second turn; a typed message is no answer to the card.
    c.addLocalUser('c2', '是', hasErp.text, 'cap.erp');
    c.apply({ type: 'ack', clientId: 'c2', seq: 6, duplicate: true });
    expect(c.turnOpen).toBeNull();
    c.addLocalUser('c3', 'MES必须要有吗');
    c.apply({ type: 'ack', clientId: 'c3', seq: 7 });
    expect(c.turnOpen).toBeNull();

    // A turn that failed on the server, or a reconnect that sends the state again, closes it too.
    c.addLocalUser('c4', '是', hasErp.text, 'cap.erp');
    c.apply({ type: 'ack', clientId: 'c4', seq: 8 });
    c.apply({ type: 'error', code: 'INTERNAL', message: '服务器内部错误，请重试' });
    expect(c.turnOpen).toBeNull();
    c.addLocalUser('c5', '是', hasErp.text, 'cap.erp');
    c.apply({ type: 'ack', clientId: 'c5', seq: 9 });
    c.apply(session());
    expect(c.turnOpen).toBeNull();
  });

  it('keeps the labelled answers for the review card and the questions seen for editing', () => {
    const c = new Conversation();
    c.apply({
      type: 'question',
      question: { id: 'cap.mes', text: '是否应用了MES？', kind: 'yesNoPartial', phase: 'elements' },
      progress: { answered: 3, remaining: 10, phase: 'elements' },
    });
    c.apply({ type: 'recorded', items: [{ questionId: 'cap.mes', label: '制造执行系统（MES）', value: true, display: '有' }] });
    expect([...c.recorded.values()]).toEqual([{ questionId: 'cap.mes', label: '制造执行系统（MES）', value: true, display: '有' }]);
    expect(c.answers['cap.mes']).toBe(true);
    expect(c.questions.get('cap.mes')?.kind).toBe('yesNoPartial');
    expect(c.progress?.remaining).toBe(10);
  });

  it('drops review entries that a restart elsewhere removed from the answers', () => {
    const c = new Conversation();
    c.apply({ type: 'recorded', items: [{ questionId: 'ent.x', label: 'X', value: true, display: '是' }] });
    c.apply(session());
    expect(c.recorded.size).toBe(0);
  });
});

describe('Conversation, with another tab of the session', () => {
  const rec = (questionId: string, value: number) => ({ questionId, label: questionId, value, display: String(value) });

  it('takes a sync: the other tab\'s entries in seq order, the answers and the review card as they now stand', () => {
    const c = new Conversation();
    c.apply(session([{ seq: 1, id: 'w', role: 'assistant', text: '欢迎', citations: [], at }]));
    c.apply({ type: 'recorded', items: [rec('q.old', 1)] });
    c.apply({
      type: 'sync',
      transcript: [
        { seq: 2, id: 'u2', role: 'user', text: '95', citations: [], clientId: 'other', at },
        { seq: 3, id: 'a3', role: 'assistant', text: '已记录', citations: [], at },
      ],
      answers: { 'q.new': 95 },
      recorded: [rec('q.new', 95)],
    });
    expect(c.messages.map((m) => [m.seq, m.role, m.text])).toEqual([[1, 'assistant', '欢迎'], [2, 'user', '95'], [3, 'assistant', '已记录']]);
    expect(c.answers).toEqual({ 'q.new': 95 });
    expect([...c.recorded.keys()], 'an answer the other tab cleared leaves the review card').toEqual(['q.new']);
  });

  it('shows a reply refused as STALE on its bubble, with no retry, and keeps no refusal note on the next card', () => {
    const c = new Conversation();
    c.addLocalUser('c1', '4亿5千万');
    c.apply({ type: 'error', code: 'STALE', message: '「4亿5千万」没有记录：…', clientId: 'c1' });
    expect(c.messages[0]).toMatchObject({ status: 'rejected', text: '4亿5千万', error: '「4亿5千万」没有记录：…' });
    expect(c.rejection).toBeNull();
    // Another refusal still puts its note by the card, as before.
    c.addLocalUser('c2', 'x', undefined, 'q1');
    c.apply({ type: 'error', code: 'INVALID', message: '格式不对', clientId: 'c2' });
    expect(c.rejection).toEqual({ message: '格式不对', questionId: 'q1' });
  });
});
