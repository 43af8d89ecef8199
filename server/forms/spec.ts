import type { FormField, FormSpec } from '../knowledge/schemas/forms';

/** Every field of a form, in reading order: cover, section 一 (matrix rows as number fields), 二, 三. */
export function allFields(spec: FormSpec): FormField[] {
  const out: FormField[] = [...spec.cover.fields];
  for (const b of spec.section1.blocks) {
    if (b.type === 'pairs') for (const row of b.rows) out.push(...row);
    else if (b.type === 'cells' || b.type === 'workshops') out.push(...b.fields);
    else if (b.type === 'matrix')
      for (const r of b.rows)
        out.push({
          id: `${b.id}.${r.id}`,
          label: r.label || b.label,
          clause: b.clause,
          kind: b.columns.length > 1 ? 'table' : 'number',
          unit: r.unit,
          inferred: r.inferred ?? b.inferred,
          note: r.note,
        });
    else if (b.type === 'statement') out.push({ id: b.id, label: b.label, clause: b.clause, kind: 'text', inferred: b.inferred });
  }
  for (const s of [spec.section2, spec.section3])
    for (const i of s.items) out.push({ id: i.id, label: i.title, clause: i.clause, kind: 'narrative', hint: i.hint, section: i.section });
  return out;
}

/** Narrative fields that are drafted, by section id, with the workshop block flag. */
export function draftableSections(spec: FormSpec): { id: string; title: string; clause: string; field?: FormField; perWorkshop: boolean; item?: FormSpec['section2']['items'][number] }[] {
  const out: ReturnType<typeof draftableSections> = [];
  for (const b of spec.section1.blocks) {
    if (b.type === 'cells') for (const f of b.fields) if (f.section) out.push({ id: f.section, title: f.label, clause: f.clause, field: f, perWorkshop: false });
    if (b.type === 'workshops') for (const f of b.fields) if (f.section) out.push({ id: f.section, title: f.label, clause: f.clause, field: f, perWorkshop: true });
  }
  for (const s of [spec.section2, spec.section3]) for (const i of s.items) out.push({ id: i.section, title: i.title.replace(/^（[一二三四五六]）/, ''), clause: i.clause, perWorkshop: false, item: i });
  return out;
}
