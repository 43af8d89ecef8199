import { z } from 'zod';
import { CAPABILITY_IDS, CapabilityId, Category } from '../../schemas/profile';
import { QuestionKind } from '../../schemas/interview';

const Comment = z.string().optional();

/** Clause IDs as the notice numbers them (三(二)6, 附件2.四(五)); same grammar as the clauses file. */
const ClauseId = z
  .string()
  .regex(/^(序|附件\d*|(附件\d+\.)?[一二三四五六七八九十]+(\([一二三四五六七八九十]+\)(\d+)?)?)$/, '条款编号须按通知的编号写法，如 三(二)6');
const Text = z.string().min(1);

/* ---------------------------------------------------------------- capabilities.json */

export const CapabilitiesFile = z
  .object({
    $comment: Comment,
    groups: z.array(z.object({ id: z.string().min(1), label: Text })).min(1),
    capabilities: z.array(
      z.object({
        id: CapabilityId,
        label: Text,
        group: z.string().min(1),
        clauses: z.array(ClauseId).min(1),
        aliases: z.array(Text).min(1),
        implies: z.array(CapabilityId).optional(),
        /** The label in one category's own words, where the notice words the capability differently (配方优化 in 三(三)6, 质量改进 in 三(二)6). */
        labels: z.partialRecord(Category, Text).optional(),
        notAliases: z.array(Text).optional(),
        /**
         * An integration of named systems (`of`, at least `min` of them named), said with one of `words`. `within`: the
         * integration of all the enterprise's systems that this one is part of; a system outside `of` said joined or not
         * joined beside it (「SCADA、MES跟ERP对接了，WMS还没接」) speaks of that wider one, not of this.
         */
        composite: z.object({ of: z.array(CapabilityId).min(2), min: z.number().int().min(2), words: z.array(Text).min(1), within: CapabilityId.optional() }).optional(),
        /**
         * The notice names the capability by alternatives (「AGV、RGV等」, 「条码、二维码、电子标签…等」): one named form in
         * place is the capability in place, so 「AGV有，RGV没有」 is yes. Without it, one form in place and another not is partial.
         */
        anyForm: z.boolean().optional(),
        /**
         * A narrower capability named in a clause that gives this one's reach (「全厂都是工业以太网」: a
         * workshop network, said of the whole plant) is this capability too. A `placeless` word gives a reach without
         * naming where (全覆盖): it widens only a reply that names none of the `confinedBy` parts, since 「车间有工业以太网，
         * 全覆盖」 covers the workshop, not the plant.
         */
        widens: z
          .object({ of: z.array(CapabilityId).min(1), words: z.array(Text).min(1), placeless: z.array(Text).optional(), confinedBy: z.array(Text).optional() })
          .refine((w) => (w.placeless ?? []).every((x) => w.words.includes(x)), { message: 'placeless 的词须在 words 中' })
          .optional(),
        /**
         * Systems whose name, typed while this capability's question waits, answers it: the notice's 制造管控系统 of
         * a process plant is what plants call their MES, so 「MES上了」 to that question answers it, and is not
         * recorded as the discrete 制造执行系统 nobody asked about.
         */
        answeredBy: z.array(CapabilityId).optional(),
      }),
    ),
  })
  .superRefine((f, ctx) => {
    const groups = new Set(f.groups.map((g) => g.id));
    const seen = new Set<string>();
    f.capabilities.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['capabilities', i, 'id'], message: `能力 id 重复：${c.id}` });
      seen.add(c.id);
      if (!groups.has(c.group)) ctx.addIssue({ code: 'custom', path: ['capabilities', i, 'group'], message: `未知的分组：${c.group}` });
    });
    // The capability IDs are a public contract: every one needs a label and aliases, or the interview could not ask for it.
    for (const id of CAPABILITY_IDS) {
      if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['capabilities'], message: `缺少能力 ${id}` });
    }
  });
export type CapabilitiesFile = z.infer<typeof CapabilitiesFile>;

/* ---------------------------------------------------------------- elements.json */

export const SelfKey = z.enum(['automationAdvanced', 'networkingAdvanced', 'dataCollectionAdvanced']);
export type SelfKey = z.infer<typeof SelfKey>;
export const MetricKey = z.enum(['automationRatio', 'networkedRatio', 'dataCollectionRate']);
export type MetricKey = z.infer<typeof MetricKey>;

/**
 * How the engine reads one of the notice's own qualifiers: a list closed by 「等」, a 「根据…需要」,
 * or an explicit alternative. `wording` is the notice's text verbatim (a test checks it against
 * the clause); `note` says, in Chinese, why the list is read this way.
 * - examples: the items describe the content or scope of one capability, checked as a whole;
 * - anyOf: the items are alternatives, one that fits the enterprise suffices;
 * - allNamed: every named item is asked for, 「等」 only admits more of the same kind;
 * - asNeeded: applied 「根据…需要」, so not having it is not a gap by itself.
 */
export const QualifierReading = z.enum(['examples', 'anyOf', 'allNamed', 'asNeeded']);
export type QualifierReading = z.infer<typeof QualifierReading>;
export const Qualifier = z.object({ wording: Text, reading: QualifierReading, note: Text });
export type Qualifier = z.infer<typeof Qualifier>;

export const Requirement = z
  .object({
    /** The notice's own words for this requirement, verbatim; 「……」 marks an elision. The engine quotes it when the requirement fails. */
    text: Text,
    all: z.array(CapabilityId).min(1).optional(),
    any: z.array(CapabilityId).min(2).optional(),
    self: SelfKey.optional(),
    metric: MetricKey.optional(),
    qualifiers: z.array(Qualifier).optional(),
    /** Said when this requirement is not met (for an asNeeded one: when its capability is not fully in place). */
    advice: Text.optional(),
  })
  .refine((r) => [r.all, r.any, r.self].filter(Boolean).length === 1, {
    message: '一条要求只能写 all（全部能力）、any（任一能力）或 self（自评）三者之一',
  })
  .refine((r) => !r.metric || r.self, { message: 'metric 只能与自评（self）一起记录', path: ['metric'] })
  .refine((r) => !r.any || (r.qualifiers ?? []).some((q) => q.reading === 'anyOf'), {
    message: '任一能力即可满足（any）的要求，须以通知原文的 anyOf 解读为依据',
    path: ['any'],
  })
  .refine((r) => !(r.qualifiers ?? []).some((q) => q.reading === 'asNeeded') || (r.all && r.advice), {
    message: '“根据需要”（asNeeded）的要求须写明能力（all）和缺少时给出的建议（advice）',
    path: ['qualifiers'],
  });
export type Requirement = z.infer<typeof Requirement>;

const Advice = z.object({ met: Text, gap: Text, unknown: Text });

export const Element = z
  .object({
    clause: ClauseId,
    title: Text,
    factoryLevel: z.boolean().optional(),
    requirements: z.array(Requirement).min(1).optional(),
    branches: z.object({ discrete: z.array(Requirement).min(1), process: z.array(Requirement).min(1) }).optional(),
    advice: Advice,
  })
  .refine((e) => !!e.requirements !== !!e.branches, { message: '一个要素要么写 requirements，要么写 discrete/process 分支，二者取其一' })
  // An asNeeded requirement leaves its element met, so the qualifier can only reach the user through {advice}.
  .refine(
    (e) => {
      const reqs = [...(e.requirements ?? []), ...(e.branches?.discrete ?? []), ...(e.branches?.process ?? [])];
      const asNeeded = reqs.some((r) => (r.qualifiers ?? []).some((q) => q.reading === 'asNeeded'));
      return !asNeeded || Object.values(e.advice).every((t) => t.includes('{advice}'));
    },
    { message: '含“根据需要”（asNeeded）要求的要素，其 met、gap、unknown 建议中须含 {advice}', path: ['advice'] },
  );
