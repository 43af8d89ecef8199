import { describe, expect, it } from 'vitest';
import { q, items } from './readings';


/*
 * A join said only partly made (「设备采集那块还没完全接上」) while another item waits says no more of the system named in
 * that clause than that it is not yet fully there: it is not recorded 是 in passing, and its own question stays open.
 * What the reply says is done (MES跟ERP通了) is taken.
 */
describe('a system said not yet fully joined, while another item waits', () => {
  for (const text of ['打通了一部分，MES跟ERP通了，设备采集那块还没完全接上', 'MES和ERP打通了，数据采集还没完全接进去', 'ERP跟MES对接好了，SCADA那块还没完全打通']) {
    it(`「${text}」 at the 自动化成套装备 question records no SCADA yes`, () => {
      const got = (items(text, q('cap.automatedLines')) as Record<string, unknown>);
      expect(got['cap.scada']).not.toBe(true);
      expect(got['cap.erp']).toBe(true);
    });
  }

  it('near miss: 「SCADA有，MES跟ERP通了」 still records the SCADA said in place', () => {
    expect((items('SCADA有，MES跟ERP通了', q('cap.automatedLines')) as Record<string, unknown>)['cap.scada']).toBe(true);
  });
});
