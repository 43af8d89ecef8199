import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKnowledgeBase } from '../base';
import { figureIssues } from '../../qa/layer';
import { loadKnowledgeData, type KnowledgeData } from '../load';
import { Manifest } from '../schemas/notice-data';
import { isDropped, isPending, ReviewFile, type ReviewItem } from '../schemas/review';
import { citedClauses, CARRIED, getAt, hashOf, itemsOf } from './carry';
import { staleQuoteIssues } from './verbatim';

/**
 * Review and publishing of a draft version. Reviewing is done on the files themselves: an
 * operator edits an item in its JSON file if it needs a change, then accepts it here. Publishing
 * validates the version with the startup loader and refuses while anything is unreviewed.
 */

/**
 * Something that keeps a draft from being published, for the console: the review item that holds it (when one does),
 * where it is, and why, in the operator's words.
 */
export interface PublishProblem {
  /** The id of the review item holding the value at fault, as the review list shows it; null when none does. */
  item: string | null;
  file: string;
  /** JSON pointer inside `file` ('' for the file as a whole). */
  pointer: string;
  /** The item's name, or the entry's, for the list. */
  label: string;
  message: string;
}

/**
 * Why a review step or publishing was refused. `message` is for the command line; `zh`, when given, says the same to
 * the console's operator, and `problems` lists each thing to fix.
 */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly problems: PublishProblem[] = [],
    readonly zh?: string,
  ) {
    super(message);
  }
}

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const writeJson = (p: string, v: unknown) => writeFileSync(p, JSON.stringify(v, null, 1) + '\n');

