import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerFollowUp, answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const inSession = (q: string, category: string) => answerFollowUp(kb, q, undefined, category).response;
const first = (answer: string) => answer.replace(/^（[^）]*）\n/u, '').split('\n')[0]!;

describe('a statement followed by the question it comes with', () => {
  it.each(['有三台AGV，只在成品库那块跑。申报名额县里有几个啊', '我们车间有两台AGV在跑，想问下推荐名额县里是几家', '申报名额县里有几个啊'])(
    '%s is answered with the county quota, not with what the statement names',
    (q) => {
      const a = ask(q);
      expect(first(a.answer)).toMatch(/^每个县（市）本次申报推荐企业不多于5家/u);
      expect(a.citations.map((c) => c.clause)).toEqual(['四(三)']);
      expect(a.answer).toContain('各县（市）不多于5家');
      expect(a.answer).not.toContain('AGV');
      // 「申报名额县」 is the question's words, no county of that name.
      expect(a.answer).not.toContain('名额县');
    },
  );

  it('answers a deadline asked after a statement about a system', () => {
    expect(first(ask('装了立体库，想问下截止时间是哪天').answer)).toMatch(/^3月15日前/u);
  });

  it('keeps a yes-no question about the situation stated on the statement it leans on', () => {
    expect(first(ask('有三台AGV，只在成品库那块跑，这个算数吗').answer)).toMatch(/^不强制/u);
    expect(first(ask('上了失信名单，上个月移出了，还能报吗').answer)).toMatch(/^以“截至申报日”为准/u);
    expect(first(ask('我们是2021年5月注册的公司，今年能申报智能车间吗').answer)).toBe('通知没有规定成立年限。但申报须附企业上年度经会计师事务所审计的财务审计报告原件复印件，智能工厂申报书还要填2020—2022年三年的主要经济指标：成立前的年度没有经营数据可填；拿不出上年度审计报告的企业，实际上难以申报。如需确认，请咨询省工业和信息化厅数字化与未来产业处（电话0371—65507698）。');
  });

  it('answers a system asked beside the system the enterprise has, not the one it has', () => {
    const a = ask('DCS有吗？我们用的是PLC加组态软件');
    expect(first(a.answer)).toMatch(/^是（流程型智能工厂）/u);
    expect(a.citations[0]!.quote).toContain('分布式控制系统（DCS）');
    expect(first(ask('车间用的PLC，有没有要求上MES').answer)).toMatch(/^要看申报哪一类/u);
  });
});

describe("in an interview session, the applicant's own category's clause", () => {
  it.each(['有三台AGV，只在成品库那块跑，这个算数吗', '我们有AGV，算不算数'])('%s, asked by a 离散型智能工厂 applicant, is answered from 三(二)3 first', (q) => {
    const a = inSession(q, '离散型智能工厂');
    expect(a.answer).toMatch(/^（按您本次申报的离散型智能工厂作答。）/u);
    expect(a.citations[0]!.clause).toBe('三(二)3');
  });

  it('tells a 流程型智能工厂 applicant that its own element conditions do not name AGV', () => {
    const a = inSession('我们有AGV，算不算数', '流程型智能工厂');
    expect(first(a.answer)).toMatch(/^不要求。流程型智能工厂的要素条件（三\(三\)）没有提到AGV/u);
    expect(a.citations.every((c) => c.clause.startsWith('三(三)'))).toBe(true);
  });

  it('keeps the workshop clause for a 智能车间 applicant', () => {
    const a = inSession('有三台AGV，只在成品库那块跑，这个算数吗', '智能车间');
    expect(a.citations[0]!.clause).toBe('三(一)6');
    expect(a.answer).not.toContain('按您本次申报');
  });
});

describe('a clause that writes each branch in a sentence of its own', () => {
  const line = '三(一)4';
  const quoteOf = (a: ReturnType<typeof ask>) => a.citations.find((c) => c.clause === line)!.quote;

  it.each(['我们用的是PLC加组态软件，算不算', 'PLC算自动化成套控制系统吗'])('%s quotes the 流程型 half to a 流程型 applicant, the 离散型 half to a 离散型 one', (q) => {
    const process = quoteOf(inSession(q, '流程型智能工厂'));
    expect(process).toContain('流程型行业应用智能仪表');
    expect(process).not.toContain('离散型行业');
    const discrete = quoteOf(inSession(q, '离散型智能工厂'));
    expect(discrete).toContain('离散型行业应用自动化成套装备');
    expect(discrete).not.toContain('流程型行业');
  });

  it('quotes both halves when the branch is not known', () => {
    for (const quote of [quoteOf(ask('我们用的是PLC加组态软件，算不算')), quoteOf(inSession('我们用的是PLC加组态软件，算不算', '智能车间'))]) {
      expect(quote).toContain('离散型行业');
      expect(quote).toContain('流程型行业');
    }
  });
});

