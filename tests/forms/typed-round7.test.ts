import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { applyFormAnswer, approximateSaid, markApproximate } from '../../server/forms/phase';
import { applicableProfile } from '../../server/forms/draft';
import { renderDocx } from '../../server/export/docx';
import type { Answers } from '../../server/schemas/interview';
import { zipEntry } from '../fixtures/zip';
import { ROUND7_ENTERPRISES } from './typed-round7';
import { typedAnswers, type TypedEnterprise } from './typed-enterprises';
import { capabilityTerms, filledFormProblems } from './claims';

/*
 * Six enterprises typed as applicants type (round figures, a ratio its own counts contradict, Henan speech),
 * drafted offline through the session's path. Written before the fixes they led to; guarded here.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const terms = capabilityTerms(ctx.formDrafting);
const PLACEHOLDER = /〔请补充：[^〕]*〕/g;
const byId = (prefix: string) => ROUND7_ENTERPRISES.find((e) => e.id.startsWith(`${prefix}-`))!;

function drafted(e: TypedEnterprise, extra: (a: Answers) => Answers = (a) => a) {
  const typed = typedAnswers(ctx, e);
  const answers = extra(typed.answers);
  const { profile, recommended } = sessionDraftProfile(data, ctx, answers);
  const form = fillForm(ctx, profile, e.category);
  const drafts = [...Object.values(form.drafts)];
  const nWs = Math.max(1, profile.form.workshops?.length ?? 0);
  for (const s of sectionIds(ctx, e.category).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) drafts.push(draftSection(ctx, profile, e.category, `${s.id}@${i}`));
  return { unclear: typed.unclear, profile, recommended, form, drafts, all: drafts.map((d) => d.text).join('\n') };
}

async function docxText(e: TypedEnterprise): Promise<string> {
  const xml = zipEntry(await renderDocx(drafted(e).form), 'word/document.xml').toString('utf8');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/** The notice's words of what a system achieves (「实现…」 of 三): a draft may not claim them for the enterprise. */
const noticeAchievements = [
  ...new Set(
    Object.values(data.elements.categories).flatMap((cat) =>
      cat.elements.flatMap((el) => [...(el.requirements ?? []), ...Object.values(el.branches ?? {}).flat()].flatMap((r) => [...r.text.matchAll(/实现[^，；。…]{4,}/g)].map((m) => m[0]))),
    ),
  ),
];

describe('the drafts of the round-7 typed enterprises', () => {
  for (const e of ROUND7_ENTERPRISES) {
    it(`${e.id}: drafted as ${e.category}; every claim traces to a fact, every number to a fact or a computation`, () => {
      const { recommended, profile, form, drafts, unclear } = drafted(e);
      expect(recommended).toBe(e.category);
      expect(unclear).toEqual(e.unclear);
      const { problems, checked } = filledFormProblems(profile, form, drafts, terms);
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(20);
    });

    it(`${e.id}: a missing fact is a request, never the notice's wording; no spoken word is pasted into the form`, () => {
      const { drafts, all } = drafted(e);
      for (const d of drafts) {
        const body = d.text.replace(PLACEHOLDER, '');
        for (const w of noticeAchievements) expect(body, `${d.section}: ${w}`).not.toContain(w);
        for (const c of Object.values(ctx.formDrafting.capabilities)) expect(body, d.section).not.toContain(c.achieve);
      }
      expect(all).toContain('〔请补充：');
      expect(all).not.toMatch(/俺|咱|搞了|弄了|[，,]中[。！]/);
    });
  }
});

