import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';
import { quoteUnits } from '../../server/qa/quote';

const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
/** The answer's first line: its conclusion (or, for several parts, the first part's). */
const lead = (q: string) => ask(q).answer.split('\n')[0]!;
const entries = (q: string) => ask(q).entries ?? [];
const clauseText = (id: string) => kb.clause(id)!.text;

/** A manufacturing trade's verdict: 是 or 可以, its GB/T 4754 division 13—43. */
const MANUFACTURING = /^(?:是|可以)。\S+属于制造业[：（]国民经济行业分类(?:（GB\/T 4754）|GB\/T 4754)制造业门类的大类(1[3-9]|[23]\d|4[0-3])“/;
/** A trade outside manufacturing: 不算 or 不能, with 二(一)'s own words. */
const OTHER = /^(?:不算|不能)。\S+属于国民经济行业分类（GB\/T 4754）的大类(\d\d)“[^”]+”，不是制造业。二\(一\)要求申报主体是“单体制造业企业”，并且“不支持生产制造为非主营业务的企业申报”/;

describe('a trade named with 算制造业吗 or 能报吗 is answered from the industry table', () => {
  it('says a trade of divisions 13—43 is manufacturing, naming the division, and quotes 二(一)', () => {
    const cases: [string, string][] = [
      ['搞印刷的算制造业不', '23'],
      ['纸箱包装印刷厂是制造业吗', '23'],
      ['我们做家具的属于制造业吗', '21'],
      ['做轮胎的算不算制造业', '29'],
      ['我们是做阀门的，能申报智能车间吗', '34'],
      ['生产化肥的企业可以报智能工厂吗', '26'],
    ];
    for (const [q, code] of cases) {
      const m = lead(q).match(MANUFACTURING);
      expect(m, `${q}: ${lead(q)}`).not.toBeNull();
      expect(m![1], q).toBe(code);
      expect(ask(q).citations[0]!.clause, q).toBe('二(一)');
    }
  });

  it('says no to a trade outside manufacturing, naming its division, 不算 when asked whether it is manufacturing', () => {
    const cases: [string, string, RegExp][] = [
      ['印刷品贸易公司算制造业吗', '51', /^不算/],
      ['建筑企业能报吗', '47', /^不能/],
      ['农业合作社能报吗', '01', /^不能/],
      ['我们是养殖场，能申报智能工厂吗', '03', /^不能/],
      ['软件企业算不算制造业', '65', /^不算/],
      ['做餐饮的能报智能车间吗', '62', /^不能/],
      ['我们是家物流企业，可以申报吗', '58', /^不能/],
      ['装饰公司属于制造业吗', '50', /^不算/],
    ];
    for (const [q, code, verdict] of cases) {
      const m = lead(q).match(OTHER);
      expect(m, `${q}: ${lead(q)}`).not.toBeNull();
      expect(m![1], q).toBe(code);
      expect(lead(q), q).toMatch(verdict);
    }
  });

  it('leaves the main business to decide where the name does not say, or trades of both kinds are named', () => {
    for (const q of ['我们是一家实业公司，能报智能车间吗', '工贸公司算制造业吗', '我们是给医院供货的医疗器械厂，能报吗']) {
      expect(lead(q), q).toMatch(/^要看主营业务是不是生产制造。/);
      expect(lead(q), q).toContain('“不支持生产制造为非主营业务的企业申报”');
    }
  });

  it('reads the head of a compound: a trade in a manufactured good is a trade, a name inside a longer one is that one', () => {
    expect(lead('做建材批发的能报吗')).toMatch(/^不能。建材批发属于国民经济行业分类（GB\/T 4754）的大类51/);
    expect(lead('光伏电站算制造业吗')).toMatch(/^不算。光伏电站属于国民经济行业分类（GB\/T 4754）的大类44/);
    expect(lead('汽修厂能申报智能车间吗')).toMatch(/^不能。汽修厂属于国民经济行业分类（GB\/T 4754）的大类81/);
  });

  it('keeps questions that name a trade but ask something else on their own entries', () => {
    expect(entries('我们是化工企业应该报离散型还是流程型')).toEqual(['industry-type']);
    expect(entries('主营业务是软件开发，也有一条生产线，能申报吗')).toEqual(['non-manufacturing']);
    expect(entries('做OEM代加工的服装厂能报吗')).toEqual(['contract-manufacturing']);
    expect(entries('建筑面积多大的车间能报')).toEqual(['workshop-size']);
    expect(entries('设计软件用二维CAD行不行')).toEqual(['design-2d-3d']);
    expect(lead('车间还在施工能报吗')).not.toMatch(/不是制造业/);
    expect(lead('物流配送自动化有什么要求')).not.toMatch(/不是制造业/);
    expect(lead('仓储管理系统是必须的吗')).not.toMatch(/不是制造业/);
    // A question that names no trade gets the entry's own answer.
    expect(lead('我们厂能不能报智能车间')).toMatch(/^符合以下条件的企业可以申报/);
  });

  it('quotes only the notice: every passage the trade answers put in quotation marks is 二(一)’s own text', () => {
    const t = kb.data.intents.answerText.trade!;
    for (const q of t.quotes) expect(clauseText(t.clause), q).toContain(q);
    for (const template of [t.manufacturing, t.manufacturingLead, t.other, t.unsure]) {
      for (const m of template.matchAll(/“([^”{}]+)”/gu)) expect(clauseText(t.clause), m[1]).toContain(m[1]!);
    }
  });
});

