// Route `report` (src/app/screens.ts convention): the half-year report, in src/report.
import { LitElement, html } from 'lit';
import type { Route } from '../app/routes.ts';
import { getSessionsModel } from '../sessions/shared-model.ts';
import type { SessionsModel } from '../sessions/sessions-model.ts';
import '../report/report-view.ts';

class ReportScreen extends LitElement {
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
    return html`<lectern-report .model=${this.model}></lectern-report>`;
  }
}

if (!customElements.get('lectern-screen-report')) customElements.define('lectern-screen-report', ReportScreen);
