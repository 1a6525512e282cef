/**
 * The collector's schema, one ordered list per database. Each step runs once, recorded in schema_migrations; a
 * new step goes at the end of both lists. The first SQLite step matches files made before migrations existed.
 */

/** A job as the stores read it (Job in types.ts): jobs j joined with the submission s it forwards; both dialects. */
export const JOB_COLUMNS = `j.id, j.submission_id, j.destination, j.state, j.attempts, j.created_at, j.next_at, j.last_status, j.last_answer,
  j.delivered_at, s.kind, s.idempotency_key, s.body`;

export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS submissions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     idempotency_key TEXT NOT NULL UNIQUE,
     body TEXT NOT NULL,
     response_status INTEGER NOT NULL,
     response_body TEXT NOT NULL,
     received_at TEXT NOT NULL
   );
   CREATE INDEX IF NOT EXISTS submissions_kind ON submissions (kind, id);`,
  // Added by a column check before migrations existed; a file from then may have it already (see sqlite.ts).
  `ALTER TABLE submissions ADD COLUMN request_hash TEXT`,
  `ALTER TABLE submissions ADD COLUMN spam TEXT;
   CREATE TABLE jobs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     submission_id INTEGER NOT NULL REFERENCES submissions (id),
     destination TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     next_at INTEGER NOT NULL,
     lease_until INTEGER,
     owner TEXT,
     last_status INTEGER,
     last_answer TEXT,
     delivered_at INTEGER,
     UNIQUE (submission_id, destination)
   );
   CREATE INDEX jobs_due ON jobs (state, next_at);`,
  // Each destination's jobs are claimed on their own (fairness: a slow one never starves the others).
  `CREATE INDEX jobs_due_by_destination ON jobs (destination, state, next_at)`,
];

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE submissions (
     id BIGSERIAL PRIMARY KEY,
     kind TEXT NOT NULL,
     idempotency_key TEXT NOT NULL UNIQUE,
     body JSONB NOT NULL,
     response_status INTEGER NOT NULL,
     response_body JSONB NOT NULL,
     received_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE INDEX submissions_kind ON submissions (kind, id);`,
  `ALTER TABLE submissions ADD COLUMN request_hash TEXT`,
  `ALTER TABLE submissions ADD COLUMN spam TEXT;
   CREATE TABLE jobs (
     id BIGSERIAL PRIMARY KEY,
     submission_id BIGINT NOT NULL REFERENCES submissions (id),
     destination TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     next_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     lease_until TIMESTAMPTZ,
     owner TEXT,
     last_status INTEGER,
     last_answer TEXT,
     delivered_at TIMESTAMPTZ,
     UNIQUE (submission_id, destination)
   );
   CREATE INDEX jobs_due ON jobs (state, next_at);`,
  `CREATE INDEX jobs_due_by_destination ON jobs (destination, state, next_at)`,
];
