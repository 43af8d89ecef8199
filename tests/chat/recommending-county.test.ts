import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';
import type { AnswerValue } from '../../server/schemas/interview';

/*
 * The county question asks which 县（市） department recommends (四(三): the 省辖市 and each 县（市） recommend, each with
 * its own quota). A 省辖市 named as the recommender leaves no county, wherever in it the enterprise is; a 县级市 such as
 * 长垣 is itself a 市, so 「市里推荐」 beside it may mean either, and which one is asked, naming both. Typed over the socket.
 */
const srv = serveForFile();

const inXinxiang: ScriptedEnterprise = { name: '新乡市的一家车间', facts: { ...workshop.facts, 'ent.city': '新乡市' } };

async function reply(text: string) {
  const s = await steer(srv.url, inXinxiang, (q) => q.id === 'ent.county');
  expect(s.question?.id).toBe('ent.county');
  const r = await typed(s.client, 't', text);
  const body = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { answers: Record<string, AnswerValue> };
  await s.client.close();
  return { ...r, answers: body.answers };
}

describe('who recommends, at the county question', () => {
  for (const text of ['市里推荐，我们在长垣', '市工信局报上去的，厂子在辉县', '我们长垣的，市级推荐']) {
    it(`「${text}」 is asked back, naming the 县级市 and its 省辖市, and stores nothing`, async () => {
      const r = await reply(text);
      expect(r.answers).not.toHaveProperty(['ent.county']);
      const county = text.includes('辉县') ? '辉县市' : '长垣市';
      expect(said(r.msgs).join('\n')).toContain(`还是新乡市`);
      expect(said(r.msgs).join('\n')).toContain(`由${county}推荐请填写“${county}”`);
      expect(r.next?.id).toBe('ent.county');
    }, 120_000);
  }

  for (const text of ['新乡市推荐，厂在长垣', '由新乡市里推荐的，我们在辉县']) {
    it(`「${text}」 is the 省辖市 recommending: no county`, async () => {
      const r = await reply(text);
      expect(r.answers['ent.county']).toBeNull();
    }, 120_000);
  }

  // Near misses: the 县（市） named as the recommender, or where the enterprise is with no recommender said, is the county.
  for (const [text, county] of [
    ['长垣市推荐', '长垣市'],
    ['县里推荐，我们在长垣', '长垣市'],
    ['我们在长垣', '长垣市'],
    ['新乡县推荐的', '新乡县'],
  ] as const) {
    it(`「${text}」 stores ${county}`, async () => {
      const r = await reply(text);
      expect(r.answers['ent.county']).toBe(county);
    }, 120_000);
  }

  it('「市里推荐」 alone is the 省辖市 recommending, as before', async () => {
    expect((await reply('市里推荐')).answers['ent.county']).toBeNull();
  }, 120_000);
});
