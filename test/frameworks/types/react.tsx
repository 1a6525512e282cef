/** The generated React 19 typings (growth-kit/react), checked by `tsc -p test/frameworks` in `npm test`. */
import type {} from 'growth-kit/react';

export const ok = (
  <>
    <hand-raise-lead-button
      glm-content="pricing"
      small={false}
      ctaTracking={{ action: 'click_button', value: 3 }}
      ongk-lead-submitted={(event) => event.detail.submissionId.toUpperCase()}
    />
    <consent-gate category="marketing" cookie-domain="example.com">
      <template>
        <iframe title="embed" />
      </template>
    </consent-gate>
    <course-progress-tracker course-id="101" ongk-course-complete={(event) => event.detail.badgeUrl?.length} />
    {/* A bound id may be a number, as the element takes it (README, Frameworks). */}
    <course-progress-tracker courseId={4242} userId={7} completeAt={95} />
  </>
);

// @ts-expect-error small is a boolean
export const notABoolean = <hand-raise-lead-button small={1} />;
// @ts-expect-error the detail of gk-lead-submitted has no payload
export const wrongDetail = <hand-raise-lead-button ongk-lead-submitted={(event) => event.detail.payload} />;
// @ts-expect-error category is one of the consent categories
export const notACategory = <consent-gate category="everything" />;
// @ts-expect-error a number is not one of the completion rules
export const notARule = <course-progress-tracker completion={1} />;
