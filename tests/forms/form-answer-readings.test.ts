import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formView, interpretForm } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import { sameEachYear } from '../../server/understand/years';

/*
 * Form replies that say more than the field asked, or another kind of thing: one figure for several years with 都, an
 * address at the credit code, the workshops' names after their count, patent counts inside the R&D story, and a
 * person addressed by surname and title at the post question.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const read = (id: string, text: string) => interpretForm(ctx, text, formView(ctx, id, 'discreteFactory'));
const items = (id: string, text: string) => {
  const r = read(id, text);
  return r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value, !!i.approx]) : r;
};
const tax = (y: number) => `form.finance.${y}.tax`;

describe('one figure said for several years with 都', () => {
  it('fills each year named, the round one marked as round with its own year\'s words', () => {
    expect(items(tax(2022), '2022年交税1200万，前两年都是1000万左右')).toEqual([[tax(2022), 1200, false], [tax(2021), 1000, true], [tax(2020), 1000, true]]);
    const r = read(tax(2022), '2022年交税1200万，前两年都是1000万左右');
    // Each year's words carry the measure named once before them (交税), so the round figure is read back as a tax.
    expect(r.kind === 'answers' && r.items.map((i) => i.said)).toEqual([undefined, '2021年交税1000万左右', '2020年交税1000万左右']);
    // The asked year's figure said with no year, and the years counted back from it.
    expect(items(tax(2022), '1200万，前两年都是1000万左右')).toEqual([[tax(2022), 1200, false], [tax(2021), 1000, true], [tax(2020), 1000, true]]);
    expect(items(tax(2020), '2022年交税1200万，21年和20年都是1000万')).toEqual([[tax(2022), 1200, false], [tax(2021), 1000, false], [tax(2020), 1000, false]]);
    expect(items(tax(2022), '2022年纳税1200万，之前两年也都是一千万')).toEqual([[tax(2022), 1200, false], [tax(2021), 1000, false], [tax(2020), 1000, false]]);
    expect(items('form.finance.2021.profit', '去年和前年的利润都是800万左右')).toEqual([['form.finance.2021.profit', 800, true], ['form.finance.2022.profit', 800, true]]);
    expect(items(tax(2022), '前两年的税差不多，都是1000万')).toEqual([[tax(2021), 1000, false], [tax(2020), 1000, false]]);
  });

  it('asks back, filling nothing, when the years are not told apart (每年, 这几年)', () => {
    for (const text of ['每年都差不多1000万', '这几年都是1000万左右', '年年都在一千万上下']) {
      expect(read(tax(2020), text), text).toEqual({ kind: 'unclear', reason: 'eachYear', choices: [text, '2020、2021、2022'], field: '税金' });
    }
  });

  it('leaves alone what gives no one figure to several years (near misses)', () => {
    for (const text of ['2022年1200万，和前两年差不多', '前两年都没交这么多', '2022年交税1200万']) expect(sameEachYear(text, 2023, data.formQuestions.vocabulary.relativeYears, 2022), text).toEqual({ text });
    expect(items(tax(2022), '2022年1200万，和前两年差不多')).toEqual([[tax(2022), 1200, false]]);
    // With no year before 前两年 and none asked, its years are not known: left as typed.
    expect(sameEachYear('前两年都是1000万', 2023, {})).toEqual({ text: '前两年都是1000万' });
  });
});

describe('an address where the credit code is asked', () => {
  const wanted = '18位统一社会信用代码（数字和大写字母，见营业执照）';
  it('is said back as an address, fills 单位地址 while that is empty, and asks the code again', () => {
    for (const text of ['郑州市高新区科学大道100号', '河南省许昌市城乡一体化示范区永兴路东段', '郑州高新区长椿路11号']) {
      expect(read('form.creditCode', text), text).toEqual({
        kind: 'answers',
        items: [{ questionId: 'form.address', value: text, extra: true }],
        pendingLeft: { reason: 'wrongKind', choices: [text, '地址', wanted], field: '18位统一社会信用代码' },
      });
    }
  });

  it('in the form view\'s box, says it is an address and which box it belongs in', () => {
    const r = checkFormValue(ctx, {}, 'discreteFactory', 'form.creditCode', '郑州市高新区科学大道100号');
    expect(r).toEqual({ ok: false, error: '「郑州市高新区科学大道100号」是地址，不是18位统一社会信用代码（数字和大写字母，见营业执照），先不记录。信用代码请对照营业执照逐位填写；这个地址如果是单位地址，请填在“单位地址”一栏。' });
  });

  it('reads a code, a place alone or words about the licence as before (near misses)', () => {
    expect(items('form.creditCode', '91411000MA45K7QX2R')).toEqual([['form.creditCode', '91411000MA45K7QX2R', false]]);
    expect(items('form.creditCode', '在郑州市')).toEqual([['form.creditCode', '在郑州市', false]]);
    expect(items('form.creditCode', '执照在办公室')).toEqual([['form.creditCode', '执照在办公室', false]]);
    expect(read('form.creditCode', '2015年')).toMatchObject({ kind: 'unclear', reason: 'wrongKind' });
  });
});

describe('the workshops named after their count', () => {
  it('fills the count and each name, whatever opens each name', () => {
    for (const text of ['两个：一个是机加车间，另一个是装配车间', '两个，第一个叫机加车间，第二个叫装配车间', '两个：一是机加车间，二是装配车间', '2个，一个机加车间，另外一个装配车间']) {
      expect(items('form.workshopCount', text), text).toEqual([['form.workshopCount', 2, false], ['form.ws.1.name', '机加车间', false], ['form.ws.2.name', '装配车间', false]]);
    }
    const box = checkFormValue(ctx, {}, 'discreteFactory', 'form.workshopCount', '两个：一个是机加车间，另一个是装配车间');
    expect(box).toMatchObject({ ok: true, value: 2, also: [{ questionId: 'form.ws.1.name', value: '机加车间' }, { questionId: 'form.ws.2.name', value: '装配车间' }] });
  });

  it('keeps names that open with a numeral, and fills the count alone when a piece is no name (near misses)', () => {
    expect(items('form.workshopCount', '两个：一车间和装配车间')).toEqual([['form.workshopCount', 2, false], ['form.ws.1.name', '一车间', false], ['form.ws.2.name', '装配车间', false]]);
    expect(items('form.workshopCount', '3个：第一车间、第二车间、第三车间')).toEqual([['form.workshopCount', 3, false], ['form.ws.1.name', '第一车间', false], ['form.ws.2.name', '第二车间', false], ['form.ws.3.name', '第三车间', false]]);
    expect(items('form.workshopCount', '两个，一个是机加，另一个是装配')).toEqual([['form.workshopCount', 2, false]]);
    expect(items('form.workshopCount', '一个，另一个还在建')).toEqual([['form.workshopCount', 1, false]]);
  });
});

describe('patent counts inside the R&D story', () => {
  const ID = 'form.rnd.description';
  it('fill the patent fields beside the story', () => {
    const text = '我们有发明专利3项、实用新型12项，主要在精密加工和自动化装配方向';
    expect(items(ID, text)).toEqual([[ID, text, false], ['form.patents.total', 15, false], ['form.patents.invention', 3, false]]);
    expect(items(ID, '研发中心30人，拥有有效专利20项，其中发明专利5项')).toEqual([[ID, '研发中心30人，拥有有效专利20项，其中发明专利5项', false], ['form.patents.total', 20, false], ['form.patents.invention', 5, false]]);
    expect(items(ID, '研发团队主攻轻量化材料，发明专利6项')).toEqual([[ID, '研发团队主攻轻量化材料，发明专利6项', false], ['form.patents.invention', 6, false]]);
    const box = checkFormValue(ctx, { 'form.patents.invention': 2 }, 'discreteFactory', ID, text);
    // An answered field is left as it is: only the empty one is filled.
    expect(box).toMatchObject({ ok: true, value: text, also: [{ questionId: 'form.patents.total', value: 15 }] });
  });

  it('fills nothing from patents applied for or a story with no patents (near misses)', () => {
    expect(items(ID, '发明专利申请了5项')).toEqual([[ID, '发明专利申请了5项', false]]);
    expect(items(ID, '研发团队40人，主要做结构仿真')).toEqual([[ID, '研发团队40人，主要做结构仿真', false]]);
  });
});

describe('a person addressed by surname and title at the post question', () => {
  it('fills the post with the title and stores no name', () => {
    expect(items('form.contact.title', '王经理')).toEqual([['form.contact.title', '经理', false]]);
    expect(items('form.contact.title', '欧阳主任')).toEqual([['form.contact.title', '主任', false]]);
    expect(items('form.contact.title', '王总经理')).toEqual([['form.contact.title', '总经理', false]]);
    expect(items('form.leader.title', '刘董事长')).toEqual([['form.leader.title', '董事长', false]]);
    expect(items('form.contact.title', '王主任，电话0371-65507698')).toEqual([['form.contact.title', '主任', false], ['form.contact.phone', '0371-65507698', false]]);
    expect(checkFormValue(ctx, {}, 'discreteFactory', 'form.contact.title', '王经理')).toMatchObject({ ok: true, value: '经理' });
  });

  it('reads a post, a name and a post, and a title opening with a surname\'s character as before (near misses)', () => {
    expect(items('form.contact.title', '经理')).toEqual([['form.contact.title', '经理', false]]);
    expect(items('form.contact.title', '高级工程师')).toEqual([['form.contact.title', '高级工程师', false]]);
    expect(items('form.contact.title', '总经理')).toEqual([['form.contact.title', '总经理', false]]);
    expect(items('form.contact.title', '王建国 经理')).toEqual([['form.contact.title', '经理', false], ['form.contact.name', '王建国', false]]);
  });
});
