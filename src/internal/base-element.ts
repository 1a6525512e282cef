import { LitElement } from 'lit';
import { LocaleController } from '../controllers/locale-controller.js';
import { emit, type GkEventDetails } from '../events/emit.js';
import { warnOnce } from '../runtime/base/warn.js';
import { VERSION } from './define.js';

/** What every Growth Kit element shares: its version for the guarded define, messages, warnings and events. */
export abstract class GrowthKitElement extends LitElement {
  static readonly gkVersion = VERSION;

  /**
   * The visitor's locale and messages for this element (read by lazily loaded parts).
   * @internal
   */
  readonly i18n = new LocaleController(this);

  protected warn(attribute: string, problem: string): void {
    warnOnce(this.localName, attribute, problem);
  }

  /** Dispatches a typed `gk-*` event from this element; false when a listener cancelled it. */
  protected emit<K extends keyof GkEventDetails>(type: K, detail: GkEventDetails[K], cancelable = false): boolean {
    return emit(this, type, detail, cancelable);
  }
}
