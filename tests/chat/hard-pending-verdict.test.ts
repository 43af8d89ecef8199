import { describe, expect, it } from 'vitest';
import { phrases } from '../../server/chat/phrases';
import type { Assessment } from '../../server/schemas/profile';

/** The chat's verdict names a hard condition left 不清楚 by its clause, and never says every condition is met beside it. */
const names = { category: (c: string) => ({ smartWorkshop: '智能车间', discreteFactory: '离散型智能工厂', processFactory: '流程型智能工厂' })[c] ?? c, capability: (id: string) => id };
const met: Assessment = {
  eligible: true,
  verdict: 'qualified',
  blocking: [],
  pending: [],
  category: { recommended: 'smartWorkshop', reasons: [], alternatives: [] },
  conditions: [{ clause: '三(一)1', title: '信息基础设施安全可靠', status: 'met', missing: [], unknown: [], advice: '' }],
  notes: [],
  knowledgeVersion: 'henan-2023',
};

describe('the verdict with hard conditions left unanswered', () => {
  it.each([[[{ clause: '二(四)', title: '严重违法失信名单' }]], [[{ clause: '二(一)', title: '具有独立法人资格' }, { clause: '四(一)', title: '当年限报1个' }]]])(
    'names each by its clause and does not say 可以着手申报 (%j)',
    (pending) => {
      const text = phrases.verdict({ ...met, verdict: 'incomplete', pending }, names);
      expect(text).toContain('尚待确认');
      for (const p of pending) expect(text).toContain(`${p.clause}${p.title}`);
      expect(text).not.toContain('可以着手申报');
    },
  );

  it('near miss: with every hard condition answered it says so as before', () => {
    const text = phrases.verdict(met, names);
    expect(text).toContain('可以着手申报');
    expect(text).not.toContain('尚待确认');
  });
});
