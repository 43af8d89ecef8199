import { chinaDay } from '../understand/dates';
import type { SessionStore } from './types';

/**
 * The session's day in Beijing time (YYYY-MM-DD), from its opening message: the day the enterprise's 「去年」
 * 「上了两年了」「去年十月」 are counted from, in the drafts, the chat and the form view alike. Undefined for a session
 * without messages, whose relative words are then asked for.
 */
export async function sessionDay(store: Pick<SessionStore, 'transcriptAfter'>, sessionId: string): Promise<string | undefined> {
  const [first] = await store.transcriptAfter(sessionId, 0);
  const at = first ? Date.parse(first.at) : NaN;
  return Number.isFinite(at) ? chinaDay(new Date(at)) : undefined;
}
