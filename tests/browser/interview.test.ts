import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, newPage } from './harness';
import { HAS_CHROMIUM, browser, browserSuite, server } from './suite';
import { settle, snapshot, typeMessage } from './flow';
import { openSeeded, seed, storedAnswers } from './seed';
import { ineligible, processFactory, workshop, type ScriptedEnterprise } from '../chat/enterprises';

/*
 * The interview as four enterprises and a phone user meet it, in Debian's Chromium against the
 * real server. Sessions are walked over the socket up to the step under test and opened through
 * their link, as a user who comes back would.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });


browserSuite();

const panelText = (page: Page) =>
  page.locator('zz-assessment-panel').evaluate((el) => [...el.shadowRoot!.children].map((c) => (c as HTMLElement).innerText ?? c.textContent).join('\n'));
const tabNames = (page: Page) => page.locator('zz-app [role=tab]').allTextContents();
const reviewItems = (page: Page) => page.locator('zz-review-card li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-question') ?? ''));

async function openReview(page: Page): Promise<void> {
  await page.locator('zz-app [role=tab]', { hasText: '我的回答' }).click();
  await page.locator('zz-review-card').waitFor({ state: 'attached' });
}

const countyProcess: ScriptedEnterprise = {
  name: '县里的一家化工厂（流程型，存在差距）',
  facts: { ...processFactory.facts, 'ent.county': '巩义市', 'cap.apc': false, 'cap.rto': false, 'cap.lims': 'partial' },
};
const groupHq: ScriptedEnterprise = { name: '以集团总部名义申报', facts: { ...workshop.facts, 'ent.groupOrHeadOffice': true } };

describe.skipIf(!HAS_CHROMIUM)('four enterprises walked to the end', () => {
  const cases: [ScriptedEnterprise, 'eligible' | 'ineligible', string][] = [
    [workshop, 'eligible', '智能车间'],
    [countyProcess, 'eligible', '流程型智能工厂'],
    [ineligible, 'ineligible', ''],
    [groupHq, 'ineligible', ''],
  ];
  for (const [e, kind, category] of cases) {
    it(`${e.name}: the verdict is said in the chat, agrees with the panel, and every answer is there after a reload`, async () => {
      const s = await seed(server.url, e, (q) => q.phase === 'form');
      const { context, page } = await newPage(browser, DESKTOP);
      const shown = await openSeeded(page, s.link);
      const verdict = shown.messages.filter((m) => m.role === 'assistant').map((m) => m.text).find((t) => t.startsWith('评估结果'));
      expect(verdict).toBeDefined();
      const panel = await panelText(page);
      const tabs = await tabNames(page);
      if (kind === 'eligible') {
        expect(verdict).toContain(`建议申报${category}`);
        expect(panel).toContain(`推荐申报：${category}`);
        expect(panel).not.toContain('不符合申报条件');
        expect(shown.question?.id).toBe('form.proceed');
      } else {
        expect(verdict).toContain('暂不符合申报条件');
        expect(verdict).not.toContain('建议申报');
        expect(panel).toContain('不符合申报条件');
        expect(panel).not.toContain('推荐申报');
        expect(tabs.some((t) => t.includes('申报书'))).toBe(false);
        expect(shown.question).toBeNull();
        const notices = await page.locator('zz-app p.notice').allTextContents();
        expect(notices.join('')).not.toContain('推荐申报');
      }
      // After a reload every stored answer is listed and can be edited.
      await page.reload();
      await openSeeded(page, s.link);
      await openReview(page);
      const stored = await storedAnswers(server.url, s);
      await expect.poll(() => reviewItems(page)).toEqual(expect.arrayContaining(Object.keys(stored)));
      expect((await reviewItems(page)).length).toBe(Object.keys(stored).length);
      const edits = await page.locator('zz-review-card li button', { hasText: '修改' }).count();
      expect(edits).toBe(Object.keys(stored).length);
      await context.close();
    });
  }
});

describe.skipIf(!HAS_CHROMIUM)('a question typed while a text field waits', () => {
  it('is answered, and the 企业全称 card keeps waiting', async () => {
    const s = await seed(server.url, workshop, (q) => q.id === 'form.name');
    const { context, page } = await newPage(browser, DESKTOP);
    const before = await openSeeded(page, s.link);
    expect(before.question?.id).toBe('form.name');
    await typeMessage(page, 'APC一定要有吗？没有的话今年还能报吗');
    const after = await settle(page, before);
    const reply = after.messages.filter((m) => m.role === 'assistant').at(-2);
    expect(reply?.citations).toBeGreaterThan(0);
    expect(after.messages.some((m) => m.text.includes('已记录'))).toBe(false);
    expect(after.question?.id).toBe('form.name');
    expect(await storedAnswers(server.url, s)).not.toHaveProperty('form.name');
    await context.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('form answers after a reload', () => {
  it('are listed under 申报书信息 and can be corrected', async () => {
    const s = await seed(server.url, workshop, (q) => q.id === 'form.name');
    const { context, page } = await newPage(browser, DESKTOP);
    let snap = await openSeeded(page, s.link);
    const dock = page.locator('zz-app .dock zz-question');
    await dock.locator('input').fill('郑州精工汽车零部件有限公司');
    await dock.locator('button[type=submit]').click();
    snap = await settle(page, snap);
    expect(snap.question?.id).toBe('form.creditCode');
    await page.reload();
    await openSeeded(page, s.link);
    await openReview(page);
    await expect.poll(() => reviewItems(page)).toContain('form.name');
    const card = page.locator('zz-review-card');
    expect(await card.locator('h3', { hasText: '申报书信息' }).count()).toBe(1);
    const item = card.locator('li[data-question="form.name"]');
    expect(await item.locator('.value').textContent()).toBe('郑州精工汽车零部件有限公司');
    await item.locator('button', { hasText: '修改' }).click();
    await item.locator('zz-question input').fill('郑州精工汽车部件股份有限公司');
    await item.locator('zz-question button[type=submit]').click();
    await expect.poll(() => item.locator('.value').textContent(), { timeout: 15_000 }).toBe('郑州精工汽车部件股份有限公司');
    // The card shows the correction as soon as it is sent; the server's copy follows its ack, so it is waited for.
    await expect.poll(async () => (await storedAnswers(server.url, s))['form.name'], { timeout: 15_000 }).toBe('郑州精工汽车部件股份有限公司');
    await context.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('figures typed as people write them', () => {
  it('takes 「1.2亿」 in the 万元 widget and records 12000', async () => {
    const s = await seed(server.url, workshop, (q) => q.id === 'form.registeredCapital');
    const { context, page } = await newPage(browser, DESKTOP);
    const snap = await openSeeded(page, s.link);
    const dock = page.locator('zz-app .dock zz-question');
    await dock.locator('input').fill('1.2亿');
    await dock.locator('button[type=submit]').click();
    const after = await settle(page, snap);
    expect(after.question?.id).toBe('form.capitalNature');
    expect((await storedAnswers(server.url, s))['form.registeredCapital']).toBe(12000);
    await context.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('the counters and the welcome', () => {
  it('promise no 「几分钟」, and the panel counts the answers the review card lists', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(server.url);
    expect(await page.locator('zz-welcome').innerText()).not.toContain('几分钟');
    await context.close();
    const s = await seed(server.url, workshop, (q) => q.phase === 'form' && q.kind === 'number');
    const second = await newPage(browser, DESKTOP);
    const before = await openSeeded(second.page, s.link);
    // A round figure typed in the card keeps its words beside the answer: they are not a second answer.
    await second.page.locator('zz-app .dock zz-question input').fill('大概两百');
    await second.page.locator('zz-app .dock zz-question button[type=submit]').click();
    await settle(second.page, before);
    const r = await fetch(`${server.url}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
    const n = ((await r.json()) as { recorded: { value: unknown }[] }).recorded.filter((x) => x.value !== null).length;
    expect(Object.values(await storedAnswers(server.url, s)).filter((v) => v !== null).length).toBeGreaterThan(n);
    await expect.poll(() => panelText(second.page)).toContain(`已回答 ${n} 题`);
    expect((await tabNames(second.page)).some((t) => t.includes(`我的回答（${n}）`))).toBe(true);
    await openReview(second.page);
    expect(await second.page.locator('zz-review-card .summary').innerText()).toContain(`已回答 ${n} 题`);
    await second.context.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('政策问答 mode', () => {
  it('shows no interview counters and no 申报书 tab', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(server.url);
    await page.locator('zz-welcome button', { hasText: '政策问答' }).click();
    await page.locator('zz-app zz-composer textarea').waitFor({ state: 'visible' });
    const before = await snapshot(page);
    await typeMessage(page, '智能车间需要满足哪些条件？');
    await settle(page, before);
    expect(await panelText(page)).not.toMatch(/已回答|还剩/);
    expect((await tabNames(page)).some((t) => t.includes('申报书'))).toBe(false);
    await context.close();
  });
});

describe.skipIf(!HAS_CHROMIUM)('on a 375 × 740 phone', () => {
  it('keeps card and dock within 40% of the screen, and names 返回对话 as it reads', async () => {
    const s = await seed(server.url, workshop, (q) => q.id === 'cap.mes');
    const { context, page } = await newPage(browser, PHONE);
    await openSeeded(page, s.link);
    const dock = await page.locator('zz-app .dock').boundingBox();
    expect(dock!.height).toBeLessThanOrEqual(740 * 0.4);
    await page.locator('zz-app button.panel-toggle').click();
    await page.locator('zz-app aside.open').waitFor({ state: 'visible' });
    expect(await page.getByRole('button', { name: '返回对话', exact: true }).count()).toBe(1);
    // Every button is announced by what it says (label-in-name).
    const mismatched = await page.locator('zz-app button').evaluateAll((bs) => {
      // Icon-only buttons (✕) have no visible words to match.
      const bare = (t: string) => t.replace(/[\p{P}\p{S}\s]/gu, '');
      return bs
        .filter((b) => b.getAttribute('aria-label') && bare(b.textContent ?? '') && !bare(b.getAttribute('aria-label')!).includes(bare(b.textContent!.trim().split(/\s+/)[0]!)))
        .map((b) => `${b.getAttribute('aria-label')} ≠ ${b.textContent!.trim()}`);
    });
    expect(mismatched).toEqual([]);
    await page.getByRole('button', { name: '返回对话', exact: true }).click();
    await context.close();
  });

  it('keeps the question in view while the keyboard is open', async () => {
    const s = await seed(server.url, workshop, (q) => q.id === 'cap.erp');
    const { context, page } = await newPage(browser, PHONE);
    await openSeeded(page, s.link);
    await page.locator('zz-app zz-composer textarea').focus();
    // The on-screen keyboard takes about 320 px: the layout viewport shrinks to what is left.
    await page.setViewportSize({ width: 375, height: 420 });
    const q = page.locator('zz-app .dock zz-question .q');
    // The app takes the new height when the visual viewport reports its resize, a frame or more later.
    await expect.poll(async () => ((b) => !!b && b.y + b.height <= 420)(await page.locator('zz-app zz-composer textarea').boundingBox())).toBe(true);
    const box = await q.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(420);
    const composer = await page.locator('zz-app zz-composer textarea').boundingBox();
    expect(composer!.y + composer!.height).toBeLessThanOrEqual(420);
    await context.close();
  });

  it('keeps the form gate\'s choices on its card while the composer has the keyboard, and a tap answers it', async () => {
    const s = await seed(server.url, workshop, (q) => q.id === 'form.proceed');
    const { context, page } = await newPage(browser, PHONE);
    await openSeeded(page, s.link);
    await page.locator('zz-app zz-composer textarea').focus();
    await page.setViewportSize({ width: 375, height: 420 });
    const card = page.locator('zz-app .dock zz-question');
    await expect.poll(() => card.getAttribute('collapsed')).not.toBeNull();
    const now = card.locator('button.chip', { hasText: '继续填写申报书' });
    expect(await card.locator('button.chip', { hasText: '以后再填' }).count()).toBe(1);
    const box = (await now.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(420);
    await now.click();
    await expect.poll(async () => (await snapshot(page)).question?.id, { timeout: 15_000 }).not.toBe('form.proceed');
    await context.close();
  });

  it('folds a question typed in to its text while the composer has the keyboard', async () => {
    // Near miss: a figure's box is no tap, so the folded card leaves it out.
    const s = await seed(server.url, workshop, (q) => q.id === 'form.finance.2020.totalAssets');
    const { context, page } = await newPage(browser, PHONE);
    await openSeeded(page, s.link);
    await page.locator('zz-app zz-composer textarea').focus();
    const card = page.locator('zz-app .dock zz-question');
    await expect.poll(() => card.getAttribute('collapsed')).not.toBeNull();
    expect(await card.locator('input, button').count()).toBe(0);
    await context.close();
  });

  it('gives a narrative answer a multi-line input that grows', async () => {
    const s = await seed(server.url, workshop, (q) => q.id === 'form.history');
    const { context, page } = await newPage(browser, PHONE);
    await openSeeded(page, s.link);
    const area = page.locator('zz-app .dock zz-question textarea');
    await area.waitFor({ state: 'visible' });
    const h0 = (await area.boundingBox())!.height;
    await area.fill('2009年成立。\n2015年扩产，新建机加工车间。\n2018年完成股份制改造。\n2021年建成智能车间。\n2022年通过两化融合贯标。');
    await area.dispatchEvent('input');
    await expect.poll(async () => (await area.boundingBox())!.height).toBeGreaterThan(h0);
    await context.close();
  });
});

/** Whether an element of the dock lies wholly on screen and is not scrolled out of the dock. */
const onScreen = (page: Page, selector: string, height: number) =>
  page.locator(selector).first().evaluate((el, h) => {
    const r = el.getBoundingClientRect();
    const dock = el.closest('.dock')!.getBoundingClientRect();
    return r.height > 0 && r.top >= dock.top - 1 && r.bottom <= dock.bottom + 1 && r.bottom <= h;
  }, height);

