import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../chat/client';
import { answerFor, workshop } from '../chat/enterprises';
import { serve, type Served } from '../chat/serve';
import { startFakeOpenAI, type FakeOpenAI, type Reply } from '../fakes/openai-server';
import type { QuestionView } from '../../server/schemas/interview';
import { supportedAnswers } from '../../server/llm/facts';
import { capabilityLabels } from '../../server/llm/sources';
import { createKnowledgeBase } from '../../server/knowledge/base';
import { loadKnowledgeData } from '../../server/knowledge/load';

/**
 * A fact the model reads from a reply is stored only when the user's own words say it. The model's
 * tool call here claims systems, figures and a scope the reply never mentions.
 */

const INVENTED = JSON.stringify({
  capabilities: [
    { id: 'mes', status: 'yes' },
    { id: 'erp', status: 'yes' },
    { id: 'industrialNetwork', status: 'yes' },
    { id: 'wms', status: 'yes' },
  ],
  enterprise: { dishonestExecutee: false, registeredInHenan: true, priorTitles: [] },
  metrics: { automationRatio: 95, networkedRatio: 99 },
  scope: 'factory',
});

describe('facts the user did not say', () => {
  const kb = createKnowledgeBase(loadKnowledgeData('knowledge', 'henan-2023'));
  const caps = capabilityLabels(kb);

  it('are dropped one by one; what the words say is kept', () => {
    const items = [
      { questionId: 'cap.mes', value: true },
      { questionId: 'cap.wms', value: true },
      { questionId: 'metric.automationRatio', value: 85 },
      { questionId: 'metric.networkedRatio', value: 99 },
      { questionId: 'cat.scope', value: 'factory' },
      { questionId: 'ent.registeredInHenan', value: true },
    ];
    const kept = supportedAnswers(items, { text: '车间上了MES，自动化设备占比大概百分之八十五，这次想报智能工厂', pendingId: 'cap.mes', capabilities: caps });
    expect(kept).toEqual([items[0], items[2], items[4]]);
  });

  it('a capability the rules read otherwise is not taken from the model', () => {
    const kept = supportedAnswers([{ questionId: 'cap.mes', value: true }], {
      text: '我们MES还在选型',
      capabilities: caps,
      offline: [{ questionId: 'cap.mes', value: false }],
    });
    expect(kept).toEqual([]);
  });

  it('a no for the question pending needs the reply to say no', () => {
    const no = [{ questionId: 'cap.industrialNetwork', value: false }];
    expect(supportedAnswers(no, { text: '这个我们车间暂时还没搞起来', pendingId: 'cap.industrialNetwork', capabilities: caps })).toEqual(no);
    expect(supportedAnswers(no, { text: '这个得问问信息部的同事', pendingId: 'cap.industrialNetwork', capabilities: caps })).toEqual([]);
  });
});

describe('through the chat socket, against the fake provider', () => {
  let fake: FakeOpenAI;
  let srv: Served;
  let extract: Reply | null = null;

  beforeAll(async () => {
    fake = await startFakeOpenAI({
      fallback: (req) => {
        const sys = req.body.messages[0]?.content ?? '';
        if (sys.includes('信息提取器')) {
          const r = extract ?? { kind: 'tool', name: 'record_facts', args: '{}' };
          extract = null;
          return r;
        }
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

  it('stores nothing and shows nothing as recorded for 「具体情况不太清楚」', async () => {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    const s = await c.next('session');
    let q: QuestionView | null = (await c.next('question')).question;
    for (let n = 0; q && !q.id.startsWith('cap.'); n++) {
      const clientId = `a${n}`;
      c.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(workshop, q) });
      await c.until((m) => m.type === 'ack' && m.clientId === clientId);
      q = (await c.next('question')).question;
    }
    const answers = async () =>
      ((await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, unknown> }).answers;
    const before = await answers();
    extract = { kind: 'tool', name: 'record_facts', args: INVENTED };
    const mark = c.mark;
    c.send({ type: 'text', clientId: 'x1', text: '我们车间主要靠老师傅经验，具体情况不太清楚' });
    await c.until((m) => m.type === 'ack' && m.clientId === 'x1');
    await c.next('message.end');
    const after = await answers();
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(before[k]) !== JSON.stringify(v)));
    // The rules may read 「不太清楚」 as a don't-know for the question pending; nothing the model claimed is stored.
    expect(changed).toEqual(Object.keys(changed).length ? { [q!.id]: null } : {});
    const frames = c.since(mark);
    // What the user sees: the recorded items and the message text (not the frames' random ids).
    const shown = JSON.stringify(frames.map((m) => (m.type === 'recorded' ? m.items : m.type === 'message.end' ? m.text : null)));
    for (const id of ['cap.mes', 'cap.erp', 'cap.wms', 'metric.automationRatio', 'metric.networkedRatio', 'cat.scope', 'ent.registeredInHenan', 'ent.priorTitles']) expect(shown).not.toContain(id);
    expect(shown).not.toMatch(/制造执行系统|企业资源计划|仓储管理|智能工厂|(?<!\d)9[59](?!\d)/u);
    await c.close();
  });
});
