import type { Migration } from './types';

/**
 * A view handed to a colleague: the giver's grant ends, naming whom it went to, so the giver is
 * told where the session went rather than that the enterprise revoked it.
 */
export default {
  version: 10,
  name: 'assist view hand-over',
  sql: `
alter table staff_assist_grants add column if not exists handed_to text;
`,
} satisfies Migration;
