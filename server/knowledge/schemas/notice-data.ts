import { z } from 'zod';
import { ClauseId } from './clauses';

/** manifest.json: what this knowledge version is and where its text comes from. */
export const Manifest = z.object({
  version: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  issuer: z.string().min(1),
  year: z.number().int(),
  source: z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), structure: z.string().optional() }),
  categories: z.array(z.object({ id: z.enum(['workshop', 'discrete', 'process']), name: z.string(), form: ClauseId, elements: ClauseId })).length(3),
  knownGaps: z.array(z.string()),
  /** An ingested version is a draft until `knowledge:publish` has checked it; absent means published. */
  status: z.enum(['draft', 'published']).optional(),
  /** The version this one was ingested against and carries its data over from. */
  basedOn: z.string().regex(/^[a-z0-9-]+$/).optional(),
});
export type Manifest = z.infer<typeof Manifest>;

const Comment = z.string().optional();

/**
 * A sentence of the product's own with {placeholders}: exactly the ones the code fills in, so a
 * mistyped or dropped placeholder stops the server instead of printing 「{recommender}」 to a bureau.
 */
export function template(names: readonly string[]) {
  return z
    .string()
    .min(1)
    .superRefine((t, ctx) => {
      const used = [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const takes = names.map((x) => `{${x}}`).join(' ') || '无';
      for (const n of used) if (!names.includes(n)) ctx.addIssue({ code: 'custom', message: `未知的占位符 {${n}}（这句话可用的占位符：${takes}）` });
      for (const n of names) if (!used.includes(n)) ctx.addIssue({ code: 'custom', message: `缺少占位符 {${n}}` });
    });
}

/** A passage of the notice quoted word for word; the publish check holds it to each clause it names. */
export const NoticeQuote = z.object({ clauses: z.array(ClauseId).min(1), text: z.string().min(4) });
export type NoticeQuote = z.infer<typeof NoticeQuote>;

/**
 * What the product says about the bureaus' areas and quotas (四(三), 四(四)): to an enterprise whose address lies
 * outside the bureau it picked, to that bureau, and on the bureau's page (quota warnings, the note on a city's page
 * that its counties recommend on their own quota and upload their own 推荐汇总表).
 */
export const RegionWording = z.object({
  /** To the enterprise, when it picks a bureau whose area does not hold the place it gave, and when it submits. */
  outsideArea: template(['said', 'where', 'region', 'clause', 'recommender']),
  /** To the chosen bureau, in the applicant's record. */
  outsideAreaForBureau: template(['said', 'where', 'region', 'clause', 'recommender']),
  /** The flag beside the applicant's name in the bureau's list. */
  outsideAreaTag: template(['where', 'recommender']),
  /** The refusal of 推荐 by the chosen bureau: the applicant is another bureau's under 四(三), and would take this bureau's quota. */
  outsideAreaRecommend: template(['said', 'where', 'region', 'clause', 'recommender']),
  /**
   * Beside a 推荐 saved before out-of-area 推荐 was refused: the row is kept and flagged, and counts neither in this
   * bureau's quota nor among the 推荐汇总表's 推荐企业.
   */
  outsideAreaRecommended: template(['where', 'region', 'clause', 'recommender']),
  /** The refusal of a 推荐 beyond the quota; {year} is 「2023年度」, or empty for a submission of no recorded year. */
  overQuota: template(['region', 'year', 'max', 'clause', 'quote', 'overQuota']),
  /** On the bureau's page once its quota is used up. */
  atLimit: template(['region', 'recommended', 'clause', 'max', 'overQuota']),
  /** On the bureau's page when few places are left. */
  nearLimit: template(['remaining', 'max', 'overQuota']),
  /** How few places left bring the nearLimit warning. */
  nearLimitAt: z.number().int().min(1),
  /** The quota line of the 推荐汇总表. */
  summaryQuota: template(['recommended', 'max', 'clause', 'quote']),
  /**
   * On a 省辖市's page: its counties (县, 县级市) do their own 初审, recommend on the county quota and upload their own
   * 推荐汇总表, so neither they nor their applicants are on this page. {quota} is the county group's quote of 四(三).
   */
  countiesOwn: z.object({
    title: z.string().min(1),
    /** {date} is the 推荐汇总表 deadline of facts.json (re-extracted from each year's 四(四)). */
    text: template(['region', 'counties', 'count', 'review', 'reviewClause', 'quota', 'quotaClause', 'date', 'upload', 'uploadClause']),
    review: NoticeQuote,
    upload: NoticeQuote,
  }),
});
export type RegionWording = z.infer<typeof RegionWording>;

/** regions.json: recommendation quotas of 四(三) and the regions they apply to. */
export const QuotaGroup = z.object({ id: z.string(), label: z.string(), max: z.number().int().positive(), quote: z.string() });
export const Region = z.object({
  name: z.string().min(2),
  short: z.string().min(1),
  /** A 市辖区 has no quota of its own: it names its 省辖市 (prefecture), whose group it shares. */
  kind: z.enum(['省辖市', '示范区', '航空港区', '县级市', '县', '市辖区']),
  group: z.string(),
  prefecture: z.string().optional(),
  aliases: z.array(z.string()),
});
export type Region = z.infer<typeof Region>;
export const RegionsFile = z
  .object({
    $comment: Comment,
    clause: ClauseId,
    groups: z.array(QuotaGroup).min(1),
    overQuota: z.string(),
    wording: RegionWording,
    regions: z.array(Region).min(1),
    rules: z.array(z.object({ suffix: z.string().min(1), group: z.string(), kind: z.enum(['县级市', '县']) })),
    /**
     * Words that speak of a county without naming one (「县里」「下面的县」): said with a 省辖市
     * (「我们是郑州的，县里有名额吗」), they ask the quota of that city's counties, not the city's.
     */
    countyWords: z.array(z.string().min(2)).optional(),
    /**
     * Words that name the 省辖市 level as the recommender (「市里推荐」「市工信局」): to the county question they
     * say no 县（市） recommends, as a 市辖区 does, so no county is filled in.
     */
    cityLevelWords: z.array(z.string().min(2)).default([]),
    /** Words that say who recommends (「新乡市推荐」「市里报上去的」): the clause holding one names the recommender. */
    recommendWords: z.array(z.string().min(1)).default([]),
    /**
     * Places of other provinces (their cities, and county-level places and districts often named
     * alone, 「昆山」「义乌」), by province: a question naming one is read as naming its province, so
     * 「昆山的企业能报吗」 is asked of 江苏, not of a county the rules would take for Henan's. Not
     * notice text; names that are everyday words (东方, 合作, 来宾, 大理石) are left out.
     */
    elsewhere: z.array(z.object({ province: z.string().min(2), places: z.array(z.string().min(2)).min(1) })).default([]),
    /**
     * Where a place name of another province is only part of an everyday word. `words` are such words
     * (复合肥 holds 合肥, 集成 runs into 成都 in 「集成都」): a place such a word overlaps is not a place. A place whose first character
     * the word breaker joins to the character before it (完成|都 in 「改造完成都要…」, 集成|都) is not a
     * place either, unless that character is one of `joiners`, which stand before place names
     * (在, 是, 从: 「在任丘」 is cut 在任|丘 and still names 任丘).
     */
    lookalikes: z
      .object({ $comment: Comment, words: z.array(z.string().min(2)).default([]), joiners: z.array(z.string().length(1)).default([]) })
      .default({ words: [], joiners: [] }),
  })
  .superRefine((f, ctx) => {
    const groups = new Set(f.groups.map((g) => g.id));
    f.regions.forEach((r, i) => {
      if (!groups.has(r.group)) ctx.addIssue({ code: 'custom', path: ['regions', i, 'group'], message: `未知的名额分组：${r.group}` });
      if (r.kind !== '市辖区') return;
      const city = f.regions.find((c) => c.name === r.prefecture && c.kind === '省辖市');
      if (!city) ctx.addIssue({ code: 'custom', path: ['regions', i, 'prefecture'], message: `市辖区须写明所属省辖市；${r.prefecture ?? '（未写）'} 不是省辖市` });
      else if (city.group !== r.group) ctx.addIssue({ code: 'custom', path: ['regions', i, 'group'], message: `市辖区与所属省辖市同一名额分组（${city.group}）` });
    });
    // A place of Henan is never read as another province's: a name in both lists would be both.
    const here = new Set(f.regions.flatMap((r) => [r.name, r.short, ...r.aliases]));
    f.elsewhere.forEach((o, i) =>
      o.places.forEach((p, j) => {
        if (here.has(p)) ctx.addIssue({ code: 'custom', path: ['elsewhere', i, 'places', j], message: `${p} 是 regions 中的河南地名` });
      }),
    );
    f.rules.forEach((r, i) => {
      if (!groups.has(r.group)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'group'], message: `未知的名额分组：${r.group}` });
    });
  });
