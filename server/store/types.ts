/**
 * What the collector keeps, whichever database holds it: each submission once per Idempotency-Key, and one
 * forwarding job per (submission, destination), written in the same transaction as the submission. SQLite
 * (sqlite.ts) is the zero-setup default; PostgreSQL (postgres.ts) is for several collector processes on one
 * database. test/server/store.test.ts runs this contract against both.
 */

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
  /** The spam verdict's reason, when the collector judged it spam (stored, never forwarded). */
  spam?: string | null;
}

/**
 * A forwarding job's life: `pending` (due at `next_at`; after a failed attempt it carries the destination's
 * answer), `running` (claimed by one collector until `lease_until`; a collector that dies leaves it to be
 * claimed again when the lease ends), `delivered`, or `dead` (failed for good or for longer than max_age;
 * replayable).
 */
export type JobState = 'pending' | 'running' | 'delivered' | 'dead';

export interface Job {
  id: number;
  submission_id: number;
  destination: string;
  state: JobState;
  attempts: number;
  created_at: string;
  next_at: string;
  last_status: number | null;
  last_answer: string | null;
  delivered_at: string | null;
  /** The submission it forwards. */
  kind: string;
  idempotency_key: string;
  body: Record<string, unknown>;
}

export interface JobOutcome {
  state: 'delivered' | 'pending' | 'dead';
  /** When a `pending` job is due again. */
  nextAt?: Date;
  /** The destination's answer (status 0: no answer, e.g. the connection was refused or timed out). */
  status: number;
  answer: string;
}

export interface JobFilter {
  state?: JobState;
  destination?: string;
  submissionId?: number;
  limit?: number;
}

/** What the operator dashboard charts (server/admin/). */
export interface Stats {
  /** Leads per day (UTC) and placement (glm_content), spam left out. */
  leadsByDay: { day: string; placement: string; count: number }[];
  /** Consent decisions by source and locale: accept (all granted), reject (none), customize (some). */
  consent: { source: string; locale: string; choice: 'accept' | 'reject' | 'customize'; count: number }[];
  /** Per course, distinct learners at each step: started → 50 % of a lesson → course completed → badge issued. */
  funnel: { course: string; started: number; halfway: number; completed: number; badge: number }[];
  /** Forwarding jobs per destination and state. */
  delivery: { destination: string; state: JobState; count: number }[];
}

export interface SearchFilter {
  kind?: string;
  /** Text anywhere in the payload (an email, a placement, a course id). */
  q?: string;
  limit?: number;
  offset?: number;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** The response stored for `key`, when a submission with that key was accepted before. */
  replay(key: string): Promise<StoredResponse | null>;
  /**
   * Stores a submission, the response it got and a pending job per destination, in one transaction, once per
   * key. Returns the response to send: this one, or the first one when another request with the key won.
   */
  insert(
    kind: string,
    key: string,
    body: unknown,
    response: StoredResponse,
    destinations?: readonly string[],
    spam?: string | null,
  ): Promise<{ stored: boolean; response: StoredResponse }>;
  list(kind?: string, limit?: number): Promise<Submission[]>;
  /** Submissions newest first, filtered for the dashboard. */
  search(filter: SearchFilter): Promise<Submission[]>;
  /** The dashboard's charts over the last `days` days. */
  stats(days: number): Promise<Stats>;
  count(kind?: string): Promise<number>;
  /** The stored learning events of one learner in one course, oldest first. */
  courseEvents(courseId: string, userId: string): Promise<Record<string, unknown>[]>;
  /**
   * Claims up to `limit` jobs that are due (pending with next_at ≤ now, or running with an ended lease) for
   * `owner` until now + leaseMs, counting an attempt (only `destination`'s, when given). Two collectors never
   * claim the same job.
   */
  claim(owner: string, limit: number, leaseMs: number, destination?: string): Promise<Job[]>;
  /** Records an attempt's outcome; ignored when the job is no longer this owner's (its lease ended meanwhile). */
  finish(id: number, owner: string, outcome: JobOutcome): Promise<boolean>;
  /** Records several outcomes in one transaction (one commit for a batch of attempts); which were recorded. */
  finishMany(owner: string, outcomes: readonly { id: number; outcome: JobOutcome }[]): Promise<boolean[]>;
  /** When the next pending job (of these destinations, when given) is due, or null. */
  nextDue(destinations?: readonly string[]): Promise<Date | null>;
  jobs(filter?: JobFilter): Promise<Job[]>;
  /** Makes a dead job (or every dead job of a destination) pending again, due now. Returns how many. */
  replayDead(filter: { id?: number; destination?: string }): Promise<number>;
  close(): Promise<void>;
}
