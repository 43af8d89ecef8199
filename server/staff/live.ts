import { randomUUID } from 'node:crypto';
import { z } from 'zod';

/** One change to a region's applicant list: a submission came in (or came again, or left for another region), a review was saved, a submission expired. */
export interface ApplicantChange {
  region: string;
  sessionId: string;
  kind: 'submitted' | 'moved' | 'reviewed' | 'removed';
}

/**
 * What one part of the staff workspace tells the others, on this instance and on every other instance that shares
 * its database: an applicant list changed, a cookie session ended (its pushed streams end with it), a knowledge
 * version's staff answer entries changed (its layer is read again). It arrives from outside the process, so it is
 * parsed like any input before anything acts on it.
 */
const Signal = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('applicant'),
    region: z.string().min(1).max(64),
    sessionId: z.string().min(1).max(64),
    kind: z.enum(['submitted', 'moved', 'reviewed', 'removed']),
  }),
  z.object({ type: z.literal('signed-out'), sid: z.string().min(1).max(128) }),
  z.object({ type: z.literal('answers'), version: z.string().min(1).max(64) }),
]);
type Signal = z.infer<typeof Signal>;
const Envelope = z.object({ from: z.string(), signal: Signal });

/** How signals leave this instance for the others; absent when the instance is the only one (the embedded database). */
export interface SignalCarrier {
  send(payload: string): Promise<void>;
}

/** The PostgreSQL channel the instances of one database signal each other on. */
export const SIGNAL_CHANNEL = 'zhizao_staff';

/**
 * Carries the staff workspace's signals between its parts. Each signal reaches this instance's listeners at once,
 * whether or not the database is reachable, and is sent to the other instances through the carrier; what comes
 * back from the carrier with this instance's own mark is not delivered twice.
 *
 * Listeners of a region hear that region's applicant changes only: a bureau account is subscribed to its own region
 * by the route, so another region's session ids never reach it.
 */
export class StaffSignals {
  private readonly byRegion = new Map<string, Set<(change: ApplicantChange) => void>>();
  private readonly bySid = new Map<string, Set<() => void>>();
  private readonly answerListeners = new Set<(version: string) => void>();
  private readonly instance = randomUUID();
  private carrier: SignalCarrier | undefined;

  constructor(private readonly onError: (err: unknown, what: string) => void = () => undefined) {}

  /** From now on, signals are sent to the other instances too. */
  carry(carrier: SignalCarrier | undefined): void {
    this.carrier = carrier;
  }

  applicantChanged(change: ApplicantChange): void {
    this.send({ type: 'applicant', ...change });
  }

  onApplicant(region: string, listener: (change: ApplicantChange) => void): () => void {
    return add(this.byRegion, region, listener);
  }

  /** A cookie session ended (logout, an account disabled): the streams opened with it end, wherever they are. */
  signedOut(sid: string): void {
    this.send({ type: 'signed-out', sid });
  }

  onSignedOut(sid: string, listener: () => void): () => void {
    return add(this.bySid, sid, listener);
  }

  /** Tells the other instances only: the instance that saved has laid the entries over its answer base already, in order with its other saves. */
  answersChanged(version: string): void {
    this.send({ type: 'answers', version }, false);
  }

  onAnswers(listener: (version: string) => void): () => void {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  /** A payload from the carrier: another instance's signal, or this one's own coming back. */
  receive(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      this.onError(new Error('a staff signal that is not JSON'), 'receive');
      return;
    }
    const env = Envelope.safeParse(parsed);
    if (!env.success) {
      this.onError(new Error(`a staff signal of unknown shape: ${env.error.message}`), 'receive');
      return;
    }
    if (env.data.from !== this.instance) this.deliver(env.data.signal);
  }

  /** How many pages listen, per region; for tests and the metrics of a shutdown. */
  listeners(region: string): number {
    return this.byRegion.get(region)?.size ?? 0;
  }

  private send(signal: Signal, here = true): void {
    if (here) this.deliver(signal);
    const carrier = this.carrier;
    if (!carrier) return;
    // The other instances' pages poll while their stream is down, so a signal lost with the database costs them a delay, not the change.
    void carrier.send(JSON.stringify({ from: this.instance, signal })).catch((err) => this.onError(err, 'send'));
  }

  private deliver(signal: Signal): void {
    switch (signal.type) {
      case 'applicant': {
        const { type: _, ...change } = signal;
        each(this.byRegion.get(signal.region), (l) => l(change));
        break;
      }
      case 'signed-out':
        each(this.bySid.get(signal.sid), (l) => l());
        break;
      case 'answers':
        each(this.answerListeners, (l) => l(signal.version));
        break;
    }
  }
}

function add<L>(map: Map<string, Set<L>>, key: string, listener: L): () => void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && map.get(key) === set) map.delete(key);
  };
}

function each<L>(listeners: Iterable<L> | undefined, call: (l: L) => void): void {
  for (const l of [...(listeners ?? [])]) {
    try {
      call(l);
    } catch {
      // One page's broken stream must not keep the signal from the others.
    }
  }
}
