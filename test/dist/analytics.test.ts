/**
 * Analytics in the built kit, against a local Segment stand-in reached through the real configuration
 * (data-segment-cdn-url, data-segment-api-host). Nothing before a decision, nothing after a refusal, buffered
 * calls exactly once after Accept, and never a form value in anything Segment receives.
 */
import { expect } from '@open-wc/testing';
import { cleanSlate, clearSegmentRequests, endpoint, requestsAnswered, segmentRequests, startedRequests, waitFor, watchRequests } from '../helpers.js';
import { button, form, host, removeHosts, submitLead, type HostWindow } from './host.js';

const ajsStorage = () => [
  ...document.cookie.split(';').map((c) => c.split('=')[0].trim()).filter((n) => n.startsWith('ajs_')),
  ...Object.keys(localStorage).filter((k) => k.startsWith('ajs_')),
];
/** The kit's Segment part, or Segment itself (its CDN and API stand-in; not the stand-in's record, which tests read). */
const segmentBound = async () =>
  (await startedRequests()).filter((url) => url.includes('/segment-loader-') || (url.startsWith(window.GK_TEST.segment) && !url.includes('/__recorded')));
/** The next task after `type` reached the element: what the kit does in reply to it has been started by then. */
const after = (el: Element, type: string) => new Promise((resolve) => el.addEventListener(type, () => setTimeout(resolve, 0), { once: true }));
const events = async () =>
  (await segmentRequests()).filter((r) => r.method === 'POST').map((r) => r.body as { event?: string; properties?: Record<string, unknown> });

