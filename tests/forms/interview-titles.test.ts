import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { loadTemplates } from '../../server/forms/template';
import type { FormsContext } from '../../server/forms/draft';
import { formFactsFromAnswers } from '../../server/forms/phase';
import { caps, ELIGIBLE_NO_PRIORITY } from '../fixtures/hard-conditions';
import { draftTyped } from './typed-draft';

/*
 * A title said beside the interview's yes to the 节能减排 question (「去年评上了国家级绿色工厂」) is an honour the enterprise
 * holds: it is listed among the form's honours, as said, and reaches the 智能工厂 form's 企业简介 traced to that fact.
 */
const data = loadKnowledgeData('knowledge', 'henan-2023');
const ctx: FormsContext = { ...data, templates: loadTemplates(), engine: data };
const honoursOf = (said: string, yes: boolean | string = true, more: Record<string, unknown> = {}) =>
  formFactsFromAnswers(ctx, { 'ent.greenPriority': yes, 'detail.ent.greenPriority': said, ...more } as never).honours;

describe('a title said in the interview', () => {
  // Phrasings of our own.
  for (const [said, title] of [
    ['前年评上了国家级绿色工厂，能耗降了12%', '国家级绿色工厂'],
    ['咱厂是省级绿色工厂', '省级绿色工厂'],
    ['2021年获评河南省绿色工厂', '河南省绿色工厂'],
    ['有两款产品入选了绿色设计产品', '绿色设计产品'],
  ] as const) {
    it(`lists 「${title}」 from 「${said}」`, () => {
      expect(honoursOf(said)).toEqual([title]);
    });
  }
  // Near misses: applied for, another body's, no title, a no, or a title already listed.
  it('lists none applied for, of another body, not named, or after a no', () => {
    expect(honoursOf('正在申报省级绿色工厂')).toBeUndefined();
    expect(honoursOf('集团是国家级绿色工厂')).toBeUndefined();
    expect(honoursOf('能耗降了12%，余热回收也做了')).toBeUndefined();
    expect(honoursOf('评上了省级绿色工厂', false)).toBeUndefined();
    expect(honoursOf('评上了省级绿色工厂', true, { 'form.honours': '省级绿色工厂、高新技术企业' })).toEqual(['省级绿色工厂', '高新技术企业']);
  });

  it('reaches the 智能工厂 form\'s 企业简介, traced to the honours', () => {
    const answers = { ...ELIGIBLE_NO_PRIORITY, 'cat.scope': 'factory', 'cat.productionMode': 'process', ...caps({ dcs: true }), 'ent.greenPriority': true, 'detail.ent.greenPriority': '前年评上了国家级绿色工厂' };
    const d = draftTyped(data, ctx, answers as never, 'processFactory');
    const s = d.drafts.flatMap((x) => x.sentences).find((x) => x.text.includes('国家级绿色工厂'));
    expect(s?.facts).toContain('form.honours.0');
  });
});
