import { describe, expect, it, vi } from 'vitest';
import { addAccount } from '../../server/staff/accounts';
import { regionNames } from '../../server/staff/bureau';
import { DESKTOP, PHONE, newPage } from './harness';
import { HAS_CHROMIUM, browser, browserSuite, server } from './suite';
import { horizontalOverflow } from './flow';

/*
 * Setting the password after a one-time one: the server takes seconds to hash it, so the form says at once that it is
 * saving, the console confirms the change, and a refusal says what went wrong with what was typed still in the fields.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

browserSuite();

const oneTimeAccount = (username: string) => addAccount(server.dataDir, { username, role: 'helpline', createdBy: 'test' }, regionNames(server.app.kb.data));

async function atPasswordForm(page: import('playwright-core').Page, username: string, password: string) {
  await page.goto(`${server.url}/console`);
  await page.locator('zz-console-login input[name=username]').fill(username);
  await page.locator('zz-console-login input[name=password]').fill(password);
  await page.locator('zz-console-login button[type=submit]').click();
  await page.locator('zz-console-password #cur').waitFor();
}

describe.skipIf(!HAS_CHROMIUM)('the console\'s new-password form', () => {
  for (const [device, opts] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`says it is saving as soon as 保存新密码 is pressed, then confirms the change (${device})`, async () => {
      const pw = await oneTimeAccount(`pw-ok-${device}`);
      const { context, page } = await newPage(browser, opts);
      try {
        await atPasswordForm(page, `pw-ok-${device}`, pw);
        // The server's answer is held back, as a slow hash holds it, so what shows while it works can be seen.
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        await page.route('**/api/staff/password', async (route) => {
          await held;
          await route.continue();
        });
        await page.locator('zz-console-password #cur').fill(pw);
        await page.locator('zz-console-password #next').fill('a-long-new-passphrase');
        await page.locator('zz-console-password button[type=submit]').click();
        const button = page.locator('zz-console-password button[type=submit]');
        await expect.poll(() => button.textContent()).toContain('保存中');
        expect(await button.isDisabled()).toBe(true);
        expect(await page.locator('zz-console-password [role=status]').textContent()).toContain('正在保存新密码');
        release();
        await page.locator('zz-console-ask input#q').waitFor();
        const notice = page.locator('zz-console-app .notice[role=status]');
        expect(await notice.textContent()).toContain('新密码已保存');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        // Seen and dismissed, or left behind by opening another view.
        await notice.locator('button').click();
        expect(await page.locator('zz-console-app .notice').count()).toBe(0);
      } finally {
        await context.close();
      }
    });
  }

  it('a wrong current password is said clearly, and both fields keep what was typed', async () => {
    const pw = await oneTimeAccount('pw-wrong');
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await atPasswordForm(page, 'pw-wrong', pw);
      await page.locator('zz-console-password #cur').fill('not-the-one-time-pw');
      await page.locator('zz-console-password #next').fill('a-long-new-passphrase');
      await page.locator('zz-console-password button[type=submit]').click();
      await expect.poll(() => page.locator('zz-console-password .error[role=alert]').textContent()).toContain('当前密码错误');
      expect(await page.locator('zz-console-password #cur').inputValue()).toBe('not-the-one-time-pw');
      expect(await page.locator('zz-console-password #next').inputValue()).toBe('a-long-new-passphrase');
      expect(await page.locator('zz-console-password button[type=submit]').textContent()).toContain('保存新密码');
      expect(await page.locator('zz-console-password button[type=submit]').isDisabled()).toBe(false);
      // Corrected, the same form saves.
      await page.locator('zz-console-password #cur').fill(pw);
      await page.locator('zz-console-password button[type=submit]').click();
      await page.locator('zz-console-ask input#q').waitFor();
    } finally {
      await context.close();
    }
  });

  it('a request that never reaches the server says so and keeps the fields; the same password twice is refused before sending', async () => {
    const pw = await oneTimeAccount('pw-offline');
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await atPasswordForm(page, 'pw-offline', pw);
      let sent = 0;
      await page.route('**/api/staff/password', (route) => ((sent += 1), route.abort('internetdisconnected')));
      await page.locator('zz-console-password #cur').fill(pw);
      await page.locator('zz-console-password #next').fill(pw);
      await page.locator('zz-console-password button[type=submit]').click();
      await expect.poll(() => page.locator('zz-console-password .error[role=alert]').textContent()).toContain('不能与当前密码相同');
      expect(sent).toBe(0);
      await page.locator('zz-console-password #next').fill('a-long-new-passphrase');
      await page.locator('zz-console-password button[type=submit]').click();
      await expect.poll(() => page.locator('zz-console-password .error[role=alert]').textContent()).toContain('未能连接服务器');
      expect(sent).toBe(1);
      expect(await page.locator('zz-console-password #cur').inputValue()).toBe(pw);
      expect(await page.locator('zz-console-password #next').inputValue()).toBe('a-long-new-passphrase');
    } finally {
      await context.close();
    }
  });
});
