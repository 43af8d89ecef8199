import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clause } from '../schemas/clauses';
import { isPending, type ReviewGroup, type ReviewItem } from '../schemas/review';
import type { ClauseDiff, DiffPart, NumberChange } from './clause-diff';

/** What changed between two knowledge versions, as printed, and as written beside the new version. */
export interface Report {
  from: string;
  to: string;
  summary: { added: number; removed: number; changed: number; moved: number; numbers: number; needsReview: number; accepted: number };
  added: { id: string; title: string; text: string }[];
  /** Clauses renumbered with their text unchanged; what cited them was brought to the new number. */
  moved: { from: string; to: string; title: string }[];
  removed: { id: string; title: string; text: string }[];
  changed: { id: string; title: string; titleChange: { from: string; to: string } | null; numbersOnly: boolean; layoutOnly?: boolean; parts: DiffPart[] }[];
  numbers: NumberChange[];
  reextracted: { id: string; label: string; fields: { field: string; from: unknown; to: unknown }[] }[];
  review: Record<ReviewGroup, { id: string; label: string; clauses: string[]; reason: string; status: 'pending' | 'accepted' }[]>;
}

export const GROUP_NAMES: Record<ReviewGroup, string> = {
  facts: '结构化数据（名额、日期、提交要求、联系方式）',
  rules: '规则（申报条件、要素、能力、行业）',
  interview: '访谈问题',
  forms: '申报书表单与起草',
  answers: '问答（直接回答、词库）',
  notice: '通知本身（标题、条款标题、类别、已知缺口）',
};

export function buildReport(from: string, to: string, diff: ClauseDiff, items: ReviewItem[], _before: Clause[], after: Clause[]): Report {
  const title = new Map(after.map((c) => [c.id, c.title]));
  const review = Object.fromEntries(Object.keys(GROUP_NAMES).map((g) => [g, [] as Report['review'][ReviewGroup]])) as Report['review'];
  for (const i of items) {
    if (!i.needsReview) continue;
    review[i.group].push({ id: i.id, label: i.label, clauses: i.clauses, reason: i.reason ?? '', status: isPending(i) ? 'pending' : 'accepted' });
  }
  return {
    from,
    to,
    summary: {
      added: diff.added.length,
      removed: diff.removed.length,
      changed: diff.changed.length,
      moved: diff.moved.length,
      numbers: diff.numbers.length,
      needsReview: items.filter(isPending).length,
      accepted: items.filter((i) => i.needsReview && !isPending(i)).length,
    },
    added: diff.added.map((c) => ({ id: c.id, title: c.title, text: c.text })),
    removed: diff.removed.map((c) => ({ id: c.id, title: c.title, text: c.text })),
    moved: diff.moved,
    changed: diff.changed.map((c) => ({ id: c.id, title: title.get(c.id) ?? c.id, titleChange: c.title, numbersOnly: c.numbersOnly, layoutOnly: c.layoutOnly, parts: c.parts })),
    numbers: diff.numbers,
    reextracted: items.filter((i) => i.reextracted?.length).map((i) => ({ id: i.id, label: i.label, fields: i.reextracted! })),
    review,
  };
}

/** The clause changes of a report that reach an item: changes of a clause it cites or of one under it, and clauses added under one. */
export function relatedChanges(r: Report, clauses: string[]): { changed: Report['changed']; added: Report['added']; removed: Report['removed'] } {
  const under = (id: string) => clauses.some((c) => id === c || id.startsWith(c));
  return { changed: r.changed.filter((c) => under(c.id)), added: r.added.filter((c) => under(c.id)), removed: r.removed.filter((c) => under(c.id)) };
}

/** A character diff inline, wdiff style: [-removed-]{+added+}; long unchanged runs are shortened. */
export function inlineDiff(parts: DiffPart[], keep = 16): string {
  return parts
    .map((p, i) => {
      const text = p.text.replace(/\n/g, '⏎');
      if (p.op === '-') return `[-${text}-]`;
      if (p.op === '+') return `{+${text}+}`;
      if ([...text].length <= keep * 2 + 1) return text;
      const chars = [...text];
      const head = i === 0 ? '' : chars.slice(0, keep).join('');
      const tail = i === parts.length - 1 ? '' : chars.slice(-keep).join('');
      return `${head}…${tail}`;
    })
    .join('');
}

