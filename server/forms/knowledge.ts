import type { FormDrafting, FormQuestion, FormSpec, FormVocabulary } from '../knowledge/schemas/forms';
import type { Category } from '../schemas/profile';

/** The part of the knowledge data the form code reads; KnowledgeData satisfies it. */
export interface FormsKnowledge {
  forms: Record<string, FormSpec>;
  formQuestions: { vocabulary: FormVocabulary; questions: FormQuestion[] };
  formDrafting: FormDrafting;
  /** GB/T 4754 divisions: a division code the interview recorded is written into the form by its name. */
  industries?: { divisions: { code: string; name: string }[] };
}

export function formSpec(kb: FormsKnowledge, category: Category): FormSpec {
  const spec = kb.forms[category];
  if (!spec) throw new Error(`no form spec for category ${category}`);
  return spec;
}
