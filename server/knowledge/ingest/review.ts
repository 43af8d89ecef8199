import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createKnowledgeBase } from '../base';
import { figureIssues } from '../../qa/layer';
import { loadKnowledgeData, type KnowledgeData } from '../load';
import { Manifest } from '../schemas/notice-data';
import { isDropped, isPending, ReviewFile, type ReviewItem } from '../schemas/review';
import { citedClauses, CARRIED, getAt, hashOf, itemsOf } from './carry';
import { staleQuotes } from './verbatim';

/**
 * Review and publishing of a draft version. Reviewing is done on the files themselves: an
 * operator edits an item in its JSON file if it needs a change, then accepts it here. Publishing
 * validates the version with the startup loader and refuses while anything is unreviewed.
 */

export class PublishError extends Error {}

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const writeJson = (p: string, v: unknown) => writeFileSync(p, JSON.stringify(v, null, 1) + '\n');

export function readReview(root: string, version: string): ReviewFile {
  const file = join(resolve(root), version, 'review.json');
  if (!existsSync(file)) throw new PublishError(`${file} not found: only an ingested draft has a review list`);
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
    throw new PublishError(`${version} is already published, and a published version is never changed or replaced; nothing was written. To publish a corrected notice, ingest it under a new name (for example ${version}-2).`);
  }
}

