import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { DraftProfile } from '../../server/schemas/forms';
import { NEW_ENTERPRISES, interviewAnswersOf } from '../fixtures/new-enterprises';
import { zipEntry } from '../fixtures/zip';
import { renderDocx } from '../../server/export/docx';
import { sessionDraftProfile } from '../../server/forms/session';
import type { Answers } from '../../server/schemas/interview';

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

  it('N14, a 分公司: the filled form carries 二(一) and its reason; the DOCX prints it before the first section', async () => {
    const e = byId('N14');
    const form = fillForm(ctx, profileOf(e), e.expected.drafted);
    expect(form.ineligible).toContain('二(一)');
    expect(form.ineligible).toContain(data.categoryRules.hard.notIndependent.reason);
    expect(form.ineligible!.startsWith(top.slice(0, 8))).toBe(true);
    const xml = (await zipEntry(await renderDocx(form), 'word/document.xml')).toString('utf8');
    const at = xml.indexOf('二(一)的申报条件');
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(xml.indexOf(form.spec.section1.title));
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
