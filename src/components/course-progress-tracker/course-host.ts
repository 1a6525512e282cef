/**
 * The contract between <course-progress-tracker> and its lazy parts (course-actions.ts, media-tracking.ts,
 * xapi.ts): what the element offers them and the progress they share. The parts import only these types, so the
 * element and its parts never import each other's modules in a circle.
 */
import type { ReactiveControllerHost } from 'lit';
import type { LocaleController } from '../../controllers/locale-controller.js';
import type { GkEventDetails, OutcomeEvent } from '../../runtime/config/index.js';
import type { CompletionRule, Lesson } from './course-progress-tracker.attributes.js';

export interface LessonProgress {
  segments: [number, number][];
  duration: number;
  /** Milestones (25/50/75/100) already reported: each once per lesson per learner, across reloads. */
  milestones: number[];
  completed: boolean;
  passed?: boolean;
  /** The last progress posted (milestone or periodic), so a reload does not post it again. */
  reported?: number;
}

export interface CourseState {
  lessons: Record<string, LessonProgress>;
  courseCompleted: boolean;
  badgeUrl: string | null;
}

/** The element's validated attributes. */
export interface CourseRules {
  lessons: Lesson[];
  completeAt: number;
  passMark: number;
  completion: CompletionRule;
}

/** What <course-progress-tracker> offers its lazy parts. */
export interface CourseHost extends ReactiveControllerHost {
  readonly localName: string;
  readonly courseId: string;
  readonly userId: string;
  readonly endpoint: string;
  readonly rules: CourseRules;
  /** The `xapi-endpoint` attribute, unchecked (course-actions.ts checks it when there is a statement to send). */
  readonly xapiEndpoint: string;
  readonly i18n: LocaleController;
  /** The learner's progress; replace it (or call saveProgress) to re-render. */
  progress: CourseState;
  /** A lesson's progress, created on first use. */
  lesson(id: string): LessonProgress;
  /** Keeps the progress for the next visit and re-renders. */
  saveProgress(): void;
  /** Says `text` to screen readers. */
  announce(text: string): void;
  warn(attribute: string, problem: string): void;
  report<K extends OutcomeEvent & keyof GkEventDetails>(type: K, detail: GkEventDetails[K]): boolean;
}
