import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { sessionDraftProfile } from '../../server/forms/session';
import { applyFormAnswer, correctLast, formView, interpretForm, markApproximate, partOfYear, phonesAsStored } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import { spokenDigits } from '../../server/understand';
import type { Answers } from '../../server/schemas/interview';
import { ROUND11_ENTERPRISES, type Round11Enterprise } from './typed-round11';
import { describeTypedRound, typedRound } from './typed-rounds';

/*
 * Six enterprises typed on a phone, mostly by voice, drafted offline through the session's path and exported through
 * the real routes. Measured before the fixes they led to: of 215 typed facts 173 read right, 14 wrong and 28 missed
 * (phones read out as 幺三八… or 零三七七… refused; 「18年底」「2021年初」「2022年上半年」 asked again; 「第三个改成发块」 and
 * 「上面那个写错了，是数字化车间不是智能车间」 stored as the narrative they were typed at; voice lists without separators
 * kept as one product or one honour; a name, founding date, staff and address pasted at the name question stored as the
 * name; 「22年营业收入…」 stored as the total assets asked; 「回头问一下品控部」 stored as a cell's text; 「刘洋 生产部经理
 * 电话幺八六…」 asked back), and 33 of 334 drafted sentences kept voice input's spaces or a non-answer. No claim lacked a
 * source and no notice wording stood for a missing fact, before or after. Now all 215 read right.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const byId = (prefix: string) => ROUND11_ENTERPRISES.find((e) => e.id.startsWith(`${prefix}-`))!;
const corrections = data.interview.vocabulary.corrections;

/**
 * Spoken words a written 申报书 does not use, listed here apart from the knowledge's rules, so this checks them, and a
 * reply that is no answer (回头问一下…).
 */
const SPOKEN =
  /俺|咱|咋|搞|弄了|(?<![调完平规修统重休])整了|整完|(?<![使所应采选通专常试适运利作车])用的|(?<![加跟赶用装接爬走迈登踏配搭连挂安关锁马补])上了|(?<!安)装了|卖到|卖给|就能|能查|都能|存进|存到|\d个点|开始上(?!线)|都在里面|哈$|不用人盯|盯着|自动控(?!制)|采上来|不少(?!于)|那块|这块|的了(?=[，。]|$)|年上线的|(?<![使采应运利作])用了\d|好几倍|收上来|传回来|拦下来|马上就|随时能|调出来|一分钟能|不用再|打通了|干.{0,4}的活|人干的|我们|上用了|回头|不知道|问财务|问一下/u;

const drafted = typedRound<Round11Enterprise>(data, ctx);

/**
 * Readings known to be wrong, kept as a guard until fixed: none now. 「每天十万五」 to a 万元/天 field was read as
 * 105000万元; the field's plausible range now keeps the reading with 万 as its unit, 10.5万元 a day.
 */
const KNOWN_WRONG: Record<string, unknown> = {};
const CHECKED: Record<string, number> = { W1: 105, W2: 79, W3: 100, W4: 75, W5: 68, W6: 113 };
/** The round figures and the parts of a year typed, kept out of the signed form and listed for the exact one. */
const ROUND: Record<string, string[]> = {
  W1: ['employees', 'finance.2021.profit', 'finance.2022.totalAssets'],
  W2: ['finance.2020.revenue', 'project.start', 'project.end', 'project.investment'],
  W3: ['project.start'],
  W4: [],
  W5: ['finance.2022.tax'],
  W6: [],
};

