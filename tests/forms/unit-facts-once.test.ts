import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { DraftProfile, type DraftProfileInput } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';

/*
 * A yes the enterprise gave with no detail and of no workshop (「有MES」) is a fact of the whole unit: in the table of a
 * form with several workshops it is stated once, in the first workshop's cell with a note that it is the unit's, and
 * each later workshop's cell says where it stands. A fact said of one workshop stands in that workshop's cell only.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const { note, refer } = ctx.formDrafting.workshopShared;
const cap = (id: string) => ctx.formDrafting.capabilities[id as keyof typeof ctx.formDrafting.capabilities]!;

const cellTexts = (input: DraftProfileInput, category: Category, cell: string) => fillForm(ctx, DraftProfile.parse(input), category).workshops.map((w) => w.cells[cell]!.text);
const count = (texts: string[], word: string) => texts.join('\n').split(word).length - 1;

describe('a yes of no workshop in a table of several workshops', () => {
  it('as reported: 附件2 with two workshops states 「有MES、有SCADA」 once, in the first workshop, and refers to it after', () => {
    const texts = cellTexts(
      { enterprise: { name: '某汽配', industryCode: '36' }, productionMode: 'discrete', capabilities: { mes: true, scada: true }, form: { workshops: [{ name: '冲压车间' }, { name: '焊装车间' }] } },
      'discreteFactory',
      'ws.dispatch',
    );
    expect(count(texts, cap('mes').name)).toBe(1);
    expect(count(texts, cap('scada').name)).toBe(1);
    expect(texts[0].split(note).length - 1).toBe(1);
    expect(texts[1]).toContain(refer.replace('{first}', '冲压车间'));
  });

  it.each([
    // New phrasings of the same meaning: three workshops of a process plant, and a yes answered 部分 or 在建.
    ['processFactory', { dcs: true, sis: true }, 'ws.run', 'dcs', 3],
    ['discreteFactory', { agvRgv: 'partial', autoId: true }, 'ws.logistics', 'agvRgv', 2],
    ['discreteFactory', { mes: 'building' }, 'ws.dispatch', 'mes', 2],
  ] as const)('%s: %j is stated once in %s over the workshops', (category, caps, cell, id, n) => {
    const workshops = ['一车间', '二车间', '三车间'].slice(0, n).map((name) => ({ name }));
    const texts = cellTexts({ enterprise: { name: '某企业' }, productionMode: category === 'processFactory' ? 'process' : 'discrete', capabilities: caps, form: { workshops } }, category, cell);
    expect(count(texts, cap(id).claim ?? cap(id).name), texts.join('\n')).toBe(1);
    for (const t of texts.slice(1)) expect(t).toContain(refer.replace('{first}', '一车间'));
  });

  it('a yes an enterprise-level cell states (信息安全技术防护) stands there, in no workshop cell', () => {
    const f = fillForm(ctx, DraftProfile.parse({ enterprise: { name: '某汽配' }, productionMode: 'discrete', capabilities: { securityProtection: true, industrialNetwork: true }, form: { workshops: [{ name: '冲压车间' }, { name: '焊装车间' }] } }), 'discreteFactory');
    const ws = f.workshops.map((w) => w.cells['ws.infra']!.text);
    expect(f.values.infra!.text).toContain('技术防护体系');
    expect(count(ws, '技术防护体系')).toBe(0);
    expect(count(ws, '车间级工业通信网络')).toBe(1);
  });

  it('a fact said of the second workshop stands in its cell only, with no note of the unit', () => {
    const texts = cellTexts(
      { enterprise: { name: '某汽配' }, productionMode: 'discrete', capabilities: { mes: true }, form: { workshops: [{ name: '冲压车间' }, { name: '焊装车间', descriptions: { 'ws.dispatch': '焊装车间MES按订单排产，报工数据实时上传。' } }] } },
      'discreteFactory',
      'ws.dispatch',
    );
    expect(texts[1]).toContain('焊装车间MES按订单排产');
    expect(texts[0]).not.toContain('按订单排产');
  });

  it('near miss: a form of one workshop states the yes in its one cell, with no note and no reference', () => {
    const texts = cellTexts({ enterprise: { name: '某汽配' }, productionMode: 'discrete', capabilities: { mes: true }, form: { workshops: [{ name: '冲压车间' }] } }, 'discreteFactory', 'ws.dispatch');
    expect(texts[0]).toContain(cap('mes').name);
    expect(texts[0]).not.toContain(note);
    expect(texts[0]).not.toContain('见冲压车间');
  });

  it('near miss: a 「没有」 is no fact to state once: each workshop asks about its own', () => {
    const texts = cellTexts({ enterprise: { name: '某汽配' }, productionMode: 'discrete', capabilities: { andon: false }, form: { workshops: [{ name: '冲压车间' }, { name: '焊装车间' }] } }, 'discreteFactory', 'ws.dispatch');
    for (const t of texts) expect(t).not.toContain(refer.replace('{first}', '冲压车间'));
    for (const t of texts) expect(t).toContain('〔请补充：');
  });
});
