import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { extractByRules, verifySuggestion } from '../../server/documents/extract';

/*
 * The founding a profile states in prose: after 始建于 as after 成立于, and in a clause where the writer speaks as the
 * company again (「…是我公司的主要客户，我公司成立于2009年」) after a sentence opened by another subject. A founding said
 * of that other subject, a customer's, a subsidiary's or a workshop's, is never the enterprise's.
 */
const config = loadConfig({});
const docs = loadKnowledgeData(config.KNOWLEDGE_DIR, config.KNOWLEDGE_VERSION).formDrafting.documents;
const read = (...pages: string[]) => Object.fromEntries(extractByRules(pages, 'x.pdf', docs).filter((s) => verifySuggestion(pages, s)).map((s) => [s.field, s.value]));

describe('a founding said after 始建于', () => {
  it.each([
    ['郑州某某门业有限公司始建于1998年，主要生产实木门。', '1998'],
    ['公司始建于2003年，位于新郑市。', '2003'],
    ['我公司始创于一九九八年，现有员工300人。', '1998'],
  ])('%s', (text, year) => expect(read(text)['ent.foundedYear']).toBe(year));

  it('with its month, gives the date', () => expect(read('本公司创办于2003年5月，专业生产防盗门。').foundedOn).toBe('2003-05'));

  it.each(['车间始建于2019年。', '公司全资子公司某某有限公司始建于2015年。', '我公司的主要客户宇通客车股份有限公司始建于1963年。'])('near miss: 「%s」 is not the enterprise\'s founding', (text) => {
    const r = read(text);
    expect(r['ent.foundedYear']).toBeUndefined();
    expect(r.foundedOn).toBeUndefined();
  });
});

describe('a founding in the writer\'s own clause after another subject\'s', () => {
  it.each([
    ['宇通客车股份有限公司是我公司的主要客户，我公司成立于2009年。', '2009'],
    ['宇通是我公司的主要客户，我公司成立于2009年，主要生产座椅。', '2009'],
    ['主要客户有郑州日产汽车有限公司等，本公司始建于2006年。', '2006'],
  ])('%s', (text, year) => expect(read(text)['ent.foundedYear']).toBe(year));

  it.each([
    '宇通客车股份有限公司是我公司的主要客户，成立于1993年。',
    '宇通客车股份有限公司是我公司的主要客户，该客户成立于1993年。',
  ])('near miss: 「%s」 dates the customer, not the enterprise', (text) => expect(read(text)['ent.foundedYear']).toBeUndefined());
});
