import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { evaluate, figures } from '../../server/qa/evaluate';
import devSet from '../fixtures/questions.json';
import devFacts from '../fixtures/questions-facts.json';
import paraphrases from '../fixtures/paraphrase-questions.json';
import unseen from '../fixtures/unseen-questions.json';
import short from '../fixtures/short-questions.json';
import tuning from '../fixtures/tuning-questions.json';
import fresh from '../fixtures/fresh-questions.json';
import fresh2 from '../fixtures/fresh2-questions.json';
import fresh3 from '../fixtures/fresh3-questions.json';
import fresh4 from '../fixtures/fresh4-questions.json';
import fresh5 from '../fixtures/fresh5-questions.json';
import fresh6 from '../fixtures/fresh6-questions.json';
import fresh7 from '../fixtures/fresh7-questions.json';
import fresh8 from '../fixtures/fresh8-questions.json';
import fresh9 from '../fixtures/fresh9-questions.json';
import fresh10 from '../fixtures/fresh10-questions.json';
import fresh11 from '../fixtures/fresh11-questions.json';
import fresh12 from '../fixtures/fresh12-questions.json';
import fresh13 from '../fixtures/fresh13-questions.json';
import fresh14 from '../fixtures/fresh14-questions.json';
import fresh15 from '../fixtures/fresh15-questions.json';
import fresh16 from '../fixtures/fresh16-questions.json';
import fresh17 from '../fixtures/fresh17-questions.json';
import fresh18 from '../fixtures/fresh18-questions.json';
import fresh19 from '../fixtures/fresh19-questions.json';
import fresh20 from '../fixtures/fresh20-questions.json';
import fresh21 from '../fixtures/fresh21-questions.json';
import fresh22 from '../fixtures/fresh22-questions.json';
import fresh23 from '../fixtures/fresh23-questions.json';
import fresh24 from '../fixtures/fresh24-questions.json';
import fresh25 from '../fixtures/fresh25-questions.json';
import fresh26 from '../fixtures/fresh26-questions.json';
import fresh27 from '../fixtures/fresh27-questions.json';
import fresh28 from '../fixtures/fresh28-questions.json';
import fresh29 from '../fixtures/fresh29-questions.json';
import fresh30 from '../fixtures/fresh30-questions.json';
import fresh31 from '../fixtures/fresh31.json';
import fresh33 from '../fixtures/fresh33.json';
import fresh32 from '../fixtures/fresh32.json';
import fresh36 from '../fixtures/fresh36.json';
import fresh37 from '../fixtures/fresh37.json';
import fresh38 from '../fixtures/fresh38.json';
import fresh39 from '../fixtures/fresh39.json';
import fresh40 from '../fixtures/fresh40.json';
import fresh41 from '../fixtures/fresh41.json';
import fresh42 from '../fixtures/fresh42.json';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const facts = devFacts as Record<string, string[]>;

