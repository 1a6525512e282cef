/**
 * The attributes of <hand-raise-lead-button> that need more than a string, validated on every change. `fields` and
 * `required-fields` are the lazy form's to check, against the field table (lead-fields.ts).
 */
import { Invalid, object, oneOf, optional, text, type Parser } from '../../runtime/config/index.js';

/** GitLab's PQL_PRODUCT_INTERACTION: what a hand-raise lead is called in the CRM unless a button says otherwise. */
export const PQL_PRODUCT_INTERACTION = 'Hand Raise PQL';

/** Snowplow's `value` is numeric; a numeric string ("7", as HTML writes it) is read as its number. */
const numeric: Parser<number> = (v) => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n === 'number' && Number.isFinite(n)) return n;
  throw new Invalid('expected a number');
};

/**
 * The longest each placement attribute may be: the endpoint's limits (lead.schema.ts is built from the same
 * numbers). A longer value is cut to the limit with one warning, so no visitor's lead is refused for an attribute.
 */
export const PLACEMENT_LIMITS = {
  glmContent: ['glm-content', 200],
  productInteraction: ['product-interaction', 200],
  namespaceId: ['namespace-id', 100],
} as const;

/** Snowplow's data-track shape, as GitLab's ctaTracking uses it. */
export const parseCtaTracking = object({
  action: optional(text(100)),
  label: optional(text(100)),
  property: optional(text(100)),
  value: optional(numeric),
  experiment: optional(text(100)),
});
export type CtaTracking = ReturnType<typeof parseCtaTracking>;

export const VARIANTS = ['primary', 'secondary', 'link'] as const;
export type ButtonVariant = (typeof VARIANTS)[number];
export const parseVariant = oneOf(VARIANTS);
