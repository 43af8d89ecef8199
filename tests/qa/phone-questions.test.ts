import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const lead = (q: string) => answerQuestion(kb, q).answer.split('\n')[0]!;

/** Questions as typed on a phone: the classes of wrong answer they showed, each asked in other words. */
describe('questions typed on a phone', () => {
  it('reads 「拿了」 a title as holding it: the rule for the title held answers, not the one-a-year rule', () => {
    expect(lead('前年拿了智能车间，今年能报智能工厂不')).toMatch(/^可以。只获得过智能车间称号的企业/);
    expect(lead('去年拿了智能工厂 今年还能报车间吗')).toMatch(/^不能。已获得过智能工厂称号的企业/);
    // Nothing held: two in one year is still the one-a-year rule.
    expect(lead('一个车间报了智能车间，工厂同年还能报智能工厂吗')).toMatch(/^不能。每家企业当年限报1个/);
  });

  it('answers where to check a credit list with the websites, and whether a listed firm can apply with no', () => {
    for (const q of ['税收违法黑名单去哪个网站查', '老赖名单在哪查', '严重违法失信名单上哪查']) {
      const a = lead(q);
      expect(a, q).toContain('creditchina.gov.cn');
      expect(a, q).toContain('gsxt.gov.cn');
    }
    expect(lead('被列入严重违法失信名单能报吗')).toMatch(/^不能。/);
    // A list of past winners is not a credit list.
    expect(answerQuestion(kb, '去年河南省智能车间名单在哪里查').outOfScope).toBe(true);
  });

  it('does not repeat a part that the whole question\'s answer already gives in full', () => {
    const a = answerQuestion(kb, '许昌推荐名额几个 南阳呢').answer.split('\n依据')[0]!;
    expect(a).not.toMatch(/^1\./);
    expect(a.match(/许昌市/g)).toHaveLength(1);
    expect(a).toContain('南阳市属于');
  });

  it('does not open with 「是，」 when asked what something must do, and says what MES must do', () => {
    const a = lead('制造执行系统在车间要实现哪些功能');
    expect(a).not.toMatch(/^是/);
    expect(a).toContain('实现车间作业计划、设备维修维护计划自动生成');
    expect(lead('智能车间必须要有MES吗')).toMatch(/^是，/);
  });

  it('says the diagnosis report is not written by the enterprise but downloaded after the questionnaire', () => {
    const a = lead('数字化转型诊断报告是企业自己编写吗');
    expect(a).toMatch(/^不用。/);
    expect(a).toContain('诊断问卷');
    // Asked how to get it, the steps, with no verdict.
    expect(lead('数字化转型诊断报告怎么弄')).toMatch(/^登录数字化转型诊断服务平台/);
  });

  it('reads 「交不交」「放不放」 about the signed and stamped pages as whether they go into the PDF', () => {
    for (const q of ['签字盖章页交不交', '盖章页放不放pdf里']) expect(lead(q), q).toMatch(/^要。四\(二\)要求/);
  });

  it('answers an investment threshold said as an amount: the notice sets none', () => {
    expect(lead('工厂投资得上亿才能报吗')).toMatch(/^通知没有规定投资额或投入下限/);
  });
});

