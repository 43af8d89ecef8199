import { describe, expect, it } from 'vitest';
import type { QuestionView, Recorded } from '../../server/schemas/interview';
import { serveForFile } from './serve';
import { answerFor, workshop } from './enterprises';
import { steer, typed, said, recordedIds } from './steer';
import type { ChatClient } from './client';
import { zipEntry } from '../fixtures/zip';

/*
 * 「2015年成立的」 in the interview, then the form's 成立时间: the form says it knows the year and asks for the
 * month; 「2015年」 again is asked back saying why; 「具体哪天记不清了」 skips it, and the draft, the form view
 * and the DOCX still print 2015年 with the month asked for. Before, the question named no year, 「2015年」 got
 * 「没能确定答案」, 「记不清了」 was answered as a question about the notice, and the form printed only a placeholder.
 */
const srv = serveForFile();

async function answerUntil(c: ChatClient, from: QuestionView | null, stop: (q: QuestionView) => boolean): Promise<QuestionView | null> {
  let q = from;
  for (let i = 0; q && !stop(q); i++) {
    expect(i).toBeLessThan(300);
    const clientId = `u-${i}`;
    c.send({ type: 'answer', clientId, questionId: q.id, value: answerFor(workshop, q) });
    await c.until((m) => (m.type === 'ack' || m.type === 'error') && m.clientId === clientId);
    q = (await c.next('question')).question;
  }
  return q;
}

describe('the founding year given in the interview, and the form\'s 成立时间', () => {
  it('is named in the question, a year alone is asked back for the month, and a skip keeps the year in the form', async () => {
    const s = await steer(srv.url, workshop, (q) => q.id === 'ent.foundedYear');
    const c = s.client;
    const first = await typed(c, 'f-1', '2015年成立的');
    expect(recordedIds(first.msgs)).toEqual(['ent.foundedYear']);
    const q = await answerUntil(c, first.next, (x) => x.id === 'form.foundedOn');
    expect(q?.text).toContain('评估时已填成立年份2015年');
    expect(q?.text).toContain('写到月份');

    for (const [i, t] of ['2015年', '就是2015年，前面说过了'].entries()) {
      const r = await typed(c, `g-${i}`, t);
      expect(recordedIds(r.msgs)).toEqual([]);
      const reply = said(r.msgs).join('');
      expect(reply).toContain(`只说「${t}」还不够`);
      expect(reply).toContain('要写到月份');
      expect(reply).not.toContain('没能从这句话里确定答案');
      expect(r.next?.id).toBe('form.foundedOn');
    }
    const skip = await typed(c, 'g-9', '具体哪天记不清了');
    expect(recordedIds(skip.msgs)).toEqual(['form.foundedOn']);
    // The skip is said with where to fill the month in later.
    expect(said(skip.msgs)).toEqual(['已记录：企业成立时间——已跳过（申报书先写2015年，月份待补充）。跳过的内容以后可以在“我的回答”里补填，也可以在“申报书”页直接填写。']);
    expect(skip.next?.id).not.toBe('form.foundedOn');

    const auth = { headers: { authorization: `Bearer ${s.token}` } };
    const body = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}`, auth)).json()) as { recorded: Recorded[] };
    expect(body.recorded.find((r) => r.questionId === 'form.foundedOn')?.display).toBe('已跳过（申报书先写2015年，月份待补充）');

    const drafts = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}/drafts`, auth)).json()) as { sections: { section: string; generated?: { text: string } }[] };
    const intro = drafts.sections.find((x) => x.section === 'enterpriseIntro')?.generated?.text ?? '';
    expect(intro).toContain('成立于2015年，');
    expect(intro).not.toContain('〔请补充：成立时间〕');

    type Field = { questionId?: string; hint?: string; status: string };
    const view = (await (await fetch(`${srv.http}/api/sessions/${s.sessionId}/form`, auth)).json()) as { sections: { groups: { rows: { fields: Field[] }[] }[] }[] };
    const field = view.sections.flatMap((x) => x.groups.flatMap((g) => g.rows.flatMap((r) => r.fields))).find((f) => f.questionId === 'form.foundedOn');
    expect(field?.status).toBe('skipped');
    expect(field?.hint).toContain('2015年');

    const docx = Buffer.from(await (await fetch(`${srv.http}/api/sessions/${s.sessionId}/export.docx`, auth)).arrayBuffer());
    const xml = zipEntry(docx, 'word/document.xml').toString('utf8');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('2015年〔请补充：成立月份和日期（按营业执照）〕');
    await c.close();
  }, 300_000);
});
