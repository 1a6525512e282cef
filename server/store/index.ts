/** Opens the collector's store: PostgreSQL when a postgres:// URL is given, the SQLite file otherwise. */
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type { Job, JobFilter, JobOutcome, JobState, SearchFilter, Stats, Store, StoredResponse, Submission } from './types.js';

export function openStore(options: { databaseUrl?: string; dbFile?: string }): Store {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// URL');
    return new PostgresStore(options.databaseUrl);
  }
  if (!options.dbFile) throw new Error('a SQLite file or a DATABASE_URL is needed');
  return new SqliteStore(options.dbFile);
}
