import type { Migration } from './types';

/**
 * What a logged row is (server/staff/log-kind.ts): a question, small talk, an interview reply not read, or one read.
 * Rows logged before it have none; the staff store gives them theirs when it first reads the log, from their text,
 * and changes nothing else of them.
 */
export default {
  version: 12,
  name: 'question log kind',
  sql: `
alter table staff_question_log add column if not exists kind text;
`,
} satisfies Migration;
