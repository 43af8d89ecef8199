import type { UserMessage } from './chat-client';
import type { KeyValueStorage } from './session-link';

/** A message the user sent that the server has not acknowledged yet, with the bubble the page showed for it. */
export interface QueuedMessage {
  msg: UserMessage;
  bubble: string;
  caption?: string;
}

const PREFIX = 'zz-outbox:';
/** Far more than anyone sends while offline; a bound keeps a corrupted entry from growing without limit. */
const MAX_QUEUED = 50;

const TYPES = new Set<string>(['text', 'answer', 'edit', 'edits']);

function isQueued(v: unknown): v is QueuedMessage {
  if (!v || typeof v !== 'object') return false;
  const q = v as Partial<QueuedMessage>;
  const m = q.msg as Partial<UserMessage> | undefined;
  return (
    typeof q.bubble === 'string' &&
    (q.caption === undefined || typeof q.caption === 'string') &&
    !!m &&
    typeof m === 'object' &&
    typeof m.clientId === 'string' &&
    typeof m.type === 'string' &&
    TYPES.has(m.type)
  );
}

/**
 * Messages queued for a session, oldest first. Storage is the tab's (sessionStorage): a reload while
 * offline, or a phone browser dropping the tab, must not lose what the user sent. What is read back
 * is only shape-checked; the server validates every message as it would a fresh one, and the
 * clientId lets it acknowledge one it already stored instead of applying it twice.
 */
export function loadQueued(storage: KeyValueStorage | undefined, sessionId: string): QueuedMessage[] {
  try {
    const raw = storage?.getItem(PREFIX + sessionId);
    if (!raw) return [];
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? v.filter(isQueued).slice(0, MAX_QUEUED) : [];
  } catch {
    return [];
  }
}

export function saveQueued(storage: KeyValueStorage | undefined, sessionId: string, items: QueuedMessage[]): void {
  try {
    if (items.length) storage?.setItem(PREFIX + sessionId, JSON.stringify(items.slice(0, MAX_QUEUED)));
    else storage?.removeItem(PREFIX + sessionId);
  } catch {
    /* storage full or disabled: the queue still lives for as long as the page does */
  }
}
