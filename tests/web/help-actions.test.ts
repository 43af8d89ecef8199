// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/components/zz-help-actions';

const WARNING = '所填的所在地“郑州金水区花园路88号”在郑州市金水区，不在中牟县的受理范围内：按通知四(三)，应由郑州市初审推荐。请改为提交给郑州市；如果所在地填错了，请先在对话中更正后再提交。';

/** The submit state as the server answers it: a warning only for 中牟县, the bureau that does not cover 金水区. */
function fakeServer() {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    asked.push(`${init?.method ?? 'GET'} ${url}`);
    const u = new URL(url, 'http://x');
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (u.pathname.endsWith('/assist')) return json({ pendingCodeExpiresAt: null, viewers: [] });
    const region = u.searchParams.get('region');
    const base = { submission: null, regions: ['郑州市', '中牟县', '洛阳市'], suggested: '郑州市' };
    return json(region ? { ...base, region, warning: region === '中牟县' ? WARNING : null } : base);
  });
  return asked;
}

async function mounted() {
  const el = document.createElement('zz-help-actions');
  el.session = { sessionId: 's-1', token: 't' } as never;
  el.assessment = { eligible: true, verdict: 'qualified', category: { recommended: 'smartWorkshop' } } as never;
  document.body.append(el);
  await el.updateComplete;
  return el;
}
const settle = async (el: HTMLElement & { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('zz-help-actions: choosing the bureau', () => {
  it('says, before anything is sent, that the bureau chosen does not cover the location given, and clears it for one that does', async () => {
    const asked = fakeServer();
    const el = await mounted();
    await settle(el);
    const root = el.shadowRoot!;
    const select = root.querySelector('select')!;
    expect(select.value).toBe('郑州市');
    expect(root.querySelector('[data-testid=area-warning]'), 'the suggested bureau covers the location').toBeNull();

    select.value = '中牟县';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(root.querySelector('[data-testid=area-warning]')?.textContent).toBe(WARNING);
    // Still in the confirmation step, where the applicant decides.
    root.querySelector<HTMLButtonElement>('[data-testid=submit]')!.click();
    await settle(el);
    expect(root.querySelector('[data-testid=submit-confirm]')).not.toBeNull();
    expect(root.querySelector('[data-testid=area-warning]')?.textContent).toBe(WARNING);
    expect(asked.some((a) => a.startsWith('POST')), 'choosing and confirming-to-be sends nothing').toBe(false);

    root.querySelector<HTMLButtonElement>('[data-testid=submit-cancel]')!.click();
    await settle(el);
    const again = root.querySelector('select')!;
    again.value = '郑州市';
    again.dispatchEvent(new Event('change'));
    await settle(el);
    expect(root.querySelector('[data-testid=area-warning]')).toBeNull();
  });
});

describe('zz-help-actions: the helpline code', () => {
  it('keeps a code given while the page-load read of the help state is still on its way', async () => {
    let releaseFirst: () => void = () => {};
    const held = new Promise<void>((r) => (releaseFirst = r));
    let reads = 0;
    let issued = false;
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/assist') && init?.method === 'POST') {
        issued = true;
        return json({ code: '123456', expiresAt: new Date(Date.now() + 600_000).toISOString(), helpline: { unit: '热线', phone: '0371—65507698' } });
      }
      if (url.endsWith('/assist')) {
        // The page-load read answers as the server stood before the code: no code pending.
        const before = !issued;
        if (++reads === 1) await held;
        return json({ pendingCodeExpiresAt: before ? null : new Date(Date.now() + 600_000).toISOString(), viewers: [] });
      }
      return json({ submission: null, regions: ['郑州市'], suggested: '郑州市' });
    });
    const el = await mounted();
    const root = el.shadowRoot!;
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.includes('请热线协助'))!.click();
    await settle(el);
    expect(root.querySelector('[data-testid=assist-code]')?.textContent).toBe('123456');
    releaseFirst();
    await settle(el);
    expect(root.querySelector('[data-testid=assist-code]')?.textContent, 'the older read does not take the code away').toBe('123456');
  });
});
