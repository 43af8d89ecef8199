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
     * The same header while {count} of the better one's element questions are unasked (fitsBetter `unknown`): it fits
     * better only if those are met, so the header says they are unasked, as the reason under it does. Without it, the
     * page shows chosenFitsWorse.
     */
    chosenFitsWorseUnasked: Text.refine((t) => t.includes('{better}') && t.includes('{count}'), 'chosenFitsWorseUnasked must name {better} and {count}').optional(),
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
    /** The same for a reply to a form question, which cites no clause: the question as the chat asked it. */
    whatForm: templateOf(['question', 'toldBack']),
    /** The action that notes the reply for the interview's lexicon and takes it off the queue. */
    lexicon: Text,
    lexiconDone: Text,
  }),
  /** The staff routes' refusals, said to the member who made the request; each names what its route fills in. */
  errors: z.object({
    unauthenticated: Text,
    forbidden: Text,
    loginLocked: templateOf(['minutes']),
    badCredentials: Text,
    badCurrentPassword: Text,
    passwordChangeRequired: Text,
    regionRequired: Text,
    /** Another member saved the record after this one opened it: {by} who, {when} `reviewConflictWhen` or nothing. */
    reviewConflict: templateOf(['by', 'when']),
    reviewConflictWhen: templateOf(['time']),
    reviewConflictSomeone: Text,
    /** 推荐 of an applicant whose own assessment rules it out: {failed} the conditions it fails, else `ineligibleFallback`. */
    ineligible: templateOf(['failed']),
    ineligibleFallback: Text,
    /** 推荐 of an applicant whose assessment had no verdict when it submitted. */
    incompleteVerdict: Text,
    assistLocked: templateOf(['minutes']),
    assistCodeInvalid: Text,
    viewEnded: Text,
    viewExpired: templateOf(['time']),
    viewHandedOver: templateOf(['time', 'to']),
    viewRevoked: Text,
    /** An assisted view's form export asked for before the session has a category, so no 附件 is chosen yet. */
    assistNoCategory: Text,
    handoverSelf: Text,
    handoverTarget: Text,
    /** The interview-reply action asked of a question. */
    notInterview: Text,
    /** An answer-base entry saved from an interview reply, which is no question: {lexicon} names the action that fits it. */
    fromInterview: templateOf(['lexicon']),
    rollbackNote: templateOf(['revision']),
    withdrawNote: Text,
  }),
  /** The question log's CSV export: its file name and title, each column's heading, and the 未能回答 cell's yes and no. */
  questionLog: z.object({
    title: Text,
    columns: z
      .object({
        at: Text,
        source: Text,
        question: Text,
        answer: Text,
        clauses: Text,
        entries: Text,
        entryIds: Text,
        confidence: Text,
        refused: Text,
        feedback: Text,
        knowledgeVersion: Text,
      })
      .strict(),
    yes: Text,
    no: Text,
    /** The 未能回答 cell of an interview reply the rules did not read: no question, so neither yes nor no. */
    misread: Text.optional(),
    /** The 未能回答 cell of a refusal an answer entry gave (the notice leaves the topic out), as the page names it. */
    notCovered: Text.optional(),
    /** Where a question came from, as the page and the export both name it: never the log's own id. */
    sources: z.object({ api: Text, chat: Text, cli: Text, console: Text, interview: Text }).strict(),
    /** The enterprise's rating of an answer, as the page and the export both name it. */
    feedback: z.object({ up: Text, down: Text }).strict(),
    /** An interview reply's answer cell: the item it answered by its label ({label}), its clause, and what the enterprise was told ({toldBack}). */
    interviewAnswer: templateOf(['label', 'clause', 'toldBack']),
    /** The same for a form item, which cites no clause. */
    interviewAnswerForm: templateOf(['label', 'toldBack']),
  }),
  /**
   * The self-assessment verdicts as the console names them, one word per verdict wherever staff read it (the 推荐汇总表,
   * the dashboard and its CSV): 「存在差距」 is the report's own word for an applicant with gaps, so it is the console's too.
   */
  verdicts: z.object({ qualified: Text, gaps: Text, incomplete: Text, ineligible: Text }).strict(),
  /**
   * The dashboard's tables, as the page shows them and as their CSV exports head them: each table's title and its
   * columns' headings, by the column's key. A submission table's title names its programme {year}. `unknown` stands for
   * a submission without a region or a verdict.
   */
  dashboard: z.object({
    unknown: Text,
    perDay: z.object({ title: Text, columns: z.object({ day: Text, questions: Text, refused: Text, notCovered: Text, low: Text, misreads: Text }).strict() }),
    topics: z.object({ title: Text, columns: z.object({ clause: Text, title: Text, count: Text }).strict() }),
    regions: z.object({ title: templateOf(['year']), columns: z.object({ key: Text, count: Text }).strict() }),
    categories: z.object({ title: templateOf(['year']), columns: z.object({ key: Text, count: Text }).strict() }),
    verdicts: z.object({ title: templateOf(['year']), columns: z.object({ key: Text, count: Text }).strict() }),
    exports: z.object({ title: Text, columns: z.object({ format: Text, count: Text }).strict() }),
  }),
  /** The 推荐汇总表's wording: the notice names the table (四(四)) but not its columns, so the layout is this system's own. */
  summary: z.object({
    sheet: Text,
    title: templateOf(['region']),
    fileName: templateOf(['region', 'year']),
    layoutNote: Text,
    /** The count line of a region without a quota of its own. */
    countOnly: templateOf(['n']),
    /** One heading per column, by the column's key; the columns' order and widths are the sheet's layout. */
    columns: z
      .object({
        n: Text,
        name: Text,
        creditCode: Text,
        county: Text,
        contact: Text,
        phone: Text,
        category: Text,
        verdict: Text,
        finance: Text,
        notes: Text,
        siteNotes: Text,
        checked: Text,
        reasons: Text,
        recommended: Text,
        confirmed: Text,
        submittedAt: Text,
      })
      .strict(),
    groups: z.object({ recommended: Text, notRecommended: Text, count: templateOf(['heading', 'n']) }),
    /** What an empty cell means: not given by the applicant, or not yet done by the bureau, rather than a blank. */
    notYet: z.object({ county: Text, review: Text, site: Text }),
    noName: Text,
    yes: Text,
    no: Text,
    noBecause: templateOf(['why']),
  }),
  /** The 知识库版本 page's import of a new notice: its stages as the page lists them, and what it says of a file it refuses. */
  ingest: z.object({
    stages: z.object({ upload: Text, base: Text, extract: Text, parse: Text, compare: Text, carry: Text, validate: Text, report: Text, done: Text }).strict(),
    notPdf: templateOf(['name']),
    notDocx: templateOf(['name']),
    notUtf8: templateOf(['name']),
    oldDoc: Text,
    unsupported: templateOf(['name']),
    tooLarge: templateOf(['mb']),
    emptyFile: templateOf(['name']),
    missingFile: Text,
    versionExists: templateOf(['version']),
    fromNotPublished: templateOf(['version', 'published']),
    running: templateOf(['version', 'file']),
    drafted: templateOf(['version', 'clauses', 'basedOn', 'pending']),
    internalError: Text,
    noJob: Text,
    noVersion: templateOf(['version']),
    notIngested: templateOf(['version']),
    cannotCompare: templateOf(['base', 'version', 'why']),
    noValue: Text,
    editRefused: templateOf(['why']),
    restoreRefused: templateOf(['why']),
    dropRefused: templateOf(['why']),
    publishRefused: templateOf(['why']),
    notServed: templateOf(['version', 'published']),
  }),
});
export type ConsoleWording = z.infer<typeof ConsoleWording>;

/**
 * A request for what is not there (a session, a clause, an applicant, a log record): `message` says that {what} does
 * not exist, and `what` names each thing a route looks up, with the placeholders its route fills in.
 */
export const NotFoundWording = z.object({
  message: templateOf(['what']),
  what: z
    .object({
      session: Text,
      clause: templateOf(['id']),
      enterprise: Text,
      route: Text,
      questionLog: Text,
      answerEntries: templateOf(['version']),
      entryRevision: templateOf(['id', 'revision']),
      staffEntries: templateOf(['version']),
    })
    .strict(),
});
export type NotFoundWording = z.infer<typeof NotFoundWording>;

export const UiFile = UiWording.extend({ $comment: z.string().optional(), console: ConsoleWording, notFound: NotFoundWording }).refine(
  (f) => f.assessment.blockedHelp === undefined || ['{unit}', '{phone}'].every((p) => f.assessment.blockedHelp!.includes(p)),
  { message: 'assessment.blockedHelp must name {unit} and {phone}, the contact the server fills in', path: ['assessment', 'blockedHelp'] },
);
