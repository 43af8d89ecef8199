import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

/*
 * An answer's first sentence answers the question in the form it was asked: 是/否 for a yes-or-no question, the
 * number for how many or how long, the asker's own figure set against the notice's, or that the notice does not say
 * and who decides. A guess at the rule said beside the question is confirmed or corrected after that, not instead.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** The answer without the note on how a typo was read. */
const said = (q: string) => ask(q).answer.replace(/^（已按[^）]*）\n/u, '');
const lead = (q: string) => said(q).split('\n')[0]!;
const first = (q: string) => said(q).split(/[。\n]/u)[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);

describe('a length asked of the asker’s own video, with a guess at the rule beside it', () => {
  it.each([
    ['视频两分钟行吗，一分钟左右是吧', '2分钟', '对，通知写的就是一分钟左右。'],
    ['视频一分钟左右是吧，我们两分钟行吗', '2分钟', '对，通知写的就是一分钟左右。'],
    ['视频两分钟行吗，三十秒是吧', '2分钟', '不是三十秒，通知没有规定这个数。'],
    ['视频两分钟行吗，三分钟左右是吧', '2分钟', '不对，通知写的不是三分钟左右。'],
  ])('「%s」 judges the asker’s %s first, then answers the guess', (q, own, guess) => {
    expect(lead(q)).toMatch(new RegExp(`^${own}明显偏离通知要求的时长1分钟左右，建议剪辑到1分钟左右再提交。${guess}`, 'u'));
    expect(lead(q)).not.toMatch(/^\d\. /u);
    expect(clauses(q)).toContain('附件1.四(五)');
  });

  it.each([
    ['视频300M行不行，上限是500M对吧', /^不行，300M超过了200M。不对，通知写的不是500M。/u],
    ['照片八张行吗 要求是十张对不对', /^不够，照片至少要10张。对，通知写的就是十张。/u],
    ['照片要拍几张呀，五张够不', /^不够，照片至少要10张。/u],
  ])('「%s」: the same for a size and a count', (q, opens) => {
    expect(lead(q)).toMatch(opens);
    expect(lead(q)).not.toMatch(/^\d\. /u);
  });

  it('a figure of another measure after a question is a question of its own (near-misses)', () => {
    for (const q of ['视频要多大？30秒行吗', '视频多大，五十秒中不中']) {
      expect(said(q), q).toMatch(/^1\. 视频文件大小有限制吗？不能超过200M。/u);
      expect(said(q), q).toMatch(/^2\. 视频要拍多长时间？\d+秒与通知要求的时长1分钟左右相差不大/mu);
    }
  });

  it('a guess alone, or beside the rule asked, is corrected and the rule given (regression guards)', () => {
    expect(lead('视频是三分钟对吧')).toMatch(/^不对，通知写的不是三分钟。1分钟左右。/u);
    expect(lead('视频要多长，三分钟是吧')).toMatch(/^不对，通知写的不是三分钟。1分钟左右。/u);
    expect(lead('视频一分钟左右是吧')).toMatch(/^对，通知写的就是一分钟左右。/u);
    expect(lead('视频要拍5分钟对吧')).toMatch(/^不对，通知写的不是5分钟。/u);
    // A figure asked with no guess beside it is the asker's own.
    expect(lead('视频三分钟吗')).toMatch(/^3分钟明显偏离/u);
    expect(lead('视频500M对吧')).toMatch(/^不对，通知规定视频文件大小不超过200M，500M超过了这个上限。/u);
  });
});

describe('a length is said back as the asker wrote it', () => {
  it.each([
    ['视频1分10秒行不行', '1分10秒'],
    ['视频一分十秒可以吗', '1分10秒'],
    ['视屏剪了1分5秒中不中', '1分5秒'],
    ['视频一分半可以不', '1.5分钟'],
  ])('「%s」 opens with %s against 1分钟左右, and leaves the rest to the bureau', (q, own) => {
    expect(lead(q)).toMatch(new RegExp(`^${own.replace('.', '\\.')}与通知要求的时长1分钟左右相差不大；通知没有规定可以长或短多少，是否认可由初审的主管部门把握。`, 'u'));
    // Never the length in seconds alone (70秒) where the asker said minutes and seconds.
    expect(lead(q)).not.toMatch(/^\d+秒与/u);
  });

  it('keeps a length said in one unit as it was said (regression guards)', () => {
    expect(lead('视频两分半钟中不中')).toMatch(/^2\.5分钟明显偏离/u);
    expect(lead('视频50秒中不中')).toMatch(/^50秒与通知要求的时长1分钟左右相差不大/u);
    expect(lead('俺们厂视频录了一分四十秒，中不中')).toMatch(/^1分40秒明显偏离/u);
  });
});

