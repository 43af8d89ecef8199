import { describe, expect, it } from 'vitest';
import { factsFromAnswers } from '../../server/engine';
import { evaluateFacts } from '../../server/engine/assess';
import { phrases } from '../../server/chat/phrases';
import type { Answers } from '../../server/schemas/interview';
import { FACTORY_UNASKED_WORKSHOP } from '../fixtures/factory-unasked-workshop';
import { realKb } from '../engine/kb';

/*
 * The chat verdict of a factory chosen that the workshop fits better: the workshop's items never asked on the factory's
 * path are said as 未问到, never counted as met.
 */
const kb = realKb();
const label = { smartWorkshop: '智能车间', discreteFactory: '离散型智能工厂', processFactory: '流程型智能工厂' } as const;
const names = { category: (c: keyof typeof label) => label[c], capability: (id: string) => id };
const s3 = FACTORY_UNASKED_WORKSHOP;
const verdict = (a: Answers) => phrases.verdict(evaluateFacts(kb, factsFromAnswers(kb, a)).assessment, names);

describe('the chat verdict of a chosen factory beside a workshop not asked about', () => {
  it('the reported path: no 更合适 and no 0 unmet claimed for the unasked workshop', () => {
    const text = verdict(s3);
    expect(text).not.toContain('更合适');
    expect(text).not.toContain('智能车间有 0 项');
  });

  it('five factory gaps against four unasked: fits better, the four said 未问到', () => {
    expect(verdict({ ...s3, 'cap.systemIntegration': false })).toContain('智能车间有 0 项，智能车间另有 4 项未问到（未核实）；申报方向以您的选择为准');
  });
});
