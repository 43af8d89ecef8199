import { describe, expect, it } from 'vitest';
import { items, q } from './readings';

/*
 * At an integration question, a system said not yet joined to another (「SCADA还没接到MES里」, 「ERP还没跟MES对接」) is one
 * join left to make: the integration is partly built and both systems are there. A no said of the wider integration
 * beside a join made (「MES跟ERP通了，设备数据采集还没接进去」) is that of the joins left to make: partly built too.
 * A system's own lack (「SCADA还没上」) and a denial of every join stay what they say.
 */

const atAll = q('cap.systemIntegration');
const atThree = q('cap.scadaMesErpIntegration');

describe('a join left to make is no denial of the integration', () => {
  for (const [text, pending, expected] of [
    ['MES跟ERP通了，设备数据采集还没接进去', atAll, { 'cap.systemIntegration': 'partial', 'cap.scadaMesErpIntegration': 'partial' }],
    ['SCADA还没接到MES里', atAll, { 'cap.systemIntegration': 'partial', 'cap.scadaMesErpIntegration': 'partial' }],
    ['SCADA还没接到MES里', atThree, { 'cap.scadaMesErpIntegration': 'partial' }],
    // Phrasings of our own.
    ['采集系统还没有接入MES', atThree, { 'cap.scadaMesErpIntegration': 'partial' }],
    ['ERP还没跟MES对接', atAll, { 'cap.systemIntegration': 'partial' }],
    ['ERP和MES已经连起来了，仓储那边还没接到ERP里', atAll, { 'cap.systemIntegration': 'partial' }],
    ['WMS还没接到ERP里', atAll, { 'cap.systemIntegration': 'partial' }],
  ] as const) {
    it(`「${text}」 at ${pending.id}`, () => {
      const got = items(text, pending) as Record<string, unknown>;
      expect(got, 'the reply is read as answers').toBeTypeOf('object');
      expect(got).toMatchObject(expected);
      // Every system named is there: what is missing is a join.
      for (const [id, v] of Object.entries(got)) if (!id.endsWith('Integration')) expect(v, `${id} is not denied`).toBe(true);
    });
  }
});

describe('near misses keep their meaning', () => {
  it('a system said missing is denied, and the integration asked is left open', () => {
    expect(items('SCADA还没上', atAll)).toEqual({ 'cap.scada': false });
    expect(items('MES还没上，ERP有', atThree)).toEqual({ 'cap.mes': false, 'cap.erp': true });
  });

  it('every join denied, or two systems said not joined to each other, is the integration denied', () => {
    expect(items('都没打通', atAll)).toEqual({ 'cap.systemIntegration': false });
    expect(items('各系统都是独立的', atAll)).toEqual({ 'cap.systemIntegration': false });
    expect(items('都还没打通', atAll)).toEqual({ 'cap.systemIntegration': false });
    expect(items('MES和ERP没打通', atThree)).toEqual({ 'cap.mes': true, 'cap.erp': true, 'cap.scadaMesErpIntegration': false });
    // A join left to make beside a system of the integration said missing leaves no join made.
    expect(items('SCADA没有，MES也没接ERP', atThree)).toMatchObject({ 'cap.scada': false, 'cap.scadaMesErpIntegration': false });
  });

  it('every join said made is the integration in place', () => {
    expect(items('全部打通了', atAll)).toEqual({ 'cap.systemIntegration': true });
  });
});