export type RegionsFile = z.infer<typeof RegionsFile>;

/** facts.json: exact facts with the clause each comes from. */
export const FactsFile = z.object({
  $comment: Comment,
  deadlines: z.array(z.object({ id: z.string(), date: z.string(), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31), who: z.string(), what: z.string(), clause: ClauseId })).min(1),
  platform: z.object({ name: z.string(), url: z.url(), registration: z.string(), clause: ClauseId }),
  submission: z.object({
    document: z.object({
      format: z.string(),
      colour: z.boolean(),
      includes: z.array(z.string()),
      forms: z.array(z.object({ category: z.enum(['workshop', 'discrete', 'process']), name: z.string(), clause: ClauseId })),
      clause: ClauseId,
    }),
    video: z.object({ format: z.string(), maxSizeMB: z.number().positive(), minResolution: z.string(), duration: z.string(), seconds: z.number().positive().optional(), toleranceSeconds: z.number().positive().optional(), narration: z.string(), clauses: z.array(ClauseId).min(1) }),
    photos: z.object({ min: z.number().int().positive(), clauses: z.array(ClauseId).min(1) }),
    screenshots: z.object({ mustShow: z.array(z.string()).min(1), count: z.string(), clauses: z.array(ClauseId).min(1) }),
  }),
  applications: z.object({ perYear: z.number().int().positive(), clause: ClauseId }),
  reapplication: z.array(z.object({ holder: z.enum(['智能车间', '智能工厂']), mayApply: z.boolean(), allowed: z.array(z.string()), clause: ClauseId })).length(2),
  review: z.object({
    who: z.string(),
    steps: z.array(z.string()),
    clause: ClauseId,
    /**
     * What a bureau must have recorded before it recommends (四(三): 初审, then 到企业现场进行真实性核查): its 初审意见,
     * its 现场核查情况, and every checklist item either ticked as verified or given the reason it was not. The refusal
     * names what is missing; `opinion` is the forms' 推荐意见 line, which says the same.
     */
    gate: z.object({
      quote: NoticeQuote,
      opinion: NoticeQuote,
      refusal: template(['clause', 'quote', 'opinion', 'missing']),
      notes: template([]),
      siteNotes: template([]),
      unchecked: template(['count', 'items']),
      separator: z.string().min(1),
      /** Beside a recommendation saved before the gate that does not pass it: it is left out of the 推荐汇总表's 推荐企业. */
      incomplete: template(['missing']),
      /**
       * Asked once the 初审 record is complete, before the quota: the applicant's figures raise warnings (二(一) is the
       * bureau's judgement), so 推荐 waits for the bureau to say it has checked them.
       */
      financeConfirm: template(['items', 'note']),
      /**
       * Asked next, for a new 推荐: the applicant's answers left conditions unmet, partial or unknown (二(二) makes meeting
       * the element conditions a 申报条件), so 推荐 waits for the bureau to confirm it judged them met; the confirmation is
       * recorded and goes into the 推荐汇总表.
       */
      conditionsConfirm: template(['count', 'items']),
      /** How the conditions confirmed before 推荐 are named, in the request to confirm, the list and the 推荐汇总表. */
      conditions: z.object({
        /** The status word of a condition not shown to be met. */
        status: z.object({ unmet: z.string().min(1), partial: z.string().min(1), unknown: z.string().min(1) }),
        /** A condition that names nothing it lacks (a hard condition not answered). */
        item: template(['clause', 'title', 'status']),
        /** A condition with what it lacks, or what was not answered. */
        itemDetail: template(['clause', 'title', 'status', 'detail']),
        listSeparator: z.string().min(1),
        separator: z.string().min(1),
        /** The confirmation kept with a recommendation, as the list and the 推荐汇总表 say it; {at} is Beijing time. */
        confirmed: template(['by', 'at', 'items']),
      }),
      /** The line of a hard condition (二, 四(一)) the enterprise left unanswered (不清楚, skipped), among the applicant's gaps. */
      hardPendingGap: template([]),
    }),
  }),
  contact: z.object({ unit: z.string(), phone: z.string(), clause: ClauseId }),
  /**
   * Who or what the notice's figures are about, for holding an answer's figure to its subject: the
   * 3月15日 of 四(四) is the bureaus', 200M the video's, the helpline the province office's. `notice`
   * are the notice's own words for it (the nearest before a figure names its subject); `said` the
   * words an answer may name it by. The quotas are bound to their regions by regions.json.
   */
  figureSubjects: z
    .array(z.object({ id: z.string().min(1), label: z.string().min(1), notice: z.array(z.string().min(2)), said: z.array(z.string().min(2)).min(1) }))
    .optional(),
  /**
   * The forms a submission may take (纸质, 电子版), for holding an answer's 「纸质版」 or 「3份纸质版」 to the notice: a form
   * an answer requires must be one the cited clauses name in their own words (`notice`); `said` are the words an answer
   * may use for it.
   */
  submissionForms: z
    .array(z.object({ id: z.string().min(1), label: z.string().min(1), notice: z.array(z.string().min(1)).min(1), said: z.array(z.string().min(2)).min(1) }))
    .optional(),
});
export type FactsFile = z.infer<typeof FactsFile>;