describe('a round figure is never stated as the exact one', () => {
  it('R2: 「差不多1.8个亿」 (a measure word before 亿) is read, and asked for as a round figure', () => {
    const { all, form, profile } = drafted(byId('R2'));
    expect(all).not.toContain('18000');
    expect(profile.form.project?.investment).toBeUndefined();
    expect(form.flags.find((f) => /约数/.test(f.message) && f.message.includes('差不多1.8个亿'))).toBeDefined();
  });

  it('R1: 一千多万, 大概两百人, 将近3亿 and 6%左右 are asked for, each flagged with the words typed', async () => {
    const { form, all } = drafted(byId('R1'));
    // Never stated as a claim: a request for the exact figure may quote the answer in written form (已答“约200人”).
    for (const w of ['1000万元', '200人', '30000', '6%']) expect(all.replace(/〔[^〕]*〕/gu, ''), w).not.toContain(w);
    expect(form.values.employees?.text ?? '').not.toBe('200');
    expect(form.matrices.finance![0]![2]!.text).toBe('〔请补充：2022年总资产（万元）〕');
    // 9850 of the same year was typed exactly and stays; the debt ratio needs the missing assets.
    expect(form.matrices.finance![1]![2]!.text).toBe('9850');
    expect(form.matrices.finance![2]![2]!.text).toContain('〔请补充：');
    const flagged = Object.fromEntries(form.flags.filter((f) => /约数/.test(f.message)).map((f) => [f.field, f.message]));
    expect(Object.keys(flagged).sort()).toEqual(['employees', 'finance.2022.totalAssets', 'indicators.defectRate.before', 'indicators.headcount.before', 'registeredCapital']);
    expect(flagged.registeredCapital).toContain('“一千多万”');
    expect(flagged['indicators.defectRate.before']).toContain('“6%左右”');
    // The app shows the flags; the signed DOCX asks for the exact figure by its name, never quoting the chat.
    const text = await docxText(byId('R1'));
    expect(text).toContain('〔请补充：2022年总资产（万元）〕');
    expect(text).not.toContain('将近3亿');
    expect(text).not.toContain('30000');
  });

  it('R2, R4: 每天430万元上下, 一百五十来人 and 大约4.5亿 are asked for, and figures typed exactly are kept', () => {
    const r2 = drafted(byId('R2'));
    expect(r2.form.matrices.benefits![1]![0]!.text).toContain('〔请补充：');
    expect(r2.form.matrices.benefits![1]![1]!.text).toBe('398');
    expect(r2.form.flags.map((f) => f.field)).toContain('indicators.operatingCost.before');
    const r4 = drafted(byId('R4'));
    expect(r4.profile.form.employees).toBeUndefined();
    expect(r4.profile.form.finance?.['2022']?.revenue).toBeUndefined();
    expect(r4.profile.form.finance?.['2022']?.profit).toBe(680);
    expect(r4.form.flags.map((f) => f.field)).toEqual(expect.arrayContaining(['employees', 'finance.2022.revenue']));
  });

  it('R5: 合计占营收的90%左右 names no product and is asked for; 约占 of one product is withheld and asked for', () => {
    const { profile, form, all } = drafted(byId('R5'));
    expect(profile.form.products).toEqual([{ name: '乘客电梯' }, { name: '自动扶梯' }]);
    expect(profile.form.mainProductsShare).toBeUndefined();
    expect(all.replace(/〔[^〕]*〕/gu, '')).not.toContain('合计占营收');
    expect(form.flags.find((f) => f.field === 'mainProductsShare')?.message).toContain('90%左右');
    const t1 = drafted(byId('R6'), (a) => ({ ...a, 'form.products': '中低压电力电缆，约占八成；控制电缆' }));
    expect(t1.all).toContain('中低压电力电缆');
    // A round share is withheld as every other round figure is, and asked for.
    expect(t1.all).not.toContain('80%');
    expect(t1.form.flags.some((f) => f.message.includes('约占八成'))).toBe(true);
  });

  it('an assessment ratio given round (90%左右) is not printed in the draft, and the flag says so', () => {
    const e = byId('R2');
    const plain = drafted(e);
    expect(plain.all).toContain('90%');
    const { profile, form, all } = drafted(e, (a) => markApproximate(a, 'metric.dataCollectionRate', '90%左右'));
    expect(profile.metrics?.dataCollectionRate).toBeUndefined();
    expect(all.replace(PLACEHOLDER, '')).not.toMatch(/采集率[^。]*90%/);
    expect(form.flags.find((f) => f.field === 'metrics.dataCollectionRate')?.message).toContain('“90%左右”');
    // An answer edited since the mark (to 91.5) is exact, and the stale mark is ignored.
    const edited = drafted(e, (a) => markApproximate({ ...a, 'metric.dataCollectionRate': 91.5 }, 'metric.dataCollectionRate', '90%左右'));
    expect(edited.profile.metrics?.dataCollectionRate).toBe(91.5);
  });
});

