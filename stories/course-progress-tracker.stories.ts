import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CourseProgressTracker } from '../src/components/course-progress-tracker/course-progress-tracker.js';
import { configure } from '../src/runtime/config/index.js';
import { accepted, answerWith } from './story-helpers.js';

interface Args {
  'course-id': string;
  'course-title': string;
  lessons: string;
  completion: 'all-lessons' | 'videos-and-quiz';
  'complete-at': string;
  'pass-mark': string;
}

const lessons = JSON.stringify([
  { id: 'intro', title: 'Welcome video', type: 'video' },
  { id: 'reading', title: 'Pipelines explained', type: 'article' },
  { id: 'quiz', title: 'Check your knowledge', type: 'quiz' },
]);

const meta: Meta<Args> = {
  title: 'Widgets/course-progress-tracker',
  component: 'course-progress-tracker',
  args: { 'course-id': 'story-course', 'course-title': 'CI/CD fundamentals', lessons, completion: 'all-lessons', 'complete-at': '90', 'pass-mark': '70' },
  argTypes: { completion: { control: 'inline-radio', options: ['all-lessons', 'videos-and-quiz'] } },
  render: (a) => html`<course-progress-tracker
    course-id=${a['course-id']}
    course-title=${a['course-title']}
    lessons=${a.lessons}
    completion=${a.completion}
    complete-at=${a['complete-at']}
    pass-mark=${a['pass-mark']}
    endpoint="https://api.example.com/course-progress"
  ></course-progress-tracker>`,
  beforeEach: () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('gk_course_')) localStorage.removeItem(key);
  },
};
export default meta;
type Story = StoryObj<Args>;

const tracker = (root: HTMLElement) => root.querySelector<CourseProgressTracker>('course-progress-tracker')!;

export const Empty: Story = { args: { lessons: '[]' } };
export const NotStarted: Story = {};
export const InProgress: Story = {
  play: async ({ canvasElement }) => {
    answerWith(accepted);
    const el = tracker(canvasElement);
    // 40 % of the welcome video watched, as a learner's saved progress holds it: the lesson shows as under way.
    Object.assign(el.lesson('intro'), { segments: [[0, 48]], duration: 120 });
    el.saveProgress();
    await el.complete('reading');
  },
};
export const QuizPending: Story = {
  args: { completion: 'videos-and-quiz' },
  play: async ({ canvasElement }) => {
    answerWith(accepted);
    await tracker(canvasElement).complete('intro');
  },
};
export const Complete: Story = {
  play: async ({ canvasElement }) => {
    answerWith({ ok: true, status: 201, body: { ok: true, badge_url: '/media/badge.svg' } });
    const el = tracker(canvasElement);
    await el.complete('intro');
    await el.complete('reading');
    const done = new Promise((resolve) => el.addEventListener('gk-course-complete', resolve, { once: true }));
    await el.reportQuiz('quiz', { score: 9, max: 10 });
    await done;
  },
};
export const German: Story = { render: (a) => html`<div lang="de"><course-progress-tracker course-id="de" lessons=${a.lessons}></course-progress-tracker></div>` };
export const Rtl: Story = {
  render: (a) => html`<div lang="ar" dir="rtl"><course-progress-tracker course-id="ar" course-title="أساسيات التكامل المستمر" lessons=${a.lessons}></course-progress-tracker></div>`,
};

/** Each player through its adapter, against the local stand-in that speaks that player's documented API. */
const videoLesson = JSON.stringify([{ id: 'intro', title: 'Welcome video', type: 'video' }]);
const withStandIns = () => {
  answerWith(accepted);
  configure({ youtubeApiUrl: '/stand-ins/youtube/iframe_api.js', vidyardApiUrl: '/stand-ins/vidyard/v4.js' });
};
export const YouTube: Story = {
  beforeEach: withStandIns,
  render: () => html`<course-progress-tracker course-id="yt" lessons=${videoLesson}>
    <iframe data-lesson-id="intro" data-player="youtube" title="Welcome video" width="480" height="270" src="/stand-ins/youtube/embed.html?v=demo&enablejsapi=1"></iframe>
  </course-progress-tracker>`,
};
export const Vimeo: Story = {
  beforeEach: withStandIns,
  render: () => html`<course-progress-tracker course-id="vimeo" lessons=${videoLesson}>
    <iframe data-lesson-id="intro" data-player="vimeo" title="Welcome video" width="480" height="270" src="/stand-ins/vimeo/player.html?video=1"></iframe>
  </course-progress-tracker>`,
};
export const Vidyard: Story = {
  beforeEach: withStandIns,
  render: () => html`<course-progress-tracker course-id="vidyard" lessons=${videoLesson}>
    <div data-lesson-id="intro" data-player="vidyard" style="max-width:480px"><img class="vidyard-player-embed" data-uuid="demo-uuid" data-v="4" alt="Welcome video" /></div>
  </course-progress-tracker>`,
};
/** theme="dark" (the Theme toolbar's Dark). */
export const InProgressDark: Story = { ...InProgress, globals: { theme: 'dark' } };
