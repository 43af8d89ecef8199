import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { KNOWLEDGE_FILES } from '../knowledge/files';
import type { FormDrafting, FormQuestion, FormSpec } from '../knowledge/schemas/forms';
import type { Category } from '../schemas/profile';
import { KnowledgeError } from '../knowledge/load';

/** The part of the knowledge data the form code reads; KnowledgeData satisfies it. */
export interface FormsKnowledge {
  forms: Record<string, FormSpec>;
  formQuestions: { questions: FormQuestion[] };
  formDrafting: FormDrafting;
}

export function formSpec(kb: FormsKnowledge, category: Category): FormSpec {
  const spec = kb.forms[category];
  if (!spec) throw new Error(`no form spec for category ${category}`);
  return spec;
}

function parse(file: string, schema: z.ZodType): unknown {
  const r = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new KnowledgeError(file, `invalid — at ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  return r.data;
}

/**
 * Loads only the form files, with the same schemas as the full loader. Lets the form
 * routes and tests run even when another area's knowledge files are still in progress.
 */
export function loadFormsKnowledge(rootDir: string, version: string): FormsKnowledge {
  const dir = resolve(rootDir, version);
  const forms: Record<string, FormSpec> = {};
  const formsDir = join(dir, KNOWLEDGE_FILES.forms.path);
  for (const name of readdirSync(formsDir).filter((n) => n.endsWith('.json')).sort()) {
    forms[name.replace(/\.json$/, '')] = parse(join(formsDir, name), KNOWLEDGE_FILES.forms.schema) as FormSpec;
  }
  return {
    forms,
    formQuestions: parse(join(dir, KNOWLEDGE_FILES.formQuestions.path), KNOWLEDGE_FILES.formQuestions.schema) as FormsKnowledge['formQuestions'],
    formDrafting: parse(join(dir, KNOWLEDGE_FILES.formDrafting.path), KNOWLEDGE_FILES.formDrafting.schema) as FormDrafting,
  };
}
