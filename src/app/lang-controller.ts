// Re-renders a lit component when the UI language changes (src/app/i18n.ts `setLang`).
// Usage in a component's constructor: `new LangController(this);`
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLangChange } from './i18n.ts';

export class LangController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onLangChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
