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

/*
 * Words that name no workshop are said once: in the first workshop's cell of a form with several, as the unit's, never
 * copied into each workshop's. The other workshops' cells say where they stand, and ask for nothing more of them.
 */
describe('words naming no workshop, in a form of several workshops', () => {
  const cells = (cap: 'mes' | 'agvRgv' | 'autoId', said: string) => {
    const p = DraftProfile.parse({
      enterprise: { name: '某机械公司', industryCode: '34' },
      productionMode: 'discrete',
      capabilities: { [cap]: true },
      form: { workshops: [{ name: '装配车间' }, { name: '喷涂车间' }, { name: '机加车间' }], capabilityDetails: { [cap]: said } },
    });
    const f = fillForm(ctx, p, 'discreteFactory');
    const cell = cap === 'mes' ? 'ws.dispatch' : 'ws.logistics';
    return { texts: f.workshops.map((w) => w.cells[cell]!.text), elements: f.drafts['detail.elements']!.text };
  };
  const written = (t: string) => t.replace(/[，。]/gu, '');

  it.each([
    ['mes', 'MES用的是用友的，计划排产和报工都在上面', '用友', '制造执行系统（MES）'],
    ['agvRgv', '6台AGV负责车间送料', '送料', '智能运输设备'],
    ['autoId', '物料全部贴二维码，扫码出入库', '二维码', '自动识别'],
  ] as const)('%s 「%s」 stands in the first workshop\'s cell only', (cap, said, word, name) => {
    const { texts, elements } = cells(cap, said);
    const { note, refer } = ctx.formDrafting.workshopShared;
    expect(texts[0]).toContain(word);
    expect(texts[0]).toContain(note);
    for (const t of texts.slice(1)) {
      expect(t).not.toContain(word);
      // The yes is the unit's, stated in the first workshop's cell: a later one refers to it rather than claiming it again.
      expect(t).not.toContain(name);
      expect(t).toContain(refer.replace('{first}', '装配车间'));
      expect(t).not.toContain('〔请补充');
    }
    // 三 says the words once, and does not list the system again after them.
    expect(elements.split(word).length - 1).toBe(1);
    expect(written(elements)).not.toMatch(new RegExp(`${word}[^【]*公司应用[^【]*${name.replace(/[()（）]/gu, '.')}`, 'u'));
  });

  it('near miss: words naming the second workshop stand in its cell, not the first', () => {
    const { texts } = cells('mes', '喷涂车间的MES是用友的');
    expect(texts[1]).toContain('用友');
    expect(texts[0]).not.toContain('用友');
    expect(texts[2]).not.toContain('用友');
  });

  it('near miss: a single workshop\'s form states the words in its one cell', () => {
    const p = DraftProfile.parse({ enterprise: { name: '某机械公司', industryCode: '34' }, productionMode: 'discrete', capabilities: { mes: true }, form: { workshops: [{ name: '装配车间' }], capabilityDetails: { mes: 'MES用的是用友的' } } });
    expect(fillForm(ctx, p, 'discreteFactory').workshops[0]!.cells['ws.dispatch']!.text).toContain('用友');
  });
});
