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

describe('whether someone else may help write the application is said uncovered by the notice, not refused as a writing request', () => {
  it.each(['让别人帮忙写申报书算不算违规', '同事替我们写申报书行不行', '申报书请咨询公司代写合规吗', '找人帮忙写材料 算造假吗', '申报书可以让同事帮着写吗'])('%s', (q) => {
    const r = ask(q);
    expect(r.outOfScope).toBe(true);
    expect(r.answer).toMatch(/^《通知》没有涉及能否请咨询公司等第三方代写、代办申报材料/u);
    expect(r.answer, 'the applicant\'s own responsibility, in the form\'s words').toContain('我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任');
    expect(r.answer, 'who can confirm it').toContain('0371—65507698');
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

describe('form cells and credit questions the notice leaves open are not answered with the helpline alone', () => {
  it.each(['联系人和企业负责人可以是一个人吗', '联系人能写法人吗', '联系人写老板行吗', '企业负责人兼联系人行不行'])(
    '%s: the two groups of cells, and that the notice does not say',
    (q) => {
      const a = conclusion(q);
      expect(a.startsWith('通知没有规定')).toBe(true);
      expect(a).toContain('分列两组栏目');
    },
  );

  it.each(['咨询电话多少', '联系方式是什么', '有问题联系谁', '联系人电话'])('%s still gets the helpline', (q) => {
    expect(conclusion(q)).toMatch(/^可咨询省工业和信息化厅数字化与未来产业处，电话0371—65507698/u);
  });

  it.each(['老板被限高了能报吗', '法人限消了影响不', '公司被限制高消费了还能申报吗'])('%s: a restriction on spending is not one of the three lists', (q) => {
    const a = conclusion(q);
    expect(a.startsWith('通知没有提到限制高消费')).toBe(true);
    expect(a).toContain('失信被执行人');
  });

  it.each(['每人每天产出水平单位是什么', '产出水平怎么填'])('%s: the unit of the 附件1 cell', (q) => {
    expect(conclusion(q)).toMatch(/^万元\/人\/天/u);
  });

  it('the factory forms keep their own unit for 生产效率', () => {
    expect(conclusion('生产效率的单位是什么')).toMatch(/万元\/人\/天/u);
    expect(ask('生产效率的单位是什么').entries).toEqual(['benefit-units']);
  });

  it.each(['没有邮箱怎么办', '公司没有传真咋办', '没有邮箱这一栏空着行吗'])('%s: the notice does not say how a missing cell is filled', (q) => {
    expect(ask(q).entries).toEqual(['blank-cell']);
  });

  it.each(['今年的申报通知发了吗', '新通知出了没'])('%s: another year\'s notice is not in this one', (q) => {
    expect(conclusion(q)).toContain('其他省份或其他年度');
  });
});

describe('a question asked of a later year', () => {
  it.each(['明年的名额是多少', '明年郑州能推几家', '下一批截止时间是哪天', '明年视频还是200M吗', '后年还能报吗', '明年还有这个申报吗'])(
    '%s: is about a notice not yet known, not answered with this one\'s figures',
    (q) => {
      const a = ask(q);
      expect(a.outOfScope).toBe(true);
      expect(a.answer).not.toMatch(/不多于20家|200M|3月15日/u);
    },
  );

  it.each([
    ['今年报车间 明年能报工厂吗', /^可以/u],
    ['今年拿了智能工厂 明年还能报车间吗', /^不能/u],
    ['评上智能车间以后下一年能报智能工厂吗', /^可以/u],
    ['今年报了车间，明年还能用同一个车间报吗', /^不能用同一个车间/u],
  ])('%s: a rule that spans years is answered, said to be this notice\'s', (q, start) => {
    const a = conclusion(q);
    expect(a).toMatch(start);
    expect(a).toContain('这是2023年度通知的规定，以后年度以当年发布的通知为准。');
  });

  it.each(['今年没评上明年还能报吗', '没选上的话下一年还可以申请不', '这次落选，往后还能不能再报', '初审没通过，来年能接着申报吗'])(
    '%s: whether an enterprise not chosen may apply in a later round is for that round\'s notice, and is refused with who to ask',
    (q) => {
      const a = ask(q);
      expect(a.outOfScope).toBe(true);
      expect(a.answer).toContain('以后年度的申报安排');
      expect(a.answer).toContain('0371—65507698');
      expect(a.answer).not.toMatch(/^可以/u);
    },
  );

  it.each([
    ['去年申报没通过今年还能报吗', /^可以/u],
    ['以前没评上的企业这次可以申报吗', /^可以/u],
  ])('%s: a failure in an earlier round asked of this round is answered from this notice', (q, start) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(false);
    expect(conclusion(q)).toMatch(start);
  });

  it.each([
    ['我们明年才能建成 今年能报吗', 'running-time'],
    ['我们打算明年建智能工厂 需要满足啥条件', 'who-can-apply'],
  ])('%s: a later year said as the time of building is no later notice', (q, entry) => {
    const a = ask(q);
    expect(a.outOfScope).toBe(false);
    expect(a.entries).toEqual([entry]);
    expect(a.answer).not.toContain('以后年度以当年发布的通知为准');
  });

  it('the same year keeps its one-application rule', () => {
    expect(conclusion('今年车间和工厂能一起报吗')).toMatch(/^不能/u);
  });
});

describe('a number of workshops said as a fact is no request to apply for them all', () => {
  it('「有两个车间…能报吗」 is asked of the enterprise, not answered 不能同时报两个', () => {
    const a = conclusion('我们厂是做家具的，有两个车间，一个喷涂一个组装，组装车间上了MES，能报吗');
    expect(a).not.toMatch(/^不能/u);
  });

  it.each(['能不能一次申报两个车间', '两个车间能同时报吗', '我们有两个车间都想报'])('%s: two at once is still one a year', (q) => {
    expect(conclusion(q)).toMatch(/^不能同时报两个/u);
  });

  it.each(['济源的企业找济源还是焦作', '航空港的企业找郑州还是找港区'])('%s: the 示范区 and 港区 recommend on their own', (q) => {
    expect(ask(q).entries).toEqual(['separate-units']);
  });
});

describe('where the photos go and what the investment cell counts', () => {
  it.each(['照片要放在申报书里还是单独传', '照片要单独上传吗', '照片放哪'])('%s: in the application, only the video goes apart', (q) => {
    expect(conclusion(q)).toMatch(/^放在申报书里/u);
  });

  it('still gives the number when asked what the photos need', () => {
    expect(conclusion('照片有什么要求')).toMatch(/^至少要10张/u);
  });

  it.each(['智能工厂软硬件投资包括厂房吗', '厂房投资能算吗'])('%s: the notice does not say whether buildings count', (q) => {
    expect(ask(q).entries).toEqual(['investment-building']);
    expect(conclusion(q)).toMatch(/^通知没有规定/u);
  });
});

describe('a system said missing with a bare 没', () => {
  it.each(['车间没MES能不能申报', '车间没MES能报吗', '工厂没ERP行不行'])('%s: the element is not met, not 「是，要…」', (q) => {
    expect(conclusion(q)).toMatch(/^没有的话，不符合这一项要素条件/u);
  });

  it('「没问题」 names nothing missing', () => {
    expect(conclusion('MES没问题 能报吗')).not.toMatch(/^没有的话/u);
  });
});
