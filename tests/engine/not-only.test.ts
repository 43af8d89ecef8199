import { describe, expect, it } from 'vitest';
import { q, items } from './readings';

describe('“not only” widens what was said, it neither denies nor confines it', () => {
  // Each said after a yes of the systems: the 不 of 不只/不仅/不光/不止/不单 is no no, and the 只/仅/光 no restriction.
  const widened = ['不只是一个车间', '不仅仅是一个车间', '不仅是一个车间', '不光是一个车间', '不止一个车间', '不单是一个车间', '不只一个车间在用'];
  for (const tail of widened) {
    it(`reads 「全厂的DCS、SIS都已经覆盖，${tail}」 as both in place`, () => {
      expect(items(`全厂的DCS、SIS都已经覆盖，${tail}`)).toEqual({ 'cap.dcs': true, 'cap.sis': true });
    });
  }

  it('keeps the choice said beside it, and the systems in place', () => {
    expect(items('我们想申报智能工厂，全厂的DCS、SIS都已经覆盖，不只是一个车间。', q('ent.foundedYear'))).toMatchObject({ 'cap.dcs': true, 'cap.sis': true, 'cat.scope': 'factory' });
  });

  it('still reads a real restriction and a real no', () => {
    expect(items('MES只有总装车间有', q('cap.mes'))).toEqual({ 'cap.mes': 'partial' });
    expect(items('DCS有，SIS没有')).toEqual({ 'cap.dcs': true, 'cap.sis': false });
    expect(items('MES不只有一个车间用，全厂都在用', q('cap.mes'))).toEqual({ 'cap.mes': true });
  });
});
