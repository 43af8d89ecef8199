import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readValidated } from '../knowledge/load';
import type { PassingNote, QuestionView, Recorded } from '../schemas/interview';
import type { Assessment, Category } from '../schemas/profile';
import type { CategoryFit } from '../engine/category-request';
import { gapItems } from '../engine/kb';
import { clipQuote } from '../understand/quote';
import { figureBound, figureClause } from '../understand/numbers';

/** The notice's short title and year, from the knowledge version's manifest. */
type NoticeLabel = { shortTitle: string; year: number };

/** Each sentence of prompts/chat-phrases.json with the placeholders it must carry. */
const PLACEHOLDERS = {
  welcome: ['title', 'year'],
  welcomeQa: ['title', 'year'],
  recorded: ['items'],
  recordedItem: ['label', 'display'],
  approxFigure: ['figure', 'said'],
  narrowScope: ['words', 'question'],
  approxFigureBelow: ['figure', 'said'],
  approxFigureAbove: ['figure', 'said'],
  changedItem: ['label', 'before', 'display'],
  appendedItem: ['label', 'added'],
  blocking: ['items'],
  blockingItem: ['clause', 'reason'],
  blockedNext: ['items', 'unit', 'phone'],
  blockedNextItem: ['clause', 'reason', 'remedy'],
  blockedOffer: [],
  flagged: ['items'],
  flaggedItem: ['reason', 'clause'],
  flaggedTail: [],
  backTo: [],
  aboutPending: ['label', 'answer'],
  pendingExplained: ['label', 'question', 'help'],
  countsNamed: ['thing', 'clause', 'quote'],
  countsOpen: ['thing', 'target', 'quote'],
  countsQuote: ['clause', 'quote'],
  qaBackHint: [],
  factsOffered: ['items'],
  factsOfferedGone: [],
  unblocked: [],
  unclear: ['hint', 'question'],
  unclearNoQuestion: [],
  unclearFormPaused: [],
  goOnAck: ['question'],
  greeting: ['question'],
  greetingNoQuestion: [],
  instruction: [],
  instructionAsk: ['hint', 'question'],
  ghostwrite: ['question'],
  lookalike: ['words', 'asked', 'question'],
  lookalikeAsked: ['label'],
  lookalikeAskedUnnamed: [],
  lookalikeFact: ['words', 'question'],
  lookalikePlain: ['words', 'plain'],
  lookalikeChoice: ['words', 'question'],
  lookalikeStanding: ['words', 'question'],
  hedge: ['words', 'hint', 'question'],
  hedgeElsewhere: ['words', 'field', 'question'],
  whichWorkshop: ['words', 'question'],
  applyingUnit: ['unit', 'label', 'question'],
  applyingUnitKept: ['unit', 'label', 'question'],
  workshopNameLetGo: ['unit'],
  pendingNotRead: ['said', 'question'],
  pendingStill: ['question'],
  switchAck: ['said', 'question'],
  asideAck: ['said', 'question'],
  asideDropped: ['said', 'question'],
  unitChanged: ['said', 'question'],
  flipOffer: ['said', 'label', 'question'],
  flipWhich: ['said', 'label', 'question'],
  keptFlipOffer: ['display'],
  flipKept: ['question'],
  fromEarlier: ['said'],
  notSaidBefore: ['question'],
  otherTopic: ['said', 'items', 'question'],
  otherTopicItem: ['label', 'display'],
  skippedForLater: [],
  wrongKindSelf: ['said', 'kind', 'wanted'],
  notAnAnswer: ['example', 'question'],
  unclearAgain: ['said', 'hint'],
  askedAgain: ['times'],
  askedAgainField: ['times'],
  askedAgainSkip: ['skip'],
  otherEntityFigure: ['whose', 'field', 'unit', 'question'],
  otherEntityUnnamed: [],
  otherItemDenied: ['said', 'field', 'question'],
  otherItemDeniedSelf: ['said', 'question'],
  otherCategory: ['said', 'category', 'question'],
  bareFigure: ['said', 'field', 'unit', 'question'],
  bareText: ['said', 'field', 'question'],
  bareDate: ['said', 'field', 'question'],
  percentOrFraction: ['said', 'percent', 'fraction', 'field', 'question'],
  period: ['said', 'spoken', 'wanted', 'field', 'unit', 'question'],
  wanOrPlace: ['said', 'small', 'large', 'field', 'question'],
  wrongKind: ['said', 'kind', 'wanted', 'field', 'question'],
  otherYear: ['said', 'year', 'field', 'question'],
  seriesCount: ['said', 'count', 'question'],
  eachYear: ['said', 'years', 'field', 'question'],
  partsOfCount: ['said', 'sum', 'unit', 'field', 'question'],
  partOfCount: ['said', 'part', 'figure', 'whole', 'field', 'question'],
  otherTime: ['said', 'spoken', 'figure', 'field', 'question'],
  yesToWhich: ['said', 'choices', 'question'],
  sameAsUnknown: ['said', 'pointed', 'field', 'question'],
  notNamed: ['said', 'field', 'names', 'question'],
  fieldHelp: ['explanation', 'question'],
  severalChoices: ['choices', 'hint', 'question'],
  notAnAnswerNoQuestion: [],
  approximate: [],
  approximateDate: [],
  notAccepted: ['reason', 'question'],
  staleReply: ['said', 'asked', 'question'],
  staleReplyDone: ['said', 'asked'],
  staleSaidYes: [],
  staleSaidNo: [],
  staleSaidSkip: [],
  partlyUnclear: ['count'],
  passingRecorded: ['labels'],
  passingKept: ['label', 'display'],
  passingRefused: ['reason'],
  passingYearless: ['said'],
  passingOtherYear: ['said', 'year', 'years'],
  passingNotOnForm: ['said'],
  passingPlantCount: ['said'],
  passingPractice: ['said'],
  passingStanding: ['said'],
  passingHedgedNo: ['said'],
  passingGhostwrite: ['said'],
  assessmentOffer: ['question'],
  assessmentOfferDone: [],
  verdictIneligible: ['why'],
  verdictIneligibleWhy: ['reasons'],
  verdictIneligibleReason: ['reasons', 'clause'],
  verdictIneligibleTail: [],
  verdictRecommended: ['category'],
  verdictFitsNotYet: ['category'],
  verdictChosenFitsWorse: ['category', 'better', 'gaps', 'betterGaps', 'unasked'],
  verdictFitsWorseUnasked: ['better', 'count'],
  categoryFit: ['category', 'total', 'met', 'gaps', 'unknown'],
  categoryFitGaps: ['count', 'list'],
  categoryFitUnknown: ['count', 'list'],
  categoryFitBlocked: ['clauses'],
  categoryFitCompare: ['category', 'gaps', 'unknown'],
  categoryFitBetter: ['category'],
  categoryFitOpen: ['count'],
  categoryAskBack: ['current', 'category'],
  categoryFitOffer: ['current', 'category'],
  categorySwitched: ['category', 'previous'],
  categorySame: ['category'],
  categoryKept: ['category'],
  verdictSoFar: ['fit', 'pending'],
  verdictSoFarPending: ['list'],
  verdictAllMet: [],
  verdictAllMetFormNotes: [],
  verdictAllMetHardPending: [],
  verdictHardPending: ['list'],
  verdictFormNote: ['text', 'clause'],
  verdictConditionNote: ['text', 'clause'],
  verdictGaps: ['count', 'list'],
  verdictUnknown: ['count', 'list'],
  verdictCondition: ['title', 'items'],
  verdictConditionSaid: ['title', 'where'],
  verdictConditionAlso: ['items', 'where'],
  verdictAnyItem: ['items'],
  verdictAnySeparator: [],
  verdictCloseGaps: [],
  verdictAnswerRest: [],
  verdictOfferForm: [],
  restarted: [],
  done: [],
  entryAnswerItem: ['label', 'display'],
  entrySkipped: ['labels', 'display'],
  entrySkippedNoLabel: [],
  entryEdit: ['items'],
  entryEdits: ['count', 'items'],
  editsRefused: ['label', 'reason', 'count'],
  entryReopened: ['labels'],
  nothingReopened: [],
  entryRestart: [],
  exampleYesNo: [],
  exampleYesNoPartial: [],
  exampleNumber: ['unit'],
  exampleOther: [],
  exampleChoice: ['label'],
  exampleChoiceSeparator: [],
  hintYesNo: [],
  hintYesNoPartial: [],
  hintNumber: ['unit'],
  hintDate: [],
  hintNumberUnit: ['unit'],
  hintChoices: ['choices'],
  listSeparator: [],
  nameSeparator: [],
} as const satisfies Record<string, readonly string[]>;
type Key = keyof typeof PLACEHOLDERS;

