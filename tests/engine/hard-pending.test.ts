import { describe, expect, it } from 'vitest';
import { factsFromAnswers } from '../../server/engine';
import { evaluateFacts } from '../../server/engine/assess';
import { Assessment, CAPABILITY_IDS } from '../../server/schemas/profile';
import type { Answers } from '../../server/schemas/interview';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';
import { FACTORY_UNASKED_WORKSHOP } from '../fixtures/factory-unasked-workshop';
import { realKb } from './kb';

/**
 * A hard condition (二, 四(一)) the enterprise answered 不清楚 or skipped is 待确认, named by its clause: never counted
 * as met, whatever the element conditions say. And a category the enterprise chose that fits worse is said as its
 * choice, with the workshop's gaps said as fewer, never as a fallback that would not help.
 */
const kb = realKb();
const allCaps = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true]));
const base: Answers = { ...HARD_CONDITIONS_MET, ...allCaps, 'ent.city': '新乡市', 'ent.industryCode': '34', 'cat.productionMode': 'discrete' };
const ratios: Answers = { ...base, 'metric.automationRatio': 80, 'self.automationAdvanced': true, 'metric.networkedRatio': 85, 'self.networkingAdvanced': true };
const without = (a: Answers, ...ids: string[]) => Object.fromEntries(Object.entries(a).filter(([k]) => !ids.includes(k)));
const assess = (answers: Answers) => {
  const a = evaluateFacts(kb, factsFromAnswers(kb, answers)).assessment;
  expect(Assessment.safeParse(a).success, 'the assessment keeps its public contract').toBe(true);
  return a;
};

describe('hard conditions left unanswered', () => {
  it.each([
    ['a valve maker that does not know of the 严重违法失信名单', without({ ...base, 'cat.scope': 'factory' }, 'ent.credit.seriousIllegalDishonest'), [['二(四)', '严重违法失信名单']]],
    ['a workshop unsure whether it is an independent legal person', without({ ...base, 'cat.scope': 'workshop' }, 'ent.independentLegalPerson'), [['二(一)', '具有独立法人资格']]],
    [
      'a factory that skipped both the tax blacklist and whether it applies elsewhere this year',
      without({ ...base, 'cat.scope': 'factory' }, 'ent.credit.taxViolationBlacklist', 'ent.appliedThisYear'),
      [['二(四)', '税收违法黑名单'], ['四(一)', '当年限报1个']],
    ],
  ])('%s: named 待确认 by its clause, and the verdict is not qualified', (_who, answers, expected) => {
    const a = assess(answers);
    expect(a.pending!.map((p) => [p.clause, p.title])).toEqual(expected);
    expect(a.blocking).toEqual([]);
    expect(a.verdict, 'an unknown hard condition leaves the verdict open, never qualified').not.toBe('qualified');
  });

  it('an unanswered one beside a failing one: ineligible, and the unanswered one still named', () => {
    const a = assess(without({ ...base, 'cat.scope': 'workshop', 'ent.credit.dishonestExecutee': true }, 'ent.appliedThisYear'));
    expect(a.eligible).toBe(false);
    expect(a.blocking.map((b) => b.clause)).toEqual(['二(四)']);
    expect(a.pending).toEqual([{ clause: '四(一)', title: '当年限报1个' }]);
  });

  it('near miss: every hard condition answered and passing leaves nothing pending', () => {
    for (const scope of ['workshop', 'factory']) {
      const a = assess({ ...base, 'cat.scope': scope });
      expect(a.pending).toEqual([]);
      expect(a.blocking).toEqual([]);
    }
  });

  it('near miss: a condition that does not concern the applicant (no prior title) is not pending', () => {
    const a = assess({ ...base, 'cat.scope': 'workshop', 'ent.priorTitles': 'none' });
    expect(a.pending!.map((p) => p.title)).not.toContain('不以已获称号的车间申报');
  });
});

