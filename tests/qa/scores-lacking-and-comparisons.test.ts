import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

/*
 * Questions of scores, of a system lacked with the lacking said after its name, of which category is easier to get,
 * and of materials asked as 文件, 资料 or 证明. The notice gives no scores: such an answer opens by saying so and who
 * decides (四(三)), says what 三 asks of the thing named, category by category, and closes with the helpline (五). The
 * notice's one preference (二(三), 节能减排绿色发展) is quoted only where it bears: a question of its subject, or one
 * nothing else answers.
 */
const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);
const NO_SCORES = /^通知没有规定评分或加分办法，是否推荐由所在地工业和信息化主管部门初审、核查后择优决定（四\(三\)）[。；]/u;
const DECIDES = '四(三)写明由各地工业和信息化主管部门“对企业申报材料进行初审，并到企业现场进行真实性核查，择优向省工业和信息化厅推荐”。';

describe('a question of scores', () => {
  it.each([
    ['SCADA没上的话会不会扣分', '（四(三)）。SCADA不是《通知》中的用语；《通知》三(一)5中与它相关的是“数据采集和监控系统”。数据采集和监控系统是三类都要求的：', ['三(一)5', '三(二)3', '三(三)3']],
    ['数据采集系统没有的话评审会减分吗', '（四(三)）。数据采集是三类都要求的：', ['三(一)5', '三(二)3', '三(三)3']],
    ['没上MES会丢分吗', '没有MES行不行，要看申报哪一类：', ['三(一)5', '三(二)3', '三(三)3']],
    ['WMS没有的话评审会不会减分', '没有WMS行不行，要看申报哪一类：', ['三(二)4', '三(三)4']],
    ['上了AGV能加分吗', '要看申报哪一类：', ['三(一)6', '三(二)3']],
    ['评审会不会因为没有ERP扣分', '（四(三)）。ERP是三类都要求的：智能车间（三(一)5）、离散型智能工厂（三(二)4）、流程型智能工厂（三(三)4）的要素条件都写了它，缺了就不满足该条；', ['二(二)', '三(一)5', '三(二)4', '三(三)4']],
  ])('「%s」 says the notice gives no scores and who decides, then 三 per category, then the helpline, never the green preference', (q, reading, cited) => {
    const a = lead(q);
    expect(a).toMatch(NO_SCORES);
    expect(a).toContain(reading);
    expect(a).toContain(DECIDES);
    expect(a).toMatch(/如需确认，请咨询省工业和信息化厅数字化与未来产业处（电话0371—65507698）。$/u);
    expect(a.match(/通知没有规定评分/gu)).toHaveLength(1);
    // A verdict of its own (「不行。」) would answer whether one may apply, not whether it costs a score.
    expect(a).not.toMatch(/。(?:不行|要)。/u);
    expect(clauses(q)).toEqual(expect.arrayContaining([...cited, '四(三)']));
    expect(clauses(q)).not.toContain('二(三)');
    expect(a).not.toContain('节能减排');
  });

  it.each(['有什么加分项', '怎么才能加分', '评审有没有加分项'])('「%s」, naming nothing the notice speaks of, says it gives no scores, who decides and its one preference', (q) => {
    expect(lead(q)).toBe(
      '通知没有规定评分或加分办法，是否推荐由所在地工业和信息化主管部门初审、核查后择优决定（四(三)）；通知只在二(三)写明“优先支持节能减排绿色发展企业”。' +
        DECIDES +
        '如需确认，请咨询省工业和信息化厅数字化与未来产业处（电话0371—65507698）。',
    );
    expect(clauses(q)).toEqual(['二(三)', '四(三)']);
  });

  it('leaves a percentage, a length, a denominator and the preference entry as they were (regression guards)', () => {
    expect(lead('资产负债率那一栏填百分数吗')).not.toContain('评分');
    expect(lead('视频多少分钟')).toMatch(/^1分钟左右。/u);
    expect(lead('联网率怎么算分母')).not.toContain('评分');
    expect(lead('绿色工厂有加分吗')).toMatch(/^会优先支持，但不是加分制。/u);
    expect(lead('ERP必须上吗')).toMatch(/^要。ERP是三类都要求的：/u);
    expect(lead('评审专家怎么打分')).toMatch(/^《通知》没有涉及评审专家、评审方式和评分标准/u);
    expect(lead('评审会有答辩吗')).toMatch(/^《通知》没有涉及评审专家、评审方式和评分标准/u);
    expect(ask('打分细则里智能装备那项占几分').outOfScope).toBe(true);
  });
});

