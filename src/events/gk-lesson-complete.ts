/** A lesson was completed. */
export interface LessonCompleteDetail {
  courseId: string;
  lessonId: string;
}

declare module './emit.js' {
  interface GkEventDetails {
    'gk-lesson-complete': LessonCompleteDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-lesson-complete': CustomEvent<LessonCompleteDetail>;
  }
}
