import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { fillForm, signedForm } from '../../server/forms/fill';
import { DraftProfile, type DraftProfileInput } from '../../server/schemas/forms';

/*
 * The story the enterprise typed goes into the 申报书 in written form with no model: the formal rules rewrite spoken
 * words (我们厂 → 公司, 是前年弄的 → 于2021年建设), drop fillers and praise no one can check (挺好用, 用着还不错), and a
 * sentence they cannot make formal is asked for in written form, never printed as typed.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const { rewrite, rewriteNote } = ctx.formDrafting.requests;

const profile = (form: DraftProfileInput['form']): DraftProfile => DraftProfile.parse({ enterprise: { name: '某机械' }, asOf: '2023-03-01', form: { name: '某机械有限公司', ...form } });
const intro = (history: string) => draftSection(ctx, profile({ history }), 'discreteFactory', 'enterpriseIntro').text;
const SPOKEN = /我们|那个|弄|搞|整的|挺|好用|好使|不错|俺|咱/u;

describe('a typed story in written form, offline', () => {
  it.each([
    // As reported.
    ['我们厂那个MES是前年弄的，挺好用', '公司MES于2021年建设'],
    // New phrasings of the same meaning.
    ['咱们公司这套ERP是去年搞的，用着还不错。', '公司ERP于2022年建设'],
    ['俺们厂WMS是2020年整的，工人都说好使', '公司WMS于2020年建设'],
    ['公司2015年上了MES，挺好用，产量提高了不少', '公司2015年上线了MES，〔请补充：产量由…提高至…〕'],
  ])('「%s」 reads 「%s」 and keeps no spoken word or praise', (said, written) => {
    const text = intro(said);
    expect(text).toContain(written);
    expect(text.replace(/〔[^〕]*〕/gu, '')).not.toMatch(SPOKEN);
  });

  it('a praise sentence of its own is dropped, and the sentence after it kept', () => {
    const text = intro('MES挺好用。公司2009年成立。');
    expect(text).toContain('公司2009年成立。');
    expect(text).not.toMatch(/好用/u);
  });

  it('a sentence the rules cannot make formal is asked for by its field, quoted in the app only', () => {
    const p = profile({ history: '俺们这块弄得还行吧，产量上去了。公司2009年成立。' });
    const label = rewrite.replace('{label}', ctx.formDrafting.factLabels.history!);
    const text = draftSection(ctx, p, 'discreteFactory', 'enterpriseIntro').text;
    expect(text).toContain(`〔请补充：${label}（`);
    expect(text).toContain('公司2009年成立。');
    expect(text.replace(/〔[^〕]*〕/gu, '')).not.toMatch(SPOKEN);
    // The signed form names only the fact: the spoken words quoted in the note are the applicant's to read in the app.
    const signed = signedForm(ctx, fillForm(ctx, p, 'discreteFactory')).drafts.enterpriseIntro!.text;
    expect(signed).toContain(`〔请补充：${label}〕`);
    expect(signed).not.toContain(rewriteNote.split('{said}')[0]!);
    expect(signed).not.toMatch(/俺|弄得/u);
  });

  it('praise put in the customers\' mouths is no fact either: the sentence is asked for, not printed', () => {
    const text = draftSection(ctx, profile({ marketing: '咱们的产品卖到长三角，客户用着都说不错。' }), 'discreteFactory', 'enterpriseIntro').text;
    expect(text).toContain(`〔请补充：${rewrite.replace('{label}', ctx.formDrafting.factLabels.marketing!)}`);
    expect(text.replace(/〔[^〕]*〕/gu, '')).not.toMatch(/不错|咱/u);
  });

  it('a workshop cell typed in spoken words is asked for, not printed', () => {
    const p = profile({ workshops: [{ name: '冲压车间', descriptions: { 'ws.logistics': '我们车间那个AGV贼好用，送料老快了' } }] });
    const text = draftSection(ctx, p, 'discreteFactory', 'ws.logistics@1').text;
    expect(text).toContain('〔请补充：冲压车间物料配送自动化');
    expect(text.replace(/〔[^〕]*〕/gu, '')).not.toMatch(/贼|好用|老快/u);
  });

  it.each([
    // Near misses: written prose whose words look like spoken ones is printed as typed.
    '公司为国内多家主流整车厂提供一级配套，客户满意度逐年提高。',
    '公司由本地化工企业重组设立，形成完整的氟化工产业链。',
    '公司建有省级工程技术研究中心，与高校共建联合实验室。',
  ])('near miss: 「%s」 stands as typed', (said) => {
    expect(intro(said)).toContain(said);
  });

  describe('a comparison with no figure and someone\'s opinion are no written claims', () => {
    const secondWorkshop = (said: string) => {
      const p = profile({ workshops: [{ name: '冲压车间' }, { name: '总装车间', descriptions: { 'ws.run': said } }] });
      return draftSection(ctx, p, 'discreteFactory', 'ws.run@2').text;
    };
    const OPINION = /满意|认可|觉得好|都说|夸/u;

    it.each([
      // As reported.
      ['总装车间也用的同一套MES，排产快多了，老板很满意', '总装车间也采用同一套MES，〔请补充：排产用时由…缩短至…〕。'],
      // New phrasings of the same meaning.
      ['上了WMS以后找料快多了，领导很认可。', 'WMS投入使用后，〔请补充：找料用时由…缩短至…〕。'],
      ['质检效率高多了，大家都觉得好', '〔请补充：质检效率由…提高至…〕。'],
      ['换了新模具以后合格率好多了，客户也挺满意的', '新模具投入使用后，〔请补充：合格率由…提高至…〕。'],
      ['能耗省了不少，工人都说方便多了', '〔请补充：能耗由…降低至…〕。'],
      ['上了APS，省了不少人工，厂长非常认可', '上线了APS，〔请补充：人工由…降低至…〕。'],
      // An opinion with what it is of (我们的服务) is an opinion still.
      ['总装车间用上了MES，客户很满意我们的交货速度', '总装车间应用了MES。'],
      ['设备都联网了，领导非常认可这个项目。', '设备都联网了。'],
    ])('「%s」 prints 「%s」: the figure asked for, the opinion dropped', (said, written) => {
      const text = secondWorkshop(said);
      expect(text).toContain(written);
      expect(text.replace(/〔[^〕]*〕/gu, '')).not.toMatch(OPINION);
      expect(text.replace(/〔[^〕]*〕/gu, '')).not.toMatch(/多了|不少/u);
    });

    it.each([
      // As reported: the spoken 「用了…以后」 that leads an effect reads as the system going into use.
      ['用了APS以后排产快多了', 'APS投入使用后，〔请补充：排产用时由…缩短至…〕。'],
      // New phrasings of the lead and of the effect.
      ['自从上了WMS，找料比以前快多了', 'WMS投入使用后，〔请补充：找料用时由…缩短至…〕。'],
      ['有了视觉检测以后，不良品少多了', '视觉检测投入使用后，〔请补充：不良品由…降低至…〕。'],
      ['上了AGV之后送料省事多了', 'AGV投入使用后，〔请补充：送料用时由…缩短至…〕。'],
      ['用上MES后数据统计轻松多了', 'MES投入使用后，〔请补充：数据统计用时由…缩短至…〕。'],
      ['使用了视觉检测以后漏检少多了', '视觉检测投入使用后，〔请补充：漏检由…降低至…〕。'],
      ['引进了德国设备之后产能提高了不少', '德国设备投入使用后，〔请补充：产能由…提高至…〕。'],
      ['MES投入使用后排产快多了', 'MES投入使用后〔请补充：排产用时由…缩短至…〕。'],
      // A lead before a comparison with its figures, or before a fact, is written the same way; the rest stands.
      ['用了APS以后排产时间由4小时缩短到1小时。', 'APS投入使用后，排产时间由4小时缩短到1小时。'],
      ['上了MES以后车间实现了报工无纸化。', 'MES投入使用后，车间实现了报工无纸化。'],
    ])('「%s」 prints 「%s」', (said, written) => {
      const text = secondWorkshop(said);
      expect(text).toContain(written);
      expect(text.replace(/〔[^〕]*〕/gu, '')).not.toMatch(/用了|上了|有了|以后|之后|多了|不少/u);
    });

    it.each([
      // Near misses: 「以后」 after a span of time, an order, a scale or a use that is no system's going live stays as typed.
      '用了一段时间以后，大家都熟悉了。',
      '有了订单以后再排产。',
      '设备使用后及时清理。',
      '安装了防火墙以后，通过了等保测评。',
    ])('near miss: 「%s」 stands as typed', (said) => {
      expect(secondWorkshop(said)).toContain(said);
    });

    it('the signed form asks for the figure by what was compared, and prints no opinion', () => {
      const p = profile({ workshops: [{ name: '冲压车间' }, { name: '总装车间', descriptions: { 'ws.run': '总装车间也用的同一套MES，排产快多了，老板很满意' } }] });
      const signed = signedForm(ctx, fillForm(ctx, p, 'discreteFactory'));
      const all = JSON.stringify(signed);
      expect(all).toContain('排产用时由…缩短至…');
      expect(all).not.toMatch(/老板|快多了/u);
    });

    it.each([
      // Near misses: a comparison with its figures, a fact about customers, and a measure of satisfaction stay as typed.
      '排产时间由4小时缩短到1小时，满足客户交期要求。',
      '产品质量稳定，满足客户要求。',
      '客户满意度由92%提高至97%。',
      '产品获得客户广泛认可。',
      '公司好多客户在长三角。',
      '客户满意度达到95%，较上年提高3个百分点。',
    ])('near miss: 「%s」 stands as typed', (said) => {
      expect(secondWorkshop(said)).toContain(said);
    });
  });
});