describeTypedRound({
  round: 11,
  enterprises: ROUND11_ENTERPRISES,
  ctx,
  drafted,
  title: 'every typed fact reads as expected, every claim traces to a fact, no notice wording stands for a missing one',
  // Nothing is asked twice: each reply is read, kept as round, or skipped as not known now.
  approximate: ROUND,
  checked: CHECKED,
  knownWrong: KNOWN_WRONG,
  tally: { title: 'of 215 typed facts all 215 read as meant (173 before)', total: 215 },
  sentences: { title: "spoken phrasing and voice input's spaces left in the drafted sentences: none of 376 (33 of 334 before)", count: 376, voiceSpace: true },
  spoken: SPOKEN,
  docx: {
    title: "the DOCX shows the enterprise's figures, placeholders for what is missing, and no notice wording or voice spaces in its cells",
    // Systems the enterprise denied or is building are stated (尚未…/正在建设…), not asked for.
    // A guess in the enterprise's prose (W3's 出口差不多占三成) is asked for as a figure.
    counts: { W1: 68, W2: 53, W3: 68, W4: 53, W5: 41, W6: 76 },
    more: (texts) => {
      for (const want of ['许昌瑞发发制品有限公司', '〔请补充：联系人姓名〕', '15937426891', '许昌市数字化车间', '发块']) expect(texts.W2, want).toContain(want);
      expect(texts.W2).not.toContain('许昌市智能车间');
      expect(texts.W4).toContain('18639812354');
      expect(texts.W4).not.toContain('18639812345');
    },
  },
  pdf: { id: 'W6', wants: ['开封宋都仪表有限公司', '0371-23956788', '13503782266', '技术中心主任'] },
});

