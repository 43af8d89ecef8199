import { z } from 'zod';
import { Category, Profile, Enterprise, CapabilityId, CapabilityValue } from './profile';

/**
 * The facts a 申报书 draft rests on, beyond the assessment profile. Everything is
 * optional: a missing fact becomes a visible placeholder, never a guess.
 */

const Money = z.number().finite().min(0, '金额（万元）不能为负数');
const Count = z.number().int().min(0);
const Pct = z.number().finite().min(0).max(100);
const Text = (max = 2000) => z.string().trim().min(1).max(max);
/** A real calendar date, "YYYY-MM-DD" or "YYYY-MM". */
export const FormDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, '日期格式应为 YYYY-MM-DD 或 YYYY-MM')
  .refine((s) => isRealDate(s), '不是真实存在的日期');

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export const FinanceYear = z.object({
  totalAssets: Money.optional(),
  totalLiabilities: Money.optional(),
  revenue: Money.optional(),
  /** Profit may be a loss. */
  profit: z.number().finite().optional(),
  tax: Money.optional(),
});
export type FinanceYear = z.infer<typeof FinanceYear>;

export const BeforeAfter = z.object({ before: z.number().finite().min(0).optional(), after: z.number().finite().min(0).optional() });

export const Workshop = z.object({
  name: Text(100).optional(),
  lines: z.array(Text(100)).max(30).optional(),
  equipmentTotal: Count.optional(),
  automatedEquipment: Count.optional(),
  networkedEquipment: Count.optional(),
  /** What was built, per cell of the workshop block (keys are form field ids: "ws.infra"). */
  descriptions: z.record(z.string().max(60), Text(3000)).optional(),
});
export type Workshop = z.infer<typeof Workshop>;

