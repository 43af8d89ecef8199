import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const clauses = (q: string) => ask(q).citations.map((c) => c.clause);

/**
 * Questions about the forms and the element conditions, in words of their own (apart from the answer base's
 * phrasings and tests/fixtures/fresh33.json): the asked part only, the first sentence answering, every clause cited
 * once; and the near misses that keep the answer they had.
 */
describe('one part of one form', () => {
  it('is answered with that part only, its items quoted by their own IDs', () => {
    expect(lead('附件二第四部分要放啥')).toMatch(/^附件2的第四部分是“四、相关附件”，共6项：（一）企业法人营业执照复印件；/);
    expect(clauses('附件二第四部分要放啥')).toEqual(['附件2.四(一)', '附件2.四(二)', '附件2.四(三)', '附件2.四(四)', '附件2.四(五)', '附件2.四(六)']);
    expect(lead('附件3的三写什么')).toMatch(/^附件3的第三部分是“三、智能工厂具体情况介绍”，共2项/);
    expect(clauses('附件3的三写什么')).toEqual(['附件3.三(一)', '附件3.三(二)']);
    expect(lead('离散型申报书的第二部分')).toMatch(/^附件2的第二部分是“二、企业情况概述”，共4项：.*（二）产品说明/);
    // The workshop form has five attachments: no patents item.
    expect(lead('附件1第4部分包括哪些内容')).toMatch(/^附件1的第四部分是“四、相关附件”，共5项/);
    expect(ask('附件1第4部分包括哪些内容').answer).not.toContain('专利');
  });

  it('names both factory forms when the factory form is asked without its type, and all three when no form is named', () => {
    expect(lead('智能工厂申报书第四部分有什么')).toMatch(/^附件2、附件3的第四部分是“四、相关附件”，共6项/);
    expect(lead('申报书第三部分要写什么')).toMatch(/^附件1的第三部分是“三、智能车间具体情况介绍”.*附件2、附件3的第三部分是“三、智能工厂具体情况介绍”/);
  });

  it('says that 附件1’s first part is inferred, the notice copy lacking it', () => {
    expect(lead('车间申报书第一部分都填啥')).toMatch(/^附件1的第一部分是“一、企业基本信息”.*按附件2、附件3的对应栏目推断/);
  });

  it('leaves narrower questions, comparisons and the whole structure to the answers they had', () => {
    expect(ask('附件2第四部分的专利要原件吗').entries).toEqual(['patent-copy']);
    expect(ask('附件2第四部分和附件3第四部分有什么区别').entries).toEqual(['discrete-vs-process-forms']);
    expect(ask('申报书分哪几部分').entries).toEqual(['forms-structure']);
    expect(lead('附件2要填税金吗')).toMatch(/^有，附件2“税金（万元）”/);
  });
});

describe('one element condition named by its title', () => {
  it('is answered with that clause, not the category’s whole list', () => {
    expect(lead('流程型工厂的经营管理有什么要求')).toMatch(/^流程型智能工厂的“经营管理”（三\(三\)4）要求：应用企业资源计划系统（ERP）/);
    expect(clauses('流程型工厂的经营管理有什么要求')).toEqual(['三(三)4']);
    // An entry written for exactly the clause asked says more than the clause alone (三(一)6's two layers): it answers.
    expect(lead('智能车间的物料配送自动化要求是什么')).toMatch(/^三\(一\)6“物料配送自动化”有两层/);
    // A title's head names it: 信息基础设施 of 信息基础设施安全可靠.
    expect(lead('车间信息基础设施具体有什么要求')).toMatch(/^智能车间的“信息基础设施安全可靠”（三\(一\)1）要求：/);
    expect(clauses('智能工厂系统集成有什么要求')).toEqual(['三(二)5', '三(三)5']);
  });

  it('never answers 「有什么要求」 with a verdict on something else', () => {
    expect(lead('流程型的研发设计要求有哪些')).toMatch(/^流程型智能工厂的“研发设计”（三\(三\)2）要求：应用产品数据管理系统（PDM）/);
    expect(lead('流程型研发设计要PDM吗')).toMatch(/^要。三\(三\)2要求应用产品数据管理系统（PDM）/);
  });

  it('leaves a question on one thing inside the clause to its entry', () => {
    expect(ask('智能车间信息基础设施要等保吗').entries).toEqual(['dengbao']);
    expect(lead('流程型工厂要三维设计软件吗')).toMatch(/^不要求。/);
  });
});

