import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AccountRegistry, addAccount } from '../../server/staff/accounts';
import { regionNames } from '../../server/staff/bureau';
import { EDITS, REVISED_FILES, reviseAnswers, synthetic2024 } from '../knowledge/synthetic-2024';
import { DESKTOP, cspViolations, ensureWebBuilt, launch, newPage, pageErrors, removeDir, startServer, type RunningServer } from './harness';

/* The admin's 知识库版本 page against the real server, in Debian's headless Chromium. */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const HAS_CHROMIUM = existsSync('/usr/bin/chromium');
if (!HAS_CHROMIUM) console.warn('browser tests skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');

const NOTICE_2024 = Buffer.from(synthetic2024(readFileSync('knowledge/henan-2023/source/notice.txt', 'utf8')));

let root: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // The page publishes into a knowledge root of its own, never into the repository's knowledge/.
  root = mkdtempSync(join(tmpdir(), 'zz-browser-knowledge-'));
  cpSync('knowledge/henan-2023', join(root, 'henan-2023'), { recursive: true });
  await ensureWebBuilt();
  server = await startServer({ env: { KNOWLEDGE_DIR: root, KNOWLEDGE_VERSION: 'henan-2023' } });
  browser = await launch();
});

afterAll(async () => {
  if (HAS_CHROMIUM) {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  }
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
  if (root) rmSync(root, { recursive: true, force: true });
});

async function adminPage(username: string): Promise<{ page: Page; close(): Promise<void> }> {
  const pw = await addAccount(server.dataDir, { username, role: 'admin', createdBy: 'test' }, regionNames(server.app.kb.data));
  new AccountRegistry(server.dataDir).update(username, { mustChangePassword: false });
  const { context, page } = await newPage(browser, DESKTOP);
  await page.goto(`${server.url}/console`);
  await page.locator('zz-console-login input[name=username]').fill(username);
  await page.locator('zz-console-login input[name=password]').fill(pw);
  await page.locator('zz-console-login button[type=submit]').click();
  await page.locator('zz-console-app nav button', { hasText: '知识库版本' }).click();
  await page.locator('zz-console-knowledge form.upload').waitFor();
  return { page, close: () => context.close() };
}

const k = (page: Page, selector: string) => page.locator(`zz-console-knowledge ${selector}`);

