import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { applicableProfile, draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { DraftProfile } from '../../server/schemas/forms';
import { NEW_ENTERPRISES, interviewAnswersOf } from '../fixtures/new-enterprises';
import { zipEntry } from '../fixtures/zip';
import { renderDocx } from '../../server/export/docx';
import { sessionDraftProfile } from '../../server/forms/session';
import type { Answers } from '../../server/schemas/interview';
import { formPlan } from '../../server/forms/phase';
import { buildFormView } from '../../server/forms/form-view';

/*
 * A draft names what the enterprise said it has, and says at its top what the notice rules out,
 * for enterprises of the new set whose own words or hard conditions decide it.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const byId = (prefix: string) => NEW_ENTERPRISES.find((e) => e.id.startsWith(`${prefix}-`))!;
const profileOf = (e: (typeof NEW_ENTERPRISES)[number], form = e.form) =>
  DraftProfile.parse({ enterprise: e.profile.enterprise, scope: e.profile.scope, productionMode: e.profile.productionMode, capabilities: e.profile.capabilities, metrics: e.profile.metrics, form });

function allText(p: DraftProfile, c: (typeof NEW_ENTERPRISES)[number]['expected']['drafted']): string {
  const form = fillForm(ctx, p, c);
  const texts = Object.values(form.drafts).map((d) => d.text);
  const nWs = Math.max(1, p.form.workshops?.length ?? 0);
  for (const s of sectionIds(ctx, c).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) texts.push(draftSection(ctx, p, c, `${s.id}@${i}`).text);
  return texts.join('\n');
}

describe('the draft names the storage system the enterprise said it has', () => {
  const tankYard = ctx.formDrafting.capabilities.tankYard!;
  const [tank, yard] = tankYard.variants!;

  it('N18 runs a 溶媒罐区 and no stockyard: its draft names the tank-farm automation, not the notice\'s 「或堆场管理系统」', () => {
    const e = byId('N18');
    const text = allText(profileOf(e), e.expected.drafted);
    expect(text).toContain(tank!.name);
    expect(text).not.toContain(yard!.name);
    expect(text).not.toContain(tankYard.claim!);
  });

  it('an enterprise whose words name neither alternative keeps the claim as the question asked it', () => {
    const e = byId('N18');
    const form = { ...e.form, workshops: [{ name: '合成车间', lines: ['酶法合成装置'] }], elements: {} };
    const text = allText(profileOf(e, form), e.expected.drafted);
    expect(text).toContain(tankYard.claim!);
  });

  it('a stockyard named in the enterprise\'s words gives the stockyard system', () => {
    const e = byId('N18');
    const form = { ...e.form, workshops: [{ name: '合成车间', lines: ['酶法合成装置'] }, { name: '原料堆场', lines: ['煤堆场'] }], elements: {} };
    const text = allText(profileOf(e, form), e.expected.drafted);
    expect(text).toContain(yard!.name);
    expect(text).not.toContain(tankYard.claim!);
  });
});

describe('the draft of an enterprise the notice rules out says so at its top', () => {
  const top = ctx.formDrafting.messages.ineligibleTop!;

  // The note is the app's, shown in the draft panel; the DOCX is the form the applicant signs and carries no system notes.
  it('N14, a 分公司: the filled form carries 二(一) and its reason; the DOCX does not print it', async () => {
    const e = byId('N14');
    const form = fillForm(ctx, profileOf(e), e.expected.drafted);
    expect(form.ineligible).toContain('二(一)');
    expect(form.ineligible).toContain(data.categoryRules.hard.notIndependent.reason);
    expect(form.ineligible!.startsWith(top.slice(0, 8))).toBe(true);
    const xml = (await zipEntry(await renderDocx(form), 'word/document.xml')).toString('utf8');
    expect(xml).toContain(form.spec.section1.title);
    expect(xml).not.toContain('二(一)的申报条件');
    expect(xml).not.toContain(top.slice(0, 8));
  });

  it('N14 interviewed: the session\'s drafting profile keeps the 二(一) answer, so its draft says it too', () => {
    const e = byId('N14');
    const answers = Object.fromEntries(Object.entries(interviewAnswersOf(e)).filter(([, v]) => v !== undefined)) as Answers;
    const { profile } = sessionDraftProfile(data, ctx, answers);
    expect(fillForm(ctx, profile, e.expected.drafted).ineligible).toContain('二(一)');
  });

  it('an eligible enterprise\'s draft has no such line, whatever it left unanswered', () => {
    for (const id of ['N15', 'N16', 'N18']) {
      const e = byId(id);
      expect(fillForm(ctx, profileOf(e), e.expected.drafted).ineligible, id).toBeNull();
    }
    const e = byId('N16');
    const { profile } = sessionDraftProfile(data, ctx, { 'ent.registeredInHenan': true });
    expect(fillForm(ctx, profile, e.expected.drafted).ineligible).toBeNull();
  });
});

describe('a 分公司 has no 注册资本 of its own: its draft states no figure and asks for none', () => {
  const q = data.formQuestions.questions.find((x) => x.id === 'form.registeredCapital')!;
  const na = q.notApplicable!;
  const label = data.formDrafting.factLabels.registeredCapital!;

  it('the knowledge names an interview question that sets the drafting fact it tests', () => {
    expect(data.interview.questions.find((x) => x.id === na.question)?.sets).toBe(na.fact);
  });

  it('N14: 申报单位概况 says why in place of the figure; neither a request nor a figure is printed, in the draft or the DOCX', async () => {
    const e = byId('N14');
    // A figure typed for a branch is its head office's: it is not printed either.
    for (const form of [e.form, { ...e.form, registeredCapital: 12000 }]) {
      const filled = fillForm(ctx, profileOf(e, form), e.expected.drafted);
      const profile = filled.drafts['overview.profile']!;
      expect(profile.text).toContain(`注册资本${na.note}，`);
      expect(profile.missingFacts).not.toContain(label);
      expect(profile.numbers.map((n) => n.source)).not.toContain('form.registeredCapital');
      const all = Object.values(filled.drafts).map((d) => d.text).join('\n');
      expect(all).not.toContain('12000');
      expect(all).not.toContain(`〔请补充：${label}〕`);
      const xml = (await zipEntry(await renderDocx(filled), 'word/document.xml')).toString('utf8');
      expect(xml).toContain(na.note);
      expect(xml).not.toContain(`〔请补充：${label}〕`);
    }
  });

  it('N14: the 企业简介 sentence on capital is left out rather than stating the note, even with 资本性质 given', () => {
    const e = byId('N14');
    const intro = fillForm(ctx, profileOf(e, { ...e.form, capitalNature: '民营', registeredCapital: 12000 }), e.expected.drafted).drafts.enterpriseIntro!;
    expect(intro.text).not.toContain('注册资本');
    expect(intro.text).not.toContain('资本性质为民营');
    // The same facts of an independent company state it.
    const own = { ...e, profile: { ...e.profile, enterprise: { ...e.profile.enterprise, independentLegalPerson: true } } };
    const ownIntro = fillForm(ctx, profileOf(own, { ...e.form, capitalNature: '民营', registeredCapital: 12000 }), e.expected.drafted).drafts.enterpriseIntro!;
    expect(ownIntro.text).toContain('公司注册资本12000万元，资本性质为民营。');
  });

  it('an independent company\'s own figure is printed once, with its unit', () => {
    const e = byId('N16');
    const text = fillForm(ctx, profileOf(e), e.expected.drafted).drafts['overview.profile']!.text;
    expect(text).toContain(`注册资本${e.form!.registeredCapital}万元，`);
    expect(text).not.toContain('万元万元');
    const blank = fillForm(ctx, profileOf(e, { ...e.form, registeredCapital: undefined }), e.expected.drafted).drafts['overview.profile']!;
    expect(blank.text).toContain(`注册资本〔请补充：${label}〕，`);
    expect(blank.missingFacts).toContain(label);
  });

  it('a model drafting for a branch is not given a figure typed for it, and one for an independent company is', () => {
    const e = byId('N14');
    const typed = profileOf(e, { ...e.form, registeredCapital: 12000 });
    expect(applicableProfile(ctx, typed).form).not.toHaveProperty('registeredCapital');
    expect(applicableProfile(ctx, typed).form.name).toBe(e.form!.name);
    const own = profileOf({ ...e, profile: { ...e.profile, enterprise: { ...e.profile.enterprise, independentLegalPerson: true } } }, { ...e.form, registeredCapital: 12000 });
    expect(applicableProfile(ctx, own).form.registeredCapital).toBe(12000);
  });

  it('the form phase does not ask a branch for it, and the form view shows no field for it', () => {
    const branch: Answers = { [na.question]: na.value as boolean };
    expect(formPlan(ctx, branch, 'smartWorkshop').map((c) => c.id)).not.toContain(q.id);
    expect(formPlan(ctx, {}, 'smartWorkshop').map((c) => c.id)).toContain(q.id);
    const keys = (a: Answers) => buildFormView(ctx, a, 'smartWorkshop').sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields.map((f) => f.questionId))));
    expect(keys(branch)).not.toContain(q.id);
    expect(keys({})).toContain(q.id);
    // A figure already given stays visible, so that it can be cleared.
    expect(keys({ ...branch, [q.id]: 12000 })).toContain(q.id);
  });
});
