import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { ChatClient } from './client';
import { recordedIds, typed } from './steer';
import { BLIND_ENTERPRISES, type BlindEnterprise } from '../fixtures/blind-enterprises';
import { normaliseDivision } from '../../server/engine/facts';
import type { AnswerValue, QuestionView } from '../../server/schemas/interview';
import type { Assessment } from '../../server/schemas/profile';

/*
 * The blind round: eight enterprises written before any tuning against them, interviewed over the real
 * socket in their own typed replies. A reply that is not taken is followed by the structured answer, so
 * the interview goes on with the enterprise's facts; a reply taken with a wrong value is left as stored,
 * so a misreading shows in the verdict. The figures are the ones measured after the fixes they led to.
 */
const srv = serveForFile();

/**
 * Measured: replies taken on the first try with the enterprise's value, of the typed replies; the replies
 * asked again, and those stored with another value. Before the fixes this round led to, 218 of 256 were
 * taken. Left as they are: a hedged 「应该没有吧」 is asked again by design; an answer that also asks
 * (「报车间中不中」) is answered as a question; 「就总装线有」 says one line without a partial word.
 */
const MEASURED: Record<string, { taken: number; of: number; missed: string[]; wrong: string[] }> = {
  'B1-内黄建筑陶瓷车间': { taken: 33, of: 34, missed: ['cat.scope 「报车间中不中，就烧成车间」'], wrong: [] },
  'B2-商水印染工厂': { taken: 39, of: 40, missed: ['cap.rto 「RTO没听说过，应该没有吧」'], wrong: [] },
  'B3-武陟中药饮片车间': { taken: 36, of: 36, missed: [], wrong: [] },
  'B4-新乡正极材料工厂': { taken: 40, of: 40, missed: [], wrong: [] },
  'B5-中牟收割机工厂有车间称号': { taken: 40, of: 41, missed: [], wrong: ['cap.andon 「安灯就总装线有」 → true'] },
  'B6-驻马店饲料车间': { taken: 35, of: 35, missed: [], wrong: [] },
  'B7-林州铝型材亏损': { taken: 15, of: 15, missed: [], wrong: [] },
  'B8-焦作轮胎已获智能工厂': { taken: 16, of: 16, missed: [], wrong: [] },
};

function same(id: string, stored: unknown, fact: AnswerValue): boolean {
  if (id === 'ent.industryCode') return stored !== null && normaliseDivision(String(stored)) === fact;
  if (typeof fact === 'string' && typeof stored === 'string' && (id === 'ent.city' || id === 'ent.county' || id === 'ent.foundedYear')) return stored.includes(fact) || fact.includes(stored);
  return JSON.stringify(stored ?? null) === JSON.stringify(fact ?? null);
}

interface Run {
  taken: number;
  of: number;
  missed: string[];
  wrong: string[];
  beforeWrong: string[];
  assessment: Assessment;
}

async function interview(e: BlindEnterprise): Promise<Run> {
  const c = await ChatClient.connect(srv.url);
  c.send({ type: 'open' });
  const session = await c.next('session');
  let q: QuestionView | null = (await c.next('question')).question;
  const before = structuredClone(e.before ?? {});
  const run = { taken: 0, of: 0, missed: [] as string[], wrong: [] as string[], beforeWrong: [] as string[] };
  for (let n = 0; q && !q.id.startsWith('form.'); n++) {
    if (n > 200) throw new Error('interview did not end');
    const pending: QuestionView = q;
    for (const [i, b] of (before[pending.id] ?? []).splice(0).entries()) {
      const { msgs, next } = await typed(c, `b-${n}-${i}`, b.text);
      const cited = msgs.some((m) => m.type === 'message.end' && m.citations.length > 0);
      if (recordedIds(msgs).length || next?.id !== pending.id || (b.kind === 'asks' && !cited)) run.beforeWrong.push(`${pending.id} 「${b.text}」`);
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
    for (const i of items) if (i.questionId in e.facts && !same(i.questionId, i.value, e.facts[i.questionId]!)) run.wrong.push(`${i.questionId} 「${text}」 → ${JSON.stringify(i.value)}`);
    if (own && same(pending.id, own.value, e.facts[pending.id]!)) run.taken++;
    q = next;
    if (!own) {
      run.missed.push(`${pending.id} 「${text}」`);
      c.send({ type: 'answer', clientId: `a-${n}`, questionId: pending.id, value: e.facts[pending.id] });
      const ack = await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === `a-${n}`, 30_000);
      if (ack.type === 'error') throw new Error(`${pending.id}: ${ack.message}`);
      q = (await c.next('question', 30_000)).question;
    }
  }
  const r = await fetch(`${srv.http}/api/sessions/${session.sessionId}`, { headers: { authorization: `Bearer ${session.token}` } });
  const assessment = ((await r.json()) as { assessment: Assessment }).assessment;
  await c.close();
  return { ...run, assessment };
}

describe('the blind round of eight enterprises, in their own typed replies', () => {
  for (const e of BLIND_ENTERPRISES) {
    it(`${e.id}: the replies taken on the first try, and the verdict the notice gives`, async () => {
      const run = await interview(e);
      const a = run.assessment;
      const got = {
        eligible: a.eligible,
        verdict: a.verdict,
        category: a.category.recommended,
        ifEligible: a.category.ifEligible,
        unmet: a.eligible ? a.conditions.filter((x) => x.status === 'unmet').map((x) => x.clause) : a.blocking.map((x) => x.clause),
        partial: a.eligible ? a.conditions.filter((x) => x.status === 'partial').map((x) => x.clause) : [],
      };
      // Questions, instructions and hedges typed while a question waits record nothing, and the question waits on.
      expect(run.beforeWrong).toEqual([]);
      expect(got).toMatchObject({ ...e.expected, ifEligible: e.expected.ifEligible ?? got.ifEligible });
      const m = MEASURED[e.id]!;
      expect({ taken: run.taken, of: run.of, missed: run.missed, wrong: run.wrong }).toEqual(m);
    }, 240_000);
  }
});
