/**
 * What the upload panel says of a document's suggestions, from the decisions made on them now: the line is drawn
 * again whenever one is accepted or declined (here, in another tab before a reload, or by 全部采纳), so it never asks
 * for a review of suggestions already decided.
 */
export function suggestionsSaid(total: number, accepted: number, rejected: number): string {
  const open = total - accepted - rejected;
  const found = `已识别 ${total} 项`;
  if (accepted === 0 && rejected === 0) return `${found}，请逐项核对后采纳`;
  if (open === 0) {
    if (rejected === 0) return `${found}，已全部采纳`;
    if (accepted === 0) return `${found}，都未采纳`;
    return `${found}，已采纳 ${accepted} 项、未采纳 ${rejected} 项，都已处理`;
  }
  const decided = [accepted ? `已采纳 ${accepted} 项` : '', rejected ? `未采纳 ${rejected} 项` : ''].filter(Boolean).join('、');
  return `${found}，${decided}，还有 ${open} 项请核对后采纳`;
}
