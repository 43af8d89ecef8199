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

/**
 * The sign-in forms are novalidate: an empty or short box is said in Chinese in the form's own alert, the box is marked
 * and focused, and nothing is sent. The browser's own bubble would speak its language and block the submit, so the
 * Chinese alert showing at all means no bubble stood in its way.
 */
describe.skipIf(!HAS_CHROMIUM)('the console\'s login and new-password forms check what is typed in Chinese', () => {
  const alertOf = (page: import('playwright-core').Page, form: string) => page.locator(`${form} .error[role=alert]`);
  const focusedId = (page: import('playwright-core').Page, host: string) => page.locator(host).evaluate((el) => el.shadowRoot!.activeElement?.id ?? '');
  const invalid = (page: import('playwright-core').Page, selector: string) => page.locator(selector).getAttribute('aria-invalid');

  for (const [device, opts] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    it(`login: each empty box is named, in order, and nothing is sent until both are typed (${device})`, async () => {
      const pw = await oneTimeAccount(`check-login-${device}`);
      const { context, page } = await newPage(browser, opts);
      try {
        let sent = 0;
        page.on('request', (r) => { if (r.url().endsWith('/api/staff/login')) sent += 1; });
        await page.goto(`${server.url}/console`);
        const form = page.locator('zz-console-login form');
        expect(await form.getAttribute('novalidate')).not.toBeNull();
        const submit = page.locator('zz-console-login button[type=submit]');
        await submit.click();
        await expect.poll(() => alertOf(page, 'zz-console-login').textContent()).toBe('请输入用户名');
        expect(await focusedId(page, 'zz-console-login')).toBe('u');
        expect(await invalid(page, 'zz-console-login #u')).toBe('true');
        // Spaces alone are no name; a name typed, the password is asked for next, and the name is no longer marked.
        await page.locator('zz-console-login #u').fill('   ');
        await submit.click();
        await expect.poll(() => alertOf(page, 'zz-console-login').textContent()).toBe('请输入用户名');
        await page.locator('zz-console-login #u').fill(`check-login-${device}`);
        await submit.click();
        await expect.poll(() => alertOf(page, 'zz-console-login').textContent()).toBe('请输入密码');
        expect(await focusedId(page, 'zz-console-login')).toBe('p');
        expect(await invalid(page, 'zz-console-login #u')).toBe('false');
        expect(await invalid(page, 'zz-console-login #p')).toBe('true');
        expect(sent).toBe(0);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.locator('zz-console-login #p').fill(pw);
        await submit.click();
        await page.locator('zz-console-password #cur').waitFor();
        expect(sent).toBe(1);
      } finally {
        await context.close();
      }
    });
  }

  it('new password: an empty current password, an empty and a short new one are each said, with the length asked for', async () => {
    const pw = await oneTimeAccount('check-pw');
    const { context, page } = await newPage(browser, PHONE);
    try {
      await atPasswordForm(page, 'check-pw', pw);
      let sent = 0;
      await page.route('**/api/staff/password', (route) => ((sent += 1), route.continue()));
      expect(await page.locator('zz-console-password form').getAttribute('novalidate')).not.toBeNull();
      const submit = page.locator('zz-console-password button[type=submit]');
      await submit.click();
      await expect.poll(() => alertOf(page, 'zz-console-password').textContent()).toContain('请输入当前密码');
      expect(await focusedId(page, 'zz-console-password')).toBe('cur');
      await page.locator('zz-console-password #cur').fill(pw);
      await submit.click();
      await expect.poll(() => alertOf(page, 'zz-console-password').textContent()).toBe('请输入新密码，至少 12 位');
      expect(await focusedId(page, 'zz-console-password')).toBe('next');
      expect(await invalid(page, 'zz-console-password #cur')).toBe('false');
      // Eleven characters, one short: counted back to the member. Twelve pass the check and are sent.
      await page.locator('zz-console-password #next').fill('短密码abcdefgh');
      await submit.click();
      await expect.poll(() => alertOf(page, 'zz-console-password').textContent()).toBe('新密码至少 12 位，现在只有 11 位，请再加长一些');
      expect(await invalid(page, 'zz-console-password #next')).toBe('true');
      expect(sent).toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.locator('zz-console-password #next').fill('短密码abcdefghi');
      await submit.click();
      await page.locator('zz-console-ask input#q').waitFor();
      expect(sent).toBe(1);
    } finally {
      await context.close();
    }
  });
});