describe('a system lacked, the lacking said right after its name', () => {
  it.each([
    ['ERP不上会不会被刷掉'],
    ['ERP没上能报吗'],
    ['ERP没有的话会不会被淘汰'],
  ])('「%s」 says ERP is required by all three categories, the workshop’s integration quoted', (q) => {
    const a = lead(q);
    expect(a.startsWith('不行。ERP是三类都要求的：智能车间（三(一)5）、离散型智能工厂（三(二)4）、流程型智能工厂（三(三)4）的要素条件都写了它，缺了就不满足该条；二(二)把符合相应要素条件列为申报条件。'), a).toBe(true);
    expect(a).toContain('三(一)5写的是：“生产过程数据采集和监控系统、制造执行系统和企业资源计划系统（ERP）实现集成');
    expect(clauses(q)).toEqual(expect.arrayContaining(['二(二)', '三(一)5', '三(二)4', '三(三)4']));
  });

  it.each([
    ['MES不上会不会被刷掉', /^没有MES行不行，要看申报哪一类：智能车间（三\(一\)5）和离散型智能工厂（三\(二\)3）要/u],
    ['WMS不上会不会被刷掉', /^没有WMS行不行，要看申报哪一类：离散型智能工厂要（三\(二\)4）；流程型智能工厂要从所列的几种里选用，WMS是其中一种（三\(三\)4）；智能车间的要素条件（三\(一\)）没有点名WMS。/u],
    ['DCS不上会不会被刷掉', /^没有DCS行不行，要看申报哪一类：智能车间要从所列的几种里选用，DCS是其中一种（三\(一\)1）；流程型智能工厂要（三\(三\)3）；离散型智能工厂的要素条件（三\(二\)）没有点名DCS。/u],
    ['SCM不上会被淘汰吗', /^没有SCM行不行，要看申报哪一类：离散型智能工厂要（三\(二\)4）；流程型智能工厂要（三\(三\)4）；智能车间的要素条件（三\(一\)）没有点名SCM。/u],
    ['PDM没上会不会被否', /^没有PDM行不行，要看申报哪一类：离散型智能工厂要（三\(二\)2）；流程型智能工厂要（三\(三\)2）；智能车间的要素条件（三\(一\)）没有点名PDM。/u],
    ['安灯不上会不会被刷掉', /^没有安灯行不行，要看申报哪一类：离散型智能工厂要（三\(二\)3）；智能车间、流程型智能工厂的要素条件（三\(一\)、三\(三\)）没有点名安灯。/u],
    ['能源管理系统没有的话能报吗', /^没有能源管理系统行不行，要看申报哪一类：流程型智能工厂要（三\(三\)4）；/u],
  ])('「%s」 says each category as 三 does, never that all three require it', (q, opens) => {
    const a = lead(q);
    expect(a).toMatch(opens);
    expect(a).not.toContain('三类都要求');
    expect(a).not.toMatch(/^没有的话，不符合这一项要素条件/u);
  });

  it('keeps a name said with no lacking, and a lacking of one named category, as they were (regression guards)', () => {
    expect(lead('ERP没问题吧')).not.toContain('没有ERP');
    expect(lead('没有MES能报智能车间吗')).toMatch(/^没有的话，不符合这一项要素条件：要应用制造执行系统（MES）。/u);
    expect(lead('MES是什么')).not.toContain('没有MES');
  });
});

