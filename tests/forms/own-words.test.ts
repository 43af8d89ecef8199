import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { DraftProfile } from '../../server/schemas/forms';
import { NEW_ENTERPRISES } from '../fixtures/new-enterprises';

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
