import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { ChatClient } from './client';
import { as, staffAs } from '../staff/helpers';
import { said, typed } from './steer';

/*
 * 「你好」 typed while an interview question waits is greeted and the question asked again: nothing is recorded, and it
 * is no misread reply in the staff log or its review queue. A reply the rules cannot read still is.
 */
const srv = serveForFile();

describe('a greeting in the interview', () => {
  it('is greeted, the question asked again, and nothing logged', async () => {
    const staff = await staffAs(srv, 'greetlog', 'helpline');
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open' });
    await c.next('session');
    const first = await c.next('question');
    for (const [i, text] of ['你好', '您好啊', '在吗？'].entries()) {
      const r = await typed(c, `g${i}`, text);
      expect(r.next?.id, text).toBe(first.question?.id);
      const words = said(r.msgs).join('');
      expect(words, text).toContain('您好');
      expect(words, text).not.toContain('没能');
      expect(r.msgs.some((m) => m.type === 'recorded'), text).toBe(false);
    }
    // A near miss: words the rules cannot read at all are still logged for review.
    const miss = await typed(c, 'x', '紫色的大象跳舞');
    expect(said(miss.msgs).join(''), 'the near miss is asked back').toContain('没能');
    await c.close();
    const logged = async () => ((await srv.app.inject({ method: 'GET', url: '/api/staff/questions?limit=100', headers: as(staff) })).json().items as { question: string }[]).map((i) => i.question);
    // The log is written in batches: once the later near miss is in, the greetings before it would be too.
    await expect.poll(logged).toContain('紫色的大象跳舞');
    for (const text of ['你好', '您好啊', '在吗？']) expect(await logged(), text).not.toContain(text);
  }, 120_000);
});
