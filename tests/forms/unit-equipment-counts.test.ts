import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { equipmentCountsOf } from '../../server/engine/interpret';
import { networkedBasisNote } from '../../server/forms/facts';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';
import { draftTyped } from './typed-draft';
import type { Category } from '../../server/schemas/profile';

/*
 * The equipment counts an interview reply gives for a ratio (「全厂260台设备，联网221台」) are facts of their own: the
 * drafted form states both counts and the share they give, for the unit they were said of only, and says the share's
 * base where it is not the notice's 设备联网率 (联网数 over the automated equipment, 三(一)3).
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const vocab = data.interview.vocabulary;

describe('the counts a ratio reply gives', () => {
  // Phrasings of our own.
  for (const [text, want] of [
    ['全厂设备共有三百一十台，联上网的二百七十台', { scope: 'factory', total: 310, networked: 270 }],
    ['数控设备150台，其中联网的132台', { automated: 150, networked: 132 }],
    ['车间里90台设备有72台接了网', { scope: 'workshop', total: 90 }],
    ['我们厂区一共480台，自动化的有360台', { scope: 'factory', total: 480, automated: 360 }],
    ['联网设备95台，总共设备140台', { networked: 95, total: 140 }],
  ] as const) {
    it(`reads 「${text}」 by what each count counts`, () => {
      expect(equipmentCountsOf(vocab, text)).toMatchObject(want);
    });
  }
  // Near misses: a percentage, one count, round counts, two counts of one kind, bare numbers, or a part above its whole.
  for (const text of ['联网率大概85%', '联网的有221台', '差不多300台，联网两百来台', '联网120台，另一个车间联网80台', '221/260', '联网300台，全厂260台设备']) {
    it(`reads no counts from 「${text}」`, () => {
      expect(equipmentCountsOf(vocab, text)).toBeUndefined();
    });
  }
});

const base = { ...ELIGIBLE_NO_PRIORITY, 'ent.industryCode': 'C3089', 'ent.foundedYear': '2006', 'cat.productionMode': 'discrete', ...caps({ mes: true, erp: true, industrialNetwork: true }) };
const draft = (category: Category, scope: 'factory' | 'workshop', metric: number, said: string, more: Record<string, unknown> = {}) =>
  draftTyped(data, ctx, { ...base, 'cat.scope': scope, 'metric.networkedRatio': metric, 'detail.metric.networkedRatio': said, ...more } as never, category);
const sentencesOf = (d: ReturnType<typeof draft>) => d.drafts.flatMap((x) => x.sentences);

describe('the factory\'s counts in its 申报书', () => {
  it('states both counts and their share over all the equipment, says that base, and asks for the automated count the rate needs', () => {
    const d = draft('discreteFactory', 'factory', 85, '全厂260台设备，联网221台', { 'form.workshopCount': 1, 'form.ws.1.automatedEquipment': 100, 'form.ws.1.networkedEquipment': 95 });
    const s = sentencesOf(d).find((x) => x.text.includes('260台（套），其中联网221台（套）'));
    expect(s?.text).toContain('占全部设备的85.0%');
    expect(s?.text).toContain('〔请补充：工厂自动化、数字化、智能化设备台套数〕');
    expect(s?.facts).toEqual(expect.arrayContaining(['form.unitEquipment.total', 'form.unitEquipment.networked']));
    expect(d.drafts.flatMap((x) => x.numbers)).toContainEqual(expect.objectContaining({ value: '85.0', source: 'computed:share(form.unitEquipment.networked,form.unitEquipment.total)' }));
    const all = d.sentences.join('');
    // The share over all equipment is never printed as the notice's ratio, nor asked for as if it had not been said.
    expect(all).not.toContain('〔请补充：工厂设备联网率〕');
    expect(all).not.toMatch(/联网数占自动化、数字化、智能化设备总数的比例为85%/);
    // The workshop's own counts stay the workshop's.
    expect(all).toContain('联网95台（套），联网数占自动化、数字化、智能化设备总数的95.0%');
  });

  it('states the notice\'s rate, with its computation, where the counts are of the automated equipment', () => {
    const d = draft('discreteFactory', 'factory', 88.5, '工厂自动化设备200台，联网177台');
    const s = sentencesOf(d).find((x) => x.text.includes('自动化、数字化、智能化设备200台（套），其中联网177台（套）'));
    expect(s?.text).toContain('为88.5%');
    expect(s?.facts).toEqual(expect.arrayContaining(['form.unitEquipment.automated', 'form.unitEquipment.networked']));
    expect(d.drafts.flatMap((x) => x.numbers)).toContainEqual(expect.objectContaining({ value: '88.5', source: 'computed:share(form.unitEquipment.networked,form.unitEquipment.automated)' }));
  });

  it('never states a workshop\'s counts as the factory\'s', () => {
    const d = draft('discreteFactory', 'factory', 80, '车间一共90台，联网72台');
    const all = d.sentences.join('');
    expect(all).not.toContain('90台');
    expect(all).not.toContain('比例为80%');
  });

  it('never states the factory\'s counts as the applying workshop\'s', () => {
    const d = draft('smartWorkshop', 'workshop', 85, '全厂260台设备，联网221台');
    const all = d.sentences.join('');
    expect(all).not.toContain('260台');
    expect(all).not.toContain('85%');
  });

  it('states no counts the ratio recorded since no longer comes from', () => {
    const d = draft('discreteFactory', 'factory', 90, '全厂260台设备，联网221台');
    expect(d.profile.form.unitEquipment).toBeUndefined();
    expect(d.sentences.join('')).toContain('比例为90%');
    expect(d.sentences.join('')).not.toContain('221');
  });

  // Near miss: a ratio said as a figure keeps its sentence as before.
  it('states a ratio given as a figure as the assessment\'s, as before', () => {
    const d = draftTyped(data, ctx, { ...base, 'cat.scope': 'factory', 'metric.networkedRatio': 85 } as never, 'discreteFactory');
    expect(d.sentences.join('')).toContain('工厂设备联网数占自动化、数字化、智能化设备总数的比例为85%。');
  });
});

describe('the self-assessment report beside the 申报书', () => {
  const wording = data.formDrafting.report.networkedOfAll;
  it('says the recorded rate was counted over all the equipment, with the counts', () => {
    const note = networkedBasisNote({ unitEquipment: { scope: 'factory', total: 200, networked: 100, said: '全厂200台，联网100台' } }, { networkedRatio: 50 }, wording);
    expect(note?.clause).toBe('三(一)3');
    expect(note?.text).toContain('50%');
    expect(note?.text).toContain('100÷200');
  });
  it('says nothing where the counts are of the automated equipment, or none were said', () => {
    expect(networkedBasisNote({ unitEquipment: { automated: 150, networked: 100, said: '自动化设备150台，联网100台' } }, { networkedRatio: 66.7 }, wording)).toBeNull();
    expect(networkedBasisNote({}, { networkedRatio: 50 }, wording)).toBeNull();
  });
});
