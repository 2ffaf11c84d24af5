// @lectern/present-runtime: the presenting page's parts that a deck needs wherever it is shown --
// the message gate in front of reveal.js, the class clock and pacing, the discussion countdowns,
// the speaker view (reveal.js's notes window with Lectern's panel, in the UI language). The app's
// present.html imports them from here; site.ts assembles the same parts into the classic script a
// built site or an Offline HTML export runs (dist/site-runtime.js, see scripts/build-site-runtime.mjs).
export { ClassClock } from './class-clock.ts';
export { COUNTDOWN_KEYS, Countdown, countdownState, DiscussionTimers, type CountdownState, type DiscussionInfo } from './countdown.ts';
export { RUNTIME_MESSAGES, runtimeLang, type RuntimeLang, type RuntimeMessages } from './messages.ts';
export { formatDuration, paceAt, paceText, remainingText, type Pace, type PaceLabels, type PaceState } from './pace.ts';
export { deckPlan, plannedSeconds, presentedPlan, sitePresentConfig } from './plan.ts';
export { isReadyMessage, MESSAGE_METHODS, parseRevealCall, readyMessage, RevealMessageGate, withoutUrlConfig } from './reveal-gate.ts';
export { parseSiteConfig } from './site-config.ts';
export { renderSpeakerPanel, type PanelActions, type PanelState } from './speaker-panel.ts';
export { SpeakerViewBridge, type SpeakerPanelModel } from './speaker-view.ts';
export { translateSpeakerView } from './speaker-i18n.ts';
