import type { Assessment } from '../schemas/profile';
import type { AssessmentChanges } from '../schemas/ws';

/**
 * The assessment as changes to the previous one (the AssessmentChanges message), and back.
 * Pure and free of runtime imports: the web client applies changes with the same function.
 */

/** Structural equality of JSON-shaped values (what an assessment is made of). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let n = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    if (!same(ao[k], bo[k])) return false;
    n++;
  }
  for (const k in bo) if (bo[k] !== undefined) n--;
  return n === 0;
}

type Field = Exclude<keyof Assessment, 'conditions'>;

/** What changed from `before` to `after`; `{}` when nothing did. */
export function assessmentChanges(before: Assessment, after: Assessment): AssessmentChanges {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof Assessment)[]) {
    if (k === 'conditions') continue;
    if (!same(before[k], after[k])) out[k] = after[k];
  }
  // A field the new assessment no longer has cannot be expressed as a change; none is optional today.
  for (const k of Object.keys(before) as (keyof Assessment)[]) if (!(k in after)) throw new Error(`assessment field ${k} disappeared`);
  const set: { i: number; condition: Assessment['conditions'][number] }[] = [];
  after.conditions.forEach((c, i) => {
    if (!same(before.conditions[i], c)) set.push({ i, condition: c });
  });
  if (set.length || before.conditions.length !== after.conditions.length) out.conditions = { length: after.conditions.length, set };
  return out as AssessmentChanges;
}

/** The assessment `changes` describe, given the one they were computed against. */
export function applyAssessmentChanges(base: Assessment, changes: AssessmentChanges): Assessment {
  const next = { ...base } as Record<string, unknown>;
  for (const k of Object.keys(changes) as (keyof AssessmentChanges)[]) {
    if (k === 'conditions') continue;
    next[k as Field] = changes[k];
  }
  if (changes.conditions) {
    const list = base.conditions.slice(0, changes.conditions.length);
    for (const { i, condition } of changes.conditions.set) list[i] = condition;
    next.conditions = list;
  }
  return next as Assessment;
}
