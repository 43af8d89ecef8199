import { fill, words } from './messages';

/**
 * What the upload panel says of a document's suggestions, from the decisions made on them now: the line is drawn
 * again whenever one is accepted or declined (here, in another tab before a reload, or by 全部采纳), so it never asks
 * for a review of suggestions already decided.
 */
export function suggestionsSaid(total: number, accepted: number, rejected: number): string {
  const open = total - accepted - rejected;
  const m = words.upload.suggestions;
  if (accepted === 0 && rejected === 0) return fill(m.undecided, { total });
  if (open === 0) {
    if (rejected === 0) return fill(m.allAccepted, { total });
    if (accepted === 0) return fill(m.noneAccepted, { total });
    return fill(m.allDecided, { total, accepted, rejected });
  }
  const decided = [accepted ? fill(m.accepted, { accepted }) : '', rejected ? fill(m.rejected, { rejected }) : ''].filter(Boolean).join(words.common.listSep);
  return fill(m.someOpen, { total, decided, open });
}
