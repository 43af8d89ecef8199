import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, newPage } from './harness';
import { HAS_CHROMIUM, browser, browserSuite, server } from './suite';
import { settle, snapshot, typeMessage } from './flow';

/* A phone whose chat socket cannot reach the server while the page itself still loads: a train tunnel, a captive Wi-Fi. */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

browserSuite();

const PHONE_390 = { ...PHONE, viewport: { width: 390, height: 844 } } as const;

/** The meta line under each user bubble, in order. */
const userMeta = (page: Page) =>
  page.locator('zz-app zz-message-list zz-message[role-user]').evaluateAll((els) =>
    els.map((el) => ({
      text: (el as unknown as { message: { text: string } }).message.text,
      status: (el as unknown as { message: { status: string } }).message.status,
      clientId: (el as unknown as { message: { clientId?: string } }).message.clientId ?? '',
      meta: el.shadowRoot!.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    })),
  );

/** A page whose chat socket can be cut: while cut, every socket is closed at once, as an unreachable server's would be. */
async function cuttablePage(device: Parameters<typeof newPage>[1], cutAtStart: boolean) {
  const { context, page } = await newPage(browser, device);
  let isCut = cutAtStart;
  await page.routeWebSocket(/\/api\/chat/, (ws) => {
    if (isCut) ws.close({ code: 4000, reason: 'offline' });
    else ws.connectToServer();
  });
  return { context, page, cut: (v: boolean) => void (isCut = v) };
}

