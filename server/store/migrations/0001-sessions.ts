import type { Migration } from './types';

/** `if not exists` throughout: databases created before schema_migrations existed already hold these tables. */
export default {
  version: 1,
  name: 'sessions, transcript, answer log, docs',
  sql: `
create table if not exists sessions (
  id text primary key,
  token_hash text not null,
  answers jsonb not null default '{}'::jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create table if not exists transcript (
  session_id text not null references sessions(id) on delete cascade,
  seq integer not null,
  id text not null,
  role text not null,
  text text not null,
  citations jsonb not null default '[]'::jsonb,
  client_id text,
  at timestamptz not null,
  primary key (session_id, seq)
);
create unique index if not exists transcript_client_id on transcript (session_id, client_id);
create table if not exists answer_log (
  session_id text not null references sessions(id) on delete cascade,
  n integer not null,
  patch jsonb not null,
  primary key (session_id, n)
);
create table if not exists docs (
  session_id text not null references sessions(id) on delete cascade,
  key text not null,
  value jsonb not null,
  updated_at timestamptz not null,
  primary key (session_id, key)
);`,
} satisfies Migration;
