import { describe, expect, it } from 'vitest';
import { applyAnswer, evaluate, type Answers } from '../../server/engine';
import { answerQuestion } from '../../server/qa/answer';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { fillForm, ineligibleText } from '../../server/forms/fill';
import { sessionDraftProfile } from '../../server/forms/session';
import { loadTemplates } from '../../server/forms/template';
import { createRules } from '../../server/chat/rules';
import { realKb } from './kb';
import { HARD_CONDITIONS_MET } from '../fixtures/hard-conditions';

/*
 * 四(一): 「只获得智能车间称号的申报企业，可以申报智能车间（以其他生产性车间申报）或智能工厂」. A holder of the
 * 智能车间 title only, applying for 智能车间, is asked whether the workshop is the titled one; only then, and only
 * of that applicant.
 */
const kb = realKb();
const Q = 'ent.titledWorkshopAgain';

/** A discrete 木门 maker in 潢川县 that holds the 智能车间 title: the rest of its answers as they fall. */
const holder: Answers = {
  ...HARD_CONDITIONS_MET,
  'ent.priorTitles': 'smartWorkshop',
  'ent.city': '信阳市',
  'ent.county': '潢川县',
  'ent.foundedYear': '2011',
  'ent.industryCode': '20',
  'cat.productionMode': 'discrete',
  'ent.greenPriority': false,
};

describe('四(一): a 智能车间 title holder applying again for 智能车间', () => {
  it('is asked whether the workshop applying is the titled one, once it applies for 智能车间, quoting 四(一)', () => {
    const r = evaluate(kb, { ...holder, 'cat.scope': 'workshop' });
    expect(r.question).toMatchObject({ id: Q, kind: 'yesNo', clause: '四(一)', phase: 'hard' });
    expect(r.question!.help).toContain('以其他生产性车间申报');
    expect(r.assessment.verdict).toBe('incomplete');
  });

  it('is not asked before the category is settled, nor of a factory applicant, a first-time applicant or a 智能工厂 holder', () => {
    const { 'ent.industryCode': _i, 'cat.productionMode': _m, ...noMode } = holder;
    expect(evaluate(kb, noMode).question?.id).not.toBe(Q);
    const asked = (answers: Answers) => {
      let a: Answers = answers;
      for (let i = 0; i < 80; i++) {
        const r = evaluate(kb, a);
        if (!r.question) return false;
        if (r.question.id === Q) return true;
        const v = r.question.kind === 'number' ? 80 : r.question.kind === 'choice' ? r.question.choices![0]!.value : true;
        const res = applyAnswer(kb, a, r.question.id, v);
        if (!res.ok) throw new Error(res.error);
        a = res.answers;
      }
      return false;
    };
    expect(asked({ ...holder, 'cat.scope': 'factory' })).toBe(false);
    expect(asked({ ...holder, 'ent.priorTitles': 'none', 'cat.scope': 'workshop' })).toBe(false);
    expect(asked({ ...holder, 'ent.priorTitles': 'smartFactory', 'cat.scope': 'workshop' })).toBe(false);
    expect(asked({ ...holder, 'cat.scope': 'workshop' })).toBe(true);
  });

  it('blocks 智能车间 on 是, with the clause and the remedy the notice gives; nothing is recommended', () => {
    const a = evaluate(kb, { ...holder, 'cat.scope': 'workshop', [Q]: true }).assessment;
    expect(a).toMatchObject({ eligible: false, verdict: 'ineligible', category: { recommended: null, ifEligible: 'smartWorkshop' } });
    expect(a.blocking).toHaveLength(1);
    expect(a.blocking[0]!.clause).toBe('四(一)');
    expect(a.blocking[0]!.reason).toContain('只获得智能车间称号的申报企业，可以申报智能车间（以其他生产性车间申报）或智能工厂');
    expect(a.blocking[0]!.remedy).toContain('其他生产性车间');
    expect(a.blocking[0]!.remedy).toContain('智能工厂');
  });

  it('passes on 否, and leaves the holder note that the workshop must be another one', () => {
    const r = evaluate(kb, { ...holder, 'cat.scope': 'workshop', [Q]: false });
    expect(r.assessment.eligible).toBe(true);
    expect(r.assessment.blocking).toEqual([]);
    expect(r.question?.id).not.toBe(Q);
    expect(r.assessment.notes.some((n) => n.clause === '四(一)' && n.text.includes('其他生产性车间'))).toBe(true);
  });

  it('keeps the verdict incomplete while the answer is skipped, with no block', () => {
    const a = evaluate(kb, { ...holder, 'cat.scope': 'workshop', [Q]: null }).assessment;
    expect(a.eligible).toBe(true);
    expect(a.verdict).toBe('incomplete');
  });

  it('blocks no factory application, whatever was said of the workshop', () => {
    const a = evaluate(kb, { ...holder, 'cat.scope': 'factory', [Q]: true }).assessment;
    expect(a.blocking).toEqual([]);
    expect(a.category.recommended).toBe('discreteFactory');
  });

  it("prints the block at the top of the 智能车间 draft, and not on a 智能工厂 draft", () => {
    const ctx = { ...kb, templates: loadTemplates(), engine: kb };
    const { profile } = sessionDraftProfile(kb, ctx, { ...holder, 'cat.scope': 'workshop', [Q]: true });
    expect(ineligibleText(ctx, profile, 'smartWorkshop')).toContain('四(一)');
    expect(fillForm(ctx, profile, 'smartWorkshop').ineligible).toContain('以其他生产性车间申报');
    expect(ineligibleText(ctx, profile, 'discreteFactory')).toBeNull();
    const other = sessionDraftProfile(kb, ctx, { ...holder, 'cat.scope': 'workshop', [Q]: false }).profile;
    expect(ineligibleText(ctx, other, 'smartWorkshop')).toBeNull();
  });

  it('agrees with the Q&A, which says the same workshop cannot apply again', () => {
    const base = createKnowledgeBase(kb);
    for (const q of ['我们去年评上了智能车间，今年同一个车间再报行不行', '已获称号的那个车间还能再申报智能车间吗']) {
      const a = answerQuestion(base, q) as { answer?: string; text?: string };
      expect(a.answer ?? a.text).toContain('其他生产性车间');
    }
  });
});

