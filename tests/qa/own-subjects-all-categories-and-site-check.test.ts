import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const FOLLOW = '接着上一个问题';

describe('a question naming a document of its own is no follow-up', () => {
  it.each([
    ['推荐库是什么', '扫描件行吗'],
    ['推荐库是什么', '盖章页扫描的可以吗'],
    ['郑州能推荐几家', '扫描件行吗'],
    ['照片要几张', '扫描件行吗'],
    ['截止时间是哪天', '签字页能用扫描的吗'],
    ['照片要几张', '盖章页扫描的可以吗'],
    ['视频要多长', '复印件可以吗'],
  ])('「%s」 then 「%s」 is answered as typed', (previous, q) => {
    const r = answerFollowUp(kb, q, previous);
    expect(r.askedAs).toBe(q);
    expect(r.response.answer).not.toContain(FOLLOW);
    expect(r.response.answer).toBe(answerQuestion(kb, q).answer);
  });

  it.each([
    ['郑州能推荐几家', '要是超了呢', '郑州超了呢？'],
    ['照片要几张', '要盖章吗', '照片要盖章吗？'],
    ['照片要几张', '彩色的行吗', '照片彩色的行吗？'],
    ['照片要几张', '扫描件呢', '照片扫描件呢？'],
    ['视频要多长', '那格式呢', '视频格式呢？'],
  ])('「%s」 then the subjectless 「%s」 still carries the topic (regression guards)', (previous, q, askedAs) => {
    const r = answerFollowUp(kb, q, previous);
    expect(r.askedAs).toBe(askedAs);
    expect(r.response.answer).toContain(FOLLOW);
  });

  it('「照片要几张」 then 「那视频呢」 asks of the video', () => {
    const r = answerFollowUp(kb, '那视频呢', '照片要几张');
    expect(r.response.answer).toMatch(/^视频资料要求：MP4格式/u);
  });
});

describe('a system every category’s clause requires outright', () => {
  const first = (q: string, category?: string) => answerFollowUp(kb, q, undefined, category).response.answer.split('\n')[0]!;

  it.each(['ERP必须上吗？不上会不会直接被淘汰', '没有ERP能报吗', '不上ERP会不会被刷掉'])('「%s」 opens 「不行。」, names the three categories once and quotes 二(二)', (q) => {
    const a = answerQuestion(kb, q);
    const line = a.answer.split('\n')[0]!;
    expect(line.startsWith('不行。ERP是三类都要求的：智能车间（三(一)5）、离散型智能工厂（三(二)4）、流程型智能工厂（三(三)4）的要素条件都写了它，缺了就不满足该条；二(二)把符合相应要素条件列为申报条件。'), line).toBe(true);
    expect(line).not.toContain('要看申报哪一类');
    expect(line).not.toContain('离散型和流程型都要');
    expect(a.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(['二(二)', '三(一)5', '三(二)4', '三(三)4']));
  });

  it.each(['ERP必须上吗', 'ERP非得上吗', '要不要上ERP'])('「%s」 opens 「要。」 and names the three categories once', (q) => {
    expect(first(q)).toMatch(/^要。ERP是三类都要求的：智能车间（三\(一\)5）、离散型智能工厂（三\(二\)4）、流程型智能工厂（三\(三\)4）的要素条件都写了它。/u);
  });

  it.each([
    ['WMS必须上吗', /^要看申报哪一类：/u],
    ['DCS需不需要上', /^要看申报哪一类：/u],
    ['MES是必须的吗', /^要看申报哪一类：/u],
    ['没有WMS能报吗', /^没有WMS行不行，要看申报哪一类：/u],
    ['没有MES行不行', /^没有MES行不行，要看申报哪一类：/u],
  ])('「%s」, on which the categories differ, still says it depends (regression guards)', (q, opening) => {
    expect(first(q)).toMatch(opening);
  });

  it.each([
    ['ERP必须上吗', '智能车间'],
    ['SCADA必须有吗', '离散型智能工厂'],
    ['没有ERP行不行', '流程型智能工厂'],
  ])('「%s」 in a %s session is answered for that category alone', (q, category) => {
    const a = answerFollowUp(kb, q, undefined, category).response.answer;
    expect(a).toContain(`（按您本次申报的${category}作答。）`);
    expect(a).not.toContain('三类都要求');
  });
});

describe('a site visit asked of the experts', () => {
  it.each(['评审专家会来现场看吗', '专家会不会到厂里实地看', '省里会派专家来企业核查吗'])('「%s」 is answered from 四(三), saying the notice names no experts', (q) => {
    const a = answerQuestion(kb, q);
    expect(a.outOfScope).toBe(false);
    expect(a.answer).toMatch(/^通知没有提到评审专家/u);
    expect(a.answer).toContain('并到企业现场进行真实性核查');
    expect(a.citations.map((c) => c.clause)).toContain('四(三)');
  });

  it.each(['评审专家怎么打分', '专家评审看哪些方面'])('「%s」, not about a visit, is still one the notice does not cover (regression guards)', (q) => {
    expect(answerQuestion(kb, q).answer).toMatch(/^《通知》没有涉及评审专家/u);
  });

  it('「现场核查由谁来」 still names the local bureau (regression guard)', () => {
    expect(answerQuestion(kb, '现场核查由谁来').answer).toMatch(/^由所在地工业和信息化主管部门到企业现场核查/u);
  });
});