/** 「能报智能工厂吗」: the category named between the verb and 吗 is the verb's object, and the industry named before it is context. */
describe('can-we-apply questions that name the category or the industry', () => {
  const who = /^符合以下条件的企业可以申报：在河南省境内注册、具有独立法人资格/;

  it('answers with the applicant conditions when the category sits inside 「能报…吗」', () => {
    for (const q of ['我们能申报智能工厂吗', '可以申报智能车间吗', '我们厂能报省级智能车间吗', '流程型企业能报吗']) expect(lead(q), q).toMatch(who);
  });

  it('answers a factory type asked for by the rule that decides it, then the applicant conditions', () => {
    for (const q of ['我们能报离散型智能工厂吗', '我们能报流程型智能工厂吗']) {
      expect(lead(q), q).toMatch(/^要看企业主要产品的生产工艺：属于流程型、能达到流程型三\(三\)要素条件的可以报流程型智能工厂/u);
      expect(lead(q), q).toContain('具有独立法人资格');
    }
  });

  it('reads a manufacturing industry named before the question as context: its division first, then the applicant conditions', () => {
    for (const q of ['我们是做光伏组件的，能报智能工厂吗', '做锂电池的能报智能车间吗', '我们是做服装的能报智能工厂吗', '做白酒的企业可以申报智能车间吗']) {
      expect(lead(q), q).toMatch(/^可以。\S+属于制造业（国民经济行业分类GB\/T 4754制造业门类的大类\d\d“[^”]+”）。符合以下条件的企业可以申报：在河南省境内注册、具有独立法人资格/);
    }
  });

  it('says no to a business the notice excludes, named in the same way, naming its division outside manufacturing', () => {
    for (const q of ['我们是做建筑施工的能报智能工厂吗', '我们是搞装修的能报智能车间吗', '房地产公司能申报智能工厂吗', '我们是施工企业，可以申报吗']) {
      expect(lead(q), q).toMatch(/^不能。\S+属于国民经济行业分类（GB\/T 4754）的大类\d\d“[^”]+”，不是制造业。二\(一\)要求申报主体是“单体制造业企业”，并且“不支持生产制造为非主营业务的企业申报”/);
    }
    // A workshop still being built is a stage of work, not a building contractor.
    expect(lead('车间还在施工能报吗')).not.toMatch(/^不能/);
  });

  it('keeps other questions that carry the same verb on their own entries', () => {
    expect(lead('郑州能报几家智能工厂')).toMatch(/^郑州市本次申报推荐企业不多于20家/);
    expect(lead('智能车间和智能工厂可以同时报吗')).toMatch(/^不能。每家企业当年限报1个/);
    expect(lead('我们是化工企业，能报智能车间吗')).toMatch(/^可以。智能车间不分行业类型/);
  });
});

describe('whether a stated share of equipment is enough', () => {
  it('answers 「…够吗」 with the rule that sets no number', () => {
    for (const q of ['我们的车间有200台设备，其中150台是数控的，够吗', '自动化设备占七成达标吗']) expect(lead(q), q).toMatch(/^通知没有给出具体数值。三\(一\)2/);
    expect(lead('车间120台设备有90台联网了，够不够')).toMatch(/^通知没有给出具体数值。三\(一\)3/);
  });
});

describe('when the work was done, and whose patents', () => {
  it('answers a stated year of completion with the rule that sets no running time', () => {
    for (const q of ['我们2021年改造完的能报吗', '改造是2019年做的还能报吗', '车间2018年就建成了，现在还能报吗']) expect(lead(q), q).toMatch(/^通知没有规定建成或运行满多长时间/);
    expect(lead('我们厂在改造中能报吗')).toMatch(/^通知没有规定须全部建成才能申报/);
  });

  it('answers whether a group\'s patents may be used with the owner entry, not with 「要」', () => {
    const a = lead('可以用集团的专利吗');
    expect(a).toMatch(/^通知没有规定。/);
    expect(a).toContain('母公司、关联企业或个人名下的专利');
  });
});

describe('where the province office is, and posting the materials', () => {
  it('refuses the office address as a topic the notice leaves out, and still gives its phone', () => {
    const a = answerQuestion(kb, '省工信厅在哪里办公');
    expect(a.outOfScope).toBe(true);
    expect(a.answer).toContain('省工业和信息化厅的办公地址');
    expect(lead('省工信厅电话多少')).toContain('0371—65507698');
    expect(answerQuestion(kb, '省工信厅电话多少').outOfScope).toBe(false);
  });

  it('answers posting the materials with the platform, and posting them to the province with the local channel', () => {
    for (const q of ['纸质材料寄到哪个地址', '申报材料要快递吗']) expect(lead(q), q).toMatch(/^在“河南省智能制造服务平台”/);
    expect(lead('材料要寄到省工信厅什么地址吗')).toMatch(/^不能直接报省厅/);
  });
});

