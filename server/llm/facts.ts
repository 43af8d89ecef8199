import { z } from 'zod';
import { CAPABILITY_IDS, CapabilityId } from '../schemas/profile';
import type { AnswerValue } from '../schemas/interview';
import { extractMessages } from './prompts';
import { checkWords } from './check-words';
import { findQuantities, inUnit, normalise } from '../understand';
import type { Llm } from './provider';

/**
 * What the model may report from a free-text reply: capability IDs and profile fields, nothing
 * else. There is deliberately no verdict, category or status field — those are computed by the
 * engine — and the top level is strict, so an answer that tries to add one is rejected whole.
 */
/** building: being built, commissioned or bought (在建, 在调试, 正在招标, 明年上), not in place yet, as the offline reading records it. */
const Has = z.enum(['yes', 'partial', 'building', 'no']);
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
      titledWorkshopAgain: z.boolean().optional().describe('只获得过智能车间称号、本次申报智能车间时：申报的是否就是已获称号的那个车间'),
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
    out.push({ questionId: `cap.${c.id}`, value: c.status === 'yes' ? true : c.status === 'partial' || c.status === 'building' ? c.status : false });
  }
  const e = f.enterprise ?? {};
  const credit = ['dishonestExecutee', 'taxViolationBlacklist', 'seriousIllegalDishonest'] as const;
  for (const key of ['registeredInHenan', 'independentLegalPerson', 'groupOrHeadOffice', 'manufacturingMainBusiness', 'operatingWell', 'appliedThisYear', 'titledWorkshopAgain', 'greenPriority', ...credit] as const) {
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

/** A capability as the user may name it: its label and its aliases from the knowledge. */
export interface CapabilityTerms {
  id: string;
  label: string;
  aliases?: readonly string[];
}

type Item = { questionId: string; value: AnswerValue };

/**
 * The model's reading of a reply, kept only where the reply itself says it. The model reads free
 * text well but also reads into it: 「具体情况不太清楚」 came back as MES, ERP and 95 % automation.
 * A capability counts only when the reply names it (label or alias); 「没有」 for one also when it is
 * the question pending and the reply says no, and 在建 likewise when the reply says it is under way. A figure counts only when its number is in the reply
 * (Chinese numerals and 八成 read as numbers). Scope and production mode count only when the reply
 * says which; every other field only when the reply uses one of its words or answers the question
 * pending. Where the offline reading of the same question differs, neither wins: the model's is dropped.
 */
export function supportedAnswers(items: readonly Item[], input: { text: string; pendingId?: string | null; capabilities: readonly CapabilityTerms[]; offline?: readonly Item[] }): Item[] {
  const text = normalise(input.text).text;
  const w = checkWords().facts;
  const says = (words: readonly string[]) => words.some((x) => text.includes(normalise(x).text));
  const quantities = findQuantities(text);
  return items.filter(({ questionId, value }) => {
    const offline = input.offline?.find((i) => i.questionId === questionId);
    if (offline && JSON.stringify(offline.value) !== JSON.stringify(value)) return false;
    const pending = input.pendingId === questionId;
    if (questionId.startsWith('cap.')) {
      const cap = input.capabilities.find((c) => `cap.${c.id}` === questionId);
      const named = cap !== undefined && namesCapability(text, cap, w.systemSuffixes);
      if (value === false) return (named || pending) && says(w.negations);
      // 在建 only where the reply says the system is under way (在建, 调试, 明年, 计划): never read into a bare yes.
      if (value === 'building') return (named || pending) && says(w.building);
      return named;
    }
    if (questionId.startsWith('metric.')) return typeof value === 'number' && quantities.some((q) => q.value === value || inUnit(q, '%') === value);
    const byValue = w.values[questionId];
    if (byValue && !says(byValue[String(value)] ?? [])) return false;
    if (pending) return true;
    if (questionId === 'ent.industryCode' && typeof value === 'string' && text.includes(normalise(value).text)) return true;
    return says(w.words[questionId] ?? []);
  });
}

/** Whether normalised text names a capability: a label or alias, or its stem before 系统/平台 (「制造执行那套系统」). */
function namesCapability(text: string, cap: CapabilityTerms, suffixes: readonly string[]): boolean {
  const forms = [...cap.label.split(/[（）()]/u), ...(cap.aliases ?? [])].map((f) => normalise(f).text).filter((f) => f.length >= 2);
  return forms.some((f) => {
    if (/^[a-z0-9/+\-. ]+$/.test(f)) return new RegExp(`(?<![a-z0-9])${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![a-z0-9])`).test(text);
    if (text.includes(f)) return true;
    return suffixes.some((sfx) => f.endsWith(sfx) && f.length - sfx.length >= 3 && text.includes(f.slice(0, -sfx.length)));
  });
}

/**
 * Asks the model for the facts in one reply. Throws LlmError on any failure (including a model
 * that ignores the tool or sends malformed arguments); the caller then uses the offline reading.
 */
export async function extractFacts(
  llm: Llm,
  input: { text: string; pending: { id: string; text: string } | null; capabilityLabels: CapabilityTerms[]; signal?: AbortSignal },
): Promise<{ items: { questionId: string; value: AnswerValue }[]; asking: boolean }> {
  const facts = await llm.callTool({
    messages: extractMessages({ tool: EXTRACT_TOOL, text: input.text, pending: input.pending, capabilities: input.capabilityLabels }),
    tool: { name: EXTRACT_TOOL, description: '记录用户在这句话中明确提到的企业事实', parameters: ExtractedFacts },
    signal: input.signal,
  });
  return { items: factsToAnswers(facts), asking: facts.userIsAsking === true };
}
