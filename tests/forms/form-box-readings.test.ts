import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { checkFormValue } from '../../server/forms/form-view';

/*
 * The form view's box reads what is typed as the chat reads the same reply: a figure with a change said beside it
 * (「营收一亿二，比上年涨了一成」) is the figure, the change no figure of the box; a change alone gives none.
 */
const kb = loadKnowledgeData('knowledge', 'henan-2023');
const box = (id: string, t: string) => checkFormValue(kb, {}, 'smartWorkshop', id, t);

describe('a figure typed in the box with more said around it', () => {
  it.each([
    ['营收一亿二，比上年涨了一成', 12000],
    ['营业收入12000万元，比上年增长一成', 12000],
  ])('「%s」 is %s万元', (t, value) => {
    expect(box('form.finance.2022.revenue', t)).toMatchObject({ ok: true, value });
  });

  it.each(['比上年涨了一成', '同比增长10%'])('a change alone (「%s」) gives no figure and saves nothing', (t) => {
    expect(box('form.finance.2022.revenue', t)).toMatchObject({ ok: false });
  });
});
