/**
 * Player tracking (media-tracking.ts) driven with player events of known positions, so the arithmetic is exact:
 * the progress it posts is the percentage the tracker shows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { CourseProgressTracker } from '../../../src/components/course-progress-tracker/course-progress-tracker.js';
import { MediaTracking } from '../../../src/components/course-progress-tracker/media-tracking.js';
import type { PlayerEvent } from '../../../src/components/course-progress-tracker/players/player.js';
import { configure } from '../../../src/runtime/config/index.js';
import { defineAll } from '../../../src/elements.js';
import { cleanSlate, endpoint, submissions, waitFor } from '../../helpers.js';

defineAll();

describe('course-progress-tracker/media-tracking', () => {
  beforeEach(() => {
    cleanSlate();
    configure({ endpoint: endpoint() });
  });

  it('flushes on pagehide the percentage the learner sees, though the stored segments keep tenths of a second', async () => {
    const courseId = `mt-${Math.random().toString(36).slice(2, 8)}`;
    const el = await fixture<CourseProgressTracker>(
      html`<course-progress-tracker course-id=${courseId} user-id="u-flush" lessons='[{"id":"v","title":"Video","type":"video"}]'></course-progress-tracker>`,
    );
    const tracking = new MediaTracking(el);
    // A player for lesson v (a video that never plays: the events below stand for its own).
    tracking.sync(new Map([[document.createElement('video'), 'v']]));
    const emit = (type: PlayerEvent['type'], position: number) =>
      (tracking as unknown as { handle(lessonId: string, event: PlayerEvent): void }).handle('v', { type, position, duration: 6.1, player: 'html5', assetId: 'v' });
    try {
      // 4.26 s of a 6.1 s video were played: 69.8 %. The tracker keeps segments in tenths ([0, 4.3]: 70.5 %).
      for (const position of [0, 1, 2, 3, 4, 4.26]) emit('time', position);
      emit('pause', 4.26);
      await el.updateComplete;
      const shown = parseInt(el.shadowRoot!.querySelector('.pct')!.textContent!, 10);
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      const flushed = await waitFor(
        async () => (await submissions('course_progress')).find((r) => r.body.course_id === courseId && r.body.event === 'progressed' && !r.body.milestone),
        5000,
        'the progress flushed on pagehide',
      );
      expect(flushed.body.progress).to.equal(shown);
    } finally {
      tracking.disconnect();
    }
  });
});
