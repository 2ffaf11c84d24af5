// Route `settings` (src/app/screens.ts convention): the settings screen lives in src/settings.
import { SettingsScreen } from '../settings/settings-screen.ts';

if (!customElements.get('lectern-screen-settings')) customElements.define('lectern-screen-settings', SettingsScreen);
