import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);

/**
 * Answers a caller can act on from the first sentence: each class of wrong answer the thirtieth fresh set showed,
 * asked in words of its own (apart from the answer base's phrasings and the fixture's), and the near misses that
 * must keep the answer they had.
 */
describe('an enterprise that says it is a 智能工厂 or 智能车间', () => {
  it('is answered on the title it holds, whichever category it asks for next', () => {
    expect(lead('咱厂已经是智能工厂了，再报个车间能行不')).toMatch(/^不能。已获得过智能工厂称号的企业/);
    expect(lead('我们企业本来就是省级智能工厂 想再申报一次工厂')).toMatch(/^不能。已获得过智能工厂称号的企业/);
    expect(lead('公司是智能车间了，今年报智能工厂中不中')).toMatch(/^可以。只获得过智能车间称号的企业/);
    expect(lead('我们是河南省智能车间 还想报一个车间可以吗')).toMatch(/^可以。只获得过智能车间称号的企业/);
  });

  it('keeps another company’s title, a definition and a plan apart from a title held', () => {
    // 母公司 and 控股公司 hold the title, not the asker: the notice is silent on that.
    expect(lead('母公司是智能车间 我们子公司能报工厂不')).toMatch(/^通知没有规定集团内其他企业的称号是否影响本企业/);
    expect(lead('什么是智能工厂')).toMatch(/^是在建设智能车间的基础上/);
    expect(lead('我们是要申报智能车间 需要啥材料')).toMatch(/^智能车间（附件1\.四）要附5项/);
  });
});

describe('a figure of the notice said back with 对吧 or 是吧', () => {
  it('opens with 对 when the figure is the notice’s, for a county said as 每个县 or 一个县 too', () => {
    expect(lead('每个县推荐5家对吧')).toMatch(/^对，通知写的就是5家。每个县（市）本次申报推荐企业不多于5家/);
    expect(lead('一个县最多推5个是吧')).toMatch(/^对，通知写的就是5个。/);
    expect(lead('一年限报一个是吧')).toMatch(/^对，通知写的就是一个。/);
  });

  it('opens with 不对 and gives the notice’s figure when the figure is another', () => {
    expect(lead('每县推荐8家对吧')).toMatch(/^不对，通知写的不是8家。每个县（市）本次申报推荐企业不多于5家/);
    expect(lead('郑州推荐25家对吧')).toMatch(/^不对，通知写的不是25家。郑州市本次申报推荐企业不多于20家/);
    // A bounded figure is corrected in one sentence that gives the bound.
    expect(lead('视频最大300兆对吧')).toMatch(/^不对，通知规定视频文件大小不超过200M，300兆超过了这个上限。/);
    expect(lead('汇总表3月20号前传对吧')).toMatch(/^不对，通知写的不是3月20号。3月15日前/);
    // The asker's own 15张 is not the notice's rule, even where the entry judges it enough.
    expect(lead('照片要15张是吧')).toMatch(/^不对，通知规定照片不少于10张，没有规定上限；15张够了。/);
  });

  it('leaves a question without a tag, and a figure asked to be judged, as they were answered', () => {
    expect(lead('各县推荐几家')).toMatch(/^每个县（市）本次申报推荐企业不多于5家/);
    expect(lead('照片拍8张够不够')).toMatch(/^不够，照片至少要10张/);
  });
});

describe('a system or machine the enterprise has, and whether it may apply', () => {
  it('says first that applying is judged on every condition, then what the clause says of the system', () => {
    for (const q of ['我们车间装了RGV 可以申报不', '上了WMS能不能报智能工厂']) expect(lead(q), q).toMatch(/^能不能报、报哪一类，要对照二的申报条件和三的全部要素条件逐项判断/);
    expect(lead('厂里新上了十台数控机床 够条件报智能车间不')).toMatch(/^光凭部分设备或单个系统下不了结论/);
  });

  it('keeps 不强制 for a workshop missing a system it adopts as needed, and says each category when none is named', () => {
    expect(lead('车间没有AGV能报吗')).toMatch(/^不强制。/);
    // 三(二)3 has no 「根据生产需要」: asked of no category, the workshop's 不强制 is not the whole answer.
    expect(lead('AGV是必须的吗')).toMatch(/^要看申报哪一类：智能车间根据生产需要采用（三\(一\)6）；离散型智能工厂[^；]*（三\(二\)3）；流程型智能工厂的要素条件（三\(三\)）没有点名AGV。/);
    expect(lead('智能车间要求有多少台机器人')).toMatch(/^通知没有规定机器人的数量/);
  });
});

