import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** The answer before its quoted basis. */
const lead = (q: string) => ask(q).answer.split('\n依据：')[0]!;
const cited = (q: string) => ask(q).citations.map((c) => c.clause);

describe('a Henan unit under a parent elsewhere', () => {
  it.each([
    '总部在上海，郑州工厂有独立营业执照，能报吗',
    '集团在江苏，我们新乡的厂是独立法人，能不能申报',
    '母公司在浙江，河南工厂单独注册了公司，可以报吗',
    '总部设在广州，安阳这边的厂有自己的营业执照，能申报智能车间吗',
  ])('%s: may apply in its own name, by 二(一)', (q) => {
    expect(lead(q)).toMatch(/^可以。/);
    expect(cited(q)).toContain('二(一)');
  });

  it.each([
    '总部在上海，郑州工厂没有独立营业执照，能报吗',
    '我们厂没有单独的营业执照，用的是总公司的，能申报吗',
    '总部在北京，郑州这边是分公司，能报吗',
    '新乡的厂子没有自己的执照，集团在北京，能报不',
  ])('%s: a unit without its own legal personality may not', (q) => {
    expect(lead(q)).toMatch(/^不能。/);
    expect(cited(q)).toContain('二(一)');
  });

  it('keeps the licence questions that say nothing of the unit', () => {
    // Near misses: the licence itself, not who holds one.
    expect(ask('营业执照要提供原件还是复印件').entries).toEqual(['license']);
    expect(ask('营业执照过期了能申报吗').entries).toEqual(['license-expired']);
    expect(lead('工厂在郑州，但营业执照是上海的，能申报吗')).toMatch(/^不能/);
  });
});

describe('a statement asked to be confirmed', () => {
  it.each([
    ['视频格式是MP4对吧', 'MP4'],
    ['视频只能是MP4格式对吧', 'MP4'],
    ['申报书交PDF彩色版是不是', '彩色'],
    ['视频不超过200M是吧', '200M'],
    ['视频1分钟左右没错吧', '1分钟左右'],
    ['推荐汇总表截止时间是3月15日对不对', '3月15日'],
    ['每家限报1个是吧', '1个'],
    ['郑州不多于20家对吧', '20家'],
    ['视频不能用MOV格式对吧', '不能用MOV'],
  ])('%s the notice confirms: opens with 对', (q, said) => {
    expect(lead(q)).toMatch(new RegExp(`^对，通知写的就是${said}。`));
  });

  it.each([
    ['视频要MOV格式对吧', 'MOV', 'MP4'],
    ['申报书扫成黑白PDF就行对吧', '黑白', 'PDF彩色版'],
    ['申报书交Word版就行是吧', 'WORD', 'PDF彩色版'],
    ['视频要拍5分钟对吧', '5分钟', '1分钟左右'],
    ['3月31日截止对吧', '3月31日', '3月15日'],
    ['一家企业能报两个对吧', '两个', '1个'],
    ['郑州能推荐30家是吧', '30家', '20家'],
    ['材料是发邮箱的对吧', '邮箱', '河南省智能制造服务平台'],
  ])('%s the notice contradicts: opens with 不对, then the right fact', (q, said, right) => {
    const a = lead(q);
    expect(a).toMatch(new RegExp(`^不对，通知写的不是${said}。`));
    expect(a).toContain(right);
  });

  it('does not confirm what was not asked to be confirmed', () => {
    // Near misses: no tag, a question about the asker's own file, a requirement asked for.
    expect(lead('视频要什么格式')).toMatch(/^要MP4格式/);
    expect(lead('盖完章扫描成pdf上传可以吧')).toMatch(/^可以。/);
    expect(lead('视频是MP4还是MOV')).not.toMatch(/^(?:对|不对)，/);
  });
});

