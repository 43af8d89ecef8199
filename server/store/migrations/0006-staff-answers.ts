import type { Migration } from './types';

/**
 * The review queue's marks on logged questions, the staff answer-base revisions laid over a
 * shipped version's answer base, and the count of exported drafts.
 */
export default {
  version: 6,
  name: 'staff answer revisions, review marks and export counts',
  sql: `
alter table staff_question_log add column if not exists reviewed_by text;
alter table staff_question_log add column if not exists reviewed_at timestamptz;
alter table staff_question_log add column if not exists review_entry text;
create table if not exists staff_answer_revisions (
  knowledge_version text not null,
  entry_id text not null,
  revision integer not null,
  entry jsonb,
  author text not null,
  at timestamptz not null,
  note text not null,
  changed jsonb not null,
  from_question uuid,
  primary key (knowledge_version, entry_id, revision)
);
create table if not exists staff_exports (
  at timestamptz not null,
  format text not null
);
create index if not exists staff_exports_at on staff_exports (at desc);
`,
} satisfies Migration;
