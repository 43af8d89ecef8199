import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { formFactsFromAnswers } from '../../server/forms/phase';
import { formalText } from '../../server/forms/formal';
import { documentReply } from '../../server/forms/document-form';

/*
 * 厂子 is the spoken word for the plant: a draft sentence says 公司 where the enterprise speaks of itself (俺们厂子), 工厂
 * for the plant, and 厂内 for what is inside it, as every other spoken word is put in written form.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const written = (t: string) => formalText(ctx.formDrafting, t);

describe('厂子 in written form', () => {
  it.each([
    ['我们厂子主要做实木门', '公司主要生产实木门'],
    ['俺们厂子有三个车间', '公司有三个车间'],
    ['咱厂子的ERP是金蝶的', '公司的ERP是金蝶的'],
    ['厂子有三个车间', '工厂有三个车间'],
    ['整个厂子都通了千兆网', '整个工厂都通了千兆网'],
    ['厂子里上了MES', '厂内上线了MES'],
    ['厂子里面的设备都接入了网络', '厂内的设备接入了网络'],
  ])('%s → %s', (from, to) => expect(written(from)).toBe(to));

  it.each(['工厂子系统', '工厂有三个车间', '药厂子公司'])('near miss: leaves written or other words alone: %s', (t) => expect(written(t)).toBe(t));

  it('never leaves 公司子 where a pronoun stood before 厂子', () => {
    for (const t of ['俺们厂子2008年建的', '咱们厂子主要做门', '我厂子规模不大']) expect(written(t)).not.toMatch(/公司子|厂子/u);
  });

  it('reaches the drafted history and a reply kept from the chat', () => {
    const facts = formFactsFromAnswers(ctx, { 'form.history': '俺们厂子2008年成立，2019年厂子里上了MES' });
    const text = draftSection(ctx, { enterprise: { name: '某门业公司' }, form: facts } as never, 'discreteFactory', 'enterpriseIntro').text;
    expect(text).not.toContain('厂子');
    expect(text).toContain('厂内上线了MES');
    expect(documentReply(ctx.formDrafting, '厂子里的设备都接入了网络', '2023')).toBe('厂内的设备接入了网络');
  });
});