describe('a question in two parts', () => {
  it('answers a part about each category for its own category, quoting its clause', () => {
    const a = ask('流程型要不要APC跟RTO么？离散型要不要SIS');
    expect(a.answer).toMatch(/^1\. 流程型工厂要有APC和RTO吗？要（流程型智能工厂）。/m);
    // 三(二) does not name SIS: that part says so, rather than sharing the first part's verdict.
    expect(a.answer).toMatch(/^2\. 离散型要不要SIS？不要求：离散型智能工厂的要素条件（三\(二\)）没有提到SIS/m);
    expect(a.citations.map((c) => c.quote).join()).toContain('先进过程控制系统（APC）');
    expect(a.citations.map((c) => c.quote).join()).toContain('安全仪表系统（SIS）');
  });

  it.each([
    ['流程型要不要DCS？离散型要不要安灯', ['process-dcs', 'andon']],
    ['离散型要PDM吗？流程型要不要TAS', ['discrete-pdm', 'process-storage']],
    ['流程型要SIS吗？离散型要不要', ['process-sis']],
  ])('%s: each part answered in turn', (q, entries) => {
    const a = ask(q);
    expect(a.entries).toEqual(entries);
    expect(a.answer).toMatch(/^1\. /m);
    expect(a.answer).toMatch(/^2\. /m);
  });

  it('keeps one answer for one thing asked of two categories', () => {
    // Near miss: the second part names no object of its own, and one entry compares the two.
    expect(ask('离散型要安灯吗，流程型要不要').entries).toEqual(['andon-both']);
  });

  it.each([
    ['报名截止哪天？要准备啥东西', ['deadline', 'attachments']],
    ['这几年亏损，能申报吗？要交审计报告不', ['loss', 'audit']],
    ['营业执照要原件吗？还有专利要附吗', ['license-original-no', 'patent-factory']],
    ['视频多大？还有多长', ['video-size', 'video-duration']],
  ])('%s: each part after ？, 另外 or 还有 is answered with its own first sentence', (q, entries) => {
    const a = ask(q);
    expect(a.entries).toEqual(entries);
    expect(a.answer).toMatch(/^1\. /m);
    expect(a.answer).toMatch(/^2\. /m);
  });

  it('reads 这几年 and 前几年 as a span, not as a question', () => {
    expect(ask('前几年评过智能车间，今年能报智能工厂吗').entries).toEqual(['reapply']);
  });
});

describe('where the materials are handed in', () => {
  it.each(['电子版发到哪个邮箱', '申报书能不能发邮件过去', '材料发哪个邮箱', '申报材料可以发邮件吗'])('%s: the platform, and no email in the notice', (q) => {
    const a = lead(q);
    expect(a).toMatch(/^通知没有给出收申报材料的邮箱/);
    expect(a).toContain('河南省智能制造服务平台');
    expect(cited(q)).toEqual(['四(一)', '四(二)']);
  });

  it.each(['材料送到哪', '申报书交到哪里', '在哪提交材料', '纸质材料要寄到哪里'])('%s: the platform, quoted', (q) => {
    expect(lead(q)).toMatch(/^在“河南省智能制造服务平台”/);
    expect(cited(q)).toContain('四(一)');
  });

  it('keeps the email cell of the form and a missing email', () => {
    // Near misses: the form's E-mail cell and what to write when there is none.
    expect(ask('申报书要填联系人邮箱吗').entries).toEqual(['contact-cells']);
    expect(ask('没有邮箱怎么办').entries).toEqual(['blank-cell']);
  });
});

describe('input that is not Chinese', () => {
  it('answers pinyin the lexicon reads', () => {
    expect(ask('shipin yao duo chang').entries).toEqual(['video-duration']);
    expect(ask('shenbao jiezhi shijian').entries).toEqual(['deadline']);
  });

  it.each(['hello world', 'sdfkj qwer'])('%s: says it could not read the question and asks for Chinese', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.answer).toMatch(/^没能读懂这个问题/);
    expect(a.answer).toContain('请用中文输入问题');
    expect(a.answer).not.toContain('没有找到能回答这个问题的条款');
  });

  it('still refuses a Chinese question the notice does not cover as such', () => {
    expect(ask('评上了有奖金吗').answer).not.toMatch(/^没能读懂/);
  });
});