/** industries.json: GB/T 4754 manufacturing divisions 13–43 with the usual discrete/process practice (a prior, not a rule). */
export const IndustriesFile = z.object({
  standard: z.string(),
  clause: ClauseId,
  caveat: z.string(),
  typeSource: z.string(),
  divisions: z
    .array(
      z.object({
        code: z.string().regex(/^\d{2}$/),
        name: z.string(),
        prior: z.enum(['discrete', 'process', 'mixed']),
        mixed: z.boolean(),
        typicalType: z.string(),
        note: z.string(),
        /**
         * What holds for one trade of the division only (日化's 灌装段 in 化学原料和化学制品制造业): said only when the
         * question names one of `words`, so a question on 复合肥 is not told about 日化.
         */
        subNotes: z.array(z.object({ words: z.array(z.string().min(1)).min(1), note: z.string().min(2) })).optional(),
        /** Everyday names of the trade (化工, 汽车零部件…) so a question can name it. */
        aliases: z.array(z.string().min(1)).optional(),
      }),
    )
    .length(31),
  /**
   * The names of the divisions outside manufacturing (门类A、B、D—T), to name the industry an enterprise gives, with the
   * everyday names of their trades (建筑公司, 农业合作社, 软件公司…) so a question that names one is told it is no manufacturing.
   * An everyday name is a whole kind of enterprise, never a word a manufacturing trade is also called by (建筑 is in 建筑陶瓷).
   */
  otherDivisions: z.array(z.object({ code: z.string().regex(/^\d{2}$/), name: z.string().min(1), aliases: z.array(z.string().min(2)).optional() })).optional(),
  /**
   * Kinds of enterprise whose name does not say whether it makes things (科技公司, 实业公司, 新能源公司): what decides is
   * whether its main business is production, so a question naming one is told that, not given a verdict.
   */
  unsure: z.array(z.string().min(2)).optional(),
});
export type IndustriesFile = z.infer<typeof IndustriesFile>;

/** lexicon.json: synonyms and abbreviations that drive query expansion. */
export const LexiconEntry = z.object({
  id: z.string().optional(),
  canonical: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  clauses: z.array(ClauseId).optional(),
});
export type LexiconEntry = z.infer<typeof LexiconEntry>;
export const LexiconFile = z.object({
  $comment: Comment,
  entries: z.array(LexiconEntry).min(1),
  /** Domain terms (Han, three characters or more) a typo or pinyin abbreviation may be read as, in priority order. */
  vocabulary: z.array(z.string().regex(/^\p{Script=Han}{3,12}$/u)).optional(),
  /**
   * Two-character words of the notice a same-sounding pair may be read as (视平 → 视频), only where
   * the pair as typed is no word of its own. Words with a common same-sounding word beside them stay out.
   */
  pairVocabulary: z.array(z.string().regex(/^\p{Script=Han}{2}$/u)).optional(),
  /**
   * Words a question typed in full pinyin (「shipin yao duo chang」) is read as, besides the terms and pairs
   * above: the everyday words questions are made of (要, 多长, 截止, 时间), in priority order, since one
   * sound may stand for several words.
   */
  pinyinWords: z.array(z.string().regex(/^\p{Script=Han}{1,8}$/u)).optional(),
  /**
   * Characters typed for another that looks like them, by stroke or handwriting input (问 for 间):
   * each string is a group of look-alikes. Read only inside a vocabulary term of three characters
   * or more, whose other characters are typed as the term writes them.
   */
  lookalikes: z.array(z.string().regex(/^\p{Script=Han}{2,4}$/u)).optional(),
});
export type LexiconFile = z.infer<typeof LexiconFile>;

