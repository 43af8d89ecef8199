import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Browser } from 'playwright-core';
import { DESKTOP, PHONE, cspViolations, ensureWebBuilt, launch, newPage, pageErrors, removeDir, startServer, type RunningServer } from './harness';
import { openSeeded, seed, storedAnswers } from './seed';
import { workshop } from '../chat/enterprises';
import { snapshot } from './flow';
import { findSoffice } from '../../server/export/pdf';

/*
 * An upload's suggestions accepted at once with 全部采纳: every fact is stored and marked accepted on the document,
 * and the chat shows one entry naming them (「已采用 N 项：…」), not one 「修改 …」 per fact, also after a reload.
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
    para('营业执照'), para('统一社会信用代码 91410300MA9KXXXX7Q'), para('名称 洛阳恒远精密轴承有限公司'), para('类型 有限责任公司（自然人投资或控股）'),
    para('法定代表人 王建国'), para('注册资本 伍仟万元整'), para('住所 洛阳市涧西区建设路88号'), para('成立日期 2014年07月01日'),
  ] }] });
  const dir = mkdtempSync(join(tmpdir(), 'zz-accept-all-'));
  dirs.push(dir);
  licence = join(dir, '营业执照.docx');
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

const userBubbles = async (page: Parameters<typeof snapshot>[0]) => (await snapshot(page)).messages.filter((m) => m.role === 'user').map((m) => m.text);

describe.skipIf(!HAS_CHROMIUM)('全部采纳 on an upload', () => {
  for (const [name, size] of [['phone', { ...PHONE, viewport: { width: 390, height: 844 } }], ['desktop', DESKTOP]] as const) {
    it(`${name}: stores every suggestion and says so in one chat entry`, async () => {
      const { context, page } = await newPage(browser, size);
      const s = await seed(server.url, workshop, (q) => q.phase === 'form');
      await openSeeded(page, s.link);
      const before = (await userBubbles(page)).length;
      if (name === 'phone') await page.locator('zz-app .panel-toggle').click();
      await page.locator('zz-app [role=tab]', { hasText: '申报书' }).click();
      await page.locator('zz-drafts-panel input#doc-file').setInputFiles(licence);
      const all = page.locator('zz-drafts-panel button[data-accept-all]');
      await all.waitFor({ state: 'visible', timeout: 120_000 });
      const fields = await page.locator('zz-drafts-panel li[data-suggestion]').evaluateAll((els) => els.map((e) => e.getAttribute('data-suggestion')!));
      expect(fields.length).toBeGreaterThanOrEqual(3);
      expect(await all.innerText()).toBe(`全部采纳（${fields.length} 项）`);
      await page.screenshot({ path: `.scratch/accept-all-${name}-before.png`, fullPage: false });
      await all.click();
      await expect.poll(async () => page.locator('zz-drafts-panel li[data-suggestion] >> text=已采纳').count()).toBe(fields.length);
      expect(await all.count(), 'nothing is left to accept').toBe(0);

      // Every fact is stored, each under its own question, and the document records each as accepted.
      const keyOf = (f: string) => (f.startsWith('ent.') ? f : `form.${f}`);
      await expect.poll(async () => Object.keys(await storedAnswers(server.url, s)).filter((k) => fields.map(keyOf).includes(k)).length).toBe(fields.length);
      await expect
        .poll(async () => Object.keys(((await (await fetch(`${server.url}/api/sessions/${s.sessionId}/documents`, { headers: { authorization: `Bearer ${s.token}` } })).json()) as { documents: { accepted?: Record<string, unknown> }[] }).documents[0]?.accepted ?? {}).length)
        .toBe(fields.length);

      if (name === 'phone') await page.locator('zz-app .drawer-close').click();
      const added = (await userBubbles(page)).slice(before);
      expect(added, 'one entry for the whole document').toHaveLength(1);
      expect(added[0]).toMatch(new RegExp(`^已采用 ${fields.length} 项：`, 'u'));
      await page.screenshot({ path: `.scratch/accept-all-${name}-chat.png`, fullPage: false });

      // After a reload the transcript says the same, once.
      await openSeeded(page, s.link);
      const again = (await userBubbles(page)).slice(before);
      expect(again).toHaveLength(1);
      expect(again[0]).toMatch(new RegExp(`^已采用 ${fields.length} 项：`, 'u'));
      expect(again.filter((t) => t.startsWith('修改 '))).toEqual([]);
      await context.close();
    });
  }
});
