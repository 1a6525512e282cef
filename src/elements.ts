/** Every element the kit registers, by tag. */
import { ConsentGate } from './components/consent-gate/consent-gate.js';
import { CourseProgressTracker } from './components/course-progress-tracker/course-progress-tracker.js';
import { HandRaiseLeadButton } from './components/hand-raise-lead-button/hand-raise-lead-button.js';
import { define } from './internal/define.js';
import { nextTask } from './runtime/base/index.js';

export const ELEMENTS = {
  'hand-raise-lead-button': HandRaiseLeadButton,
  'consent-gate': ConsentGate,
  'course-progress-tracker': CourseProgressTracker,
} as const;

export function defineAll(): void {
  for (const [tag, ctor] of Object.entries(ELEMENTS)) define(tag, ctor);
}

/** Up to this many widgets on the page at start-up, each kind is defined in a task of its own. */
const STAGED_UP_TO = 24;

/**
 * Defines the elements after the task that evaluated the kit's modules, so upgrading and first rendering the
 * widgets (Lit renders in the defining task's microtasks) never share a long task with the module's start-up.
 * On a page with a few widgets, most of that work is done once per kind (compiling, style sheets), so each kind
 * gets a task of its own. With many widgets each kind's task is long anyway, and the frames the browser draws
 * between the tasks cost more than the split saves (measured: +30 % to render 200), so all are defined at once.
 * Resolves once all are defined.
 */
export async function defineStaged(): Promise<void> {
  await nextTask();
  if (document.querySelectorAll(Object.keys(ELEMENTS).join()).length > STAGED_UP_TO) {
    defineAll();
    return;
  }
  for (const [index, [tag, ctor]] of Object.entries(ELEMENTS).entries()) {
    if (index > 0) await nextTask();
    define(tag, ctor);
  }
}
