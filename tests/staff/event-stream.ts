import type { StaffLogin } from './helpers';

export interface StreamEvent {
  event: string;
  data: { sessions?: string[]; kind?: string; region?: string };
}

/**
 * Opens the bureau's event stream at `base` as the browser's EventSource would, collecting the events as they come.
 * `ended` resolves when the server ends the stream (not when close() aborts it).
 */
export async function listen(base: string, who: StaffLogin | null, query = '') {
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/staff/bureau/events${query}`, { headers: who ? { cookie: who.cookie } : {}, signal: ctrl.signal });
  const events: StreamEvent[] = [];
  let serverEnded = false;
  let ended: Promise<void> = Promise.resolve();
  if (res.ok) {
    ended = (async () => {
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      let buf = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            serverEnded = true;
            return;
          }
          buf += dec.decode(value, { stream: true });
          let cut;
          while ((cut = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, cut);
            buf = buf.slice(cut + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (event && data) events.push({ event, data: JSON.parse(data) });
          }
        }
      } catch {
        /* aborted by close() */
      }
    })();
  }
  const waitFor = async (pred: (e: StreamEvent) => boolean, what: string) => {
    for (let i = 0; i < 250; i++) {
      const hit = events.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no event: ${what}; got ${JSON.stringify(events)}`);
  };
  /** Whether the server ended the stream within `ms`. */
  const endsWithin = async (ms: number) => {
    await Promise.race([ended, new Promise((r) => setTimeout(r, ms))]);
    return serverEnded;
  };
  return { res, events, waitFor, endsWithin, close: () => ctrl.abort() };
}

export const about = (id: string) => (e: StreamEvent) => e.event === 'changed' && (e.data.sessions ?? []).includes(id);
