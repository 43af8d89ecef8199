// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/console/components/zz-console-log';
import type { QuestionLogEntry } from '../../server/staff/schemas';

/** A log of 236 questions, newest first, one a minute; the fake server pages it the way the real one does. */
const LOG: QuestionLogEntry[] = Array.from({ length: 236 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  at: new Date(Date.UTC(2026, 11, 1, 12, 0) - i * 60_000).toISOString(),
  source: i % 2 ? 'chat' : 'api',
  question: `问题 ${i}`,
  answer: i === 0 ? '<b>不是标记</b>\n依据：四(三)' : `答复 ${i}`,
  clauses: ['四(三)'],
  entries: i === 0 ? ['quota-city'] : [],
  confidence: 0.9,
  refused: false,
  feedback: null,
  knowledgeVersion: 'henan-2023',
}));

const requests: URL[] = [];

/** The source labels the server sends from knowledge (ui.json questionLog.sources). */
const SOURCES = { api: '接口', chat: '对话', cli: '命令行', console: '工作台', interview: '评估未读懂' };

function fakeServer() {
  vi.stubGlobal('fetch', async (url: string) => {
    const u = new URL(url, 'http://console.test');
    requests.push(u);
    const p = u.searchParams;
    let rows = LOG.filter((q) => !p.get('source') || q.source === p.get('source'));
    const total = rows.length;
    const before = p.get('before');
    if (before) {
      const at = rows.findIndex((q) => q.at === before && q.id === p.get('beforeId'));
      rows = rows.slice(at + 1);
    }
    const items = rows.slice(0, Number(p.get('limit') ?? 100));
    // Entries are named by their standard question, as the server sends them for the page's versions.
    const entryQuestions = { 'henan-2023': { 'quota-city': '郑州市能推荐几家？' } };
    return new Response(JSON.stringify({ items, entryQuestions, total, retentionDays: 180, sources: SOURCES, feedback: { up: '有帮助', down: '没有帮助' } }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

async function mount() {
  const el = document.createElement('zz-console-log');
  document.body.append(el);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('tbody tr').length).toBeGreaterThan(0));
  await el.updateComplete;
  return el;
}

const pagerText = (el: Element) => el.shadowRoot!.querySelector('.pager')!.textContent!.replace(/\s+/g, ' ');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  requests.length = 0;
  document.body.innerHTML = '';
});

describe('zz-console-log', () => {
  it('shows the total the server counts and reaches the oldest question page by page with before and beforeId', async () => {
    fakeServer();
    const el = await mount();
    expect(pagerText(el)).toContain('第 1–25 条，共 236 条');
    const next = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pager button')].find((b) => b.textContent!.includes('下一页'))!;
    for (let page = 1; page < 10; page++) {
      expect(next().disabled).toBe(false);
      next().click();
      await vi.waitFor(() => expect(pagerText(el)).toContain(`第 ${page * 25 + 1}–`));
    }
    expect(pagerText(el)).toContain('第 226–236 条，共 236 条');
    expect(next().disabled).toBe(true);
    const last = requests.at(-1)!.searchParams;
    expect(last.get('before')).toBe(LOG[224]!.at);
    expect(last.get('beforeId')).toBe(LOG[224]!.id);
    expect(el.shadowRoot!.querySelector('tbody tr:last-child')!.textContent).toContain('问题 235');
    // Back again, one page.
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pager button')].find((b) => b.textContent!.includes('上一页'))!.click();
    await vi.waitFor(() => expect(pagerText(el)).toContain('第 201–225 条'));
  });

  it('filters by source on the server, and its total is the filtered one', async () => {
    fakeServer();
    const el = await mount();
    const select = el.shadowRoot!.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['全部', '接口', '对话', '命令行', '工作台', '评估未读懂']);
    select.value = 'chat';
    select.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(pagerText(el)).toContain('共 118 条'));
    expect(requests.at(-1)!.searchParams.get('source')).toBe('chat');
    expect([...el.shadowRoot!.querySelectorAll('tbody td[data-label=来源]')].every((td) => td.textContent === '对话')).toBe(true);
  });

  it('lists only the 未能回答 or only the 通知未涉及 refusals with one 结果 select, each counted in the total it shows and kept for a search and the CSV', async () => {
    // Every fifth question was refused; of those, every other one by a 通知未涉及 entry (a refusal with an entry).
    const kind = (i: number) => (i % 5 ? 'answered' : i % 10 ? 'notCovered' : 'unanswered');
    const log = LOG.map((q, i) => ({ ...q, refused: kind(i) !== 'answered', entries: kind(i) === 'notCovered' ? ['not-covered-deposit'] : kind(i) === 'unanswered' ? [] : q.entries }));
    vi.stubGlobal('fetch', async (url: string) => {
      const u = new URL(url, 'http://console.test');
      requests.push(u);
      if (u.pathname.endsWith('.csv')) return new Response('x', { status: 200 });
      const p = u.searchParams;
      let rows = log.filter((q, i) => !p.get('result') || kind(i) === p.get('result'));
      const total = rows.length;
      if (p.get('before')) rows = rows.slice(rows.findIndex((q) => q.id === p.get('beforeId')) + 1);
      return new Response(JSON.stringify({ items: rows.slice(0, Number(p.get('limit'))), entryQuestions: {}, total, retentionDays: 180, sources: SOURCES, feedback: { up: '有帮助', down: '没有帮助' } }), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    // The download saves the CSV through an object URL; the test reads only what was asked for.
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const el = await mount();
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('select[data-testid=result-filter]')!;
    expect(select.getAttribute('aria-label')).toBe('结果');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([['', '全部'], ['unanswered', '只看未能回答或未读懂的'], ['notCovered', '只看通知未涉及的']]);
    expect(pagerText(el)).toContain('共 236 条');
    const choose = (v: string) => {
      select.value = v;
      select.dispatchEvent(new Event('change'));
    };
    choose('notCovered');
    await vi.waitFor(() => expect(pagerText(el)).toBe('共 24 条'));
    expect(requests.at(-1)!.searchParams.get('result')).toBe('notCovered');
    // The stored flag holds both kinds of refusal: it is not what either choice asks.
    expect(requests.at(-1)!.searchParams.has('refused')).toBe(false);
    const tags = () => [...el.shadowRoot!.querySelectorAll('tbody td[data-label=结果] .tag')].map((t) => t.textContent);
    expect(tags()).toHaveLength(24);
    expect(new Set(tags())).toEqual(new Set(['通知未涉及']));
    choose('unanswered');
    await vi.waitFor(() => expect(new Set(tags())).toEqual(new Set(['未能回答'])));
    expect(pagerText(el)).toBe('共 24 条');
    // The CSV asks for what the page shows.
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === '下载（CSV）')!.click();
    await vi.waitFor(() => expect(requests.at(-1)!.pathname).toBe('/api/staff/questions.csv'));
    expect(requests.at(-1)!.searchParams.get('result')).toBe('unanswered');
    // A search keeps the choice.
    el.shadowRoot!.querySelector<HTMLInputElement>('#search')!.value = '问题 1';
    el.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await vi.waitFor(() => expect(requests.at(-1)!.searchParams.get('q')).toBe('问题 1'));
    expect(requests.at(-1)!.searchParams.get('result')).toBe('unanswered');
    choose('');
    await vi.waitFor(() => expect(pagerText(el)).toContain('共 236 条'));
    expect(requests.at(-1)!.searchParams.has('result')).toBe(false);
    // The select shows the choice the list was loaded with after a re-render.
    await el.updateComplete;
    expect(select.value).toBe('');
  });

  it('shows the answer given under its question as text, with the entry that answered and the knowledge version', async () => {
    fakeServer();
    const el = await mount();
    const row = el.shadowRoot!.querySelector('tbody tr')!;
    const details = row.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toContain('问题 0');
    // Rendered as text: markup in an answer is shown, never interpreted.
    expect(details.querySelector('.answer')!.textContent).toBe('<b>不是标记</b>\n依据：四(三)');
    expect(details.querySelector('b')).toBeNull();
    const chip = row.querySelector('td[data-label=依据] .tag')!;
    expect(chip.textContent).toBe('答复条目：郑州市能推荐几家？');
    expect(chip.getAttribute('title')).toBe('答复条目 quota-city');
    expect(row.querySelector('td[data-label=知识库版本]')!.textContent).toBe('henan-2023');
  });

  it('tags an interview reply not read 评估未读懂, apart from a question 未能回答, and shows neither a confidence', async () => {
    const row = (i: number, over: Partial<QuestionLogEntry>): QuestionLogEntry => ({ ...LOG[i]!, clauses: [], confidence: 0, refused: true, ...over });
    const items = [
      row(0, { source: 'interview', question: '差不多吧', answer: '〔回答「企业规模」〕没有听懂' }),
      row(1, { source: 'interview', question: '这个不好说', answer: '〔回答「联系人姓名」〕没有听懂' }),
      row(2, { source: 'chat', question: '申报押金怎么退' }),
      row(3, { source: 'api', question: '评上以后奖励多少' }),
      row(4, { source: 'chat', question: '视频多大', refused: false, confidence: 0.9, clauses: ['四(二)'] }),
    ];
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ items, entryQuestions: {}, total: items.length, retentionDays: 180, sources: SOURCES, feedback: { up: '有帮助', down: '没有帮助' } }), { status: 200, headers: { 'content-type': 'application/json' } }));
    const el = await mount();
    const results = [...el.shadowRoot!.querySelectorAll('tbody td[data-label=结果] .tag')].map((t) => [t.textContent, t.className]);
    expect(results).toEqual([
      ['评估未读懂', 'tag partial'],
      ['评估未读懂', 'tag partial'],
      ['未能回答', 'tag unmet'],
      ['未能回答', 'tag unmet'],
      ['已回答', 'tag met'],
    ]);
    const confidence = [...el.shadowRoot!.querySelectorAll('tbody td[data-label=置信度]')].map((td) => td.querySelector('span')?.getAttribute('aria-label') ?? td.textContent);
    expect(confidence).toEqual(['无（评估未读懂）', '无（评估未读懂）', '无（未能回答）', '无（未能回答）', '90%']);
    // The filter says it shows both.
    expect(el.shadowRoot!.textContent).toContain('只看未能回答或未读懂的');
  });
});

describe('the question log search box', () => {
  it('is never narrower than its placeholder, which reads whole on a desktop and on a phone', async () => {
    const { ZzConsoleLog } = await import('../../web/console/components/zz-console-log');
    const { words } = await import('../../web/lib/messages');
    const css = [ZzConsoleLog.styles].flat(Infinity).map((s) => String((s as { cssText?: string }).cssText ?? '')).join('\n');
    const minWidth = Number(/form\.search input \{[^}]*min-width: ([\d.]+)em/.exec(css)?.[1]);
    expect(minWidth).toBe(15);
    // Full-width characters take 1em, the rest about half; the box's own padding takes about 1.6em.
    const widthEm = (t: string) => [...t].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 1 : 0.55), 0);
    const placeholder = words.console.log.searchPlaceholder;
    expect(widthEm(placeholder)).toBeLessThanOrEqual(minWidth - 1.6);
    // The wording it had, cut off at 1366 px wide, would not fit.
    expect(widthEm('问题或答复中的词，如 视频 大小')).toBeGreaterThan(minWidth - 1.6);
  });
});
