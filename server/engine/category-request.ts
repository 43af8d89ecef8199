import type { KnowledgeData } from '../knowledge/load';
import type { Assessment, Category } from '../schemas/profile';
import { understanderFor } from '../understand';
import { evaluate, type Answers } from './plan';

/**
 * A reply about the category applied for (VocabularyFile `categoryRequests`): `switch` says to change it and is recorded;
 * `ask` asks whether to change it (「改报智能车间是不是更稳妥？」) and `fit` how the enterprise would fare under it: both are
 * answered from the rules' assessment, recording nothing, since only the applicant's own plain instruction changes the category.
 * `answers` are the choice answers that say the category (the scope, and the production mode when named).
 */
export interface CategoryRequest {
  kind: 'switch' | 'ask' | 'fit';
  answers: { questionId: string; value: string }[];
}

/** The category the rules assess for a set of answers, and its element conditions by status. */
export interface CategoryFit {
  category: Category;
  total: number;
  met: Assessment['conditions'];
  gaps: Assessment['conditions'];
  unknown: Assessment['conditions'];
  /** The clauses of hard conditions that fail: no category can be applied for while one does. */
  blocking: string[];
}

/** The choice questions a category is said by: the scope (智能车间/智能工厂) and the production mode (离散型/流程型). */
function choiceQuestions(kb: KnowledgeData): { scope?: string; mode?: string } {
  const by = (sets: string) => kb.interview.questions.find((q) => q.sets === sets)?.id;
  return { scope: by('scope'), mode: by('productionMode') };
}

/**
 * 「申报方向改成离散型智能工厂」「就报智能车间吧」 (switch), 「那我们能不能改报智能工厂？」 (ask),
 * 「要是改报离散型智能工厂，我们够不够格？」 (fit).
 * Only a reply naming exactly one scope is read; a scope said as a title held (获得过智能车间称号) is no request.
 */
export function categoryRequest(kb: KnowledgeData, rawText: string): CategoryRequest | undefined {
  const words = kb.interview.vocabulary.categoryRequests;
  const { scope, mode } = choiceQuestions(kb);
  if (!words || !scope) return undefined;
  const text = understanderFor(kb).read(rawText.normalize('NFKC').slice(0, 400)).text.toLowerCase();
  const has = (ws: string[]) => ws.some((w) => text.includes(w.toLowerCase()));
  const stated = (question: string | undefined) => kb.interview.vocabulary.statedChoices.filter((c) => c.question === question);
  const named = (question: string | undefined) => {
    if (stated(question).some((c) => has(c.blockers))) return null;
    const values = new Set(stated(question).flatMap((c) => Object.entries(c.values).filter(([, ws]) => has(ws)).map(([v]) => v)));
    return values.size === 1 ? [...values][0]! : undefined;
  };
  // 换成车间 ends its clause or goes on with the question about it (改报工厂行不行); 换成工厂统一采购的 speaks of something else.
  const ends = [...words.asking, ...words.fit, ...words.particles];
  const shortSaid = (w: string) =>
    [...words.change, ...words.wonder].some((c) => {
      const at = text.indexOf((c + w).toLowerCase());
      if (at < 0) return false;
      const after = text.slice(at + c.length + w.length);
      return /^([\s，。！？,.!?;；、]|$)/.test(after) || ends.some((e) => after.startsWith(e.toLowerCase()));
    });
  const short = Object.entries(words.shortScopes).filter(([, ws]) => ws.some(shortSaid)).map(([v]) => v);
  const scopeValue = named(scope) ?? (short.length === 1 && !stated(scope).some((c) => has(c.blockers)) ? short[0] : undefined);
  if (!scopeValue) return undefined;
  const modeValue = mode ? named(mode) : undefined;
  const answers = [{ questionId: scope, value: scopeValue }, ...(mode && modeValue ? [{ questionId: mode, value: modeValue }] : [])];
  if (has(words.fit)) return { kind: 'fit', answers };
  if (has(words.change) && !has(words.hypothetical)) return { kind: has(words.asking) || has(words.wonder) ? 'ask' : 'switch', answers };
  // 「我们是不是应该报车间」: wondering which category is right asks whether to switch.
  if (has(words.wonder) && !has(words.hypothetical)) return { kind: 'ask', answers };
  return undefined;
}

/**
 * The reply to the interview's asking back whether to switch category: 'confirm' when every clause is a confirm word
 * (「要」「嗯，改吧」「行」), 'decline' when every clause is a decline word (「不用」「先不改」), otherwise undefined, and
 * the reply is read as any other.
 */
export function switchReply(kb: KnowledgeData, rawText: string): 'confirm' | 'decline' | undefined {
  const words = kb.interview.vocabulary.categoryRequests;
  if (!words) return undefined;
  const particles = [...words.particles.filter((p) => p.length === 1), '呢', '哈', '嘛', '哦', '噢'];
  const bare = (c: string) => {
    let t = c.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
    while (t.length > 1 && particles.includes(t.slice(-1))) t = t.slice(0, -1);
    return t;
  };
  const clauses = rawText.normalize('NFKC').slice(0, 60).split(/[，,。；;！!？?、\s]+/u).map(bare).filter(Boolean);
  if (!clauses.length) return undefined;
  const all = (ws: string[]) => clauses.every((c) => ws.some((w) => bare(w) === c));
  if (all(words.decline)) return 'decline';
  if (all(words.confirm)) return 'confirm';
  return undefined;
}

