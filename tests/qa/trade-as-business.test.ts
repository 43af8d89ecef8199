import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { answerQuestion } from '../../server/qa/answer';

const kb = createKnowledgeBase(loadKnowledgeData(resolve(import.meta.dirname, '../../knowledge'), 'henan-2023'));
const ask = (q: string) => answerQuestion(kb, q);
const lead = (q: string) => ask(q).answer.split('\n')[0]!;

/** A trade outside manufacturing: 不能, its division named, 二(一) quoted. */
const NOT_MANUFACTURING = /^不能。\S+属于国民经济行业分类（GB\/T 4754）的大类(\d\d)“[^”]+”，不是制造业。二\(一\)/;

describe("a trade outside manufacturing, said as the asker's business, decides whether it may apply", () => {
  it('says 不能 with the division though the trade words meet another entry (开发的, 集成)', () => {
    const cases: [string, string][] = [
      ['我们是做软件开发的，能报吗', '65'],
      ['我们公司是搞软件开发的，能申报智能工厂吗', '65'],
      ['做系统集成服务的公司能报吗', '65'],
      ['我们是一家系统集成公司，可以申报智能车间吗', '65'],
      ['我们是做物流的，能报智能车间不', '58'],
      ['房地产开发企业能报智能车间吗', '70'],
    ];
    for (const [q, code] of cases) {
      const m = lead(q).match(NOT_MANUFACTURING);
      expect(m, `${q}: ${lead(q)}`).not.toBeNull();
      expect(m![1], q).toBe(code);
      expect(ask(q).citations.map((c) => c.clause), q).toContain('二(一)');
    }
  });

  it('leaves a solutions provider to its main business: it may make what it sells', () => {
    for (const q of ['我们是智能制造解决方案供应商，能报智能工厂吗', '我们是工业自动化解决方案提供商，可以申报吗']) {
      expect(lead(q), q).toMatch(/^要看主营业务是不是生产制造/);
    }
  });
});

describe('a trade that made something for the enterprise is not its business', () => {
  it('never answers 不能 when the trade only built a system the enterprise uses', () => {
    for (const q of ['系统是软件公司开发的，能报吗', 'ERP是找软件公司做的，能报智能车间吗', 'MES是我们自己软件开发的，能报吗']) {
      expect(lead(q), q).not.toMatch(/^不能|不是制造业/);
    }
  });

  it('answers by the trade the enterprise names as its own beside one that built its systems', () => {
    const q = '我们厂是做电机的，系统是软件公司开发的，能报吗';
    expect(lead(q), q).toMatch(/^可以。电机属于制造业/);
  });

  it('still says 不能 to a trade named alone or as the subject (near misses)', () => {
    for (const q of ['软件公司能不能报', '做软件的能报智能工厂吗', '我们是软件公司，能申报吗']) expect(lead(q), q).toMatch(NOT_MANUFACTURING);
  });
});

describe('a spoken figure is confirmed as the notice writes it', () => {
  it('says 两十家 back as 20家, and written Chinese numerals as typed', () => {
    expect(lead('郑州能推荐两十家对吧')).toMatch(/^对，通知写的就是20家。/u);
    expect(lead('郑州能推荐两十家是吧')).not.toContain('两十');
    expect(lead('南阳今年名额是十五家吧')).toMatch(/^对，通知写的就是十五家。/u);
  });
});

describe('the site check asked in everyday words', () => {
  it('answers 会 to 「来现场看」 as to 现场核查', () => {
    for (const q of ['要来现场看不', '会不会来厂里看看', '初审以后还要来现场看不']) expect(lead(q), q).toMatch(/^会，不只看材料。/u);
  });
});