export function readReview(root: string, version: string): ReviewFile {
  const file = join(resolve(root), version, 'review.json');
  if (!existsSync(file)) throw new PublishError(`${file} not found: only an ingested draft has a review list`, [], `${version} 没有复核清单：只有导入生成的草稿才有`);
  const r = ReviewFile.safeParse(readJson(file));
  if (!r.success) throw new PublishError(`${file} is invalid: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return r.data;
}

/**
 * A published version may already be serving sessions: it is never rewritten, only superseded by
 * a new one. Reviewing and publishing therefore work on drafts only.
 */
export function assertDraft(root: string, version: string): void {
  const file = join(resolve(root), version, 'manifest.json');
  const m = Manifest.safeParse(existsSync(file) ? readJson(file) : null);
  if (m.success && m.data.status !== 'draft') {
    throw new PublishError(
      `${version} is already published, and a published version is never changed or replaced; nothing was written. To publish a corrected notice, ingest it under a new name (for example ${version}-2).`,
      [],
      `${version} 已经发布：已发布的版本从不修改或替换，未写入任何内容。要发布更正后的通知，请以新的版本名导入（如 ${version}-2）。`,
    );
  }
}

const pathOf = (pointer: string) => pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

/**
 * The item as it is in its file now. A caller reading many items passes one `files` map for all of them, so each
 * file is read and parsed once rather than once per item (the answer base alone holds hundreds of items).
 */
export function currentValue(root: string, version: string, item: ReviewItem, files?: Map<string, unknown>): unknown {
  const file = join(resolve(root), version, item.file);
  if (files?.has(file)) return getAt(files.get(file), pathOf(item.pointer));
  if (!existsSync(file)) return undefined;
  const json = readJson(file);
  files?.set(file, json);
  return getAt(json, pathOf(item.pointer));
}

/**
 * Replaces an item's value in its file: what an operator does by hand in the JSON file, for the
 * console. The version must still load with the startup schemas afterwards, or the file is put
 * back as it was and the error says why. The item is not accepted by this; accepting records
 * that it was edited.
 */
export function editItem(root: string, version: string, id: string, value: unknown): ReviewItem {
  assertDraft(root, version);
  const item = readReview(root, version).items.find((i) => i.id === id);
  if (!item) throw new PublishError(`no item ${id} in ${version}/review.json`, [], `${version} 的复核清单中没有 ${id}`);
  if (isDropped(item)) throw new PublishError(`${id} was dropped; undo the drop before editing it`, [], `“${item.label}”已删除：请先恢复再修改`);
  const path = pathOf(item.pointer);
  if (!path.length || path[0]!.startsWith('@')) throw new PublishError(`${id} is not a single value that can be replaced; edit ${item.file} itself`, [], `“${item.label}”不是可以整体替换的一项，请直接修改 ${item.file}`);
  const file = join(resolve(root), version, item.file);
  const before = readFileSync(file, 'utf8');
  const json = JSON.parse(before);
  let parent: any = json;
  for (const p of path.slice(0, -1)) parent = parent?.[p];
  const last = path.at(-1)!;
  if (parent === null || typeof parent !== 'object' || !(last in parent)) throw new PublishError(`${id} no longer exists in ${item.file}`, [], `${item.file} 中已没有“${item.label}”`);
  parent[last] = value;
  writeJson(file, json);
  try {
    loadKnowledgeData(root, version);
  } catch (err) {
    writeFileSync(file, before);
    const detail = (err as Error).message;
    const lines = detail.split('\n').map((l) => ENTRY_LINE.exec(l)).filter((m): m is RegExpExecArray => !!m);
    throw new PublishError(
      `the edit of ${id} does not pass the startup checks, so it was not saved: ${detail}`,
      [],
      `“${item.label}”的修改未通过服务器启动时的校验，没有保存：${lines.length ? lines.map((m) => entryProblemText(m[4]!)).join('；') : detail}`,
    );
  }
  return item;
}

/**
 * Takes the dropped items out of their files' JSON: array members from the last index back, so each pointer
 * (written when the draft was ingested) still names its own member. Returns the files' new texts.
 */
function withoutDropped(root: string, version: string, items: ReviewItem[]): Map<string, { before: string; after: string }> {
  const out = new Map<string, { before: string; after: string }>();
  const byFile = new Map<string, ReviewItem[]>();
  for (const i of items) byFile.set(i.file, [...(byFile.get(i.file) ?? []), i]);
  for (const [file, list] of byFile) {
    const full = join(resolve(root), version, file);
    const before = readFileSync(full, 'utf8');
    const json = JSON.parse(before);
    const paths = list.map((i) => pathOf(i.pointer)).sort((a, b) => {
      // Deeper members first, and within one array the higher index first.
      if (a.length !== b.length) return b.length - a.length;
      const index = (k: string) => (/^\d+$/.test(k) ? Number(k) : -1);
      return index(b.at(-1)!) - index(a.at(-1)!);
    });
    const names: string[] = [];
    for (const path of paths) {
      let parent: any = json;
      for (const p of path.slice(0, -1)) parent = parent?.[p];
      const last = path.at(-1)!;
      const id = parent?.[last]?.id;
      if (typeof id === 'string') names.push(id);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else if (parent && typeof parent === 'object') delete parent[last];
    }
    if (names.length) pruneMentions(json, new Set(names));
    out.set(full, { before, after: JSON.stringify(json, null, 1) + '\n' });
  }
  return out;
}

/**
 * What only served a dropped member goes with it: in the same file, a list entry that is its id, or that says it
 * is about it (`question`: the words that answer a dropped question, 「电费降了」 for the green-priority one).
 */
function pruneMentions(v: unknown, ids: Set<string>): void {
  if (Array.isArray(v)) {
    for (let i = v.length - 1; i >= 0; i--) {
      const x = v[i];
      if ((typeof x === 'string' && ids.has(x)) || (x && typeof x === 'object' && !Array.isArray(x) && typeof (x as { question?: unknown }).question === 'string' && ids.has((x as { question: string }).question))) v.splice(i, 1);
      else pruneMentions(x, ids);
    }
  } else if (v && typeof v === 'object') for (const x of Object.values(v)) pruneMentions(x, ids);
}

/** An item's pointer once the dropped members before it, in the same arrays, are gone. */
function pointerAfter(item: ReviewItem, dropped: ReviewItem[]): string {
  const path = pathOf(item.pointer);
  const out = [...path];
  for (let k = 0; k < path.length; k++) {
    if (!/^\d+$/.test(path[k]!)) continue;
    const before = dropped.filter((d) => {
      if (d.file !== item.file) return false;
      const p = pathOf(d.pointer);
      return p.length === k + 1 && p.slice(0, k).every((x, j) => x === path[j]) && /^\d+$/.test(p[k]!) && Number(p[k]) < Number(path[k]);
    }).length;
    out[k] = String(Number(path[k]) - before);
  }
  return out.length ? '/' + out.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '';
}

/**
 * Drops a carried item the new notice no longer supports (a question about a removed condition, an answer about a
 * dropped priority). The drop is recorded in review.json and undone by `restoreItem`; the item leaves its file only
 * when the version is published. A drop that would leave the version failing the startup checks (another item still
 * needs what it holds) is refused, saying why.
 */
export function dropItem(root: string, version: string, id: string, now = new Date()): ReviewItem {
  assertDraft(root, version);
  const review = readReview(root, version);
  const item = review.items.find((i) => i.id === id);
  if (!item) throw new PublishError(`no item ${id} in ${version}/review.json`, [], `${version} 的复核清单中没有 ${id}`);
  if (isDropped(item)) return item;
  const path = pathOf(item.pointer);
  if (!path.length || path[0]!.startsWith('@') || item.file === 'clauses.json' || item.file.startsWith('source/')) {
    throw new PublishError(`${id} is not an item that can be dropped: only a carried rule, question, form item or answer can`, [], `“${item.label}”不能删除：只有沿用的规则、问题、表单项和问答可以删除`);
  }
  // Tried on the files with every drop of the draft applied, then put back: the files change only at publishing.
  const files = withoutDropped(root, version, [...review.items.filter(isDropped), item]);
  try {
    for (const [full, f] of files) writeFileSync(full, f.after);
    loadKnowledgeData(root, version);
  } catch (err) {
    throw new PublishError(
      `dropping ${id} would leave ${version} failing the startup checks, so it was not dropped: ${(err as Error).message}`,
      [],
      `删除“${item.label}”后 ${version} 将无法通过服务器启动时的校验（仍有其他内容用到它），所以没有删除：${(err as Error).message}`,
    );
  } finally {
    for (const [full, f] of files) writeFileSync(full, f.before);
  }
  item.before = item.status === 'accepted' ? 'accepted' : 'pending';
  item.status = 'dropped';
  item.droppedAt = now.toISOString();
  writeJson(join(resolve(root), version, 'review.json'), ReviewFile.parse(review));
  return item;
}

/** Undoes a drop: the item is kept again, with the status it had before. */
export function restoreItem(root: string, version: string, id: string): ReviewItem {
  assertDraft(root, version);
  const review = readReview(root, version);
  const item = review.items.find((i) => i.id === id);
  if (!item) throw new PublishError(`no item ${id} in ${version}/review.json`, [], `${version} 的复核清单中没有 ${id}`);
  if (!isDropped(item)) return item;
  if (item.before === 'accepted') item.status = 'accepted';
  else if (item.needsReview) item.status = 'pending';
  else delete item.status;
  delete item.before;
  delete item.droppedAt;
  writeJson(join(resolve(root), version, 'review.json'), ReviewFile.parse(review));
  return item;
}

export interface AcceptResult {
  accepted: ReviewItem[];
  unknown: string[];
  /**
   * Items a group or list named that fail the publish checks as they stand (a quote the new notice no longer has,
   * last year's figure): marking a whole group must not wave them through. Each is accepted only when named by its
   * own id, or once edited so that it passes.
   */
  held: { id: string; label: string; reasons: string[] }[];
}

/**
 * Marks items as reviewed. `ids` are item IDs, or a group name (facts, rules, interview, forms,
 * answers, notice) to accept every pending item of that group, or 'all'.
 */
export function acceptItems(root: string, version: string, ids: string[], now = new Date()): AcceptResult {
  assertDraft(root, version);
  const review = readReview(root, version);
  const accepted: ReviewItem[] = [];
  const unknown: string[] = [];
  const held: AcceptResult['held'] = [];
  let failing: Map<string, string[]> | undefined;
  const failingNow = () => {
    if (!failing) {
      failing = new Map();
      for (const p of checkDraft(root, version).problems) if (p.item) failing.set(p.item, [...(failing.get(p.item) ?? []), p.message]);
    }
    return failing;
  };
  for (const want of ids) {
    const hits = review.items.filter((i) => isPending(i) && (want === 'all' || i.id === want || i.group === want));
    if (!hits.length && !review.items.some((i) => i.id === want)) unknown.push(want);
    for (const i of hits) {
      if (accepted.includes(i) || held.some((h) => h.id === i.id)) continue;
      // An item named by its id is the operator's decision on that item; a group or 'all' is a bulk mark.
      const reasons = i.id === want ? undefined : failingNow().get(i.id);
      if (reasons) {
        held.push({ id: i.id, label: i.label, reasons });
        continue;
      }
      i.status = 'accepted';
      i.reviewedAt = now.toISOString();
      i.edited = hashOf(currentValue(root, version, i)) !== i.hash;
      accepted.push(i);
    }
  }
  writeJson(join(resolve(root), version, 'review.json'), ReviewFile.parse(review));
  return { accepted, unknown, held };
}

/** Clause references of the carried files that point at no clause of this version. */
export function danglingReferences(data: KnowledgeData, dir: string): string[] {
  return danglingIssues(data, dir).map((d) => `${d.file}#/${d.path.join('/')} cites ${d.clause}`);
}

function danglingIssues(data: KnowledgeData, dir: string): { file: string; path: string[]; clause: string }[] {
  const ids = new Set(data.clauses.map((c) => c.id));
  const out: { file: string; path: string[]; clause: string }[] = [];
  for (const spec of CARRIED) {
    const files = spec.file.includes('*') ? Object.keys(data.forms).map((n) => `forms/${n}.json`) : [spec.file];
    for (const file of files) {
      const p = join(dir, file);
      if (!existsSync(p)) continue;
      for (const { path, value } of itemsOf(readJson(p), spec.items)) {
        if (spec.keep && !spec.keep(value, path)) continue;
        for (const c of citedClauses(value, spec.relativeTo)) {
          // A form question names a form-relative clause that only some forms have.
          if (spec.relativeTo) continue;
          if (!ids.has(c)) out.push({ file, path, clause: c });
        }
      }
    }
  }
  return out;
}

export interface PublishResult {
  version: string;
  clauses: number;
  accepted: number;
}

const toPointer = (path: string[]) => (path.length ? '/' + path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '');

/** A field of an answer-base entry as the startup check names it (quotes.0, items.2.quote), in words. */
function fieldName(at: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^quotes\.(\d+)$/.exec(at))) return `第 ${Number(m[1]) + 1} 条引文`;
  if ((m = /^items\.(\d+)\.quote$/.exec(at))) return `第 ${Number(m[1]) + 1} 项的引文`;
  if ((m = /^items\.(\d+)\.also\.(\d+)$/.exec(at))) return `第 ${Number(m[1]) + 1} 项的附加引文 ${Number(m[2]) + 1}`;
  if (at === 'clauses') return '依据条款';
  return at;
}

