/**
 * Where leads go: growth-kit.config.json (or the file GROWTH_KIT_CONFIG names). Secrets are not written in the
 * file: a value "env:NAME" is read from the environment. Validated at start; a bad file stops the collector with
 * the problem named, rather than accepting leads it cannot forward.
 *
 * {
 *   "forwarding": { "maxAgeHours": 72 },
 *   "spam": { "minFillMs": 1500, "perIpPerMinute": 20, "perEmailPerHour": 5, "turnstile": { "secret": "env:TURNSTILE_SECRET" } },
 *   "destinations": [
 *     { "name": "hubspot", "type": "hubspot", "portalId": "123", "formGuid": "…" },
 *     { "name": "salesforce", "type": "salesforce-web-to-lead", "oid": "00D…", "leadSource": "Web" },
 *     { "name": "marketo", "type": "marketo", "url": "https://123-ABC-456.mktorest.com", "clientId": "env:MKTO_ID", "clientSecret": "env:MKTO_SECRET", "formId": 1001 },
 *     { "name": "segment", "type": "segment", "writeKey": "env:SEGMENT_WRITE_KEY" },
 *     { "name": "workato", "type": "webhook", "url": "https://…", "secret": "env:WEBHOOK_SECRET" }
 *   ]
 * }
 */
import { readFileSync } from 'node:fs';
import { z } from '../../src/runtime/base/zod.js';
import type { SpamOptions } from '../spam.js';
import type { Destination } from './destination.js';
import { hubspot } from './destinations/hubspot.js';
import { marketo } from './destinations/marketo.js';
import { salesforce } from './destinations/salesforce.js';
import { segment } from './destinations/segment.js';
import { webhook } from './destinations/webhook.js';

export interface ForwardingOptions {
  /** A job failing for longer than this is dead (default 72 h). */
  maxAgeMs: number;
  /** The first retry's delay; each later one doubles, with jitter (default 1 s). */
  baseDelayMs: number;
  /** The longest delay between two attempts (default 1 h). */
  maxDelayMs: number;
  /** A claimed job is another collector's to take when this long passes without an outcome (default 60 s). */
  leaseMs: number;
  /** One attempt's time limit (default 15 s). */
  timeoutMs: number;
}

export interface CollectorConfig {
  destinations: Destination[];
  forwarding: ForwardingOptions;
  spam: SpamOptions;
}

const name = z.string().check(z.regex(/^[\w-]{1,40}$/, 'letters, digits, - or _'));
const text = z.string().check(z.minLength(1));
const url = z.url({ protocol: /^https?$/ });
const fields = z.optional(z.record(z.string(), z.nullable(z.string())));
const kinds = z.optional(z.array(z.enum(['hand_raise_lead', 'consent', 'course_progress'])));
const rate = z.optional(z.number().check(z.positive()));
const common = { name, kinds, ratePerSecond: rate };

const destinationSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('hubspot'), portalId: text, formGuid: text, url: z.optional(url), fields, subscriptionTypeId: z.optional(z.number()), consentText: z.optional(text) }),
  z.object({ ...common, type: z.literal('salesforce-web-to-lead'), oid: text, url: z.optional(url), leadSource: z.optional(text), campaignId: z.optional(text), fields }),
  z.object({ ...common, type: z.literal('marketo'), url, clientId: text, clientSecret: text, formId: z.number(), fields }),
  z.object({ ...common, type: z.literal('segment'), writeKey: text, url: z.optional(url) }),
  z.object({ ...common, type: z.literal('webhook'), url, secret: z.string().check(z.minLength(16, 'at least 16 characters')) }),
]);

const configSchema = z.object({
  forwarding: z.optional(
    z.object({
      maxAgeHours: z.optional(z.number().check(z.positive())),
      baseDelayMs: z.optional(z.number().check(z.positive())),
      maxDelayMs: z.optional(z.number().check(z.positive())),
      leaseMs: z.optional(z.number().check(z.positive())),
      timeoutMs: z.optional(z.number().check(z.positive())),
    }),
  ),
  destinations: z.array(destinationSchema),
  spam: z.optional(
    z.object({
      minFillMs: z.optional(z.number().check(z.minimum(0))),
      perIpPerMinute: z.optional(z.number().check(z.minimum(0))),
      perEmailPerHour: z.optional(z.number().check(z.minimum(0))),
      turnstile: z.optional(z.object({ secret: text, url: z.optional(url) })),
    }),
  ),
});

export type ConfigFile = z.input<typeof configSchema>;

/** "env:NAME" values from the environment; a missing variable is an error that names it. */
function fromEnv(value: unknown, env: NodeJS.ProcessEnv, path: string): unknown {
  if (typeof value === 'string' && value.startsWith('env:')) {
    const found = env[value.slice(4)];
    if (found === undefined) throw new Error(`${path}: the environment variable ${value.slice(4)} is not set`);
    return found;
  }
  if (Array.isArray(value)) return value.map((v, i) => fromEnv(v, env, `${path}.${i}`));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromEnv(v, env, path ? `${path}.${k}` : k)]));
  return value;
}

export function buildConfig(input: unknown, env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  const result = z.safeParse(configSchema, fromEnv(input, env, ''));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`growth-kit config: ${problems.join('; ')}`);
  }
  const { destinations, forwarding = {}, spam = {} } = result.data;
  const names = destinations.map((d) => d.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new Error(`growth-kit config: two destinations are called "${repeated}"`);
  return {
    destinations: destinations.map((d) => {
      switch (d.type) {
        case 'hubspot':
          return hubspot(d);
        case 'salesforce-web-to-lead':
          return salesforce(d);
        case 'marketo':
          return marketo(d);
        case 'segment':
          return segment(d);
        case 'webhook':
          return webhook(d);
      }
    }),
    forwarding: {
      maxAgeMs: (forwarding.maxAgeHours ?? 72) * 3_600_000,
      baseDelayMs: forwarding.baseDelayMs ?? 1000,
      maxDelayMs: forwarding.maxDelayMs ?? 3_600_000,
      leaseMs: forwarding.leaseMs ?? 60_000,
      timeoutMs: forwarding.timeoutMs ?? 15_000,
    },
    spam: {
      minFillMs: spam.minFillMs ?? 1500,
      perIpPerMinute: spam.perIpPerMinute ?? 20,
      perEmailPerHour: spam.perEmailPerHour ?? 5,
      ...(spam.turnstile ? { turnstile: spam.turnstile } : {}),
    },
  };
}

export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`growth-kit config: ${file} could not be read as JSON (${(error as Error).message})`);
  }
  return buildConfig(raw, env);
}
