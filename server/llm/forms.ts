import type { KnowledgeBase } from '../knowledge/base';
import { applicableProfile, claimTerms, draftSection, numberLabels, type DraftOptions, type FormsContext } from '../forms/draft';
import { formSpec } from '../forms/knowledge';
import { draftableSections } from '../forms/spec';
import type { DraftProfile, DraftResult } from '../schemas/forms';
import type { Category } from '../schemas/profile';
import { draftWithLlm, type LlmDraft } from './draft';
import type { PromptClause } from './prompts';
import type { Llm } from './provider';

const MAX_OWN_CLAUSE = 300;

/**
 * One form section drafted by the model on top of D's offline draft: the offline draft supplies
 * the length target, the computed values (with sources) and the fallback; D's form spec supplies
 * the cell's hint and the element clause it answers, whose text comes from the knowledge base.
 * Throws only what the offline draftSection throws (an unknown section).
 */
export async function draftSectionWithLlm(
  llm: Llm,
  kb: KnowledgeBase,
  forms: FormsContext,
  profile: DraftProfile,
  category: Category,
  section: string,
  opts: DraftOptions & { sessionKey: string; signal?: AbortSignal; offline?: DraftResult },
): Promise<LlmDraft> {
  const offline = opts.offline ?? draftSection(forms, profile, category, section, opts);
  // "ws.dispatch@2" is the second workshop's cell of section "ws.dispatch".
  const specId = section.replace(/@\d+$/, '');
  const sec = draftableSections(formSpec(forms, category)).find((s) => s.id === specId);
  // The element clause of 三 the cell answers, with its sub-clauses (三(二) → 三(二)1…6).
  const element = sec?.field?.element ? kb.subtree(sec.field.element) : [];
  // The form's own clause helps only when it is a short instruction, not the whole table of a form page.
  const own = sec?.clause ? kb.clause(sec.clause) : undefined;
  const clauses: PromptClause[] = [...element, ...(own && own.text.length <= MAX_OWN_CLAUSE && !element.some((c) => c.id === own.id) ? [own] : [])].map((c) => ({
    id: c.id,
    title: c.title,
    text: c.text,
  }));
  return draftWithLlm(
    llm,
    { section, title: offline.title, hint: sec?.field?.hint ?? sec?.item?.hint, clauses: clauses.slice(0, 8), facts: applicableProfile(forms, profile), offline, terms: claimTerms(forms.formDrafting), labels: numberLabels(forms) },
    { sessionKey: opts.sessionKey, signal: opts.signal },
  );
}

/**
 * The drafting routes' answer in LLM mode: the checked draft (DraftResult, unchanged shape) plus
 * who wrote it, the numbers still without a source, and the notice when the template was used.
 */
export async function llmDraftResponse(
  llm: Llm,
  kb: KnowledgeBase,
  forms: FormsContext,
  profile: DraftProfile,
  category: Category,
  section: string,
  offline: DraftResult,
  sessionKey: string,
): Promise<DraftResult & { drafter: 'llm' | 'template'; unsourcedNumbers?: string[]; untracedClaims?: LlmDraft['checked']['untraced']; notice?: string }> {
  const r = await draftSectionWithLlm(llm, kb, forms, profile, category, section, { sessionKey, offline });
  return {
    ...r.draft,
    drafter: r.source === 'llm' ? 'llm' : 'template',
    ...(r.violations.length ? { unsourcedNumbers: r.violations } : {}),
    // The model's sentences refused, each with the words no fact accounts for: why the template draft is shown.
    ...(r.checked.untraced.length ? { untracedClaims: r.checked.untraced } : {}),
    ...(r.notice ? { notice: r.notice } : {}),
  };
}
