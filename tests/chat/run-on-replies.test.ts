import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop } from './enterprises';
import { recordedIds, said, steer, typed } from './steer';

/*
 * Replies the rules leave the pending question open for are asked again with what was heard: a yes that
 * names only other systems, and a system in one workshop only from a workshop applicant.
 */

const srv = serveForFile();

describe('the pending question left open beside what was recorded', () => {
  it('records the systems a yes names, and asks the LIMS question again naming them', async () => {
    const s = await steer(srv.url, discreteFactory, (q) => q.id === 'cap.lims');
    expect(s.question?.id).toBe('cap.lims');
    const { msgs, next } = await typed(s.client, 'lims-other', '有，用的是金蝶的MES和ERP');
    expect(recordedIds(msgs)).toEqual(expect.arrayContaining(['cap.mes', 'cap.erp']));
    expect(recordedIds(msgs)).not.toContain('cap.lims');
    expect(said(msgs).join('\n')).toContain('「金蝶的MES和ERP」不是这一项问的“试验数据管理系统（LIMS）”');
    expect(next?.id).toBe('cap.lims');
    await s.client.close();
  });

  it('asks a workshop applicant whether the one workshop with MES is the applying one', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'cap.mes');
    expect(s.question?.id).toBe('cap.mes');
    const asked = await typed(s.client, 'mes-one', '只有一个车间上了MES');
    expect(recordedIds(asked.msgs)).toEqual([]);
    expect(said(asked.msgs).join('\n')).toContain('申报的那一个车间');
    expect(asked.next?.id).toBe('cap.mes');
    const told = await typed(s.client, 'mes-applying', '是，就是申报的车间');
    expect(recordedIds(told.msgs)).toEqual(['cap.mes']);
    expect(told.next?.id).not.toBe('cap.mes');
    await s.client.close();
  });
});
