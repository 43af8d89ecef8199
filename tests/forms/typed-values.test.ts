import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { applyFormAnswer, interpretForm, planForm } from '../../server/forms/phase';
import { checkFormValue } from '../../server/forms/form-view';
import { fillForm } from '../../server/forms/fill';
import { loadTemplates } from '../../server/forms/template';
import { DraftProfile } from '../../server/schemas/forms';
import { formFactsFromAnswers } from '../../server/forms/phase';

const kb = loadKnowledgeData('knowledge', 'henan-2023');
const ctx = { forms: kb.forms, formQuestions: kb.formQuestions, formDrafting: kb.formDrafting, industries: kb.industries, templates: loadTemplates(), engine: kb };
const pending = (id: string, kind: 'number' | 'text', unit?: string) => ({ id, text: '', kind, ...(unit ? { unit } : {}), phase: 'form' as const });
/** What the chat reads from a reply to a field, and what the form view keeps when the same words are typed into it. */
const chat = (id: string, text: string, kind: 'number' | 'text' = 'number', unit?: string) => interpretForm(kb, text, pending(id, kind, unit));
const formView = (id: string, text: string) => checkFormValue(kb, {}, 'smartWorkshop', id, text);

describe('a figure typed in a percentage field', () => {
  it('is the percentage typed: a bare decimal that may also be a fraction of one is asked back, in the chat and the form view alike', () => {
    expect(planForm(kb, {}, 'smartWorkshop').question).not.toBeNull();
    for (const [said, fraction] of [['0.6', '60'], ['0.4', '40'], ['0.35', '35'], ['1.0', '100']] as const)
      for (const id of ['form.ind.defectRate.before', 'form.ind.defectRate.after']) {
        // Before, 「0.6」 was stored as 60 in both: a 不良品率 of 0.6% printed as 60%, and a fall printed as a rise of 3900%.
        const read = chat(id, said, 'number', '%');
        expect(read, said).toMatchObject({ kind: 'unclear', reason: 'percentOrFraction', field: expect.stringContaining('不良品率') });
        expect(read.kind === 'unclear' && read.choices?.[2], said).toBe(fraction);
        const checked = formView(id, said);
        expect(checked.ok, said).toBe(false);
        expect(!checked.ok && checked.error, said).toContain(`${fraction}%`);
      }
  });

  it('keeps a figure with its sign, a figure above one and a whole number as typed, never rescaled', () => {
    const id = 'form.ind.defectRate.after';
    for (const [said, value] of [['0.6%', 0.6], ['0.3%', 0.3], ['百分之零点六', 0.6], ['1.5', 1.5], ['2', 2], ['0', 0], ['12.5', 12.5]] as const) {
      expect(chat(id, said, 'number', '%'), said).toEqual({ kind: 'answers', items: [{ questionId: id, value }] });
      expect(formView(id, said), said).toMatchObject({ ok: true, value });
    }
  });

  it('prints a fall of the 不良品率 as a fall: 1.5% before and 0.6% after', () => {
    let answers = {};
    for (const [id, v] of [['form.ind.defectRate.before', 1.5], ['form.ind.defectRate.after', 0.6]] as const) {
      const r = applyFormAnswer(kb, answers, id, v);
      expect(r.ok).toBe(true);
      if (r.ok) answers = r.answers;
    }
    const form = fillForm(ctx, DraftProfile.parse({ form: formFactsFromAnswers(kb, answers) }), 'smartWorkshop');
    const text = Object.values(form.drafts).map((d) => d.text).join('\n');
    expect(text).toMatch(/不良品率由1\.5%降低至0\.6%/u);
    expect(text).not.toMatch(/提升至60|3900/u);
  });
});

