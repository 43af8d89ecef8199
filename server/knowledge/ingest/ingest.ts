import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { loadKnowledgeData, type KnowledgeData } from '../load';
import { parseNotice } from '../parser';
import { ClauseStructure, ClausesFile, type Clause } from '../schemas/clauses';
import { Manifest } from '../schemas/notice-data';
import { ReviewFile, type ReviewItem } from '../schemas/review';
import { CARRIED, citedClauses, getAt, hashOf, itemsOf, pointer, renumberValue } from './carry';
import { diffClauses, layoutKey, maskNumbers, numberChanges, renumbered, touches, type ClauseDiff, type NumberChange } from './clause-diff';
import { checkLooksLikeNotice, extractNotice, IngestError } from './extract';
import { findCounterpart, findQuote, numbersIn, refigure } from './reextract';
import { buildReport, writeReport, type Report } from './report';
import { publishedVersions } from '../versions';

export { IngestError, MAX_NOTICE_BYTES } from './extract';

const VERSION_NAME = /^[a-z0-9-]+$/;

export interface IngestOptions {
  /** The notice file (.pdf, .docx, .txt). */
  file: string;
  /** Name of the new version, e.g. henan-2024. */
  as: string;
  /** knowledge/ root; the new version is written below it. */
  root: string;
  /** The version to carry data over from; default the newest published one. */
  from?: string;
  now?: () => Date;
  /** Called as each stage begins, so a long ingest (a large PDF) can show where it is. */
  progress?: (stage: IngestStage) => void;
}

/** The stages of an ingest, in order. */
export const INGEST_STAGES = ['base', 'extract', 'parse', 'compare', 'carry', 'validate', 'report'] as const;
export type IngestStage = (typeof INGEST_STAGES)[number];

export interface IngestResult {
  dir: string;
  version: string;
  basedOn: string;
  clauses: number;
  diff: ClauseDiff;
  review: ReviewFile;
  extractedFrom: 'pdf' | 'docx' | 'txt';
  report: Report;
}

const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const writeJson = (p: string, v: unknown) => writeFileSync(p, JSON.stringify(v, null, 1) + '\n');

/** The notice's own heading: the lines of 序 up to the one that ends in 通知. */
function noticeTitle(clauses: Clause[]): { title: string; issuer: string } | null {
  const lines = (clauses.find((c) => c.id === '序')?.text ?? '').split('\n');
  const end = lines.findIndex((l) => /通知$/.test(l));
  if (end < 0) return null;
  const title = lines.slice(0, end + 1).join('');
  const issuer = lines[0]!.includes('关于') ? title.split('关于')[0]! : lines[0]!;
  return issuer ? { title, issuer } : null;
}

/**
 * Carried items cite clauses by the base version's numbering, so the comparison is made in it:
 * a renumbered clause is known by its old ID, a new clause by `+` and its new ID.
 */
export interface Ctx {
  base: KnowledgeData;
  baseClauses: Map<string, Clause>;
  newClauses: Map<string, Clause>;
  diff: ClauseDiff;
  /** Old ID → new ID of the renumbered clauses. */
  moves: Map<string, string>;
  /** The changed, removed and added clauses, in the base numbering. */
  changedIds: string[];
  parentOf: (id: string) => string | null | undefined;
  /** The new clause an old ID stands for now: its new number if renumbered, nothing if removed. */
  newOf: (oldId: string) => Clause | undefined;
  /** How a clause of `changedIds` is named to a reviewer. */
  nameOf: (key: string) => string;
  /** The removed clauses among `cited` whose number a new clause now holds. */
  retired: (cited: string[]) => string[];
}

/**
 * Whether a change of `cited` (or anything under it) reaches an item, and why, in words for the reviewer. A
 * change of layout only (line breaks, the width of punctuation) reaches an item only when a passage it quotes is
 * no longer written as it was; a change of figures only reaches the items that quote one of the old figures (or
 * whose quoted passage broke); any other change reaches every item citing it.
 */
