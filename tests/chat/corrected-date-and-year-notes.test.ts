import { describe, expect, it } from 'vitest';
import { serveForFile } from './serve';
import { workshop } from './enterprises';
import { said, steer, typed } from './steer';
import { chinaDay } from '../../server/understand';

/*
 * In the form phase's chat: the planned completion date taken back by name while another form question waits
 * (「建设完成日期改一下，预计明年六月完工」) counts 明年 from the session's day, as its own question does, and carries the
 * late-date note; the question waiting is asked again. Figures of several years said with relative years
 * (「去年营收二点一亿，前年一点八亿」) have their years said back in one sentence, naming each.
 */
const srv = serveForFile();

const year = () => Number(chinaDay(new Date()).slice(0, 4));

async function afterEnd(text: string) {
  const s = await steer(srv.url, workshop, (q) => q.id === 'form.project.end');
  const first = await typed(s.client, 'e-1', '2022年10月');
  const waiting = first.next?.id;
  const r = await typed(s.client, 'e-2', text);
  const items = r.msgs.flatMap((m) => (m.type === 'recorded' ? m.items : []));
  return { client: s.client, waiting, next: r.next?.id, stored: Object.fromEntries(items.map((i) => [i.questionId, i.value])), said: said(r.msgs).join('\n') };
}

describe('the completion date taken back while another form question waits', () => {
  it.each([
    ['建设完成日期改一下，预计明年六月完工', 1, '06'],
    ['完成日期改成明年6月', 1, '06'],
    ['竣工日期改一下，明年年底', 1, '12'],
  ])('「%s」 records the date counted from the session\'s day, with the late-date note, and asks the question waiting again', async (text, ahead, month) => {
    const r = await afterEnd(text);
    expect(r.waiting).toBe('form.project.investment');
    expect(r.stored).toEqual({ 'form.project.end': `${year() + ahead}-${month}` });
    expect(r.said).toContain('按今天（');
    expect(r.said).toContain(`智能化建设完成日期${year() + ahead}年${Number(month)}月还没到`);
    expect(r.said).toContain('当前这一项还没有回答：智能化建设软硬件投资');
    expect(r.next).toBe('form.project.investment');
    await r.client.close();
  }, 120_000);

  it('near miss: a date given in full is taken as said, with no day counted', async () => {
    const r = await afterEnd('建设完成日期不对，应该是2022年12月');
    expect(r.stored).toEqual({ 'form.project.end': '2022-12' });
    expect(r.said).not.toContain('按今天（');
    expect(r.said).not.toContain('还没到');
    expect(r.next).toBe('form.project.investment');
    await r.client.close();
  }, 120_000);

  it('near miss: a question about the date changes nothing', async () => {
    const r = await afterEnd('完成日期是指验收的时间吗？');
    expect(r.stored).toEqual({});
    expect(r.next).toBe('form.project.investment');
    await r.client.close();
  }, 120_000);
});

describe('figures of several years said with relative years', () => {
  const atRevenue = () => steer(srv.url, workshop, (q) => /^form\.finance\.\d+\.revenue$/u.test(q.id));

  it.each([
    ['去年营收二点一亿，前年一点八亿', ['去年', '前年']],
    ['营收去年两个亿，前年一点五亿，大前年一个亿', ['去年', '前年', '大前年']],
  ])('「%s」 says the years back once, naming each', async (text, words) => {
    const s = await atRevenue();
    const r = await typed(s.client, 'y-1', text);
    const reply = said(r.msgs).join('\n');
    expect(reply.match(/的数已/gu)).toHaveLength(1);
    expect(reply).toContain(`${words.map((w) => `「${w}」`).join('、')}的数已分别记在`);
    await s.client.close();
  }, 120_000);

  it('near miss: one year said keeps its own sentence', async () => {
    const s = await atRevenue();
    const r = await typed(s.client, 'y-2', '去年营收1.2亿');
    const reply = said(r.msgs).join('\n');
    expect(reply.match(/的数已/gu)).toHaveLength(1);
    expect(reply).toContain('「去年」的数已记在2022年一栏');
    await s.client.close();
  }, 120_000);
});
