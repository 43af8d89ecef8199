import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { sessionDraftProfile } from '../../server/forms/session';
import { fillForm, signedForm } from '../../server/forms/fill';
import { markApproximate } from '../../server/forms/phase';
import type { Answers } from '../../server/schemas/interview';
import type { Category } from '../../server/schemas/profile';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';
import { typedAnswers } from '../forms/typed-enterprises';
import { exportedDocxText, exportedPdfText, hasPdftotext } from '../forms/export-text';
import { build, type Built } from '../helper';

/*
 * The exported DOCX and PDF are the form the applicant signs and the bureau reads: a missing fact is asked for by its
 * name alone. What the app tells the applicant about it (the round figure as typed in the chat, a system the
 * enterprise said it lacks) and the system's checks of the facts stay in the app.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };

const SAID = '百分之八十五左右';
const scope: Record<Category, Answers> = {
  smartWorkshop: { 'cat.scope': 'workshop', 'cat.productionMode': 'discrete' },
  discreteFactory: { 'cat.scope': 'factory', 'cat.productionMode': 'discrete' },
  processFactory: { 'cat.scope': 'factory', 'cat.productionMode': 'process' },
};

/** An enterprise that gave its ratios round in the chat, lacks systems the elements ask for and typed a cell the interview contradicts. */
function profileOf(category: Category) {
  const interview: Answers = {
    ...ELIGIBLE_NO_PRIORITY,
    'ent.city': '郑州市',
    'ent.industryCode': 'C3484',
    ...scope[category],
    ...caps({ industrialNetwork: true, mes: false, erp: true, scada: false, andon: false }),
    'metric.automationRatio': 85,
    'metric.networkedRatio': 85,
  };
  const { answers: typed } = typedAnswers(ctx, {
    id: category,
    category,
    interview,
    typed: [['form.proceed', '继续'], ['form.name', '郑州恒达精密机械有限公司'], ['form.employees', '大概两百人'], ['form.cell.ws.run.1', 'MES计划2024年上线，目前用Excel排产。']],
    unclear: [],
  });
  const answers = markApproximate(markApproximate(typed, 'metric.automationRatio', SAID), 'metric.networkedRatio', SAID);
  return sessionDraftProfile(data, ctx, answers).profile;
}

let built: Built;
beforeAll(async () => {
  built = await build();
}, 120_000);
afterAll(async () => {
  await built?.close();
});

const NOTES = [ctx.formDrafting.requests.lackingNote, '已答', SAID, '系统校验提示'];

describe('the exported form', () => {
  it.each(Object.keys(scope) as Category[])('names only the missing fact in each placeholder and prints no check or chat note (%s)', async (category) => {
    const profile = profileOf(category);
    // In the app the notes are there to be read: the drafts say what was answered and what is lacking.
    const appText = Object.values(ctx.forms[category].section3.items).map((it) => draftSection(ctx, profile, category, it.section).text).join('\n');
    // A system the enterprise lacks is left to it as a request, with a note in the app that it said it lacks it.
    const note = ctx.formDrafting.requests.lackingNote;
    const lacking = [...appText.matchAll(/〔请补充：[^〕]*〕/gu)].map((m) => m[0]).filter((x) => x.includes(note));
    expect(lacking.length).toBeGreaterThan(0);
    const text = await exportedDocxText(built.app, profile, category);
    expect(text).toContain('郑州恒达精密机械有限公司');
    for (const w of NOTES) expect(text, w).not.toContain(w);
    // The requests are still there, by the fact's name; the lacking systems' requests print without the app's note.
    const placeholders = [...text.matchAll(/〔请补充：([^〕]*)〕/gu)].map((m) => m[1]!);
    expect(placeholders.length).toBeGreaterThan(0);
    for (const x of lacking) expect(text, x).toContain(x.replace(note, ''));
  }, 60_000);

  it('asks for a round figure\'s exact value by its name in the DOCX, without the words typed for it', async () => {
    const text = await exportedDocxText(built.app, profileOf('smartWorkshop'), 'smartWorkshop');
    expect(text).toContain('〔请补充：设备联网率的准确数字〕');
    expect(text).not.toContain(SAID);
  }, 60_000);

  it('leaves the notes out of a draft the user edited in the app, keeping the request and the user\'s words', () => {
    const note = ctx.formDrafting.requests.lackingNote;
    const own = `车间上线了ERP。〔请补充：MES 的排产与调度应用情况${note}；ERP 覆盖的业务范围〕〔请补充：设备联网率的准确数字（已答“约85%”）〕`;
    const form = signedForm(ctx, fillForm(ctx, profileOf('smartWorkshop'), 'smartWorkshop', { 'detail.elements': own }));
    expect(form.drafts['detail.elements']!.text).toBe('车间上线了ERP。〔请补充：MES 的排产与调度应用情况；ERP 覆盖的业务范围〕〔请补充：设备联网率的准确数字〕');
    expect(form.drafts['detail.elements']!.missingFacts).toEqual(['MES 的排产与调度应用情况；ERP 覆盖的业务范围', '设备联网率的准确数字']);
  });

  it.skipIf(!hasPdftotext)('prints no chat words or checks in the PDF either', async () => {
    const text = await exportedPdfText(built.app, profileOf('discreteFactory'), 'discreteFactory');
    if (text === null) return;
    expect(text).toContain('郑州恒达精密机械有限公司');
    for (const w of NOTES) expect(text, w).not.toContain(w);
  }, 180_000);
});