describe('a loss said in other words is the loss question', () => {
  it('reads a negative profit, a net loss and spending more than is earned as 亏损', () => {
    for (const q of ['利润是负的能报吗', '我们去年净利润为负数，还能报智能车间吗', '公司利润亏损了，申报有影响吗', '这几年入不敷出能申报吗', '去年亏了能报吗']) {
      expect(entries(q), q).toEqual(['loss']);
      expect(lead(q), q).toMatch(/^通知没有专门规定。二\(一\)只要求企业“生产经营和财务状况良好”/);
    }
  });

  it('leaves the form’s profit cell and the debt ratio to their own entries', () => {
    expect(entries('利润那一栏填利润总额还是净利润')).toEqual(['econ-scope']);
    expect(entries('资产负债率怎么算')).toEqual(['debt-ratio']);
    expect(entries('利润为负那一栏怎么填')).not.toContain('loss');
  });
});

describe('who the applicant is: an institution’s works, a subsidiary of a parent outside Henan', () => {
  it('answers a works under a public institution by 独立法人资格 and 单体制造业企业', () => {
    for (const q of ['我们是事业单位下属的厂能报吗', '研究所下面的加工厂可以申报智能车间吗', '大学的校办企业能不能报智能工厂']) {
      expect(entries(q), q).toEqual(['public-institution']);
      expect(lead(q), q).toContain('具有独立法人资格');
      expect(ask(q).citations[0]!.clause, q).toBe('二(一)');
    }
    expect(entries('我们是国有企业能报吗')).toEqual(['ownership']);
  });

  it('says a subsidiary registered in Henan may apply whatever province its parent is in', () => {
    for (const q of ['外省的母公司在河南的子公司能报吗', '母公司是浙江的，我们在南阳注册的子公司可以报吗', '北京总公司在河南设的全资子公司能申报智能车间吗']) {
      expect(entries(q), q).toEqual(['outside-parent']);
      expect(lead(q), q).toMatch(/^可以。/);
      expect(ask(q).citations[0]!.quote, q).toContain('在河南省境内注册');
    }
  });

  it('keeps an enterprise registered outside Henan, a branch and sister subsidiaries on their own answers', () => {
    expect(entries('在外省注册的企业能申报吗')).toEqual(['outside-registered']);
    expect(entries('子公司在外省能报吗')).toEqual(['outside-registered']);
    expect(entries('上市公司的分公司能报智能车间吗')).toEqual(['branch']);
    expect(entries('集团底下两个子公司都是独立法人，能各报一个吗')).toEqual(['group-siblings']);
  });
});

