import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CourseProgressTracker } from '../../src/components/course-progress-tracker/course-progress-tracker.js';
import { configure } from '../../src/runtime/config.js';
import { defineAll } from '../../src/elements.js';
import { cleanSlate, endpoint, submissions, waitFor } from '../helpers.js';

defineAll();

const lessons = JSON.stringify([
  { id: 'v1', title: 'Welcome video', type: 'video' },
  { id: 'q1', title: 'Quiz', type: 'quiz' },
]);

const progressbar = (el: CourseProgressTracker) => el.shadowRoot!.querySelector('[role="progressbar"]')!;

describe('<course-progress-tracker>', () => {
  let courseId: string;
  beforeEach(() => {
    cleanSlate();
    configure({ endpoint: endpoint() });
    courseId = `c-${Math.random().toString(36).slice(2, 8)}`;
  });

  it('completes a quiz lesson by pass mark and the course by the videos-and-quiz rule, posting each event', async () => {
    const el = await fixture<CourseProgressTracker>(
      html`<course-progress-tracker course-id=${courseId} user-id="u1" lessons=${lessons} completion="videos-and-quiz" pass-mark="80"></course-progress-tracker>`,
    );
    await el.reportQuiz('q1', { score: 7, max: 10 });
    await el.updateComplete;
    expect(progressbar(el).getAttribute('aria-valuenow')).to.equal('0');
    await el.reportQuiz('q1', { score: 9, max: 10 });
    await el.updateComplete;
    expect(progressbar(el).getAttribute('aria-valuenow')).to.equal('50');
    const done = oneEvent(el, 'gk-course-complete');
    void el.complete('v1');
    const { detail } = await done;
    expect(detail.badgeUrl).to.equal(`${endpoint()}/badges/${courseId}.svg`);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Course complete');
    expect(el.shadowRoot!.querySelector('[part="badge"]')!.getAttribute('src')).to.equal(detail.badgeUrl);
    await expect(el).to.be.accessible();
    // Each event exactly once; posts travel concurrently, so arrival order is not part of the contract.
    const rows = (await submissions('course_progress')).map((r) => r.body).filter((b) => b.course_id === courseId);
    const seen = rows.map((r) => [r.event, r.lesson_id, r.progress, r.user_id]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(seen).to.deep.equal([
      ['completed', 'q1', 100, 'u1'],
      ['completed', 'v1', 100, 'u1'],
      ['course_completed', null, 100, 'u1'],
      ['failed', 'q1', 70, 'u1'],
      ['passed', 'q1', 90, 'u1'],
    ]);
  });

  it('tracks a real video by what was played: seeking to the end does not complete it', async () => {
    // A blob URL is seekable whatever the dev server's Range support.
    const src = URL.createObjectURL(await (await fetch('/test/fixtures/media/lesson.webm')).blob());
    const el = await fixture<CourseProgressTracker>(html`<course-progress-tracker course-id=${courseId} lessons=${lessons}>
      <video data-lesson-id="v1" src=${src} muted preload="auto"></video>
    </course-progress-tracker>`);
    const video = el.querySelector('video')!;
    await waitFor(() => video.readyState >= 1, 5000, 'metadata');
    video.currentTime = video.duration - 0.2;
    await oneEvent(video, 'seeked');
    expect(video.currentTime).to.be.closeTo(video.duration - 0.2, 0.1);
    await video.play();
    await oneEvent(video, 'ended');
    await el.updateComplete;
    const rows = (await submissions('course_progress')).filter((r) => r.body.course_id === courseId);
    expect(rows.map((r) => r.body.event)).to.not.include('completed');
    expect(el.shadowRoot!.querySelector('.pct')!.textContent).to.match(/^[0-4]%$/);
  });
});