/** A sentence whose {placeholders} are exactly the ones the conversation fills in. */
function template(names: readonly string[]) {
  return z.string().min(1).superRefine((t, ctx) => {
    const used = [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    for (const n of used) if (!names.includes(n)) ctx.addIssue({ code: 'custom', message: `未知的占位符 {${n}}（这句话可用的占位符：${names.map((x) => `{${x}}`).join(' ') || '无'}）` });
    for (const n of names) if (!used.includes(n)) ctx.addIssue({ code: 'custom', message: `缺少占位符 {${n}}` });
  });
}

export const ChatPhrases = z
  .object({ $comment: z.string().optional(), ...(Object.fromEntries(Object.entries(PLACEHOLDERS).map(([k, names]) => [k, template(names)])) as Record<Key, z.ZodString>) })
  .strict();

const PHRASES_FILE = fileURLToPath(new URL('../../prompts/chat-phrases.json', import.meta.url));

/** Read and checked once, when the conversation module loads: a broken file stops the server with its path and field. */
const T = readValidated(PHRASES_FILE, ChatPhrases) as Record<Key, string>;

function say(key: Key, vars: Record<string, string | number> = {}): string {
  return T[key].replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k]));
}

/**
 * The assistant's own sentences in the offline conversation, from prompts/chat-phrases.json; the
 * code only chooses and joins them. Kept together so the tone stays consistent.
 */
