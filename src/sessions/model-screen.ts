// The `sessions` and `report` routes are the same thin screen: wait for the page's shared
// SessionsModel, then hand it to their view (or show why it could not be opened).
import { LitElement, html, type TemplateResult } from 'lit';
import type { Route } from '../app/routes.ts';
import { getSessionsModel } from './shared-model.ts';
import type { SessionsModel } from './sessions-model.ts';
import { errorText } from '../app/error-text.ts';

/** Defines `tag` as a screen that renders `view(model)` once the sessions model is ready. */
export function defineModelScreen(tag: string, view: (model: SessionsModel | undefined) => TemplateResult): void {
  class ModelScreen extends LitElement {
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
        (error: unknown) => (this.error = errorText(error)),
      );
    }

    override render() {
      if (this.error) return html`<p role="alert">${this.error}</p>`;
      return view(this.model);
    }
  }
  if (!customElements.get(tag)) customElements.define(tag, ModelScreen);
}
