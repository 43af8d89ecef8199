import { z } from 'zod';
import { CapabilityId, Category } from '../../schemas/profile';

/**
 * Schemas of the application-form knowledge: one spec per 申报书 (附件1/2/3), the
 * form-phase questions, and the phrases the offline drafter uses for each capability.
 * The layout of section 一 is described as typed blocks so the DOCX renderer can rebuild
 * the bordered table of the original without any clause text in code.
 */

/** Attachment clause ("附件2.一(二)") or, for materials, a clause of the notice body ("四(二)"). */
const ClauseRef = z
  .string()
  .regex(/^(附件[123](\.[一二三四五](\([一二三四五六七八九十]+\))?\d*)?|[一二三四五](\([一二三四五六七八九十]+\))?\d*)$/, '应为条款编号，如 "附件2.一(二)" 或 "四(二)"');

export const FieldKind = z.enum(['text', 'number', 'date', 'table', 'narrative']);

export const Target = z.object({
  /** The form's own words, e.g. "400字左右". */
  text: z.string(),
  nominal: z.number().int().positive(),
  min: z.number().int().positive(),
  max: z.number().int().positive(),
});
export type Target = z.infer<typeof Target>;

const Provenance = {
  /** True where our copy of the notice is truncated and the field was reconstructed. */
  inferred: z.boolean().optional(),
  note: z.string().optional(),
};

export const FormField = z.object({
  id: z.string().regex(/^[a-zA-Z][\w.]*$/),
  label: z.string().min(1),
  clause: ClauseRef,
  kind: FieldKind,
  unit: z.string().optional(),
  /** Hint text printed in the cell, verbatim from the form (with its brackets). */
  hint: z.string().optional(),
  target: Target.optional(),
  /** FormFacts path that fills a plain field ("contact.name", "project.investment"). */
  fact: z.string().optional(),
  /** FormFacts path that fills the field when `fact` is not given: 附件1's 车间名称 is the applying workshop's own name. */
  orFact: z.string().optional(),
  /** Narrative fields are drafted; this is the draft section id. */
  section: z.string().optional(),
  /** Element of 三 the cell answers ("三(二)3"), used to flag unmet elements. */
  element: z.string().optional(),
  capabilities: z.array(CapabilityId).optional(),
  ...Provenance,
});
export type FormField = z.infer<typeof FormField>;

export const MatrixRow = z.object({
  id: z.string(),
  label: z.string(),
  unit: z.string().optional(),
  /** FormFacts path template; "{col}" is replaced by the column key. */
  fact: z.string().optional(),
  /** Before/after indicator the row shows (效益指标); its ratio column is computed. */
  indicator: z.string().optional(),
  side: z.enum(['before', 'after']).optional(),
  /** Computed rows name their computation; the formula is printed beside the value. */
  computed: z.enum(['debtRatio', 'changeRatio']).optional(),
  ...Provenance,
});

export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), text: z.string(), clause: ClauseRef, ...Provenance }),
  /** Rows of one or two label/value pairs; `group` is a label merged down the left of all rows. */
  z.object({ type: z.literal('pairs'), group: z.string().optional(), rows: z.array(z.array(FormField).min(1).max(2)).min(1) }),
  /** A header row and value rows: 近三年主要经济指标, 效益指标, 企业负责人. */
  z.object({
    type: z.literal('matrix'),
    id: z.string(),
    label: z.string(),
    clause: ClauseRef,
    group: z.string().optional(),
    columns: z.array(z.object({ key: z.string(), label: z.string() })).min(1).max(4),
    rows: z.array(MatrixRow).min(1),
    note: z.string().optional(),
    inferred: z.boolean().optional(),
  }),
  /** Label + long answer cells; `group` merges a label down the left (研发设计). */
  z.object({ type: z.literal('cells'), group: z.string().optional(), fields: z.array(FormField).min(1) }),
  /** 车间建设: the same cells repeated for every workshop the enterprise names. */
  z.object({
    type: z.literal('workshops'),
    group: z.string(),
    clause: ClauseRef,
    nameLabel: z.string(),
    fields: z.array(FormField).min(1),
    ...Provenance,
  }),
  z.object({
    type: z.literal('statement'),
    id: z.string(),
    label: z.string(),
    clause: ClauseRef,
    text: z.string(),
    signLines: z.array(z.string()),
    ...Provenance,
  }),
]);
export type Block = z.infer<typeof Block>;

export const NarrativeItem = z.object({
  id: z.string(),
  clause: ClauseRef,
  title: z.string(),
  hint: z.string(),
  section: z.string(),
  kind: z.literal('narrative').default('narrative'),
  ...Provenance,
});

export const ChecklistItem = z.object({
  id: z.string(),
  clause: ClauseRef,
  title: z.string(),
  detail: z.string(),
  where: z.string().optional(),
  /** Items the 四 list does not name but the notice or blocks require (signatures, seals). */
  fromText: z.boolean().optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const FormSpec = z.object({
  category: Category,
  attachment: z.enum(['附件1', '附件2', '附件3']),
  title: z.string(),
  subtitle: z.string().optional(),
  /** "智能车间" or "智能工厂", used in headings and drafted sentences. */
  unitNoun: z.string(),
  /** Where our copy of the form is incomplete, what was reconstructed and from what. */
  provenance: z.string().optional(),
  cover: z.object({ fields: z.array(FormField).min(1), issuer: z.string(), issuerSuffix: z.string() }),
  section1: z.object({ title: z.string(), clause: ClauseRef, blocks: z.array(Block).min(1) }),
  section2: z.object({ title: z.string(), clause: ClauseRef, items: z.array(NarrativeItem).min(1) }),
  section3: z.object({
    title: z.string(),
    clause: ClauseRef,
    items: z.array(NarrativeItem).min(1),
    /** The 三 elements of the notice this form is written against, in order. */
    elements: z
      .array(
        z.object({
          clause: z.string(),
          title: z.string(),
          capabilities: z.array(CapabilityId),
          /** 三(一)4 asks different things of discrete and process workshops. */
          byMode: z.object({ discrete: z.array(CapabilityId), process: z.array(CapabilityId) }).optional(),
        }),
      )
      .min(1),
  }),
  section4: z.object({ title: z.string(), clause: ClauseRef, items: z.array(ChecklistItem).min(1) }),
  /** Materials the notice requires that the 四 list does not number (seals, signatures). */
  extraChecklist: z.array(ChecklistItem).default([]),
});
export type FormSpec = z.infer<typeof FormSpec>;

export const FormQuestion = z.object({
  id: z.string().regex(/^form\.[\w.{}]+$/, '申报书问题的 id 以“form.”开头'),
  text: z.string(),
  kind: z.enum(['number', 'text', 'date', 'multiChoice', 'choice']),
  fact: z.string(),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /**
   * The span a figure covers: a year's total (营业收入, 年产值) or a day's rate (运营成本 in 万元/天). A reply that
   * says another span (「一个月六千万」 to a year's revenue) is asked back rather than converted.
   */
  period: z.enum(['year', 'day']).optional(),
  /**
   * The range, in the field's unit, a figure of any applicant falls in. It decides between the two readings of a
   * 万 inside a numeral (「十万五」 is 10.5 万元 with 万 as its unit, 105000 万元 with 万 as a place): the one reading
   * inside the range is kept; when both are, or the field has no range, the reply is asked back.
   */
  plausible: z.object({ min: z.number().optional(), max: z.number().optional() }).optional(),
  help: z.string().optional(),
  /** What the field asks for, said to an applicant who asks (「啥叫资本性质」): a plain sentence, without the choices. */
  means: z.string().min(1).optional(),
  /**
   * How the figure a field of a share or a rate is worked out (主营产品's share of 营业收入, 不良品率), said to an applicant
   * who asks at the field how it is computed (「这个比例怎么算」): the field's own figure, never another field's formula.
   */
  how: z.string().min(1).optional(),
  /** A clause of the chosen form without its attachment prefix ("一(一)"): the same question serves 附件1, 2 and 3. */
  clause: z.string().regex(/^[一二三四]/, '申报书问题的条款编号相对于该申报书，如“一(一)”').optional(),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  /**
   * The choices a plain yes or no picks (「有」, 「对的」, 「不」 to 「是否现在继续填写…？」), read with the interview's own
   * answer words: a choice question worded as a yes/no question is answered the way the interview's are.
   */
  plainAnswers: z.object({ yes: z.string(), no: z.string() }).optional(),
  /**
   * A text field whose value is one of the names listed (资本性质: 民营, 国有控股…): a reply is stored as the listed name
   * it says (「俺们是民企」 as 民营; after 不是X是Y, the Y), and a reply naming none is asked back, never stored as typed.
   */
  named: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]) })).optional(),
  /** Categories that need it; absent = all. */
  categories: z.array(Category).optional(),
  /** "workshop": asked once per workshop, "{i}" in id/fact/text is the 1-based workshop number. */
  repeat: z.literal('workshop').optional(),
  /** "element": asked once per element cell of the chosen form (id/fact use "{field}"). */
  perElementCell: z.boolean().optional(),
  /** phone: a mobile or a landline with its area code; mobile: a mobile number only. */
  validate: z.enum(['creditCode', 'money', 'date', 'email', 'phone', 'mobile', 'percent', 'count']).optional(),
  /** A one-line field (a name, an address): a longer text or a sentence is asked back, not stored. Absent = a narrative. */
  maxLength: z.number().int().positive().optional(),
  /**
   * A one-line field that holds a few short items (职务和职称: 「总经理，高级工程师」): a reply of short parts split by
   * commas is those items, printed joined by 、, not a sentence asked back.
   */
  items: z.boolean().optional(),
  /** The interview question that already gives this fact: asked only when the interview did not. */
  derivedFrom: z.string().optional(),
  /**
   * The interview question that gives this date's year only (ent.foundedYear) and the form fact that holds
   * that year until the date is given (foundedYear): the form still asks for the date, in `textWithYear`
   * ({year} filled) so that the user sees the year is known and what is missing, and the draft states the year.
   */
  yearFrom: z.object({ question: z.string().regex(/^ent\.[A-Za-z.]+$/), fact: z.string() }).optional(),
  textWithYear: z.string().includes('{year}').optional(),
  /** What a skip of the date leaves in the form while the year is known (「申报书先写{year}年，月份待补充」). */
  skippedWithYear: z.string().includes('{year}').optional(),
  /**
   * A fact the enterprise has not got while an interview answer holds (a 分公司's licence carries no
   * 注册资本): not asked, and drafted as `note` rather than as a request for it. `fact` is the drafting
   * profile's path that interview question sets.
   */
  notApplicable: z
    .object({ question: z.string().regex(/^ent\.[A-Za-z.]+$/), fact: z.string().regex(/^enterprise\.[A-Za-z.]+$/), value: z.union([z.boolean(), z.string()]), note: z.string().min(1) })
    .optional(),
  /** Form questions whose answers let the system compute this value: not asked once they are all given. */
  computedFrom: z.array(z.string()).optional(),
  /** Questions of one group (a financial year) can be skipped together in one step. */
  group: z.string().optional(),
  /**
   * The form field (its id in forms/*.json) this answer is written into when it has no cell of its
   * own, the first one the chosen form has: the form view shows the question beside it.
   */
  feeds: z.array(z.string()).min(1).optional(),
  /**
   * Words that name this field in a reply to another question (「联系人电话」, 「2022年营收」): the value
   * after them fills this field too. A reply to this question may open with them; they are not its value.
   */
  saidAs: z.array(z.string().min(1)).optional(),
  /** How precise a date the form prints: a month (建设开始日期, 2020-03) or a day (成立时间, 2009-05-18). */
  precision: z.enum(['month', 'day']).optional(),
  /**
   * The kind of value a one-line text field takes where a reply may carry another kind beside it or instead: a post
   * (联系人职务) takes a job title, so the person's name and phone said at it (「联系人王敏，电话138…」) go to their own fields
   * of the same person and the post is asked again.
   */
  takes: z.enum(['post']).optional(),
  /** The thing a count field counts (`countedThings`' thing: 车间, 人): a count of another thing said at it is asked back. */
  counts: z.string().min(1).optional(),
  /**
   * What one part of this count is called (a kind of machine, a line, a department) and what its whole is called in an
   * ask-back (全车间, 全企业): a reply giving one part's figure with no whole said (「3号线有40台」, 「机器人40台」) is asked
   * whether it is the whole, never stored as the total. A line, a building or a section named by its number is such a
   * part of any count that has `parts`, whatever `words` hold. `models`: a model name (「S7-1200」「KR-210」) names one
   * kind of this count as a part word does, so 「S7-1200两套」 is asked back as a part's figure too.
   */
  parts: z.object({ words: z.array(z.string().min(1)).default([]), whole: z.string().min(1), models: z.boolean().optional() }).optional(),
  /**
   * The kinds this count is the sum of, each with the words that name it and the question that asks its own figure if the
   * form has one (发明 → 其中发明专利): 「发明专利6项，实用新型15项」 fills each kind asked and the count with their sum, and a
   * whole said beside them (「有21项专利，其中发明6项」) is the count. A clause with one of `notCounted` (申请中) counts none.
   * One kind's figure alone at the count (「实用新型15项」) is asked whether it is the whole.
   */
  kinds: z
    .object({
      of: z.array(z.object({ words: z.array(z.string().min(1)).min(1), question: z.string().regex(/^form\./).optional() })).min(2),
      notCounted: z.array(z.string().min(1)).default([]),
      /** The whole as an ask-back names it, when one kind's figure alone is said at the count (全部有效专利). */
      whole: z.string().min(1),
    })
    .optional(),
  /**
   * The question asking each item's name, with {i} for its number (车间{i}的名称), and the words such a name ends with
   * (车间): 「两个：一车间和装配车间」 to this count fills the count and each name in order.
   */
  itemNames: z.object({ question: z.string().includes('{i}'), ends: z.array(z.string().min(1)).min(1) }).optional(),
  /**
   * This count asks the figure as it is now (企业现有员工): a figure said of another time (`otherTimes`: 建设后, 预计) is asked
   * back, never stored as now's; a clause with one of `nowWords` (现在, 目前) beside it is the one read.
   */
  now: z.object({ otherTimes: z.array(z.string().min(1)).min(1), nowWords: z.array(z.string().min(1)).min(1) }).optional(),
  /** What a checked text field wants, said when a reply of another kind is typed (「2015年」 where the credit code is asked). */
  wants: z.string().min(1).optional(),
  /** Like `saidAs`, but only in a reply to a question of the same person or year (the id without its last part): 「电话」 to a 联系人 question. */
  nearSaidAs: z.array(z.string().min(1)).optional(),
  /** Words after a value that say which field it is (「2009年3月成立的」): a piece of a reply that ends with one is read as this field's value. */
  saidAfter: z.array(z.string().min(1)).optional(),
  /**
   * A date of something that may not have happened yet (建设完成日期): a reply with one of `words` (还在建, 还没建完)
   * says it is still under way, one with a `planned` word and a date (预计明年六月完工) gives the date planned.
   * Either is recorded as under way; with no date, the planned date is asked once in `ask`. `years` are the words
   * of a year to come (明年 +1) beside the form's relative years. `shown` reads the answer back with no date.
   */
  underway: z
    .object({
      words: z.array(z.string().min(1)).min(1),
      planned: z.array(z.string().min(1)).default([]),
      years: z.record(z.string().min(1), z.number().int()).default({}),
      ask: z.string().min(1),
      shown: z.string().min(1),
    })
    .optional(),
  /**
   * Words that name a free-text field in a reply that takes its answer back (「发展历程写错了，应该是…」), typed at any
   * question or at none. Not read in passing, as `saidAs` is: a story's words (主营业务, 荣誉) open many replies about
   * other fields.
   */
  correctedAs: z.array(z.string().min(1)).optional(),
  /**
   * Words opening a piece of a reply that this narrative field takes whole, words and figures (「研发投入2021年800万，
   * 2022年1000万」 for 研发队伍、科研成果…): a fact the form has no cell of its own for, said at any question. The main
   * products' share said together (「主营产品一共占营收九成五」) is taken so by the products' field, whose list it closes.
   */
  takesPiecesOn: z.array(z.string().min(1)).optional(),
  /**
   * What a none (「没有」「暂时没有」) to this count means. 'zero': the enterprise has none, so 0 is its answer (专利,
   * 联网设备). 'skip': the thing cannot be none (a workshop has equipment, an enterprise staff), so the none says the
   * figure is not at hand, and the field is put off. Unset: a plain 「没有」 is 0 and a hedged one is asked back.
   */
  noneMeans: z.enum(['zero', 'skip']).optional(),
  /**
   * What a one-line field holds when the enterprise has none of the thing (传真: 无): many have none, and the form then
   * prints this word, a real answer, rather than a gap to fill. A none said of it (「无」「没有传真」「传真早就不用了」) is
   * stored as this word, never as a skip.
   */
  noneAnswer: z.string().min(1).optional(),
  /**
   * A date of something the form states as done (建设完成日期): a date later than the day of speaking or than the
   * notice's deadline is recorded with a note that says so (messages' `lateDate`); an earlier one is recorded silently.
   */
  happened: z.boolean().optional(),
  /**
   * The mobile-number field of the same person: a mobile number (1 and ten digits) given for this
   * field fills that one too while it is unanswered, so the same number is not asked for twice.
   */
  mobileFills: z.string().regex(/^form\./).optional(),
});
export type FormQuestion = z.infer<typeof FormQuestion>;