export const FormFacts = z.object({
  name: Text(200).optional(),
  industry: Text(100).optional(),
  creditCode: z.string().trim().max(18).optional(),
  foundedOn: FormDate.optional(),
  /** The founding year the interview recorded, kept only while the form has no 成立时间 date: the draft states the year. */
  foundedYear: z.number().int().min(1900).max(2100).optional(),
  address: Text(300).optional(),
  province: Text(50).optional(),
  registeredCapital: Money.optional(),
  capitalNature: Text(50).optional(),
  employees: Count.optional(),
  contact: z
    .object({ name: Text(50), title: Text(50), phone: Text(40), mobile: Text(40), fax: Text(40), email: z.string().trim().email() })
    .partial()
    .optional(),
  leader: z.object({ name: Text(50), title: Text(80), phone: Text(40) }).partial().optional(),
  /** Keyed by year: "2020", "2021", "2022". */
  finance: z.record(z.string().regex(/^\d{4}$/), FinanceYear).optional(),
  /** `approx`: the share was given as a round one (「约占六成」), and the draft keeps the 约. */
  products: z.array(z.object({ name: Text(100), share: Pct.optional(), approx: z.literal(true).optional() })).max(20).optional(),
  /** Share of revenue from the main products as a whole, when not given per product. */
  mainProductsShare: Pct.optional(),
  history: Text(3000).optional(),
  business: Text(3000).optional(),
  marketing: Text(3000).optional(),
  honours: z.array(Text(200)).max(50).optional(),
  /**
   * Items of the honours answer that are no title the enterprise holds (another body's, applied for, failed,
   * not yet): left out of `honours`, kept as typed so that a flag can say what was left out and why.
   */
  honoursNotHeld: z.array(Text(200)).max(50).optional(),
  /** Lines said not built or not running yet (「灌装线在建还没投产」), by workshop: left out of its `lines`, kept as typed for the flag that says so. */
  linesNotBuilt: z.array(z.object({ workshop: z.number().int().min(0), said: Text(100) })).max(60).optional(),
  rnd: z.object({ staff: Count.optional(), description: Text(3000).optional() }).optional(),
  patents: z.object({ total: Count.optional(), invention: Count.optional(), description: Text(3000).optional() }).optional(),
  project: z
    .object({
      name: Text(200).optional(),
      address: Text(300).optional(),
      start: FormDate.optional(),
      end: FormDate.optional(),
      /** Said still under construction (还在建): `end`, if given, is the date planned. */
      underway: z.boolean().optional(),
      investment: Money.optional(),
      applicationDate: FormDate.optional(),
    })
    .optional(),
  workshops: z.array(Workshop).max(20).optional(),
  /**
   * Equipment counts the interview gave for its ratio question (「全厂260台设备，联网221台」), each by what it counts, and
   * the unit they are of where the reply named it (全厂, 车间): stated as the counts, with the share they give, only for
   * that unit. `said` is the reply as typed.
   */
  unitEquipment: z
    .object({ scope: z.enum(['factory', 'workshop']).optional(), total: Count.optional(), automated: Count.optional(), networked: Count.optional(), said: Text(200) })
    .optional(),
  indicators: z
    .object({
      productivity: BeforeAfter.optional(),
      operatingCost: BeforeAfter.optional(),
      upgradeCycle: BeforeAfter.optional(),
      defectRate: BeforeAfter.optional(),
      energyPerOutput: BeforeAfter.optional(),
      headcount: BeforeAfter.optional(),
      /** Annual output value of the workshop/factory (万元), the basis of 每人每天产出. */
      outputValue: BeforeAfter.optional(),
      workingDays: z.number().int().min(1).max(366).optional(),
    })
    .optional(),
  /** What was built, per element cell of the form (keys are form field ids: "infra", "rd.pdm"). */
  elements: z.record(z.string().max(60), Text(3000)).optional(),
  advantages: Text(3000).optional(),
  benefits: Text(3000).optional(),
  /**
   * Figures the enterprise gave as round ones (「大概两百人」, 「一千多万」), as typed: the fact itself is left
   * out, so the form asks for the exact figure where it would stand, and a flag says why. `fact` is the
   * form fact's path ("employees", "finance.2022.totalAssets") or the assessment's ("metrics.networkedRatio").
   */
  approximate: z.array(z.object({ fact: z.string().max(100), said: Text(200), label: Text(100).optional() })).max(100).optional(),
  /**
   * Narrative cells the enterprise answered with none (「暂无」, 「无」), as typed: nothing is printed for them, and a
   * flag says so where the interview answered that it has a capability the cell asks about. `fact` is the cell's
   * path ("elements.rd.pdm", "workshops.0.descriptions.ws.run").
   */
  deniedCells: z.array(z.object({ fact: z.string().max(100), said: Text(50) })).max(100).optional(),
  /**
   * What the enterprise said of a capability beyond its yes in the interview (「APC在精馏工段用了」), by capability id, as
   * typed: a cell that asks about the capability and has no description of the enterprise's states it.
   */
  capabilityDetails: z.partialRecord(CapabilityId, Text(200)).optional(),
});
export type FormFacts = z.infer<typeof FormFacts>;

/** The drafting input: the assessment profile (possibly partial) plus the form facts. */
export const DraftProfile = z.object({
  // The prior titles stay unset until the assessment records them (none is an empty list), so an honour is only
  // checked against an answer that was given.
  enterprise: Enterprise.partial().extend({ priorTitles: Enterprise.shape.priorTitles.unwrap().optional() }).optional(),
  scope: Profile.shape.scope,
  productionMode: Profile.shape.productionMode,
  capabilities: z.partialRecord(CapabilityId, CapabilityValue).default({}),
  metrics: Profile.shape.metrics,
  declared: Profile.shape.declared,
  form: FormFacts.default({}),
  /**
   * The session's date: the day 「去年」「上了两年了」 in the enterprise's chat replies are counted from. Unset, each
   * such word is printed as a request for its date.
   */
  asOf: FormDate.optional(),
});
export type DraftProfile = z.infer<typeof DraftProfile>;
export type DraftProfileInput = z.input<typeof DraftProfile>;

export const NumberSource = z.object({ value: z.string(), source: z.string(), formula: z.string().optional() });
export type NumberSource = z.infer<typeof NumberSource>;

