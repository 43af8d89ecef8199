import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** The answer before its quoted basis. */
const lead = (q: string) => ask(q).answer.split('\n依据：')[0]!;
const cited = (q: string) => ask(q).citations.map((c) => c.clause);
const HELPLINE = '0371—65507698';
const FALLBACK = '没有直接回答这个问题';

/*
 * Classes found by tests/fixtures/fresh37.json. The phrasings below are written apart from that set and from the
 * answer base's own phrasings; each group ends with near misses that must keep their own answers.
 */

describe('an opening that only says when the question arises', () => {
  it.each([
    ['厂房改造完成了，视频资料要交吗', 'video-required'],
    ['等设备上线后，需不需要交视频', 'video-required'],
    ['我们填报的时候要附诊断报告吗', 'diagnosis-required'],
    ['生产线验收以后还要交诊断报告吗', 'diagnosis-required'],
  ])('%s: answered as the question without it', (q, entry) => {
    expect(ask(q).entries).toEqual([entry]);
    expect(lead(q)).not.toContain(FALLBACK);
    expect(lead(q)).toMatch(/^要/);
  });

  it.each([
    ['车间改造做完后附件2第四部分有什么', '附件2.四'],
    ['申报的时候附件3的二(三)是什么', '附件3.二(三)'],
  ])('%s: the rules that read the whole question read it without the opening too', (q, id) => {
    expect(cited(q)[0]!.startsWith(id)).toBe(true);
  });

  it('keeps a question on what the video must be like on that answer, opening or not', () => {
    expect(ask('改造完成后视频清晰度要多少').entries).not.toContain('video-required');
    expect(lead('改造完成后视频清晰度要多少')).toContain('1080P');
    expect(lead('视频要交什么格式的')).toContain('MP4');
  });
});

describe('the attachments of one form', () => {
  it.each([
    ['报离散型工厂后面要附哪些材料', '附件2', 6],
    ['流程型智能工厂申报书要带哪些附件', '附件3', 6],
    ['车间申报书附件包括什么', '附件1', 5],
  ])('%s: that form\'s list, each item quoted under its own ID', (q, form, n) => {
    const ids = cited(q);
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => `${form}.四(${'一二三四五六'[i]})`));
    expect(ask(q).citations.every((c) => kb.clause(c.clause)!.text.includes(c.quote.replace(/…$/u, '')))).toBe(true);
  });

  it('names the patent for a factory and not for a workshop', () => {
    expect(lead('流程型智能工厂申报书要带哪些附件')).toContain('专利');
    expect(lead('车间申报书附件包括什么')).not.toContain('专利');
  });

  it('answers a factory of either type with both forms named, the discrete list quoted', () => {
    const q = '报智能工厂的话附件有哪几样';
    expect(lead(q)).toContain('附件2.四');
    expect(lead(q)).toContain('附件3.四');
    expect(cited(q)).toContain('附件2.四(六)');
  });

  it('leaves which form to use, and what 附件 means, to their own answers', () => {
    expect(ask('离散型用哪个申报书').entries).toEqual(['forms-which']);
    expect(ask('附件都包括哪些').entries).toEqual(['attachments-overview']);
  });
});

describe('being registered in Henan is not enough', () => {
  it.each(['注册在河南的厂子是不是都能申报', '河南省内的公司都有资格报吗', '只要注册在河南就可以报吧'])('%s: 不一定, with the conditions of 二', (q) => {
    expect(ask(q).entries).toEqual(['registered-not-enough']);
    expect(lead(q)).toMatch(/^不一定。/);
    expect(lead(q)).toContain('制造业企业');
    expect(lead(q)).toContain('财务状况良好');
    expect(cited(q).slice(0, 3)).toEqual(['二(一)', '二(二)', '二(四)']);
  });

  it('leaves registration outside Henan, the general conditions and how many may apply to their own answers', () => {
    expect(ask('公司注册在外省能报吗').entries).not.toContain('registered-not-enough');
    expect(ask('申报企业要具备哪些条件').entries).toEqual(['who-can-apply']);
    expect(ask('河南的企业一年能报几个').entries).not.toContain('registered-not-enough');
  });
});

