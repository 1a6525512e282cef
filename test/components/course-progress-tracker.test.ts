import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { CourseProgressTracker } from '../../src/components/course-progress-tracker/course-progress-tracker.js';
import { configure } from '../../src/runtime/config/index.js';
import { defineAll } from '../../src/elements.js';
import { captureWarnings, cleanSlate, endpoint, submissions, waitFor } from '../helpers.js';

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

  it('completing the course moves nothing: "Course complete" and the badge appear in the title row\'s reserved room, and the player below stays put', async () => {
    for (const [width, title] of [[1280, 'CI/CD fundamentals'], [390, 'CI/CD fundamentals for teams that ship every day'], [390, '']] as const) {
      await setViewport({ width, height: 800 });
      const el = await fixture<CourseProgressTracker>(
        html`<course-progress-tracker course-id=${`${courseId}-${width}-${title.length}`} user-id="u-badge" course-title=${title} lessons=${lessons}
          ><div class="player" style="height:120px">video</div></course-progress-tracker
        >`,
      );
      const player = el.querySelector('.player')!;
      const before = player.getBoundingClientRect().top;
      await el.reportQuiz('q1', { score: 9, max: 10 });
      const done = oneEvent(el, 'gk-course-complete');
      await el.complete('v1');
      await done;
      await el.updateComplete;
      const badge = await waitFor(() => el.shadowRoot!.querySelector<HTMLImageElement>('[part="badge"]'), 5000, 'the badge');
      await waitFor(() => badge.complete, 5000, 'the badge image');
      expect(el.shadowRoot!.querySelector('.complete')!.textContent!.trim()).to.equal('Course complete');
      expect(player.getBoundingClientRect().top, `${width} px, ${title ? 'with a title' : 'without one'}`).to.equal(before);
      await expect(el).to.be.accessible();
    }
    await setViewport({ width: 800, height: 600 });
  });

  it('shows each lesson state by shape, not colour alone: to do is a grey ring, under way a dashed ring, done a filled tick; all on the title\'s centre line', async () => {
    const three = JSON.stringify([
      { id: 'v1', title: 'Welcome video', type: 'video' },
      { id: 'a1', title: 'Reading', type: 'article' },
      { id: 'q1', title: 'Quiz', type: 'quiz' },
    ]);
    const el = await fixture<CourseProgressTracker>(html`<course-progress-tracker course-id=${courseId} lessons=${three}></course-progress-tracker>`);
    Object.assign(el.lesson('v1'), { segments: [[0, 30]], duration: 100 });
    el.saveProgress();
    await el.complete('a1');
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('li')];
    const [doing, done, todo] = rows.map((li) => ({ li, tick: li.querySelector<HTMLElement>('.tick')!, style: getComputedStyle(li.querySelector('.tick')!) }));
    const success = getComputedStyle(done.tick).backgroundColor;
    // Done: filled with the success colour, with a tick in it.
    expect(done.tick.textContent).to.equal('✓');
    expect(success).to.not.equal('rgba(0, 0, 0, 0)');
    // To do: neither green nor filled (a green ○ read as done), and no glyph of its own.
    expect(todo.style.color === success || todo.style.borderTopColor === success).to.equal(false, 'a lesson to do is not drawn in the success colour');
    expect(todo.style.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(todo.tick.textContent).to.equal('');
    expect(todo.style.borderTopStyle).to.equal('solid');
    // Under way: a dashed ring beside its percentage.
    expect(doing.style.borderTopStyle).to.equal('dashed');
    expect(doing.li.textContent).to.contain('30%');
    // Every marker sits on its title's centre line (the ○ sat on another baseline than the ✓).
    for (const { li, tick } of [doing, done, todo]) {
      const mark = tick.getBoundingClientRect();
      const title = tick.nextElementSibling!.getBoundingClientRect();
      expect(Math.abs(mark.top + mark.height / 2 - (title.top + title.height / 2))).to.be.below(1.5, li.textContent!);
    }
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
    expect(rows.filter((r) => r.body.event === 'started')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('.pct')!.textContent).to.match(/^[0-4]%$/);
  });

  it("a known learner continues from the endpoint's record: completed lessons show, known milestones are never posted again", async () => {
    // Another device already recorded lesson v1: 25 and 50 %, then completion.
    const { send } = await import('../../src/runtime/delivery/transport.js');
    const { uuid } = await import('../../src/runtime/base/index.js');
    const event = (kind: string, progress: number, milestone?: number) => ({
      event_id: uuid(), course_id: courseId, lesson_id: 'v1', user_id: 'u-remote', event: kind, progress,
      ...(milestone ? { milestone } : {}), played_seconds: 3, duration: 6, occurred_at: new Date().toISOString(),
    });
    for (const body of [event('progressed', 25, 25), event('progressed', 50, 50), event('completed', 100)]) {
      expect((await send(`${endpoint()}/course-progress`, body, { idempotencyKey: body.event_id })).status).to.equal(201);
    }
    // A learner without a user-id on the same page, there first: whatever it would fetch, it asks for before the
    // known learner does, so it has its answer by the time the known learner shows the endpoint's record.
    const anonymous = await fixture<CourseProgressTracker>(html`<course-progress-tracker course-id=${courseId} lessons=${lessons}></course-progress-tracker>`);
    const el = await fixture<CourseProgressTracker>(html`<course-progress-tracker course-id=${courseId} user-id="u-remote" lessons=${lessons}></course-progress-tracker>`);
    await waitFor(() => el.shadowRoot!.querySelector('.pct')?.textContent === '100%', 5000, 'the remote completion');
    expect(progressbar(el).getAttribute('aria-valuenow')).to.equal('50');
    const stored = JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.includes(courseId))!)!);
    expect(stored.lessons.v1.milestones.sort()).to.deep.equal([25, 50]);
    // The learner without a user-id keeps only this browser's record.
    await anonymous.updateComplete;
    expect(anonymous.shadowRoot!.querySelector('.pct')!.textContent).to.equal('0%');
  });

  it('sends each learning event to an xAPI LRS as a statement (ADL verbs, statement id = event id) when xapi-endpoint is set', async () => {
    const el = await fixture<CourseProgressTracker>(
      html`<course-progress-tracker course-id=${courseId} user-id="u-xapi" lessons=${lessons} xapi-endpoint=${`${endpoint()}/xapi`}></course-progress-tracker>`,
    );
    await el.reportQuiz('q1', { score: 9, max: 10 });
    const statements = async () => (await submissions('xapi_statement')).map((r) => r.body).filter((b) => JSON.stringify(b.object).includes(courseId));
    await waitFor(async () => (await statements()).length === 2, 5000, 'two statements');
    const events = (await submissions('course_progress')).map((r) => r.body).filter((b) => b.course_id === courseId);
    const sent = await statements();
    expect(sent.map((s) => (s.verb as { id: string }).id).sort()).to.deep.equal(['http://adlnet.gov/expapi/verbs/completed', 'http://adlnet.gov/expapi/verbs/passed']);
    expect(sent.map((s) => s.id).sort()).to.deep.equal(events.filter((e) => e.event !== 'started').map((e) => e.event_id).sort());
    const passed = sent.find((s) => (s.verb as { id: string }).id.endsWith('passed'))!;
    expect(passed.actor).to.deep.equal({ objectType: 'Agent', account: { homePage: location.origin, name: 'u-xapi' } });
    expect(passed.object).to.deep.include({ objectType: 'Activity', id: `${location.origin}/courses/${courseId}/lessons/q1` });
    expect(passed.result).to.deep.include({ success: true, score: { scaled: 0.9 } });
  });

  it('course-id and user-id set as numbers from script (a bound id in React 19 or Vue) are posted as the ids they are', async () => {
    const numericId = Math.floor(Math.random() * 1e9);
    const el = await fixture<CourseProgressTracker>(html`<course-progress-tracker lessons=${lessons}></course-progress-tracker>`);
    Object.assign(el, { courseId: numericId, userId: 7 });
    await el.updateComplete;
    expect([el.courseId, el.userId]).to.deep.equal([String(numericId), '7']);
    await el.reportQuiz('q1', { score: 9, max: 10 });
    await waitFor(async () => (await submissions('course_progress')).filter((r) => r.body.course_id === String(numericId)).length === 2, 5000, 'both events');
    const posted = (await submissions('course_progress')).filter((r) => r.body.course_id === String(numericId)).map((r) => [r.body.event, r.body.lesson_id, r.body.user_id]);
    expect(posted.sort()).to.deep.equal([['completed', 'q1', '7'], ['passed', 'q1', '7']]);
  });

  it('complete-at and pass-mark set as numbers from script (React 19 and Vue set properties) are taken; out of range still warns', async () => {
    const el = await fixture<CourseProgressTracker>(html`<course-progress-tracker course-id=${courseId} lessons=${lessons}></course-progress-tracker>`);
    const warnings = captureWarnings();
    try {
      Object.assign(el, { completeAt: 95, passMark: 80 });
      await el.updateComplete;
      expect(warnings.messages).to.deep.equal([]);
      expect([el.rules.completeAt, el.rules.passMark]).to.deep.equal([95, 80]);
      Object.assign(el, { completeAt: 150 });
      await el.updateComplete;
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.deep.equal(['[growth-kit] <course-progress-tracker> complete-at: expected a number from 1 to 100; keeping the last valid value']);
    expect(el.rules.completeAt).to.equal(95);
  });

  it('a xapi-endpoint that is not http(s) warns once, at the first learning event, and only the statements are left out', async () => {
    const warnings = captureWarnings();
    try {
      const el = await fixture<CourseProgressTracker>(html`<course-progress-tracker course-id=${courseId} lessons=${lessons} xapi-endpoint="javascript:alert(1)"></course-progress-tracker>`);
      await el.reportQuiz('q1', { score: 9, max: 10 });
      await el.complete('v1');
      await waitFor(async () => (await submissions('course_progress')).some((r) => r.body.course_id === courseId && r.body.lesson_id === 'v1'), 5000, 'the progress');
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.deep.equal(['[growth-kit] <course-progress-tracker> xapi-endpoint: is not an http(s) URL; no xAPI statements are sent']);
    expect((await submissions('xapi_statement')).filter((r) => JSON.stringify(r.body.object).includes(courseId))).to.deep.equal([]);
  });

  it('xAPI: a learner without a user-id is one stable account per browser, score.scaled stays within [-1, 1], and the LRS answers 200 with the ids', async () => {
    const other = `${courseId}-b`;
    const first = await fixture<CourseProgressTracker>(html`<course-progress-tracker course-id=${courseId} lessons=${lessons} xapi-endpoint=${`${endpoint()}/xapi`}></course-progress-tracker>`);
    const second = await fixture<CourseProgressTracker>(html`<course-progress-tracker course-id=${other} lessons=${lessons} xapi-endpoint=${`${endpoint()}/xapi`}></course-progress-tracker>`);
    await first.reportQuiz('q1', { score: 12, max: 10 });
    await second.reportQuiz('q1', { score: 9, max: 10 });
    const passedIn = async (course: string) =>
      (await submissions('xapi_statement')).map((r) => r.body).find((b) => JSON.stringify(b.object).includes(`/courses/${course}/`) && String((b.verb as { id: string }).id).endsWith('passed'));
    const [a, b] = [await waitFor(() => passedIn(courseId), 5000, 'the first statement'), await waitFor(() => passedIn(other), 5000, 'the second statement')];
    const name = (s: Record<string, unknown>) => (s.actor as { account: { name: string } }).account.name;
    expect(name(a)).to.match(/^[0-9a-f-]{36}$/);
    expect(name(b)).to.equal(name(a));
    expect((a.result as { score: { scaled: number } }).score.scaled).to.equal(1);
    const statement = { ...a, id: crypto.randomUUID() };
    const answer = await fetch(`${endpoint()}/xapi/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', 'Idempotency-Key': statement.id as string },
      body: JSON.stringify(statement),
    });
    expect([answer.status, await answer.json()]).to.deep.equal([200, [statement.id]]);
  });
});
