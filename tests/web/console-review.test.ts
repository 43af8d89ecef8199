// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../web/console/components/zz-console-review';
import type { QuestionLogEntry } from '../../server/staff/schemas';

/** A queued question as the server sends it: logged fields, and no nearest entry or interview. */
const item = (n: number, over: Partial<QuestionLogEntry>) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  at: new Date(Date.UTC(2026, 11, 1, 12, n)).toISOString(),
  source: 'chat',
  question: `问题 ${n}`,
  answer: `答复 ${n}`,
  clauses: ['五'],
  entries: [],
  confidence: 0.9,
  refused: false,
  feedback: null,
  knowledgeVersion: 'henan-2023',
  nearest: null,
  nearestQuestion: null,
  interview: null,
  ...over,
});

const QUEUE = [
  // Refused with no entry behind it: nothing answered it.
  item(1, { refused: true, confidence: 0.2 }),
  // Refused by a 通知未涉及 entry staff wrote for other words: an answer, matched unsurely.
  item(2, { refused: true, entries: ['staff-binding'], confidence: 0.42 }),
  // Answered below 50%.
  item(3, { confidence: 0.31 }),
  // Refused by a 通知未涉及 entry, rated 👎 by the asker.
  item(4, { refused: true, entries: ['nc-reward'], confidence: 0.95, feedback: 'down' }),
];

/** The review page on a server that queues QUEUE, once its rows are shown. */
async function mountQueue() {
  vi.stubGlobal('fetch', async (url: string) => {
    const body = url.startsWith('/api/staff/review') ? { items: QUEUE } : { entries: [], versions: [], refusal: '' };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const el = document.createElement('zz-console-review');
  document.body.append(el);
  await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('[data-testid=review-item]').length).toBe(QUEUE.length));
  return el;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the review queue\'s reasons', () => {
  it('tags a refusal no entry gave 未能回答 and one a 通知未涉及 entry gave 通知未涉及, with its confidence when unsure', async () => {
    const el = await mountQueue();
    const reasons = [...el.shadowRoot!.querySelectorAll('[data-testid=review-item] td[data-label=原因]')].map((td) =>
      [...td.querySelectorAll('.tag')].map((t) => `${t.textContent!.trim()} ${t.className.replace('tag ', '')}`),
    );
    expect(reasons).toEqual([
      ['未能回答 unmet'],
      ['通知未涉及 partial', '置信度 42% partial'],
      ['置信度 31% partial'],
      ['通知未涉及 partial', '没有帮助 unmet'],
    ]);
    // No template is shown unfilled.
    expect(el.shadowRoot!.textContent).not.toMatch(/\{\w+\}/);
  });

  it('keeps each queued question\'s time on one line on a desktop, as the question log does; a phone stacks the cells', async () => {
    const el = await mountQueue();
    const times = [...el.shadowRoot!.querySelectorAll('[data-testid=review-item] td[data-label=时间（北京时间）]')];
    expect(times.map((td) => [td.textContent, td.className])).toEqual(QUEUE.map((q) => [expect.stringMatching(/^2026-12-01 20:0\d$/), 'nowrap']));
    const { ZzConsoleReview } = await import('../../web/console/components/zz-console-review');
    const { ZzConsoleLog } = await import('../../web/console/components/zz-console-log');
    // One shared rule, kept out of the phone's stacked cells.
    for (const styles of [ZzConsoleReview.styles, ZzConsoleLog.styles]) {
      const css = [styles].flat(Infinity).map((x) => String((x as { cssText?: string }).cssText ?? '')).join('\n').replace(/\s+/g, ' ');
      expect(css).toContain('@media (min-width: 601px) { td.nowrap { white-space: nowrap; } }');
    }
  });
});
