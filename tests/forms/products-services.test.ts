import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { applyFormAnswer, formFactsSaid } from '../../server/forms/phase';

/*
 * A service the enterprise provides (「提供配套服务」, 「售后维修服务」) is no product it makes: said beside the products
 * in passing it is left out of 主营产品, and typed into the products' field it is asked back, never recorded as one.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const products = (text: string) => formFactsSaid(ctx, text).find((i) => i.questionId === 'form.products')?.value;
const refusal = (service: string) => data.formQuestions.messages.productsAreServices!.replace('{said}', service);

describe('a service said in passing is no product', () => {
  it('keeps the products and leaves the service out, the reported wording and new ones', () => {
    expect(products('公司主营产品为数控机床及配套服务')).toBe('数控机床');
    expect(products('主要产品有电机、发电机和配套服务')).toBe('电机、发电机');
    expect(products('主营产品包括液压缸以及售后维修服务')).toBe('液压缸');
    expect(products('主要生产减速机，同时提供配套服务')).toBe('减速机');
  });
  it('reads no product from services alone', () => {
    expect(products('主营产品是配套服务')).toBeUndefined();
    expect(products('主要产品为设备运维及技术咨询')).toBeUndefined();
  });
  it('near misses: a product whose name holds a service word elsewhere is still a product', () => {
    expect(products('主要产品是服务器机柜')).toBe('服务器机柜');
    expect(products('主要产品为制动系统总成')).toBe('制动系统总成');
    expect(products('主营产品有咨询台和服务台')).toBe('咨询台和服务台');
  });
});

describe('a service typed into the products\' field', () => {
  const answer = (text: string) => applyFormAnswer(ctx, {}, 'form.products', text);
  it('is asked back, naming the service, and nothing is recorded', () => {
    for (const [text, service] of [
      ['提供配套服务', '提供配套服务'],
      ['数控机床 70%；配套服务 20%', '配套服务'],
      ['电机 60%；售后维修服务 10%', '售后维修服务'],
      ['减速机 70%，设备维保 5%', '设备维保'],
    ]) {
      const r = answer(text);
      expect(r.ok, text).toBe(false);
      expect(r.ok ? '' : r.error, text).toBe(refusal(service));
    }
  });
  it('near misses: products, and a product line joined to its service, are recorded as typed', () => {
    // A line of business joined to its service under one share is recorded as typed: nothing typed is lost, and the
    // draft names the line alone (loose-shares-and-services.test.ts).
    for (const text of ['电机 60%；发电机 30%', '服务器机柜 80%', '咨询台 50%；服务台 30%', '盾构机 68%；再制造及服务 10%']) {
      const r = answer(text);
      expect(r.ok, text).toBe(true);
      expect(r.ok ? r.answers['form.products'] : undefined, text).toBe(text);
    }
  });
});