describe('what the round found in the readings, on paraphrases beside the typed ones', () => {
  const ask = (id: string, text: string, category: Round11Enterprise['category'] = 'discreteFactory') => interpretForm(ctx, text, formView(ctx, id, category));

  it('a phone read out digit by digit (幺 for 1, 两/俩 for 2, 洞 for 0) is its digits, only where a phone is asked or given', () => {
    for (const [id, t, v] of [
      ['form.contact.mobile', '幺三八幺二七二三四五六', '13812723456'],
      ['form.contact.mobile', '一三八 一二七二 三四五六', '13812723456'],
      ['form.contact.mobile', '手机：幺五九-三七四二-六八九一', '15937426891'],
      ['form.contact.mobile', '幺三五 零三七八 俩俩六六', '13503782266'],
      ['form.contact.mobile', '幺三九 幺七三三 洞洞八八', '13917330088'],
      ['form.contact.phone', '零三七一 六五五零 七六九八 转 八零零一', '0371-65507698转8001'],
      ['form.contact.phone', '0373 8812345', '0373-8812345'],
      ['form.leader.phone', '电话是零三九二 三三一 二三四五', '0392-3312345'],
    ] as const)
      expect(ask(id, t), t).toEqual({ kind: 'answers', items: [{ questionId: id, value: v }] });
    expect(ask('form.contact.name', '李娜 手机幺八六三九八一二三四五')).toMatchObject({ kind: 'answers', items: [{ value: '李娜' }, { questionId: 'form.contact.mobile', value: '18639812345' }] });
    // Figures and years are no phone: a place word (十, 百, 亿) or fewer than seven digits leaves them as typed.
    for (const t of ['一百二十六亿', '二〇二一年三月', '两两一组', '三千五百万']) expect(spokenDigits(t), t).toBe(t);
    expect(ask('form.employees', '员工两千一百人')).toMatchObject({ kind: 'answers', items: [{ value: 2100 }] });
    expect(phonesAsStored('0371-86551234 转 302')).toBe('0371-86551234转302');
  });

  it('a correction with no digit, typed at a long-text field, takes back the answer before, whatever its type', () => {
    for (const [id, t] of [
      ['form.cell.mgmt', '上面那个写错了，是数字化车间不是智能车间'],
      ['form.history', '刚才那个写错了 不是智能车间是数字化车间'],
      ['form.benefits', '第三个改成发块'],
      ['form.rnd.description', '第2个应该是冷藏展示柜'],
      ['form.employees', '上面那个不对，把智能车间改成数字化车间'],
    ] as const)
      expect(ask(id, t), t).toEqual({ kind: 'unclear', reason: 'previous' });
    // A story that says 改成 of its own subject is the cell's text.
    for (const t of ['以前靠人工巡检，后来改成了机器人巡检，效率提高了', '包装线原来是半自动的，2021年改为全自动'])
      expect(ask('form.cell.ws.run', t), t).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.cell.ws.run', value: t }] });

    const answers: Answers = { 'form.honours': '国家高新技术企业 河南省专精特新中小企业 许昌市智能车间', 'form.products': '商用冷柜 60%，冷藏展示柜 25%，冷凝机组 15%', 'form.ws.1.lines': '箱体发泡线、总装线、性能检测线' };
    expect(correctLast(ctx, answers, 'form.honours', '上面那个写错了，是数字化车间不是智能车间')).toEqual({ kind: 'answers', items: [{ questionId: 'form.honours', value: '国家高新技术企业 河南省专精特新中小企业 许昌市数字化车间' }] });
    expect(correctLast(ctx, answers, 'form.honours', '不对，不是许昌市智能车间，是许昌市数字化车间')).toMatchObject({ items: [{ value: expect.stringContaining('许昌市数字化车间') }] });
    // An item renamed keeps its share; a share given with the name replaces it.
    expect(correctLast(ctx, answers, 'form.products', '第三个改成冷藏柜')).toEqual({ kind: 'answers', items: [{ questionId: 'form.products', value: '商用冷柜 60%，冷藏展示柜 25%，冷藏柜 15%' }] });
    expect(correctLast(ctx, answers, 'form.products', '第二个应该是岛柜 20%')).toMatchObject({ items: [{ value: '商用冷柜 60%，岛柜 20%，冷凝机组 15%' }] });
    expect(correctLast(ctx, answers, 'form.ws.1.lines', '把总装线改成总装一线')).toMatchObject({ items: [{ value: '箱体发泡线、总装一线、性能检测线' }] });
    // An edit of a word the answer does not hold, or of an item it has not, is none: the chat reads the reply as a new answer.
    expect(correctLast(ctx, answers, 'form.honours', '是示范工厂不是智能工厂')).toBeUndefined();
    expect(correctLast(ctx, answers, 'form.products', '第五个改成冷藏柜')).toBeUndefined();
  });

  it('「刚才的电话不对」 takes back the number of the person answered last, in every cell the number stood in', () => {
    const given: Answers = { 'form.contact.name': '刘洋', 'form.contact.phone': '18639812345', 'form.contact.mobile': '18639812345' };
    expect(correctLast(ctx, given, 'form.contact.name', '刚才的电话不对 是18639812354')).toEqual({
      kind: 'answers',
      items: [
        { questionId: 'form.contact.phone', value: '18639812354' },
        { questionId: 'form.contact.mobile', value: '18639812354' },
      ],
    });
    const landline: Answers = { 'form.contact.name': '王建军', 'form.contact.phone': '0372-5567890', 'form.contact.mobile': '13812723456' };
    expect(correctLast(ctx, landline, 'form.contact.name', '刚刚电话说错了，应该是零三七二 五五六七八九一')).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.phone', value: '0372-5567891' }] });
    // A mobile that came with the phone follows the phone's correction; one given on its own does not.
    const fixed = applyFormAnswer(ctx, given, 'form.contact.phone', '18639812354');
    expect(fixed.ok && fixed.answers['form.contact.mobile']).toBe('18639812354');
    const own = applyFormAnswer(ctx, { ...given, 'form.contact.mobile': '13900000000' }, 'form.contact.phone', '18639812354');
    expect(own.ok && own.answers['form.contact.mobile']).toBe('13900000000');
  });

  it('a part of a year is read at the field\'s precision: 年底 is December; 年初, 年中 and a half year are kept round and asked once', () => {
    for (const t of ['2019年底', '19年底', '2019年年底', '二〇一九年底', '2019年末'])
      expect(ask('form.project.start', t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.start', value: '2019-12' }] });
    for (const [t, v] of [['2021年初', '2021-01'], ['2020年年中', '2020-06'], ['2022年上半年', '2022-06'], ['22年下半年', '2022-12']] as const)
      expect(ask('form.project.end', t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.end', value: v, approx: true, said: t }] });
    // A month given is read as before, 月底 and all.
    expect(ask('form.project.end', '二二年十月底')).toMatchObject({ items: [{ value: '2022-10' }] });
    expect(partOfYear('2015年')).toBeUndefined();
    expect(partOfYear('2020年中国市场占有率第一')).toBeUndefined();
    expect(partOfYear('2021年初启动')).toEqual({ value: '2021-01', approx: true });
    // Once the month is given the mark goes: the signed form states it.
    const round = markApproximate({ 'form.project.end': '2022-06' }, 'form.project.end', '2022年上半年');
    const p1 = sessionDraftProfile(data, ctx, { ...byId('W3').interview, ...round }).profile;
    expect(p1.form.project?.end).toBeUndefined();
    const exact = applyFormAnswer(ctx, round, 'form.project.end', '2022-05');
    const p2 = sessionDraftProfile(data, ctx, { ...byId('W3').interview, ...(exact.ok ? exact.answers : {}) }).profile;
    expect(p2.form.project?.end).toBe('2022-05');
  });

  it('a paragraph pasted at the name question fills each field it names, and the name is the name', () => {
    const r = ask('form.name', '我们是许昌瑞发发制品有限公司，2009年3月注册成立，目前员工850人，地址在许昌市建安区尚集镇发制品产业园6号');
    expect(r).toMatchObject({
      kind: 'answers',
      items: [
        { questionId: 'form.name', value: '许昌瑞发发制品有限公司' },
        { questionId: 'form.foundedOn', value: '2009-03', extra: true },
        { questionId: 'form.employees', value: 850, extra: true },
        { questionId: 'form.address', value: '许昌市建安区尚集镇发制品产业园6号', extra: true },
      ],
    });
    // 地址 in the workshop's address question is that address, not the enterprise's.
    expect(ask('form.project.address', '地址在许昌市建安区尚集镇6号')).toEqual({ kind: 'answers', items: [{ questionId: 'form.project.address', value: '地址在许昌市建安区尚集镇6号' }] });
    // A year's figure typed at another year's question goes to the year it names.
    expect(ask('form.finance.2022.totalAssets', '22年营业收入十二亿八千万')).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.finance.2022.revenue', value: 128000, extra: true }] });
    expect(ask('form.patents.total', '有效专利87项，其中发明21项')).toMatchObject({ items: [{ value: 87 }, { questionId: 'form.patents.invention', value: 21 }] });
  });

  it('「回头问一下…」 at a narrative cell skips it, as at a figure', () => {
    for (const t of ['回头问一下品控部', '这个回头问一下信息中心', '不知道'])
      expect(ask('form.cell.mgmt', t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.cell.mgmt', value: null }] });
  });
});

describe('the form view reads a box as the chat reads the same reply', () => {
  it('the name box splits a name from its post and phone; the other boxes are filled only where empty', () => {
    // A surname and a post is no full name: the box says so once and saves nothing, its text kept for the user to complete.
    expect(checkFormValue(ctx, {}, 'smartWorkshop', 'form.contact.name', '联系人赵主任 13812345678')).toEqual({
      ok: false,
      error: '「赵主任」是姓氏加称呼，不是全名，这一栏要填的是联系人姓名（写全名，如赵××；职务如是主任，可填在职务一栏），先不记录。',
    });
    const r = checkFormValue(ctx, {}, 'smartWorkshop', 'form.contact.name', '刘洋 生产部经理 电话幺八六 三九八一 二三四五');
    // Said as 电话, the mobile goes to the phone box, and saving it fills the empty mobile box too (mobileFills), as in the chat.
    expect(r).toMatchObject({ ok: true, value: '刘洋', also: [{ questionId: 'form.contact.title', value: '生产部经理' }, { questionId: 'form.contact.phone', value: '18639812345' }] });
    const kept = checkFormValue(ctx, { 'form.contact.mobile': '13900000000' }, 'smartWorkshop', 'form.contact.name', '王建军 13812345678');
    expect(kept).toEqual({ ok: true, value: '王建军', display: '王建军' });
    // A box whose text the chat would ask back is kept as typed, as before.
    expect(checkFormValue(ctx, {}, 'smartWorkshop', 'form.address', '郑州市金水路1号')).toMatchObject({ ok: true, value: '郑州市金水路1号' });
  });

  it('a date box takes 年底 as December and asks 年初 for its month, once', () => {
    expect(checkFormValue(ctx, {}, 'smartWorkshop', 'form.project.start', '2019年底')).toMatchObject({ ok: true, value: '2019-12' });
    const r = checkFormValue(ctx, {}, 'smartWorkshop', 'form.project.start', '2021年初');
    expect(r).toEqual({ ok: false, error: '「2021年初」是2021年的几月？申报书要写到月份，请填写具体年月，如“2021-03”' });
    expect(checkFormValue(ctx, {}, 'smartWorkshop', 'form.contact.mobile', '幺三八 幺二七二 三四五六')).toMatchObject({ ok: true, value: '13812723456' });
  });
});