describe('a chosen factory the workshop fits better', () => {
  // The workshop's ratios answered: with them unasked it could fail as many as the factory, and fits better only where
  // it fails fewer whatever its unasked items turn out.
  const valve = { ...ratios, 'cat.scope': 'factory', 'cap.pdm': false, 'cap.cadCae': false, 'cap.erp': false, 'cap.agvRgv': false, 'cap.andon': false, 'cap.autoId': false };

  it('says the workshop fails fewer in its why-not and its note, agreeing with the reason that it fits better', () => {
    const a = assess(valve);
    const fit = a.category.fitsBetter!;
    expect(fit).toEqual({ category: 'smartWorkshop', gaps: 2, chosenGaps: 4 });
    expect(a.category.reasons.some((r) => r.text.includes('智能车间更合适'))).toBe(true);
    const whyNot = a.category.alternatives.find((x) => x.category === 'smartWorkshop')!.whyNot;
    expect(whyNot).toContain('智能车间未满足的较少（2 项，离散型智能工厂有 4 项）');
    expect(whyNot).not.toContain('若改报智能车间，按现有回答仍不满足');
    const all = [...a.category.reasons, ...a.category.alternatives.map((x) => ({ text: x.whyNot })), ...a.notes].map((x) => x.text).join('');
    expect(all, 'no part says switching would not help while another says the workshop fits better').not.toContain('也不能解决');
  });

  it('near miss: where the workshop is not said to fit better, the factory gaps note keeps saying the workshop would not help', () => {
    const a = assess({ ...base, 'cat.scope': 'factory', 'cap.mes': false });
    expect(a.category.fitsBetter).toBeUndefined();
    expect(a.notes.some((n) => n.text.includes('改报智能车间也不能解决'))).toBe(true);
    expect(a.category.alternatives.find((x) => x.category === 'smartWorkshop')!.whyNot).toContain('若改报智能车间，按现有回答仍不满足');
  });
});

describe('a chosen factory compared with a workshop whose own items were never asked', () => {
  // A factory path on which the workshop-only items (柔性智能制造单元 and the like) were never asked: 4 of the workshop's
  // conditions are 未核实, not met.
  const s3 = FACTORY_UNASKED_WORKSHOP;
  const text = (a: Assessment) => [...a.category.reasons, ...a.category.alternatives.map((x) => ({ text: x.whyNot }))].map((x) => x.text).join('');

  it('the reported one: 4 unmet against 0 unmet and 4 unasked is no ground to say the workshop fits better', () => {
    const a = assess(s3);
    expect(a.category.fitsBetter).toBeUndefined();
    expect(text(a)).not.toContain('更合适');
    expect(text(a)).not.toContain('智能车间有 0 项');
  });

  it('one more factory gap than the workshop could fail: fits better, with its unasked items said as 未核实', () => {
    const a = assess({ ...s3, 'cap.systemIntegration': false });
    expect(a.category.fitsBetter).toEqual({ category: 'smartWorkshop', gaps: 0, chosenGaps: 5, unknown: 4 });
    expect(text(a)).toContain('智能车间有 0 项，智能车间另有 4 项未问到（未核实');
  });

  it('a workshop with one item unasked beside two unmet still fits better than four unmet, and says the one', () => {
    const a = assess(without({ ...ratios, 'cat.scope': 'factory', 'cap.pdm': false, 'cap.cadCae': false, 'cap.erp': false, 'cap.agvRgv': false, 'cap.andon': false, 'cap.autoId': false }, 'cap.flexibleCell'));
    expect(a.category.fitsBetter).toEqual({ category: 'smartWorkshop', gaps: 2, chosenGaps: 4, unknown: 1 });
    expect(text(a)).toContain('另有 1 项未问到');
  });

  it('near miss: every workshop item answered, no unasked count is said', () => {
    const a = assess({ ...ratios, 'cat.scope': 'factory', 'cap.pdm': false, 'cap.cadCae': false, 'cap.erp': false, 'cap.agvRgv': false, 'cap.andon': false, 'cap.autoId': false });
    expect(a.category.fitsBetter).toEqual({ category: 'smartWorkshop', gaps: 2, chosenGaps: 4 });
    expect(text(a)).not.toContain('未问到');
  });

  it('near miss: the workshop\'s ratios unasked, it could fail as many as the factory, so it is not said to fit better', () => {
    const a = assess({ ...base, 'cat.scope': 'factory', 'cap.pdm': false, 'cap.cadCae': false, 'cap.erp': false, 'cap.agvRgv': false, 'cap.andon': false, 'cap.autoId': false });
    expect(a.category.fitsBetter).toBeUndefined();
    expect(text(a)).not.toContain('更合适');
  });
});

