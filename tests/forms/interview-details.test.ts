import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { formFactsFromAnswers } from '../../server/forms/phase';
import { DETAIL_PREFIX, detailOf } from '../../server/engine/interpret';
import { DraftProfile } from '../../server/schemas/forms';

/*
 * What an enterprise says of a capability beyond its yes in the interview is kept as a fact (`detail.cap.*`) and stated
 * in the cell of the drafted form that asks about that capability, traced to that fact; a bare yes keeps nothing.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates() };

describe('the words said beside a capability\'s yes', () => {
  for (const [text, kept] of [
    ['APC在精馏工段用了', 'APC在精馏工段用了'],
    ['MES覆盖两个车间', 'MES覆盖两个车间'],
    ['立库有3000个货位', '立库有3000个货位'],
    ['有，用的金蝶ERP', '用的金蝶ERP'],
    ['有哩，结晶工段上了APC', '结晶工段上了APC'],
    ['只有离心机做了预测性维护', '只有离心机做了预测性维护'],
  ] as const) {
    it(`keeps 「${kept}」 from 「${text}」`, () => {
      expect(detailOf(data, text)).toBe(kept);
    });
  }
  // Near misses: a reply that is only its answer, with a particle or the system's own name, says nothing more.
  for (const text of ['有哩', '有DCS', 'SIS有', '是的', '上了咧', '有制度', '部分有', '全自动哩']) {
    it(`keeps nothing from 「${text}」`, () => {
      expect(detailOf(data, text)).toBeUndefined();
    });
  }
});

describe('a capability detail in the drafted form', () => {
  const answers = { 'cap.apc': true, [`${DETAIL_PREFIX}cap.apc`]: 'APC在精馏工段用了', 'cap.autoWarehouse': true, [`${DETAIL_PREFIX}cap.autoWarehouse`]: '立库有3000个货位', 'cap.wms': false, [`${DETAIL_PREFIX}cap.wms`]: 'WMS用的富勒' };
  const form = formFactsFromAnswers(ctx, answers);

  it('is read into the form facts by capability', () => {
    expect(form.capabilityDetails).toEqual({ apc: 'APC在精馏工段用了', autoWarehouse: '立库有3000个货位', wms: 'WMS用的富勒' });
  });

  const cellsOf = (category: 'processFactory' | 'discreteFactory', capabilities: Record<string, boolean | 'partial'>) => {
    const p = DraftProfile.parse({ enterprise: { name: '新乡某有限公司' }, productionMode: category === 'processFactory' ? 'process' : 'discrete', capabilities, form });
    const filled = fillForm(ctx, p, category);
    return [...Object.values(filled.drafts), ...filled.workshops.flatMap((w) => Object.values(w.cells))];
  };
  const sentencesOf = (category: 'processFactory' | 'discreteFactory', capabilities: Record<string, boolean | 'partial'>) => {
    const p = DraftProfile.parse({ enterprise: { name: '新乡某有限公司' }, productionMode: category === 'processFactory' ? 'process' : 'discrete', capabilities, form });
    return Object.values(fillForm(ctx, p, category).drafts).flatMap((d) => d.sentences);
  };

  it('is stated in the cell that asks about its capability, traced to its fact', () => {
    // In document form: the reply's 「用了」 is the written 「投入使用」.
    const apc = sentencesOf('processFactory', { apc: true, dcs: true, wms: false }).find((c) => c.text.includes('APC在精馏工段投入使用'));
    expect(apc?.facts).toContain(`${DETAIL_PREFIX}cap.apc`);
    // The capability is stated once, in the enterprise's words, not listed again beside them.
    expect(apc?.text).not.toContain('先进过程控制系统（APC）');
  });

  it('traces a figure in it to that fact', () => {
    const cells = cellsOf('discreteFactory', { autoWarehouse: true, wms: false });
    // In document form: 立库 is written out as 立体仓库.
    const store = cells.find((c) => c.text.includes('立体仓库有3000个货位'));
    expect(store?.numbers).toContainEqual(expect.objectContaining({ value: '3000', source: `${DETAIL_PREFIX}cap.autoWarehouse` }));
  });

  it('claims no system the interview answered no to, whatever words were kept for it', () => {
    for (const category of ['processFactory', 'discreteFactory'] as const) expect(cellsOf(category, { apc: true, autoWarehouse: true, wms: false }).map((c) => c.text).join('')).not.toContain('富勒');
  });
});