describe('a certificate or title the notice does not ask for', () => {
  it('says the conditions (二, 三) do not require it, naming it as asked, whether asked 没有X能报吗 or X是必须的吗', () => {
    const cases: [string, string][] = [
      ['企业没有通过两化融合贯标能报吗', '两化融合贯标'],
      ['没拿到ISO9001证书能申报智能车间吗', 'ISO9001证书'],
      ['高新技术企业是申报的必备条件吗', '高新技术企业'],
      ['专精特新是必须的吗', '专精特新'],
      ['没有工业互联网标识解析，能报智能工厂吗', '工业互联网标识解析'],
    ];
    for (const [q, said] of cases) {
      expect(lead(q), q).toBe(`不需要，没有也可以申报：通知的申报条件（二）和要素条件（三）都没有要求${said}。申报企业要在河南省境内注册、具有独立法人资格、以生产制造为主营业务的单体制造业企业，生产经营和财务状况良好（二(一)），并符合相应要素条件、智能制造实践取得明显成效（二(二)）。`);
      expect(ask(q).citations.map((c) => c.clause), q).toEqual(['二(一)', '二(二)']);
    }
    expect(lead('不是规上企业能报吗')).toMatch(/^没有规模门槛/);
    expect(lead('没有5G网络能报智能工厂吗')).toMatch(/^不要求5G/);
  });

  it('still refuses another programme’s own application, and answers whether a title scores or a technology counts as before', () => {
    for (const q of ['两化融合贯标怎么做', '专精特新怎么申报', '高新技术企业认定要什么条件']) expect(ask(q).outOfScope, q).toBe(true);
    expect(entries('高新技术企业申报智能工厂能加分吗')).toEqual(['title-advantage']);
    expect(entries('工业互联网标识解析算不算')).toEqual(['tech-not-named']);
    expect(entries('CRM系统有没有要求')).toEqual(['tech-not-named']);
  });
});

describe('how long a system must have run', () => {
  it('answers that the notice sets no running time, not whether the system is required', () => {
    for (const q of ['ERP上线多久算运行', 'MES才上线俩月，要运行多久才行', 'WMS启用满半年够吗', 'DCS投运多长时间算应用']) {
      expect(entries(q), q).toEqual(['system-running-time']);
      expect(lead(q), q).toMatch(/^通知没有规定系统或设备要上线、运行满多长时间/);
    }
  });

  it('leaves the plant’s running time, the video’s length, the review’s time and whether ERP is required to their entries', () => {
    expect(entries('智能工厂要运行多久才能报')).toEqual(['running-time']);
    expect(entries('视频要多长时间')).toEqual(['video-duration']);
    expect(entries('平台注册审核要多久')).toEqual(['register-time']);
    expect(entries('县工信局初审要多长时间')).toEqual(['review-duration']);
    expect(entries('智能工厂要有ERP吗')).toEqual(['factory-erp']);
  });
});

describe('two questions with a question mark between them', () => {
  it('answers both, when the second names its own subject by an entry’s required word', () => {
    for (const q of ['报名截止哪天？要交哪些材料', '什么时候截止，需要交哪些材料', '申报截止是哪天？要准备哪些证明材料']) {
      expect(entries(q), q).toEqual(['deadline', 'attachments']);
    }
  });

  it('keeps a follow-up that repeats the same question, or asks a second thing of the first subject, as before', () => {
    expect(entries('视频要多大？要多长时间')).toEqual(['video-size', 'video-duration']);
    expect(entries('视频必须是MP4吗，MOV格式行不行')).toEqual(['video-format']);
  });
});

describe('a requirement both factory types share, asked without the type', () => {
  it('answers for each type the requirement applies to, with each type’s clause', () => {
    for (const q of ['我们没有PDM 能报智能工厂吗', '没上产品数据管理系统能不能报智能工厂', 'PDM是必须要有的吗']) {
      expect(entries(q), q).toEqual(['discrete-pdm', 'process-pdm']);
      const cited = ask(q).citations.map((c) => c.clause);
      expect(cited, q).toContain('三(二)2');
      expect(cited, q).toContain('三(三)2');
    }
  });

  it('answers one type when the question names it, a requirement of one type alone, or a workshop', () => {
    expect(entries('离散型工厂没有PDM能报吗')).toEqual(['discrete-pdm']);
    expect(entries('流程型的没有PDM能报吗')).toEqual(['process-pdm']);
    expect(entries('安灯系统是必须的吗')).toEqual(['andon']);
    expect(entries('智能车间需要PDM吗')).toEqual(['ws-pdm']);
  });
});
