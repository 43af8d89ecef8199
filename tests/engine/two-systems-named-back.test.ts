import { describe, expect, it } from 'vitest';
import { items, q } from './readings';

/*
 * A long reply at the automated lines that describes the lines in a clause of their own, then names systems and the join
 * between 「俩系统」 (the two named just before) with the collected data not yet joined: the lines' yes is the question's,
 * the systems are said in passing, and the integration is partly built.
 */
const atLines = q('cap.automatedLines');
const atThree = q('cap.scadaMesErpIntegration');

describe('「俩系统」 stands for the two systems named before it', () => {
  for (const text of [
    '焙烧炉多功能天车是自动的，编组站也是自动的；先进控制跟在线优化都还没有；MES去年上的，ERP用的用友U8，俩系统通了，但是采集的数据还没接进MES',
    // Phrasings of our own.
    '上下料都是自动的；MES前年上的，ERP用的金蝶，这两个系统打通了，但是设备数据还没接进MES',
    '装配线都是自动的；MES跟ERP都用着，这俩系统连上了，不过SCADA还没接进来',
  ]) {
    it(`「${text}」 at the automated lines: the lines yes, MES and ERP in place, their integration partly built`, () => {
      expect(items(text, atLines)).toMatchObject({ 'cap.automatedLines': true, 'cap.mes': true, 'cap.erp': true, 'cap.scadaMesErpIntegration': 'partial' });
    });
  }

  it('the two systems joined with nothing left out: the integration in place', () => {
    expect(items('MES去年上的，ERP用的用友U8，俩系统通了', atThree)).toMatchObject({ 'cap.scadaMesErpIntegration': true });
    expect(items('MES跟ERP都上了，这两个系统已经打通了', atThree)).toMatchObject({ 'cap.scadaMesErpIntegration': true });
  });

  it('near misses: 「俩系统」 with no two systems named before it names none; a bare yes beside systems is theirs', () => {
    expect(items('俩系统通了', atLines)).not.toHaveProperty('cap.scadaMesErpIntegration');
    expect(items('MES上了，俩系统通了', atLines)).not.toHaveProperty('cap.scadaMesErpIntegration');
    // 「有，用的是金蝶的MES和ERP」: the yes goes with the systems named, none of them the lines asked about.
    expect(items('有，用的是金蝶的MES和ERP', atLines)).not.toHaveProperty('cap.automatedLines');
    expect(items('有，MES和ERP都有，俩系统通了', atLines)).not.toHaveProperty('cap.automatedLines');
  });
});
