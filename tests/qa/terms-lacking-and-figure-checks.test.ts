import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion } from '../../server/qa/answer';

/*
 * Readings of questions asked as a person would: a figure asked with a bare 吗 is checked against the notice's; a
 * follow-up saying a lack (「要是没有呢」) lacks the system asked of before; a follow-up naming another thing (「那视频呢」)
 * carries the topic, not the measure; a term asked 「X是什么」 is told what the notice says of it; a bare check of a
 * form of material (「扫描件行吗」) is answered from what the notice says of materials.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);

describe('a figure asked with a bare 吗 is checked against the notice’s', () => {
  it.each([
    ['县里能推荐五家吗', /^对，通知写的就是五家。/u],
    ['郑州能推荐二十家吗', /^对，通知写的就是二十家。/u],
    ['一个县能推荐3家吗', /^不对，通知写的不是3家。/u],
    ['洛阳能推荐十家吗', /^不对，通知写的不是十家。/u],
  ])('「%s」 opens with its verdict, then the notice’s figure', (q, opens) => {
    const a = lead(q);
    expect(a).toMatch(opens);
    expect(a).toMatch(/不多于(?:5|20|15)家/u);
    expect(clauses(q)).toContain('四(三)');
  });

  it('leaves a figure the answer gives none of, or one its verdict already judges, to the entry (regression guards)', () => {
    expect(lead('MES要上线1年吗')).toMatch(/^通知没有规定建成或运行满多长时间。/u);
    expect(lead('一家企业能报两个吗')).toMatch(/^不能同时报两个。/u);
    expect(lead('县里能推荐几家')).not.toMatch(/^(?:对|不对)，/u);
  });
});

describe('a system asked of, then lacked in a case with its thing left out', () => {
  // ERP is required by all three categories' clauses: nothing turns on the category, so the lacking is said to fail.
  it.each([
    ['ERP必须上吗？不上会不会直接被淘汰', '不行。ERP是三类都要求的：'],
    ['ERP一定要上吗，没有的话会不会被刷掉', '不行。ERP是三类都要求的：'],
    ['SCM必须有吗？没有会不会被否决', '没有SCM行不行，要看申报哪一类：'],
    ['MES必须要有吗？没有会不会直接刷掉', '没有MES行不行，要看申报哪一类：'],
  ])('「%s」 opens by saying it answers the lacking, then each category from 三', (q, opening) => {
    const a = lead(q);
    expect(a.startsWith(opening), a).toBe(true);
    expect(ask(q).answer).not.toContain('通知没有直接规定这一点');
  });

  it('says what 三 says of ERP for each category, the workshop’s integration in its own words', () => {
    const a = lead('ERP必须上吗？不上会不会直接被淘汰');
    expect(a).toContain('智能车间（三(一)5）、离散型智能工厂（三(二)4）、流程型智能工厂（三(三)4）的要素条件都写了它，缺了就不满足该条');
    expect(a).toContain('三(一)5写的是：“生产过程数据采集和监控系统、制造执行系统和企业资源计划系统（ERP）实现集成');
    expect(clauses('ERP必须上吗？不上会不会直接被淘汰')).toEqual(expect.arrayContaining(['三(一)5', '三(二)4', '三(三)4']));
  });

  it.each([
    ['MES必须要有吗', '要是没有呢', '要是没有MES呢？'],
    ['MES必须要有吗', '没有的话会怎样', '没有MES的话会怎样？'],
    ['MES必须要有吗', '不上行不行', '不上MES行不行？'],
    ['WMS要不要上', '要是不上呢', '要是不上WMS呢？'],
    ['要不要上ERP', '没有呢', '没有ERP呢？'],
    ['离散型工厂要不要WMS', '没有的话会怎样', '离散型工厂没有WMS的话会怎样？'],
  ])('「%s」 then 「%s」 lacks that system', (previous, q, askedAs) => {
    const r = answerFollowUp(kb, q, previous);
    expect(r.askedAs).toBe(askedAs);
    const first = r.response.answer.split('\n')[1]!;
    expect(first).toMatch(/^没有(?:的话，不符合这一项要素条件：|(?:MES|WMS)行不行，要看申报哪一类：)|^不行。ERP是三类都要求的：/u);
    expect(first).not.toMatch(/必须要是没有|要是没有呢？$/u);
  });

  it('keeps a lack that names its own thing, and a system asked without a lack, as they were (regression guards)', () => {
    expect(answerFollowUp(kb, '要是没有视频呢', 'MES必须要有吗').askedAs).toBe('要是没有视频呢');
    expect(lead('ERP必须上吗')).toMatch(/^要。ERP是三类都要求的：/u);
    expect(lead('WMS必须上吗')).toMatch(/^要看申报哪一类：/u);
    expect(lead('智能车间必须上MES吗')).toMatch(/^是，要应用制造执行系统（MES）/u);
    expect(answerFollowUp(kb, '那要多大', 'MES必须要有吗').askedAs).not.toContain('没有');
  });
});

describe('a follow-up naming another thing carries the topic, not the measure', () => {
  it.each([
    ['照片要几张', '那视频呢', /^视频资料要求：MP4格式，清晰度不低于1080P，时长1分钟左右/u],
    ['照片最少几张', '视频呢', /^视频资料要求：/u],
    ['视频要多长', '那照片呢', /^至少要10张。/u],
    ['视频多长时间', '照片呢', /^至少要10张。/u],
  ])('「%s」 then 「%s」 is answered of the thing named', (previous, q, opens) => {
    const r = answerFollowUp(kb, q, previous);
    expect(r.askedAs).toBe(q);
    expect(r.response.answer).not.toContain('接着上一个问题');
    expect(r.response.answer).toMatch(opens);
  });

  it('keeps a measure the new subject has, and an attribute asked of the same thing (regression guards)', () => {
    expect(answerFollowUp(kb, '那洛阳呢', '郑州能推几家').askedAs).toBe('洛阳能推几家？');
    expect(answerFollowUp(kb, '那格式呢', '视频要1080P吗').askedAs).toBe('视频格式呢？');
    expect(answerFollowUp(kb, '那清晰度呢', '视频要MP4格式对吧').askedAs).toBe('视频清晰度呢？');
  });
});

describe('a term asked 「X是什么」「X指什么」「什么叫X」 is told what the notice says of it', () => {
  it.each([
    ['推荐库是什么', '“推荐库”出自《通知》四(四)', '四(四)'],
    ['什么叫推荐库', '“推荐库”出自《通知》四(四)', '四(四)'],
    ['汇总表指的是什么', '《通知》里的说法是“推荐汇总表”，出自四(四)', '四(四)'],
    ['推荐汇总表是啥', '“推荐汇总表”出自《通知》四(四)', '四(四)'],
    ['税收违法黑名单是什么', '“税收违法黑名单”出自《通知》二(四)', '二(四)'],
    ['失信被执行人是啥', '“失信被执行人”出自《通知》二(四)', '二(四)'],
  ])('「%s」 quotes its clause and says the notice does not define it', (q, opens, clause) => {
    const a = lead(q);
    expect(a.startsWith(opens)).toBe(true);
    expect(a).toContain('《通知》没有对这一用语另作解释');
    expect(a).toContain('0371—65507698');
    expect(a).not.toMatch(/^由地方工业和信息化主管部门上传/u);
    expect(clauses(q)).toContain(clause);
  });

  it('leaves a value asked 「X是什么」, and who uploads the table, to their own answers (regression guards)', () => {
    expect(lead('视频格式是什么')).toMatch(/^要MP4格式/u);
    expect(lead('截止时间是什么')).toMatch(/^3月15日前/u);
    expect(lead('推荐汇总表由谁上传')).toMatch(/^由地方工业和信息化主管部门上传，不是企业/u);
    expect(lead('MES是什么')).toMatch(/^MES是《通知》三\(二\)3中“制造执行系统”的简称/u);
    expect(lead('单体制造业企业是什么')).toMatch(/^指以自身名义申报的单个制造业企业/u);
  });
});

describe('a bare check of scanned copies is answered from what the notice says of materials', () => {
  it.each(['扫描件行吗', '用扫描件可以不', '扫描的行不行', '交扫描版中不中'])('「%s」 says the notice names no scans, what 四(二) asks, and whom to ask', (q) => {
    const a = lead(q);
    expect(a).toMatch(/^可以，扫描后交上去的须是彩色PDF：通知没有提到扫描件/u);
    expect(a).toContain('PDF彩色版格式，包括所有附件及签字盖章页');
    expect(a).toContain('0371—65507698');
    expect(clauses(q)).toContain('四(二)');
  });

  it('keeps scans of a named attachment, in black and white, or asked black or colour, to their own answers (regression guards)', () => {
    expect(lead('黑白扫描件可以吗')).toMatch(/^不行，要彩色版/u);
    expect(lead('扫描件要黑白还是彩色')).toMatch(/^要PDF彩色版/u);
    expect(lead('审计报告扫描件可以吗')).toMatch(/^交复印件/u);
    expect(lead('营业执照扫描件行吗')).not.toMatch(/^可以，扫描后/u);
  });
});

/*
 * Fifteen questions of the same kinds, written before the fixes above: term questions, a system lacked, follow-ups
 * carrying a topic, bare format checks and figures checked. Each is judged by its first line; the figures are the ones
 * measured (5 right before the fixes).
 */