describe('which category is easier to get', () => {
  it.each(['智能工厂和智能车间哪个好报', '报智能车间容易还是智能工厂容易', '车间和工厂哪个难度大', '智能车间是不是比智能工厂好评上'])(
    '「%s」 says the notice does not say, and who decides',
    (q) => {
      const a = lead(q);
      expect(a).toMatch(/^通知没有说哪一类更容易，推荐谁由所在地工业和信息化主管部门初审、现场核查后择优决定（四\(三\)）。/u);
      expect(a).toContain('（电话0371—65507698）');
      expect(clauses(q)).toEqual(expect.arrayContaining(['四(三)', '一(一)', '一(二)', '四(一)']));
    },
  );

  it('leaves the difference and the choice of what to apply for to their own entries (regression guards)', () => {
    expect(lead('智能车间和智能工厂有什么区别')).toMatch(/^对象和范围不同/u);
    expect(lead('申报车间还是工厂怎么选')).toMatch(/^对象和范围不同/u);
  });
});

describe('materials asked as 文件, 资料 or 证明', () => {
  it.each(['需要提交哪些文件', '申报要交什么文件', '要交哪些证明', '报智能车间得准备啥资料', '要上传什么证明文件'])('「%s」 lists the attachments', (q) => {
    expect(lead(q)).toMatch(/^(?:智能车间（附件1.四）要附5项|智能车间（附件1.四）要附5项)/u);
  });

  it('leaves a file asked of otherwise as it was (regression guards)', () => {
    expect(lead('这个通知是依据什么文件')).toContain('文件精神');
    expect(lead('视频文件多大')).toMatch(/^不能超过200M。/u);
    expect(lead('申报书文件用什么格式')).toMatch(/^要PDF彩色版/u);
  });
});

/*
 * Fifteen questions of kinds not asked before, written before the fixes above: scores, two-part asks, which category is
 * easier, quotas by city, dates asked with 几号 or 截止, materials asked as 证明, 资料 or 文件, and typos. Each is judged
 * by what it must say; measured before the fixes: 9 right, 6 wrong (the three score questions, the two comparisons and
 * 「需要提交哪些文件」).
 */
describe('blind questions of new kinds, written before the fixes', () => {
  const attachments = (a: string) => a.startsWith('智能车间（附件1.四）要附5项');
  const noScores = (a: string) => NO_SCORES.test(a) && a.includes(DECIDES) && a.includes('（电话0371—65507698）');
  const easier = (a: string) => a.startsWith('通知没有说哪一类更容易，推荐谁由所在地工业和信息化主管部门');
  const blind: [string, (a: string) => boolean][] = [
    ['没有MES会扣分吗', (a) => noScores(a) && a.includes('没有MES行不行，要看申报哪一类：')],
    ['WMS没有的话评审会不会减分', (a) => noScores(a) && a.includes('没有WMS行不行，要看申报哪一类：') && !a.startsWith('1.')],
    ['上了AGV能加分吗', (a) => noScores(a) && a.includes('智能车间根据生产需要采用（三(一)6）') && a.includes('离散型智能工厂')],
    ['智能工厂和智能车间哪个好报', easier],
    ['报智能车间容易还是智能工厂容易', easier],
    ['开封能推荐几家', (a) => a.includes('不多于10家')],
    ['新乡市最多推荐多少个企业', (a) => a.includes('不多于15家')],
    ['推荐汇总表几号之前要传', (a) => a.startsWith('3月15日前。')],
    ['企业申报截止到哪天', (a) => a.startsWith('3月15日前') && a.includes('企业向地方交材料的截止时间通知没有规定')],
    ['要交哪些证明材料', attachments],
    ['申报需要准备什么资料', attachments],
    ['需要提交哪些文件', attachments],
    ['申报书要用PFD格式吗', (a) => a.startsWith('（已按“PDF”理解。）\n要PDF彩色版')],
    ['视屏最大多大', (a) => a.includes('不能超过200M。')],
    ['一家能报几个？截止时间是几号？', (a) => a.includes('1个。每家企业当年限报1个') && a.includes('3月15日前')],
  ];
  const judged = blind.map(([q, right]) => right(ask(q).answer));

  it('answers 15 right and 0 wrong', () => {
    expect(blind.filter((_, i) => !judged[i]).map(([q]) => q)).toEqual([]);
    expect(judged.filter(Boolean).length).toBe(15);
  });
});
