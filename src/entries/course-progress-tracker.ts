/** `import 'growth-kit/course-progress-tracker'` registers <course-progress-tracker>. */
import { CourseProgressTracker } from '../components/course-progress-tracker/course-progress-tracker.js';
import { define } from '../internal/define.js';

define('course-progress-tracker', CourseProgressTracker);
export { CourseProgressTracker };
