/**
 * Times and dates as the console shows them. The helplines and the bureaus work in 北京时间, and a
 * staff member's browser may not be set to it (a laptop on UTC, a phone abroad), so every time is
 * converted to Asia/Shanghai here rather than read in the browser's own zone, and labelled.
 */

import { html, type TemplateResult } from 'lit';
import { fill, words } from '../lib/messages';

const W = words.console.time;

/** The zone's name as shown beside times. */
export const TIME_ZONE_LABEL = W.zone;

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO time as Beijing time to the minute: 「2026-03-15 01:30」. */
export function beijingTime(iso: string): string {
  const p = Object.fromEntries(FORMAT.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** A time in 北京时间 inside a sentence, kept on one line (the console's .time): a phone never breaks it at its hyphen. */
export function beijingTimeSpan(iso: string): TemplateResult {
  return html`<span class="time">${beijingTime(iso)}</span>`;
}

/** The 推荐汇总表 deadline as the server sends it: whole days left, negative once it has passed. */
export interface DeadlineView {
  label: string;
  daysLeft: number;
}

/**
 * How far off a deadline is, in words. A deadline that has passed reads 「已过截止日期」: a count of
 * days since a date years ago tells a clerk nothing, and a count of days left is only useful before it.
 */
export function deadlineStatus(d: DeadlineView): string {
  if (d.daysLeft > 0) return fill(W.daysLeft, { days: d.daysLeft });
  if (d.daysLeft === 0) return W.today;
  return W.passed;
}