describe('length words ask the length; count words ask the count', () => {
  it.each(['视频要多长', '视频多久', '视频要弄多久啊', '视频长度', '视频多少分钟', '视频拍个几分钟', '视频时间多长'])('「%s」 opens with 1分钟左右', (q) => {
    expect(lead(q)).toMatch(/^1分钟左右。/u);
    expect(said(q)).not.toContain('评分');
  });

  it.each(['照片要几张', '照片要多少张啊', '成效照片得放几张'])('「%s」 opens with the photo count', (q) => {
    expect(lead(q)).toMatch(/^至少要10张。/u);
  });

  it('a length word of the photos is no count, and a score word is still a score (near-misses)', () => {
    expect(lead('照片多长')).not.toMatch(/^至少要10张/u);
    expect(lead('视频要多大')).toMatch(/^不能超过200M/u);
    expect(lead('视频能加分吗')).toMatch(/^通知没有规定评分或加分办法/u);
  });
});

describe('a term asked what it means points to the clause it is used in that sense', () => {
  it.each(['网络平台指的是什么', '网络平台是啥意思', '通知里说的网络平台是什么意思'])('「%s」 says the notice does not define it and names the platform 四(一) names', (q) => {
    expect(lead(q)).toMatch(/^《通知》没有对“网络平台”另作解释；四\(二\)说的网络平台，从上下文看指的是四\(一\)写明的“河南省智能制造服务平台”/u);
    expect(clauses(q)[0]).toBe('四(一)');
    expect(said(q)).toContain('0371—65507698');
  });

  it('a term used in its own sense keeps its own clause (regression guards)', () => {
    expect(lead('多报无效是啥意思')).toMatch(/^“多报无效”出自《通知》四\(三\)/u);
    expect(lead('真实性核查怎么理解')).toMatch(/^“真实性核查”出自《通知》四\(三\)/u);
    expect(lead('失信被执行人是啥意思')).toMatch(/^“失信被执行人”出自《通知》二\(四\)/u);
    expect(lead('失信被执行人指的是什么')).toMatch(/^“失信被执行人”出自《通知》二\(四\)/u);
    expect(lead('智能车间是什么意思')).toMatch(/^以加工制造环节为主的车间。/u);
  });
});

describe('a yes-or-no question of a format or material opens with its yes or no', () => {
  it.each([
    ['要盖章吗', /^要。/u],
    ['申报书得盖公张吗', /^要。/u],
    ['PDF可以吗', /^可以，而且要PDF彩色版/u],
    ['申报书PDF行不行', /^可以，而且要PDF彩色版/u],
    ['交PDF中不中', /^可以，而且要PDF彩色版/u],
    ['必须彩色吗', /^是，申报书电子版要PDF彩色版/u],
    ['申报书非得彩色的吗', /^是，申报书电子版要PDF彩色版/u],
    ['要纸质的吗', /^通知没有要求报送纸质材料/u],
    ['申报书要纸质版不', /^通知没有要求报送纸质材料/u],
    ['可以用复印件吗', /^可以，通知对附件写明要的就是复印件/u],
    ['附件交复印的中不中', /^可以，通知对附件写明要的就是复印件/u],
    ['营业执照可以用复印件吗', /^可以，要的就是复印件/u],
    ['营业执照复印件中不中', /^可以，要的就是复印件/u],
    ['营业执照要原件吗', /^不用原件，要的是复印件/u],
    ['要原件吗', /^不用，通知没有要求交原件/u],
    ['能用word交吗', /^不行，申报书要交PDF彩色版/u],
    ['咱交word版的可以不', /^不行，申报书要交PDF彩色版/u],
    ['申报书可以黑白的吗', /^不行，要彩色版/u],
    ['申报书交黑白的中不中', /^不行，要彩色版/u],
    ['申报书交扫描件可以吗', /^可以，扫描后交上去的须是彩色PDF/u],
    ['盖章页用扫描件行不行', /^可以，扫描后交上去的须是彩色PDF/u],
    ['视频要配字幕吗', /^通知没有规定字幕/u],
    ['照片要盖章吗', /^通知没有规定照片、截图要盖章/u],
    ['申报书要签字不，法人签还是谁签', /^要。/u],
    ['要加盖骑缝章吗', /^通知没有规定骑缝章或逐页盖章/u],
  ])('「%s」', (q, opens) => {
    expect(lead(q)).toMatch(opens);
  });

  it('asked which, or of a tool that makes the format, it opens with the format or its yes (near-misses)', () => {
    expect(lead('申报书是PDF还是Word')).toMatch(/^要PDF彩色版/u);
    expect(lead('申报书可以用WPS转PDF吗')).toMatch(/^可以。/u);
    expect(lead('Word导出成PDF行不行')).toMatch(/^可以。/u);
    expect(lead('盖章页可以盖电子章吗')).toMatch(/^通知没有规定签字必须手写/u);
    expect(lead('照片能用黑白的吗')).toMatch(/^按彩色提交/u);
    expect(lead('审计报告要原件吗')).toMatch(/^交复印件/u);
    expect(lead('彩色扫描文件太大，能扫成黑白的吗')).toMatch(/^不行，要彩色版/u);
    expect(lead('营业执照要提供原件还是复印件')).toMatch(/^复印件。/u);
  });
});

