/**
 * The shared store: PostgreSQL, for several collector processes on one database (DATABASE_URL=postgres://…).
 * Idempotency keys are unique in the database, so a retry or a second collector never stores a lead twice, and
 * jobs are claimed with FOR UPDATE SKIP LOCKED, so no two collectors forward the same job at once.
 */
import pg from 'pg';
import { JOB_COLUMNS, POSTGRES_MIGRATIONS } from './migrations.js';
import type { Job, JobFilter, JobOutcome, SearchFilter, Stats, Store, StoredResponse, Submission } from './types.js';

// Counts and ids arrive as strings from BIGINT columns; ours stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

interface JobRow extends Omit<Job, 'created_at' | 'next_at' | 'delivered_at'> {
  created_at: Date;
  next_at: Date;
  delivered_at: Date | null;
}

const toJob = (r: JobRow): Job => ({ ...r, created_at: r.created_at.toISOString(), next_at: r.next_at.toISOString(), delivered_at: r.delivered_at?.toISOString() ?? null });

export class PostgresStore implements Store {
  readonly dialect = 'postgres';
  private readonly pool: pg.Pool;
  private ready: Promise<void>;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle client that loses its server must not take the process down.
    this.pool.on('error', (error) => console.error('[store] postgres client error', error.message));
    this.ready = this.migrate();
  }

  /** Runs the pending migrations, one collector at a time (an advisory lock), each in its own transaction. */
  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(727271)');
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const [index, sql] of POSTGRES_MIGRATIONS.entries()) {
        if (done.has(index + 1)) continue;
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [index + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(727271)').catch(() => undefined);
      client.release();
    }
  }

  private async query<R extends pg.QueryResultRow>(sql: string, args: unknown[] = []): Promise<R[]> {
    await this.ready;
    return (await this.pool.query<R>(sql, args)).rows;
  }

  async replay(key: string): Promise<StoredResponse | null> {
    const [row] = await this.query<{ response_status: number; response_body: unknown; request_hash: string | null }>(
      'SELECT response_status, response_body, request_hash FROM submissions WHERE idempotency_key = $1',
      [key],
    );
    return row ? { status: row.response_status, body: row.response_body, requestHash: row.request_hash } : null;
  }

  async insert(kind: string, key: string, body: unknown, response: StoredResponse, destinations: readonly string[] = [], spam: string | null = null) {
    await this.ready;
    const client = await this.pool.connect();
    let stored = false;
    try {
      await client.query('BEGIN');
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO submissions (kind, idempotency_key, body, response_status, response_body, request_hash, spam)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [kind, key, JSON.stringify(body), response.status, JSON.stringify(response.body), response.requestHash ?? null, spam],
      );
      const id = inserted.rows[0]?.id;
      if (id !== undefined) {
        stored = true;
        if (destinations.length) {
          await client.query('INSERT INTO jobs (submission_id, destination) SELECT $1, unnest($2::text[])', [id, [...destinations]]);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return stored ? { stored, response } : { stored, response: (await this.replay(key)) ?? response };
  }

  async list(kind?: string, limit = 100): Promise<Submission[]> {
    const rows = await this.query<Omit<Submission, 'received_at'> & { received_at: Date }>(
      `SELECT id, kind, idempotency_key, body, received_at, spam FROM submissions ${kind ? 'WHERE kind = $2' : ''} ORDER BY id DESC LIMIT $1`,
      kind ? [limit, kind] : [limit],
    );
    return rows.map((r) => ({ ...r, received_at: r.received_at.toISOString() }));
  }

  async search(filter: SearchFilter): Promise<Submission[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.kind) (args.push(filter.kind), where.push(`kind = $${args.length}`));
    if (filter.q) (args.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), where.push(`body::text ILIKE $${args.length}`));
    args.push(filter.limit ?? 50, filter.offset ?? 0);
    const rows = await this.query<Omit<Submission, 'received_at'> & { received_at: Date }>(
      `SELECT id, kind, idempotency_key, body, received_at, spam FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT $${args.length - 1} OFFSET $${args.length}`,
      args,
    );
    return rows.map((r) => ({ ...r, received_at: r.received_at.toISOString() }));
  }

  async stats(days: number): Promise<Stats> {
    const since = new Date(Date.now() - days * 86_400_000);
    const [leadsByDay, consent, funnel, delivery] = await Promise.all([
      this.query<Stats['leadsByDay'][number]>(
        `SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, COALESCE(body->>'glm_content', '') AS placement, COUNT(*)::int AS count
         FROM submissions WHERE kind = 'hand_raise_lead' AND spam IS NULL AND received_at >= $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [since],
      ),
      this.query<Stats['consent'][number]>(
        `SELECT body->>'source' AS source, body->>'locale' AS locale,
           CASE ((body->'categories'->>'functional')::boolean::int + (body->'categories'->>'analytics')::boolean::int + (body->'categories'->>'marketing')::boolean::int)
             WHEN 3 THEN 'accept' WHEN 0 THEN 'reject' ELSE 'customize' END AS choice, COUNT(*)::int AS count
         FROM submissions WHERE kind = 'consent' AND received_at >= $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [since],
      ),
      this.query<Stats['funnel'][number]>(
        `WITH e AS (
           SELECT body->>'course_id' AS course, COALESCE(body->>'user_id', body->>'anonymous_id', body->>'event_id') AS learner,
             body->>'event' AS event, (body->>'milestone')::int AS milestone, response_body->>'badge_url' AS badge
           FROM submissions WHERE kind = 'course_progress' AND received_at >= $1)
         SELECT course,
           COUNT(DISTINCT CASE WHEN event = 'started' THEN learner END)::int AS started,
           COUNT(DISTINCT CASE WHEN milestone >= 50 THEN learner END)::int AS halfway,
           COUNT(DISTINCT CASE WHEN event = 'course_completed' THEN learner END)::int AS completed,
           COUNT(DISTINCT CASE WHEN event = 'course_completed' AND badge IS NOT NULL THEN learner END)::int AS badge
         FROM e GROUP BY course ORDER BY course`,
        [since],
      ),
      this.query<Stats['delivery'][number]>('SELECT destination, state, COUNT(*)::int AS count FROM jobs GROUP BY 1, 2 ORDER BY 1, 2'),
    ]);
    return { leadsByDay, consent, funnel, delivery };
  }

  async count(kind?: string): Promise<number> {
    const [row] = await this.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM submissions ${kind ? 'WHERE kind = $1' : ''}`, kind ? [kind] : []);
    return row.n;
  }

  async courseEvents(courseId: string, userId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.query<{ body: Record<string, unknown> }>(
      "SELECT body FROM submissions WHERE kind = 'course_progress' AND body->>'course_id' = $1 AND body->>'user_id' = $2 ORDER BY id",
      [courseId, userId],
    );
    return rows.map((r) => r.body);
  }

  async claim(owner: string, limit: number, leaseMs: number, destination?: string): Promise<Job[]> {
    const rows = await this.query<JobRow>(
      `WITH due AS (
         SELECT id FROM jobs
         WHERE ((state = 'pending' AND next_at <= now()) OR (state = 'running' AND lease_until <= now()))
           AND ($4::text IS NULL OR destination = $4)
         ORDER BY next_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE jobs j SET state = 'running', owner = $2, lease_until = now() + ($3 || ' milliseconds')::interval, attempts = j.attempts + 1
         FROM due WHERE j.id = due.id RETURNING j.*
       )
       SELECT ${JOB_COLUMNS} FROM claimed j JOIN submissions s ON s.id = j.submission_id ORDER BY j.next_at`,
      [limit, owner, String(leaseMs), destination ?? null],
    );
    return rows.map(toJob);
  }

  async finish(id: number, owner: string, outcome: JobOutcome): Promise<boolean> {
    const rows = await this.query<{ id: number }>(
      `UPDATE jobs SET state = $1, next_at = COALESCE($2, now()), last_status = $3, last_answer = $4,
         delivered_at = CASE WHEN $1 = 'delivered' THEN now() END, owner = NULL, lease_until = NULL
       WHERE id = $5 AND state = 'running' AND owner = $6 RETURNING id`,
      [outcome.state, outcome.nextAt ?? null, outcome.status, outcome.answer.slice(0, 4000), id, owner],
    );
    return rows.length === 1;
  }

  async finishMany(owner: string, outcomes: readonly { id: number; outcome: JobOutcome }[]): Promise<boolean[]> {
    if (!outcomes.length) return [];
    const rows = await this.query<{ id: number }>(
      `UPDATE jobs j SET state = o.state, next_at = COALESCE(o.next_at, now()), last_status = o.status, last_answer = o.answer,
         delivered_at = CASE WHEN o.state = 'delivered' THEN now() END, owner = NULL, lease_until = NULL
       FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::int[], $5::text[]) AS o (id, state, next_at, status, answer)
       WHERE j.id = o.id AND j.state = 'running' AND j.owner = $6 RETURNING j.id`,
      [
        outcomes.map((o) => o.id),
        outcomes.map((o) => o.outcome.state),
        outcomes.map((o) => o.outcome.nextAt ?? null),
        outcomes.map((o) => o.outcome.status),
        outcomes.map((o) => o.outcome.answer.slice(0, 4000)),
        owner,
      ],
    );
    const done = new Set(rows.map((r) => r.id));
    return outcomes.map((o) => done.has(o.id));
  }

  async nextDue(destinations?: readonly string[]): Promise<Date | null> {
    const [row] = await this.query<{ at: Date | null }>(
      `SELECT MIN(CASE state WHEN 'pending' THEN next_at ELSE lease_until END) AS at FROM jobs
       WHERE state IN ('pending', 'running') AND ($1::text[] IS NULL OR destination = ANY($1))`,
      [destinations ? [...destinations] : null],
    );
    return row.at;
  }

  async jobs(filter: JobFilter = {}): Promise<Job[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (sql: string, value: unknown) => (args.push(value), where.push(sql.replace('?', `$${args.length}`)));
    if (filter.state) add('j.state = ?', filter.state);
    if (filter.destination) add('j.destination = ?', filter.destination);
    if (filter.submissionId !== undefined) add('j.submission_id = ?', filter.submissionId);
    args.push(filter.limit ?? 200);
    const rows = await this.query<JobRow>(
      `SELECT ${JOB_COLUMNS} FROM jobs j JOIN submissions s ON s.id = j.submission_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY j.id DESC LIMIT $${args.length}`,
      args,
    );
    return rows.map(toJob);
  }

  async replayDead(filter: { id?: number; destination?: string }): Promise<number> {
    const rows =
      filter.id !== undefined
        ? await this.query("UPDATE jobs SET state = 'pending', next_at = now(), created_at = now() WHERE state = 'dead' AND id = $1 RETURNING id", [filter.id])
        : await this.query("UPDATE jobs SET state = 'pending', next_at = now(), created_at = now() WHERE state = 'dead' AND destination = $1 RETURNING id", [filter.destination ?? '']);
    return rows.length;
  }

  async close(): Promise<void> {
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }
}