describe('whether something counts as a term the notice never uses', () => {
  it.each([
    ['我们上了个用友ERP，这个算新一代信息技术不？', '新一代信息技术', 'ERP'],
    ['MES系统算不算新一代信息技术', '新一代信息技术', 'MES'],
    ['上了金蝶，算是新一代信息技术应用吧', '新一代信息技术应用', 'ERP'],
  ])('%s says the notice does not define it, who judges, the helpline and where it writes the system', (q, term, system) => {
    const a = ask(q);
    expect(first(a.answer)).toBe(
      `通知没有规定哪些算${term}：《通知》没有使用“${term}”这一说法，也没有对它作出解释；申报看的是要素条件写明的系统和功能，是否符合由所在地工业和信息化主管部门初审时把握（四(三)）。如需确认，请咨询省工业和信息化厅数字化与未来产业处（电话0371—65507698）。通知写到${system}的是要素条件：${system === 'ERP' ? '智能车间三(一)5，离散型智能工厂三(二)4，流程型智能工厂三(三)4' : '智能车间三(一)5，离散型智能工厂三(二)3、三(二)5'}。`,
    );
    expect(a.citations.at(-1)!.clause).toBe('四(三)');
    expect(a.citations.slice(0, -1).every((c) => c.quote.includes(system) || c.quote.includes('制造执行系统') || c.quote.includes('企业资源计划'))).toBe(true);
  });

  it.each([
    ['设备是融资租赁的，联网数算不算进去', /^通知没有提到厂房或设备的产权/u],
    ['我们在洛阳经开区，名额算洛阳市的吗', /^通知没有单列高新区、开发区等园区/u],
    ['做锂电池的算不算制造业企业', /^是。锂电池属于制造业/u],
    ['我们DCS用的是和利时的，算不算', /^通知没有点名任何DCS产品或品牌/u],
  ])('leaves %s, which asks whose, how many or of a word the notice has, to its own answer', (q, opening) => {
    expect(first(ask(q).answer)).toMatch(opening);
  });
});

describe('a statement with a doubt instead of a question', () => {
  const penalty = ask('受过环保处罚还能申报吗');

  it.each(['这个不知道算不算，前年环保局罚过我们一次款，污水超标…', '前年被环保局罚了一次款，污水超标，也不知道有没有影响', '去年安监来查罚过我们两万块，这种不知道要不要紧', '环保局罚过款能报吗'])(
    '%s gets what the direct question about a penalty gets',
    (q) => {
      const a = ask(q);
      expect(a.answer).toBe(penalty.answer);
      expect(a.citations.map((c) => c.clause)).toEqual(['五', '二(四)']);
      expect(a.answer).not.toContain('二(三)');
    },
  );

  it('keeps a doubt with nothing said beside it, and a doubt about a system, on their own answers', () => {
    expect(ask('这个不知道算不算').outOfScope).toBe(true);
    expect(first(ask('我们有三台AGV，不知道算不算').answer)).toMatch(/^不强制/u);
    expect(first(ask('不清楚算不算，我们去年亏了点钱').answer)).toMatch(/^通知没有专门规定。二\(一\)只要求/u);
  });
});

describe('an abbreviation asked what it is, in any order', () => {
  it.each(['啥是RTO？没听说过，应该没有', '啥是rto', 'rto是啥'])('%s names the full name the notice writes, quoting the clause that holds it', (q) => {
    const a = ask(q);
    expect(first(a.answer)).toBe('RTO是《通知》三(三)3中“实时在线优化系统”的简称。');
    expect(a.citations[0]!.quote).toContain('实时在线优化系统（RTO）');
    expect(a.answer).not.toContain('rto');
  });

  it('does the same for another abbreviation written after its full name', () => {
    expect(first(ask('啥是tas').answer)).toBe('TAS是《通知》三(三)4中“罐区自动化”的简称。');
  });
});

describe('each part of a several-part question, each with its quote', () => {
  it.each(['截止时间是啥时候？我们材料要交给谁，县里还是市里', '材料交给谁，县工信局还是市工信局？最晚哪天交'])('%s answers the deadline and who receives the materials', (q) => {
    const a = ask(q);
    expect(a.answer).toMatch(/^1\. /u);
    expect(a.answer).toContain('3月15日前');
    expect(a.answer).toContain('通知没有具体规定企业向哪一级提交');
    expect(a.citations.map((c) => c.clause)).toEqual(['四(四)', '四(一)', '四(三)']);
  });

  it.each(['如果几个条件不满足还能报吗？要全满足吗', '要是有几项要素达不到，还能申报吗？必须都满足吗', '条件要全满足吗？差一两条行不行'])('%s is answered from 二(二) alone', (q) => {
    const a = ask(q);
    expect(first(a.answer)).toMatch(/^通知要求企业“符合智能车间、智能工厂…相应要素条件”，没有规定可以缺项/u);
    expect(a.citations[0]!.clause).toBe('二(二)');
    expect(a.answer).not.toContain('限报1个');
    expect(a.answer).not.toContain('没有直接规定');
  });

  it('keeps a real count question on the count', () => {
    expect(first(ask('有几个名额').answer)).toMatch(/^本次申报各地推荐数量/u);
    expect(first(ask('一家企业一年能报几个').answer)).toMatch(/^1个/u);
  });
});
