/**
 * The one way our elements are registered. The same version defined twice (the script included twice, or once
 * classic and once as a module) is silent; another version already registered gets one warning for the page.
 * Nothing here throws on a customer's page.
 */
import { VERSION } from '../runtime/base/index.js';

export { VERSION };

const WARNED = Symbol.for('growth-kit.version-warning');

export interface VersionedElement extends CustomElementConstructor {
  readonly gkVersion?: string;
}

export function define(tag: string, ctor: VersionedElement): void {
  try {
    const existing = customElements.get(tag) as VersionedElement | undefined;
    if (!existing) {
      customElements.define(tag, ctor);
      return;
    }
    if (existing === ctor || existing.gkVersion === (ctor.gkVersion ?? VERSION)) return;
    const g = globalThis as Record<symbol, unknown>;
    if (g[WARNED]) return;
    g[WARNED] = true;
    console.warn(
      `[growth-kit] <${tag}> is already defined by Growth Kit ${existing.gkVersion ?? '(unknown version)'}; ` +
        `this copy (${ctor.gkVersion ?? VERSION}) is not used. Include the kit once.`,
    );
  } catch (error) {
    console.warn(`[growth-kit] <${tag}> could not be defined`, error);
  }
}