describe('a figure typed in a 万元 field', () => {
  const money = ['form.finance.2022.totalAssets', 'form.registeredCapital', 'form.project.investment', 'form.ind.outputValue.before'];
  it('is in 万元 when no unit is said: a 万 inside a Chinese numeral is a place of the figure, not the unit', () => {
    // Before, 「一万五千」 was stored as 1.5 and 「三万二千」 as 3.2, giving a 资产负债率 of 466666.7%.
    for (const [said, value] of [['一万五千', 15000], ['三万二千', 32000], ['一万五', 15000], ['1万5', 15000], ['两万三千五百', 23500], ['15000', 15000]] as const)
      for (const id of money) {
        expect(chat(id, said, 'number', '万元'), `${id} ${said}`).toEqual({ kind: 'answers', items: [{ questionId: id, value }] });
        expect(formView(id, said), `${id} ${said}`).toMatchObject({ ok: true, value });
      }
  });

  it('converts only a unit said: 元, 万元, 亿元, 千元, or a 万 or 亿 that closes the figure as its unit', () => {
    for (const [said, value] of [['1.2亿', 12000], ['1.2亿元', 12000], ['3000万', 3000], ['两千万', 2000], ['一亿二千万', 12000], ['一万五千元', 1.5], ['500000元', 50], ['50千元', 5], ['3000万元', 3000], ['1亿5', 15000]] as const) {
      const id = 'form.finance.2022.totalAssets';
      expect(chat(id, said, 'number', '万元'), said).toEqual({ kind: 'answers', items: [{ questionId: id, value }] });
      expect(formView(id, said), said).toMatchObject({ ok: true, value });
    }
  });

  it('reads a rate in 万元 a day by the field\'s range: a 万 that can only be its unit is read so, one that may be either is asked', () => {
    // 15000万元 and 1.5万元 a day are both a cost some applicant has: asked which, never one of them in silence.
    expect(formView('form.ind.operatingCost.before', '一万五千')).toMatchObject({ ok: false, error: expect.stringContaining('是1.5万元，还是15000万元') });
    // 105000万元 a day (over 3000亿 a year) is no applicant's: 「十万五」 as said is 10.5万元.
    for (const [said, value] of [['十万五', 10.5], ['每天十二万五', 12.5], ['二十万五', 20.5]] as const)
      expect(formView('form.ind.operatingCost.before', said), said).toMatchObject({ ok: true, value });
    expect(formView('form.ind.productivity.before', '0.266万元')).toMatchObject({ ok: true, value: 0.266 });
  });
});

describe('a phone number', () => {
  it('refuses a mobile that is no mobile, saying how many digits were typed, and keeps nothing', () => {
    for (const said of ['1383790123', '138379012345', '12837901234', '23837901234']) {
      const r = applyFormAnswer(kb, {}, 'form.contact.mobile', said);
      expect(r.ok, said).toBe(false);
      expect(!r.ok && r.error, said).toContain(`「${said}」是${said.length}位`);
      expect(formView('form.contact.mobile', said).ok, said).toBe(false);
    }
    // A landline is no mobile either.
    expect(applyFormAnswer(kb, {}, 'form.contact.mobile', '0371-65507698').ok).toBe(false);
  });

  it('takes mobiles and landlines with their area code in a phone field, and refuses what is neither', () => {
    for (const said of ['13837112345', '+86 138 3711 2345', '0371-65507698', '0371—65507698', '037165507698', '(0371)65507698', '（0371）65507698', '010-88886666', '0371-65507698转8001', '0371-65507698/13837112345', '400-123-4567'])
      for (const id of ['form.contact.phone', 'form.leader.phone']) expect(applyFormAnswer(kb, {}, id, said).ok, `${id} ${said}`).toBe(true);
    for (const said of ['1383790123', '65507698', '0371-655', '12345', '0371-05507698'])
      for (const id of ['form.contact.phone', 'form.leader.phone']) {
        const r = applyFormAnswer(kb, {}, id, said);
        expect(r.ok, `${id} ${said}`).toBe(false);
        expect(!r.ok && r.error, said).toContain('0371-65507698');
      }
    for (const said of ['13837112345', '13937300001', '+8613837112345']) expect(applyFormAnswer(kb, {}, 'form.contact.mobile', said).ok, said).toBe(true);
  });

  it('is asked back in the chat with the reason when a reply to the mobile question is short of a digit', () => {
    const read = chat('form.contact.mobile', '1383790123', 'text');
    // The reply is read as the field's value; storing it is refused with the reason, which the chat says.
    expect(read).toEqual({ kind: 'answers', items: [{ questionId: 'form.contact.mobile', value: '1383790123' }] });
  });
});

