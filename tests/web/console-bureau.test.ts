// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/console/components/zz-console-bureau';

/*
 * The bureau's list keeps itself current: an enterprise that submits while the page is open appears without a
 * reload, is named once in a status line and marked in the list; the record open below it is not touched.
 */

const applicant = (sessionId: string, name: string | null) => ({
  sessionId,
  name,
  submittedAt: '2026-12-01T02:00:00.000Z',
  verdict: 'gaps',
  category: 'workshop',
  categoryLabel: '智能车间',
  gaps: [],
  recommended: false,
  blocking: [],
  notRecommendable: null,
  changedSinceReview: false,
  movedFrom: null,
  programmeYear: 2023,
});

function fakeServer(applicants: ReturnType<typeof applicant>[], application: unknown = { formAnswers: [], editedSections: [] }) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const u = new URL(url, 'http://console.test');
    const body = u.pathname.startsWith('/api/staff/bureau/applicants/')
      ? { ...applicants.find((a) => u.pathname.endsWith(a.sessionId))!, checklist: [], application, review: { notes: '', siteNotes: '', checklist: {}, reasons: {} }, deadline: null }
      : {
          region: '开封市',
          year: 2023,
          years: [2023],
          quota: { max: 5, recommended: 0, remaining: 5, atLimit: false, clause: '四(三)', quote: '开封市不多于5家', overQuota: '', groupLabel: '', warning: null },
          deadline: null,
          countiesOwn: null,
          applicants: [...applicants],
        };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

const names = (el: Element) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.querySelector('td button')!.textContent!.trim());
const overviewCalls = (asked: string[]) => asked.filter((u) => u.startsWith('/api/staff/bureau') && !u.includes('/applicants/')).length;

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

async function mount() {
  const el = document.createElement('zz-console-bureau');
  document.body.append(el);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('tbody tr').length).toBeGreaterThan(0));
  return el;
}

afterEach(() => {
  // The views go first: a view still on the page would refresh on the visibility change, past the fake server.
  document.body.innerHTML = '';
  setVisibility('visible');
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('zz-console-bureau keeps its list current', () => {
  it('shows an applicant who submits while the page is open, names it once and marks it until opened', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const list = [applicant('s-1', '开封一号机械有限公司')];
    const asked = fakeServer(list);
    const el = await mount();
    await el.shadowRoot!.querySelector<HTMLButtonElement>('tbody tr td button')!.click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-testid=detail]')).not.toBeNull());
    const detail = el.shadowRoot!.querySelector('[data-testid=detail]');

    list.push(applicant('s-2', '兰考县新材料股份公司'), applicant('s-3', null));
    vi.advanceTimersByTime(20_000);
    await vi.waitFor(() => expect(names(el)).toEqual(['开封一号机械有限公司', '兰考县新材料股份公司', '（未填写企业名称）']));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-testid=news]')!.textContent).toBe('新提交 2 家：兰考县新材料股份公司、（未填写企业名称）');
    const marked = [...el.shadowRoot!.querySelectorAll('tbody tr.new')].map((r) => r.getAttribute('data-session'));
    expect(marked, 'the arrivals are marked, the one known before is not').toEqual(['s-2', 's-3']);
    expect(el.shadowRoot!.querySelectorAll('[data-testid=new-tag]').length).toBe(2);
    // The record the bureau had open is the same element: nothing typed into it is lost by a refresh.
    expect(el.shadowRoot!.querySelector('[data-testid=detail]')).toBe(detail);

    // Opened, an arrival is no longer marked; a refresh with nothing new says nothing new.
    el.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-session=s-2] td button')!.click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('tbody tr.new').length).toBe(1));
    const before = overviewCalls(asked);
    vi.advanceTimersByTime(20_000);
    await vi.waitFor(() => expect(overviewCalls(asked)).toBe(before + 1));
    await el.updateComplete;
    expect(names(el)).toHaveLength(3);
  });

  it('does not fetch while the page is hidden, and fetches at once when it is shown again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const list = [applicant('s-1', '开封一号机械有限公司')];
    const asked = fakeServer(list);
    const el = await mount();
    const before = overviewCalls(asked);
    setVisibility('hidden');
    list.push(applicant('s-4', '尉氏县纺织有限公司'));
    vi.advanceTimersByTime(60_000);
    expect(overviewCalls(asked), 'a hidden page asks nothing').toBe(before);
    setVisibility('visible');
    await vi.waitFor(() => expect(names(el)).toContain('尉氏县纺织有限公司'));
    expect(overviewCalls(asked)).toBe(before + 1);
  });

  it('stops asking once the view is left', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const asked = fakeServer([applicant('s-1', '开封一号机械有限公司')]);
    const el = await mount();
    el.remove();
    const before = overviewCalls(asked);
    vi.advanceTimersByTime(60_000);
    setVisibility('visible');
    expect(overviewCalls(asked)).toBe(before);
  });
});