const FormWords = z.array(z.string().min(1)).min(1);

/**
 * How the form phase reads a short reply: `skip` words make up a whole reply that leaves the
 * field empty (「跳过」, 「不清楚」); `later` and `goOn` answer the gate that asks whether to fill
 * the form now (`goOnStarts` only at the start: 「好的，继续」; `goOnWhole` only as the whole reply: 「中」); `noData` says a whole year has no
 * figures, alone or as a `noDataPairs` pair in one reply (「这一年…没有」); `questionStarts` begin a
 * question rather than an answer.
 */
export const FormVocabulary = z.object({
  $comment: z.string().optional(),
  skip: FormWords,
  /**
   * Words of a short reply that says the fact is not known now (「记不清了」, 「回头问问财务」): with no figure
   * in it, such a reply skips the field as 「不清楚」 does, rather than being asked back or stored as text.
   */
  notKnownNow: z.array(z.string().min(1)).default([]),
  /**
   * Words that put the asked field off when a clause opens with them, or ends with them after the field's own name
   * (「先跳过研发描述」「信用代码回头再填」): the clause is a skip, never the field's text.
   */
  skipVerbs: z.array(z.string().min(1)).default([]),
  later: FormWords,
  goOnStarts: FormWords,
  goOn: FormWords,
  /** Words that go on only as the whole reply (Henan 「中」 is yes, 「中午」 and 「中不中？」 are not). */
  goOnWhole: z.array(z.string().min(1)).default([]),
  /**
   * Once the gate was answered 以后再填, a reply with nothing asked that goes on (`goOn`) and names the form or going on
   * with one of these (「继续填写申报书」「我现在要接着填申报书」) takes the form up again; a bare 「好的」 after the verdict does not.
   */
  resumeWords: z.array(z.string().min(1)).default([]),
  noData: FormWords,
  noDataPairs: z.array(z.tuple([FormWords, FormWords])),
  questionStarts: FormWords,
  /**
   * Chinese surnames, compound ones included: a reply to a person's name question is a name only when it
   * opens with one, so 「他很忙」 or 「联系人很忙」 is asked back rather than stored as the name 很忙.
   * Empty: any two to five Han characters read as a name.
   */
  surnames: FormWords.default([]),
  /** Words a job title ends with (主任, 经理…): 「王建国 办公室主任」 to a name question is a name and a title. */
  titles: FormWords.default([]),
  /**
   * Further endings of a post that are not a title after a name (文员, 副总, 财务): a piece of a reply to a post question
   * that ends with one, or with a title, is the post, never read as a person's name.
   */
  postEnds: FormWords.default([]),
  /**
   * The post a short form of address stands for after a surname (「刘总」 → 总经理, 「张工」 → 工程师): at a post question
   * the reply is that post, and the surname alone is no name the form can print.
   */
  addressPosts: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * How 所属行业 is stored: `saidWithDivision` the enterprise's own word for its industry (汽车零部件: {said}) with the
   * GB/T 4754 division it falls in ({division}, {code}); `codeClass` a class code typed ({code}: C3670) after its
   * division's name. A division code alone is stored as the division's name.
   */
  industryWords: z
    .object({ saidWithDivision: z.string().includes('{said}').includes('{division}'), codeClass: z.string().includes('{division}').includes('{code}') }),
  /**
   * A name question answered with a surname and a form of address (「刘总」): `kind` says what it is, `wanted` asks for
   * the full name ({field}: the name field, {surname}: the surname said, {post}: `post` filled, or nothing), `post`
   * offers the post an `addressPosts` address stands for ({post}) for the post field.
   */
  addressedName: z
    .object({ kind: z.string().min(1), wanted: z.string().includes('{field}').includes('{surname}'), post: z.string().includes('{post}') }),
  /**
   * An address typed where a checked text field (the credit code) is asked: `label` is its kind as said back (地址),
   * `question` the address field it may fill while that is empty, `places` the words of a place (省, 市, 区, 县) and
   * `streets` those of a street or a number (路, 街, 号): a reply with no run of the field's own characters that holds one
   * of each, or two streets, is read as an address, never checked as the field's value.
   */
  addressKind: z.object({ label: z.string().min(1), question: z.string().min(1), places: FormWords, streets: FormWords }).optional(),
  /** Words that open what a post covers (「副总，分管生产」): a post and one such part after a comma is the post as typed. */
  postScopes: FormWords.default([]),
  /**
   * Words that open with a surname but are not names (马上, 周一, 高兴, 钱不够): a reply to a name question
   * that is one of them, or one followed by two or more characters (「马上发你」), is asked back. One more
   * character alone still reads as a name, so 周一围 or 高兴华 stay names.
   */
  notNames: z.array(z.string().min(1)).default([]),
  /**
   * How transliterated names often begin (阿不都, 买买提, 扎西): a six to eight character Han reply to a
   * name question without its 「·」 (「阿不都热合曼」) reads as a name only when it opens with one.
   */
  transliterationStarts: z.array(z.string().min(1)).default([]),
  /**
   * How a description typed after the industry opens (主要做, 做, 主要是): 「通用设备制造 主要做减速机」 names the industry
   * and what the enterprise makes. Without one of them the words after the name are part of the industry's own name.
   */
  businessLeads: z.array(z.string().min(1)).default([]),
  /** Words before a lead that say who makes it (俺们, 我们, 公司): dropped with the lead. */
  businessSpeakers: z.array(z.string().min(1)).default([]),
  /**
   * How an enterprise's full name ends (有限公司, 股份有限公司, 厂): 「我们是河南鑫达机械有限公司」 said anywhere in the
   * conversation names the enterprise, so its 企业全称 is offered to the form and not asked again.
   */
  nameEndings: z.array(z.string().min(1)).default([]),
  /** Words before a full name that say it is the speaker's own enterprise (我们是, 我是, 我们公司叫). */
  nameLeads: z.array(z.string().min(1)).default([]),
  /** Words that may follow a full name opening a clause and say it is the enterprise spoken of (成立, 位于, 是). */
  nameFollowers: z.array(z.string().min(1)).default([]),
  /** Words after a product lead that say it speaks of something else than products (主要生产线, 主要生产设备). */
  notProducts: z.array(z.string().min(1)).default([]),
  /** What a service's name ends with (配套服务, 设备维修): an item of the kind is what the enterprise provides, never a product it makes. */
  services: z.array(z.string().min(1)).default([]),
  /** Words that open what the enterprise makes (主要产品是, 主要生产): 「主要生产减速机齿轮」 said anywhere gives 主营产品. */
  productLeads: z.array(z.string().min(1)).default([]),
  /** The 主营业务 written from that description ({what}: what the enterprise makes), offered for the field while it is empty. */
  businessFromIndustry: z.string().includes('{what}').default('主要生产{what}'),
  /** Figure words the form asks for by year (营收): said in passing without a year (「去年营收3.2亿」) they are not recorded, and the user is told why. */
  yearlessFigures: z.array(z.string().min(1)).default([]),
  /** Words before a yearless figure word that still leave its year unsaid (去年, 全年). */
  yearlessBefore: z.array(z.string().min(1)).default([]),
  /**
   * Years said relative to the notice's (去年 −1, 前年 −2, 今年 0), each with its offset: 「去年营收」 names the
   * form's year before the notice's (2022 for the 2023 notice), so it fills that year's figure.
   */
  relativeYears: z.record(z.string().min(1), z.number().int()).default({}),
  /** Words naming something the form does not ask for (邮编): said in passing, not recorded, and the user is told. */
  notOnForm: z.array(z.string().min(1)).default([]),
  /**
   * Words naming another body than the enterprise (集团, 母公司, 合并报表): a figure said of it is not the
   * enterprise's, and an honour held by it is not the enterprise's either.
   */
  otherEntityWords: z.array(z.string().min(1)).default([]),
  /** Words naming the enterprise itself (我们公司, 本公司, 自己): the figure of a clause with one is its own. */
  ownEntityWords: z.array(z.string().min(1)).default([]),
  /** Words saying an honour is not held (yet): applied for, failed, planned (正在申报, 未通过, 还没有). */
  notHeldWords: z.array(z.string().min(1)).default([]),
  /**
   * Words saying a production line is not built or not yet running (在建, 还没投产, 明年上): such a line is no line the
   * workshop 涵盖; `builtWords` (已投产) say it runs, and are taken off the line's name.
   */
  lineNotBuiltWords: z.array(z.string().min(1)).default([]),
  lineBuiltWords: z.array(z.string().min(1)).default([]),
  /** Whole replies to a free-text question that carry no content to print (有, 暂无, 同上): asked back, never printed. */
  /** Words that say the span a figure covers, for the fields with a `period`. */
  periodWords: z.object({ day: z.array(z.string().min(1)), month: z.array(z.string().min(1)), year: z.array(z.string().min(1)) }).default({ day: [], month: [], year: [] }),
  /**
   * Replies that point at an answer already given (「同上」「跟前面一样」): the nearest earlier field of the same kind
   * (an address, a phone, a figure in the same unit) gives the value; with none, the reply is asked back.
   */
  sameAsReplies: z.array(z.string().min(1)).default([]),
  /**
   * The kinds of value a reply may state by its marks (90天, 百分之八十五, 三千元, 四个, 2015年): a figure field wants
   * the kind its unit names, and a reply of another kind is told what the field wants, never stored. `before`: the
   * mark may come before the numeral (百分之).
   */
  unitKinds: z
    .array(
      z.object({
        kind: z.string().min(1),
        label: z.string().min(1),
        units: z.array(z.string()),
        validates: z.array(z.string()).optional(),
        marks: z.array(z.string().min(1)).min(1),
        before: z.boolean().optional(),
        /** Words a figure of this kind is said of, right before it (研发投入, 产值: 「研发投入1800万」 is an amount without 元). */
        nouns: z.array(z.string().min(1)).optional(),
        /** The kind is a series of figures, one per year (「2020到2022年…分别是…」): said by its marks or by two years with two figures. */
        series: z.boolean().optional(),
      }),
    )
    .default([]),
  /**
   * The things a count field counts (`counts` on a question), with the measure words said after a numeral (条, 台) and the
   * words that name them: 「已建成5条自动化生产线」 counts 生产线, so it is no count of 车间, and is asked back there.
   * `label` names the count in the ask-back. A measure of several things (套) names none by itself; 个 names none.
   */
  countedThings: z.array(z.object({ thing: z.string().min(1), label: z.string().min(1), words: z.array(z.string().min(1)).min(1), measures: z.array(z.string().min(1)) })).default([]),
  /**
   * Parts of the form a reply may put off at once (「车间的先跳过」「财务的先跳过」): the section's words, the question ids
   * it holds (`pattern`), and for a per-workshop section the words that name the one workshop asked (「这个车间」).
   */
  sections: z
    .array(
      z.object({
        id: z.string().min(1),
        words: z.array(z.string().min(1)).min(1),
        pattern: z.string().min(1).refine((p) => { try { new RegExp(p); return true; } catch { return false; } }, '不是有效的正则表达式'),
        oneWords: z.array(z.string().min(1)).optional(),
        /**
         * The part's name on the form view's skip button (「财务数据先跳过」); for a per-workshop part, with {i} for the
         * workshop's number, and `oneLabel` for a form that applies for one workshop (附件1). Else its first word.
         */
        label: z.string().min(1).optional(),
        oneLabel: z.string().min(1).optional(),
      }),
    )
    .default([]),
  /**
   * Runs of fields the form prints together (a workshop's three equipment counts, a before/after pair of an indicator, the
   * enterprise's own table): what 「这几栏先空着」 puts off, rather than the whole part of the form the field is in.
   * A per-workshop run is put off for the asked workshop only. A question's `group` (a year's figures) is its run first.
   */
  tables: z
    .array(z.object({ id: z.string().min(1), pattern: z.string().min(1).refine((p) => { try { new RegExp(p); return true; } catch { return false; } }, '不是有效的正则表达式') }))
    .default([]),
  /** Words around a section's name that change nothing of a skip (的, 都, 后面这些). */
  sectionFillers: z.array(z.string().min(1)).default([]),
  /**
   * Words that point at the asked field (这个, 这一项) or at the part of the form it is in (这一部分, 这块), and words that
   * move on past it (下一个) or past that part (下一部分): before a skip (「这个以后再说」「这块先不填」), or alone for
   * the moving on, they put off the field or every unanswered question of its part. They are never a value.
   */
  thisField: z.array(z.string().min(1)).default([]),
  thisSection: z.array(z.string().min(1)).default([]),
  /**
   * Words that point at the fields shown together with the asked one (这几栏, 这些, 这一块): before a skip they put off
   * that run (`tables`, or the question's group), and the whole part only when the field has no run of its own.
   */
  theseFields: z.array(z.string().min(1)).default([]),
  /**
   * Whole replies that only agree (是, 对, 就这些): to an ask-back that offered one value to send (「如果全车间就是这些，请回复
   * “40台”」) they send it; to one that offered several they are asked which. Never a field's value.
   */
  yesReplies: z.array(z.string().min(1)).default([]),
  nextField: z.array(z.string().min(1)).default([]),
  nextSection: z.array(z.string().min(1)).default([]),
  /**
   * Words that open an afterthought (对了, 补充一下, 忘了说): they say nothing of the value, so a reply is read without
   * them, and the field named after them (「对了法人电话是…」 while the address waits) is the one the reply fills.
   */
  /**
   * Words that make a figure of a count the whole (「全车间一共180台」) beside parts of it (「3号线有40台」): the whole is
   * the count asked; several parts with no whole are asked back with their sum, never the first taken.
   */
  wholeWords: z.array(z.string().min(1)).default([]),
  /**
   * What a whole short reply to a free-text field is when it is plainly another field's (「办公室主任」 at 发展历程, a
   * person's name at 主营业务): the kinds said back, and what such a field wants instead. The reply is asked back.
   */
  /**
   * A count said where a name, an address or a post is asked (「二十七个」「技术人员八十几个」): what a count is called in the
   * ask-back, and the measure words that make a figure a count besides countedThings' own (个, 家).
   */
  countReply: z.object({ label: z.string().min(1), measures: z.array(z.string().min(1)) }).optional(),
  storyReplyKinds: z
    .object({ post: z.string().min(1), person: z.string().min(1), unitName: z.string().min(1).optional(), wanted: z.string().min(1) })
    .default({ post: '职务', person: '人名', wanted: '文字说明' }),
  /**
   * What a workshop's or a factory's name ends with (机加车间, 二分厂, 3号厂房): a whole short reply of such a name to a
   * story's field or a cell's description names the unit and describes nothing. It is kept as the workshop's name where
   * the cell is a workshop's and that name is not given yet, and the description is asked back.
   */
  unitNameEndings: z.array(z.string().min(1)).default([]),
  /**
   * How far something reaches, said alone (全车间, 全厂, 所有车间): a whole reply of one describes nothing, so a story's
   * field asks for its facts; and a reply that opens with one is never a person's name (全 is a surname too).
   */
  scopeReplies: z.array(z.string().min(1)).default([]),
  afterthoughtLeads: z.array(z.string().min(1)).default([]),
  /**
   * Words before a phone number that only say whose or which phone it is (就是, 他, 手机, 号码): at a phone field
   * 「就是他手机139…」 gives the number, the words before it are dropped.
   */
  phoneLeads: z.array(z.string().min(1)).default([]),
  /**
   * Words that point at an earlier reply (刚才那句, 上一条, 前面说的): a reply opening with them talks about that reply
   * (「刚才那句是2021年财务数据，不是发展历程」), so it is read as a correction and never stored as a field's text.
   */
  earlierReplyWords: z.array(z.string().min(1)).default([]),
  /**
   * Words that make a reply at a field a question about that field (啥叫, 什么意思, 怎么填): with the field's name, 这个,
   * or nothing else, the reply is answered from the field's `means`, `help` and named choices and never stored.
   */
  fieldQuestionWords: z.array(z.string().min(1)).default([]),
  /**
   * Words that lead an object said with 几个 or 几家 (给, 跟, 和, 还有): followed by more of its clause (「也给几个房地产商做精装配套」)
   * the 几 says "several", so a reply at a field states and asks nothing; 「有几个车间」 and 「要写几个客户」 still ask.
   */
  severalBefore: z.array(z.string().min(1)).default([]),
  /** Words that ask how a figure is worked out (怎么算, 如何计算): at a field with `how`, a question about that field. */
  computeWords: z.array(z.string().min(1)).default([]),
  /** Words that name a share or a rate (比例, 占比, 比重): at a field with `how`, they name the field's own figure. */
  ratioWords: z.array(z.string().min(1)).default([]),
  /** Words after a skip that put the answer off to later (回头再补): the skip still stands. */
  deferWords: z.array(z.string().min(1)).default([]),
  contentlessReplies: z.array(z.string().min(1)).default([]),
  /**
   * Of those, the whole replies that say the enterprise has none of what a cell asks (无, 暂无, 没有): nothing to print,
   * but a statement all the same, checked against the interview's answers for the cell's capabilities.
   */
  noneReplies: z.array(z.string().min(1)).default([]),
  /**
   * Patterns of a whole reply that says the same in the words people use (还没搞, 目前还没上, 这块没弄): nothing done
   * yet, so nothing to print, as a none.
   */
  noneSaid: z
    .array(z.string().min(1))
    .default([])
    .refine((ps) => ps.every((p) => { try { new RegExp(p, 'u'); return true; } catch { return false; } }), 'noneSaid: each entry must be a valid regular expression'),
  /**
   * Patterns of a clause closing a list that says it holds nothing more (没有别的, 其他没有了, 就这些): no item of the
   * list, so the list is what the other clauses name.
   */
  nothingElseSaid: z
    .array(z.string().min(1))
    .default([])
    .refine((ps) => ps.every((p) => { try { new RegExp(p, 'u'); return true; } catch { return false; } }), 'nothingElseSaid: each entry must be a valid regular expression'),
  /** Words that cite the notice as the claim (按照通知要求): a reply resting on them and no fact of its own is asked back. */
  noticeEchoWords: z.array(z.string().min(1)).default([]),
});
export type FormVocabulary = z.infer<typeof FormVocabulary>;

