import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { fillForm } from '../../server/forms/fill';
import { renderDocx } from '../../server/export/docx';
import { DraftProfile } from '../../server/schemas/forms';
import { completeFixtures, sparse } from '../forms/fixtures';
import { docxText } from '../fixtures/zip';

/*
 * The exported DOCX is the official 附件1/2/3 the applicant signs: cover, 一 to 四 in the form's order, and nothing
 * after 四's list of attachments. What the app tells the applicant (the materials self-check list, a reminder to
 * attach each material, the notice's bar to this enterprise, the system's checks) stays in the app.
 */
const ctx = { ...loadKnowledgeData('knowledge', 'henan-2023'), templates: loadTemplates() };
const SYSTEM_WORDS = ['申报材料清单', '自查用', '提交前删除', '【请附', '系统校验', '智造申报助手'];

describe('the exported DOCX', () => {
  for (const [name, profile, category] of [
    ['附件1', completeFixtures.smartWorkshop, 'smartWorkshop'],
    ['附件2', completeFixtures.discreteFactory, 'discreteFactory'],
    ['附件3 with missing facts', sparse, 'processFactory'],
  ] as const)
    it(`${name}: follows the form's sections in order and ends with 四's attachments, with no self-check list or system note`, async () => {
      const form = fillForm(ctx, DraftProfile.parse(profile), category);
      const text = docxText(await renderDocx(form));
      for (const w of SYSTEM_WORDS) expect(text, w).not.toContain(w);
      const order = ['一、企业基本信息', '二、企业情况概述', '三、', '四、相关附件'].map((s) => text.indexOf(s));
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      // The last words are 四's last item, as the notice lists it.
      const last = form.spec.section4.items.at(-1)!;
      expect(text.trimEnd().endsWith(`${last.detail}${last.where ? `（${last.where}）` : ''}。`)).toBe(true);
    });

  it('prints no bar of the notice for an enterprise it rules out: the app says that, the signed form does not', async () => {
    const form = fillForm(ctx, DraftProfile.parse(completeFixtures.discreteFactory), 'discreteFactory');
    const note = '本企业为分公司，不符合通知二(一)的申报条件';
    const text = docxText(await renderDocx({ ...form, ineligible: note }));
    expect(text).not.toContain(note);
    // The same form, the same text: the note changes nothing of the document.
    expect(text).toBe(docxText(await renderDocx(form)));
  });
});
