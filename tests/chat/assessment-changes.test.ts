import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../server/schemas/profile';
import { applyAssessmentChanges, assessmentChanges } from '../../server/chat/assessment-changes';
import { ChatClient } from './client';
import { serveForFile } from './serve';
import { answerFor, ineligible, processFactory } from './enterprises';

const srv = serveForFile();

/** Answers a scripted enterprise's whole interview, checking the client's assessment against the server's after every turn. */
async function interview(script: typeof processFactory): Promise<{ turns: number; wholeBytes: number; changeBytes: number; c: ChatClient }> {
  const c = await ChatClient.connect(srv.url);
  c.send({ type: 'open' });
  const { sessionId, token } = await c.next('session');
  let q = (await c.next('question')).question;
  let turns = 0;
  let wholeBytes = 0;
  let changeBytes = 0;
  while (q && q.phase !== 'form') {
    const clientId = `c${++turns}`;
    const wireMark = c.wire.length;
    c.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(script, q) });
    const shown = (await c.next('assessment')).assessment;
    q = (await c.next('question')).question;
    const frame = c.wire.slice(wireMark).find((m) => m.type === 'assessment.changes' || m.type === 'assessment');
    // After open, every turn's assessment comes as changes.
    expect(frame?.type).toBe('assessment.changes');
    const state = (await (await fetch(`${srv.http}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { assessment: Assessment };
    expect(shown).toEqual(state.assessment);
    wholeBytes += JSON.stringify({ type: 'assessment', assessment: state.assessment }).length;
    changeBytes += JSON.stringify(frame).length;
  }
  return { turns, wholeBytes, changeBytes, c };
}

describe('the assessment sent as changes', () => {
  it('gives the client exactly the server assessment after every turn of an eligible interview, at a fraction of the size', async () => {
    const r = await interview(processFactory);
    expect(r.turns).toBeGreaterThan(20);
    // Regression guard on the saving: measured at 23% of the whole assessment's characters.
    expect(r.changeBytes / r.wholeBytes).toBeLessThan(0.4);
    await r.c.close();
  });

  it('stays exact through a hard condition failing (the conditions list and category change shape)', async () => {
    const r = await interview(ineligible);
    expect(r.turns).toBeGreaterThan(3);
    await r.c.close();
  });

  it('sends the whole assessment again when the client reconnects, so changes always have a base', async () => {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    const { sessionId, token } = await c.next('session');
    let q = (await c.next('question')).question!;
    for (let i = 0; i < 3; i++) {
      c.send({ type: 'answer', clientId: `r${i}`, questionId: q.id, value: answerFor(processFactory, q) });
      q = (await c.next('question')).question!;
    }
    await c.close();
    const again = await ChatClient.connect(srv.url);
    again.send({ type: 'open', sessionId, token, lastSeq: 0 });
    await again.next('session');
    await again.next('question');
    expect(again.wire.filter((m) => m.type === 'assessment').length).toBe(1);
    expect(again.wire.some((m) => m.type === 'assessment.changes')).toBe(false);
    await again.close();
  });
});

describe('assessmentChanges and applyAssessmentChanges', () => {
  const cond = (clause: string, status: 'met' | 'unknown'): Assessment['conditions'][number] => ({ clause, title: clause, status, missing: [], unknown: [], advice: `${clause} ${status}` });
  const base: Assessment = {
    eligible: true,
    verdict: 'incomplete',
    blocking: [],
    category: { recommended: 'smartWorkshop', reasons: [], alternatives: [] },
    conditions: [cond('a', 'unknown'), cond('b', 'unknown'), cond('c', 'unknown')],
    notes: [],
    knowledgeVersion: 'v',
  };

  it('is empty when nothing changed and carries only what did', () => {
    expect(assessmentChanges(base, structuredClone(base))).toEqual({});
    const after: Assessment = { ...base, verdict: 'qualified', conditions: [base.conditions[0]!, cond('b', 'met'), base.conditions[2]!] };
    expect(assessmentChanges(base, after)).toEqual({ verdict: 'qualified', conditions: { length: 3, set: [{ i: 1, condition: cond('b', 'met') }] } });
  });

  it('rebuilds the new assessment when the conditions grow, shrink or an optional field appears and goes', () => {
    const cases: Assessment[] = [
      { ...base, conditions: [...base.conditions, cond('d', 'met')] },
      { ...base, eligible: false, verdict: 'ineligible', category: { recommended: null, ifEligible: 'smartWorkshop', reasons: [], alternatives: [] }, conditions: [cond('a', 'met')] },
      { ...base, conditions: [] },
    ];
    let prev = base;
    for (const next of [...cases, base]) {
      expect(applyAssessmentChanges(prev, assessmentChanges(prev, next))).toEqual(next);
      prev = next;
    }
  });
});
