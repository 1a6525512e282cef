/**
 * The player adapters against local stand-ins that speak each player's documented API, reached through real
 * configuration (youtubeApiUrl and vidyardApiUrl script URLs; the Vimeo iframe's own URL): progress is what was
 * played (also before tracking watched the player), milestones are posted once each, and seeking to the end
 * completes nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { CourseProgressTracker } from '../../src/components/course-progress-tracker/course-progress-tracker.js';
import { MediaTracking } from '../../src/components/course-progress-tracker/media-tracking.js';
import { configure } from '../../src/runtime/config/index.js';
import { defineAll } from '../../src/elements.js';
import { pending } from '../../src/runtime/delivery/outbox.js';
import { cleanSlate, endpoint, submissions, waitFor } from '../helpers.js';

defineAll();

const lessons = JSON.stringify([{ id: 'v', title: 'Welcome video', type: 'video' }]);

/** The <video> inside each stand-in (same origin, so the test can press play as a visitor would). */
async function standInVideo(el: Element): Promise<HTMLVideoElement> {
  return waitFor(() => {
    const frame = el.querySelector('iframe');
    const video = frame ? frame.contentDocument?.querySelector('video') : el.querySelector('video');
    return video && video.readyState >= 1 ? video : null;
  }, 10000, 'the stand-in player');
}

/** Waits until the adapter listens to the stand-in (the stand-ins note what a page subscribed to on the video). */
async function subscribed(video: HTMLVideoElement): Promise<void> {
  await waitFor(() => /\b(timeupdate|statechange)\b/.test(video.dataset.subscribed ?? ''), 10000, "the adapter's subscription");
}

async function playUntil(video: HTMLVideoElement, seconds: number): Promise<void> {
  await video.play();
  await waitFor(() => video.currentTime >= seconds || video.ended, 15000, `playback to ${seconds} s`);
  video.pause();
}

const players: [string, (courseId: string) => TemplateResult][] = [
  [
    'YouTube (IFrame API stand-in)',
    (id) => html`<course-progress-tracker course-id=${id} user-id="u1" lessons=${lessons}>
      <iframe data-lesson-id="v" data-player="youtube" title="Welcome video" src="/test/stand-ins/youtube/embed.html?v=dQw4w9WgXcQ&enablejsapi=1"></iframe>
    </course-progress-tracker>`,
  ],
  [
    'Vimeo (postMessage stand-in)',
    (id) => html`<course-progress-tracker course-id=${id} user-id="u1" lessons=${lessons}>
      <iframe data-lesson-id="v" data-player="vimeo" title="Welcome video" src="/test/stand-ins/vimeo/player.html?video=76979871"></iframe>
    </course-progress-tracker>`,
  ],
  [
    'Vidyard (embed API stand-in)',
    (id) => html`<course-progress-tracker course-id=${id} user-id="u1" lessons=${lessons}>
      <div data-lesson-id="v" data-player="vidyard"><img class="vidyard-player-embed" data-uuid="vy-uuid-1" data-v="4" alt="Welcome video" /></div>
    </course-progress-tracker>`,
  ],
];

describe('<course-progress-tracker> player adapters', () => {
  let courseId: string;
  beforeEach(() => {
    cleanSlate();
    configure({ endpoint: endpoint(), youtubeApiUrl: '/test/stand-ins/youtube/iframe_api.js', vidyardApiUrl: '/test/stand-ins/vidyard/v4.js' });
    courseId = `p-${Math.random().toString(36).slice(2, 8)}`;
  });

  for (const [name, markup] of players) {
    it(`${name}: what was played fills the bar, each milestone is posted once; axe-clean`, async () => {
      const el = await fixture<CourseProgressTracker>(markup(courseId));
      const video = await standInVideo(el);
      // The adapter subscribes once its API is ready; playback starts after that.
      await subscribed(video);
      await playUntil(video, 3.4);
      const events = async () => (await submissions('course_progress')).map((r) => r.body).filter((b) => b.course_id === courseId);
      await waitFor(async () => (await events()).filter((b) => b.milestone).length >= 2, 10000, 'milestones 25 and 50');
      // A repeat would have been queued with the original; once the outbox has sent everything, all is in.
      await waitFor(() => pending().length === 0, 10000, 'an empty outbox');
      const posted = await events();
      expect(posted.filter((b) => b.event === 'started')).to.have.length(1);
      expect(posted.filter((b) => b.milestone).map((b) => b.milestone).sort()).to.deep.equal([25, 50]);
      const pct = el.shadowRoot!.querySelector('.pct')!.textContent!;
      expect(parseInt(pct, 10)).to.be.within(50, 74);
      await expect(el).to.be.accessible();
    });
  }

  it('YouTube: seeking to the end and letting it finish completes nothing', async () => {
    const el = await fixture<CourseProgressTracker>(players[0][1](courseId));
    const video = await standInVideo(el);
    await subscribed(video);
    // The stand-in listens to the video since the adapter subscribed, so this listener runs after its "ended" state
    // change, and with it after the tracker's handling of it, which decides completion at once.
    const ended = new Promise((resolve) => video.addEventListener('ended', resolve, { once: true }));
    video.currentTime = video.duration - 0.3;
    await video.play();
    await ended;
    await el.updateComplete;
    expect(parseInt(el.shadowRoot!.querySelector('.pct')!.textContent!, 10)).to.be.below(25);
    expect(el.shadowRoot!.textContent).to.not.contain('Course complete');
  });

  // A slow network: the visitor played 2 s (of 6) before the tracking part and the player's adapter arrived.
  const playedFirst: [string, TemplateResult][] = [
    ['<video> (its played ranges)', html`<video src="/demo/media/lesson.webm" muted playsinline preload="auto"></video>`],
    [
      "Vimeo (the player's getPlayed)",
      html`<iframe data-player="vimeo" title="Welcome video" src="/test/stand-ins/vimeo/player.html?video=76979871"></iframe>`,
    ],
  ];
  for (const [name, player] of playedFirst) {
    it(`${name}: what was played before tracking watched the player counts; 'started' once, its milestones, the bar`, async () => {
      const root = await fixture<HTMLElement>(html`<div>
        <course-progress-tracker course-id=${courseId} user-id="u1" lessons=${lessons}></course-progress-tracker>
        ${player}
      </div>`);
      const el = root.querySelector<CourseProgressTracker>('course-progress-tracker')!;
      await playUntil(await standInVideo(root), 2);
      const tracking = new MediaTracking(el);
      tracking.sync(new Map([[root.querySelector('video, iframe')!, 'v']]));
      try {
        const events = async () => (await submissions('course_progress')).map((r) => r.body).filter((b) => b.course_id === courseId);
        await waitFor(async () => (await events()).some((b) => b.milestone === 25), 10000, 'milestone 25');
        await waitFor(() => pending().length === 0, 10000, 'an empty outbox');
        const posted = await events();
        expect(posted.filter((b) => b.event === 'started')).to.have.length(1);
        expect(posted.filter((b) => b.milestone).map((b) => b.milestone)).to.deep.equal([25]);
        await el.updateComplete;
        expect(parseInt(el.shadowRoot!.querySelector('.pct')!.textContent!, 10)).to.be.within(30, 49);
      } finally {
        tracking.disconnect();
      }
    });
  }
});