export type Element = z.infer<typeof Element>;

const CategorySpec = z.object({ label: Text, clause: ClauseId, form: z.string().min(1), elements: z.array(Element).min(1) });

export const ElementsFile = z.object({
  $comment: Comment,
  categories: z.object({ smartWorkshop: CategorySpec, discreteFactory: CategorySpec, processFactory: CategorySpec }),
  selfAssessment: z.object({
    $comment: Comment,
    labels: z.record(SelfKey, Text),
    metricLabels: z.record(MetricKey, Text),
    reported: Text,
    /** `reported` for a figure given round (「大概九成」): {metric}, {value}. */
    reportedApprox: Text.optional(),
    notReported: Text,
    noThreshold: Text,
    unknown: Text,
  }),
});
export type ElementsFile = z.infer<typeof ElementsFile>;

/* ---------------------------------------------------------------- category-rules.json */

const ClauseText = z.object({ clause: ClauseId, text: Text });
/**
 * The fact a hard condition reads: one of the enterprise facts the interview and the profile carry, or a
 * `declared.*` fact a later notice adds (近三年未发生较大以上事故, 研发投入占比), set by an interview question
 * of the same path.
 */
export const HardFact = z
  .string()
  .regex(
    /^(enterprise\.(registeredInHenan|independentLegalPerson|groupOrHeadOffice|manufacturingMainBusiness|industryCode|operatingWell|priorTitles|titledWorkshopAgain|appliedThisYear|foundedYear|credit\.(dishonestExecutee|taxViolationBlacklist|seriousIllegalDishonest))|declared\.[a-z][A-Za-z0-9]*)$/,
    'fact must name an enterprise fact (enterprise.operatingWell) or a declared one (declared.majorAccident)',
  );

/**
 * When a hard condition fails, compared with its fact: `equals` a value (a yes/no answer), `includes` one
 * (a title held), lies `outside` a range or `below`/`above` a figure (a division, a share), or a year is less than
 * `yearsUnder` years before the notice's year (成立满3年). A fact not yet known leaves the condition open.
 */
export const HardTest = z.union([
  z.object({ equals: z.union([z.boolean(), z.string(), z.number()]) }).strict(),
  z.object({ includes: Text }).strict(),
  z.object({ outside: z.object({ from: z.number(), to: z.number() }) }).strict(),
  z.object({ below: z.number() }).strict(),
  z.object({ above: z.number() }).strict(),
  z.object({
    yearsUnder: z.number().int().positive(),
    /**
     * The date in the notice's year the age is counted to, when the notice gives one (「截至2024年3月31日成立满3年」):
     * founded in the boundary year, the founding month (and day, in the same month) decides. Without it the
     * boundary year stays open.
     */
    asOf: z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).strict().optional(),
  }).strict(),
]);
export type HardTest = z.infer<typeof HardTest>;

/**
 * A hard condition: which fact it reads and when that fact fails it, the clause it rests on, what blocks (reason)
 * and what would change the answer (remedy). Each year's notice may add, drop or re-number these: the engine
 * knows none of them by name.
 */
/**
 * When a hard condition concerns only some applicants (四(一): the workshop already titled, of an enterprise that
 * holds only the 智能车间 title and applies for 智能车间): the categories it concerns, and facts that must fail
 * (`is: true`) or pass (`is: false`) their test. Any other applicant passes it; while a guard is unknown (the
 * titles not yet said, the category still open) it stays open, and its question is not asked yet.
 */
const HardGuard = z
  .object({
    categories: z.array(Category).min(1).optional(),
    facts: z.array(z.object({ fact: HardFact, test: HardTest, is: z.boolean() }).strict()).min(1).optional(),
  })
  .strict()
  .refine((g) => g.categories || g.facts, '条件（guard）须写 categories 或 facts');
export type HardGuard = z.infer<typeof HardGuard>;

/**
 * A hard condition: `title` names what it concerns in a few words (「严重违法失信名单」), said with its clause while the
 * condition is still unanswered (待确认), where the failing `reason` would not fit.
 */
const HardRule = z.object({ clause: ClauseId, title: Text, fact: HardFact, fails: HardTest, only: HardGuard.optional(), reason: Text, remedy: Text });
export type HardRule = z.infer<typeof HardRule>;
export type HardRuleId = string;

const Weights = z.partialRecord(CapabilityId, z.number().positive());

