import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion, concludes } from '../../server/qa/answer';
import { WordFinder } from '../../server/qa/words';
import { normalise } from '../../server/understand';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** The first line of an answer, or of a follow-up's answer after the line that says how it was read. */
const lead = (q: string, previous?: string) => {
  const a = previous === undefined ? ask(q).answer : answerFollowUp(kb, q, previous).response.answer;
  return a.replace(/^（接着上一个问题[^）]*）\n?/u, '').split('\n')[0]!;
};
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);
const PHONE = '0371—65507698';

describe('a single Latin letter opening a longer word', () => {
  it('is no unit: the m of mp4 is not a megabyte, the m of 300mb and 2m is', () => {
    const f = new WordFinder(['m', 'g'], { wholeLatin: true });
    expect(f.find('视频要mp4吗').has('m')).toBe(false);
    expect(f.find('gps定位').has('g')).toBe(false);
    expect(f.find('视频300mb行吗').has('m')).toBe(true);
    expect(f.find('视频2m').has('m')).toBe(true);
    expect(f.find('视频1gb').has('g')).toBe(true);
  });

  it('so a video asked of MP4 is answered with the format, and one asked of its size with the size', () => {
    for (const q of ['视频要MP4吗', '视频是不是得mp4', '宣传片必须MP4格式吗']) expect(lead(q), q).toMatch(/^要MP4格式/u);
    expect(lead('视频1gb行不行')).toMatch(/^不行，1GB超过了200M/u);
    expect(lead('mp4文件最大多大')).toMatch(/^不能超过200M/u);
  });
});

describe('another video format asked after MP4', () => {
  it.each([
    ['视频要MP4吗', '那MOV呢'],
    ['视频要MP4吗', 'MOV行不行'],
    ['视频得是MP4格式不', '那AVI中不中'],
  ])('%s → %s: keeps the video format and says the notice asks for MP4', (previous, q) => {
    const r = answerFollowUp(kb, q, previous).response;
    expect(r.answer).toMatch(/^（接着上一个问题/u);
    expect(lead(q, previous)).toMatch(/^要MP4格式，MOV、AVI等其他格式的视频要先转成MP4/u);
    expect(r.citations.map((c) => c.clause)).toContain('四(二)');
  });

  it('leaves a leave tag said of another subject to that subject (a region, a resolution)', () => {
    expect(lead('洛阳行不行', '郑州能推几家')).toMatch(/^洛阳市属于/u);
    expect(lead('那4K行不行', '视频要MP4吗')).toMatch(/^可以，4K不低于1080P/u);
  });
});

describe('the seal of the audit report and the format of photos', () => {
  it.each(['审计报告盖章呢', '审计报告要不要盖俺们公司的章', '财务审计报告复印件用不用加盖公章'])('%s: the notice does not say, with who decides and the helpline', (q) => {
    expect(lead(q), q).toMatch(/^通知没有规定审计报告复印件要不要加盖企业公章，以所在地主管部门要求为准/u);
    expect(lead(q), q).toContain(PHONE);
    expect(clauses(q)).toContain('附件1.四(二)');
  });

  it('reads 「那审计报告呢」 after a licence seal as the audit report’s seal', () => {
    expect(lead('那审计报告呢', '营业执照复印件要盖章吗')).toMatch(/^通知没有规定审计报告复印件要不要加盖企业公章/u);
  });

  it('keeps the audit report’s year, copy and the licence seal on their own entries', () => {
    expect(lead('审计报告要哪年的')).toMatch(/^要上年度的/u);
    expect(lead('审计报告交原件还是复印件')).toMatch(/^交复印件/u);
    expect(lead('营业执照复印件要盖公章吗')).toMatch(/^通知没有规定营业执照复印件是否要加盖公章/u);
    expect(lead('效益指标要审计盖章吗')).not.toMatch(/^通知没有规定审计报告/u);
  });

  it.each([
    ['照片格式呢', undefined],
    ['照片用jpg还是png', undefined],
    ['软件截图用png可以不', undefined],
    ['那格式呢', '照片要几张'],
    ['照片格式呢', '视频要MP4吗'],
  ])('%s (after %s): no format is set for photos; the platform decides, with the helpline', (q, previous) => {
    expect(lead(q, previous)).toMatch(/^通知没有规定照片、截图的文件格式，以平台的上传要求为准/u);
    expect(lead(q, previous)).toContain(PHONE);
  });

  it('keeps the count of photos, the form’s format and the video format on their own entries', () => {
    expect(lead('照片要几张')).toMatch(/^至少要10张/u);
    expect(lead('截图要几张')).toMatch(/^截图需包含应用数据/u);
    expect(lead('申报书要交什么格式')).toMatch(/^要PDF彩色版/u);
    expect(lead('视频要什么格式')).toMatch(/^要MP4格式/u);
  });
});

