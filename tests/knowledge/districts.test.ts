import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { RegionsFile } from '../../server/knowledge/schemas/notice-data';
import { answerQuestion } from '../../server/qa/answer';
import { applyAnswer, cityFromText } from '../../server/engine/plan';
import { quotaOf, regionIn, regionNames, resolveRegion } from '../../server/staff/bureau';

/*
 * 四(三) gives quotas to 省辖市, 济源示范区, 航空港区 and counties; a 市辖区 has none of its own, and
 * its enterprises are recommended by the 省辖市. An applicant who names only its district is read
 * as that city, everywhere a place is read.
 */
const config = loadConfig({});
const data = loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION);
const kb = createKnowledgeBase(data);

describe('a 市辖区 named alone', () => {
  it('is read as its 省辖市 in the interview, also by its bare or former name', () => {
    expect(cityFromText(data, '偃师')).toBe('洛阳市');
    expect(cityFromText(data, '我们厂在偃师区')).toBe('洛阳市');
    expect(cityFromText(data, '吉利区')).toBe('洛阳市');
    expect(cityFromText(data, '金水区')).toBe('郑州市');
    expect(cityFromText(data, '管城区')).toBe('郑州市');
  });

  it('is recorded as the 省辖市 and fills in no 县（市）, which a district is not', () => {
    const cityQ = data.interview.questions.find((q) => q.sets === 'enterprise.city')!;
    const countyQ = data.interview.questions.find((q) => q.sets === 'enterprise.county')!;
    const r = applyAnswer(data, {}, cityQ.id, '偃师区');
    expect(r.ok && r.answers[cityQ.id]).toBe('洛阳市');
    expect(r.ok && r.answers[countyQ.id]).toBeUndefined();
    const county = applyAnswer(data, {}, cityQ.id, '永城，省直管的');
    expect(county.ok && county.answers[countyQ.id]).toBe('永城市');
  });

  it('gives way to any other place named with it: several cities have an old town or a 鼓楼', () => {
    expect(cityFromText(data, '开封老城区')).toBe('开封市');
    expect(cityFromText(data, '洛阳市偃师区')).toBe('洛阳市');
    expect(regionIn(data, '河南省开封市老城区某路1号')).toBe('开封市');
    expect(regionIn(data, '河南省郑州市中牟县姚家镇')).toBe('中牟县');
  });

  it('submits to its 省辖市, and is never offered as a recommending region of its own', () => {
    expect(regionIn(data, '河南省偃师区首阳山镇')).toBe('洛阳市');
    expect(resolveRegion(data, '金水区')).toBe('郑州市');
    expect(regionNames(data)).not.toContain('偃师区');
    expect(regionNames(data)).toContain('洛阳市');
    expect(quotaOf(data, '偃师区')).toBeUndefined();
  });

  it('is answered with its 省辖市’s quota, saying whose it is', () => {
    const a = answerQuestion(kb, '偃师区的企业推荐名额有几个').answer;
    expect(a.split('\n')[0]).toBe('偃师区是洛阳市的市辖区，通知没有为市辖区单列名额，市辖区企业一般由洛阳市推荐。洛阳市属于“洛阳市、新乡市、南阳市”这一档，本次申报推荐企业不多于15家，多报无效。');
    const named = answerQuestion(kb, '洛阳市偃师区推荐几家').answer.split('\n')[0]!;
    expect(named).toContain('不多于15家');
    expect(named).not.toContain('偃师区');
  });

  it('must name a 省辖市 of the same quota group', () => {
    const file = JSON.parse(JSON.stringify(data.regions)) as RegionsFile;
    const d = file.regions.find((r) => r.name === '偃师区')!;
    d.group = 'zhengzhou';
    expect(RegionsFile.safeParse(file).error?.issues[0]?.message).toContain('big3');
    d.group = 'big3';
    d.prefecture = '偃师市';
    expect(RegionsFile.safeParse(file).error?.issues[0]?.message).toContain('偃师市');
  });
});
