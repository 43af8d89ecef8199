import { z } from 'zod';
import { CAPABILITY_IDS, CapabilityId } from '../schemas/profile';
import type { AnswerValue } from '../schemas/interview';
import { extractMessages } from './prompts';
import type { Llm } from './provider';

/**
 * What the model may report from a free-text reply: capability IDs and profile fields, nothing
 * else. There is deliberately no verdict, category or status field — those are computed by the
 * engine — and the top level is strict, so an answer that tries to add one is rejected whole.
 */
const Has = z.enum(['yes', 'partial', 'no']);
const Percent = z.number().min(0).max(100);

export const ExtractedFacts = z.strictObject({
  capabilities: z
    .array(z.strictObject({ id: CapabilityId, status: Has }))
    .max(CAPABILITY_IDS.length)
    .optional()
    .describe('用户明确提到的系统或能力及其状态'),
  enterprise: z
    .strictObject({
      registeredInHenan: z.boolean().optional(),
      independentLegalPerson: z.boolean().optional(),
      groupOrHeadOffice: z.boolean().optional().describe('是否以集团或总公司名义申报'),
      manufacturingMainBusiness: z.boolean().optional(),
      operatingWell: z.boolean().optional().describe('生产经营和财务状况是否良好'),
      dishonestExecutee: z.boolean().optional().describe('是否被列入失信被执行人'),
      taxViolationBlacklist: z.boolean().optional().describe('是否被列入税收违法黑名单'),
      seriousIllegalDishonest: z.boolean().optional().describe('是否被列入严重违法失信名单'),
      appliedThisYear: z.boolean().optional().describe('本年度是否已有（或同时打算）另一项申报'),
      greenPriority: z.boolean().optional().describe('是否属于节能减排绿色发展企业'),
      priorTitles: z.array(z.enum(['smartWorkshop', 'smartFactory'])).max(2).optional().describe('以前获得过的称号；都没有时为空数组'),
      industryCode: z.string().max(40).optional().describe('GB/T 4754 行业代码或行业名称'),
    })
    .optional(),
  scope: z.enum(['workshop', 'factory']).optional().describe('打算申报智能车间还是智能工厂'),
  productionMode: z.enum(['discrete', 'process']).optional().describe('离散型或流程型生产'),
  metrics: z
    .strictObject({
      automationRatio: Percent.optional().describe('自动化、数字化、智能化设备占比（%）'),
      networkedRatio: Percent.optional().describe('设备联网率（%）'),
      dataCollectionRate: Percent.optional().describe('生产工艺数据自动采集率（%）'),
    })
    .optional(),
  userIsAsking: z.boolean().optional().describe('用户这句话是在提问（而不是回答）时为 true'),
});
export type ExtractedFacts = z.infer<typeof ExtractedFacts>;

export const EXTRACT_TOOL = 'record_facts';

/** Turns validated facts into interview answers keyed by the engine's question IDs. */
export function factsToAnswers(f: ExtractedFacts): { questionId: string; value: AnswerValue }[] {
  const out: { questionId: string; value: AnswerValue }[] = [];
  for (const c of f.capabilities ?? []) {
    out.push({ questionId: `cap.${c.id}`, value: c.status === 'yes' ? true : c.status === 'partial' ? 'partial' : false });
  }
  const e = f.enterprise ?? {};
  const credit = ['dishonestExecutee', 'taxViolationBlacklist', 'seriousIllegalDishonest'] as const;
  for (const key of ['registeredInHenan', 'independentLegalPerson', 'groupOrHeadOffice', 'manufacturingMainBusiness', 'operatingWell', 'appliedThisYear', 'greenPriority', ...credit] as const) {
    const v = e[key];
    if (v === undefined) continue;
    out.push({ questionId: (credit as readonly string[]).includes(key) ? `ent.credit.${key}` : `ent.${key}`, value: v });
  }
  if (e.priorTitles) {
    const t = e.priorTitles;
    out.push({ questionId: 'ent.priorTitles', value: t.includes('smartFactory') ? 'smartFactory' : t.includes('smartWorkshop') ? 'smartWorkshop' : 'none' });
  }
  if (e.industryCode) out.push({ questionId: 'ent.industryCode', value: e.industryCode });
  if (f.scope) out.push({ questionId: 'cat.scope', value: f.scope });
  if (f.productionMode) out.push({ questionId: 'cat.productionMode', value: f.productionMode });
  for (const [k, v] of Object.entries(f.metrics ?? {})) if (typeof v === 'number') out.push({ questionId: `metric.${k}`, value: v });
  return out;
}

/**
 * Asks the model for the facts in one reply. Throws LlmError on any failure (including a model
 * that ignores the tool or sends malformed arguments); the caller then uses the offline reading.
 */
export async function extractFacts(
  llm: Llm,
  input: { text: string; pending: { id: string; text: string } | null; capabilityLabels: { id: string; label: string }[]; signal?: AbortSignal },
): Promise<{ items: { questionId: string; value: AnswerValue }[]; asking: boolean }> {
  const facts = await llm.callTool({
    messages: extractMessages({ tool: EXTRACT_TOOL, text: input.text, pending: input.pending, capabilities: input.capabilityLabels }),
    tool: { name: EXTRACT_TOOL, description: '记录用户在这句话中明确提到的企业事实', parameters: ExtractedFacts },
    signal: input.signal,
  });
  return { items: factsToAnswers(facts), asking: facts.userIsAsking === true };
}
