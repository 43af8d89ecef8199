import type { AnswerValue, QuestionView } from '../../server/schemas/interview';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';

/**
 * Scripted enterprises for walkthroughs and the benchmark: a fact table keyed by question id.
 * The driver answers whatever the server asks; a question missing from the table gets a
 * neutral answer by its kind, so the scripts do not depend on the planner's exact order.
 */
export interface ScriptedEnterprise {
  name: string;
  facts: Record<string, AnswerValue>;
}

const eligibleBase: Record<string, AnswerValue> = {
  ...HARD_CONDITIONS_MET,
  'ent.city': '郑州市',
  'ent.county': null,
  'metric.automationRatio': 82,
  'metric.networkedRatio': 91,
  'metric.dataCollectionRate': 88,
  'self.automationAdvanced': true,
  'self.networkingAdvanced': true,
  'self.dataCollectionAdvanced': true,
  'ent.greenPriority': false,
};

const allCapabilities = (value: AnswerValue) => Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, value]));

export const workshop: ScriptedEnterprise = {
  name: '一家做汽车零部件机加工的车间（智能车间）',
  facts: { ...eligibleBase, ...allCapabilities(true), 'cat.scope': 'workshop', 'ent.industryCode': '36', 'cat.productionMode': 'discrete' },
};

export const discreteFactory: ScriptedEnterprise = {
  name: '一家工程机械整机厂（离散型智能工厂）',
  facts: { ...eligibleBase, ...allCapabilities(true), 'cat.scope': 'factory', 'ent.industryCode': '35', 'cat.productionMode': 'discrete' },
};

export const processFactory: ScriptedEnterprise = {
  name: '一家化工企业（流程型智能工厂）',
  facts: { ...eligibleBase, ...allCapabilities(true), 'cat.scope': 'factory', 'ent.industryCode': '26', 'cat.productionMode': 'process' },
};

export const ineligible: ScriptedEnterprise = {
  name: '一家被列入失信被执行人的企业',
  facts: {
    ...eligibleBase,
    ...allCapabilities(false),
    'ent.credit.dishonestExecutee': true,
    'cat.scope': 'workshop',
    'ent.industryCode': '33',
    'cat.productionMode': 'discrete',
  },
};

/** What the scripted enterprise answers to a question. */
export function answerFor(e: ScriptedEnterprise, q: QuestionView): AnswerValue {
  if (q.id in e.facts) return e.facts[q.id]!;
  switch (q.kind) {
    case 'yesNoPartial':
      return true;
    case 'yesNo':
      return false;
    case 'number':
      return q.min ?? 1;
    case 'choice':
      return q.choices?.[0]?.value ?? null;
    default:
      return null;
  }
}
