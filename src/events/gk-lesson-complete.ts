/** A lesson was completed. */
export interface LessonCompleteDetail {
  courseId: string;
  lessonId: string;
}

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-lesson-complete': LessonCompleteDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-lesson-complete': CustomEvent<LessonCompleteDetail>;
  }
}
