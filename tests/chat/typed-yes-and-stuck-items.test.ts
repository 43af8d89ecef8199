import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { processFactory } from './enterprises';
import { said, steer, typed } from './steer';

/*
 * A yes typed with another 的 (是得) answers a basic condition over the socket, and an item whose replies are not
 * understood is never asked back in the same words twice in a row: from the second time on the ask-back quotes what
 * was said, names the card's buttons and its skip and counts the tries, and the question itself is left to the card.
 */

const srv = serveForFile();
const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

describe('a typed variant of 是的 at the registration question', () => {
  for (const text of ['是得', '是地', '是哒', '对滴']) {
    it(`records 「${text}」 as 是 and moves on`, async () => {
      const s = await steer(srv.url, processFactory, (q) => q.id === 'ent.registeredInHenan');
      const { msgs, next } = await typed(s.client, 'typed-yes', text);
      expect(recorded(msgs)).toEqual({ 'ent.registeredInHenan': true });
      expect(next?.id).not.toBe('ent.registeredInHenan');
      await s.client.close();
    });
  }
});

describe('an item stuck on replies it cannot read', () => {
  it('never says the same ask-back twice in a row, and after the first leaves the question to the card', async () => {
    const s = await steer(srv.url, processFactory, (q) => q.id === 'ent.registeredInHenan');
    const replies: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { msgs, next } = await typed(s.client, `stuck-${i}`, i % 2 ? '啊这' : '呃那个');
      expect(recorded(msgs)).toEqual({});
      expect(next?.id).toBe('ent.registeredInHenan');
      replies.push(said(msgs).join('\n'));
    }
    expect(replies[0]).toContain('请直接回答：贵企业是否在河南省境内注册？');
    for (const [i, r] of replies.entries()) {
      if (i === 0) continue;
      expect(r).not.toContain('贵企业是否在河南省境内注册');
      expect(r).toContain(`连续${i + 1}次`);
      expect(r).toContain('按钮');
      expect(r).toContain('“跳过”');
      expect(r).not.toBe(replies[i - 1]);
    }
    expect(replies[1]).toContain('「啊这」');
    expect(replies[1]).toContain('可以回答“是”或“否”');
    await s.client.close();
  });

  it('counts afresh once the item is answered: the next item\'s first ask-back is a plain one', async () => {
    const s = await steer(srv.url, processFactory, (q) => q.id === 'ent.registeredInHenan');
    await typed(s.client, 'a', '啊这');
    await typed(s.client, 'b', '啊这');
    const { next } = await typed(s.client, 'c', '是得');
    expect(next?.id).toBe('ent.independentLegalPerson');
    const { msgs } = await typed(s.client, 'd', '啊这');
    const reply = said(msgs).join('\n');
    expect(reply).toContain('请直接回答：申报主体是否具有独立法人资格');
    expect(reply).not.toContain('连续');
    await s.client.close();
  });
});
