import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion, answerSourceOf } from '../../server/qa/answer';
import { refusedOf } from '../../server/staff/store';

/*
 * The first sentence of an answer is what a caller hears: it must be right on its own. A confirmation is
 * checked against whose figure it is and corrected in one sentence; an acknowledgement is no question; a
 * subsidiary is its own legal person; a part of a form that does not exist is said not to exist.
 * The phrasings here are our own, apart from the answer base's.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const firstSentence = (q: string) => lead(q).split('。')[0]!;

describe('a confirmation of the bureaus’ deadline, asked as the enterprise’s', () => {
  it.each(['截止日期是3月15日对吧', '申报截止时间是三月十五号吧', '最后期限是3月15日没错吧', '3月15号截止对不对', '我们企业3月15日前交就行对吧'])(
    '%s: says whose deadline 3月15日 is, not 「对」',
    (q) => {
      expect(lead(q)).toMatch(/^不完全对：3月15[日号]是各地工业和信息化主管部门上传“推荐汇总表”的截止时间，不是企业交材料的截止时间。/u);
      expect(lead(q), 'the enterprise’s own deadline is the local bureau’s to set').toContain('以所在地主管部门的安排为准');
      expect(ask(q).citations.map((c) => c.clause)).toContain('四(四)');
    },
  );

  it('agrees when the confirmation names the bureaus or the summary table, whose deadline it is', () => {
    // Near misses: the party is named, so 3月15日 is right as said.
    for (const q of ['推荐汇总表3月15日前上传对吧', '主管部门3月15日前上传汇总表是吧']) expect(lead(q), q).toMatch(/^对，通知写的就是3月15日。/u);
  });

  it('still says another date is not the notice’s, and keeps 不是 for the enterprise asked by name', () => {
    expect(lead('截止日期是3月31日对吧')).toMatch(/^不对，通知写的不是3月31日。/u);
    expect(lead('企业提交材料截止是3月15日对吧')).toMatch(/^不是。/u);
    // A question that confirms nothing is answered as before.
    expect(lead('申报截止到什么时候')).toMatch(/^3月15日前：/u);
  });
});

describe('a bounded figure confirmed wrongly is corrected in one sentence', () => {
  it.each([
    ['视频大小是500M对吧', '不对，通知规定视频文件大小不超过200M，500M超过了这个上限'],
    ['视频文件是五百兆吧', '不对，通知规定视频文件大小不超过200M，500兆超过了这个上限'],
    ['视频是1G对吧', '不对，通知规定视频文件大小不超过200M，1G超过了这个上限'],
    ['视频100M以内对吧', '不对，通知规定视频文件大小不超过200M；100M在这个上限以内，可以'],
    ['照片要5张对吧', '不对，通知规定照片不少于10张，5张不够'],
    ['照片是30张没错吧', '不对，通知规定照片不少于10张，没有规定上限；30张够了'],
    ['视频清晰度720P对吧', '不对，通知规定视频清晰度不低于1080P，720P低于这个下限'],
    ['视频要4K对吧', '不对，通知规定视频清晰度不低于1080P；4K高于这个下限，可以'],
  ])('%s', (q, first) => {
    expect(firstSentence(q)).toBe(first);
    // One verdict: no 「不对」 followed by the entry's own 「不行」「可以」「不够」.
    expect(lead(q)).not.toMatch(/。(?:不行|可以|不够)，/u);
  });

  it('keeps the right figure agreed with, and the asker’s own value judged as before', () => {
    expect(lead('视频最大200M对吧')).toMatch(/^对，通知写的就是200M。/u);
    expect(lead('照片不少于10张对吧')).toMatch(/^对/u);
    // A bound said as the rule with another figure is corrected as any misquoted figure, then the rule.
    expect(lead('视频不超过500M对吧')).toMatch(/^不对，通知写的不是500M。不能超过200M。/u);
    expect(lead('照片至少20张对吧')).toMatch(/^不对，通知写的不是20张。至少要10张/u);
    // Near misses: not confirmations of what the notice says, but the asker's own file.
    expect(lead('视频500M可以吗')).toMatch(/^不行，500M超过了200M。/u);
    expect(lead('我们拍了20张照片够吗')).toMatch(/^可以，20张不少于10张/u);
  });
});

describe('a greeting in Q&A', () => {
  const greeting = (q: string) => {
    const a = ask(q);
    return { a, source: answerSourceOf(a), refused: refusedOf({ ...a, source: answerSourceOf(a) }) };
  };

  it.each(['你好', '在吗', '您好！', '老师在吗？', '有人吗', '你好呀', 'hello', '下午好'])(
    '%s: greeted back and asked for the question, neither refused nor for review',
    (q) => {
      const { a, source, refused } = greeting(q);
      expect(a.answer).toMatch(/^您好。/u);
      expect(a.answer).not.toContain('0371');
      expect(source).toBe('acknowledgement');
      expect(refused, 'the question log does not count it refused').toBe(false);
    },
  );

  it('answers the question a greeting opens, and leaves a question with greeting-like words a question', () => {
    expect(answerSourceOf(ask('你好，请问郑州能推荐几家？'))).toBe('answer-base');
    expect(answerSourceOf(ask('在吗，视频多大'))).toBe('answer-base');
    // Near misses: 「你好吗」 asks after the helpline (small talk refused as such), 「现在吗」「还存在吗」 ask something.
    for (const q of ['你好吗', '现在吗', '还存在吗']) expect(greeting(q).source, q).not.toBe('acknowledgement');
    expect(ask('你好吗').topic).toBe('chat');
  });
});

describe('an acknowledgement in Q&A', () => {
  it.each(['对', '好的', '谢谢', '明白了', '嗯嗯', '好的，谢谢老师！', '知道了哈', '收到', 'OK', '非常感谢', '谢谢你们的解答', '嗯，了解了'])(
    '%s: a short reply from the knowledge that invites the next question, neither refused nor for review',
    (q) => {
      const a = ask(q);
      expect(a.outOfScope).toBe(false);
      expect(a.answer).toMatch(/^(?:好的|不客气)。还有关于申报的问题，请接着问。$/u);
      expect(a.answer).not.toContain('0371');
      expect(answerSourceOf(a)).toBe('acknowledgement');
      expect(refusedOf({ ...a, source: answerSourceOf(a) }), 'the question log does not count it refused').toBe(false);
    },
  );

  it('thanks are answered 不客气, a plain acknowledgement 好的', () => {
    expect(ask('谢谢').answer).toMatch(/^不客气/u);
    expect(ask('好的').answer).toMatch(/^好的/u);
  });

  it('is not read as a follow-up of the previous question', () => {
    const r = answerFollowUp(kb, '好的', '视频要多大').response;
    expect(answerSourceOf(r)).toBe('acknowledgement');
    expect(r.answer).not.toContain('接着上一个问题');
  });

  it('leaves questions that start with or are made of such words as questions', () => {
    // Near misses: each asks something, so none gets the acknowledgement.
    for (const q of ['对吗', '好吗', '是吗', '懂了吗', '行不行']) expect(answerSourceOf(ask(q)), q).not.toBe('acknowledgement');
    // 「你好」 holds 好 but greets: it is answered with a greeting, never with 「好的」.
    expect(ask('你好').answer).not.toMatch(/^好的/u);
    expect(lead('好的，那视频呢')).toMatch(/^视频资料要求/u);
    expect(lead('明白了，那照片要几张')).toMatch(/^至少要10张/u);
    expect(answerSourceOf(ask('了解一下申报条件'))).toBe('answer-base');
  });
});

describe('a subsidiary, a branch and a production site', () => {
  it.each([
    '我们是子公司，生产基地在许昌，能报吗',
    '我们属于控股子公司，生产基地在周口，能不能报',
    '公司是集团的全资子公司，厂区在新乡，能申报智能车间吗',
    '生产基地有自己的营业执照，是独立法人，能单独报吗',
  ])('%s: a legal person of its own may apply (二(一))', (q) => {
    expect(lead(q)).toMatch(/^可以。/u);
    expect(ask(q).citations.map((c) => c.clause)).toContain('二(一)');
    expect(ask(q).entries).not.toContain('branch');
  });

  it.each(['我们是分公司，生产基地在许昌，能报吗', '生产基地是总公司的分厂，没有营业执照，能报吗', '我们在许昌的生产基地没有独立法人资格，能申报吗', '总公司在郑州，许昌的工厂是分公司，能报吗'])(
    '%s: a unit without legal personality may not',
    (q) => expect(lead(q)).toMatch(/^不能。/u),
  );

  it('says it depends for a production site whose standing is not said', () => {
    for (const q of ['许昌的生产基地能单独申报吗', '我们在南阳还有个生产基地，它能自己报吗']) {
      expect(lead(q), q).toMatch(/^要看生产基地是不是独立法人。/u);
      expect(ask(q).citations.map((c) => c.clause), q).toContain('二(一)');
    }
  });

  it('does not say 不能 for a subsidiary among several stated facts', () => {
    const a = ask('我们是子公司，生产基地在许昌，有独立法人，能不能报？没上失信名单');
    expect(a.answer).toMatch(/^可以/u);
    expect(a.entries).not.toContain('branch');
  });
});

describe('a form part, clause or attachment the notice does not have', () => {
  it.each([
    ['附件3第五部分写啥', /^没有附件3第五部分。附件3《2023年度河南省智能工厂申报书（流程型）》只有四部分：一、企业基本信息；二、企业情况概述；三、智能工厂具体情况介绍；四、相关附件。$/u],
    ['附件1第六部分要填什么', /^没有附件1第六部分。附件1《2023年度河南省智能车间申报书》只有四部分：/u],
    ['离散型申报书第七部分写什么', /^没有申报书第七部分。附件2《2023年度河南省智能工厂申报书（离散型）》只有四部分：/u],
    ['附件4在哪里下载', /^没有附件4。通知的附件只有三个：附件1《2023年度河南省智能车间申报书》；附件2《/u],
    ['附件五要交吗', /^没有附件五。通知的附件只有三个：/u],
    ['三(五)是什么意思', /^没有三\(五\)。三“要素条件”只有3项：（一）智能车间；（二）离散型智能工厂；（三）流程型智能工厂。$/u],
    ['二（六）怎么理解', /^没有二\(六\)。二“申报条件”只有4项：（一）/u],
    ['三（一）8有什么要求', /^没有三\(一\)8。三\(一\)“智能车间”只有7项：1、信息基础设施安全可靠；/u],
    ['附件2的四(七)是什么', /^没有附件2的四\(七\)。附件2的四“相关附件”只有6项：（一）企业法人营业执照复印件；/u],
    ['附件1第四部分第六项是什么', /^没有附件1的四\(六\)。附件1的四“相关附件”只有5项：/u],
  ])('%s: says so first, with what exists, each quoted', (q, first) => {
    const a = ask(q);
    expect(lead(q)).toMatch(first);
    expect(a.citations.length).toBeGreaterThan(1);
    for (const c of a.citations) expect(kb.clause(c.clause)!.text, c.clause).toContain(c.quote.replace(/^…|…$/gu, ''));
  });

  it('answers a part that exists as before', () => {
    // Near misses: the part, item or clause asked is there.
    expect(lead('附件3第四部分写啥')).toMatch(/^附件3的第四部分是“四、相关附件”，共6项/u);
    expect(lead('附件1第二部分写什么')).toMatch(/^附件1的第二部分是“二、企业情况概述”/u);
    for (const q of ['附件1要交哪些', '三(一)5是什么要求', '附件2的四(五)是什么', '二(四)讲的什么']) expect(lead(q), q).not.toMatch(/^没有/u);
  });
});

describe('what attachments the application needs', () => {
  it.each(['附件需要哪些', '需要哪些附件', '附件都有什么', '附件是什么', '附件包括哪些', '附件指的是啥'])('%s: the three forms and the 相关附件 of their 四, quoted', (q) => {
    const a = ask(q);
    expect(lead(q)).toMatch(/^“附件”在通知里有两层意思。一是通知所附的3个申报书/u);
    expect(a.answer).toContain('附件1《2023年度河南省智能车间申报书》');
    expect(a.answer).toContain('企业在智能制造方面取得的专利，共6项');
    expect(a.citations.map((c) => c.clause)).toEqual(expect.arrayContaining(['附件', '附件1.四(一)', '附件2.四(三)', '四(二)']));
    expect(a.entries).toEqual(['attachments-overview']);
  });

  it('leaves questions on one form’s attachments, or on the materials, to their own answers', () => {
    // Near misses: a form or the 相关附件 named, or the materials asked of.
    for (const q of ['要附哪些附件', '相关附件包括什么', '附件1要交哪些', '申报材料有哪些']) expect(ask(q).entries, q).toEqual(['attachments']);
    // A category named is answered with that category's list, by either attachments entry.
    expect(ask('智能工厂附件要准备啥').entries).toHaveLength(1);
    expect(['attachments', 'attachments-by-category']).toContain(ask('智能工厂附件要准备啥').entries![0]);
    expect(ask('智能工厂附件要准备啥').answer).toMatch(/^智能工厂（附件2.四、附件3.四）要附6项/u);
  });
});