export const CategoryRulesFile = z.object({
  $comment: Comment,
  /** The province of 二(一): its name, and the words that recognise it in a profile's province field. */
  province: z.object({ name: Text, match: z.array(Text).min(1) }),
  /** The hard conditions (二, 四(一)) in the order they are said when several fail. */
  hard: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, '硬性条件 id 用驼峰写法，如 notHenan'), HardRule).refine((h) => Object.keys(h).length > 0, '至少要有一项硬性条件'),
  modes: z.object({ discrete: Text, process: Text }),
  priors: z.object({ discrete: Text, process: Text, mixed: Text }),
  modeEvidence: z.object({
    $comment: Comment,
    process: Weights,
    discrete: Weights,
    prior: z.object({ strong: z.number().nonnegative(), mixed: z.number().nonnegative() }),
    partialFactor: z.number().min(0).max(1),
  }),
  texts: z.object({
    modeGiven: ClauseText,
    modeInferred: ClauseText,
    modeInferredNoEvidence: ClauseText,
    modeEvidenceOnly: ClauseText,
    modeUndetermined: ClauseText,
    scopeGivenWorkshop: ClauseText,
    scopeGivenFactory: ClauseText,
    scopeFactoryReady: ClauseText,
    scopeFactoryNotReady: ClauseText,
    scopeFactoryUnknown: ClauseText,
    scopeModeUnknown: ClauseText,
    /**
     * The category applied for is kept, and said to fit worse than the other scope when that one has fewer element
     * conditions failing even were all its unasked ones failing: {chosen} {chosenGaps} {better} {betterGaps} {elements}
     * {unasked}.
     */
    scopeGivenFitsWorse: ClauseText.optional(),
    /** Said in {unasked} when the better one has conditions not asked yet, which are 未核实, not met: {better} {count}. */
    fitsWorseUnasked: Text.optional(),
    whyNotWorkshopFactoryChosen: Text,
    whyNotWorkshopFactoryReady: Text,
    whyNotWorkshopAlsoGaps: Text,
    /**
     * The factory chosen, with the workshop failing fewer element conditions (fitsBetter): the workshop's gaps are said
     * as fewer than the factory's, never as a fallback that does not help. {elements} {gaps} {chosenGaps}.
     */
    whyNotWorkshopFewerGaps: Text,
    whyNotFactoryScopeWorkshop: Text,
    whyNotFactoryNotReady: Text,
    whyNotFactoryUnknown: Text,
    whyNotOtherMode: Text,
    whyNotModeUnknown: Text,
    elementGapItem: Text,
    elementUnknownItem: Text,
    listSeparator: Text,
    noneItem: Text,
    partialItem: Text,
    /**
     * The systems a production mode is read from, in {evidence} of modeInferred and modeEvidenceOnly: those built
     * ({list}), those partly built ({list}), or both ({built} {partial}); a partly built one is never said 已具备.
     */
    evidenceBuilt: Text,
    evidencePartial: Text,
    evidenceBoth: Text,
    /** A system being built, one item of a list of gaps ({label}), and what to do once built ({labels}). */
    buildingItem: Text,
    buildingAdvice: Text,
    /** The alternatives of an unmet anyOf requirement, one item of a list of gaps: {items} joined by anySeparator. */
    anyItem: Text,
    anySeparator: Text,
    /** 三(一)4 with the mode undetermined and neither branch met: {items} are branchItem ({mode}, {advice}) per branch. */
    branchesAdvice: Text,
    branchItem: Text,
    ineligible: Text,
    ineligibleIfCleared: Text,
    quoteItem: Text,
    quoteSeparator: Text,
  }),
  /**
   * The share of the recommended category's element conditions that, once more of them fail, makes the category only the
   * one that fits: applying this year is not advised (`category.notYet`), and the chat, panel and report say so.
   */
  notYetShare: z.number().min(0).max(1).optional(),
  /** Notes said with the chat's verdict, by their key in `notes`: conditions the recommended application is under, easy to miss in the panel. */
  spokenNotes: z.array(z.string()).default([]),
  notes: z.object({
    smartWorkshopHolder: ClauseText,
    /** The holder note when the recommendation is 智能车间 itself: the condition that application is under (四(一)). */
    smartWorkshopHolderWorkshop: ClauseText.optional(),
    /** The holder note when 智能车间 fits better than the factory chosen and the chat offers 改报智能车间: the same 四(一) condition. */
    smartWorkshopHolderSwitch: ClauseText.optional(),
    demonstration: ClauseText,
    greenPriority: ClauseText,
    /** The 省辖市 (or 示范区, 航空港区) that reviews and recommends an applicant not recommended by a county: {city}, {quota}, {overQuota}. */
    cityQuota: ClauseText,
    countyQuota: ClauseText,
    workshopNature: ClauseText,
    mixedIndustry: ClauseText,
    selfAssessment: ClauseText,
    /** A factory applicant with factory-level gaps: whether falling back to 智能车间 would help, by the workshop's own status. */
    factoryGaps: z.object({
      clause: ClauseId,
      workshopReady: Text,
      workshopUnknown: Text,
      workshopGaps: Text,
      /** The workshop also has gaps, but fewer than the factory chosen (fitsBetter): said as fewer, in agreement with the reasons. */
      workshopFewerGaps: Text,
    }),
    /**
     * The founding year against the years the form's 近三年主要经济指标 fixes (附件N.一): {founded}, {first}, {last},
     * {years}. The notice sets no minimum age, so these are notes on what cannot be filled, never a condition. The
     * clause is the workshop form's; a factory's note cites its own form's.
     */
    founding: z.object({ clause: ClauseId, afterFigures: Text, withinFigures: Text }).optional(),
  }),
});
export type CategoryRulesFile = z.infer<typeof CategoryRulesFile>;

/* ---------------------------------------------------------------- interview.json */

/** Profile fields an interview answer may set. */
export const SetsPath = z
  .string()
  .regex(
    /^(enterprise\.(registeredInHenan|independentLegalPerson|groupOrHeadOffice|manufacturingMainBusiness|industryCode|operatingWell|priorTitles|titledWorkshopAgain|appliedThisYear|greenPriority|city|county|foundedYear|foundedDate|credit\.(dishonestExecutee|taxViolationBlacklist|seriousIllegalDishonest))|scope|productionMode|capabilities\.[A-Za-z]+|metrics\.(automationRatio|networkedRatio|dataCollectionRate)|selfAssessment\.(automationAdvanced|networkingAdvanced|dataCollectionAdvanced)|declared\.[a-z][A-Za-z0-9]*)$/,
    'sets must name a profile field, e.g. enterprise.operatingWell or capabilities.mes, or a declared fact of a hard condition (declared.majorAccident)',
  )
  .refine((p) => !p.startsWith('capabilities.') || (CAPABILITY_IDS as readonly string[]).includes(p.slice(13)), {
    message: 'sets 指向未知的能力',
  });

export const InterviewQuestion = z
  .object({
    id: z.string().regex(/^(ent|cat|cap|metric|self)\.[A-Za-z.]+$/, '问题 id 的写法如 ent.operatingWell 或 cap.mes（form.* 留给申报书问题）'),
    label: Text,
    text: Text,
    kind: QuestionKind,
    clause: ClauseId,
    help: Text,
    sets: SetsPath,
    phase: z.enum(['hard', 'category', 'elements']),
    choices: z.array(z.object({ value: Text, label: Text, aliases: z.array(Text).optional() })).min(2).optional(),
    map: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()])).optional(),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().positive().optional(),
    optional: z.boolean().optional(),
    byCategory: z.partialRecord(Category, z.object({ clause: ClauseId, help: Text, text: Text.optional() })).optional(),
    /**
     * Said when the question is left to confirm (recorded unanswered from the reply, 待确认): what the notice leaves to the
     * bureau and what the enterprise should check, so a reply that is neither a plain yes nor a plain no is no verdict.
     */
    unsureNote: Text.optional(),
    /**
     * The question in plain words, short, said again when a reply speaks of another subject (「没有环保问题」 to whether
     * the enterprise is a 节能减排绿色发展企业): what it really asks, without the notice's terms.
     */
    plain: Text.optional(),
    /**
     * A reply about something outside what a choice question asks (a 市级 or 国家级 title, asked
     * about the province's titles) answers `value`, unless it also names one of `unless`.
     */
    outside: z.object({ words: z.array(Text).min(1), unless: z.array(Text), value: Text }).optional(),
    /**
     * A reply that names no choice but a trade (「俺们是做水泥的」) answers with its division's usual type when
     * the division is not a mixed one (industries.json `prior`, `mixed`) and a choice has that value; a mixed
     * division (食品) answers nothing, so the question is asked again.
     */
    byIndustry: z.boolean().default(false),
  })
  .refine((q) => (q.kind === 'choice') === !!q.choices, { message: '只有选择题（choice）带 choices，选择题必须带', path: ['choices'] })
  .refine((q) => !q.map || (q.choices ?? []).every((c) => c.value in q.map!), { message: 'map 须覆盖每个选项', path: ['map'] })
  .refine((q) => !q.outside || (q.choices ?? []).some((c) => c.value === q.outside!.value), { message: 'outside.value 须是选项之一', path: ['outside', 'value'] });
export type InterviewQuestion = z.infer<typeof InterviewQuestion>;

const Words = z.array(Text).min(1);

