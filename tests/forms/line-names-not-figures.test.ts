import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formView, interpretForm } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';

/*
 * 「车间2有哪些生产线？」 wants the lines' names. A figure with its unit alone (「120台」, 「500万元」, 「85%」) names no line:
 * it is asked back as the kind of figure it reads as, in the chat and in the form view's box, and nothing is stored, so
 * the signed form never prints 「1条：120台」. A name that holds a figure (「120吨发酵罐生产线」) is a name.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const LINES = 'form.ws.2.lines';
const read = (text: string) => interpretForm(ctx, text, formView(ctx, LINES, 'discreteFactory'));
const box = (text: string) => checkFormValue(ctx, { 'form.workshopCount': 2 }, 'discreteFactory', LINES, text);

describe('a figure alone where the lines are asked', () => {
  it.each([
    // As reported.
    ['120台', '数量'],
    // New phrasings of the same meaning: a count, an amount, a share, a count of the lines themselves.
    ['大概30套', '数量'],
    ['120台设备', '设备的台（套）数'],
    ['500万元', '金额'],
    ['85%', '百分比'],
    ['3条', '数量'],
  ])('「%s」 is asked back as %s and nothing is stored', (said, kind) => {
    expect(read(said)).toEqual({ kind: 'unclear', reason: 'wrongKind', choices: [said, kind, '生产线名称'], field: '车间2有哪些生产线' });
    const checked = box(said);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.error).toContain(`「${said}」是${kind}`);
  });

  it.each(['1号线、2号线', '120吨发酵罐生产线', '120台设备的加工线', '冲压线；焊装线', '全自动压砖线两条 浇注料配料线一条'])('near miss: 「%s」 names lines and is stored as typed', (said) => {
    expect(read(said)).toEqual({ kind: 'answers', items: [{ questionId: LINES, value: said }] });
    expect(box(said)).toMatchObject({ ok: true, value: said });
  });
});