describe('a system or device asked to be required, of no category', () => {
  it('opens with each category’s reading, from the element conditions, and quotes each clause', () => {
    expect(lead('WMS是必须的吗')).toBe(
      '要看申报哪一类：离散型智能工厂要（三(二)4）；流程型智能工厂要从所列的几种里选用，WMS是其中一种（三(三)4）；智能车间的要素条件（三(一)）没有点名WMS。三(二)4要求应用仓储管理系统（WMS）、自动化立体仓库等智能仓储与物流设备，实现库存管理优化、自动化出入库、自动装车。三(三)4要求应用仓储管理（WMS）、罐区自动化（TAS）、堆场管理等系统，实现库存动态优化管理、自动化出入库、自动装车；三(三)5还要求仓储（罐区、堆场）管理系统与其他系统集成。离散型的AGV、立体仓库要求不适用于流程型。',
    );
    expect(lead('要上ERP吗')).toMatch(/^要。ERP是三类都要求的：智能车间（三\(一\)5）、离散型智能工厂（三\(二\)4）、流程型智能工厂（三\(三\)4）的要素条件都写了它。/);
    expect(lead('RGV需不需要')).toMatch(/^要看申报哪一类：智能车间根据生产需要采用（三\(一\)6）；离散型智能工厂[^；]*（三\(二\)3）；流程型智能工厂的要素条件（三\(三\)）没有点名RGV。/);
    expect(lead('能源管理系统是必须的吗')).toMatch(/^要看申报哪一类：流程型智能工厂要（三\(三\)4）；智能车间、离散型智能工厂的要素条件（三\(一\)、三\(二\)）没有点名能源管理系统。/);
    // 三(一)1 lists 分布式控制系统 among the ways to build the workshop network: one to choose from.
    expect(lead('DCS需不需要上')).toMatch(/^要看申报哪一类：智能车间要从所列的几种里选用，DCS是其中一种（三\(一\)1）；流程型智能工厂要（三\(三\)3）；离散型智能工厂的要素条件（三\(二\)）没有点名DCS。/);
    expect(clauses('工业网络一定要建吗')).toEqual(['三(一)1', '三(二)1', '三(三)1']);
  });

  it('says a name the notice never writes by the notice’s own name', () => {
    expect(lead('要上SCADA吗')).toMatch(/^要。SCADA不是《通知》中的用语；《通知》三\(一\)5中与它相关的是“数据采集和监控系统”。数据采集和监控系统是三类都要求的：智能车间（三\(一\)5）/);
  });

  it('names the factory types only when the factory is asked of', () => {
    expect(lead('智能工厂要有WMS吗')).toMatch(/^要看申报哪一类：离散型智能工厂要（三\(二\)4）；流程型智能工厂要从所列的几种里选用，WMS是其中一种（三\(三\)4）。/);
    expect(lead('没有WMS能报智能工厂吗')).toMatch(/^没有WMS行不行，要看申报哪一类：离散型智能工厂要（三\(二\)4）；/);
  });

  it('keeps a question that names its category, asks what a name means, asks something else of it, or is already answered per category', () => {
    expect(lead('离散型工厂要WMS吗')).toMatch(/^要（离散型智能工厂）。/);
    expect(lead('离散型要有AGV吗')).toMatch(/^要有智能运输设备。/);
    expect(lead('车间没有AGV能报吗')).toMatch(/^不强制。/);
    expect(ask('WMS是什么').entries).toEqual(['acronym-meaning']);
    expect(ask('WMS要自己开发吗').entries).toEqual(['self-developed']);
    expect(lead('MES是必须的吗')).toMatch(/^要看申报哪一类：智能车间（三\(一\)5）和离散型智能工厂（三\(二\)3）要应用制造执行系统（MES）/);
    expect(lead('APS是必须的吗')).toMatch(/^APS不是《通知》中的用语/);
  });
});

describe('the seals on the forms', () => {
  it('are counted as the forms show them', () => {
    for (const q of ['申报书盖几个公章', '申报书一共几个地方要盖章', '材料上总共盖几次章']) expect(lead(q), q).toMatch(/^智能工厂申报书（附件2、附件3）上有三处盖章/);
  });

  it('keep what the notice leaves open, and whether to seal at all, apart', () => {
    expect(lead('要盖骑缝章吗')).toMatch(/^通知没有规定骑缝章或逐页盖章/);
    expect(lead('申报书要盖章吗')).toMatch(/^要。/);
    expect(ask('推荐单位盖什么章').entries).toEqual(['recommend-seal']);
  });
});

describe('citations', () => {
  const entries = kb.data.answerBase.entries;
  const fixtures = readdirSync('tests/fixtures')
    .filter((f) => f.endsWith('.json') && !f.includes('facts'))
    .flatMap((f) => {
      // Question sets are arrays of { q }; other fixtures (enterprises, documents) are not questions.
      const data: unknown = JSON.parse(readFileSync(`tests/fixtures/${f}`, 'utf8'));
      return Array.isArray(data) ? (data as { q?: unknown }[]).map((x) => x?.q).filter((q): q is string => typeof q === 'string') : [];
    });
  const twice = (q: string) => {
    const ids = ask(q).citations.map((c) => c.clause);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  };

  it('name each clause once, for every phrasing of the answer base', () => {
    const bad = entries.flatMap((e) => e.questions.flatMap((q) => (twice(q).length ? [`${q} → ${twice(q).join('、')}`] : [])));
    expect(bad).toEqual([]);
  });

  it('name each clause once, for every fixture question and for questions that quote a clause twice', () => {
    const bad = [...fixtures, '离散型要有AGV吗', '申报书要盖几个章', '推荐意见要局长签字吗', '企业找谁推荐？县里工信局要审核吗？'].flatMap((q) => (twice(q).length ? [`${q} → ${twice(q).join('、')}`] : []));
    expect(bad).toEqual([]);
    // The passages of one clause are joined in its order, with 「…」 where text was left out.
    const agv = ask('车间要有AGV吗').citations.find((c) => c.clause === '三(一)6')!;
    expect(agv.quote).toMatch(/^物料配送自动化。生产过程广泛采用条码.*…车间物流根据生产需要采用自动导引运输车（AGV）/);
  });
});
