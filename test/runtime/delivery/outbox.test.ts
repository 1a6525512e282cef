/** The outbox's own rules: giving up on an item too old, and its settings. */
import { expect } from '@open-wc/testing';
import { uuid } from '../../../src/runtime/base/index.js';
import { configure } from '../../../src/runtime/config/index.js';
import { deliver, type DeliveryFailedDetail } from '../../../src/runtime/delivery/index.js';
import { flush, pending } from '../../../src/runtime/delivery/outbox.js';
import { captureWarnings, cleanSlate, waitFor } from '../../helpers.js';

describe('delivery/outbox giving up', () => {
  beforeEach(cleanSlate);

  it('gives up on an item older than deliveryMaxAgeDays with one gk-delivery-failed event, and forgets it', async () => {
    configure({ deliveryMaxAgeDays: 0.001 }); // 86 seconds
    const failed: DeliveryFailedDetail[] = [];
    const listener = (e: Event) => failed.push((e as CustomEvent<DeliveryFailedDetail>).detail);
    window.addEventListener('gk-delivery-failed', listener);
    const realNow = Date.now;
    try {
      const key = uuid();
      const dead = 'http://127.0.0.1:9/nothing-listens-here';
      expect((await deliver(dead, { a: 1 }, key)).state).to.equal('queued');
      Date.now = () => realNow() + 90_000;
      await flush(true);
      await waitFor(() => failed.length === 1, 3000, 'gk-delivery-failed');
      expect(failed[0]).to.deep.equal({ key, endpoint: dead, reason: 'expired', status: 0 });
      expect(pending().some((i) => i.key === key)).to.equal(false);
      expect(localStorage.getItem('gk_outbox')).to.not.contain(key);
    } finally {
      Date.now = realNow;
      window.removeEventListener('gk-delivery-failed', listener);
    }
  });

  it('refuses a bad deliveryMaxAgeDays with one warning', () => {
    const warnings = captureWarnings();
    try {
      configure({ deliveryMaxAgeDays: -1 });
      expect(warnings.messages).to.deep.equal(['[growth-kit] <GrowthKit.configure> deliveryMaxAgeDays: expected a number from 0.001 to 365; keeping null']);
    } finally {
      warnings.restore();
    }
  });
});
