import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import type { Category } from '../../server/schemas/profile';
import { realKb } from './kb';
import { q } from './readings';

/*
 * At a capability item, a reply that only takes a workshop out of applying (不报总装车间了, 总装车间不报了) or changes to
 * another, unnamed one (换个车间) says nothing of the item: its 不 is no no. Beside an answer of the item the other
 * clauses answer; a change to a workshop named is left to the naming readings, which keep the name.
 */
const read = (text: string, id: string, category: Category | null) => {
  const r = interpret(realKb(), text, q(id), category);
  return r.kind === 'answers' ? Object.fromEntries(r.items.map((i) => [i.questionId, i.value])) : r.kind === 'unclear' ? { kind: r.kind, reason: r.reason } : { kind: r.kind };
};

describe('a reply that only changes the applying workshop', () => {
  const only = [
    '不报总装车间了，换个车间',
    '不报总装车间了，换个车间报',
    '总装车间不报了，换一个车间',
    '不用总装车间报了，换个别的车间',
    '咱不报总装车间了',
    '总装车间就不报了',
    '俺们不申报机加车间了',
    '换个车间报',
    '换一个车间申报吧',
  ];
  for (const category of ['smartWorkshop', null] as const) {
    for (const id of ['cap.mes', 'cap.erp', 'cap.andon']) {
      for (const text of only) {
        it(`「${text}」 at ${id} (${category ?? 'no category'}) answers nothing`, () => {
          expect(read(text, id, category)).toEqual({ kind: 'unclear', reason: 'unitChanged' });
        });
      }
    }
  }
});

describe('a workshop change beside an answer, and near-misses', () => {
  const cases: [string, string, unknown][] = [
    ['cap.mes', '不报总装车间了，换个车间，MES有', { 'cap.mes': true }],
    ['cap.mes', '总装车间不报了，MES没有', { 'cap.mes': false }],
    ['cap.mes', '不报总装车间了，涂装车间MES有', { 'cap.mes': true }],
    ['cap.mes', '没有', { 'cap.mes': false }],
    ['cap.mes', '总装车间没有，别的车间有', { 'cap.mes': false }],
    ['cap.mes', '总装车间不用MES', { 'cap.mes': false }],
    ['cap.mes', '没有MES，换个车间也没有', { 'cap.mes': false }],
    // 换热车间 is a workshop's own name: no change word.
    ['cap.mes', '换热车间没有', { 'cap.mes': false }],
    ['cap.mes', '换热车间有', { 'cap.mes': true }],
    // A change to a workshop named keeps the name for the form, as before.
    ['cap.mes', '换成涂装车间来报', { kind: 'unclear', reason: 'applyingUnit' }],
    ['cap.mes', '不报总装车间了，换成涂装车间来报', { kind: 'unclear', reason: 'applyingUnit' }],
  ];
  for (const [id, text, value] of cases) {
    it(`「${text}」 at ${id} reads as ${JSON.stringify(value)}`, () => {
      expect(read(text, id, 'smartWorkshop')).toEqual(value);
    });
  }

  it('leaves a question that is no capability item to its own readings', () => {
    // At the 另有申报 question a workshop no longer applying is no answer of this kind's making.
    expect(read('不报总装车间了', 'ent.appliedThisYear', 'smartWorkshop')).not.toEqual({ kind: 'unclear', reason: 'unitChanged' });
  });
});
