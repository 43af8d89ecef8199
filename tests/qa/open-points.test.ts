import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';
import { normalise } from '../../server/understand';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** What an answer says before its quotes, after any correction note. */
const conclusion = (q: string) => ask(q).answer.replace(/^(?:（已按[^）]*）)+\n/u, '').split('\n依据')[0]!;
const FALLBACK = '没有直接回答这个问题';

describe('whether a county-level place belongs to its 省辖市 is concluded from 四(三)', () => {
  it.each([
    ['郑州的20家包不包括巩义', '巩义市', '郑州市'],
    ['巩义算不算郑州的', '巩义市', '郑州市'],
    ['兰考归开封管吗', '兰考县', '开封市'],
    ['汝州属不属于平顶山', '汝州市', '平顶山市'],
    ['滑县算安阳的不', '滑县', '安阳市'],
    ['长垣的名额包不包括在新乡里面', '长垣市', '新乡市'],
    ['固始县是不是信阳的', '固始县', '信阳市'],
    ['邓州属于南阳吗', '邓州市', '南阳市'],
    ['新蔡县推荐的企业在不在驻马店那10家里头', '新蔡县', '驻马店市'],
    ['汝州是平顶山管的吗', '汝州市', '平顶山市'],
  ])('%s: the two quotas are kept apart, with the county row and what the notice does not say', (q, county, city) => {
    const a = conclusion(q);
    expect(a, 'a conclusion, not the closest text').not.toContain(FALLBACK);
    expect(a.startsWith('不算在一起'), 'the first sentence concludes').toBe(true);
    expect(a).toContain(county);
    expect(a).toContain(city);
    expect(a, 'the county row of 四(三)').toContain('不多于5家');
    expect(a, 'what the notice leaves open, with whom to ask').toContain('通知没有写县（市）推荐的企业要计入所在省辖市的名额');
  });

  it.each([
    ['金水区算不算郑州的', '金水区', '郑州市', '不多于20家'],
    ['偃师的企业算不算洛阳的', '偃师区', '洛阳市', '不多于15家'],
    ['郑州的20家包不包括金水区', '金水区', '郑州市', '不多于20家'],
  ])('%s: a 市辖区 has no quota of its own and is counted in its 省辖市', (q, district, city, quota) => {
    const a = conclusion(q);
    expect(a.startsWith(`算在${city}里`), 'the first sentence concludes').toBe(true);
    expect(a).toContain(`${district}是${city}的市辖区`);
    expect(a).toContain(quota);
  });

  it('still says a district and its city are not kept apart when asked so', () => {
    expect(conclusion('金水区和郑州市是分开算的吗')).toMatch(/^不是分开算的/u);
  });

  it.each([
    ['巩义能推荐几家', /^巩义市属于“各县（市）”这一档，本次申报推荐企业不多于5家/u],
    ['郑州和巩义谁的名额多', /^郑州市的多/u],
    ['巩义是不是跟郑州一样20家', /^不一样/u],
  ])('%s keeps its own answer (a quota or a comparison, not whether they are counted together)', (q, start) => {
    expect(conclusion(q)).toMatch(start);
  });
});

describe('the deadline day itself', () => {
  it.each(['3月15号当天交还行不', '截止日那天提交有效吗', '三月十五日当天上传算数不', '十五号当天提交算不算超期', '3.15当天传还赶趟不', '3月15日交行不', '十五号交还中不中'])(
    '%s: the notice says 「3月15日前」 of the bureaus\' upload and leaves the day itself open',
    (q) => {
      const a = conclusion(q);
      expect(a).toMatch(/^通知没有说明3月15日当天是否算在内/u);
      expect(a).toContain('“于3月15日前”');
      expect(a, 'the date is the bureaus\', not the enterprise\'s').toContain('不是企业提交材料的期限');
      expect(a).toContain('0371—65507698');
    },
  );

  it('still answers when the summary table is due with the date itself', () => {
    expect(conclusion('推荐汇总表什么时候上传')).toMatch(/^3月15日前/u);
  });
});

describe('a change after submission is a question about the process, answered as left open', () => {
  it.each(['撤回重新传', '提交后发现错误能撤回吗', '交了以后能改吗', '平台上提交错了怎么撤回', '材料传上去以后发现照片放错了 还能撤了重传吗', '提交以后发现数据填错了 平台上还能撤回重新传吗'])(
    '%s is answered, not refused',
    (q) => {
      const r = ask(q);
      expect(r.outOfScope).toBe(false);
      expect(conclusion(q)).toMatch(/^通知没有规定申报材料提交后能否修改、撤回、补交或重新提交/u);
      expect(r.citations.map((c) => c.clause)).toContain('四(三)');
    },
  );

  it.each([
    ['初审把材料退回给企业，企业修改后还能重新提交吗', /^通知没有规定初审退回/u],
    ['照片要几张', /^至少要10张/u],
    ['在哪个平台提交', /^在“河南省智能制造服务平台”/u],
    ['交完材料以后还要干啥', /^接下来是地方初审和推荐/u],
  ])('%s keeps its own answer', (q, start) => {
    expect(conclusion(q)).toMatch(start);
  });
});

describe('whether someone else may help write the application is answered, not refused as a writing request', () => {
  it.each(['让别人帮忙写申报书算不算违规', '同事替我们写申报书行不行', '申报书请咨询公司代写合规吗', '找人帮忙写材料 算造假吗', '申报书可以让同事帮着写吗'])('%s', (q) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(false);
    const a = conclusion(q);
    expect(a).toMatch(/^通知没有规定能否请他人或第三方协助/u);
    expect(a, 'the applicant\'s own responsibility, in the form\'s words').toContain('我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任。');
  });

  it.each(['帮我写一段车间信息安全建设的描述', '帮我写申报书 不违规吧', '给我写个申报书的企业简介'])('%s is still a request to write, and refused', (q) => {
    expect(ask(q).outOfScope).toBe(true);
  });
});

describe('一块 before a verb of applying reads as 一起', () => {
  it('reads 「一块报」 and 「一块儿申报」 as 一起, and leaves a count (一块钱, 一块屏) alone', () => {
    expect(normalise('zncj和zngc今年能一块报不').text).toContain('一起报');
    expect(normalise('能不能一块儿申报').text).toContain('一起申报');
    expect(normalise('诊断报告一块钱都不要吗').text).toContain('一块钱');
    expect(normalise('车间里装了一块大屏').text).toContain('一块大屏');
  });

  it('answers 「智能车间和智能工厂今年能一块报不」 with the one-a-year rule', () => {
    expect(conclusion('俺们是做机加工的 zncj和zngc今年能一块报不')).toMatch(/^不能。每家企业当年限报1个智能车间或智能工厂/u);
  });
});

describe('a month and day typed with a dot or slash', () => {
  it('reads as the notice writes a date before 号, 当天, 前 or 截止, and stays a figure elsewhere', () => {
    expect(normalise('3.15当天传还赶趟不').text).toBe('3月15日当天传还来得及不');
    expect(normalise('3/15前要传完吗').text).toBe('3月15日前要传完吗');
    expect(normalise('3.15号交行不').text).toBe('3月15日交行不');
    expect(normalise('视频3.5分钟行吗').text).toBe('视频3.5分钟行吗');
    expect(normalise('营收3.15亿').text).toBe('营收3.15亿');
    expect(normalise('2015.3.15前成立的').text).toBe('2015.3.15前成立的');
  });
});
