import type { z } from 'zod';
import { ClausesFile } from './schemas/clauses';
import { FactsFile, IndustriesFile, IntentsFile, LexiconFile, Manifest, RegionsFile } from './schemas/notice-data';
import { AnswerBaseFile } from './schemas/answer-base';
import { FormSpec, FormQuestions, FormDrafting } from './schemas/forms';
import { CapabilitiesFile, CategoryRulesFile, ElementsFile, InterviewFile } from './schemas/engine';
import { UiFile } from './schemas/ui';

/**
 * The files of one knowledge version and the zod schema of each. Every area of the
 * product (clauses and retrieval, engine, forms) adds its own files here; the loader
 * validates all of them at startup and names the file and field that break.
 *
 * `path` is relative to knowledge/<version>/. A path ending in '/' is a directory whose
 * *.json files are each validated by the schema and collected into a record by file name.
 */
export interface KnowledgeFileSpec {
  path: string;
  schema: z.ZodType;
  optional?: boolean;
}

export const KNOWLEDGE_FILES = {
  // K — the notice, its structured facts and offline Q&A data.
  manifest: { path: 'manifest.json', schema: Manifest },
  clauses: { path: 'clauses.json', schema: ClausesFile },
  lexicon: { path: 'lexicon.json', schema: LexiconFile },
  regions: { path: 'regions.json', schema: RegionsFile },
  facts: { path: 'facts.json', schema: FactsFile },
  industries: { path: 'industries.json', schema: IndustriesFile },
  intents: { path: 'intents.json', schema: IntentsFile },
  answerBase: { path: 'answer-base.json', schema: AnswerBaseFile },
  // D — the three 申报书 specs, form-phase questions and drafting phrases.
  // 'as const' keeps the trailing '/' in the type, so KnowledgeData types it as a record by file name.
  forms: { path: 'forms/' as const, schema: FormSpec },
  formQuestions: { path: 'form-questions.json', schema: FormQuestions },
  formDrafting: { path: 'form-drafting.json', schema: FormDrafting },
  // E — capabilities, element conditions, category rules and the interview plan.
  capabilities: { path: 'capabilities.json', schema: CapabilitiesFile },
  elements: { path: 'elements.json', schema: ElementsFile },
  categoryRules: { path: 'category-rules.json', schema: CategoryRulesFile },
  interview: { path: 'interview.json', schema: InterviewFile },
  // The page's wording that restates the notice.
  ui: { path: 'ui.json', schema: UiFile },
} satisfies Record<string, KnowledgeFileSpec>;
