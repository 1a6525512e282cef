/**
 * Spam without a CAPTCHA. A lead is judged before it is stored: the form's trap field filled (honeypot), sent
 * faster than a person fills a form (fill_ms), too many leads from one address or for one email in a window, or,
 * when Turnstile is configured, a token Cloudflare does not confirm. A verdict is stored with the lead, which is
 * then never forwarded; the visitor gets the same answer as anyone else, so a bot learns nothing. The rate
 * limits count per collector process (several collectors each count their own).
 */

export interface SpamOptions {
  /** Leads sent sooner than this after the form opened are spam (0: off). */
  minFillMs: number;
  /** Leads per client address per minute (0: off). */
  perIpPerMinute: number;
  /** Leads per email address per hour (0: off). */
  perEmailPerHour: number;
  /** Cloudflare Turnstile: every lead must carry a token that siteverify confirms. */
  turnstile?: { secret: string; url?: string };
}

/** Without a config: only the trap, which no person fills. */
export const TRAP_ONLY: SpamOptions = { minFillMs: 0, perIpPerMinute: 0, perEmailPerHour: 0 };

export type Verify = (url: string, form: URLSearchParams) => Promise<{ success?: boolean; 'error-codes'?: string[] } | null>;

const siteverify: Verify = async (url, form) => {
  try {
    const response = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(5000) });
    return (await response.json()) as { success?: boolean };
  } catch {
    return null;
  }
};

export class SpamFilter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly options: SpamOptions,
    private readonly verify: Verify = siteverify,
  ) {}

  /** Counts a hit for `key` and says whether it is over `limit` within `windowMs`. */
  private over(key: string, limit: number, windowMs: number, now: number): boolean {
    if (!limit) return false;
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < windowMs);
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 50_000) for (const [k, times] of this.hits) if (now - times[times.length - 1] >= windowMs) this.hits.delete(k);
    return recent.length > limit;
  }

  /** The spam verdict for a lead (its reason), or null. */
  async judge(lead: Record<string, unknown>, ip: string): Promise<string | null> {
    const now = Date.now();
    if (typeof lead.honeypot === 'string' && lead.honeypot.trim()) return 'honeypot';
    if (this.options.minFillMs && typeof lead.fill_ms === 'number' && lead.fill_ms < this.options.minFillMs) return 'too_fast';
    const email = String(lead.email ?? '').toLowerCase();
    // Both counted, so a burst from one address is caught whichever email it uses.
    const ipOver = this.over(`ip:${ip}`, this.options.perIpPerMinute, 60_000, now);
    const emailOver = this.over(`email:${email}`, this.options.perEmailPerHour, 3_600_000, now);
    if (ipOver) return 'rate_ip';
    if (emailOver) return 'rate_email';
    const turnstile = this.options.turnstile;
    if (turnstile) {
      const token = typeof lead.turnstile_token === 'string' ? lead.turnstile_token : '';
      if (!token) return 'turnstile_missing';
      const answer = await this.verify(turnstile.url ?? 'https://challenges.cloudflare.com/turnstile/v0/siteverify', new URLSearchParams({ secret: turnstile.secret, response: token, remoteip: ip }));
      // Cloudflare unreachable: the lead is kept and forwarded (never lost to our outage), as if unchecked.
      if (answer && answer.success !== true) return 'turnstile';
    }
    return null;
  }
}
