import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { AccountRegistry, addAccount } from '../../server/staff/accounts';
import { regionNames, summaryDeadline } from '../../server/staff/bureau';
import { summaryColumns } from '../../server/staff/xlsx';
import { randomUUID } from 'node:crypto';
import { StaffStore } from '../../server/staff/store';
import type { PgliteStore } from '../../server/store/pglite';
import { workshop } from '../chat/enterprises';
import { DESKTOP, PHONE, newPage } from './harness';
import { HAS_CHROMIUM, browser, browserSuite, server } from './suite';
import { horizontalOverflow, smallTapTargets } from './flow';

/* The staff console against the real server on a loopback port, in Debian's headless Chromium. */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

if (!HAS_CHROMIUM) console.warn('browser tests skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');

browserSuite();

/** A fresh account with its one-time password, as `npm run staff -- add` makes it. */
const oneTimeAccount = (username: string, role: 'helpline' | 'bureau' | 'admin', region?: string) =>
  addAccount(server.dataDir, { username, role, region, createdBy: 'test' }, regionNames(server.app.kb.data));

/** An account past its first login (the password change itself is tested once, in the login test). */
async function account(username: string, role: 'helpline' | 'bureau' | 'admin', region?: string): Promise<string> {
  const pw = await oneTimeAccount(username, role, region);
  new AccountRegistry(server.dataDir).update(username, { mustChangePassword: false });
  return pw;
}