/**
 * What the form phase says when a typed value cannot be kept as it is, in the chat and the form view alike.
 * `percentOrFraction`: a bare decimal in a percentage field that reads as a percentage or as a fraction of one
 * ({said}, {percent}, {fraction}). `mobile` / `phone`: a number that is no mobile, or neither a mobile nor a
 * landline with its area code ({said}, {digits}). `monthOf`: a date given as part of a year ({said}), asked for its month in {year}.
 */
export const FormMessages = z.object({
  percentOrFraction: z.string().includes('{said}').includes('{percent}').includes('{fraction}'),
  mobile: z.string().includes('{said}'),
  phone: z.string().includes('{said}'),
  /**
   * A date whose year was said relative to the day of speaking (「去年十月」), read back for confirmation with the day it was
   * counted from: in the chat after it is recorded (`relativeDate`), and as the form view's box shows it (`relativeDateShown`).
   */
  /**
   * Years said alike with no figure (「这三年都一样」) at a yearly figure ({said}, {unit}): in the chat, the figure is asked and
   * given to each of those years when it comes (`sameYearsFigure`); the form view's box, which keeps no earlier reply, asks
   * for the figure in the same box beside the words (`sameYearsFigureBox`).
   */
  sameYearsFigure: z.string().includes('{said}'),
  sameYearsFigureBox: z.string().includes('{said}'),
  relativeDate: z.string().includes('{said}').includes('{date}').includes('{today}'),
  relativeDateShown: z.string().includes('{said}').includes('{date}').includes('{today}'),
  /**
   * A date of something the form states as done (`happened`) that is later than the day of speaking (`future`: {today})
   * or than the notice's deadline (`afterDeadline`: {year}, {deadline}, {who}, {what}, {clause}): it is recorded as said,
   * and `note` ({field}, {date}, {why}: the two joined) says so, with what the notice says of a project not yet built.
   */
  lateDate: z
    .object({
      future: z.string().includes('{today}'),
      afterDeadline: z.string().includes('{deadline}'),
      note: z.string().includes('{field}').includes('{date}').includes('{why}'),
    })
    .optional(),
  /**
   * Words of the chat's that the form view's box says its own way (`chat` → `box`): a message both share is written once,
   * and in the form view 「请说…」 becomes 请填写…, 「回答“跳过”」 becomes leaving the box empty. Each `chat` must stand in
   * some message, or the pair is stale.
   */
  boxWords: z.array(z.object({ chat: z.string().min(2), box: z.string().min(2) })).optional(),
  /** A date given as part of a year in the form view (「2021年初」): the one question asking its month ({said}, {year}). */
  monthOf: z.string().includes('{said}').includes('{year}'),
  /** A figure said for another span than the field's ({said}, {spoken}: the span said, {wanted}: the field's, {field}, {unit}). */
  period: z.string().includes('{said}').includes('{spoken}').includes('{wanted}'),
  /** A figure with a 万 inside whose two readings the field's range does not tell apart ({said}, {small}, {large}). */
  wanOrPlace: z.string().includes('{said}').includes('{small}').includes('{large}'),
  /** A value of another kind ({kind}: 天数, 百分比, 日期) than the field ({field}) wants ({wanted}: its kind and unit). */
  wrongKind: z.string().includes('{said}').includes('{kind}').includes('{wanted}'),
  /** The same where what the field wants already names it (「联系人姓名（写全名…）」 at 联系人姓名): the field is not named twice. */
  wrongKindSelf: z.string().includes('{said}').includes('{kind}').includes('{wanted}'),
  /** A date box whose text is no real date: a box kept to the day, and one kept to the month (`precision: month`), each with its own example. */
  badDay: z.string().min(2),
  badMonth: z.string().min(2),
  /** A figure's box whose text holds no figure, with and without the field's unit ({unit}). */
  notANumber: z.string().min(2),
  notANumberUnit: z.string().includes('{unit}'),
  /** A choice's box whose text is none of its choices ({choices}: their labels). */
  notAChoice: z.string().includes('{choices}'),
  /**
   * An address typed into a checked field's box (the credit code), in the form view: what it is ({said}, {kind}), what the
   * box wants ({wanted}) and the address field to put it in ({place}).
   */
  addressElsewhere: z.string().includes('{said}').includes('{wanted}').includes('{place}').optional(),
  /** A yearly figure said with another year ({year}) than the column's ({asked}) of {field}, typed into the column's box. */
  otherYear: z.string().includes('{said}').includes('{year}').includes('{asked}'),
  /** A yearly figure said with a year ({year}) the form's table has no column for; {years}: the table's years. */
  yearNotOnForm: z.string().includes('{said}').includes('{year}').includes('{years}'),
  /**
   * A yearly figure said with a relative year (「去年营收1.2亿」), read back with the calendar year it was stored as
   * ({said}, {year}, {notice}: the notice's year it counts from, {today}: the year the day of speaking would give): the
   * form's years are the notice's, while a date's 去年 counts from the day of speaking.
   */
  relativeFigureYear: z.string().includes('{said}').includes('{year}').includes('{notice}').optional(),
  /** Several relative years in one reply (「去年…，前年…」), said back in one sentence: the words, the years, each pair. */
  relativeFigureYears: z.string().includes('{saids}').includes('{years}').includes('{pairs}').includes('{notice}').optional(),
  /** One relative year and the year it is, as {pairs} of relativeFigureYears lists them: 「去年」就是2022年. */
  relativeFigureYearPair: z.string().includes('{said}').includes('{year}').optional(),
  /** One relative year's words as {saids} of relativeFigureYears lists them: 「去年」. */
  relativeFigureYearSaid: z.string().includes('{said}').optional(),
  /** A mobile number typed as a figure ({said}) into a figure's field ({field}). */
  phoneAsFigure: z.string().includes('{said}').includes('{field}'),
  /** A reply to a field of listed names (`named`) that says none of them ({said}, {field}, {names}). */
  notNamed: z.string().includes('{said}').includes('{names}'),
  /** What a field means, said to an applicant who asks at it ({field}, {means}: the question's `means`, else its words). */
  fieldHelp: z.string().includes('{field}').includes('{means}'),
  /** The names a field of listed names takes, said after what it means ({names}). */
  fieldHelpChoices: z.string().includes('{names}'),
  /** How a field with no formula is worked out, asked at it: it is not computed, and what it asks for ({field}, {means}). */
  noFormula: z.string().includes('{field}').includes('{means}'),
  /**
   * A question at a field about what it counts or which figure it takes (「注册资本要写实缴的还是认缴的」「员工人数要算劳务派遣的吗」),
   * which the notice does not settle: what the field asks for, that the notice says no more, and whom to ask ({field}, {means}).
   */
  fieldNotSettled: z.string().includes('{field}').includes('{means}'),
  /** Products said as a sentence whose names and shares do not pair one to one (「A、B和C，分别占55%和38%」; {said}). */
  productsUnclear: z.string().includes('{said}'),
  /** A reply to the products' field that gives only yearly figures (「2022年3.2亿，2021年2.8亿」; {said}): no product in it. */
  productsAreFigures: z.string().includes('{said}'),
  /** A reply to the products' field that names a service among them (「数控机床及配套服务」; {said}: the service): asked for the products alone. */
  productsAreServices: z.string().includes('{said}').optional(),
  /** A reply pointing at an answer not given yet (「同单位地址」 before the 单位地址; {said}, {field}: the box's). */
  pointsAtNothing: z.string().includes('{said}').includes('{field}'),
  /**
   * A value the field's own rules refuse, each naming the field ({field}: its question up to the question mark): a
   * figure's box given no number (with and without its {unit}), a negative sum of money, a count not a whole number, a
   * figure beyond the field's {min} or {max}, a text box given no text or only blanks, text longer than the cell's {max}
   * characters, product shares over 100% in all, and a mailbox that is none.
   */
  invalid: z
    .object({
      /** The field as a choice's or a date's refusal opens with it. */
      field: z.string().includes('{field}'),
      number: z.string().includes('{field}'),
      numberUnit: z.string().includes('{field}').includes('{unit}'),
      negativeMoney: z.string().includes('{field}'),
      count: z.string().includes('{field}'),
      belowMin: z.string().includes('{field}').includes('{min}'),
      aboveMax: z.string().includes('{field}').includes('{max}'),
      text: z.string().includes('{field}'),
      empty: z.string().includes('{field}'),
      tooLong: z.string().includes('{field}').includes('{max}'),
      sharesOver: z.string().includes('{field}'),
      email: z.string().includes('{field}'),
    })
    .strict(),
  /** A question id the form does not have, sent by a client ({questionId}). */
  unknownQuestion: z.string().includes('{questionId}'),
  /** A skipped answer as the recorded list shows it to the enterprise, the bureau and the helpline. */
  skipped: z.string().min(1),
});
export type FormMessages = z.infer<typeof FormMessages>;

