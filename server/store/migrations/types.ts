/**
 * One schema change: plain SQL that PGlite and PostgreSQL both run, applied once in one
 * transaction and recorded in schema_migrations. A released migration is never edited; a
 * change is a new file with the next version, listed in index.ts.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
