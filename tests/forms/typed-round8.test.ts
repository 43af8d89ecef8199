import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { applyFormAnswer, formView } from '../../server/forms/phase';
import { extractByRules, verifySuggestion } from '../../server/documents/extract';
import { ROUND8_ENTERPRISES, type Round8Enterprise } from './typed-round8';
import { typedAnswers } from './typed-enterprises';
import { capabilityTerms, filledFormProblems } from './claims';

/*
 * Six enterprises typed on a phone (spoken phrasing, factory ratios their workshops contradict, a rate above
 * 100%, a relative date, one licence and income statement uploaded), drafted offline through the session's
 * path with the document's readings accepted as the user would. Written before the fixes they led to.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const terms = capabilityTerms(ctx.formDrafting);
const PLACEHOLDER = /〔请补充：[^〕]*〕/g;
const byId = (prefix: string) => ROUND8_ENTERPRISES.find((e) => e.id.startsWith(`${prefix}-`))!;

/** Spoken words a written 申报书 does not use; the knowledge's own rules are not consulted, so this checks them. */
const SPOKEN = /俺|咱|搞|弄了|(?<![调完平规修统重休])整了|(?<![使所应采选通专常试适运利作])用的|(?<![加跟赶用装接爬走迈登踏配搭连挂安关锁马补])上了|(?<!安)装了|卖到|就能|能查|存进|还在试|\d个点|从事做|开始上(?!线)|都在里面/;

function drafted(e: Round8Enterprise) {
  const typed = typedAnswers(ctx, e);
  let answers = typed.answers;
  const accepted: string[] = [];
  if (e.document) {
    const { file, pages } = e.document;
    for (const s of extractByRules(pages, file, ctx.formDrafting.documents).filter((x) => verifySuggestion(pages, x))) {
      const r = applyFormAnswer(ctx, answers, `form.${s.field}`, s.value);
      if (!r.ok) throw new Error(`${e.id} ${s.field}: ${r.error}`);
      answers = r.answers;
      accepted.push(s.field);
    }
  }
  const { profile, recommended } = sessionDraftProfile(data, ctx, answers);
  const form = fillForm(ctx, profile, e.category);
  const drafts = [...Object.values(form.drafts)];
  const nWs = Math.max(1, profile.form.workshops?.length ?? 0);
  for (const s of sectionIds(ctx, e.category).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) drafts.push(draftSection(ctx, profile, e.category, `${s.id}@${i}`));
  const sentences = [...new Set(drafts.flatMap((d) => d.sentences.map((x) => x.text)))];
  return { unclear: typed.unclear, accepted, profile, recommended, form, drafts, sentences, all: drafts.map((d) => d.text).join('\n') };
}

const noticeAchievements = [
  ...new Set(
    Object.values(data.elements.categories).flatMap((cat) =>
      cat.elements.flatMap((el) => [...(el.requirements ?? []), ...Object.values(el.branches ?? {}).flat()].flatMap((r) => [...r.text.matchAll(/实现[^，；。…]{4,}/g)].map((m) => m[0]))),
    ),
  ),
];

describe('the drafts of the round-8 typed enterprises', () => {
  for (const e of ROUND8_ENTERPRISES) {
    it(`${e.id}: drafted as ${e.category}; every claim traces to a fact, and no notice wording stands for a missing one`, () => {
      const { recommended, profile, form, drafts, unclear } = drafted(e);
      expect(recommended).toBe(e.category);
      expect(unclear).toEqual(e.unclear);
      const { problems, checked } = filledFormProblems(profile, form, drafts, terms);
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(60);
      for (const d of drafts) {
        const body = d.text.replace(PLACEHOLDER, '');
        for (const w of noticeAchievements) expect(body, `${d.section}: ${w}`).not.toContain(w);
        for (const c of Object.values(ctx.formDrafting.capabilities)) expect(body, d.section).not.toContain(c.achieve);
      }
    });
  }

  it('spoken phrasing left in the drafted sentences: none of 425', () => {
    const spoken = Object.fromEntries(ROUND8_ENTERPRISES.map((e) => [e.id, drafted(e).sentences.filter((s) => SPOKEN.test(s.replace(PLACEHOLDER, '')))]));
    expect(Object.values(spoken).flat()).toEqual([]);
    expect(drafted(byId('S4')).all).toContain('公司采用Teamcenter，图纸和BOM均在系统中管理。');
    expect(ROUND8_ENTERPRISES.reduce((n, e) => n + drafted(e).sentences.length, 0)).toBe(425);
  });

  it('the enterprise\'s words read in written form, with the subject its form uses', () => {
    const s1 = drafted(byId('S1')).all;
    expect(s1).toContain('公司2018年建设了一条压铸自动线，2021年开始推进压铸车间数字化。');
    expect(s1).not.toContain('2013年成立');
    expect(s1).toContain('公司主要生产镁合金汽车压铸件。');
    expect(s1).toContain('车间上线了MES，压铸机参数实时采集');
    expect(s1).toContain('车间采用千兆环网，安装了工业防火墙');
    const s2 = drafted(byId('S2')).all;
    expect(s2).toContain('公司采用金蝶云星空ERP，成品库上线了WMS，能源管理系统管理全厂水电汽。');
    expect(s2).toContain('2015年建成了硫酸法钛白粉二期，2020年实施了数字化改造');
    expect(s2).toContain('产品销往全国20多个省');
    const s3 = drafted(byId('S3')).all;
    expect(s3).toContain('公司采用SolidWorks进行三维设计，主梁采用ANSYS进行有限元分析。');
    expect(s3).toContain('总装车间配置了4台AGV');
    expect(drafted(byId('S6')).all).toContain('面料利用率提高了3个百分点');
  });
});

