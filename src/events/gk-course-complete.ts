/** The course's completion rule was met. */
export interface CourseCompleteDetail {
  courseId: string;
  badgeUrl: string | null;
}

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-course-complete': CourseCompleteDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-course-complete': CustomEvent<CourseCompleteDetail>;
  }
}
