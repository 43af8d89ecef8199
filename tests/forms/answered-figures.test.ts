import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { sessionDraftProfile } from '../../server/forms/session';
import { markApproximate } from '../../server/forms/phase';
import type { Answers } from '../../server/schemas/interview';
import { typedAnswers } from './typed-enterprises';
import { ROUND7_ENTERPRISES } from './typed-round7';

/*
 * The interview's 设备占比 and 联网率 are figures the enterprise already gave. A cell that has no counts must
 * use them: stated when exact, and when answered as a round figure (「百分之八十五左右」, which the signed form
 * does not carry) asked for by name with the words given, never as a bare 「…情况」 as if nothing had been said.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const workshop = ROUND7_ENTERPRISES.find((e) => e.category === 'smartWorkshop')!;

/** The enterprise's answers without the workshop's counts or its own words in the two cells. */
function withoutCounts(): Record<string, unknown> {
  const a: Record<string, unknown> = { ...typedAnswers(ctx, workshop).answers };
  for (const k of Object.keys(a)) if (/^(approx\.)?form\.(ws\.\d+\.(equipmentTotal|automatedEquipment|networkedEquipment)|cell\.ws\.(equipment|network))$/.test(k)) delete a[k];
  return a;
}

function cells(answers: Answers) {
  const { profile } = sessionDraftProfile(data, ctx, answers);
  return {
    equipment: draftSection(ctx, profile, 'smartWorkshop', 'ws.equipment'),
    network: draftSection(ctx, profile, 'smartWorkshop', 'ws.network'),
    summary: draftSection(ctx, profile, 'smartWorkshop', 'constructionSummary'),
  };
}

describe('the interview\'s equipment ratios in the 智能装备应用 and 车间设备联网 cells', () => {
  it('states exact ratios and asks for nothing else in the cell', () => {
    const { equipment, network } = cells({ ...withoutCounts(), 'metric.automationRatio': 72, 'metric.networkedRatio': 64 } as Answers);
    expect(equipment.text).toContain('72%');
    expect(network.text).toContain('64%');
    expect(equipment.text).not.toContain('〔请补充');
    expect(network.text).not.toContain('〔请补充');
  });

  it('asks for the exact figure of a round answer, quoting it, and for the counts by name; never a bare 「…情况」', () => {
    for (const [said, value, quoted] of [['百分之八十五左右', 85, '约85%'], ['大概七成', 70, '约七成'], ['90%上下', 90, '约90%']] as const) {
      let a = { ...withoutCounts(), 'metric.automationRatio': value, 'metric.networkedRatio': value } as Answers;
      a = markApproximate(markApproximate(a, 'metric.automationRatio', said), 'metric.networkedRatio', said);
      const { equipment, network, summary } = cells(a);
      expect(equipment.text, said).toContain(`自动化、数字化、智能化设备占比的准确数字（已答“${quoted}”）`);
      expect(network.text, said).toContain(`设备联网率的准确数字（已答“${quoted}”）`);
      expect(equipment.text).toContain('〔请补充：车间设备总台套数与自动化、数字化、智能化设备台套数〕');
      expect(network.text).toContain('〔请补充：联网设备台套数〕');
      for (const d of [equipment, network]) expect(d.text).not.toMatch(/〔请补充：[^〕]*情况〕/);
      // The round figure is not stated as a claim anywhere, and the summary's optional line carries no request for it.
      for (const d of [equipment, network, summary]) expect(d.text.replace(/〔请补充：[^〕]*〕/g, '')).not.toContain(`${value}%`);
      expect(summary.text).not.toContain('准确数字');
    }
  });

  it('without any figure or words, asks for the counts the cell names', () => {
    const a = withoutCounts();
    delete a['metric.automationRatio'];
    delete a['metric.networkedRatio'];
    const { equipment, network } = cells(a as Answers);
    expect(equipment.text).toBe('〔请补充：车间设备总台套数与自动化、数字化、智能化设备台套数〕');
    expect(network.text).toBe('〔请补充：联网设备台套数〕');
  });
});
