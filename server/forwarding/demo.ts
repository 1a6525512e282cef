/**
 * `npm start` without a growth-kit.config.json: every destination points at the local stand-ins
 * (server/stand-ins/), so a lead submitted on the demo pages shows up "in the CRM" within seconds, and stopping a
 * stand-in shows the outbox at work. The same shape as a real config, with the stand-ins' demo credentials.
 */
import type { ConfigFile } from './config.js';

export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret-0123456789';

export function demoConfig(standIns: string): ConfigFile {
  return {
    forwarding: { baseDelayMs: 1000, maxDelayMs: 30_000 },
    // The demo's own end-to-end tests fill the form at machine speed; a real config keeps the 1.5 s default.
    spam: { minFillMs: 0 },
    destinations: [
      { name: 'hubspot', type: 'hubspot', url: `${standIns}/hubspot`, portalId: '4242', formGuid: '3f9c2a8e-0d4b-4e6a-9a51-7c2e8f1b6d00', subscriptionTypeId: 77 },
      { name: 'salesforce', type: 'salesforce-web-to-lead', url: `${standIns}/salesforce`, oid: '00D000000000DEM', leadSource: 'Web', campaignId: '701000000000DEM' },
      { name: 'marketo', type: 'marketo', url: `${standIns}/marketo`, clientId: 'stand-in-client', clientSecret: 'stand-in-secret', formId: 1001 },
      { name: 'segment', type: 'segment', url: `${standIns}/segment`, writeKey: 'stand-in-write-key' },
      { name: 'webhook', type: 'webhook', url: `${standIns}/webhook`, secret: DEMO_WEBHOOK_SECRET },
    ],
  };
}
