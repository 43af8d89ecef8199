import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion, concludes } from '../../server/qa/answer';
import { normalise } from '../../server/understand';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** What an answer says before its quotes. */
const said = (q: string) => ask(q).answer.split('\n依据')[0]!;
const PHONE = '0371—65507698';
/** The numbered line of a several-part answer that answers the part asked second. */
const secondLine = (q: string) => said(q).split('\n').find((l) => l.startsWith('2.')) ?? '';

describe('a follow-up naming another attribute of the same subject', () => {
  it.each([
    ['视频清晰度有要求吗', '那时长呢', '1分钟左右'],
    ['视频能超过200M吗', '那格式呢', 'MP4'],
    ['视频要MP4格式吗', '那大小呢', '200M'],
    ['视频要配旁白吗', '那大小呢', '200M'],
  ])('「%s」 then 「%s」 asks the attribute of the previous subject, without the previous value', (previous, next, fact) => {
    const { response, askedAs } = answerFollowUp(kb, next, previous);
    // The reading names the subject (视频) and none of the previous question's own values or attribute.
    expect(askedAs, askedAs).toMatch(/^视频/u);
    expect(askedAs, askedAs).not.toMatch(/1080|200|mp4|旁白|清晰度/iu);
    expect(response.answer).toContain(fact);
  });

  it('asks the attribute of the thing the follow-up names itself, not of the previous subject', () => {
    const { response, askedAs } = answerFollowUp(kb, '那申报书格式呢', '视频要1080P吗');
    expect(askedAs).toBe('申报书格式呢？');
    expect(response.answer).toContain('PDF彩色版');
  });

  it('reads the second part of one message the same way', () => {
    const text = said('视频要1080P吗？那时长呢');
    expect(text).toContain('1080P');
    expect(secondLine('视频要1080P吗？那时长呢')).toContain('1分钟左右');
  });

  // Near misses: a new value of the same attribute, and a new subject, still take the previous asking.
  it('still carries the attribute to a new value of it', () => {
    const k = answerFollowUp(kb, '那4K呢', '视频要1080P吗');
    expect(k.askedAs.toUpperCase()).toContain('4K');
    expect(k.response.answer.split('\n')[1]).toMatch(/^可以，4K不低于1080P/u);
    const low = answerFollowUp(kb, '那720P呢', '视频要1080P吗');
    expect(low.response.answer.split('\n')[1]).toMatch(/^不行，720P低于1080P/u);
  });

  it('still asks the previous question of a new place', () => {
    const { response, askedAs } = answerFollowUp(kb, '那洛阳呢', '郑州能推荐几家');
    expect(askedAs).toBe('洛阳能推荐几家？');
    expect(response.answer).toContain('15家');
  });
});

describe('a second part about the medium of a material named only in the first', () => {
  it.each([
    ['审计报告要原件吗？能不能用电子版'],
    ['营业执照交复印件就行吧？可以用电子执照吗'],
    ['营业执照要原件吗？扫描的行不行'],
  ])('「%s」: the second part says what 四(二) says and what it leaves open, with the helpline', (q) => {
    const second = secondLine(q);
    expect(second, second).toContain('PDF彩色版格式，包括所有附件及签字盖章页');
    expect(second, second).toContain(PHONE);
    // Not another question of the same material (the audit report's year).
    expect(second, second).not.toContain('上年度的');
  });

  it('keeps the questions of the copy and of the year on their own entries', () => {
    expect(said('审计报告扫描件可以吗')).toMatch(/^交复印件/u);
    expect(said('审计报告要哪年的')).toMatch(/^要上年度的/u);
    expect(said('营业执照交原件还是复印件')).toMatch(/^复印件/u);
    // Asked yes or no of Word, the answer opens with its no, then names the format asked for.
    expect(said('申报书能不能交Word')).toMatch(/^不行，申报书要交PDF彩色版/u);
  });
});

