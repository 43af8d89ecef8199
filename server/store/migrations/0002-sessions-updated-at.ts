import type { Migration } from './types';

export default {
  version: 2,
  name: 'index sessions by last activity for the retention purge',
  sql: `create index if not exists sessions_updated_at on sessions (updated_at);`,
} satisfies Migration;
