import { z } from 'zod';

/**
 * Clause IDs are a public contract built from the notice's own numbering:
 * `序`, `一`, `一(一)`, `三(二)6`, `附件`, `附件2`, `附件2.四(五)`.
 */
export const ClauseId = z
  .string()
  .regex(/^(序|附件|(附件\d+)|((附件\d+\.)?[一二三四五六七八九十]+(\([一二三四五六七八九十]+\)(\d+)?)?))$/, '条款编号须按通知的编号写法，如 三(二)6 或 附件2.四(五)');

export const Clause = z.object({
  id: ClauseId,
  parent: ClauseId.nullable(),
  title: z.string().min(1),
  /** The clause's own original text (its heading line and body, not its sub-clauses); whitespace normalised. */
  text: z.string(),
  order: z.number().int().nonnegative(),
  /** True when the record was reconstructed because our copy of the notice is truncated. */
  inferred: z.boolean().optional(),
  /** What was inferred and from what. Required when inferred. */
  note: z.string().optional(),
});
export type Clause = z.infer<typeof Clause>;

export const ClausesFile = z
  .array(Clause)
  .min(1)
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    list.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `条款编号重复：${c.id}` });
      ids.add(c.id);
      if (c.inferred && !c.note) ctx.addIssue({ code: 'custom', path: [i, 'note'], message: '推断补全（inferred）的条款须在 note 中说明推断了什么' });
    });
    list.forEach((c, i) => {
      if (c.parent !== null && !ids.has(c.parent)) ctx.addIssue({ code: 'custom', path: [i, 'parent'], message: `上级条款不存在：${c.parent}` });
    });
  });
export type ClausesFile = z.infer<typeof ClausesFile>;

/** Editorial input of the clause builder (knowledge/<v>/source/structure.json). */
export const ClauseStructure = z.object({
  $comment: z.string().optional(),
  titles: z.record(z.string(), z.string().min(1)),
  reconstructed: z.array(
    z.object({
      id: ClauseId,
      parent: ClauseId.nullable(),
      title: z.string().min(1),
      note: z.string().min(1),
      receivesLeadingFragments: z.boolean().optional(),
    }),
  ),
});
export type ClauseStructure = z.infer<typeof ClauseStructure>;