const Trigger = z.array(z.array(z.string().min(1)).min(1)).min(1);

/** A regular expression (Unicode mode), checked to compile when the file is loaded. */
const Pattern = z.string().refine((p) => {
  try {
    return Boolean(new RegExp(p, 'u'));
  } catch {
    return false;
  }
}, '须是正则表达式');

/** intents.json: out-of-scope topics and the direct-answer intents of offline Q&A. */
export const IntentsFile = z.object({
  $comment: Comment,
  retrievalHints: z.array(
    z.object({ $comment: Comment, all: z.array(z.string().min(1)).optional(), words: z.array(z.string().min(1)).min(1), none: z.array(z.string().min(1)).optional(), prefixes: z.array(z.string().min(1)).min(1), boost: z.number().min(0).max(2) }),
  ),
  fillers: z.array(z.string().min(1)),
  /**
   * Openings that only say when the question arises (「车间改造完成后」「申报的时候」): a question that no entry
   * answers with them is matched once more without them, so they never push a question off its answer.
   */
  contextLeads: z.array(Pattern).default([]),
  /** Tails that turn a statement into a question (「…是吧」「…对不对」), read as 「吗」 at the end of a sentence. */
  tagQuestions: z.array(z.string().min(1)).default([]),
  /**
   * What can be asked of a thing rather than being a thing of its own (格式, 时长, 盖章, 原件): a follow-up that names
   * only one of them (「视频要1080P吗」 then 「那格式呢」) asks it of the previous subject (视频格式), not the previous
   * question with the attribute put in as its subject (格式要1080P吗).
   */
  attributes: z.array(z.string().min(1)).default([]),
  /**
   * Words asking whether a figure is fixed (硬指标, 量化指标, 硬杠杠): a short part asking only that, after a part that
   * asked a figure (「联网率要多高，有硬指标没」), asks it of that part's subject, not of the quotas or of figures in general.
   */
  thresholdAsks: z.array(z.string().min(1)).default([]),
  /**
   * 「我们厂想报智能工厂，行不行」: a tag asking for leave (`tags`) closing a message that says what the enterprise applies
   * for (`applying` before it) asks whether it may apply; the tag is read as `reading` (「，能报吗」), the words the
   * answer base asks this with.
   */
  leaveAsked: z.object({ tags: z.array(z.string().min(1)).min(1), applying: z.array(z.string().min(1)).min(1), reading: z.string().min(1) }).optional(),
  /**
   * 「这个不知道算不算，前年环保局罚过我们一次款」: a sentence that only doubts (an `opener`, a `doubt`, a `phrase`: 算不算,
   * 有没有影响) asks whether what the rest of the message says bears on applying; read as the rest and `reading`, it gets
   * the answer the direct question (「环保局罚过款，影响申报吗」) gets.
   */
  hedgedAsk: z.object({ openers: z.array(z.string().min(1)), doubts: z.array(z.string().min(1)), phrases: z.array(z.string().min(1)).min(1), reading: z.string().min(1) }).optional(),
  /**
   * 「注册在郑州工厂在焦作从哪报」: two places, one where the enterprise is registered and one where it
   * produces. Read with `reading` before it, the question is about the channel of an enterprise on
   * two sites, whatever else (名额, 推荐) it names.
   */
  splitSites: z
    .object({
      registered: z.array(z.string().min(1)).min(1),
      site: z.array(z.string().min(1)).min(1),
      reading: z.string().min(1),
      /** Registration or production outside Henan: how such a question is read. */
      elsewhere: z
        .object({
          /** Words for "another province" besides the provinces' names (regions.json `elsewhere`). */
          words: z.array(z.string().min(1)),
          /** Henan's own name, for 「在河南注册」. */
          henan: z.array(z.string().min(1)).min(1),
          registered: z.string().min(1),
          site: z.string().min(1),
        })
        .optional(),
    })
    .optional(),
  /**
   * 「我们是智能工厂，还能报车间吗」: an enterprise that says it is a 智能工厂 or 智能车间 holds that title.
   * Where `pattern` (a regular expression) matches, `reading` is put in its place, so the question reads
   * as one about a title already won (「已是智能工厂」) once 我们 is taken out as a filler.
   */
  heldTitle: z.object({ pattern: Pattern, reading: z.string().min(1) }).optional(),
  /**
   * A later year named in relative words (「明年」「下一批」): asked of that year, a question is about a
   * notice not yet known, unless the answer is a rule that spans years (an entry marked acrossYears).
   * `context`: regular expressions on what follows the word that make it the time of something else
   * (「明年才建成」「明年上MES」), not of the application.
   */
  laterYear: z.object({ words: z.array(z.string().min(1)).min(1), context: z.array(Pattern) }).optional(),
  outOfScope: z.object({
    answer: z.string(),
    unknownTopic: z.string(),
    relatedTemplate: z.string(),
    lowConfidenceAnswer: z.string(),
    citation: ClauseId,
    minConfidence: z.number().min(0).max(1),
    topics: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        keywords: z.array(z.string().min(1)).min(1),
        /**
         * Regular expressions on the normalised question that name the topic where its words stand
         * apart (「帮我把…写出来」 asks for writing, with the object between the request and the verb).
         */
        patterns: z.array(Pattern).optional(),
        /**
         * Regular expressions that mean the keywords are said of someone else (「让咨询公司代写申报书可以吗」
         * asks whether a third party may write it, not for the writing): the topic is then not named.
         */
        unless: z.array(Pattern).optional(),
        related: ClauseId.optional(),
        /** Refused even when the question also matches an answer (instructions to the assistant, code, writing tasks). */
        always: z.boolean().optional(),
        /**
         * Its keywords (a province, a year) often only set the scene of a question about this notice
         * (「明年再报工厂行不行」): named beside an answer found by its required words alone, they are not refused.
         */
        scene: z.boolean().optional(),
        /**
         * Its keywords name nothing this notice speaks of (税收, 有效期, 供应商): a question naming one that an entry
         * matched only loosely, and whose wording never names it, asks about this topic and is refused.
         */
        outranksLoose: z.boolean().optional(),
      }),
    ),
  }),
  /** Wording around answer-base answers: the correction note, the proof label, the fallback when no answer fits, a multi-part item. */
  answerText: z.object({
    correction: z.string(),
    /** After an answer that spans years, asked of a later year: {year}, the notice's own year. */
    laterYearRule: z.string().optional(),
    /**
     * A question that widens the scope a quoted clause narrows (「每道工序」 where it says 「关键工序」): `widening`, the
     * words that widen; `narrowing`, the clause's words that narrow; `answer`, said in place of a confirming verdict,
     * with {widened} and {narrowed} the two as said.
     */
    widenedScope: z.object({ widening: z.array(z.string().min(1)).min(1), narrowing: z.array(z.string().min(1)).min(1), answer: z.string() }).optional(),
    /**
     * A date asked of an answer that states the notice's deadline (「汇总表3月25日上传行吗」), said
     * before that answer: {said}, the date as read; {deadline}, the notice's. One text for a date before
     * the deadline and one for a date after it.
     */
    askedDate: z.object({ before: z.string(), after: z.string() }).optional(),
    /**
     * Whether a form has a cell (「附件2要填税金吗」「工厂基本信息表里有没有投资额」), said before the
     * answer when the asked forms' text holds it: {cells}, each form with its cell line quoted as written (`cell`: {cell}), or a cell's
     * guidance that holds the word, after the cell's name (`inGuidance`: {cell}, {guidance}).
     */
    askedCell: z.object({ has: z.string(), separator: z.string(), cell: z.string(), inGuidance: z.string() }).optional(),
    /** Before an answer to a chat message read with the previous question: {question}, the question it was read as. */
    followUp: z.string(),
    /** Before an answer given for the session's category where the question named none and the answer differs by category: {category}. */
    sessionCategory: z.string().optional(),
    /**
     * A question about scoring (「有专利能加分吗」) that an entry on something else answers: the notice gives no scores, so
     * `note` says so and who decides before what the entry says. `decides` is the clause that says who recommends (四(三)),
     * `decidesQuote` its words, quoted in `end`, which closes the answer with whom to ask. The one preference the notice
     * states (`clause`, `quote`) is said as `preference` ({preference} in `note`) only where it bears on the question: one
     * that names its subject (`preferenceWords`), or one nothing else in the notice answers.
     */
    scoring: z.object({
      words: z.array(z.string().min(1)).min(1),
      note: z.string(),
      preference: z.string(),
      preferenceWords: z.array(z.string().min(1)).min(1),
      clause: z.string(),
      quote: z.string(),
      decides: z.string(),
      decidesQuote: z.string(),
      end: z.string(),
    }),
    /**
     * 「没有MES能报智能车间吗」 matched to the entry that says MES is required: its 「是，要…」 would
     * read as "yes, you can". Asked without something an element condition requires, the answer
     * opens with `lead` instead of that verdict. `without` comes before one of `asks` in such a question.
     */
    /** `without` said as one of `notWithout` (「没问题」) names nothing missing. */
    lacking: z.object({ without: z.array(z.string().min(1)).min(1), notWithout: z.array(z.string().min(1)).default([]), asks: z.array(z.string().min(1)).min(1), lead: z.string() }),
    /**
     * 「有ERP有MES，能报工厂吗」: asked whether the enterprise can apply, an entry on one element
     * condition answers whether that system is required, not the question; the answer opens with `lead`.
     * `asks` turns a 要 (it would read as "yes, you can"); `which` (报哪一类) turns any verdict.
     */
    situation: z.object({ asks: z.array(z.string().min(1)).min(1), which: z.array(z.string().min(1)).min(1), lead: z.string() }),
    /**
     * 「我们是子公司，有独立法人，能不能报？去年刚被列入失信名单了」: a may-we-apply question (`situation.asks`)
     * that states several facts; a stated fact whose own answer is 不能 under a hard condition (category-rules
     * `hard`) is said first. `notStated` just before the fact's words says it does not hold (「没上失信名单」);
     * `rest` introduces what the question's own answer says of the other facts, its verdict word dropped.
     */
    failedFact: z.object({ notStated: z.array(z.string().min(1)).min(1), rest: z.string() }).optional(),
    /**
     * 「好的」「谢谢」「明白了」: a message made only of these words (and particles) asks nothing; it is
     * answered with the `reply` of the first group any of whose words it holds, which invites the next
     * question, and is neither a refusal nor a question for review. 「对吗」「好的，那视频呢」 ask: they hold other words.
     */
    /**
     * 「那这个呢」「这样行吗」: a message made only of a word pointing back (`pointers`, after an opening 那/那么)
     * and a bare asking tail (`asks`) names nothing to answer. It is answered with `reply` ({pointer}: the
     * word typed), or `replyAfter` after an earlier question, which asks what is meant; it is not a refusal.
     */
    bareFollowUp: z
      .object({
        pointers: z.array(z.string().min(1)).min(1),
        asks: z.array(z.string().min(1)),
        reply: z.string().min(2),
        /** The same after an earlier question ({pointer}, {previous}): the pointer alone does not say what it asks of it. */
        replyAfter: z.string().min(2),
      })
      .optional(),
    acknowledgement: z
      .object({
        particles: z.array(z.string().min(1)).default([]),
        groups: z
          .array(
            z.object({
              words: z.array(z.string().min(1)).min(1),
              /** Words that only greet (「你好」「在吗」): typed while the interview or the form waits, they are greeted and the item asked again, never read as its answer. */
              greeting: z.boolean().optional(),
              reply: z.string().min(2),
            }),
          )
          .min(1),
      })
      .optional(),
    basis: z.string(),
    quoteLine: z.string(),
    fallback: z.string(),
    part: z.string(),
    /** Closes an answer the notice leaves open when it does not name the helpline itself: who can confirm. */
    openHelpline: z.string(),
    /** One part of a several-part question that the notice does not cover: {topic}, {unit}, {phone}. */
    notCoveredPart: z.string(),
    /** A part of a several-part question that no entry and no rule answers: the notice does not settle it, who to ask ({unit}, {phone}). */
    unansweredPart: z.string().optional(),
    /**
     * Several items of one answer asked together (「智能车间要求WMS和SCM吗」) whose answers read the same after
     * their subjects: said once, {subjects} joined by `separator`, {reading} the words they share.
     */
    sameReading: z.object({ lead: z.string().min(1), separator: z.string() }).optional(),
    /** One acronym read from the notice's own 「全称（简称）」 wording: {abbr}, {name}, {clause}. */
    glossaryItem: z.string(),
    /** An everyday acronym the notice does not use, related to the notice's term for the same thing. */
    glossaryRelated: z.string(),
    /**
     * Which element conditions ask for an acronym's system (「SCADA对应通知里哪条要求」): {where}, each
     * category with its clause, and {requirement}, the first clause's words that ask for it.
     */
    glossaryWhere: z.string(),
    /** Opens an answer whose conclusion gives another figure than the one the asker says the notice gives: {said}. */
    misquote: z.string(),
    /**
     * A form asked of whose cells the notice copy lacks (附件1's truncated table), answered from another
     * form's same cells: `note` says which clause of the asked form was inferred ({form}, {title},
     * {clause}, {others}). The form is asked by its name, or by its category with one of `formWords`;
     * an answer that already says the part is missing (`already`) is left alone.
     */
    inferredForm: z.object({ formWords: z.array(z.string().min(1)).min(1), already: z.array(z.string().min(1)), note: z.string() }).optional(),
    /** Opens an answer whose conclusion gives the very figure ({said}) the asker says the notice gives (「郑州推荐不超过20家对吧」). */
    confirmed: z.string(),
    /** Opens an answer when the asker says the notice gives a figure ({said}) that neither its conclusion nor its quotes state (「采集率是90%吧」). */
    unstated: z.string(),
    /**
     * Words that stand for one another in a statement asked to be confirmed (「视频格式是MP4对吧」「黑白的PDF就行吧」):
     * each group holds the alternatives of one kind (video formats, document formats, colour). The word the
     * cited clauses state is the right one; a word of its group they do not state is not.
     */
    confirmAlternatives: z.array(z.array(z.string().min(1)).min(2)).default([]),
    /**
     * A yes/no entry resting only on one category's clauses, asked of another category
     * (「安全仪表系统离散型要吗」): its verdict belongs to the category it was written for. `absent`
     * when the asked category's clauses never name what was asked ({asked}, {section}, {term},
     * {other}); `elsewhere` otherwise ({asked}, {section}, {other}, {otherSection}).
     */
    otherCategory: z.object({
      categories: z
        .array(
          z.object({
            words: z.array(z.string().min(1)).min(1),
            /** Words that mean the question is about another category after all (「智能工厂的车间」). */
            unless: z.array(z.string().min(1)).optional(),
            name: z.string(),
            /** Its element conditions, and its application form (附件N). */
            section: ClauseId,
            form: ClauseId,
          }),
        )
        .length(3),
      /** Lexicon concepts that name a title or category, not what is asked about. */
      ignore: z.array(z.string().min(1)),
      absent: z.string(),
      elsewhere: z.string(),
      /** Words asking whether something is allowed (「可以吗」): with the term absent, {absentPermitted} answers. */
      permits: z.array(z.string().min(1)).optional(),
      absentPermitted: z.string().optional(),
      /**
       * 「安灯系统是车间要求还是工厂要求」 offers categories to choose from: the element conditions
       * say whose requirement it is. `factory` are the words that name both factory categories;
       * `some` when only some of the offered categories name it ({term}, {holders}, {sections},
       * {others}); `all` when every one does ({term}, {holders}, {sections}).
       */
      choice: z
        .object({
          factory: z.array(z.string().min(1)).min(1),
          some: z.string(),
          all: z.string(),
        })
        .optional(),
    }),
    /**
     * 「WMS是必须的吗」 asks of a system without naming a category, and the element conditions differ by
     * category: the first sentence says each category's reading, from the lexicon's clauses and the
     * qualifiers of elements.json. `asks` are the words that ask whether it is required, anywhere; `lead` opens;
     * each category is said as `required`, `asNeeded` (「根据…需要」), `option` (one of an 「等」 list to
     * choose from) or `branch` (one industry branch of the clause) with {category}, {clauses}, {branch};
     * the categories whose element conditions do not name it as `absent` ({categories}, {sections}, {term}).
     */
    perType: z
      .object({
        asks: z.array(z.string().min(1)).min(1),
        /** Words just before the name that ask whether it is required when the question ends in 吗 (「要WMS吗」). */
        before: z.array(z.string().min(1)).min(1),
        lead: z.string(),
        /** Opens instead of `lead` when the question says the system is missing (「没有WMS能报吗」): {term}. */
        lacking: z.string().optional(),
        /**
         * Every category's clause requires the system outright, so nothing turns on the category: the answer opens with
         * the verdict `allRequired` (「要。」), or `allLacking` (「不行。」) when the question says it is missing, and then
         * says `all` ({term}, {items}, {lacked}): each category as `allItem` ({category}, {clauses}) joined by
         * `allSeparator`, with `allLacked` as {lacked} when it is missing and nothing otherwise.
         */
        allRequired: z.string().optional(),
        allLacking: z.string().optional(),
        all: z.string().optional(),
        allItem: z.string().optional(),
        allSeparator: z.string().optional(),
        allLacked: z.string().optional(),
        required: z.string(),
        asNeeded: z.string(),
        option: z.string(),
        branch: z.string(),
        absent: z.string(),
        /**
         * A name the notice never writes, in Chinese (「高级排程系统」「排产系统」): the notice asks for a capability, not
         * for that system, so `unwrittenLead` ({term}) opens and each category says what its clause asks as
         * `capability` ({category}, {clauses}, {quote}: the clause's own words), never 「要」.
         */
        unwrittenLead: z.string().optional(),
        /** The same name asked of one category, whose entry then answers without its 「要」: {term}. */
        unwrittenNote: z.string().optional(),
        capability: z.string().optional(),
        /**
         * A category the answer's entries do not speak for (「ERP必须上吗」: the entry is on the two factories) is told in
         * its clause's own words after them: {clause}, {quote}.
         */
        quoted: z.string().optional(),
        separator: z.string(),
        end: z.string(),
        /**
         * One category asked of several systems whose readings there differ (「智能车间要求MES和WMS吗」): each system is
         * said as `system` ({term}, {said}: its reading as above, or `systemAbsent` ({category}, {section}) when the
         * category's element conditions do not name it), joined by `separator`. Such a system is also told where it is
         * written, as `systemElsewhere` ({categories}, {clauses}) after it.
         */
        system: z.string().optional(),
        systemAbsent: z.string().optional(),
        systemElsewhere: z.string().optional(),
      })
      .optional(),
    /**
     * 「附件2第四部分写啥」「智能车间申报书第三部分要写什么」 name one part of one form (or of the two factory
     * forms) and ask only what it holds: that part is answered, its items listed and quoted. The form is
     * named 附件N, or by a category's words with one of `formWords` (the factory word alone names 附件2 and
     * 附件3); the part by 第N plus one of `partWords`, or a numeral right after the form (「附件1的四」). What is
     * left once the form, the part, `asks` and `particles` are taken out must be nothing, or the question
     * asks something narrower (「附件2第四部分的专利要原件吗」). `lead`: {forms}, {n}, {title}, {items};
     * `items`: {count}, {list}; each item `item` ({label}, {title}) joined by `separator`.
     */
    formPart: z
      .object({
        formWords: z.array(z.string().min(1)).min(1),
        partWords: z.array(z.string().min(1)).min(1),
        asks: z.array(z.string().min(1)).min(1),
        particles: z.array(z.string().min(1)),
        lead: z.string(),
        items: z.string(),
        item: z.string(),
        separator: z.string(),
        formSeparator: z.string(),
      })
      .optional(),
    /**
     * 「附件3第五部分写啥」「附件4在哪下载」「三(五)是什么」: a form, a part of one, or a clause the notice does not
     * have is said not to exist first, with what its nearest existing parent holds, never answered as the
     * nearest one. `lead`: {asked} (as the question names it), {whole} (the parent: `notice`, `attachments`,
     * `form` ({id}, {title}) or `clause` ({id}, {title})), {count}, {unit} (`units` by what the parent holds),
     * {list} (its children, each `section` or `child` ({label}, {title}), joined by `separator`).
     */
    missingPart: z
      .object({
        lead: z.string(),
        notice: z.string(),
        attachments: z.string(),
        form: z.string(),
        clause: z.string(),
        units: z.object({ forms: z.string(), parts: z.string(), items: z.string() }),
        section: z.string(),
        child: z.string(),
        separator: z.string(),
      })
      .optional(),
    /**
     * 「附件2的四(五)是什么」「三(二)讲的啥」: a clause named by its ID and asked only what it says. What is left once
     * the ID, `asks` and `particles` are taken out must be nothing. `lead` ({id}, {title}, {text}) for a clause
     * without items, quoted whole; `parent` ({id}, {title}, {heading}, {count}, {list}) for one with items, each
     * `item` ({id}, {title}) joined by `separator`.
     */
    namedClause: z
      .object({
        asks: z.array(z.string().min(1)).min(1),
        particles: z.array(z.string().min(1)),
        lead: z.string(),
        parent: z.string(),
        item: z.string(),
        separator: z.string(),
      })
      .optional(),
    /**
     * 「离散型智能工厂研发设计有什么要求」「智能车间的信息基础设施有什么要求」 name one element condition of a
     * category by its title (or the title's head, 信息基础设施 of 信息基础设施安全可靠) and ask only what it
     * requires: that clause is answered, quoted whole. What is left once the category, the title, `asks` and
     * `particles` are taken out must be nothing. `lead`: {category}, {title}, {clause}, {body} (the clause after its heading).
     */
    elementClause: z
      .object({
        asks: z.array(z.string().min(1)).min(1),
        particles: z.array(z.string().min(1)),
        lead: z.string(),
      })
      .optional(),
    /** What-is question about a term the notice never uses and the knowledge does not know: {term}, {unit}, {phone}. */
    termAbsent: z.string(),
    /**
     * What-is question about a term the notice uses: `lead` points to the clause it stands in ({opening}, {clause},
     * {quote}, {unit}, {phone}); {opening} is `own` when the term is typed as the notice has it, else `said`, which
     * names the notice's own words ({term}, {clause}). Without it such a question is answered as any other.
     */
    termInNotice: z
      .object({
        lead: z.string(),
        own: z.string(),
        said: z.string(),
        referent: z.string().optional(),
        /**
         * 「推荐库是什么」 asks what a term is, though 「X是什么」 as often asks a value (「视频格式是什么」「截止时间是什么」):
         * it is a term question only when X stands in the notice as typed and does not end in one of these heads (or
         * in an attribute of `attributes`), which name a value asked of a thing.
         */
        valueHeads: z.array(z.string().min(1)).optional(),
      })
      .optional(),
    /**
     * 「这个算新一代信息技术不」: whether something counts as a term the notice never uses. `lead` says the notice
     * neither uses nor defines it, who judges instead and whom to ask ({term}, {unit}, {phone}); `named` then points
     * to where the notice writes each element system the question names ({thing}, {list} of `item`s: {category},
     * {clause}, joined by `separator`). `clause` and `find` cite who judges.
     */
    termClassed: z
      .object({
        lead: z.string(),
        named: z.string(),
        item: z.string(),
        separator: z.string(),
        clause: z.string().min(1),
        find: z.string().min(1),
      })
      .optional(),
    /** A question with no Chinese the understanding step could read (pinyin it could not map, other letters): ask for Chinese. */
    unreadable: z.string().optional(),
    /**
     * A trade named with a question whether it is manufacturing or may apply (answer-base fill tradeScope):
     * `manufacturing` for a division 13—43, `other` for a division outside manufacturing ({said}, {code},
     * {name}; `manufacturingLead` before an answer of its own), `unsure` for a kind of enterprise that may be either or for trades of both kinds ({said}).
     * `isWords` ask whether it is manufacturing (「算制造业吗」), answered with `yesIs`/`noIs`; otherwise the
     * question asks whether it may apply, answered with `yesCan`/`noCan`. `quotes` are the passages of the
     * clause (`clause`) that prove it.
     */
    /**
     * A thing the question asks to be needed (answer-base fill notRequired), named as asked: {said}.
     * `suffixes` are the words that go on naming it after a required word (认证 after ISO9001).
     */
    notRequired: z.object({ lead: z.string(), suffixes: z.array(z.string().min(1)) }).optional(),
    trade: z
      .object({
        clause: ClauseId,
        quotes: z.array(z.string().min(2)).min(1),
        isWords: z.array(z.string().min(1)).min(1),
        yesIs: z.string(),
        yesCan: z.string(),
        noIs: z.string(),
        noCan: z.string(),
        manufacturing: z.string(),
        /** The same said before an answer that states the conditions itself (tradeScopeAfter). */
        manufacturingLead: z.string(),
        other: z.string(),
        unsure: z.string(),
      })
      .optional(),
  }),
  intents: z.array(
    z.object({
      id: z.enum(['industryType', 'reapplication', 'perYear', 'quota', 'deadline', 'format', 'video', 'photos', 'contact']),
      trigger: Trigger,
      none: z.array(z.string()).optional(),
      regionTrigger: z.array(z.string()).optional(),
      answer: z.string().optional(),
      answers: z.record(z.string(), z.string()).optional(),
      regionAnswer: z.string().optional(),
      groupPart: z.string().optional(),
      countyNote: z.string().optional(),
      /** After a quota asked of enterprises of one trade (「郑州能推荐几家做汽车零部件的企业」): {industry}, as said. */
      industryNote: z.string().optional(),
      /** Before a 市辖区's quota, which is its 省辖市's: {name}, {prefecture}. */
      districtNote: z.string().optional(),
      districtAnswer: z.string().optional(),
      /** The counties of a named 省辖市, asked without naming one: {prefecture}, {max} (the county quota), {cityMax}. */
      countyOfCityAnswer: z.string().optional(),
      /** A county asked about without a name and without a 省辖市 (「我们县能推荐几家」): {max}. */
      countyAnswer: z.string().optional(),
      /**
       * A question that compares the quotas it names (「济源跟县里一样吗」) is answered 一样/不一样 first:
       * {max} in `same`, the quotas themselves after either.
       */
      compare: z
        .object({
          words: z.array(z.string()).min(1),
          same: z.string(),
          differ: z.string(),
          /**
           * A regular expression for asking which of them has more or fewer (「谁多」「哪个名额多」「比洛阳少几家」),
           * which compares them as the words do and is answered by `more`.
           */
          which: z
            .string()
            .refine((p) => {
              try {
                return Boolean(new RegExp(p, 'u'));
              } catch {
                return false;
              }
            }, '须是正则表达式')
            .optional(),
          /** Two different quotas asked which is more: {first} and {firstMax} the larger, {second}, {secondMax}, {diff}. */
          more: z.string().optional(),
        })
        .optional(),
      /** 「航空港区跟郑州市名额是分开的吗」: two recommending units named, each with its own quota: {names}. */
      separate: z
        .object({
          words: z.array(z.string()).min(1),
          answer: z.string(),
          /** A 市辖区 named beside its own 省辖市 (「金水区和郑州市是分开算的吗」): {district}, {prefecture}, {max} (the city's quota). */
          within: z.string().optional(),
          /** A 市辖区 asked whether it is counted in its own 省辖市 (「金水区算不算郑州的」): the same placeholders as `within`. */
          countedWithin: z.string().optional(),
          /**
           * Asked whether one named place's quota is counted in another's (「巩义的名额算郑州的吗」「兰考推的企业占不占开封的名额」,
           * 「郑州的20家包不包括巩义」): `counts` recognises the asking, `apart` answers it ({names}), and `countyApart`
           * follows when a 县 or 县级市 is one of them ({unit}, {phone}).
           */
          counts: Pattern.optional(),
          apart: z.string().optional(),
          countyApart: z.string().optional(),
          /** Asked as a choice (「算新乡的还是单独算」): `choiceWords` recognise it, `choice` answers it by naming the choice ({names}). */
          choiceWords: z.array(z.string().min(1)).optional(),
          choice: z.string().optional(),
        })
        .optional(),
      allAnswer: z.string().optional(),
      /**
       * An enterprise asking how many it may apply for, with no place named (「俺们能报几家」): `asks` recognises
       * the question as read (fillers such as 我们 already gone); `answer` opens with the one-a-year limit of
       * `clause` (quoted by `quote`) before the places' quotas ({perYear}, {quotaAll}, {overQuota}).
       */
      applicant: z.object({ asks: Pattern, answer: z.string(), clause: ClauseId, quote: z.string() }).optional(),
      quote: z.string().optional(),
      clause: ClauseId.optional(),
      clauses: z.array(ClauseId).optional(),
    }),
  ),
});
export type IntentsFile = z.infer<typeof IntentsFile>;
export type RetrievalHint = IntentsFile['retrievalHints'][number];
