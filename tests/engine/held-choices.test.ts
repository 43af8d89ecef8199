import { describe, expect, it } from 'vitest';
import { interpret } from '../../server/engine';
import { realKb } from './kb';
import { q, items } from './readings';

/*
 * 四(一)'s prior title is held, stated with a holding verb (获得过, 评上, 拿过, 称号) or beside a plain yes; the same
 * category named as what is applied for now, or bare, is never a title held.
 */
const kb = realKb();

describe('the prior-title question', () => {
  it('records no title from a category applied for or named bare, and asks back', () => {
    for (const text of ['流程型智能工厂', '俺们准备报流程型工厂', '智能工厂', '车间', '我们想申报智能车间', '这回打算冲一下工厂']) {
      const r = interpret(kb, text, q('ent.priorTitles'));
      const got = r.kind === 'answers' ? r.items.map((i) => i.questionId) : [];
      expect(got, text).not.toContain('ent.priorTitles');
      expect(r.kind === 'answers' ? r.pendingLeft?.reason : r.kind === 'unclear' ? r.reason : r.kind, text).toBe('lookalike');
    }
  });

  it('records a title held, and a no beside the category applied for', () => {
    expect(items('获得过智能车间称号', q('ent.priorTitles'))).toEqual({ 'ent.priorTitles': 'smartWorkshop' });
    expect(items('有，智能车间', q('ent.priorTitles'))).toEqual({ 'ent.priorTitles': 'smartWorkshop' });
    expect(items('2020年评上过省智能工厂', q('ent.priorTitles'))).toEqual({ 'ent.priorTitles': 'smartFactory' });
    expect(items('工厂。车间称号有了', q('ent.priorTitles'))).toEqual({ 'ent.priorTitles': 'smartWorkshop' });
    expect(items('没有，准备报智能工厂', q('ent.priorTitles'))).toMatchObject({ 'ent.priorTitles': 'none' });
    expect(items('称号没得过 刚才说的意思是想报智能工厂', q('ent.priorTitles'))).toMatchObject({ 'ent.priorTitles': 'none' });
  });

  it('reads the category applied for as no second application, and 另外的申报 as what the question asks', () => {
    for (const text of ['准备报智能工厂', '打算报智能车间', '俺们准备报流程型工厂']) expect(items(text, q('ent.appliedThisYear')), text).not.toHaveProperty('ent.appliedThisYear');
    expect(items('还打算报个工厂', q('ent.appliedThisYear'))).toEqual({ 'ent.appliedThisYear': true });
    expect(items('另外的申报没有', q('ent.appliedThisYear'))).toEqual({ 'ent.appliedThisYear': false });
  });
});

describe('河南话 and self-concluding replies to a yes/no question', () => {
  it('reads them as the answer they conclude', () => {
    expect(items('不算那就是否', q('ent.greenPriority'))).toEqual({ 'ent.greenPriority': false });
    expect(items('那就算是', q('ent.greenPriority'))).toEqual({ 'ent.greenPriority': true });
    for (const yes of ['中', '中啊', '妥', '得劲']) expect(items(yes, q('ent.greenPriority')), yes).toEqual({ 'ent.greenPriority': true });
    expect(items('不中', q('ent.greenPriority'))).toEqual({ 'ent.greenPriority': false });
  });
});