/** An enterprise session with a scripted workshop interview, submitted to a region's bureau over HTTP. */
async function submittedApplicant(name: string, region: string): Promise<string> {
  const s = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
  await server.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true])), 'ent.city': region, 'form.name': name });
  const res = await server.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` }, payload: { region } });
  expect(res.statusCode).toBe(201);
  return s.sessionId;
}

async function loginIn(page: import('playwright-core').Page, username: string, password: string) {
  await page.goto(`${server.url}/console`);
  await page.locator('zz-console-login input[name=username]').fill(username);
  await page.locator('zz-console-login input[name=password]').fill(password);
  await page.locator('zz-console-login button[type=submit]').click();
}

describe.skipIf(!HAS_CHROMIUM)('staff console in Chromium', () => {
  it('logs in, and locks an account out after five wrong passwords even for the right one', async () => {
    const pw = await account('hotline-b', 'helpline');
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await page.goto(`${server.url}/console`);
      for (let i = 0; i < 4; i++) {
        await loginIn(page, 'hotline-b', `wrong-${i}`);
        await expect.poll(() => page.locator('zz-console-login .error').textContent()).toContain('用户名或密码错误');
      }
      await loginIn(page, 'hotline-b', 'wrong-5');
      await expect.poll(() => page.locator('zz-console-login .error').textContent()).toContain('登录失败次数过多');
      await loginIn(page, 'hotline-b', pw);
      await expect.poll(() => page.locator('zz-console-login .error').textContent()).toContain('登录失败次数过多');

      // A one-time password leads to the password form first, then to the console.
      const pw2 = await oneTimeAccount('hotline-c', 'helpline');
      await loginIn(page, 'hotline-c', pw2);
      await expect.poll(() => page.locator('zz-console-app header .who').textContent()).toContain('hotline-c');
      // Until the password is changed no view can be opened: no tabs on the page, and the server refuses the views' routes.
      await page.locator('zz-console-password #cur').waitFor();
      expect(await page.locator('zz-console-app nav button').count()).toBe(0);
      for (const path of ['/api/staff/questions', '/api/staff/ask/recent', '/api/staff/dashboard']) {
        const refused = await page.request.get(`${server.url}${path}`);
        expect(refused.status(), path).toBe(403);
      }
      await page.locator('zz-console-password #cur').fill(pw2);
      await page.locator('zz-console-password #next').fill('a-long-new-passphrase');
      await page.locator('zz-console-password button[type=submit]').click();
      await page.locator('zz-console-ask input#q').waitFor();
      // The cookie is HttpOnly: the page's scripts cannot read it.
      expect(await page.evaluate(() => document.cookie)).toBe('');
      const cookies = await context.cookies(`${server.url}/api/staff/me`);
      expect(cookies.find((c) => c.name === 'zz_staff')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/staff' });
      // A reload keeps the session.
      await page.reload();
      await expect.poll(() => page.locator('zz-console-app header .who').textContent()).toContain('hotline-c');
    } finally {
      await context.close();
    }
  });

  it('asks a question and copies the conclusion with its clause IDs', async () => {
    const pw = await account('hotline-ask', 'helpline');
    const { context, page } = await newPage(browser, DESKTOP);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    try {
      await loginIn(page, 'hotline-ask', pw);
      await page.locator('zz-console-ask input#q').fill('洛阳市能推荐几家企业？');
      await page.locator('zz-console-ask button[type=submit]').click();
      await page.locator('zz-console-ask [data-testid=answer]').waitFor();
      // Each clause's words are shown once: in the answer, or under 依据 when the answer does not quote them.
      const card = await page.locator('zz-console-ask [data-testid=answer]').innerText();
      const cited = (await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '洛阳市能推荐几家企业？' } })).json() as { citations: { quote: string }[] };
      expect(cited.citations.length).toBeGreaterThan(0);
      for (const c of cited.citations) expect(card.split(c.quote).length - 1, c.quote).toBe(1);
      await page.locator('zz-console-ask [data-testid=copy]').click();
      await expect.poll(() => page.locator('zz-console-ask [data-testid=copy]').textContent()).toContain('已复制');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const direct = (await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '洛阳市能推荐几家企业？' } })).json();
      expect(copied.startsWith(direct.answer)).toBe(true);
      expect(copied).toContain('依据：通知 四(三)');
      // The question is now among the recent ones.
      await expect.poll(() => page.locator('zz-console-ask .picks').textContent()).toContain('洛阳市能推荐几家企业？');
    } finally {
      await context.close();
    }
  });

  it('on a 390 px phone shows each 常见问题 chip and the ask box\'s example whole, and says an empty question in Chinese', async () => {
    const pw = await account('hotline-phone-ask', 'helpline');
    // A long question asked often enough to be a quick pick.
    const long = '我们是一家在洛阳注册的化工企业，能不能申报流程型智能工厂？';
    for (let i = 0; i < 3; i++) await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: long } });
    const { context, page } = await newPage(browser, { ...PHONE, viewport: { width: 390, height: 844 } });
    try {
      await loginIn(page, 'hotline-phone-ask', pw);
      const chips = page.locator('zz-console-ask .picks .chip');
      await expect.poll(() => chips.count()).toBeGreaterThan(0);
      // Every chip's words are inside the chip: none is wider than its box or runs past the screen.
      const cut = await chips.evaluateAll((els) => els.filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > window.innerWidth).map((b) => b.textContent));
      expect(cut).toEqual([]);
      // The example in the box fits it: measured with the box's own font.
      const room = await page.locator('zz-console-ask input#q').evaluate((input: HTMLInputElement) => {
        const s = getComputedStyle(input);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${s.fontSize} ${s.fontFamily}`;
        return input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - ctx.measureText(input.placeholder).width;
      });
      expect(room).toBeGreaterThan(0);
      // An empty question: no browser bubble (the form is novalidate), a Chinese message instead.
      expect(await page.locator('zz-console-ask form').evaluate((f: HTMLFormElement) => f.noValidate)).toBe(true);
      await page.locator('zz-console-ask button[type=submit]').click();
      await expect.poll(() => page.locator('zz-console-ask .error').textContent()).toBe('请先输入企业的问题');
    } finally {
      await context.close();
    }
  });

  it('a 洛阳 bureau sees 洛阳 applicants only, is warned at the 15th recommendation, and exports the 推荐汇总表', async () => {
    const ids: string[] = [];
    for (let i = 1; i <= 16; i++) ids.push(await submittedApplicant(`洛阳测试企业${i}`, '洛阳市'));
    await submittedApplicant('郑州测试企业', '郑州市');
    const pw = await account('luoyang-b', 'bureau', '洛阳市');
    // Fourteen are recommended beforehand through the same API the console uses.
    const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'luoyang-b', password: pw } });
    const cookie = String(([] as string[]).concat(login.headers['set-cookie'] ?? [])[0]).split(';')[0]!;
    for (const id of ids.slice(0, 14)) {
      const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
      const items = (await server.app.inject({ method: 'GET', url: `/api/staff/bureau/applicants/${id}`, headers })).json().checklist as { id: string }[];
      // Recorded with a reason for each item rather than ticks, so a tick carried over from another record would show.
      const payload = { notes: '材料齐全', siteNotes: '已现场核查', reasons: Object.fromEntries(items.map((i) => [i.id, '以书面材料核实'])), recommended: true };
      const r = await server.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${id}/review`, headers, payload });
      expect(r.statusCode).toBe(200);
    }

    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginIn(page, 'luoyang-b', pw);
      const table = page.locator('zz-console-bureau table');
      await expect.poll(() => table.textContent()).toContain('洛阳测试企业16');
      const text = (await table.textContent())!;
      expect(text).not.toContain('郑州测试企业');
      expect(await page.locator('zz-console-bureau [data-testid=quota]').textContent()).toContain('14 / 15');
      // A city is told, beside its quota, that its counties recommend on their own quota and upload their own table.
      const counties = (await page.locator('zz-console-bureau [data-testid=counties-own]').textContent())!;
      expect(counties).toContain('“各县（市）不多于5家”');
      expect(counties).toContain('新安县');
      expect(counties).toContain('四(四)');
      // A passed deadline says so rather than counting the days since; one still ahead counts down.
      const daysLeft = summaryDeadline(server.app.kb.data, new Date())!.daysLeft;
      await expect.poll(() => page.locator('zz-console-bureau [data-testid=deadline]').textContent()).toContain(daysLeft < 0 ? '已过截止日期' : daysLeft === 0 ? '今天截止' : `还有 ${daysLeft} 天`);
      expect(await page.locator('zz-console-bureau [data-testid=deadline]').textContent()).not.toMatch(/已过 \d+ 天/);

      // The 15th: open it, tick the first checklist item, write notes, recommend, save: refused, since the site check
      // and the other items are not recorded, and everything typed stays on the page.
      await page.locator('zz-console-bureau table button', { hasText: '洛阳测试企业15' }).click();
      const detail = page.locator('zz-console-bureau [data-testid=detail]');
      await detail.waitFor();
      const boxes = detail.locator('ul.checks input[type=checkbox]');
      await boxes.first().check();
      await detail.locator('#notes').fill('材料齐全，同意推荐');
      await detail.locator('#rec').check();
      await detail.locator('[data-testid=save]').click();
      const refusal = detail.locator('[data-testid=refusal]');
      await expect.poll(() => refusal.textContent()).toContain('现场核查情况');
      expect(await refusal.textContent()).toContain('既未勾选核实');
      expect(await detail.locator('#notes').inputValue()).toBe('材料齐全，同意推荐');
      expect(await boxes.first().isChecked()).toBe(true);
      expect(await detail.locator('#rec').isChecked(), '推荐 stays ticked for the next try').toBe(true);
      expect(await detail.locator('#site').getAttribute('aria-invalid')).toBe('true');
      expect(await detail.locator('#notes').getAttribute('aria-invalid')).toBe('false');
      expect(await detail.locator('li.missing').count()).toBe((await boxes.count()) - 1);
      expect(await page.locator('zz-console-bureau [data-testid=quota]').textContent()).toContain('14 / 15');
      // The ticked item asks for no reason; an unticked one does. One is left unticked with its reason, the rest ticked.
      expect(await detail.locator('ul.checks li').first().locator('input.reason').isVisible()).toBe(false);
      const n = await boxes.count();
      for (let i = 1; i < n - 1; i++) await boxes.nth(i).check();
      await detail.locator('ul.checks li').nth(n - 1).locator('input.reason').fill('核查当日停机检修，查看了运行记录');
      await detail.locator('#site').fill('已到企业现场核查');
      await detail.locator('[data-testid=save]').click();
      await expect.poll(() => page.locator('zz-console-bureau [data-testid=quota-warning]').textContent()).toContain('达到四(三)限额');
      expect(await page.locator('zz-console-bureau [data-testid=quota]').textContent()).toContain('15 / 15');

      // Notes typed for one enterprise and not saved stay with it: another opened shows its own, empty form,
      // and the clerk was asked before the typed notes were dropped.
      const dialogs: string[] = [];
      page.on('dialog', (d) => dialogs.push(d.message()));
      await page.locator('zz-console-bureau table button', { hasText: '洛阳测试企业13' }).click();
      await expect.poll(() => detail.locator('h2').first().textContent()).toContain('洛阳测试企业13');
      await detail.locator('#notes').fill('只写给13的意见');
      await detail.locator('ul.checks input[type=checkbox]').first().check();
      await page.locator('zz-console-bureau table button', { hasText: '洛阳测试企业12' }).click();
      await expect.poll(() => detail.locator('h2').first().textContent()).toContain('洛阳测试企业12');
      expect(dialogs.join(' ')).toContain('还没有保存');
      expect(await detail.locator('#notes').inputValue(), "12's own notes, not 13's").toBe('材料齐全');
      expect(await detail.locator('ul.checks input[type=checkbox]').first().isChecked()).toBe(false);
      expect(await detail.locator('#rec').isChecked(), '12 was recommended beforehand').toBe(true);

      // The 16th, its record complete, is refused with the notice's reason.
      await page.locator('zz-console-bureau table button', { hasText: '洛阳测试企业16' }).click();
      await expect.poll(() => detail.locator('h2').first().textContent()).toContain('洛阳测试企业16');
      for (const box of await detail.locator('ul.checks input[type=checkbox]').all()) await box.check();
      await detail.locator('#notes').fill('材料齐全');
      await detail.locator('#site').fill('已到企业现场核查');
      await detail.locator('#rec').check();
      await detail.locator('[data-testid=save]').click();
      await expect.poll(() => page.locator('zz-console-bureau .error').textContent()).toContain('多报无效');

      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('zz-console-bureau [data-testid=export]').click()]);
      // One programme year's table, named with its year.
      expect(download.suggestedFilename()).toBe(`洛阳市${server.app.kb.data.manifest.year}年度推荐汇总表.xlsx`);
      const file = await download.path();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('推荐汇总表')!;
      expect(ws.getCell('A2').value).toBe(server.app.kb.data.ui.console.summary.layoutNote);
      const header = (ws.getRow(5).values as unknown[]).slice(1);
      expect(header).toEqual(summaryColumns(server.app.kb.data).map((c) => c.header));
      const col = (name: string) => header.indexOf(name);
      // Under the two part headings (推荐企业, 未推荐企业), rows numbered from 1 in each.
      const rows: unknown[][] = [];
      for (let r = 6; r <= ws.rowCount; r++) {
        const v = (ws.getRow(r).values as unknown[]).slice(1);
        if (typeof v[0] === 'number') rows.push(v);
      }
      expect(rows).toHaveLength(16);
      expect(rows.filter((r) => r[col('是否推荐')] === '是')).toHaveLength(15);
      const fifteenth = rows.find((r) => r[col('企业名称')] === '洛阳测试企业15')!;
      expect(fifteenth[col('初审意见')]).toBe('材料齐全，同意推荐');
      const [checked, all] = String(fifteenth[col('核查项（已核/共计）')]).split('/').map(Number);
      expect(checked, 'all but the item left with its reason').toBe(all! - 1);
      expect(String(fifteenth[col('未核实项及原因')])).toContain('核查当日停机检修，查看了运行记录');
      expect(rows.some((r) => String(r[col('企业名称')]).includes('郑州'))).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('asks a county bureau for the 初审 record, then to confirm the finance warnings, once each, before 推荐', async () => {
    const s = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    await server.app.store.setAnswers(s.sessionId, {
      ...workshop.facts,
      ...Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true])),
      'form.name': '负债测试企业',
      'ent.operatingWell': true,
      'form.finance.2022.totalAssets': 52000,
      'form.finance.2022.totalLiabilities': 61000,
    });
    const res = await server.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` }, payload: { region: '新郑市' } });
    expect(res.statusCode).toBe(201);
    const pw = await account('xinzheng-b', 'bureau', '新郑市');
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await newPage(browser, viewport);
      const dialogs: string[] = [];
      page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
      try {
        await loginIn(page, 'xinzheng-b', pw);
        await page.locator('zz-console-bureau table button', { hasText: '负债测试企业' }).click();
        const detail = page.locator('zz-console-bureau [data-testid=detail]');
        await detail.waitFor();
        expect(await detail.locator('[data-testid=finance-warnings]').textContent()).toContain('资产负债率');
        await detail.locator('#rec').check();
        if (viewport === DESKTOP) {
          // 推荐 with an empty record: the record is asked for first, and nothing about the figures.
          await detail.locator('[data-testid=save]').click();
          await expect.poll(() => detail.locator('[data-testid=refusal]').textContent()).toContain('现场核查情况');
          expect(await detail.locator('[data-testid=finance-confirm]').count()).toBe(0);
          for (const box of await detail.locator('ul.checks input[type=checkbox]').all()) await box.check();
          await detail.locator('#notes').fill('材料齐全');
          await detail.locator('#site').fill('已到企业现场核查');
        }
        // The record complete (on the phone, as saved from the desktop): the warnings are asked, once, in the page.
        await detail.locator('[data-testid=save]').click();
        const confirm = detail.locator('[data-testid=finance-confirm]');
        await expect.poll(() => confirm.textContent()).toContain('资产负债率117.3%');
        expect(await detail.locator('[data-testid=refusal]').count(), 'the record is no longer asked for').toBe(0);
        await page.screenshot({ path: `.scratch/finance-confirm-${viewport.viewport.width}.png`, fullPage: false });
        if (viewport === DESKTOP) {
          // 暂不推荐 unticks 推荐 and keeps the record to save.
          await confirm.locator('[data-testid=cancel-recommend]').click();
          expect(await detail.locator('#rec').isChecked()).toBe(false);
          await detail.locator('[data-testid=save]').click();
          await expect.poll(() => detail.locator('.ok').textContent()).toContain('已保存');
        } else {
          await confirm.locator('[data-testid=confirm-recommend]').click();
          await expect.poll(() => detail.locator('.ok').textContent()).toContain('已保存');
          expect(await page.locator('zz-console-bureau [data-testid=quota]').textContent()).toContain('1 / 5');
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        }
        expect(dialogs, 'no dialog asks anything: each question is asked once, in the page').toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('opens an enterprise session read-only with its 6-digit code, until the enterprise revokes', async () => {
    const s = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    const bearer = { authorization: `Bearer ${s.token}` };
    await server.app.store.setAnswers(s.sessionId, { ...workshop.facts });
    await server.app.store.appendTranscript(s.sessionId, { id: 'u1', role: 'user', text: '我们想申报智能车间', citations: [] });
    const { code } = (await server.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer })).json() as { code: string };
    const pw = await account('hotline-assist', 'helpline');
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginIn(page, 'hotline-assist', pw);
      await page.locator('zz-console-app nav button', { hasText: '热线协助' }).click();
      // Too short a code is refused in Chinese by the page, not by the browser's English pattern message.
      await page.locator('zz-console-assist #code').fill('１２３');
      await page.locator('zz-console-assist button[type=submit]').first().click();
      await expect.poll(() => page.locator('zz-console-assist .error').textContent()).toContain('协助码为 6 位数字');
      // Typed with a Chinese input method, the digits come full-width (「６０９７９４」): the same code.
      await page.locator('zz-console-assist #code').fill([...code].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join(''));
      await page.locator('zz-console-assist button[type=submit]').first().click();
      const view = page.locator('zz-console-assist [data-testid=assist-view]');
      await expect.poll(() => view.textContent()).toContain('我们想申报智能车间');
      // Read-only: the view has no input that could change the session.
      expect(await view.locator('input, textarea').count()).toBe(0);
      // The code is spent, but a look at another tab (or a reload) does not lose the session: it is listed and opens again.
      await page.locator('zz-console-app nav button', { hasText: '问答' }).click();
      await page.reload();
      await page.locator('zz-console-app nav button', { hasText: '热线协助' }).click();
      await page.locator('zz-console-assist [data-testid=open-views] button', { hasText: '打开' }).click();
      await expect.poll(() => view.textContent()).toContain('我们想申报智能车间');
      const state = (await server.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer })).json();
      expect(state.viewers.map((v: { username: string }) => v.username)).toEqual(['hotline-assist']);

      // The code was single use.
      await page.locator('zz-console-assist #code').fill(code);
      await page.locator('zz-console-assist button[type=submit]').first().click();
      await expect.poll(() => page.locator('zz-console-assist .error').textContent()).toContain('协助码无效');

      await server.app.inject({ method: 'DELETE', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer });
      await view.locator('button', { hasText: '刷新' }).click();
      await expect.poll(() => page.locator('zz-console-assist .error').textContent()).toContain('已被企业撤销');
      expect(await page.locator('zz-console-assist [data-testid=assist-view]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows an assisted session\'s 附件 with its filled and missing fields and downloads its DOCX, on a 390 px phone and a desktop; the review queue\'s reply reads full width on the phone', async () => {
    const s = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    const bearer = { authorization: `Bearer ${s.token}` };
    await server.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'form.name': '协助导出机械有限公司' } as never);
    const own = (await server.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/form`, headers: bearer })).json();
    const theirs = await server.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/export.docx`, headers: bearer });
    const fileName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(theirs.headers['content-disposition']))![1]!);
    // An interview reply the rules did not read, queued for review, with what the enterprise was told.
    const store = new StaffStore(await (server.app.store as PgliteStore).database(), server.dataDir);
    await store.logQuestion(randomUUID(), new Date(), {
      source: 'interview',
      question: '俺们那个应该没啥事吧，去年好像有个小官司但是早结了',
      answer: { answer: '[ent.credit.dishonestExecutee · 二(四)] 没听明白，请回答“是”或“否”。', citations: [], confidence: 0, outOfScope: true },
      knowledgeVersion: server.app.kb.version,
    });
    await store.flushLog();
    const { code } = (await server.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer })).json() as { code: string };
    const pw = await account('hotline-assist-form', 'helpline');
    for (const [what, viewport] of [['phone', { ...PHONE, viewport: { width: 390, height: 844 } }], ['desktop', DESKTOP]] as const) {
      const { context, page } = await newPage(browser, viewport);
      try {
        await loginIn(page, 'hotline-assist-form', pw);
        if (what === 'phone') {
          await page.locator('zz-console-app nav button', { hasText: '待复核' }).click();
          const said = page.locator('zz-console-review [data-testid=interview-what]').first();
          await said.waitFor();
          // The reply and what was said of it take the card's width under their label, not a narrow column beside it.
          const width = await said.evaluate((e) => e.getBoundingClientRect().width);
          expect(width, 'the note under a queued reply').toBeGreaterThan(390 * 0.7);
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        }
        await page.locator('zz-console-app nav button', { hasText: '热线协助' }).click();
        if (what === 'phone') {
          await page.locator('zz-console-assist #code').fill(code);
          await page.locator('zz-console-assist button[type=submit]').first().click();
        } else {
          await page.locator('zz-console-assist [data-testid=open-views] button', { hasText: '打开' }).click();
        }
        const form = page.locator('zz-console-assist [data-testid=assist-form]');
        await expect.poll(() => form.textContent()).toContain(`${own.attachment} ${own.title}`);
        expect(await page.locator('zz-console-assist [data-testid=assist-form-counts]').textContent()).toBe(
          `已填 ${own.counts.filled + own.counts.unconfirmed} · 未填 ${own.counts.empty + own.counts.invalid} · 已跳过 ${own.counts.skipped}`,
        );
        const [file] = await Promise.all([page.waitForEvent('download'), page.locator('zz-console-assist [data-testid=assist-export-docx]').click()]);
        expect(file.suggestedFilename(), 'the file the enterprise itself exports').toBe(fileName);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      } finally {
        await context.close();
      }
    }
  });

  it('hands an open assisted view to a colleague, who finds and opens it with their own sign-in, on a 375 px phone', async () => {
    const s = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    const bearer = { authorization: `Bearer ${s.token}` };
    await server.app.store.setAnswers(s.sessionId, { ...workshop.facts, 'form.name': '转交测试企业' });
    await server.app.store.appendTranscript(s.sessionId, { id: 'u1', role: 'user', text: '我们的MES上线两年了', citations: [] });
    const { code } = (await server.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer })).json() as { code: string };
    const giverPw = await account('hotline-give', 'helpline');
    const takerPw = await account('hotline-take', 'helpline');
    const giver = await newPage(browser, PHONE);
    const taker = await newPage(browser, PHONE);
    try {
      await loginIn(giver.page, 'hotline-give', giverPw);
      await giver.page.locator('zz-console-app nav button', { hasText: '热线协助' }).click();
      await giver.page.locator('zz-console-assist #code').fill(code);
      await giver.page.locator('zz-console-assist button[type=submit]').first().click();
      await expect.poll(() => giver.page.locator('zz-console-assist [data-testid=assist-view]').textContent()).toContain('MES上线两年了');
      const handover = giver.page.locator('zz-console-assist [data-testid=handover]');
      // Sent empty (or blank), the form says in its own card, in Chinese, whom to name: no browser bubble, nothing sent.
      expect(await handover.locator('form').getAttribute('novalidate')).not.toBeNull();
      for (const typed of ['', '   ']) {
        await handover.locator('#colleague').fill(typed);
        await handover.locator('button[type=submit]').click();
        await expect.poll(() => handover.locator('.error[role=alert]').textContent()).toBe('请输入接手同事的用户名');
        expect(await handover.locator('#colleague').getAttribute('aria-invalid')).toBe('true');
      }
      expect(await giver.page.locator('zz-console-assist [data-testid=assist-view]').count()).toBe(1);
      expect(await horizontalOverflow(giver.page)).toBe(0);
      await handover.locator('#colleague').fill('hotline-take');
      await handover.locator('button[type=submit]').click();
      await expect.poll(() => giver.page.locator('zz-console-assist [role=status]').textContent()).toContain('已转交给 hotline-take');
      expect(await giver.page.locator('zz-console-assist [data-testid=assist-view]').count()).toBe(0);
      expect(await horizontalOverflow(giver.page)).toBe(0);

      await loginIn(taker.page, 'hotline-take', takerPw);
      await taker.page.locator('zz-console-app nav button', { hasText: '热线协助' }).click();
      const open = taker.page.locator('zz-console-assist [data-testid=open-views]');
      await expect.poll(() => open.textContent()).toContain('转交测试企业');
      await open.locator('button', { hasText: '打开' }).click();
      await expect.poll(() => taker.page.locator('zz-console-assist [data-testid=assist-view]').textContent()).toContain('MES上线两年了');
      const state = (await server.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/assist`, headers: bearer })).json();
      expect(state.viewers.map((v: { username: string }) => v.username)).toEqual(['hotline-take']);
    } finally {
      await giver.context.close();
      await taker.context.close();
    }
  });

  it('draws the dashboard with ECharts and exports a table as CSV', async () => {
    await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '视频有什么要求？' } });
    const pw = await account('hotline-dash', 'helpline');
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await loginIn(page, 'hotline-dash', pw);
      await page.locator('zz-console-app nav button', { hasText: '统计' }).click();
      await page.locator('zz-console-dashboard #perDay canvas').waitFor();
      await page.locator('zz-console-dashboard #topics canvas').waitFor();
      const d = (await server.app.inject({ method: 'GET', url: '/api/staff/dashboard', headers: { cookie: '' } })).statusCode;
      expect(d).toBe(401);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('zz-console-dashboard [data-testid=csv-topics]').click()]);
      expect(download.suggestedFilename()).toBe('热点条款.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.split('\r\n')[0]).toBe('\uFEFF条款,标题,次数');
      // The CSV holds what the page's table shows.
      const firstRow = await page.locator('zz-console-dashboard table tbody tr').first().locator('td').allTextContents();
      expect(csv.split('\r\n')[1]).toBe(firstRow.join(','));
    } finally {
      await context.close();
    }
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const pw = await account('luoyang-phone', 'bureau', '洛阳市');
    for (const name of ['洛阳手机测试企业甲', '洛阳手机测试企业乙']) await submittedApplicant(name, '洛阳市');
    const { context, page } = await newPage(browser, PHONE);
    try {
      await loginIn(page, 'luoyang-phone', pw);
      await page.locator('zz-console-bureau [data-testid=quota]').waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      // The export button goes under the heading rather than squeezing it into a column of two characters a line.
      const heading = await page.locator('zz-console-bureau h2', { hasText: '已提交初审的企业' }).boundingBox();
      expect(heading!.width).toBeGreaterThan(PHONE.viewport.width / 2);
      const exportButton = await page.locator('zz-console-bureau [data-testid=export]').boundingBox();
      expect(exportButton!.y).toBeGreaterThan(heading!.y + heading!.height - 1);
      // Every tab and the sign-out are in sight and tall enough to tap.
      for (const b of await page.locator('zz-console-app header button, zz-console-app nav button').all()) {
        const box = (await b.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.viewport.width);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
      // The record opens below the list: tapping the last name brings it into sight rather than seeming to do nothing.
      await page.locator('zz-console-bureau table button').last().click();
      const detailHeading = page.locator('zz-console-bureau [data-testid=detail] h2').first();
      await detailHeading.waitFor();
      await expect.poll(async () => (await detailHeading.boundingBox())!.y).toBeLessThan(PHONE.viewport.height / 2);
      expect((await detailHeading.boundingBox())!.y).toBeGreaterThan(-1);
    } finally {
      await context.close();
    }
  });

  it('gives every control on every console page a 44 px tap target on a 390 px phone, and keeps the desktop rows level', async () => {
    await submittedApplicant('洛阳触控测试企业', '洛阳市');
    // More questions than one page of the log holds, so its pager is on the page too.
    for (let i = 0; i < 30; i++) await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: i ? `视频有什么要求？（${i}）` : '我电话13812345678，能帮我看看吗？' } });
    const staff = [
      ['touch-hotline', 'helpline', undefined],
      ['touch-bureau', 'bureau', '洛阳市'],
      ['touch-admin', 'admin', undefined],
    ] as const;
    const passwords = new Map<string, string>();
    for (const [name, role, region] of staff) passwords.set(name, await account(name, role, region));
    /** What each page is waited for by, once its tab is open. */
    const ready: Record<string, string> = {
      问答: 'zz-console-ask input#q',
      问题记录: 'zz-console-log tbody tr',
      待复核: 'zz-console-review [data-testid=review-item]',
      统计: 'zz-console-dashboard #topics canvas',
      热线协助: 'zz-console-assist input',
      辖区申报: 'zz-console-bureau [data-testid=quota]',
      知识库版本: 'zz-console-knowledge [data-testid=file-pick]',
    };
    const phone = { ...PHONE, viewport: { width: 390, height: 844 } };
    const { context, page } = await newPage(browser, phone);
    try {
      const seen: string[] = [];
      for (const [name] of staff) {
        await context.clearCookies();
        await loginIn(page, name, passwords.get(name)!);
        await page.locator('zz-console-app nav button').first().waitFor();
        for (const tab of await page.locator('zz-console-app nav button').allTextContents()) {
          await page.locator('zz-console-app nav button', { hasText: tab.trim() }).click();
          await page.locator(ready[tab.trim()]!).first().waitFor();
          // The views that open more controls: an applicant's review form, the answer editor.
          if (tab.trim() === '辖区申报') {
            await page.locator('zz-console-bureau table button').first().click();
            await page.locator('zz-console-bureau [data-testid=detail]').waitFor();
          }
          if (tab.trim() === '问题记录') {
            // A page of rows at a time: the pager moves through them, newest first.
            expect(await page.locator('zz-console-log tbody tr').count()).toBe(25);
            await page.locator('zz-console-log .pager button', { hasText: '下一页' }).click();
            await expect.poll(() => page.locator('zz-console-log .pager').textContent()).toMatch(/第 26–\d+ 条/);
            // A caller's question is found by its words, from any page.
            await page.locator('zz-console-log #search').fill('视频 （17）');
            await page.locator('zz-console-log #search').press('Enter');
            await expect.poll(() => page.locator('zz-console-log tbody tr').count()).toBe(1);
            expect(await page.locator('zz-console-log tbody tr').textContent()).toContain('视频有什么要求？（17）');
          }
          if (tab.trim() === '待复核') {
            await page.locator('zz-console-review [data-testid=write]').first().click();
            await page.locator('zz-console-review [data-testid=entry-editor]').waitFor();
            // The editor opens below the queue; the view goes to it.
            const top = (await page.locator('zz-console-review [data-testid=entry-editor] h2').boundingBox())!.y;
            expect(top).toBeGreaterThan(-1);
            expect(top).toBeLessThan(phone.viewport.height / 2);
          }
          expect(await smallTapTargets(page), `${name} ${tab}`).toEqual([]);
          expect(await horizontalOverflow(page), `${name} ${tab}`).toBeLessThanOrEqual(0);
          seen.push(tab.trim());
        }
      }
      expect(new Set(seen)).toEqual(new Set(Object.keys(ready)));

      // On a desktop the two filters still sit on one line with the heading, the search and the buttons beside them.
      await page.setViewportSize(DESKTOP.viewport);
      await context.clearCookies();
      await loginIn(page, 'touch-hotline', passwords.get('touch-hotline')!);
      await page.locator('zz-console-app nav button', { hasText: '问题记录' }).click();
      await page.locator('zz-console-log tbody tr').first().waitFor();
      const bar = await page.locator('zz-console-log .card > .row:first-child > *').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom })));
      // The heading, the search, the source, the result filter and the two buttons.
      expect(bar.length).toBe(6);
      const tops = bar.map((r) => r.top);
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(44);
    } finally {
      await context.close();
    }
  });
  it('on a 375 px phone, names log entries by their question, and shows a moved applicant without the first bureau\'s notes but with its form as submitted', async () => {
    // Submitted to 南阳市, reviewed there, then moved to 新乡市.
    const s = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    await server.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true])), 'form.name': '新乡转入机械有限公司', 'form.address': '河南省新乡市红旗区1号' });
    const send = (region: string) => server.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` }, payload: { region } });
    expect((await send('南阳市')).statusCode).toBe(201);
    const nanyang = await account('nanyang-move', 'bureau', '南阳市');
    const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'nanyang-move', password: nanyang } });
    const headers = { cookie: String(login.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': login.json().csrfToken };
    expect((await server.app.inject({ method: 'PUT', url: `/api/staff/bureau/applicants/${s.sessionId}/review`, headers, payload: { notes: '南阳内部意见', recommended: false } })).statusCode).toBe(200);
    expect((await send('新乡市')).statusCode).toBe(201);
    const asked = (await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: '推荐汇总表什么时候上传？' } })).json();

    const xinxiang = await account('xinxiang-move', 'bureau', '新乡市');
    const hotline = await account('hotline-entries', 'helpline');
    const { context, page } = await newPage(browser, PHONE);
    try {
      await loginIn(page, 'xinxiang-move', xinxiang);
      await page.locator('zz-console-bureau table button', { hasText: '新乡转入机械有限公司' }).click();
      const detail = page.locator('zz-console-bureau [data-testid=detail]');
      await detail.waitFor();
      expect(await detail.locator('[data-testid=moved-banner]').textContent()).toContain('由南阳市转来');
      expect(await detail.locator('#notes').inputValue()).toBe('');
      expect(await detail.textContent()).not.toContain('南阳内部意见');
      const application = await detail.locator('[data-testid=application]').textContent();
      expect(application).toContain('河南省新乡市红旗区1号');
      expect(application).not.toContain('尚未保存');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      await context.clearCookies();
      await loginIn(page, 'hotline-entries', hotline);
      await page.locator('zz-console-app nav button', { hasText: '问题记录' }).click();
      const chip = page.locator('zz-console-log [data-testid=entry]').first();
      await chip.waitFor();
      const id = asked.entries[0] as string;
      const standard = server.app.kb.data.answerBase.entries.find((e) => e.id === id)!.questions[0]!;
      expect(await chip.textContent()).toBe(`答复条目：${standard}`);
      expect(await page.locator('zz-console-log tbody').textContent()).not.toContain(id);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
