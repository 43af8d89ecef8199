import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { formView, interpretForm } from '../../server/forms/phase';

/*
 * Replies at a story field (发展历程, 主营业务, 市场营销) that are not its story: other fields' figures said there, and
 * talk about an earlier reply (刚才那句…不是…). Neither is ever the story's text. The phrasings are this file's own.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const read = (id: string, text: string) => interpretForm(data, text, formView(data, id, 'discreteFactory'));
const items = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r;
};

describe('a story field\'s reply that is other fields\' data', () => {
  it('fills those fields, a year said once before the figures being theirs, and leaves the story asked', () => {
    expect(items('form.history', '再补一下21年的：资产总额2亿8千万，负债1亿1千万，营收3亿6千万，利润2500万，纳税960万')).toEqual([
      ['form.finance.2021.totalAssets', 28000],
      ['form.finance.2021.totalLiabilities', 11000],
      ['form.finance.2021.revenue', 36000],
      ['form.finance.2021.profit', 2500],
      ['form.finance.2021.tax', 960],
    ]);
    expect(items('form.business', '2020年：营收2.9亿，利润1800万')).toEqual([['form.finance.2020.revenue', 29000], ['form.finance.2020.profit', 1800]]);
    expect(items('form.history', '2022年度的总资产4.1亿，总负债1.6亿')).toEqual([['form.finance.2022.totalAssets', 41000], ['form.finance.2022.totalLiabilities', 16000]]);
    expect(items('form.history', '员工420人，研发人员56人')).toEqual([['form.employees', 420], ['form.rnd.staff', 56]]);
    expect(items('form.marketing', '联系人王丽，手机13937711234，邮箱sales@zzjx.cn')).toEqual([['form.contact.name', '王丽'], ['form.contact.mobile', '13937711234'], ['form.contact.email', 'sales@zzjx.cn']]);
  });

  it('is still the story when it tells something besides its figures', () => {
    const story = '2008年建厂，2019年营收首次突破3亿元，2021年建成数字化车间';
    expect(items('form.history', story)).toEqual([['form.history', story]]);
    expect(items('form.business', '主要生产汽车减速机，年产值3亿元')).toEqual([['form.business', '主要生产汽车减速机，年产值3亿元']]);
    expect(items('form.history', '2015年员工不到100人，现在发展到420人')).toEqual([['form.history', '2015年员工不到100人，现在发展到420人']]);
  });
});

describe('a reply that talks about an earlier one', () => {
  it('gives the field it labels its new text, and is never stored at the field asked', () => {
    expect(items('form.business', '前面说的那条是财务数据，不是发展历程。发展历程：2009年建厂，2017年完成股份制改造')).toEqual([['form.history', '2009年建厂，2017年完成股份制改造']]);
    expect(items('form.marketing', '上一条填错了，应该放到主营业务里。主营业务：精密铸件加工')).toEqual([['form.business', '精密铸件加工']]);
    expect(items('form.business', '刚才那句话不对，主营业务：风电齿轮箱的研发和制造')).toEqual([['form.business', '风电齿轮箱的研发和制造']]);
  });

  it('takes back the field it says the earlier reply was not, and asks back talk with nothing to record', () => {
    expect(items('form.business', '刚才那条不是企业发展历程，是去年的财务数')).toEqual([['form.history', null]]);
    for (const t of ['之前那句不对', '刚才那句写岔了', '上一条是我发错了']) expect(read('form.business', t)).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    expect(read('form.contact.title', '刚才说的不是联系人职务')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
    // A label with nothing after it is no new text.
    expect(read('form.business', '上一条不对，发展历程：')).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
  });

  it('leaves replies that only open alike as they were', () => {
    expect(items('form.business', '刚才忘了说，我们主要生产汽车减速机')).toEqual([['form.business', '我们主要生产汽车减速机']]);
    expect(items('form.history', '刚成立时只有一个铸造车间，2016年扩建机加工车间')).toEqual([['form.history', '刚成立时只有一个铸造车间，2016年扩建机加工车间']]);
    expect(items('form.history', '上世纪九十年代建厂，2012年改制为股份公司')).toEqual([['form.history', '上世纪九十年代建厂，2012年改制为股份公司']]);
  });
});
