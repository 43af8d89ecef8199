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

  it('marks the integration partial when a joined system is only partly in place', () => {
    const answers = claimingAll('process') as Record<string, unknown>;
    answers['cap.dcs'] = 'partial';
    const join = checklistOf(kb, 'processFactory', answers as never).find((i) => i.kind === 'integration')!;
    expect(join.claim).toBe('partial');
  });
});