describe('form cells the notice names without defining', () => {
  it('says the notice gives no definition or method, and names the cell or section', () => {
    const cases: [string, RegExp][] = [
      ['资本性质填什么', /^通知没有列出资本性质的分类或写法/],
      ['注册资本单位是什么', /^通知所附智能工厂申报书的企业基本信息表没有“注册资本”一栏/],
      ['主要产品占营业收入比重怎么算', /^通知没有给出算法，只要求写明“主营产品占企业营业收入占比”/],
      ['产品升级周期指什么', /^通知没有解释“产品升级周期”的含义或算法/],
      ['运营成本包括哪些', /^通知没有规定运营成本的构成或算法/],
      ['成立时间填营业执照上的吗', /^通知没有规定成立时间的口径/],
      ['智能车间申报书要填车间投资吗', /^所存的通知文本中附件1的表格不完整/],
    ];
    for (const [q, re] of cases) expect(lead(q), q).toMatch(re);
  });

  it('keeps the neighbouring questions on their own entries', () => {
    expect(lead('注册资本要多少才能报')).toMatch(/^没有规模门槛/);
    expect(lead('民营企业可以报吗')).toMatch(/^可以。通知没有限制企业的所有制或资本性质/);
    expect(lead('营业执照要原件吗')).toMatch(/^不用原件，要的是复印件/);
    expect(lead('成立不到一年能报吗')).toMatch(/^通知没有规定成立年限/);
    expect(lead('车间投资要多少才能报')).toMatch(/^通知没有规定投资额或投入下限/);
    expect(lead('运营成本按什么单位填')).toBe('按万元/天填：效益指标表写的是“运营成本（万元/天）”。');
    expect(lead('申报书要交纸质的吗')).toMatch(/^通知没有要求报送纸质材料/);
  });
});

describe('certifications asked as a condition', () => {
  it('answers 「需要…认证/贯标吗」 with the conditions that list none, and still refuses how to get one', () => {
    for (const q of ['需要两化融合贯标吗', '要先做两化融合贯标吗', '需要通过ISO9001认证才能报吗']) expect(lead(q), q).toMatch(/^不需要，没有也可以申报：通知的申报条件（二）和要素条件（三）都没有要求(两化融合贯标|ISO9001认证)。/);
    expect(answerQuestion(kb, 'ISO9001质量体系认证要怎么办').outOfScope).toBe(true);
    expect(answerQuestion(kb, '两化融合贯标怎么申请').outOfScope).toBe(true);
  });
});

describe('process-plant storage and recipes', () => {
  it('reads 「堆场…我们没有，用不着」 as a plant without a yard, not as a requirement to have one', () => {
    for (const q of ['堆场管理系统我们没有，用不着', '罐区我们不涉及']) expect(lead(q), q).toMatch(/^通知没有专门规定。三\(三\)4写的是/);
  });

  it('answers recipe management with 三(三)2\'s PDM, and leaves recipe optimisation to the AI entry', () => {
    expect(lead('流程型工厂的产品配方管理要做到什么程度')).toContain('实现产品配方、产品工艺数据的集成管理');
    expect(lead('配方优化要用人工智能吗')).toContain('配方优化');
  });
});

describe('the notice itself', () => {
  it('says which year it covers, and that its stored text carries no date or number', () => {
    for (const q of ['2023年的通知现在还有效吗', '这个通知过期了吗']) expect(lead(q), q).toMatch(/^这份通知只安排2023年度的申报/);
    for (const q of ['通知是哪天发的', '通知文号是多少']) expect(lead(q), q).toMatch(/^通知没有写明发文日期和文号/);
    expect(lead('申报通知是谁发的')).toMatch(/^由河南省工业和信息化厅办公室发布/);
    expect(answerQuestion(kb, '智能车间称号有效期几年').outOfScope).toBe(true);
  });
});

describe('titles from other programmes or levels', () => {
  it('answers a national or 数字化车间 title held with the rule that names neither, never as a 智能车间 title', () => {
    for (const q of ['我们是国家级智能制造示范工厂，还用报省级吗', '已经是省级数字化车间了还能报智能车间吗', '我们评上过数字化车间，能报智能工厂吗']) expect(lead(q), q).toMatch(/^通知没有专门规定。四\(一\)只对已获得过智能工厂称号/);
    expect(lead('评上过智能车间，能报智能工厂吗')).toMatch(/^可以。只获得过智能车间称号的企业/);
    expect(answerQuestion(kb, '国家级智能制造示范工厂怎么报').outOfScope).toBe(true);
  });
});

describe('video and PDF details the notice leaves open', () => {
  it('does not read 配音乐 as narration, and says the notice leaves orientation and watermarks open', () => {
    for (const q of ['视频要不要配音乐', '视频要横屏还是竖屏']) expect(lead(q), q).toMatch(/^通知没有规定视频的片头、配乐、企业名称等细节/);
    expect(lead('视频要不要配音')).toMatch(/^要。各申报书的相关附件要求视频资料（[^）]*）并配以说明性旁白/);
    expect(lead('PDF要加水印吗')).toMatch(/^通知没有规定申报书PDF的水印、书签或加密/);
    expect(lead('申报书是PDF还是Word')).toMatch(/^要PDF彩色版/);
  });
});

