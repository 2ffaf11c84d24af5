// Route `sessions` (src/app/screens.ts convention): classes taught, in src/sessions.
import { html } from 'lit';
import { defineModelScreen } from '../sessions/model-screen.ts';
import '../sessions/sessions-view.ts';

defineModelScreen('lectern-screen-sessions', (model) => html`<lectern-sessions .model=${model}></lectern-sessions>`);
