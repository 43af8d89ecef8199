import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';
import { evaluate, percent } from '../../server/qa/evaluate';
import fresh44 from '../fixtures/fresh44.json';

/*
 * What the forty-fourth fresh set and three known wrong answers found: two systems of one entry asked of the workshop
 * said 不要求 twice; one category asked of several systems answered for one of them only; a category offered as a
 * choice for a system no entry speaks of fell to the closest text; a bare 「能报吗」 after statements of the network
 * was answered as who may apply; and a short second part was read as another entry's by one shared word.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);

describe('two systems of one entry, asked of the workshop', () => {
  it.each([
    // Systems with one reading (WMS and SCM) are named together: tests/qa/same-reading-items.test.ts.
    ['车间要不要上LIMS和SIS', ['试验数据管理系统（LIMS）', '安全仪表系统（SIS）']],
    ['智能车间需要立体库、WMS吗', ['自动化立体仓库', '仓储管理系统（WMS）']],
  ])('「%s」 says 不要求 once, then each system where the notice writes it, in the order asked', (q, names) => {
    const a = lead(q);
    expect(a.startsWith('不要求。'), a).toBe(true);
    expect(a.split('不要求').length - 1).toBe(1);
    const at = names.map((n) => a.indexOf(`${n}不在智能车间的要素条件（三(一)）里`));
    expect(at.every((x) => x > 0), a).toBe(true);
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  it('keeps one system asked alone as it was (regression guard)', () => {
    expect(lead('智能车间要上WMS吗')).toBe('不要求。仓储管理系统（WMS）不在智能车间的要素条件（三(一)）里，写在智能工厂的经营管理要素条件里（离散型三(二)4、流程型三(三)4）。');
  });
});

describe('one category asked of several systems it reads differently', () => {
  it.each([
    ['智能车间要求MES和WMS吗', '制造执行系统（MES）：智能车间要（三(一)5）；仓储管理系统（WMS）：智能车间的要素条件（三(一)）没有点名它，写在离散型智能工厂、流程型智能工厂的要素条件里（三(二)4、三(三)4）。', ['三(一)5', '三(二)4', '三(三)4']],
    ['报车间的话SCM跟ERP都得有吗', '供应链管理（SCM）：智能车间的要素条件（三(一)）没有点名它，写在离散型智能工厂、流程型智能工厂的要素条件里（三(二)4、三(三)4）；企业资源计划（ERP）：智能车间要（三(一)5）。', ['三(一)5', '三(二)4', '三(三)4']],
    ['车间里MES跟AGV得有吗', '制造执行系统（MES）：智能车间要（三(一)5）；自动导引运输车（AGV）：智能车间根据生产需要采用（三(一)6）。', ['三(一)5', '三(一)6']],
    ['离散型工厂AGV跟SIS必须有吗', '自动导引运输车（AGV）：离散型智能工厂要从所列的几种里选用，AGV是其中一种（三(二)3）；安全仪表系统（SIS）：离散型智能工厂的要素条件（三(二)）没有点名它，写在流程型智能工厂的要素条件里（三(三)3）。', ['三(二)3', '三(三)3']],
    ['流程型工厂DCS和SIS都得有不', '分布式控制系统（DCS）：流程型智能工厂要（三(三)3）；安全仪表系统（SIS）：流程型智能工厂要（三(三)3）。', ['三(三)3']],
  ])('「%s」 says each system’s reading, quoting the clause once', (q, said, cited) => {
    expect(lead(q)).toBe(said);
    expect(clauses(q)).toEqual(cited);
  });

  it('leaves systems an entry already names together, a statement’s systems and an element’s name to the entries (regression guards)', () => {
    expect(lead('智能车间MES、ERP都要上吗')).toMatch(/^要（智能车间、离散型智能工厂）：/u);
    expect(lead('离散型的PDM和LIMS要不要')).toMatch(/^都要。/u);
    expect(lead('企业问车间里RGV是不是一定要配？他们现在物料都靠人推车送，扫码枪倒是人手一个')).toMatch(/^不强制。/u);
    expect(lead('我们是罐区储存液体原料，没有成品仓库，流程型经营管理里的WMS还必须上吗？')).toMatch(/^不一定要WMS/u);
    expect(lead('流程型工厂DCS和SIS用的啥牌子好')).not.toContain('：流程型智能工厂要');
  });
});

describe('a category offered as a choice for a system no entry speaks of', () => {
  it.each([
    ['APC是车间的还是流程型工厂的', 'APC是智能车间、流程型智能工厂都有的要素条件（三(一)4、三(三)3）。'],
    ['RTO算车间要素还是工厂要素', 'RTO是智能车间、流程型智能工厂的要素条件（三(一)4、三(三)3）；离散型智能工厂的要素条件没有提到RTO。'],
    ['先进控制是车间的还是工厂的', '先进控制是智能车间、流程型智能工厂的要素条件（三(一)4、三(三)3）；离散型智能工厂的要素条件没有提到先进控制。'],
  ])('「%s」 says which of the offered categories’ element conditions hold it, and quotes them', (q, said) => {
    expect(lead(q)).toBe(said);
    expect(clauses(q)).toEqual(['三(一)4', '三(三)3']);
    expect(ask(q).citations[0]!.quote).toContain('流程型行业');
  });

  it('keeps a choice an entry answers as it was (regression guard)', () => {
    expect(lead('MES是车间还是工厂的')).toMatch(/^MES是智能车间、离散型智能工厂的要素条件/u);
  });
});

describe('a network said to lack a listed kind, then 能报吗', () => {
  const OPEN = /^通知没有规定联网方式：没有要求一定用有线网络或以太网，也没有点名无线、光纤等方式。三\(一\)1列举的是现场总线、以太网、物联网和分布式控制系统“等”信息技术和控制系统，要求的是建立车间级工业通信网络/u;

  it.each(['车间没有以太网，用的无线，能报吗', '车间没有现场总线，用的无线，能报吗', '没拉网线，全靠wifi，能申报不', '车间网络必须是有线的吗', '设备联网用的4G，能报吗'])('「%s」 is told the notice sets no medium, quoting 三(一)1', (q) => {
    expect(lead(q)).toMatch(OPEN);
    expect(clauses(q)[0]).toBe('三(一)1');
    expect(ask(q).answer).toContain('0371—65507698');
  });

  it('leaves statements that decide who may apply, and a listed kind lacked alone, as they were (regression guards)', () => {
    expect(lead('我们是分公司，没有独立法人，能报吗')).toMatch(/^不能。/u);
    expect(lead('我们是集团下面的子公司，有独立法人，能报吗')).toMatch(/^可以。/u);
    expect(lead('去年营收3千万，能报吗')).toMatch(/^没有规模门槛。/u);
    expect(lead('车间没有以太网能报吗')).toMatch(/^不要求每一种都有/u);
  });
});

describe('a short second part that shares one word with another entry', () => {
  it('「视频文件最大多少兆，超了咋整」 is not told the quota overrun', () => {
    expect(ask('视频文件最大多少兆，超了咋整').answer).not.toContain('多报无效');
    expect(lead('视频文件最大多少兆，超了咋整')).toMatch(/^不能超过200M。/u);
  });

  it('keeps a short part that names a thing of its own as it was (regression guards)', () => {
    expect(ask('照片要几张，视频拍多清楚合适').answer).toContain('2. 视频清晰度要多少？不低于1080P。');
    expect(ask('签字盖章页要扫彩色的不？视频得多清楚').answer).toContain('2. 视频清晰度要多少？不低于1080P。');
  });
});

/*
 * Fifteen applicant questions written blind before any fix (typos, 1千万, two parts, Henan speech), over 二, 三, 四, 五
 * and the forms. Measured before the fixes: 12 of 15 by what each must say (「设备联网数占比要求多高，有硬指标没」 and
 * 「视频文件最大多少兆，超了咋整」 had a second part told the quotas, 「流程型工厂DCS和SIS都得有不」 answered SIS only); by
 * the evaluator hit@3 100, facts 93.3, concluded 100, facts in conclusion 93.3. Now 15 of 15: a short part asking only
 * whether a figure is fixed (intents.json thresholdAsks: 硬指标) is answered by the part before it, not as the quotas.
 */
