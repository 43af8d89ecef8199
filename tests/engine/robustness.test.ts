import { describe, expect, it } from 'vitest';
import { applyAnswer, evaluate, interpret, type Answers } from '../../server/engine';
import { viewOf } from '../../server/engine/plan';
import type { AnswerValue } from '../../server/schemas/interview';
import { Assessment } from '../../server/schemas/profile';
import { realKb } from './kb';

const kb = realKb();

/** A small seeded generator, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomValue(r: () => number, id: string): AnswerValue {
  const q = kb.interview.questions.find((x) => x.id === id)!;
  if (r() < 0.1) return null;
  switch (q.kind) {
    case 'yesNoPartial':
      return [true, false, 'partial'][Math.floor(r() * 3)] as AnswerValue;
    case 'yesNo':
      return r() < 0.5;
    case 'choice':
      return q.choices![Math.floor(r() * q.choices!.length)].value;
    case 'number':
      return Math.round(r() * 100);
    default:
      if (q.id === 'ent.industryCode') return String(10 + Math.floor(r() * 40));
      if (q.sets === 'enterprise.foundedYear') return String(1990 + Math.floor(r() * 40));
      // The city and county questions take only a region the regions data lists.
      if (q.sets === 'enterprise.county') {
        const counties = kb.regions.regions.filter((x) => x.kind === '县' || x.kind === '县级市');
        return counties[Math.floor(r() * counties.length)]!.name;
      }
      return q.sets === 'enterprise.city' ? kb.regions.regions[Math.floor(r() * kb.regions.regions.length)]!.name : '某县';
  }
}

describe('the engine under arbitrary answers', () => {
  it('always returns a contract-valid assessment and a question from the plan, for 300 random answer maps', () => {
    const ids = kb.interview.questions.map((q) => q.id);
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      let answers: Answers = {};
      for (const id of ids) {
        if (r() < 0.6) continue;
        const res = applyAnswer(kb, answers, id, randomValue(r, id));
        expect(res.ok, `seed ${seed} ${id}`).toBe(true);
        if (res.ok) answers = res.answers;
      }
      const out = evaluate(kb, answers);
      expect(Assessment.safeParse(out.assessment).success, `seed ${seed}`).toBe(true);
      if (out.question) expect(answers, `seed ${seed} re-asks ${out.question.id}`).not.toHaveProperty([out.question.id]);
      // A blocked enterprise is never called qualified, and a qualified one has every element met.
      if (out.assessment.blocking.length) expect(out.assessment.verdict).toBe('ineligible');
      if (out.assessment.verdict === 'qualified') expect(out.assessment.conditions.every((c) => c.status === 'met')).toBe(true);
    }
  });

  it('never throws on arbitrary text, whatever question is pending', () => {
    const pool = ['有', '没有', 'MES', 'ERP', '，', '。', '但是', '部分', '吗', '?', '85%', '百分之', '八', '十', '立体库', '不', '在建', 'AGV', '、', '和', ' ', 'x', '😀', '\n', '其他', '集成', '0.5', '跳过', '车间', '工厂'];
    const pendings = [null, ...kb.interview.questions.map((q) => viewOf(q, null))];
    for (let seed = 1; seed <= 500; seed++) {
      const r = rng(seed);
      const text = Array.from({ length: 1 + Math.floor(r() * 12) }, () => pool[Math.floor(r() * pool.length)]).join('');
      const pending = pendings[Math.floor(r() * pendings.length)];
      const out = interpret(kb, text, pending);
      expect(['answers', 'question', 'unclear'], text).toContain(out.kind);
      if (out.kind === 'answers') {
        expect(out.items.length).toBeGreaterThan(0);
        for (const item of out.items) {
          expect(kb.interview.questions.some((q) => q.id === item.questionId), item.questionId).toBe(true);
          // Whatever was read must either be accepted or refused with a reason, never crash the caller.
          const res = applyAnswer(kb, {}, item.questionId, item.value);
          if (!res.ok) expect(res.error).toContain(item.questionId);
        }
      }
    }
  });
});
