import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { assess } from '../../server/engine';
import { buildGapReport, renderGapReport } from '../../server/export/report';
import { Profile } from '../../server/schemas/profile';
import { PROFILE_FIXTURES } from '../fixtures/profiles';
import { docxText } from '../fixtures/zip';

/* The report's plan lists each system to build once: one two elements read is planned under the first, and the other refers back. */
const kb = loadKnowledgeData(resolve(__dirname, '../../knowledge'), 'henan-2023');
const base = PROFILE_FIXTURES.find((f) => f.id === 'P11')!.profile;
const planOf = (caps: Record<string, boolean>) =>
  buildGapReport(kb.formDrafting, null, assess(kb, Profile.parse({ ...base, scope: 'factory', capabilities: { ...base.capabilities, ...caps } })), {}).plan;
const stepNames = (plan: ReturnType<typeof planOf>) => plan.flatMap((e) => e.steps.map((s) => s.name));
const name = (id: string) => (kb.formDrafting.capabilities as Record<string, { name: string } | undefined>)[id]?.name ?? id;

describe('the report plan of a process factory', () => {
  it('SCADA and 制造管控系统 lacking: built once, under 生产制造; 系统集成 refers back to it', () => {
    const plan = planOf({ scada: false, manufacturingControl: false });
    const names = stepNames(plan);
    expect(names.filter((n) => n === name('scada'))).toHaveLength(1);
    expect(names.filter((n) => n === name('manufacturingControl'))).toHaveLength(1);
    const integration = plan.find((e) => e.title === '系统集成')!;
    expect(integration.steps).toEqual([]);
    expect(integration.seeAbove).toEqual({ names: [name('scada'), name('manufacturingControl')], where: ['生产制造'] });
  });

  it.each<Record<string, boolean>>([{ erp: false }, { dcs: false }, { scada: false, erp: false }])('%o lacking: every step once', (caps) => {
    const names = stepNames(planOf(caps));
    expect(names.length).toBe(new Set(names).size);
    for (const id of Object.keys(caps)) expect(names).toContain(name(id));
  });

  it('near miss: a system one element reads is planned there, with no reference', () => {
    const plan = planOf({ energyManagement: false });
    expect(stepNames(plan)).toContain(name('energyManagement'));
    expect(plan.every((e) => !e.seeAbove)).toBe(true);
  });

  it('the document says the reference in the wording of form-drafting.json', async () => {
    expect(kb.formDrafting.report.labels.seeAbove).toMatch(/\{names\}.*\{where\}/u);
    const report = buildGapReport(kb.formDrafting, null, assess(kb, Profile.parse({ ...base, scope: 'factory', capabilities: { ...base.capabilities, scada: false } })), {});
    const text = docxText(await renderGapReport(report));
    expect(text).toContain(`另涉及${name('scada')}：已列在上文“生产制造”中`);
    expect(text.split(`建设：${name('scada')}`).length).toBe(2);
  });
});