/** One line of the answer base's clause check (`quotes.0：条款 二(一) 中没有原文“…”`), in the operator's words. */
export function entryProblemText(detail: string): string {
  let m = /^(.+?)：条款 (\S+) 中没有原文“([\s\S]*)”$/.exec(detail);
  if (m) return `${fieldName(m[1]!)}「${m[3]}」在新通知的 ${m[2]} 中已找不到：请改为新条款的原文（及新的数字、日期），或删除此项`;
  m = /^(.+?)：条款 (\S+) 不存在$/.exec(detail);
  if (m) return `${fieldName(m[1]!)}所依据的条款 ${m[2]} 在新通知中不存在：请改引新通知的条款，或删除此项`;
  return `未通过服务器启动时的校验：${detail}`;
}

/** `answer-base.json entries.6 (branch)：quotes.0：…`, one per failing entry, as the startup check writes them. */
const ENTRY_LINE = /^\s*(?:知识库文件 )?([\w./-]+\.json) entries\.(\d+) \(([^)]*)\)：([\s\S]+)$/;
/** `知识库文件 <path>：<what>`, one per failing file, as the loader writes them. */
const FILE_LINE = /^\s*知识库文件 (\S+?)：([\s\S]+)$/;

type Found = Omit<PublishProblem, 'item' | 'label'> & { label?: string };

