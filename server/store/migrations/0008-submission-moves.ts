import type { Migration } from './types';

/**
 * A submission moved to another bureau (the enterprise changed its city or county): the bureau it
 * left and when, shown to the new bureau; and each earlier bureau's review (初审意见, 核查记录,
 * checklist, who reviewed), kept apart from the row's current review. Those are the earlier
 * bureau's working papers: the new bureau does not see them, and they come back if the
 * submission moves back.
 */
export default {
  version: 8,
  name: 'submission moves between bureaus',
  sql: `
alter table staff_submissions add column if not exists moved_from jsonb;
alter table staff_submissions add column if not exists earlier_reviews jsonb not null default '{}'::jsonb;
`,
} satisfies Migration;
