/**
 * The one way the kit loads a lazy part (a chunk of code, a catalog, a vendor library): imported once when first
 * needed and shared by every caller. A failed import (a flaky network, a deploy that replaced the chunk) resolves
 * null and is forgotten, so the next need tries again instead of failing forever; it never rejects, so no caller
 * can leave an unhandled rejection on the host page. Callers decide what null means for them.
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T | null> {
  let loading: Promise<T | null> | null = null;
  return () =>
    (loading ??= load().then(
      (value) => value,
      () => {
        loading = null;
        return null;
      },
    ));
}

/**
 * Runs `use` with the part `load` gives, for work that has no next need to try again at (a decision's proof and
 * Consent Mode update, Segment told of a withdrawal, OneTrust followed): a part that did not arrive is asked for
 * again 5 s later, as the delivery door asks for the outbox, until it comes.
 */
export function whenLoaded<T>(load: () => Promise<T | null>, use: (part: T) => void): void {
  void load().then((part) => (part ? use(part) : setTimeout(whenLoaded, 5000, load, use)));
}
