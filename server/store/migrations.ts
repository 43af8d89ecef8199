/**
 * Versioned schema changes, applied in order and recorded in schema_migrations. Plain SQL that
 * PGlite and PostgreSQL both run. A released migration is never edited: a change is a new entry.
 * Version 1 uses `if not exists` because databases created before this table existed already
 * hold its tables.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
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
  },
  {
    version: 2,
    name: 'index sessions by last activity for the retention purge',
    sql: `create index if not exists sessions_updated_at on sessions (updated_at);`,
  },
];

/** The tables every integrity and readiness check reads, with their primary key columns. */
export const TABLE_KEYS = {
  sessions: 'id',
  transcript: 'session_id, seq',
  answer_log: 'session_id, n',
  docs: 'session_id, key',
} as const;
export const TABLES = Object.keys(TABLE_KEYS) as (keyof typeof TABLE_KEYS)[];

interface Queryable {
  exec(sql: string): Promise<unknown>;
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** Applies the migrations not yet recorded; returns the versions applied. */
export async function migrate(db: Queryable): Promise<number[]> {
  await db.exec(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const done = new Set((await db.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version));
  const newest = Math.max(0, ...done);
  const known = Math.max(...MIGRATIONS.map((m) => m.version));
  if (newest > known) {
    throw new Error(
      `数据库结构版本 ${newest} 比本程序支持的 ${known} 新 (database schema is newer than this build): 请运行较新版本的程序，或从与本版本匹配的备份恢复。`,
    );
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    try {
      await db.exec(`begin;\n${m.sql}\ninsert into schema_migrations (version, name) values (${m.version}, '${m.name.replace(/'/g, "''")}');\ncommit;`);
    } catch (err) {
      await db.exec('rollback').catch(() => undefined);
      throw new Error(`数据库迁移 ${m.version}（${m.name}）失败 (migration failed): ${(err as Error).message}`);
    }
    applied.push(m.version);
  }
  return applied;
}
