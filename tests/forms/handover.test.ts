import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { createRules } from '../../server/chat/rules';
import { createFormPhase } from '../../server/forms/phase';

const data = loadKnowledgeData('knowledge', 'henan-2023');
const rules = createRules(createKnowledgeBase(data), createFormPhase(data));

describe('hand-over from the assessment interview to the form phase', () => {
  it('routes form.* answers and typed text to the form phase through the chat rules', () => {
    const r = rules.apply({}, 'form.registeredCapital', 12000);
    expect(r).toMatchObject({ ok: true, recorded: [{ questionId: 'form.registeredCapital', display: '12000万元' }] });
    const bad = rules.apply({}, 'form.registeredCapital', -1);
    expect(bad).toMatchObject({ ok: false });
    const pending = { id: 'form.foundedOn', text: '企业成立时间？', kind: 'date' as const, phase: 'form' as const };
    expect(rules.interpret('2009年5月18日', pending)).toEqual({ kind: 'answers', items: [{ questionId: 'form.foundedOn', value: '2009-05-18' }] });
  });
});
