import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { outsideArea, regionIn, statedPlace } from '../../server/staff/bureau';

const kb = loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023');
const answers = (a: Record<string, unknown>) => a as never;

describe('which bureau covers the location an applicant gave', () => {
  it('refuses a county bureau for an enterprise in a city district, in Chinese naming where to submit', () => {
    const said = answers({ 'ent.city': '郑州市', 'ent.county': null, 'form.address': '郑州金水区花园路 88 号' });
    expect(statedPlace(kb, said)).toMatchObject({ place: '金水区', recommender: '郑州市' });
    const why = outsideArea(kb, '中牟县', said);
    expect(why).toContain('在郑州市金水区，不在中牟县的受理范围内');
    expect(why).toContain('请改为提交给郑州市');
    expect(outsideArea(kb, '郑州市', said)).toBeNull();
  });

  it('holds a county to its own bureau, not its city, and a city named alone to none of its counties in particular', () => {
    const county = answers({ 'ent.city': '洛阳市', 'ent.county': '新安县' });
    expect(outsideArea(kb, '新安县', county)).toBeNull();
    // 四(三): a 县（市） does its own 初审 and recommends on its own quota of 5.
    expect(outsideArea(kb, '洛阳市', county)).toContain('应由新安县初审推荐');
    expect(outsideArea(kb, '宜阳县', county)).toContain('应由新安县初审推荐');
    expect(outsideArea(kb, '郑州市', county)).toContain('不在郑州市的受理范围内');
    const cityOnly = answers({ 'ent.city': '洛阳市' });
    expect(outsideArea(kb, '新安县', cityOnly)).toBeNull();
    expect(outsideArea(kb, '中牟县', cityOnly)).toContain('应由洛阳市初审推荐');
    expect(outsideArea(kb, '中牟县', answers({}))).toBeNull();
  });

  it('reads a county named beside its own city as the county, whichever field says it', () => {
    for (const a of [{ 'form.address': '河南省濮阳市范县产业集聚区新区路1号' }, { 'ent.city': '濮阳市', 'ent.county': '范县' }, { 'form.address': '南阳市西峡县五里桥镇' }, { 'ent.city': '许昌', 'form.address': '许昌市长葛市大周镇' }]) {
      const at = statedPlace(kb, answers(a));
      expect(at?.kind, JSON.stringify(a)).not.toBe('省辖市');
      expect(outsideArea(kb, at!.prefecture!, answers(a)), JSON.stringify(a)).toContain(`应由${at!.place}初审推荐`);
      expect(regionIn(kb, Object.values(a).join('')), JSON.stringify(a)).toBe(at!.place);
    }
    // Near misses: a district of the city is the city's, and a city named alone is no county.
    expect(outsideArea(kb, '濮阳市', answers({ 'form.address': '濮阳市华龙区胜利路1号' }))).toBeNull();
    expect(regionIn(kb, '濮阳市华龙区胜利路1号')).toBe('濮阳市');
    expect(outsideArea(kb, '濮阳市', answers({ 'ent.city': '濮阳市' }))).toBeNull();
  });
});
