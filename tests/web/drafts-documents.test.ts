// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/components/zz-drafts-panel';
import type { ZzDraftsPanel } from '../../web/components/zz-drafts-panel';

/** A fake of the drafting, documents and checklist routes that records what the panel sent. */
const REVENUE = { field: 'finance.2022.revenue', label: '2022年营业收入（万元）', value: 86000, source: { file: '审计报告.pdf', page: 1, snippet: '营业收入 860,000,000.00' } };
const ADDRESS = { field: 'address', label: '单位地址', value: '洛阳市涧西区华山北路18号', source: { file: '审计报告.pdf', page: 1, snippet: '住所：洛阳市涧西区华山北路18号' } };
const BRANCH = { field: 'ent.independentLegalPerson', label: '具有独立法人资格', value: '否', answer: false, source: { file: '营业执照.pdf', page: 1, snippet: '类型 有限责任公司分公司' } };

function fakeServer(suggestions: unknown[] = [REVENUE], stored: unknown[] = []) {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  /** Answers for the next uploads, in order, instead of a document: a refusal, or a line that drops. */
  const uploads: (() => Response | Promise<Response>)[] = [];
  let docs = 0;
  const json = (status: number, data: unknown) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
  const section = {
    section: 'enterpriseIntro', title: '企业简介', text: '某公司成立于2011年4月20日。', edited: false, savedAt: null,
    generated: { missingFacts: [], addFacts: ['发展历程'], target: null, sentences: [{ text: '某公司成立于2011年4月20日。', facts: ['form.name', 'form.foundedOn'] }] },
  };
  const fetchFn = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    calls.push({ method, url, body });
    if (url.startsWith('/api/sessions/s1/drafts?')) return json(200, { category: 'smartWorkshop', sections: [section] });
    if (url === '/api/export/formats') return json(200, { docx: true, pdf: false, pdfHowTo: '请用 Word 或 WPS 另存为 PDF' });
    if (url.startsWith('/api/sessions/s1/checklist?')) return json(200, { items: [{ id: 'photos', clause: '附件1.四(五)', title: '照片', done: false, note: '', checks: [] }] });
    if (url.startsWith('/api/sessions/s1/checklist/photos')) return json(200, { done: false, note: '', checks: ['照片 7 张，少于 10 张，还需 3 张'] });
    if (url === '/api/sessions/s1/documents' && method === 'GET') return json(200, { documents: stored });
    if (url === '/api/sessions/s1/documents') {
      const next = uploads.shift();
      if (next) return next();
      return json(201, { documentId: `d${++docs}`, kind: 'pdf', pages: 1, suggestions });
    }
    if (url.endsWith('/accept')) return json(200, { field: body.field, value: body.value });
    if (url.endsWith('/reject')) return json(200, { field: body.field, rejected: true });
    return json(404, { error: { message: 'not found' } });
  });
  return { calls, fetchFn, uploads };
}

/** The stages the server says it reaches for a PDF, as the route streams them when asked for NDJSON. */
const SERVER_STAGES = [
  ['read', '正在读取文件中的文字'],
  ['recognise', '正在识别可填入申报书的信息'],
  ['save', '正在保存文件和识别结果'],
];

/**
 * XMLHttpRequest as the panel's upload uses it, answered by the fake server: the body goes up in two halves, then
 * the server answers, a line per stage and the result last where the request asks for NDJSON, as the route does.
 * With `gate`, each step waits for the test to let it go, so each stage can be seen.
 */
