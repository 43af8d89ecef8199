import type { Db, Queryable } from '../db';
import type { Migration } from './types';
import m0001 from './0001-sessions';
import m0002 from './0002-sessions-updated-at';
import m0003 from './0003-staff';
import m0004 from './0004-transcript-seq-counter';
import m0005 from './0005-rate-limit';
import m0006 from './0006-staff-answers';
import m0007 from './0007-submission-programme-year';
import m0008 from './0008-submission-moves';
import m0009 from './0009-question-log-search';
import m0010 from './0010-assist-handover';
import m0011 from './0011-question-log-refusal-topic';
import m0012 from './0012-question-log-kind';

export type { Migration };

/**
 * Every schema change, in the order applied. A new table or column is a new file here with
 * the next version number; a released migration is never edited.
 */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012];

/** The tables every integrity and readiness check reads, with their primary key columns. */
export const TABLE_KEYS = {
  sessions: 'id',
  transcript: 'session_id, seq',
  answer_log: 'session_id, n',
  docs: 'session_id, key',
} as const;
export const TABLES = Object.keys(TABLE_KEYS) as (keyof typeof TABLE_KEYS)[];

/** Applies the given migrations not yet recorded, on one connection; returns the versions applied. */
export async function applyMigrations(db: Queryable, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.exec(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const done = new Set((await db.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version));
  const newest = Math.max(0, ...done);
  const known = Math.max(...migrations.map((m) => m.version));
  if (newest > known) {
    throw new Error(
      `数据库结构版本 ${newest} 比本程序支持的 ${known} 新 (database schema is newer than this build): 请运行较新版本的程序，或从与本版本匹配的备份恢复。`,
    );
  }
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
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

/**
 * Brings the schema up to date under the database's schema lock: on PostgreSQL two instances
 * starting at once take turns, and the second finds nothing left to do.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.withSchemaLock((conn) => applyMigrations(conn, migrations));
}
