import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { discreteFactory, workshop, type ScriptedEnterprise } from './enterprises';
import { steer, typed } from './steer';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * At the integration questions, a join said made only between some systems (只有…打通, 只打通了…) is the integration
 * partly built, and a system said not yet joined (「…集成了，SCADA还没有」「SCADA还没接进去」) is no denial that it is
 * there: the system keeps the answer its own question had. Typed over the socket as the app runs.
 */
const srv = serveForFile();

// The workshop is asked the SCADA–MES–ERP integration of 三(一)5, a factory the integration of all systems of 三(二)5.
const applicant = (id: string, scada: AnswerValue = true): ScriptedEnterprise => {
  const e = id === 'cap.scadaMesErpIntegration' ? workshop : discreteFactory;
  return { name: e.name, facts: { ...e.facts, 'cap.scada': scada } };
};

async function reply(e: ScriptedEnterprise, id: string, text: string) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  expect(s.question?.id, 'the integration question waits').toBe(id);
  await typed(s.client, 't', text);
  const body = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, AnswerValue> };
  await s.client.close();
  return body.answers;
}


describe('a join made only between some systems', () => {
  // Phrasings of our own, apart from the vocabulary's examples.
  for (const [id, text] of [
    ['cap.scadaMesErpIntegration', '现在只有ERP和MES是通的'],
    ['cap.scadaMesErpIntegration', '只对接了MES和ERP'],
    ['cap.systemIntegration', '目前仅ERP和财务软件对接了'],
    ['cap.systemIntegration', '就ERP跟WMS连起来了'],
  ] as const) {
    it(`「${text}」 at ${id} is the integration partly built`, async () => {
      const answers = await reply(applicant(id), id, text);
      expect(answers[id], 'only some systems are joined').toBe('partial');
    }, 120_000);
  }
});

describe('a system said not yet joined', () => {
  for (const [id, text] of [
    ['cap.scadaMesErpIntegration', 'MES跟ERP打通了，采集系统还没有'],
    ['cap.scadaMesErpIntegration', 'ERP和MES已经对接，SCADA还没呢'],
    ['cap.systemIntegration', 'ERP和MES已经对接，SCADA还没呢'],
    ['cap.scadaMesErpIntegration', '数采平台还没接进去'],
    // A join left to make beside joins made, or of one system into another.
    ['cap.systemIntegration', 'MES跟ERP通了，设备数据采集还没接进去'],
    ['cap.systemIntegration', 'SCADA还没接到MES里'],
    ['cap.scadaMesErpIntegration', 'SCADA还没接到MES里'],
    ['cap.systemIntegration', 'ERP还没跟MES对接'],
  ] as const) {
    it(`「${text}」 at ${id} is the integration partly built, and the SCADA keeps its earlier 部分`, async () => {
      // SCADA answered 部分 earlier, so that a reply overwriting it with a yes or a no would show.
      const answers = await reply(applicant(id, 'partial'), id, text);
      expect(answers[id]).toBe('partial');
      expect(answers['cap.scada'], 'a join not yet made denies no system').toBe('partial');
    }, 120_000);
  }
});

describe('near misses keep their meaning', () => {
  it('「SCADA也没有上」 after a join denies the SCADA itself (its own verb), and the join said made stands', async () => {
    const answers = await reply(applicant('cap.scadaMesErpIntegration'), 'cap.scadaMesErpIntegration', 'MES和ERP打通了，SCADA也没有上');
    expect(answers['cap.scadaMesErpIntegration']).toBe(true);
  }, 120_000);

  for (const [text, value] of [
    ['MES、ERP、SCADA全部都打通了', true],
    ['MES和ERP早就打通了', true],
    ['MES上线以后就跟ERP打通了', true],
    ['三个系统都没打通', false],
  ] as const) {
    it(`「${text}」 stays ${String(value)}`, async () => {
      const answers = await reply(applicant('cap.scadaMesErpIntegration'), 'cap.scadaMesErpIntegration', text);
      expect(answers['cap.scadaMesErpIntegration']).toBe(value);
    }, 120_000);
  }
});

describe('near misses at the integration of all systems', () => {
  for (const [text, value] of [
    ['全部打通了', true],
    ['都没打通', false],
    ['各系统都是独立的', false],
  ] as const) {
    it(`「${text}」 at the integration of all systems stays ${String(value)}`, async () => {
      const answers = await reply(applicant('cap.systemIntegration'), 'cap.systemIntegration', text);
      expect(answers['cap.systemIntegration']).toBe(value);
    }, 120_000);
  }
});

describe('a long reply at the automated lines that names the systems and their join as 「俩系统」', () => {
  // The lines described in a clause of their own are the question's yes; the systems of the later clauses are said in
  // passing, and the join of the two named before 「俩系统」, with the collected data not yet joined, is partly built.
  for (const text of [
    '焙烧炉多功能天车是自动的，编组站也是自动的；先进控制跟在线优化都还没有；MES去年上的，ERP用的用友U8，俩系统通了，但是采集的数据还没接进MES',
    '上下料都是自动的；MES前年上的，ERP用的金蝶，这两个系统打通了，但是设备数据还没接进MES',
    '装配线都是自动的；MES跟ERP都用着，这俩系统连上了，不过SCADA还没接进来',
  ]) {
    it(`「${text.slice(0, 24)}…」 records the lines, MES, ERP and the integration partly built`, async () => {
      const answers = await reply(workshop, 'cap.automatedLines', text);
      expect(answers).toMatchObject({ 'cap.automatedLines': true, 'cap.mes': true, 'cap.erp': true, 'cap.scadaMesErpIntegration': 'partial' });
    }, 120_000);
  }

  it('near miss: a bare yes beside systems at the automated lines records the systems only, and the lines are asked again', async () => {
    const answers = await reply(workshop, 'cap.automatedLines', '有，用的是金蝶的MES和ERP');
    expect(answers['cap.automatedLines']).toBeUndefined();
    expect(answers).toMatchObject({ 'cap.mes': true, 'cap.erp': true });
  }, 120_000);
});
