import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { parseProducts, productsShare, splitList } from '../../server/forms/phase';
import { parseNumber } from '../../server/engine/interpret';
import { TYPED_ENTERPRISES, typedAnswers, type TypedEnterprise } from './typed-enterprises';

/*
 * The 申报书 of enterprises whose facts were typed in the chat as applicants type them, drafted offline
 * through the session's own path (answers → drafting profile → filled form).
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
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
    expect(parseProducts('六氟磷酸锂，占六成；锂电池电解液，约占32.5%')).toEqual([{ name: '六氟磷酸锂', share: 60 }, { name: '锂电池电解液', share: 32.5 }]);
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

  it('a date the form cannot place (2021年底, 去年3月, 2008年) or a span (半年) is asked again, never guessed', () => {
    for (const e of TYPED_ENTERPRISES) expect(drafted(e).unclear, e.id).toEqual(e.unclear);
    const t1 = drafted(byId('T1'));
    expect(t1.profile.form.project?.start).toBeUndefined();
    expect(t1.form.drafts.constructionSummary!.text).toContain('于〔请补充：建设开始日期〕启动');
  });
});
