// `npm run screenshots:console`: the staff console on a 1280×800 desktop and a 390×844 phone, written to
// docs/screenshots/console-*.png for the README. A throwaway data directory is seeded with
// submitted applicants and removed afterwards.
import { CAPABILITY_IDS } from '../server/schemas/profile';
import { AccountRegistry, addAccount } from '../server/staff/accounts';
import { regionNames } from '../server/staff/bureau';
import { workshop } from '../tests/chat/enterprises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, ROOT, ensureWebBuilt, launch, newPage, removeDir, startServer } from '../tests/browser/harness';

const OUT = join(ROOT, 'docs/screenshots');
// The sizes a staff member most often has: a laptop, and a current phone held upright.
const DESKTOP_800 = { ...DESKTOP, viewport: { width: 1280, height: 800 } };
const PHONE_390 = { ...PHONE, viewport: { width: 390, height: 844 } };

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

async function main(): Promise<void> {
  await ensureWebBuilt();
  const server = await startServer();
  const browser = await launch();
  try {
    const add = async (username: string, role: 'helpline' | 'bureau', region?: string) => {
      const pw = await addAccount(server.dataDir, { username, role, region, createdBy: 'screenshots' }, regionNames(server.app.kb.data));
      new AccountRegistry(server.dataDir).update(username, { mustChangePassword: false });
      return pw;
    };
    const hotline = await add('热线-王', 'helpline');
    const bureau = await add('洛阳-李', 'bureau', '洛阳市');
    const names = ['洛阳轴承智造有限公司', '洛阳重型机械股份有限公司', '洛阳新材料科技有限公司', '洛阳精密铸造有限公司'];
    for (const [i, name] of names.entries()) {
      const s = (await server.app.inject({ method: 'POST', url: '/api/sessions' })).json() as { sessionId: string; token: string };
      const caps = Object.fromEntries(CAPABILITY_IDS.map((c, j) => [`cap.${c}`, (i + j) % 7 !== 0]));
      // Each applicant is in 洛阳市, the bureau shown: an applicant of another city would show the out-of-area warning instead.
      await server.app.store.setAnswers(s.sessionId, { ...workshop.facts, ...caps, 'ent.city': '洛阳市', 'form.name': name });
      await server.app.inject({ method: 'POST', url: `/api/sessions/${s.sessionId}/submit`, headers: { authorization: `Bearer ${s.token}` }, payload: { region: '洛阳市' } });
    }
    for (const q of ['洛阳市能推荐几家？', '视频有什么要求？', '推荐汇总表什么时候上传？', '我电话13812345678，能帮我看看吗？']) {
      await server.app.inject({ method: 'POST', url: '/api/ask', payload: { question: q } });
    }

    for (const [device, opts] of [['desktop', DESKTOP_800], ['phone', PHONE_390]] as const) {
      const login = async (username: string, password: string) => {
        const { context, page } = await newPage(browser, opts);
        await page.goto(`${server.url}/console`);
        if (device === 'desktop') await shot(page, `console-${device}-login`);
        await page.locator('zz-console-login input[name=username]').fill(username);
        await page.locator('zz-console-login input[name=password]').fill(password);
        await page.locator('zz-console-login button[type=submit]').click();
        return { context, page };
      };
      const h = await login('热线-王', hotline);
      await h.page.locator('zz-console-ask input#q').fill('洛阳市能推荐几家企业？');
      await h.page.locator('zz-console-ask button[type=submit]').click();
      await h.page.locator('zz-console-ask [data-testid=answer]').waitFor();
      await shot(h.page, `console-${device}-ask`);
      await h.page.locator('zz-console-app nav button', { hasText: '问题记录' }).click();
      await h.page.locator('zz-console-log tbody tr').first().waitFor();
      await shot(h.page, `console-${device}-log`);
      await h.page.locator('zz-console-app nav button', { hasText: '统计' }).click();
      await h.page.locator('zz-console-dashboard #topics canvas').waitFor();
      await shot(h.page, `console-${device}-dashboard`);
      // The review queue holds the refused question asked above; writing an answer opens the editor.
      await h.page.locator('zz-console-app nav button', { hasText: '待复核' }).click();
      await h.page.locator('zz-console-review [data-testid=review-item]').first().waitFor();
      await h.page.locator('zz-console-review [data-testid=write]').first().click();
      await h.page.locator('zz-console-review [data-testid=entry-editor]').waitFor();
      await shot(h.page, `console-${device}-review`);
      await h.context.close();

      const b = await login('洛阳-李', bureau);
      await b.page.locator('zz-console-bureau table button').first().click();
      await b.page.locator('zz-console-bureau [data-testid=detail]').waitFor();
      await shot(b.page, `console-${device}-bureau`);
      await b.context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    removeDir(server.dataDir);
  }
}

void main().then(
  () => console.log('docs/screenshots/console-*.png written'),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
