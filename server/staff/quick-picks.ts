import type { KnowledgeBase } from '../knowledge/base';
import { answerQuestion, answerSourceOf } from '../qa/answer';
import { askAboutPending, holdsPersonalData, isReplyOnly, understanderFor, withoutPersonalData } from '../understand';
import { asksOnlyAtField } from '../forms/phase';
import { answersOf } from '../qa/layer';
import { noticeNumbers, refusedOf, SMALL_TALK_TOPIC, type FrequentQuestion } from './store';

/** A question offered as a chip in the console's ask view, and how often it was asked in the last 30 days. */
export interface QuickPick {
  question: string;
  count: number;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The correction notes an answer opens with (「（已按“视频”理解。）」), as the knowledge words them. */
function correctionNote(kb: KnowledgeBase): RegExp {
  const escaped = kb.data.intents.answerText.correction.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{(?:from|to)\\\}/g, '.+?');
  return new RegExp(`^(?:${escaped})+\\n`, 'u');
}

/**
 * The console's quick picks from the most asked questions. A helpline worker clicks a chip to answer a caller, so a
 * chip is a question that, asked alone, gets the answer it got when it was asked:
 * - a text that meant something only where it was asked (a follow-up 「那车间呢」, 「这个在哪查？」 about the item
 *   waiting) gets another answer alone and is not offered; nor is one that points at the form field or the item it
 *   was asked at without naming it (「这个比例怎么算」), even where the answer base finds it an answer alone;
 * - an acknowledgement (「谢谢」「好的」) asks nothing and is not offered;
 * - it is answered, or refused as a topic the notice leaves out (「补贴多少钱」: the caller is told whom to ask);
 *   a question the notice does not answer (the closest clauses, an unknown topic) and small talk are for the
 *   review queue and the log, not for answering again;
 * - personal data is never shown: it is taken out with the words that introduce it, and what is left must still get
 *   the answer the whole question got (「这个号码…是谁的」 without its number asks nothing);
 * - the same understood question in different wording is offered once, with the counts of all its wordings: as its
 *   answer entry's standard question when that gets the same answer, else as its most asked wording typed without a
 *   slip the answer had to correct, else as that wording understood (「视屏」 offered as 「视频」), never a slip as typed.
 * Two questions are the same when they get the same answer, apart from a note on a corrected slip: the rules decide
 * the answer from what they understood, so that is what was understood.
 */
export function quickPicks(kb: KnowledgeBase, asked: readonly FrequentQuestion[], limit: number): QuickPick[] {
  const note = correctionNote(kb);
  const published = noticeNumbers(kb);
  const pending = kb.data.interview.vocabulary.aboutPending;
  const groups = new Map<string, { count: number; entries: readonly string[]; wordings: Map<string, { count: number; corrected: boolean }> }>();
  const order: string[] = [];
  for (const row of asked) {
    if (isReplyOnly(row.question, published)) continue;
    const question = withoutPersonalData(row.question, published).replace(/[\s，,；;、。]+$/u, '').trim();
    if (!question || holdsPersonalData(question, published) || isReplyOnly(question, published)) continue;
    // A question that points at the field or the item it was asked at (「这个比例怎么算」「这个在哪查」) has no subject of its own.
    if (asksOnlyAtField(kb.data, question, pending.leads) || askAboutPending(pending, question)) continue;
    const alone = answerQuestion(kb, question);
    // 「谢谢」「好的」 asked nothing, and a bare 「那这个呢」 pointed at a question asked before it: neither is worth offering.
    if (answerSourceOf(alone) === 'acknowledgement' || answerSourceOf(alone) === 'clarification') continue;
    const clauses = [...new Set(alone.citations.map((c) => c.clause))];
    if (refusedOf({ ...alone, source: answerSourceOf(alone) }) !== row.refused) continue;
    // A refusal is the same when both recognised a topic the notice leaves out (two wordings of money may find two);
    // an answer, when it rests on the same entries and clauses.
    const same = row.refused
      ? [alone.topic, row.refusalTopic].every((t) => t !== undefined && t !== SMALL_TALK_TOPIC)
      : sameSet(clauses, row.clauses) && sameSet(alone.entries ?? [], row.entries);
    if (!same) continue;
    const corrected = note.test(alone.answer);
    const meaning = alone.answer.replace(note, '');
    let g = groups.get(meaning);
    if (!g) groups.set(meaning, (g = { count: 0, entries: alone.entries ?? [], wordings: new Map() })), order.push(meaning);
    g.count += row.count;
    const w = g.wordings.get(question) ?? { count: 0, corrected };
    g.wordings.set(question, { ...w, count: w.count + row.count });
  }
  const u = understanderFor(kb.data);
  const means = (meaning: string, q: string) => answerQuestion(kb, q).answer.replace(note, '') === meaning;
  return order
    .map((m) => [m, groups.get(m)!] as const)
    .map(([meaning, g]) => {
      const [typed, w] = [...g.wordings].sort(([a, x], [b, y]) => Number(x.corrected) - Number(y.corrected) || y.count - x.count || a.length - b.length)[0]!;
      // The entry's own standard question names the group when it gets the same answer: it is written without a slip,
      // in the words staff know. An entry that answers many cases (a label, a computed answer) has no question for this one.
      const entry = g.entries.length === 1 ? answersOf(kb).entries.find((x) => x.entry.id === g.entries[0])?.entry : undefined;
      const standard = entry && !entry.label && !entry.fill ? entry.questions[0] : undefined;
      if (standard && means(meaning, standard)) return { question: standard, count: g.count };
      // Every wording had a slip the answer corrected (「视屏」): the question as understood, not as mistyped.
      const understood = w.corrected ? u.read(typed).text : typed;
      return { question: understood !== typed && means(meaning, understood) ? understood : typed, count: g.count };
    })
    .sort((a, b) => b.count - a.count)
    .slice(0, limit);
}
