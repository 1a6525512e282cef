/**
 * <gk-admin>: the collector's dashboard for operators and marketers. Overview (leads per day by placement,
 * consent choices by source and locale, the course funnel, delivery per destination), the stored leads,
 * consents and learning events with search and CSV export, and every forwarding job with its destination's last
 * answer and a replay for dead ones. It reads /admin/api/* on the same origin, whose Basic auth the browser holds.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Job as StoreJob, Stats as StoreStats, Submission as StoreSubmission } from '../../store/types.js';
import { funnel, shareBars, stackedBars } from './charts.js';

type Tab = 'overview' | 'hand_raise_lead' | 'consent' | 'course_progress' | 'jobs';

// The dashboard API's shapes are the store's (server/store/types.ts); type-only, nothing of the server is bundled.
type Submission = Omit<StoreSubmission, 'body' | 'spam'> & { spam: string | null; body: Record<string, unknown> };
type Job = Omit<StoreJob, 'body' | 'kind'>;
type Stats = StoreStats & { days: number };

const TABS: [Tab, string][] = [
  ['overview', 'Overview'],
  ['hand_raise_lead', 'Leads'],
  ['consent', 'Consents'],
  ['course_progress', 'Learning'],
  ['jobs', 'Deliveries'],
];

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC' : '—');

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { ...init, headers: { 'X-Growth-Kit-Admin': '1', ...(init?.headers ?? {}) } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

export class GkAdmin extends LitElement {
  static override properties = {
    tab: { state: true },
    stats: { state: true },
    rows: { state: true },
    jobs: { state: true },
    detail: { state: true },
    query: { state: true },
    jobState: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  tab: Tab = 'overview';
  stats: Stats | null = null;
  rows: Submission[] = [];
  jobs: Job[] = [];
  detail: { submission: Submission; jobs: Job[] } | null = null;
  query = '';
  jobState = '';
  error = '';
  notice = '';

  static override styles = css`
    :host { display: block; max-width: 1120px; margin: 0 auto; padding: 24px 16px 64px; color: #1f1e24; }
    h1 { font-size: 22px; margin: 0 0 4px; }
    .sub { color: #5e5d66; margin: 0 0 16px; }
    .tabs { display: flex; gap: 4px; flex-wrap: wrap; border-bottom: 1px solid #d6d6db; margin-bottom: 20px; }
    .tabs button { font: inherit; border: 0; background: none; padding: 10px 14px; cursor: pointer; color: #3d3c44; border-bottom: 3px solid transparent; }
    .tabs button[aria-selected='true'] { color: #1f1e24; font-weight: 600; border-bottom-color: #5b3cc4; }
    button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 3px solid #5b3cc4; outline-offset: 2px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
    .card, .chart { background: #fff; border: 1px solid #e2e2e6; border-radius: 12px; padding: 16px; margin: 0; min-width: 0; overflow-x: auto; }
    .card.wide { grid-column: 1 / -1; }
    figcaption, .card h2 { font-weight: 600; font-size: 16px; margin: 0 0 8px; }
    svg { width: 100%; height: auto; display: block; }
    .grid line.grid, line.grid { stroke: #ececf0; }
    text.tick { font-size: 11px; fill: #5e5d66; }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 14px; list-style: none; padding: 0; margin: 8px 0 0; font-size: 13px; color: #3d3c44; }
    .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; background: var(--c); margin-inline-end: 6px; }
    .share-row { display: grid; grid-template-columns: 9em 1fr 9em; gap: 8px; align-items: center; margin-block: 6px; font-size: 13px; }
    .share-bar { height: 14px; border-radius: 3px; overflow: hidden; }
    .share-value { color: #5e5d66; font-variant-numeric: tabular-nums; }
    .funnel { list-style: none; padding: 0; margin: 0; }
    .funnel li { display: grid; grid-template-columns: 9em 1fr 3em; gap: 8px; align-items: center; margin-block: 8px; font-size: 14px; }
    .funnel-bar { display: block; height: 18px; width: var(--w); background: var(--c); border-radius: 3px; }
    .funnel-value { text-align: end; font-variant-numeric: tabular-nums; }
    .toolbar { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; margin-bottom: 12px; }
    label { display: grid; gap: 2px; font-size: 13px; color: #3d3c44; }
    input, select { font: inherit; padding: 6px 8px; border: 1px solid #8c8b93; border-radius: 6px; min-height: 36px; box-sizing: border-box; }
    .button { font: inherit; font-weight: 600; padding: 6px 14px; min-height: 36px; border-radius: 6px; border: 1px solid #5b3cc4; background: #5b3cc4; color: #fff; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; }
    .button.secondary { background: #fff; color: #5b3cc4; }
    table { width: 100%; border-collapse: collapse; background: #fff; font-size: 14px; }
    th, td { text-align: start; padding: 8px 10px; border-bottom: 1px solid #ececf0; vertical-align: top; }
    thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #5e5d66; }
    .state { font-weight: 600; }
    .state.delivered { color: #1a7f37; } .state.dead { color: #c0201f; } .state.pending, .state.running { color: #8a4b00; }
    .answer { font-family: ui-monospace, monospace; font-size: 12px; color: #3d3c44; max-width: 32em; overflow-wrap: anywhere; }
    .notice { padding: 8px 12px; border-radius: 6px; background: #eaf6ec; color: #0f5223; margin-bottom: 12px; }
    .error { background: #fdeceb; color: #8d1514; }
    .link { font: inherit; background: none; border: 0; padding: 0; color: #4a2fb0; text-decoration: underline; cursor: pointer; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    dialog { border: 0; border-radius: 12px; padding: 20px; max-width: min(720px, 92vw); box-shadow: 0 12px 40px rgba(0,0,0,.25); }
    dialog h2 { margin-top: 0; font-size: 18px; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f8; padding: 8px; border-radius: 6px; font-size: 12px; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      if (this.tab === 'overview') this.stats = await api<Stats>('/admin/api/stats?days=30');
      else if (this.tab === 'jobs') this.jobs = (await api<{ jobs: Job[] }>(`/admin/api/jobs?limit=200${this.jobState ? `&state=${this.jobState}` : ''}`)).jobs;
      else this.rows = (await api<{ submissions: Submission[] }>(`/admin/api/submissions?kind=${this.tab}&limit=100&q=${encodeURIComponent(this.query)}`)).submissions;
    } catch (error) {
      this.error = `Could not load: ${(error as Error).message}`;
    }
  }

  private select(tab: Tab): void {
    this.tab = tab;
    this.query = '';
    this.notice = '';
    void this.load();
  }

  private async replay(job: Job): Promise<void> {
    await api(`/admin/api/jobs/${job.id}/replay`, { method: 'POST' }).catch(() => undefined);
    this.notice = `Job ${job.id} to ${job.destination} is queued again.`;
    await this.load();
    if (this.detail) await this.open(this.detail.submission);
  }

  private async replayAll(destination: string): Promise<void> {
    const { replayed } = await api<{ replayed: number }>(`/admin/api/replay?destination=${encodeURIComponent(destination)}`, { method: 'POST' });
    this.notice = `${replayed} dead job${replayed === 1 ? '' : 's'} to ${destination} queued again.`;
    await this.load();
  }

  private async open(submission: Submission): Promise<void> {
    const { jobs } = await api<{ jobs: Job[] }>(`/admin/api/jobs?submission=${submission.id}`);
    this.detail = { submission, jobs };
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
  }

  override render() {
    return html`<header>
        <h1>Growth Kit collector</h1>
        <p class="sub">What the widgets captured, and where it went.</p>
      </header>
      <main>
        <div class="tabs" role="tablist" aria-label="Sections">
          ${TABS.map(([tab, label]) => html`<button role="tab" id="tab-${tab}" aria-controls="panel" aria-selected=${this.tab === tab} tabindex=${this.tab === tab ? 0 : -1} @click=${() => this.select(tab)} @keydown=${this.arrows}>${label}</button>`)}
        </div>
        <div id="panel" role="tabpanel" aria-labelledby="tab-${this.tab}">
          ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
          ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
          ${this.tab === 'overview' ? this.overview() : this.tab === 'jobs' ? this.jobList() : this.submissionList()}
        </div>
      </main>
      ${this.detail ? this.detailDialog() : nothing}`;
  }

  private arrows = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = TABS.findIndex(([t]) => t === this.tab);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length][0];
    this.select(next);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus());
  };

  private overview() {
    const s = this.stats;
    if (!s) return html`<p>Loading…</p>`;
    const days = [...new Set(s.leadsByDay.map((r) => r.day))].sort();
    const placements = [...new Set(s.leadsByDay.map((r) => r.placement))].sort();
    const series = placements.map((p) => ({ label: p || '(none)', values: days.map((d) => s.leadsByDay.find((r) => r.day === d && r.placement === p)?.count ?? 0) }));
    const groups = [...new Set(s.consent.map((r) => `${r.source} · ${r.locale}`))].sort().map((label) => ({
      label,
      parts: (['accept', 'reject', 'customize'] as const).map((choice) => s.consent.filter((r) => `${r.source} · ${r.locale}` === label && r.choice === choice).reduce((a, r) => a + r.count, 0)),
    }));
    const destinations = [...new Set(s.delivery.map((r) => r.destination))].sort();
    const count = (d: string, state: Job['state']) => s.delivery.find((r) => r.destination === d && r.state === state)?.count ?? 0;
    return html`<div class="grid">
      ${days.length ? stackedBars(`Leads per day by placement (last ${s.days} days)`, days, series) : html`<section class="card"><h2>Leads per day</h2><p>No leads yet.</p></section>`}
      ${groups.length ? shareBars('Consent choices by source and locale', groups, ['Accept all', 'Reject all', 'Customized']) : html`<section class="card"><h2>Consent choices</h2><p>No decisions yet.</p></section>`}
      ${s.funnel.length
        ? s.funnel.map((c) =>
            funnel(`Course funnel: ${c.course}`, [
              { label: 'Started', value: c.started },
              { label: 'Half way', value: c.halfway },
              { label: 'Completed', value: c.completed },
              { label: 'Badge', value: c.badge },
            ]),
          )
        : html`<section class="card"><h2>Course funnel</h2><p>No learning events yet.</p></section>`}
      <section class="card wide">
        <h2>Delivery by destination</h2>
        ${destinations.length
          ? html`<table>
              <thead><tr><th scope="col">Destination</th><th scope="col">Delivered</th><th scope="col">Waiting</th><th scope="col">Dead</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
              <tbody>
                ${destinations.map(
                  (d) => html`<tr>
                    <th scope="row">${d}</th><td>${count(d, 'delivered')}</td><td>${count(d, 'pending') + count(d, 'running')}</td><td>${count(d, 'dead')}</td>
                    <td>${count(d, 'dead') ? html`<button class="button secondary" @click=${() => this.replayAll(d)}>Replay dead</button>` : nothing}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>No destinations configured, or nothing forwarded yet.</p>`}
      </section>
    </div>`;
  }

  private submissionList() {
    const kind = this.tab;
    const summary = (b: Record<string, unknown>) =>
      kind === 'hand_raise_lead'
        ? `${b.first_name ?? ''} ${b.last_name ?? ''} · ${b.email} · ${b.company_name ?? ''} · ${b.glm_content}`
        : kind === 'consent'
          ? `${b.source} · ${b.locale} · ${Object.entries((b.categories as Record<string, boolean>) ?? {}).filter(([, v]) => v).map(([k]) => k).join(', ')}`
          : `${b.course_id} · ${b.user_id ?? b.anonymous_id ?? ''} · ${b.event}${b.lesson_id ? ` · ${b.lesson_id}` : ''} · ${b.progress} %`;
    return html`<form class="toolbar" role="search" @submit=${(e: Event) => (e.preventDefault(), void this.load())}>
        <label>Search<input type="search" name="q" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} /></label>
        <button class="button" type="submit">Search</button>
        <a class="button secondary" href="/admin/export.csv?kind=${kind}&q=${encodeURIComponent(this.query)}" download>Export CSV</a>
      </form>
      <table>
        <thead><tr><th scope="col">Received</th><th scope="col">What</th><th scope="col">Key</th>${kind === 'hand_raise_lead' ? html`<th scope="col">Deliveries</th>` : nothing}</tr></thead>
        <tbody>
          ${this.rows.length
            ? this.rows.map(
                (r) => html`<tr>
                  <td>${when(r.received_at)}</td>
                  <td>${summary(r.body)}${r.spam ? html` <strong>(spam: ${r.spam})</strong>` : nothing}</td>
                  <td class="answer">${r.idempotency_key}</td>
                  ${kind === 'hand_raise_lead' ? html`<td><button class="link" @click=${() => this.open(r)}>History<span class="visually-hidden"> of ${r.body.email}</span></button></td>` : nothing}
                </tr>`,
              )
            : html`<tr><td colspan="4">Nothing here${this.query ? ' for that search' : ' yet'}.</td></tr>`}
        </tbody>
      </table>`;
  }

  private jobRows(jobs: Job[]) {
    return jobs.map(
      (j) => html`<tr>
        <td>${j.destination}</td>
        <td><span class="state ${j.state}">${j.state}</span></td>
        <td>${j.attempts}</td>
        <td>${j.state === 'delivered' ? when(j.delivered_at) : j.state === 'dead' ? '—' : when(j.next_at)}</td>
        <td class="answer">${j.last_status === null ? '—' : `${j.last_status || 'no answer'} ${j.last_answer?.slice(0, 300) ?? ''}`}</td>
        <td>${j.state === 'dead' ? html`<button class="button secondary" @click=${() => this.replay(j)}>Replay<span class="visually-hidden"> job ${j.id}</span></button>` : nothing}</td>
      </tr>`,
    );
  }

  private jobTable(jobs: Job[]) {
    return html`<table>
      <thead><tr><th scope="col">Destination</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Delivered / next try</th><th scope="col">Last answer</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${jobs.length ? this.jobRows(jobs) : html`<tr><td colspan="6">No jobs.</td></tr>`}</tbody>
    </table>`;
  }

  private jobList() {
    return html`<div class="toolbar">
        <label>State
          <select @change=${(e: Event) => ((this.jobState = (e.target as HTMLSelectElement).value), void this.load())}>
            ${['', 'pending', 'running', 'delivered', 'dead'].map((s) => html`<option value=${s} ?selected=${this.jobState === s}>${s || 'all'}</option>`)}
          </select>
        </label>
      </div>
      ${this.jobTable(this.jobs)}`;
  }

  private detailDialog() {
    const { submission, jobs } = this.detail!;
    return html`<dialog aria-labelledby="detail-title" @close=${() => (this.detail = null)}>
      <h2 id="detail-title">Delivery history: ${submission.body.email}</h2>
      ${this.jobTable(jobs)}
      <details><summary>Payload</summary><pre>${JSON.stringify(submission.body, null, 2)}</pre></details>
      <form method="dialog"><button class="button">Close</button></form>
    </dialog>`;
  }
}

customElements.get('gk-admin') ?? customElements.define('gk-admin', GkAdmin);
