import { z } from 'zod';
import { UiWording } from '../knowledge/schemas/ui';
import { Assessment } from './profile';
import { Citation } from './ask';
import { AnswerValue, Progress, QuestionView, Recorded } from './interview';

/** Messages over /api/chat larger than this are refused with a typed error (the socket stays open). */
export const MAX_WS_MESSAGE_BYTES = 16 * 1024;

/** A client-chosen id makes every write idempotent: a resent message after a reconnect is acknowledged, not applied twice. */
const ClientId = z.string().min(1).max(64);
/**
 * The question the page showed as pending when the message was sent (null: none). A reply to a question another tab
 * of the session has since answered is refused (STALE) rather than filed under the question that waits now.
 */
const Pending = z.string().min(1).max(120).nullable().optional();

export const ClientMessage = z.discriminatedUnion('type', [
  /** Opens a new session (no sessionId) or resumes one; the server replays transcript entries after lastSeq. */
  z.object({
    type: z.literal('open'),
    sessionId: z.string().max(64).optional(),
    token: z.string().max(128).optional(),
    lastSeq: z.number().int().nonnegative().optional(),
    /** Optional, backward compatible: 'qa' when the user came to ask, so a new session's greeting does not start the interview. */
    mode: z.enum(['interview', 'qa']).optional(),
  }),
  /** Free text: an answer in words, or a question about the notice. mode 'qa' never advances the interview. */
  z.object({ type: z.literal('text'), clientId: ClientId, text: z.string().trim().min(1).max(2000), mode: z.enum(['interview', 'qa']).optional(), pending: Pending }),
  /** An answer given through a widget. null skips the question for now. */
  z.object({
    type: z.literal('answer'),
    clientId: ClientId,
    questionId: z.string().min(1).max(120),
    value: AnswerValue,
    /** With value null: skips every unanswered question of the question's group (a year with no data) in one step. */
    wholeGroup: z.boolean().optional(),
    /** With wholeGroup: the part of the form skipped instead of the group (workshops, workshops@2, finance, indicators). */
    section: z.string().max(40).regex(/^[a-z]+(?:@\d{1,2})?$/).optional(),
    pending: Pending,
  }),
  /** Changes an earlier answer (from the review card); re-runs the assessment. */
  z.object({ type: z.literal('edit'), clientId: ClientId, questionId: z.string().min(1).max(120), value: AnswerValue }),
  /**
   * Several changes at once (the facts of an uploaded document accepted together): checked in order as edits are, and
   * kept together as one entry, or none of them when one is refused.
   */
  z.object({
    type: z.literal('edits'),
    clientId: ClientId,
    items: z.array(z.object({ questionId: z.string().min(1).max(120), value: AnswerValue })).min(1).max(60),
  }),
  /** Takes back skips: each listed form question skipped (null) is open again, to be asked or filled; others are left. */
  z.object({ type: z.literal('reopen'), clientId: ClientId, questionIds: z.array(z.string().min(1).max(120)).min(1).max(400) }),
  /** Starts the interview over within the same session (the transcript is kept). */
  z.object({ type: z.literal('restart'), clientId: ClientId }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const TranscriptEntry = z.object({
  seq: z.number().int().positive(),
  id: z.string(),
  role: z.enum(['user', 'assistant']),
  text: z.string(),
  citations: z.array(Citation).default([]),
  clientId: z.string().optional(),
  at: z.string(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

/**
 * What changed in the assessment since the last one sent on the same connection: each changed
 * field whole, and of the conditions (most of the size) only those that changed, by index,
 * with the list's new length. Applied to the previous assessment it gives exactly the new one
 * (server/chat/assessment-changes.ts); the first assessment on a connection is always whole.
 */
export const AssessmentChanges = Assessment.omit({ conditions: true })
  .partial()
  .extend({
    conditions: z
      .object({
        length: z.number().int().nonnegative(),
        set: z.array(z.object({ i: z.number().int().nonnegative(), condition: Assessment.shape.conditions.element })),
      })
      .optional(),
  });
export type AssessmentChanges = z.infer<typeof AssessmentChanges>;

export const ServerMessage = z.discriminatedUnion('type', [
  /** First reply to 'open': who you are, plus transcript entries after the client's lastSeq. */
  z.object({
    type: z.literal('session'),
    sessionId: z.string(),
    token: z.string(),
    resumed: z.boolean(),
    transcript: z.array(TranscriptEntry),
    answers: z.record(z.string(), AnswerValue),
    /** The knowledge version the session was created under; it keeps it when a newer notice is published. */
    knowledge: z
      .object({
        version: z.string(),
        year: z.number().int(),
        title: z.string(),
        shortTitle: z.string(),
        issuer: z.string(),
        /** The page's wording that restates this version's notice (knowledge ui.json). */
        ui: UiWording.optional(),
      })
      .optional(),
  }),
  /** A user message was stored; seq is its place in the transcript. Sent before any reply to it. */
  z.object({ type: z.literal('ack'), clientId: z.string(), seq: z.number().int().positive(), duplicate: z.boolean().optional() }),
  /** Assistant text streams as start → delta* → end; the stored transcript entry has the same id and seq. */
  z.object({ type: z.literal('message.start'), id: z.string(), seq: z.number().int().positive() }),
  z.object({ type: z.literal('message.delta'), id: z.string(), delta: z.string() }),
  z.object({
    type: z.literal('message.end'),
    id: z.string(),
    seq: z.number().int().positive(),
    text: z.string(),
    citations: z.array(Citation),
    /** Set on an answer to a question: the question log's id, which 👍/👎 (POST /api/feedback) refers to. */
    questionId: z.uuid().optional(),
  }),
  /**
   * Another tab of the same session changed it: the transcript entries this connection has not been sent, and the
   * answers and their descriptions whole. The assessment and the question card follow as after a turn.
   */
  z.object({ type: z.literal('sync'), transcript: z.array(TranscriptEntry), answers: z.record(z.string(), AnswerValue), recorded: z.array(Recorded) }),
  /** What an answer or free text recorded, for the confirmation and the review card. */
  /**
   * `questions`: the widget each item is asked with, so an answer recorded in passing (a category said in a sentence,
   * never asked as a card) is edited in 我的回答 with its own choices, not as raw text.
   */
  z.object({ type: z.literal('recorded'), items: z.array(Recorded), questions: z.array(QuestionView).optional() }),
  /** Skips taken back (the form view's 撤销跳过): these questions hold no answer any more. */
  z.object({ type: z.literal('reopened'), questionIds: z.array(z.string()) }),
  /** The next question with its widget; null when the interview has nothing more to ask. */
  z.object({ type: z.literal('question'), question: QuestionView.nullable(), progress: Progress }),
  z.object({ type: z.literal('assessment'), assessment: Assessment, progress: Progress }),
  /** The assessment after a turn, as changes to the one sent before it on this connection. */
  z.object({ type: z.literal('assessment.changes'), changes: AssessmentChanges, progress: Progress }),
  /** A short notice for the user, e.g. the model is unavailable and the offline engine carries on. */
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warn']), text: z.string() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string(), clientId: z.string().optional() }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

export const WsErrorCode = {
  malformed: 'MALFORMED',
  tooLarge: 'TOO_LARGE',
  unknownType: 'UNKNOWN_TYPE',
  invalid: 'INVALID',
  notOpen: 'NOT_OPEN',
  notFound: 'NOT_FOUND',
  unknownQuestion: 'UNKNOWN_QUESTION',
  internal: 'INTERNAL',
  rateLimited: 'RATE_LIMITED',
  /** A reply to a question that is no longer pending (another tab answered it); nothing was recorded. */
  stale: 'STALE',
} as const;
