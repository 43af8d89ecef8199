import { z } from 'zod';
import { ClauseId } from './clauses';

/**
 * answer-base.json: the helpline's own answers (问答对). Each entry is one question asked in
 * several ways, answered conclusion first, proved by verbatim quotes of the clauses it rests on.
 * Clause existence and quote text are checked against clauses.json when the knowledge base is built.
 */

/** Values an answer may name as {placeholder}; each is filled from facts.json or regions.json. */
export const ANSWER_PLACEHOLDERS = [
  'unit', 'phone', 'perYear', 'deadline', 'platform', 'platformUrl', 'videoFormat', 'videoMaxMB', 'minResolution', 'duration', 'videoSeconds', 'videoToleranceSeconds', 'narration',
  'photosMin', 'quotaAll', 'overQuota',
] as const;

export const AnswerQuote = z.object({
  clause: ClauseId,
  /** Text inside the unit (sentence or 「；」 part) to quote; the whole unit is shown. */
  find: z.string().min(2),
});

export const AnswerEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Ways people ask it. The first is the canonical question. */
  questions: z.array(z.string().min(2)).min(2),
  /** The answer, conclusion first. {placeholders} from ANSWER_PLACEHOLDERS. */
  answer: z.string().min(4),
  /**
   * The kind of conclusion: yes / no, a value (number, date, form), a list, "depends" (the answer
   * names what decides), open (the notice leaves it to someone it names), notCovered (out of scope).
   */
  conclusion: z.enum(['yes', 'no', 'value', 'list', 'depends', 'open', 'notCovered']),
  clauses: z.array(ClauseId).min(1),
  quotes: z.array(AnswerQuote).default([]),
  /**
   * Word groups that must all be present (any word of each group) for the entry to answer a question.
   * A word may also name a kind of region from regions.json (@county: every 县 and 县级市; @district: every
   * 市辖区; by name, short name and alias), or any industry of industries.json (@industry: each division by
   * name and alias; @otherTrade: every everyday name of a trade outside manufacturing), so those lists are not copied here.
   */
  requires: z.array(z.array(z.union([z.string().min(1).regex(/^[^@]/u), z.literal('@county'), z.literal('@district'), z.literal('@industry'), z.literal('@otherTrade')])).min(1)).optional(),
  /**
   * The required words decide: when all are present (and no excluded word), this entry answers
   * ahead of entries that are only closer in wording. For a question form that is never asked of
   * anything else ("APC是什么意思" asks for a name, whatever entry speaks of APC).
   */
  decisive: z.boolean().optional(),
  /**
   * A rule that spans years (a title won or an application refused earlier, what may be applied for
   * later): a question asked of a later year (「明年能报工厂吗」) gets it, said to be this notice's rule.
   */
  acrossYears: z.boolean().optional(),
  /** Words whose presence means the question is about something else; a kind (@industry …) as in `requires`. */
  excludes: z.array(z.union([z.string().min(1).regex(/^[^@]/u), z.literal('@county'), z.literal('@district'), z.literal('@industry'), z.literal('@otherTrade')])).optional(),
  /**
   * The name staff know the entry by (the question log, the review queue, the console's chips), where its first
   * question names one case of what it answers: 「MES是什么意思」 would tag an SIS question with MES. An entry whose
   * answer is computed from the question (`fill`) names a case so, and must have one.
   */
  label: z.string().trim().min(2).optional(),
  /** For notCovered entries: what the notice does not cover, named in the refusal. */
  topic: z.string().optional(),
  /**
   * Answers computed from structured data instead of `answer` alone. glossary: each acronym the
   * question names (a lexicon alias) is read from the notice's own 「全称（简称）」 wording.
   * glossaryClauses: the same, then the clauses that ask for it by category and what the first asks.
   * regionQuotaAfter: the answer as written, then the quota of each region the question names.
   * tradeScope: a trade the question names (industries.json) is said to be manufacturing or not, in
   * place of the answer; tradeScopeAfter: the same, with the answer after it for a manufacturing trade.
   * notRequired: what the question asks to be needed, as it names it from the entry's first required
   * word group (「两化融合贯标」「ISO9001认证」), said not to be required, before the answer without its verdict.
   * namedTopic: the answer's {said} is the thing the question names from the first required word group (环保评级), so a
   * refusal names what was asked and never another thing of its kind; `topic` stands in where none is found.
   */
  fill: z.enum(['regionQuota', 'regionQuotaAfter', 'reapplication', 'industryType', 'industryTypeAfter', 'glossary', 'glossaryClauses', 'tradeScope', 'tradeScopeAfter', 'notRequired', 'namedTopic']).optional(),
  /**
   * A value the notice bounds (the video's size, the number of photos): a question naming its own
   * value in one of `units` (the factor converts it to the bound's unit) is answered `within` or
   * `beyond` the bound, which is a placeholder's name (videoMaxMB, photosMin) so the number stays in
   * facts.json. The templates may name {said}, the value as typed. A value equal to the bound names
   * the rule itself (「超过200M怎么办」), not the asker's own, and gets `answer`.
   */
  limit: z
    .object({
      units: z.array(z.object({ word: z.string().min(1), factor: z.number().positive() })).min(1),
      max: z.string().min(1).optional(),
      min: z.string().min(1).optional(),
      /**
       * A value the notice gives as 「左右」 (the video's 1分钟左右): within `tolerance` of it either way is `within`, further
       * off `beyond`. Both are placeholders' names, as max and min are.
       */
      around: z.string().min(1).optional(),
      tolerance: z.string().min(1).optional(),
      within: z.string().min(4),
      beyond: z.string().min(4),
      /**
       * A value the asker says the notice gives (「视频大小是500M对吧」「照片至少20张对吧」) that is not
       * the bound: the whole answer, one sentence correcting it first, `within` or `beyond` the bound as that value is.
       */
      confirm: z.object({ within: z.string().min(4), beyond: z.string().min(4) }).optional(),
    })
    .refine((l) => [l.max, l.min, l.around].filter(Boolean).length === 1, '数值界限（limit）只能写 max、min 或 around 其中之一')
    .refine((l) => Boolean(l.around) === Boolean(l.tolerance), '数值界限（limit）的 around 须与 tolerance 同写')
    .optional(),
  /**
   * Units a value of what the entry answers is said in, beyond its limit's (「分钟」「秒」 for the
   * video's length): a question that names values for two entries (「两分半钟 一百八十兆 行不行」) asks
   * of each, and each of them answers.
   */
  measures: z.array(z.string().min(1)).min(1).optional(),
  /**
   * The party whose figure the entry states, when a question may take it for another's: 3月15日 is the
   * bureaus' deadline to upload the 推荐汇总表, not the enterprise's. A confirmation of the figure
   * (「截止日期是3月15日对吧」) that names none of `words` opens with `lead` ({said}: the figure) in
   * place of 「对」, saying whose figure it is.
   */
  confirmFor: z.object({ words: z.array(z.string().min(1)).min(1), lead: z.string().min(4) }).optional(),
  /**
   * A list answer whose items a question may name one by one: a question naming some of the items
   * (and not all) is answered with those items alone, each with its own quote (and `also`, where the
   * item rests on the same words in more than one form); otherwise `answer`. `unless`: words that name a narrower
   * item (离散 beside 工厂), so this one is not named where they are. `subject`: the words the item's answer
   * names its thing with, right after the verdict (仓储管理系统（WMS）); items asked together whose answers read
   * the same after their subjects are said in one sentence naming the subjects together (answerText.sameReading).
   */
  items: z
    .array(
      z.object({
        words: z.array(z.string().min(1)).min(1),
        unless: z.array(z.string().min(1)).min(1).optional(),
        answer: z.string().min(4),
        subject: z.string().min(1).optional(),
        quote: AnswerQuote,
        also: z.array(AnswerQuote).min(1).optional(),
      }),
    )
    .min(2)
    .optional(),
});
export type AnswerEntry = z.infer<typeof AnswerEntry>;

