import { LitElement, type PropertyDeclaration } from 'lit';
import { LocaleController } from '../controllers/locale-controller.js';
import { report } from '../runtime/analytics/index.js';
import { kebab, warnOnce } from '../runtime/base/index.js';
import type { GkEventDetails, OutcomeEvent } from '../runtime/config/index.js';
import { watchConsent } from '../runtime/on-consent-change.js';
import '../events/index.js';
import { VERSION } from './define.js';

// A bare import would be dropped as side-effect free (package.json "sideEffects"); the call keeps it.
watchConsent();

/**
 * What every Growth Kit element shares: its version for the guarded define, messages, warnings and outcomes.
 * And the colour scheme (each token has a dark value too), and the design tokens (defaults in shared-styles.ts),
 * which a page sets on the elements to theme the kit:
 * @attr {'light' | 'dark' | 'auto'} theme - The colour scheme: light (the default, whatever the system), dark, or auto (dark when the visitor's system is).
 * @cssproperty --gk-accent - Accent: buttons, links, focus rings, the progress bar.
 * @cssproperty --gk-accent-contrast - Text on the accent.
 * @cssproperty --gk-text - Text.
 * @cssproperty --gk-muted - Secondary text: hints, percentages.
 * @cssproperty --gk-surface - Background of the banner, dialogs, cards and inputs.
 * @cssproperty --gk-border - Borders, and the ring of a lesson to do.
 * @cssproperty --gk-danger - Validation errors.
 * @cssproperty --gk-success - Done: a finished lesson, a completed course.
 * @cssproperty --gk-subtle - Quiet fills: the progress bar's track, the gate's placeholder.
 * @cssproperty --gk-radius - Corner radius (cards and dialogs use twice this).
 * @cssproperty --gk-font - Font family.
 */
export abstract class GrowthKitElement extends LitElement {
  static readonly gkVersion = VERSION;

  /** Each property's attribute is its name in kebab case (`privacyPolicyUrl` ↔ `privacy-policy-url`), unless given. */
  static override createProperty(name: PropertyKey, options?: PropertyDeclaration): void {
    super.createProperty(name, typeof name === 'string' && options?.attribute === undefined ? { ...options, attribute: kebab(name) } : options);
  }

  /**
   * The visitor's locale and messages for this element (read by lazily loaded parts).
   * @internal
   */
  readonly i18n = new LocaleController(this);

  /** `theme` is read by the styles alone (shared-styles.ts); it is observed to check each value a page sets. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'theme'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'theme' && value && !/^(light|dark|auto)$/.test(value)) this.warn('theme', 'expected light, dark or auto; using light');
  }

  /** @internal */
  warn(attribute: string, problem: string): void {
    warnOnce(this.localName, attribute, problem);
  }

  /**
   * Reports an outcome from this element: its `gk-*` event, the host's callback and its Segment event (the
   * outcome table, runtime/config/outcomes.ts). False when a listener cancelled a cancelable event.
   * @internal
   */
  report<K extends OutcomeEvent & keyof GkEventDetails>(type: K, detail: GkEventDetails[K], cancelable = false): boolean {
    return report(this, type, detail, cancelable);
  }
}

/**
 * How a boolean attribute is read, as frameworks write it: present is true, absent is false, and "false" is false
 * too (Vue and Svelte write small="false" for false, where plain HTML would mean true).
 */
export const booleanConverter = {
  fromAttribute: (value: string | null) => value !== null && value !== 'false',
  toAttribute: (value: unknown) => (value ? '' : null),
};

/** An entry of an element's attribute table with Lit options of its own (see withAttributes). */
export class Declared<T> {
  constructor(
    readonly value: T,
    readonly options: PropertyDeclaration,
  ) {}
}

/**
 * An attribute the element writes back when the property changes, for the page's CSS (`el.mode = 'banner'` gives
 * `mode="banner"`); its default is not written (Lit's useDefault), so markup keeps only what the page wrote.
 */
export const reflect = <T>(value: T): Declared<T> => new Declared(value, { reflect: true, useDefault: true });

/** A boolean attribute, false by default, reflected, and read as frameworks write it (booleanConverter). */
export const flag = (): Declared<boolean> => new Declared(false, { type: Boolean, reflect: true, converter: booleanConverter });

/** The properties an attribute table declares, with their types. */
export type Attributes<T> = { -readonly [K in keyof T]: T[K] extends Declared<infer V> ? V : T[K] };

/**
 * The base class of an element whose public properties are declared once, in one table: each key is a property,
 * its kebab-case name the attribute (createProperty above), the value its default (`reflect(…)` or `flag()` where
 * Lit needs more), and the JSDoc its documentation, which the manifest reads (custom-elements-manifest.config.mjs).
 * A default is shared by every instance, so it is a string, number or boolean. Internal state stays in the element:
 * a private field in its own `static properties` with `state: true`.
 */
export function withAttributes<T extends Record<string, unknown>>(
  table: T,
): typeof GrowthKitElement & (abstract new (...args: any[]) => Attributes<T>) {
  const properties: Record<string, PropertyDeclaration> = {};
  const defaults: Record<string, unknown> = {};
  // Own keys only: a page's enumerable Object.prototype additions are not attributes of ours.
  for (const [name, entry] of Object.entries(table)) {
    properties[name] = entry instanceof Declared ? entry.options : typeof entry === 'string' ? { type: String } : {};
    defaults[name] = entry instanceof Declared ? entry.value : entry;
  }
  abstract class WithAttributes extends GrowthKitElement {
    static override properties = properties;

    /**
     * An entry takes what a script sets it to, as frameworks set properties, as its attribute would give it: a text
     * entry (a string default, `type: String`) takes a number or boolean as its string (React 19 and Vue set a bound id as a
     * number, and `course_id: 42` is not the course "42" to the endpoint) and null or undefined (a removed
     * attribute, an unset prop) as ''; an object stays one (the JSON attributes take objects from script); a flag
     * takes a string as its attribute is read (Vue sets small="false").
     */
    static override getPropertyDescriptor(name: PropertyKey, key: string | symbol, options: PropertyDeclaration): PropertyDescriptor | undefined {
      const descriptor = super.getPropertyDescriptor(name, key, options)!;
      const { set } = descriptor;
      const read =
        options.type === String
          ? (v: unknown) => (v == null ? '' : typeof v === 'object' ? v : String(v))
          : options.type === Boolean && ((v: unknown) => (typeof v === 'string' ? booleanConverter.fromAttribute(v) : v));
      return read ? { ...descriptor, set(this: WithAttributes, v: unknown) { set!.call(this, read(v)); } } : descriptor;
    }

    constructor(..._: unknown[]) {
      super();
      Object.assign(this, defaults);
    }
  }
  return WithAttributes as unknown as typeof GrowthKitElement & (abstract new (...args: any[]) => Attributes<T>);
}
