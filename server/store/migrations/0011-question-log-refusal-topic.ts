import type { Migration } from './types';

/**
 * The out-of-scope topic a refusal recognised (AskResponse.topic): such a refusal is the right answer,
 * so it stays in the question log but is no item for the review queue. Rows logged before it have none.
 */
export default {
  version: 11,
  name: 'question log refusal topic',
  sql: `
alter table staff_question_log add column if not exists refusal_topic text;
`,
} satisfies Migration;
