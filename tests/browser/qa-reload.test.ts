import { describe, expect, it, vi } from 'vitest';
import { mkdirSync } from 'node:fs';
import { DESKTOP, PHONE, newPage } from './harness';
import { HAS_CHROMIUM, browser, browserSuite, server } from './suite';
import { snapshot, typeMessage } from './flow';

/*
 * 政策问答 chosen and a question asked: a reload reopens the same session in 政策问答, on a phone and on a
 * desktop, with no interview card pushed in front of the answer. The mode is kept per session.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });
/** Set to a directory (outside the repository) to keep a screenshot of each reloaded page. */
const SHOTS = process.env.ZZ_SHOTS;

browserSuite({ pageChecks: false });

describe.skipIf(!HAS_CHROMIUM)('a 政策问答 session reloaded', () => {
  for (const [name, device] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`reopens in 政策问答 on a ${name}, without the interview's first card`, async () => {
      const { context, page } = await newPage(browser, device);
      try {
        await page.goto(server.url);
        await page.locator('zz-welcome button', { hasText: '政策问答' }).click();
        await typeMessage(page, '视频资料有什么要求？');
        await expect.poll(() => snapshot(page).then((p) => p.messages.map((m) => m.text).join('\n')), { timeout: 30_000 }).toContain('200M');
        await expect.poll(() => page.evaluate(() => location.hash)).toContain('s=');
        await page.reload();
        const pressed = page.locator('zz-app .modes button[aria-pressed="true"]');
        await expect.poll(() => pressed.textContent(), { timeout: 20_000 }).toContain('政策问答');
        await expect.poll(() => snapshot(page).then((p) => p.messages.map((m) => m.text).join('\n')), { timeout: 20_000 }).toContain('200M');
        expect(await page.locator('zz-app .dock zz-question').isVisible(), 'no interview card in 政策问答').toBe(false);
        if (SHOTS) {
          mkdirSync(SHOTS, { recursive: true });
          await page.screenshot({ path: `${SHOTS}/qa-reload-${name}.png` });
        }
        // Switching back to 申报评估 is kept too: the next reload opens the interview.
        await page.locator('zz-app .modes button', { hasText: '申报评估' }).click();
        await page.reload();
        await expect.poll(() => pressed.textContent(), { timeout: 20_000 }).toContain('申报评估');
      } finally {
        await context.close();
      }
    });
  }
});
