import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { consent, type ConsentCategory } from '../runtime/consent/index.js';

/** Re-renders its host whenever the visitor's consent changes, or a consent platform takes the decision over. */
export class ConsentController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  has(category: ConsentCategory): boolean {
    return consent.has(category);
  }

  get decided(): boolean {
    return consent.decided;
  }

  hostConnected(): void {
    consent.addEventListener('change', this.handleChange);
    consent.addEventListener('follow', this.handleChange);
  }

  hostDisconnected(): void {
    consent.removeEventListener('change', this.handleChange);
    consent.removeEventListener('follow', this.handleChange);
  }

  private handleChange = (): void => this.host.requestUpdate();
}
