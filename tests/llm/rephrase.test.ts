import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { llmConnection, loadConfig } from '../../server/config';
import { createLlm, type Llm } from '../../server/llm/provider';
import { rephraseQuestion } from '../../server/llm/rephrase';
import type { QuestionView } from '../../server/schemas/interview';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';

/**
 * The model may reword the planner's question, never change it: a rewording that asks the
 * opposite, asks something else, states a verdict or invents a requirement is replaced by the
 * planner's own words.
 */

const HENAN: QuestionView = { id: 'ent.registeredInHenan', text: '贵企业是否在河南省境内注册？', kind: 'yesNo', phase: 'hard' };
const MES: QuestionView = { id: 'cap.mes', text: '是否应用制造执行系统（MES）？', kind: 'yesNoPartial', phase: 'elements' };

describe('a reworded interview question', () => {
  let fake: FakeOpenAI;
  let llm: Llm;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    llm = createLlm(llmConnection(loadConfig({ LLM_BASE_URL: fake.url, LLM_MODEL: 'm', LLM_TIMEOUT_MS: '2000', LLM_MAX_RETRIES: '0' }))!);
  });
  afterAll(() => fake.close());

  const reworded = async (q: QuestionView, reply: string) => {
    fake.enqueue({ kind: 'text', text: reply });
    return rephraseQuestion(llm, q);
  };

  it.each([
    ['inverts the polarity', HENAN, '请问贵企业是不是在河南省外注册、不具备独立法人资格？'],
    ['asks the opposite with no negation word', HENAN, '请问贵企业是不是在河南省外注册？'],
    ['asks a different question', HENAN, '请问贵企业去年营业收入是否超过一亿元？'],
    ['states a verdict', HENAN, `根据您目前的情况，贵企业已符合智能工厂申报条件。${HENAN.text}`],
    ['invents a requirement', HENAN, `通知要求申报企业必须通过两化融合贯标认证，${HENAN.text}`],
    ['adds a negation', MES, '贵公司没有上MES吧？'],
    ['drops the system asked about', MES, '贵公司的生产管理做得怎么样？'],
  ])('that %s is replaced by the planner’s question', async (_name, q, reply) => {
    expect(await reworded(q, reply)).toBe(q.text);
  });

  it.each([
    [HENAN, '请问贵公司是在河南省境内注册的吗？'],
    [MES, '贵公司目前在用MES吗？'],
    [MES, '贵公司有没有上制造执行系统？'],
  ])('that keeps the question is used: %s', async (q, reply) => {
    expect(await reworded(q, reply)).toBe(reply);
  });
});
