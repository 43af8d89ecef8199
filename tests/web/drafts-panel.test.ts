// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/components/zz-drafts-panel';
import type { ZzDraftsPanel } from '../../web/components/zz-drafts-panel';

/** A fake of the drafting routes that records what the panel asked for. */
function fakeServer(opts: { edited: boolean; saveFails?: boolean; ineligible?: string; pdf?: boolean; holdFiles?: Promise<void>; sentences?: { text: string; facts: string[] }[]; factLabels?: Record<string, string> }) {
  const calls: { method: string; url: string; body?: unknown; auth?: string }[] = [];
  const section = { section: 'enterpriseIntro', title: '企业简介', text: opts.edited ? '我自己写的简介' : '自动起草的简介', edited: opts.edited, savedAt: null, generated: { missingFacts: ['成立时间'], target: { text: '400字左右', nominal: 400, min: 360, max: 440 }, ...(opts.sentences ? { sentences: opts.sentences } : {}) } };
  const fetchFn = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body, auth: (init?.headers as Record<string, string> | undefined)?.authorization });
    const json = (status: number, data: unknown) => new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json' } });
    if (url.startsWith('/api/sessions/s1/drafts?')) return json(200, { category: 'smartWorkshop', ineligible: opts.ineligible ?? null, sections: [section], ...(opts.factLabels ? { factLabels: opts.factLabels } : {}) });
    if (url === '/api/forms/smartWorkshop/checklist') return json(200, { items: [{ id: 'licence', clause: '附件1.四(一)', title: '企业法人营业执照复印件', detail: '' }] });
    if (url.endsWith('/regenerate')) {
      if (opts.edited && !body.overwrite) return json(409, { error: { code: 'DRAFT_EDITED', message: '该栏目已被编辑过' } });
      return json(200, { section: 'enterpriseIntro', title: '企业简介', text: '重新起草的简介', length: 7, target: null, withinTarget: null, missingFacts: [], numbers: [], unmet: [] });
    }
    if (url === '/api/export/formats' && opts.pdf) return json(200, { docx: true, pdf: true });
    if (/\/(export|report)\.(docx|pdf)\?/.test(url)) {
      await opts.holdFiles;
      return new Response(new Blob(['file']), { status: 200 });
    }
    if (method === 'PUT' && opts.saveFails) return json(500, { error: { message: '保存失败' } });
    if (method === 'PUT') return json(200, { savedAt: '2026-01-01T00:00:00Z', length: 5 });
    return json(404, { error: { message: 'not found' } });
  });
  return { calls, fetchFn };
}

async function mountPanel(): Promise<ZzDraftsPanel> {
  const el = document.createElement('zz-drafts-panel');
  el.session = { sessionId: 's1', token: 'tok' };
  el.category = 'smartWorkshop';
  document.body.append(el);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelector('textarea')).not.toBeNull());
  return el;
}

