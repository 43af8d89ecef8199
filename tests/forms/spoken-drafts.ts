import { expect } from 'vitest';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import type { DraftProfile } from '../../server/schemas/forms';
import type { Category } from '../../server/schemas/profile';
import { capabilityTerms, filledFormProblems } from './claims';

export const PLACEHOLDER = /〔请补充：[^〕]*〕/gu;

/** The filled form and every drafted section of one enterprise, each workshop's copy of a section too. */
export function draftedAll(ctx: FormsContext, profile: DraftProfile, category: Category) {
  const form = fillForm(ctx, profile, category);
  const drafts = [...Object.values(form.drafts)];
  for (const s of sectionIds(ctx, category).filter((x) => x.perWorkshop)) drafts.push(draftSection(ctx, profile, category, `${s.id}@1`));
  return { form, drafts, text: drafts.map((d) => d.text).join('\n') };
}

/** Every claim traces to a fact, with the measured counts of sentences checked and of requests, and no spoken word printed. */
export function expectTraced(ctx: FormsContext, profile: DraftProfile, category: Category, checked: number, requests: number, spoken: RegExp): void {
  const { form, drafts, text } = draftedAll(ctx, profile, category);
  const r = filledFormProblems(profile, form, drafts, capabilityTerms(ctx.formDrafting));
  expect(r.problems).toEqual([]);
  expect(r.checked).toBe(checked);
  expect(drafts.reduce((n, d) => n + (d.text.match(PLACEHOLDER) ?? []).length, 0)).toBe(requests);
  expect(text.replace(PLACEHOLDER, '')).not.toMatch(spoken);
}