describe('a factory type asked for with a leave tag', () => {
  const rule = /^要看企业主要产品的生产工艺：属于流程型、能达到流程型三\(三\)要素条件的可以报流程型智能工厂，属于离散型、能达到三\(二\)要素条件的报离散型智能工厂。/u;

  it.each(['报流程型工厂，行不行', '俺厂想报个离散型的工厂中不中', '能不能申报流程型智能工厂'])('%s: concludes with the rule that decides, how to tell, and the applicant conditions', (q) => {
    const a = ask(q);
    expect(concludes(kb, a)).toBe(true);
    expect(lead(q)).toMatch(rule);
    expect(lead(q)).toContain('拿不准的可咨询所在地工业和信息化主管部门');
    expect(a.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(['二(二)', '二(一)']));
  });

  it('leaves a named trade, a type that describes the enterprise and a comparison to their own answers', () => {
    expect(lead('做化工的报流程型工厂行不行')).toMatch(/^通知只把智能工厂分为离散型和流程型两类/u);
    expect(lead('做化工的报流程型工厂行不行')).toContain('化工属于');
    expect(lead('流程型企业能报吗')).toMatch(/^符合以下条件的企业可以申报/u);
    expect(lead('离散型和流程型有什么区别')).not.toMatch(rule);
  });
});

describe('an enterprise asking how many it may apply for', () => {
  it.each(['俺们能报几家', '咱厂可以报几家', '我们企业最多能报几家', '咱一个企业能申报几家'])('%s: the one-a-year limit of 四(一) first, then the places’ quotas', (q) => {
    expect(lead(q)).toMatch(/^每家企业当年限报1个智能车间或智能工厂，一家企业只能报1个。/u);
    expect(lead(q)).toContain('郑州市不多于20家');
    expect(clauses(q).slice(0, 2)).toEqual(['四(一)', '四(三)']);
  });

  it('leaves a quota asked of a place, or as the bureaus recommend, to the quota', () => {
    expect(lead('郑州能报几家')).toMatch(/^郑州市本次申报推荐企业不多于20家/u);
    expect(lead('郑州市能推荐二十家不')).toMatch(/^郑州市本次申报推荐企业不多于20家/u);
    expect(lead('县里能报几家')).toMatch(/^每个县（市）本次申报推荐企业不多于5家/u);
    expect(lead('能推荐几家')).toMatch(/^本次申报各地推荐数量/u);
  });
});

describe('a title 得 and a count of 回', () => {
  it('reads 得了 / 得过 before a title as winning it', () => {
    expect(normalise('去年得了智能车间').text).toContain('获得过智能车间');
    expect(lead('去年得了智能车间，今年还能报智能工厂不')).toMatch(/^可以。只获得过智能车间称号的企业/u);
    expect(lead('得过智能工厂还能报车间吗')).toMatch(/^不能。已获得过智能工厂称号的企业/u);
    // 得 as 必须 stays.
    expect(normalise('视频得是MP4吗').text).toBe('视频得是mp4吗');
  });

  it('reads 回 after a count as 次, and leaves 回复, 来回 and 一回事 alone', () => {
    expect(normalise('能报两回不').text).toContain('两次');
    expect(normalise('回复了三回').text).toBe('回复了三次');
    expect(normalise('来回跑').text).toBe('来回跑');
    expect(normalise('管控系统跟MES是一回事吗').text).toContain('一回事');
    expect(lead('两条线能报两回不')).toMatch(/^不能同时报两个。每家企业当年限报1个/u);
  });
});
