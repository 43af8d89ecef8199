import type { KnowledgeBase } from '../knowledge/base';
import { answerQuestion, retrieve, verifiedAnswer } from '../qa/answer';
import { quotaSubjects } from '../qa/layer';
import type { QaSources } from './qa';
import type { CapabilityTerms } from './facts';

/** K's offline answer and retrieval, seen through the narrow interface the grounded answer needs. */
export function qaSources(kb: KnowledgeBase): QaSources {
  return {
    offline: (q) => answerQuestion(kb, q),
    retrieve: (q, k) => retrieve(kb, q, k).map((h) => h.clause),
    clause: (id) => kb.clause(id),
    verified: (q) => verifiedAnswer(kb, q),
    notice: kb.data.manifest.title,
    helpline: kb.data.facts.contact.phone,
    subjectOf: quotaSubjects(kb),
    subjects: kb.data.facts.figureSubjects,
    helplineUnit: kb.data.facts.contact.unit,
  };
}

/** The capability IDs with their Chinese labels (the model maps words to IDs) and aliases (a fact must name one). */
export function capabilityLabels(kb: KnowledgeBase): CapabilityTerms[] {
  return kb.data.capabilities.capabilities.map((c) => ({ id: c.id, label: c.label, aliases: c.aliases }));
}
