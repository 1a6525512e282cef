import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalog, format, isRtl, loadCatalog, onLangChange, resolveLocale, type MessageKey } from '../runtime/i18n/index.js';
import { onConfigChange } from '../runtime/config/index.js';
import en from '../locales/en.js';

/**
 * Gives its host the visitor's locale and messages, and re-renders it when any `lang` on the page changes or a
 * catalog arrives. Until a catalog has loaded the host renders in English, so it never shows raw keys.
 */
export class LocaleController implements ReactiveController {
  /** The locale the host renders in once its catalog is loaded. */
  locale = 'en';
  private stop: (() => void)[] = [];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  get dir(): 'ltr' | 'rtl' {
    return isRtl(this.locale) ? 'rtl' : 'ltr';
  }

  t(key: MessageKey, params?: Record<string, string | number>): string {
    const messages = catalog(this.locale) ?? en;
    return format(messages[key] ?? en[key] ?? key, params);
  }

  hostConnected(): void {
    this.stop = [onLangChange(this.handleChange), onConfigChange(this.handleChange)];
    this.handleChange();
  }

  hostDisconnected(): void {
    this.stop.forEach((stop) => stop());
    this.stop = [];
  }

  private handleChange = (): void => {
    const wanted = resolveLocale(this.host);
    if (wanted === this.locale && catalog(wanted)) return;
    void loadCatalog(wanted).then((messages) => {
      // Not loaded (tried again at the next change), or superseded by a later change while it loaded.
      if (!messages || resolveLocale(this.host) !== wanted) return;
      this.locale = wanted;
      this.host.requestUpdate();
    });
  };
}
