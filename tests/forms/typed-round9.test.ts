import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { applyFormAnswer, formQuestions, formView, interpretForm } from '../../server/forms/phase';
import { renderDocx } from '../../server/export/docx';
import { zipEntry } from '../fixtures/zip';
import { ROUND9_ENTERPRISES, type Round9Enterprise } from './typed-round9';
import { typedAnswers } from './typed-enterprises';
import { expectDrafted } from './typed-rounds';

/*
 * Six enterprises typed on a phone, drafted offline through the session's path. Measured before the fixes
 * they led to: 152 of 156 typed facts read right (a correction of 员工 and one of 年工作天数 typed at the next
 * question were lost, 「138 0393 6688」 was stored with its spaces, 「一七年九月」 was asked again), 「回头问问财务」
 * was asked back, and 16 of 370 drafted sentences kept spoken words. Now every typed fact reads as expected.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const PLACEHOLDER = /〔请补充：[^〕]*〕/g;
const byId = (prefix: string) => ROUND9_ENTERPRISES.find((e) => e.id.startsWith(`${prefix}-`))!;

/** Spoken words a written 申报书 does not use, listed here apart from the knowledge's rules, so this checks them. */
const SPOKEN =
  /俺|咱|咋|搞|弄了|弄智能|(?<![调完平规修统重休])整了|整完|(?<![使所应采选通专常试适运利作])用的|(?<![加跟赶用装接爬走迈登踏配搭连挂安关锁马补])上了|(?<!安)装了|卖到|卖给|就能|能查|都能|存进|还在试|\d个点|开始上(?!线)|都在里面|哈$|看火候|稳多了|不用人盯|连上网|盯着|一键就|自动控(?!制)|采上来|在网上走|不少|那块|这块|的了(?=[，。]|$)|年上线的|(?<![使采应运利作])用了\d/;

function drafted(e: Round9Enterprise) {
  const typed = typedAnswers(ctx, e);
  const { profile, recommended } = sessionDraftProfile(data, ctx, typed.answers);
  const form = fillForm(ctx, profile, e.category);
  const drafts = [...Object.values(form.drafts)];
  const nWs = Math.max(1, profile.form.workshops?.length ?? 0);
  for (const s of sectionIds(ctx, e.category).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) drafts.push(draftSection(ctx, profile, e.category, `${s.id}@${i}`));
  const sentences = [...new Set(drafts.flatMap((d) => d.sentences.map((x) => x.text)))];
  return { unclear: typed.unclear, profile, recommended, form, drafts, sentences, all: drafts.map((d) => d.text).join('\n') };
}

