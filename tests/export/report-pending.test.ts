import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { evaluate } from '../../server/engine';
import { buildGapReport, verdictLines } from '../../server/export/report';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';

/* The self-assessment report says a hard condition still to confirm as 待确认, as the panel does, never 符合基本申报条件. */
const kb = loadKnowledgeData(resolve(__dirname, '../../knowledge'), 'henan-2023');
// A manufacturing trade, so that 二(一)'s industry condition is answered too.
const met = { ...HARD_CONDITIONS_MET, 'ent.industryCode': '36' };
const lines = (answers: Record<string, unknown>) => verdictLines(buildGapReport(kb.formDrafting, null, evaluate(kb, answers as never).assessment, {})).map((l) => l.text);

describe('the report verdict of the basic conditions', () => {
  it('says 待确认 and names the condition when 税收违法黑名单 is answered 不清楚', () => {
    const text = lines({ ...met, 'ent.credit.taxViolationBlacklist': null }).join('\n');
    expect(text).not.toContain('符合基本申报条件');
    expect(text).toContain('待确认：二(四)');
    expect(text).toContain('税收违法黑名单');
    expect(text).toContain('不能视为已满足');
  });

  it('says 待确认 when a small loss left 生产经营和财务状况良好 to confirm', () => {
    expect(lines({ ...met, 'ent.operatingWell': null }).join('\n')).toContain('待确认：二(一)');
  });

  it('near miss: with every hard condition met it says 符合基本申报条件 and nothing to confirm', () => {
    const text = lines({ ...met });
    expect(text[0]).toContain('符合基本申报条件');
    expect(text.join('\n')).not.toContain('待确认');
  });

  it('near miss: a failing condition says 不符合基本申报条件', () => {
    expect(lines({ ...met, 'ent.credit.taxViolationBlacklist': true })[0]).toContain('不符合基本申报条件');
  });
});
