import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { applyFormAnswer, interpretForm, formView } from '../../server/forms/phase';
import type { Category } from '../../server/schemas/profile';
import type { Answers } from '../../server/schemas/interview';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';
import { typedAnswers } from './typed-enterprises';
import { renderDocx } from '../../server/export/docx';
import { zipEntry } from '../fixtures/zip';

/*
 * The 申报书 is signed by the applicant and checked on site: a figure of another body, a range, an honour
 * not held, a bare word and a cell that contradicts the interview never stand in it as the enterprise's fact.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };

const workshopInterview: Answers = {
  ...ELIGIBLE_NO_PRIORITY,
  'ent.city': '郑州市',
  'ent.industryCode': 'C3484',
  'cat.scope': 'workshop',
  'cat.productionMode': 'discrete',
  ...caps({
    industrialNetwork: true, securityPolicy: true, securityProtection: true, automatedLines: true, flexibleCell: false,
    scada: true, mes: true, erp: true, scadaMesErpIntegration: 'partial', autoId: true, agvRgv: false,
    errorProofing: true, andon: true, onlineInspection: true, qualityTraceability: true,
  }),
};

function drafted(typed: [string, string][], category: Category = 'smartWorkshop', interview: Answers = workshopInterview) {
  const { answers, unclear } = typedAnswers(ctx, { id: 't', category, interview, typed: [['form.proceed', '继续'], ...typed], unclear: [] });
  const { profile } = sessionDraftProfile(data, ctx, answers);
  const form = fillForm(ctx, profile, category);
  const drafts = [...Object.values(form.drafts)];
  const nWs = Math.max(1, profile.form.workshops?.length ?? 0);
  for (const s of sectionIds(ctx, category).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) drafts.push(draftSection(ctx, profile, category, `${s.id}@${i}`));
  return { answers, unclear, profile, form, all: drafts.map((d) => d.text).join('\n') };
}

const read = (id: string, text: string, category: Category = 'smartWorkshop') => interpretForm(ctx, text, formView(ctx, id, category));

describe('a figure of the group is not the enterprise\'s', () => {
  it('takes the figure said of the enterprise itself, never the group\'s', () => {
    expect(read('form.finance.2022.revenue', '集团合并报表是85亿，我们公司是12.6亿')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2022.revenue', value: 126000 }] });
    expect(read('form.finance.2022.revenue', '我们是集团的子公司，营收1.2亿')).toEqual({ kind: 'answers', items: [{ questionId: 'form.finance.2022.revenue', value: 12000 }] });
    // The enterprise's own head office is no other body.
    expect(read('form.employees', '总部在郑州，员工230人')).toEqual({ kind: 'answers', items: [{ questionId: 'form.employees', value: 230 }] });
  });

  it.each(['集团85亿', '85亿，是集团合并的', '母公司营收30亿，我们也差不多'])('asks back when the figure is not clearly the enterprise\'s own: %s', (t) => {
    expect(read('form.finance.2022.revenue', t).kind).toBe('unclear');
  });
});

describe('another field typed ahead', () => {
  it('fills the contact\'s fields a reply names while 注册资本 waits, never the figure', () => {
    expect(read('form.registeredCapital', '联系人张伟，电话13837300000')).toEqual({ kind: 'answers', items: [
      { questionId: 'form.contact.name', value: '张伟', extra: true }, { questionId: 'form.contact.phone', value: '13837300000', extra: true },
    ] });
  });

  it.each([
    ['form.registeredCapital', '张伟 13837300000'],
    ['form.registeredCapital', '0371-65507698'],
    ['form.employees', '138 3730 0000'],
    ['form.finance.2022.revenue', '有事打我手机13937312345'],
  ])('never reads a phone number as the figure of %s: 「%s」 is asked back', (id, t) => {
    expect(read(id, t)).toEqual({ kind: 'unclear', reason: 'notAnAnswer' });
  });

  it.each([
    ['form.address', '500万'],
    ['form.address', '大概1.2亿元'],
    ['form.capitalNature', '500'],
    ['form.name', '13837300000'],
    ['form.project.address', '0371-65507698'],
  ])('asks back a bare figure or phone number given as the words of %s: 「%s」', (id, t) => {
    expect(read(id, t)).toMatchObject({ kind: 'unclear', reason: 'bare' });
    expect(applyFormAnswer(ctx, {}, id, t).ok).toBe(false);
  });

  it('still takes figures, addresses with numbers, and a name followed by its phone', () => {
    expect(read('form.registeredCapital', '500万')).toEqual({ kind: 'answers', items: [{ questionId: 'form.registeredCapital', value: 500 }] });
    expect(read('form.registeredCapital', '12,000万元')).toEqual({ kind: 'answers', items: [{ questionId: 'form.registeredCapital', value: 12000 }] });
    expect(read('form.address', '原阳县产业集聚区纬三路8号')).toEqual({ kind: 'answers', items: [{ questionId: 'form.address', value: '原阳县产业集聚区纬三路8号' }] });
    expect(read('form.contact.name', '张伟 13837300000')).toEqual({
      kind: 'answers',
      items: [
        { questionId: 'form.contact.name', value: '张伟' },
        { questionId: 'form.contact.mobile', value: '13837300000', extra: true },
      ],
    });
    expect(read('form.contact.phone', '0373-5551234')).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.phone', value: '0373-5551234' }] });
  });
});

describe('a range is no figure to sign', () => {
  it.each([
    ['form.project.investment', '1500-2000万'],
    ['form.employees', '三百到三百五十人'],
    ['form.ind.defectRate.before', '2%到3%'],
    ['form.ind.upgradeCycle.after', '60-70天'],
    ['form.employees', '六七十人'],
  ])('%s 「%s」 is kept as a round figure', (id, t) => {
    const r = read(id, t);
    expect(r.kind).toBe('answers');
    expect(r.kind === 'answers' && r.items[0]!.approx).toBe(true);
  });

  it('is withheld from the draft with the round-figure warning, and no ratio is computed from it', () => {
    const { profile, form, all } = drafted([
      ['form.project.investment', '1500-2000万'],
      ['form.ind.defectRate.before', '2%到3%'],
      ['form.ind.defectRate.after', '1%'],
      ['form.products', '原料药A 40%-50%，制剂B 30%'],
    ]);
    expect(profile.form.project?.investment).toBeUndefined();
    expect(profile.form.indicators?.defectRate?.before).toBeUndefined();
    expect(all).not.toMatch(/1500万元|降低\d/);
    // The range is shown only as the words typed, in the request for the exact share (stripped from the signed copy).
    expect(all).toContain('（已答“原料药A 40%-50%”）');
    expect(all.replace(/（已答“[^”]*”）/gu, '')).not.toContain('40%-');
    expect(all).not.toContain('80%');
    expect(all).toContain('制剂B（占营业收入30%）');
    const messages = form.flags.map((f) => f.message).join('\n');
    for (const said of ['1500-2000万', '2%到3%', '原料药A 40%-50%']) expect(messages).toContain(said);
  });
});

describe('round product shares and a no to a count', () => {
  it('a round product share is withheld as other round figures are, and asked for', () => {
    const { all, form } = drafted([['form.products', '齿轮箱七成左右，传动轴30%']]);
    expect(all).not.toContain('70%');
    expect(all).toContain('齿轮箱');
    expect(form.flags.some((f) => f.message.includes('齿轮箱七成左右'))).toBe(true);
  });

  it('「没有发明专利」 to the invention-patent count is 0; 「没有数据」 is not', () => {
    expect(read('form.patents.invention', '没有发明专利')).toEqual({ kind: 'answers', items: [{ questionId: 'form.patents.invention', value: 0 }] });
    expect(read('form.patents.invention', '没有数据')).not.toEqual({ kind: 'answers', items: [{ questionId: 'form.patents.invention', value: 0 }] });
  });
});

describe('a free-text reply with nothing to print', () => {
  it.each([
    ['form.cell.ws.run', '有'],
    ['form.cell.ws.run', 'MES'],
    ['form.business', '同上'],
    ['form.cell.ai', '暂无'],
    ['form.cell.ws.run', '按照通知要求，实现了生产线智能化运行'],
    ['form.address', '有'],
    ['form.address', '同上。'],
    ['form.name', '是的'],
  ])('%s 「%s」 is asked back, naming the field', (id, t) => {
    const category: Category = id === 'form.cell.ai' ? 'processFactory' : 'smartWorkshop';
    expect(read(id, t, category)).toEqual({ kind: 'unclear', reason: 'bare', field: expect.any(String) });
  });

  it('sent as the card\'s or the form view\'s value, is refused the same way, naming the field', () => {
    const address = applyFormAnswer(ctx, {}, 'form.address', '有');
    expect(address).toMatchObject({ ok: false, error: expect.stringContaining('单位地址') });
    expect(applyFormAnswer(ctx, {}, 'form.name', '同上').ok).toBe(false);
    expect(applyFormAnswer(ctx, {}, 'form.cell.ws.run', 'MES').ok).toBe(false);
    // A none is the enterprise's own answer, and a real value is taken.
    expect(applyFormAnswer(ctx, {}, 'form.cell.ws.run', '暂无').ok).toBe(true);
    expect(applyFormAnswer(ctx, {}, 'form.address', '郑州市金水区文化路8号').ok).toBe(true);
  });

  it('a none to a one-line field leaves it empty, and an address is taken', () => {
    expect(read('form.address', '无')).toEqual({ kind: 'answers', items: [{ questionId: 'form.address', value: null }] });
    expect(read('form.address', '郑州市金水区文化路8号').kind).toBe('answers');
  });

  it('a reply with its own facts is taken, and a product named in Latin letters is a product', () => {
    expect(read('form.cell.ws.run', 'MES覆盖3条产线，按工单排产').kind).toBe('answers');
    expect(read('form.products', 'PCB').kind).toBe('answers');
  });

  it('one recorded before it was asked back is a placeholder in the draft, never 「有。」 or 「同上。」', () => {
    const typed = drafted([]);
    const answers = { ...typed.answers, 'form.business': '同上', 'form.cell.ws.run': '有', 'form.cell.ws.quality': 'MES' };
    const { profile } = sessionDraftProfile(data, ctx, answers);
    const all = Object.values(fillForm(ctx, profile, 'smartWorkshop').drafts).map((d) => d.text).join('\n');
    expect(all).not.toMatch(/同上|(?:^|。)有。|(?:^|。)MES。/m);
    expect(profile.form.business).toBeUndefined();
  });
});

describe('honours the enterprise does not hold', () => {
  it('are not listed as held, and a flag names them', () => {
    const { profile, form, all } = drafted([
      ['form.honours', '母公司是省级专精特新，我们自己还没有；正在申报国家高新技术企业；河南省智能工厂（2019年申报未通过）；集团公司获评国家级智能制造示范工厂；本公司为省级绿色工厂（2021年）；中国机械工业集团科技进步奖'],
    ]);
    expect(profile.form.honours).toEqual(['本公司为省级绿色工厂（2021年）', '中国机械工业集团科技进步奖']);
    for (const w of ['专精特新', '高新技术企业', '河南省智能工厂', '示范工厂']) expect(all).not.toContain(w);
    const flag = form.flags.find((f) => f.field === 'honours');
    expect(flag?.message).toContain('正在申报国家高新技术企业');
    expect(flag?.message).toContain('集团公司获评国家级智能制造示范工厂');
  });

  it('with none held, the honours sentence asks for them instead', () => {
    const { profile, all } = drafted([['form.honours', '母公司是省级专精特新，我们自己还没有']]);
    expect(profile.form.honours).toBeUndefined();
    expect(all).not.toContain('荣誉和资质包括母公司');
  });
});

describe('a factory said to have more workshops than were described', () => {
  const factory: Answers = { ...workshopInterview, 'cat.scope': 'factory' };
  it('keeps the undescribed one with its placeholders, and a flag asks for it', () => {
    const { profile, form } = drafted([
      ['form.workshopCount', '3'],
      ['form.ws.1.name', '焊接车间'],
      ['form.ws.2.name', '装配车间'],
    ], 'discreteFactory', factory);
    expect(profile.form.workshops).toHaveLength(3);
    // The DOCX prints the workshops fillForm lists.
    expect(form.workshops).toHaveLength(3);
    expect(form.workshops[2]!.name.missing).toBeTruthy();
    expect(form.flags.find((f) => f.field === 'workshops.2.name')?.message).toContain('第3个车间');
    const third = draftSection(ctx, profile, 'discreteFactory', `${sectionIds(ctx, 'discreteFactory').find((s) => s.perWorkshop)!.id}@3`);
    expect(third.text).toContain('〔请补充');
  });
});

describe('生产效率 typed and computed', () => {
  const factory: Answers = { ...workshopInterview, 'cat.scope': 'factory' };
  it('are never set against each other; a typed figure the counts contradict is flagged', () => {
    const { form, all } = drafted([
      ['form.ind.productivity.before', '0.9'],
      ['form.ind.headcount.before', '100'],
      ['form.ind.headcount.after', '80'],
      ['form.ind.outputValue.before', '14000'],
      ['form.ind.outputValue.after', '18400'],
      ['form.ind.workingDays', '250'],
    ], 'discreteFactory', factory);
    // Both sides computed: 14000/100/250 = 0.56, 18400/80/250 = 0.92.
    expect(all).toContain('由0.56');
    expect(all).not.toMatch(/由0\.9(?!\d)/);
    expect(form.flags.find((f) => f.field === 'indicators.productivity.before')?.message).toContain('0.56');
  });

  it('a typed side against a side only computable is not compared, and a flag says so', () => {
    const { form, all } = drafted([
      ['form.ind.productivity.before', '0.9'],
      ['form.ind.headcount.after', '80'],
      ['form.ind.outputValue.after', '18400'],
      ['form.ind.workingDays', '250'],
    ], 'discreteFactory', factory);
    expect(all).not.toMatch(/生产效率由/);
    expect(form.flags.some((f) => f.field === 'indicators.productivity')).toBe(true);
  });
});

describe('a cell text that contradicts the interview', () => {
  const factory: Answers = {
    ...workshopInterview,
    'cat.scope': 'factory',
    ...caps({ mes: true, agvRgv: false, onlineInspection: true, erp: true }),
  };
  it('is flagged with the clause and the answer, for the draft and the chat; the signed DOCX prints no check', async () => {
    const { form, answers } = drafted([
      ['form.workshopCount', '2'],
      ['form.ws.1.name', '冲压车间'],
      ['form.ws.2.name', '总装车间'],
      ['form.cell.ws.run.2', 'MES计划2024年上线，目前用Excel排产。'],
      ['form.cell.ws.logistics.2', '装配车间有两台AGV在跑，送料到线边。'],
      ['form.cell.ws.quality.1', '暂未开展在线检测，靠人工抽检。'],
      ['form.cell.ws.dispatch.1', 'ERP中的生产执行模块按订单生成排产计划。'],
    ], 'discreteFactory', factory);
    const msgs = form.flags.filter((f) => f.message.includes('评估问答中')).map((f) => f.message);
    // A system denied in the interview and said in use in a cell (「两台AGV在跑」) corrects the interview's answer,
    // so the draft states one status; a cell that says less than the interview (MES 计划, no 在线检测) is flagged.
    expect(answers['cap.agvRgv']).toBe(true);
    expect(msgs).toHaveLength(2);
    expect(msgs.join('\n')).toContain('“MES计划2024年上线”');
    expect(msgs.join('\n')).not.toContain('AGV');
    expect(msgs.join('\n')).toContain('“暂未开展在线检测”');
    // 排产计划 is a plan the system makes, not a plan to build it; a clause on trial says neither.
    expect(msgs.join('\n')).not.toContain('排产计划');
    const xml = zipEntry(await renderDocx(form), 'word/document.xml').toString('utf8');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    // The checks are the app's: the exported form is what the applicant signs.
    expect(text).not.toContain('系统校验提示');
    for (const m of msgs) expect(text).not.toContain(m);
  });

  // A clause that says two systems are not joined yet denies neither of them; our own phrasings, the last a plan.
  for (const said of [
    'MES自动排产，2020年上线，和ERP打通了，采集平台还没接进MES',
    'SCADA数据还没接入MES，靠人工录入报工',
    'MES按订单排产，ERP尚未与MES打通',
    'MES与ERP计划明年对接',
  ])
    it(`「${said}」 is no contradiction of MES`, () => {
      const { form } = drafted([['form.workshopCount', '1'], ['form.ws.1.name', '总装车间'], ['form.cell.ws.dispatch.1', said]], 'discreteFactory', factory);
      const msgs = form.flags.filter((f) => f.message.includes('评估问答中')).map((f) => f.message);
      expect(msgs.join('\n')).not.toContain('制造执行系统');
    });

  // Near misses: the system itself said not there or planned is still flagged.
  for (const [said, quote] of [
    ['MES还没上线，目前靠Excel排产', 'MES还没上线'],
    ['暂无MES，数据靠人工导入', '暂无MES'],
    ['MES计划明年上线', 'MES计划明年上线'],
  ] as const)
    it(`「${said}」 is still flagged against the interview's MES`, () => {
      const { form } = drafted([['form.workshopCount', '1'], ['form.ws.1.name', '总装车间'], ['form.cell.ws.dispatch.1', said]], 'discreteFactory', factory);
      const msgs = form.flags.filter((f) => f.message.includes('评估问答中')).map((f) => f.message);
      expect(msgs.join('\n')).toContain(`“${quote}”，与评估问答中“制造执行系统（MES）”的回答（已具备）不一致`);
    });

  it('is reported as the cell is answered, so the user sees it before export', () => {
    const { answers } = drafted([], 'discreteFactory', factory);
    const r = applyFormAnswer(ctx, { ...answers, 'form.workshopCount': 1 }, 'form.cell.ws.run.1', 'MES计划2024年上线，目前用Excel排产。');
    expect(r.ok && r.newlyBlocking.some((b) => b.reason.includes('MES计划2024年上线'))).toBe(true);
  });
});