export const AnswerBaseFile = z
  .object({
    $comment: z.string().optional(),
    /**
     * Words a question puts between an asking verb and its particle (「能报智能工厂吗」): required
     * and excluded words are also looked for in the question with these words taken out, so
     * 「能报吗」 is found there.
     */
    impliedObjects: z.array(z.string().min(2)).optional(),
    /**
     * Guard words a lexicon concept stands for, by its canonical name: a question that names the
     * concept in any of its words (「化工厂」 names 流程型) meets and trips the guards that spell it
     * 「流程」, as if it had said so.
     */
    conceptGuards: z.record(z.string().min(1), z.array(z.string().min(1)).min(1)).optional(),
    entries: z.array(AnswerEntry).min(1),
  })
  // Each refusal names its rule in `params.rule` (and the placeholder in `params.name`), so a form that shows it in
  // words of its own reads the rule, not the wording of the message.
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.entries.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], params: { rule: 'duplicateId' }, message: `条目 id 重复：${e.id}` });
      ids.add(e.id);
      for (const m of e.answer.matchAll(/\{(\w+)\}/g)) {
        // {said} is the thing named by the question, which only a namedTopic entry fills.
        const own = e.fill === 'namedTopic' && m[1] === 'said';
        if (!own && !(ANSWER_PLACEHOLDERS as readonly string[]).includes(m[1]!)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'answer'], params: { rule: 'unknownPlaceholder', name: m[1] }, message: `未知的占位符 {${m[1]}}；可用的占位符：${ANSWER_PLACEHOLDERS.join('、')}` });
      }
      if (e.conclusion === 'notCovered' && !e.topic) ctx.addIssue({ code: 'custom', path: ['entries', i, 'topic'], params: { rule: 'noTopic' }, message: '通知未涉及（notCovered）的条目须写明所拒答的话题（topic）' });
      if (e.conclusion !== 'notCovered' && e.quotes.length === 0) ctx.addIssue({ code: 'custom', path: ['entries', i, 'quotes'], params: { rule: 'noQuote' }, message: '答复须至少有一处通知原文引用（quotes）为据' });
    });
  });
export type AnswerBaseFile = z.infer<typeof AnswerBaseFile>;
