import type { KnowledgeBase } from '../knowledge/base';
import { KnowledgeError } from '../knowledge/load';
import { AnswerBaseFile, type AnswerEntry } from '../knowledge/schemas/answer-base';
import { AnswerIndex } from './answer-base';
import { quoteWith } from './quote';
import { strangePhone, phoneOfOtherSubject, ungroundedFigures } from './figures';
import { placeholderValues } from './placeholders';
import { findRegions } from './answer';

/**
 * Staff answer-base entries layered over the shipped answer base of one knowledge version. The
 * shipped files are never written: the layer is a second index built from the shipped entries
 * with the staff entries in place of (or beside) them, swapped in whole so a question is matched
 * either entirely before or entirely after an edit. The knowledge base object itself stays
 * immutable; answer.ts asks `answersOf(kb)` for the index to match against.
 */

interface Layer {
  index: AnswerIndex;
  /** Bumped on every swap, so caches keyed by it never serve an answer from before an edit. */
  generation: number;
  ids: Set<string>;
}

const layers = new WeakMap<KnowledgeBase, Layer>();

/** The answer index questions are matched against: the layered one when staff entries exist. */
export function answersOf(kb: KnowledgeBase): AnswerIndex {
  return layers.get(kb)?.index ?? kb.answers;
}

/** Changes whenever the layer of this knowledge version changes (0 before any staff entry). */
export function layerGeneration(kb: KnowledgeBase): number {
  return layers.get(kb)?.generation ?? 0;
}

const questionsByIndex = new WeakMap<AnswerIndex, Map<string, string>>();
/**
 * The name staff know an answer entry by, as this version serves it: its label, else its standard question (the
 * first); undefined for an id it no longer serves (a withdrawn staff entry). A label names what the entry answers
 * whatever case is asked, so an SIS question is never tagged with the MES example of an entry on any acronym.
 */
export function entryQuestion(kb: KnowledgeBase, id: string): string | undefined {
  const index = answersOf(kb);
  let byId = questionsByIndex.get(index);
  if (!byId) questionsByIndex.set(index, (byId = new Map(index.entries.map(({ entry }) => [entry.id, entry.label ?? entry.questions[0]!]))));
  return byId.get(id);
}

/** The ids of the entries staff have written or replaced in this version. */
export function staffEntryIds(kb: KnowledgeBase): ReadonlySet<string> {
  return layers.get(kb)?.ids ?? new Set();
}

export class EntryRejected extends Error {
  constructor(
    message: string,
    readonly details: { field: string; message: string }[],
  ) {
    super(message);
  }
}

/**
 * Checks one staff entry exactly as a shipped entry is checked: the answer-base zod schema (with
 * its file-level rules: known placeholders, a proving quote), then every clause and quote against
 * the clause text through the same preparation the shipped index runs at startup. Returns the
 * parsed entry; throws EntryRejected naming what failed.
 */
export function checkEntry(kb: KnowledgeBase, candidate: unknown): AnswerEntry {
  const parsed = AnswerBaseFile.safeParse({ entries: [candidate] });
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 10).map((i) => ({ field: ['entry', ...i.path.slice(2)].join('.'), message: i.message }));
    throw new EntryRejected(`答复条目不合格 — ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
  }
  const entry = parsed.data.entries[0]!;
  const details: { field: string; message: string }[] = [];
  entry.clauses.forEach((id, i) => {
    if (!kb.clause(id)) details.push({ field: `entry.clauses.${i}`, message: `条款 ${id} 不存在` });
  });
  entry.quotes.forEach((q, i) => {
    const c = kb.clause(q.clause);
    if (!c) details.push({ field: `entry.quotes.${i}.clause`, message: `条款 ${q.clause} 不存在` });
    else if (!quoteWith(c.text, q.find)) details.push({ field: `entry.quotes.${i}.find`, message: `条款 ${q.clause} 中没有原文“${q.find}”，引文须逐字摘自条款` });
  });
  if (details.length) throw new EntryRejected(`引用未通过核对 — ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
  const figures = figureIssues(kb, entry);
  if (figures.length) throw new EntryRejected(`答复中的数字未通过核对 — ${figures.map((d) => `${d.field}: ${d.message}`).join('; ')}`, figures);
  try {
    // The shipped index's own preparation, run on this entry alone: whatever it refuses at startup is refused here.
    new AnswerIndex({ ...kb.data, answerBase: { entries: [entry] } }, kb.clause, kb.children, 'staff entry');
  } catch (err) {
    if (err instanceof KnowledgeError) throw new EntryRejected(`引用未通过核对 — ${err.message}`, [{ field: 'entry', message: err.message }]);
    throw err;
  }
  return entry;
}

/**
 * The texts of an entry an asker may be shown, by field; {said} is the asker's own value, not the
 * entry's. An item is shown alone under its own quote: it rests on the entry's clauses and its own
 * quotes, not on another item's.
 */
