import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import { draftSection, type FormsContext } from '../../server/forms/draft';
import { applyFormAnswer, formFactsFromAnswers, markApproximate, parseProducts } from '../../server/forms/phase';
import type { Answers } from '../../server/schemas/interview';

/*
 * A share said loosely after a product (「实木门差不多一半」「烤漆门三分之一」「一大半」) is a share, split off the name: the
 * product is named as itself and its share asked for as a round one, quoting the words. A service is never one of the
 * 主营产品: a product line joined to its service under one share (「再制造及服务 10%」) names the line alone, whose own
 * share is asked for, since the figure said covers the service too.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };

const typed = (text: string): Answers => {
  const r = applyFormAnswer(ctx, {}, 'form.products', text);
  if (!r.ok) throw new Error(r.error);
  return markApproximate(r.answers, 'form.products', text);
};
/** What the draft states, without its requests (which quote the words said). */
const outsideRequests = (text: string) => text.replace(/〔[^〕]*〕/gu, '');
const productsText = (text: string) => draftSection(ctx, { enterprise: { name: '某门业公司' }, form: formFactsFromAnswers(ctx, typed(text)) } as never, 'discreteFactory', 'overview.products').text;

describe('a share said loosely is split off the product name', () => {
  it.each([
    ['实木门差不多一半', [{ name: '实木门', share: 50, approx: true }]],
    ['实木门占一半左右、烤漆门三分之一', [{ name: '实木门', share: 50, approx: true }, { name: '烤漆门', share: 33.3, approx: true }]],
    ['防盗门一大半，其他的是木门', [{ name: '防盗门', share: 50, approx: true }, { name: '其他的是木门' }]],
    ['钢木门四分之一', [{ name: '钢木门', share: 25 }]],
  ])('%s', (text, want) => expect(parseProducts(text)).toEqual(want));

  it.each(['半导体器件', '汽车半轴', '半挂车配件'])('near miss: 「%s」 has no share to split off', (text) => {
    expect(parseProducts(text).every((p) => p.share === undefined)).toBe(true);
  });

  it('the draft names the product alone and asks for its share, quoting the words', () => {
    const text = productsText('实木门差不多一半，复合门30%');
    expect(text).toContain('实木门（〔请补充：主营产品“实木门”占营业收入比例的准确数字（已答“实木门约一半”）〕）');
    expect(text).not.toContain('实木门差不多一半');
    expect(text).not.toMatch(/主营产品收入占营业收入的\d/u);
  });
});

describe('a service is never one of the 主营产品', () => {
  it('「再制造及服务 10%」 names the line, asks for its own share with the words said, and leaves the sum unstated', () => {
    const text = productsText('盾构机 68%；硬岩掘进机 22%；再制造及服务 10%');
    expect(text).toContain('盾构机（占营业收入68%）、硬岩掘进机（占营业收入22%）、再制造（〔请补充：主营产品“再制造”占营业收入比例的准确数字（已答“再制造及服务 10%”）〕）');
    expect(outsideRequests(text)).not.toContain('服务');
    expect(text).not.toContain('主营产品收入占营业收入的100%');
  });

  it.each([
    ['电梯 80%；整机及维保服务 15%', '整机'],
    ['空压机 70%、配件和售后维修 20%', '配件'],
  ])('「%s」 names %s alone', (said, line) => {
    const text = productsText(said);
    expect(text).toContain(`${line}（〔请补充：主营产品“${line}”占营业收入比例的准确数字`);
    expect(outsideRequests(text)).not.toMatch(/维保|维修|服务/u);
  });

  it('near misses: a product whose name ends in no service word is kept whole', () => {
    expect(productsText('服务器机柜 80%；机柜及配件 10%')).toContain('服务器机柜（占营业收入80%）、机柜及配件（占营业收入10%）');
    expect(productsText('咨询台 50%；服务台 30%')).toContain('咨询台（占营业收入50%）、服务台（占营业收入30%）');
  });
});
