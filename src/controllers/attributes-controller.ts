import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { check, type Parser } from '../runtime/config/index.js';
import { kebab, warnOnce } from '../runtime/base/index.js';

export interface AttributeSpec<T> {
  /** Parses the (JSON-parsed, when `json`) attribute value, or throws what is wrong with it. */
  parse: Parser<T>;
  /** The safe default used until a valid value is given; without one, the property's default (its table's value). */
  fallback?: T;
  /** Whether the attribute holds JSON. */
  json?: boolean;
}

type Specs<T> = { [K in keyof T]: AttributeSpec<T[K]> };

/**
 * Validates a host's attribute-backed properties before each render. A value its parser refuses is reported
 * once (`<tag> attribute: problem`, the attribute being the property's name in kebab case) and the last good value
 * stays in force, so bad markup never breaks a widget.
 */
export class AttributesController<T extends Record<string, unknown>> implements ReactiveController {
  /** The validated values the host renders from. */
  readonly values: T;
  private readonly fallbacks: T;
  private readonly seen = new Map<keyof T, unknown>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly specs: Specs<T>,
  ) {
    // Created as the host's field, after its table's defaults are set (withAttributes).
    this.fallbacks = Object.fromEntries(
      Object.entries(specs).map(([k, s]) => [k, 'fallback' in (s as AttributeSpec<unknown>) ? (s as AttributeSpec<unknown>).fallback : (host as unknown as T)[k]]),
    ) as T;
    this.values = { ...this.fallbacks };
    host.addController(this);
  }

  hostUpdate(): void {
    for (const key of Object.keys(this.specs) as (keyof T)[]) {
      const raw = (this.host as unknown as Record<keyof T, unknown>)[key];
      if (this.seen.has(key) && Object.is(this.seen.get(key), raw)) continue;
      this.seen.set(key, raw);
      const spec = this.specs[key];
      if (raw === undefined || raw === null || raw === '') {
        this.values[key] = this.fallbacks[key];
        continue;
      }
      let input: unknown = raw;
      if (spec.json && typeof raw === 'string') {
        try {
          input = JSON.parse(raw);
        } catch {
          warnOnce(this.host.localName, kebab(key as string), 'is not valid JSON; using the default');
          continue;
        }
      }
      const result = check(spec.parse, input);
      if (result.ok) this.values[key] = result.value;
      else warnOnce(this.host.localName, kebab(key as string), `${result.problem}; keeping the last valid value`);
    }
  }
}