describe('a ratio its own counts contradict is flagged, not printed beside them in silence', () => {
  it('R1: the assessment says 95% networked and 85% automated; the counts give 60/80 and 80/120', () => {
    const { form } = drafted(byId('R1'));
    const ratio = form.flags.filter((f) => f.message.includes('两者不一致'));
    expect(ratio.map((f) => f.field)).toEqual(['workshops.0.networkedEquipment', 'workshops.0.automatedEquipment']);
    expect(ratio[0]!.message).toContain('95%');
    expect(ratio[0]!.message).toContain('60/80');
    expect(ratio[0]!.message).toContain('75.0%');
  });

  it('R5: 联网率95% written in a workshop cell against its counts 118/126 (93.7%) is flagged', () => {
    const { form } = drafted(byId('R5'));
    const ratio = form.flags.filter((f) => f.message.includes('两者不一致') && f.field.startsWith('workshops.'));
    expect(ratio).toHaveLength(1);
    expect(ratio[0]!.message).toContain('“联网率95%”');
    expect(ratio[0]!.message).toContain('93.7%');
  });

  it('R3, R6: a stated ratio within one point of the counts (90 for 90.1%, 88 for 88.9%) is no contradiction', () => {
    for (const id of ['R3', 'R6']) expect(drafted(byId(id)).form.flags.filter((f) => f.message.includes('两者不一致')), id).toEqual([]);
  });
});

describe('the enterprise\'s own words go into the form in written form', () => {
  it('俺们/咱厂/搞了个/弄了套/，中。 are written as 公司/建设了/部署了, and a subject is not doubled', () => {
    const r1 = drafted(byId('R1')).all;
    // 「2009年成立」 only restates the 成立于2009年5月 the 简介 opens with: the history goes on with its subject.
    expect(r1).toContain('公司2017年建设了自动化成型线');
    expect(r1).not.toContain('2009年成立');
    expect(r1).toContain('公司的餐具主要出口欧洲');
    expect(r1).toContain('车间部署了千兆工业环网，安装了防火墙。');
    expect(drafted(byId('R4')).all).toContain('公司主要生产猪、禽配合饲料和浓缩饲料。');
    expect(drafted(byId('R5')).all).toContain('公司曳引机自制率100%');
  });
});

describe('a production line list', () => {
  it('is counted only when no item counts its own lines (框绞线2条、挤塑线3条 are five lines, not two)', () => {
    expect(drafted(byId('R6')).form.values['ws.lines']!.text).toBe('框绞线2条、挤塑线3条');
    expect(drafted(byId('R1')).form.values['ws.lines']!.text).toBe('2条：滚压成型线、机器人施釉线');
  });
});

describe('the mark of a round figure', () => {
  it('is cleared by a new answer to its question, and never given to a model as a fact', () => {
    const { answers } = typedAnswers(ctx, byId('R1'));
    expect(approximateSaid(answers, 'form.employees', '人')).toBe('大概两百人');
    const r = applyFormAnswer(ctx, answers, 'form.employees', 203);
    expect(r.ok && approximateSaid(r.answers, 'form.employees', '人')).toBeUndefined();
    expect(r.ok && sessionDraftProfile(data, ctx, r.answers).profile.form.employees).toBe(203);
    const { profile } = sessionDraftProfile(data, ctx, answers);
    expect(profile.form.approximate?.length).toBeGreaterThan(0);
    expect(applicableProfile(ctx, profile).form.approximate).toBeUndefined();
  });
});
