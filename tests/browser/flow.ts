import type { Page } from 'playwright-core';
import type { QuestionView } from '../../server/schemas/interview';

/** What the page shows, read through the components' public properties (shadow roots are open). */
export interface Snapshot {
  messages: { role: string; status: string; text: string; citations: number }[];
  question: QuestionView | null;
  /** The dock's question card waits for the answer just given: its turn has not closed with the next question yet. */
  questionBusy: boolean;
  offline: boolean;
  verdict: string;
  /** How many chat frames the page had received when the snapshot was taken. */
  frames: number;
}

/** Runs in the page: collects the visible state across the shadow roots. */
function collect(): Omit<Snapshot, 'frames'> {
  const root = document.querySelector('zz-app')!.shadowRoot!;
  const list = root.querySelector('zz-message-list');
  const messages = list
    ? [...list.shadowRoot!.querySelectorAll('zz-message')].map((el) => {
        const m = (el as unknown as { message: { role: string; status: string; text: string; citations: unknown[] } }).message;
        return { role: m.role, status: m.status, text: m.text, citations: m.citations.length };
      })
    : [];
  const q = root.querySelector('.dock zz-question') as unknown as { question: QuestionView | null; busy: boolean } | null;
  const banner = root.querySelector('zz-offline-banner')?.shadowRoot?.querySelector('.banner');
  const verdict = root.querySelector('zz-assessment-panel')?.shadowRoot?.querySelector('.verdict strong')?.textContent ?? '';
  return { messages, question: q?.question ?? null, questionBusy: !!q?.busy, offline: !!banner, verdict };
}

export async function snapshot(page: Page): Promise<Snapshot> {
  const frames = chatFrameCount(page);
  return { ...(await page.evaluate(collect)), frames };
}

/** How many chat frames the page has received so far (on any page, the app's or not). */
export function chatFrameCount(page: Page): number {
  return chatFrames.get(page)?.length ?? 0;
}

interface Frame {
  type: string;
  clientId?: string;
  duplicate?: boolean;
}

/** The frames each page's chat socket received, in order (harness.newPage watches every page). */
const chatFrames = new WeakMap<Page, Frame[]>();

export function watchChatFrames(page: Page): void {
  const frames: Frame[] = [];
  chatFrames.set(page, frames);
  page.on('websocket', (ws) => {
    if (!new URL(ws.url()).pathname.endsWith('/api/chat')) return;
    ws.on('framereceived', ({ payload }) => {
      try {
        const m = JSON.parse(String(payload)) as Frame;
        frames.push({ type: m.type, clientId: m.clientId, duplicate: m.duplicate });
      } catch {
        frames.push({ type: 'unreadable' });
      }
    });
  });
}

/**
 * Whether the turn of the last message acknowledged since `from` is seen to be over. A turn's frames
 * come one by one (ack, spoken lines, assessment) and, whenever a question is pending, close with
 * the question frame; nothing in the page tells the last spoken line from one with more to follow.
 */
function turnClosed(page: Page, from: number): boolean {
  const frames = chatFrames.get(page)?.slice(from);
  if (!frames) return false;
  const ack = frames.findLastIndex((f) => f.type === 'ack' && !f.duplicate);
  if (ack === -1) return false;
  // An error without a clientId is a turn that failed on the server.
  return frames.slice(ack + 1).some((f) => f.type === 'question' || (f.type === 'error' && !f.clientId));
}

/**
 * How far an open has come since frame `from`: 'none' before a session frame, 'session' once the
 * transcript is in, 'complete' once the question frame after it (empty for a finished session) is.
 */
export function openSince(page: Page, from: number): 'none' | 'session' | 'complete' {
  const frames = chatFrames.get(page)?.slice(from) ?? [];
  const session = frames.findLastIndex((f) => f.type === 'session');
  if (session === -1) return 'none';
  return frames.slice(session + 1).some((f) => f.type === 'question') ? 'complete' : 'session';
}

/** How long the page must stay unchanged to count as settled. */
const STILL_MS = 250;
/**
 * The same when no closing question frame is seen: a turn with no pending question to ask again
 * (the interview is over) ends with its last spoken line, so only a long quiet tells.
 */
const QUIET_MS = 2_000;

/**
 * Waits until every user message is acknowledged, nothing is streaming, and the interview moved on:
 * a different question, or a new assistant message (a re-ask after an unclear answer or a Q&A reply).
 */
