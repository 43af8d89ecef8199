/**
 * Regenerates the screenshots in docs/screenshots: the page in Debian's Chromium against the
 * real server, and the exported DOCX rendered by LibreOffice. Tests write nothing into the
 * repository; this script is the one place that does.
 *
 *   npm run screenshots
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, ROOT, ensureWebBuilt, launch, newPage, removeDir, startServer, type RunningServer } from '../tests/browser/harness';
import { openSeeded, seed } from '../tests/browser/seed';
import { discreteFactory, ineligible, workshop } from '../tests/chat/enterprises';
import { loadKnowledgeData } from '../server/knowledge/load';
import { loadTemplates } from '../server/forms/template';
import { fillForm } from '../server/forms/fill';
import { renderDocx } from '../server/export/docx';
import { DraftProfile } from '../server/schemas/forms';
import { completeFixtures, sparse } from '../tests/forms/fixtures';

const OUT = join(ROOT, 'docs/screenshots');
const run = promisify(execFile);

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(250); // transitions settle
  // The newest messages, as a user sees them after the page followed the conversation down.
  await page.locator('zz-app .scroller').evaluate((el) => (el.scrollTop = el.scrollHeight)).catch(() => {});
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`  ${name}.png`);
}

async function desktop(browser: Browser, server: RunningServer): Promise<void> {
  const { context, page } = await newPage(browser, DESKTOP);
  await page.goto(server.url);
  await shot(page, 'desktop-welcome');

  const mid = await seed(server.url, workshop, (q) => q.id === 'cap.mes');
  await openSeeded(page, mid.link);
  await shot(page, 'desktop-interview');

  const done = await seed(server.url, workshop, (q) => q.phase === 'form');
  await openSeeded(page, done.link);
  await shot(page, 'desktop-verdict');

  await page.locator('zz-app [role=tab]', { hasText: '我的回答' }).click();
  const item = page.locator('zz-review-card li[data-question="cap.mes"]');
  await item.locator('button', { hasText: '修改' }).click();
  await item.scrollIntoViewIfNeeded();
  await shot(page, 'desktop-review-edit');
  await item.locator('button', { hasText: '取消' }).click();

  await page.locator('zz-app [role=tab]', { hasText: '评估结果' }).click();
  await page.locator('zz-app aside zz-citation-chip button').first().click();
  await page.locator('zz-clause-viewer dialog[open]').waitFor({ state: 'visible' });
  await shot(page, 'desktop-clause');
  await page.keyboard.press('Escape');

  await page.locator('zz-app [role=tab]', { hasText: '申报书' }).click();
  await page.locator('zz-drafts-panel .sec').first().waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, 'desktop-drafts');

  const blocked = await seed(server.url, ineligible, () => false);
  await openSeeded(page, blocked.link);
  await page.locator('zz-app [role=tab]', { hasText: '评估结果' }).click();
  await shot(page, 'desktop-ineligible');
  await context.close();
}

async function phone(browser: Browser, server: RunningServer): Promise<void> {
  const { context, page } = await newPage(browser, PHONE);
  await page.goto(server.url);
  await shot(page, 'phone-welcome');

  const mid = await seed(server.url, workshop, (q) => q.id === 'cap.mes');
  await openSeeded(page, mid.link);
  await shot(page, 'phone-interview');

  await page.locator('zz-app zz-composer textarea').focus();
  await page.setViewportSize({ width: 375, height: 420 });
  await shot(page, 'phone-keyboard');
  await page.locator('zz-app header h1').click();
  await page.setViewportSize(PHONE.viewport);

  await page.locator('zz-app button.panel-toggle').click();
  await page.locator('zz-app aside.open').waitFor({ state: 'visible' });
  await shot(page, 'phone-assessment');
  await page.locator('zz-app aside zz-citation-chip button').first().click();
  await page.locator('zz-clause-viewer dialog[open]').waitFor({ state: 'visible' });
  await shot(page, 'phone-clause');
  await page.keyboard.press('Escape');

  const narrative = await seed(server.url, workshop, (q) => q.id === 'form.history');
  await openSeeded(page, narrative.link);
  await shot(page, 'phone-form-narrative');
  await context.close();
}

/** The form view of 附件2, part filled in the chat: statuses, computed values, the growing text areas. */
async function formView(browser: Browser, server: RunningServer): Promise<void> {
  const s = await seed(server.url, discreteFactory, (q) => q.id === 'form.history');
  for (const [opts, name] of [[DESKTOP, 'desktop-form-view'], [PHONE, 'phone-form-view']] as const) {
    const { context, page } = await newPage(browser, opts);
    await openSeeded(page, s.link);
    await page.locator('zz-app button.form-toggle').click();
    await page.locator('zz-form-view .field').first().waitFor({ state: 'visible' });
    await shot(page, name);
    // Further down: 近三年主要经济指标 with the computed 资产负债率.
    await page.locator('zz-form-view .field[data-key="finance.debtRatio.2022"]').scrollIntoViewIfNeeded();
    await shot(page, `${name}-finance`);
    await context.close();
  }
}

/** The offline banner and a queued answer: the server goes away under an open page. */
async function offline(browser: Browser, server: RunningServer): Promise<void> {
  const { context, page } = await newPage(browser, DESKTOP);
  const s = await seed(server.url, workshop, (q) => q.id === 'cap.erp');
  await openSeeded(page, s.link);
  await server.stop();
  await page.locator('zz-offline-banner .banner').waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {});
  // An answer tapped while offline waits, marked 待发送, and goes out on reconnect.
  await page.locator('zz-app .dock zz-question button.chip').first().click();
  await page.locator('zz-app zz-message-list zz-message .queued').last().waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
  await shot(page, 'desktop-offline');
  await context.close();
}

/** The exported DOCX and the gap report as LibreOffice prints them: one script makes those PNGs. */
async function forms(): Promise<void> {
  await run(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/form-screenshots.ts')], { timeout: 600_000 });
}

async function main(): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) throw new Error('/usr/bin/chromium is missing (apt-get install -y chromium)');
  mkdirSync(OUT, { recursive: true });
  await ensureWebBuilt();
  const server = await startServer();
  const browser = await launch();
  try {
    await desktop(browser, server);
    await phone(browser, server);
    await formView(browser, server);
    await offline(browser, server);
  } finally {
    await browser.close();
    await server.stop().catch(() => {});
    removeDir(server.dataDir);
  }
  await forms();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
