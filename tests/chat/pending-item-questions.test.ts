import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../server/schemas/ws';
import { serveForFile } from './serve';
import { workshop, type ScriptedEnterprise } from './enterprises';
import { said, steer, typed } from './steer';

/*
 * 「这个…」 typed while an item waits asks about that item, through the real chat: where it is checked, what it means,
 * how it is filled in, whether it is required. The reply is about the item by name and cites its clause; nothing is
 * recorded and the item is asked again. A sentence that starts with 这个 but names something else (这个月) or answers
 * (这个没有) reads as before.
 */
const srv = serveForFile();

const toForm: ScriptedEnterprise = { name: '填申报书的车间', facts: { ...workshop.facts, 'form.proceed': 'now' } };

const recorded = (msgs: ServerMessage[]) => Object.fromEntries(msgs.flatMap((m) => (m.type === 'recorded' ? m.items.map((i) => [i.questionId, i.value]) : [])));
const cited = (msgs: ServerMessage[]) => msgs.flatMap((m) => (m.type === 'message.end' ? m.citations.map((c) => c.clause) : []));

async function at(e: ScriptedEnterprise, id: string, text: string) {
  const s = await steer(srv.url, e, (q) => q.id === id);
  expect(s.question?.id).toBe(id);
  const turn = await typed(s.client, 't', text);
  await s.client.close();
  return { got: recorded(turn.msgs), next: turn.next?.id ?? null, said: said(turn.msgs).join('\n'), cited: cited(turn.msgs) };
}

describe('「这个」 while the 失信被执行人 question waits', () => {
  for (const text of ['这个在哪查？', '请问这个去哪里查询', '这一项怎么查啊', '在哪儿查这个？']) {
    it(`answers 「${text}」 with the 信用中国 site of 二(四), and records nothing`, async () => {
      const r = await at(workshop, 'ent.credit.dishonestExecutee', text);
      expect(r.got).toEqual({});
      expect(r.said).toContain('失信被执行人');
      expect(r.said).toContain('https://www.creditchina.gov.cn/');
      expect(r.cited).toContain('二(四)');
      expect(r.said).not.toContain('无法根据通知作答');
      expect(r.next).toBe('ent.credit.dishonestExecutee');
    });
  }

  for (const text of ['这个是啥意思', '这一项问的是什么？', '这是什么意思呀']) {
    it(`explains the item for 「${text}」 from its own question and 二(四)`, async () => {
      const r = await at(workshop, 'ent.credit.dishonestExecutee', text);
      expect(r.got).toEqual({});
      expect(r.said).toContain('当前这一项“被列入失信被执行人”问的是');
      expect(r.cited).toEqual(['二(四)']);
      expect(r.next).toBe('ent.credit.dishonestExecutee');
    });
  }

  for (const text of ['这个咋填', '这一栏该怎么填？', '这个怎么回答']) {
    it(`says what answer the item takes for 「${text}」`, async () => {
      const r = await at(workshop, 'ent.credit.dishonestExecutee', text);
      expect(r.got).toEqual({});
      expect(r.said).toContain('可以回答“是”或“否”');
    });
  }

  for (const text of ['这个必须有吗', '这个一定要吗？']) {
    it(`answers 「${text}」 from 二(四), and records no yes`, async () => {
      const r = await at(workshop, 'ent.credit.dishonestExecutee', text);
      expect(r.got).toEqual({});
      expect(r.said).toContain('关于当前这一项“被列入失信被执行人”');
      expect(r.cited).toContain('二(四)');
    });
  }
});

describe('「这个」 while a capability question waits', () => {
  for (const text of ['这个必须有吗？', '这个没有行不行']) {
    it(`answers 「${text}」 about the MES of 三(一)5, and records neither 有 nor 没有`, async () => {
      const r = await at(workshop, 'cap.mes', text);
      // Read as an answer, 有 or 没有 would be stored as what the workshop has.
      expect(r.got).toEqual({});
      expect(r.said).toContain('关于当前这一项');
      expect(r.cited).toContain('三(一)5');
      expect(r.next).toBe('cap.mes');
    });
  }
});

describe('「这个」 while a form field waits', () => {
  for (const text of ['这个在哪查', '这一栏是什么意思？', '这个咋写']) {
    it(`answers 「${text}」 about the 统一社会信用代码 field, and fills nothing in`, async () => {
      const r = await at(toForm, 'form.creditCode', text);
      expect(r.got).toEqual({});
      expect(r.said).toContain('统一社会信用代码');
      expect(r.said).toContain('营业执照');
      expect(r.said).not.toContain('无法根据通知作答');
      expect(r.next).toBe('form.creditCode');
    });
  }
});

describe('near misses: 这个 that is not about the item waiting', () => {
  it('answers 「这个月能报吗」 as a question about applying, not about the 失信 item', async () => {
    const r = await at(workshop, 'ent.credit.dishonestExecutee', '这个月能报吗');
    expect(r.got).toEqual({});
    expect(r.said).not.toContain('当前这一项');
    expect(r.cited).toContain('二(一)');
  });

  it('still records 「这个没有」 as the 失信 question\'s no', async () => {
    expect((await at(workshop, 'ent.credit.dishonestExecutee', '这个没有')).got).toEqual({ 'ent.credit.dishonestExecutee': false });
  });

  it('still records 「这个我们有」 to the MES question as its yes', async () => {
    expect((await at(workshop, 'cap.mes', '这个我们有')).got).toEqual({ 'cap.mes': true });
  });

  it('does not take 「这个企业在哪查」 for a question about the item', async () => {
    const r = await at(workshop, 'ent.credit.dishonestExecutee', '这个企业在哪查');
    expect(r.said).not.toContain('当前这一项');
  });
});
