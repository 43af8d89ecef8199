import type { Migration } from './types';

/**
 * What a logged row is (server/staff/log-kind.ts): a question, small talk, an interview reply not read, or one read.
 * Rows logged before it have none; the staff store gives them theirs in the background, from their text, and changes
 * nothing else of them. The index finds the rows still without one at once.
 */
export default {
  version: 12,
  name: 'question log kind',
  sql: `
alter table staff_question_log add column if not exists kind text;
create index if not exists staff_question_log_unkinded on staff_question_log (at) where kind is null;
`,
} satisfies Migration;
