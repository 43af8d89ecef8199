import { describe, expect, it } from 'vitest';
import type { FormView } from '../../server/schemas/form-view';
import { serveForFile } from '../chat/serve';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formView, groupOf as phaseGroupOf, interpretForm } from '../../server/forms/phase';
import { workshop } from '../chat/enterprises';
import { lastQuestion, recordedIds, steer, turn, typed } from '../chat/steer';

/*
 * The form view puts off a whole part (the finance, a workshop, the indicators) with the chat's own skip, as
 * 「财务数据先跳过」 does in the chat, and takes the skip back: the same server operation, over the same socket.
 */
const srv = serveForFile();
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };

const formOf = async (s: { sessionId: string; token: string }) => {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}/form?category=smartWorkshop`, { headers: { authorization: `Bearer ${s.token}` } });
  return (await r.json()) as FormView;
};
const groupOf = (v: FormView, section: string) => v.sections.flatMap((s) => s.groups).find((g) => g.skip?.section === section);
const statusOf = (v: FormView, prefix: string) => v.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields))).filter((f) => f.questionId?.startsWith(prefix)).map((f) => f.status);

describe('putting off a part of the form from the form view', () => {
  it('offers a part\'s skip on every group of it, skips its open questions with the chat\'s skip, and 撤销跳过 opens them again', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.name');
    let v = await formOf(s);
    // Every group of a part the chat can put off (「这一部分先跳过」) carries the part's skip, in the form's order: 附件1's
    // indicators stand in three groups and its one workshop's cells in two, each group with the whole part's button.
    const parts = v.sections.flatMap((x) => x.groups).flatMap((g) => (g.skip ? [g.skip.section] : []));
    expect(parts).toEqual(['basics', 'contact', 'leader', 'finance', 'overview', 'workshops@1', 'project', 'workshops@1', 'workshops@1', 'indicators', 'indicators', 'indicators', 'overview']);
    // Each names the part it puts off, so a button on a group of two fields says why it counts more.
    const labels = new Map(v.sections.flatMap((x) => x.groups).flatMap((g) => (g.skip ? [[g.skip.section, g.skip.label] as const] : [])));
    expect(Object.fromEntries(labels)).toEqual({ basics: '企业基本信息', contact: '联系人', leader: '企业负责人', finance: '财务数据', overview: '企业情况概述', 'workshops@1': '申报车间', project: '项目信息', indicators: '效益指标' });
    // The parts' buttons agree wherever they stand: the same count and the same question to send the skip for.
    for (const section of new Set(parts)) {
      const skips = v.sections.flatMap((x) => x.groups).flatMap((g) => (g.skip?.section === section ? [g.skip] : []));
      expect(new Set(skips.map((k) => `${k.questionId} ${k.open}`)).size, section).toBe(1);
    }
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

  it('puts off 附件1\'s one workshop with its 建设详情 cells, in the chat and from the form view, and opens them all again', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.ws.1.name');
    const wsIds = (v: FormView) => [...new Set(v.sections.flatMap((x) => x.groups.flatMap((g) => g.rows.flatMap((r) => r.fields.flatMap((f) => f.questionId ?? [])))))].filter((id) => /^form\.(?:ws\.1\.|cell\.ws\.)/u.test(id));
    let v = await formOf(s);
    const all = wsIds(v);
    expect(all.filter((id) => id.startsWith('form.cell.ws.'))).toHaveLength(8);
    // 「这个车间的先跳过」 in the chat: the workshop's figures and every cell describing it, none asked next.
    const skipped = await typed(s.client, 'w-1', '这个车间的先跳过');
    expect(recordedIds(skipped.msgs).sort()).toEqual([...all].sort());
    expect(skipped.next?.id).not.toMatch(/^form\.(?:ws\.|cell\.ws\.)/u);
    v = await formOf(s);
    expect(new Set(statusOf(v, 'form.cell.ws.'))).toEqual(new Set(['skipped']));
    // Every group of the workshop offers the same 撤销跳过, over all 13; it opens the cells too.
    const ws = v.sections.flatMap((x) => x.groups).filter((g) => g.skip?.section === 'workshops@1');
    expect(ws.length).toBe(3);
    for (const g of ws) expect(g.skip).toMatchObject({ label: '申报车间', open: 0, skipped: expect.arrayContaining(all) });
    const reopened = await turn(s.client, { type: 'reopen', clientId: 'w-2', questionIds: ws[0]!.skip!.skipped });
    expect(reopened.find((m) => m.type === 'reopened')).toEqual({ type: 'reopened', questionIds: ws[0]!.skip!.skipped });
    v = await formOf(s);
    expect(new Set(statusOf(v, 'form.cell.ws.'))).toEqual(new Set(['empty']));
    expect(groupOf(v, 'workshops@1')!.skip).toMatchObject({ questionId: 'form.ws.1.name', open: 13, skipped: [] });
    // The same from the form view: the skip the page sends for a cells group puts off the whole workshop.
    const cellsGroup = v.sections.flatMap((x) => x.groups).find((g) => g.skip?.section === 'workshops@1' && g.rows.some((r) => r.fields.some((f) => f.questionId === 'form.cell.ws.batch')))!;
    const fromView = await turn(s.client, { type: 'answer', clientId: 'w-3', questionId: cellsGroup.skip!.questionId, value: null, wholeGroup: true, section: cellsGroup.skip!.section });
    expect(recordedIds(fromView).sort()).toEqual([...all].sort());
    await s.client.close();
  });

  it('reads several ways of putting off 附件1\'s workshop as the whole workshop, cells and all, wherever in it they are said', () => {
    for (const [at, text] of [
      ['form.ws.1.name', '本车间的都先不填'],
      ['form.ws.1.lines', '该车间先跳过 回头再补'],
      ['form.cell.ws.run', '这个车间的先跳过'],
      ['form.cell.ws.quality', '这车间的后面这些都跳过'],
    ] as const) {
      const r = interpretForm(ctx, text, formView(ctx, at, 'smartWorkshop'));
      expect(r, text).toMatchObject({ kind: 'answers', wholeGroup: true, section: 'workshops@1' });
      const ids = phaseGroupOf(ctx, {}, 'smartWorkshop', at, 'workshops@1');
      expect(ids, text).toHaveLength(13);
      expect(ids.filter((id) => id.startsWith('form.cell.ws.')), text).toHaveLength(8);
    }
    // 「车间的先跳过」 in a factory's form puts off every workshop; one workshop's words, that one alone (precision).
    expect(phaseGroupOf(ctx, { 'form.workshopCount': 2 }, 'discreteFactory', 'form.ws.1.name', 'workshops@1').every((id) => !/\.2$|\.2\./u.test(id))).toBe(true);
    expect(phaseGroupOf(ctx, { 'form.workshopCount': 2 }, 'discreteFactory', 'form.ws.1.name', 'workshops')).toHaveLength(24);
  });

  it('keeps a skip of one field to that field: 「这个先跳过」 at a workshop cell leaves the other cells open (precision)', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.cell.ws.infra');
    const one = await typed(s.client, 'f-1', '这个先跳过');
    expect(recordedIds(one.msgs)).toEqual(['form.cell.ws.infra']);
    expect(one.next?.id).toBe('form.cell.ws.equipment');
    await s.client.close();
  });
});
