// Route `sessions` (src/app/screens.ts convention): classes taught, in src/sessions.
import { LitElement, html } from 'lit';
import type { Route } from '../app/routes.ts';
import { getSessionsModel } from '../sessions/shared-model.ts';
import type { SessionsModel } from '../sessions/sessions-model.ts';
import '../sessions/sessions-view.ts';

class SessionsScreen extends LitElement {
  static override properties = { route: { attribute: false }, model: { state: true }, error: { state: true } };
  declare route: Route;
  declare model: SessionsModel | undefined;
  declare error: string | undefined;

  constructor() {
    super();
    this.model = undefined;
    this.error = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    getSessionsModel().then(
      (model) => (this.model = model),
      (error: unknown) => (this.error = error instanceof Error ? error.message : String(error)),
    );
  }

  override render() {
    if (this.error) return html`<p role="alert">${this.error}</p>`;
    return html`<lectern-sessions .model=${this.model}></lectern-sessions>`;
  }
}

if (!customElements.get('lectern-screen-sessions')) customElements.define('lectern-screen-sessions', SessionsScreen);
