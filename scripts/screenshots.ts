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
import { ineligible, workshop } from '../tests/chat/enterprises';
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

/** The offline banner: the server goes away under an open page. */
async function offline(browser: Browser, server: RunningServer): Promise<void> {
  const { context, page } = await newPage(browser, DESKTOP);
  const s = await seed(server.url, workshop, (q) => q.id === 'cap.erp');
  await openSeeded(page, s.link);
  await server.stop();
  await page.locator('zz-offline-banner .banner').waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {});
  await shot(page, 'desktop-offline');
  await context.close();
}

/** The exported DOCX as LibreOffice prints it: the cover and section 一, complete and sparse. */
async function forms(): Promise<void> {
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  if (!soffice || !existsSync('/usr/bin/pdftoppm')) {
    console.warn('  form PNGs skipped: LibreOffice (soffice) or poppler-utils (pdftoppm) is missing');
    return;
  }
  const ctx = { ...loadKnowledgeData(join(ROOT, 'knowledge'), 'henan-2023'), templates: loadTemplates() };
  const dir = mkdtempSync(join(tmpdir(), 'zz-screens-'));
  try {
    writeFileSync(join(dir, 'discrete.docx'), await renderDocx(fillForm(ctx, DraftProfile.parse(completeFixtures.discreteFactory), 'discreteFactory')));
    writeFileSync(join(dir, 'sparse.docx'), await renderDocx(fillForm(ctx, DraftProfile.parse(sparse), 'processFactory')));
    await run(soffice, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'discrete.docx'), join(dir, 'sparse.docx')], { timeout: 180_000 });
    await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', join(dir, 'discrete.pdf'), join(dir, 'discrete')]);
    await run('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', join(dir, 'sparse.pdf'), join(dir, 'sparse')]);
    const pick = (prefix: string, n: number) => [`${prefix}-${n}.png`, `${prefix}-0${n}.png`, `${prefix}-00${n}.png`].map((f) => join(dir, f)).find(existsSync)!;
    for (const [from, to] of [[pick('discrete', 1), 'form-cover'], [pick('discrete', 2), 'form-section1'], [pick('sparse', 2), 'form-section1-placeholders']] as const) {
      copyFileSync(from, join(OUT, `${to}.png`));
      console.log(`  ${to}.png`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
