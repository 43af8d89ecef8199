import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import { findQuantities, writtenRoundFigure } from '../../server/understand/numbers';
import { parseProducts } from '../../server/forms/phase';
import type { Interpretation } from '../../server/schemas/interview';

/*
 * Replies at a form field read as the chat reads them (rules.interpret): a statement is the field's answer even with
 * a 几个 in it, a question about what the field takes is answered about the field and stores nothing, a request for
 * help gets what to write, and a round head count said with 来, 几, 多 or 左右 is kept as a round figure alike.
 */
const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const rules = createRules(kb);
const read = (id: string, text: string): Interpretation => rules.interpret(text, rules.views({}, [id])[0]!, {});

describe('a statement at a text field is its answer, a 几个 of "several" in it or not', () => {
  for (const text of ['主要卖河南山东，也给几个房地产商做精装配套', '跟几个高校有合作，产品也卖给几家车企', '国内为主，另有几家外贸公司帮我们出口东南亚'])
    it(`「${text}」 is stored at 市场营销 as typed`, () => {
      expect(read('form.marketing', text)).toEqual({ kind: 'answers', items: [{ questionId: 'form.marketing', value: text }] });
    });
  // Near misses: a clear question still goes to the notice's answers.
  for (const text of ['房地产算不算制造业', '要给几个客户写进去？', '市场营销要写几个客户', '有几个车间'])
    it(`「${text}」 asks`, () => {
      expect(read('form.marketing', text).kind).toBe('question');
    });
});

describe('a question about what a field takes, which the notice does not settle', () => {
  const asked: [string, string, string][] = [
    ['form.registeredCapital', '注册资本要写实缴的还是认缴的', '营业执照上登记的注册资本'],
    ['form.registeredCapital', '注册资金按认缴算吗', '营业执照上登记的注册资本'],
    ['form.employees', '员工人数要算劳务派遣的吗', '在职的员工总人数'],
    ['form.employees', '员工算不算退休返聘的', '在职的员工总人数'],
    ['form.employees', '这个包不包括实习生？', '在职的员工总人数'],
  ];
  for (const [id, text, means] of asked)
    it(`「${text}」 at ${id} is answered about the field, with whom to ask, and nothing is stored`, () => {
      const r = read(id, text);
      expect(r).toMatchObject({ kind: 'unclear', reason: 'fieldHelp' });
      if (r.kind !== 'unclear') return;
      expect(r.choices?.[0]).toContain(means);
      expect(r.choices?.[0]).toContain('通知对这一点没有更细的规定');
      expect(r.choices?.[0]).toContain('0371—65507698');
      // The answer is the field's own, never another 附件's.
      expect(r.choices?.[0]).not.toContain('附件1');
    });
  // Near misses: a figure with the question, a statement of what is counted, and whether the field may be left out.
  it('a figure said with it, a statement, or a may-I-leave-it-out question is read as before', () => {
    expect(read('form.employees', '员工320人，包括劳务派遣的').kind).toBe('answers');
    expect(read('form.registeredCapital', '注册资本写认缴的')).not.toMatchObject({ reason: 'fieldHelp' });
    expect(read('form.employees', '这个可以不填吗')).not.toMatchObject({ reason: 'fieldHelp' });
  });
});

describe('a request for help at a field gets what to write there', () => {
  for (const text of ['不知道咋写', '不晓得怎么写', '这个不会填'])
    it(`「${text}」 at 市场营销 says what the field takes`, () => {
      const r = read('form.marketing', text);
      expect(r).toMatchObject({ kind: 'unclear', reason: 'fieldHelp' });
      if (r.kind !== 'unclear') return;
      expect(r.choices?.[0]).toContain('主要客户');
      expect(r.choices?.[0]).toContain('出口');
    });
  it('「不知道」 alone is no request for help (a skip, as before)', () => {
    expect(read('form.marketing', '不知道')).not.toMatchObject({ reason: 'fieldHelp' });
  });
});

