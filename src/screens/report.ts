// Route `report` (src/app/screens.ts convention): the half-year report, in src/report.
import { html } from 'lit';
import { defineModelScreen } from '../sessions/model-screen.ts';
import '../report/report-view.ts';

defineModelScreen('lectern-screen-report', (model) => html`<lectern-report .model=${model}></lectern-report>`);