/**
 * What keeps the version in `dir`, with its drops applied, from being published: the startup loader, the answer
 * base's clause and figure checks, words the notice no longer has, items left on a renumbered clause, and clause
 * references to nothing. `en` is the command line's report; `found` the same, one entry per place.
 */
function checkFiles(root: string, version: string, dir: string, misplaced: { item: ReviewItem; pointer: string }[]): { en: string[]; found: Found[]; data?: KnowledgeData } {
  const en: string[] = [];
  const found: Found[] = [];
  const rel = (file: string) => (file.startsWith(dir + '/') ? file.slice(dir.length + 1) : file);
  let data: KnowledgeData;
  try {
    data = loadKnowledgeData(root, version);
  } catch (err) {
    const message = (err as Error).message;
    en.push(`${version} does not pass the startup checks; nothing was published.\n  ${message}`);
    const lines = message.split('\n').filter((l) => FILE_LINE.test(l));
    for (const l of lines.length ? lines : [message]) {
      const m = FILE_LINE.exec(l);
      found.push({ file: m ? rel(m[1]!) : '', pointer: '', message: `文件未通过服务器启动时的格式校验：${m ? m[2] : l}` });
    }
    return { en, found };
  }
  try {
    // What the server builds at startup too: the answer base's quotes must be found in this version's clauses.
    const kb = createKnowledgeBase(data);
    // A carried answer can quote the new text and still state last year's figure in its own words
    // (「各县不多于5家」, 「2020—2022年」): the check a staff-written answer gets holds the shipped ones too.
    const figures: string[] = [];
    data.answerBase.entries.forEach((e, k) => {
      for (const i of figureIssues(kb, e)) {
        const field = i.field.replace(/^entry\./, '');
        figures.push(`  answer-base.json ${e.id} (${field}): ${i.message}`);
        found.push({ file: 'answer-base.json', pointer: toPointer(['entries', String(k)]), label: `问答库 ${e.id}`, message: `${fieldName(field) === field ? field : fieldName(field)}：${i.message}` });
      }
    });
    if (figures.length) en.push(`${version} has answers stating figures its cited clauses do not give:\n${figures.join('\n')}`);
  } catch (err) {
    const message = (err as Error).message;
    en.push(`${version} does not pass the startup checks:\n  ${message}`);
    const lines = message.split('\n').filter((l) => ENTRY_LINE.test(l));
    for (const l of lines.length ? lines : [message]) {
      const m = ENTRY_LINE.exec(l);
      if (m) found.push({ file: m[1]!, pointer: toPointer(['entries', m[2]!]), label: `问答库 ${m[3]}`, message: entryProblemText(m[4]!) });
      else found.push({ file: (err as { file?: string }).file ? rel((err as { file: string }).file) : '', pointer: '', message: `未通过服务器启动时的校验：${l}` });
    }
  }
  // Every stale quotation is named at once, the answer base's and the rule and quota files', so
  // one round of edits can clear them all.
  const stale = staleQuoteIssues(data);
  if (stale.length) {
    en.push(`${version} still repeats words its notice no longer has; bring each to the new text (or the new figure) in its file:\n${stale.map((d) => `  ${d.en}`).join('\n')}`);
    for (const d of stale) found.push({ file: d.file, pointer: toPointer(d.path), message: d.zh });
  }
  // A removed clause whose number another clause took: an item left as it was cites the wrong text.
  const titles = new Map(data.clauses.map((c) => [c.id, c.title]));
  if (misplaced.length) {
    en.push(
      `${version} has items that cite a clause the new notice removed, whose number another clause now holds; edit each to rest on a clause this notice has:\n` +
        misplaced.map(({ item: i }) => `  ${i.id} (${i.label}) cites ${i.retired!.map((c) => `${c}, now 「${titles.get(c)}」`).join('; ')}`).join('\n'),
    );
    for (const { item: i, pointer } of misplaced) {
      found.push({ file: i.file, pointer, message: `所引的 ${i.retired!.join('、')} 已被新通知删除，这一编号现在是另一条款（${i.retired!.map((c) => `「${titles.get(c)}」`).join('、')}）：请改引新通知中相应的条款，或删除此项` });
    }
  }
  const dangling = danglingIssues(data, dir);
  if (dangling.length) {
    en.push(`${version} cites clauses it does not have:\n${dangling.map((d) => `  ${d.file}#/${d.path.join('/')} cites ${d.clause}`).join('\n')}`);
    for (const d of dangling) found.push({ file: d.file, pointer: toPointer(d.path), message: `引用的条款 ${d.clause} 在新通知中不存在：请改引新通知的条款，或删除此项` });
  }
  return { en, found, data };
}

/**
 * The review item each problem is about: the kept item of the same file whose pointer (where the drops moved it)
 * holds the problem's place, the innermost one when several do.
 */
function attach(review: ReviewFile, found: Found[]): PublishProblem[] {
  const dropped = review.items.filter(isDropped);
  const kept = review.items.filter((i) => !isDropped(i)).map((i) => ({ item: i, at: pointerAfter(i, dropped) }));
  return found.map((f) => {
    const holders = kept.filter(({ item, at }) => item.file === f.file && (f.pointer === at || f.pointer.startsWith(at + '/') || (at === '' && f.pointer !== '')));
    const best = holders.sort((a, b) => b.at.length - a.at.length)[0];
    return { item: best?.item.id ?? null, file: f.file, pointer: f.pointer, label: best?.item.label ?? f.label ?? (f.file || review.version), message: f.message };
  });
}

/** Applies the draft's drops to its files for `fn`, and puts the files back afterwards unless `keep` says so. */
function withDropsApplied<T>(root: string, version: string, review: ReviewFile, fn: () => T, keep: (r: T) => boolean = () => false): T {
  const files = withoutDropped(root, version, review.items.filter(isDropped));
  for (const [full, f] of files) writeFileSync(full, f.after);
  let result: T | undefined;
  try {
    result = fn();
    return result;
  } finally {
    if (result === undefined || !keep(result)) for (const [full, f] of files) writeFileSync(full, f.before);
  }
}

/** Items left unedited on a clause the new notice removed while another clause took its number, with their pointers after the drops. */
function misplacedItems(root: string, version: string, review: ReviewFile) {
  const dropped = review.items.filter(isDropped);
  return review.items.filter((i) => !isDropped(i) && i.retired?.length && hashOf(currentValue(root, version, i)) === i.hash).map((item) => ({ item, pointer: pointerAfter(item, dropped) }));
}

export interface PublishCheck {
  /** Items still needing review. */
  pending: number;
  /** What would refuse publishing once nothing is pending: the same checks `publishVersion` runs. */
  problems: PublishProblem[];
}

/**
 * Whether publishing would go through, without publishing: the checks of `publishVersion` on the draft as it stands,
 * drops applied and put back. The console says a draft is ready only when this finds nothing.
 */
export function checkDraft(root: string, version: string): PublishCheck {
  assertDraft(root, version);
  const review = readReview(root, version);
  const dir = join(resolve(root), version);
  // Read before the drops move the members after them: a dropped item cites nothing any more.
  const misplaced = misplacedItems(root, version, review);
  const { found } = withDropsApplied(root, version, review, () => checkFiles(root, version, dir, misplaced));
  return { pending: review.items.filter(isPending).length, problems: attach(review, found) };
}

/** Validates a draft with the startup schemas and marks it published; refuses while anything is unreviewed. */
export function publishVersion(root: string, version: string): PublishResult {
  const dir = join(resolve(root), version);
  assertDraft(root, version);
  const review = readReview(root, version);
  const pending = review.items.filter(isPending);
  if (pending.length) {
    const sample = pending.slice(0, 5).map((i) => `  ${i.id} — ${i.label}`).join('\n');
    throw new PublishError(
      `${version} has ${pending.length} item(s) still needing review; nothing was published.\n${sample}${pending.length > 5 ? '\n  …' : ''}\nList them with: npm run knowledge:review -- ${version}`,
      pending.map((i) => ({ item: i.id, file: i.file, pointer: i.pointer, label: i.label, message: '尚未复核' })),
      `${version} 还有 ${pending.length} 项待复核，未发布。`,
    );
  }
  const misplaced = misplacedItems(root, version, review);
  // The dropped items leave their files now; if anything refuses, the files are put back as they were.
  const checked = withDropsApplied(root, version, review, () => checkFiles(root, version, dir, misplaced), (r) => !r.en.length);
  if (checked.en.length) {
    const problems = attach(review, checked.found);
    throw new PublishError(`${checked.en.join('\n')}\nSo nothing was published.`, problems, `${version} 有 ${problems.length} 处未通过发布前的校验（与服务器启动时相同），未发布。`);
  }
  const manifest = Manifest.parse(readJson(join(dir, 'manifest.json')));
  writeJson(join(dir, 'manifest.json'), { ...manifest, status: 'published' });
  const dropped = review.items.filter(isDropped);
  if (dropped.length) {
    // The kept items' pointers follow their members to where the drops moved them, so the record still shows each.
    for (const i of review.items) if (!isDropped(i)) i.pointer = pointerAfter(i, dropped);
    for (const i of review.items) if (!isDropped(i)) i.id = `${i.file}#${i.pointer}`;
    writeJson(join(dir, 'review.json'), ReviewFile.parse(review));
  }
  return { version, clauses: checked.data!.clauses.length, accepted: review.items.filter((i) => i.needsReview).length };
}
