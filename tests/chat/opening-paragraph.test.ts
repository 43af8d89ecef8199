import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { ChatClient } from './client';
import { said, typed } from './steer';

/* A long opening paragraph is read for every fact it states, and the chat reads each back. */

const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

const OPENING =
  '您好，我是新乡市某精细化工有限公司的信息中心主任。我们公司2006年在新乡市平原示范区注册成立，是独立法人，不属于任何集团，主营是农药中间体和精细化学品的生产，连续化的反应、精馏和结晶工艺，去年营业收入大约8亿元，经营一直正常盈利。我们没有被列入失信被执行人、税收违法黑名单或严重违法失信名单，以前也没有获得过省级智能车间或者智能工厂称号，今年也只打算报这一个。';

describe('an opening paragraph', () => {
  it('records every basic fact it states and asks none of them again', async () => {
    const client = await ChatClient.connect(srv.url);
    client.send({ type: 'open' });
    await client.next('session');
    await client.next('question');
    const { msgs, next } = await typed(client, 'opening', OPENING);
    expect(recorded(msgs)).toMatchObject({
      'ent.registeredInHenan': true,
      'ent.independentLegalPerson': true,
      'ent.groupOrHeadOffice': false,
      'ent.manufacturingMainBusiness': true,
      'ent.operatingWell': true,
      'ent.priorTitles': 'none',
      'ent.appliedThisYear': false,
      'ent.city': '新乡市',
      'ent.foundedYear': '2006',
    });
    const reply = said(msgs).join('\n');
    for (const label of ['所在省辖市——新乡市', '成立年份——2006']) expect(reply).toContain(label);
    expect(['ent.groupOrHeadOffice', 'ent.manufacturingMainBusiness', 'ent.operatingWell', 'ent.priorTitles', 'ent.appliedThisYear', 'ent.city', 'ent.foundedYear']).not.toContain(next?.id);
    await client.close();
  });
});