describe.skipIf(!HAS_CHROMIUM)('while a card waits on a small phone', () => {
  const sizes = [
    { width: 375, height: 667 },
    { width: 390, height: 844 },
  ];
  // A date picker, a two-line question with three choices, a yearly figure, a narrative.
  const ids = ['form.foundedOn', 'ent.priorTitles', 'form.finance.2020.totalAssets', 'form.history'];

  it('keeps the mode switch and the composer on screen, and 跳过 is a bordered button of 44 px', async () => {
    const sessions = await Promise.all(ids.map((id) => seed(server.url, workshop, (q) => q.id === id)));
    for (const viewport of sizes) {
      const { context, page } = await newPage(browser, { ...PHONE, viewport });
      for (const [i, s] of sessions.entries()) {
        const shown = await openSeeded(page, s.link);
        expect(shown.question?.id).toBe(ids[i]);
        const where = `${ids[i]} at ${viewport.width}×${viewport.height}`;
        // Measured once the card has settled (the help line folds after the first render).
        await expect.poll(() => onScreen(page, 'zz-app .dock zz-composer', viewport.height), { message: `${where}: composer` }).toBe(true);
        await expect.poll(() => onScreen(page, 'zz-app .dock .modes', viewport.height), { message: `${where}: mode switch` }).toBe(true);
        // The question itself stays readable above them.
        await expect.poll(() => onScreen(page, 'zz-app .dock zz-question', viewport.height), { message: `${where}: card` }).toBe(true);
        const skip = page.locator('zz-app .dock zz-question button.skip');
        const box = (await skip.boundingBox())!;
        expect(box.height, where).toBeGreaterThanOrEqual(44);
        expect(box.width, where).toBeGreaterThanOrEqual(44);
        const border = await skip.evaluate((b) => getComputedStyle(b).borderTopColor);
        expect(border, `${where}: 跳过 has a visible border`).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
        // A reply typed instead of using the card goes out from the composer.
        await page.locator('zz-app zz-composer textarea').fill('这个以后再说');
        expect(await page.locator('zz-app zz-composer button[type=submit]').isEnabled(), where).toBe(true);
        await page.locator('zz-app zz-composer textarea').fill('');
        // Typing in the composer folds the card to its question; leaving the box restores the dock.
        await page.locator('zz-app header h1').click();
      }
      await context.close();
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)('我的会话', () => {
  it('lists a session on the first screen, reopens it, and deletes it through the server', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await page.goto(server.url);
    await page.locator('zz-welcome button', { hasText: '我要申报' }).click();
    await page.locator('zz-app .dock zz-question').waitFor({ state: 'visible', timeout: 15_000 });
    let s = await snapshot(page);
    await page.locator('zz-app .dock zz-question button.chip', { hasText: /^\s*是\s*$/ }).click();
    s = await settle(page, s);
    const answered = s.messages.length;
    await page.locator('zz-app header button', { hasText: '新建' }).click();
    const entry = page.locator('zz-welcome .mine li');
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.innerText()).toContain('未填写企业名称');
    await entry.locator('button', { hasText: '继续' }).click();
    await expect.poll(async () => (await snapshot(page)).messages.length, { timeout: 15_000 }).toBe(answered);
    await page.locator('zz-app header button', { hasText: '新建' }).click();
    const deletes: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'DELETE') deletes.push(new URL(r.url()).pathname);
    });
    await page.locator('zz-welcome .mine li button', { hasText: '删除' }).click();
    await expect.poll(() => entry.count()).toBe(0);
    expect(deletes).toHaveLength(1);
    expect(deletes[0]).toMatch(/^\/api\/sessions\/[\w-]+$/);
    await context.close();
  });
});