async function docxText(e: Round9Enterprise): Promise<string> {
  const xml = zipEntry(await renderDocx(drafted(e).form), 'word/document.xml').toString('utf8');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

const noticeAchievements = [
  ...new Set(
    Object.values(data.elements.categories).flatMap((cat) =>
      cat.elements.flatMap((el) => [...(el.requirements ?? []), ...Object.values(el.branches ?? {}).flat()].flatMap((r) => [...r.text.matchAll(/实现[^，；。…]{4,}/g)].map((m) => m[0]))),
    ),
  ),
];

const CHECKED: Record<string, number> = { U1: 77, U2: 132, U3: 114, U4: 74, U5: 76, U6: 124 };

describe('the round-9 typed enterprises', () => {
  for (const e of ROUND9_ENTERPRISES) {
    it(`${e.id}: every typed fact reads as expected, every claim traces to a fact, no notice wording stands for a missing one`, () => {
      const { unclear } = drafted(e);
      expect(unclear).toEqual(e.unclear);
      expectDrafted(ctx, e, drafted(e), CHECKED[e.id.slice(0, 2)]!);
    });
  }

  it('spoken phrasing left in the drafted sentences: none of 417 (16 before)', () => {
    const all = ROUND9_ENTERPRISES.flatMap((e) => drafted(e).sentences);
    expect(all).toHaveLength(417);
    expect(all.filter((s) => SPOKEN.test(s.replace(PLACEHOLDER, '')))).toEqual([]);
  });

  it('the WeChat paragraphs read in written form, keeping every fact and adding none', () => {
    const u2 = drafted(byId('U2')).all;
    expect(u2).toContain('公司ERP采用SAP，2020年上线。WMS也部署了，原材料和成品均在系统中管理，扫码出入库。供应商方面建设了SRM平台，采购订单都在线上流转，〔请补充：效率由…提高至…〕。');
    // 「效率提高了不少」 names no figure: the figure is asked for where the comparison stood.
    expect(u2).toContain('总装车间配置了6台AGV送大件，行车也改为遥控。');
    const u3 = drafted(byId('U3')).all;
    // 「现在稳多了」 names no figure of what steadied (the 95% is the collection rate): the figure is asked for.
    expect(u3).toContain('公司部署了APC，炉温和氧浓度自动调节，以前主要依靠老师傅凭经验判断火候，〔请补充：…波动由…降低至…〕，数据自动采集率95%。');
    expect(u3).toContain('公司黄金主要在上海黄金交易所销售，白银和铜销售给周边加工企业。');
    const u4 = drafted(byId('U4')).all;
    expect(u4).toContain('设备数据采用SECS/GEM协议采集，OEE可实时查看，整体OEE由62%提升至78%。');
    // 「能追到」 is written 「可追查到」: 追溯 would name a system the enterprise did not name.
    expect(u4).toContain('每个模块可追查到晶圆批次。');
    const u5 = drafted(byId('U5')).all;
    expect(u5).toContain('成立于2002年7月');
    expect(u5).toContain('公司起初生产兽用化药');
    expect(u5).not.toContain('2002年成立');
    expect(u5).toContain('现在整个车间基本无需人工值守。');
    expect(u5).toContain('一个批次的记录可一键生成。');
    const u6 = drafted(byId('U6')).all;
    expect(u6).toContain('2020年开始建设智能工厂');
    expect(u6).toContain('外贸方面占比接近三成');
    expect(u6).toContain('以前一个新产品从设计到出图需要一个多月，现在两周即可完成。');
    expect(u6).toContain('激光切割机和焊接机器人都接入网络，可远程查看设备状态。');
  });
});

describe('what the round found in the readings, on paraphrases beside the typed ones', () => {
  const ask = (id: string, text: string, category: Round9Enterprise['category'] = 'discreteFactory') => interpretForm(ctx, text, formView(ctx, id, category));

  it('a correction naming an earlier field replaces that answer, typed at whatever question waits', () => {
    expect(drafted(byId('U2')).profile.form.employees).toBe(786);
    expect(drafted(byId('U4')).profile.form.indicators?.workingDays).toBe(300);
    expect(ask('form.contact.title', '注册资本刚才写错了，应该是6000万')).toEqual({ kind: 'answers', items: [{ questionId: 'form.registeredCapital', value: 6000 }] });
    expect(ask('form.finance.2022.tax', '更正一下，2022年营收是8.2亿')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2022.revenue', value: 82000 }] });
    expect(ask('form.address', '不对，研发人员是120人')).toEqual({ kind: 'answers', items: [{ questionId: 'form.rnd.staff', value: 120 }] });
    // Naming no field, a correction is of the answer before: the chat reads it against that question.
    expect(ask('form.contact.title', '不对，是786人')).toEqual({ kind: 'unclear', reason: 'previous' });
    // 「不对接」 corrects nothing, and a narrative's 「不对」 is its own story.
    expect(ask('form.contact.title', '生产部不对接')).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.contact.title', value: '生产部不对接' }] });
    const story = ask('form.cell.mgmt', '以前库存账不对，员工数也对不上，上了WMS以后好了');
    expect(story).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.cell.mgmt' }] });
  });

  it('「回头问问财务」, 「具体哪天记不清了」 and the like skip the field; with a figure or a question mark they do not', () => {
    for (const [id, t] of [
      ['form.finance.2021.profit', '回头问问财务'],
      ['form.finance.2020.tax', '这个得问一下财务'],
      ['form.foundedOn', '具体哪天记不清了'],
      ['form.patents.invention', '记不得了'],
      ['form.ind.energyPerOutput.before', '还没统计过'],
    ] as const)
      expect(ask(id, t), t).toEqual({ kind: 'answers', items: [{ questionId: id, value: null }] });
    expect(ask('form.finance.2021.profit', '大概三千万，不确定')).toMatchObject({ kind: 'answers', items: [{ questionId: 'form.finance.2021.profit', value: 3000, approx: true }] });
    expect(ask('form.finance.2021.profit', '不知道利润怎么算？')).toEqual({ kind: 'question' });
  });

  it('a year alone to a date is asked back for the month; two-digit and Chinese-numeral years read', () => {
    for (const t of ['2015年', '15年成立的', '就是2003年，前面说过了']) expect(ask('form.foundedOn', t), t).toEqual({ kind: 'unclear', reason: 'bare', field: '企业成立时间' });
    for (const [t, d] of [['一七年九月', '2017-09'], ['九八年三月十二日', '1998-03-12'], ['17年9月', '2017-09'], ['二〇〇二年七月', '2002-07']] as const)
      expect(ask('form.foundedOn', t), t).toEqual({ kind: 'answers', items: [{ questionId: 'form.foundedOn', value: d }] });
    // A count of years is no year: 「十七年九个月」 is not a date.
    expect(ask('form.project.start', '十七年九个月')).toMatchObject({ kind: 'unclear' });
  });

  it('a mobile typed in groups is stored as its eleven digits, asked or given with a name', () => {
    expect(drafted(byId('U2')).profile.form.contact?.mobile).toBe('13803936688');
    const r = applyFormAnswer(ctx, {}, 'form.contact.mobile', '+86 139-3971-2345');
    expect(r.ok && r.answers['form.contact.mobile']).toBe('13939712345');
    expect(ask('form.contact.name', '王建军 138 0393 6688')).toEqual({
      kind: 'answers',
      items: [
        { questionId: 'form.contact.name', value: '王建军' },
        { questionId: 'form.contact.mobile', value: '13803936688', extra: true },
      ],
    });
    // A landline keeps its dash.
    const landline = applyFormAnswer(ctx, {}, 'form.contact.phone', '0373-5556789');
    expect(landline.ok && landline.answers['form.contact.phone']).toBe('0373-5556789');
  });
});

describe('the founding year the interview gave, where the form has no date', () => {
  it('U3 (「2003年」 asked again): the draft says 成立于 once through the history, the DOCX prints 2003年 and asks for the month', async () => {
    const { profile, all } = drafted(byId('U3'));
    expect(profile.form.foundedOn).toBeUndefined();
    expect(profile.form.foundedYear).toBe(2003);
    expect(all).not.toContain('〔请补充：成立时间〕');
    const text = await docxText(byId('U3'));
    expect(text).toContain('成立时间2003年〔请补充：成立月份和日期（按营业执照）〕');
  });

  it('with no history telling it, the draft says 成立于2003年; a date given replaces the year', () => {
    const e = byId('U3');
    const typed = typedAnswers(ctx, e);
    const noHistory = Object.fromEntries(Object.entries(typed.answers).filter(([k]) => k !== 'form.history'));
    const a = sessionDraftProfile(data, ctx, noHistory).profile;
    expect(fillForm(ctx, a, e.category).drafts.enterpriseIntro!.text).toContain('灵宝金源冶炼有限责任公司成立于2003年，');
    const dated = sessionDraftProfile(data, ctx, { ...noHistory, 'form.foundedOn': '2003-08-15' }).profile;
    expect(dated.form.foundedYear).toBeUndefined();
    expect(fillForm(ctx, dated, e.category).drafts.enterpriseIntro!.text).toContain('成立于2003年8月15日，');
  });

  it('the question names the year known; without it, or once the date is given, the question is as before', () => {
    const text = (answers: Record<string, string>) => formQuestions(ctx, answers, 'processFactory').find((c) => c.id === 'form.foundedOn')?.text;
    expect(text({ 'ent.foundedYear': '2015' })).toBe('企业成立时间？评估时已填成立年份2015年，申报书要写到月份（按营业执照，如 2015-05-18）。');
    expect(text({})).toBe('企业成立时间（如 2009-05-18）？');
    expect(text({ 'ent.foundedYear': '2015', 'form.foundedOn': '2015-04-08' })).toBe('企业成立时间（如 2009-05-18）？');
  });
});

describe('the exported DOCX of each drafted form', () => {
  it('shows placeholders for what is missing and no notice wording in the enterprise\'s cells', async () => {
    const counts: Record<string, number> = {};
    for (const e of ROUND9_ENTERPRISES) {
      const text = await docxText(e);
      counts[e.id.slice(0, 2)] = (text.match(PLACEHOLDER) ?? []).length;
      expect(text).toContain(String(e.expected.name));
      for (const w of noticeAchievements) expect(text.replace(PLACEHOLDER, ''), `${e.id}: ${w}`).not.toContain(w);
    }
    // U1 and U5 state a 采集率 in their cells other than the assessment's (92% against 90%, 93% against 86%): the assessment's figure
    // gives way to a request until one is confirmed. U3's round share of one product and the two products without one are each asked for at the product. U6's 「赵主任」 fills the contact's name.
    // Systems the enterprise denied or is building are stated (尚未…/正在建设…), not asked for. U3's 「去年3月」 is counted
    // from the session's day (2022-03), so its 开始建设时间 is printed, not asked for (72 while it was asked again).
    // U3's 「现在稳多了」 asks for the figure in its cell and where the cell is stated again (70 while it printed 更加稳定).
    // U2's 「效率提高了不少」 asks for the figure in its cell and where the cell is stated again (67 while it printed 效率明显提高).
    expect(counts).toEqual({ U1: 50, U2: 67, U3: 72, U4: 42, U5: 55, U6: 69 });
  });
});