function reach(ctx: Ctx, cited: string[], item: unknown): string[] {
  const itemJson = JSON.stringify(item) ?? '';
  const why = new Map<string, string>();
  for (const c of cited) {
    if (!ctx.newOf(c) && ctx.baseClauses.has(c)) why.set(c, ctx.nameOf(c));
    for (const h of touches(c, ctx.changedIds, ctx.parentOf)) {
      if (why.has(h)) continue;
      const ch = ctx.diff.changed.find((x) => x.id === h);
      const titleSame = !ch?.title || maskNumbers(ch.title.from) === maskNumbers(ch.title.to);
      if (ch && titleSame && (ch.layoutOnly || ch.numbersOnly || ch.parts.every((p) => p.op === '='))) {
        const broken = brokenPassages(item, ctx.baseClauses.get(h)?.text ?? '', ctx.newClauses.get(h)?.text ?? '');
        const fromTitle = ch.title ? numberChanges(h, ch.title.from, ch.title.to) : [];
        const changes = [...ctx.diff.numbers.filter((n) => n.clause === h), ...fromTitle].filter((n) => n.from);
        const quoted = changes.filter((n) => new RegExp(`(?<![\\d.])${figurePattern(n.from!)}`).test(itemJson));
        if (quoted.length) why.set(h, figuresChanged(h, quoted));
        else if (broken.length) why.set(h, `${h} 只有${ch.layoutOnly ? '换行或标点' : '数字'}变化，但本项引用的「${clip(broken[0]!)}」在新文字中已不是原样`);
        continue;
      }
      const judged = ch && titleSame ? textChangeReach(ctx, h, item, itemJson, ch.parts) : undefined;
      if (judged !== undefined) {
        if (judged) why.set(h, judged);
        continue;
      }
      const unquoted = ch && titleSame ? '；本项没有逐字引用该条，无法判断是否受影响' : '';
      why.set(h, ch ? `${h} 的文字有修改：${changeSummary(ch.parts)}${unquoted}` : ctx.nameOf(h));
    }
  }
  return [...why.values()];
}

/** The sentences (or table rows) of a clause: what a change is judged by, since an item rests on the sentence it quotes. */
const sentencesOf = (text: string) => text.split(/(?<=[。；;！!？?])|\n/u).map((x) => x.trim()).filter(Boolean);

/**
 * Whether a change of wording in clause `h` reaches an item that quotes it: the item is judged by the passages it
 * takes word for word from the old text. A passage gone from the new text, an old figure the item writes that the
 * clause changed, or a changed sentence (a table's changed row) holding a passage reaches it, and the reason says
 * which; a change elsewhere in the clause leaves it alone (null). An item that quotes nothing of the clause cannot
 * be judged this way (undefined), nor one that quotes only a term of it, and is flagged as any item resting on a changed clause.
 */
function textChangeReach(ctx: Ctx, h: string, item: unknown, itemJson: string, parts: { op: string; text: string }[]): string | null | undefined {
  const before = ctx.baseClauses.get(h)?.text ?? '';
  const after = ctx.newClauses.get(h)?.text ?? '';
  const passages = quotedPassages(item, before);
  if (!passages.length) return undefined;
  const summary = changeSummary(parts);
  const broken = passages.filter((t) => !after.includes(t));
  if (broken.length) return `${h} 的文字有修改：${summary}；本项引用的「${clip(broken[0]!)}」在新文字中已不是原样`;
  const quoted = ctx.diff.numbers.filter((n) => n.clause === h && n.from && new RegExp(`(?<![\\d.])${figurePattern(n.from)}`).test(itemJson));
  if (quoted.length) return figuresChanged(h, quoted);
  // A short passage (a term such as 「经营管理」) stands in many sentences and says nothing of which one the item
  // rests on: an item that quotes no longer one cannot be judged by its sentences.
  const long = passages.filter((t) => [...t].length >= 6);
  if (!long.length) return undefined;
  const newKey = layoutKey(after);
  const changed = sentencesOf(before).filter((x) => !newKey.includes(layoutKey(x)));
  const resting = long.find((t) => changed.some((x) => x.includes(t)));
  if (resting) return `${h} 的文字有修改：${summary}；本项引用的「${clip(resting)}」所在的句子有改动`;
  return null;
}

/**
 * Why an item that writes a clause's old figures is flagged, with the wording each figure stands in, old and new:
 * 「3月15日 → 3月20日（「…于3月15日前将…」→「…于3月20日前将…」）」, so the reviewer sees the sentence and not a lone number.
 */