export const FormQuestions = z.object({ vocabulary: FormVocabulary, messages: FormMessages, questions: z.array(FormQuestion).min(1) }).superRefine((f, ctx) => {
  f.questions.forEach((q, i) => {
    const values = new Set((q.choices ?? []).map((c) => c.value));
    for (const side of ['yes', 'no'] as const)
      if (q.plainAnswers && !values.has(q.plainAnswers[side])) ctx.addIssue({ code: 'custom', path: ['questions', i, 'plainAnswers', side], message: `${q.plainAnswers[side]} 不是该问题的选项` });
  });
});

export const CapabilityPhrase = z.object({
  /** Full name with abbreviation, as the form expects: 制造执行系统（MES）. */
  name: z.string(),
  /** Shorter name for lists in 400字 summaries. */
  short: z.string().optional(),
  /** What it achieves, in the notice's wording: 实现车间作业计划…自动生成. */
  achieve: z.string(),
  /** Verb used in the sentence: 应用 / 建有 / 采用. */
  verb: z.string().default('应用'),
  /** What a yes to the capability question claims, when the notice's name lists more than was asked (条码、二维码、电子标签…). */
  claim: z.string().optional(),
  /**
   * The notice's alternatives a yes covers (罐区自动化 or 堆场管理): the draft names those the enterprise's own
   * text mentions by one of their terms, and the claim only when it mentions none or all of them.
   */
  variants: z.array(z.object({ name: z.string().min(1), terms: z.array(z.string().min(1)).min(1) })).optional(),
  /** The placeholder's request when nothing was said, in the enterprise's terms: 「MES 的排产与调度应用情况」. */
  ask: z.string(),
  /** The branch's own request where 离散/流程 differ (PDM: 产品设计 vs 产品配方). */
  askByMode: z.partialRecord(z.enum(['discrete', 'process']), z.string()).optional(),
  /** Words in the enterprise's own text that already state this capability, so it is not stated twice. */
  terms: z.array(z.string().min(1)).default([]),
  /**
   * The systems a capability is made of (SCADA、MES与ERP系统集成: scada, mes, erp) and how its claim names those in
   * use (`named`, {names}): a system said 在建 or lacking is never claimed as integrated, so the claim names only
   * those in use, and with fewer than two none is made.
   */
  involves: z.object({ capabilities: z.array(z.string().min(1)).min(2), named: z.string().includes('{names}') }).optional(),
});

