import type { Migration } from './types';

/**
 * The staff workspace's tables (server/staff/store.ts). `if not exists` throughout: databases
 * created before schema_migrations existed already hold them. A new staff table is a new
 * migration file, not an edit of this one.
 */
export default {
  version: 3,
  name: 'staff workspace: cookie sessions, question log, submissions, assisted sessions',
  sql: `
create table if not exists staff_web_sessions (
  sid text primary key,
  data jsonb not null,
  expires_at timestamptz not null
);
create table if not exists staff_question_log (
  id uuid primary key,
  at timestamptz not null,
  source text not null,
  session_id text,
  question text not null,
  answer text not null,
  clauses jsonb not null,
  entry text,
  confidence real not null,
  refused boolean not null,
  feedback text,
  knowledge_version text not null
);
create index if not exists staff_question_log_at on staff_question_log (at desc);
create table if not exists staff_meta (key text primary key, value jsonb not null);
create table if not exists staff_submissions (
  session_id text primary key,
  region text not null,
  submitted_at timestamptz not null,
  snapshot jsonb not null,
  review jsonb,
  recommended boolean not null default false,
  reviewed_by text,
  reviewed_at timestamptz
);
create index if not exists staff_submissions_region on staff_submissions (region, submitted_at desc);
create table if not exists staff_assist_codes (
  code_hash text primary key,
  session_id text not null,
  expires_at timestamptz not null,
  used_by text,
  used_at timestamptz,
  revoked_at timestamptz
);
create table if not exists staff_assist_grants (
  view_id uuid primary key,
  session_id text not null,
  username text not null,
  created_at timestamptz not null,
  revoked_at timestamptz
);
create index if not exists staff_assist_grants_session on staff_assist_grants (session_id);
`,
} satisfies Migration;