describe('blind questions of the same kinds, written before the fixes', () => {
  const term = (a: string) => a.includes('《通知》没有对这一用语另作解释') || a.includes('没有对“');
  const blind: [string, string | undefined, (a: string) => boolean][] = [
    ['失信被执行人是什么', undefined, term],
    ['什么叫严重违法失信名单', undefined, term],
    ['现场核查指的是什么', undefined, term],
    ['信用中国是什么', undefined, term],
    ['WMS必须上吗？不上会不会被刷掉', undefined, (a) => a.startsWith('没有WMS行不行，要看申报哪一类：')],
    ['SCM一定要有吗，没有会不会被否决', undefined, (a) => a.startsWith('没有SCM行不行，要看申报哪一类：')],
    ['没有的话会怎么样', 'ERP必须要有吗', (a) => a.includes('“没有ERP的话会怎么样？”') && a.includes('不行。ERP是三类都要求的：')],
    ['要是不上呢', 'WMS要不要上', (a) => a.includes('“要是不上WMS呢？”') && a.includes('没有WMS行不行')],
    ['那照片呢', '视频要多长', (a) => a.startsWith('至少要10张。')],
    ['那申报书呢', '视频要什么格式', (a) => a.includes('“申报书要什么格式？”') && a.includes('要PDF彩色版')],
    ['复印件可以吗', undefined, (a) => a.startsWith('可以，通知对附件写明要的就是复印件')],
    ['Word版行不行', undefined, (a) => a.startsWith('不行，申报书要交PDF彩色版')],
    ['纸质版要交吗', undefined, (a) => a.startsWith('通知没有要求报送纸质材料')],
    ['郑州能推荐二十家吗', undefined, (a) => a.startsWith('对，通知写的就是二十家。') && a.includes('不多于20家')],
    ['洛阳能推荐十家吗', undefined, (a) => a.startsWith('不对，通知写的不是十家。') && a.includes('不多于15家')],
  ];
  const judged = blind.map(([q, previous, right]) => right(answerFollowUp(kb, q, previous).response.answer));

  it('answers 15 right and 0 wrong', () => {
    expect(judged.filter(Boolean).length).toBe(15);
    expect(blind.filter((_, i) => !judged[i]).map(([q]) => q)).toEqual([]);
  });
});