describe('a clause named by its ID', () => {
  it.each([
    ['四(三)说的是什么', '四(三)', '不多于20家'],
    ['附件3的二(三)是啥', '附件3.二(三)', '研发队伍'],
    ['三(一)7的原文', '三(一)7', '每批次产品均可通过产品档案'],
    ['二(一)写了啥', '二(一)', '不支持以集团、总公司名义申报'],
  ])('%s: that clause, verbatim, under its ID', (q, id, words) => {
    const a = ask(q);
    expect(a.citations.map((c) => c.clause)).toEqual([id]);
    expect(a.citations[0]!.quote).toBe(kb.clause(id)!.text);
    expect(lead(q)).toContain(id);
    expect(lead(q)).toContain(words);
  });

  it('answers a clause with items by its heading and each item quoted', () => {
    expect(cited('附件1.四是什么')).toEqual(['附件1.四(一)', '附件1.四(二)', '附件1.四(三)', '附件1.四(四)', '附件1.四(五)']);
    expect(lead('三(三)讲的啥')).toContain('共6项');
  });

  it('says a clause that does not exist is not there, and answers a narrower question as asked', () => {
    expect(lead('三(九)是什么')).toMatch(/^没有三\(九\)/u);
    expect(lead('二(四)的黑名单去哪查')).toContain('信用中国');
    expect(cited('二(四)的黑名单去哪查')).toEqual(['二(四)']);
    expect(lead('附件2第四部分写啥')).toContain('第四部分');
  });
});

describe('drafting by a third party', () => {
  it.each(['让中介机构帮我们写申报材料可以吗', '申报书能不能外包给代理公司写'])('%s: the notice does not say; the commitment and the helpline', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.answer).toContain('没有涉及');
    expect(a.answer).toContain('如有不实，愿承担相应的责任');
    expect(a.answer).toContain(HELPLINE);
  });

  it('keeps predictive maintenance by a third party, and a bureau submitting for an enterprise, on their own answers', () => {
    expect(ask('设备预测维护能外包给第三方吗').entries).toEqual(['phm-third-party']);
    expect(ask('县工信局能替企业代为提交吗').outOfScope).toBe(false);
  });
});

describe('a loose match naming a topic the notice leaves out', () => {
  it.each([
    ['拿到称号后能保持几年', '称号有效期'],
    ['评上以后税收上能减免吗', '税收'],
    ['哪些供应商做MES比较好', '服务商推荐'],
  ])('%s: refused, naming the topic', (q, topic) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.answer).toContain(topic);
  });

  it('keeps a title held and the next application, and a supplier in the element conditions, in scope', () => {
    expect(ask('评上智能车间了还能报智能工厂吗').outOfScope).toBe(false);
    expect(ask('设备供应商提供远程运维可以吗').entries).toEqual(['phm-third-party']);
  });
});

describe('an industry answer carries its own trade\'s note', () => {
  it('tells 复合肥 the division\'s note only, cited by the process clauses alone', () => {
    const q = '生产复合肥的报哪一类';
    expect(lead(q)).toContain('化工，典型流程');
    expect(lead(q)).not.toContain('日化');
    expect(cited(q).some((id) => id.startsWith('三(二)'))).toBe(false);
  });

  it.each([
    ['做洗涤剂的算哪一类', '日化C268的灌装段为离散'],
    ['轮胎厂属于哪一类', '轮胎：混炼流程+成型离散'],
  ])('%s: the note on that trade is said', (q, note) => {
    expect(lead(q)).toContain(note);
  });

  it('does not tell an injection-moulding plant about tyres, nor a motor plant about batteries', () => {
    expect(lead('注塑厂属于哪一类')).not.toContain('轮胎');
    expect(lead('做电机的属于哪一类')).not.toContain('锂电池');
  });
});
