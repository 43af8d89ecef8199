import type { KnowledgeData } from '../../server/knowledge/load';
import { draftSection, sectionIds, type FormsContext } from '../../server/forms/draft';
import { fillForm } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { getPath } from '../../server/forms/facts';
import { applyFormAnswer, formView, interpretForm, markApproximate } from '../../server/forms/phase';
import type { Answers } from '../../server/schemas/interview';
import type { Category } from '../../server/schemas/profile';

/**
 * What the typed rounds do with an enterprise's answers once read: the session's draft profile, the filled form, every
 * section drafted (each workshop's too) and the distinct sentences drafted, as the export would see them.
 */
export function draftTyped(data: KnowledgeData, ctx: FormsContext, answers: Answers, category: Category) {
  const { profile, recommended } = sessionDraftProfile(data, ctx, answers);
  const form = fillForm(ctx, profile, category);
  const drafts = [...Object.values(form.drafts)];
  const nWs = Math.max(1, profile.form.workshops?.length ?? 0);
  for (const s of sectionIds(ctx, category).filter((x) => x.perWorkshop)) for (let i = 1; i <= nWs; i++) drafts.push(draftSection(ctx, profile, category, `${s.id}@${i}`));
  const sentences = [...new Set(drafts.flatMap((d) => d.sentences.map((x) => x.text)))];
  return { profile, recommended, form, drafts, sentences };
}

/** The answers with `text` typed at `id`, read as the chat and the form view read it; a round figure is kept as said. */
export function typedAt(ctx: FormsContext, answers: Answers, id: string, text: string, category: Category): Answers {
  const r = interpretForm(ctx, text, formView(ctx, id, category));
  if (r.kind !== 'answers') throw new Error(`${text}: ${JSON.stringify(r)}`);
  let a = answers;
  for (const i of r.items) {
    const applied = applyFormAnswer(ctx, a, i.questionId, i.value);
    if (!applied.ok) throw new Error(applied.error);
    a = i.approx ? markApproximate(applied.answers, i.questionId, i.said ?? text) : applied.answers;
  }
  return a;
}

/** A fact of the form's facts by path; a narrative cell's key has dots of its own (elements.ws.run). */
export function factAt(form: object, path: string): unknown {
  const m = /^(workshops\.\d+\.descriptions|elements)\.(.+)$/.exec(path);
  if (m) return (getPath(form, m[1]!) as Record<string, unknown> | undefined)?.[m[2]!];
  return getPath(form, path);
}

/** The notice's 「实现…」 achievements, which a draft must never print for a fact the enterprise did not give. */
export function noticeAchievements(data: KnowledgeData): string[] {
  return [
    ...new Set(
      Object.values(data.elements.categories).flatMap((cat) =>
        cat.elements.flatMap((el) => [...(el.requirements ?? []), ...Object.values(el.branches ?? {}).flat()].flatMap((r) => [...r.text.matchAll(/实现[^，；。…]{4,}/g)].map((m) => m[0]))),
      ),
    ),
  ];
}