/**
 * One sentence of a draft with the facts it rests on: form fact paths ("form.history",
 * "form.workshops.0.descriptions.ws.infra"), the assessment's answers ("capabilities.mes",
 * "metrics.networkedRatio"), computed values ("computed:changeRatio(productivity)"), an uploaded
 * document ("document:<id>") or the user's own edit ("edit:<section>"). Empty facts: framing only.
 */
export const Sentence = z.object({ text: z.string(), facts: z.array(z.string()) });
export type Sentence = z.infer<typeof Sentence>;

export const DraftResult = z.object({
  section: z.string(),
  title: z.string(),
  text: z.string(),
  length: z.number().int(),
  target: z.object({ text: z.string(), nominal: z.number(), min: z.number(), max: z.number() }).nullable(),
  withinTarget: z.boolean().nullable(),
  missingFacts: z.array(z.string()),
  numbers: z.array(NumberSource),
  /** Elements of 三 still unmet, flagged in the text. */
  unmet: z.array(z.string()).default([]),
  sentences: z.array(Sentence).default([]),
  /** Below the length target: the facts that would add length, instead of padding. */
  addFacts: z.array(z.string()).default([]),
});
export type DraftResult = z.infer<typeof DraftResult>;

/**
 * A section id, optionally with the 1-based workshop for cells of the 车间建设 block:
 * "enterpriseIntro", "ws.dispatch@2".
 */
export const SectionKey = z.string().regex(/^[a-zA-Z][\w.]{0,60}(@\d{1,2})?$/, '应为栏目编号，如 "enterpriseIntro" 或 "ws.dispatch@2"');

export const DraftRequest = z.object({
  profile: DraftProfile,
  category: Category,
  section: SectionKey,
});

export const ExportRequest = z.object({ profile: DraftProfile, category: Category });

/** PUT body: either the user's edited text, or a request to regenerate from the facts. */
export const SaveDraftRequest = z.union([
  z.object({ text: z.string().max(20000), category: Category.optional() }).strict(),
  z.object({ regenerate: z.literal(true), overwrite: z.boolean().default(false), category: Category.optional() }).strict(),
]);
export const RegenerateRequest = z.object({ overwrite: z.boolean().default(false), category: Category.optional() });

/** What a session keeps per category and section: the user's edited text. */
export const SavedDrafts = z.record(z.string(), z.record(z.string(), z.object({ text: z.string(), edited: z.boolean(), savedAt: z.string() })));
export type SavedDrafts = z.infer<typeof SavedDrafts>;

/** The materials checklist as the enterprise ticks it: per item of 附件N.四 (and the extra items) done, a note, and file checks. */
export const ChecklistEntry = z.object({
  done: z.boolean(),
  note: z.string().max(500).optional(),
  /** Results of the checks on a given file or count: 「照片 12 张，满足不少于10张」. */
  checks: z.array(z.string().max(300)).max(10).default([]),
  updatedAt: z.string(),
});
export const ChecklistState = z.object({ items: z.record(z.string(), ChecklistEntry).default({}) });
export type ChecklistState = z.infer<typeof ChecklistState>;

export const ChecklistUpdate = z
  .object({
    done: z.boolean().optional(),
    note: z.string().trim().max(500).optional(),
    /** For the photos item: how many photos are prepared (附件N.四(五): 不少于10张). */
    photoCount: z.number().int().min(0).max(10000).optional(),
  })
  .strict();

/**
 * The export's response header naming what the file prints that the user should check before signing: the edited
 * sections behind the facts given since they were saved (`warning`, empty when none is, and `sections`) and the ratios
 * written against the workshop's own counts, of which the file prints the computed one (`figures`). Percent-encoded
 * JSON; absent when there is nothing to say.
 */
export const STALE_EXPORT_HEADER = 'x-stale-sections';
export const StaleExport = z.object({
  warning: z.string(),
  sections: z.array(z.object({ section: z.string(), title: z.string(), labels: z.array(z.string()) })),
  figures: z.array(z.string()).optional(),
});
export type StaleExport = z.infer<typeof StaleExport>;
