import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';
import { evaluate, percent } from '../../server/qa/evaluate';
import fresh43 from '../fixtures/fresh43.json';

/*
 * What the forty-third fresh set found, and the readings fixed for it: a system every category requires, said once for
 * all; a part that asks 多清楚; a dialect named as 河南话; an either-or of categories asked of two systems at once; one of
 * several systems an entry covers, quoted where the notice writes it; and a title not won, said beside the question.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);

describe('a system every category requires', () => {
  const ALL = '智能车间（三(一)5）、离散型智能工厂（三(二)4）、流程型智能工厂（三(三)4）的要素条件都写了它';

  it.each(['ERP没上能报吗', 'ERP没有的话能申报不', '没上ERP中不中'])('「%s」 opens 「不行。」 and names the three categories once', (q) => {
    expect(lead(q).startsWith(`不行。ERP是三类都要求的：${ALL}，缺了就不满足该条；二(二)把符合相应要素条件列为申报条件。`), lead(q)).toBe(true);
    expect(clauses(q)).toEqual(expect.arrayContaining(['二(二)', '三(一)5', '三(二)4', '三(三)4']));
  });

  it.each(['ERP必须上吗', 'ERP是必须的吗', 'ERP一定得有吗'])('「%s」 opens 「要。」 and names the three categories once', (q) => {
    expect(lead(q).startsWith(`要。ERP是三类都要求的：${ALL}。`), lead(q)).toBe(true);
  });

  it('says a name the notice never writes after the verdict, by the notice’s own name', () => {
    expect(lead('SCADA没有的话行不行')).toMatch(/^不行。SCADA不是《通知》中的用语；《通知》三\(一\)5中与它相关的是“数据采集和监控系统”。数据采集和监控系统是三类都要求的：智能车间（三\(一\)5）、离散型智能工厂（三\(二\)3）、流程型智能工厂（三\(三\)3）的要素条件都写了它，缺了就不满足该条；/u);
    expect(lead('SCADA必须上吗')).toMatch(/^要。SCADA不是《通知》中的用语；/u);
  });

  it('never says one of a kind a clause lists, or a system some category leaves out, is required by all three (regression guards)', () => {
    for (const q of ['以太网没上能报吗', '现场总线必须上吗', 'MES没上能报吗', 'WMS必须上吗', 'PDM没上能报吗', 'SIS没上能报吗', 'DCS必须上吗', 'AGV没上能报吗']) expect(lead(q), q).not.toContain('三类都要求');
    expect(lead('WMS没上能报吗')).toMatch(/^没有WMS行不行，要看申报哪一类：/u);
  });

  // 三(一)1 lists 现场总线、以太网、物联网 as examples (「等」) of what builds the network: lacking one is no lack of the clause.
  it.each(['以太网没上能报吗', '物联网没搞能申报吗', '没装以太网行不行', '没有现场总线行不行'])('「%s」 says not each listed kind is required', (q) => {
    expect(lead(q)).toMatch(/^不要求每一种都有：三\(一\)1列举的是现场总线、以太网、物联网和分布式控制系统“等”/u);
    expect(clauses(q)).toContain('三(一)1');
  });
});

describe('a part that asks how clear (多清楚, 多清晰)', () => {
  it.each([
    ['签字盖章页要扫彩色的不？视频得多清楚', '彩色'],
    ['营业执照要盖章不，视频要多清晰', '营业执照'],
    ['照片要几张，视频拍多清楚合适', '10张'],
  ])('「%s」 answers both parts, the video’s 1080P among them', (q, other) => {
    const a = ask(q).answer;
    expect(a).toMatch(/^1\. /u);
    expect(a).toContain('2. 视频清晰度要多少？不低于1080P。');
    expect(a.split('2. ')[0]).toContain(other);
  });

  it('leaves a statement of not knowing, and the narration, as they were (regression guards)', () => {
    expect(lead('视频要求我不太清楚，能说说吗')).toMatch(/^视频资料要求：MP4格式/u);
    expect(lead('旁白要配吗')).toMatch(/^要。/u);
  });
});

describe('a dialect named by its place (河南话, 洛阳话, 土话)', () => {
  it.each(['视频里的旁白用河南话录中不中', '解说能用洛阳话讲吗', '视频旁白能用本地话讲不'])('「%s」 says the notice sets no language for the narration', (q) => {
    expect(lead(q)).toMatch(/^通知没有规定旁白的语言或配音方式，只要求视频“配以说明性旁白”/u);
    expect(clauses(q)).toEqual(['附件1.四(五)', '附件2.四(六)', '附件3.四(六)']);
  });

  it('leaves a dialect asked of nothing the notice has to the closest text (regression guards)', () => {
    expect(lead('河南话怎么说智能车间')).not.toContain('旁白');
  });
});

describe('two systems offered a choice of categories', () => {
  it.each([
    ['APC跟RTO是离散型要的还是流程型要的', 'APC、RTO是流程型智能工厂的要素条件（三(三)3）；离散型智能工厂的要素条件没有提到APC、RTO。'],
    ['SIS和DCS是离散型要还是流程型要', 'SIS、DCS是流程型智能工厂的要素条件（三(三)3）；离散型智能工厂的要素条件没有提到SIS、DCS。'],
    ['APC和RTO是车间要求还是工厂要求', 'APC、RTO是智能车间、流程型智能工厂的要素条件（三(一)4、三(三)3）；离散型智能工厂的要素条件没有提到APC、RTO。'],
  ])('「%s」 says which categories hold both', (q, opens) => {
    expect(lead(q).startsWith(opens), lead(q)).toBe(true);
  });

  it('keeps a second category asked after the first, and one system, as they were (regression guards)', () => {
    expect(lead('流程型要SIS，离散型也要吗')).toMatch(/^不要求：离散型智能工厂的要素条件（三\(二\)）没有提到SIS/u);
    expect(lead('安灯系统是车间要求还是工厂要求')).toMatch(/^安灯系统是离散型智能工厂的要素条件（三\(二\)3）；/u);
    // Two systems held by different categories are not answered as one.
    expect(lead('MES和SIS是车间要求还是工厂要求')).not.toMatch(/^MES、SIS是/u);
  });
});

describe('one of the systems only the factories name, asked of the workshop', () => {
  it.each([
    ['LIMS智能车间要不要上', '试验数据管理系统（LIMS）', ['三(二)2', '三(三)2']],
    ['车间需要上LIMS吗', '试验数据管理系统（LIMS）', ['三(二)2', '三(三)2']],
    ['智能车间要上WMS吗', '仓储管理系统（WMS）', ['三(二)4', '三(三)4']],
  ])('「%s」 says 不要求 of that system and quotes where the notice writes it', (q, name, cited) => {
    expect(lead(q)).toMatch(new RegExp(`^不要求。${name.replace(/[()（）]/gu, '.')}不在智能车间的要素条件`, 'u'));
    expect(clauses(q)).toEqual(cited);
    expect(ask(q).citations.every((c) => c.quote.includes(name.match(/（(\w+)）/u)![1]!))).toBe(true);
  });

  it('leaves a factory asked of the same system to its own entry (regression guards)', () => {
    expect(lead('离散型工厂要LIMS吗')).toMatch(/^要，离散型和流程型都要。/u);
  });
});

describe('a title not won, said beside a question of the same workshop', () => {
  it.each(['去年报过没评上，今年同一个车间还能再报一次吗？', '那个车间前年没评上，今年拿同一个车间再报中不中', '上回申报落选了，这回同一个车间还能报吗'])(
    '「%s」 may apply again: the rule on a title’s workshop is not its case',
    (q) => {
      expect(lead(q)).toMatch(/^可以。通知没有限制此前申报未获认定的企业再次申报/u);
      expect(ask(q).answer).not.toContain('不能用同一个车间');
    },
  );

  it('keeps a title won as it was (regression guards)', () => {
    expect(lead('前年评上了智能车间，今年拿同一个车间再报一回行不行')).toMatch(/^不能用同一个车间。/u);
    expect(lead('之前评上的车间再申一次行不行')).toMatch(/^不能用同一个车间。/u);
  });
});

/*
 * Fifteen applicant questions written blind before any fix (Henan speech, typos, two parts, 汉字 figures, a hedge, three
 * the notice does not cover). Measured before the fixes by the evaluator: 14 of 15 (hit@3 100, facts 91.7, concluded 100,
 * facts in conclusion 83.3, out of scope refused 100; 「签字盖章页要扫彩色的不？视频得多清楚」 lost its second part). Read by
 * what each first sentence must say, 10 of 15 were right: besides that one, a title not won answered 「不能用同一个车间」,
 * 河南话 answered 「要。」, 「APC跟RTO是离散型要的还是流程型要的」 answered 「不要求」 and LIMS quoted 三(二)4 (ERP, SCM).
 */
