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

describe('a partial answer followed by the asked system at work in one place', () => {
  it('stays partial: the place is an example of the part, not the whole in place', () => {
    const cases: [string, string][] = [
      ['一部分吧，装配线用上了机器人', 'cap.automatedLines'],
      ['部分车间有，喷涂线有机器人', 'cap.automatedLines'],
      ['局部有，总装线上了AGV', 'cap.agvRgv'],
    ];
    for (const [text, id] of cases) expect(items(text, q(id)), text).toMatchObject({ [id]: 'partial' });
  });

  it('leaves a plain yes with an example, and a partial answer beside another system, as they were', () => {
    expect(items('有，焊接线上了机器人', q('cap.automatedLines'))).toEqual({ 'cap.automatedLines': true });
    expect(items('有，全厂都是机器人', q('cap.automatedLines'))).toEqual({ 'cap.automatedLines': true });
    // The MES named beside is in place; the partial answer is still the asked item's own.
    expect(items('部分有，MES也有', q('cap.automatedLines'))).toEqual({ 'cap.mes': true, 'cap.automatedLines': 'partial' });
  });
});

describe('the data collection platform named by its short name', () => {
  it('is the SCADA, so a join of it left to make beside a join made is a partly built integration', () => {
    for (const text of ['MES和ERP打通了，采集平台还没接进去', 'ERP跟MES已经集成，数采平台还没接']) {
      expect(items(text, q('cap.scadaMesErpIntegration')), text).toMatchObject({ 'cap.scadaMesErpIntegration': 'partial', 'cap.scada': true });
    }
  });
});
