import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { CAPABILITY_IDS } from '../../server/schemas/profile';
import { AccountRegistry, addAccount } from '../../server/staff/accounts';
import { regionNames } from '../../server/staff/bureau';
import { workshop } from '../chat/enterprises';
import { DESKTOP, newPage } from './harness';
import { HAS_CHROMIUM, browser, browserSuite, server } from './suite';
import { typeMessage } from './flow';

/* The review loop in Chromium: a 👎 in the chat reaches the console's review queue, staff write an entry, and the chat answers with it. */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

if (!HAS_CHROMIUM) console.warn('browser tests skipped: /usr/bin/chromium is missing (apt-get install -y chromium)');

/** A question the shipped answer base only meets with its low-confidence fallback. */
const QUESTION = '申报书页码怎么编？';
const ANSWER_V1 = '通知没有规定申报书的页码编排：四(二)只要求通过网络平台提交PDF彩色版电子版。';
const ANSWER_V2 = '页码不限：通知只规定申报书以PDF彩色版电子版提交。';

browserSuite();

async function helplineAccount(username: string): Promise<string> {
  const pw = await addAccount(server.dataDir, { username, role: 'helpline', createdBy: 'test' }, regionNames(server.app.kb.data));
  new AccountRegistry(server.dataDir).update(username, { mustChangePassword: false });
  return pw;
}

async function consoleAs(page: Page, username: string, password: string) {
  await page.goto(`${server.url}/console`);
  await page.locator('zz-console-login input[name=username]').fill(username);
  await page.locator('zz-console-login input[name=password]').fill(password);
  await page.locator('zz-console-login button[type=submit]').click();
  await page.locator('zz-console-ask input#q').waitFor();
}

/** The assistant messages of the chat, as the page holds them. */
function answers(page: Page): Promise<{ text: string; clauses: string[]; logId?: string }[]> {
  return page.locator('zz-app zz-message-list zz-message').evaluateAll((els) =>
    els
      .map((el) => (el as unknown as { message: { role: string; status: string; text: string; citations: { clause: string }[]; logId?: string } }).message)
      .filter((m) => m.role === 'assistant' && m.status === 'done')
      .map((m) => ({ text: m.text, clauses: m.citations.map((c) => c.clause), logId: m.logId })),
  );
}

/** Asks in 政策问答 and waits for the answer that carries a question-log id. */
async function askInChat(page: Page, question: string, previous: number): Promise<{ text: string; clauses: string[]; logId?: string }> {
  await typeMessage(page, question);
  await expect.poll(async () => (await answers(page)).filter((a) => a.logId).length, { timeout: 20_000 }).toBe(previous + 1);
  return (await answers(page)).filter((a) => a.logId).at(-1)!;
}

