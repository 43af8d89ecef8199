import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { parseProducts, productsShare, splitList } from '../../server/forms/phase';
import { parseNumber } from '../../server/engine/interpret';
import { TYPED_ENTERPRISES, typedAnswers, type TypedEnterprise } from './typed-enterprises';
import { renderDocx } from '../../server/export/docx';
import { zipEntry } from '../fixtures/zip';
import { capabilityTerms, filledFormProblems } from './claims';

/*
 * The 申报书 of enterprises whose facts were typed in the chat as applicants type them, drafted offline
 * through the session's own path (answers → drafting profile → filled form).
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const terms = capabilityTerms(ctx.formDrafting);
const PLACEHOLDER = /〔请补充：[^〕]*〕/g;
const byId = (prefix: string) => TYPED_ENTERPRISES.find((e) => e.id.startsWith(`${prefix}-`))!;

function drafted(e: TypedEnterprise) {
  const { answers, unclear } = typedAnswers(ctx, e);
  const { profile, recommended } = sessionDraftProfile(data, ctx, answers);
  const form = fillForm(ctx, profile, e.category);
  const drafts = [...Object.values(form.drafts)];
  const nWs = Math.max(1, profile.form.workshops?.length ?? 0);
  for (const s of sectionIds(ctx, e.category).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) drafts.push(draftSection(ctx, profile, e.category, `${s.id}@${i}`));
  return { answers, unclear, profile, recommended, form, drafts };
}

describe('typed form answers are read as the applicant meant them', () => {
  it('an amount with 零 holding an empty place (2亿零450万) keeps its tail', () => {
    expect(parseNumber('2亿零450万', '万元')?.value).toBe(20450);
    expect(parseNumber('3千零5万', '万元')?.value).toBe(3005);
    expect(drafted(byId('T2')).profile.form.finance?.['2022']?.totalAssets).toBe(20450);
  });

  it('a share typed as 成 or 百分之 belongs to its product; a share of all of them is no product', () => {
    expect(parseProducts('六氟磷酸锂，占六成；锂电池电解液，约占32.5%')).toEqual([{ name: '六氟磷酸锂', share: 60 }, { name: '锂电池电解液', share: 32.5, approx: true }]);
    expect(parseProducts('A产品：百分之三十二点五')).toEqual([{ name: 'A产品', share: 32.5 }]);
    expect(parseProducts('圆锥滚子轴承、调心滚子轴承，合计占营收的92%')).toEqual([{ name: '圆锥滚子轴承' }, { name: '调心滚子轴承' }]);
    expect(productsShare('圆锥滚子轴承、调心滚子轴承，合计占营收的92%')).toBe(92);
    expect(parseProducts('电机（含驱动器、控制器）40%，减速机 30%')).toEqual([{ name: '电机（含驱动器、控制器）', share: 40 }, { name: '减速机', share: 30 }]);
    const t4 = drafted(byId('T4'));
    expect(t4.profile.form.mainProductsShare).toBe(92);
    expect(t4.form.drafts['overview.products']!.text).toContain('主营产品收入占营业收入的92%');
    expect(t4.drafts.map((d) => d.text).join('')).not.toContain('合计占营收的（');
    expect(drafted(byId('T1')).form.drafts['overview.products']!.text).toContain('六氟磷酸锂（占营业收入60%）');
  });

  it('a list item keeps a separator inside its brackets', () => {
    expect(splitList('国家级专精特新“小巨人”企业；河南省智能车间（磨加工车间，2021年）')).toEqual(['国家级专精特新“小巨人”企业', '河南省智能车间（磨加工车间，2021年）']);
    expect(splitList('1,4-丁二醇装置，甲醇装置')).toEqual(['1,4-丁二醇装置', '甲醇装置']);
    expect(drafted(byId('T4')).profile.form.honours).toContain('河南省智能车间（磨加工车间，2021年）');
  });

  it('a date the form cannot place (2008年) or a span (半年) is asked again, never guessed; 2021年底 is its December; 去年3月 is counted from the session\'s day', () => {
    for (const e of TYPED_ENTERPRISES) expect(drafted(e).unclear, e.id).toEqual(e.unclear);
    expect(drafted(byId('T2')).profile.form.project?.start).toBe('2022-03');
    const t1 = drafted(byId('T1'));
    expect(t1.profile.form.project?.start).toBe('2021-12');
    expect(t1.form.drafts.constructionSummary!.text).toContain('于2021年12月启动');
  });
});

describe('the drafts of the typed enterprises', () => {
  for (const e of TYPED_ENTERPRISES) {
    it(`${e.id}: drafted as ${e.category}; every claim traces to a fact, every number to a fact or a computation`, () => {
      const { profile: p, recommended, form, drafts } = drafted(e);
      expect(recommended).toBe(e.category);
      const { problems, checked } = filledFormProblems(p, form, drafts, terms);
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(20);
    });

    it(`${e.id}: a missing fact is a request, never the notice's wording of what a system achieves`, () => {
      const { drafts } = drafted(e);
      for (const d of drafts) {
        const body = d.text.replace(PLACEHOLDER, '');
        for (const c of Object.values(ctx.formDrafting.capabilities)) expect(body, d.section).not.toContain(c.achieve);
      }
      expect(drafts.some((d) => d.text.includes('〔请补充：'))).toBe(true);
    });
  }

  it('T1: the typed figures are printed as read, in the draft and the DOCX, and the DOCX holds no U+FFFE/U+FFFF', async () => {
    const { form } = drafted(byId('T1'));
    const xml = zipEntry(await renderDocx(form), 'word/document.xml').toString('utf8');
    expect(xml).not.toMatch(/[\uFFFE\uFFFF]/);
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    // 1.5亿元, 3.82亿, 1亿6千5百万, 25,860.4万元, 亏损350万, 523,000,000元, 0.186吨标煤/万元, 八成五 (the assessment's rate).
    for (const n of ['15000', '38200', '16500', '25860.4', '-350', '52300', '2310.75', '0.186', '0.152', '12500', '426']) expect(text, n).toContain(n);
    expect(form.drafts['detail.elements']!.text).toContain('数据自动采集率为85%');
  });

  it('a workshop applying gets its own name as 车间名称 on the cover; a factory its project name', () => {
    expect(drafted(byId('T2')).form.values['cover.unitName']!.text).toBe('阀体机加工车间');
    expect(drafted(byId('T3')).form.values['cover.unitName']!.text).toBe('酱料灌装车间');
    expect(drafted(byId('T4')).form.values['cover.unitName']!.text).toBe('中大型轴承智能工厂');
  });

  it('one end of the construction period given is printed, the other asked for', () => {
    const t1 = drafted(byId('T1'));
    expect(t1.form.values['project.period']!.text).toBe('2021年12月至2023年6月');
    const startless = sessionDraftProfile(data, ctx, { ...t1.answers, 'form.project.start': null }).profile;
    expect(fillForm(ctx, startless, 'processFactory').values['project.period']!.text).toBe('〔请补充：建设开始日期〕至2023年6月');
    expect(drafted(byId('T4')).form.values['project.period']!.text).toBe('2020年4月至2022年12月');
    expect(drafted(byId('T3')).form.values['project.period']!.text).toBe('〔请补充：建设起止日期〕');
  });

  it('the elements section names each of the enterprise\'s systems once, though its workshops word them differently', () => {
    const count = (text: string, w: string) => text.split(w).length - 1;
    const t1 = drafted(byId('T1')).form.drafts['detail.elements']!.text.replace(PLACEHOLDER, '');
    expect(count(t1, '生产过程数据采集和监控系统（SCADA）')).toBe(1);
    const t4 = drafted(byId('T4')).form.drafts['detail.elements']!.text.replace(PLACEHOLDER, '');
    expect(count(t4, '自动识别技术')).toBe(1);
    expect(count(t4, '产品质量追溯系统')).toBe(1);
    expect(t4).toContain('公司采用自动识别技术、智能运输设备。');
  });

  it('a workshop\'s one equipment count given is stated and the other asked for; no share is made up', () => {
    const { form } = drafted(byId('T4'));
    const cell = form.workshops[1]!.cells['ws.equipment']!.text;
    expect(cell).toBe('装配车间现有设备140台（套），其中自动化、数字化、智能化生产、检测设备〔请补充：自动化、数字化、智能化设备台套数〕台（套）。');
    expect(form.drafts['detail.elements']!.text).toContain('装配车间现有设备140台（套）');
  });

  it('the industry derived from the interview is printed as the division\'s name, never as a code', () => {
    expect(drafted(byId('T3')).form.values.industry!.text).toBe('食品制造业');
  });

  it('T3, which gave little: every fact it gave is used, everything else is a request', () => {
    const { form, drafts } = drafted(byId('T3'));
    const all = drafts.map((d) => d.text).join('');
    for (const w of ['漯河市悦香食品有限公司', '辣椒酱、火锅底料', '熬制锅温度采用PLC控制，灌装线于2022年新上线。', '部分应用分布式控制系统（DCS）']) expect(all, w).toContain(w);
    expect(form.matrices.quality![0]![0]!.text).toBe('85');
    expect(all).toContain('〔请补充：成立时间〕');
    // 「一百三十人左右」 is a round figure: the signed form asks for the exact one and says why.
    expect(all.replace(/〔[^〕]*〕/gu, '')).not.toContain('130人');
    // The request quotes it in written form.
    expect(all).toContain('员工人数的准确数字（已答“约130人”）');
    expect(form.flags.find((f) => f.field === 'employees')?.message).toContain('“一百三十人左右”');
    expect(all.replace(/[^。\n]*尚未[^。]*。/g, '')).not.toMatch(/制造执行系统|MES(?![^〔]*〕)/);
  });
});