/** The figures `npm run eval:qa` prints, as measured: a regression guard, not a target. */
describe('offline Q&A quality as measured by npm run eval:qa', () => {
  it('on the development set: hit@3, facts, no in-scope refusal, every out-of-scope question refused', () => {
    const r = evaluate(kb, devSet.map((x) => ({ q: x.q, clauses: x.clauses, outOfScope: x.outOfScope, mustContain: facts[x.q] })));
    expect(figures(r)).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the paraphrase set written apart from the answer base', () => {
    expect(figures(evaluate(kb, paraphrases))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the older unseen and short sets', () => {
    expect(figures(evaluate(kb, unseen))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
    // 「附件需要哪些」, the one question of the short set that got the closest clauses, now has its own answer.
    expect(figures(evaluate(kb, short))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the fresh set, after tuning on it (measured once before: hit@3 95.7, facts 95.7, concluded 87, one in-scope question refused)', () => {
    expect(figures(evaluate(kb, fresh))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the second fresh set, after tuning on it (measured once before: hit@3 95, facts 90, concluded 90, none refused)', () => {
    expect(figures(evaluate(kb, fresh2))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the third fresh set, form cells, after tuning on it (measured once before: hit@3 85, facts 85, concluded 95, none refused)', () => {
    expect(figures(evaluate(kb, fresh3))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the fourth fresh set, enterprises describing their case, after tuning on it (measured once before: facts 83.3, concluded 88.9, out of scope refused 50)', () => {
    expect(figures(evaluate(kb, fresh4))).toEqual({ hit3: 100, facts: 94.4, concluded: 100, factsInConclusion: 94.4, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the fifth fresh set, definitions and element clauses, after tuning on it (measured once before: hit@3 88.9, facts 88.9, out of scope refused 66.7)', () => {
    expect(figures(evaluate(kb, fresh5))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the sixth fresh set, typed and spoken style, after tuning on it (measured once before: hit@3 92.9, facts 85.7, concluded 92.9, facts in conclusion 78.6)', () => {
    expect(figures(evaluate(kb, fresh6))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the seventh fresh set, form cells, materials, recommendation roles and open points, after tuning on it (measured once before: hit@3 90.9, facts 81.8, concluded 90.9, facts in conclusion 75.8)', () => {
    expect(figures(evaluate(kb, fresh7))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the eighth fresh set, two-character typos, follow-ups, several parts and comparisons, after tuning on it (measured once before: hit@3 94.6, facts 91.9, concluded 91.9, facts in conclusion 86.5, two in-scope questions refused, out of scope refused 85.7)', () => {
    expect(figures(evaluate(kb, fresh8))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  it('on the ninth fresh set, element conditions item by item, yes/no questions answered no, Henan speech, materials and the county bureau\'s steps, after tuning on it (measured once before: hit@3 91.4, facts 85.7, concluded 91.4, facts in conclusion 85.7, two in-scope questions refused, out of scope refused 85.7)', () => {
    expect(figures(evaluate(kb, fresh9))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for its general causes only: the answers that still miss are listed in the README.
  it('on the tenth fresh set, the forms cell by cell, the enterprise\'s situation first, English system abbreviations, after submission and phone-typed fragments, after fixing what it found (measured once before: hit@3 91.7, facts 88.9, concluded 94.4, facts in conclusion 86.1, one in-scope question refused, out of scope refused 83.3)', () => {
    expect(figures(evaluate(kb, fresh10))).toEqual({ hit3: 97.2, facts: 94.4, concluded: 97.2, factsInConclusion: 94.4, inScopeRefused: ['认定结果会公示吗，公示多少天'], outOfScopeRefused: 100 });
  });

  it('on the eleventh fresh set, as callers talk to a helpline: their situation first, the steps and who does them, leading questions, comparisons and loosely said numbers and dates, after fixing what it found (measured once before: hit@3 88.9, facts 83.3, concluded 86.1, facts in conclusion 77.8, one in-scope question refused, out of scope refused 85.7)', () => {
    expect(figures(evaluate(kb, fresh11))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Three expectations were corrected after the first measurement (车间人数, LIMS, the no-patents answer), as the notice words them.
  it('on the twelfth fresh set, the process and workshop forms cell by cell, the county bureau\'s review and questions whose answer is no, after fixing what it found (measured once before: hit@3 100, facts 94.3, concluded 100, facts in conclusion 85.7, out of scope refused 83.3)', () => {
    expect(figures(evaluate(kb, fresh12))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // One expectation was corrected after the first measurement: 「去年拿了智能车间 今年还能报工厂吗」 must say
  // 可以申报智能工厂 (the first one, 或智能工厂, was met by the wrong answer's quote too); with it, before: facts 97.3, facts in conclusion 91.9.
  it('on the thirteenth fresh set, typed on a phone: typos, pinyin abbreviations, fragments, spoken numbers, several parts, comparisons and questions whose answer is no or not in the notice, after fixing what it found (measured once before: hit@3 97.3, facts 100, concluded 97.3, facts in conclusion 94.6, out of scope refused 100)', () => {
    expect(figures(evaluate(kb, fresh13))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Written from the notice before measuring; fixed for the general causes of what it found.
  it('on the fourteenth fresh set, the element clauses as automation and IT engineers ask them: named systems, 「等」 lists and qualifiers, one category\'s system asked of another, ratios, form cells, products and acronyms the notice does not use, after fixing what it found (measured once before: hit@3 92.1, facts 78.9, concluded 92.1, facts in conclusion 73.7, one in-scope question refused, out of scope refused 100)', () => {
    expect(figures(evaluate(kb, fresh14))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Written from the notice before measuring; fixed for the general causes of what it found.
  it('on the fifteenth fresh set, the county and city bureaus\' steps as their staff and a helpline ask them: 初审, 现场核查, 推荐名额, 推荐意见 and its seal, 推荐汇总表, 退回, 公示, submitting for an enterprise and late submissions, after fixing what it found (measured once before: hit@3 86.8, facts 81.6, concluded 84.2, facts in conclusion 73.7, four in-scope questions refused, out of scope refused 83.3)', () => {
    expect(figures(evaluate(kb, fresh15))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for its causes: a system name typed with two letters swapped (mse), another programme's
  // recognition asked with 咋/怎么 before 申报, a bare 高企, and a run-on 「…还是离散型 流程型要上啥系统」
  // whose first part asks with an either-or and no question word.
  it('on the sixteenth fresh set, small-factory owners typing on a phone: homophone typos, pinyin initials, dialect, Chinese numbers, run-on questions, industry or city as context, after fixing what it found (measured once before: hit@3 96.3, facts 100, concluded 96.3, facts in conclusion 92.6, out of scope refused 80)', () => {
    expect(figures(evaluate(kb, fresh16))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for its causes: statements around the one asking part pulling the answer to what they
  // mention (AGV asked, 条码 said), a province named as the head office's seat refused as another
  // province's programme, another province's own 申报条件 answered with this notice's, 数字化车间 named
  // as what was built read as a title held, an earlier title's workshop read as the kind of workshop
  // asked about, 各 asking about both categories' quotas, an either-or part in a run-on question, a
  // past year's list, the forms' attachments compared. One expectation was widened after measuring:
  // 「流程型要上啥系统」 had only 三(三)3, but 三(三)2 and 三(三)4 name the process factory's systems too
  // (the answer before the fixes cited none of the three).
  it('on the seventeenth fresh set, long helpline messages: background stories, the question buried in them, polite padding, several questions in one, follow-ups, negative phrasing, after fixing what it found (measured once before: hit@3 86.7, facts 83.3, concluded 93.3, facts in conclusion 76.7, one in-scope question refused, out of scope refused 66.7)', () => {
    expect(figures(evaluate(kb, fresh17))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for its causes: a number with a unit (350M, 20秒) not matched to the entry about that unit,
  // music offered instead of narration, a black-and-white PDF to save space, 二维 against 三维 design
  // software, 初审 asked as paper only, the 推荐汇总表 mailed or uploaded, another programme's own
  // requirements answered with this notice's, a loan after the title read as re-application. Two
  // expectations were corrected after measuring: a penalty record is outside the notice (the unseen
  // set has it so; the refusal quotes 二(四)), and 「未规定」 was wording, not a fact of the notice.
  it('on the eighteenth fresh set, questions that name a value of their own and ask whether it will do, comparisons, points left to others, a bureau’s 初审 and 推荐, after fixing what it found (measured once before, as first written: hit@3 96.2, facts 92.3, concluded 92.3, facts in conclusion 88.5, one in-scope question refused, out of scope refused 66.7)', () => {
    expect(figures(evaluate(kb, fresh18))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for its causes: a handwriting question concluded on e-signing, an e-seal on the stamped
  // pages answered 「要」 put them in the PDF, the cover's seal answered with the commitment's, 只有几台
  // read as asking how many, a company too young for an audited year told which year, a county's
  // recommendation routed through its city and what it uploads besides the 推荐汇总表 left
  // unconcluded, a subsidy or another programme's list answered through a shared word. One
  // expectation was corrected after measuring: the cover's 「（盖 章）」 is spaced by the form's
  // layout; the fact is 「（盖章）」 (its answer before the fixes missed it either way).
  it('on the nineteenth fresh set, run-on speech, two asks in one message, signatures and seals, a county bureau’s channel and uploads, traditional characters and typos, after fixing what it found (measured once before: hit@3 96.3, facts 92.6, concluded 100, facts in conclusion 88.9, out of scope refused 66.7)', () => {
    expect(figures(evaluate(kb, fresh19))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for its causes: applying for the green-factory list answered with 二(三)'s 优先支持, whether
  // the stamped page must be printed left to the closest text, a workshop's signature question
  // citing only the factory forms, a city's 一共能往省里推几家 read as the province's total and then
  // as the number of titles, downloading the 诊断报告 answered with the forms' download, and two
  // conclusions that paraphrased the notice (PDF彩色版格式; a workshop title holder's 或智能工厂).
  it('on the twentieth fresh set, phone-style questions: form cells of 附件1/2/3, quotas by city and county, prior titles, stamped pages and signatures, materials and video, deadlines, and out-of-scope asks (money, another province, past lists, scoring, chit-chat, writing, an instruction), after fixing what it found (measured once before: hit@3 95.5, facts 100, concluded 95.5, facts in conclusion 86.4, out of scope refused 87.5)', () => {
    expect(figures(evaluate(kb, fresh20))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for its causes: a process-only system asked of the discrete factory beside the process
  // factory (both types named) answered with the process factory's 是, 分别 not read as a comparison
  // of 经营管理, 技术水平 answered by the whole 企业情况概述 with the wrong quotes, a named past batch
  // year's list of titled firms answered with the prior-title rule, spoken 一块儿 not read as 一起,
  // and a 省直管县's upload channel answered without 四(四)'s 推荐库.
  it('on the twenty-first fresh set, a bureau’s own questions (初审, quotas, 省直管县, deadlines, 推荐意见), form cells of 附件1/2/3, 车间 vs 工厂 and 离散 vs 流程 comparisons, typos, pinyin and Henan speech, and out-of-scope asks, after fixing what it found (measured once before: hit@3 86.4, facts 90.9, concluded 90.9, facts in conclusion 86.4, out of scope refused 87.5)', () => {
    expect(figures(evaluate(kb, fresh21))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for its causes: a system asked of both factory categories (离散型要MES，流程型要不要) finding
  // neither category's entry, a category named by its industry (化工厂) not meeting the guards that
  // spell 流程, the bureau's 初审 seal asked without 推荐, a city's count pushed up (推了16家), an
  // editable document (WPS) for the PDF, stamped pages described by what was done to them, form cells
  // named short (调度那一格), headcount as 多少人, a plaque's workshop applied for again, selling with
  // an assembly line, and out-of-scope parts answered through a shared word (到账 read as a title won,
  // 关税, another province's materials list, next year's round).
  it('on the twenty-second fresh set, callers’ and bureau staff’s phone questions: Henan speech, typos, run-on and two-part asks, 离散 vs 流程 and 车间 vs 工厂 comparisons, form cells of 附件1/2/3, quotas, 省直管县 and 济源, seals and signatures, uploads, dates, and out-of-scope asks, after fixing what it found (measured once before: hit@3 87.5, facts 77.5, concluded 82.5, facts in conclusion 72.5, two in-scope questions refused, out of scope refused 60)', () => {
    expect(figures(evaluate(kb, fresh22))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for their causes: a subsidiary asked for after the group's name is ruled out (集团名义报不中的话，
  // 用集团下头那个公司报) told 不能, and one subsidiary alone given the two-sibling answer; a loss said as
  // 亏了 refused; a site check said as 去厂里看 and one workshop beside another as a factory (一个报车间
  // 另一个报工厂) given the fallback; two subjects set apart from what is asked of each (航空港区跟省直管县
  // 推荐名额各是几家) answered for one; printing the diagnosis report, attachments merged into the PDF, the
  // platform's address for an enterprise not yet registered, and which form a trade fills answered beside
  // the point; another programme's application in one part (省级工业设计中心咋申报，要啥材料) answered with
  // this notice's materials. Still short of a fact in the conclusion: the 不良品率 unit is said as %, the
  // cell's own 「产品不良品率（%）」 only quoted.
  it('on the twenty-third fresh set, applicants’, callers’ and bureau staff’s phone questions: groups and subsidiaries, titles held, quotas incl. 航空港区 and 省直管县, deadlines, materials, video, signatures, losses and revenue, 离散 vs 流程, form cells, and out-of-scope asks, after fixing what it found (measured once before: hit@3 93.8, facts 84.4, concluded 90.6, facts in conclusion 68.8, one in-scope question refused, out of scope refused 87.5)', () => {
    expect(figures(evaluate(kb, fresh23))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for their causes: the platform's own 直接在网上传 excluded as if it were 直接报省厅, and a run-on
  // question's context drowning it; a subsidiary asking whether its own name counts as the group's told 不能;
  // a value in Chinese numerals (一百八十兆) not compared with the bound; voice input's 多包 for 多报; a blank
  // cell (传真 空着) answered with the list of contact fields; 算节能减排企业吗 answered with the energy unit;
  // the indicators' scope (税金含哪些税) answered with the years; 比智能车间多要求 and 流程型那张表换成了啥
  // not read as comparisons; a site check's report said as 核查报告; an acronym asked 对应哪条; another
  // programme asked by its holder (服务型制造示范企业咋报), scores (满分, 过线分), traffic and vendors' value
  // for money answered; a video's length named beside its size (两分半钟 一百八十兆) answered for the size
  // only; SCADA's related requirement, once only quoted, is now said in the conclusion.
  it('on the twenty-fourth fresh set, helpline staff relaying callers, bureau clerks, accountants and IT managers: run-ons, homophones, traditional script, Chinese numerals, two-part asks, 车间 vs 工厂 and 离散 vs 流程, form cells, quotas incl. 省直管县, titles held, subsidiaries, and out-of-scope asks, after fixing what it found (measured once before: hit@3 88, facts 68, concluded 88, facts in conclusion 56, out of scope refused 42.9)', () => {
    expect(figures(evaluate(kb, fresh24))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for their causes: 王站 for 网站 not repaired; the seal pages asked as 要盖章的那几页 answered with the
  // photos; the quota compared as 谁能推的多 refused; what follows a recommendation to the province (咋知道评没评上,
  // 是不是就算评上) answered with who recommends or the closest text; scores asked as 占几分 and a leasing company
  // answered; 即家 for 几家 not repaired; a request to write a section (帮我把…写出来) answered with the element
  // conditions; a change after submission (撤回重新传) refused as not covered rather than said to be left open; an
  // empty summary table (传个空的) answered with who uploads it; the indicators' basis (年末数还是平均数) not answered.
  it('on the twenty-fifth fresh set, accountants on the forms’ years and units, county officials, voice-typed owners, IT managers with acronyms, comparisons, two-part asks, what follows submission, and out-of-scope asks, after fixing what it found (measured once before: hit@3 78.3, facts 69.6, concluded 82.6, facts in conclusion 60.9, three in-scope questions refused, out of scope refused 57.1)', () => {
    expect(figures(evaluate(kb, fresh25))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for their causes: a clerk's self-introduction and 「有个企业打电话问」 read as a question about a bureau's
  // phone; 附件3's cell proved with 附件2's twin; whether 「3月15日前」 includes the 15th answered with who uploads;
  // the workshop's material delivery compared with the discrete factory's answered with the element list; a
  // writing task phrased 整一段 answered; conclusions that paraphrased a requirement (「达到省内行业先进水平」 quoted
  // inside a sentence of their own, a unit without its cell's name) now state the clause's own words.
  it('on the twenty-sixth fresh set, county clerks relaying callers, quality managers on their branch\'s elements, phone typing, form cells, dates and seals, comparisons and out-of-scope asks, after fixing what it found (measured once before: hit@3 87, facts 87, concluded 95.7, facts in conclusion 60.9, one in-scope question refused, out of scope refused 85.7)', () => {
    expect(figures(evaluate(kb, fresh26))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for their causes: 一块 before a verb of applying read as 一起 (「zncj和zngc今年能一块报不」); a subsidy asked
  // as a share of the investment and a weight asked as 「权重占多大」 refused; 「自动导引运输车（AGV）」 named in the
  // conclusion, not only AGV.
  it('on the twenty-seventh fresh set, a city bureau\'s 初审, an equipment supplier for a customer, a process plant\'s IT head on 三(三), pinyin initials and homophones, form cells of 附件1/2/3, titles held, comparisons, Chinese numerals and out-of-scope asks, after fixing what it found (measured once before: hit@3 95.7, facts 95.7, concluded 95.7, facts in conclusion 91.3, none in scope refused, out of scope refused 71.4)', () => {
    expect(figures(evaluate(kb, fresh27))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for their causes: 「推给省厅还是挑一挑」, a share said as 「才占两成」 and a rate as 千分之 asked of the cell's
  // unit, a video's 4K and length asked together, 连续化生产 read as the process branch, a sibling company's title, a
  // subsidiary whose main business is trade, 「像离散型那样」 asked of the process branch, another programme asked
  // with 今年 before 怎么报, and an injection claiming administrator rights. 流程型行业 for a workshop is still
  // concluded in the entry's own words rather than the clause's.
  it('on the twenty-eighth fresh set, county clerks on 初审 and quota, 省直管县 applicants, food and pharma plants, groups, titles held, dates and figures typed oddly, wrong figures quoted back and out-of-scope asks, after fixing what it found (measured once before: hit@3 95.7, facts 91.3, concluded 82.6, facts in conclusion 65.2, none in scope refused, out of scope refused 71.4)', () => {
    expect(figures(evaluate(kb, fresh28))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 95.7, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for their causes: a factory spanning two counties asked with 初审, workshops in two counties each applying,
  // two workshops combined (「合在一起」 is no question about an assembly workshop), a workshop whose line is neither
  // clearly discrete nor process, 「联网占比」 no longer repaired to 网站, and 「通知是这么写的吗」 read as a tag. The county
  // quota is concluded as 「每个县（市）…不多于5家」, not in the clause's own 「各县（市）不多于5家」.
  it('on the twenty-ninth fresh set, a city bureau on the 推荐汇总表, a factory over two counties, a machinery plant, new and foreign-invested companies, full-width digits, Henan speech, homophone typos, right and wrong figures quoted back and out-of-scope asks, after fixing what it found (measured once before: hit@3 91.3, facts 91.3, concluded 95.7, facts in conclusion 82.6, none in scope refused, out of scope refused 100)', () => {
    expect(figures(evaluate(kb, fresh29))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 95.7, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Fixed for their causes (tests/qa/trusted-answers.test.ts asks each in other words). One expectation was corrected
  // after the first measurement: 「申报书得盖章不」 is answered by the forms' 承诺 and 推荐意见 cells, not only by 四(二).
  it('on the thirtieth fresh set, titles held, figures confirmed, a system the enterprise has, running time, an industry asked of a category, contact cells, a branch with its own legal personality, two questions typed as one run and out-of-scope asks, after fixing what it found (measured once before: hit@3 95.1, facts 86.3, concluded 90.1, facts in conclusion 78.8, one in-scope question refused, out of scope refused 100)', () => {
    expect(figures(evaluate(kb, fresh30))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Who may apply, measured once before the fixes: a trade asked 算制造业吗 refused or given the general conditions,
  // a loss said as 利润是负的 missed, a works under a public institution, a subsidiary of a parent outside Henan,
  // certificates the notice does not ask for refused as another programme, 「上线多久」 answered with whether the
  // system is required, the second of two questions dropped, and PDM answered for the discrete type only.
  it('on the thirty-first fresh set, who may apply: trades in and outside manufacturing, ownership, legal form, size and losses, certificates the notice does not ask for, missing systems, running time and two-part asks, after fixing what it found (measured once before: hit@3 73.3, facts 46.7, concluded 80, facts in conclusion 43.3, seven in-scope questions refused, out of scope refused 100)', () => {
    expect(figures(evaluate(kb, fresh31))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // The forms and the element conditions, measured once before the fixes: a part of one form answered with all three
  // forms' structure, a system asked of no category answered in numbered parts or by the closest clauses, the seals not
  // counted, 「…研发设计有什么要求」 answered 不要求 or with the whole category's list.
  it('on the thirty-third fresh set, the forms and the element conditions, after fixing what it found (measured once before: hit@3 84.1, facts 79.4, concluded 90.5, facts in conclusion 77.8, one in-scope question refused)', () => {
    expect(figures(evaluate(kb, fresh33))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Situations, confirmations, two-part asks, where to hand in and pinyin, measured once before the fixes: a Henan unit
  // with its own licence under an outside parent given the general conditions, a format or colour confirmed or
  // contradicted without 对/不对, the second of two categories' parts read as the first's, an email answered with the
  // closest text, and full pinyin refused as outside the notice. (Its facts 对 and 不对 are only substrings here;
  // tests/qa/situations-and-confirmations.test.ts holds the first words.)
  it('on the thirty-second fresh set, situations, confirmations, two-part asks, where to hand in, pinyin and typos, after fixing what it found (measured once before: hit@3 87.5, facts 67.2, concluded 87.5, facts in conclusion 65.6, six in-scope questions refused, out of scope refused 100)', () => {
    expect(figures(evaluate(kb, fresh32))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Steps, quotas, materials, form cells, element conditions and what the notice does not cover, measured once before
  // the fixes: a loss said as 亏了两年 refused, the issuer of the notice answered with who recommends, 「初审过了以后」
  // and a workshop 「必须是搞加工制造的」 given the closest clauses, 「不实」 material given the closest clauses, and a
  // list's publicity period answered with the credit clause. A consultancy writing the application is refused as a
  // point the notice does not cover, with the commitment of truth it does state and the helpline.
  it('on the thirty-sixth fresh set, steps, quotas, materials, form cells, element conditions and questions the notice does not cover, after fixing what it found (measured once before: hit@3 97.3, facts 98.6, concluded 94.6, facts in conclusion 94.6, one in-scope question refused, out of scope refused 85.7)', () => {
    expect(figures(evaluate(kb, fresh36))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Clauses named by their ID, each form's attachments, openings that only say when (改造完成后, 申报的时候), whether
  // registration in Henan is enough, third-party drafting, loose matches naming a topic the notice leaves out and an
  // industry's notes, measured once before the fixes: a clause ID answered with the closest text or refused, a
  // factory's attachments answered with which form to use, 「车间改造完了还要录视频交上去吗」 given the closest text,
  // a title's validity, tax relief and supplier recommendations answered as re-application or a system requirement.
  // Still wrong: 「没注册过平台账号的企业怎么办」 says 「先在…注册」 where the set's fact is 「先注册」.
  it('on the thirty-seventh fresh set, clause IDs, each form\'s attachments, openings that say when, registration in Henan, third-party drafting and topics the notice leaves out, after fixing what it found (measured once before: hit@3 86.5, facts 87.8, concluded 87.8, facts in conclusion 82.4, four in-scope questions refused, out of scope refused 64.3)', () => {
    expect(figures(evaluate(kb, fresh37))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 98.6, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Several-part questions, places that recommend on their own, form cells, where a system comes from and what the
  // notice does not cover, written from the notice before the answer base was read; measured once before the fixes:
  // a cell's years answered with the loss rule, a workshop's production lines with the general conditions, the
  // directions with the yearly limit, the notice's issuer with who recommends, and a later round, a WMS vendor, an
  // ERP brand to pick and yearly reports after the title answered. Still wrong: 「智能工厂一般投资多少钱能建成」 is
  // answered (the notice sets no investment figure) where the set wants it refused, and 「ERP是租用云服务的可以吗」
  // is answered with the system-source rule, which does not spell out 企业资源计划系统.
  it('on the thirty-eighth fresh set, several-part questions, places, form cells, system sources and topics the notice leaves out, after fixing what it found (measured once before: hit@3 93.2, facts 91.9, concluded 100, facts in conclusion 90.5, no in-scope question refused, out of scope refused 64.3)', () => {
    expect(figures(evaluate(kb, fresh38))).toEqual({ hit3: 100, facts: 98.6, concluded: 100, factsInConclusion: 97.3, inScopeRefused: [], outOfScopeRefused: 92.9 });
  });

  // Callers' ways, measured once before the fixes: an injection said as 忽略上面的规则 given the closest clauses. Fixed
  // beside it as classes, though the set's facts were met: a trade beside a quota now says the quota is per place, and
  // 排产系统 is no longer said to be required by name. Still short: 「设备是融资租赁的，联网数算不算进去」 gets the leasing
  // answer (二(一)) where the set wants 三(一)3; 「投资那格单位是万元还是元」 is answered by the indicators' units entry, which
  // names the investment cell only after them; 「纸质版还要寄吗」 says the notice asks for none, without the helpline the set wants.
  it('on the thirty-ninth fresh set, callers’ ways: typos, Henan speech, two questions at once, confirmations, Chinese numerals and fourteen questions the notice does not cover, after fixing what it found (measured once before: hit@3 97.1, facts 95.4, concluded 100, facts in conclusion 95.4, none in scope refused, out of scope refused 92.9)', () => {
    expect(figures(evaluate(kb, fresh39))).toEqual({ hit3: 97.1, facts: 96.9, concluded: 100, factsInConclusion: 96.9, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Callers' ways again, with ten follow-ups read after the question before them, measured once before the fixes: a
  // category asked for with a leave tag (想报个智能车间，行不行啊; 报离散型的中不) given the closest text, a trade asked
  // whether it may apply (化工厂报智能工厂可以不) answered with the type alone, a licence asked of a scan beside the
  // copy answered 通知没有规定 without what 四(二) says, and a vendor asked as 推荐几家 answered with the quota.
  it('on the fortieth fresh set, callers’ ways, follow-ups after a question and fourteen questions the notice does not cover, after fixing what it found (measured once before: hit@3 100, facts 96.8, concluded 93.9, facts in conclusion 96.8, none in scope refused, out of scope refused 92.9)', () => {
    expect(figures(evaluate(kb, fresh40))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });

  // Applicants' ways once more: Henan speech (俺们, 中不中, 得了 for a title won, 两回), typos (截至, 报高, 车监), figures in
  // 汉字, follow-ups after a question and six questions the notice does not cover. Measured once before the fixes: a title
  // 「得了」 read as nothing, 「能推荐二十家不」 and 「两条线能报两回不」 given the closest text, 「那AVI中不中」 after MP4 refused,
  // a seal asked as 盖…的章 and a PNG screenshot answered by the audit year and the screenshots' content. 「啥格式都中吗」 after
  // 「照片要几张」 asks only a property, so it is read of the photos though alone it is the application form's format.
  it('on the forty-first fresh set, applicants’ ways, follow-ups and six questions the notice does not cover, after fixing what it found (measured once before: hit@3 91.7, facts 73.9, concluded 83.3, facts in conclusion 69.6, one in scope refused, out of scope refused 100)', () => {
    const r = evaluate(kb, fresh41);
    expect(figures(r)).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
    const failed = new Set([...r.misses, ...r.factMisses, ...r.notConcluded, ...r.inScopeRefused, ...r.outOfScopeAnswered].map((m) => m.split(' → ')[0]));
    expect(fresh41.length - failed.size).toBe(30);
  });

  // Applicants once more, each phrasing new: Henan speech (中不中, 能报不, 俺们), 汉字 figures (十五家, 两分钟), a figure
  // confirmed and another asked in one message, who decides, a term asked what it means, a property asked after a question
  // and four questions the notice does not cover. Measured once before the fixes: 26 of 30 with a correct first sentence and
  // clause (hit@3 92.3, facts 92.3, concluded 96.2, facts in conclusion 88.5, out of scope refused 75). Missed: 「要盖章吗」
  // after 「营业执照要交复印件吗」 answered of the application form, 「市里定还是省里定」 given the closest text, 「建设成效的
  // 相片」 read as the results to show, and 「俺们能评上不」 not read as the prediction 「能评上吗」 is.
  it('on the forty-second fresh set, applicants’ ways, who decides, a term’s meaning, a property asked after a question and four questions the notice does not cover, after fixing what it found', () => {
    const r = evaluate(kb, fresh42);
    expect(figures(r)).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
    const failed = new Set([...r.misses, ...r.factMisses, ...r.notConcluded, ...r.inScopeRefused, ...r.outOfScopeAnswered].map((m) => m.split(' → ')[0]));
    expect(fresh42.length - failed.size).toBe(30);
  });

  it('on the tuning set (its held-out twin is measured by npm run eval:qa -- --heldout only)', () => {
    expect(figures(evaluate(kb, tuning))).toEqual({ hit3: 100, facts: 100, concluded: 100, factsInConclusion: 100, inScopeRefused: [], outOfScopeRefused: 100 });
  });
});
