import { z } from 'zod';

/** An answer as stored: the widget's value, or what free text was interpreted as. */
export const AnswerValue = z.union([
  z.boolean(),
  z.literal('partial'),
  // A system being built, commissioned or planned: not in place yet, and not a plain no either.
  z.literal('building'),
  z.number().finite(),
  z.string().max(4000),
  z.array(z.string().max(200)).max(50),
  z.null(), // an explicit skip: asked, not answered, may be filled later
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const QuestionKind = z.enum(['yesNoPartial', 'yesNo', 'choice', 'multiChoice', 'number', 'text', 'date']);
export type QuestionKind = z.infer<typeof QuestionKind>;

/** One interview question as the client sees it (knowledge data may carry more). */
export const QuestionView = z.object({
  id: z.string(),
  text: z.string(),
  kind: QuestionKind,
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  clause: z.string().optional(),
  help: z.string().optional(),
  phase: z.enum(['hard', 'category', 'elements', 'form']),
  optional: z.boolean().optional(),
  /** A narrative answer: the client offers a multi-line input that grows with the text. */
  multiline: z.boolean().optional(),
  /** A date kept to the month: the client offers a month picker, so no day is asked that the form does not keep. */
  precision: z.enum(['month', 'day']).optional(),
  /** The question belongs to a group (a financial year) that can be skipped in one step; the label names it. */
  group: z.object({ id: z.string(), label: z.string() }).optional(),
  /** The skip button's words and how a skip reads back, from the knowledge's product wording. */
  skip: z.object({ action: z.string(), display: z.string() }).optional(),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const Progress = z.object({
  /** Questions with an answer (skips not counted), over the whole session: the same count as the review card's. */
  answered: z.number().int().nonnegative(),
  /** Questions left in the current phase. */
  remaining: z.number().int().nonnegative(),
  /** While assessing: the form questions expected afterwards, so the total does not jump when the form starts. */
  upcoming: z.number().int().nonnegative().optional(),
  phase: z.enum(['hard', 'category', 'elements', 'form', 'done']),
});
export type Progress = z.infer<typeof Progress>;

/** What the engine recorded from an answer or from free text, confirmed back to the user. */
export const Recorded = z.object({
  questionId: z.string(),
  label: z.string(),
  value: AnswerValue,
  display: z.string(),
  /** What stands in the form for a skipped answer (「申报书先写2015年，月份待补充」), said after 「已跳过」. */
  note: z.string().optional(),
  /**
   * A skip a hard condition reads: the condition is 待确认, not put off like any skipped item, so the chat and the
   * review count it apart from the skips.
   */
  pending: z.literal(true).optional(),
});
export type Recorded = z.infer<typeof Recorded>;

/** An interview's answers by question id: the whole state the rules read. */
export type Answers = Record<string, AnswerValue>;

/**
 * An answer map as an immutable value: every change makes a new map, so the engine may remember
 * what it derived from one map by its identity (see engine/plan.ts). A frozen map is returned as is.
 */
export function sealAnswers(answers: Answers): Answers {
  if (Object.isFrozen(answers)) return answers;
  for (const _ in answers) return Object.freeze({ ...answers });
  // Every new session starts from no answers: one shared map, so what the engine derives from it
  // (the first assessment and question) is worked out once, not at every session's opening.
  return NO_ANSWERS;
}

const NO_ANSWERS: Answers = Object.freeze({});

/** The result of applying one answer, shared by the engine's phases and the form phase. */
export type ApplyResult =
  | {
      ok: true;
      answers: Answers;
      recorded: Recorded[];
      /** Conditions this answer newly fails; the engine's hard conditions also say what would change the answer (remedy). */
      newlyBlocking: { clause: string; reason: string; remedy?: string }[];
    }
  | { ok: false; error: string };

/**
 * A piece of a reply said in passing and not recorded: `said` as typed, and why. 'otherYear': a figure of a year the
 * form does not ask (「今年营收两个亿」). 'practice': a yes that names only a
 * way of working by hand (「有，纸质的」), recorded as no system, with the words that said so. 'hedgedNo': a hedged no said
 * beside a question about the system's name (「啥是RTO？应该没有」), recorded as no, with the hedge read back. 'ghostwrite': a request
 * to write the answer up for the enterprise (「你帮我写得正式一点」) beside the facts it gave, which are recorded as said.
 * 'plantCount': a count of the whole plant's equipment (「厂里设备两百多台」), which the form, asking each workshop's, has
 * no field for.
 */
export type PassingNote =
  | { said: string; reason: 'yearless' | 'notOnForm' | 'practice' | 'standing' | 'hedgedNo' | 'ghostwrite' | 'plantCount' }
  /** A yearly figure of a year the form's table has no column for (今年, 2019年): the year said and the table's years, listed. */
  | { said: string; reason: 'otherYear'; year: number; years: string };

/** What offline free-text reading made of a message. */
export type Interpretation =
  /**
   * wholeGroup: the one item is a skip that stands for every unanswered question of its group (a year with no data), or
   * with `section` of that part of the form (「车间的先跳过」: `workshops`; one workshop's: `workshops@2`).
   */
  /** approx: a figure given as a round one (「约1200万」, 「两百来人」), recorded but to be checked before the form is signed. */
  /** asks: the message also asks something (「没有立体库，必须要有吗」): the items are its answer part, and the question is answered too. */
  /**
   * extra: an item for another field than the one asked, stated in passing (「…，电话13837112345」): it fills
   * that field only while it is unanswered, and the user is told. notes: pieces said in passing that name
   * something but were not read as a value (a yearly figure without its year, a postcode the form does not ask for).
   * said: the words a round figure was given in, where the reply holds more than that figure.
   * adds: an extra item of a story's field (研发投入 for 研发队伍、科研成果…) that adds its words to the story the field holds.
   * pendingLeft: the pending question is not answered by these items, and why (as for 'unclear'), so it is
   * asked again naming what was heard.
   */
  | {
      kind: 'answers';
      items: { questionId: string; value: AnswerValue; approx?: true; extra?: true; adds?: true; said?: string; underway?: true }[];
      wholeGroup?: boolean;
      section?: string;
      asks?: true;
      notes?: PassingNote[];
      pendingLeft?: { reason: 'lookalike' | 'whichWorkshop' | 'notRead' | 'wrongKind' | 'applyingUnit'; choices: string[]; field?: string };
      /** unit: the applying workshop named beside the answer (「没有，这次报的是总装车间」), for the form's 车间名称. */
      unit?: string;
    }
  | { kind: 'question' }
  /**
   * Nothing recorded. 'instruction': the text tells the assistant what to conclude instead of
   * describing the enterprise; 'notAnAnswer': it has an answer word but does not answer the
   * pending question plainly, so the user is asked rather than guessed for; 'previous': it corrects
   * the answer before (「上一个说错了，其实有」) without naming it, so it does not answer the pending question.
   * 'lookalike': a yes that names a document or a manual practice (「有应急预案」「有纸质记录」), not the
   * system asked about (`choices` holds the words named).
   * 'severalChoices': it names more than one option of a one-choice question and says of none that it is
   * the main one (「两种都有，电芯是离散的，电解液是流程的」); `choices` are the labels it named.
   * 'hedge': a yes said with a hedge (「差不多有吧」「应该有吧」「不太好说」); `choices` are the hedges as typed.
   * 'lookalike' also covers a yes that names only other systems (「有，我们有ERP」 to the online-inspection question).
   * 'whichWorkshop': a workshop applicant says the system is in one workshop only (「只有一个车间上了MES」) and not
   * whether it is the applying one; `choices` are the words that said so.
   * 'otherItem': it only denies an option of another question (「不是离散的」 while the founding year waits), so it answers
   * neither that question nor the pending one; `field` names the other question, `choices` the words typed.
   * 'otherCategory': to the question whether another application is handed in this year, a category of this notice said
   * as an addition (「还打算报一个智能工厂」) may be this application's category or a second application: it is asked back;
   * `choices` are the words typed and the category named.
   * 'otherEntity': a form figure said of another body (「集团合并报表是85亿」), with no figure of the enterprise's own;
   * `choices` are the words that name that body. 'bare': a form reply with nothing to put in the field (「很多」 for a
   * figure, 「有」 or 「同上」 for a description). `field` names the form field asked, for an ask-back that says which.
   * 'percentOrFraction': a bare decimal to a percentage field (「0.6」), which may be 0.6% or 60%; `choices` are the
   * words typed, the figure as a percentage and as a fraction of one.
   * 'period': a figure said for another span than the field's (「一个月六千万」 to a year's revenue); `choices` are the
   * words typed, the span said and the field's. 'otherYear': a yearly figure said with another year that could not be
   * recorded as that year's; `choices` are the words typed and the year said. 'seriesCount': figures after a series of
   * years (「2020到2022年…」) that cannot be placed one a year; `choices` are the series as typed and its count of years. 'notNamed': a reply to a field of listed
   * names (资本性质) that says none of them; `choices` are the words typed, then the names. 'wanOrPlace': a 万 inside a numeral (「十万五」) that the field's range
   * does not read one way; `choices` are the words typed and the figure in 万元 with 万 as its unit and as a place.
   * 'wrongKind': a value of another kind than the field wants (「90天」 to a rate, 「2015年」 to the credit code);
   * `choices` are the words typed, the kind they state and what the field wants. 'parts': several figures of a count's
   * parts with no whole said (「数控机床30台，机器人12台」 to 设备总数); `choices` are the words typed, their sum and the unit.
   * 'onePart': one part's figure of a count with no whole said (「3号线有40台」 to 设备总数); `choices` are the words typed,
   * the part named, the figure with its unit and what the whole is called.
   * 'otherTime': a figure of another time (「建设后320人」) to a field asking the figure as it is now; `choices` are the
   * words typed, the time word and the figure to send if now's is the same. 'yesToWhich': a bare yes (「是」) to an ask-back
   * that offered several values; `choices` are those values.
   * 'sameAsUnknown': another answer pointed at with words added (「同单位地址，厂区3号车间」) while that answer is not
   * given; `choices` are the words typed and the words pointing at it.
   * 'narrowScope': a standing said within a narrower scope than the question asks (「在许昌家具行业里算前面的」 to a
   * 省内 comparison); `choices` holds the word that narrows it.
   * 'applyingUnit': a reply to a yes/no item that only says which workshop applies (「我们申报的是发酵车间」): its 是 is the
   * copula of a name, no yes to the item; `choices` holds the workshop's name.
   * 'aside': a reply that only drops an aside (「地磅算了，不管它」): nothing is recorded; `choices` holds the words typed.
   * 'unitChanged': a reply at a capability item that only drops the applying workshop or changes to another unnamed one
   * (「不报总装车间了，换个车间」): nothing is recorded; `choices` holds the words typed.
   * 'eachYear': one figure said for years not told apart (「每年都差不多1000万」) to a yearly figure; `choices` are the
   * words typed and the years the form's table asks.
   */
  | {
      kind: 'unclear';
      reason?: 'instruction' | 'greeting' | 'ghostwrite' | 'notAnAnswer' | 'previous' | 'severalChoices' | 'lookalike' | 'hedge' | 'whichWorkshop' | 'otherItem' | 'otherCategory' | 'otherEntity' | 'bare' | 'percentOrFraction' | 'period' | 'wanOrPlace' | 'wrongKind' | 'otherYear' | 'seriesCount' | 'notNamed' | 'fieldHelp' | 'parts' | 'onePart' | 'sameAsUnknown' | 'otherTime' | 'yesToWhich' | 'eachYear' | 'narrowScope' | 'aside' | 'applyingUnit' | 'unitChanged';
      choices?: string[];
      field?: string;
    };

/**
 * Facts of the enterprise said in a 政策问答 question and offered to the interview (「请回复“记入”」), kept with the session
 * until the user takes them, so a reload or another tab still finds them. A stored value that no longer parses is dropped.
 */
export const OfferedFacts = z
  .array(z.object({ questionId: z.string().min(1).max(200), value: AnswerValue, approx: z.literal(true).optional(), said: z.string().max(400).optional() }))
  .max(200);
export type OfferedFacts = z.infer<typeof OfferedFacts>;
/** The session document that holds them. */
export const OFFERED_DOC = 'offered';

/**
 * The item answered no that a bare yes typed at a question taking none (「有的」 to the city) was offered to change, and the
 * question waiting when it was offered: kept with the session, so the 「要」 or 「不用」 typed after a reload still answers the
 * offer. It holds for the next message only, and only while the same question waits.
 */
// value: what the item is changed to on 「要」 (a yes where absent: the offer to turn an earlier 否 into 是).
export const FlipOffer = z.object({ questionId: z.string().min(1).max(200), asked: z.string().min(1).max(200), value: z.boolean().optional() }).nullable();
export type FlipOffer = z.infer<typeof FlipOffer>;
/** The session document that holds it. */
export const FLIP_DOC = 'flipOffer';

/**
 * The switch of category the interview last asked back about (「要改报智能车间吗？」), and the question waiting when it was
 * asked: kept with the session, so the 「要」 or 「不用」 typed after a reload still answers it. It holds for the next message
 * only, and only while the same question waits.
 */
export const SwitchOffer = z
  .object({
    answers: z.array(z.object({ questionId: z.string().min(1).max(200), value: z.string().min(1).max(200) })).min(1).max(4),
    asked: z.string().min(1).max(200).nullable(),
  })
  .nullable();
export type SwitchOffer = z.infer<typeof SwitchOffer>;
/** The session document that holds it. */
export const SWITCH_DOC = 'switchOffer';

/**
 * The question that was waiting when the answers last changed, and a digest of the answers that change left: kept with the
 * session, so a reply speaking of 「前面那题」 (「其实有的」, 「上一个说错了」) after a reload still finds the item it means. It
 * stands only while the answers are still those the digest names.
 */
export const LastAnswered = z.object({ asked: z.string().min(1).max(200), answers: z.string().regex(/^[0-9a-f]{64}$/) }).nullable();
export type LastAnswered = z.infer<typeof LastAnswered>;
/** The session document that holds it. */
export const LAST_ANSWERED_DOC = 'lastAnswered';
