import type { Migration } from './types';

/**
 * Request counts shared by every instance on one PostgreSQL (server/store/rate-limit.ts).
 * Unlogged: the counts are worth no WAL, and losing them in a crash only restarts the windows.
 */
export default {
  version: 5,
  name: 'shared rate-limit windows',
  sql: `
create unlogged table if not exists rate_limit (
  key text primary key,
  hits integer not null,
  window_start timestamptz not null,
  window_ms integer not null
);
create index if not exists rate_limit_window_start on rate_limit (window_start);`,
} satisfies Migration;
