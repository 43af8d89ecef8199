import { z } from 'zod';

const Text = z.string().trim().min(1);

/**
 * Wording the page shows around what the server sends (ui.json): sentences that restate the notice, so they are
 * the knowledge version's, not the component's. A quotation of the notice in them (“…”) is checked against the
 * notice's text by the knowledge tests, as an answer's quote is.
 */
export const UiWording = z.object({
  assessment: z.object({
    /** The heading of the as-needed capabilities an element does not use: they make no gap. The items follow it. */
    asNeededUnused: Text,
    /** The closing note of the assessment panel: {notice} is 《the notice's short title》, or `noticeFallback`. */
    basis: Text.refine((t) => t.includes('{notice}'), 'basis must name the notice with {notice}'),
    noticeFallback: Text,
    /**
     * Hard conditions not yet answered (or answered 不清楚): the label before each and the note under them. They are
     * 待确认, never met, wherever the verdict is shown.
     */
    hardPending: Text,
    hardPendingNote: Text,
    /** No hard condition fails and none is unanswered. */
    hardNoneFailing: Text,
    /**
     * The enterprise chose its category and the other fits better (fitsBetter): the header names the choice as the
     * enterprise's, {category}, with the better one, {better}; 「推荐申报」 would read as the rules' preference.
     */
    chosenCategory: Text.refine((t) => t.includes('{category}'), 'chosenCategory must name {category}'),
    chosenFitsWorse: Text.refine((t) => t.includes('{better}'), 'chosenFitsWorse must name {better}'),
  }),
});
export type UiWording = z.infer<typeof UiWording>;

export const UiFile = UiWording.extend({ $comment: z.string().optional() });