describe('the uploaded licence and income statement', () => {
  it('S4: the readings accepted fill the name, code, capital, founding and two years of figures', () => {
    const { accepted, form, all } = drafted(byId('S4'));
    expect(accepted.sort()).toEqual(['address', 'creditCode', 'finance.2021.profit', 'finance.2021.revenue', 'finance.2022.profit', 'finance.2022.revenue', 'foundedOn', 'name', 'registeredCapital']);
    expect(all).toContain('南阳防爆电气集团有限公司成立于1998年7月16日');
    expect(all).toContain('注册资本35000万元');
    expect(all).toContain('215400万元、238600万元');
    expect(form.flags.filter((f) => f.field === 'creditCode')).toEqual([]);
  });
});

describe('a factory ratio its workshops contradict, and a rate above 100%', () => {
  it('S2: 数据自动采集率 85% for the factory against 96% and 93% stated by its workshops is flagged and asked for', () => {
    const { form, drafts } = drafted(byId('S2'));
    const flag = form.flags.find((f) => f.field === 'metrics.dataCollectionRate')!;
    expect(flag.message).toContain('85%');
    expect(flag.message).toContain('96%（酸解水解车间）、93%（煅烧后处理车间）');
    const el = drafts.find((d) => d.section === 'detail.elements')!.text;
    expect(el).not.toMatch(/采集率为85%/);
    expect(el).toContain('〔请补充：工厂生产工艺数据自动采集率〕');
  });

  it('S4, S6: 设备联网率 below both workshops\' counts is flagged with their sum; S6\'s own 「联网率95%」 above both too', () => {
    expect(drafted(byId('S4')).form.flags.find((f) => f.field === 'metrics.networkedRatio')!.message).toContain('151/158算得95.6%');
    const s6 = drafted(byId('S6')).form.flags;
    expect(s6.map((f) => f.field)).toEqual(['metrics.networkedRatio', 'elements', 'metrics.automationRatio', 'employees']);
    expect(s6[1]!.message).toContain('“联网率95%”');
    expect(s6[1]!.message).not.toContain('留空');
    // S3's 72% and 86% lie between its workshops' own: no flag.
    expect(drafted(byId('S3')).form.flags.filter((f) => f.field.startsWith('metrics.'))).toEqual([]);
  });

  it('S3 「联网率102%」 and S5 「数据自动采集率108%」 are errors, each flagged once', () => {
    const s3 = drafted(byId('S3')).form.flags;
    expect(s3.map((f) => [f.field, f.severity])).toEqual([['workshops.0.descriptions.ws.network', 'error']]);
    const s5 = drafted(byId('S5')).form.flags;
    expect(s5.map((f) => [f.field, f.severity])).toEqual([['elements.ws.run', 'error']]);
    expect(s5[0]!.message).toContain('“数据自动采集率108%”');
  });

  it('S2: 「去年过了等保三级」 is flagged as a relative time', () => {
    const flags = drafted(byId('S2')).form.flags.filter((f) => f.message.includes('相对时间'));
    expect(flags.map((f) => f.field)).toEqual(['elements.infra']);
  });
});

describe('a placeholder only where the enterprise gave nothing to compute from', () => {
  it('the main products\' share is the sum of the shares given (S1 85, S2 93, S3 84, S5 82); a round share (S4) or none (S6) is asked for', () => {
    const share = (id: string) => drafted(byId(id)).form.drafts['overview.products']!.text.match(/主营产品收入占营业收入的([^。]*)。/)![1];
    expect(['S1', 'S2', 'S3', 'S5'].map(share)).toEqual(['85%', '93%', '84%', '82%']);
    // The request for a ratio says what it asks for; no 「%」 follows it.
    for (const id of ['S4', 'S6']) expect(share(id)).toBe('〔请补充：主营产品占营业收入比例〕');
  });

  it('the headcount is the unit\'s own: 工厂人数 on a factory form (S3), 车间人数 on a workshop form (S1), in the question and the draft', () => {
    expect(drafted(byId('S3')).form.drafts['detail.benefits']!.text).toContain('工厂人数由建设前的1100人调整为建设后的960人。');
    expect(drafted(byId('S1')).form.drafts['detail.benefits']!.text).toContain('车间人数由建设前的168人调整为建设后的126人。');
    expect(formView(ctx, 'form.ind.headcount.before', 'discreteFactory')?.text).toBe('建设完成前工厂人数是多少人？');
    expect(formView(ctx, 'form.ind.headcount.before', 'smartWorkshop')?.text).toBe('建设完成前车间人数是多少人？');
  });

  it('S5: 「2010年建厂」 tells the founding once, by the date with its month', () => {
    const intro = drafted(byId('S5')).form.drafts.enterpriseIntro!.text;
    expect(intro).toContain('成立于2010年10月');
    expect(intro).not.toContain('2010年建厂');
  });
});
