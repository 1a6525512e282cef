/**
 * Every outcome the kit reports to its host, in one table: the `gk-*` DOM event, the `GrowthKit.configure()`
 * callback called with the same detail, and the Segment event tracked with it (ids and labels only, after
 * analytics consent). `report()` (analytics/report.ts) drives all three from this table, so no outcome can reach
 * one of them and be forgotten by another; the callbacks `configure()` accepts are derived from it.
 * Segment events that are no outcome of their own (CTA Clicked, the Video Spec, Quiz Submitted) are tracked
 * where they happen.
 */

/** Each `gk-*` event's detail; the event files in src/events add theirs. */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface GkEventDetails {}

/**
 * One outcome's Segment event and the detail's keys it carries, space-separated (sent as snake_case:
 * glmContent → glm_content). Details carry ids and labels, never personal data; the lead's payload
 * (gk-lead-submit) is never tracked. Every outcome also has its `configure()` callback, named after the event:
 * gk-lead-submitted → onLeadSubmitted (`callbackName`).
 */
export type Outcome = readonly [segmentEvent?: string, properties?: string];

export const OUTCOMES = {
  'gk-lead-form-open': ['Hand Raise Form Viewed', 'glmContent'],
  'gk-lead-form-close': [],
  'gk-lead-submit': [],
  'gk-lead-submitted': ['Hand Raise Form Submitted', 'glmContent'],
  'gk-lead-error': ['Hand Raise Form Failed', 'glmContent reason status'],
  'gk-consent-change': [],
  'gk-lesson-complete': ['Lesson Completed', 'courseId lessonId'],
  'gk-course-complete': [],
  'gk-delivery-failed': [],
} as const satisfies Record<string, Outcome>;

export type OutcomeEvent = keyof typeof OUTCOMES;
type Pascal<S extends string> = S extends `${infer A}-${infer B}` ? `${Capitalize<A>}${Pascal<B>}` : Capitalize<S>;
type CallbackOf<K extends OutcomeEvent> = K extends `gk-${infer R}` ? `on${Pascal<R>}` : never;
export type CallbackName = { [K in OutcomeEvent]: CallbackOf<K> }[OutcomeEvent];

/** The `configure()` callback of an event: gk-lead-submitted → onLeadSubmitted. */
export const callbackName = <K extends OutcomeEvent>(type: K) =>
  ('on' + type.slice(3).replace(/(?:^|-)(\w)/g, (_, c: string) => c.toUpperCase())) as CallbackOf<K>;

/** Every callback `configure()` accepts, each called with its event's detail. */
export type GrowthKitCallbacks = {
  [K in OutcomeEvent as CallbackOf<K>]?: (detail: K extends keyof GkEventDetails ? GkEventDetails[K] : unknown) => void;
};

export const CALLBACKS: string[] = Object.keys(OUTCOMES).map((type) => callbackName(type as OutcomeEvent));