function fakeXhr(fetchFn: (url: string, init?: RequestInit) => Promise<Response>, gate?: { wait: () => Promise<void> }) {
  return class {
    status = 0;
    responseText = '';
    upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void; onload?: () => void } = {};
    onload?: () => void;
    onprogress?: () => void;
    onerror?: () => void;
    private headers: Record<string, string> = {};
    ontimeout?: () => void;
    private url = '';
    private method = 'GET';
    open(method: string, url: string) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name.toLowerCase()] = value;
    }
    send(body: FormData) {
      const total = 7 * 1024 * 1024;
      void (async () => {
        await gate?.wait();
        this.upload.onprogress?.({ loaded: total / 2, total, lengthComputable: true });
        await gate?.wait();
        this.upload.onprogress?.({ loaded: total, total, lengthComputable: true });
        this.upload.onload?.();
        await gate?.wait();
        let res: Response;
        try {
          res = await fetchFn(this.url, { method: this.method, body });
        } catch {
          return this.onerror?.();
        }
        const text = await res.text();
        if (this.headers.accept !== 'application/x-ndjson') {
          this.status = res.status;
          this.responseText = text;
          return this.onload?.();
        }
        this.status = 200;
        for (const [stage, label] of SERVER_STAGES) {
          this.responseText += `${JSON.stringify({ stage, label })}\n`;
          this.onprogress?.();
          await gate?.wait();
        }
        const answer = JSON.parse(text);
        this.responseText += `${JSON.stringify(res.status < 300 ? { result: answer, statusCode: res.status } : { ...answer, statusCode: res.status })}\n`;
        this.onload?.();
      })();
    }
  };
}
function stubServer(server: ReturnType<typeof fakeServer>, gate?: { wait: () => Promise<void> }) {
  vi.stubGlobal('fetch', server.fetchFn);
  vi.stubGlobal('XMLHttpRequest', fakeXhr(server.fetchFn, gate));
}
/** A gate the test opens one step at a time. */
function stepper() {
  const waiting: (() => void)[] = [];
  return { wait: () => new Promise<void>((r) => waiting.push(r)), step: () => waiting.shift()?.(), get held() { return waiting.length; } };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function mount(): Promise<ZzDraftsPanel> {
  const el = document.createElement('zz-drafts-panel');
  el.session = { sessionId: 's1', token: 'tok' };
  el.category = 'smartWorkshop';
  document.body.append(el);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('textarea')).not.toBeNull());
  return el;
}
/** What an accept event hands the chat, without the callback the app answers it through. */
const sent = ({ settled: _settled, ...fact }: { settled?: unknown } & Record<string, unknown>) => fact;
const button = (el: Element, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes(text))!;

