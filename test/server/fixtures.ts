/** Payloads as the widgets post them, and the destination stand-ins on a free port, for the collector's tests. */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createStandIns, type StandIns } from '../../server/stand-ins/index.ts';

/** The destination stand-ins (server/stand-ins/) listening on loopback, and the base URL every destination points at. */
export async function startStandIns(webhookSecret: string): Promise<{ standIns: StandIns; base: string }> {
  const standIns = createStandIns({ webhookSecret });
  await new Promise<void>((resolve) => standIns.server.listen(0, '127.0.0.1', resolve));
  return { standIns, base: `http://127.0.0.1:${(standIns.server.address() as AddressInfo).port}` };
}

export function validLead(fields: Record<string, unknown> = {}): Record<string, unknown> & { submission_id: string } {
  const first = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring', referrer: 'https://news.example.org/', landing_page: 'https://www.example.com/pricing?utm_campaign=spring', at: new Date().toISOString() };
  const last = { utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'brand', gclid: 'Cj0KCQ-test-click', referrer: 'https://www.google.com/', landing_page: 'https://www.example.com/pricing', at: new Date().toISOString() };
  return {
    submission_id: randomUUID(),
    submitted_at: new Date().toISOString(),
    glm_content: 'pricing-hero',
    glm_source: 'www.example.com/pricing',
    product_interaction: 'Hand Raise PQL',
    namespace_id: null,
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: `ada.${randomUUID().slice(0, 8)}@analytical.example`,
    company_name: 'Analytical Engines',
    company_size: '100-499',
    country: 'GB',
    phone_number: '+44 20 7946 0000',
    comment: 'We would like a demo.',
    business_email: true,
    locale: 'en',
    page: { url: 'https://www.example.com/pricing', title: 'Pricing', referrer: 'https://www.google.com/' },
    attribution: {
      anonymous_id: randomUUID(),
      first_touch: first,
      last_touch: last,
      cookies: { hubspotutk: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', mkto_trk: 'id:123-ABC-456&token:_mch-example.com-1700000000000-12345' },
    },
    consent: { analytics: true, marketing: true },
    ...fields,
  };
}
