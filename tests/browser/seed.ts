import type { Page } from 'playwright-core';
import type { QuestionView } from '../../server/schemas/interview';
import type { ScriptedEnterprise } from '../chat/enterprises';
import { steer } from '../chat/steer';
import { chatFrameCount, openSince, snapshot, type Snapshot } from './flow';

/**
 * Walks an enterprise over the socket up to a question, then hands the session to the page
 * through its link: the browser tests start where the defect shows instead of clicking 40
 * questions first.
 */
export async function seed(base: string, e: ScriptedEnterprise, stop: (q: QuestionView) => boolean): Promise<{ sessionId: string; token: string; link: string }> {
  const s = await steer(`${base.replace(/^http/, 'ws')}/api/chat`, e, stop);
  await s.client.close();
  return { sessionId: s.sessionId, token: s.token, link: `${base}/#s=${encodeURIComponent(s.sessionId)}&t=${encodeURIComponent(s.token)}` };
}

/** Opens a seeded session and waits until its transcript is on the page. */
export async function openSeeded(page: Page, link: string): Promise<Snapshot> {
  const from = chatFrameCount(page);
  await page.goto(link);
  // Polled from Node: the page's CSP forbids eval, so no predicate runs in the page.
  const deadline = Date.now() + 15_000;
  // The transcript, the assessment and the open question arrive as separate frames. A finished
  // session has no question, so the open is complete when its (empty) question frame has come.
  // A page already showing the link opens no new socket: it gets a while more instead.
  let loadedAt = 0;
  let openedKey = '';
  for (;;) {
    const s = await snapshot(page);
    const loaded = s.messages.length > 0 && !s.messages.some((m) => m.status === 'streaming');
    if (loaded && s.question) return s;
    const open = openSince(page, from);
    if (loaded && open === 'complete') {
      // The frame is seen from Node; the page renders it a moment later: two equal reads in a row.
      const key = JSON.stringify([s.messages.length, s.verdict]);
      if (openedKey === key) return s;
      openedKey = key;
    }
    if (loaded && open === 'none' && loadedAt && Date.now() - loadedAt > 3_000) return s;
    if (loaded) loadedAt ||= Date.now();
    if (Date.now() > deadline) throw new Error('the seeded session did not load');
    await page.waitForTimeout(50);
  }
}

/** The stored answers of a session, read over HTTP with its token. */
export async function storedAnswers(base: string, s: { sessionId: string; token: string }): Promise<Record<string, unknown>> {
  const r = await fetch(`${base}/api/sessions/${s.sessionId}`, { headers: { authorization: `Bearer ${s.token}` } });
  return ((await r.json()) as { answers: Record<string, unknown> }).answers;
}
