import type { Clause, ClauseStructure } from './schemas/clauses';

/**
 * Turns the plain text of the notice into clause records whose IDs follow the notice's
 * own numbering (一、 → `一`, （一） → `(一)`, 1. → `1`, attachments prefixed `附件N.`).
 *
 * Text is kept verbatim except for whitespace: each line is trimmed and internal runs of
 * spaces/tabs become one space, because the source is a flattened Word table full of
 * layout padding. Blank lines are dropped.
 *
 * Our copy of the notice lacks the opening of 附件1: the text jumps from the attachment list
 * straight into the tail of 附件1's table. Those leading fragments are kept verbatim in the
 * record that `structure.reconstructed` marks with `receivesLeadingFragments`, and the
 * missing parents are emitted from `structure.reconstructed` with `inferred: true`.
 */

// Notices are typed by hand, so each numbering level accepts the variants that occur in them:
// full- or half-width brackets around （一）, and 1. / 1． / 1、 for the third level.
const TOP = /^([一二三四五六七八九十]+)、\s*(.*)$/;
const SECOND = /^[（(]([一二三四五六七八九十]+)[）)]\s*(.*)$/;
const THIRD = /^(\d+)[.．、]\s*(.*)$/;
/** An attachment's own heading: 附件2, also written 附件 2 or 附件2：. */
const ATTACHMENT = /^附件\s*(\d+)\s*[：:]?$/;
const LIST_START = /^附件[：:]\s*(.*)$/;
const LIST_ITEM = /^(\d+)[.．、]\s*(.+)$/;

/** A short title from a heading sentence: up to the first sentence/phrase break. */
export function titleFromHeading(rest: string): string {
  const cut = rest.split(/[。：；，（(]/)[0]!.trim();
  const t = cut.length > 0 ? cut : rest.trim();
  return t.length > 40 ? t.slice(0, 40) : t;
}

function normaliseLine(line: string): string {
  return line.replace(/[\s\u3000]+/g, ' ').trim();
}

type Mode = 'main' | 'list' | 'attachment';

interface Draft {
  id: string;
  parent: string | null;
  title: string;
  lines: string[];
  inferred?: boolean;
  note?: string;
}

export function parseNotice(source: string, structure: ClauseStructure): Clause[] {
  const drafts: Draft[] = [];
  const byId = new Map<string, Draft>();
  const add = (d: Draft): Draft => {
    if (byId.has(d.id)) throw new Error(`duplicate clause id ${d.id} while parsing the notice`);
    drafts.push(d);
    byId.set(d.id, d);
    return d;
  };

  let mode: Mode = 'main';
  let prefix = '';
  let root: string | null = null; // attachment root id, parent of its top-level sections
  let top = '';
  let second = '';
  let current: Draft = add({ id: '序', parent: null, title: '序', lines: [] });
  const attachmentTitles = new Map<string, string>();

  const startAttachment = (n: string, headingLine: string | null): void => {
    mode = 'attachment';
    prefix = `附件${n}.`;
    root = `附件${n}`;
    top = '';
    second = '';
    const reconstructed = structure.reconstructed.filter((r) => r.id === root || r.id.startsWith(prefix));
    if (headingLine === null && reconstructed.length > 0) {
      // The opening of this attachment is missing from the source: emit the inferred skeleton.
      let receiver: Draft | null = null;
      for (const r of reconstructed) {
        const d = add({ id: r.id, parent: r.parent, title: r.title, lines: [], inferred: true, note: r.note });
        if (r.receivesLeadingFragments) receiver = d;
        const m = r.id.slice(prefix.length).match(/^([一二三四五六七八九十]+)(?:\(([一二三四五六七八九十]+)\))?$/);
        if (m) {
          top = m[1]!;
          second = m[2] ?? '';
        }
      }
      current = receiver ?? byId.get(root)!;
      return;
    }
    current = add({ id: root, parent: byId.has('附件') ? '附件' : null, title: attachmentTitles.get(n) ?? root, lines: [] });
    if (headingLine) current.lines.push(headingLine);
  };

  for (const raw of source.split(/\r?\n/)) {
    const line = normaliseLine(raw);
    if (!line) continue;

    if ((mode as Mode) !== 'attachment' && LIST_START.test(line)) {
      mode = 'list';
      current = add({ id: '附件', parent: null, title: '附件', lines: [line] });
      const first = line.match(LIST_START)![1]!.match(LIST_ITEM);
      if (first) attachmentTitles.set(first[1]!, first[2]!.trim());
      continue;
    }
    if (mode === 'list') {
      const item = line.match(LIST_ITEM);
      if (item) {
        attachmentTitles.set(item[1]!, item[2]!.trim());
        current.lines.push(line);
        continue;
      }
      // Text right after the list that is not an "附件N" heading belongs to the first attachment, whose opening is lost.
      const att = line.match(ATTACHMENT);
      startAttachment(att ? att[1]! : [...attachmentTitles.keys()][0] ?? '1', att ? line : null);
      if (att) continue;
    }

    const att = (mode as Mode) === 'attachment' ? line.match(ATTACHMENT) : null;
    if (att) {
      startAttachment(att[1]!, line);
      continue;
    }

    const t = line.match(TOP);
    if (t) {
      top = t[1]!;
      second = '';
      current = add({ id: `${prefix}${top}`, parent: root, title: t[2]!.trim() || `${top}`, lines: [line] });
      continue;
    }
    const s = top ? line.match(SECOND) : null;
    if (s) {
      second = s[1]!;
      current = add({ id: `${prefix}${top}(${second})`, parent: `${prefix}${top}`, title: titleFromHeading(s[2]!), lines: [line] });
      continue;
    }
    const n = mode === 'main' && second ? line.match(THIRD) : null;
    if (n) {
      current = add({ id: `${top}(${second})${n[1]}`, parent: `${top}(${second})`, title: titleFromHeading(n[2]!), lines: [line] });
      continue;
    }
    current.lines.push(line);
  }

  return drafts.map((d, order) => {
    const c: Clause = {
      id: d.id,
      parent: d.parent,
      title: structure.titles[d.id] ?? d.title,
      text: d.lines.join('\n'),
      order,
    };
    if (d.inferred) {
      c.inferred = true;
      c.note = d.note;
    }
    return c;
  });
}
