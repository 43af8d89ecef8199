import { expect, it } from 'vitest';
import { ChatClient } from './client';
import type { Served } from './serve';
import { recordedIds, said, typed } from './steer';
import type { BlindEnterprise } from '../fixtures/blind-enterprises';
import { normaliseDivision } from '../../server/engine/facts';
import type { AnswerValue, QuestionView } from '../../server/schemas/interview';
import type { Assessment } from '../../server/schemas/profile';

/**
 * A message typed while a question waits, before its reply: a question ('asks', answered with a clause), an instruction or a
 * hedge (nothing stored), or a statement of another question ('other': it records `records` there, nothing when that
 * question already holds its value, and the question waiting is asked again by name).
 */
export interface Before {
  text: string;
  kind: 'asks' | 'instructs' | 'unsure' | 'other';
  records?: Record<string, AnswerValue>;
}

export type BlindCase = Omit<BlindEnterprise, 'before'> & { before?: Record<string, Before[]> };

/** What the interview concluded, in the terms of a fixture's `expected`. */
export interface Got {
  eligible: boolean;
  verdict: Assessment['verdict'];
  category: Assessment['category']['recommended'];
  ifEligible: Assessment['category']['ifEligible'];
  unmet: string[];
  partial: string[];
}

export interface Run {
  /** Typed replies recorded on the first try with the enterprise's value, of the typed replies. */
  taken: number;
  of: number;
  missed: string[];
  wrong: string[];
  /** Messages typed before a reply that were handled as their kind says, of those messages. */
  beforeRight: number;
  beforeOf: number;
  beforeWrong: string[];
  unanswered: string[];
  got: Got;
}

/** Whether a stored value is the enterprise's: a division by its code, a place or a year by the name it contains. */
export function sameValue(id: string, stored: unknown, fact: AnswerValue): boolean {
  if (id === 'ent.industryCode') return stored !== null && normaliseDivision(String(stored)) === fact;
  if (typeof fact === 'string' && typeof stored === 'string' && (id === 'ent.city' || id === 'ent.county' || id === 'ent.foundedYear')) return stored.includes(fact) || fact.includes(stored);
  return JSON.stringify(stored ?? null) === JSON.stringify(fact ?? null);
}

/**
 * Interviews one enterprise over the real socket in its own typed replies. A reply that is not taken is followed by the
 * structured answer, so the interview goes on with the enterprise's facts; a reply taken with a wrong value is left as
 * stored, so a misreading shows in the verdict.
 */
