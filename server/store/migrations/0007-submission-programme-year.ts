import type { Migration } from './types';

/**
 * What a submission was made under, so the 四(三) quota is counted per programme year; whether
 * its content changed after the bureau reviewed it; and when an assisted-session view ends.
 *
 * Rows submitted before this migration get the knowledge version their snapshot's assessment
 * names (every assessment has carried `knowledgeVersion` since the first release), else
 * henan-2023, the only version shipped before versions could be published; their programme
 * year is filled at startup from that version's manifest (server/staff/plugin.ts), since SQL
 * cannot read it. Grants made before it end seven days after they were made, the default of
 * ASSIST_VIEW_DAYS.
 */
export default {
  version: 7,
  name: 'submission knowledge version and programme year, review staleness, assisted view expiry',
  sql: `
alter table staff_submissions add column if not exists knowledge_version text;
update staff_submissions set knowledge_version = coalesce(nullif(snapshot->'assessment'->>'knowledgeVersion', ''), 'henan-2023') where knowledge_version is null;
alter table staff_submissions alter column knowledge_version set not null;
alter table staff_submissions add column if not exists programme_year integer;
alter table staff_submissions add column if not exists changed_since_review boolean not null default false;
create index if not exists staff_submissions_region_year on staff_submissions (region, programme_year);
alter table staff_assist_grants add column if not exists expires_at timestamptz;
update staff_assist_grants set expires_at = created_at + interval '7 days' where expires_at is null;
alter table staff_assist_grants alter column expires_at set not null;
`,
} satisfies Migration;
