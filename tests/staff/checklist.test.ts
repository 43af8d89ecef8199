import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { checklistOf } from '../../server/staff/bureau';
import { checklistGroups } from '../../web/console/components/zz-console-bureau';

const kb = loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023');
/** An applicant claiming every capability the interview asks about. */
const claimingAll = (mode: 'process' | 'discrete', value: unknown = true) => {
  const answers: Record<string, unknown> = { 'cat.productionMode': mode };
  for (const q of kb.interview.questions) if (q.sets?.startsWith('capabilities.')) answers[q.id] = value;
  return answers as never;
};

describe('the 初审 checklist', () => {
  it.each([
    ['processFactory', 'process', '三(三)5', ['dcs', 'scada', 'manufacturingControl', 'erp', 'wms', 'tankYard']],
    ['discreteFactory', 'discrete', '三(二)5', ['scada', 'mes', 'wms', 'erp']],
  ] as const)('%s lists each system once: its presence where it is asked for, its integration once under 系统集成', (category, mode, integration, joined) => {
    const list = checklistOf(kb, category, claimingAll(mode));
    const presence = list.filter((i) => i.kind === 'presence').map((i) => i.capability);
    expect(presence.length, 'no capability is checked for presence twice').toBe(new Set(presence).size);
    const under = list.filter((i) => i.clause === integration);
    const joins = under.filter((i) => i.kind === 'integration');
    expect(joins).toHaveLength(1);
    expect(joins[0]!.capability.split('+')).toEqual(joined);
    expect(joins[0]!.label).toMatch(/之间的系统集成$/);
    for (const cap of joined) expect(presence, cap).toContain(cap);
    expect(under.filter((i) => i.kind === 'presence' && (joined as readonly string[]).includes(i.capability))).toEqual([]);
    // The page shows one heading per element, in the notice's order.
    const groups = checklistGroups(list);
    expect(groups.map((g) => g.clause)).toEqual([...new Set(list.map((i) => i.clause))]);
  });

  // The reported checklist asked to verify 「三(三)5 …系统集成」 of an applicant that answered 没有 to 系统集成: only claims
  // are verified on site; the denied integration is a gap of the assessment, not an item to tick.
  it.each([
    ['processFactory', 'process', '三(三)5', false],
    ['discreteFactory', 'discrete', '三(二)5', false],
    ['processFactory', 'process', '三(三)5', null],
  ] as const)('%s: 系统集成 answered %s lists no integration to verify under %s', (category, mode, clause, value) => {
    const answers = { ...(claimingAll(mode) as Record<string, unknown>), 'cap.systemIntegration': value };
    const list = checklistOf(kb, category, answers as never);
    expect(list.filter((i) => i.clause === clause)).toEqual([]);
    // The systems it would join are still claimed, and still verified where they are asked for.
    expect(list.some((i) => i.capability === 'erp' && i.kind === 'presence')).toBe(true);
  });

  // Near miss: 系统集成 claimed in part still lists the integration, as partial only where a joined system is.
  it('系统集成 answered 部分 lists the integration under 三(三)5', () => {
    const answers = { ...(claimingAll('process') as Record<string, unknown>), 'cap.systemIntegration': 'partial' };
    const under = checklistOf(kb, 'processFactory', answers as never).filter((i) => i.clause === '三(三)5');
    expect(under.map((i) => i.kind)).toEqual(['presence', 'integration']);
  });

  it('marks the integration partial when a joined system is only partly in place', () => {
    const answers = claimingAll('process') as Record<string, unknown>;
    answers['cap.dcs'] = 'partial';
    const join = checklistOf(kb, 'processFactory', answers as never).find((i) => i.kind === 'integration')!;
    expect(join.claim).toBe('partial');
  });
});

describe('the 初审 checklist as the page prints it', () => {
  /** Every line the bureau's page prints for a checklist, in order: headings, requirement sentences, item labels. */
  const printed = (items: ReturnType<typeof checklistOf>) =>
    checklistGroups(items).flatMap((g) => [`${g.clause} ${g.element}`, ...g.requirements.flatMap((r) => [r.text, ...r.items.map((i) => `${i.kind === 'integration' ? '集成 ' : ''}${i.label}`)])]);
  /** Claims of several shapes: everything, everything partly, and each capability left out in turn. */
  const claimSets = (mode: 'process' | 'discrete') => {
    const caps = kb.interview.questions.filter((q) => q.sets?.startsWith('capabilities.')).map((q) => q.id);
    return [claimingAll(mode), claimingAll(mode, 'partial'), ...caps.map((left) => ({ ...(claimingAll(mode) as Record<string, unknown>), [left]: false }) as never)];
  };
  const cases = (['smartWorkshop', 'discreteFactory', 'processFactory'] as const).flatMap((category) => (['discrete', 'process'] as const).map((mode) => [category, mode] as const));

  it.each(cases)('%s (%s production) prints no line twice, however much is claimed', (category, mode) => {
    for (const answers of claimSets(mode)) {
      const lines = printed(checklistOf(kb, category, answers));
      const twice = lines.filter((l, i) => lines.indexOf(l) !== i);
      expect(twice, `${category}/${mode}: printed twice`).toEqual([]);
    }
  });

  it('prints a sentence naming several systems once, with each system it asks for beneath it (the ERP of 三(二)4, the ERP of 三(一)5)', () => {
    const discrete = checklistGroups(checklistOf(kb, 'discreteFactory', claimingAll('discrete'))).find((g) => g.clause === '三(二)4')!;
    const erpScm = discrete.requirements.find((r) => r.text.includes('企业资源计划系统（ERP）'))!;
    expect(erpScm.items.map((i) => i.capability)).toEqual(['erp', 'scm']);
    expect(discrete.requirements.filter((r) => r.text.includes('企业资源计划系统（ERP）'))).toHaveLength(1);
    const workshop = checklistGroups(checklistOf(kb, 'smartWorkshop', claimingAll('discrete'))).find((g) => g.clause === '三(一)5')!;
    const joined = workshop.requirements.filter((r) => r.text.includes('企业资源计划系统（ERP）'));
    expect(joined).toHaveLength(1);
    expect(joined[0]!.items.map((i) => i.capability)).toEqual(['erp', 'scadaMesErpIntegration']);
  });

  it('keeps one item per claimed capability: grouping changes how it is printed, not what is checked', () => {
    for (const [category, mode] of cases) {
      const items = checklistOf(kb, category, claimingAll(mode));
      expect(checklistGroups(items).flatMap((g) => g.requirements.flatMap((r) => r.items))).toHaveLength(items.length);
    }
  });
});
