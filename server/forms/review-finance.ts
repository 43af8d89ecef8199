import type { KnowledgeData } from '../knowledge/load';
import type { Answers } from '../schemas/interview';
import type { Category } from '../schemas/profile';
import { factsFromAnswers } from '../engine/facts';
import { reviewFinanceFlags } from './facts';
import { factCheckFormOf } from './knowledge';
import { formFactsFromAnswers } from './phase';

/** Warnings on an applicant's 近三年主要经济指标 for the bureau's 初审, with the note that the bureau judges them. */
export interface ReviewFinanceWarnings {
  items: { clause: string; text: string }[];
  note: string;
}

/**
 * The finance checks the enterprise's own form shows (liabilities above assets, profit above revenue, loss years
 * beside 经营良好), read from the submitted answers and worded for the 主管部门: 二(一)'s 「生产经营和财务状况良好」 is
 * its judgement at 初审, so these are warnings beside the verdict, never part of it. Null when there is none.
 */
export function reviewFinanceWarnings(data: KnowledgeData, answers: Answers, category: Category | null): ReviewFinanceWarnings | null {
  const wording = data.formDrafting.reviewFinance;
  if (!wording) return null;
  const form = formFactsFromAnswers(data, answers);
  if (!form.finance) return null;
  const operatingWell = factsFromAnswers(data, answers).enterprise.operatingWell;
  const flags = reviewFinanceFlags({ enterprise: operatingWell === undefined ? {} : { operatingWell }, form }, factCheckFormOf(data, category), wording);
  if (!flags.length) return null;
  return { items: flags.map((f) => ({ clause: f.clause ?? '二(一)', text: f.message })), note: wording.note };
}

/**
 * The same warnings as 待确认 notes of the enterprise's own assessment (「还中吧，没亏」 and then a 2022 loss): a later
 * figure that contradicts an earlier yes is shown to the enterprise too, not only to the bureau. None without wording.
 */
export function enterpriseFinanceNotes(data: KnowledgeData, answers: Answers, category: Category | null): { clause: string; text: string }[] {
  const template = data.formDrafting.reviewFinance?.enterpriseNote;
  const w = template ? reviewFinanceWarnings(data, answers, category) : null;
  return w ? w.items.map((i) => ({ clause: i.clause, text: template!.replace('{text}', i.text) })) : [];
}
