/** The reference endpoint's storage: an embedded SQLite file. Each Idempotency-Key is stored once. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface StoredResponse {
  status: number;
  body: unknown;
  /** The sha-256 of the request body that got it (absent on rows stored before the column existed). */
  requestHash?: string | null;
}

export interface Submission {
  id: number;
  kind: string;
  idempotency_key: string;
  received_at: string;
  body: unknown;
}

export class Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS submissions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        response_status INTEGER NOT NULL,
        response_body TEXT NOT NULL,
        received_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS submissions_kind ON submissions (kind, id);
    `);
    // Files from before the request hash: the column joins them, empty for their rows.
    const columns = this.db.prepare('PRAGMA table_info(submissions)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'request_hash')) this.db.exec('ALTER TABLE submissions ADD COLUMN request_hash TEXT');
  }

  /** The response stored for `key`, when a submission with that key was accepted before. */
  replay(key: string): StoredResponse | null {
    const row = this.db.prepare('SELECT response_status, response_body, request_hash FROM submissions WHERE idempotency_key = ?').get(key) as
      | { response_status: number; response_body: string; request_hash: string | null }
      | undefined;
    return row ? { status: row.response_status, body: JSON.parse(row.response_body), requestHash: row.request_hash } : null;
  }

  /**
   * Stores a submission and the response it got, once per key. Returns the response to send: this one, or the
   * first one when another request with the same key won the race.
   */
  insert(kind: string, key: string, body: unknown, response: StoredResponse): { stored: boolean; response: StoredResponse } {
    const result = this.db
      .prepare(
        `INSERT INTO submissions (kind, idempotency_key, body, response_status, response_body, received_at, request_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(kind, key, JSON.stringify(body), response.status, JSON.stringify(response.body), new Date().toISOString(), response.requestHash ?? null);
    if (result.changes === 1) return { stored: true, response };
    return { stored: false, response: this.replay(key) ?? response };
  }

  list(kind?: string, limit = 100): Submission[] {
    const rows = (
      kind
        ? this.db.prepare('SELECT id, kind, idempotency_key, body, received_at FROM submissions WHERE kind = ? ORDER BY id DESC LIMIT ?').all(kind, limit)
        : this.db.prepare('SELECT id, kind, idempotency_key, body, received_at FROM submissions ORDER BY id DESC LIMIT ?').all(limit)
    ) as (Omit<Submission, 'body'> & { body: string })[];
    return rows.map((row) => ({ ...row, body: JSON.parse(row.body) }));
  }

  /** The stored learning events of one learner in one course, oldest first. */
  courseEvents(courseId: string, userId: string): Record<string, unknown>[] {
    const rows = this.db
      .prepare(
        "SELECT body FROM submissions WHERE kind = 'course_progress' AND json_extract(body, '$.course_id') = ? AND json_extract(body, '$.user_id') = ? ORDER BY id",
      )
      .all(courseId, userId) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  count(kind?: string): number {
    const row = (kind
      ? this.db.prepare('SELECT COUNT(*) AS n FROM submissions WHERE kind = ?').get(kind)
      : this.db.prepare('SELECT COUNT(*) AS n FROM submissions').get()) as { n: number };
    return row.n;
  }

  close(): void {
    this.db.close();
  }
}