describe('the forty-fourth fresh set, written blind', () => {
  const judged: Record<string, (a: string, cited: string[]) => boolean> = {
    '俺们是集团下头的分公司，没有独立法人，能不能单独申抱': (a) => a.includes('不能。'),
    '公司一年营收也就1千万，够不够格报智能车间': (a) => a.startsWith('没有规模门槛。'),
    '前两年上了税收违法黑名单，现在还没撤下来，能报不': (a) => a.startsWith('不能。'),
    '搞节能减排的企业是不是能优先点': (a) => a.startsWith('会优先支持'),
    '设备联网数占比要求多高，有硬指标没': (a) => a.includes('省内行业先进水平') && !a.includes('不多于20家'),
    '智能车间AGV必须上吗？物料都是叉车拉的': (a) => a.startsWith('不强制。'),
    '流程型工厂DCS和SIS都得有不': (a) => a.startsWith('分布式控制系统（DCS）：流程型智能工厂要') && a.includes('安全仪表系统（SIS）：流程型智能工厂要'),
    '离散型工厂要不要搞设备故障预测这块': (a, cited) => a.startsWith('要。') && cited.includes('三(二)6'),
    '一家企业今年能一个车间一个工厂同时报俩不': (a) => a.startsWith('不能。'),
    '视频文件最大多少兆，超了咋整': (a) => a.startsWith('不能超过200M。') && !a.includes('多报无效'),
    '申报平台网址是啥？没注册过咋弄': (a) => a.includes('hnznzz.com') && a.includes('经审核通过后'),
    '数字化转型诊断报告上哪个网站弄': (a) => a.includes('dlttx.com'),
    '县工信局推荐汇总表几号之前要传到平台': (a) => a.startsWith('3月15日前。'),
    '有不明白的地方打哪个电话问': (a) => a.includes('0371—65507698'),
    '申报书照片要几张，软件截图有数量要求没': (a) => a.includes('不少于10张') && a.includes('数量不限'),
  };
  it('is judged question by question', () => {
    expect(Object.keys(judged)).toEqual(fresh44.map((x) => x.q));
  });

  it('answers 15 of 15 by what each must say, and by the evaluator', () => {
    const wrong = fresh44.filter((x) => {
      const a = ask(x.q);
      return !judged[x.q]!(a.answer, a.citations.map((c) => c.clause));
    });
    expect(wrong.map((x) => x.q)).toEqual([]);
    const r = evaluate(kb, fresh44);
    expect({ hit3: percent(r.hit3, r.inScope), facts: percent(r.factsFound, r.withFacts), concluded: percent(r.concluded, r.inScope), factsInConclusion: percent(r.factsInConclusion, r.withFacts) }).toEqual({
      hit3: 100,
      facts: 100,
      concluded: 100,
      factsInConclusion: 100,
    });
    expect(r.inScopeRefused).toEqual([]);
  });
});
