/** What <course-progress-tracker> posts for each learning event: validated by server/. */
import { z } from '../../runtime/base/zod.js';

export const progressEventSchema = z.object({
  event_id: z.uuid(),
  course_id: z.string().check(z.minLength(1), z.maxLength(100)),
  lesson_id: z.nullable(z.string().check(z.maxLength(100))),
  user_id: z.optional(z.string().check(z.maxLength(200))),
  anonymous_id: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  event: z.enum(['started', 'progressed', 'completed', 'passed', 'failed', 'course_completed']),
  progress: z.number().check(z.minimum(0), z.maximum(100)),
  /** Set on the one 'progressed' event per milestone (25/50/75/100); absent on periodic progress. */
  milestone: z.optional(z.union([z.literal(25), z.literal(50), z.literal(75), z.literal(100)])),
  played_seconds: z.number().check(z.minimum(0)),
  duration: z.number().check(z.minimum(0)),
  occurred_at: z.iso.datetime(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;