describe('the forty-third fresh set, written blind', () => {
  const judged: Record<string, (a: string, cited: string[]) => boolean> = {
    '俺们厂去年营收才两千来万，够格报不': (a) => a.startsWith('没有规模门槛。'),
    '一九年评上的省智能工厂，今年还能报个车间不': (a) => a.startsWith('不能。'),
    'APC跟RTO是离散型要的还是流程型要的': (a) => a.startsWith('APC、RTO是流程型智能工厂的要素条件'),
    '报智能车间的话专利证书也得交吗': (a) => a.startsWith('不需要。'),
    '签字盖章页要扫彩色的不？视频得多清楚': (a) => a.includes('彩色') && a.includes('不低于1080P'),
    '审计报告用内审出的行不行，非得会计师事务所？': (a) => a.startsWith('须经会计师事务所审计。'),
    '罐区自动话TAS是不是必须有': (a) => a.includes('不一定，通知没有要求三种都上'),
    'LIMS智能车间要不要上': (a, cited) => a.startsWith('不要求。试验数据管理系统（LIMS）') && cited.includes('三(二)2'),
    '按灯系统是个啥': (a) => a.includes('安灯系统（Andon），高效处理生产中的异常状况'),
    '航空港区推荐名额是几个来着': (a) => a.includes('不多于10家'),
    '视频里的旁白用河南话录中不中': (a) => a.startsWith('通知没有规定旁白的语言'),
    '去年报过没评上，今年同一个车间还能再报一次吗？': (a) => a.startsWith('可以。'),
    '公示期是多长时间': (a) => a.includes('0371—65507698'),
    '能不能请咨询公司代写申报书': (a) => a.includes('0371—65507698'),
    '评上了省里给不给挂牌': (a) => a.includes('0371—65507698'),
  };

  it('is judged question by question', () => {
    expect(Object.keys(judged)).toEqual(fresh43.map((x) => x.q));
  });

  it('answers 15 of 15 by what each must say, and by the evaluator', () => {
    const wrong = fresh43.filter((x) => {
      const a = ask(x.q);
      return !judged[x.q]!(a.answer, a.citations.map((c) => c.clause));
    });
    expect(wrong.map((x) => x.q)).toEqual([]);
    const r = evaluate(kb, fresh43);
    expect({ hit3: percent(r.hit3, r.inScope), facts: percent(r.factsFound, r.withFacts), concluded: percent(r.concluded, r.inScope), factsInConclusion: percent(r.factsInConclusion, r.withFacts), outOfScopeRefused: percent(r.outOfScopeRefused, r.outOfScope) }).toEqual({
      hit3: 100,
      facts: 100,
      concluded: 100,
      factsInConclusion: 100,
      outOfScopeRefused: 100,
    });
    expect(r.inScopeRefused).toEqual([]);
  });
});
