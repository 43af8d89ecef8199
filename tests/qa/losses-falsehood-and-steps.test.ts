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

/*
 * Classes found by tests/fixtures/fresh36.json. The phrasings below are written apart from that set;
 * each group ends with near misses that must keep their own answers.
 */

describe('a loss said the way people say it', () => {
  it.each([
    '连亏三年能报不',
    '前年和去年都亏钱，能报吗',
    '厂子一直在亏本，能报智能车间吗',
    '去年没赚钱，今年能申报吗',
    '这两年生意不好赔了不少，还够格吗',
  ])('%s: the loss question, answered by 二(一)\'s 财务状况良好 and who judges it', (q) => {
    const a = ask(q);
    expect(a.entries).toEqual(['loss']);
    expect(lead(q)).toContain('生产经营和财务状况良好');
    expect(lead(q)).toContain('主管部门初审把握');
    expect(cited(q)[0]).toBe('二(一)');
  });

  it('leaves the debt ratio cell and the hard conditions to their own answers', () => {
    expect(ask('资产负债率一栏该怎么计算').entries).toEqual(['debt-ratio']);
    expect(ask('申报企业要满足哪些条件').entries).not.toContain('loss');
  });
});

describe('material that is not true', () => {
  it.each([
    '申报书数据作假会有啥后果',
    '虚报设备数量怎么处理',
    '编造的数据被查出来怎么办',
    '照片用了别家的，算弄虚作假吗',
    '视频是网上找的素材，算造假吗',
  ])('%s: the notice sets no procedure; the commitment and the site check are quoted', (q) => {
    expect(ask(q).entries).toEqual(['false-material']);
    expect(lead(q)).toMatch(/^通知没有规定具体的处理办法。/);
    expect(lead(q)).toContain('如有不实，愿承担相应的责任');
    expect(lead(q)).toContain(HELPLINE);
  });

  it.each([
    '虚报了设备数会取消资格吗',
    '作假的话以后还能不能再报',
    '数据造假会被拉黑几年',
  ])('%s: a sanction the notice does not set is refused, with the commitment it does state and the helpline', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.answer).toMatch(/^《通知》没有涉及弄虚作假的具体处罚/);
    expect(a.answer).toContain('如有不实，愿承担相应的责任');
    expect(a.answer).toContain(HELPLINE);
  });

  it('keeps the commitment, the photos and the site check questions that speak of no falsehood', () => {
    expect(ask('真实性承诺谁来签').entries).toEqual(['commitment']);
    expect(ask('申报书里要放多少张照片').entries).toEqual(['photos']);
    expect(ask('系统截图有什么要求').entries).toEqual(['screenshots']);
    expect(ask('现场核查完了下一步').entries).toEqual(['site-check-after']);
  });
});

describe('who issued the notice', () => {
  it.each([
    '这通知哪个单位印发的',
    '通知的发布单位是哪个',
    '文件落款写的哪个单位',
    '这个文是哪个单位出的',
  ])('%s: 河南省工业和信息化厅办公室, from 序', (q) => {
    expect(lead(q)).toMatch(/^由河南省工业和信息化厅办公室发布/);
    expect(cited(q)).toEqual(['序']);
  });

  it('keeps who recommends and whom the notice is sent to apart', () => {
    expect(ask('哪个单位可以推荐企业').entries).toEqual(['who-recommends-list']);
    expect(ask('通知发给哪些部门').entries).toEqual(['notice-recipients']);
  });
});

describe('what follows the first review', () => {
  it.each([
    '市里初审结束了，然后呢',
    '初审完了接着是啥流程',
    '过了初审下一步干啥',
  ])('%s: the site check, the recommendation and the summary table, and what the notice leaves open', (q) => {
    expect(ask(q).entries).toEqual(['after-first-review']);
    expect(lead(q)).toMatch(/^初审之后，所在地工业和信息化主管部门还要到企业现场进行真实性核查，然后择优向省工业和信息化厅推荐/);
    expect(lead(q)).toContain('3月15日前');
    expect(cited(q)).toEqual(['四(三)', '四(四)']);
  });

  it('keeps a failed review, who reviews and the publicity question on their own answers', () => {
    expect(ask('初审没通过怎么办').entries).toEqual(['not-recommended']);
    expect(ask('谁负责初审').entries).toEqual(['review-who']);
    expect(ask('初审通过后会公示吗').outOfScope).toBe(true);
  });
});

describe('who comes for the site check', () => {
  it.each(['谁去企业现场核查', '现场核查是哪个部门来', '哪个单位来厂里核查'])('%s: the local bureau, by 四(三), not a bare 会', (q) => {
    expect(ask(q).entries).toEqual(['site-check-who']);
    expect(lead(q)).toMatch(/^由所在地工业和信息化主管部门到企业现场核查/);
  });

  it('keeps whether there is a site check, what it looks at and what the province does on their own answers', () => {
    expect(lead('会不会来现场核查')).toMatch(/^会，不只看材料。/);
    expect(ask('现场核查看什么').entries).toEqual(['site-check-content']);
    expect(ask('省里还会再核查吗').entries).toEqual(['province-review']);
  });
});

describe('a workshop that must be mainly processing and manufacturing', () => {
  it.each(['车间非得是做加工的吗', '车间一定要搞生产加工吗'])('%s: 一(一)\'s 以加工制造环节为主', (q) => {
    expect(ask(q).entries).toEqual(['workshop-what']);
    expect(lead(q)).toMatch(/^以加工制造环节为主的车间。/);
  });

  it('keeps the assembly workshop its own answer', () => {
    expect(ask('装配车间能申报智能车间吗').entries).toEqual(['assembly-workshop']);
  });
});

describe('how long a list is publicised', () => {
  it.each(['认定结果公示多久', '公示时间是多长', '最后名单公示多少天'])('%s: not in the notice, refused with the helpline', (q) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(true);
    expect(a.answer).toMatch(/^《通知》没有涉及评审结果/);
    expect(a.answer).toContain(HELPLINE);
  });

  it('keeps the local recommendation list and the credit system, which name 公示 too', () => {
    expect(ask('拟推荐企业在本地公示多少天').entries).toEqual(['recommend-publicity']);
    const credit = ask('国家企业信用信息公示系统怎么查');
    expect(credit.outOfScope).toBe(false);
    expect(credit.citations[0]!.clause).toBe('二(四)');
  });
});