export async function interviewBlind(url: string, http: string, e: BlindCase): Promise<Run> {
  const c = await ChatClient.connect(url);
  c.send({ type: 'open' });
  const session = await c.next('session');
  let q: QuestionView | null = (await c.next('question')).question;
  const before = structuredClone(e.before ?? {});
  const run = { taken: 0, of: 0, missed: [] as string[], wrong: [] as string[], beforeRight: 0, beforeOf: 0, beforeWrong: [] as string[], unanswered: [] as string[] };
  for (let n = 0; q && !q.id.startsWith('form.'); n++) {
    if (n > 200) throw new Error('interview did not end');
    const pending: QuestionView = q;
    for (const [i, b] of (before[pending.id] ?? []).splice(0).entries()) {
      const { msgs, next } = await typed(c, `b-${n}-${i}`, b.text);
      const cited = msgs.some((m) => m.type === 'message.end' && m.citations.length > 0);
      const stored = Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((x) => [x.questionId, x.value] as const) : [])));
      const right =
        b.kind === 'other'
          ? JSON.stringify(stored) === JSON.stringify(b.records ?? {}) && next?.id === pending.id && said(msgs).join('').includes(pending.text)
          : recordedIds(msgs).length === 0 && next?.id === pending.id && (b.kind !== 'asks' || cited);
      run.beforeOf++;
      if (right) run.beforeRight++;
      else run.beforeWrong.push(`${pending.id} 「${b.text}」`);
    }
    const text = e.typed[pending.id];
    if (!(pending.id in e.facts) || text === undefined) {
      // Not scripted: skipped, so nothing is invented for it.
      c.send({ type: 'answer', clientId: `s-${n}`, questionId: pending.id, value: e.facts[pending.id] ?? null });
      await c.until((m) => m.type === 'ack' && m.clientId === `s-${n}`, 30_000);
      q = (await c.next('question', 30_000)).question;
      continue;
    }
    run.of++;
    const { msgs, next } = await typed(c, `t-${n}`, text);
    const items = msgs.flatMap((m) => (m.type === 'recorded' ? m.items : []));
    const own = items.find((i) => i.questionId === pending.id);
    // A reply that also asks gets its question answered, with the clause cited, beside the answer taken.
    if (e.alsoAsks?.includes(pending.id) && !msgs.some((m) => m.type === 'message.end' && m.citations.length > 0)) run.unanswered.push(`${pending.id} 「${text}」`);
    // The reply to its own question means what it said then; a later correction is held to the corrected value.
    const meant = (id: string): AnswerValue => (id === pending.id && e.said && id in e.said ? e.said[id]! : e.facts[id]!);
    for (const i of items) if (i.questionId in e.facts && !sameValue(i.questionId, i.value, meant(i.questionId))) run.wrong.push(`${i.questionId} 「${text}」 → ${JSON.stringify(i.value)}`);
    if (own && sameValue(pending.id, own.value, meant(pending.id))) run.taken++;
    q = next;
    if (!own) {
      run.missed.push(`${pending.id} 「${text}」`);
      c.send({ type: 'answer', clientId: `a-${n}`, questionId: pending.id, value: e.facts[pending.id] });
      const ack = await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === `a-${n}`, 30_000);
      if (ack.type === 'error') throw new Error(`${pending.id}: ${ack.message}`);
      q = (await c.next('question', 30_000)).question;
    }
  }
  const r = await fetch(`${http}/api/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${session.token}` } });
  const body = (await r.json()) as { assessment: Assessment; answers: Record<string, AnswerValue> };
  const a = body.assessment;
  // A correction typed in a later reply that was not taken leaves the earlier value standing.
  for (const id of Object.keys(e.said ?? {})) if (!sameValue(id, body.answers[id], e.facts[id]!)) run.wrong.push(`${id} (corrected later) → ${JSON.stringify(body.answers[id] ?? null)}`);
  await c.close();
  const got: Got = {
    eligible: a.eligible,
    verdict: a.verdict,
    category: a.category.recommended,
    ifEligible: a.category.ifEligible,
    unmet: a.eligible ? a.conditions.filter((x) => x.status === 'unmet').map((x) => x.clause) : a.blocking.map((x) => x.clause),
    partial: a.eligible ? a.conditions.filter((x) => x.status === 'partial').map((x) => x.clause) : [],
  };
  return { ...run, got };
}

/** What a round measured of each enterprise: replies taken on the first try of those typed, and the messages typed while a question waited. */
export type Measured = Record<string, { taken: number; of: number; missed: string[]; wrong: string[]; before: [number, number] }>;

/**
 * A blind round's tests, inside its describe: each enterprise interviewed over the socket of `srv`, its verdict as the
 * notice gives it and its replies as measured; then the round's totals, held to the table each enterprise is checked
 * against, under the sentence `totals.title`.
 */
export function blindRoundTests(srv: Served, round: BlindCase[], measured: Measured, totals: { title: string; taken: [number, number]; before: [number, number] }): void {
  for (const e of round) {
    it(`${e.id}: the replies taken on the first try, and the verdict the notice gives`, async () => {
      const run = await interviewBlind(srv.url, srv.http, e);
      expect.soft(run.beforeWrong).toEqual([]);
      expect.soft(run.unanswered).toEqual([]);
      expect.soft(run.got).toMatchObject({ ...e.expected, ifEligible: e.expected.ifEligible ?? run.got.ifEligible });
      expect({ taken: run.taken, of: run.of, missed: run.missed, wrong: run.wrong, before: [run.beforeRight, run.beforeOf] }).toEqual(measured[e.id]);
    }, 240_000);
  }

  it(totals.title, () => {
    const rows = Object.values(measured);
    expect(Object.keys(measured).sort()).toEqual(round.map((e) => e.id).sort());
    expect([rows.reduce((n, r) => n + r.taken, 0), rows.reduce((n, r) => n + r.of, 0)]).toEqual(totals.taken);
    expect([rows.reduce((n, r) => n + r.before[0], 0), rows.reduce((n, r) => n + r.before[1], 0)]).toEqual(totals.before);
    expect(rows.flatMap((r) => r.wrong)).toEqual([]);
  });
}
