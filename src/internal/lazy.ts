/**
 * A lazy part of an element, imported once when first needed. A failed import (a flaky network) is forgotten, so
 * the next use tries again instead of failing forever.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let module: Promise<T> | null = null;
  return () =>
    (module ??= load().catch((error: unknown) => {
      module = null;
      throw error;
    }));
}
