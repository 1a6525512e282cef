/** The embedded store: one SQLite file (better-sqlite3, WAL), zero setup. One process writes it at a time. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { JOB_COLUMNS, SQLITE_MIGRATIONS } from './migrations.js';
import type { Job, JobFilter, JobOutcome, SearchFilter, Stats, Store, StoredResponse, Submission } from './types.js';

interface JobRow extends Omit<Job, 'body' | 'created_at' | 'next_at' | 'delivered_at'> {
  body: string;
  created_at: number;
  next_at: number;
  delivered_at: number | null;
}

type InsertArgs = [kind: string, key: string, body: unknown, response: StoredResponse, destinations: readonly string[], spam: string | null];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const toJob = (r: JobRow): Job => ({ ...r, body: JSON.parse(r.body) as Record<string, unknown>, created_at: iso(r.created_at)!, next_at: iso(r.next_at)!, delivered_at: iso(r.delivered_at) });

export class SqliteStore implements Store {
  readonly dialect = 'sqlite';
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Submissions waiting for the next group commit (commit()). */
  private pending: { args: InsertArgs; resolve: (result: { stored: boolean; response: StoredResponse }) => void; reject: (error: Error) => void }[] = [];

  /**
   * Runs `work` in one write transaction (BEGIN IMMEDIATE: the lock is taken before the first read, so a claim's
   * read and its update see the same jobs). One wrapper for all callers: better-sqlite3's costs a noticeable
   * amount to make, which a busy collector did several times per lead.
   */
  private readonly inTransaction = <T>(work: () => T): T => this.transaction.immediate(work) as T;
  private readonly transaction: Database.Transaction<(work: () => unknown) => unknown>;

  /** A prepared statement, prepared once (preparing costs more than running a small insert). */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.transaction = this.db.transaction((work: () => unknown) => work());
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    const hasColumn = (table: string, column: string) => (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
    SQLITE_MIGRATIONS.forEach((sql, index) => {
      const version = index + 1;
      if (done.has(version)) return;
      this.db.transaction(() => {
        // A file from before migrations may already have the request hash column.
        if (!(version === 2 && hasColumn('submissions', 'request_hash'))) this.db.exec(sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
      })();
    });
  }

  async replay(key: string): Promise<StoredResponse | null> {
    return this.replaySync(key);
  }

  private replaySync(key: string): StoredResponse | null {
    const row = this.sql('SELECT response_status, response_body, request_hash FROM submissions WHERE idempotency_key = ?').get(key) as
      | { response_status: number; response_body: string; request_hash: string | null }
      | undefined;
    return row ? { status: row.response_status, body: JSON.parse(row.response_body), requestHash: row.request_hash } : null;
  }

  async insert(kind: string, key: string, body: unknown, response: StoredResponse, destinations: readonly string[] = [], spam: string | null = null) {
    return new Promise<{ stored: boolean; response: StoredResponse }>((resolve, reject) => {
      this.pending.push({ args: [kind, key, body, response, destinations, spam], resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.commit());
    });
  }

  /**
   * Group commit: the submissions that arrive during one turn of the event loop are written in one transaction.
   * A commit writes every page it touched to the WAL (a submission and its jobs touch seven indexes), so one
   * commit per submission was most of what a lead cost under load. Each caller is still answered only after its
   * row is committed; if the shared transaction fails, each submission is tried alone, so one cannot fail another.
   */
  private commit(): void {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = this.inTransaction(() => batch.map(({ args }) => this.insertSync(...args)));
      batch.forEach((waiting, i) => waiting.resolve(results[i]));
    } catch {
      for (const waiting of batch) {
        try {
          waiting.resolve(this.inTransaction(() => this.insertSync(...waiting.args)));
        } catch (error) {
          waiting.reject(error as Error);
        }
      }
    }
  }

  private insertSync(...[kind, key, body, response, destinations, spam]: InsertArgs): { stored: boolean; response: StoredResponse } {
    const now = Date.now();
    const result = this.sql(
        `INSERT INTO submissions (kind, idempotency_key, body, response_status, response_body, received_at, request_hash, spam)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(kind, key, JSON.stringify(body), response.status, JSON.stringify(response.body), new Date(now).toISOString(), response.requestHash ?? null, spam);
    if (result.changes !== 1) return { stored: false, response: this.replaySync(key) ?? response };
    const job = this.sql('INSERT INTO jobs (submission_id, destination, created_at, next_at) VALUES (?, ?, ?, ?)');
    for (const destination of destinations) job.run(result.lastInsertRowid, destination, now, now);
    return { stored: true, response };
  }

  async list(kind?: string, limit = 100): Promise<Submission[]> {
    const rows = (
      kind
        ? this.sql('SELECT id, kind, idempotency_key, body, received_at, spam FROM submissions WHERE kind = ? ORDER BY id DESC LIMIT ?').all(kind, limit)
        : this.sql('SELECT id, kind, idempotency_key, body, received_at, spam FROM submissions ORDER BY id DESC LIMIT ?').all(limit)
    ) as (Omit<Submission, 'body'> & { body: string })[];
    return rows.map((row) => ({ ...row, body: JSON.parse(row.body) }));
  }

  async search(filter: SearchFilter): Promise<Submission[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.kind) (where.push('kind = ?'), args.push(filter.kind));
    if (filter.q) (where.push("body LIKE ? ESCAPE '\\'"), args.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
    const rows = this.sql(`SELECT id, kind, idempotency_key, body, received_at, spam FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...args, filter.limit ?? 50, filter.offset ?? 0) as (Omit<Submission, 'body'> & { body: string })[];
    return rows.map((row) => ({ ...row, body: JSON.parse(row.body) }));
  }

  async stats(days: number): Promise<Stats> {
    const since = new Date(Date.now() - days * 86_400_000).toISOString();
    const all = <T>(sql: string, ...args: unknown[]) => this.sql(sql).all(...args) as T[];
    return {
      leadsByDay: all(
        `SELECT substr(received_at, 1, 10) AS day, COALESCE(json_extract(body, '$.glm_content'), '') AS placement, COUNT(*) AS count
         FROM submissions WHERE kind = 'hand_raise_lead' AND spam IS NULL AND received_at >= ? GROUP BY 1, 2 ORDER BY 1, 2`,
        since,
      ),
      consent: all(
        `SELECT json_extract(body, '$.source') AS source, json_extract(body, '$.locale') AS locale,
           CASE json_extract(body, '$.categories.functional') + json_extract(body, '$.categories.analytics') + json_extract(body, '$.categories.marketing')
             WHEN 3 THEN 'accept' WHEN 0 THEN 'reject' ELSE 'customize' END AS choice, COUNT(*) AS count
         FROM submissions WHERE kind = 'consent' AND received_at >= ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        since,
      ),
      funnel: all(
        `WITH e AS (
           SELECT json_extract(body, '$.course_id') AS course,
             COALESCE(json_extract(body, '$.user_id'), json_extract(body, '$.anonymous_id'), json_extract(body, '$.event_id')) AS learner,
             json_extract(body, '$.event') AS event, json_extract(body, '$.milestone') AS milestone, json_extract(response_body, '$.badge_url') AS badge
           FROM submissions WHERE kind = 'course_progress' AND received_at >= ?)
         SELECT course,
           COUNT(DISTINCT CASE WHEN event = 'started' THEN learner END) AS started,
           COUNT(DISTINCT CASE WHEN milestone >= 50 THEN learner END) AS halfway,
           COUNT(DISTINCT CASE WHEN event = 'course_completed' THEN learner END) AS completed,
           COUNT(DISTINCT CASE WHEN event = 'course_completed' AND badge IS NOT NULL THEN learner END) AS badge
         FROM e GROUP BY course ORDER BY course`,
        since,
      ),
      delivery: all('SELECT destination, state, COUNT(*) AS count FROM jobs GROUP BY 1, 2 ORDER BY 1, 2'),
    };
  }

  async count(kind?: string): Promise<number> {
    const row = (kind
      ? this.sql('SELECT COUNT(*) AS n FROM submissions WHERE kind = ?').get(kind)
      : this.sql('SELECT COUNT(*) AS n FROM submissions').get()) as { n: number };
    return row.n;
  }

  async courseEvents(courseId: string, userId: string): Promise<Record<string, unknown>[]> {
    const rows = this.sql(
        "SELECT body FROM submissions WHERE kind = 'course_progress' AND json_extract(body, '$.course_id') = ? AND json_extract(body, '$.user_id') = ? ORDER BY id",
      )
      .all(courseId, userId) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
  }

  async claim(owner: string, limit: number, leaseMs: number, destination?: string): Promise<Job[]> {
    const now = Date.now();
    // Two index-friendly halves (due pending jobs, expired leases), each read in index order and cut at the limit
    // before they are merged: sorting the whole backlog on every claim made a claim cost O(backlog), which under
    // load was most of the collector's time. A destination's own jobs when one is named. Read, then taken in the
    // same write transaction (the lock); nothing due (the common answer) writes nothing.
    const only = destination === undefined ? '' : 'AND destination = @destination';
    const due = this.sql(
      `SELECT id FROM (
         SELECT * FROM (SELECT id, next_at FROM jobs WHERE state = 'pending' AND next_at <= @now ${only} ORDER BY next_at LIMIT @limit)
         UNION ALL
         SELECT * FROM (SELECT id, next_at FROM jobs WHERE state = 'running' AND lease_until <= @now ${only} ORDER BY lease_until LIMIT @limit)
       ) ORDER BY next_at LIMIT @limit`,
    );
    const take = this.sql("UPDATE jobs SET state = 'running', owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?");
    const ids = this.inTransaction(() => {
      const found = (due.all({ now, limit, ...(destination === undefined ? {} : { destination }) }) as { id: number }[]).map((r) => r.id);
      for (const id of found) take.run(owner, now + leaseMs, id);
      return found;
    });
    if (!ids.length) return [];
    const rows = this.sql(`SELECT ${JOB_COLUMNS} FROM jobs j JOIN submissions s ON s.id = j.submission_id WHERE j.id IN (${ids.map(() => '?').join(',')}) ORDER BY j.next_at`)
      .all(...ids) as JobRow[];
    return rows.map(toJob);
  }

  async finish(id: number, owner: string, outcome: JobOutcome): Promise<boolean> {
    return this.finishSync(id, owner, outcome);
  }

  private finishSync(id: number, owner: string, outcome: JobOutcome): boolean {
    const now = Date.now();
    const result = this.sql(
        `UPDATE jobs SET state = ?, next_at = ?, last_status = ?, last_answer = ?, delivered_at = ?, owner = NULL, lease_until = NULL
         WHERE id = ? AND state = 'running' AND owner = ?`,
      )
      .run(outcome.state, outcome.nextAt?.getTime() ?? now, outcome.status, outcome.answer.slice(0, 4000), outcome.state === 'delivered' ? now : null, id, owner);
    return result.changes === 1;
  }

  async finishMany(owner: string, outcomes: readonly { id: number; outcome: JobOutcome }[]): Promise<boolean[]> {
    return this.inTransaction(() => outcomes.map(({ id, outcome }) => this.finishSync(id, owner, outcome)));
  }

  async nextDue(destinations?: readonly string[]): Promise<Date | null> {
    // Index seeks, one pair per destination: a MIN over every waiting job (the backlog) on each idle turn of the
    // forwarder was, under load, most of the collector's time. Running jobs are few (those under way).
    const pending = this.sql("SELECT MIN(next_at) AS at FROM jobs WHERE destination = ? AND state = 'pending'");
    const leased = this.sql("SELECT MIN(lease_until) AS at FROM jobs WHERE destination = ? AND state = 'running'");
    const names =
      destinations ?? (this.sql("SELECT DISTINCT destination FROM jobs WHERE state IN ('pending', 'running')").all() as { destination: string }[]).map((r) => r.destination);
    let next: number | null = null;
    for (const name of names)
      for (const { at } of [pending.get(name), leased.get(name)] as { at: number | null }[]) if (at !== null && (next === null || at < next)) next = at;
    return next === null ? null : new Date(next);
  }

  async jobs(filter: JobFilter = {}): Promise<Job[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.state) (where.push('j.state = ?'), args.push(filter.state));
    if (filter.destination) (where.push('j.destination = ?'), args.push(filter.destination));
    if (filter.submissionId !== undefined) (where.push('j.submission_id = ?'), args.push(filter.submissionId));
    const rows = this.sql(`SELECT ${JOB_COLUMNS} FROM jobs j JOIN submissions s ON s.id = j.submission_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.id DESC LIMIT ?`)
      .all(...args, filter.limit ?? 200) as JobRow[];
    return rows.map(toJob);
  }

  async replayDead(filter: { id?: number; destination?: string }): Promise<number> {
    const result =
      filter.id !== undefined
        ? this.sql("UPDATE jobs SET state = 'pending', next_at = ?, created_at = ? WHERE state = 'dead' AND id = ?").run(Date.now(), Date.now(), filter.id)
        : this.sql("UPDATE jobs SET state = 'pending', next_at = ?, created_at = ? WHERE state = 'dead' AND destination = ?").run(Date.now(), Date.now(), filter.destination ?? '');
    return result.changes;
  }

  async close(): Promise<void> {
    if (this.pending.length) this.commit();
    this.db.close();
  }
}
