import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, cspViolations, ensureWebBuilt, launch, newPage, pageErrors, removeDir, startServer, type RunningServer } from './harness';
import { openSeeded, seed, storedAnswers } from './seed';
import { workshop } from '../chat/enterprises';
import { horizontalOverflow, snapshot } from './flow';
import { findSoffice } from '../../server/export/pdf';

/*
 * A branch's licence uploaded in the drafts panel suggests 「否」 to the interview's 独立法人资格 question:
 * the page shows it as read, with 采纳 and 不采纳, and an accepted reading goes through the chat, so the
 * conversation warns under 二(一) and the assessment follows, on a phone and on a desktop.
 */

vi.setConfig({ testTimeout: 240_000, hookTimeout: 180_000 });
const HAS_CHROMIUM = existsSync('/usr/bin/chromium');

let server: RunningServer;
let browser: Browser;
let licence: string;
const dirs: string[] = [];

const para = (text: string) => new Paragraph({ children: [new TextRun({ text })] });

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  await ensureWebBuilt();
  // Without LibreOffice a DOCX is read without laying it out into pages: the same suggestions, minutes sooner.
  const path = process.env.PATH;
  const soffice = findSoffice();
  if (soffice) process.env.PATH = (path ?? '').split(delimiter).filter((d) => !soffice.startsWith(`${d}/`)).join(delimiter);
  try {
    server = await startServer();
  } finally {
    process.env.PATH = path;
  }
  dirs.push(server.dataDir);
  browser = await launch();
  const doc = new Document({ sections: [{ children: [
    para('营业执照'), para('名称 河南恒远精密轴承有限公司洛阳分公司'), para('类型 有限责任公司分公司（自然人投资或控股）'),
    para('负责人 王建国'), para('营业场所 洛阳市涧西区建设路88号'), para('成立日期 2019年07月01日'),
  ] }] });
  const dir = mkdtempSync(join(tmpdir(), 'zz-licence-'));
  dirs.push(dir);
  licence = join(dir, '分公司营业执照.docx');
  writeFileSync(licence, Buffer.from(await Packer.toBuffer(doc)));
});

afterAll(async () => {
  if (HAS_CHROMIUM) {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  }
  await browser?.close();
  await server?.stop();
  for (const d of dirs) removeDir(d);
});

describe.skipIf(!HAS_CHROMIUM)('an interview answer suggested by an uploaded licence', () => {
  for (const [name, size] of [['phone', { ...PHONE, viewport: { width: 390, height: 844 } }], ['desktop', DESKTOP]] as const) {
    it(`${name}: shown as read with 采纳/不采纳; 采纳 is recorded in the chat, which warns under 二(一), and the assessment follows`, async () => {
      const { context, page } = await newPage(browser, size);
      const s = await seed(server.url, workshop, (q) => q.phase === 'form');
      await openSeeded(page, s.link);
      if (name === 'phone') await page.locator('zz-app .panel-toggle').click();
      await page.locator('zz-app [role=tab]', { hasText: '申报书' }).click();
      await page.locator('zz-drafts-panel input#doc-file').setInputFiles(licence);
      const li = page.locator('zz-drafts-panel li[data-suggestion="ent.independentLegalPerson"]');
      await li.waitFor({ state: 'visible', timeout: 120_000 });
      expect(await li.locator('input').count()).toBe(0);
      expect(await li.locator('.reading').innerText()).toBe('否');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // 不采纳 on another reading records nothing.
      const address = page.locator('zz-drafts-panel li[data-suggestion="address"]');
      await address.locator('button', { hasText: /^不采纳$/ }).click();
      await expect.poll(() => address.innerText()).toContain('未采纳');
      expect(await storedAnswers(server.url, s)).not.toHaveProperty(['form.address']);

      expect((await storedAnswers(server.url, s))['ent.independentLegalPerson']).toBe(true);
      await li.locator('button', { hasText: /^采纳$/ }).click();
      await expect.poll(async () => (await storedAnswers(server.url, s))['ent.independentLegalPerson']).toBe(false);
      if (name === 'phone') await page.locator('zz-app .drawer-close').click();
      const said = async () => (await snapshot(page)).messages.filter((m) => m.role === 'assistant').map((m) => m.text).pop() ?? '';
      await expect.poll(said, { timeout: 15_000 }).toContain('二(一)');
      // The drafts are offered no more, and the form's gate question is gone.
      // The tab goes when the state message that follows the reply arrives, which may come after the reply is shown.
      await expect.poll(() => page.locator('zz-app [role=tab]', { hasText: '申报书' }).count(), { timeout: 15_000 }).toBe(0);
      // The document records it as accepted once the chat has stored it.
      await expect
        .poll(async () => ((await (await fetch(`${server.url}/api/sessions/${s.sessionId}/documents`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { documents: { accepted: Record<string, unknown> }[] }).documents[0]?.accepted)
        .toEqual({ 'ent.independentLegalPerson': '否' });
      await context.close();
    });
  }
});
