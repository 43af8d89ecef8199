import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, newPage } from './harness';
import { browser, browserSuite, server } from './suite';
import { openSeeded, seed, storedAnswers } from './seed';
import { discreteFactory } from '../chat/enterprises';

/*
 * The form view's boxes in Debian's Chromium against the real server: 员工人数 has its box, where a round figure
 * (「九十多号人」) is saved as said and waits as unconfirmed, as in the chat; a box typed back to its saved value shows
 * no 未保存, though the browser fires no change event for it.
 */

vi.setConfig({ testTimeout: 240_000, hookTimeout: 180_000 });
browserSuite();

const field = (page: Page, key: string) => page.locator(`zz-form-view .field[data-key="${key}"]`);
const status = (page: Page, key: string) => field(page, key).getAttribute('data-status');

async function openForm(page: Page): Promise<void> {
  await page.locator('zz-app button.form-toggle').click();
  await page.locator('zz-form-view .field').first().waitFor();
}

async function typeAndEnter(page: Page, key: string, text: string, expected: string): Promise<void> {
  const control = field(page, key).locator('input').first();
  await control.fill(text);
  await control.press('Enter');
  await page.locator(`zz-form-view .field[data-key="${key}"][data-status="${expected}"]`).waitFor({ timeout: 15_000 });
}

describe('the form view\'s boxes', () => {
  it('员工人数 keeps a round figure as said; a box typed back to its saved value is no longer 未保存', async () => {
    const s = await seed(server.url, discreteFactory, (q) => q.phase === 'form');
    const { context, page } = await newPage(browser, DESKTOP);
    await openSeeded(page, s.link);
    await openForm(page);

    await typeAndEnter(page, 'form.employees', '九十多号人', 'unconfirmed');
    expect(await field(page, 'form.employees').locator('input').inputValue()).toBe('九十多号人');
    const stored = await storedAnswers(server.url, s);
    expect(stored['form.employees']).toBe(90);
    expect(stored['approx.form.employees']).toBe('九十多号人');

    await typeAndEnter(page, 'form.address', '郑州市高新区科学大道100号', 'filled');
    const input = field(page, 'form.address').locator('input');
    await input.focus();
    await input.press('End');
    await page.keyboard.type('号');
    expect(await status(page, 'form.address')).toBe('typing');
    // Back to the saved text: no change event follows, and the box says it holds the saved value.
    await page.keyboard.press('Backspace');
    expect(await status(page, 'form.address')).toBe('filled');
    // Retyped whole, the same.
    await input.fill('');
    expect(await status(page, 'form.address')).toBe('typing');
    await page.keyboard.type('郑州市高新区科学大道100号');
    expect(await status(page, 'form.address')).toBe('filled');
    await input.blur();
    expect(await status(page, 'form.address')).toBe('filled');
    // Near miss: a box typed to other text still says 未保存 until it is saved.
    await input.fill('郑州市高新区科学大道101号');
    expect(await status(page, 'form.address')).toBe('typing');
    await context.close();
  });

  it('an answer typed and left for the chat at once is saved, and shown when the form comes back', async () => {
    const s = await seed(server.url, discreteFactory, (q) => q.phase === 'form');
    const { context, page } = await newPage(browser, PHONE);
    await openSeeded(page, s.link);
    await openForm(page);
    // Typed, then straight to the chat: the box's change fires on the way out and its check returns after the form closed.
    await field(page, 'form.project.name').locator('input').fill('洛阳二号智能工厂');
    await page.locator('zz-app button.form-toggle').click();
    await page.locator('zz-app .scroller').waitFor({ state: 'visible' });
    await vi.waitFor(async () => expect((await storedAnswers(server.url, s))['form.project.name']).toBe('洛阳二号智能工厂'), { timeout: 15_000, interval: 200 });
    await page.locator('zz-app button.form-toggle').click();
    await page.locator('zz-form-view .field[data-key="form.project.name"][data-status="filled"]').waitFor({ timeout: 15_000 });
    expect(await field(page, 'form.project.name').locator('input').inputValue()).toBe('洛阳二号智能工厂');
    await context.close();
  });
});
