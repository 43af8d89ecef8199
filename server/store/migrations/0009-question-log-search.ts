import type { Migration } from './types';

/**
 * The question log's searchable question, written the one way the understanding step reads Chinese
 * input (half-width, lower case, simplified): a search for MES finds 「ＭＥＳ系统」 and one for
 * 智能車間 finds 智能车间. Rows logged before it have none until the staff store fills it in.
 */
export default {
  version: 9,
  name: 'question log search text',
  sql: `
alter table staff_question_log add column if not exists search_text text;
`,
} satisfies Migration;
