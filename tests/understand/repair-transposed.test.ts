import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { understanderFor } from '../../server/understand';

const u = understanderFor(loadKnowledgeData('knowledge', 'henan-2023'));

describe('a system name typed with two neighbouring letters swapped', () => {
  it('reads mse as mes, epr as erp and wsm as wms, and says so', () => {
    for (const [typed, meant] of [['mse', 'mes'], ['epr', 'erp'], ['wsm', 'wms']] as const) {
      const r = u.understand(`我们没上${typed}系统`);
      expect(r.text, typed).toContain(meant);
      expect(r.corrections.some((c) => c.from === typed && c.to === meant && c.kind === 'typo'), typed).toBe(true);
    }
  });

  it('leaves known words and words that match no system alone', () => {
    expect(u.understand('hello world').text).toBe('hello world');
    expect(u.understand('我们有mes').corrections).toEqual([]);
  });
});
