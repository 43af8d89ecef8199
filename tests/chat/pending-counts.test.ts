import { describe, expect, it } from 'vitest';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { answerAboutPending } from '../../server/chat/pending-item';
import type { QuestionView } from '../../server/schemas/interview';

/*
 * Whether a thing counts for the item waiting: the sentence quoted is the one of the item's clause that names the item
 * (by its name with or without its bracketed abbreviation), and a reply that leaves it to the bureau is not sure of it.
 */
const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const at = (clause: string) => ({ clause }) as unknown as QuestionView;
const counts = (clause: string, label: string, thing: string, target?: string) =>
  answerAboutPending(kb, at(clause), label, { ask: 'counts', rest: '', thing, ...(target ? { target } : {}) });

describe('whether a thing counts, by the item clause', () => {
  for (const thing of ['地磅', '电子秤', '扫码枪']) {
    it(`「${thing}」 at the factory's SCADA quotes the data-collection sentence, not the 联网率 one, and is not sure`, () => {
      const r = counts('三(二)3', '生产过程数据采集和监控系统（SCADA）', thing);
      expect(r.citations[0]!.quote).toContain('应用生产过程数据采集和监控系统，实现现场操作');
      expect(r.text).not.toContain('联网数占');
      expect(r.confidence).toBeLessThan(1);
    });
  }

  it('the factory network quotes the network sentence of 三(二)1', () => {
    const r = counts('三(二)1', '覆盖全厂的工业通信网络', '地磅');
    expect(r.citations[0]!.quote).toContain('工业通信网络');
    expect(r.confidence).toBeLessThan(1);
  });

  it('near miss: a thing the clause names itself is settled by it, with full confidence', () => {
    const r = counts('三(二)3', '自动导引运输车（AGV）', 'RGV');
    expect(r.text).toContain('RGV');
    expect(r.confidence).toBe(1);
  });
});
