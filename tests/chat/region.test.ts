import { describe, expect, it } from 'vitest';
import type { Recorded } from '../../server/schemas/interview';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { lastQuestion, steer, turn } from './steer';

/*
 * 四(三): the 省辖市 (or 济源示范区, 航空港区, or a county) reviews and recommends an applicant, and its
 * quota applies. The interview asks where the enterprise is, once, and the assessment says who
 * recommends it and against which quota.
 */

const srv = serveForFile();

const asked = (msgs: ServerMessage[]) => msgs.flatMap((m) => (m.type === 'question' && m.question ? [m.question.id] : []));

describe('the enterprise’s 省辖市', () => {
  it('is asked once, read from words, and shown in the assessment and the session', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.city');
    expect(s.question?.id).toBe('ent.city');
    expect(s.question?.clause).toBe('四(三)');
    // A place as people say it: the alias names the 航空港区, not 郑州市.
    const typed = await turn(s.client, { type: 'text', clientId: 'c-1', text: '我们在郑州航空港区' });
    const recorded = typed.flatMap((m) => (m.type === 'recorded' ? m.items : []));
    expect(recorded.find((r) => r.questionId === 'ent.city')?.value).toBe('航空港区');
    const assessment = [...typed].reverse().find((m): m is Extract<ServerMessage, { type: 'assessment' }> => m.type === 'assessment')!.assessment;
    const note = assessment.notes.find((n) => n.clause === '四(三)');
    expect(note?.text).toContain('航空港区');
    expect(note?.text).toContain('不多于10家');
    expect(lastQuestion(typed)?.question?.id).not.toBe('ent.city');

    // Walk on to the verdict: the question never comes back.
    let q = lastQuestion(typed)!.question;
    for (let i = 0; q && q.phase !== 'form' && i < 200; i++) {
      const value = q.id in workshop.facts ? workshop.facts[q.id]! : q.kind === 'yesNoPartial' ? true : q.kind === 'yesNo' ? false : q.kind === 'number' ? 80 : null;
      q = lastQuestion(await turn(s.client, { type: 'answer', clientId: `w-${i}`, questionId: q.id, value }))!.question;
    }
    expect(asked(s.client.received).filter((id) => id === 'ent.city')).toHaveLength(1);

    // The session read back with its token lists it.
    const r = await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
    const body = (await r.json()) as { recorded: Recorded[]; assessment: { notes: { clause: string; text: string }[] } };
    expect(body.recorded.find((x) => x.questionId === 'ent.city')?.display).toBe('航空港区');
    expect(body.assessment.notes.some((n) => n.text.includes('航空港区'))).toBe(true);
    await s.client.close();
  });

  it('refuses a place outside Henan’s list and keeps asking', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.city');
    s.client.send({ type: 'answer', clientId: 'x-1', questionId: 'ent.city', value: '江苏省苏州市' });
    const reply = await s.client.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === 'x-1');
    expect(reply.type).toBe('error');
    expect((reply as { message: string }).message).toContain('省辖市');
    // A county names its 省辖市.
    const ok = await turn(s.client, { type: 'answer', clientId: 'x-2', questionId: 'ent.city', value: '巩义' });
    expect(ok.flatMap((m) => (m.type === 'recorded' ? m.items : [])).find((i) => i.questionId === 'ent.city')?.value).toBe('郑州市');
    await s.client.close();
  });
});