/** A stand-in for the browser's EventSource: the test says when the server is ready, pushes, or drops the stream. */
class FakeSource {
  static opened: FakeSource[] = [];
  readyState = 0;
  onerror: ((ev: Event) => unknown) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((ev: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    FakeSource.opened.push(this);
  }
  addEventListener(type: string, fn: (ev: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  emit(type: string, data: unknown) {
    if (type === 'ready') this.readyState = 1;
    for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  /** The connection dropped: 0 while the browser reconnects by itself, 2 when it has given up (a refusal). */
  drop(readyState: 0 | 2) {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
}

describe('zz-console-bureau is told of changes by the server', () => {
  const liveLine = (el: Element) => el.shadowRoot!.querySelector('[data-testid=live]')!.textContent!.trim();

  it('fetches the list when a change is pushed, and does not poll while the stream is up', async () => {
    FakeSource.opened = [];
    vi.stubGlobal('EventSource', FakeSource);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const list = [applicant('s-1', '开封一号机械有限公司')];
    const asked = fakeServer(list);
    const el = await mount();
    const source = FakeSource.opened.at(-1)!;
    expect(source.url).toBe('/api/staff/bureau/events');
    source.emit('ready', { region: '开封市' });
    await el.updateComplete;
    expect(liveLine(el)).toBe('列表实时更新');

    const before = overviewCalls(asked);
    vi.advanceTimersByTime(120_000);
    expect(overviewCalls(asked), 'no timer fetches while pushes arrive').toBe(before);
    const settled = overviewCalls(asked);
    list.push(applicant('s-5', '杞县农机有限公司'));
    source.emit('changed', { sessions: ['s-5'], kind: 'submitted' });
    await vi.waitFor(() => expect(names(el)).toContain('杞县农机有限公司'));
    expect(overviewCalls(asked)).toBe(settled + 1);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-testid=news]')!.textContent).toBe('新提交 1 家：杞县农机有限公司');
  });

  it('polls while the stream is down, says so, and stops polling once it is back', async () => {
    FakeSource.opened = [];
    vi.stubGlobal('EventSource', FakeSource);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const list = [applicant('s-1', '开封一号机械有限公司')];
    const asked = fakeServer(list);
    const el = document.createElement('zz-console-bureau');
    document.body.append(el);
    await vi.advanceTimersByTimeAsync(0);
    const source = FakeSource.opened.at(-1)!;
    source.emit('ready', { region: '开封市' });
    await vi.advanceTimersByTimeAsync(0);

    source.drop(0);
    await el.updateComplete;
    expect(liveLine(el)).toBe('实时推送未连接，列表每 20 秒刷新一次');
    list.push(applicant('s-6', '通许县食品有限公司'));
    const down = overviewCalls(asked);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(overviewCalls(asked), 'the fallback poll').toBe(down + 1);
    expect(names(el)).toContain('通许县食品有限公司');

    // The browser reconnected: the list is caught up once, and the timer stops.
    source.emit('ready', { region: '开封市' });
    await vi.advanceTimersByTimeAsync(0);
    const back = overviewCalls(asked);
    expect(back).toBe(down + 2);
    await vi.advanceTimersByTimeAsync(100_000);
    expect(overviewCalls(asked)).toBe(back);
    await el.updateComplete;
    expect(liveLine(el)).toBe('列表实时更新');
  });

  it('opens the stream again later when the browser gave up on it, polling meanwhile', async () => {
    FakeSource.opened = [];
    vi.stubGlobal('EventSource', FakeSource);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    const asked = fakeServer([applicant('s-1', '开封一号机械有限公司')]);
    const el = document.createElement('zz-console-bureau');
    document.body.append(el);
    await vi.advanceTimersByTimeAsync(0);
    const first = FakeSource.opened.at(-1)!;
    first.drop(2);
    expect(first.closed).toBe(true);
    const before = overviewCalls(asked);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(overviewCalls(asked)).toBe(before + 2);
    expect(FakeSource.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(FakeSource.opened, 'a new stream a minute later').toHaveLength(2);
    el.remove();
    expect(FakeSource.opened[1]!.closed, 'leaving the view closes the stream').toBe(true);
  });
});


describe('zz-console-bureau when a colleague saved the open record first', () => {
  it('says so, keeps what was typed, and overwrites only when asked, naming the record it replaces', async () => {
    const list = [{ ...applicant('s-1', '开封一号机械有限公司'), reviewedAt: null, reviewedBy: null }];
    const asked = fakeServer(list);
    const plain = globalThis.fetch;
    const puts: { basedOn: unknown; notes: unknown }[] = [];
    const AT = '2026-12-06T06:30:00.000Z';
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      if (init?.method !== 'PUT') return plain(url, init);
      const body = JSON.parse(String(init.body)) as { basedOn: unknown; notes: unknown };
      puts.push(body);
      if (puts.length === 1) {
        return new Response(JSON.stringify({ error: { code: 'REVIEW_CONFLICT', message: '开封-王 于 2026-12-06 14:30（北京时间）保存了这家企业的初审记录，是在您打开它之后。', details: { by: '开封-王', at: AT } } }), { status: 409 });
      }
      return new Response(JSON.stringify({ region: '开封市', year: 2023, years: [2023], quota: { max: 5, recommended: 0, remaining: 5, atLimit: false, clause: '四(三)', quote: '', overQuota: '', groupLabel: '', warning: null }, deadline: null, countiesOwn: null, reviewedAt: '2026-12-06T06:31:00.000Z' }), { status: 200 });
    });
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('tbody tr td button')!.click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-testid=detail]')).not.toBeNull());
    const notes = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#notes')!;
    notes.value = '李：材料缺营业执照';
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid=save]')!.click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-testid=conflict]')).not.toBeNull());
    expect(puts[0]!.basedOn, 'the page says which record it read: none saved yet').toBeNull();
    expect(el.shadowRoot!.querySelector('[data-testid=conflict]')!.textContent).toContain('开封-王');
    expect(el.shadowRoot!.querySelector<HTMLTextAreaElement>('#notes')!.value, 'nothing typed is lost').toBe('李：材料缺营业执照');
    expect(el.shadowRoot!.querySelector('[data-testid=detail] .ok'), 'not said saved').toBeNull();

    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid=overwrite]')!.click();
    await vi.waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]).toMatchObject({ basedOn: AT, notes: '李：材料缺营业执照' });
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-testid=detail] .ok')?.textContent).toBe('已保存'));
    expect(el.shadowRoot!.querySelector('[data-testid=conflict]')).toBeNull();
    // The next save of the page names its own save, so it is not taken for a colleague's.
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid=save]')!.click();
    await vi.waitFor(() => expect(puts).toHaveLength(3));
    expect(puts[2]!.basedOn).toBe('2026-12-06T06:31:00.000Z');
    expect(asked.length).toBeGreaterThan(0);
  });
});

describe('zz-console-bureau shows the application as submitted', () => {
  it('flags beside a value what the form view flagged beside its box, and nothing beside the others', async () => {
    fakeServer([applicant('s-1', '开封一号机械有限公司')], {
      formAnswers: [
        { label: '车间1其中联网的设备', display: '130台（套）', flags: [{ severity: 'error', message: '车间1联网设备数大于自动化、数字化、智能化设备数' }] },
        { label: '员工人数', display: '约460人', flags: [{ severity: 'warning', message: '员工人数是约数，请给出确切人数' }] },
        { label: '企业名称', display: '开封一号机械有限公司' },
      ],
      editedSections: [],
    });
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('tbody tr td button')!.click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-testid=application]')).not.toBeNull());
    const dds = [...el.shadowRoot!.querySelectorAll('[data-testid=application] dd')];
    expect(dds[0]!.querySelector('[data-testid=form-flag]')!.textContent).toBe('有误：车间1联网设备数大于自动化、数字化、智能化设备数');
    expect(dds[1]!.querySelector('[data-testid=form-flag]')!.textContent).toBe('请核实：员工人数是约数，请给出确切人数');
    expect(dds[2]!.querySelector('[data-testid=form-flag]')).toBeNull();
  });
});
