import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { recordedIds, said, steer, turn, typed } from './steer';

/*
 * Through the socket and the store, as the browser walk-through typed them: words putting off a field or a part of
 * the form are never its value, and a reply naming other fields fills each while the asked one waits.
 */
const srv = serveForFile();

async function stored(s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}

describe('the form phase in the chat', () => {
  it('puts off the part of the form 「这一部分」 points at, says what and where to fill it in, and stores no words as a value', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.capitalNature');
    const r = await typed(s.client, 'd-1', '这一部分都先跳过 后面再填');
    expect(recordedIds(r.msgs)).toEqual(expect.arrayContaining(['form.capitalNature', 'form.employees', 'form.contact.name', 'form.leader.phone']));
    const answers = await stored(s);
    for (const id of ['form.capitalNature', 'form.employees', 'form.contact.name', 'form.leader.phone']) expect(answers[id], id).toBeNull();
    const reply = said(r.msgs).join('');
    expect(reply).toContain('资本性质——已跳过');
    expect(reply).toContain('我的回答');
    expect(r.next?.id).toMatch(/^form\.finance\./);
    await s.client.close();
  }, 120_000);

  it('puts off one field on 「这个以后再说」 typed into its card, and a part of the form on 「这块先不填」', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.capitalNature');
    const one = await turn(s.client, { type: 'answer', clientId: 'd-2', questionId: 'form.capitalNature', value: '这个以后再说' });
    expect(recordedIds(one)).toEqual(['form.capitalNature']);
    expect((await stored(s))['form.capitalNature']).toBeNull();
    const part = await turn(s.client, { type: 'answer', clientId: 'd-3', questionId: 'form.employees', value: '这块先不填' });
    expect(recordedIds(part)).toEqual(expect.arrayContaining(['form.employees', 'form.contact.name']));
    expect((await stored(s))['form.contact.name']).toBeNull();
    await s.client.close();
  }, 120_000);

  it('fills each field a reply names while the credit code waits, and asks for the code again', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.creditCode');
    const a = await typed(s.client, 'n-1', '联系人是王建国 手机13838011234');
    expect(recordedIds(a.msgs).sort()).toEqual(['form.contact.mobile', 'form.contact.name']);
    expect(a.next?.id).toBe('form.creditCode');
    const b = await typed(s.client, 'n-2', '员工三百二十人 其中研发人员四十五个');
    expect(recordedIds(b.msgs).sort()).toEqual(['form.employees', 'form.rnd.staff']);
    expect(b.next?.id).toBe('form.creditCode');
    const answers = await stored(s);
    expect([answers['form.contact.name'], answers['form.contact.mobile'], answers['form.employees'], answers['form.rnd.staff']]).toEqual(['王建国', '13838011234', 320, 45]);
    expect(answers['form.creditCode']).toBeUndefined();
    await s.client.close();
  }, 120_000);
});