function figuresChanged(h: string, quoted: NumberChange[]): string {
  const one = (n: NumberChange) => `${n.from} → ${n.to ?? '（删去）'}${n.was ? `（「${n.was.trim()}」→「${n.to ? n.context.trim() : '（删去）'}」）` : ''}`;
  return `${h} 的数字有变化：${[...new Set(quoted.map(one))].join('、')}，本项写有原来的数字`;
}

/** A clause's text on one line, as a reason quotes it. */
const flatText = (s: string) => s.replace(/\s+/g, ' ').trim();

const clip = (s: string, n = 24) => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

/**
 * The changed passages of a clause, old → new, each with a few characters of unchanged text around it, so a
 * changed digit reads as 「不多于20家」→「不多于25家」 rather than a lone 0 and 5.
 */
function changeSummary(parts: { op: string; text: string }[], around = 4, most = 3): string {
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  const runs: string[] = [];
  let i = 0;
  while (i < parts.length) {
    if (parts[i]!.op === '=') {
      i++;
      continue;
    }
    const before = i > 0 ? [...flat(parts[i - 1]!.text)].slice(-around).join('') : '';
    let from = '';
    let to = '';
    while (i < parts.length && parts[i]!.op !== '=') {
      if (parts[i]!.op === '-') from += parts[i]!.text;
      else to += parts[i]!.text;
      i++;
    }
    const after = i < parts.length ? [...flat(parts[i]!.text)].slice(0, around).join('') : '';
    runs.push(`「${clip(before + flat(from) + after, 40)}」→「${clip(before + flat(to) + after, 40)}」`);
  }
  return runs.slice(0, most).join('，') + (runs.length > most ? ` 等 ${runs.length} 处` : '');
}

/** Quotation marks of the carried wording; what stands inside them is meant as the notice's text. */
const QUOTED = /“([^”]*)”|「([^」]*)」/g;

/**
 * The passages of an item that the old clause text had word for word and the new one no longer has: every string
 * of the item, and every quotation inside one, cut at ellipses. A passage of fewer than four characters proves nothing.
 */
function brokenPassages(item: unknown, before: string, after: string): string[] {
  return quotedPassages(item, before).filter((t) => !after.includes(t));
}

/** The passages of an item (every string, every quotation inside one, cut at ellipses) that the old clause text has word for word. */
function quotedPassages(item: unknown, before: string): string[] {
  const out = new Set<string>();
  const consider = (p: string) => {
    const t = p.trim();
    if ([...t].length >= 4 && before.includes(t)) out.add(t);
  };
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      for (const piece of v.split(/……|…/)) consider(piece);
      for (const m of v.matchAll(QUOTED)) for (const piece of (m[1] ?? m[2]!).split(/……|…/)) consider(piece);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(item);
  return [...out];
}

/**
 * How an old figure is looked for in an item: with its unit (「5家」 is not the 5 of 「5G」), except a
 * long number, which is the same figure whatever follows it (the 2020 of 「2020—2022年」 is the
 * notice's 「2020年」).
 */
function figurePattern(figure: string): string {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const n = figure.match(/^\d+(?:\.\d+)?/)?.[0];
  return n && n.replace('.', '').length >= 3 ? `${esc(n)}(?![\\d.])` : esc(figure);
}

function reviewItem(file: string, path: string[], group: ReviewItem['group'], label: string, value: unknown, clauses: string[], hits: string[], extra: Partial<ReviewItem> = {}): ReviewItem {
  const needs = hits.length > 0 || !!extra.needsReview;
  return {
    id: `${file}#${pointer(path)}`,
    file,
    pointer: pointer(path),
    group,
    label,
    clauses,
    needsReview: needs,
    ...(hits.length ? { reason: `它依据的条款有变化：${hits.join('；')}` } : {}),
    ...extra,
    hash: hashOf(value),
    ...(needs ? { status: 'pending' as const } : {}),
  };
}

/**
 * Re-extracts facts.json and regions.json from the new text; returns the updated files and their
 * review items. It works on the files as written (not as parsed), so what it does not touch stays byte for byte.
 */