export const phrases = {
  /** The notice is named from the session's knowledge version, so a new year's notice needs no code change. */
  welcome: (k: NoticeLabel) => say('welcome', { title: k.shortTitle, year: k.year }),
  /** Greeting for a user who came to ask about the notice: it must not start the interview. */
  welcomeQa: (k: NoticeLabel) => say('welcomeQa', { title: k.shortTitle, year: k.year }),
  /** An answer that replaced a different earlier one says what it was, so a correction is seen to have taken. */
  recorded: (items: Recorded[], before: ReadonlyMap<string, string> = new Map(), added: ReadonlyMap<string, string> = new Map()) =>
    sentence(say('recorded', {
      items: items
        .map((i) => {
          // Words added to a story are said as added, so the user sees the story was kept, not replaced.
          const more = added.get(i.questionId);
          if (more !== undefined) return say('appendedItem', { label: i.label, added: clipQuote(more, 60) });
          const was = before.get(i.questionId);
          return was !== undefined && was !== i.display ? say('changedItem', { label: i.label, before: was, display: i.display }) : say('recordedItem', { label: i.label, display: i.display });
        })
        .join(T.listSeparator),
    })),
  /**
   * A hard condition that now fails. The offer to stop or carry on is made once, when the first
   * condition fails; a later one only adds its reason and what would change it.
   */
  blocking: (items: { clause: string; reason: string; remedy?: string }[], alreadyBlocked = false) =>
    sentence(say('blocking', { items: items.map((b) => say('blockingItem', { clause: b.clause, reason: clause(b.reason) })).join(T.listSeparator) })) +
    uniqueClauses(items.flatMap((b) => (b.remedy ? [b.remedy] : []))).map(sentence).join('') +
    // The plan asks an ineligible enterprise only the remaining basic conditions and the category
    // questions (no category is recommended, so no element is checked); the offer promises no more.
    (alreadyBlocked ? '' : T.blockedOffer),
  /** Asked by a blocked enterprise what it can do now (「明年可以吗」): what blocks, and what would change it, from the assessment. */
  blockedNext: (items: { clause: string; reason: string; remedy: string }[], contact: { unit: string; phone: string }) =>
    say('blockedNext', {
      items: items.map((b) => sentence(say('blockedNextItem', { clause: b.clause, reason: clause(b.reason), remedy: b.remedy }))).join(''),
      ...contact,
    }),
  /** Form answers that were recorded but look wrong (a credit code from another province, liabilities above assets). */
  flagged: (items: { clause: string; reason: string }[]) =>
    sentence(say('flagged', { items: items.map((b) => say('flaggedItem', { reason: clause(b.reason), clause: b.clause })).join(T.listSeparator) })) + T.flaggedTail,
  /** The question card shows the question itself, so the re-ask does not repeat it. */
  backTo: T.backTo,
  /** 「这个必须有吗」 while an item waits: the notice's answer about the item, said as about that item. */
  aboutPending: (label: string, answer: string) => say('aboutPending', { label, answer }),
  /** 「这个是啥意思」「这个咋填」 while an item waits: the item's own question and help, and for a way to fill it in, what answer it takes. */
  pendingExplained: (q: QuestionView, label: string, withHint: boolean) =>
    say('pendingExplained', { label, question: ended(q.text), help: q.help ? ended(q.help) : '' }) + (withHint ? hint(q) : ''),
  /** 「机器人算不算」 where the item's clause names the thing: the clause's words, quoted. */
  countsNamed: (thing: string, clause: string, quote: string) => say('countsNamed', { thing, clause, quote: clipEnd(quote) }),
  /** 「地磅算不算」 where the clause does not name it: the notice does not say, the bureau judges, the clause quoted. */
  countsOpen: (thing: string, target: string, quote: string) => say('countsOpen', { thing, target, quote }),
  countsQuote: (clause: string, quote: string) => say('countsQuote', { clause, quote: clipEnd(quote) }),
  /** Facts a 政策问答 question stated of the enterprise, offered to the interview and the form: nothing is stored until taken. */
  factsOffered: (items: Recorded[]) => say('factsOffered', { items: items.map((i) => say('recordedItem', { label: i.label, display: i.display })).join('；') }),
  /** 「记入」 when every fact offered has meanwhile been answered: nothing left to take. */
  factsOfferedGone: T.factsOfferedGone,
  /** In 政策问答 the interview waits; a hint is enough, the card appears when the user switches back. */
  qaBackHint: T.qaBackHint,
  /** 「帮我评估一下」 in 政策问答: the interview is offered with the question it starts from, or its result once nothing is left to ask. */
  assessmentOffer: (q: QuestionView | null) => (q ? say('assessmentOffer', { question: q.text }) : T.assessmentOfferDone),
  /** A correction cleared every failing hard condition: the earlier 「暂不符合」 no longer stands. */
  unblocked: T.unblocked,
  /** 「继续」「好，开始吧」 while an item waits: heard, and the item asked again. */
  goOnAck: (q: QuestionView) => say('goOnAck', { question: q.text }),
  /** A reply not understood with nothing waiting, the form put off: how to take it up again. */
  unclearFormPaused: T.unclearFormPaused,
  unclear: (q: QuestionView | null) => (q ? say('unclear', { hint: hint(q), question: q.text }) : T.unclearNoQuestion),
  /** 「你好」 while an item waits answers nothing: greeted, and the item asked again. */
  greeting: (q: QuestionView | null) => (q ? say('greeting', { question: q.text }) : T.greetingNoQuestion),
  /** Text that tells the assistant what to conclude: the rules decide from facts, so nothing is recorded. */
  instruction: (q: QuestionView | null) => T.instruction + (q ? say('instructionAsk', { hint: hint(q), question: q.text }) : ''),
  /** A request to write a form fact for the enterprise: the form states only what the enterprise gave. */
  ghostwrite: (q: QuestionView | null) => (q ? say('ghostwrite', { question: q.text }) : T.instruction),
  /** An answer word in a sentence that does not plainly answer the pending question: ask rather than guess. */
  notAnAnswer: (q: QuestionView | null) => (q ? say('notAnAnswer', { example: example(q), question: q.text }) : T.notAnAnswerNoQuestion),
  /**
   * A reply to the same item not understood a second time or more: the item is on its card already, so it is not
   * said again; what was said is quoted and the answers it takes are named.
   */
  unclearAgain: (q: QuestionView, said: string) => say('unclearAgain', { said: clipQuote(said, 20), hint: hint(q) }),
  /**
   * An item asked back `times` times in a row: the card's buttons and its skip are a way on, where another sentence may
   * not be. The count is said, so no two ask-backs in a row read the same.
   */
  askedAgain: (q: QuestionView, times: number) =>
    // A figure, a date or a text is answered in the card's field: it has no answer buttons to point to.
    say(q.kind === 'number' || q.kind === 'text' || q.kind === 'date' ? 'askedAgainField' : 'askedAgain', { times }) +
    (q.skip ? say('askedAgainSkip', { skip: q.skip.action }) : ''),
  /**
   * A form figure said of another body (集团, 母公司) and none of the enterprise's own: the form states the enterprise's
   * own figure, so the ask-back names the field and asks for that.
   */
  otherEntity: (q: QuestionView | null, whose: string[], field: string | undefined) =>
    q
      ? say('otherEntityFigure', { whose: whose.length ? whose.join(T.nameSeparator) : T.otherEntityUnnamed, field: field ?? q.text, unit: q.unit ? say('hintNumberUnit', { unit: q.unit }) : '', question: q.text })
      : T.unclearNoQuestion,
  /**
   * 「不是离散的」 while another question waits, or to its own question with no option named instead: a denial says what the
   * enterprise is not, so nothing is recorded, and the item it speaks of is asked in its turn.
   */
  otherItem: (q: QuestionView | null, said: string[], field: string | undefined) =>
    !q ? T.unclearNoQuestion
    : field ? say('otherItemDenied', { said: said.join(T.nameSeparator), field, question: q.text })
    : say('otherItemDeniedSelf', { said: said.join(T.nameSeparator), question: q.text }),
  /** 「还打算报一个智能工厂」 to the 另有申报 question: this application's category or a second one is asked, nothing recorded. */
  otherCategory: (q: QuestionView | null, said: string[]) =>
    !q ? T.unclearNoQuestion : say('otherCategory', { said: clipQuote(said[0] ?? '', 30), category: said[1] ?? '', question: q.text }),
  /** A form reply with nothing to put in the field (「很多」 for a figure, 「有」 or 「同上」 for a description): the ask-back says which field wants what. */
  bare: (q: QuestionView | null, said: string, field: string | undefined) =>
    !q ? T.unclearNoQuestion
    : q.kind === 'number' ? say('bareFigure', { said: clipQuote(said, 20), field: field ?? q.text, unit: q.unit ? say('hintNumberUnit', { unit: q.unit }) : '', question: q.text })
    // 「2015年」 to a date: the year alone is what was given, and the month is what the form still needs.
    : q.kind === 'date' ? say('bareDate', { said: clipQuote(said, 20), field: field ?? q.text, question: q.text })
    : say('bareText', { said: clipQuote(said, 20), field: field ?? q.text, question: q.text }),
  /** A figure said for another span than the field's (「一个月六千万」 to a year's revenue): the field's own is asked, never converted. */
  period: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('period', { said: choices[0] ?? '', spoken: choices[1] ?? '', wanted: choices[2] ?? '', field: field ?? q.text, unit: q.unit ? say('hintNumberUnit', { unit: q.unit }) : '', question: q.text }) : T.unclearNoQuestion,
  /**
   * A value of another kind than the field wants (「90天」 to a rate): what the field wants is said, never a range. Where what
   * it wants already names the field (「18位统一社会信用代码（数字和大写字母…）」), the field is not named again, nor the
   * question the card shows: the message says each thing once.
   */
  wrongKind: (q: QuestionView | null, choices: string[], field: string | undefined) => {
    if (!q) return T.unclearNoQuestion;
    const [said = '', kind = '', wanted = ''] = choices;
    const name = field ?? q.text;
    return wanted.includes(name) || name.includes(wanted)
      ? say('wrongKindSelf', { said, kind, wanted })
      : say('wrongKind', { said, kind, wanted, field: name, question: q.text });
  },
  /** Form fields put off: where they are filled in later. */
  skippedForLater: T.skippedForLater,
  /** A reply whose facts went to other fields, with a part the asked field could not take: the asked one is asked again. */
  pendingNotRead: (q: QuestionView | null, said: string) => (q ? say('pendingNotRead', { said, question: q.text }) : ''),
  /**
   * A reply that recorded only other questions (「我们想报智能工厂」 to the 另有申报 question, 「严重违法失信也没有」 to the tax
   * list's): the question still waiting is asked again by name, since the card alone reads as if it had been answered.
   */
  pendingStill: (q: QuestionView | null) => (q ? say('pendingStill', { question: q.text }) : ''),
  /** A nod typed right after turning from 政策问答 to the interview (「好的」): it acknowledges the switch, not the item waiting. */
  switchAck: (q: QuestionView, said: string) => say('switchAck', { said, question: q.text }),
  /** After 「之前已填为…，这次没有改动」: one word changes it to what was said. */
  keptFlipOffer: (value: boolean) => say('keptFlipOffer', { display: value ? T.staleSaidYes : T.staleSaidNo }),
  /** 「有的」 where the item waiting takes no yes: the item answered no just before is offered to change to 是. */
  flipOffer: (said: string, label: string, q: QuestionView) => say('flipOffer', { said, label, question: q.text }),
  /**
   * 「其实有的」 at a yes-or-no item just after another was answered no: a correction word makes it speak of the earlier
   * one as likely as of the item waiting, so it is asked which, and nothing is stored.
   */
  flipWhich: (said: string, label: string, q: QuestionView) => say('flipWhich', { said, label, question: q.text }),
  /** 「不用」 to that offer: the earlier answer stays, and the item waiting is asked. */
  flipKept: (q: QuestionView | null) => (q ? say('flipKept', { question: q.text }) : T.unclearNoQuestion),
  /** A nod typed right after a reply that went aside from the item waiting (a question answered, the category switched). */
  asideAck: (q: QuestionView, said: string) => say('asideAck', { said, question: q.text }),
  /** A reply that only drops an aside (「地磅算了」): nothing recorded, the item asked again. */
  asideDropped: (q: QuestionView, said: string) => say('asideDropped', { said, question: q.text }),
  /** 「不报总装车间了，换个车间」 at a capability item: the change is heard, and the item is asked of the workshop that applies. */
  unitChanged: (q: QuestionView, said: string) => say('unitChanged', { said, question: q.text }),
  /** A figure taken from an earlier reply because the user said it was given before (「前面说过了」), with that reply quoted. */
  fromEarlier: (said: string) => say('fromEarlier', { said }),
  /** 「前面说过了」 to a figure no earlier reply gave. */
  notSaidBefore: (q: QuestionView) => say('notSaidBefore', { question: q.text }),
  /**
   * A reply that names its topic, and the topic is another question already answered the same way (「失信名单没有」 to the
   * tax list's question, once the 失信 list is answered): it is no answer to the question waiting, which is asked again.
   */
  otherTopic: (q: QuestionView | null, said: string, items: Recorded[]) =>
    q ? say('otherTopic', { said: clipQuote(said, 40), items: items.map((r) => say('otherTopicItem', { label: r.label, display: r.display })).join(T.nameSeparator), question: q.text }) : T.unclearNoQuestion,
  /** A 万 inside a numeral (「十万五」) whose two readings the field's range does not tell apart: asked which, since the form is signed. */
  wanOrPlace: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('wanOrPlace', { said: choices[0] ?? '', small: choices[1] ?? '', large: choices[2] ?? '', field: field ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** A reply to a field of listed names (资本性质) that says none of them: asked back with the names the form takes. */
  notNamed: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('notNamed', { said: choices[0] ?? '', field: field ?? q.text, names: choices.slice(1).join('、'), question: q.text }) : T.unclearNoQuestion,
  /** A question about the field asked (「啥叫资本性质」): what it means and takes, then the question again; nothing recorded. */
  fieldHelp: (q: QuestionView | null, choices: string[]) => (q ? say('fieldHelp', { explanation: choices[0] ?? '', question: q.text }) : T.unclearNoQuestion),
  /** A figure said with another year than the asked field's that gives no figure for that year: nothing recorded, the field named. */
  otherYear: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('otherYear', { said: choices[0] ?? '', year: choices[1] ?? '', field: field ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** Figures after a series of years (「2020到2022年…」) whose runs do not each give one figure a year: nothing recorded. */
  seriesCount: (q: QuestionView | null, choices: string[]) =>
    q ? say('seriesCount', { said: choices[0] ?? '', count: choices[1] ?? '', question: q.text }) : T.unclearNoQuestion,
  /** One figure for years not told apart (「每年都差不多1000万」): each year the table asks is asked for, never filled from it. */
  eachYear: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('eachYear', { said: choices[0] ?? '', years: choices[1] ?? '', field: field ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** Parts of a count with no whole said (「数控机床30台，机器人12台」): their sum is offered, never recorded unasked. */
  /** Another answer pointed at with words added, while it is not given yet: the whole value is asked for. */
  sameAsUnknown: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('sameAsUnknown', { said: choices[0] ?? '', pointed: choices[1] ?? '', field: field ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** One part's figure of a count (「3号线有40台」): asked whether it is the whole, with the figure to send if it is. */
  onePart: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('partOfCount', { said: choices[0] ?? '', part: choices[1] ?? '', figure: choices[2] ?? '', whole: choices[3] ?? '', field: field ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** A figure of another time (「建设后320人」) to a field asking it as it is now: asked back with the figure to send if now's is the same. */
  otherTime: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('otherTime', { said: choices[0] ?? '', spoken: choices[1] ?? '', figure: choices[2] ?? '', field: field ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** A bare yes to an ask-back that offered several values: which one, named as they can be sent. */
  yesToWhich: (q: QuestionView | null, said: string, choices: string[]) =>
    q ? say('yesToWhich', { said: clipQuote(said, 20), choices: choices.map((c) => `“${c}”`).join(T.nameSeparator), question: q.text }) : T.unclearNoQuestion,
  parts: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('partsOfCount', { said: choices[0] ?? '', sum: choices[1] ?? '', unit: choices[2] ?? '', field: field ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** A bare decimal to a percentage field (「0.6」): 0.6% or 60%, asked rather than guessed, since the form is signed. */
  percentOrFraction: (q: QuestionView | null, choices: string[], field: string | undefined) =>
    q ? say('percentOrFraction', { said: choices[0] ?? '', percent: choices[1] ?? '', fraction: choices[2] ?? '', field: field ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** A yes that names a plan, a paper record or a manual check, not the system asked about: ask again, never record it. */
  // A yes/no fact (a 失信 listing) is no system: 「有过一次环保处罚」 is told apart from the listing asked about.
  // What was asked is named (`asked`: the capability's label), since 「这项系统」 does not fit a protection system, a network or a policy.
  // A question with a plain wording (interview.json `plain`) is asked again in it: the notice's term did not reach.
  /**
   * 「前年车间出过一起安全事故」 at the category question: an accident or a penalty is no category, and the notice's hard
   * conditions ask only of the credit lists; the question waiting is asked again.
   */
  lookalikeStanding: (q: QuestionView, words: string[]) => say('lookalikeStanding', { words: words.join(T.nameSeparator), question: q.text }),
  lookalike: (q: QuestionView | null, words: string[], asked?: string, plain?: string) =>
    !q ? T.unclearNoQuestion
    : plain ? say('lookalikePlain', { words: words.join(T.nameSeparator), plain })
    : q.kind === 'yesNo' ? say('lookalikeFact', { words: words.join(T.nameSeparator), question: q.text })
    // An option of something held (a title) named without saying it is held: held, or the category applied for now?
    : q.kind === 'choice' ? say('lookalikeChoice', { words: words.join(T.nameSeparator), question: q.text })
    : say('lookalike', { words: words.join(T.nameSeparator), asked: asked ? say('lookalikeAsked', { label: asked }) : T.lookalikeAskedUnnamed, question: q.text }),
  /** A yes said with a hedge (差不多有吧, 不太好说): the enterprise is not sure, so nothing is recorded; ask again. */
  /** A system in one workshop only, from a workshop applicant: whether that workshop is the applying one decides. */
  /** A reply that only names the applying workshop: said back for the form's 车间名称, and the item asked again by name. */
  applyingUnit: (q: QuestionView | null, unit: string, label: string | undefined) =>
    q ? say('applyingUnit', { unit, label: label ?? q.text, question: q.text }) : T.unclearNoQuestion,
  /** The same, with the name kept as the form's 车间名称 (none was given before). */
  applyingUnitKept: (q: QuestionView, unit: string, label: string | undefined) => say('applyingUnitKept', { unit, label: label ?? q.text, question: q.text }),
  /** The workshop named before 智能工厂 was chosen, let go from the form's 车间名称: said, so its going is seen. */
  workshopNameLetGo: (unit: string) => say('workshopNameLetGo', { unit }),
  whichWorkshop: (q: QuestionView | null, words: string[]) => (q ? say('whichWorkshop', { words: words.join(T.nameSeparator), question: q.text }) : T.unclearNoQuestion),
  hedge: (q: QuestionView | null, words: string[], field?: string) =>
    !q ? T.unclearNoQuestion
    : field ? say('hedgeElsewhere', { words: words.join(T.nameSeparator), field, question: q.text })
    : say('hedge', { words: words.join(T.nameSeparator), hint: hint(q), question: q.text }),
  /** A standing said within a narrower scope than the one asked (a city, 本地): asked again against the scope asked. */
  narrowScope: (q: QuestionView | null, words: string[]) => (q ? say('narrowScope', { words: words.join(T.nameSeparator), question: q.text }) : T.unclearNoQuestion),
  /** A reply naming several options of a one-choice question, none as the main one: ask which, never pick. */
  severalChoices: (q: QuestionView | null, choices: string[]) =>
    q ? say('severalChoices', { choices: choices.join(T.nameSeparator), hint: hint(q), question: q.text }) : T.unclearNoQuestion,
  /** A round figure (「约1200万」, 「两百来人」) went into the form, which the applicant signs. */
  approximate: T.approximate,
  /** A date given as part of a year (「2021年初」) went into the form as its nearest month: the month itself is asked for. */
  approximateDate: T.approximateDate,
  /** A round figure of the interview (「一半多点」 as 50%) read back as the round figure it is, with the words typed. */
  // 「一半不到」 is below half and 「七成多」 above 70%: the side said is kept, not turned into 约.
  approxFigure: (figure: string, said: string) => {
    const bound = figureBound(said);
    return say(bound === 'below' ? 'approxFigureBelow' : bound === 'above' ? 'approxFigureAbove' : 'approxFigure', { figure, said: clipQuote(figureClause(said), 40) });
  },
  /** The answer was read but the server's check refused it (a credit code's check character, a date that does not exist): say why. */
  notAccepted: (q: QuestionView | null, reason: string) =>
    // The rules name the question they refuse for (「ent.industryCode: …」); the user reads the reason only.
    q ? say('notAccepted', { reason: reason.replace(/^[a-z][\w.{}]*:\s*/i, ''), question: q.text }) : T.unclearNoQuestion,
  /**
   * A reply typed against a question that is no longer pending (another tab of the session answered it): nothing is
   * recorded, the words are said back so they can be sent again, with the question that waits now.
   */
  staleReply: (said: string, asked: string, q: QuestionView | null) =>
    q ? say('staleReply', { said: clipQuote(said, 60), asked, question: q.text }) : say('staleReplyDone', { said: clipQuote(said, 60), asked }),
  /** A card's value said back in words: a yes/no as 是/否, a skip as 跳过. */
  staleSaid: { yes: T.staleSaidYes, no: T.staleSaidNo, skip: T.staleSaidSkip },
  partlyUnclear: (n: number) => say('partlyUnclear', { count: n }),
  /**
   * What a reply said in passing about fields other than the one asked: which were recorded too (and
   * will not be asked), which already had an answer and were left as they were, which failed their
   * field's check, and what was named but not recorded (a yearly figure without its year, a postcode).
   */
  passing: (p: { recorded: Recorded[]; kept: Recorded[]; refused: string[]; notes: PassingNote[] }) =>
    (p.recorded.length ? say('passingRecorded', { labels: p.recorded.map((r) => `“${r.label}”`).join(T.nameSeparator) }) : '') +
    p.kept.map((r) => say('passingKept', { label: r.label, display: r.display })).join('') +
    p.refused.map((reason) => say('passingRefused', { reason: clause(reason.replace(/^[a-z][\w.{}]*:\s*/i, '')) })).join('') +
    p.notes
      .map((n) =>
        n.reason === 'otherYear'
          ? say('passingOtherYear', { said: n.said, year: n.year, years: n.years })
          : say(n.reason === 'yearless' ? 'passingYearless' : n.reason === 'practice' ? 'passingPractice' : n.reason === 'standing' ? 'passingStanding' : n.reason === 'hedgedNo' ? 'passingHedgedNo' : n.reason === 'ghostwrite' ? 'passingGhostwrite' : n.reason === 'plantCount' ? 'passingPlantCount' : 'passingNotOnForm', { said: n.said }),
      )
      .join(''),
  /**
   * The verdict in two or three sentences once the assessment questions are done: the category,
   * the gaps by element, and whether to apply now or close the gaps first. An ineligible
   * enterprise hears what blocks it and is offered no drafting.
   */
  verdict: (a: Assessment, names: { category: (c: Category) => string; capability: (id: string) => string; spoken?: (n: Assessment['notes'][number]) => boolean }, then?: string) => {
    if (!a.eligible || !a.category.recommended) {
      // The reasons are grouped by clause and given by their first sentence (what the enterprise
      // answered); the clause quotes stay in the panel. Two reasons of 二(一) quote overlapping text,
      // and two lists of 二(四) share a remedy: said once each, the verdict stays a verdict.
      const byClause = new Map<string, string[]>();
      for (const b of a.blocking) byClause.set(b.clause, [...(byClause.get(b.clause) ?? []), firstSentence(b.reason)]);
      const why = [...byClause].map(([c, reasons]) => say('verdictIneligibleReason', { reasons: [...new Set(reasons)].join(T.listSeparator), clause: c })).join(T.listSeparator);
      const remedies = uniqueClauses(a.blocking.flatMap((b) => (b.remedy ? [b.remedy] : [])));
      return (
        say('verdictIneligible', { why: why ? say('verdictIneligibleWhy', { reasons: why }) : '' }) +
        (remedies.length ? sentence(remedies.join(T.listSeparator)) : '') +
        T.verdictIneligibleTail
      );
    }
    const open = a.conditions.filter((c) => c.status !== 'met');
    const gaps = open.filter((c) => c.status === 'unmet' || c.status === 'partial');
    const unknown = open.filter((c) => c.status === 'unknown');
    // A capability two elements read (SCADA under 生产制造 and 系统集成) is named once, where it is first said; a later
    // element that reads it refers back to it rather than name it again.
    const named = new Map<string, string>();
    // Alternatives of one requirement (DCS or a PLC control system) are one item: any one of them would do.
    const itemName = (id: string | readonly string[]) =>
      typeof id === 'string' ? names.capability(id) : say('verdictAnyItem', { items: id.map(names.capability).join(T.verdictAnySeparator) });
    const list = (cs: typeof open, of: 'missing' | 'unknown') =>
      cs
        .map((c) => {
          const all = (of === 'missing' ? gapItems(c) : c.unknown).map(itemName);
          const items = all.filter((x) => !named.has(x));
          const where = [...new Set(all.flatMap((x) => (named.has(x) ? [named.get(x)!] : [])))].join(T.nameSeparator);
          const said = items.length < all.length;
          for (const x of items) named.set(x, c.title);
          if (!items.length && said) return say('verdictConditionSaid', { title: c.title, where });
          // A capability whose name already begins with its element's title names the element itself: it is said
          // first, with the others after it, and the title is not said again around it.
          const own = items.findIndex((x) => x.startsWith(c.title));
          const joined = own >= 0 ? [items[own]!, ...items.filter((_, i) => i !== own)].join(T.nameSeparator) : items.join(T.nameSeparator);
          const rest = said ? say('verdictConditionAlso', { items: joined, where }) : joined;
          if (own >= 0) return rest;
          return items.length ? say('verdictCondition', { title: c.title, items: rest }) : c.title;
        })
        .join(T.listSeparator);
    // Notes on the 申报书's own cells (附件N: figures of years before the founding) say what the enterprise
    // cannot fill; it hears them with the verdict, not when the form asks for those figures.
    const formNotes = a.notes.filter((n) => n.clause.startsWith('附件'));
    // Notes the knowledge marks as spoken state a condition of the recommended application itself (四(一): another workshop).
    const conditionNotes = a.notes.filter((n) => !n.clause.startsWith('附件') && names.spoken?.(n));
    // A scope the enterprise chose that fits worse than the other is said as its choice, with both counts: 「建议申报」
    // would read as the rules preferring it.
    const fit = a.category.fitsBetter;
    let text = fit
      ? say('verdictChosenFitsWorse', {
          category: names.category(a.category.recommended),
          better: names.category(fit.category),
          gaps: fit.chosenGaps,
          betterGaps: fit.gaps,
          unasked: fit.unknown ? say('verdictFitsWorseUnasked', { better: names.category(fit.category), count: fit.unknown }) : '',
        })
      : say(a.category.notYet ? 'verdictFitsNotYet' : 'verdictRecommended', { category: names.category(a.category.recommended) });
    // A hard condition left unanswered (不清楚, skipped) is said right after the category, by its clause: 「可以着手申报」
    // and 「均已具备」 would otherwise read as every condition met.
    const pending = a.pending ?? [];
    if (pending.length) text += say('verdictHardPending', { list: pending.map((p) => `${p.clause}${p.title}`).join(T.listSeparator) });
    if (!open.length) text += pending.length ? T.verdictAllMetHardPending : formNotes.length ? T.verdictAllMetFormNotes : T.verdictAllMet;
    else {
      if (gaps.length) text += say('verdictGaps', { count: gaps.length, list: list(gaps, 'missing') });
      if (unknown.length) text += say('verdictUnknown', { count: unknown.length, list: list(unknown, 'unknown') });
      text += gaps.length ? T.verdictCloseGaps : T.verdictAnswerRest;
    }
    for (const n of formNotes) text += say('verdictFormNote', { text: clause(n.text), clause: n.clause });
    for (const n of conditionNotes) text += say('verdictConditionNote', { text: clause(n.text), clause: n.clause });
    return text + (then ?? T.verdictOfferForm);
  },
  /** The assessment as it stands mid-interview: the category's element conditions, the hard conditions still to confirm. */
  verdictSoFar: (fit: CategoryFit, pending: { clause: string; title: string }[], label: (c: Category) => string) =>
    say('verdictSoFar', {
      fit: phrases.categoryFit(fit, undefined, label),
      pending: pending.length ? say('verdictSoFarPending', { list: pending.map((p) => `${p.clause}${p.title}`).join(T.listSeparator) }) : '',
    }),
  /**
   * How the enterprise fares under a category, from the rules' assessment: the element conditions met, unmet and not yet
   * answered, then the same counts of `other` (the category applied for now) and which fits better by failing ones.
   * 「更合适」 is said only where the unanswered ones cannot change it (all of the better one's unanswered conditions
   * unmet would still leave it fewer failing); otherwise how many are still unanswered is said instead.
   */
  categoryFit: (fit: CategoryFit, other: CategoryFit | undefined, label: (c: Category) => string) => {
    const names = (cs: CategoryFit['gaps']) => cs.map((c) => `${c.clause}${c.title}`).join(T.listSeparator);
    let text = say('categoryFit', {
      category: label(fit.category),
      total: fit.total,
      met: fit.met.length,
      gaps: fit.gaps.length ? say('categoryFitGaps', { count: fit.gaps.length, list: names(fit.gaps) }) : '',
      unknown: fit.unknown.length ? say('categoryFitUnknown', { count: fit.unknown.length, list: names(fit.unknown) }) : '',
    });
    if (other && other.category !== fit.category) {
      text += say('categoryFitCompare', { category: label(other.category), gaps: other.gaps.length, unknown: other.unknown.length });
      const settled = (a: CategoryFit, b: CategoryFit) => a.gaps.length + a.unknown.length < b.gaps.length;
      const better = settled(other, fit) ? other : settled(fit, other) ? fit : undefined;
      const open = fit.unknown.length + other.unknown.length;
      if (better) text += say('categoryFitBetter', { category: label(better.category) });
      else if (open) text += say('categoryFitOpen', { count: open });
    }
    if (fit.blocking.length) text += say('categoryFitBlocked', { clauses: fit.blocking.join(T.listSeparator) });
    return text;
  },
  categoryFitOffer: (current: string, category: string) => say('categoryFitOffer', { current, category }),
  categoryAskBack: (current: string, category: string) => say('categoryAskBack', { current, category }),
  categorySwitched: (category: string, previous: string) => say('categorySwitched', { category, previous }),
  categorySame: (category: string) => say('categorySame', { category }),
  categoryKept: (category: string) => say('categoryKept', { category }),
  restarted: T.restarted,
  done: T.done,
  entryAnswer: (r: Recorded[], skipped: boolean) =>
    skipped
      ? say('entrySkipped', { labels: r.map((i) => i.label).join(T.nameSeparator) || T.entrySkippedNoLabel, display: r[0]?.display ?? '' })
      : r.map((i) => say('entryAnswerItem', { label: i.label, display: i.display })).join(T.listSeparator),
  entryEdit: (r: Recorded[]) => say('entryEdit', { items: r.map((i) => say('entryAnswerItem', { label: i.label, display: i.display })).join(T.listSeparator) }),
  /** Several changes made at once (the facts of an upload accepted together): one entry naming each. */
  entryEdits: (r: Recorded[]) => say('entryEdits', { count: r.length, items: r.map((i) => say('entryAnswerItem', { label: i.label, display: i.display })).join(T.listSeparator) }),
  /** One change of several made at once was refused, so none was kept: which one, and why. */
  editsRefused: (label: string, reason: string, count: number) => say('editsRefused', { label, reason: /[。！？]$/u.test(reason) ? reason : `${reason}。`, count }),
  entryReopened: (r: Recorded[]) => say('entryReopened', { labels: r.map((i) => i.label).join(T.nameSeparator) }),
  entryRestart: T.entryRestart,
  nothingReopened: T.nothingReopened,
};

/**
 * Reasons come from the knowledge data and may already end in a full stop; the joined
 * sentence adds its own, so a trailing one is dropped first (no 「。。」).
 */
function clause(text: string): string {
  return text.replace(/[。；;.\s]+$/u, '');
}

/** The first sentence of a knowledge reason: the fact, before the quote that backs it. */
function firstSentence(text: string): string {
  return clause(text.split('。')[0] ?? text);
}

/** Share of the character pairs of `a` that also occur in `b`. */
function overlap(a: string, b: string): number {
  const pairs = (t: string) => Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2));
  const own = pairs(a);
  if (!own.length) return 1;
  const other = new Set(pairs(b));
  return own.filter((p) => other.has(p)).length / own.length;
}

/**
 * The clauses (split at 。 and ；) of several knowledge sentences, each said once. A clause is left
 * out when an earlier one already contains it, or says it in other words (most of its character
 * pairs occur in a kept clause of the same length or longer): 「移出名单后，可以在以后年度再申报」 after
 * 「完成信用修复、移出名单后，可以在以后年度再申报」.
 */
export function uniqueClauses(texts: string[]): string[] {
  const kept: string[] = [];
  for (const part of texts.flatMap((t) => t.split(/[。；;]/u)).map(clause).filter(Boolean)) {
    const bare = (t: string) => t.replace(/[\p{P}\s]/gu, '');
    const b = bare(part);
    if (kept.some((k) => bare(k).includes(b) || (bare(k).length >= b.length * 0.6 && overlap(b, bare(k)) >= OVERLAP_SAME))) continue;
    // A longer clause that contains an earlier one replaces it in place.
    const i = kept.findIndex((k) => b.includes(bare(k)));
    if (i >= 0) kept[i] = part;
    else kept.push(part);
  }
  return kept;
}

/** Above this share of shared character pairs two remedy clauses say the same thing. */
const OVERLAP_SAME = 0.55;

function sentence(text: string): string {
  return `${clause(text)}。`;
}

/** A question or a sentence as it stands when it already ends as one, else closed with 「。」. */
function ended(text: string): string {
  return /[。？?！!”]$/u.test(text.trim()) ? text.trim() : sentence(text);
}

function example(q: QuestionView): string {
  switch (q.kind) {
    case 'yesNo':
      return T.exampleYesNo;
    case 'yesNoPartial':
      return T.exampleYesNoPartial;
    case 'number':
      return say('exampleNumber', { unit: q.unit ?? '' });
    // A choice is answered by naming one of its options: 「这一栏」 speaks of a form field, which a choice is not.
    case 'choice':
    case 'multiChoice':
      if (q.choices?.length) return q.choices.map((c) => say('exampleChoice', { label: c.label })).join(T.exampleChoiceSeparator);
      return T.exampleOther;
    default:
      return T.exampleOther;
  }
}

function hint(q: QuestionView): string {
  switch (q.kind) {
    case 'yesNo':
      return T.hintYesNo;
    case 'yesNoPartial':
      return T.hintYesNoPartial;
    case 'number':
      return say('hintNumber', { unit: q.unit ? say('hintNumberUnit', { unit: q.unit }) : '' });
    // A date is asked to its month at least: the hint says so, never that a number is wanted.
    case 'date':
      return T.hintDate;
    case 'choice':
    case 'multiChoice':
      return q.choices?.length ? say('hintChoices', { choices: q.choices.map((c) => c.label).join(T.nameSeparator) }) : '';
    default:
      return '';
  }
}

/** Offline text is delivered in a few deltas along sentence ends, so clients exercise the same streaming path as with a model. */
export function chunkText(text: string, maxChunks = 4): string[] {
  const sentences = text.match(/[^。！？；\n]*[。！？；\n]+|[^。！？；\n]+$/g) ?? [text];
  if (sentences.length <= maxChunks) return sentences.filter((s) => s.length > 0);
  const per = Math.ceil(sentences.length / maxChunks);
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += per) out.push(sentences.slice(i, i + per).join(''));
  return out;
}

/** A quoted clause without its closing mark, since the sentence around it closes the quote. */
function clipEnd(quote: string): string {
  return quote.replace(/[。；;.\s]+$/u, '');
}
