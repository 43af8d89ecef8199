import { createHash } from 'node:crypto';
import type { ReviewGroup } from '../schemas/review';

/**
 * What a knowledge version carries over from the one before, cut into the items a reviewer
 * accepts one by one, each with the clauses it cites. Which objects count as one item is said
 * per file, by JSON-path patterns ('*' is any key or index).
 */

export interface ItemSpec {
  /** File name relative to the version directory; 'forms/*.json' covers the form specs. */
  file: string;
  group: ReviewGroup;
  /** Paths of the items; '' is the whole file. */
  items: string[];
  /** How an item is named for people. */
  label?: (item: any, path: string[]) => string;
  /** Clause references relative to an attachment ("一(一)") are resolved against these prefixes. */
  relativeTo?: string[];
  /** Drops matches that are not items (a layout block whose fields are items of their own). */
  keep?: (item: any, path: string[]) => boolean;
}

export const CARRIED: ItemSpec[] = [
  { file: 'capabilities.json', group: 'rules', items: ['capabilities.*'], label: (i) => `能力 ${i.id}（${i.label}）` },
  { file: 'elements.json', group: 'rules', items: ['categories.*.elements.*'], label: (i, p) => `要素 ${p[1]}：${i.title}（${i.clause}）` },
  { file: 'category-rules.json', group: 'rules', items: ['hard.*', 'texts.*', 'notes.*'], label: (_i, p) => `规则 ${p.join('.')}` },
  { file: 'industries.json', group: 'rules', items: [''], label: () => '行业门类表' },
  { file: 'interview.json', group: 'interview', items: ['questions.*'], label: (i) => `问题 ${i.id}：${i.label}` },
  {
    file: 'forms/*.json',
    group: 'forms',
    items: ['@head', 'cover.fields.*', 'section1.blocks.*', 'section1.blocks.*.rows.*.*', 'section1.blocks.*.fields.*', 'section2.items.*', 'section3.elements.*', 'section3.items.*', 'section4.items.*', 'extraChecklist.*'],
    label: (i, p) => (p[0] === HEAD ? `申报书 ${i.attachment} ${i.title}` : `${p.join('.')}${i.label ?? i.title ?? i.text ? `：${String(i.label ?? i.title ?? i.text).slice(0, 30)}` : ''}`),
    keep: (i, p) =>
      !!i && typeof i === 'object' && !Array.isArray(i) && (p[1] === 'blocks' && p.length === 3 ? ['heading', 'matrix', 'statement'].includes(i.type) : true),
  },
  { file: 'form-questions.json', group: 'forms', items: ['questions.*'], label: (i) => `表单问题 ${i.id}`, relativeTo: ['附件1.', '附件2.', '附件3.'] },
  { file: 'form-drafting.json', group: 'forms', items: ['capabilities.*'], label: (_i, p) => `起草用语 ${p[1]}` },
  { file: 'intents.json', group: 'answers', items: ['intents.*', 'outOfScope.topics.*', 'outOfScope'], label: (i, p) => (i.id ? `问答 ${i.id}` : `问答 ${p.join('.')}`) },
  { file: 'answer-base.json', group: 'answers', items: ['entries.*'], label: (i) => `问答库 ${i.id}` },
  { file: 'lexicon.json', group: 'answers', items: ['entries.*'], label: (i) => `词条 ${i.canonical}` },
  { file: 'manifest.json', group: 'notice', items: ['categories.*', 'knownGaps.*'], label: (i, p) => (typeof i === 'string' ? `已知缺口 ${p.join('.')}` : `类别 ${i.name}`) },
];

const CLAUSE_KEYS = new Set(['clause', 'clauses', 'element', 'related', 'citation', 'form', 'elements', 'attachment']);

/** '@head' is the plain values at the top of a file (a form's title, attachment, unit noun), as one item. */
const HEAD = '@head';
const headOf = (json: unknown) =>
  json && typeof json === 'object' ? Object.fromEntries(Object.entries(json).filter(([, v]) => v === null || typeof v !== 'object')) : undefined;
const CLAUSE_ID = /^(序|附件\d*|(附件\d+\.)?[一二三四五六七八九十]+(\([一二三四五六七八九十]+\)(\d+)?)?)$/;

/** Clause IDs an item cites, anywhere inside it, under the keys that hold clause references. */
export function citedClauses(item: unknown, relativeTo?: string[]): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v !== 'string' || !CLAUSE_ID.test(v)) return;
    if (relativeTo && !v.startsWith('附件')) for (const p of relativeTo) out.add(p + v);
    else out.add(v);
  };
  const walk = (v: unknown, key: string | null) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, key));
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
      return;
    }
    if (key && CLAUSE_KEYS.has(key)) add(v);
  };
  walk(item, null);
  return [...out];
}

/** Items of one file, by the spec's patterns; a pattern that is a prefix of another yields the outer item once. */
export function itemsOf(json: unknown, patterns: string[]): { path: string[]; value: unknown }[] {
  const out: { path: string[]; value: unknown }[] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    if (pattern === HEAD) {
      out.push({ path: [HEAD], value: headOf(json) });
      continue;
    }
    const parts = pattern ? pattern.split('.') : [];
    const walk = (v: unknown, i: number, path: string[]) => {
      if (i === parts.length) {
        const key = path.join('/');
        if (!seen.has(key) && v !== undefined) {
          seen.add(key);
          out.push({ path, value: v });
        }
        return;
      }
      if (v === null || typeof v !== 'object') return;
      const part = parts[i]!;
      const keys = part === '*' ? Object.keys(v) : [part];
      for (const k of keys) if (k in (v as object)) walk((v as Record<string, unknown>)[k], i + 1, [...path, k]);
    };
    walk(json, 0, []);
  }
  return out;
}

export const pointer = (path: string[]) => (path.length ? '/' + path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '');

export function getAt(json: unknown, path: string[]): unknown {
  if (path[0] === HEAD) return headOf(json);
  let v: any = json;
  for (const p of path) v = v?.[p];
  return v;
}

export const hashOf = (v: unknown) => createHash('sha256').update(JSON.stringify(v) ?? 'undefined').digest('hex');

const escRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Brings the clause references of a carried value to the new numbering (`moves`: old ID → new
 * ID, applied at once, so two clauses that swapped numbers swap back correctly). A value that is
 * a clause ID is mapped whole; inside prose (「依据二(四)」) only IDs with a bracket or an
 * attachment prefix are mapped, since a bare 三 is also a word. `relative` files cite
 * attachment clauses without their 附件N. prefix, so only their 附件 IDs are mapped.
 */
export function renumberValue<T>(value: T, moves: Map<string, string>, relative = false): T {
  if (!moves.size) return value;
  const usable = [...moves.keys()].filter((id) => !relative || id.startsWith('附件'));
  if (!usable.length) return value;
  const inProse = usable.filter((id) => id.includes('(') || id.startsWith('附件')).sort((a, b) => b.length - a.length);
  // Not inside a longer ID: 四(五) is not the tail of 附件2.四(五), nor 二(四) the head of 二(四)1.
  const prose = inProse.length ? new RegExp(`(?<![.\\d一二三四五六七八九十])(?:${inProse.map(escRe).join('|')})(?![\\d(.])`, 'g') : null;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (usable.includes(v)) return moves.get(v);
      return prose ? v.replace(prose, (id) => moves.get(id) ?? id) : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
