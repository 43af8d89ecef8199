import { z } from 'zod';
import { AnswerEntry } from '../knowledge/schemas/answer-base';

export const StaffRole = z.enum(['helpline', 'bureau', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const StaffName = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}._-]{2,40}$/u, '用户名为 2–40 个字母、数字、汉字或 . _ - (2–40 letters, digits, . _ -)');

/** One account in DATA_DIR/staff/accounts.json. */
export const StaffAccount = z.object({
  username: StaffName,
  role: StaffRole,
  /** The region (regions.json name) a bureau account is bound to; absent for other roles. */
  region: z.string().min(2).max(50).optional(),
  passwordHash: z.string().min(10),
  /** Set for a fresh one-time password: the console asks for a new one before anything else. */
  mustChangePassword: z.boolean().default(false),
  disabled: z.boolean().default(false),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

export const AccountsFile = z.object({ accounts: z.array(StaffAccount) });
export type AccountsFile = z.infer<typeof AccountsFile>;

/** What a staff cookie session holds. */
export const StaffIdentity = z.object({ username: z.string(), role: StaffRole, region: z.string().optional() });
export type StaffIdentity = z.infer<typeof StaffIdentity>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});

/** The shortest password a member may set; the console's form checks it before sending. */
export const PASSWORD_MIN = 12;

export const ChangePasswordRequest = z.object({
  current: z.string().min(1).max(200),
  next: z.string().min(PASSWORD_MIN, `新密码至少 ${PASSWORD_MIN} 位 (at least ${PASSWORD_MIN} characters)`).max(200),
});

export const StaffAskRequest = z.object({ question: z.string().trim().min(1).max(2000) });

/** Where a logged question came from; 'interview' is an interview reply the rules could not read. */
export const QuestionSource = z.enum(['api', 'chat', 'cli', 'console', 'interview']);
export type QuestionSource = z.infer<typeof QuestionSource>;

export const Vote = z.enum(['up', 'down']);
export const FeedbackRequest = z.object({ questionId: z.uuid(), vote: Vote });

export const QuestionLogQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The next page: the `at` of the last question shown, and its `id`, which tells apart questions logged in the same millisecond. */
  before: z.iso.datetime({ offset: true }).optional(),
  beforeId: z.uuid().optional(),
  source: QuestionSource.optional(),
  refused: z.enum(['true', 'false']).optional(),
  /**
   * unanswered: the refusals no answer entry gave, and interview replies not read (「只看未能回答」); notCovered: the
   * refusals a 通知未涉及 entry gave, which answered. `refused` alone holds both.
   */
  result: z.enum(['unanswered', 'notCovered']).optional(),
  /** Words the question or its answer holds, each of them (a caller's 「视频 大小」): the log is searched, not scrolled. */
  q: z.string().trim().max(100).optional(),
});
export type QuestionLogQuery = z.infer<typeof QuestionLogQuery>;

export const QuestionLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  source: QuestionSource,
  question: z.string(),
  answer: z.string(),
  clauses: z.array(z.string()),
  /** The answer-base entries the answer was built from (AskResponse.entries); empty for the closest clauses or a refusal. */
  entries: z.array(z.string()),
  confidence: z.number(),
  refused: z.boolean(),
  feedback: Vote.nullable(),
  /** The knowledge version that answered. */
  knowledgeVersion: z.string(),
  /** A refusal's recognised out-of-scope topic (AskResponse.topic); absent when none was found, and for an answer. */
  refusalTopic: z.string().optional(),
  /** The answer entry staff wrote or fixed for this question from the review queue; absent when none (or dismissed). */
  reviewEntry: z.string().optional(),
});
export type QuestionLogEntry = z.infer<typeof QuestionLogEntry>;

/** A page of the question log, and how many questions the filter holds in all. */
export interface QuestionLogPage {
  items: QuestionLogEntry[];
  /**
   * The standard question of each answer entry the page's answers rest on, by knowledge version
   * and entry id: staff know an entry by what it answers, not by its id. An entry a version no
   * longer serves (withdrawn) has none.
   */
  entryQuestions: Record<string, Record<string, string>>;
  total: number;
  retentionDays: number;
  /** Each source and rating as the page names it, the same words the export writes (knowledge ui.json). */
  sources: Record<QuestionSource, string>;
  feedback: { up: string; down: string };
}

export const SubmitRequest = z.object({
  region: z.string().trim().min(2).max(50),
});

/** The bureau being chosen, whose area the submit state says holds the applicant's location or not. */
export const SubmitStateQuery = z.object({
  region: z.string().trim().min(2).max(50).optional(),
});

export const ReviewRequest = z.object({
  notes: z.string().max(5000, '初审意见最多 5000 字').default(''),
  siteNotes: z.string().max(5000, '现场核查情况最多 5000 字').default(''),
  /** Checklist item id → ticked. */
  checklist: z.record(z.string().max(100), z.boolean()).default({}),
  /** Checklist item id → why it was not verified; an unticked item needs one before 推荐. */
  reasons: z.record(z.string().max(100), z.string().max(1000, '未核实原因最多 1000 字')).default({}),
  recommended: z.boolean(),
  /** The bureau has read the finance warnings of the applicant's figures and recommends it all the same. */
  financeConfirmed: z.boolean().default(false),
  /** The bureau has read the element conditions the applicant's assessment left unmet (二(二)) and recommends it all the same. */
  conditionsConfirmed: z.boolean().default(false),
  /**
   * When the record the page opened was last saved (`reviewedAt`; null: never). A record saved since by someone else
   * is not overwritten: the save is refused, so a colleague's 初审 is not lost to a page opened before it. Omitted,
   * the save is not checked (scripts).
   */
  basedOn: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

/**
 * A code read out over the phone is typed as it comes: full-width digits from a Chinese input method
 * (「６０９７９４」) or with spaces (「609 794」) are the same six digits.
 */
export const AssistClaimRequest = z.object({
  code: z
    .string()
    .max(40)
    .transform((s) => s.normalize('NFKC').replace(/[\s-]+/gu, ''))
    .pipe(z.string().regex(/^\d{6}$/, '协助码为 6 位数字，请核对后重新输入 (6 digits)')),
});

/** Hands an open view to a colleague: their user name, as they sign in with it. */
export const AssistHandoverRequest = z.object({ to: z.string().trim().min(1).max(40) });

export const ReviewQueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
});

export const EntryIdParam = z.object({ id: AnswerEntry.shape.id });

/** Which knowledge version's staff answers a request reads or writes; absent, the default version. */
export const AnswerVersionQuery = z.object({ version: z.string().regex(/^[a-z0-9-]{1,40}$/u, '版本名只能用小写字母、数字和“-”，如 henan-2023').optional() });

/** A staff answer-base entry: the shipped answer base's own entry schema, plus why and from which question. */
export const SaveEntryRequest = z.object({
  entry: AnswerEntry,
  note: z.string().trim().max(500).default(''),
  /** The logged question the entry answers; it leaves the review queue. */
  fromQuestion: z.uuid().optional(),
});

export const RollbackRequest = z.object({ revision: z.number().int().min(1) });