describe('analytics in the built kit', () => {
  let win: HostWindow;
  beforeEach(async () => {
    cleanSlate();
    await clearSegmentRequests();
    await watchRequests();
    win = await host(['classic:/dist/growth-kit.js'], { endpoint: endpoint(), segment: window.GK_TEST.segment });
  });
  afterEach(removeHosts);

  it('before a decision: zero requests to Segment and no ajs_ storage; after Reject: the calls are dropped, not held', async () => {
    // A kit that tracked before consent would ask for its Segment part in the task that tracked the submission
    // (the one that reported gk-lead-submitted): one task later, nothing of Segment was even asked for.
    const submitted = after(button(win), 'gk-lead-submitted');
    await submitLead(win);
    await submitted;
    expect(await segmentBound()).to.deep.equal([]);
    expect(await segmentRequests()).to.deep.equal([]);
    expect(ajsStorage()).to.deep.equal([]);
    expect(win.performance.getEntriesByType('resource').filter((e) => e.name.includes('analytics'))).to.deep.equal([]);
    win.GrowthKit.consent.set({ analytics: false, marketing: false }, 'banner');
    const opened = after(button(win), 'gk-lead-form-open');
    button(win).shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    await opened;
    // Granting now shows what the refusal kept: Segment's preference update comes through the same queue as
    // anything held or leaked before it, so once it has arrived and every request is answered, Segment has all.
    win.GrowthKit.consent.set({ analytics: true }, 'preferences');
    await waitFor(async () => (await events()).length, 10000, "Segment's preference update");
    await requestsAnswered();
    expect((await events()).map((e) => e.event)).to.deep.equal(['Segment Consent Preference Updated']);
  });

  it('after Accept: the buffered calls arrive exactly once with labels and ids, and no form value reaches Segment', async () => {
    const el = button(win);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    await waitFor(() => el.shadowRoot!.querySelector('dialog[open] form'), 10000, 'the form');
    el.shadowRoot!.querySelector('dialog')!.close();
    expect(await segmentRequests()).to.deep.equal([]);
    const accepted = Date.now();
    win.GrowthKit.consent.set({ analytics: true }, 'banner');
    await submitLead(win);
    await waitFor(async () => (await events()).some((e) => e.event === 'Hand Raise Form Submitted'), 10000, "the submitted event").catch(async (error) => {
      throw new Error(`${error.message}; host warnings: ${JSON.stringify(win.__warnings)}; errors: ${JSON.stringify(win.__errors)}; segment saw: ${JSON.stringify((await segmentRequests()).map((r) => [r.method, r.path, (r.body as { event?: string } | null)?.event]))}; resources: ${JSON.stringify(win.performance.getEntriesByType("resource").map((e) => e.name).filter((n) => !n.includes("/chunks/")))}`);
    });
    await requestsAnswered();
    // Exactly once each; requests travel in parallel, so their arrival order is not part of the contract.
    expect((await events()).map((e) => e.event).sort()).to.deep.equal([
      'CTA Clicked',
      'CTA Clicked',
      'Hand Raise Form Submitted',
      'Hand Raise Form Viewed',
      'Hand Raise Form Viewed',
      'Segment Consent Preference Updated',
    ]);
    // The calls buffered before the decision keep the time they happened.
    const clicks = (await events()).filter((e) => e.event === 'CTA Clicked').map((e) => Date.parse((e as { timestamp: string }).timestamp)).sort();
    expect(clicks[0], 'the buffered click keeps its time').to.be.lessThan(accepted);
    expect(clicks[1]).to.be.at.least(accepted - 1000);
    // The page as Segment sees it has no query string (the host page's query carries settings here; on a real
    // site it may carry an email or a token).
    for (const e of await events()) {
      const page = (e as { context: { page: { url: string; search: string; referrer: string } } }).context.page;
      expect([page.url.includes('?'), page.search, page.referrer.includes('?')], e.event).to.deep.equal([false, '', false]);
    }
    expect((await events()).find((e) => e.event === 'CTA Clicked')!.properties).to.deep.equal({
      action: 'click_button',
      label: 'hand_raise',
      property: 'pricing',
      value: 3,
      experiment: 'exp_1',
      glm_content: 'smoke',
    });
    // Segment's consent wrapper stamps every event with the visitor's categories.
    for (const e of await events()) {
      expect((e as { context?: { consent?: unknown } }).context?.consent, e.event).to.deep.include({
        categoryPreferences: { necessary: true, functional: false, analytics: true, marketing: false },
      });
    }
    expect((await segmentRequests()).filter((r) => r.path.endsWith('/settings'))).to.have.length(1);
    const everything = JSON.stringify(await segmentRequests()).toLowerCase();
    // The personal fields; a country code or size band could match random ids by chance and names no one.
    const personal = [form.first_name, form.last_name, form.email, form.company_name, form.phone_number, form.comment];
    for (const value of personal) {
      for (const needle of [value, value.split('@')[0], encodeURIComponent(value)]) expect(everything, needle).not.to.contain(needle.toLowerCase());
    }
  });

  it('"CTA Clicked" goes only from a button whose cta-tracking has an action (as GitLab tracks it)', async () => {
    win.GrowthKit.consent.set({ analytics: true }, 'banner');
    win.document.body.insertAdjacentHTML('beforeend', '<hand-raise-lead-button glm-content="no-action"></hand-raise-lead-button>');
    const plain = win.document.querySelector<HTMLElement>('hand-raise-lead-button[glm-content="no-action"]')!;
    await waitFor(() => plain.shadowRoot?.querySelector('button'), 5000, 'the second button');
    plain.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    // The form's view is tracked after the click would have been.
    await waitFor(async () => (await events()).some((e) => e.event === 'Hand Raise Form Viewed' && e.properties?.glm_content === 'no-action'), 10000, 'the form view');
    expect((await events()).filter((e) => e.event === 'CTA Clicked')).to.deep.equal([]);
  });

  it('withdrawal stops tracking at once and removes Segment\'s ajs_ cookies and storage', async () => {
    win.GrowthKit.consent.set({ analytics: true }, 'banner');
    const el = button(win);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    await waitFor(async () => (await events()).some((e) => e.event === 'CTA Clicked'), 10000, 'the click event');
    await waitFor(() => ajsStorage().length > 0, 5000, "Segment's ajs_ storage");
    el.shadowRoot!.querySelector('dialog')?.close();
    const before = (await events()).length;
    win.GrowthKit.consent.set({ analytics: false }, 'preferences');
    // Segment's one event after a withdrawal, so the profile learns of it; then its storage goes.
    await waitFor(async () => (await events()).length > before, 10000, 'the preference update');
    const [update] = (await events()).slice(before) as { event: string; context: { consent: unknown } }[];
    expect(update.event).to.equal('Segment Consent Preference Updated');
    expect(update.context.consent).to.deep.equal({ categoryPreferences: { necessary: true, functional: false, analytics: false, marketing: false } });
    await waitFor(() => ajsStorage().length === 0, 5000, "Segment's storage removed");
    // A click after the withdrawal tracks nothing. Granting again puts Segment's preference update in the queue
    // behind anything the click could have put there: once it has arrived and every request is answered, the
    // click added nothing.
    const opened = after(el, 'gk-lead-form-open');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    await opened;
    win.GrowthKit.consent.set({ analytics: true }, 'preferences');
    await waitFor(async () => (await events()).length > before + 1, 10000, 'the second preference update');
    await requestsAnswered();
    expect((await events()).slice(before).map((e) => e.event)).to.deep.equal(['Segment Consent Preference Updated', 'Segment Consent Preference Updated']);
  });

  it('"Segment Consent Preference Updated" on every change with the workspace\'s category ids (segmentCategories); segmentConsentEvent: false turns it off', async () => {
    win.GrowthKit.configure({ segmentCategories: { necessary: 'C0001', analytics: 'C0002', functional: 'C0003', marketing: ['C0004', 'DataSharing'] } });
    win.GrowthKit.consent.set({ analytics: true }, 'banner');
    await waitFor(async () => (await events()).some((e) => e.event === 'Segment Consent Preference Updated'), 10000, 'the first update');
    win.GrowthKit.consent.set({ marketing: true }, 'preferences');
    await waitFor(async () => (await events()).filter((e) => e.event === 'Segment Consent Preference Updated').length === 2, 10000, 'the second update');
    const updates = (await events()).filter((e) => e.event === 'Segment Consent Preference Updated') as { context: { consent: { categoryPreferences: Record<string, boolean> } } }[];
    expect(updates.map((u) => u.context.consent.categoryPreferences).sort((a, b) => Number(a.C0004) - Number(b.C0004))).to.deep.equal([
      { C0001: true, C0002: true, C0003: false, C0004: false, DataSharing: false },
      { C0001: true, C0002: true, C0003: false, C0004: true, DataSharing: true },
    ]);
    win.GrowthKit.configure({ segmentConsentEvent: false });
    win.GrowthKit.consent.set({ functional: true }, 'preferences');
    win.GrowthKit.consent.set({ analytics: false }, 'preferences');
    await waitFor(() => ajsStorage().length === 0, 5000, "Segment's storage removed");
    expect((await events()).filter((e) => e.event === 'Segment Consent Preference Updated')).to.have.length(2);
  });

  it('segmentCategories that are not a map of our categories to ids: one warning, the default keys stay', async () => {
    win.GrowthKit.configure({ segmentCategories: { analytics: 7, ads: 'Advertising' } as never });
    win.GrowthKit.consent.set({ analytics: true }, 'banner');
    await waitFor(async () => (await events()).some((e) => e.event === 'Segment Consent Preference Updated'), 10000, 'the update');
    const [update] = (await events()).filter((e) => e.event === 'Segment Consent Preference Updated') as { context: { consent: unknown } }[];
    expect(update.context.consent).to.deep.equal({ categoryPreferences: { necessary: true, functional: false, analytics: true, marketing: false } });
    expect(win.__warnings.filter((w) => w.includes('segmentCategories'))).to.have.length(1);
  });

  it("Segment's Video Spec from a lesson video: one session with start, pause, resume, a 10 s heartbeat and completion", async () => {
    win.GrowthKit.consent.set({ analytics: true }, 'banner');
    win.document.body.insertAdjacentHTML(
      'beforeend',
      `<course-progress-tracker course-id="spec-101" lessons='[{"id":"intro","title":"Welcome video","type":"video"}]'>
        <video data-lesson-id="intro" src="/demo/media/lesson.webm" muted playsinline preload="auto" loop></video>
      </course-progress-tracker>`,
    );
    const video = win.document.querySelector('video')!;
    const spec = async () => (await events()).filter((e) => e.event?.startsWith('Video '));
    const arrived = (name: string) => waitFor(async () => (await spec()).some((e) => e.event === name), 10000, name);
    await waitFor(() => video.readyState >= 1, 10000, 'the video');
    await video.play();
    await arrived('Video Playback Started');
    video.pause();
    await arrived('Video Playback Paused');
    await video.play();
    await arrived('Video Playback Resumed');
    // Ten seconds of playback on the page's clock: its Date.now moves ahead while the video plays on, so the next
    // time update is due a heartbeat. Then the last lap ends the session.
    const clock = (win as unknown as { Date: DateConstructor }).Date;
    const now = clock.now.bind(clock);
    clock.now = () => now() + 10_000;
    await arrived('Video Content Playing');
    clock.now = now;
    video.loop = false;
    await waitFor(() => video.ended, 10000, 'the end');
    await waitFor(async () => (await spec()).some((e) => e.event === 'Video Playback Completed'), 10000, 'Video Playback Completed');
    const sent = await spec();
    expect(sent.map((e) => e.event).sort()).to.deep.equal([
      'Video Content Completed',
      'Video Content Playing',
      'Video Content Started',
      'Video Playback Completed',
      'Video Playback Paused',
      'Video Playback Resumed',
      'Video Playback Started',
    ]);
    const sessions = new Set(sent.map((e) => e.properties!.session_id));
    expect(sessions.size).to.equal(1);
    // Video Spec: playback events name their content assets, content events their asset.
    for (const e of sent) {
      const p = e.properties!;
      if (e.event!.startsWith('Video Playback')) expect(p.content_asset_ids, e.event).to.deep.equal([p.asset_id]);
      else expect(p.content_asset_id, e.event).to.equal(p.asset_id);
    }
    const started = sent.find((e) => e.event === 'Video Playback Started')!.properties!;
    expect(started).to.include({ video_player: 'html5', title: 'Welcome video', total_length: 6, course_id: 'spec-101', lesson_id: 'intro', livestream: false });
    expect(String(started.asset_id)).to.match(/lesson\.webm$/);
    expect(sent.find((e) => e.event === 'Video Playback Completed')!.properties!.position).to.equal(6);
  });
});

describe('analytics on a page that configures Segment late', () => {
  beforeEach(async () => {
    cleanSlate();
    await clearSegmentRequests();
  });
  afterEach(removeHosts);

  it('Segment configured after the visitor granted analytics: the next event loads it and reaches Segment', async () => {
    // No write key on the script tag: the page's own script configures Segment later (a tag manager, an app's init).
    const win = await host(['classic:/dist/growth-kit.js'], { endpoint: endpoint() });
    win.GrowthKit.consent.set({ analytics: true }, 'banner');
    const el = button(win);
    const opened = after(el, 'gk-lead-form-open');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    await opened;
    el.shadowRoot!.querySelector('dialog')!.close();
    const segment = window.GK_TEST.segment;
    win.GrowthKit.configure({ segmentWriteKey: 'test-write-key', segmentCdnUrl: segment, segmentApiHost: `${segment}/v1` });
    const again = after(el, 'gk-lead-form-open');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    await again;
    await waitFor(async () => (await events()).some((e) => e.event === 'Hand Raise Form Viewed'), 10000, "'Hand Raise Form Viewed' at Segment");
    expect(win.__errors).to.deep.equal([]);
  });
});
