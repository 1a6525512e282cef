/**
 * Resolves in a task of its own: the work after it no longer shares a (long) task with the work before it, and
 * the browser may paint or handle input in between.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
