import type { KnowledgeBase } from '../knowledge/base';
import { answerQuestion, answerSourceOf, cite, concludes } from '../qa/answer';
import type { QuestionView } from '../schemas/interview';
import type { AboutPending } from '../understand';
import { phrases } from './phrases';
import type { SpokenAnswer } from './ports';

/**
 * 「这个在哪查？」「这个必须有吗」「这个是啥意思」「这个咋填」 while an item waits: answered about that item, never
 * recorded as its answer. Where it is checked and whether it is required are the notice's to say, so the question is
 * asked of the item by name (「被列入失信被执行人在哪查」) and its answer kept when it concludes. What the item means and
 * how it is filled in are the item's own to say: its question, its help (which quotes its clause) and what answer it
 * takes. A notice that concludes nothing about the item falls back to the item's own words too, so the reply is never
 * a refusal.
 */
export function answerAboutPending(kb: KnowledgeBase, q: QuestionView, label: string, about: AboutPending): SpokenAnswer & { askedAs: string } {
  if (about.ask === 'counts' && about.thing) return answerWhetherCounts(kb, q, label, about.thing, about.target);
  const askedAs = `${label}${about.rest}`;
  if (about.ask === 'where' || about.ask === 'required' || about.ask === 'criteria') {
    const r = answerQuestion(kb, askedAs);
    if (concludes(kb, r)) {
      const source = answerSourceOf(r);
      return {
        text: phrases.aboutPending(label, r.answer),
        citations: r.citations,
        confidence: r.confidence,
        ...(r.entries ? { entries: r.entries } : {}),
        ...(source ? { source } : {}),
        askedAs,
      };
    }
  }
  const clause = q.clause ? cite(kb, q.clause, [label]) : null;
  // The item's own words answer it, clause or none: an answer by rule, never a refusal.
  return { text: phrases.pendingExplained(q, label, about.ask === 'fill'), citations: clause ? [clause] : [], confidence: 1, outOfScope: false, source: 'rule', askedAs };
}

/**
 * 「地磅算不算」「地磅也算联网设备吗」 while an item waits: the item's clause decides only where its own words name the thing
 * (「机器人」 of 自动化成套装备); otherwise the notice does not say, and the bureau's 初审 and the reviewers judge it against
 * the clause, which is quoted. Never recorded as the item's answer.
 */
function answerWhetherCounts(kb: KnowledgeBase, q: QuestionView, label: string, thing: string, target: string | undefined): SpokenAnswer & { askedAs: string } {
  const askedAs = `${thing}算不算${target ?? label}`;
  const clause = q.clause ? kb.clause(q.clause) : undefined;
  const named = !!clause && clause.text.toLowerCase().includes(thing.toLowerCase());
  const quoted = clause ? cite(kb, clause.id, named ? [thing] : [...nameParts(target ?? label), ...nameParts(label)]) : null;
  const text = named && quoted
    ? phrases.countsNamed(thing, quoted.clause, quoted.quote)
    : phrases.countsOpen(thing, target ?? label, quoted ? phrases.countsQuote(quoted.clause, quoted.quote) : '');
  // The clause naming the thing settles it; otherwise the reply is sure only that the notice is silent, not whether it counts.
  return { text, citations: quoted ? [quoted] : [], confidence: named ? 1 : OPEN_CONFIDENCE, outOfScope: false, source: 'rule', askedAs };
}

/** How sure a reply is that leaves whether a thing counts to the bureau's 初审. */
const OPEN_CONFIDENCE = 0.5;

/**
 * A name as the clause may write it: whole, then without its bracketed abbreviation (「生产过程数据采集和监控系统（SCADA）」
 * is 「生产过程数据采集和监控系统」 in 三(二)3), then the bracketed part itself, so the sentence quoted is the one naming it.
 */
function nameParts(name: string): string[] {
  const bare = name.replace(/[（(][^（）()]*[）)]/g, '').trim();
  const inner = [...name.matchAll(/[（(]([^（）()]+)[）)]/g)].map((m) => m[1]!.trim());
  return [name, bare, ...inner].filter((x, i, all) => x.length > 1 && all.indexOf(x) === i);
}
