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
  it.each([
    ['ERP必须上吗？不上会不会直接被淘汰', 'ERP'],
    ['ERP一定要上吗，没有的话会不会被刷掉', 'ERP'],
    ['SCM必须有吗？没有会不会被否决', 'SCM'],
    ['MES必须要有吗？没有会不会直接刷掉', 'MES'],
  ])('「%s」 opens by saying it answers the lacking, then each category from 三', (q, term) => {
    const a = lead(q);
    expect(a.startsWith(`没有${term}行不行，要看申报哪一类：`)).toBe(true);
    expect(ask(q).answer).not.toContain('通知没有直接规定这一点');
  });

  it('says what 三 says of ERP for each category, the workshop’s integration in its own words', () => {
    const a = lead('ERP必须上吗？不上会不会直接被淘汰');
    expect(a).toContain('智能车间要（三(一)5）');
    expect(a).toContain('离散型智能工厂要（三(二)4）');
    expect(a).toContain('流程型智能工厂要（三(三)4）');
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
    expect(first).toMatch(/^没有(?:的话，不符合这一项要素条件：|(?:MES|WMS|ERP)行不行，要看申报哪一类：)/u);
    expect(first).not.toMatch(/必须要是没有|要是没有呢？$/u);
  });

  it('keeps a lack that names its own thing, and a system asked without a lack, as they were (regression guards)', () => {
    expect(answerFollowUp(kb, '要是没有视频呢', 'MES必须要有吗').askedAs).toBe('要是没有视频呢');
    expect(lead('ERP必须上吗')).toMatch(/^要看申报哪一类：/u);
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