function shownTexts(entry: AnswerEntry): { field: string; text: string; clauses?: string[] }[] {
  return [
    { field: 'entry.answer', text: entry.answer },
    ...(entry.items ?? []).map((item, i) => ({ field: `entry.items.${i}.answer`, text: item.answer, clauses: [...new Set([...entry.clauses, ...entry.quotes.map((q) => q.clause), item.quote.clause, ...(item.also ?? []).map((q) => q.clause)])] })),
    ...(entry.limit ? (['within', 'beyond'] as const).map((k) => ({ field: `entry.limit.${k}`, text: entry.limit![k].split('{said}').join('□') })) : []),
  ];
}

const yearsCache = new WeakMap<KnowledgeBase, string[]>();
function noticeYears(kb: KnowledgeBase): string[] {
  let years = yearsCache.get(kb);
  if (!years) {
    const text = [kb.data.manifest.title, ...kb.data.clauses.map((c) => c.text)].join('\n');
    years = [...new Set([...text.matchAll(/(?<!\d)(?:19|20)\d{2}(?=\s*年)/gu)].map((m) => `${m[0]}年`))];
    yearsCache.set(kb, years);
  }
  return years;
}

const namesCache = new WeakMap<KnowledgeBase, string[]>();
/** Clause references (三(一)5, 附件2.四(六)) and the notice's terms written with digits (5G) are names, not figures. */
function withoutNames(kb: KnowledgeBase, text: string): string {
  let names = namesCache.get(kb);
  if (!names) {
    const terms = kb.data.lexicon.entries.flatMap((e) => [e.canonical, ...e.aliases]).filter((w) => /\d/u.test(w));
    // A clause of the top level (一, 五) is named by a numeral that also counts things: only ids with a part or an attachment's number are masked.
    const refs = kb.data.clauses.map((c) => c.id).filter((id) => /[(（.\d]/u.test(id));
    names = [...refs, ...terms].sort((a, b) => b.length - a.length);
    namesCache.set(kb, names);
  }
  let out = text;
  for (const n of names) if (out.includes(n)) out = out.split(n).join('□');
  // 「三(二)1—6」, 「附件2、3」: the numbers run on from the reference before them.
  return out.replace(/□(?:\s*[—–\-~～至、]\s*\d{1,2}(?!\d))+/gu, (m) => '□'.repeat(m.length));
}

const subjectsCache = new WeakMap<KnowledgeBase, (words: string) => readonly string[] | undefined>();
/**
 * The subjects a quota belongs to, from regions.json: a region named (by the same reader questions
 * are read with) is bound to the words of its group's quota, as are a group's own names
 * (其他省辖市, 各县（市）) and the words that speak of a county without naming one.
 */
export function quotaSubjects(kb: KnowledgeBase): (words: string) => readonly string[] | undefined {
  let subjectOf = subjectsCache.get(kb);
  if (!subjectOf) {
    const { groups, countyWords = [] } = kb.data.regions;
    const quoteOf = new Map(groups.map((g) => [g.id, g.quote]));
    const key = (w: string) => w.normalize('NFKC').toLowerCase();
    const named = [
      ...groups.flatMap((g) => g.label.split('、').map((w) => ({ word: key(w), group: g.id }))),
      ...countyWords.map((w) => ({ word: key(w), group: 'county' })),
    ].filter((n) => quoteOf.has(n.group));
    subjectOf = (words) => {
      const said = key(words);
      const ids = new Set([...findRegions(kb, words).flatMap((r) => (r.group ? [r.group] : [])), ...named.filter((n) => said.includes(n.word)).map((n) => n.group)]);
      const quotes = [...ids].flatMap((id) => (quoteOf.has(id) ? [quoteOf.get(id)!] : []));
      return quotes.length ? quotes : undefined;
    };
    subjectsCache.set(kb, subjectOf);
  }
  return subjectOf;
}

/**
 * A figure, date or phone number the answer states is read out to applicants as the notice's: each
 * must stand in the clauses the entry cites, about the same subject, or come from the structured
 * facts its {placeholders} are filled with. A phone number is the helpline of the facts' contact clause.
 */
export function figureIssues(kb: KnowledgeBase, entry: AnswerEntry): { field: string; message: string }[] {
  const cited = [...new Set([...entry.clauses, ...entry.quotes.map((q) => q.clause), ...(entry.items ?? []).flatMap((i) => [i.quote.clause, ...(i.also ?? []).map((q) => q.clause)])])];
  // A clause cited whole (附件1.四) holds what its parts say.
  const withParts = (id: string): string[] => [kb.clause(id)?.text ?? '', ...kb.children(id).flatMap((c) => withParts(c.id))];
  const values = placeholderValues(kb.data);
  const contact = kb.data.facts.contact;
  const subjects = kb.data.facts.figureSubjects;
  const issues: { field: string; message: string }[] = [];
  for (const { field, text, clauses = cited } of shownTexts(entry)) {
    const sources = clauses.flatMap(withParts);
    const used = [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!).filter((k): k is keyof typeof values => k in values);
    const filled = text.replace(/\{(\w+)\}/gu, (m, k: string) => (k in values ? String(values[k as keyof typeof values]) : m));
    const phone = strangePhone(filled, contact.phone);
    if (phone) issues.push({ field, message: `电话“${phone}”不是通知${contact.clause}的咨询电话 ${contact.phone}；请写 {phone}` });
    const misplaced = phone ? null : phoneOfOtherSubject(filled, contact.unit, subjects);
    if (misplaced) {
      issues.push({ field, message: `电话“${misplaced.phone}”是${contact.clause}所列${misplaced.owner}的电话，答复却把它写成${misplaced.named}的电话；请写“{unit}（电话{phone}）”` });
    }
    // A year the notice names (its own, the years its forms ask figures for) may be repeated anywhere; a value filled in from the facts is theirs.
    // Each figure is held to the part of the cited clauses about its own subject: a city's quota to that city's words.
    const forms = kb.data.facts.submissionForms ?? [];
    const [figure] = ungroundedFigures(withoutNames(kb, filled), sources, {
      anywhere: [...noticeYears(kb), ...used.map((k) => String(values[k]))],
      countWords: true,
      subjectOf: quotaSubjects(kb),
      subjects,
      copies: forms.flatMap((x) => x.said),
    });
    const form = unstatedForm(filled, sources, forms);
    if (form) {
      const stated = forms.filter((x) => x !== form.of && sources.some((t) => x.notice.some((w) => t.includes(w)))).map((x) => x.label);
      issues.push({
        field,
        message: `“${form.word}”：所引条款（${clauses.join('、')}）没有要求${form.of.label}${stated.length ? `，写的是${stated.join('、')}` : ''}；提交形式须是条款的规定`,
      });
    }
    if (figure?.owner) {
      issues.push({ field, message: `“${figure.text}”在所引条款（${clauses.join('、')}）中是对${figure.owner}的规定，答复却把它说成对${figure.named}的规定；数字和日期须是条款对所说对象的规定` });
    } else if (figure?.stated) {
      issues.push({ field, message: `“${figure.text}”与所引条款对同一对象的规定不符：${clauses.join('、')}写的是“${figure.stated}”；数字须是条款对所说对象（地区、事项）的规定` });
    } else if (figure) {
      issues.push({
        field,
        message: `“${figure.text}”不在所引条款（${clauses.join('、')}）中，或不是条款对所说对象的规定${used.length ? `，也不是 ${used.map((k) => `{${k}}`).join('、')} 的值` : ''}；数字和日期须出自所引条款，或写 {占位符} 由数据填入`,
      });
    }
  }
  return issues;
}

/** A word before a form that says it is not wanted: 「不需要纸质版」, 「无需提交纸质材料」, 「不收纸质」. */
const NOT_WANTED = /(?:不|无|无需|无须|毋须|不必|不用|没有|免|不再|未)[\p{Script=Han}]{0,8}$/u;

/**
 * A form of submission the text requires (「3份，纸质版」, 「请邮寄纸质材料」) where the cited clauses say how the
 * submission is made and name another form only (四(二): 电子版 through the platform): an answer must not add a paper
 * copy the notice does not ask for. A form the text says is not wanted (「不需要纸质版」, 「没有规定份数或装订」) is no
 * requirement, and clauses that say nothing of submitting (「纸质或手工记录」 under an element) are not held to.
 */
function unstatedForm(text: string, sources: readonly string[], forms: NonNullable<KnowledgeBase['data']['facts']['submissionForms']>) {
  const named = (x: (typeof forms)[number]) => sources.some((t) => x.notice.some((w) => t.includes(w)));
  for (const of of forms) {
    if (named(of) || !forms.some((x) => x !== of && named(x))) continue;
    for (const word of [...of.said].sort((a, b) => b.length - a.length)) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        const part = text.slice(0, at).split(/[，,；;。！!？?\n]/u).at(-1)!;
        if (!NOT_WANTED.test(part)) return { word, of };
      }
    }
  }
  return null;
}

/**
 * Replaces the layer of a knowledge version with these staff entries (each already checked).
 * A staff entry with a shipped entry's id replaces it; a new id is added. An empty list removes
 * the layer, and the shipped answer base answers alone again.
 */
export function setLayer(kb: KnowledgeBase, staff: readonly AnswerEntry[]): void {
  const prev = layers.get(kb);
  const generation = (prev?.generation ?? 0) + 1;
  if (staff.length === 0) {
    layers.set(kb, { index: kb.answers, generation, ids: new Set() });
    return;
  }
  const byId = new Map(staff.map((e) => [e.id, e]));
  const shipped = kb.data.answerBase.entries;
  const entries = [...shipped.map((e) => byId.get(e.id) ?? e), ...staff.filter((e) => !shipped.some((s) => s.id === e.id))];
  const index = new AnswerIndex({ ...kb.data, answerBase: { ...kb.data.answerBase, entries } }, kb.clause, kb.children, 'staff answer layer');
  layers.set(kb, { index, generation, ids: new Set(byId.keys()) });
}