export const InterviewFile = z
  .object({
    $comment: Comment,
    phases: z.array(z.enum(['hard', 'category', 'elements'])),
    questions: z.array(InterviewQuestion).min(1),
    vocabulary: z.object({
      $comment: Comment,
      yes: Words,
      no: Words,
      partial: Words,
      /** 「有些吧」「有点」: partial where they end their clause; with more after them (有些没达到, 有些年了) they are the 有 they hold. */
      partialAtEnd: Words.default([]),
      /** 「刚才说了」「前面说过了」: a reply that says its answer was given before, which is looked for in what the user said. */
      saidBefore: Words.default([]),
      /**
       * 「CAE仿真做的少」「MES用得不多」: a system said to be used little is in use, but not fully, so partial. Each `verbs`
       * word, one of `links` (得, 的) and one of `amounts` (少, 不多) make one partial word, so that every way of saying
       * little use is read alike, and its 不 is never read as a no.
       */
      littleUse: z.object({ verbs: Words, links: Words, amounts: Words }).optional(),
      plannedNo: Words,
      /** A time still to come (明年, 下个月, 年底) or a purchase under way (招标, 选型): what is said with it is not in place yet. */
      future: Words.default([]),
      /**
       * A try that is over (试了试, 试过一阵): what was tried is not in use, however little of the plant the try
       * covered, so these outweigh a partial word beside them (「就在配矿上试了试」 is no, not partly built).
       */
      tried: Words.default([]),
      /**
       * A pilot kept to one spot or not rolled out (「在一台龙门铣上试点了俩月还没推广」): `words` are the pilot words,
       * otherwise read as partly built (有个视觉检测在试点), and `confined` the words in their clause that keep the pilot
       * a trial. Such a pilot is a try, as `tried`: the system is not in use for the element.
       */
      trialConfined: z.object({ words: Words, confined: Words }).default({ words: [], confined: [] }),
      /**
       * A system put in but not yet handed over or accepted (还没交付, 验收中): it is being built, even beside a word
       * that says it was put in (「WMS上了但还没交付」), unlike a time to come after a system in place (明年扩到全厂),
       * which leaves it partly built.
       */
      notHandedOver: Words.default([]),
      /**
       * Progress words (正在) that read as partly built on their own (正在推广); in a clause that says what is under way
       * is a build (「正在给我们部署」), they are that build.
       */
      underway: Words.default([]),
      /**
       * How an enterprise states its own facts beside a question (「我们是做乳制品的，有380人，能报吗」): a clause led by
       * one of `subjects` and then one of `places` names where it is (我们公司在洛阳); one led by a subject or one of
       * `trades` names its trade (做轴承的); one that is only a count of people (有380人, 全厂三百多人) is its staff.
       * Such facts are offered, never stored unasked: a question states them in passing.
       */
      ownStatements: z
        .object({ subjects: Words, places: Words, trades: Words, counts: Words })
        .default({ subjects: [], places: [], trades: [], counts: [] }),
      /** Words that take the facts offered from a question into the interview and the form (记入, 帮我记上). */
      acceptOffer: Words.default([]),
      /** An upgrade to come (明年升级, 年底扩容) of a system said in place leaves it in place. */
      upgrades: Words.default([]),
      /**
       * Words that say the enterprise is not sure (差不多有吧, 应该有吧, 应该没, 不太好说): what is said with one
       * is no fact, so nothing is recorded from it and the question is asked again.
       */
      hedges: Words.default([]),
      /**
       * Words that close a clause dismissing an aside (「地磅算了」「不管它」「先不说这个」): the speaker drops what the clause
       * names, which answers nothing. A reply made only of such clauses records nothing and the item is asked again.
       */
      dismissals: Words.default([]),
      /**
       * Hedges that doubt only whether what is said counts (算是吧, 应该算吧), not the fact itself: beside a fact the
       * question describes (`describes`: 「单位产值能耗降了12%」), the fact answers and the hedge is the enterprise's modesty.
       */
      countsHedges: Words.default([]),
      /**
       * Where a question says its capability is applied (the AI question's 缺陷检测, 工艺优化, 配方优化): a clause that names a
       * system at work on one of them (「用机器视觉做缺陷检测」), with no lack, names the thing asked about and answers it;
       * the system is recorded for its own question beside it. A `…` in a word stands for up to four characters of the
       * clause (识别…缺陷 reads 「识别漆面缺陷」). A clause with an `unless` word (人工, 记录) speaks of the work done by
       * hand or only recorded, and answers nothing. `question` is an id or a prefix ending in *.
       */
      appliedTo: z.array(z.object({ question: z.string(), words: Words, unless: Words.default([]) })).default([]),
      /** Emphatic openings (那肯定, 当然) before an answer word: 「那肯定没有啊」 answers as plainly as 「没有」. */
      leadIns: Words.default([]),
      /**
       * 「我们现在这种情况还能做什么」「明年可以吗」: asked by an enterprise a hard condition blocks, the question is
       * about its own case, so it is answered from the assessment (what blocks, under which clause, what would change it).
       */
      whatNext: Words.default([]),
      /**
       * A question about the item waiting (「这个在哪查」「这一栏咋填」): `refer` words stand in place of the item's name after
       * any `leads`, and the rest must start with a word of one of the `asks` kinds; 「…」 joins parts that come in that order.
       */
      aboutPending: z.object({
        $comment: Comment,
        leads: z.array(Text).default([]),
        refer: Words,
        asks: z.object({ where: Words, fill: Words, meaning: Words, criteria: Words, required: Words }),
        /** The longest a question may be that is nothing but an ask (「怎么查」「什么算良好」), with no word standing for the item. */
        bareMax: z.number().int().min(0).default(0),
        /**
         * 「地磅算不算」「数控机床算吗」「地磅也算联网设备吗」: a thing named before one of these words, asked whether it counts
         * for the item waiting (or for what follows the word); answered from the item's clause, nothing recorded.
         */
        counts: Words.default([]),
      }),
      /** Words that mark a figure in a typed industry as its GB/T 4754 code (代码36); without one, a trade named in words wins over a product's number (尼龙66). */
      industryCodeWords: Words.default(['代码']),
      /**
       * A message that asks something beside its answer (「有MES，这个要和ERP集成吗」): its clauses that ask
       * nothing are read as the answer. A clause with a `conditionals` word (如果没有MES, 没有的话) sets up the
       * question and states nothing. A clause that names nothing the rules read is an answer to the pending
       * question only when it is a bare answer: nothing left once its answer words, lead-ins and `fillers`
       * (还, 目前, 我们) are taken out; 「我们是做饲料的，饲料厂要上MES吗」 says nothing of the MES. A clause
       * that opens with a `generic` subject (企业, 有的, 别的) states the case of a question about enterprises
       * in general (「企业注册在外省、…，能否申报？」), so the whole message is a question only; a clause that is
       * the generic word alone (「有的，视频要多长？」) is a bare answer, not a subject.
       *
       * Typed by speech or in a hurry, the answer and the question often share one run with no mark between
       * them. A space splits them (「有的 视频要多长」「没有 这个影响申报吗」) when the words before it hold an answer
       * word and ask nothing. Without a space, a `closedAnswers` word (one that takes no object: 是的, 有的) followed
       * by a `turns` word that opens the next sentence (那个, 请问) splits them (「是的那个营业执照要原件吗」);
       * 「有这个要求吗」 and 「有没有要求」 stay questions, since 有 takes an object and 有没有 asks.
       */
      askedBeside: z
        .object({
          conditionals: Words,
          fillers: Words.default([]),
          generic: Words.default([]),
          closedAnswers: Words.default([]),
          turns: Words.default([]),
        })
        .optional(),
      skip: Words,
      mask: Words,
      /**
       * Words that hold a system's name and name something else (中控室 is a room, not 中控's DCS): masked before
       * systems are looked for, so 「都在中控室电脑上看」 names no DCS.
       */
      notMentions: Words.default([]),
      /**
       * One unit (一台, 一辆) of a system whose question asks for the plant's flow (AGV/RGV for 实时配送和自动输送): said
       * beside its name, the system is partly built, a trial rather than the plant's logistics.
       */
      singleUnit: z.array(z.object({ questions: Words, words: Words })).default([]),
      contrast: Words,
      questionEndings: Words,
      questionAnywhere: Words,
      weakQuestionEndings: Words,
      questionWords: Words,
      notQuestion: Words,
      /**
       * 「填这个表要准备那些材料啊」: voice input writes 哪些 as 那些. A `words` form (那些, 那几) right after a `verbs`
       * word of what is to be provided (准备, 提交) asks which, as 哪些 would; 「那些都没有」 opens with no such verb.
       */
      spokenWh: z.object({ verbs: Words, words: Words }).optional(),
      /**
       * 「啥称号也没有」「什么系统都没上」「啥都有」: a `words` wh-word followed in its clause, within a few characters,
       * by a `joiners` word (也, 都) and then a `then` word (没, 不, 有) says none or all, not which: it asks nothing.
       */
      // `negatedBefore`: a wh-word a few characters after one of these (没拿过啥称号) is "any", under the no.
      anyWh: z.object({ words: Words, joiners: Words, then: Words, negatedBefore: Words.default([]) }).optional(),
      others: Words,
      /**
       * Words after an 'others' word that make it the rest of the plant (别的设备还没: what the clause before
       * has is partly built) rather than other systems; `workshops` are left aside for a workshop applicant,
       * whose other workshops are not the one applying.
       */
      restOfPlant: z.object({ parts: Words, workshops: Words }).default({ parts: [], workshops: [] }),
      exceptions: Words,
      /**
       * Things that sound like a system a question asks about but are not it (「有应急预案」 to the
       * emergency-command question: a plan is a document). A yes to that question that names one of
       * them, and no system, records nothing; the question is asked again. `question` is an id, or a
       * prefix ending in * (「cap.*」: paper records and manual checks are no system of any kind; 「ent.credit.*」:
       * a penalty or another register is no listing on the one asked of). The answer words of a clause that
       * names one are about it, not the question: 「没有，就有过一次环保处罚」 is a no.
       * `practice`: the words name a way of working by hand (本子, Excel, 叉车): a reply that only describes it, with no
       * yes or no and no system named (「班组长每天拿本子记，月底汇总到Excel」), says the work is done without the
       * system, so it answers no. A yes that names one (「有，纸质的」) is still asked again.
       */
      /**
       * `otherWork`: the words name what another system does (生产计划, 排产 at the SCADA question): a reply about them
       * that never names the asked system says its yes or no of that work, and is named back rather than read.
       */
      lookalikes: z.array(z.object({ question: z.string(), words: Words, practice: z.boolean().default(false), otherWork: z.boolean().default(false) })).default([]),
      /**
       * 「ERP这块只有用友财务软件」: a system named and then said to be only one of its lookalikes is
       * not mentioned as present. These are the words that say "only".
       */
      onlyWords: Words.default([]),
      /**
       * 「ERP用的是用友财务软件」「MES就是个记账软件」: words right after a system's name that say what it is. A lookalike of
       * that system said after one of them, in the same clause, is what the enterprise calls by the name: no claim of it.
       */
      namedAs: Words.default([]),
      /**
       * 「目前只打通了ERP和财务」「仅对接了MES」: words right before a join word (CapabilitiesFile `composite.words`) that confine
       * the join to the systems it names, so the integration asked for is partly built.
       */
      onlyJoined: Words.default([]),
      /** 「准确率九成多」「效率提高了20%」: a figure right after one of these words is a result, not a share of the plant. */
      resultRates: Words.default([]),
      /**
       * 「没有LIMS 就ERP」「没LIMS只用ERP」: an "only" word (`onlyWords`, `partScope.restrictors`) right before a
       * system, with at most one of these words between (一个, 用了), says that system is in place, and the
       * system the pending question asks for, named or not, is not: 「只有ERP」 to the LIMS question is no LIMS.
       */
      onlyFillers: Words.default([]),
      /**
       * Yes/no questions that ask what the enterprise is, which a description after 是 answers
       * (「就是印纸箱的」 to the main-business question). To any other yes/no question such a 是 is the
       * copula of a description (「我们是做化工的」 to the 失信 question), not a yes.
       */
      describedByCopula: z.array(z.string()).default([]),
      /**
       * What each hard-condition question is about, in the words a reply would use (失信, 集团, 称号): a yes or
       * no whose reply names the subject of another of these questions, and not the asked one's, answers that
       * other question, so the asked one is asked again rather than given its answer word.
       */
      subjects: z.array(z.object({ question: z.string(), words: Words })).default([]),
      /**
       * Evidence of good standing for a hard condition (纳税信用A级, 信用中国上查过): a hedged no beside it (「应该没有，纳税信用A级」)
       * is a no, the evidence read back with it, while a hedged no alone is asked again. `question` may end in * (「ent.credit.*」).
       */
      standing: z.array(z.object({ question: z.string(), words: Words })).default([]),
      /** What may follow a yes 是 in its clause with it still a bare yes (「是的」「是啦」「是真的」). */
      yesParticles: Words.default([]),
      /**
       * 「有，用的是金蝶的MES和ERP」 to the LIMS question: a yes whose reply goes on to claim other systems, and not
       * the asked one, is about those systems, so the asked question is asked again. Words that add to the
       * answer instead (「有，还有ERP」「有，ERP也有」) keep the yes for the asked one.
       */
      additions: Words.default([]),
      /**
       * 「安灯就总装线有」「只有一个车间上了MES」: a yes confined to one part of the plant (a line, a workshop,
       * a process step) is partly built, since the notice asks for the system where the applicant applies.
       * A `restrictors` word followed within its clause by a `parts` word marks it, unless the clause says
       * the part is the whole (`whole`: 全厂就一个车间). `notRestricting` words hold a restrictor without restricting
       * (就是, 就在 locate or introduce; 就有 is a plain yes), so they are removed before the restrictors are looked for.
       */
      partScope: z
        .object({
          restrictors: Words,
          notRestricting: Words.default([]),
          parts: Words,
          whole: Words.default([]),
          /**
           * 「有的仓库有」「有些车间有」: a `some` word before a `parts` word says the yes holds for some parts and not
           * others, so it is partial as 「部分车间有」 is, whichever workshop applies.
           */
          some: Words.default([]),
          /** 「不是所有车间都有」「并非全部」: a `notAll` word right before a `whole` word denies the whole, not the yes: partial. */
          notAll: Words.default([]),
          /**
           * A workshop applicant applies with one workshop, so 「只有一个车间上了MES」 is partial only when that
           * workshop is not the one applying. For a `unitParts` part (车间) under a smartWorkshop category, an
           * `applying` word in the reply (申报的那个, 要报的) makes it met; without one, which workshop it is is asked.
           */
          // `otherUnit`: words that put the applying workshop elsewhere (申报的是另一个车间); with one in the
          // reply, an applying word confirms nothing and the question stays open.
          // `naming`: a reply that only says which workshop applies (「我们申报的是发酵车间」「是包装车间申报」): `before` words
          // lead the workshop's name, `after` words follow it, `fillers` may open the reply, `changes` (换成, 换) opening
          // the name say the workshop is changed to it and are no part of it. It answers no yes/no item.
          // `modifiers` (新建的) between the leading words and the name describe the workshop and are no part of its name.
          // `dropped`: words that take a workshop out of applying, `before` its name (不报总装车间了) or `after` it (总装车间不报了).
          // A clause that only drops a workshop or changes to another (换个车间) answers no capability item.
          // `answeredBeside`: the questions whose answer may stand beside such a name in a clause of its own
          // (「不是，这次报的是总装车间」): the other clauses answer, and the name is kept for the form's 车间名称.
          // `titled`: at its `question` (whether the applying workshop is the one titled before), a clause that names the
          // titled workshop (`said` words lead its name: 原来那个是总装车间; `after` words follow it: 总装车间去年评上了)
          // is no answer of its own: beside the applying workshop's name it answers by whether the two names are one.
          // `bareNames`: the processes a workshop is named after (涂装, 焊装), which name it without 车间 in a reply that
          // names the titled workshop (评上的那个是总装车间，这回报涂装); any other word without 车间 names no workshop.
          applyingUnit: z
            .object({
              unitParts: Words,
              applying: Words.default([]),
              otherUnit: Words.default([]),
              naming: z
                .object({
                  before: Words.default([]),
                  after: Words.default([]),
                  fillers: Words.default([]),
                  changes: Words.default([]),
                  modifiers: Words.default([]),
                  dropped: z.object({ before: Words.default([]), after: Words.default([]) }).default({ before: [], after: [] }),
                })
                .optional(),
              answeredBeside: z.array(z.string().min(1)).default([]),
              titled: z.object({ question: z.string().min(1), said: Words.default([]), after: Words.default([]) }).optional(),
              bareNames: Words.default([]),
            })
            .optional(),
        })
        .optional(),
      /**
       * Words that describe, without a yes or a no, what a question asks about at work or missing:
       * 「换型就是改个程序不用停线」 is a flexible cell, 「各系统都是孤岛」 no integration, 「在省里同行算靠前」
       * an enterprise's own 省内行业先进水平. With one of them in the reply the pending question takes `value`,
       * the other way when a no stands before the word in its clause (不是孤岛). `unless` words (or, with
       * `unlessRegion`, any region the quota table lists) narrow the description so that it answers
       * nothing (「在俺们长垣这一片算先进的」 is no province-wide standing). `question` is an id or a prefix ending in *.
       */
      describes: z
        .array(
          z.object({
            question: z.string(),
            /** null: what the words describe neither meets nor fails the question plainly (「去年亏了点」): it is left to confirm. */
            value: z.union([z.boolean(), z.literal('partial'), z.null()]),
            words: Words,
            unless: Words.default([]),
            unlessRegion: z.boolean().default(false),
            /** The word answers only as the whole reply: Henan's 「中」 is a yes alone, not inside 中控 or 中等. */
            alone: z.boolean().default(false),
            /** A denied word says nothing of the question: 「独立法人」 is no group application, yet 「不是独立法人」 is no group application either. */
            affirmedOnly: z.boolean().default(false),
          }),
        )
        .default([]),
      /**
       * Yes/no facts named in passing (「我们是分公司」). A negated word records the opposite value,
       * unless `affirmedOnly`: 「不是子公司」 says nothing about a legal person or a group.
       */
      statedFacts: z.array(z.object({ question: z.string(), value: z.boolean(), words: Words, affirmedOnly: z.boolean().default(false) })),
      /** Words that tell the assistant what to conclude instead of describing the enterprise: nothing is recorded from such a message. */
      instructions: Words,
      /** Requests that the assistant write or fill in a fact for the enterprise (帮我写一段, 随便填): never a form answer. */
      ghostwriting: Words.default([]),
      fabricating: Words.default([]),
      /**
       * Requests to be assessed (帮我评估一下, 看看我们能不能报): in 政策问答 they are no question about the notice but the wish to
       * start the interview, which is offered. `asks` words (材料, 条件, 什么) keep a message a question about the notice.
       */
      assessmentRequests: z.object({ words: Words, asks: Words }).default({ words: [], asks: [] }),
      /**
       * 「没有单独的MES」: a 'qualifiers' word beside a denied system denies a separate product, not the
       * system the notice names by what it does. With an 'embedded' word in the reply (ERP里带了, 模块) the
       * system is in place inside another; without one nothing is recorded for it. A 'dedicated' word
       * (没有专门的WMS) denies the system itself where no 'embedded' word says where its work is done.
       */
      standalone: z.object({ qualifiers: Words, embedded: Words, dedicated: Words.default([]) }).default({ qualifiers: [], embedded: [], dedicated: [] }),
      /**
       * 「设计用的solidworks，仿真基本没做，工艺还是手写卡片」: a system question that asks for several kinds of software at once
       * (CAD/CAE/CAPP), keyed by question id, with the words of each part. A reply whose clauses say one part is in
       * place and another is not is the system partly in place, whatever answer word the last clause holds.
       */
      systemParts: z.record(z.string(), z.array(Words).min(2)).default({}),
      /**
       * 「制造占三成，主要是贸易」: a clause with a 'primary' word or one of `markers` (是做, 主营) names the main
       * business and answers `question`: 'manufacturing' words make it yes, 'other' words no; a clause naming both decides nothing.
       */
      mainBusiness: z.object({ question: z.string(), markers: Words, manufacturing: Words, other: Words }).optional(),
      /**
       * Listing on a register, asked of the day of application (二(四) 「截至申报日」): the latest clause that speaks
       * of it decides (「前年上过，去年已经移出来了」 → not listed). `questions` are ids or prefixes ending in *.
       */
      listing: z
        .object({
          questions: z.array(z.string()).min(1),
          stillListed: Words,
          removed: Words,
          listed: Words,
          /**
           * Words that speak of every list at once (三个都, 这几种, 都没): a no said with one, in a reply that singles out no
           * list, is the answer of each list of `questions`, recorded in passing for those still open.
           */
          every: Words.default([]),
        })
        .optional(),
      /**
       * Words that correct an earlier answer (说错了, 不对): never an answer word themselves when the
       * message names what it corrects; with a `previousRefs` word (上一个) and nothing named, the
       * message corrects the answer before the pending question.
       */
      corrections: Words.default([]),
      previousRefs: Words.default([]),
      /**
       * Words for "the two systems" (俩系统, 这两个系统): in a reply they stand for the two systems named last before
       * them (「MES去年上的，ERP用的用友U8，俩系统通了」 joins MES and ERP).
       */
      pairRefs: Words.default([]),
      /**
       * Words that open a message to take something back (「等等 节能减排那项是有的」「等一下，失信被执行人是没有的」): before an
       * item named they are no answer of their own, so the reply is about that item alone.
       */
      correctionOpeners: Words.default([]),
      /**
       * Words that, as a whole opening clause, deny what was said before (不是, 不对): followed by a category choice stated
       * (「不是，俺们要报智能工厂」) they open a correction of that earlier answer, not a no to the question on screen.
       */
      retorts: Words.default([]),
      /**
       * What names an answered item in a correction beyond its `subjects` words: a measure said with the level it was judged
       * by (「自动化设备占比是不是省内先进」 names the self-assessment, not the share), so a `with` word must be in the reply too.
       * `question` may end in *. Read by the correction of a named item only, so these words answer nothing in passing.
       */
      itemNames: z.array(z.object({ question: z.string(), words: Words, with: Words.default([]) })).default([]),
      /**
       * Words that say an answer recorded was never given (我没说是, 没说有): in a correction of a named item they take the
       * answer back to unknown, unless the rest of the correction gives a value (「我没说是，是不是」 is no value; 「没说是，不是」 is 否).
       */
      notSaid: Words.default([]),
      /**
       * 「撤销失信被执行人的回答」「税收黑名单那个答案撤回」: a `verbs` word with an `objects` word (the answer itself) beside an
       * item named takes that answer back: it is 待确认 again, never met. A listing said removed (已经撤销了) names no answer.
       */
      withdrawals: z.object({ verbs: Words, objects: Words }).optional(),
      /** Words that mark one of several choices named as the main one (「两种都有，主要还是流程」). */
      primary: Words.default([]),
      /**
       * 「2008年成立的，在洛阳」 to the city question: a clause that gives a year and ends with a founding word (成立,
       * 建厂, with only `tails` after it) or opens it with one (成立于2008年) answers `question` too, in passing. A
       * founding word with more after it (2019年成立了信息中心) founds something else, so it answers nothing.
       */
      foundedInPassing: z.object({ question: z.string(), words: Words, tails: Words.default([]) }).optional(),
      /**
       * Where the enterprise is registered, read from a clause with a cue (注册在) and a place. To the registration
       * question itself a place said as where the enterprise is (「俺们在开封」「安阳的」) answers too, unless its
       * clause names a part or another body (`otherUnits`: 工厂在郑州 says where production is, not the register).
       */
      registration: z.object({
        question: z.string(),
        cues: Words,
        home: Words,
        elsewhere: Words,
        otherUnits: Words.default([]),
        /**
         * A parent body (集团, 总公司) named before the cue: the clause says where that body is registered, which is not
         * the applicant's register 二(一) reads, unless an `ownUnits` word (我们, 子公司) names the applicant in it.
         */
        parentUnits: Words.default([]),
        ownUnits: Words.default([]),
      }),
      /**
       * 「中不中？俺们在开封」: a clause that is only one of these words asks for the listener's nod, not a
       * question of its own; beside a statement it is dropped, so the statement is read as the answer.
       */
      tagQuestions: Words.default([]),
      statedChoices: z.array(
        z.object({ question: z.string(), triggers: z.array(Text), blockers: z.array(Text), values: z.record(z.string(), Words) }),
      ),
      /**
       * Options of a choice that state something held (a title awarded), which the same words also name as what is
       * applied for now (智能工厂). An option counts only in a clause with a `held` word (获得过, 评上, 称号) or beside a
       * plain yes (有，智能车间); in a clause with an `intended` word only (准备报, 想报) it is the intention, never the
       * option; named bare (流程型智能工厂) it is asked back, never recorded.
       */
      /**
       * 「还打算报一个智能工厂」 to `question` (另有申报): a choice of `category` said beside an `also` word, with no `only` word
       * (就报, 只报) and no `done` word (已经交了), may be the category of this application or a second one, so it is asked
       * back and nothing is recorded. A second application of the notice is one handed in (`done`) or two named at once.
       * An `only` word that governs a verb of applying (`applying`), with words of intent (`intents`) between them or not
       * (「就打算报一个智能工厂」「只准备申报这一个车间」), says this is the one application: a no, beside the category it names.
       * A `refused` word that governs a verb of applying whose object is an `others` word (「不报别的」「没打算申报其他的」)
       * refuses a second application outright: a no too.
       */
      anotherOfThisNotice: z
        .object({
          question: z.string(),
          category: z.string(),
          also: Words,
          only: Words,
          done: Words,
          intents: Words.default([]),
          applying: Words.default([]),
          refused: Words.default([]),
          others: Words.default([]),
        })
        .optional(),
      heldChoices: z.array(z.object({ question: z.string(), values: z.array(Text).min(1), held: Words, intended: Words })).default([]),
      /**
       * A request about the category applied for, read in any reply once the interview has begun: a category named by
       * `statedChoices` (智能工厂, 离散型) with a `change` word (改报, 改成) and no `hypothetical` word asks to switch
       * (「申报方向改成离散型智能工厂」, 「就报智能车间吧」), which is recorded; one with an `asking` word (是不是, 要不要, 吗, ？)
       * asks whether to switch (「改报智能车间是不是更稳妥一些？」): it is answered with the comparison and asked back, and
       * nothing is recorded until the applicant says the switch plainly. One with a `fit` word (够不够格, 差哪些) asks how the
       * enterprise would fare (「要是改报智能工厂，我们够不够格？」), which the rules answer from their own assessment of that
       * category, recording nothing. The `statedChoices` blockers (称号, 获得) keep a title held out. `shortScopes` (车间, 工厂)
       * name a scope only right after a `change` word and at the end of its clause, before a `particles` word (吧) or an
       * asking or fit word (换成车间, 改报工厂行不行): alone, or going on (换成工厂统一采购的), they are any workshop or plant.
       */
      categoryRequests: z
        .object({
          change: Words,
          hypothetical: Words,
          asking: z.array(Text).default([]),
          shortScopes: z.record(z.string(), Words).default({}),
          particles: z.array(Text).default([]),
          fit: Words,
          /** Words that wonder which category is right (应该报, 适合报): a category named with one is asked about, as with a change word and an asking word. */
          wonder: Words.default([]),
          /**
           * A whole reply to the interview's asking back whether to switch (「要改报智能车间吗？」): each clause of it, its
           * particles dropped, is a `confirm` word (要, 对, 改吧, 行) to switch, or a `decline` word (不用, 先不改) to keep.
           */
          confirm: Words.default([]),
          decline: Words.default([]),
        })
        .optional(),
      /**
       * A reply that only acknowledges and asks to go on (「好的开始吧」「嗯嗯 继续」「来吧」): its words, particles and marks
       * dropped, are all `acks` (好的, 嗯嗯, 行) and `go` words (开始, 继续, 来吧), with one `go` word at least. It answers
       * nothing: 好的 and 嗯 are yes words, but beside 开始 they agree to start, so the item waiting is asked, not answered.
       */
      starts: z.object({ acks: Words, go: Words, particles: z.array(Text).default([]) }).optional(),
      /**
       * 「我们这条件评得上吗」「我们这种能申报吗」: the enterprise asking how it fares as things stand. Read off from the front,
       * the reply must be made of these words only, with a 'self' word and an 'asks' word among them; anything else
       * (a month, another subject, a category named) leaves it to be read as before.
       */
      verdictAsks: z.object({ self: Words, fillers: Words, asks: Words, particles: z.array(Text).default([]) }).optional(),
      /**
       * 「有的」「是的，其实有」: a reply made of these yes words, fillers and particles only, with a yes among them. Where the item
       * waiting takes no yes (a name, a figure), it speaks of the item answered no just before, which is offered to change.
       */
      lateYes: z.object({ yes: Words, fillers: Words, particles: z.array(Text).default([]), corrects: z.array(Text).default([]) }).optional(),
      metricAliases: z.record(z.string().regex(/^metric\./), Words),
      /**
       * Words that say which metric a figure is of without naming the metric (「联网的大概一半多点」, 「自动化设备差不多七成」).
       * To a metric's question, a clause with a figure and the words of one other metric only is that metric's figure, not
       * the one asked.
       */
      metricSubjects: z.record(z.string().regex(/^metric\./), Words).default({}),
      /**
       * The systems whose mention bears on a self-assessment question (自评联网率先进: the networks and data collection the
       * equipment is joined by). 「有，用的扫码枪和二维码」 to it names systems of none of them and no word of its metric
       * (`metricSubjects`, `metricAliases` of the metric question of the same clause): the yes is theirs, so they are
       * recorded and the question is asked again, naming them.
       */
      selfEvidence: z.record(z.string().regex(/^self\./), z.array(CapabilityId)).default({}),
      /**
       * Words that say which unit equipment counts are of (「全厂260台设备」 is the factory's, 「车间有80台」 a workshop's):
       * a workshop's count is never stated as the factory's, nor the reverse.
       */
      unitScopes: z.object({ factory: Words, workshop: Words }).optional(),
      /**
       * Words of a division's name that name no industry alone (机械 of 「金属制品、机械和设备修理业」):
       * a typed industry is never read from one of them.
       */
      industryGeneric: Words.default([]),
      /**
       * A maker of machines for an industry (饲料机械, 制药设备) is in the machinery division, not the
       * industry it supplies: a word of one of `from`'s divisions followed at once by a suffix reads as `division`.
       */
      industryEquipment: z
        .object({ suffixes: Words, division: z.string().regex(/^\d{2}$/), from: z.array(z.string().regex(/^\d{2}$/)) })
        .optional(),
      /**
       * A metal named as what a product is made of (不锈钢餐具, 铝合金门窗, 铜管件) is no smelting trade: a bare
       * `materials` word of `from`'s divisions followed by a product that is no mill form of the metal (`stock`:
       * 板, 管, 型材), or said beside a part-making `processes` word (冲压, 抛光, 焊接), reads as `division`. A metal of one
       * character takes a product of one character only from `shortProducts` (钢窗, 铁门), so 钢琴 and 铁路 name none.
       * A product that is a trade word of another division itself (铝合金轮毂: 轮毂 is 汽车零部件) is that division's.
       */
      industryMaterials: z
        .object({ materials: Words, stock: Words, trailing: Words, processes: Words, shortProducts: Words.default([]), division: z.string().regex(/^\d{2}$/), from: z.array(z.string().regex(/^\d{2}$/)) })
        .optional(),
      yesDisplay: Text,
      noDisplay: Text,
      partialDisplay: Text,
      /** A system being built, as it reads back (在建): never the no of a system the enterprise lacks. */
      buildingDisplay: Text,
      /** A skipped answer as it reads back, and the skip button: one wording across the chat, the card and the review. */
      skipDisplay: Text,
      /**
       * A skipped question whose answer a hard condition (category-rules.json `hard`) reads, as it reads back: the
       * condition is 待确认, not met, so the review list says so as the panel does. Without it, `skipDisplay`.
       */
      skipHardDisplay: Text.optional(),
      skipAction: Text,
    }),
  })
  .superRefine((f, ctx) => {
    const ids = new Set<string>();
    f.questions.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `问题 id 重复：${q.id}` });
      ids.add(q.id);
      if (q.id.startsWith('cap.') && q.sets !== `capabilities.${q.id.slice(4)}`)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'sets'], message: `${q.id} 须设置 capabilities.${q.id.slice(4)}` });
    });
    // Every capability must be askable, or an element could stay 'unknown' forever.
    for (const id of CAPABILITY_IDS) {
      if (!ids.has(`cap.${id}`)) ctx.addIssue({ code: 'custom', path: ['questions'], message: `缺少问题 cap.${id}` });
    }
    for (const k of ['automationAdvanced', 'networkingAdvanced', 'dataCollectionAdvanced']) {
      if (!ids.has(`self.${k}`)) ctx.addIssue({ code: 'custom', path: ['questions'], message: `缺少问题 self.${k}` });
    }
    f.vocabulary.lookalikes.forEach((l, i) => {
      if (!f.questions.some((x) => (l.question.endsWith('*') ? x.id.startsWith(l.question.slice(0, -1)) : x.id === l.question))) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'lookalikes', i, 'question'], message: `没有问题 ${l.question}` });
    });
    f.vocabulary.describes.forEach((d, i) => {
      if (!f.questions.some((x) => (d.question.endsWith('*') ? x.id.startsWith(d.question.slice(0, -1)) : x.id === d.question))) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'describes', i, 'question'], message: `没有问题 ${d.question}` });
    });
    f.vocabulary.appliedTo.forEach((d, i) => {
      if (!f.questions.some((x) => (d.question.endsWith('*') ? x.id.startsWith(d.question.slice(0, -1)) : x.id === d.question))) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'appliedTo', i, 'question'], message: `没有问题 ${d.question}` });
    });
    // A hedge of whether a fact counts is a hedge first: one not listed there would never be found.
    f.vocabulary.countsHedges.forEach((w, i) => {
      if (!f.vocabulary.hedges.includes(w)) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'countsHedges', i], message: `${w} 不在 hedges 中` });
    });
    f.vocabulary.statedFacts.forEach((c, i) => {
      const q = f.questions.find((x) => x.id === c.question);
      if (!q || q.kind !== 'yesNo') ctx.addIssue({ code: 'custom', path: ['vocabulary', 'statedFacts', i, 'question'], message: `${c.question} 不是是非题` });
    });
    const reg = f.questions.find((x) => x.id === f.vocabulary.registration.question);
    if (!reg || reg.kind !== 'yesNo') ctx.addIssue({ code: 'custom', path: ['vocabulary', 'registration', 'question'], message: `${f.vocabulary.registration.question} 不是是非题` });
    f.vocabulary.statedChoices.forEach((c, i) => {
      const q = f.questions.find((x) => x.id === c.question);
      if (!q || !q.choices) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'statedChoices', i, 'question'], message: `${c.question} 不是选择题` });
      else for (const v of Object.keys(c.values)) if (!q.choices.some((x) => x.value === v)) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'statedChoices', i, 'values', v], message: `${v} 不是 ${c.question} 的选项` });
    });
    f.vocabulary.heldChoices.forEach((c, i) => {
      const q = f.questions.find((x) => x.id === c.question);
      if (!q || !q.choices) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'heldChoices', i, 'question'], message: `${c.question} 不是选择题` });
      else for (const v of c.values) if (!q.choices.some((x) => x.value === v)) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'heldChoices', i, 'values'], message: `${v} 不是 ${c.question} 的选项` });
    });
    for (const key of [...Object.keys(f.vocabulary.metricAliases), ...Object.keys(f.vocabulary.metricSubjects), ...Object.keys(f.vocabulary.selfEvidence)]) {
      if (!ids.has(key)) ctx.addIssue({ code: 'custom', path: ['vocabulary', 'metricAliases', key], message: `未知的问题 ${key}` });
    }
  });
export type InterviewFile = z.infer<typeof InterviewFile>;