/** How the enterprise fares under a set of answers: the category the rules assess and its element conditions. */
export function categoryFit(kb: KnowledgeData, answers: Answers): CategoryFit | undefined {
  const a = evaluate(kb, answers).assessment;
  const category = a.category.recommended ?? a.category.ifEligible;
  if (!category) return undefined;
  const failing = (c: Assessment['conditions'][number]) => c.status === 'unmet' || c.status === 'partial';
  return {
    category,
    total: a.conditions.length,
    met: a.conditions.filter((c) => c.status === 'met'),
    gaps: a.conditions.filter(failing),
    unknown: a.conditions.filter((c) => c.status === 'unknown'),
    blocking: [...new Set(a.blocking.map((b) => b.clause))],
  };
}

/** The answers with a category request applied: the scope, and the production mode only where none was given. */
export function withCategory(answers: Answers, request: CategoryRequest): Answers {
  const next: Record<string, unknown> = { ...answers };
  request.answers.forEach((x, i) => {
    if (i === 0 || next[x.questionId] === undefined || next[x.questionId] === null) next[x.questionId] = x.value;
  });
  return next as Answers;
}

/**
 * Whether a reply only acknowledges and asks to go on (VocabularyFile `starts`): 「好的开始吧」「嗯嗯 继续」「来吧」. Its
 * words are read off from the front, the longest first; every one must be an ack, a go word or a particle, with a go
 * word among them. 「好的」 alone or 「是的」 is no start, and 「开始用了」 leaves 用 unread, so it is none either.
 */
export function startsOnly(kb: KnowledgeData, rawText: string): boolean {
  return startWords(kb, rawText) === 'go';
}

/**
 * Whether a reply is only a nod (「好的」「行」「嗯」「ok」), a go word or none with it: right after the user turned to the
 * interview from 政策问答 it acknowledges the switch and answers nothing, though 好的 would read as the question's yes.
 */
export function acksOnly(kb: KnowledgeData, rawText: string): boolean {
  return startWords(kb, rawText) !== undefined;
}

/**
 * Whether a reply only asks how the enterprise fares as things stand (VocabularyFile `verdictAsks`): 「我们这条件评得上吗」
 * 「我们这种能申报吗」「咱们够格不」. Its words are read off from the front, the longest first; each must be a self word, a
 * filler, an ask or a particle, with a self word and an ask among them. 「这个月能报吗」 leaves 个月 unread and
 * 「分公司能申报吗」 has no self word: neither is one.
 */
export function asksVerdict(kb: KnowledgeData, rawText: string): boolean {
  const v = kb.interview.vocabulary.verdictAsks;
  const kinds = v ? readOff(rawText, { self: v.self, ask: v.asks, '': [...v.fillers, ...v.particles] }) : undefined;
  return !!kinds?.has('self') && kinds.has('ask');
}

/**
 * Whether a reply is only a yes (VocabularyFile `lateYes`): 「有的」「是的，其实有」「其实是有的」. Typed where the item waiting
 * takes no yes, it speaks of an earlier item answered no. 「有的是办法」 leaves 是办法 unread, so it is none.
 */
export function yesOnly(kb: KnowledgeData, rawText: string): boolean {
  const v = kb.interview.vocabulary.lateYes;
  return !!v && !!readOff(rawText, { yes: v.yes, '': [...v.fillers, ...v.particles] })?.has('yes');
}

/**
 * Whether a reply is only a yes said as a correction (VocabularyFile `lateYes.corrects`): 「其实有的」「其实上了」
 * 「刚才说错了，有的」. A plain 「有的」 has no correction word and is none; so is 「其实没有」, which is no yes, and so is a
 * reply whose yes comes before its correction word (「有。刚才那个说错了，是有的」).
 */
export function correctedYes(kb: KnowledgeData, rawText: string): boolean {
  const v = kb.interview.vocabulary.lateYes;
  if (!v?.corrects.length) return false;
  const t = rawText.normalize('NFKC').toLowerCase();
  const at = Math.min(...v.corrects.map((w) => t.indexOf(w.toLowerCase())).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return false;
  // 「有。刚才那个说错了，是有的」: a yes before the correction answers the item waiting, and what follows corrects the one
  // before; both are meant, so it is no question of which.
  if (at > 0 && readOff(t.slice(0, at), { yes: v.yes, '': [...v.fillers, ...v.particles] })?.has('yes')) return false;
  return !!readOff(rawText, { yes: v.yes, '': [...v.fillers, ...v.corrects, ...v.particles] })?.has('yes');
}

/**
 * The kinds of words a reply is made of, read off from the front, the longest first, its marks and spaces left out;
 * undefined when some part of it is none of them.
 */
function readOff(rawText: string, kinds: Record<string, readonly string[]>): Set<string> | undefined {
  let t = rawText.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  if (!t.length) return undefined;
  const words = Object.entries(kinds)
    .flatMap(([k, ws]) => ws.map((w) => ({ w: w.toLowerCase(), k })))
    .sort((a, b) => b.w.length - a.w.length);
  const seen = new Set<string>();
  while (t.length) {
    const hit = words.find((x) => t.startsWith(x.w));
    if (!hit) return undefined;
    seen.add(hit.k);
    t = t.slice(hit.w.length);
  }
  return seen;
}

/** The words of `starts` a reply is made of, read off from the front: 'go' with a go word among them, 'ack' without. */
function startWords(kb: KnowledgeData, rawText: string): 'go' | 'ack' | undefined {
  const s = kb.interview.vocabulary.starts;
  const kinds = s ? readOff(rawText, { go: s.go, '': [...s.acks, ...s.particles] }) : undefined;
  return kinds === undefined ? undefined : kinds.has('go') ? 'go' : 'ack';
}
