import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formView, interpretForm } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';

/*
 * A field of listed names (资本性质) keeps a listed name, whatever words come around it: the filler before it, a
 * particle or a hedge after it, a name denied before the one said. A reply that names none, denies the only one it
 * names, or names several without saying which is now, is asked back with the list, never stored as typed.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const ID = 'form.capitalNature';
const read = (text: string) => interpretForm(ctx, text, formView(ctx, ID, 'smartWorkshop'));
const box = (text: string) => checkFormValue(ctx, {}, 'smartWorkshop', ID, text);
const NAMES = data.formQuestions.questions.find((q) => q.id === ID)!.named!.map((n) => n.name);

describe('a reply to 资本性质', () => {
  it('is stored as the listed name it says, with filler words, particles and hedges around it left out', () => {
    for (const [text, name] of [
      ['这个是民营', '民营'],
      ['这个应该算民营的吧', '民营'],
      ['俺们这属于私营的', '私营企业'],
      ['嗯 就是普通民企', '民营'],
      ['咱厂是国有控股的', '国有控股'],
      ['属于中外合资企业', '中外合资'],
      ['台资', '港澳台投资'],
      ['以前是国企，现在是民营', '民营'],
      ['原来是集体的 后来改制成股份制了', '股份制'],
      ['不是国企 是民营', '民营'],
      ['并非外资，是民企', '民营'],
    ] as const) {
      expect(read(text), text).toEqual({ kind: 'answers', items: [{ questionId: ID, value: name }] });
      expect(box(text), text).toMatchObject({ ok: true, value: name });
    }
  });

  it('names the list when it says none of the names, or only denies one, and stores nothing', () => {
    for (const text of ['个体户', '有限责任公司', '我们不是国企', '不属于外资', '合伙企业']) {
      const r = read(text);
      expect(r, text).toMatchObject({ kind: 'unclear', reason: 'notNamed', field: '资本性质' });
      expect(r.kind === 'unclear' && r.choices?.slice(1), text).toEqual(NAMES);
      const b = box(text);
      expect(b.ok, text).toBe(false);
      expect(!b.ok && b.error, text).toContain('民营、私营企业、国有');
    }
  });

  it('asks which one when several names stand and none is said to be now', () => {
    for (const [text, said] of [
      ['国企还是民营说不好', ['“国有”', '“民营”']],
      ['国有控股的中外合资', ['“国有控股”', '“中外合资”']],
    ] as const)
      expect(read(text), text).toEqual({ kind: 'unclear', reason: 'severalChoices', choices: said, field: '资本性质' });
  });
});

describe('a field of a few items (企业负责人职务和职称)', () => {
  const title = (text: string) => interpretForm(ctx, text, formView(ctx, 'form.leader.title', 'smartWorkshop'));
  it('keeps titles typed with commas as the items, joined as the form prints a list', () => {
    for (const [text, value] of [
      ['总经理，高级工程师', '总经理、高级工程师'],
      ['董事长, 正高级工程师', '董事长、正高级工程师'],
      ['总经理；高级经济师', '总经理、高级经济师'],
    ] as const)
      expect(title(text), text).toEqual({ kind: 'answers', items: [{ questionId: 'form.leader.title', value }] });
  });

  it('asks back a sentence with commas, and keeps a comma sentence out of a field of one item (precision)', () => {
    expect(title('他很忙，明天再说吧我问问')).toMatchObject({ kind: 'unclear' });
    expect(interpretForm(ctx, '办公室主任，兼任信息中心主任', formView(ctx, 'form.contact.title', 'smartWorkshop'))).toMatchObject({ kind: 'unclear' });
  });
});
