import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { evaluateFacts } from '../../server/engine/assess';
import { emptyFacts } from '../../server/engine/facts';
import { DraftProfile } from '../../server/schemas/forms';

const kb = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { forms: kb.forms, formQuestions: kb.formQuestions, formDrafting: kb.formDrafting, templates: loadTemplates(), engine: kb };

// A chemical plant that never said its production mode: the engine infers 流程型 from the industry and the DCS.
const capabilities = { dcs: true, sis: true, rto: true, apc: false } as const;
const profile = DraftProfile.parse({ enterprise: { name: '濮阳某化工有限公司', industryCode: 'C26' }, scope: 'workshop', capabilities });

/** What section 三 says is missing under the element 生产线智能化运行: its requests for facts and its 「尚未…」 statements. */
function unmetText(d: { text: string }): string {
  const block = /【生产线智能化运行】([^【]*)/.exec(d.text)?.[1] ?? '';
  return [...[...block.matchAll(/〔请补充：([^〕]*)〕/g)].map((m) => m[1]!), ...[...block.matchAll(/[^。\n〕]*尚未[^。]*。/g)].map((m) => m[0])].join('；');
}

describe('section 三 of a process-mode workshop', () => {
  it('is judged by the engine on the process branch, unmet for want of APC', () => {
    const f = { ...emptyFacts(), scope: 'workshop' as const, capabilities: { ...capabilities } };
    f.enterprise.industryCode = '26';
    const ev = evaluateFacts(kb, f);
    expect(ev.mode).toBe('process');
    const c = ev.assessment.conditions.find((x) => x.clause === '三(一)4')!;
    expect(c.status).toBe('unmet');
    expect(c.missing).toContain('apc');
  });

  it('names the process requirement (APC) as unmet in the draft, never the discrete 柔性智能制造单元', () => {
    const d = draftSection(ctx, profile, 'smartWorkshop', 'detail.elements');
    expect(d.unmet).toContain('三(一)4');
    const t = unmetText(d);
    expect(t).toMatch(/APC|先进过程控制/);
    expect(d.text).not.toContain('柔性');
    expect(t).not.toContain('自动化成套');
  });

  it('follows a production mode the enterprise gave over the one its industry suggests', () => {
    const given = DraftProfile.parse({ ...profile, productionMode: 'discrete', capabilities: { automatedLines: true, flexibleCell: false } });
    const t = unmetText(draftSection(ctx, given, 'smartWorkshop', 'detail.elements'));
    expect(t).toMatch(/柔性(?:智能)?制造单元/);
    expect(t).not.toMatch(/APC|先进过程控制/);
  });
});
