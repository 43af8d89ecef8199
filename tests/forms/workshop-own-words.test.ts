import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { DraftProfile } from '../../server/schemas/forms';

/*
 * A workshop's cells hold what was said of that workshop or of the whole plant: words of a system that name another
 * workshop alone are never copied into this one's cells.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const draft = (said: string) => {
  const p = DraftProfile.parse({
    enterprise: { name: '某纸业', industryCode: '22' },
    productionMode: 'process',
    capabilities: { dcs: true, sis: true },
    form: { workshops: [{ name: '制浆车间' }, { name: '造纸车间' }], capabilityDetails: { dcs: said, sis: said } },
  });
  const f = fillForm(ctx, p, 'processFactory');
  return f.workshops.map((w) => Object.values(w.cells).map((c) => c.text).join('\n'));
};

describe('a workshop cell from what was said of that workshop', () => {
  it.each(['制浆车间的DCS是霍尼韦尔的，SIS也在用', '制浆车间用的霍尼韦尔DCS和SIS', 'DCS和SIS都在制浆车间，霍尼韦尔的'])('「%s」 goes to 制浆车间 only', (said) => {
    const [first, second] = draft(said);
    expect(first).toContain('霍尼韦尔');
    expect(second).not.toContain('霍尼韦尔');
  });

  it.each(['全厂DCS是霍尼韦尔的，SIS也在用', 'DCS用的霍尼韦尔，全线都用'])('near miss: 「%s」, said of the whole plant, may stand in either', (said) => {
    const [first, second] = draft(said);
    expect(first + second).toContain('霍尼韦尔');
  });
});
