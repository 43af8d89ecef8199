import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type Served } from '../chat/serve';
import { workshop } from '../chat/enterprises';
import { recordedIds, steer, typed } from '../chat/steer';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server';
import { ExtractedFacts, factsToAnswers, supportedAnswers } from '../../server/llm/facts';
import { capabilityLabels } from '../../server/llm/sources';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';
import { extractMessages } from '../../server/llm/prompts';

/*
 * With a model configured, a system under construction read by the model is 在建 ('building'), as the offline reading
 * records it: never stored as 否 or 是. The model may report it only where the reply says the system is under way.
 */
const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
const caps = capabilityLabels(kb);

describe('the extraction schema', () => {
  it('takes building as a capability status and turns it into the engine\'s 在建', () => {
    const facts = ExtractedFacts.parse({ capabilities: [{ id: 'mes', status: 'building' }, { id: 'erp', status: 'yes' }, { id: 'wms', status: 'no' }] });
    expect(factsToAnswers(facts)).toEqual([
      { questionId: 'cap.mes', value: 'building' },
      { questionId: 'cap.erp', value: true },
      { questionId: 'cap.wms', value: false },
    ]);
  });

  it('still refuses a status it does not know', () => {
    expect(ExtractedFacts.safeParse({ capabilities: [{ id: 'mes', status: 'planned' }] }).success).toBe(false);
  });

  it('tells the model what 在建 is', () => {
    const system = extractMessages({ tool: 'record_facts', text: 'x', pending: null, capabilities: caps })[0]!.content;
    expect(system).toContain('记为 building');
    expect(system).toContain('在调试');
  });
});

describe('a 在建 the model reads', () => {
  const building = [{ questionId: 'cap.mes', value: 'building' as const }];
  it.each(['这个系统乙方还在现场搞', 'MES明年上半年才能用上', '生产执行系统签了合同，下个月进场'])('is kept where the reply says the system is under way: 「%s」', (text) => {
    expect(supportedAnswers(building, { text, pendingId: 'cap.mes', capabilities: caps })).toEqual(building);
  });
  it.each(['这个系统一直用着', 'MES用了三年了', '这个得问问信息部'])('is dropped where the reply says nothing of it being built: 「%s」', (text) => {
    expect(supportedAnswers(building, { text, pendingId: 'cap.mes', capabilities: caps })).toEqual([]);
  });
  it('is dropped for a system the reply does not name and that is not asked', () => {
    expect(supportedAnswers(building, { text: '仓储系统还在调试', pendingId: 'cap.erp', capabilities: caps })).toEqual([]);
  });
});

describe('through the chat, against the fake provider', () => {
  let fake: FakeOpenAI;
  let srv: Served;
  let args = '{}';

  beforeAll(async () => {
    fake = await startFakeOpenAI({
      fallback: (req) => {
        const sys = req.body.messages[0]?.content ?? '';
        if (sys.includes('信息提取器')) return { kind: 'tool', name: 'record_facts', args };
        if (sys.includes('访谈主持人')) return { kind: 'status', status: 500 };
        return { kind: 'text', text: '（无补充）' };
      },
    });
    srv = await serve({ LLM_BASE_URL: fake.url, LLM_MODEL: 'fake', LLM_TIMEOUT_MS: '1500', LLM_MAX_RETRIES: '0' });
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
    await fake?.close();
  });

  it('stores a system the model reads as being built as 在建, and reads it back so', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'cap.mes');
    // Words the offline reading leaves open: only the model says what they mean.
    args = JSON.stringify({ capabilities: [{ id: 'mes', status: 'building' }] });
    const r = await typed(s.client, 'b-1', '这个系统乙方还在现场搞');
    expect(recordedIds(r.msgs)).toEqual(['cap.mes']);
    const rec = r.msgs.flatMap((m) => (m.type === 'recorded' ? m.items : []));
    expect(rec[0]).toMatchObject({ value: 'building', display: '在建' });
    const body = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, unknown> };
    expect(body.answers['cap.mes']).toBe('building');
    await s.client.close();
  }, 180_000);

  it('does not store a 在建 the reply does not say', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'cap.mes');
    args = JSON.stringify({ capabilities: [{ id: 'mes', status: 'building' }] });
    const r = await typed(s.client, 'b-2', '这个得问问信息部的同事');
    expect(recordedIds(r.msgs)).not.toContain('cap.mes');
    await s.client.close();
  }, 180_000);
});
