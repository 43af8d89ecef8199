import { z } from 'zod';

/**
 * review.json of a draft knowledge version: every item carried over from the version it was
 * ingested against, the clauses it rests on, and whether an operator still has to look at it.
 * Publishing refuses while any item needs review and has not been accepted.
 */

/** What an item drives, so a reviewer can walk one area at a time. */
export const ReviewGroup = z.enum(['facts', 'rules', 'interview', 'forms', 'answers', 'notice']);
export type ReviewGroup = z.infer<typeof ReviewGroup>;

export const ReviewItem = z.object({
  /** `<file>#<JSON pointer>`, e.g. `interview.json#/questions/12`. */
  id: z.string().regex(/^[\w./-]+\.json#(\/[^/]*)*$/, '复核项 id 的写法为 <文件>#<JSON 指针>'),
  file: z.string().min(1),
  pointer: z.string(),
  group: ReviewGroup,
  /** A short name for people: the question id, the element title, the quota group. */
  label: z.string().min(1),
  /** Clause IDs the item cites (resolved to full IDs). */
  clauses: z.array(z.string()),
  needsReview: z.boolean(),
  /** Why it needs review, or how it was brought up to date. */
  reason: z.string().optional(),
  /** Values re-extracted from the new notice text, old → new. */
  reextracted: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
  /**
   * Clauses the item cited that the new notice removed while another clause took their number.
   * Unedited, the item would cite that other clause, so publishing refuses it.
   */
  retired: z.array(z.string()).optional(),
  /** sha256 of the item's JSON as carried over, so a review can tell an edited item from an accepted one. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * `dropped`: an operator removed the item because the new notice no longer has what it rests on. It stays in its
   * file until publishing takes it out, so the drop can be undone until then.
   */
  status: z.enum(['pending', 'accepted', 'dropped']).optional(),
  reviewedAt: z.string().optional(),
  droppedAt: z.string().optional(),
  /** The status the item had before it was dropped, given back when the drop is undone. */
  before: z.enum(['pending', 'accepted']).optional(),
  edited: z.boolean().optional(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewFile = z.object({
  $comment: z.string().optional(),
  version: z.string(),
  basedOn: z.string(),
  createdAt: z.string(),
  items: z.array(ReviewItem),
});
export type ReviewFile = z.infer<typeof ReviewFile>;

/** An item still blocks publishing when it needs review and nobody accepted it. */
export const isPending = (i: ReviewItem) => i.needsReview && i.status !== 'accepted' && i.status !== 'dropped';

export const isDropped = (i: ReviewItem) => i.status === 'dropped';
