import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;

/** Long messages as a helpline types them: the classes of wrong answer they showed, each asked in other words. */
describe('long helpline messages', () => {
  it('answers the one asking part when the statements around it pull towards what they mention', () => {
    // 条码 is said, AGV is asked.
    expect(lead('企业问车间里RGV是不是一定要配？他们现在物料都靠人推车送，扫码枪倒是人手一个')).toMatch(/^不强制。/);
    // A short asking part takes its subject from the context: the credit lists, not who may apply.
    expect(lead('我们公司被列入过失信被执行人，上个月已经移出来了，还能报吗')).toMatch(/^以“截至申报日”为准/);
  });

  it('reads a province named as the head office’s seat as context, and refuses another province’s own programme', () => {
    const branch = ask('我们母公司在浙江宁波，在许昌设了一个分厂，不是独立法人，能用分厂的名义报吗');
    expect(branch.outOfScope).toBe(false);
    expect(branch.answer).toMatch(/^不能。申报主体须“在河南省境内注册，具有独立法人资格”/);
    expect(ask('安徽省的智能车间认定条件和河南的有啥不同').outOfScope).toBe(true);
    // Registered elsewhere, applying here: still this notice's question.
    expect(ask('营业执照注册在山东，工厂建在河南，可以申报吗').outOfScope).toBe(false);
  });

  it('reads a 数字化车间 that was built as no title, and an earlier title’s workshop as the title held', () => {
    expect(lead('我们去年拿了智能工厂的称号，最近又改造了一个数字化车间，能不能再报智能车间')).toMatch(/^不能。已获得过智能工厂称号的企业/);
    expect(lead('已经是省级数字化车间了还能报智能车间吗')).toMatch(/^通知没有专门规定/);
    const other = ask('我们的焊装车间前年评上过智能车间，今年换个车间再报智能车间行不行');
    expect(other.answer).toMatch(/^可以。只获得过智能车间称号的企业/);
    expect(other.answer).toContain('以其他生产性车间申报');
  });

  it('answers 各 about both categories’ quotas with the one count, and the region asked about after it', () => {
    expect(lead('智能车间和智能工厂各能推荐几家')).toMatch(/^通知没有分开规定/);
    const city = lead('我是新乡市工信局的，车间和工厂的名额是不是分开的？各推荐几家');
    expect(city).toMatch(/^通知没有分开规定/);
    expect(city).toContain('新乡市属于');
    expect(city).toContain('不多于15家');
  });

  it('answers each part of a run-on question whose first part offers two answers to choose from', () => {
    const a = ask('做玻璃的算流程型还是离散型 流程型要上啥系统');
    expect(a.answer).toMatch(/^1\. /);
    expect(a.answer).toContain('分布式控制系统（DCS）');
    // 还是 meaning 「still」 offers no choice: the question stays one.
    expect(lead('车间里物料还是靠叉车人工配送，没有AGV、RGV，物料配送自动化这条是不是就不满足了？')).toMatch(/^不强制。/);
  });

  it('reads a where-question with no subject as asking of the previous part’s subject', () => {
    const a = ask('诊断报告要不要找第三方机构来做？去哪弄');
    expect(a.answer).toMatch(/^1\. 诊断报告要找第三方机构出吗？不用找机构出。/);
    // The where-part is about the diagnosis report, not the platform that takes the application.
    expect(a.answer).not.toContain('hnznzz.com');
    expect(ask('数字化转型诊断报告要请咨询公司做吗？上哪儿弄').answer).not.toContain('hnznzz.com');
  });

  it('answers whether a green title earns points with how the notice prefers, not with whether it is required', () => {
    expect(lead('我们是省级绿色工厂，报智能车间能加分吗')).toMatch(/^会优先支持，但不是加分制。/);
  });

  it('cites the category a part names before the other categories’ clauses', () => {
    expect(ask('流程型工厂要不要上试验数据管理系统').citations[0]!.clause).toBe('三(三)2');
  });

  it('refuses a past year’s list of winners, and answers how the forms’ attachments differ', () => {
    expect(ask('麻烦帮我找找2021年河南省智能工厂认定名单里有哪些企业').outOfScope).toBe(true);
    expect(lead('流程型工厂的申报书附件跟车间的相比是不是多出一项专利')).toMatch(/^不完全一样，智能工厂多1项/);
  });
});
