/** Every element the kit registers, by tag. */
import { ConsentGate } from './components/consent-gate/consent-gate.js';
import { CourseProgressTracker } from './components/course-progress-tracker/course-progress-tracker.js';
import { HandRaiseLeadButton } from './components/hand-raise-lead-button/hand-raise-lead-button.js';
import { define } from './internal/define.js';

export const ELEMENTS = {
  'hand-raise-lead-button': HandRaiseLeadButton,
  'consent-gate': ConsentGate,
  'course-progress-tracker': CourseProgressTracker,
} as const;

export function defineAll(): void {
  for (const [tag, ctor] of Object.entries(ELEMENTS)) define(tag, ctor);
}

/**
 * Defines each element in a task of its own, after the one that evaluated the kit's modules: upgrading and first
 * rendering one kind of widget (Lit renders in the defining task's microtasks) never shares a long task with the
 * module's start-up or with the other kinds. Resolves once all are defined.
 */
export async function defineStaged(): Promise<void> {
  for (const [tag, ctor] of Object.entries(ELEMENTS)) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    define(tag, ctor);
  }
}