describe('round head counts said with 来, 几, 多 or 左右 are kept alike', () => {
  const said: [string, string, number, string][] = [
    ['form.employees', '六百来号人', 600, '约600人'],
    ['form.employees', '三百二十人左右', 320, '约320人'],
    ['form.employees', '五百多号人', 500, '500余人'],
    ['form.rnd.staff', '二十几个', 20, '20余个'],
    ['form.rnd.staff', '十几个人', 10, '10余人'],
    ['form.employees', '三十几号人', 30, '30余人'],
    ['form.employees', '九十多号人', 90, '90余人'],
    ['form.employees', '七十来号人', 70, '约70人'],
    ['form.employees', '四十几号人吧', 40, '40余人'],
  ];
  for (const [id, text, value, written] of said)
    it(`「${text}」 is ${value}, approximate, written ${written}`, () => {
      expect(read(id, text)).toMatchObject({ kind: 'answers', items: [{ questionId: id, value, approx: true }] });
      expect(writtenRoundFigure(text)).toBe(written);
    });
  // 几 in a middle place is a digit unknown below the one said: written 余 after the figure, never digits beside a 几.
  for (const [text, written] of [['一千几百万', '1000余万'], ['两百几十人', '200余人'], ['三万几千元', '三万余元']] as const)
    it(`「${text}」 is written ${written}`, () => {
      expect(writtenRoundFigure(text)).toBe(written);
    });
  // Near misses: 几 before a magnitude is a digit unknown, and 五号车间 is no head count.
  it('「一千几百人」 and 「五号车间」 give no head count', () => {
    expect(findQuantities('一千几百人').filter((q) => q.unit === '人')).toEqual([]);
    expect(findQuantities('五号车间')).toEqual([expect.objectContaining({ value: 5, unit: '号', approx: false })]);
  });
});

describe('a none at a list field is none, never the list\'s one item', () => {
  for (const text of ['没有啥荣誉', '暂无', '暂时还没有什么荣誉资质', '荣誉资质目前没有'])
    it(`「${text}」 at 荣誉和资质 leaves the list empty`, () => {
      expect(read('form.honours', text)).toEqual({ kind: 'answers', items: [{ questionId: 'form.honours', value: null }] });
    });
  // A clause saying there is nothing more is no item of the list.
  for (const [text, held] of [['高新技术企业；没有别的', '高新技术企业'], ['高新技术企业、专精特新，其他没有了', '高新技术企业、专精特新'], ['省级绿色工厂，就这些', '省级绿色工厂']] as const)
    it(`「${text}」 is stored as ${held}`, () => {
      expect(read('form.honours', text)).toEqual({ kind: 'answers', items: [{ questionId: 'form.honours', value: held }] });
    });
  // Near misses: a none beside what is held is the list.
  for (const text of ['没有省级的，有市级专精特新', '高新技术企业', '高新技术企业；别的奖项在申报'])
    it(`「${text}」 is stored as said`, () => {
      expect(read('form.honours', text)).toEqual({ kind: 'answers', items: [{ questionId: 'form.honours', value: text }] });
    });
});

describe('a guess word before the first share is said of the whole list', () => {
  const said: [string, [string, number][]][] = [
    ['板式衣柜大概占六成，橱柜三成，其他一成', [['板式衣柜', 60], ['橱柜', 30], ['其他', 10]]],
    ['门窗约占五成，护栏两成', [['门窗', 50], ['护栏', 20]]],
    ['电机差不多占七成，水泵两成，配件一成', [['电机', 70], ['水泵', 20], ['配件', 10]]],
  ];
  for (const [text, parts] of said)
    it(`「${text}」 keeps every product, each share round`, () => {
      expect(parseProducts(text)).toEqual(parts.map(([name, share]) => ({ name, share, approx: true })));
    });
  // Near misses: no guess word, or one said of a later share only.
  it('exact shares stay exact, and a later guess word is that share\'s alone', () => {
    expect(parseProducts('板式衣柜占六成，橱柜三成，其他一成').every((p) => !p.approx)).toBe(true);
    expect(parseProducts('门窗占五成，护栏大约两成，其他三成')).toEqual([{ name: '门窗', share: 50 }, { name: '护栏', share: 20, approx: true }, { name: '其他', share: 30 }]);
  });
});

it('a later share said in full with its own 占 keeps its own exactness', () => {
  expect(parseProducts('水性工业涂料约占55%；醋酸丁酯溶剂占38%')).toEqual([{ name: '水性工业涂料', share: 55, approx: true }, { name: '醋酸丁酯溶剂', share: 38 }]);
});