describe('quota questions the table does not answer row by row', () => {
  it('says the notice sets no provincial total and no split by category', () => {
    expect(lead('全省一共能推荐多少家')).toMatch(/^通知没有规定全省的推荐总数/);
    expect(lead('名额是智能车间和智能工厂分开算吗')).toMatch(/^通知没有分开规定/);
    expect(lead('洛阳、新乡、南阳推荐名额各是多少？')).toMatch(/^洛阳市属于/);
  });
});

describe('two named systems asked together', () => {
  it('answers 「MES和ERP都要有吗」 for both, not for ERP alone', () => {
    for (const q of ['MES和ERP都要有吗', 'ERP和MES都必须上吗']) expect(lead(q), q).toMatch(/^要（智能车间、离散型智能工厂）：通知分别要求应用制造执行系统/);
  });
});

describe('what counts as a green enterprise, and how it is preferred', () => {
  it('says the notice defines neither, and keeps who is preferred on its own entry', () => {
    for (const q of ['什么是节能减排绿色发展企业', '我们是绿色工厂，能优先吗', '优先支持具体怎么优先']) expect(lead(q), q).toMatch(/^通知没有界定节能减排绿色发展企业的标准/);
    expect(lead('优先支持哪些企业')).toMatch(/^节能减排绿色发展企业。/);
    expect(lead('不是绿色工厂能申报吗')).toMatch(/^不是必要条件/);
  });
});

describe('whether we qualify, asked bare', () => {
  it('answers with the applicant conditions', () => {
    for (const q of ['我们符合条件吗', '我们够条件吗']) expect(lead(q), q).toMatch(/^符合以下条件的企业可以申报/);
  });
});

describe('the local review and which local bureau', () => {
  it('says the notice sets neither what the review checks nor which place recommends a split enterprise', () => {
    for (const q of ['县里初审要看哪些', '初审看什么']) expect(lead(q), q).toMatch(/^通知没有规定初审的内容和标准/);
    for (const q of ['可以跨县申报吗', '企业注册地和工厂不在一个县，找哪个县']) expect(lead(q), q).toMatch(/^通知没有规定：四\(三\)只写由各省辖市/);
    expect(lead('谁负责初审')).toMatch(/^由所在地工业和信息化主管部门初审/);
    expect(lead('公司注册在湖北，工厂在信阳，能报吗')).toMatch(/^不能以外省注册企业的名义申报/);
  });
});

describe('equipment, network and traceability wording', () => {
  it('says the notice lists no smart equipment, names no network medium, and does not take paper records as traceability', () => {
    for (const q of ['智能装备包括哪些', '机器人算智能装备吗', '数控机床算智能化设备吗']) expect(lead(q), q).toMatch(/^通知没有列出智能装备的清单/);
    expect(lead('车间网络必须是有线的吗')).toMatch(/^通知没有规定联网方式：没有要求一定用有线网络或以太网/);
    expect(lead('质量追溯用纸质记录可以吗')).toMatch(/^不符合，只用纸质或手工记录达不到这一项的写法/);
    expect(lead('批次追溯要做到什么程度')).toMatch(/^要做到每批次可追溯/);
    expect(lead('自控率是什么')).toMatch(/^通知没有规定数据自动采集比率、自控比率的计算方法/);
  });
});

describe('a font size is not a date', () => {
  it('does not answer 「几号字」 with the deadline', () => {
    expect(lead('申报书正文用几号字')).not.toMatch(/^3月15日/);
  });
});

describe('another programme asked with 咋/怎么, and a bare 高企', () => {
  it('refuses how to obtain another programme\'s recognition, and still answers applying here as such an enterprise', () => {
    for (const q of ['今年高企认定咋申报', '高企怎么申报', '专精特新怎么申报']) expect(answerQuestion(kb, q).outOfScope, q).toBe(true);
    expect(lead('专精特新企业怎么申报智能工厂')).toMatch(/^在平台上报，地方初审推荐/);
    expect(lead('不是高企可以报智能车间吗')).toMatch(/^不需要，没有也可以申报：通知的申报条件（二）和要素条件（三）都没有要求高企。/);
    expect(lead('流程型要上什么系统')).toMatch(/^离散型和流程型要应用的系统不同/);
  });
});

