/** One change to a region's applicant list: a submission came in (or came again, or left for another region), a review was saved, a submission expired. */
export interface ApplicantChange {
  region: string;
  sessionId: string;
  kind: 'submitted' | 'moved' | 'reviewed' | 'removed';
}

type Listener = (change: ApplicantChange) => void;

/**
 * Tells the bureau pages open on this instance that their region's list changed, so they fetch it again at once
 * instead of on a timer. A listener is registered for one region and hears that region's changes only: a bureau
 * account is subscribed to its own region by the route, so another region's session ids never reach it.
 */
export class ApplicantFeed {
  private readonly byRegion = new Map<string, Set<Listener>>();

  subscribe(region: string, listener: Listener): () => void {
    let set = this.byRegion.get(region);
    if (!set) this.byRegion.set(region, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byRegion.get(region) === set) this.byRegion.delete(region);
    };
  }

  publish(change: ApplicantChange): void {
    for (const listener of [...(this.byRegion.get(change.region) ?? [])]) {
      try {
        listener(change);
      } catch {
        // One page's broken stream must not keep the change from the others.
      }
    }
  }

  /** How many pages listen, per region; for tests and the metrics of a shutdown. */
  listeners(region: string): number {
    return this.byRegion.get(region)?.size ?? 0;
  }
}
