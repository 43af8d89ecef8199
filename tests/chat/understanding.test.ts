import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { answerFor, processFactory, workshop } from './enterprises';
import { lastQuestion, said, steer, turn } from './steer';

/* Ordinary free text, read by the one understanding step, answers the pending question. */

const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

describe('free text', () => {
  it('reads 「注册在江苏苏州，工厂在郑州航空港区」 as registered outside Henan', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.registeredInHenan');
    const sent = await turn(s.client, { type: 'text', clientId: 't-1', text: '我们公司注册在江苏苏州，工厂在郑州航空港区' });
    expect(recorded(sent)).toEqual({ 'ent.registeredInHenan': false });
    for (const t of said(sent)) expect(t).not.toContain('抱歉');
    expect(said(sent).join('')).toContain('二(一)');
    await s.client.close();
  });

  it('reads 「约85%」 for a percentage and 「三个系统已经打通集成了」 for the integration', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'metric.automationRatio' || q.id === 'cap.scadaMesErpIntegration');
    let q = s.question!;
    const seen = new Set<string>();
    for (let i = 0; q && seen.size < 2 && i < 200; i++) {
      let sent: ServerMessage[];
      if (q.id === 'metric.automationRatio') {
        sent = await turn(s.client, { type: 'text', clientId: `m-${i}`, text: '约85%' });
        expect(recorded(sent)).toEqual({ 'metric.automationRatio': 85 });
        seen.add(q.id);
      } else if (q.id === 'cap.scadaMesErpIntegration') {
        sent = await turn(s.client, { type: 'text', clientId: `m-${i}`, text: '三个系统已经打通集成了' });
        expect(recorded(sent)).toMatchObject({ 'cap.scadaMesErpIntegration': true });
        seen.add(q.id);
      } else {
        sent = await turn(s.client, { type: 'answer', clientId: `m-${i}`, questionId: q.id, value: q.kind === 'number' ? 80 : q.kind === 'yesNo' ? true : q.kind === 'yesNoPartial' ? true : null });
      }
      q = lastQuestion(sent)!.question!;
    }
    expect(seen.size).toBe(2);
    await s.client.close();
  });

  it('reads 「1.2亿」 in 万元, and names the unit when a figure cannot be read', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.registeredCapital');
    expect(s.question?.id).toBe('form.registeredCapital');
    const unreadable = await turn(s.client, { type: 'text', clientId: 'r-1', text: '挺多的' });
    expect(recorded(unreadable)).toEqual({});
    expect(said(unreadable).join('')).toContain('万元');
    const sent = await turn(s.client, { type: 'text', clientId: 'r-2', text: '1.2亿' });
    expect(recorded(sent)).toEqual({ 'form.registeredCapital': 12000 });
    expect(lastQuestion(sent)?.question?.id).toBe('form.capitalNature');
    await turn(s.client, { type: 'text', clientId: 'r-3', text: '民营' });
    // A round figure is recorded, and the user is told to make it exact before signing.
    const staff = await turn(s.client, { type: 'text', clientId: 'r-4', text: '两百来人' });
    expect(recorded(staff)).toEqual({ 'form.employees': 200 });
    expect(said(staff).join('')).toContain('约数');
    // The words typed are kept with the answer, so the draft asks for the exact figure instead of printing 200.
    const state = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, unknown> };
    expect(state.answers['approx.form.employees']).toBe('两百来人');
    await s.client.close();
  });
});

describe('a skip by name beside another system, a figure of another metric, a bare decimal', () => {
  it('keeps 「ERP有，MES不清楚」 as ERP in place and MES skipped, and moves on from the MES question', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'cap.mes');
    const sent = await turn(s.client, { type: 'text', clientId: 'e-1', text: 'ERP有，MES不清楚' });
    // Before: only the ERP was recorded and the MES question came back as it was.
    expect(recorded(sent)).toEqual({ 'cap.erp': true, 'cap.mes': null });
    expect(lastQuestion(sent)?.question?.id).not.toBe('cap.mes');
    expect(lastQuestion(sent)?.question?.id).not.toBe('cap.erp');
    await s.client.close();
  });

  it('records 「联网的大概一半多点」 as the networked ratio, read back as round, and asks the automation ratio again', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'metric.automationRatio');
    const sent = await turn(s.client, { type: 'text', clientId: 'n-1', text: '联网的大概一半多点' });
    expect(recorded(sent)).toEqual({ 'metric.networkedRatio': 50 });
    // The figure is shown as the round one it is, on the side of 50% said (一半多点 is above it), with the words typed,
    // not as an exact 50%.
    expect(said(sent).join('')).toContain('50%以上');
    expect(said(sent).join('')).toContain('一半多点');
    expect(lastQuestion(sent)?.question?.id).toBe('metric.automationRatio');
    // 0.85 may be 0.85% or 85%: asked back, nothing recorded.
    const bare = await turn(s.client, { type: 'text', clientId: 'n-2', text: '0.85' });
    expect(recorded(bare)).toEqual({});
    expect(said(bare).join('')).toContain('85%');
    expect(lastQuestion(bare)?.question?.id).toBe('metric.automationRatio');
    await s.client.close();
  });
});

/*
 * Replies that describe what is asked (how a line changes over, systems that are islands, a control room,
 * monitoring on some machines, a standing among the province's peers) are recorded at once and read back.
 */
const DESCRIBED: { name: string; e: typeof workshop; typed: Record<string, { text: string; value: unknown }> }[] = [
  {
    name: 'a workshop',
    e: workshop,
    typed: {
      'cap.flexibleCell': { text: '换型就是改个程序不用停线', value: true },
      'cap.scadaMesErpIntegration': { text: '各系统都是孤岛没打通', value: false },
      'self.automationAdvanced': { text: '在省里同行算靠前的', value: true },
    },
  },
  {
    name: 'a process plant',
    e: processFactory,
    typed: {
      'cap.dcs': { text: '中控的', value: true },
      'cap.predictiveMaintenance': { text: '振动监测只在风机上装了', value: 'partial' },
    },
  },
];

describe('replies that describe what is asked', () => {
  for (const { name, e, typed } of DESCRIBED) {
    it(`${name}: each is recorded on the first try with its value, and the reply says what was recorded`, async () => {
      const s = await steer(srv.url, e, (q) => q.id in typed);
      let q = s.question;
      const seen = new Set<string>();
      for (let i = 0; q && i < 200; i++) {
        const t = typed[q.id];
        const sent = t
          ? await turn(s.client, { type: 'text', clientId: `d-${i}`, text: t.text })
          : await turn(s.client, { type: 'answer', clientId: `d-${i}`, questionId: q.id, value: answerFor(e, q) });
        if (t) {
          expect(recorded(sent)[q.id], t.text).toEqual(t.value);
          // Read back with the question's own label and the value as shown, so the user sees what was understood.
          const item = sent.flatMap((m) => (m.type === 'recorded' ? m.items : [])).find((x) => x.questionId === q!.id)!;
          expect(said(sent).join(''), t.text).toContain(`${item.label}——${item.display}`);
          seen.add(q.id);
        }
        q = lastQuestion(sent)?.question ?? null;
        if (q?.id.startsWith('form.')) break;
      }
      expect([...seen].sort()).toEqual(Object.keys(typed).sort());
      await s.client.close();
    }, 120_000);
  }
});