const fmt = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function renderText(r: Report): string {
  const out: string[] = [];
  const s = r.summary;
  out.push(`${r.from} → ${r.to}：新增条款 ${s.added} 条，删除 ${s.removed} 条，修改 ${s.changed} 条，编号变化 ${s.moved} 条；数字变化 ${s.numbers} 处；待复核 ${s.needsReview} 项${s.accepted ? `，已复核 ${s.accepted} 项` : ''}。`);
  if (r.added.length) {
    out.push('', '新增条款 (added):');
    for (const c of r.added) out.push(`  + ${c.id} ${c.title}`, `      ${c.text.replace(/\n/g, ' ⏎ ')}`);
  }
  if (r.removed.length) {
    out.push('', '删除条款 (removed):');
    for (const c of r.removed) out.push(`  - ${c.id} ${c.title}`, `      ${c.text.replace(/\n/g, ' ⏎ ')}`);
  }
  if (r.moved.length) {
    out.push('', '条款编号变化，文字未变 (renumbered; references updated):');
    for (const m of r.moved) out.push(`  ${m.from} → ${m.to} ${m.title}`);
  }
  if (r.changed.length) {
    out.push('', '修改条款 (changed):');
    for (const c of r.changed) {
      out.push(`  ~ ${c.id} ${c.title}${c.numbersOnly ? '（仅数字）' : c.layoutOnly ? '（仅换行或标点）' : ''}`);
      if (c.titleChange) out.push(`      标题: ${c.titleChange.from} → ${c.titleChange.to}`);
      out.push(`      ${inlineDiff(c.parts)}`);
    }
  }
  if (r.numbers.length) {
    out.push('', '数字变化 (figures):');
    for (const n of r.numbers) out.push(`  ${n.clause} ${n.kind}: ${n.from ?? '—'} → ${n.to ?? '—'}   「${n.context}」`);
  }
  if (r.reextracted.length) {
    out.push('', '已从新通知重新提取 (re-extracted):');
    for (const x of r.reextracted) out.push(`  ${x.label}: ${x.fields.map((f) => `${f.field} ${fmt(f.from)} → ${fmt(f.to)}`).join('; ')}`);
  }
  for (const [g, list] of Object.entries(r.review) as [ReviewGroup, Report['review'][ReviewGroup]][]) {
    if (!list.length) continue;
    out.push('', `待复核 — ${GROUP_NAMES[g]} (${list.length}):`);
    for (const i of list) out.push(`  ${i.status === 'accepted' ? '✓' : '•'} ${i.label}  [${i.id}]`, `      ${i.reason}`);
  }
  return out.join('\n') + '\n';
}

const mdEsc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ⏎ ');

export function renderMarkdown(r: Report): string {
  const s = r.summary;
  const out: string[] = [
    `# ${r.from} → ${r.to}`,
    '',
    `| 新增条款 | 删除条款 | 修改条款 | 编号变化 | 数字变化 | 待复核 | 已接受 |`,
    `|---|---|---|---|---|---|---|`,
    `| ${s.added} | ${s.removed} | ${s.changed} | ${s.moved} | ${s.numbers} | ${s.needsReview} | ${s.accepted} |`,
  ];
  if (r.added.length) {
    out.push('', '## 新增条款');
    for (const c of r.added) out.push('', `### ${c.id} ${c.title}`, '', '```', c.text, '```');
  }
  if (r.removed.length) {
    out.push('', '## 删除条款');
    for (const c of r.removed) out.push('', `### ${c.id} ${c.title}`, '', '```', c.text, '```');
  }
  if (r.moved.length) {
    out.push('', '## 编号变化（文字未变，引用已改为新编号）', '', '| 原编号 | 新编号 | 标题 |', '|---|---|---|');
    for (const m of r.moved) out.push(`| ${m.from} | ${m.to} | ${mdEsc(m.title)} |`);
  }
  if (r.changed.length) {
    out.push('', '## 修改条款', '', '`[-…-]` 为删去的文字，`{+…+}` 为新增的文字。');
    for (const c of r.changed) {
      out.push('', `### ${c.id} ${c.title}${c.numbersOnly ? '（仅数字）' : c.layoutOnly ? '（仅换行或标点）' : ''}`);
      if (c.titleChange) out.push('', `标题：${c.titleChange.from} → ${c.titleChange.to}`);
      out.push('', '```', inlineDiff(c.parts, 40), '```');
    }
  }
  if (r.numbers.length) {
    out.push('', '## 数字变化', '', '| 条款 | 类型 | 原 | 新 | 上下文 |', '|---|---|---|---|---|');
    for (const n of r.numbers) out.push(`| ${n.clause} | ${n.kind} | ${n.from ?? '—'} | ${n.to ?? '—'} | ${mdEsc(n.context)} |`);
  }
  if (r.reextracted.length) {
    out.push('', '## 已从新通知重新提取', '', '| 项 | 字段 | 原 | 新 |', '|---|---|---|---|');
    for (const x of r.reextracted) for (const f of x.fields) out.push(`| ${mdEsc(x.label)} | ${f.field} | ${mdEsc(fmt(f.from))} | ${mdEsc(fmt(f.to))} |`);
  }
  for (const [g, list] of Object.entries(r.review) as [ReviewGroup, Report['review'][ReviewGroup]][]) {
    if (!list.length) continue;
    out.push('', `## 待复核：${GROUP_NAMES[g]}（${list.length}）`, '', '| 状态 | 项 | 依据条款 | 原因 | ID |', '|---|---|---|---|---|');
    for (const i of list) out.push(`| ${i.status === 'accepted' ? '已接受' : '待复核'} | ${mdEsc(i.label)} | ${i.clauses.join('、')} | ${mdEsc(i.reason)} | \`${i.id}\` |`);
  }
  return out.join('\n') + '\n';
}

/** Writes diff-<from>.md and diff-<from>.json into `dir`; returns their paths. */
export function writeReport(dir: string, r: Report): { md: string; json: string } {
  const md = join(dir, `diff-${r.from}.md`);
  const json = join(dir, `diff-${r.from}.json`);
  writeFileSync(md, renderMarkdown(r));
  writeFileSync(json, JSON.stringify(r, null, 1) + '\n');
  return { md, json };
}
