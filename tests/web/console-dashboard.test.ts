// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

/** The options each chart was drawn with: the canvas itself is not drawn here. */
const drawn: Record<string, unknown>[] = [];
vi.mock('echarts/core', () => ({
  use: () => {},
  init: () => ({ setOption: (o: Record<string, unknown>) => drawn.push(o), resize: () => {}, dispose: () => {} }),
}));
vi.mock('echarts/charts', () => ({ BarChart: {} }));
vi.mock('echarts/components', () => ({ GridComponent: {}, TooltipComponent: {} }));
vi.mock('echarts/renderers', () => ({ CanvasRenderer: {} }));
await import('../../web/console/components/zz-console-dashboard');

const COLUMNS = ['日期（北京时间）', '问题数', '未能回答', '通知未涉及（已告知咨询电话）', '低置信度', '评估未读懂（不计入问题数）'];
const table = (title: string, columns: string[], rows: (string | number)[][] = []) => ({ title, columns, rows });
const DASHBOARD = {
  days: 30,
  year: 2023,
  years: [2023],
  lowConfidence: 0.5,
  questions: 3,
  refusalRate: 0,
  lowConfidenceRate: 0,
  draftsExported: 1,
  misreads: 7,
  tables: {
    perDay: table('每日问题数（按北京时间计日）', COLUMNS, [['2026-12-07', 3, 0, 1, 0, 7]]),
    topics: table('热点条款', ['条款', '标题', '次数'], [['四(二)', '提交格式', 2]]),
    regions: table('2023年度提交初审的评估（按地区）', ['地区', '企业数']),
    categories: table('2023年度提交初审的评估（按类别）', ['类别', '企业数']),
    verdicts: table('2023年度提交初审的评估（按结论）', ['结论', '企业数']),
    exports: table('导出的申报书草稿', ['格式', '份数'], [['DOCX', 1]]),
  },
};

afterEach(() => {
  vi.unstubAllGlobals();
  drawn.length = 0;
  document.body.innerHTML = '';
});

async function mount() {
  vi.stubGlobal('ResizeObserver', class { observe() {} disconnect() {} });
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(DASHBOARD), { status: 200, headers: { 'content-type': 'application/json' } }));
  const el = document.createElement('zz-console-dashboard');
  document.body.append(el);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-testid=rates]')).not.toBeNull());
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

describe('zz-console-dashboard', () => {
  it('says its ratio is of 政策问答 and counts interview replies not read apart, so 0.0% beside them is no contradiction', async () => {
    const el = await mount();
    const rates = el.shadowRoot!.querySelector('[data-testid=rates]')!;
    expect(rates.querySelector('[data-testid=refusal-rate-label]')!.textContent).toBe('政策问答未能回答比例');
    expect(rates.textContent).toContain('0.0%');
    expect(rates.textContent).toContain('评估访谈中未读懂的回答另计');
    expect(rates.querySelector('[data-testid=misreads]')!.textContent).toBe('7');
    expect(rates.querySelector('[data-testid=questions]')!.textContent).toBe('3');
    expect(rates.textContent).toContain('不含问候、致谢和闲聊');
  });

  it('lists the per-day legend on the page, where it wraps, and draws none on the chart', async () => {
    const el = await mount();
    const items = [...el.shadowRoot!.querySelectorAll('[data-testid=perDay-legend] li')].map((li) => li.textContent!.trim());
    expect(items).toEqual(COLUMNS.slice(1));
    await vi.waitFor(() => expect(drawn.length).toBe(2));
    const perDay = drawn[0]!;
    expect(perDay.legend).toBeUndefined();
    // Each series keeps its swatch's colour: an unanswered question red, a reply not read not.
    const swatches = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-testid=perDay-legend] .swatch')].map((s) => s.getAttribute('style'));
    const colours = (perDay.series as { itemStyle: { color: string } }[]).map((s) => `background:${s.itemStyle.color}`);
    expect(swatches).toEqual(colours);
    expect(colours[1]).toBe('background:#b42318');
    // A 通知未涉及 answer is no unanswered question: not drawn in its red.
    expect(colours[2]).not.toBe(colours[1]);
    expect(colours[4]).not.toBe(colours[1]);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
