import { describe, expect, it } from 'vitest';
import type { FormView } from '../../server/schemas/form-view';
import { serveForFile } from '../chat/serve';
import { workshop } from '../chat/enterprises';
import { lastQuestion, steer, turn } from '../chat/steer';

/*
 * The form view puts off a whole part (the finance, a workshop, the indicators) with the chat's own skip, as
 * 「财务数据先跳过」 does in the chat, and takes the skip back: the same server operation, over the same socket.
 */
const srv = serveForFile();

const formOf = async (s: { sessionId: string; token: string }) => {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}/form?category=smartWorkshop`, { headers: { authorization: `Bearer ${s.token}` } });
  return (await r.json()) as FormView;
};
const groupOf = (v: FormView, section: string) => v.sections.flatMap((s) => s.groups).find((g) => g.skip?.section === section);
const statusOf = (v: FormView, prefix: string) => v.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields))).filter((f) => f.questionId?.startsWith(prefix)).map((f) => f.status);

describe('putting off a part of the form from the form view', () => {
  it('offers each part once, skips its open questions with the chat\'s skip, and 撤销跳过 opens them again', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.name');
    let v = await formOf(s);
    // Every part the chat can put off (「这一部分先跳过」) once, in the form's order: the finance and the indicators
    // each once (附件1's indicators stand in three groups), the workshop as itself.
    const parts = v.sections.flatMap((x) => x.groups).flatMap((g) => (g.skip ? [g.skip.section] : []));
    expect(parts).toEqual(['basics', 'contact', 'leader', 'finance', 'workshops@1', 'project', 'cells', 'indicators', 'overview']);
    const finance = groupOf(v, 'finance')!.skip!;
    expect(finance).toMatchObject({ questionId: 'form.finance.2020.totalAssets', open: 15, skipped: [] });

    // What the page sends for 先跳过其余15项: the chat's own skip of the part.
    const skipped = await turn(s.client, { type: 'answer', clientId: 'p-1', questionId: finance.questionId, value: null, wholeGroup: true, section: finance.section });
    const items = skipped.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => i.questionId) : []));
    expect(items).toHaveLength(15);
    expect(items.every((id) => id.startsWith('form.finance.'))).toBe(true);
    v = await formOf(s);
    expect(new Set(statusOf(v, 'form.finance.'))).toEqual(new Set(['skipped']));
    expect(groupOf(v, 'finance')!.skip).toMatchObject({ open: 0, skipped: expect.arrayContaining(['form.finance.2022.revenue']) });
    expect(groupOf(v, 'finance')!.skip!.skipped).toHaveLength(15);
    // The question asked next is not a finance one: the part is put off, not answered.
    expect(lastQuestion(skipped)?.question?.id.startsWith('form.finance.')).toBe(false);

    // 撤销跳过: every skipped question of the part is open again, and the chat asks them again in turn.
    const reopened = await turn(s.client, { type: 'reopen', clientId: 'p-2', questionIds: groupOf(v, 'finance')!.skip!.skipped });
    expect(reopened.some((m) => m.type === 'ack')).toBe(true);
    // The page is told which questions hold no answer any more, so its form and 我的回答 show them open.
    expect(reopened.find((m) => m.type === 'reopened')).toEqual({ type: 'reopened', questionIds: groupOf(v, 'finance')!.skip!.skipped });
    v = await formOf(s);
    expect(new Set(statusOf(v, 'form.finance.'))).toEqual(new Set(['empty']));
    expect(groupOf(v, 'finance')!.skip).toMatchObject({ open: 15, skipped: [] });

    // Nothing skipped to take back: said so, and nothing changes; an answer given is never taken back this way.
    s.client.send({ type: 'reopen', clientId: 'p-3', questionIds: ['form.finance.2020.revenue', 'form.name', 'ent.city'] });
    const none = await s.client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === 'p-3');
    expect(none).toMatchObject({ type: 'error', message: expect.stringContaining('没有已跳过') });
    expect(groupOf(await formOf(s), 'finance')!.skip).toMatchObject({ open: 15, skipped: [] });
    await s.client.close();
  });
});