export const FormDrafting = z.object({
  capabilities: z.record(CapabilityId, CapabilityPhrase),
  /** Uploaded documents: limits, the refusals' wording, and the labels the offline rules look for. */
  documents: z.object({
    maxMB: z.number().positive(),
    parseTimeoutMs: z.number().int().positive(),
    parseMemoryMB: z.number().int().positive(),
    messages: z.record(z.string(), z.string()),
    labels: z.record(z.string(), z.array(z.string().min(1)).min(1)),
    /**
     * Labels that name the company a document is about without being its 企业名称 (a statement's 编制单位, a list's
     * 填报单位): read only to tell a document of another company from the enterprise's own.
     */
    subjectLabels: z.array(z.string().min(1)).default([]),
    /**
     * Words that make another body the subject of the figures after them (「集团年营收50亿元」, a table captioned
     * 「集团主要经济指标」): the group's or the parent's figures are not the enterprise's own.
     */
    otherSubjects: z.array(z.string().min(1)).default([]),
    /**
     * Whose figures a statement gives, by the word in its caption or column heading: `consolidated` (合并) the
     * group's with its subsidiaries, `own` (母公司) the reporting company's alone, beside the names of the
     * statements (`statements`) those words caption. The form is that of a 单体 enterprise (二(一)): in a
     * report that prints both, its own figures are the `own` ones.
     */
    scopes: z
      .object({ consolidated: z.array(z.string().min(1)), own: z.array(z.string().min(1)), statements: z.array(z.string().min(1)) })
      .default({ consolidated: [], own: [], statements: [] }),
    /** Labels of other particulars on a licence or report: a labelled value ends where one of these starts. */
    otherLabels: z.array(z.string().min(1)).default([]),
    /**
     * How a profile's prose names a field where a licence prints a label (「成立于」 for 成立日期), keyed as
     * `labels`. A model's reading counts these as the field's label too; the rules read labelled particulars only.
     */
    proseLabels: z.record(z.string(), z.array(z.string().min(1))).default({}),
    /**
     * How a profile's sentences bind a figure to its item and year (「2022年实现营业收入3.2亿元」, 「现有员工520余人」).
     * `connectors` may stand between an item and its figure (实现, 达, 为); `modifiers` before an item's label make it
     * another item (净 before 利润); `unbound` words in a sentence make its figures no year's own (上年, 累计, 预计);
     * `counts` are the labels of head counts, keyed by form fact, stated now rather than for a year, and `countLeads`
     * what may stand before such a label (公司, 现有, 其中): 「车间员工」 is not the enterprise's. `adverbs` may stand
     * between an item and its figure without changing it (「营业收入仍超11亿元」); `hedges` left there by a connector
     * (「约为」, 「近达」) make the figure a round one. `countRowSuffixes` end a head count's row label in a table by year
     * (「从业人员期末人数」). `project` are the applicant project's figures a 验收报告 states (软硬件投资, the
     * workshop's equipment counts): each read only in a sentence about the project (one of `projectSubjects`), its
     * label starting its clause or after one of `leads`, in its unit. `wholeYear` words (全年, 本年度) start a sentence
     * about the one year its document's title names (「…2022年度经营情况」), where the sentence names none. `founded`
     * words follow a date to say the company was founded then (「公司2009年8月成立」), as `proseLabels.foundedOn` precede it.
     * `history` words date the works' beginnings (「始建于2006年」, 「1998年建厂」), which may be decades before the company
     * now applying was registered: such a date is never offered as its 成立时间, and dates no head count either.
     */
    prose: z
      .object({
        connectors: z.array(z.string().min(1)),
        modifiers: z.array(z.string().min(1)),
        unbound: z.array(z.string().min(1)),
        counts: z.record(z.string(), z.array(z.string().min(1))),
        countLeads: z.array(z.string().min(1)),
        adverbs: z.array(z.string().min(1)).default([]),
        hedges: z.array(z.string().min(1)).default([]),
        countRowSuffixes: z.array(z.string().min(1)).default([]),
        projectSubjects: z.array(z.string().min(1)).default([]),
        wholeYear: z.array(z.string().min(1)).default([]),
        founded: z.array(z.string().min(1)).default([]),
        history: z.array(z.string().min(1)).default([]),
        /**
         * Words that say the company took its present form after the works it grew from (改制, 原名): in a document that
         * says so, a date after a history word (始建于) is the works', never offered as the company's founding.
         */
        refounded: z.array(z.string().min(1)).default([]),
        project: z
          .array(z.object({ field: z.string().regex(/^(?:project\.\w+|ws\.1\.\w+)$/), labels: z.array(z.string().min(1)).min(1), unit: z.enum(['万元', '台套']), leads: z.array(z.string().min(1)).default([]) }))
          .default([]),
      })
      .default({ connectors: [], modifiers: [], unbound: [], counts: {}, countLeads: [], adverbs: [], hedges: [], countRowSuffixes: [], projectSubjects: [], wholeYear: [], founded: [], history: [], refounded: [], project: [] }),
    /**
     * Interview answers a licence states (a 分公司's 类型 says it has no legal personality of its own): where a
     * particular under one of `labels` contains one of `words`, the interview question `question` is suggested
     * `value`, in the words of its answer, for the user to confirm.
     */
    answers: z
      .array(z.object({ question: z.string().regex(/^ent\.[A-Za-z.]+$/), value: z.string().min(1), labels: z.array(z.string().min(1)).min(1), words: z.array(z.string().min(1)).min(1) }))
      .default([]),
    /**
     * The interview question that holds a date particular known to its year only, by form fact (foundedOn →
     * ent.foundedYear): a document that prints 「成立于2011年」 gives no date the form can hold, and no month is made up,
     * so the year is offered as that question's answer.
     */
    yearAnswers: z.record(z.string(), z.string().regex(/^ent\.[A-Za-z.]+$/)).default({}),
    /**
     * How a document names the workshop its equipment counts are about, so that they go to that workshop of the
     * form: the value after one of `labels` (车间名称：总装车间), or a title or row label ending in 车间; a name
     * containing one of `notNames` (the category 智能车间, a place or a year) names no workshop. In an equipment
     * table, a row labelled one of `totalRows` (合计) counts all its rows, a column headed one of `countColumns`
     * (台（套）数) is the equipment total, and of columns headed `before` (建设前) and `after` (建设后) the latter
     * gives the workshop as it is.
     */
    workshops: z
      .object({
        labels: z.array(z.string().min(1)),
        notNames: z.array(z.string().min(1)).default([]),
        totalRows: z.array(z.string().min(1)).default([]),
        countColumns: z.array(z.string().min(1)).default([]),
        before: z.array(z.string().min(1)).default([]),
        after: z.array(z.string().min(1)).default([]),
      })
      .default({ labels: [], notNames: [], totalRows: [], countColumns: [], before: [], after: [] }),
    /**
     * The construction's benefit indicators (附件2/附件3's 建设前后主要效益指标, 附件1's 人数 and 生产效率) as a table
     * prints them: rows of indicators under columns of the states `workshops.before` and `workshops.after` (建设前,
     * 改造后), or of two years under a caption naming one of `yearCaptions` (「改造前后」, 「建设成效」), the earlier year being
     * before. Each row is one of `rows`: the form's field without its .before/.after, the row labels that name it, and
     * the units it may be printed in with the factor to the form's unit (亿元 → 10000 万元); a row in a unit it does not
     * list (人均产值 in 万元/人/年, 能耗 in 吨标准煤 alone) is not read, and `bare` is the unit of a row that prints none.
     * A factor that is a convention rather than an identity (a month as 30 days) is stated to the user beside the
     * figure, as every conversion is. `complement` rows are the share of the whole the field is the rest of: a 产品合格率
     * of 99.2% is a 不良品率 of 0.8%, read only where the document gives no 不良品率 itself; its `labels` name the
     * products' rate only (产品合格率, 良品率, 一次合格率), never a supplier's or a training's.
     */
    indicators: z
      .object({
        rows: z.array(
          z.object({
            field: z.string().regex(/^ind\.[A-Za-z]+$/),
            labels: z.array(z.string().min(1)).min(1),
            units: z.record(z.string().min(1), z.number().positive()),
            bare: z.string().min(1).optional(),
            complement: z.object({ labels: z.array(z.string().min(1)).min(1) }).optional(),
          }),
        ),
        yearCaptions: z.array(z.string().min(1)).default([]),
      })
      .default({ rows: [], yearCaptions: [] }),
    /**
     * A scan whose first line is a company's name alone is headed by the enterprise it is about; a name containing
     * one of `notApplicants` is an intermediary's letterhead (a 会计师事务所's report), never the applicant's. A title
     * of a company's name followed by one of `ownDocuments` (「…有限公司简介」, 「…有限公司2022年度经营情况」) is the
     * company's account of itself, and so names it too; so does one followed, after a year and a few words of what it
     * covers (「…有限公司2023年度」, 「…有限公司智能车间建设项目」), by one of `titledKinds` (审计报告摘要, 验收报告, 情况说明): a
     * document the company is the subject of, never one a company issues under its name to others (报价单).
     */
    titleNames: z
      .object({ notApplicants: z.array(z.string().min(1)), ownDocuments: z.array(z.string().min(1)).default([]), titledKinds: z.array(z.string().min(1)).default([]) })
      .default({ notApplicants: [], ownDocuments: [], titledKinds: [] }),
    /**
     * How a document between companies names them: a line starting with one of `roles` (致, 甲方, 需方, 供应商) and a
     * company's name. `own` are the roles of the side an applicant takes in the documents it keeps (甲方, 需方, 用户,
     * 委托方): the company named there is the enterprise, and every other role is the other side (乙方, 供方, 供应商),
     * whose lines are passed over; a role's bracket (「甲方（出租方）」) says the side over the role. `addressed` roles
     * (致) start a letter to the company named, which its writer wrote: nothing in it is the addressee's account.
     * `issuedKinds` are documents a company issues to its customer (报价单, 验收报告): under a letterhead, they are the
     * letterhead company's, never the enterprise's. A document whose title names one of `contracts` (合同, 协议) is kept
     * by either party: which side is the enterprise is read from its recorded name, or from a role's bracket naming one
     * of `self` (「乙方（我方）」). `signOff` labels and seals stand beside the company a document is signed by
     * (「落款单位：」, 「（盖章）」); `reader` words (贵司) address the company a letter is written to, as a salutation to
     * one of `readerSalutations` does (「尊敬的客户：」): the letter is written to a customer, not by one. `letterKinds` are the
     * titles of a letter or a certificate (证明, 说明, 函) whose letterhead is its writer (one that names its writer nowhere,
     * by letterhead, sign-off or title, is read as no one's, and the user is asked for a copy that does); `attestations` (证明) titles and
     * `attestationLeads` (兹证明) words of one a company writes of another, never the enterprise's own account of itself
     * even under one company's letterhead and seal; `cellMarks` what only a table's cell holds alone (是, 否, 合计), so that a
     * company's name before one in a document's last lines is a cell (a 生产厂家's), not its sign-off; `closings` the short lines a
     * letter ends on before its sign-off (此致, 敬礼, 特此证明), which no table's cell is; `bodies` how a public body's name ends (局, 委员会, 人民政府), whose seal signs what it
     * attests of a company; and `mentionLeads` the words that
     * may stand before a company's name in a letter's sentence (「兹证明」, 「我公司为」), taken off to read the name whole.
     * `deliveries` are the words by which a letter's writer says it built or supplied a project for a company it names
     * after one of `deliveryLeads` (「我司为…有限公司承建」, 「向…有限公司交付」, 「为…有限公司提供的生产线」): the writer is that company's supplier, so the letter is no
     * account of the enterprise's own until the enterprise is known to be the writer, except where the clause names one of
     * `supplies` (配套, 供应, 零部件): a writer saying it supplies parts or goods to a company it names (「我公司为…有限公司提供
     * 配套件」, 「提供配套的零部件」) states its own trade with its customer, not a project built for that company; a supply word
     * before 的 only describes the thing named after it (「提供配套的自动化生产线」 is a line built for it); `writerSelf` are the words a writer
     * names itself by (我公司, 我司), a role in brackets after them (「我公司（乙方）」) saying which side it is.
     */
    parties: z
      .object({
        roles: z.array(z.string().min(1)),
        own: z.array(z.string().min(1)).default([]),
        addressed: z.array(z.string().min(1)).default([]),
        issuedKinds: z.array(z.string().min(1)).default([]),
        contracts: z.array(z.string().min(1)).default([]),
        self: z.array(z.string().min(1)).default([]),
        signOff: z.array(z.string().min(1)).default([]),
        reader: z.array(z.string().min(1)).default([]),
        readerSalutations: z.array(z.string().min(1)).default([]),
        /** A company's own bodies (全体股东, 董事会): 「…有限公司全体股东：」 addresses that company's report to its owners, no other company. */
        ownBodies: z.array(z.string().min(1)).default([]),
        letterKinds: z.array(z.string().min(1)).default([]),
        attestations: z.array(z.string().min(1)).default([]),
        attestationLeads: z.array(z.string().min(1)).default([]),
        cellMarks: z.array(z.string().min(1)).default([]),
        closings: z.array(z.string().min(1)).default([]),
        bodies: z.array(z.string().min(1)).default([]),
        mentionLeads: z.array(z.string().min(1)).default([]),
        deliveries: z.array(z.string().min(1)).default([]),
        deliveryLeads: z.array(z.string().min(1)).default([]),
        supplies: z.array(z.string().min(1)).default([]),
        writerSelf: z.array(z.string().min(1)).default([]),
      })
      .refine((p) => [...p.own, ...p.addressed].every((r) => p.roles.includes(r)), { message: 'parties.own and parties.addressed must be among parties.roles' })
      .default({ roles: [], own: [], addressed: [], issuedKinds: [], contracts: [], self: [], signOff: [], reader: [], readerSalutations: [], ownBodies: [], letterKinds: [], attestations: [], attestationLeads: [], cellMarks: [], closings: [], bodies: [], mentionLeads: [], deliveries: [], deliveryLeads: [], supplies: [], writerSelf: [] }),
    /**
     * What makes a year's figures a plan's rather than the year's actual ones. A heading marked with one of `markers`
     * (「2022年（预计）」, 「预计2022年」, 「2022E」) is planned, one marked `actual` (「2021年（实际）」) is not. A document
     * whose title lines name one of `titles` and none of `notPlans` (「2022—2024年发展规划」, not 「2022年计划完成情况」) is a
     * plan: its years from the first its title names on (all, if it names none) are planned unless marked actual. A
     * document dated under one of `dateLabels`, or on a line of its own at its end, before a year's end, cannot give
     * that year's actual figures.
     */
    plans: z
      .object({
        markers: z.array(z.string().min(1)),
        actual: z.array(z.string().min(1)).default([]),
        titles: z.array(z.string().min(1)).default([]),
        notPlans: z.array(z.string().min(1)).default([]),
        dateLabels: z.array(z.string().min(1)).default([]),
      })
      .default({ markers: [], actual: [], titles: [], notPlans: [], dateLabels: [] }),
    /**
     * Statement column headings that name no year: `current` is the statement's own year
     * (本期金额, 期末余额), `previous` the year before (上期金额, 期初余额); `reference` columns
     * (附注, 行次) sit between a row's label and its figures; `ignored` figure columns (本月数 of a
     * monthly statement) come before the year columns and belong to no year. `amount` is the one figure column
     * of a table given for one year named in its caption (「2022年」 over 「指标 金额（万元）」); `unit` a column
     * after the figures giving each row's unit (「计量单位」); `year` the heading of a table's first column
     * when its rows are years and its columns the indicators; `change` a column of the rate of change between two
     * year columns (本年比上年增减), whose figures are no year's.
     */
    columns: z
      .object({
        current: z.array(z.string().min(1)),
        previous: z.array(z.string().min(1)),
        reference: z.array(z.string().min(1)),
        ignored: z.array(z.string().min(1)).default([]),
        amount: z.array(z.string().min(1)).default([]),
        unit: z.array(z.string().min(1)).default([]),
        year: z.array(z.string().min(1)).default([]),
        change: z.array(z.string().min(1)).default([]),
      })
      .default({ current: [], previous: [], reference: [], ignored: [], amount: [], unit: [], year: [], change: [] }),
  }),
  /** The checkable rules of 附件N.四(五)(六) and the wording of their results. */
  materials: z.object({
    rules: z.object({ photosMin: z.number().int(), videoMaxMB: z.number(), videoSeconds: z.number(), videoToleranceSeconds: z.number(), videoMinLines: z.number().int() }),
    messages: z.record(z.string(), z.string()),
  }),
  /** Wording of the self-assessment (gap) report. */
  report: z.object({
    title: z.string(),
    subtitle: z.string(),
    fileKind: z.string(),
    basis: z.string(),
    headings: z.object({ verdict: z.string(), category: z.string(), conditions: z.string(), plan: z.string(), materials: z.string() }),
    verdict: z.object({ qualified: z.string(), gaps: z.string(), incomplete: z.string(), ineligible: z.string() }),
    status: z.object({ met: z.string(), partial: z.string(), unmet: z.string(), unknown: z.string() }),
    categories: z.object({ smartWorkshop: z.string(), discreteFactory: z.string(), processFactory: z.string() }),
    labels: z.record(z.string(), z.string()),
    /**
     * The basis of a ratio the interview read from counts over all the equipment (「全厂260台设备，联网221台」), which is
     * not the notice's 设备联网率 (networked among the automated): said beside the recorded figure, so a reader of the
     * report and of the 申报书 sees why their figures differ. Placeholders: {value} {said} {part} {whole}.
     */
    networkedOfAll: z.object({ clause: z.string().min(1), text: z.string().min(1) }).optional(),
  }),
  /**
   * Titles an interview reply names beside its yes (「去年评上了国家级绿色工厂」 to the 节能减排 question): the words of a
   * title, and the verbs that say it is held; the title as said after its verb is listed among the honours.
   */
  interviewTitles: z.object({ titles: z.array(z.string().min(1)), verbs: z.array(z.string().min(1)) }).optional(),
  /** User-facing wording of the export (PDF available or how to make one), and of the figure years an enterprise did not yet exist in. */
  messages: z.object({
    pdfUnavailable: z.string(),
    pdfFailed: z.string(),
    pdfHowTo: z.string(),
    /** Printed in a figure cell of a year before the founding, instead of a request for a figure that cannot exist. */
    beforeFounding: z.string().min(1).optional(),
    /** Flag of a figure given for a year before the founding: {year}, {founded}. */
    figuresBeforeFounding: z.string().includes('{year}').includes('{founded}').optional(),
    /** Flag of a founding after every figure year of the form: {founded}, {first}, {last}. */
    foundedAfterFigures: z.string().includes('{founded}').includes('{first}').includes('{last}').optional(),
    /**
     * Flag of a 智能车间 application whose workshop is the one an honour of the enterprise names, while it holds
     * a 智能车间 title (四(一): another workshop): {workshop}, {honour}. `workshopTitle` is the title's word in an honour.
     */
    titledWorkshop: z.string().includes('{workshop}').includes('{honour}').optional(),
    workshopTitle: z.string().min(2).optional(),
    /**
     * Flag of an honour that names the province's 智能车间/智能工厂 title (`workshopTitle`, `factoryTitle`) while the
     * assessment recorded the enterprise holds no such title, or not that one: {honour}, {recorded}, the latter worded
     * by `priorTitlesRecorded` under the titles recorded (`none`, `smartWorkshop`). A title with one of `otherTitleMarks`
     * (国家, 市级) is another programme's.
     */
    priorTitleVsHonour: z.string().includes('{honour}').includes('{recorded}').optional(),
    factoryTitle: z.string().min(2).optional(),
    otherTitleMarks: z.array(z.string().min(1)).max(20).optional(),
    priorTitlesRecorded: z.object({ none: z.string().min(2), smartWorkshop: z.string().min(2) }).optional(),
    /** Flag of a cell text that says a capability stands otherwise than the interview's answer: {label}, {quote}, {capability}, {answer}. */
    capabilityContradiction: z.string().includes('{quote}').includes('{capability}').includes('{answer}').optional(),
    /** What a capability answer corrected by a cell's text (「PDM已上线…」 after 没有) is recorded as. */
    capabilityCorrected: z.string().min(1),
    /** Flag of a 生产效率 typed for a side against the one its 年产值, 人数 and 年工作天数 give: {side}, {typed}, {computed}. */
    productivityMismatch: z.string().includes('{typed}').includes('{computed}').optional(),
    /** Flag of a 生产效率 typed for one side and computed for the other, which are not compared. */
    productivityMixed: z.string().min(1).optional(),
    /**
     * Flag of a 智能车间 application whose 车间名称 names more than one workshop (四(一): one per application): {name},
     * {workshops}. A name is cut at `workshopJoiners` outside brackets; two or more parts ending in one of `workshopEnds`
     * name as many workshops.
     */
    severalWorkshops: z.string().includes('{name}').includes('{workshops}').optional(),
    workshopJoiners: z.array(z.string().min(1)).max(20).optional(),
    workshopEnds: z.array(z.string().min(1)).max(20).optional(),
    /** Flag of lines said not built or not running, left out of the lines the workshop 涵盖: {n}, {lines}. */
    linesNotBuilt: z.string().includes('{lines}').optional(),
    /** Flag of a workshop of the form with no name (more workshops said than described): {n}, {count}. */
    workshopUnnamed: z.string().includes('{n}').includes('{count}').optional(),
    /** Flag of honours-answer items that are no title the enterprise holds (another body's, applied for, failed): {honours}. */
    honourNotHeld: z.string().includes('{honours}').optional(),
    /**
     * Sanity checks of the 近三年主要经济指标, said with the figures and never deciding eligibility: liabilities above
     * assets ({year}, {liabilities}, {assets}, {ratio}), profit above revenue ({year}, {profit}, {revenue}), loss years
     * while the assessment answered 经营良好 (`lossYears` with {losses}, each worded by `lossYear`: {year}, {profit},
     * {loss}), and a 资产负债率 stated in the enterprise's own text against the one its figures give ({label}, {quote},
     * {year}, {liabilities}, {assets}, {computed}). {judged} is `operatingJudged`: the bureau judges 二(一), not the app.
     */
    liabilitiesAboveAssets: z.string().includes('{liabilities}').includes('{assets}').optional(),
    profitAboveRevenue: z.string().includes('{profit}').includes('{revenue}').optional(),
    lossYears: z.string().includes('{losses}').optional(),
    lossYear: z.string().includes('{year}').includes('{loss}').optional(),
    debtRatioSaid: z.string().includes('{quote}').includes('{computed}').optional(),
    operatingJudged: z.string().min(1).optional(),
    /**
     * How a figure (a date) given as a round one is shown wherever answers are listed (the chat's review, the bureau's
     * submitted form, the helpline's view): the words typed, {said}, marked as not yet confirmed, never as the figure.
     */
    approximateShown: z.string().includes('{said}').optional(),
    /**
     * A section the user edited and saved whose requests (〔请补充：…〕) have since been answered, {labels} the facts:
     * said to the user beside the section (`staleEdit`) and to the bureau beside the submitted text (`staleSubmitted`).
     */
    staleEdit: z.string().includes('{labels}').optional(),
    staleSubmitted: z.string().includes('{labels}').optional(),
    /**
     * Said with an export when edited sections are stale in this way ({sections}: each section's title with the facts
     * given since): in the export's response and the page, never inside the document the enterprise signs.
     */
    staleExport: z.string().includes('{sections}').default('以下修改过的栏目在保存后又填写了新信息，导出的文件仍按修改后的文字打印，可能已过时：{sections}。'),
    /** A year's profit in prose ({amount} in 万元): a loss is said as one (亏损300万元), never as a minus figure. */
    profitSaid: z.string().includes('{amount}').default('利润{amount}万元'),
    lossSaid: z.string().includes('{amount}').default('亏损{amount}万元'),
    approximateDateShown: z.string().includes('{said}').optional(),
    /** Flag of a figure typed as a round one (约, 左右, 多): {label}, {said}. The draft asks for the exact figure. */
    approximateFigure: z.string().includes('{label}').includes('{said}').optional(),
    /** Flag of a ratio stated by the enterprise that its own counts contradict: {unit}, {ratio}, {said}, {stated}, {part}, {whole}, {computed}. */
    ratioMismatch: z.string().includes('{stated}').includes('{computed}').optional(),
    /** {said} of `ratioMismatch` when the ratio is the one given in the assessment. */
    ratioSaidInAssessment: z.string().min(1).optional(),
    /** {said} of `ratioMismatch` when the ratio is written in the enterprise's own text: {quote}. */
    ratioSaidInText: z.string().includes('{quote}').optional(),
    /** A factory-wide ratio outside the range of its workshops' own: {ratio}, {said}, {stated}, {parts}, {sum}. */
    ratioFactoryParts: z.string().includes('{stated}').includes('{parts}').optional(),
    /** {withheld} of `ratioFactoryParts` when the draft leaves the assessment's figure out (a quoted text stays the enterprise's). */
    ratioWithheld: z.string().optional(),
    /** A ratio the workshop's own text states against the assessment's for the same workshop: {unit}, {ratio}, {said}, {stated}, {metric}. */
    ratioTextVsAssessment: z.string().includes('{stated}').includes('{metric}').optional(),
    /** A relative time word (去年) in the enterprise's own text: {label}, {quote}. */
    relativeTime: z.string().includes('{quote}').optional(),
    /**
     * The same, where the draft can date the words: it says what the 申报书 prints ({dated}) and what it counted from
     * ({from}: `relativeTimeFromDay` with {day}, the session's day, or `relativeTimeFromYear` with {year}, the form's).
     */
    relativeTimeDated: z.string().includes('{quote}').includes('{dated}').optional(),
    relativeTimeFromDay: z.string().includes('{day}').optional(),
    relativeTimeFromYear: z.string().includes('{year}').optional(),
    /** The request that stands for a chat reply that cannot be put in document form: {label} the capability, {said} the reply. */
    rewriteSaid: z.string().includes('{said}').optional(),
    /** The request for the date a relative word names when the session's date is not known: {said} the word. */
    relativeDateAsk: z.string().includes('{said}').optional(),
    /** A ratio stated above 100%: {unit}, {ratio}, {said}, {stated}. */
    ratioAbove100: z.string().includes('{stated}').optional(),
    /**
     * A change in a 提升/降低比例 cell, where the heading does not already say its direction: {ratio}, the size in %.
     * Both or neither.
     */
    changeRise: z.string().includes('{ratio}').optional(),
    changeFall: z.string().includes('{ratio}').optional(),
    /** Printed at the top of the draft of an enterprise a hard condition blocks: {clauses}, {reasons}. */
    ineligibleTop: z.string().includes('{clauses}').includes('{reasons}').optional(),
  }),
  /**
   * Names that stand for the rest of the revenue (「其他10%」) rather than a product: listed with the products as
   * typed, they are neither a main product nor part of the main products' share.
   */
  remainderProducts: z.array(z.string().min(1)),
  /**
   * The same 近三年主要经济指标 checks as `messages.liabilitiesAboveAssets` … `lossYears`, worded for the 主管部门 that
   * does the 初审 (the bureau's applicant view, its 推荐 confirmation, the 自评报告): the figures, and `note`, which says
   * the bureau judges 二(一)'s 「生产经营和财务状况良好」 and the app decides nothing.
   */
  reviewFinance: z
    .object({
      liabilitiesAboveAssets: z.string().includes('{liabilities}').includes('{assets}'),
      profitAboveRevenue: z.string().includes('{profit}').includes('{revenue}'),
      lossYears: z.string().includes('{losses}'),
      lossYear: z.string().includes('{year}').includes('{loss}'),
      note: z.string().min(1),
      /** The same warning in the enterprise's own assessment, as a 待确认 note: {text} is the warning. */
      enterpriseNote: z.string().includes('{text}').optional(),
    })
    .optional(),
  /**
   * Each main product with its own share of revenue, so a share is read as that product's and never as the total:
   * `exact` ({name}, {share}); `asked` ({name}, {ask}: the request for a share not given, or given only round);
   * `label` ({name}) names that share in a request and a flag.
   */
  productShares: z
    .object({
      exact: z.string().includes('{name}').includes('{share}'),
      asked: z.string().includes('{name}').includes('{ask}'),
      label: z.string().includes('{name}'),
      /**
       * The share said of the rest of the revenue (「其他一成」), printed after the main products and never added into
       * their share: `rest` given exactly, `restAsked` round (its request `restLabel`), the name as `restNames` writes it.
       */
      rest: z.string().includes('{name}').includes('{share}').optional(),
      restAsked: z.string().includes('{name}').includes('{ask}').optional(),
      restLabel: z.string().includes('{name}').optional(),
      restNames: z.record(z.string(), z.string().min(1)).default({}),
    })
    .default({ exact: '{name}（占营业收入{share}%）', asked: '{name}（{ask}）', label: '主营产品“{name}”占营业收入比例', restNames: {} }),
  /**
   * Requests of section 三: `lacking` asks about a system the enterprise said it lacks ({ask}: the capability's request);
   * `approximate` asks for the exact figure of one answered as a round one ({label}). Each request names only the
   * fact, as the signed document prints it; its note (`lackingNote`, `approximateNote` with {said}, the words as typed)
   * follows it in the app's draft and is left out of the exported document.
   */
  requests: z.object({
    lacking: z.string().includes('{ask}'),
    lackingNote: z.string().min(1),
    approximate: z.string().includes('{label}'),
    approximateNote: z.string().includes('{said}'),
    /**
     * A sentence of the enterprise's own typed text that reads spoken after the formal rules (`documentForm.spokenProse`):
     * `rewrite` ({label}: the field) asks for the fact in written form in its place, and `rewriteNote` ({said}: the
     * sentence) quotes it in the app's draft only, so the signed form never prints spoken words.
     */
    rewrite: z.string().includes('{label}').default('{label}的书面表述'),
    rewriteNote: z.string().includes('{said}').default('（已填“{said}”，请改写）'),
  }),
  /** Subject of capability sentences per form: 公司 / 车间. */
  subjects: z.record(z.string(), z.string()),
  /**
   * The title of a section drafted once per workshop, so that two workshops' drafts are told apart: {title} the
   * section's, {workshop} the workshop's name, or `unnamedWorkshop` ({i}: its number) before it is given.
   */
  workshopSectionTitle: z.string().includes('{title}').includes('{workshop}').default('{title}（{workshop}）'),
  unnamedWorkshop: z.string().includes('{i}').default('车间{i}'),
  /**
   * A yes the enterprise gave for the whole unit (「有MES」, said of no workshop), in the table of a form with several
   * workshops: it is stated once, in the first workshop's cell with `note` after it, and each later workshop's cell
   * says where it stands (`refer`, {first}: the first workshop's name) instead of repeating it. A yes an enterprise-level
   * cell of the form states (信息基础设施) is stated there alone.
   */
  workshopShared: z
    .object({ note: z.string().min(1), refer: z.string().includes('{first}') })
    .default({ note: '（企业层面情况，未按车间区分）', refer: '企业层面的建设情况见{first}栏。' }),
  /**
   * The sections whose claims are made once in the document, the home first: a sentence a section before it in this
   * list states is left out of a later one, which says where it stands (`referTo`: {what} the facts' labels, {where}
   * the home section's title) instead of repeating it.
   */
  oneHome: z.array(z.string().min(1)).default([]),
  referTo: z.string().includes('{what}').includes('{where}').default('{what}见“{where}”。'),
  /**
   * A ratio the form asks for (设备联网率), and the words that state it in the enterprise's own text: a
   * stated ratio that its own counts contradict is flagged, never printed beside the computed one silently.
   */
  ratios: z
    .object({
      networked: z.object({ label: z.string().min(1), words: z.array(z.string().min(1)).min(1) }),
      automated: z.object({ label: z.string().min(1), words: z.array(z.string().min(1)).min(1) }),
      /** 生产工艺数据自动采集率: no counts on the form, so only the figures stated are compared. */
      collected: z.object({ label: z.string().min(1), words: z.array(z.string().min(1)).min(1) }).optional(),
    })
    .optional(),
  /**
   * Spoken or dialect words of the enterprise's own text and their written form (俺们厂 → 公司, 搞了个 → 建设了),
   * replaced in order before the text goes into the 申报书, which reads as a formal document.
   */
  formal: z.array(z.tuple([z.string().min(1), z.string()])).default([]),
  /**
   * Spoken phrasings that a fixed pair cannot cover, as patterns over the enterprise's text (「用的金蝶ERP」,
   * 「上了个MES」, 「弄了条自动线」): `pattern` is a regular expression, `to` its written form ($1 the captured
   * part). Applied in order after `formal`; each keeps every name and figure of the text it rewrites.
   */
  formalRules: z
    .array(
      z.object({
        pattern: z.string().min(1).refine((p) => {
          try {
            new RegExp(p, 'gu');
            return true;
          } catch {
            return false;
          }
        }, '不是有效的正则表达式'),
        to: z.string(),
      }),
    )
    .default([]),
  /**
   * Words the formal rules never rewrite inside (乘用车, 商用车): a rule that reads 「用…系统」 as a spoken 「用」
   * would otherwise turn 「乘用车制动系统」 into 「乘采用车制动系统」. Each is left as written, whatever rule matches in it.
   */
  formalKeep: z.array(z.string().min(1)).default([]),
  /**
   * Shop-floor abbreviations written out where the form is written (立库 → 立体仓库, 机加 → 机械加工). An abbreviation is
   * part of another word or a name where one of `notAfter` ends just before it (建立库存, 电机加工) or one of
   * `notBefore` follows it (立库存, 立库科技有限公司): there it stands as typed. Longer words are listed first.
   */
  /**
   * A clause of the history that only tells the founding (「公司于2013年建厂」): its subjects and founding verbs. Where the
   * founding date the form states covers the clause's date, the clause restates it and is left out.
   */
  foundingClause: z.object({ subjects: z.array(z.string().min(1)), verbs: z.array(z.string().min(1)).min(1) }).optional(),
  glossary: z
    .array(z.object({ word: z.string().min(1), written: z.string().min(1), notAfter: z.array(z.string().min(1)).default([]), notBefore: z.array(z.string().min(1)).default([]) }))
    .default([]),
  /**
   * Words of a company's history (建, 成立, 扩, 开始建设): a year said in two Chinese digits (零五年, 一二年) is printed in
   * figures (2005年, 2012年) only where one of them follows it in its clause; 「三五年内」 or 「一二年时间」 is no date.
   */
  spokenYearWords: z.array(z.string().min(1)).default([]),
  /**
   * Verbs a cell text of the enterprise may open with once in written form (采用、建设了): such a text has
   * no subject, and the form's sentences name one (公司采用…, 车间建设了…).
   */
  leadVerbs: z.array(z.string().min(1)).default([]),
  /**
   * How a capability the enterprise answered 「部分」 is said, by its verb (建有 → 已部分建成): 「公司部分建有…」 does not
   * read as Chinese. A verb not listed is said as 部分 + verb.
   */
  partialVerbs: z.record(z.string(), z.string().includes('部分')).default({}),
  /**
   * Systems the enterprise said are being built (在建, 在调试, 计划上): stated as being built ({who}, {names}), never as
   * built or in use, since the form is signed and checked on site.
   */
  buildingSentence: z.string().includes('{who}').includes('{names}').includes('正在建设'),
  /**
   * A project said still under construction at 建设完成日期 (还在建): `end` stands for the completion date in the draft's
   * sentences ({date}: the date planned, or the placeholder), `periodEnd` and `periodOpen` for the end of the signed
   * form's 建设起止日期 with a planned date and with none.
   */
  underwayProject: z
    .object({ end: z.string().includes('{date}'), periodEnd: z.string().includes('{date}'), periodOpen: z.string().includes('{date}') })
    .optional(),
  /**
   * What the enterprise said of a system being built (「MES在建，年底上线」), once its dates are absolute: the clauses
   * that only say it is being built (`status`, patterns) are left to buildingSentence, which says so once; a date it
   * gave for going live (`plan`, a pattern whose first group is the date) is stated as its plan in `sentence` ({who},
   * {name}, {date}), never as a fact. Any other clause is kept in the enterprise's words.
   */
  buildingPlan: z
    .object({
      $comment: z.string().optional(),
      status: z.array(z.string().min(1)).min(1),
      plan: z.string().min(1),
      sentence: z.string().includes('{who}').includes('{name}').includes('{date}').includes('计划'),
    })
    .strict()
    .optional(),
  /** Words that date by the day they were typed (去年, 今年): the 申报书 needs the year itself. */
  relativeTimeWords: z.array(z.string().min(1)).default([]),
  /**
   * How a reply kept from the chat (「PDM是去年上的」) is put in document form before the 申报书 states it: the
   * words that date by the day they were said, as the date they name from the session's date (`relativeDates`:
   * 去年 → {year}年, 上个月 → {year}年{month}月; `durations`: 上了两年了 → 于{year}年上线, N read from the
   * captured count); the yes-word a reply opens with (「能，扫码…」); and the spoken words that, left after the
   * formal rules, mean the reply is not yet document text (`spoken`, patterns), so the form asks the enterprise to
   * write it rather than printing it.
   */
  documentForm: z
    .object({
      relativeDates: z.record(z.string().min(1), z.object({ years: z.number().int().default(0), months: z.number().int().default(0), to: z.string().min(1) })).default({}),
      durations: z.array(z.object({ pattern: z.string().min(1).includes('(N)'), unit: z.enum(['year', 'month']), to: z.string().includes('{date}') })).default([]),
      replyLeads: z.array(z.string().min(1)).default([]),
      spoken: z.array(z.string().min(1)).default([]),
      /**
       * The spoken words that, left in a sentence of text the enterprise typed (its history, a cell's description) after
       * the formal rules, mean that sentence is not document text: narrower than `spoken`, whose patterns read a chat
       * reply, since written prose has 整车 and 还是 of its own. Such a sentence is asked for (`requests.rewrite`).
       */
      spokenProse: z.array(z.string().min(1).refine((p) => { try { new RegExp(p, 'u'); return true; } catch { return false; } }, '不是有效的正则表达式')).default([]),
      /**
       * A year typed with two digits (「19年一期投产」, 「于21年底扩建」): read as a year only where a year stands (`after`:
       * what may come before it, a clause's start always may) and not as a span (`notBefore`: 「19年来」, 「10年多」).
       * `window` years after the form's year still read as this century (a plan); `past` and above read as the last
       * century (「98年建厂」); a year between is asked for ({said} of `ask`).
       */
      shortYears: z
        .object({ after: z.array(z.string().min(1)), notBefore: z.array(z.string().min(1)), window: z.number().int().min(0).max(20), past: z.number().int().min(1).max(99), ask: z.string().includes('{said}') })
        .optional(),
      /**
       * Words that say the enterprise was not sure (算吧, 应该有, 差不多, 好像): never printed. A clause that is only one is
       * dropped, one inside a clause is taken out, and the reply is printed with `ask` ({label}) asking to confirm it.
       */
      /**
       * In text typed into a form cell a clause that is only a hedge is dropped too, while a hedge word before a figure
       * (「大概一半」) makes its clause a guess: `figureAsk` ({said}, the clause) asks for the figure in its place, and a
       * cell that states the figure computed from its counts leaves the guess out.
       */
      hedges: z
        .object({
          clauses: z.array(z.string().min(1)),
          words: z.array(z.string().min(1)),
          ask: z.string().includes('{label}'),
          figureAsk: z.string().includes('{said}').optional(),
          /**
           * Patterns (regular expressions) of a doubt inside a typed clause that states something (「应该有MES在用」,
           * 「好像已经上了WMS」): the clause is no claim, and `claimAsk` ({said}) stands in its place. A pattern inside
           * quotation marks, or after one of `rules` in its clause (「通知要求应该是…」), quotes a rule, not a doubt.
           */
          claims: z.array(z.string().min(1).refine((p) => { try { new RegExp(p, 'u'); return true; } catch { return false; } }, '不是有效的正则表达式')).default([]),
          rules: z.array(z.string().min(1)).default([]),
          claimAsk: z.string().includes('{said}').optional(),
          /**
           * Patterns (regular expressions) of a round figure said without a hedge word before it (「一千一百多万」,
           * 「五百来万」, 「三个亿左右」): its clause is a guess as a hedged one is, and `figureAsk` stands in its place.
           */
          rounds: z.array(z.string().min(1).refine((p) => { try { new RegExp(p, 'u'); return true; } catch { return false; } }, '不是有效的正则表达式')).default([]),
        })
        .optional(),
      /**
       * The request that stands for a clause of a reply that says a system is in use or integrated while the enterprise
       * said it is being built or lacking ({label} the capability replied of, {system}, {status}: 在建 or 尚未应用).
       */
      statusAsk: z.object({ ask: z.string().includes('{system}').includes('{status}'), building: z.string().min(1), lacking: z.string().min(1) }).optional(),
    })
    .default({ relativeDates: {}, durations: [], replyLeads: [], spoken: [], spokenProse: [] }),
  /**
   * The year a system went live, said twice (「2022年上的MES」 in the 发展历程, 「MES上了两年了」 in the chat, dated from
   * the session's day): a clause naming a capability by its `capabilityStatus` terms, a year and one of `words` (上线,
   * 投入使用) dates it. Two different years for one system are flagged (`message`: {system}, {first}, {second}, each a
   * place's label and its words; {firstYear}, {secondYear}), never printed side by side in silence. `chat` labels the
   * interview's reply.
   */
  systemDates: z
    .object({ $comment: z.string().optional(), words: z.array(z.string().min(1)).min(1), chat: z.string().min(1), message: z.string().includes('{system}').includes('{first}').includes('{second}') })
    .strict()
    .optional(),
  /**
   * How a clause of the enterprise's own text says a capability stands: not there (暂未开展), planned (计划…上线)
   * or in use (在用, 有两台): checked against the interview's answer for the capability the clause names by
   * one of its `terms`. A clause on trial (试用, 调试) says neither, and is not checked. A `links` word after the
   * negative or planned word (「采集平台还没接进MES」, 「MES尚未与ERP打通」) says a link between systems is missing or
   * planned, not either system: the clause is not checked. A `turns` word (但, 不过) begins a clause of its own:
   * 「防火墙已部署但入侵检测还没上」 says one part in place and one missing. A negative clause with a `part` word
   * (「部分设备还没联网」) says the capability stands in part.
   */
  capabilityStatus: z
    .object({
      negative: z.array(z.string().min(1)),
      part: z.array(z.string().min(1)).default([]),
      turns: z.array(z.string().min(1)).default([]),
      planned: z.array(z.string().min(1)),
      positive: z.array(z.string().min(1)),
      trial: z.array(z.string().min(1)).default([]),
      links: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  /** Labels of form facts, used in placeholders 〔请补充：label〕. */
  factLabels: z.record(z.string(), z.string()),
  /**
   * How a computed figure is told where a sentence's sources are shown: changeRatio {label}, share {part} {whole},
   * debtRatio {year}, outputPerPersonDay {side}, count {label}; `before` / `after` name the sides.
   */
  computedLabels: z.record(z.string(), z.string()).default({}),
  indicators: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      unit: z.string(),
      /** Whether a fall is the improvement (成本, 不良品率, 能耗, 周期). */
      lowerIsBetter: z.boolean(),
    }),
  ),
});
export type FormDrafting = z.infer<typeof FormDrafting>;
