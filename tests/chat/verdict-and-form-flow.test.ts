import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';

const srv = serveForFile();

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));

/** Steers the enterprise to the item `id`, then types each reply in turn: what each recorded, said and asked next. */
async function at(e: ScriptedEnterprise, id: string | null, texts: string[]) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  if (id) expect(s.question?.id).toBe(id);
  const out: { got: Record<string, unknown>; next: string | null; said: string }[] = [];
  for (const [i, text] of texts.entries()) {
    const turn = await typed(s.client, `t${i}`, text);
    out.push({ got: recorded(turn.msgs), next: turn.next?.id ?? null, said: said(turn.msgs).join('\n') });
  }
  await s.client.close();
  return out;
}

describe('a go-ahead where the form’s gate asks whether to go on', () => {
  it('takes 「继续」 as 继续填写申报书 and asks the company name, which it then takes', async () => {
    const [go, name] = await at(workshop, 'form.proceed', ['继续', '河南测试食品有限公司']);
    expect(go!.got).toEqual({ 'form.proceed': 'now' });
    expect(go!.said).not.toBe('');
    expect(go!.next).toBe('form.name');
    expect(name!.got).toEqual({ 'form.name': '河南测试食品有限公司' });
  });

  it('takes 「好」 and 「开始吧」 alike', async () => {
    for (const text of ['好', '开始吧']) {
      const [r] = await at(workshop, 'form.proceed', [text]);
      expect(r!.got, text).toEqual({ 'form.proceed': 'now' });
      expect(r!.next, text).toBe('form.name');
    }
  });

  it('does not start the form on 「以后再填」 or 「先不填了」', async () => {
    for (const text of ['以后再填', '先不填了']) {
      const [r] = await at(workshop, 'form.proceed', [text]);
      expect(r!.got['form.proceed'], text).not.toBe('now');
      expect(r!.next, text).not.toBe('form.name');
    }
  });

  it('answers 「继续」 where an interview item waits, and asks the item again', async () => {
    const [r] = await at(workshop, 'ent.independentLegalPerson', ['继续']);
    expect(r!.got).toEqual({});
    expect(r!.said).toContain('好的，接着来');
    expect(r!.next).toBe('ent.independentLegalPerson');
  });
});

describe('form answers typed once the form was put off', () => {
  it('says how to take the form up again, to 「08年3月」 and to an address, and 「继续」 takes it up', async () => {
    const [skip, date, address, back] = await at(workshop, 'form.proceed', ['跳过', '08年3月', '郑州市金水区农业路1号', '继续']);
    expect(skip!.next).toBeNull();
    for (const r of [date!, address!]) {
      expect(r.got).toEqual({});
      expect(r.said).toContain('继续填写申报书');
      expect(r.said).toContain('表单');
      expect(r.said).not.toContain('没能理解');
    }
    expect(back!.got).toEqual({ 'form.proceed': 'now' });
    expect(back!.next).toBe('form.name');
  });
});

describe('代码 at the 行业大类 question is the industry code', () => {
  it('reads 「医疗器械，代码好像是三十五还是多少，专用设备那个」 as 35 专用设备制造业 and says the division back', async () => {
    const [r] = await at(workshop, 'ent.industryCode', ['医疗器械，代码好像是三十五还是多少，专用设备那个']);
    expect(r!.got).toEqual({ 'ent.industryCode': '35' });
    expect(r!.said).toContain('35 专用设备制造业');
    expect(r!.said).not.toContain('编程');
  });

  it('reads two other phrasings of it alike', async () => {
    for (const text of ['做医疗器械的，行业代码记不清了，好像35', '我们是医疗器械，行业代码应该是35吧，专用设备制造业']) {
      const [r] = await at(workshop, 'ent.industryCode', [text]);
      expect(r!.got, text).toEqual({ 'ent.industryCode': '35' });
    }
  });

  it('still answers a request to write code as out of the notice', async () => {
    for (const text of ['你能帮我写一段python代码吗', '代码怎么写？']) {
      const [r] = await at(workshop, 'ent.industryCode', [text]);
      expect(r!.got, text).toEqual({});
      expect(r!.said, text).toContain('编程');
    }
  });
});

describe('a plain change of an earlier yes said while another item waits', () => {
  const text = '那行，只报一个，就报酿造发酵车间，灌装的明年再说';
  it(`offers to change 本年度另有申报 on 「${text}」, and 「要」 changes it`, async () => {
    const [, said, yes] = await at(workshop, 'ent.appliedThisYear', ['是', text, '要']);
    expect(said!.said).toContain('要改为“否”吗');
    expect(yes!.got).toEqual({ 'ent.appliedThisYear': false });
  });

  for (const other of ['那就只报这一个，灌装车间明年再报', '行，就报一个，先报发酵车间']) {
    it(`changes it alike on 「${other}」, at once or on 「要」`, async () => {
      const [, said, yes] = await at(workshop, 'ent.appliedThisYear', ['是', other, '要']);
      if (said!.got['ent.appliedThisYear'] === undefined) expect(said!.said).toContain('要改为“否”吗');
      expect(said!.got['ent.appliedThisYear'] ?? yes!.got['ent.appliedThisYear']).toBe(false);
    });
  }

  it('keeps the yes on 「不用」', async () => {
    const [, , no] = await at(workshop, 'ent.appliedThisYear', ['是', text, '不用']);
    expect(no!.got).toEqual({});
  });
});
