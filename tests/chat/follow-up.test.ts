import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { ChatClient } from './client';
import { serveForFile } from './serve';

/*
 * In the chat people ask a follow-up as its own message: 「郑州能推荐几家？」 and then 「县级市呢？」.
 * Alone it names no question; read with the previous one it asks the same about 县级市, as the
 * second part of one message would. The answer says how it was read.
 */
const srv = serveForFile();

async function ask(c: ChatClient, clientId: string, text: string): Promise<string> {
  c.send({ type: 'text', clientId, text, mode: 'qa' });
  await c.until((m) => m.type === 'ack' && m.clientId === clientId);
  return ((await c.next('message.end')) as Extract<ServerMessage, { type: 'message.end' }>).text;
}

describe('a follow-up question in the chat', () => {
  it('is read with the previous question, and says so', async () => {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', mode: 'qa' });
    await c.next('session');
    await c.next('message.end');
    expect(await ask(c, 'f1', '郑州能推荐几家？')).toContain('不多于20家');
    const county = await ask(c, 'f2', '县级市呢？');
    expect(county.startsWith('（接着上一个问题，按“县级市能推荐几家？”理解。）\n')).toBe(true);
    expect(county).toContain('各县（市）不多于5家');
    // A chain of follow-ups leans on the question as it was read, not on 「县级市呢」.
    expect(await ask(c, 'f3', '智能车间要有MES吗')).toContain('制造执行系统');
    const factory = await ask(c, 'f4', '智能工厂呢？');
    expect(factory.startsWith('（接着上一个问题，按“智能工厂要有MES吗？”理解。）\n')).toBe(true);
    expect(factory).toContain('三(二)3');
    // A message that is a question of its own is answered as typed.
    const own = await ask(c, 'f5', '照片呢');
    expect(own).not.toContain('接着上一个问题');
    expect(own).toContain('不少于10张');
    await c.close();
  });

  it('is not read with a question asked on an earlier connection', async () => {
    const c = await ChatClient.connect(srv.url);
    c.send({ type: 'open', mode: 'qa' });
    await c.next('session');
    await c.next('message.end');
    const alone = await ask(c, 'g1', '县级市呢？');
    expect(alone).not.toContain('接着上一个问题');
    await c.close();
  });
});
