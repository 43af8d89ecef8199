import { describe, expect, it } from 'vitest';
import { items, q } from './readings';

/*
 * A status said in a clause that names no system (还没交付, 还没验收, 还在调试) qualifies the system named just before it.
 * While another item is asked, that status is the named system's alone: the item asked is answered only by a reply that
 * speaks of it, and is otherwise asked again.
 */

describe('a status said of a system named while another item is asked', () => {
  it('goes to the system named, and leaves the asked item unanswered', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['SCM上了，还没交付', 'cap.qualityTraceability', { 'cap.scm': 'building' }],
      ['WMS有了，还没交付', 'cap.qualityTraceability', { 'cap.wms': 'building' }],
      ['MES部署了，还没验收', 'cap.andon', { 'cap.mes': 'building' }],
      ['ERP装好了，可是还没验收', 'cap.onlineInspection', { 'cap.erp': 'building' }],
      ['LIMS上了但还没交付', 'cap.andon', { 'cap.lims': 'building' }],
      // A part still being tuned makes the named system partly built, and says nothing of the item asked.
      ['WMS上了，还在调试', 'cap.qualityTraceability', { 'cap.wms': 'partial' }],
      ['WMS上了，明年才验收', 'cap.qualityTraceability', { 'cap.wms': 'partial' }],
    ];
    for (const [text, id, expected] of cases) expect(items(text, q(id)), `${text} @ ${id}`).toEqual(expected);
  });

  it('answers the asked item when the status is said of it, or of the form it takes', () => {
    // The asked system itself, named by a short or a full name.
    expect(items('追溯上了但还没交付', q('cap.qualityTraceability'))).toEqual({ 'cap.qualityTraceability': 'building' });
    expect(items('质量追溯系统上了，还没验收', q('cap.qualityTraceability'))).toEqual({ 'cap.qualityTraceability': 'building' });
    // MES is the form the manufacturing-control system takes, so its status is that question's answer.
    expect(items('MES上了但还没交付', q('cap.manufacturingControl'))).toEqual({ 'cap.manufacturingControl': 'building' });
    expect(items('MES上了但还没交付', q('cap.mes'))).toEqual({ 'cap.mes': 'building' });
  });

  it('still reads an answer the reply gives the asked item beside the other system', () => {
    // A bare no opening the reply is the asked item's.
    expect(items('没有，WMS上了但还没交付', q('cap.qualityTraceability'))).toEqual({ 'cap.wms': 'building', 'cap.qualityTraceability': false });
    // The asked item named in a clause of its own.
    expect(items('WMS上了，追溯还没上', q('cap.qualityTraceability'))).toEqual({ 'cap.wms': true, 'cap.qualityTraceability': false });
    // A status alone, of the other system, was never the asked item's.
    expect(items('WMS在建', q('cap.qualityTraceability'))).toEqual({ 'cap.wms': 'building' });
  });
});