async function uploadNotice(page: Page, name: string, buffer: Buffer, as: string) {
  await k(page, 'input[name=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await k(page, 'input[name=as]').fill(as);
  await k(page, 'form.upload button[type=submit]').click();
}

describe.skipIf(!HAS_CHROMIUM)('the knowledge version page in Chromium', () => {
  it('refuses a file that is not a notice with a message, and writes nothing', async () => {
    const { page, close } = await adminPage('kadmin-bad');
    try {
      await uploadNotice(page, 'setup.exe', Buffer.from('MZ-not-a-notice'), 'henan-2024');
      await expect.poll(() => k(page, '.error').textContent()).toContain('只能上传 PDF、Word（.docx）或纯文本（.txt）');
      await uploadNotice(page, 'minutes.txt', Buffer.from('会议纪要\n下周再议。\n'), 'henan-2024');
      await k(page, '.job[data-state=failed]').waitFor();
      expect(await k(page, '.job .error').textContent()).toContain('看起来不是申报通知');
      expect(readdirSync(root).filter((n) => !n.startsWith('.'))).toEqual(['henan-2023']);
    } finally {
      await close();
    }
  });

  it('uploads the 2024 notice, shows its progress and what changed, takes the review, and publishes it as the default', async () => {
    // An enterprise session begun before the new notice is published.
    const before = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    const { page, close } = await adminPage('kadmin');
    try {
      await uploadNotice(page, '2024年通知.txt', NOTICE_2024, 'henan-2024');
      // Every stage is listed while it runs, and all are ticked at the end.
      // The job parses, indexes and compares a whole notice: on two busy cores that can take longer
      // than a click's 30 s. A failed job ends the wait at once, and its message says why.
      const job = k(page, '.job[data-state=done], .job[data-state=failed]');
      await job.waitFor({ timeout: 150_000 });
      expect(await job.getAttribute('data-state'), await job.innerText()).toBe('done');
      const stages = await k(page, 'ol.stages li').allTextContents();
      expect(stages.length).toBe(9);
      expect(stages.every((s) => s.includes('✓'))).toBe(true);
      expect(await k(page, 'progress').getAttribute('value')).toBe('8');

      // The diff: the added clause, the reworded element sentence and the changed figures.
      await k(page, '.diff-report').waitFor();
      expect(await k(page, '.clause.added').textContent()).toContain(EDITS.addedClause);
      const changed = (await k(page, '.clause.changed').allTextContents()).join('\n');
      expect(changed).toContain('三(二)4');
      // 郑州市 不多于[20→25]家: the diff replaces the whole figure, never a digit inside it.
      const quota = k(page, '.clause.changed').filter({ hasText: '郑州市' });
      expect(await quota.locator('del').allTextContents()).toContain('20');
      expect(await quota.locator('ins').allTextContents()).toContain('25');
      const figures = await k(page, 'table.numbers').textContent();
      expect(figures).toContain('3月20日');

      // The affected answers and element requirements are listed for review, and publishing waits for them.
      expect(await k(page, 'section.group[data-group=answers] .item').count()).toBeGreaterThan(0);
      expect(await k(page, 'section.group[data-group=rules] .item[data-id^="elements.json#"]').count()).toBeGreaterThan(0);
      expect(await k(page, 'button.publish-btn').isDisabled()).toBe(true);

      // The operator edits the answers that repeat the old wording, then marks every group reviewed.
      const draft = join(root, 'henan-2024');
      const review = JSON.parse(readFileSync(join(draft, 'review.json'), 'utf8')) as { items: { id: string; file: string; pointer: string; needsReview: boolean }[] };
      const valueAt = (file: string, pointer: string) => pointer.split('/').slice(1).reduce((v: any, p) => v?.[p], JSON.parse(readFileSync(join(draft, file), 'utf8')));
      const toEdit = review.items
        .filter((i) => i.needsReview && REVISED_FILES.includes(i.file) && i.pointer.split('/').length > 2)
        .map((i) => ({ id: i.id, value: valueAt(i.file, i.pointer) }))
        .filter((e) => reviseAnswers(JSON.stringify(e.value)) !== JSON.stringify(e.value));
      expect(toEdit.length).toBeGreaterThan(0);
      for (const e of toEdit) {
        const item = k(page, `.item[data-id="${e.id}"]`);
        await item.locator('button.edit').click();
        const revised = JSON.parse(reviseAnswers(JSON.stringify(e.value)));
        if (e.id.startsWith('answer-base.json#') && !('items' in (e.value as object))) {
          // An answer is edited in its form: questions, answer, quotes as clause + text, clauses. One answered system by
          // system quotes the notice in each part too, which the form does not show: it is edited as JSON.
          const form = item.locator('[data-testid=entry-form]');
          await form.locator('textarea').nth(0).fill(revised.questions.join('\n'));
          await form.locator('textarea').nth(1).fill(revised.answer);
          for (const [n, q] of (revised.quotes as { clause: string; find: string }[]).entries()) {
            await form.locator('[data-testid=quote-clause]').nth(n).fill(q.clause);
            await form.locator('[data-testid=quote-find]').nth(n).fill(q.find);
          }
          await form.locator('input[id^="clauses-"]').fill(revised.clauses.join(' '));
        } else {
          await item.locator('textarea').fill(JSON.stringify(revised, null, 1));
        }
        await item.locator('button.save').click();
        await expect.poll(() => item.locator('[data-testid=item-note]').textContent()).toContain('已保存');
        await item.locator('button.edit').waitFor();
      }
      for (;;) {
        const next = k(page, 'button.accept-group').first();
        if (!(await next.count())) break;
        const groups = await k(page, 'button.accept-group').count();
        await next.click();
        await expect.poll(() => k(page, 'button.accept-group').count()).toBeLessThan(groups);
      }
      expect(await k(page, '.item[data-status=pending]').count()).toBe(0);
      expect(await k(page, '.item[data-status=accepted] .tag.met').filter({ hasText: '已修改' }).count()).toBe(toEdit.length);

      await k(page, 'button.publish-btn').click();
      // Publishing loads the version and checks every answer's quotes and figures: seconds on a busy machine.
      await expect.poll(() => k(page, '[data-testid=publish-note]').textContent(), { timeout: 60_000 }).toContain('已发布 henan-2024');
      await expect.poll(() => k(page, 'tr[data-version=henan-2024]').textContent()).toContain('默认');
      expect(JSON.parse(readFileSync(join(draft, 'manifest.json'), 'utf8')).status).toBe('published');

      // New sessions start on the new version; the one begun before stays on its own.
      const fresh = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
      const versionOf = async (x: { sessionId: string; token: string }) =>
        (await server.app.inject({ url: `/api/sessions/${x.sessionId}`, headers: { authorization: `Bearer ${x.token}` } })).json().knowledge.version;
      expect(await versionOf(fresh)).toBe('henan-2024');
      expect(await versionOf(before)).toBe('henan-2023');
    } finally {
      await close();
    }
  }, 600_000);

  it('refuses an empty file and one over the limit before sending it, and fits the version table to a 390 px phone', async () => {
    const { page, close } = await adminPage('kadmin-phone');
    try {
      const sent: string[] = [];
      page.on('request', (r) => void (r.url().includes('/knowledge/ingest') && sent.push(r.url())));
      await uploadNotice(page, '空文件.txt', Buffer.alloc(0), 'henan-2025');
      await expect.poll(() => k(page, '.error').textContent()).toContain('文件为空');
      await uploadNotice(page, '扫描件.pdf', Buffer.alloc(21 * 1024 * 1024), 'henan-2025');
      await expect.poll(() => k(page, '.error').textContent()).toContain('超过 20 MB 的上限');
      expect(sent, 'neither file was sent').toEqual([]);

      // Two served versions: each row's buttons (查看变更, 设为默认) are on the screen of a phone, with no sideways scroll.
      await page.setViewportSize({ width: 390, height: 844 });
      const rows = k(page, 'table.versions tbody tr');
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      const buttons = await k(page, 'table.versions button').all();
      expect(buttons.length).toBeGreaterThanOrEqual(2);
      for (const b of buttons) {
        const box = (await b.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, (await b.textContent()) ?? '').toBeLessThanOrEqual(390);
      }
      const wrap = await k(page, '.table-wrap').first().evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(wrap, 'the table fits its box').toBeLessThanOrEqual(0);
    } finally {
      await close();
    }
  });

  it('offers the notice file with a Chinese button that names the file chosen, and opens the picker from the keyboard and by a tap', async () => {
    const { page, close } = await adminPage('kadmin-picker');
    try {
      const pick = k(page, '[data-testid=file-pick]');
      expect((await pick.textContent())!.trim()).toBe('选择通知文件');
      expect(await k(page, '[data-testid=file-chosen]').textContent()).toBe('尚未选择文件');
      // The native control's own words (Choose file / No file chosen) are not what the page shows.
      const box = (await k(page, 'input[name=file]').boundingBox())!;
      expect(box.width, 'the native control is clipped out of sight').toBeLessThanOrEqual(1);
      // From the keyboard: the input takes focus (the button shows the ring) and Space opens the picker.
      await k(page, 'input[name=file]').focus();
      expect(await pick.evaluate((el) => el.matches(':focus-within'))).toBe(true);
      const [byKey] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
      await byKey.setFiles({ name: '2025年通知.txt', mimeType: 'text/plain', buffer: Buffer.from('通知'.repeat(400)) });
      await expect.poll(() => k(page, '[data-testid=file-chosen]').textContent()).toBe('已选择：2025年通知.txt（2 KB）');
      expect((await pick.textContent())!.trim()).toBe('重新选择文件');
      // By a tap or a click on the button.
      const [byClick] = await Promise.all([page.waitForEvent('filechooser'), pick.click()]);
      await byClick.setFiles({ name: '空.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
      // A file that cannot be uploaded is said when it is chosen.
      await expect.poll(() => k(page, '.error').textContent()).toContain('文件为空');
    } finally {
      await close();
    }
  });

  it('refuses to upload under the name of a version that exists', async () => {
    const { page, close } = await adminPage('kadmin-again');
    try {
      const manifest = readFileSync(join(root, 'henan-2024', 'manifest.json'), 'utf8');
      await uploadNotice(page, '2024年通知.txt', NOTICE_2024, 'henan-2024');
      await expect.poll(() => k(page, '.error').textContent()).toContain('从不覆盖或删除');
      expect(readFileSync(join(root, 'henan-2024', 'manifest.json'), 'utf8')).toBe(manifest);
    } finally {
      await close();
    }
  });
});