describe('a leave tag after what the enterprise applies for', () => {
  it.each(['我们想报智能车间，中不中', '俺厂打算报个智能工厂，能中不', '咱们准备申报智能工厂 行不', '报流程型工厂，行不行'])('「%s」 asks whether it may apply and is answered', (q) => {
    const a = ask(q);
    expect(concludes(kb, a), a.answer).toBe(true);
    expect(a.citations.map((c) => c.clause)).toContain('二(一)');
  });

  it('reads 中不 and 能中不 closing a question as 行不, and leaves 中 inside a word', () => {
    expect(normalise('报离散型能中不').text).toBe('报离散型行不');
    expect(normalise('报工厂中不？').text).toBe('报工厂行不?');
    expect(normalise('数据集中不集中').text).toBe('数据集中不集中');
  });

  // Near misses: the tag said of something other than applying asks of that.
  it.each([
    ['视频两分钟中不中', /^2分钟明显偏离/u],
    ['县里推荐六家行不行', /5家/u],
    ['用总公司名义报中不中', /^不能/u],
    ['去年拿了智能车间，今年报工厂中不中', /^可以/u],
  ])('「%s」 keeps its own answer', (q, lead) => {
    expect(said(q)).toMatch(lead);
  });
});

describe('a trade asked whether it may apply for a factory', () => {
  it.each(['我们是化工企业，能报智能工厂不', '做化工的可以申报智能工厂吗'])('「%s」 opens with 可以 and gives the type the trade usually takes', (q) => {
    const text = said(q);
    expect(text).toMatch(/^可以。化工属于制造业/u);
    expect(text).toContain('通常按流程型');
    expect(ask(q).citations[0]!.clause).toBe('二(一)');
  });

  it.each(['我们是化工企业，算流程型不', '我们是化工企业，想报离散型智能工厂，行吗', '化工企业报离散型还是流程型'])('「%s」 asks the type, and is not opened with 可以', (q) => {
    expect(said(q)).toMatch(/^通知只把智能工厂分为离散型和流程型两类/u);
  });

  it('opens a trade outside manufacturing with 不能', () => {
    expect(said('我们是做贸易的，能报智能工厂不')).toMatch(/^不能/u);
  });
});

describe('what the notice says of colour and masking', () => {
  it.each(['照片能不能是黑白的', '截屏要彩色的不', '相片用黑白打印的可以吗'])('「%s」 is answered from 四(二)’s colour PDF, saying the notice sets no colour of its own for photos', (q) => {
    const text = said(q);
    expect(text).toContain('通知没有单独规定照片、截图的颜色');
    expect(text).toContain('PDF彩色版格式，包括所有附件及签字盖章页');
    expect(ask(q).citations.map((c) => c.clause)).toContain('四(二)');
  });

  it.each(['系统截图里的客户信息能遮住吗', '照片上的人脸要不要打马赛克', '截屏里的订单数据可以打码不'])('「%s」 says the notice does not rule on masking, what it asks screenshots to show, and the helpline', (q) => {
    const text = said(q);
    expect(text).toMatch(/^通知没有规定截图、照片能否打码或遮挡/u);
    expect(text).toContain('应用数据、企业名称、标识等内容');
    expect(text).toContain(PHONE);
  });

  it('keeps the count of photos and screenshots on their own entries', () => {
    expect(said('截图要放几张')).toContain('数量不限');
    expect(said('照片有啥要求')).toContain('10张');
    expect(said('申报书要彩色版吗')).toMatch(/^要PDF彩色版/u);
  });
});

describe('vendors asked for with 推荐几家', () => {
  it.each(['能不能推荐几家做APS的公司', '有没有做WMS的服务商推荐一下', '推荐几个搞数字化改造的团队呗', '能推荐几家做ERP系统的厂家吗'])('「%s」 is refused with the helpline', (q) => {
    const a = ask(q);
    expect(a.outOfScope, a.answer).toBe(true);
    expect(a.answer).toContain(PHONE);
  });

  it.each([
    ['南阳能推荐几家做食品的企业', '15家'],
    ['新乡能推荐几家上了MES的企业', '15家'],
    ['洛阳能推荐几家做机械加工的公司', '15家'],
  ])('「%s」 is still the quota', (q, fact) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(false);
    expect(said(q)).toContain(fact);
  });
});