describe('an element named once, never inside its own brackets', () => {
  const doubled = /([\u4e00-\u9fa5]{4,})（\1/u;
  const none = Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, false]));
  const all = (a: Assessment) => [...a.category.reasons, ...a.category.alternatives.map((x) => ({ text: x.whyNot })), ...a.notes].map((x) => x.text).join('\n');

  it('the reported one: 人工智能技术应用 with both its items missing lists them within its brackets once', () => {
    const a = assess({ ...ratios, 'cat.scope': 'factory', 'cap.aiApplication': false, 'cap.predictiveMaintenance': false, 'cap.systemIntegration': false, 'cap.lims': false, 'cap.pdm': false });
    expect(all(a)).toContain('三(二)6人工智能技术应用（产品质量改进与缺陷检测');
    expect(all(a)).not.toMatch(doubled);
  });

  for (const [who, answers] of [
    ['a discrete factory with no system at all', { ...base, ...none, 'cat.scope': 'factory' }],
    ['a process factory with no system at all', { ...base, ...none, 'ent.industryCode': '26', 'cat.productionMode': 'process', 'cat.scope': 'factory' }],
    ['a workshop with no system at all', { ...base, ...none, 'cat.scope': 'workshop' }],
  ] as const) {
    it(`${who}: every element's gaps are said without its name repeated in its brackets`, () => {
      expect(all(assess(answers as Answers))).not.toMatch(doubled);
    });
  }

  it('near miss: an AI item alone still stands for its element, named once', () => {
    const a = assess({ ...ratios, 'cat.scope': 'factory', 'cap.aiApplication': false, 'cap.systemIntegration': false, 'cap.lims': false, 'cap.pdm': false, 'cap.scm': false });
    expect(all(a)).toMatch(/三\(二\)6人工智能技术应用（产品质量改进与缺陷检测[^（]*）/u);
    expect(all(a)).not.toMatch(doubled);
  });
});

describe('the systems a production mode is read from', () => {
  const reason = (a: Assessment) => a.category.reasons[0]!.text;
  const noMode: Answers = { ...without(base, 'cat.productionMode'), ...Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, false])) };

  it('the reported one: MES and the flexible cell partly built are 部分具备, not 已具备', () => {
    const a = assess({ ...noMode, 'cat.scope': 'factory', 'cap.mes': 'partial', 'cap.flexibleCell': 'partial', 'cap.andon': false, 'cap.errorProofing': false });
    expect(reason(a)).toContain('部分具备的系统（制造执行系统（MES）、柔性智能制造单元）');
    expect(reason(a)).not.toMatch(/已具备的系统（[^）]*部分具备/u);
  });

  it('built and partly built said apart', () => {
    const a = assess({ ...noMode, 'cat.scope': 'factory', 'cap.mes': 'partial', 'cap.andon': true, 'cap.errorProofing': false, 'cap.flexibleCell': false });
    expect(reason(a)).toMatch(/已具备的系统（[^）]*安灯系统（Andon）[^）]*）及部分具备的系统（制造执行系统（MES）/u);
  });

  it('near miss: all built keep 已具备 and no 部分具备', () => {
    const a = assess({ ...noMode, 'cat.scope': 'factory', 'cap.mes': true, 'cap.andon': true });
    expect(reason(a)).toContain('已具备的系统（');
    expect(reason(a)).not.toContain('部分具备');
  });
});
