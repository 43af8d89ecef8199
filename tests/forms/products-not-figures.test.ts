import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { applyFormAnswer } from '../../server/forms/phase';
import { typedAnswers } from './typed-enterprises';
import { ROUND7_ENTERPRISES } from './typed-round7';

/*
 * Yearly figures typed at the products' field (the user read 「营业收入的比例」 and gave the revenue) are no products:
 * stored, they would print 「公司主营产品包括2022年3.2亿」 on the signed form. They are refused with what the field
 * wants and where the figures go; a product whose name holds a figure or a year is still a product.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const workshop = ROUND7_ENTERPRISES.find((e) => e.category === 'smartWorkshop')!;
const answers = typedAnswers(ctx, workshop).answers;

describe('yearly figures typed as the products', () => {
  for (const typed of ['2022年3.2亿，2021年2.8亿，2020年2.5亿', '22年营业收入3.2亿元；21年2.8亿元', '营收2022年是3.2个亿，2021年是2.8个亿', '去年营收大概3个多亿']) {
    it(`「${typed}」 is refused, saying it is no product and where the yearly figures go`, () => {
      const r = applyFormAnswer(data, answers, 'form.products', typed);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toBe(`「${typed}」是各年的金额，不是产品，先不记录。这一栏请写主营产品和它占营业收入的比例，用分号分隔，如：水性涂料 55%；醋酸丁酯 38%。各年的营业收入在财务状况一栏填写`);
    });
  }
  for (const typed of ['闸阀60%，球阀25%，蝶阀15%', '年产50万套制动盘 70%；轮毂 30%', '2022年新上的伺服电机 40%；步进电机 60%', '3000吨级液压机 55%；数控折弯机 35%']) {
    it(`「${typed}」 is still a list of products`, () => {
      const r = applyFormAnswer(data, answers, 'form.products', typed);
      expect(r.ok, r.ok ? '' : r.error).toBe(true);
    });
  }
});