describe('replies to the titled-workshop question', () => {
  const rules = createRules(createKnowledgeBase(kb));
  const view = rules.views({}, [Q])[0]!;
  const value = (t: string) => {
    const r = rules.interpret(t, view, {}) as { kind: string; items?: { questionId: string; value: unknown }[] };
    return r.kind === 'answers' ? r.items!.find((i) => i.questionId === Q)?.value : r.kind;
  };
  it('reads the same workshop as 是, and another workshop as 否 even with a copula 是 in it', () => {
    for (const t of ['是，就是那个木门车间', '还是原来那个', '对，同一个车间', '还报这个木门车间', '就是评上的那个', '一样的']) expect(value(t), t).toBe(true);
    for (const t of ['不是，换了个车间', '这次报的是另一个车间', '不是同一个', '换成涂装车间报', '用别的车间报', '报的是其他车间', '不是原来的，是新建的车间', '不一样', '没有，这次报装配车间'])
      expect(value(t), t).toBe(false);
  });

  it('is not answered in passing by a paragraph about the other hard conditions, nor takes their replies', () => {
    const other = (id: string, t: string) => rules.interpret(t, rules.views({}, [id])[0]!, {}) as { kind: string; items?: { questionId: string; value: unknown }[] };
    const r = other('ent.appliedThisYear', '没有，就报这一个，另一个车间明年再说');
    expect(r.items).toEqual([{ questionId: 'ent.appliedThisYear', value: false }]);
    expect(other('ent.appliedThisYear', '没有，只报原来那个车间').items).toEqual([{ questionId: 'ent.appliedThisYear', value: false }]);
    expect(other('ent.priorTitles', '2021年木门车间评上了省智能车间，今年还报这个木门车间，又改造了一遍').items).toEqual([{ questionId: 'ent.priorTitles', value: 'smartWorkshop' }]);
  });
});
