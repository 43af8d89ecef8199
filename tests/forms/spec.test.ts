import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { allFields } from '../../server/forms/spec';
import type { Category } from '../../server/schemas/profile';

const kb = loadKnowledgeData('knowledge', 'henan-2023');
const notice = readFileSync('knowledge/henan-2023/source/notice.txt', 'utf8').replace(/\s+/g, '');
const categories: Category[] = ['smartWorkshop', 'discreteFactory', 'processFactory'];

describe('form specifications', () => {
  it.each(categories)('%s has unique field ids, each with label, clause and kind', (cat) => {
    const fields = allFields(kb.forms[cat]!);
    const ids = fields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of fields) {
      expect(f.label.length, f.id).toBeGreaterThan(0);
      expect(f.clause.startsWith(kb.forms[cat]!.attachment), f.id).toBe(true);
    }
  });

  it.each(categories)('%s: every figure with a unit on the form keeps that unit in its fact label (a document suggestion, a 请补充 shows it)', (cat) => {
    // Every row or cell of the form that has a unit and a fact, wherever it sits in the spec.
    const withUnit: { fact: string; unit: string }[] = [];
    const walk = (o: unknown): void => {
      if (Array.isArray(o)) o.forEach(walk);
      else if (o && typeof o === 'object') {
        const r = o as { fact?: unknown; unit?: unknown };
        if (typeof r.fact === 'string' && typeof r.unit === 'string') withUnit.push({ fact: r.fact, unit: r.unit });
        Object.values(o).forEach(walk);
      }
    };
    walk(kb.forms[cat]);
    expect(withUnit.map((x) => x.fact)).toEqual(expect.arrayContaining(['finance.{col}.revenue', 'finance.{col}.totalAssets']));
    for (const { fact, unit } of withUnit) {
      const key = fact.replace(/\.\{col\}|\.\{i\}|\.\d+/g, '');
      expect(kb.formDrafting.factLabels[key], key).toContain(`（${unit}）`);
    }
  });

  it.each(['discreteFactory', 'processFactory'] as Category[])('%s quotes every cell hint verbatim from the notice', (cat) => {
    for (const f of allFields(kb.forms[cat]!)) {
      if (f.hint) expect(notice, `${f.id} hint`).toContain(f.hint.replace(/\s+/g, ''));
    }
  });

  it('marks every reconstructed 附件1 field as inferred, and keeps the surviving fragments verbatim', () => {
    const fields = allFields(kb.forms.smartWorkshop!);
    const verbatim = fields.filter((f) => !f.inferred);
    // Only fields whose label or hint survives in our truncated copy may be unmarked.
    for (const f of verbatim) expect(notice, f.id).toContain((f.hint ?? f.label).replace(/\s+/g, ''));
    expect(fields.find((f) => f.id === 'ws.batch')!.hint).toBe('（请简要说明产品采用批号/批次/序列号管理的情况）');
    expect(kb.forms.smartWorkshop!.provenance).toMatch(/截断/);
  });

  it.each(categories)('%s gives 企业简介 and 建设情况简述 the 400字左右 target', (cat) => {
    const fields = allFields(kb.forms[cat]!);
    for (const id of ['enterpriseIntro', 'constructionSummary']) {
      expect(fields.find((f) => f.id === id)!.target).toMatchObject({ text: '400字左右', min: 360, max: 440 });
    }
  });

  it('lists the 效益指标 rows with their units for factories and the 车间人数 rows for the workshop form', () => {
    const labels = (cat: Category) =>
      kb.forms[cat]!.section1.blocks.flatMap((b) => (b.type === 'matrix' ? b.rows.map((r) => r.label) : []));
    expect(labels('discreteFactory')).toEqual(
      expect.arrayContaining(['生产效率（万元/人/天）', '运营成本（万元/天）', '产品升级周期（天）', '产品不良品率（%）', '单位产值能耗（吨标准煤/万元）', '资产负债率（%）']),
    );
    expect(labels('smartWorkshop')).toEqual(expect.arrayContaining(['建设完成前车间人数', '建设完成后车间人数', '建设完成前每人每天产出水平（万元/人/天）']));
  });

  it('orders the 三 elements of each form as the notice numbers them', () => {
    expect(kb.forms.smartWorkshop!.section3.elements.map((e) => e.clause)).toEqual(['三(一)1', '三(一)2', '三(一)3', '三(一)4', '三(一)5', '三(一)6', '三(一)7']);
    expect(kb.forms.processFactory!.section3.elements.map((e) => e.clause)).toEqual(['三(三)1', '三(三)2', '三(三)3', '三(三)4', '三(三)5', '三(三)6']);
  });

  it('numbers the 四 attachments per form: patents only for factories', () => {
    expect(kb.forms.smartWorkshop!.section4.items.map((i) => i.id)).not.toContain('patents');
    expect(kb.forms.discreteFactory!.section4.items.find((i) => i.id === 'video')!.clause).toBe('附件2.四(六)');
    expect(kb.forms.smartWorkshop!.section4.items.find((i) => i.id === 'diagnosis')!.clause).toBe('附件1.四(三)');
  });
});
