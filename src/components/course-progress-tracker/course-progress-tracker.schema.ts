/** The attributes of <course-progress-tracker> and what it posts. */
import { z } from '../../runtime/schema.js';

export const lessonSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  title: z.string().check(z.maxLength(300)),
  type: z.enum(['video', 'quiz', 'article']),
});
export type Lesson = z.infer<typeof lessonSchema>;
export const lessonsSchema = z.array(lessonSchema).check(z.maxLength(200));

export const completionSchema = z.enum(['all-lessons', 'videos-and-quiz']);
export type CompletionRule = z.infer<typeof completionSchema>;

/** A percentage between 1 and 100 (complete-at, pass-mark). */
export const percentSchema = z.pipe(z.string(), z.transform(Number)).check(z.refine((n) => Number.isFinite(n) && n > 0 && n <= 100, 'expected a number from 1 to 100'));

export const progressEventSchema = z.object({
  event_id: z.uuid(),
  course_id: z.string().check(z.minLength(1), z.maxLength(100)),
  lesson_id: z.nullable(z.string().check(z.maxLength(100))),
  user_id: z.optional(z.string().check(z.maxLength(200))),
  anonymous_id: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  event: z.enum(['started', 'progressed', 'completed', 'passed', 'failed', 'course_completed']),
  progress: z.number().check(z.minimum(0), z.maximum(100)),
  played_seconds: z.number().check(z.minimum(0)),
  duration: z.number().check(z.minimum(0)),
  occurred_at: z.iso.datetime(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;
