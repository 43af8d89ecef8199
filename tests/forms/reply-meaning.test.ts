import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { addedToStory, fieldCorrected, formFactsSaid, formView, interpretForm, sameAsEarlier } from '../../server/forms/phase';
import type { Interpretation } from '../../server/schemas/interview';

/*
 * A form reply fills the field it means with the value it means: a group's put-off in words of waiting (先空着, 待定),
 * one part of a count said with no whole, another field's value pointed at with something added, an addition to a
 * story, and a change of a field named at another question. The phrasings are this file's own; each class has near
 * misses that must read as before.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const read = (id: string, text: string, category: 'discreteFactory' | 'smartWorkshop' = 'discreteFactory'): Interpretation => interpretForm(ctx, text, formView(ctx, id, category));

describe('a put-off said with a waiting word skips, alone or for a group', () => {
  it('skips the group a group word points at, storing nothing', () => {
    for (const [at, text, section] of [
      ['form.ws.1.name', '这几栏先空着', 'workshops@1'],
      ['form.ws.1.equipmentTotal', '下面这些都待定', 'workshops@1'],
      ['form.address', '这部分先空着吧', 'basics'],
      ['form.finance.2021.tax', '这部分回头再填', 'finance'],
      ['form.history', '这部分以后补', 'overview'],
    ] as const)
      expect(read(at, text), text).toEqual({ kind: 'answers', items: [{ questionId: at, value: null }], wholeGroup: true, section });
    // 「这几栏」 at a year's figure points at that year's figures, shown together: its group, not the whole finance part.
    expect(read('form.finance.2021.revenue', '这几栏回头再填')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2021.revenue', value: null }], wholeGroup: true });
  });

  it('skips the field asked when the waiting word stands alone', () => {
    for (const [at, text] of [['form.history', '待定'], ['form.marketing', '先空着吧'], ['form.advantages', '都先不填']] as const)
      expect(read(at, text), text).toEqual({ kind: 'answers', items: [{ questionId: at, value: null }] });
  });

  it('keeps a value that only holds such a word as the value (precision)', () => {
    expect(read('form.ws.1.name', '空压机总装车间')).toEqual({ kind: 'answers', items: [{ questionId: 'form.ws.1.name', value: '空压机总装车间' }] });
    expect(read('form.history', '空着的厂房2019年改成了仓库')).toEqual({ kind: 'answers', items: [{ questionId: 'form.history', value: '空着的厂房2019年改成了仓库' }] });
    expect(read('form.history', '待定的技改项目已于2021年完成')).toEqual({ kind: 'answers', items: [{ questionId: 'form.history', value: '待定的技改项目已于2021年完成' }] });
  });
});

describe('one part of a count said with no whole', () => {
  it('is asked whether it is the whole, naming the part, never stored as the total', () => {
    for (const [at, text, part, figure, whole] of [
      ['form.ws.1.equipmentTotal', '3号线有40台', '3号线', '40台', '全车间'],
      ['form.ws.1.equipmentTotal', '2#产线上是四十台', '2#产线', '40台', '全车间'],
      ['form.ws.1.equipmentTotal', '机器人有40台', '机器人', '40台', '全车间'],
      ['form.ws.1.equipmentTotal', '加工中心40台套', '加工中心', '40台', '全车间'],
      ['form.ws.1.automatedEquipment', '1号线上32台', '1号线', '32台', '全车间'],
      ['form.employees', '生产部有120人', '生产部', '120人', '全企业'],
      ['form.employees', '2号车间120人', '2号车间', '120人', '全企业'],
    ] as const) {
      const r = read(at, text);
      expect(r, text).toMatchObject({ kind: 'unclear', reason: 'onePart', choices: [text, part, figure, whole] });
    }
  });

  it('takes a figure said as the whole, or naming no part, as the total (precision)', () => {
    for (const [at, text, value] of [
      ['form.ws.1.equipmentTotal', '40台', 40],
      ['form.ws.1.equipmentTotal', '一共40台', 40],
      ['form.ws.1.equipmentTotal', '车间里有40台', 40],
      ['form.ws.1.equipmentTotal', '设备40台套', 40],
      ['form.ws.1.equipmentTotal', '车间1有40台', 40],
      ['form.ws.1.equipmentTotal', '3号线有40台，全车间一共190台', 190],
      ['form.employees', '全厂120人', 120],
      ['form.employees', '我们公司现有员工120人', 120],
      ['form.employees', '公司一共120人，其中生产部80人', 120],
      // A count with no part words of its own (研发人员) reads its department as itself.
      ['form.rnd.staff', '研发部40人', 40],
    ] as const)
      expect(read(at, text), text).toEqual({ kind: 'answers', items: [{ questionId: at, value }] });
  });
});

describe('another answer pointed at with words added', () => {
  const given = { 'form.address': '河南省洛阳市高新区滨河路66号', 'form.leader.name': '张三' };
  it('fills the field with that answer and the words added, or asks back while that answer is not given', () => {
    for (const [text, added] of [
      ['同单位地址，厂区3号车间', '厂区3号车间'],
      ['和注册地址一样，北区2号厂房', '北区2号厂房'],
      ['同上，再加上厂区东门3号车间', '厂区东门3号车间'],
      ['跟单位地址相同 后面加南院5号楼', '南院5号楼'],
    ] as const) {
      expect(sameAsEarlier(ctx, given, 'form.project.address', text), text).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.address', value: `河南省洛阳市高新区滨河路66号${added}` }] });
      expect(sameAsEarlier(ctx, {}, 'form.project.address', text), text).toMatchObject({ kind: 'unclear', reason: 'sameAsUnknown', choices: [text, text.split(/[，\s]/u)[0]] });
    }
  });

  it('adds nothing for a closing, and nothing to a name (precision)', () => {
    expect(sameAsEarlier(ctx, given, 'form.project.address', '同上，谢谢')).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.address', value: '河南省洛阳市高新区滨河路66号' }] });
    expect(sameAsEarlier(ctx, given, 'form.project.address', '同单位地址')).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.address', value: '河南省洛阳市高新区滨河路66号' }] });
    expect(sameAsEarlier(ctx, given, 'form.contact.name', '同上，李四')).toBeUndefined();
    // An address that only mentions the unit's is its own words, not a pointer.
    expect(sameAsEarlier(ctx, given, 'form.project.address', '厂区3号车间，同单位地址')).toBeUndefined();
  });
});

describe('an addition to a story it names', () => {
  const additions: [string, string, string][] = [
    ['发展历程再补充一句：2020年通过两化融合贯标', 'form.history', '2020年通过两化融合贯标'],
    ['再补一句发展历程：2021年建成新厂区', 'form.history', '2021年建成新厂区'],
    ['荣誉后面加上国家级绿色工厂', 'form.honours', '国家级绿色工厂'],
    ['市场营销补充：2022年开拓了中东市场', 'form.marketing', '2022年开拓了中东市场'],
    ['在发展历程里再加一句，2019年获评省级专精特新', 'form.history', '2019年获评省级专精特新'],
    ['主营业务补充说明一下我们也做模具', 'form.business', '我们也做模具'],
  ];
  it('is the words added, to be appended, at another question, at its own and at none', () => {
    for (const [text, id, value] of additions) {
      expect(addedToStory(ctx, text), text).toEqual({ questionId: id, value });
      expect(read('form.employees', text), text).toEqual({ kind: 'answers', items: [{ questionId: id, value, adds: true, extra: true }] });
      expect(read(id, text), text).toEqual({ kind: 'answers', items: [{ questionId: id, value, adds: true }] });
      expect(formFactsSaid(ctx, text), text).toEqual([{ questionId: id, value, extra: true, adds: true }]);
    }
  });

  it('adds nothing where the verb is a word of the value or nothing follows it (precision)', () => {
    for (const text of ['主营业务加工汽车零部件', '发展历程补充一下', '发展历程很简单', '荣誉加上']) expect(addedToStory(ctx, text), text).toBeUndefined();
    expect(read('form.business', '主营业务加工汽车零部件')).toEqual({ kind: 'answers', items: [{ questionId: 'form.business', value: '加工汽车零部件' }] });
  });
});

describe('a story of the form changed by name, whichever question waits', () => {
  it('is that story\'s new words, replacing it', () => {
    for (const [text, id, value] of [
      ['主营业务改成汽车零部件的研发与制造', 'form.business', '汽车零部件的研发与制造'],
      ['把主营业务改为精密铸件的生产和销售', 'form.business', '精密铸件的生产和销售'],
      ['市场营销改成以直销为主，经销为辅', 'form.marketing', '以直销为主，经销为辅'],
    ] as const) {
      expect(fieldCorrected(ctx, text), text).toEqual({ kind: 'answers', items: [{ questionId: id, value }] });
      expect(read('form.employees', text), text).toEqual({ kind: 'answers', items: [{ questionId: id, value }] });
    }
  });

  it('leaves interview corrections, fields the interview reads too, and a 改成 naming no field alone (precision)', () => {
    for (const text of ['说错了，我们没有MES', '不对，ERP是有的', '成立时间说错了，是2009年5月', '员工说错了，是320人', '行业改成通用设备制造业', '改成没有'])
      expect(fieldCorrected(ctx, text), text).toBeUndefined();
    // 「把MES改成新版」 names no field of the form: no correction of the answer before either.
    expect(read('form.employees', '我们打算把MES改成新版')).toMatchObject({ kind: 'unclear', reason: 'bare' });
  });
});
