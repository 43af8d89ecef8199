import { z } from 'zod';

/** The capability IDs: a public contract shared by the engine, the interview and the forms. */
export const CAPABILITY_IDS = [
  'industrialNetwork', 'factoryNetwork', 'securityPolicy', 'securityProtection',
  'automatedLines', 'flexibleCell', 'smartInstruments', 'dcs', 'apc', 'rto', 'sis',
  'scada', 'mes', 'erp', 'scadaMesErpIntegration',
  'autoId', 'agvRgv', 'errorProofing', 'andon', 'onlineInspection', 'qualityTraceability',
  'cadCae', 'pdm', 'lims', 'factoryDigitalModel',
  'scm', 'wms', 'autoWarehouse', 'tankYard', 'energyManagement', 'manufacturingControl', 'emergencyCommand',
  'systemIntegration', 'aiApplication', 'predictiveMaintenance',
] as const;
export const CapabilityId = z.enum(CAPABILITY_IDS);
export type CapabilityId = z.infer<typeof CapabilityId>;

/** Yes, no, partly in place, or being built (在建, 在调试, 计划上): a system being built does not meet a condition yet. */
export const CapabilityValue = z.union([z.boolean(), z.literal('partial'), z.literal('building')]);
export type CapabilityValue = z.infer<typeof CapabilityValue>;

export const Category = z.enum(['smartWorkshop', 'discreteFactory', 'processFactory']);
export type Category = z.infer<typeof Category>;

/** "C36", "36" and "C3670" all mean division 36. */
export const IndustryCode = z
  .string()
  .trim()
  .regex(/^[Cc]?\d{2,4}$/, '应为 GB/T 4754 行业代码，如 "36"、"C36" 或 "C3670"')
  .transform((s) => s.replace(/^[Cc]/, '').slice(0, 2));

export const Enterprise = z.object({
  name: z.string().trim().min(1).max(200),
  creditCode: z.string().trim().max(18).optional(),
  province: z.string().trim().min(1).max(50),
  city: z.string().trim().min(1).max(50),
  county: z.string().trim().max(50).optional(),
  independentLegalPerson: z.boolean(),
  groupOrHeadOffice: z.boolean(),
  manufacturingMainBusiness: z.boolean(),
  industryCode: IndustryCode,
  operatingWell: z.boolean(),
  credit: z.object({
    dishonestExecutee: z.boolean(),
    taxViolationBlacklist: z.boolean(),
    seriousIllegalDishonest: z.boolean(),
  }),
  priorTitles: z.array(z.enum(['smartWorkshop', 'smartFactory'])).max(2).default([]),
  /** The workshop applying is the one already titled 智能车间 (四(一)): read only of a workshop title holder applying for 智能车间. */
  titledWorkshopAgain: z.boolean().optional(),
  appliedThisYear: z.boolean(),
  greenPriority: z.boolean().optional(),
});
export type Enterprise = z.infer<typeof Enterprise>;

const Percent = z.number().min(0).max(100);

export const Profile = z.object({
  enterprise: Enterprise,
  scope: z.enum(['workshop', 'factory']).optional(),
  productionMode: z.enum(['discrete', 'process']).optional(),
  capabilities: z.partialRecord(CapabilityId, CapabilityValue).default({}),
  metrics: z
    .object({ automationRatio: Percent.optional(), networkedRatio: Percent.optional(), dataCollectionRate: Percent.optional() })
    .optional(),
  selfAssessment: z
    .object({
      automationAdvanced: z.boolean().optional(),
      networkingAdvanced: z.boolean().optional(),
      dataCollectionAdvanced: z.boolean().optional(),
    })
    .optional(),
  /** Answers to hard conditions a knowledge version adds beyond these fields (category-rules.json `declared.*`), by fact name. */
  declared: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/).max(60), z.union([z.boolean(), z.number(), z.string().max(200)])).optional(),
});
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;

export const ConditionStatus = z.enum(['met', 'partial', 'unmet', 'unknown']);
export type ConditionStatus = z.infer<typeof ConditionStatus>;

export const Assessment = z.object({
  eligible: z.boolean(),
  verdict: z.enum(['ineligible', 'gaps', 'incomplete', 'qualified']),
  /**
   * Failing hard conditions (二, 四(一)): what blocks, under which clause and condition (its title, absent from an
   * assessment stored before the field existed), and what would change the answer.
   */
  blocking: z.array(z.object({ clause: z.string(), title: z.string().optional(), reason: z.string(), remedy: z.string() })),
  /**
   * Hard conditions (二, 四(一)) not yet answered or answered 不清楚: 待确认, never counted as met. Absent from an
   * assessment stored before the field existed, which is read as none known.
   */
  pending: z.array(z.object({ clause: z.string(), title: z.string() })).optional(),
  category: z.object({
    /** Always null while a hard condition fails: an ineligible enterprise is recommended nothing. */
    recommended: Category.nullable(),
    /**
     * Only while a hard condition fails: the category the rules would give once the blocking conditions
     * are cleared, for preparation; never a recommendation. `conditions` are then evaluated for it.
     */
    ifEligible: Category.optional(),
    reasons: z.array(z.object({ clause: z.string().optional(), text: z.string() })),
    alternatives: z.array(z.object({ category: Category, whyNot: z.string() })),
    /**
     * Only when the enterprise chose its scope and the other scope has fewer element conditions failing: the category
     * that fits better and both counts. The recommendation stays the chosen one; the verdict says the comparison.
     */
    // unknown: the better one's conditions not asked yet (未核实), absent when none.
    fitsBetter: z.object({ category: Category, gaps: z.number().int(), chosenGaps: z.number().int(), unknown: z.number().int().optional() }).optional(),
    /**
     * More than the knowledge's share of the recommended category's element conditions fail: the category is the one
     * that fits, but applying now is not advised. Absent otherwise (and from assessments stored before it existed).
     */
    notYet: z.literal(true).optional(),
  }),
  conditions: z.array(
    z.object({
      clause: z.string(),
      title: z.string(),
      status: ConditionStatus,
      missing: z.array(CapabilityId),
      unknown: z.array(CapabilityId),
      advice: z.string(),
      /**
       * Capabilities the notice asks for 「根据…需要」 that are not in place: no gap, so the condition can be met, but its
       * advice (say in the application how the work is done without them) is shown beside the met status.
       */
      asNeededLacking: z.array(CapabilityId).optional(),
      /**
       * Groups among `missing` of which any one would meet its requirement (the notice's alternatives, an anyOf reading):
       * whoever lists the gaps names each group as one item. Absent when none (and from assessments stored before it).
       */
      anyOf: z.array(z.array(CapabilityId)).optional(),
    }),
  ),
  notes: z.array(z.object({ clause: z.string(), text: z.string() })),
  knowledgeVersion: z.string(),
});
export type Assessment = z.infer<typeof Assessment>;
