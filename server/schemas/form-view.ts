import { z } from 'zod';
import { AnswerValue } from './interview';
import { Category } from './profile';

/**
 * The chosen 申报书 as a form: its sections and fields in the official order, each bound to the
 * form-phase question that holds its fact (edited through the chat socket like any answer), to a
 * computed value, or to a drafted narrative.
 */

/**
 * filled/unconfirmed/skipped/empty/invalid: a fact the user gives (unconfirmed: given as a round figure or a range,
 * which the signed form leaves blank until the exact figure is given); computed: the system works it out;
 * drafted: written from the facts; notCollected: printed blank for handwriting.
 */
export const FormFieldStatus = z.enum(['filled', 'unconfirmed', 'skipped', 'empty', 'invalid', 'computed', 'drafted', 'notCollected']);
export type FormFieldStatus = z.infer<typeof FormFieldStatus>;

export const FormViewField = z.object({
  /** Unique in the view: the question id, or the form field id (with "@n" for a workshop). */
  key: z.string(),
  label: z.string(),
  hint: z.string().optional(),
  input: z.enum(['text', 'number', 'date', 'narrative', 'choice', 'computed', 'draft', 'none']),
  questionId: z.string().optional(),
  /**
   * The field's full name where the label is one cell of a row (「2020年」 under 总资产, 「」 under 不良品率):
   * what the chat names when the field is edited (「修改「2020年总资产」：…」).
   */
  name: z.string().optional(),
  /** The draft section a drafted narrative is edited under ("enterpriseIntro", "ws.infra@2"). */
  section: z.string().optional(),
  unit: z.string().optional(),
  /** A date field's precision: a month-only field takes 2020-03, and its box asks for no day. */
  precision: z.enum(['month', 'day']).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().optional(),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  /** The stored answer; absent when never answered, null when skipped. */
  value: AnswerValue.optional(),
  /** The words typed for a figure given round or as a range (「一千五到两千万」), shown in place of the figure kept. */
  said: z.string().optional(),
  /** As the field shows it (the recorded display, or the computed figure). */
  display: z.string().nullable(),
  formula: z.string().optional(),
  status: FormFieldStatus,
  /** The value came from the interview (the industry), so the form never asks it again. */
  fromInterview: z.boolean().optional(),
  /** Cross-field checks on the stored facts (liabilities above assets, dates out of order). */
  flags: z.array(z.object({ severity: z.enum(['error', 'warning']), message: z.string() })),
});
export type FormViewField = z.infer<typeof FormViewField>;

/** A row of the form: one field, or the cells of one matrix row (近三年主要经济指标: one per year). */
export const FormViewRow = z.object({ label: z.string().optional(), fields: z.array(FormViewField) });
/**
 * A group that is one part of the form the chat can put off whole (a workshop, the finance, the indicators): `section`
 * is that part as the chat's skip names it (workshops@2, finance), `questionId` the open question the skip is sent for,
 * absent when none is open, and `skipped` the questions skipped in it, which 撤销跳过 opens again.
 */
export const FormViewGroupSkip = z.object({ section: z.string(), label: z.string(), questionId: z.string().optional(), open: z.number().int(), skipped: z.array(z.string()) });
export const FormViewGroup = z.object({ id: z.string(), title: z.string().optional(), rows: z.array(FormViewRow), skip: FormViewGroupSkip.optional() });
export const FormViewSection = z.object({ id: z.string(), title: z.string(), part: z.string().optional(), clause: z.string().optional(), groups: z.array(FormViewGroup) });
export type FormViewSection = z.infer<typeof FormViewSection>;

export const FormView = z.object({
  category: Category,
  attachment: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  sections: z.array(FormViewSection),
  /** Fields the user gives, by status. */
  counts: z.object({ filled: z.number().int(), unconfirmed: z.number().int(), skipped: z.number().int(), empty: z.number().int(), invalid: z.number().int() }),
});
export type FormView = z.infer<typeof FormView>;

/** A value typed into a field, read and checked the way the chat would store it, without storing it. */
export const FormCheckRequest = z.object({ questionId: z.string().min(1).max(120), text: z.string().max(4000), category: Category.optional() }).strict();
export const FormCheckResult = z.union([
  z.object({
    ok: z.literal(true),
    value: AnswerValue,
    display: z.string(),
    /** The words the box's own value is saved as, where the text gave other fields' values too (「2021年1200万」). */
    said: z.string().optional(),
    /** The text gave only other fields' values: the box keeps what it had, and only `also` is saved. */
    keep: z.literal(true).optional(),
    /** Other fields the same text fills, still empty (「联系人赵主任 138…」 in the name box: the mobile), read as the chat reads them. */
    also: z.array(z.object({ questionId: z.string(), value: AnswerValue, display: z.string(), label: z.string() })).optional(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type FormCheckResult = z.infer<typeof FormCheckResult>;