describe('the office preparing the package', () => {
  it('answers the cover seal, differing names, the order of attachments and how long the diagnosis takes, each with its own answer', () => {
    for (const q of ['申报书封面要盖章吗', '封面要盖哪个章']) expect(lead(q), q).toMatch(/^要盖申报企业的章/);
    expect(lead('申报书封面要填什么')).toMatch(/^智能工厂申报书封面填/);
    expect(lead('工厂名称和企业名称不一样怎么填')).toMatch(/^分别如实填写/);
    expect(lead('附件要按什么顺序排')).toMatch(/^通知没有规定附件的排列顺序/);
    expect(lead('诊断问卷填完多久能出报告')).toMatch(/^通知没有规定出报告的时间/);
    expect(lead('诊断报告怎么弄')).toMatch(/^登录数字化转型诊断服务平台/);
  });

  it('answers paper sent to the province as online submission, not as 「不能直接报省厅」', () => {
    expect(lead('纸质材料需要寄到工信厅吗')).not.toMatch(/^不能直接报省厅/);
    expect(lead('企业可以直接报给省工信厅吗')).toMatch(/^不能直接报省厅/);
  });

  it('refuses a plaque after recognition, and answers a held, plaqued title as the reapplication rule', () => {
    for (const q of ['被评上的企业要挂牌吗', '评上智能工厂以后会挂牌吗']) expect(lead(q), q).toMatch(/^《通知》没有涉及授牌和证书/);
    for (const q of ['已经挂牌的智能车间企业还能报吗', '已经授牌的智能车间还能报吗']) expect(lead(q), q).toMatch(/^可以。只获得过智能车间称号的企业/);
  });

  it('reads 「怎么报」 as how to apply, with a place as context', () => {
    for (const q of ['企业怎么报', '巩义的企业怎么报', '洛阳的企业怎么报智能车间']) expect(lead(q), q).toMatch(/^在平台上报，地方初审推荐/);
  });
});

describe('element questions whose honest answer is no or not in the notice', () => {
  it('answers manual inspection and spreadsheet scheduling with no, and leaves 「能申报吗」 to every condition', () => {
    for (const q of ['质量检测用人工抽检可以吗', '质检靠人工看行不行']) expect(lead(q), q).toMatch(/^不符合这一项的写法，只靠人工检测达不到/);
    for (const q of ['排产用Excel算不算高级排产', '生产计划是人工排的可以吗']) expect(lead(q), q).toMatch(/^不算，用Excel或人工排产达不到/);
    // Asked of no category: the process type's element conditions do not name it.
    expect(lead('在线检测设备必须有吗')).toMatch(/^要看申报哪一类：智能车间要（三\(一\)7）；离散型智能工厂要（三\(二\)3）；流程型智能工厂的要素条件（三\(三\)）没有点名在线检测。/);
    expect(lead('质量检测还是人工抽检，能申报智能车间吗')).toMatch(/^能不能报、报哪一类/);
  });

  it('says the notice sets no robot count, names no dashboard or deployment, and scopes data collection by data', () => {
    for (const q of ['智能车间要求有多少台机器人', '智能车间要有几台机器人']) expect(lead(q), q).toMatch(/^通知没有规定机器人的数量/);
    expect(lead('车间要有大屏看板吗')).toMatch(/^通知没有点名大屏或看板/);
    expect(lead('用的是云MES可以吗')).toMatch(/^通知没有规定系统的来源、品牌或部署方式/);
    expect(lead('数据采集要覆盖哪些设备')).toMatch(/^通知按数据而不是按设备说/);
  });
});

describe('a statement with a tag, checked against the notice', () => {
  it('reads 「是吧」「对吧」「吧」 at the end as a question and answers with the notice\'s figure, saying first that the figure asked is not it', () => {
    expect(lead('郑州市能推荐30家是吧')).toMatch(/^不对，通知写的不是30家。郑州市本次申报推荐企业不多于20家/);
    expect(lead('各县能推荐10家吧')).toMatch(/^不对，通知写的不是10家。每个县（市）本次申报推荐企业不多于5家/);
    expect(lead('照片至少要20张吧')).toMatch(/^不对，通知写的不是20张。至少要10张/);
  });

  it('answers 「必须是国企才能报」 with no, and leaving out a required attachment with what is required', () => {
    for (const q of ['听说智能车间必须是国有企业才能报', '只有国企能报吗']) expect(lead(q), q).toMatch(/^不是。通知没有限制企业的所有制/);
    expect(lead('外资企业能申报吗')).toMatch(/^可以。/);
    expect(lead('诊断报告可以不交吧')).toMatch(/^要。/);
    expect(lead('审计报告可以不交吗')).toMatch(/^通知没有例外规定/);
  });
});

