/** The attributes of <course-progress-tracker> that need more than a string. */
import { array, object, oneOf, text } from '../../runtime/config/index.js';

export const parseLessons = array(object({ id: text(100, 1), title: text(300), type: oneOf(['video', 'quiz', 'article'] as const) }), 200);
export type Lesson = ReturnType<typeof parseLessons>[number];

export const COMPLETION_RULES = ['all-lessons', 'videos-and-quiz'] as const;
export type CompletionRule = (typeof COMPLETION_RULES)[number];
export const parseCompletion = oneOf(COMPLETION_RULES);
