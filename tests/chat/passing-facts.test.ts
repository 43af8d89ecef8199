import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../server/schemas/interview';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { recordedIds, said, steer, turn, typed, lastQuestion } from './steer';

/*
 * A form reply that also states other fields over the socket: those still unanswered are recorded
 * and not asked again, one already answered is left as it was, and the user hears which is which.
 * The scripted enterprise skips the form's text questions and answers its counts with 0.
 */

const srv = serveForFile();

async function session(s: { sessionId: string; token: string }) {
  const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return (await r.json()) as { answers: Record<string, unknown>; recorded: Recorded[] };
}

describe('facts said in passing in the form phase', () => {
  it('records the contact\'s other fields, skips them later, leaves an answered one and lists them with their labels', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.contact.name');
    expect((await session(s)).answers['form.employees']).toBe(0);
    const { msgs, next } = await typed(s.client, 'p-1', '联系人王磊，财务部经理，电话13837112345，邮箱wl@abc.com，员工420人');
    // The phone given is a mobile number: it is the contact's mobile too, which is then not asked for.
    expect(recordedIds(msgs).sort()).toEqual(['form.contact.email', 'form.contact.mobile', 'form.contact.name', 'form.contact.phone', 'form.contact.title']);
    const reply = said(msgs).join('');
    // Each recorded field is listed once with its value; the extras are then named only to say they will not be asked.
    expect(reply).toContain('联系人电话——13837112345；联系人手机——13837112345；');
    expect(reply).toContain('其中“联系人职务”、“联系人电话”、“联系人手机”、“联系人E-mail”是顺带提到的，后面不再单独问。');
    expect(reply.match(/联系人职务/g)).toHaveLength(2);
    // 员工 was answered before: not changed, and the user is told how to change it.
    expect(reply).toContain('“企业现有员工”之前已填为“0人”，这次没有改动');
    expect(reply).toContain('我的回答');
    // Every field of the contact the form had no answer for is given but the fax: that is asked next.
    expect(next?.id).toBe('form.contact.fax');

    const body = await session(s);
    expect(body.answers['form.contact.name']).toBe('王磊');
    expect(body.answers['form.employees']).toBe(0);
    const label = (id: string) => body.recorded.find((r) => r.questionId === id);
    expect(label('form.contact.title')).toMatchObject({ label: '联系人职务', display: '财务部经理' });
    expect(label('form.contact.phone')).toMatchObject({ label: '联系人电话', display: '13837112345' });
    expect(label('form.contact.email')).toMatchObject({ label: '联系人E-mail', display: 'wl@abc.com' });
    await s.client.close();
  });

  it('does not record an extra that fails its check and says so; a reply with nothing in passing reads as before', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.contact.name');
    const first = await typed(s.client, 'q-1', '王磊，邮箱wl#abc');
    expect(recordedIds(first.msgs)).toEqual(['form.contact.name']);
    expect(said(first.msgs).join('')).toContain('“联系人E-mail”不是有效的电子邮箱地址，这一项没有记录');
    expect(first.next?.id).toBe('form.contact.title');
    // Nothing in passing: the reply is recorded and confirmed exactly as before.
    const plain = await typed(s.client, 'q-2', '财务部经理');
    expect(recordedIds(plain.msgs)).toEqual(['form.contact.title']);
    expect(said(plain.msgs)).toEqual(['已记录：联系人职务——财务部经理。']);
    // Typed into the waiting field, a reply with a fact in passing is read the same way, not stored whole.
    const field = await turn(s.client, { type: 'answer', clientId: 'q-3', questionId: 'form.contact.phone', value: '0371-66667777，手机13900000000' });
    expect(recordedIds(field).sort()).toEqual(['form.contact.mobile', 'form.contact.phone']);
    // The fax comes first in the form's order; the refused e-mail is left unanswered, to be asked in its turn.
    expect(lastQuestion(field)?.question?.id).toBe('form.contact.fax');
    const body = await session(s);
    expect(body.answers['form.contact.phone']).toBe('0371-66667777');
    expect(body.answers).not.toHaveProperty('form.contact.email');
    await s.client.close();
  });

  it('records no yearly figure without its year and no bare figure without its field\'s name', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.products');
    const before = (await session(s)).answers;
    const { msgs } = await typed(s.client, 'r-1', '制动盘60%，轮毂30%，全年营收3.2亿，420人');
    const reply = said(msgs).join('');
    expect(reply).toContain('“全年营收3.2亿”没有说明是哪一年的，没有记录');
    const body = await session(s);
    for (const id of ['form.employees', 'form.finance.2022.revenue', 'form.finance.2021.revenue']) expect(body.answers[id]).toBe(before[id]);
    expect(String(body.answers['form.products'])).not.toContain('营收');
    await s.client.close();
  });
});

describe('a correction naming no field in the form phase, over the socket', () => {
  it('「第三个改成…」 typed at the next question renames the third product and keeps its share; the waiting question still waits', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'form.products');
    await typed(s.client, 'e-1', '商用冷柜 百分之六十 冷藏展示柜 百分之二十五 冷凝机组 百分之十五');
    const waiting = (await session(s)).answers;
    expect(waiting['form.products']).toBeDefined();
    const { msgs, next } = await typed(s.client, 'e-2', '第三个改成冷藏柜');
    expect(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : []))).toEqual([['form.products', '商用冷柜 百分之六十 冷藏展示柜 百分之二十五 冷藏柜 百分之十五']]);
    expect(said(msgs).join('')).toContain('冷藏柜');
    expect(next?.id).not.toBe('form.products');
    await s.client.close();
  });
});
