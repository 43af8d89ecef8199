import type { InterviewRules, Speaker } from '../chat/ports';
import type { KnowledgeBase } from '../knowledge/base';
import type { Llm } from './provider';
import { createLlmSpeaker } from './speaker';
import { capabilityLabels, qaSources } from './sources';

/**
 * The chat route's speaker option: undefined offline (the route keeps its own offline speaker,
 * byte for byte), otherwise the model speaker wrapped around the offline one.
 */
export function llmSpeakerOption(llm: Llm | null | undefined): ((kb: KnowledgeBase, rules: InterviewRules, offline: Speaker) => Speaker) | undefined {
  if (!llm) return undefined;
  return (_kb, _rules, offline) =>
    createLlmSpeaker(llm, offline, {
      sources: (ctx) => qaSources(ctx.kb),
      capabilityLabels: (ctx) => capabilityLabels(ctx.kb),
    });
}