const button = (el: Element, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes(text))!;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('zz-drafts-panel', () => {
  it('lists the drafted sections with their missing facts and the materials checklist, using the session token', async () => {
    const server = fakeServer({ edited: false });
    vi.stubGlobal('fetch', server.fetchFn);
    const el = await mountPanel();
    expect(el.shadowRoot!.querySelector('textarea')!.value).toBe('自动起草的简介');
    expect(el.shadowRoot!.textContent).toContain('请补充：成立时间');
    await vi.waitFor(() => expect(el.shadowRoot!.textContent).toContain('企业法人营业执照复印件'));
    expect(server.calls.find((c) => c.url.includes('/drafts?'))!.auth).toBe('Bearer tok');
  });

  it('shows the list\'s not-eligible line above the drafts, and nothing of the kind when the list has none', async () => {
    const line = '按目前的回答，本企业不符合通知二(一)的申报条件。';
    vi.stubGlobal('fetch', fakeServer({ edited: false, ineligible: line }).fetchFn);
    let el = await mountPanel();
    const note = el.shadowRoot!.querySelector('.ineligible')!;
    expect(note.textContent).toBe(line);
    expect(note.compareDocumentPosition(el.shadowRoot!.querySelector('textarea')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    document.body.innerHTML = '';
    vi.stubGlobal('fetch', fakeServer({ edited: false }).fetchFn);
    el = await mountPanel();
    expect(el.shadowRoot!.querySelector('.ineligible')).toBeNull();
  });

  it('saves an edit with PUT and the text typed', async () => {
    const server = fakeServer({ edited: false });
    vi.stubGlobal('fetch', server.fetchFn);
    const el = await mountPanel();
    const box = el.shadowRoot!.querySelector('textarea')!;
    box.value = '新的简介';
    box.dispatchEvent(new Event('input'));
    await el.updateComplete;
    button(el, '保存修改').click();
    await vi.waitFor(() => expect(server.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(server.calls.find((c) => c.method === 'PUT')!.body).toEqual({ text: '新的简介', category: 'smartWorkshop' });
  });

  it('asks before a regeneration replaces an edited section, and does nothing when the user declines', async () => {
    const server = fakeServer({ edited: true });
    vi.stubGlobal('fetch', server.fetchFn);
    const confirmFn = vi.fn(() => false);
    vi.stubGlobal('confirm', confirmFn);
    const el = await mountPanel();
    button(el, '重新生成').click();
    await vi.waitFor(() => expect(confirmFn).toHaveBeenCalled());
    expect(server.calls.some((c) => c.url.endsWith('/regenerate'))).toBe(false);
    expect(el.shadowRoot!.querySelector('textarea')!.value).toBe('我自己写的简介');
  });

  it('overwrites an edited section only with explicit consent', async () => {
    const server = fakeServer({ edited: true });
    vi.stubGlobal('fetch', server.fetchFn);
    vi.stubGlobal('confirm', vi.fn(() => true));
    const el = await mountPanel();
    button(el, '重新生成').click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('textarea')!.value).toBe('重新起草的简介'));
    const regen = server.calls.filter((c) => c.url.endsWith('/regenerate'));
    expect(regen.map((c) => (c.body as { overwrite: boolean }).overwrite)).toEqual([true]);
  });

  describe('unsaved edits and downloads', () => {
    const type = async (el: ZzDraftsPanel, text: string) => {
      const box = el.shadowRoot!.querySelector('textarea')!;
      box.value = text;
      box.dispatchEvent(new Event('input'));
      await el.updateComplete;
      return box;
    };
    const exportIndex = (calls: { url: string }[]) => calls.findIndex((c) => c.url.includes('/export.docx?'));

    it('saves an edit left unsaved before the DOCX is requested, so the file holds it', async () => {
      const server = fakeServer({ edited: false });
      vi.stubGlobal('fetch', server.fetchFn);
      const el = await mountPanel();
      await type(el, '导出前改过的简介');
      button(el, '下载申报书（Word）').click();
      await vi.waitFor(() => expect(exportIndex(server.calls)).toBeGreaterThan(-1));
      const put = server.calls.findIndex((c) => c.method === 'PUT');
      expect(put).toBeGreaterThan(-1);
      expect(put).toBeLessThan(exportIndex(server.calls));
      expect(server.calls[put]!.body).toEqual({ text: '导出前改过的简介', category: 'smartWorkshop' });
      expect(server.calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    });

    it('saves the self-assessment report edits first too', async () => {
      const server = fakeServer({ edited: false });
      vi.stubGlobal('fetch', server.fetchFn);
      const el = await mountPanel();
      await type(el, '报告前改过的简介');
      button(el, '下载自评报告（Word）').click();
      const report = () => server.calls.findIndex((c) => c.url.includes('/report.docx?'));
      await vi.waitFor(() => expect(report()).toBeGreaterThan(-1));
      const put = server.calls.findIndex((c) => c.method === 'PUT');
      expect(put).toBeGreaterThan(-1);
      expect(put).toBeLessThan(report());
    });

    it('saves a section when its box loses focus, and announces unsaved edits until then', async () => {
      const server = fakeServer({ edited: false });
      vi.stubGlobal('fetch', server.fetchFn);
      const el = await mountPanel();
      const dirty: boolean[] = [];
      el.addEventListener('zz-drafts-dirty', (e) => dirty.push((e as CustomEvent<{ dirty: boolean }>).detail.dirty));
      const box = await type(el, '失焦保存的简介');
      expect(dirty).toEqual([true]);
      box.dispatchEvent(new Event('blur'));
      await vi.waitFor(() => expect(dirty).toEqual([true, false]));
      expect(server.calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ text: '失焦保存的简介', category: 'smartWorkshop' }]);
      expect(el.shadowRoot!.textContent).not.toContain('保存修改');
    });

    it('asks before downloading when the save fails, and downloads nothing when the user declines', async () => {
      const server = fakeServer({ edited: false, saveFails: true });
      vi.stubGlobal('fetch', server.fetchFn);
      const confirmFn = vi.fn(() => false);
      vi.stubGlobal('confirm', confirmFn);
      const el = await mountPanel();
      await type(el, '存不上的简介');
      button(el, '下载申报书（Word）').click();
      await vi.waitFor(() => expect(el.shadowRoot!.textContent).toContain('未下载：企业简介 的修改尚未保存'));
      expect(confirmFn).toHaveBeenCalledOnce();
      expect(exportIndex(server.calls)).toBe(-1);
      expect(el.shadowRoot!.querySelector('textarea')!.value).toBe('存不上的简介');
    });
  });

  it('says a PDF takes a while and which file is being made, and keeps every download button waiting until it is', async () => {
    let release!: () => void;
    const server = fakeServer({ edited: false, pdf: true, holdFiles: new Promise<void>((r) => (release = r)) });
    vi.stubGlobal('fetch', server.fetchFn);
    const el = await mountPanel();
    await vi.waitFor(() => expect(button(el, '下载申报书（PDF）')).toBeDefined());
    button(el, '下载申报书（PDF）').click();
    const downloads = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-download]')];
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).toContain('请稍候'));
    const pdf = el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-download="pdf"]')!;
    expect(pdf.textContent!.trim(), 'the PDF button, not the DOCX one, says it is working').toBe('正在生成…');
    expect(pdf.getAttribute('aria-busy')).toBe('true');
    expect(el.shadowRoot!.querySelector('button[data-download="docx"]')!.textContent).toContain('下载申报书（Word）');
    expect(downloads().map((b) => b.disabled), 'a second tap cannot start another file').toEqual([true, true, true, true]);
    release();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('申报书已开始下载'));
    expect(downloads().map((b) => b.disabled)).toEqual([false, false, false, false]);
    // Every download names its file first and its format after it, in one style.
    expect(downloads().map((b) => b.textContent!.trim())).toEqual(['下载申报书（Word）', '下载申报书（PDF）', '下载自评报告（Word）', '下载自评报告（PDF）']);
    expect(server.calls.filter((c) => /\/(export|report)\./.test(c.url)).map((c) => c.url.split('?')[0]!.split('/').at(-1))).toEqual(['export.pdf']);
  });

  it('shows the self-assessment report on its way too', async () => {
    let release!: () => void;
    vi.stubGlobal('fetch', fakeServer({ edited: false, holdFiles: new Promise<void>((r) => (release = r)) }).fetchFn);
    const el = await mountPanel();
    button(el, '下载自评报告（Word）').click();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('button[data-download="reportDocx"]')!.textContent!.trim()).toBe('正在生成…'));
    release();
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('自评报告已开始下载'));
  });

  it('names the facts behind each sentence as the server names them, never by their ids', async () => {
    const sentences = [
      { text: '车间应用了制造执行系统。', facts: ['capabilities.mes', 'metrics.automationRatio'] },
      { text: '车间1名为精加工车间。', facts: ['form.workshops.0.name'] },
      { text: '〔请补充：成立时间〕', facts: [] },
    ];
    const factLabels = { 'capabilities.mes': '制造执行系统（MES）', 'metrics.automationRatio': '自动化、数字化、智能化设备占比', 'form.workshops.0.name': '车间名称' };
    vi.stubGlobal('fetch', fakeServer({ edited: false, sentences, factLabels }).fetchFn);
    const el = await mountPanel();
    button(el, '查看每句依据').click();
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector('ol.prov')!.textContent!;
    expect(list).toContain('依据：评估问答：制造执行系统（MES）；评估问答：自动化、数字化、智能化设备占比');
    expect(list).toContain('依据：车间1的填报：车间名称');
    expect(list).not.toMatch(/capabilities|metrics|workshops/);
  });
});
