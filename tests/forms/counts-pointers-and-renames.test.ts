import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { applyFormAnswer, editOfAnswer, formView, interpretForm, sameAsEarlier } from '../../server/forms/phase';
import { buildFormView, checkFormValue } from '../../server/forms/form-view';
import type { Answers, Interpretation } from '../../server/schemas/interview';
import type { Category } from '../../server/schemas/profile';

/*
 * Replies typed at the form's one-line fields that are something else than the field's words: counts where a name, an
 * address or a post is asked, a pointer at another answer with the asked field named ahead of it, a rename of another
 * field, round parts of a count, a change said beside a figure, and a rate written in words against the counts. Each is
 * read as the chat reads it (a pointer at an earlier answer first, then interpretForm) and as the form view's box does.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const given: Answers = { 'form.address': '郑州市高新区电厂路88号', 'form.contact.name': '王建国', 'form.contact.mobile': '13837112345' };
const read = (id: string, text: string, category: Category = 'smartWorkshop', answers: Answers = given): Interpretation =>
  sameAsEarlier(ctx, answers, id, text) ?? editOfAnswer(ctx, answers, id, text) ?? interpretForm(ctx, text, formView(ctx, id, category));
const items = (r: Interpretation) => (r.kind === 'answers' ? r.items.map((i) => [i.questionId, i.value]) : r.kind);
const box = (id: string, text: string, category: Category = 'smartWorkshop') => checkFormValue(ctx, given, category, id, text);

describe('counts typed where a name is asked', () => {
  it.each([
    ['车间里一共一百二十台设备，联网的九十台', 120, 90],
    ['车间内共有八十台设备，联网的六十台', 80, 60],
  ])('「%s」 at 车间名称 records the counts and leaves the name to be asked again', (text, total, networked) => {
    expect(items(read('form.ws.1.name', text))).toEqual([
      ['form.ws.1.equipmentTotal', total],
      ['form.ws.1.networkedEquipment', networked],
    ]);
  });

  it('a count with no field of its own is asked back as a count, in the chat and in the box', () => {
    expect(read('form.project.name', '车间里一共一百二十台设备，联网的九十台', 'discreteFactory')).toMatchObject({ kind: 'unclear', reason: 'wrongKind', choices: [expect.any(String), '设备的台（套）数', '车间或工厂的名称'] });
    const r = box('form.ws.1.name', '车间里一共一百二十台设备，联网的九十台');
    expect(r.ok).toBe(false);
    // Stored by any other way, the count is refused too: the cover would print it as the name.
    expect(applyFormAnswer(ctx, given, 'form.ws.1.name', '一百二十台设备').ok).toBe(false);
  });

  it('keeps names that hold a count or a number (regression guards)', () => {
    for (const name of ['年产50万台电机智能车间', '三号总装车间', '空压机总装车间']) expect(items(read('form.ws.1.name', name)), name).toEqual([['form.ws.1.name', name]]);
  });
});

describe('an address must read as one', () => {
  it.each(['二十七个', '大概三十来个', '一共12家'])('「%s」 at 车间地址 is a count, asked back and never stored', (text) => {
    expect(read('form.project.address', text)).toMatchObject({ kind: 'unclear', reason: 'wrongKind', choices: [text, '数量', '地址'] });
    const r = box('form.project.address', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('地址');
  });

  it('keeps addresses with numbers in them (regression guards)', () => {
    for (const a of ['郑州市高新区电厂路27号', '27号院3号厂房', '郑州市同乐路跟和平路交叉口']) expect(items(read('form.project.address', a)), a).toEqual([['form.project.address', a]]);
  });

  it.each(['地址改一下，跟单位地址一样', '车间地址跟注册地址一样', '地址就跟公司地址一样'])('「%s」 copies the 单位地址', (text) => {
    expect(items(read('form.project.address', text))).toEqual([['form.project.address', '郑州市高新区电厂路88号']]);
    expect(box('form.project.address', text)).toMatchObject({ ok: true, value: '郑州市高新区电厂路88号' });
  });

  it('asks back a pointer at an address not given yet, and copies nothing that says it differs', () => {
    expect(read('form.project.address', '地址改一下，跟单位地址一样', 'smartWorkshop', {})).toMatchObject({ kind: 'unclear', reason: 'bare' });
    expect(items(read('form.project.address', '跟单位地址不一样'))).not.toEqual([['form.project.address', '郑州市高新区电厂路88号']]);
  });
});

describe('a post', () => {
  it.each(['技术人员八十几个', '研发人员四十多名', '员工三百来人'])('「%s」 at 联系人职务 is never stored as the post', (text) => {
    const r = read('form.contact.title', text);
    if (r.kind === 'answers') expect(r.items.map((i) => i.questionId)).not.toContain('form.contact.title');
    else expect(r).toMatchObject({ kind: 'unclear', reason: 'wrongKind' });
  });

  it.each(['王建国，生产部部长', '王建国是生产部部长', '王建国，他是生产部部长', '我们生产部部长王建国'])('「%s」 at 联系人姓名 keeps the post beside the name', (text) => {
    expect(items(read('form.contact.name', text))).toEqual([
      ['form.contact.name', '王建国'],
      ['form.contact.title', '生产部部长'],
    ]);
  });

  it('keeps a post alone, and a name alone (regression guards)', () => {
    expect(items(read('form.contact.title', '生产部部长'))).toEqual([['form.contact.title', '生产部部长']]);
    expect(items(read('form.contact.name', '王建国'))).toEqual([['form.contact.name', '王建国']]);
  });
});

describe('the parts of a count, one of them round', () => {
  it.each([
    ['发明专利三个，实用新型二十多个', 23, 3],
    ['发明专利两个，外观设计十来个', 12, 2],
  ])('「%s」 is a round total to confirm, its words kept, and the 发明 part its own', (text, total, invention) => {
    const r = read('form.patents.total', text);
    expect(r).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.patents.total', value: total, approx: true, said: text }, { questionId: 'form.patents.invention', value: invention, extra: true }] });
  });

  it('a round part is round where it is stored too', () => {
    expect(read('form.patents.total', '发明5项左右，实用新型12项')).toMatchObject({ kind: 'answers', items: [{ value: 17, approx: true }, { questionId: 'form.patents.invention', value: 5, approx: true }] });
  });

  it('keeps exact parts exact, and one part alone asked back (regression guards)', () => {
    expect(read('form.patents.total', '发明专利3项，实用新型20项')).toEqual({ kind: 'answers', items: [{ questionId: 'form.patents.total', value: 23 }, { questionId: 'form.patents.invention', value: 3, extra: true }] });
    expect(read('form.patents.total', '实用新型二十多个')).toMatchObject({ kind: 'unclear', reason: 'onePart' });
  });
});

describe('a figure with how it changed said beside it', () => {
  it.each(['去年营收是一亿三千五百万，比前年涨了两成', '一亿三千五百万，同比增长20%', '22年营业收入1.35亿元，较上年增长百分之二十'])('「%s」 records the year asked', (text) => {
    expect(items(read('form.finance.2022.revenue', text))).toEqual([['form.finance.2022.revenue', 13500]]);
  });

  it('a change alone is no figure of the year (regression guard)', () => {
    expect(read('form.finance.2022.revenue', '比前年涨了两成').kind).not.toBe('answers');
  });
});

describe('a round figure keeps its own words, not the field named with it', () => {
  it.each([
    ['form.finance.2022.profit', '利润六百来万', 600, '六百来万'],
    ['form.finance.2022.profit', '去年利润大概六百万左右', 600, '大概六百万左右'],
    ['form.employees', '员工三百多人', 300, '三百多人'],
  ])('%s 「%s」', (id, text, value, said) => {
    expect(read(id, text)).toEqual({ kind: 'answers', items: [{ questionId: id, value, approx: true, said }] });
  });

  it('an exact figure is not marked (regression guard)', () => {
    expect(read('form.finance.2022.profit', '利润600万')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2022.profit', value: 600 }] });
  });
});

describe('a phone the same as the mobile, and a rename said at another question', () => {
  it.each(['电话跟手机一样', '电话和手机一样的', '跟手机号一样'])('「%s」 at 联系人电话 copies the mobile', (text) => {
    expect(items(read('form.contact.phone', text))).toEqual([['form.contact.phone', '13837112345']]);
  });

  it('copies nothing when it says the phone differs, or when the mobile is not given (regression guards)', () => {
    expect(items(read('form.contact.phone', '和手机不一样'))).not.toEqual([['form.contact.phone', '13837112345']]);
    expect(read('form.contact.phone', '电话跟手机一样', 'smartWorkshop', {})).toMatchObject({ kind: 'unclear', reason: 'bare' });
  });

  it.each([
    ['form.project.start', '车间名称改成成套开关设备总装车间', '成套开关设备总装车间'],
    ['form.project.end', '车间叫成套开关设备总装车间', '成套开关设备总装车间'],
    ['form.project.start', '车间的名字改为电气总装车间', '电气总装车间'],
    ['form.project.investment', '对了，车间名叫精密加工车间', '精密加工车间'],
  ])('at %s 「%s」 names the workshop', (id, text, name) => {
    const r = read(id, text);
    expect(r.kind).toBe('answers');
    if (r.kind === 'answers') expect(r.items).toContainEqual(expect.objectContaining({ questionId: 'form.ws.1.name', value: name }));
  });

  it('gives no name where none is said (regression guards)', () => {
    for (const text of ['车间叫啥来着', '车间叫法不统一']) {
      const r = read('form.project.end', text);
      expect(r.kind === 'answers' ? r.items.map((i) => i.questionId) : [], text).not.toContain('form.ws.1.name');
    }
  });
});

describe('a rate written in words against the counts', () => {
  const view = (text: string) => {
    const answers: Answers = { 'form.ws.1.equipmentTotal': 120, 'form.ws.1.automatedEquipment': 90, 'form.ws.1.networkedEquipment': 90, 'form.cell.ws.network': text };
    const flags: string[] = [];
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        const f = (o as { flags?: { message: string }[] }).flags;
        if (f) flags.push(...f.map((x) => x.message));
        Object.values(o).forEach(walk);
      }
    };
    walk(buildFormView(ctx, answers, 'smartWorkshop'));
    return flags;
  };

  it.each([
    ['整条线联网率百分之九十五', '联网率百分之九十五'],
    ['设备联网率达到百分之九十八', '联网率达到百分之九十八'],
    ['联网率九成五', '联网率九成五'],
  ])('「%s」 is flagged against 90/90, quoted as typed', (text, quote) => {
    expect(view(text).some((m) => m.includes(`“${quote}”`) && m.includes('100.0%'))).toBe(true);
  });

  it('a rate the counts give is not flagged (regression guard)', () => {
    expect(view('整条线联网率百分之百').filter((m) => m.includes('联网率'))).toEqual([]);
    expect(view('设备联网率100%').filter((m) => m.includes('联网率'))).toEqual([]);
  });
});