describe('a quota asked quotes the quota’s sentence, not the whole clause', () => {
  it.each(['每个市能推荐几家', '每个地市推荐几个企业', '一个市最多推几家', '开封能推几家', '俺们在新乡，市里能往上推几家'])('「%s」', (q) => {
    const quotes = ask(q).citations.filter((c) => c.clause === '四(三)').map((c) => c.quote);
    expect(quotes.length).toBe(1);
    expect(quotes[0]).toMatch(/^本次申报郑州市推荐企业不多于20家/u);
    expect(quotes[0]).not.toContain('初审');
  });
});

/*
 * Twenty-five applicant questions written blind (colloquial, typos, figures in 汉字), each with what its first
 * sentence must say and a clause it must quote. On the code before any of the fixes in this file: 15 right, 10 wrong.
 * After the fixes above and before those the set found: 21 right, 4 wrong (「照片要拍几张呀，五张够不」 and 「截止是几号啊，
 * 三月三十一号对吧」 split off the figure as a part the notice 「没有直接规定」, 「失信被执行人是啥意思」 answered with the rule,
 * not where the term stands, and 「申报书要签字不，法人签还是谁签」 lost its 要).
 */
const BLIND: [string, RegExp, string][] = [
  ['俺们厂视频录了一分四十秒，中不中', /^1分40秒明显偏离通知要求的时长1分钟左右/u, '附件1.四(五)'],
  ['视频得多久啊，三分钟是不是太长了', /^3分钟明显偏离通知要求的时长1分钟左右/u, '附件1.四(五)'],
  ['照片要拍几张呀，五张够不', /^不够，照片至少要10张$/u, '附件1.四(四)'],
  ['申报书交黑白的中不中', /^不行，要彩色版/u, '四(二)'],
  ['申报书得盖公张吗', /^要$/u, '附件2.一(二)'],
  ['咱交word版的可以不', /^不行，申报书要交PDF彩色版/u, '四(二)'],
  ['截止是几号啊，三月三十一号对吧', /^不对，通知写的不是3月31日$/u, '四(四)'],
  ['俺们在新乡，市里能往上推几家', /不多于15家/u, '四(三)'],
  ['一个县最多能推几个，三个是吧', /^不对，通知写的不是三个$/u, '四(三)'],
  ['营业执照复印件中不中', /^可以，要的就是复印件/u, '附件1.四(一)'],
  ['视频文件四百兆行不行', /^不行，400兆超过了200M$/u, '四(二)'],
  ['视频要配解说不', /^要$/u, '附件1.四(五)'],
  ['网络平台指的啥，是哪个网站', /^在“河南省智能制造服务平台”/u, '四(一)'],
  ['数字化转型诊断报告要花钱不', /^通知没有说明诊断是否收费$/u, '附件1.四(三)'],
  ['去年刚评上智能车间，今年还能报智能工厂不', /^可以$/u, '四(一)'],
  ['一家企业能同时报车间和工厂吗', /^不能$/u, '四(一)'],
  ['视频清晰度七百二十P够不够', /^不行，720P低于1080P$/u, '附件1.四(五)'],
  ['审记报告要哪年的呀', /^要上年度的/u, '附件1.四(二)'],
  ['申报书要纸质版不', /^通知没有要求报送纸质材料/u, '四(二)'],
  ['照片得是彩色的不', /^按彩色提交/u, '四(二)'],
  ['视频几分钟合适啊', /^1分钟左右$/u, '附件1.四(五)'],
  ['软件截屏得放几张', /数量不限/u, '附件1.四(四)'],
  ['失信被执行人是啥意思', /^“失信被执行人”出自《通知》二\(四\)/u, '二(四)'],
  ['视频用手机拍的行不行', /^通知没有规定拍摄设备/u, '附件1.四(五)'],
  ['申报书要签字不，法人签还是谁签', /^要$/u, '附件2.一(二)'],
];

describe('twenty-five applicant questions written blind', () => {
  it('each opens with its answer and quotes its clause: 25 right, 0 wrong', () => {
    const wrong = BLIND.filter(([q, opens, clause]) => !opens.test(first(q)) || !clauses(q).includes(clause) || ask(q).citations.some((c) => !c.quote)).map(([q]) => q);
    expect({ right: BLIND.length - wrong.length, wrong }).toEqual({ right: 25, wrong: [] });
  });
});