describe('two subjects asked the same thing', () => {
  it('answers 「A和B分别…」 for each subject, and leaves a comparison whole', () => {
    const both = answerQuestion(kb, '视频和照片分别有什么要求').answer;
    expect(both).toMatch(/^1\. /);
    expect(both).toContain('1分钟左右');
    expect(both).toContain('不少于10张');
    const two = answerQuestion(kb, '截止时间和提交网址分别是什么').answer;
    expect(two).toContain('3月15日');
    expect(two).toContain('hnznzz.com');
    expect(lead('离散型和流程型智能工厂在研发设计上有什么区别')).toMatch(/^两类都要应用PDM、LIMS/);
  });
});

describe('refused for the right reason', () => {
  it('refuses a fee as a fee, not as a subsidy, and a question about the assistant\'s model as off topic', () => {
    expect(lead('申报需要交多少钱')).toMatch(/^《通知》没有涉及申报收费/);
    expect(lead('评上智能工厂奖励多少钱')).toMatch(/^《通知》没有涉及资金奖励、补贴等扶持政策/);
    expect(answerQuestion(kb, '你是什么模型').outOfScope).toBe(true);
    expect(answerQuestion(kb, '数字化模型是什么模型').outOfScope).toBe(false);
  });
});

describe('the two usual attachments asked together', () => {
  it('answers the licence and the audit report together, and each alone as before', () => {
    expect(lead('营业执照和审计报告要原件还是复印件')).toMatch(/^都交复印件/);
    expect(lead('营业执照要提供原件还是复印件')).toMatch(/^复印件。/);
    expect(lead('审计报告要原件还是复印件')).toMatch(/^交复印件/);
  });
});

describe('which category to apply for', () => {
  it('says it depends on which element conditions the applicant meets, after an enterprise introduces itself too', () => {
    for (const q of ['想问问能报哪个', '你好，我们是新乡的一家做电池隔膜的公司，想问问能报哪个', '我们适合报智能车间还是智能工厂', '报车间好还是报工厂好']) {
      const a = answerQuestion(kb, q);
      expect(a.outOfScope, q).toBe(false);
      expect(a.answer.split('\n')[0], q).toMatch(/^要看申报对象达到哪一类的要素条件/);
      expect(a.citations.map((c) => c.clause), q).toContain('二(二)');
    }
    // The difference between the two, and which factory type, keep their own answers.
    expect(lead('智能车间和智能工厂有什么区别')).toMatch(/^对象和范围不同/);
    expect(lead('我们是化工企业，应该报哪一类智能工厂')).not.toMatch(/^要看申报对象/);
    expect(lead('能报哪个平台')).toContain('hnznzz.com');
  });
});

describe('a workshop\'s size given as a count of machines', () => {
  it('says the notice sets no equipment count, instead of listing who may apply', () => {
    for (const q of ['我们车间只有30台设备能报吗', '车间才80台设备可以申报吗']) expect(lead(q), q).toMatch(/^通知没有规定车间的面积、人数、产线或设备数量/);
    // A count of machines asked as a ratio keeps the ratio's answer.
    expect(lead('我们有200台设备联网了60台够吗')).toMatch(/^通知没有给出具体数值/);
  });
});

describe('a value the notice gives only roughly or does not split', () => {
  it('says the notice sets no margin around 1分钟左右, and does not split the licence into 正本 and 副本', () => {
    // Near a minute the asker's own length is set against it; far off, the answer says so and advises a cut, and neither claims a margin.
    expect(lead('视频做了90秒可以吗')).toMatch(/^90秒与通知要求的时长1分钟左右相差不大/);
    expect(lead('视频拍了3分钟超了吗')).toMatch(/^3分钟明显偏离通知要求的时长1分钟左右/);
    for (const q of ['视频做了90秒可以吗', '视频拍了3分钟超了吗']) expect(lead(q), q).toContain('通知没有规定可以长或短多少');
    expect(lead('营业执照用副本复印件行吗')).toContain('通知没有区分正本和副本');
  });
});