describe.skipIf(!HAS_CHROMIUM)('a phone that loses its connection mid-interview', () => {
  it('queues a tapped answer and a typed question as 待发送, keeps them over a reload, and sends each once, in order, when back', async () => {
    const { context, page, cut } = await cuttablePage(PHONE_390, false);
    try {
      await page.goto(server.url);
      await page.locator('zz-welcome button', { hasText: '我要申报' }).click();
      const chips = page.locator('zz-app .dock zz-question button.chip');
      await chips.first().waitFor({ timeout: 15_000 });
      const first = (await snapshot(page)).question!;
      const answerLabel = (await chips.first().textContent())!.trim();

      cut(true);
      await page.evaluate(() => window.dispatchEvent(new Event('offline')));
      await expect.poll(async () => (await snapshot(page)).offline, { timeout: 10_000 }).toBe(true);

      // Offline the answer buttons still take a tap: the answer is kept, visibly, until it can go.
      expect(await chips.first().isEnabled()).toBe(true);
      await chips.first().click();
      await expect.poll(async () => (await userMeta(page)).at(-1)?.meta).toContain('待发送');
      // One answer per question: the card waits for the queued one instead of taking a second.
      await expect.poll(() => chips.first().isDisabled()).toBe(true);

      await page.locator('zz-app .modes button', { hasText: '政策问答' }).click();
      await typeMessage(page, '申报视频有什么要求？');
      // Something typed and not sent yet: the composer keeps it over the reload too.
      await page.locator('zz-app zz-composer textarea').fill('还没发的草稿');
      const queued = await userMeta(page);
      expect(queued.slice(-2).map((m) => [m.status, m.meta.includes('待发送')])).toEqual([
        ['sending', true],
        ['sending', true],
      ]);
      const sentTexts = queued.slice(-2).map((m) => m.text);
      expect(sentTexts).toEqual([answerLabel, '申报视频有什么要求？']);
      const sentIds = queued.slice(-2).map((m) => m.clientId);
      // Each sent message once, in the order sent, told apart by the id the server deduplicates on.
      const sentOnce = async () => (await userMeta(page)).filter((m) => sentIds.includes(m.clientId)).map((m) => m.clientId);

      // A reload while the socket is still unreachable: nothing the user sent or typed is lost.
      await page.reload();
      await expect.poll(async () => (await userMeta(page)).filter((m) => m.status === 'sending').map((m) => m.text), { timeout: 15_000 }).toEqual(sentTexts);
      expect(await sentOnce()).toEqual(sentIds);
      expect((await userMeta(page)).filter((m) => m.status === 'sending').every((m) => m.meta.includes('待发送'))).toBe(true);
      expect(await page.locator('zz-app zz-composer textarea').inputValue()).toBe('还没发的草稿');

      cut(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(async () => (await userMeta(page)).every((m) => m.status === 'sent'), { timeout: 20_000 }).toBe(true);
      // The interview moved past the queued answer, and the question got its answer.
      await expect.poll(async () => (await snapshot(page)).messages.at(-1)?.role, { timeout: 20_000 }).toBe('assistant');
      expect(await sentOnce()).toEqual(sentIds);
      expect((await snapshot(page)).messages.filter((m) => m.text === '申报视频有什么要求？')).toHaveLength(1);

      // The server stored each exactly once, in the order they were sent: a fresh load shows them once.
      await page.reload();
      await expect.poll(sentOnce, { timeout: 15_000 }).toEqual(sentIds);
      const stored = await (await fetch(`${server.url}/api/sessions/${encodeURIComponent(await sessionId(page))}`, { headers: { authorization: `Bearer ${await token(page)}` } })).json() as { answers: Record<string, unknown> };
      expect(first.id in stored.answers).toBe(true);
      // Nothing is left queued for the tab once the server has it.
      expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('zz-outbox:')))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)('an answer edited while the connection is down', () => {
  it('is taken from the review card, marked 待发送 there and in the chat, and applied once when back', async () => {
    const { context, page, cut } = await cuttablePage(DESKTOP, false);
    try {
      await page.goto(server.url);
      await page.locator('zz-welcome button', { hasText: '我要申报' }).click();
      const dock = page.locator('zz-app .dock zz-question');
      await dock.locator('button.chip').first().waitFor({ timeout: 15_000 });
      const before = await snapshot(page);
      const first = before.question!;
      expect(first.kind).toBe('yesNo');
      await dock.locator('button.chip', { hasText: /^\s*是\s*$/ }).click();
      await settle(page, before);

      cut(true);
      await page.evaluate(() => window.dispatchEvent(new Event('offline')));
      await expect.poll(async () => (await snapshot(page)).offline, { timeout: 10_000 }).toBe(true);

      await page.locator('[role=tab]', { hasText: '我的回答' }).click();
      const item = page.locator(`zz-review-card li[data-question="${first.id}"]`);
      await item.locator('button', { hasText: '修改' }).click();
      await item.locator('zz-question button.chip', { hasText: /^\s*否\s*$/ }).click();
      await expect.poll(() => item.locator('.queued').textContent()).toBe('修改待发送');
      // The list shows the new answer while it waits, not the old one beside 修改待发送.
      expect(await item.locator('.value').textContent()).toBe('否');
      const last = (await userMeta(page)).at(-1)!;
      expect(last.text).toMatch(/^修改「.+」：否$/);
      expect(last.meta).toContain('待发送');

      cut(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(async () => (await userMeta(page)).every((m) => m.status === 'sent'), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => item.locator('.queued').count()).toBe(0);
      await expect.poll(() => item.locator('.value').textContent()).toBe('否');
      const stored = (await (await fetch(`${server.url}/api/sessions/${encodeURIComponent(await sessionId(page))}`, { headers: { authorization: `Bearer ${await token(page)}` } })).json()) as { answers: Record<string, unknown> };
      expect(stored.answers[first.id]).toBe(false);
      expect((await userMeta(page)).filter((m) => m.clientId === last.clientId)).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)('a question typed before the first connection ever got through', () => {
  it('is kept over a reload, and the session it was for opens and answers it once the socket gets through', async () => {
    const { context, page, cut } = await cuttablePage(PHONE_390, true);
    try {
      await page.goto(server.url);
      await page.locator('zz-welcome button', { hasText: '政策问答' }).click();
      await typeMessage(page, '申报书要盖章吗？');
      await expect.poll(async () => (await userMeta(page)).at(-1)?.meta).toContain('待发送');
      const [queued] = await userMeta(page);

      await page.reload();
      // Not the welcome screen: the chat comes back with the question still waiting.
      await expect.poll(async () => (await userMeta(page)).map((m) => [m.text, m.status]), { timeout: 15_000 }).toEqual([['申报书要盖章吗？', 'sending']]);
      expect(await page.locator('zz-welcome').count()).toBe(0);

      cut(false);
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await expect.poll(async () => (await userMeta(page)).map((m) => m.status), { timeout: 20_000 }).toEqual(['sent']);
      await expect.poll(async () => (await snapshot(page)).messages.at(-1)?.role, { timeout: 20_000 }).toBe('assistant');
      expect((await userMeta(page))[0]!.clientId).toBe(queued!.clientId);
      expect(await sessionId(page)).not.toBe('');
      expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('zz-outbox:')))).toEqual([]);
      // The server has it once, in the session the link now names.
      await page.reload();
      await expect.poll(async () => (await userMeta(page)).map((m) => m.text), { timeout: 15_000 }).toEqual(['申报书要盖章吗？']);
    } finally {
      await context.close();
    }
  });
});

async function hashPart(page: Page, key: 's' | 't'): Promise<string> {
  const hash = await page.evaluate(() => location.hash);
  return new URLSearchParams(hash.slice(1)).get(key) ?? '';
}
const sessionId = (page: Page) => hashPart(page, 's');
const token = (page: Page) => hashPart(page, 't');