describe('a change in a 提升/降低比例 cell', () => {
  const facts = (before: number, after: number) => DraftProfile.parse({ form: { indicators: { defectRate: { before, after } } } });
  it('holds the size of a change the way its heading says, and says a change the other way in words', () => {
    // 附件1 heads the cell 降低比例（%）: before, a fall of 1.5% → 0.6% printed -60.0 there, a rise and a fall at once.
    const ws = (b: number, a: number) => fillForm(ctx, facts(b, a), 'smartWorkshop').matrices.quality!.at(-1)![0]!.text;
    expect(ws(1.5, 0.6)).toBe('60.0');
    expect(ws(0.6, 1.5)).toBe('提升150.0');
    // 附件2 heads the column 提升/降低比例（%）: the direction is said each time.
    const factory = (b: number, a: number) => fillForm(ctx, facts(b, a), 'discreteFactory').matrices.benefits!.find((r) => r[2]!.text !== '' && !r[2]!.missing)?.[2]!.text;
    expect(factory(1.5, 0.6)).toBe('降低60.0');
    expect(factory(0.6, 1.5)).toBe('提升150.0');
  });
});

describe('the form view against the export', () => {
  it('binds 附件1’s 车间名称 to the workshop’s name the export prints there, and names each field fully for the chat', async () => {
    const { buildFormView } = await import('../../server/forms/form-view');
    const v = buildFormView(kb, { 'form.ws.1.name': '总装车间', 'form.finance.2020.totalAssets': 12000, 'form.ind.defectRate.before': 1.5 }, 'smartWorkshop');
    const fields = v.sections.flatMap((s) => s.groups.flatMap((g) => g.rows.flatMap((r) => r.fields)));
    // Before, the cover's 车间名称 said 「本系统不收集此项，导出后手填」 while the export printed the name.
    const unit = fields.find((f) => f.label === '车间名称')!;
    expect(unit).toMatchObject({ questionId: 'form.ws.1.name', display: '总装车间', status: 'filled' });
    const form = fillForm(ctx, DraftProfile.parse({ form: formFactsFromAnswers(kb, { 'form.ws.1.name': '总装车间' }) }), 'smartWorkshop');
    expect(form.values['cover.unitName']!.text).toBe('总装车间');
    // A matrix cell's label is its column (「2020年」, 「」): the chat names the field by its full name.
    expect(fields.find((f) => f.questionId === 'form.finance.2020.totalAssets')).toMatchObject({ label: '2020年', name: '2020年总资产' });
    expect(fields.find((f) => f.questionId === 'form.ind.defectRate.before')?.name).toBe('建设完成前产品不良品率');
  });
});

describe('the sources of a draft’s sentence', () => {
  it('are named by the labels the user knows, and a computed figure by how it is computed, never by an internal id', async () => {
    const { factLabels } = await import('../../server/forms/session');
    const ids = [
      'form.indicators.defectRate.before',
      'computed:changeRatio(defectRate)',
      'computed:share(form.workshops.0.networkedEquipment,form.workshops.0.automatedEquipment)',
      'form.elements.ws.run',
      'form.workshops.1.descriptions.ws.infra',
      'computed:debtRatio(2022)',
      'computed:outputPerPersonDay(before)',
      'form.finance.2022.totalAssets',
    ];
    const labels = factLabels(kb, [{ generated: { sentences: [{ facts: ids }] } }]);
    // Before, these showed as 「indicators.defectRate.before」, 「changeRatio(defectRate)」, 「share(form.workshops.0…)」, 「elements.ws.run」.
    expect(labels).toEqual({
      'form.indicators.defectRate.before': '建设完成前产品不良品率',
      'computed:changeRatio(defectRate)': '产品不良品率变化比例 =（建设后 − 建设前）÷ 建设前 × 100%',
      'computed:share(form.workshops.0.networkedEquipment,form.workshops.0.automatedEquipment)': '联网设备台套数 ÷ 自动化、数字化、智能化设备台套数 × 100%',
      'form.elements.ws.run': expect.stringMatching(/^“.+”栏$/u),
      'form.workshops.1.descriptions.ws.infra': expect.stringMatching(/^车间2“.+”栏$/u),
      'computed:debtRatio(2022)': '2022年资产负债率 = 总负债 ÷ 总资产 × 100%',
      'computed:outputPerPersonDay(before)': '建设完成前每人每天产出 = 年产值 ÷ 人数 ÷ 年工作天数',
      'form.finance.2022.totalAssets': expect.stringContaining('总资产'),
    });
    for (const v of Object.values(labels)) expect(v).not.toMatch(/[a-z]{3,}|\(|\{/u);
  });
});