function reextractFacts(ctx: Ctx, facts: any, regions: any): { facts: any; regions: any; items: ReviewItem[] } {
  const items: ReviewItem[] = [];
  const oldText = (id: string) => ctx.baseClauses.get(id)?.text ?? '';
  const newText = (id: string) => ctx.newOf(id)?.text ?? '';

  /** One structured item: figures re-extracted by `fields`, the rest judged by its clauses. */
  const item = (file: string, json: any, path: string[], label: string, cited: string[], fields: { field: string; run: () => { from: unknown; to: unknown } | null }[]) => {
    const reextracted: NonNullable<ReviewItem['reextracted']> = [];
    const failed: string[] = [];
    for (const f of fields) {
      const r = f.run();
      if (r === null) failed.push(f.field);
      else if (JSON.stringify(r.from) !== JSON.stringify(r.to)) reextracted.push({ field: f.field, ...r });
    }
    const value = getAt(json, path);
    const hits = reach(ctx, cited, value);
    const now = renumberValue(value, ctx.moves);
    const clauses = cited.map((c) => ctx.moves.get(c) ?? c);
    const reasons: string[] = [];
    if (hits.length) reasons.push(`它依据的条款有变化：${hits.join('；')}`);
    if (failed.length && hits.length) reasons.push(`新通知中没有按原来的措辞找到：${failed.join('、')}，已沿用旧值`);
    const retired = ctx.retired(cited);
    const it = reviewItem(file, path, 'facts', label, now, clauses, hits, {
      ...(retired.length ? { retired } : {}),
      ...(reextracted.length ? { reextracted } : {}),
      ...(reasons.length ? { reason: reasons.join('；') } : reextracted.length ? { reason: '已从新通知重新提取' } : {}),
    });
    items.push(it);
  };

  const figure = (get: () => string, set: (found: string) => void, clause: string) => () => {
    const old = get();
    const f = findCounterpart(old, oldText(clause), newText(clause));
    if (!f) return null;
    set(f.value);
    return { from: old, to: f.value };
  };

  facts.deadlines.forEach((d: any, i: number) =>
    item('facts.json', facts, ['deadlines', String(i)], `截止日期：${d.what ?? d.id}`, [d.clause], [
      {
        field: 'date',
        run: figure(
          () => d.date,
          (v) => {
            d.date = v;
            const [m, day] = numbersIn(v);
            if (m && day) Object.assign(d, { month: m, day });
          },
          d.clause,
        ),
      },
    ]),
  );
  item('facts.json', facts, ['platform'], '申报平台', [facts.platform.clause], [
    {
      field: 'url',
      run: () => {
        const urls = [...newText(facts.platform.clause).matchAll(/https?:\/\/[A-Za-z0-9./?=&_%#:-]+/g)].map((m) => m[0]);
        const old = facts.platform.url;
        if (urls.includes(old)) return { from: old, to: old };
        if (new Set(urls).size !== 1) return null;
        facts.platform.url = urls[0];
        return { from: old, to: urls[0] };
      },
    },
  ]);
  const doc = facts.submission.document;
  item('facts.json', facts, ['submission', 'document'], '申报书提交格式', [doc.clause, ...doc.forms.map((f: any) => f.clause)], doc.forms.map((f: any, i: number) => ({ field: `forms.${i}.name`, run: figure(() => f.name, (v) => (f.name = v), doc.clause) })));
  const video = facts.submission.video;
  item('facts.json', facts, ['submission', 'video'], '视频要求', video.clauses, [
    { field: 'maxSizeMB', run: figure(() => `${video.maxSizeMB}M`, (v) => (video.maxSizeMB = numbersIn(v)[0]), video.clauses[0]) },
    ...(video.clauses[1] ? [{ field: 'minResolution', run: figure(() => video.minResolution, (v) => (video.minResolution = v), video.clauses[1]) }] : []),
  ]);
  const photos = facts.submission.photos;
  item('facts.json', facts, ['submission', 'photos'], '照片数量', photos.clauses, [{ field: 'min', run: figure(() => `不少于${photos.min}张`, (v) => (photos.min = numbersIn(v)[0]), photos.clauses[0]) }]);
  item('facts.json', facts, ['submission', 'screenshots'], '截图要求', facts.submission.screenshots.clauses, []);
  item('facts.json', facts, ['applications'], '每年限报数', [facts.applications.clause], [
    { field: 'perYear', run: figure(() => `限报${facts.applications.perYear}个`, (v) => (facts.applications.perYear = numbersIn(v)[0]), facts.applications.clause) },
  ]);
  facts.reapplication.forEach((r: any, i: number) => item('facts.json', facts, ['reapplication', String(i)], `再申报 ${r.holder}`, [r.clause], []));
  item('facts.json', facts, ['review'], '初审与推荐', [facts.review.clause], []);
  item('facts.json', facts, ['contact'], '联系方式', [facts.contact.clause], [
    { field: 'phone', run: figure(() => facts.contact.phone, (v) => (facts.contact.phone = v), facts.contact.clause) },
  ]);

  regions.groups.forEach((g: any, i: number) =>
    item('regions.json', regions, ['groups', String(i)], `推荐名额 ${g.label}`, [regions.clause], [
      {
        field: 'max',
        run: () => {
          const quote = findQuote(g.quote, newText(regions.clause));
          if (!quote) return null;
          const at = numbersIn(g.quote).indexOf(g.max);
          const max = numbersIn(quote)[at];
          if (at < 0 || max === undefined) return null;
          const from = g.max;
          Object.assign(g, { max, quote });
          return { from, to: max };
        },
      },
    ]),
  );
  item('regions.json', regions, ['overQuota'], '多报无效', [regions.clause], [
    { field: 'overQuota', run: () => (newText(regions.clause).includes(regions.overQuota) ? { from: regions.overQuota, to: regions.overQuota } : null) },
  ]);
  return { facts, regions, items };
}

/** The carried-over items of a version directory, each linked to its clauses and flagged when one changed. */
export function linkCarriedItems(dir: string, ctx: Ctx, reconstructed: string[] = []): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const spec of CARRIED) {
    const files = spec.file.includes('*')
      ? readdirSync(join(dir, spec.file.split('/')[0]!)).filter((n) => n.endsWith('.json')).sort().map((n) => `${spec.file.split('/')[0]}/${n}`)
      : [spec.file];
    for (const file of files) {
      if (!existsSync(join(dir, file))) continue;
      const json = readJson(join(dir, file));
      for (const { path, value } of itemsOf(json, spec.items)) {
        if (spec.keep && !spec.keep(value, path)) continue;
        let cited = citedClauses(value, spec.relativeTo);
        if (file === 'form-drafting.json' && path[0] === 'capabilities') {
          cited = ctx.base.capabilities.capabilities.find((c) => c.id === path[1])?.clauses ?? [];
        }
        if (file === 'manifest.json' && path[0] === 'knownGaps') cited = reconstructed;
        const label = spec.label ? spec.label(value, path) : `${file}${pointer(path)}`;
        const hits = reach(ctx, cited, value);
        // Judged by what it cited; recorded as it is written, in the new numbering.
        const now = renumberValue(value, ctx.moves, !!spec.relativeTo);
        const clauses = cited.map((c) => ctx.moves.get(c) ?? c);
        const retired = ctx.retired(cited);
        items.push(reviewItem(file, path, spec.group, label, now, clauses, hits, retired.length ? { retired } : {}));
      }
    }
  }
  return items;
}

/** Rewrites the clause references of every carried JSON file of `dir` to the new numbering; untouched files keep their bytes. */
function renumberFiles(dir: string, moves: Map<string, string>): void {
  const relative = new Set(CARRIED.filter((s) => s.relativeTo).map((s) => s.file));
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${name.name}` : name.name;
      if (name.isDirectory()) {
        if (rel !== 'source') walk(rel);
        continue;
      }
      if (!name.name.endsWith('.json') || rel === 'clauses.json' || rel === 'review.json' || rel === 'manifest.json' || name.name.startsWith('diff-')) continue;
      const json = readJson(join(dir, rel));
      const now = renumberValue(json, moves, relative.has(rel));
      if (JSON.stringify(now) !== JSON.stringify(json)) writeJson(join(dir, rel), now);
    }
  };
  walk('');
}

/** The comparison context of two versions' clauses. */
export function comparison(base: KnowledgeData, clauses: Clause[], diff = diffClauses(base.clauses, clauses)): Ctx {
  const moves = new Map(diff.moved.map((m) => [m.from, m.to]));
  const oldOfNew = new Map(diff.moved.map((m) => [m.to, m.from]));
  const added = new Set(diff.added.map((c) => c.id));
  const removed = new Set(diff.removed.map((c) => c.id));
  const newClauses = new Map(clauses.map((c) => [c.id, c]));
  /** A new clause in the base numbering. */
  const keyOf = (id: string) => oldOfNew.get(id) ?? (added.has(id) ? `+${id}` : id);
  const parents = new Map<string, string | null>([
    ...base.clauses.map((c) => [c.id, c.parent] as const),
    ...diff.added.map((c) => [`+${c.id}`, c.parent === null ? null : keyOf(c.parent)] as const),
  ]);
  return {
    base,
    baseClauses: new Map(base.clauses.map((c) => [c.id, c])),
    newClauses,
    diff,
    moves,
    changedIds: [...diff.changed.map((c) => c.id), ...diff.added.map((c) => `+${c.id}`), ...diff.removed.map((c) => c.id)],
    parentOf: (id) => parents.get(id),
    newOf: (id) => (removed.has(id) ? undefined : newClauses.get(moves.get(id) ?? id)),
    nameOf: (key) =>
      key.startsWith('+')
        ? `${key.slice(1)}（新增）`
        : removed.has(key)
          ? `${key}（已删除，原文「${clip(flatText(base.clauses.find((c) => c.id === key)?.text ?? ''), 40)}」${newClauses.has(key) ? `；现在的 ${key} 是另一条：${newClauses.get(key)!.title}，新文「${clip(flatText(newClauses.get(key)!.text), 40)}」` : ''}）`
          : key,
    retired: (cited) => cited.filter((c) => removed.has(c) && newClauses.has(c)),
  };
}

/** Reads the notice, parses it, carries the previous version over and writes knowledge/<as>/ as a draft. */
export async function ingestNotice(opts: IngestOptions): Promise<IngestResult> {
  const now = (opts.now ?? (() => new Date()))();
  const stage = opts.progress ?? (() => {});
  stage('base');
  if (!VERSION_NAME.test(opts.as)) throw new IngestError('invalid', `版本名“${opts.as}”无效：只能用小写字母 a-z、数字和“-”，例如 henan-2024。请换一个版本名再导入。`);
  const root = resolve(opts.root);
  const dir = join(root, opts.as);
  if (existsSync(dir)) {
    throw new IngestError('exists', `知识库版本 ${opts.as} 已存在（${dir}）。已有的版本从不覆盖：请用 --as 换一个版本名；如果那是误导入的草稿，请自己删除后再导入。`);
  }
  const basedOn = opts.from ?? publishedVersions(root).filter((v) => v !== opts.as).at(-1);
  if (!basedOn) throw new IngestError('base', `${root} 下没有已发布的知识库版本可以沿用：请用 --from 指定一个已发布的版本。`);
  let base: KnowledgeData;
  try {
    base = loadKnowledgeData(root, basedOn);
  } catch (err) {
    throw new IngestError('base', `作为基础的版本 ${basedOn} 无法加载：请先修复它，或用 --from 指定另一个已发布的版本。`, (err as Error).message);
  }
  const baseDir = join(root, basedOn);
  const baseSource = join(baseDir, base.manifest.source.file);
  const reference = existsSync(baseSource) ? readFileSync(baseSource, 'utf8') : undefined;

  stage('extract');
  const extracted = await extractNotice(opts.file, { reference });
  checkLooksLikeNotice(extracted.text, opts.file);

  stage('parse');
  const structurePath = base.manifest.source.structure ? join(baseDir, base.manifest.source.structure) : null;
  const structure = ClauseStructure.parse(structurePath && existsSync(structurePath) ? readJson(structurePath) : { titles: {}, reconstructed: [] });
  const text = extracted.text.endsWith('\n') ? extracted.text : extracted.text + '\n';

  let clauses: Clause[];
  try {
    clauses = parseNotice(text, structure);
  } catch (err) {
    throw new IngestError('not-a-notice', `${opts.file} 的条款编号无法读取：请确认通知正文完整，条款按“一、（一）1.”逐级编号。`, (err as Error).message);
  }
  const baseClauses = new Map(base.clauses.map((c) => [c.id, c]));
  // Editorial titles belong to a clause's text, not to its number: a renumbered clause takes its
  // title along, and a number now held by another text (or by nothing) loses the old one.
  const moves = renumbered(base.clauses, clauses);
  if (moves.size) {
    const titles: Record<string, string> = {};
    const movedTo = new Set(moves.values());
    for (const [id, title] of Object.entries(structure.titles)) {
      if (moves.has(id)) titles[moves.get(id)!] = title;
      else if (!movedTo.has(id)) titles[id] = title;
    }
    structure.titles = titles;
  }
  const oldIdOf = new Map([...moves].map(([o, n]) => [n, o]));
  // Editorial titles quote figures ("（3月15日前）"): bring them to the new figures, or leave them for review.
  const staleTitles: string[] = [];
  for (const [id, title] of Object.entries(structure.titles)) {
    const o = baseClauses.get(oldIdOf.get(id) ?? id);
    const n = clauses.find((c) => c.id === id);
    if (!o || !n || o.text === n.text) continue;
    const t = /\d/.test(title) ? refigure(title, o.text, n.text) : title;
    if (t === null) staleTitles.push(id);
    else structure.titles[id] = t;
  }
  // Reconstructed records take their titles from the 附件 list; follow its figures the same way.
  const list = { old: baseClauses.get('附件'), now: clauses.find((c) => c.id === '附件') };
  for (const r of structure.reconstructed) {
    if (!/\d/.test(r.title) || !list.old || !list.now || list.old.text === list.now.text) continue;
    const t = refigure(r.title, list.old.text, list.now.text);
    if (t === null) staleTitles.push(r.id);
    else r.title = t;
  }
  clauses = ClausesFile.parse(parseNotice(text, structure));

  stage('compare');
  const diff = diffClauses(base.clauses, clauses);
  const ctx = comparison(base, clauses, diff);

  stage('carry');
  // Built under a hidden directory of the same root, validated there, then moved into place in one
  // rename, so a failed ingest leaves no half-written version behind.
  const stagingRoot = join(root, `.ingest-${process.pid}-${now.getTime()}`);
  const staging = join(stagingRoot, opts.as);
  mkdirSync(staging, { recursive: true });
  try {
    // Everything the base version holds comes along; the files rebuilt below are then replaced.
    for (const name of readdirSync(baseDir)) {
      if (name === 'source' || name === 'review.json' || name === 'README.md' || name.startsWith('diff-')) continue;
      cpSync(join(baseDir, name), join(staging, name), { recursive: true });
    }
    // The base version's README describes that year's notice; the draft says where it came from instead.
    writeFileSync(
      join(staging, 'README.md'),
      `# ${opts.as} (draft)\n\nIngested from \`${extname(opts.file).slice(1)}\` on ${now.toISOString().slice(0, 10)}, carrying data over from \`${basedOn}\` ` +
        `(see its README for what each file holds).\n\n- \`source/notice.txt\`: the repaired text; \`source/original.*\`: the file as received\n` +
        `- \`diff-${basedOn}.md\` / \`.json\`: what changed\n- \`review.json\`: every carried item, the clauses it rests on, and whether it still needs review\n\n` +
        `Review with \`npm run knowledge:review -- ${opts.as}\`, then \`npm run knowledge:publish -- ${opts.as}\`.\n`,
    );
    mkdirSync(join(staging, 'source'));
    writeFileSync(join(staging, 'source', 'notice.txt'), text);
    cpSync(opts.file, join(staging, 'source', `original${extname(opts.file).toLowerCase()}`));
    writeJson(join(staging, 'source', 'structure.json'), structure);
    writeJson(join(staging, 'clauses.json'), clauses);

    const items: ReviewItem[] = [];
    const before = { facts: readJson(join(baseDir, 'facts.json')), regions: readJson(join(baseDir, 'regions.json')) };
    const redone = reextractFacts(ctx, structuredClone(before.facts), structuredClone(before.regions));
    const facts = renumberValue(redone.facts, ctx.moves);
    const regions = renumberValue(redone.regions, ctx.moves);
    const factItems = redone.items;
    // Rewritten only when a value changed, so an unchanged file stays as it was formatted by hand.
    if (JSON.stringify(facts) !== JSON.stringify(before.facts)) writeJson(join(staging, 'facts.json'), facts);
    if (JSON.stringify(regions) !== JSON.stringify(before.regions)) writeJson(join(staging, 'regions.json'), regions);
    items.push(...factItems);

    items.push(...linkCarriedItems(staging, ctx, structure.reconstructed.map((r) => r.id)));
    // Only now, after every item was judged by the clauses it cited, do the files take the new numbering.
    if (ctx.moves.size) renumberFiles(staging, ctx.moves);
    // A new clause is cited by nothing yet: someone has to decide whether a rule, a question or a form needs it.
    for (const c of diff.added) {
      const top = c.id.startsWith('附件') ? 'forms' : /^[二三]/.test(c.id) ? 'rules' : /^[四五]/.test(c.id) ? 'facts' : 'notice';
      items.push(
        reviewItem('clauses.json', [String(clauses.indexOf(c))], top, `新增条款 ${c.id} ${c.title}`, c, [c.id], [c.id], {
          reason: `${c.id} 是新条款（「${clip(flatText(c.text), 40)}」），现有的规则、问题、表单和问答都还没有引用它；确认是否需要补充`,
        }),
      );
    }
    for (const id of staleTitles) {
      const r = structure.reconstructed.findIndex((x) => x.id === id);
      const path = id in structure.titles ? ['titles', id] : ['reconstructed', String(r), 'title'];
      const title = id in structure.titles ? structure.titles[id] : structure.reconstructed[r]!.title;
      items.push(
        reviewItem('source/structure.json', path, 'notice', `条款标题 ${id}`, title, [id], [id], {
          reason: `${id} 的文字有变化，标题「${title}」中的数字在新文字中找不到对应`,
        }),
      );
    }

    const heading = noticeTitle(clauses);
    const year = heading ? Number(heading.title.match(/(\d{4})年度?/)?.[1]) : NaN;
    const sha = createHash('sha256').update(text).digest('hex');
    const manifest = Manifest.parse({
      ...renumberValue(base.manifest, ctx.moves),
      version: opts.as,
      title: heading?.title ?? base.manifest.title,
      issuer: heading?.issuer ?? base.manifest.issuer,
      year: Number.isFinite(year) ? year : base.manifest.year,
      source: { file: 'source/notice.txt', sha256: sha, structure: 'source/structure.json' },
      status: 'draft',
      basedOn,
    });
    writeJson(join(staging, 'manifest.json'), manifest);
    if (!heading || !Number.isFinite(year)) {
      items.push(reviewItem('manifest.json', ['title'], 'notice', '通知标题与年份', manifest.title, ['序'], [], { needsReview: true, reason: '没有从新通知的开头读出标题或年份，已沿用上一版' }));
    }

    const review = ReviewFile.parse({
      $comment: 'Items carried over from the base version. needsReview items must be accepted (npm run knowledge:review) before npm run knowledge:publish.',
      version: opts.as,
      basedOn,
      createdAt: now.toISOString(),
      items,
    });
    writeJson(join(staging, 'review.json'), review);

    // The draft must load with the same schemas as startup before it is put in place.
    stage('validate');
    loadKnowledgeData(stagingRoot, opts.as);

    stage('report');
    const report = buildReport(basedOn, opts.as, diff, review.items, base.clauses, clauses);
    writeReport(staging, report);

    if (existsSync(dir)) throw new IngestError('exists', `导入期间另有操作创建了知识库版本 ${opts.as}（${dir}）。已有的版本从不覆盖，本次导入的结果已丢弃：请换一个版本名重新导入。`);
    renameSync(staging, dir);
    rmSync(stagingRoot, { recursive: true, force: true });
    return { dir, version: opts.as, basedOn, clauses: clauses.length, diff, review, extractedFrom: extracted.kind, report };
  } catch (err) {
    rmSync(stagingRoot, { recursive: true, force: true });
    throw err;
  }
}