describe('how long a workshop has run', () => {
  it('is said to be set by no clause, with what is judged instead', () => {
    for (const q of ['智能化改造完快一年了 现在报来得及吗', '生产线投产8个月了可以申报吗', '这条线建好三年了还能报不']) {
      expect(lead(q), q).toMatch(/^通知没有规定建成或运行满多长时间/);
      expect(clauses(q), q).toContain('二(二)');
    }
  });

  it('keeps a workshop still being built apart', () => {
    expect(lead('车间还在建 能报吗')).toMatch(/^通知没有规定须全部建成才能申报/);
  });
});

describe('an industry asked of a category', () => {
  it('says the notice maps no industry to a category, then what the industry usually is', () => {
    expect(lead('做家具的可以报流程型智能工厂吗')).toMatch(/^通知只把智能工厂分为离散型和流程型两类，没有给出行业与类型的对应关系。.*家具.*通常按离散型/);
    expect(lead('我们是造纸厂 能不能申报离散型')).toMatch(/^通知只把智能工厂分为离散型和流程型两类.*通常按流程型/);
  });

  it('keeps a question that names no industry, or compares the categories, as it was', () => {
    // A type asked for with no industry is decided by the enterprise's own process: the rule, then the applicant conditions.
    expect(lead('我们能报离散型智能工厂吗')).toMatch(/^要看企业主要产品的生产工艺/);
    expect(lead('流程型和离散型有啥区别')).toMatch(/^通知只把智能工厂分为离散型和流程型两类，没有给出行业清单或判定规则；区别在要素条件/);
    expect(lead('做化工的流程型工厂要上SIS吗')).toMatch(/^是（流程型智能工厂）。/);
  });
});

describe('the contact cells of the form', () => {
  it('answers that the cell is there, quoting the forms', () => {
    expect(lead('申报书要写E-mail不')).toMatch(/^要填：附件2、附件3的企业基本信息表里，联系人一栏列有/);
    expect(lead('联系人手机要填吗')).toContain('手机');
    expect(lead('附件2有没有企业负责人电话这一栏')).toMatch(/^有，附件2“电话”。/);
    expect(clauses('申报书要写E-mail不')).toEqual(['附件2.一(一)', '附件3.一(一)']);
  });

  it('keeps a blank cell, the helpline’s number and photos taken on a phone apart', () => {
    expect(lead('没有传真这一栏可以空着吗')).toMatch(/^通知没有规定。/);
    expect(lead('有问题打谁电话')).toMatch(/^可咨询省工业和信息化厅数字化与未来产业处，电话0371—65507698/);
    expect(lead('省厅手机号多少')).toMatch(/^可咨询省工业和信息化厅数字化与未来产业处/);
    expect(lead('手机拍的照片可以吗')).toMatch(/^通知没有规定拍摄设备/);
  });
});

describe('a branch with a legal personality of its own', () => {
  it('is an enterprise that may apply in its own name', () => {
    for (const q of ['分厂是独立法人 可以单独报吗', '我们分公司有法人资格 能申报吗']) expect(lead(q), q).toMatch(/^可以作为申报主体，以它自己的名义申报/);
  });

  it('keeps a branch without one, however it is said, as no applicant', () => {
    for (const q of ['分公司不是独立法人可以报不', '分厂能以自己名义报吗', '分公司没有法人资格能报吗']) expect(lead(q), q).toMatch(/^不能。申报主体须“在河南省境内注册，具有独立法人资格”/);
  });
});

describe('two questions typed as one run', () => {
  it('answers each part, in order', () => {
    const a = ask('诊断报告在哪做要不要盖章');
    expect(a.answer).toMatch(/^1\. /);
    expect(a.answer).toContain('dlttx.com');
    expect(a.answer).toMatch(/\n2\. /);
    const b = ask('照片几张视频多长');
    expect(b.answer).toContain('不少于10张');
    expect(b.answer).toContain('1分钟左右');
  });

  it('keeps a run that asks one thing in two ways, or leans on its start, as one question', () => {
    expect(lead('几个车间能报吗')).not.toMatch(/^1\. /);
    expect(lead('哪些企业可以申报智能工厂需要什么条件')).toMatch(/^符合以下条件的企业可以申报/);
    expect(lead('视频多大多长')).toMatch(/^视频资料要求：MP4格式/);
  });
});
