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
    /**
     * Under the failing hard conditions: what to do beyond each condition's own remedy (correct a wrong answer, or ask
     * the notice's contact). In ui.json it names {unit} and {phone}; the server fills them from facts.json `contact`
     * before sending, so the page receives the sentence whole. Optional on the wire for sessions of older versions.
     */
    blockedHelp: Text.optional(),
  }),
});
export type UiWording = z.infer<typeof UiWording>;

/** Template text whose placeholders are exactly `names`. */
const templateOf = (names: string[]) =>
  Text.refine((t) => {
    const used = new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    return used.size === names.length && names.every((n) => used.has(n));
  }, `placeholders must be exactly ${names.map((n) => `{${n}}`).join(' ')}`);

/** Wording of the staff console, which the enterprise page never receives. */
export const ConsoleWording = z.object({
  /** A review-queue item that is an interview reply the rules did not read: no question, so no answer-base action fits it. */
  interviewMisread: z.object({
    tag: Text,
    /** What the item is: the interview question it answered, its clause, and what the enterprise was told then. */
    what: templateOf(['question', 'clause', 'toldBack']),
    /** The action that notes the reply for the interview's lexicon and takes it off the queue. */
    lexicon: Text,
    lexiconDone: Text,
  }),
});
export type ConsoleWording = z.infer<typeof ConsoleWording>;

export const UiFile = UiWording.extend({ $comment: z.string().optional(), console: ConsoleWording }).refine(
  (f) => f.assessment.blockedHelp === undefined || ['{unit}', '{phone}'].every((p) => f.assessment.blockedHelp!.includes(p)),
  { message: 'assessment.blockedHelp must name {unit} and {phone}, the contact the server fills in', path: ['assessment', 'blockedHelp'] },
);