describe.skipIf(!HAS_CHROMIUM)('review queue in Chromium', () => {
  it('a 👎 in the chat reaches the review queue; the entry staff write there answers the chat at once, and a rollback restores it', async () => {
    const chat = await newPage(browser, DESKTOP);
    const staff = await newPage(browser, DESKTOP);
    try {
      const { page } = chat;
      await page.goto(server.url);
      await page.locator('zz-welcome button', { hasText: '政策问答' }).click();
      await page.locator('zz-app zz-composer textarea').waitFor();
      const first = await askInChat(page, QUESTION, 0);
      expect(first.text).not.toContain(ANSWER_V1);

      // 👎 under the answer.
      const last = page.locator('zz-app zz-message-list zz-message').last();
      await last.locator('button[data-vote=down]').click();
      await expect.poll(() => last.locator('button[data-vote=down]').getAttribute('aria-pressed')).toBe('true');

      // The helpline sees it in the review queue.
      const pw = await helplineAccount('hotline-review');
      const s = staff.page;
      await consoleAs(s, 'hotline-review', pw);
      await s.locator('zz-console-app nav button', { hasText: '待复核' }).click();
      const item = s.locator('zz-console-review [data-testid=review-item]', { hasText: QUESTION });
      await item.waitFor();
      expect(await item.textContent()).toContain('没有帮助');

      // A quote that is not in the clause is refused, and says so.
      await item.locator('[data-testid=write]').click();
      const editor = s.locator('zz-console-review [data-testid=entry-editor]');
      // Saved with its answer empty: no browser bubble (the form is novalidate, whatever the browser's language), the
      // field named in Chinese, marked and focused.
      expect(await editor.locator('form').evaluate((f: HTMLFormElement) => f.noValidate)).toBe(true);
      await editor.locator('button[type=submit]').click();
      await expect.poll(() => editor.locator('[data-testid=save-error]').textContent()).toContain('答复：至少 4 个字');
      // The box with one way of asking is named too, and the first box named has the focus.
      expect(await editor.locator('[data-testid=save-error]').textContent()).toContain('问法：至少写 2 种问法');
      for (const box of ['#questions', '#answer']) expect(await editor.locator(box).getAttribute('aria-invalid'), box).toBe('true');
      expect(await editor.locator('#questions').evaluate((a) => a === (a.getRootNode() as ShadowRoot).activeElement)).toBe(true);
      await editor.locator('#id').fill('page-number-question');
      await editor.locator('#questions').fill(`${QUESTION}\n申报书要从哪页开始编页码`);
      await editor.locator('#answer').fill(ANSWER_V1);
      // 「通知未涉及」 asks for the topic it refuses, and what is missing is named in Chinese before anything is sent.
      await editor.locator('#conclusion').selectOption('notCovered');
      await editor.locator('[data-testid=quote-clause]').fill('四(二)');
      await editor.locator('button[type=submit]').click();
      const refused = (await editor.locator('[data-testid=save-error]').textContent()) ?? '';
      expect(refused).toContain('“通知未涉及”的答复要写明未涉及的话题');
      expect(refused).toContain('引文 1 的原文');
      expect(refused).not.toMatch(/body\.|entry\.|topic/u);
      // Before saving, the editor says what a 通知未涉及 entry answers with: the refusal naming the topic and 五's helpline.
      expect(await editor.locator('[data-testid=refusal-note]').textContent()).toContain('不是上面的说明文字');
      await editor.locator('#topic').fill('申报书页码编排');
      await expect.poll(() => editor.locator('[data-testid=refusal-preview]').textContent()).toContain('《通知》没有涉及申报书页码编排');
      expect(await editor.locator('[data-testid=refusal-preview]').textContent()).toContain('0371—65507698');
      expect(await editor.locator('#answer').inputValue()).toBe(ANSWER_V1);
      await editor.locator('#conclusion').selectOption('open');
      await expect.poll(() => editor.locator('#topic').count()).toBe(0);
      await editor.locator('[data-testid=quote-find]').fill('PDF黑白版格式');
      await editor.locator('button[type=submit]').click();
      await expect.poll(() => editor.locator('[data-testid=save-error]').textContent()).toContain('引文 1 的原文：条款 四(二) 中没有原文“PDF黑白版格式”');
      expect(await editor.locator('[data-testid=save-error]').textContent()).not.toMatch(/entry\./u);

      await editor.locator('[data-testid=quote-find]').fill('PDF彩色版格式');
      await editor.locator('button[type=submit]').click();
      await expect.poll(() => editor.locator('[data-testid=saved]').textContent()).toContain('第 1 版');
      expect(await editor.locator('[data-testid=saved]').textContent()).toContain(ANSWER_V1);
      // Answered from the queue, the item leaves it.
      await expect.poll(() => s.locator('zz-console-review [data-testid=review-item]', { hasText: QUESTION }).count()).toBe(0);

      // The chat user asks again, in the same session, and gets the new entry with its clause.
      const second = await askInChat(page, QUESTION, 1);
      expect(second.text.startsWith(ANSWER_V1)).toBe(true);
      expect(second.clauses).toContain('四(二)');

      // A second revision, then a rollback to the first from the history table.
      await editor.locator('#answer').fill(ANSWER_V2);
      await editor.locator('#note').fill('改得更短');
      await editor.locator('button[type=submit]').click();
      await expect.poll(() => editor.locator('[data-testid=saved]').textContent()).toContain('第 2 版');
      expect((await askInChat(page, QUESTION, 2)).text.startsWith(ANSWER_V2)).toBe(true);
      const history = editor.locator('[data-testid=revisions]');
      await expect.poll(() => history.textContent()).toContain('改得更短');
      expect(await history.textContent()).toContain('hotline-review');
      await history.locator('tr', { hasText: '第 1 版' }).locator('[data-testid=rollback]').click();
      await expect.poll(() => history.locator('tbody tr').count()).toBe(3);
      expect(await history.locator('tbody tr').first().textContent()).toContain('回滚到第 1 版');
      expect((await askInChat(page, QUESTION, 3)).text.startsWith(ANSWER_V1)).toBe(true);
    } finally {
      await chat.context.close();
      await staff.context.close();
    }
  });

  it('gives a helpline code with the number and shows who is viewing until revoked; submits a complete assessment to the bureau of its address', async () => {
    const s = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
    await server.app.store.setAnswers(s.sessionId, {
      ...workshop.facts,
      ...Object.fromEntries(CAPABILITY_IDS.map((c) => [`cap.${c}`, true])),
      'form.name': '洛阳某机械有限公司',
      'form.address': '河南省洛阳市涧西区建设路1号',
    });
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await page.goto(`${server.url}/#s=${s.sessionId}&t=${s.token}`);
      const actions = page.locator('zz-app zz-help-actions');
      await actions.locator('button', { hasText: '请热线协助' }).click();
      const code = (await actions.locator('[data-testid=assist-code]').textContent())!.trim();
      expect(code).toMatch(/^\d{6}$/);
      const { phone } = server.app.kb.data.facts.contact;
      expect(await actions.locator('section', { has: page.locator('[data-testid=assist-code]') }).textContent()).toContain(phone);

      // The helpline claims the code; the enterprise sees who is viewing, and ends it.
      const pw = await helplineAccount('hotline-assist');
      const login = await server.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'hotline-assist', password: pw } });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const claim = await server.app.inject({ method: 'POST', url: '/api/staff/assist/claim', headers: { cookie, 'x-csrf-token': login.json().csrfToken }, payload: { code } });
      expect(claim.statusCode).toBe(200);
      await expect.poll(() => actions.locator('[data-testid=assist-viewers]').textContent().catch(() => ''), { timeout: 20_000 }).toContain('hotline-assist');
      await actions.locator('button', { hasText: '结束协助' }).click();
      await expect.poll(() => actions.locator('[data-testid=assist-viewers]').count()).toBe(0);
      const view = await server.app.inject({ method: 'GET', url: `/api/staff/assist/${claim.json().viewId}`, headers: { cookie } });
      expect(view.statusCode).toBe(404);

      // The assessment is complete and eligible: the bureau button offers the region of the address.
      const submit = actions.locator('button', { hasText: '提交给所在地工信部门初审' });
      await submit.waitFor();
      expect(await actions.locator('select').inputValue()).toBe('洛阳市');
      const submitted = async () => (await server.app.inject({ method: 'GET', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` } })).json().submission;
      // A tap on 提交 sends nothing: it asks first, naming the bureau and what it will see; 返回 sends nothing either.
      const submitBox = (await submit.boundingBox())!;
      await submit.click();
      const confirm = actions.locator('[data-testid=submit-confirm]');
      expect(await confirm.textContent()).toContain('确认提交给洛阳市工信部门初审');
      expect(await submitted()).toBeNull();
      // A second tap where 提交 was lands on no confirming button.
      const confirmBox = (await actions.locator('[data-testid=submit-confirm-button]').boundingBox())!;
      expect(Math.abs(confirmBox.y - submitBox.y)).toBeGreaterThan(submitBox.height);
      await actions.locator('[data-testid=submit-cancel]').click();
      await submit.waitFor();
      expect(await submitted()).toBeNull();
      await submit.click();
      await actions.locator('[data-testid=submit-confirm-button]').click();
      await expect.poll(() => actions.locator('[data-testid=submitted]').textContent().catch(() => '')).toContain('洛阳市');
      expect((await submitted()).region).toBe('洛阳市');

      // Moving to another bureau says that the first one will no longer see the application.
      await actions.locator('select').selectOption('郑州市');
      await actions.locator('[data-testid=submit]').click();
      expect(await confirm.textContent()).toContain('洛阳市工信部门将不再看到');
      await actions.locator('[data-testid=submit-cancel]').click();
      expect((await submitted()).region).toBe('洛阳市');
    } finally {
      await context.close();
    }
  });
});