describe('zz-drafts-panel: documents, provenance, checklist', () => {
  it('lets the user pick a spreadsheet (XLSX) as well as PDF and DOCX, and says so', async () => {
    stubServer(fakeServer());
    const el = await mount();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#doc-file')!;
    expect(input.accept.split(',')).toEqual(['.pdf', '.docx', '.xlsx']);
    expect(input.closest('label')!.textContent).toContain('PDF/DOCX/XLSX');
  });

  it('shows a suggestion with its source and records it only when the user accepts it, as edited', async () => {
    const server = fakeServer();
    stubServer(server);
    const el = await mount();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#doc-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-'], '审计报告.pdf')] });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-suggestion="finance.2022.revenue"]')).not.toBeNull());
    const li = el.shadowRoot!.querySelector('[data-suggestion="finance.2022.revenue"]')!;
    expect(li.textContent).toContain('来源：审计报告.pdf 第1页「营业收入 860,000,000.00」');
    expect(server.calls.some((c) => c.url.endsWith('/accept'))).toBe(false);
    const box = li.querySelector<HTMLInputElement>('input.sug')!;
    box.value = '86100';
    box.dispatchEvent(new Event('input'));
    // Accepting hands the value, as edited, to the app, which records it over the chat (where the rules check
    // it and the question card moves on) and only then tells the documents route.
    const answers: unknown[] = [];
    el.addEventListener('zz-document-answer', (e) => answers.push(sent((e as CustomEvent).detail)));
    [...li.querySelectorAll('button')].find((x) => x.textContent!.includes('采纳'))!.click();
    await vi.waitFor(() => expect(answers).toEqual([{ documentId: 'd1', questionId: 'form.finance.2022.revenue', value: 86100, reading: '86100', label: '2022年营业收入（万元）' }]));
    await vi.waitFor(() => expect(li.textContent).toContain('已采纳'));
    expect(server.calls.some((c) => c.url.endsWith('/accept'))).toBe(false);
  });

  async function uploaded(server: ReturnType<typeof fakeServer>, field: string) {
    stubServer(server);
    const el = await mount();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#doc-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-'], '营业执照.pdf')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector(`[data-suggestion="${field}"]`)).not.toBeNull());
    return { el, li: el.shadowRoot!.querySelector(`[data-suggestion="${field}"]`)! };
  }
  const buttonIn = (li: Element, text: string) => [...li.querySelectorAll('button')].find((x) => x.textContent!.trim() === text);

  it('a licence\'s reading of an interview question is shown as read, with 采纳 and 不采纳; 采纳 hands the question\'s own value to the chat', async () => {
    const server = fakeServer([BRANCH]);
    const { el, li } = await uploaded(server, BRANCH.field);
    expect(li.querySelector('input.sug')).toBeNull();
    expect(li.querySelector('.reading')!.textContent).toBe('否');
    expect(li.textContent).toContain('来源：营业执照.pdf 第1页「类型 有限责任公司分公司」');
    const events: unknown[] = [];
    el.addEventListener('zz-document-answer', (e) => events.push(sent((e as CustomEvent).detail)));
    buttonIn(li, '采纳')!.click();
    await vi.waitFor(() => expect(li.textContent).toContain('已采纳'));
    expect(events).toEqual([{ documentId: 'd1', questionId: BRANCH.field, value: false, reading: '否', label: BRANCH.label }]);
    // The chat stores it first; the panel itself writes nothing.
    expect(server.calls.some((c) => c.url.endsWith('/accept'))).toBe(false);
    expect(buttonIn(li, '采纳')).toBeUndefined();
    expect(buttonIn(li, '不采纳')).toBeUndefined();
  });

  it('a suggested figure or text is a labelled text box: a number asks the phone for its decimal keypad, words for the keyboard', async () => {
    const server = fakeServer([REVENUE, ADDRESS]);
    const { el } = await uploaded(server, REVENUE.field);
    const box = (field: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`[data-suggestion="${field}"] input.sug`)!;
    for (const [field, mode] of [[REVENUE.field, 'decimal'], [ADDRESS.field, null]] as const) {
      expect(box(field).getAttribute('type')).toBe('text');
      expect(box(field).getAttribute('inputmode')).toBe(mode);
      // The visible label names the box (with its unit, from the knowledge), not only an aria-label.
      const label = el.shadowRoot!.querySelector(`label[for="${box(field).id}"]`)!;
      expect(label.textContent).toBe(field === REVENUE.field ? '2022年营业收入（万元）' : '单位地址');
    }
  });

  it('each suggestion shows what its field holds now beside what 采纳 puts there, and says when they agree', async () => {
    const server = fakeServer([REVENUE, ADDRESS, BRANCH]);
    const { el } = await uploaded(server, REVENUE.field);
    const current = (field: string) => el.shadowRoot!.querySelector(`[data-suggestion="${field}"] .current`)!;
    // Nothing given yet: the field is empty, so accepting fills it.
    expect(current(REVENUE.field).textContent).toBe('现填：未填 → 采纳后：86000');
    el.answers = { 'form.finance.2022.revenue': 85000, 'form.address': '洛阳市涧西区华山北路18号', 'ent.independentLegalPerson': true };
    await el.updateComplete;
    expect(current(REVENUE.field).textContent).toBe('现填：85000 → 采纳后：86000');
    expect(current(REVENUE.field).getAttribute('data-current')).toBe('differs');
    expect(current(ADDRESS.field).textContent).toBe('现填：洛阳市涧西区华山北路18号（与建议相同）');
    // An interview question's reading against its yes/no.
    expect(current(BRANCH.field).textContent).toBe('现填：是 → 采纳后：否');
    // The value as edited in the box is what 采纳 puts there.
    const box = el.shadowRoot!.querySelector<HTMLInputElement>(`[data-suggestion="${REVENUE.field}"] input.sug`)!;
    box.value = '86100';
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(current(REVENUE.field).textContent).toBe('现填：85000 → 采纳后：86100');
    el.answers = { 'form.finance.2022.revenue': null };
    await el.updateComplete;
    expect(current(REVENUE.field).textContent).toBe('现填：已跳过 → 采纳后：86100');
  });

  it('不采纳 leaves a suggestion unrecorded and says so', async () => {
    for (const sg of [BRANCH, REVENUE]) {
      const server = fakeServer([sg]);
      const { el, li } = await uploaded(server, sg.field);
      const events: unknown[] = [];
      el.addEventListener('zz-document-answer', (e) => events.push(sent((e as CustomEvent).detail)));
      buttonIn(li, '不采纳')!.click();
      await vi.waitFor(() => expect(li.textContent).toContain('未采纳'));
      expect(buttonIn(li, '采纳')).toBeUndefined();
      expect(events).toEqual([]);
      expect(server.calls.some((c) => c.url.endsWith('/accept'))).toBe(false);
      // The decline is kept with the session, so a reload does not offer it again.
      expect(server.calls.find((c) => c.url.endsWith('/reject'))).toMatchObject({ method: 'POST', url: '/api/sessions/s1/documents/d1/reject', body: { field: sg.field } });
      document.body.innerHTML = '';
    }
  });

  it('a round figure is offered in the document\'s words with a note, and accepted unedited in those words for the chat to read as round', async () => {
    const STAFF = { field: 'employees', label: '员工人数', value: 520, raw: '520余人', approximate: true, note: '原文是约数（520余人），采纳后仍需填写准确数字。', source: { file: '企业简介.docx', page: 1, snippet: '公司现有员工520余人' } };
    const server = fakeServer([STAFF]);
    const { el, li } = await uploaded(server, 'employees');
    expect(li.querySelector<HTMLInputElement>('input.sug')!.value).toBe('520余人');
    expect(li.textContent).toContain('原文是约数（520余人）');
    const events: unknown[] = [];
    el.addEventListener('zz-document-answer', (e) => events.push(sent((e as CustomEvent).detail)));
    buttonIn(li, '采纳')!.click();
    await vi.waitFor(() => expect(events).toEqual([{ documentId: 'd1', questionId: 'form.employees', value: '520余人', reading: '520余人', label: '员工人数' }]));
  });

  it('a long upload shows its stages, 上传 with how much has gone, then each stage the server reaches as it reaches it, and ends with what was found', async () => {
    const server = fakeServer();
    const gate = stepper();
    stubServer(server, gate);
    const el = await mount();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#doc-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-'], '年度报告.pdf')] });
    input.dispatchEvent(new Event('change'));
    const stage = () => el.shadowRoot!.querySelector('.upload-stage')?.textContent?.replace(/\s+/g, ' ').trim();
    await vi.waitFor(() => expect(gate.held).toBe(1));
    gate.step();
    await vi.waitFor(() => expect(stage()).toContain('正在上传 50%（3.5 / 7.0 MB）'));
    expect(el.shadowRoot!.querySelector('progress')!.value).toBe(50);
    await vi.waitFor(() => expect(gate.held).toBe(1));
    gate.step();
    await vi.waitFor(() => expect(stage()).toContain('① 上传完成，等待服务器开始读取'));
    await vi.waitFor(() => expect(gate.held).toBe(1));
    gate.step();
    // Reading and recognising are shown apart, each when the server says it has begun it.
    await vi.waitFor(() => expect(stage()).toContain('① 上传完成 ✓ → ② 正在读取文件中的文字…'));
    expect(stage()).not.toContain('识别');
    await vi.waitFor(() => expect(gate.held).toBe(1));
    gate.step();
    await vi.waitFor(() => expect(stage()).toContain('② 正在读取文件中的文字 ✓ → ③ 正在识别可填入申报书的信息…'));
    await vi.waitFor(() => expect(gate.held).toBe(1));
    gate.step();
    await vi.waitFor(() => expect(stage()).toContain('③ 正在识别可填入申报书的信息 ✓ → ④ 正在保存文件和识别结果…'));
    await vi.waitFor(() => expect(gate.held).toBe(1));
    gate.step();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-suggestion="finance.2022.revenue"]')).not.toBeNull());
    expect(stage()).toBeUndefined();
    expect(el.shadowRoot!.textContent).toContain('已识别 1 项');
  });

  it('a failed upload says which file, why and what to do, and keeps the documents already read', async () => {
    const server = fakeServer();
    const { el } = await uploaded(server, REVENUE.field);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#doc-file')!;
    const refusal = '文件解析超时，文件可能过于复杂。请只上传相关页，或直接输入数据。';
    server.uploads.push(
      () => new Response(JSON.stringify({ error: { message: refusal } }), { status: 422 }),
      () => Promise.reject(new TypeError('network')),
      () => new Response('{"error":{"message":"服务器内部错误"}}', { status: 500 }),
    );
    const status = () => [...el.shadowRoot!.querySelectorAll('p[role="status"]')].map((p) => p.textContent!).join('');
    for (const expected of [refusal, '网络连接中断，文件没有上传完成。请检查网络后重新选择文件上传。', '服务器没能处理这个文件（500），请稍后重试，或直接填写数据。']) {
      Object.defineProperty(input, 'files', { value: [new File(['%PDF-'], '年度报告.pdf')], configurable: true });
      input.dispatchEvent(new Event('change'));
      await vi.waitFor(() => expect(status()).toBe(`「年度报告.pdf」没有上传成功：${expected}已上传的文件和已采纳的数据不受影响。`));
      // What was read before is still there, to accept or not.
      expect(el.shadowRoot!.querySelector('[data-suggestion="finance.2022.revenue"] input.sug')).not.toBeNull();
      expect(input.disabled).toBe(false);
    }
  });

  it('after a reload shows the session\'s uploads again, with what was accepted (as taken) and declined, and offers only the rest', async () => {
    const stored = [{ documentId: 'd0', kind: 'docx', pages: 1, suggestions: [REVENUE, ADDRESS, BRANCH], accepted: { [REVENUE.field]: 86100 }, rejected: [ADDRESS.field] }];
    vi.stubGlobal('fetch', fakeServer([], stored).fetchFn);
    const el = await mount();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('[data-suggestion]').length).toBe(3));
    const li = (f: string) => el.shadowRoot!.querySelector(`[data-suggestion="${f}"]`)!;
    expect(li(REVENUE.field).textContent).toContain('已采纳');
    expect(li(REVENUE.field).querySelector<HTMLInputElement>('input.sug')!.value).toBe('86100');
    expect(li(ADDRESS.field).textContent).toContain('未采纳');
    for (const f of [REVENUE.field, ADDRESS.field]) expect(buttonIn(li(f), '采纳')).toBeUndefined();
    expect(buttonIn(li(BRANCH.field), '采纳')).toBeDefined();
    expect(buttonIn(li(BRANCH.field), '不采纳')).toBeDefined();
  });

  it('fetches the drafts again when the session\'s answers change (a value adopted), so the panel shows what the export prints', async () => {
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetchFn);
    const el = await mount();
    el.answers = { 'form.finance.2022.revenue': 15000 };
    await el.updateComplete;
    const drafts = () => server.calls.filter((c) => c.url.startsWith('/api/sessions/s1/drafts?')).length;
    const before = drafts();
    el.answers = { 'form.finance.2022.revenue': 16350 };
    await vi.waitFor(() => expect(drafts()).toBe(before + 1));
  });

  it('shows each sentence with its facts on tap, says which facts would add length, and how to make a PDF', async () => {
    vi.stubGlobal('fetch', fakeServer().fetchFn);
    const el = await mount();
    await vi.waitFor(() => expect(el.shadowRoot!.textContent).toContain('请用 Word 或 WPS 另存为 PDF'));
    expect(el.shadowRoot!.textContent).toContain('发展历程');
    button(el, '查看每句依据').click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('ol.prov li')).not.toBeNull());
    expect(el.shadowRoot!.querySelector('ol.prov li')!.getAttribute('title')).toContain('foundedOn');
  });

  it('sends a photo count and shows the check', async () => {
    const server = fakeServer();
    vi.stubGlobal('fetch', server.fetchFn);
    const el = await mount();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-item="photos"]')).not.toBeNull());
    const n = el.shadowRoot!.querySelector<HTMLInputElement>('[data-item="photos"] input[type="number"]')!;
    n.value = '7';
    n.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(el.shadowRoot!.textContent).toContain('还需 3 张'));
    expect(server.calls.find((c) => c.url.startsWith('/api/sessions/s1/checklist/photos'))!.body).toEqual({ photoCount: 7 });
  });

  it('a checklist item: a checkbox named by its title, the clause chip outside that label, a text box for 备注', async () => {
    vi.stubGlobal('fetch', fakeServer().fetchFn);
    const el = await mount();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-item="photos"]')).not.toBeNull());
    const li = el.shadowRoot!.querySelector('[data-item="photos"]')!;
    const box = li.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const labels = [...li.querySelectorAll(`label[for="${box.id}"]`)].map((l) => l.textContent!.trim());
    expect(labels).toContain('照片');
    // Tapping the chip opens the clause; inside the label it would also tick the box.
    expect(li.querySelector('label zz-citation-chip')).toBeNull();
    expect(li.querySelector('zz-citation-chip')!.clause).toBe('附件1.四(五)');
    expect(li.querySelector('input[placeholder="备注"]')!.getAttribute('type')).toBe('text');
  });
});

