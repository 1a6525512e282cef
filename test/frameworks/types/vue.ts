/** The generated Vue 3 typings (growth-kit/vue), checked by `tsc -p test/frameworks` in `npm test`. */
import type {} from 'growth-kit/vue';
import type { GlobalComponents } from 'vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const ok: Props<'hand-raise-lead-button'> = {
  'glm-content': 'pricing',
  small: false,
  ctaTracking: { action: 'click_button' },
  onGkLeadSubmitted: (event) => event.detail.submissionId.toUpperCase(),
};
// @ts-expect-error small is a boolean
export const notABoolean: Props<'hand-raise-lead-button'> = { small: 'yes' };
// @ts-expect-error mode is one of the gate's modes
export const notAMode: Props<'consent-gate'> = { mode: 'modal' };
// A bound id may be a number, as the element takes it (README, Frameworks).
export const numericIds: Props<'course-progress-tracker'> = { courseId: 4343, userId: 7, passMark: 80 };
// @ts-expect-error a number is not one of the consent categories
export const notACategoryNumber: Props<'consent-gate'> = { category: 2 };
