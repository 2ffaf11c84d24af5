// Route `plan` (src/app/screens.ts convention): the lesson-plan panel lives in src/plan.
import { PlanScreen } from '../plan/plan-screen.ts';

if (!customElements.get('lectern-screen-plan')) customElements.define('lectern-screen-plan', PlanScreen);