describe('zz-drafts-panel: a reload during an upload', () => {
  const KEY = 'zz-upload:s1';
  const remember = (m: { file: string; at: number; sent: boolean; known: string[] }) => sessionStorage.setItem(KEY, JSON.stringify(m));
  const status = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role=status]')].map((p) => p.textContent!.trim()).join('\n');
  const EARLIER = { documentId: 'd0', file: '营业执照.pdf', kind: 'pdf', pages: 1, suggestions: [ADDRESS], accepted: { address: ADDRESS.value } };
  const READ = { documentId: 'd7', file: '审计报告.pdf', kind: 'pdf', pages: 3, suggestions: [REVENUE, { ...ADDRESS, source: { ...ADDRESS.source, file: '审计报告.pdf' } }] };
  afterEach(() => sessionStorage.clear());

  it('an upload whose bytes had all gone is waited for, and its suggestions shown when the server has read it', async () => {
    const stored: unknown[] = [EARLIER];
    stubServer(fakeServer([REVENUE], stored));
    remember({ file: '审计报告.pdf', at: Date.now() - 20_000, sent: true, known: ['d0'] });
    const el = await mount();
    await vi.waitFor(() => expect(status(el)).toContain('「审计报告.pdf」上传后页面刷新了，服务器仍在识别'));
    // The earlier document and what was accepted from it stay as they were.
    expect(el.shadowRoot!.querySelector('[data-suggestion="address"]')!.textContent).toContain('已采纳');
    stored.push(READ);
    // The earlier document's accepted address is that document's: this one's two are both still open.
    await vi.waitFor(() => expect(status(el)).toContain('「审计报告.pdf」已识别完成（识别时页面刷新过）：已识别 2 项，请逐项核对后采纳。'), { timeout: 8_000 });
    expect(el.shadowRoot!.querySelector('[data-suggestion="finance.2022.revenue"]')).not.toBeNull();
    expect(sessionStorage.getItem(KEY), 'said once').toBeNull();
  });

  it('says every suggestion is accepted when they were by the time the page came back, not to review them', async () => {
    stubServer(fakeServer([REVENUE], [EARLIER, { ...READ, accepted: { [REVENUE.field]: 86000, address: ADDRESS.value } }]));
    remember({ file: '审计报告.pdf', at: Date.now() - 20_000, sent: true, known: ['d0'] });
    const el = await mount();
    await vi.waitFor(() => expect(status(el)).toContain('「审计报告.pdf」已识别完成（识别时页面刷新过）：已识别 2 项，已全部采纳。'));
    expect(status(el)).not.toContain('请逐项核对');
    expect(el.shadowRoot!.querySelector('[data-accept-all]')).toBeNull();
  });

  it('says how many are accepted and how many are left when some were, and counts a declined one as decided', async () => {
    stubServer(fakeServer([REVENUE], [EARLIER, { ...READ, accepted: { [REVENUE.field]: 86000 } }]));
    remember({ file: '审计报告.pdf', at: Date.now() - 20_000, sent: true, known: ['d0'] });
    const el = await mount();
    await vi.waitFor(() => expect(status(el)).toContain('：已识别 2 项，已采纳 1 项，还有 1 项请核对后采纳。'));
    // Declining the last one leaves nothing open.
    // The earlier document's address is accepted and has no buttons; this document's is the open one.
    const decline = [...el.shadowRoot!.querySelectorAll('[data-suggestion="address"] button')].find((x) => x.textContent!.trim() === '不采纳') as HTMLButtonElement;
    decline.click();
    await vi.waitFor(() => expect(status(el)).toContain('：已识别 2 项，已采纳 1 项、未采纳 1 项，都已处理。'));
  });

  it('an upload cut off before its bytes had all gone asks for the file again at once', async () => {
    stubServer(fakeServer([REVENUE], [EARLIER]));
    remember({ file: '审计报告.pdf', at: Date.now() - 5_000, sent: false, known: ['d0'] });
    const el = await mount();
    await vi.waitFor(() => expect(status(el)).toContain('「审计报告.pdf」上传时页面刷新了，文件没有传完，请重新选择这个文件上传。已识别和已采纳的数据不受影响。'));
    expect(sessionStorage.getItem(KEY)).toBeNull();
  });

  it('an upload no document came of in time asks for the file again, and one of the same name uploaded before is not taken for it', async () => {
    stubServer(fakeServer([REVENUE], [EARLIER, { ...READ, documentId: 'd5' }]));
    remember({ file: '审计报告.pdf', at: Date.now() - 10 * 60_000, sent: true, known: ['d0', 'd5'] });
    const el = await mount();
    await vi.waitFor(() => expect(status(el)).toContain('「审计报告.pdf」上传后页面刷新了，没有等到它的识别结果，请重新选择这个文件上传。'));
  });

  it('a finished upload leaves nothing to say after a reload, and a page with no upload in progress says nothing', async () => {
    const server = fakeServer([REVENUE], []);
    stubServer(server);
    const el = await mount();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#doc-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-'], '审计报告.pdf')] });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-suggestion="finance.2022.revenue"]')).not.toBeNull());
    expect(sessionStorage.getItem(KEY)).toBeNull();
    expect(status(el)).not.toContain('刷新');
  });
});

