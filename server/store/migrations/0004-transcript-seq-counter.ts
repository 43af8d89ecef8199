import type { Migration } from './types';

/**
 * Several instances on one PostgreSQL cannot number a session's transcript from memory: the
 * next seq is taken from this counter in the database. It starts at 0 and is raised to the
 * transcript's highest seq when first used, so existing sessions need no backfill.
 */
export default {
  version: 4,
  name: 'per-session transcript seq counter',
  sql: `alter table sessions add column if not exists last_seq integer not null default 0;`,
} satisfies Migration;
