// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../web/components/zz-assessment-panel';
import { factsFromAnswers } from '../../server/engine';
import { evaluateFacts } from '../../server/engine/assess';
import type { Answers } from '../../server/schemas/interview';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';
import { realKb } from '../engine/kb';
import { mount } from './mount';

/*
 * The verdict card at the top of the assessment (the phone's drawer opens on it): with a hard condition failing it names
 * that condition, by clause and title, before any hard condition still 待确认, so 「不符合申报条件」 is never read beside
 * an unanswered item alone. Built from the engine's own result and the knowledge's own wording.
 */
const kb = realKb();
const ui = JSON.parse(readFileSync(resolve(__dirname, '../../knowledge/henan-2023/ui.json'), 'utf8'));
const without = (a: Answers, ...ids: string[]) => Object.fromEntries(Object.entries(a).filter(([k]) => !ids.includes(k)));

async function card(answers: Answers): Promise<string> {
  const assessment = evaluateFacts(kb, factsFromAnswers(kb, answers)).assessment;
  const el = await mount('zz-assessment-panel', { assessment, progress: { answered: Object.keys(answers).length, remaining: 3, phase: 'hard' }, notice: { shortTitle: '通知', ui } });
  const verdict = el.shadowRoot!.querySelector('.verdict');
  el.remove();
  return verdict!.textContent!.replace(/\s+/g, ' ');
}

describe('the verdict card names what fails', () => {
  it.each([
    ['another application this year, the industry not yet said', { ...HARD_CONDITIONS_MET, 'ent.appliedThisYear': true }, ['四(一) 当年限报1个'], '二(一) 属于制造业行业大类'],
    [
      'a factory title held, whether it applies elsewhere this year not yet said',
      without({ ...HARD_CONDITIONS_MET, 'ent.priorTitles': 'smartFactory', 'ent.industryCode': '34' }, 'ent.appliedThisYear'),
      ['四(一) 未获得过智能工厂称号'],
      '四(一) 当年限报1个',
    ],
    [
      'a group applying in its head office name and outside Henan, the tax blacklist not yet said',
      without({ ...HARD_CONDITIONS_MET, 'ent.groupOrHeadOffice': true, 'ent.registeredInHenan': false, 'ent.industryCode': '34' }, 'ent.credit.taxViolationBlacklist'),
      ['二(一) 在河南省境内注册', '二(一) 不以集团、总公司名义申报'],
      '二(四) 税收违法黑名单',
    ],
  ])('%s: 不符合 names the failing condition before the one 待确认', async (_who, answers, failing, pending) => {
    const text = await card(answers);
    expect(text).toContain('不符合申报条件');
    const at = text.indexOf('不符合：');
    expect(at, text).toBeGreaterThan(text.indexOf('不符合申报条件'));
    for (const f of failing) expect(text.indexOf(f), `${f} named in: ${text}`).toBeGreaterThan(at);
    const open = text.indexOf(`${ui.assessment.hardPending}：`);
    expect(open, text).toBeGreaterThan(at);
    expect(text.slice(open)).toContain(pending);
    for (const f of failing) expect(text.indexOf(f)).toBeLessThan(open);
  });

  it('near miss: with nothing failing, the card names no 不符合, only what is 待确认', async () => {
    const text = await card(without({ ...HARD_CONDITIONS_MET }, 'ent.appliedThisYear'));
    expect(text).not.toContain('不符合');
    expect(text).toContain(`${ui.assessment.hardPending}：`);
    expect(text).toContain('四(一) 当年限报1个');
  });

  it('near miss: a failing condition with nothing left 待确认 is named, and no 待确认 is shown', async () => {
    const text = await card({ ...HARD_CONDITIONS_MET, 'ent.appliedThisYear': true, 'ent.industryCode': '34' });
    expect(text).toContain('不符合：四(一) 当年限报1个');
    expect(text).not.toContain(`${ui.assessment.hardPending}：`);
  });

  it('an assessment stored before conditions carried a title still names the clause', async () => {
    const assessment = evaluateFacts(kb, factsFromAnswers(kb, { ...HARD_CONDITIONS_MET, 'ent.appliedThisYear': true, 'ent.industryCode': '34' })).assessment;
    const old = { ...assessment, blocking: assessment.blocking.map(({ title: _title, ...b }) => b) };
    const el = await mount('zz-assessment-panel', { assessment: old, progress: { answered: 12, remaining: 3, phase: 'hard' }, notice: { shortTitle: '通知', ui } });
    expect(el.shadowRoot!.querySelector('[data-testid="hard-failing"]')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('不符合：四(一)');
    el.remove();
  });
});