const pathOf = (pointer: string) => pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The item as it is in its file now. */
export function currentValue(root: string, version: string, item: ReviewItem): unknown {
  const file = join(resolve(root), version, item.file);
  return existsSync(file) ? getAt(readJson(file), pathOf(item.pointer)) : undefined;
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
  if (!item) throw new PublishError(`no item ${id} in ${version}/review.json`);
  if (isDropped(item)) throw new PublishError(`${id} was dropped; undo the drop before editing it`);
  const path = pathOf(item.pointer);
  if (!path.length || path[0]!.startsWith('@')) throw new PublishError(`${id} is not a single value that can be replaced; edit ${item.file} itself`);
  const file = join(resolve(root), version, item.file);
  const before = readFileSync(file, 'utf8');
  const json = JSON.parse(before);
  let parent: any = json;
  for (const p of path.slice(0, -1)) parent = parent?.[p];
  const last = path.at(-1)!;
  if (parent === null || typeof parent !== 'object' || !(last in parent)) throw new PublishError(`${id} no longer exists in ${item.file}`);
  parent[last] = value;
  writeJson(file, json);
  try {
    loadKnowledgeData(root, version);
  } catch (err) {
    writeFileSync(file, before);
    throw new PublishError(`the edit of ${id} does not pass the startup checks, so it was not saved: ${(err as Error).message}`);
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
  if (!item) throw new PublishError(`no item ${id} in ${version}/review.json`);
  if (isDropped(item)) return item;
  const path = pathOf(item.pointer);
  if (!path.length || path[0]!.startsWith('@') || item.file === 'clauses.json' || item.file.startsWith('source/')) {
    throw new PublishError(`${id} is not an item that can be dropped: only a carried rule, question, form item or answer can`);
  }
  // Tried on the files with every drop of the draft applied, then put back: the files change only at publishing.
  const files = withoutDropped(root, version, [...review.items.filter(isDropped), item]);
  try {
    for (const [full, f] of files) writeFileSync(full, f.after);
    loadKnowledgeData(root, version);
  } catch (err) {
    throw new PublishError(`dropping ${id} would leave ${version} failing the startup checks, so it was not dropped: ${(err as Error).message}`);
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
  if (!item) throw new PublishError(`no item ${id} in ${version}/review.json`);
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
  for (const want of ids) {
    const hits = review.items.filter((i) => isPending(i) && (want === 'all' || i.id === want || i.group === want));
    if (!hits.length && !review.items.some((i) => i.id === want)) unknown.push(want);
    for (const i of hits) {
      i.status = 'accepted';
      i.reviewedAt = now.toISOString();
      i.edited = hashOf(currentValue(root, version, i)) !== i.hash;
      accepted.push(i);
    }
  }
  writeJson(join(resolve(root), version, 'review.json'), ReviewFile.parse(review));
  return { accepted, unknown };
}

/** Clause references of the carried files that point at no clause of this version. */
export function danglingReferences(data: KnowledgeData, dir: string): string[] {
  const ids = new Set(data.clauses.map((c) => c.id));
  const out: string[] = [];
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
          if (!ids.has(c)) out.push(`${file}#/${path.join('/')} cites ${c}`);
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

/** Validates a draft with the startup schemas and marks it published; refuses while anything is unreviewed. */
export function publishVersion(root: string, version: string): PublishResult {
  const dir = join(resolve(root), version);
  assertDraft(root, version);
  const review = readReview(root, version);
  const pending = review.items.filter(isPending);
  if (pending.length) {
    const sample = pending.slice(0, 5).map((i) => `  ${i.id} — ${i.label}`).join('\n');
    throw new PublishError(`${version} has ${pending.length} item(s) still needing review; nothing was published.\n${sample}${pending.length > 5 ? '\n  …' : ''}\nList them with: npm run knowledge:review -- ${version}`);
  }
  // Read before the drops move the members after them: a dropped item cites nothing any more.
  const misplaced = review.items.filter((i) => !isDropped(i) && i.retired?.length && hashOf(currentValue(root, version, i)) === i.hash);
  // The dropped items leave their files now; if anything below refuses, the files are put back as they were.
  const dropped = review.items.filter(isDropped);
  const files = withoutDropped(root, version, dropped);
  for (const [full, f] of files) writeFileSync(full, f.after);
  try {
    let data: KnowledgeData;
    try {
      data = loadKnowledgeData(root, version);
    } catch (err) {
      throw new PublishError(`${version} does not pass the startup checks; nothing was published.\n  ${(err as Error).message}`);
    }
    // Every stale quotation is named at once, the answer base's and the rule and quota files', so
    // one round of edits can clear them all.
    const problems: string[] = [];
    try {
      // What the server builds at startup too: the answer base's quotes must be found in this version's clauses.
      const kb = createKnowledgeBase(data);
      // A carried answer can quote the new text and still state last year's figure in its own words
      // (「各县不多于5家」, 「2020—2022年」): the check a staff-written answer gets holds the shipped ones too.
      const figures = data.answerBase.entries.flatMap((e) => figureIssues(kb, e).map((i) => `  answer-base.json ${e.id} (${i.field.replace(/^entry\./, '')}): ${i.message}`));
      if (figures.length) problems.push(`${version} has answers stating figures its cited clauses do not give:\n${figures.join('\n')}`);
    } catch (err) {
      problems.push(`${version} does not pass the startup checks:\n  ${(err as Error).message}`);
    }
    const stale = staleQuotes(data);
    if (stale.length) {
      problems.push(`${version} still repeats words its notice no longer has; bring each to the new text (or the new figure) in its file:\n${stale.map((d) => `  ${d}`).join('\n')}`);
    }
    // A removed clause whose number another clause took: an item left as it was cites the wrong text.
    const titles = new Map(data.clauses.map((c) => [c.id, c.title]));
    if (misplaced.length) {
      problems.push(
        `${version} has items that cite a clause the new notice removed, whose number another clause now holds; edit each to rest on a clause this notice has:\n` +
          misplaced.map((i) => `  ${i.id} (${i.label}) cites ${i.retired!.map((c) => `${c}, now 「${titles.get(c)}」`).join('; ')}`).join('\n'),
      );
    }
    const dangling = danglingReferences(data, dir);
    if (dangling.length) problems.push(`${version} cites clauses it does not have:\n${dangling.map((d) => `  ${d}`).join('\n')}`);
    if (problems.length) throw new PublishError(`${problems.join('\n')}\nSo nothing was published.`);
    const manifest = Manifest.parse(readJson(join(dir, 'manifest.json')));
    writeJson(join(dir, 'manifest.json'), { ...manifest, status: 'published' });
    if (dropped.length) {
      // The kept items' pointers follow their members to where the drops moved them, so the record still shows each.
      for (const i of review.items) if (!isDropped(i)) i.pointer = pointerAfter(i, dropped);
      for (const i of review.items) if (!isDropped(i)) i.id = `${i.file}#${i.pointer}`;
      writeJson(join(dir, 'review.json'), ReviewFile.parse(review));
    }
    return { version, clauses: data.clauses.length, accepted: review.items.filter((i) => i.needsReview).length };
  } catch (err) {
    for (const [full, f] of files) writeFileSync(full, f.before);
    throw err;
  }
}
