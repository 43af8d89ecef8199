import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { fillForm } from '../../server/forms/fill';
import type { FormsContext } from '../../server/forms/draft';
import { typedWithoutHedges } from '../../server/forms/document-form';
import { DraftProfile } from '../../server/schemas/forms';

/*
 * A doubt in the middle of a typed cell (「应该有MES在用」, 「好像已经上了WMS」) makes its clause no claim to sign: the clause
 * is asked to be confirmed in its place, as a doubt at the end (「算吧」) or a guessed figure (「估计有80台」) already is.
 * The same words quoting a rule, or a noun (估算值, 大概率), are no doubt.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const read = (t: string) => typedWithoutHedges(data.formDrafting, t).text;

describe('a doubt inside a typed clause', () => {
  // Phrasings of our own.
  for (const [text, clause, kept] of [
    ['应该有SCADA在跑，覆盖三条产线', '应该有SCADA在跑', '覆盖三条产线'],
    ['仓库好像已经用上条码枪了', '仓库好像已经用上条码枪了', ''],
    ['ERP和MES估计已经打通，数据每天同步', 'ERP和MES估计已经打通', '数据每天同步'],
    ['质检似乎都接进了追溯系统。', '质检似乎都接进了追溯系统', ''],
    ['大概是去年上的安灯', '大概是去年上的安灯', ''],
  ] as const) {
    it(`asks to confirm 「${clause}」 in 「${text}」 and keeps the rest`, () => {
      const t = read(text);
      expect(t).toContain(`〔请补充：请核实“${clause}”（填写时表述不确定）〕`);
      expect(t.replace(/〔[^〕]*〕/gu, '')).not.toContain(clause);
      if (kept) expect(t).toContain(kept);
    });
  }
  // Near misses: a rule quoted, a quotation, nouns and a possibility are stated as typed.
  for (const text of ['按通知要求应该建有工业信息安全技术防护体系，公司已建成', '系统弹出“应该已经到期”的保养提醒', '能耗估算值由能源管理系统每日生成', '提前预测设备可能发生的故障', '大概率故障由系统提前预警', '已建成MES，应当覆盖全部工序']) {
    it(`states 「${text}」 as typed`, () => {
      expect(read(text)).toBe(text);
    });
  }
});

describe('a doubted clause in the drafted form', () => {
  it('is a request in its cell, listed as missing, never printed as a claim', () => {
    const form = { elements: { mgmt: 'ERP好像已经覆盖了销售和采购，月结由财务科每月完成' } };
    const p = DraftProfile.parse({ enterprise: { name: '许昌某有限公司' }, productionMode: 'discrete', capabilities: { erp: true }, form });
    const filled = fillForm(ctx, p, 'discreteFactory');
    const text = [...Object.values(filled.drafts), ...filled.workshops.flatMap((w) => Object.values(w.cells))].map((c) => c.text).join('\n');
    expect(text).not.toMatch(/(?<!请核实“)ERP好像已经覆盖了销售和采购/u);
    expect(text).toContain('月结由财务科每月完成');
    expect(JSON.stringify(filled)).toContain('请核实“ERP好像已经覆盖了销售和采购”');
  });
});
