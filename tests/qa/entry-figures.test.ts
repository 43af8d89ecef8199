import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { checkEntry, EntryRejected } from '../../server/qa/layer';

const kb = createKnowledgeBase(loadKnowledgeData(resolve(__dirname, '../../knowledge'), 'henan-2023'));
const shipped = kb.data.answerBase.entries;
const contact = shipped.find((e) => e.id === 'contact')!;

/** A staff entry answering the quota question, proved by the county quota's words. */
const QUOTA = {
  id: 'staff-zhengzhou-quota',
  questions: ['郑州市可以推荐几家', '郑州推荐名额是多少'],
  conclusion: 'value',
  clauses: ['四(三)'],
  quotes: [{ clause: '四(三)', find: '各县（市）不多于5家' }],
};

function rejection(candidate: unknown): EntryRejected {
  try {
    checkEntry(kb, candidate);
  } catch (err) {
    if (err instanceof EntryRejected) return err;
    throw err;
  }
  throw new Error('the entry was accepted');
}

describe('the figures of a staff answer', () => {
  it('refuses a phone number that is not the helpline of 五, naming the number and the one allowed', () => {
    const err = rejection({ ...contact, answer: '可咨询{unit}，电话0371-12345678。' });
    expect(err.details[0]!.field).toBe('entry.answer');
    expect(err.message).toContain('0371-12345678');
    // The message names the clause and the number an answer may give, and how to write it.
    expect(err.message).toContain('五');
    expect(err.message).toContain('0371—65507698');
    expect(err.message).toContain('{phone}');
  });

  it('refuses a quota the cited clause does not state, naming the figure and the clause', () => {
    const err = rejection({ ...QUOTA, answer: '郑州市可推荐50家。' });
    expect(err.message).toContain('50家');
    expect(err.message).toContain('四(三)');
  });

  it('refuses a date, a size and a count the cited clauses do not hold', () => {
    expect(rejection({ ...QUOTA, answer: '推荐汇总表须于3月20日前上传。', clauses: ['四(四)'], quotes: [{ clause: '四(四)', find: '推荐汇总表' }] }).message).toContain('20日');
    expect(rejection({ ...QUOTA, answer: '视频不超过500M。', clauses: ['四(二)'], quotes: [{ clause: '四(二)', find: 'PDF彩色版格式' }] }).message).toContain('500');
    expect(rejection({ ...QUOTA, answer: '郑州市可推荐二十五家。' }).message).toContain('二十五家');
  });

  it('accepts figures the cited clause states and values filled from the facts the answer names', () => {
    expect(() => checkEntry(kb, { ...QUOTA, answer: '郑州市推荐企业不多于20家，多报无效。' })).not.toThrow();
    // {phone} and {deadline} are filled from facts.json: their figures are the facts', whatever clause is cited.
    expect(() => checkEntry(kb, { ...contact, answer: '可咨询{unit}，电话{phone}。' })).not.toThrow();
    expect(() => checkEntry(kb, { ...contact, answer: '可咨询{unit}，电话{phone}，推荐汇总表于{deadline}前上传。' })).not.toThrow();
    // The helpline written out in full is the number of 五, so it passes too.
    expect(() => checkEntry(kb, { ...contact, answer: '可咨询{unit}，电话0371—65507698。' })).not.toThrow();
  });

  it('passes every shipped entry of the answer base, as they are served', () => {
    const failed = shipped.flatMap((e) => {
      try {
        checkEntry(kb, e);
        return [];
      } catch (err) {
        return [`${e.id}: ${(err as Error).message}`];
      }
    });
    expect(failed, 'a shipped entry the staff check would refuse: the check and the release disagree').toEqual([]);
  });
});