describe('zz-drafts-panel: 全部采纳', () => {
  const SECOND = { documentId: 'd9', file: '审计报告.pdf', kind: 'pdf', pages: 2, suggestions: [REVENUE, ADDRESS, BRANCH], rejected: ['ent.independentLegalPerson'] };

  it('hands every open suggestion, as shown or edited, to the chat in one event, and shows them accepted', async () => {
    stubServer(fakeServer([], [SECOND]));
    const el = await mount();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-accept-all]')).not.toBeNull());
    // The declined reading is decided already: two are open.
    expect(el.shadowRoot!.querySelector('[data-accept-all]')!.textContent!.trim()).toBe('全部采纳（2 项）');
    const box = el.shadowRoot!.querySelector<HTMLInputElement>('[data-suggestion="finance.2022.revenue"] input.sug')!;
    box.value = '86100';
    box.dispatchEvent(new Event('input'));
    const events: { items: unknown[]; settled?: (r: string | null) => void }[] = [];
    el.addEventListener('zz-document-answers', (e) => events.push((e as CustomEvent).detail));
    el.addEventListener('zz-document-answer', () => events.push({ items: ['one at a time'] }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-accept-all]')!.click();
    expect(events).toHaveLength(1);
    expect(events[0]!.items).toEqual([
      { documentId: 'd9', questionId: 'form.finance.2022.revenue', value: 86100, reading: '86100', label: REVENUE.label },
      { documentId: 'd9', questionId: 'form.address', value: ADDRESS.value, reading: ADDRESS.value, label: ADDRESS.label },
    ]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-accept-all]'), 'nothing left to accept').toBeNull();
    for (const f of ['finance.2022.revenue', 'address']) expect(el.shadowRoot!.querySelector(`[data-suggestion="${f}"]`)!.textContent).toContain('已采纳');
    events[0]!.settled?.(null);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-suggestion="address"]')!.textContent).toContain('已采纳');
  });

  it('offers them again with the chat\'s reason when it refuses them, keeping the declined one declined', async () => {
    stubServer(fakeServer([], [SECOND]));
    const el = await mount();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-accept-all]')).not.toBeNull());
    let settled: ((r: string | null) => void) | undefined;
    el.addEventListener('zz-document-answers', (e) => (settled = (e as CustomEvent).detail.settled));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-accept-all]')!.click();
    settled!('「单位地址」没有采用：地址太短。这一次的 2 项都没有保存，请改正这一项后再采纳，或逐项采纳。');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[data-accept-all]')!.textContent!.trim()).toBe('全部采纳（2 项）');
    expect([...el.shadowRoot!.querySelectorAll('[role=status]')].map((p) => p.textContent).join('')).toContain('「单位地址」没有采用');
    expect(el.shadowRoot!.querySelector('[data-suggestion="ent.independentLegalPerson"]')!.textContent).toContain('未采纳');
  });

  it('is not offered for a single open suggestion, which has its own 采纳', async () => {
    stubServer(fakeServer([], [{ ...SECOND, rejected: ['ent.independentLegalPerson', 'address'] }]));
    const el = await mount();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[data-suggestion="finance.2022.revenue"]')).not.toBeNull());
    expect(el.shadowRoot!.querySelector('[data-accept-all]')).toBeNull();
  });
});

describe('zz-drafts-panel: the upload line follows the decisions', () => {
  const status = (el: Element) => el.shadowRoot!.querySelector('[data-outcome]')?.textContent?.trim();

  it('after an upload, says to review; after 全部采纳, says all are accepted; after a refusal, says to review again', async () => {
    stubServer(fakeServer([REVENUE, ADDRESS]));
    const el = await mount();
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#doc-file')!;
    Object.defineProperty(input, 'files', { value: [new File(['%PDF-'], '审计报告.pdf')] });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(status(el)).toBe('已识别 2 项，请逐项核对后采纳。'));
    let settled: ((r: string | null) => void) | undefined;
    el.addEventListener('zz-document-answers', (e) => (settled = (e as CustomEvent).detail.settled));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-accept-all]')!.click();
    await el.updateComplete;
    expect(status(el)).toBe('已识别 2 项，已全部采纳。');
    settled!('「单位地址」没有采用：地址太短。');
    await el.updateComplete;
    expect(status(el), 'nothing was stored, so nothing is said accepted').toBe('已识别 2 项，请逐项核对后采纳。');
  });
});