export async function settle(page: Page, before: Snapshot, timeout = 15_000): Promise<Snapshot> {
  const prevId = before.question?.id ?? null;
  const prevAssistant = before.messages.filter((m) => m.role === 'assistant').length;
  // Polled from Node: the page's CSP forbids eval, so the predicate cannot be rebuilt in the page.
  const deadline = Date.now() + timeout;
  // The reply and the next question arrive as separate frames: a spoken line can land before the
  // question that follows it. So the moved-on state must also hold still for a moment, or the caller
  // would answer the question that is about to be replaced.
  let stillKey = '';
  let stillSince = 0;
  for (;;) {
    const s = await snapshot(page);
    // A card that is busy has an answer whose turn is still running: its next question is yet to come.
    const busy = s.questionBusy || s.messages.some((m) => m.status === 'sending' || m.status === 'streaming');
    const failed = s.messages.some((m) => m.status === 'failed' || m.status === 'rejected');
    const assistant = s.messages.filter((m) => m.role === 'assistant').length;
    if (failed) break;
    const closed = turnClosed(page, before.frames);
    if (!busy && ((s.question?.id ?? null) !== prevId || assistant > prevAssistant)) {
      const key = JSON.stringify([s.question?.id ?? null, s.messages.length, s.verdict]);
      if (stillKey !== key) [stillKey, stillSince] = [key, Date.now()];
      else if (Date.now() - stillSince >= (closed ? STILL_MS : QUIET_MS)) break;
    } else stillKey = '';
    if (Date.now() > deadline) throw new Error(`the page did not settle: ${JSON.stringify({ prevId, question: s.question?.id, last: s.messages.at(-1) })}`);
    await page.waitForTimeout(40);
  }
  const after = await snapshot(page);
  const failed = after.messages.find((m) => m.status === 'failed' || m.status === 'rejected');
  if (failed) throw new Error(`message failed: ${failed.text}`);
  return after;
}

/** The answers of a healthy discrete manufacturer applying for 智能车间, by question id or kind. */
const NEGATIVE_YES_NO = /credit\.|groupOrHeadOffice|appliedThisYear|greenPriority/;
const CHOICE: Record<string, string> = { 'ent.priorTitles': 'none', 'cat.scope': 'workshop', 'cat.productionMode': 'discrete' };
const TEXT: Record<string, string> = { 'ent.industryCode': '36', 'ent.city': '郑州' };

export function isInterviewOver(q: QuestionView | null): boolean {
  return !q || q.phase === 'form';
}

/** Answers the pending question by clicking its widget. */
export async function answerByClicking(page: Page, q: QuestionView): Promise<void> {
  const shown = (await snapshot(page)).question?.id ?? null;
  if (shown !== q.id) throw new Error(`the dock shows ${shown}, not the question being answered, ${q.id}`);
  const dock = page.locator('zz-app .dock zz-question');
  const chip = (label: string) => dock.locator('button.chip', { hasText: new RegExp(`^\\s*${label}\\s*$`) });
  switch (q.kind) {
    case 'yesNo':
      return chip(NEGATIVE_YES_NO.test(q.id) ? '否' : '是').click();
    case 'yesNoPartial':
      return chip('有').click();
    case 'choice': {
      const value = CHOICE[q.id] ?? q.choices![0]!.value;
      const label = q.choices!.find((c) => c.value === value)!.label;
      return dock.locator('button.chip', { hasText: label }).click();
    }
    case 'number':
      await dock.locator('input').fill('85');
      return dock.locator('button[type=submit]').click();
    default:
      if (TEXT[q.id]) {
        await dock.locator('input').fill(TEXT[q.id]!);
        return dock.locator('button[type=submit]').click();
      }
      return dock.locator('button.skip').click();
  }
}

/** The same enterprise described in words, as someone would type on a phone. */
export function typedAnswer(q: QuestionView): string {
  switch (q.kind) {
    case 'yesNo':
      return NEGATIVE_YES_NO.test(q.id) ? '没有' : '是的';
    case 'yesNoPartial':
      return '已经上线了';
    case 'choice':
      return ({ 'ent.priorTitles': '都没有', 'cat.scope': '申报智能车间', 'cat.productionMode': '离散型，主要是加工装配' } as Record<string, string>)[q.id] ?? '不确定';
    case 'number':
      return '大约85%';
    default:
      return TEXT[q.id] ?? '先跳过';
  }
}

export async function typeMessage(page: Page, text: string): Promise<void> {
  const box = page.locator('zz-app zz-composer textarea');
  await box.fill(text);
  await box.press('Enter');
}

export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export interface TapTarget {
  host: string;
  tag: string;
  text: string;
  width: number;
  height: number;
}

/**
 * Every control on the page, through all shadow roots, whose tap target is under 44 × 44 px. A control
 * wrapped in a label is tapped through the label, so the label's box counts; so does an invisible
 * ::after that widens a chip's hit area.
 */
export async function smallTapTargets(page: Page): Promise<TapTarget[]> {
  return page.evaluate(() => {
    const out: TapTarget[] = [];
    const controls = 'button, a[href], select, input:not([type=hidden]), textarea, summary, [role=button]';
    const visit = (root: Document | ShadowRoot, host: string): void => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) visit(el.shadowRoot, el.tagName.toLowerCase());
        if (!el.matches(controls) || el.closest('.visually-hidden, [hidden]')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const label = el.closest('label')?.getBoundingClientRect();
        const after = getComputedStyle(el, '::after');
        const grow = (v: string) => (after.content !== 'none' && v.endsWith('px') ? Math.max(0, -parseFloat(v)) : 0);
        const width = Math.max(r.width, label?.width ?? 0) + grow(after.left) + grow(after.right);
        const height = Math.max(r.height, label?.height ?? 0) + grow(after.top) + grow(after.bottom);
        if (width < 44 || height < 44) {
          const type = el.getAttribute('type');
          out.push({ host, tag: el.tagName.toLowerCase() + (type ? `[${type}]` : ''), text: (el.textContent ?? '').trim().slice(0, 30), width: Math.round(width), height: Math.round(height) });
        }
      }
    };
    visit(document, 'document');
    return out;
  });
}
