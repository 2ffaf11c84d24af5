// reveal.js's speaker view in the UI language. The notes plugin (reveal.js 6.0.x,
// node_modules/reveal.js/dist/plugin/notes.mjs) writes a fixed English page into its popup:
//
//   <title>reveal.js - Speaker View</title>, <html lang="en">
//   #connection-status            "Loading speaker view..." (its script later puts an error there:
//                                 "Error connecting to main window…", "Cross origin error…")
//   #upcoming-slide > .label      "Upcoming"
//   .speaker-controls-time        "Time", a wall clock and "Pacing": hidden by speaker-view.ts
//                                 (Lectern's panel is the one clock of the lesson)
//   .speaker-controls-notes > h4  "Notes"
//   .speaker-layout-dropdown      options Default / Wide / Tall / Notes only (values default, wide,
//                                 tall, notes-only); .speaker-layout-label "Layout: Default",
//                                 rewritten by its script on every layout change
//
// The page is translated once after it is written, and a MutationObserver puts our text back
// whenever the plugin's script rewrites one of the live texts (layout label, status).
// Everything here is idempotent: a text already right is left alone, so our own writes end the
// observer's round trip at once.
import { getLang } from '../app/i18n.ts';
import { presentMsg } from './messages.ts';

function layoutName(value: string): string | undefined {
  const m = presentMsg();
  const names: Record<string, string> = {
    default: m.layoutDefault,
    wide: m.layoutWide,
    tall: m.layoutTall,
    'notes-only': m.layoutNotesOnly,
  };
  return names[value];
}

function setText(el: Element | null | undefined, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/** The texts the plugin's script rewrites while the view is open. */
function translateLive(doc: Document): void {
  const m = presentMsg();
  const dropdown = doc.querySelector<HTMLSelectElement>('.speaker-layout-dropdown');
  const name = dropdown ? layoutName(dropdown.value) : undefined;
  setText(doc.querySelector('.speaker-layout-label'), name ? `${m.speakerLayout}: ${name}` : m.speakerLayout);

  const status = doc.querySelector<HTMLElement>('#connection-status');
  const said = status?.textContent ?? '';
  if (/cross origin/i.test(said)) setText(status, m.speakerCrossOrigin);
  else if (/error connecting/i.test(said)) setText(status, m.speakerConnectError);
  else if (/loading speaker view/i.test(said)) setText(status, m.speakerLoading);
}

/**
 * Translates the speaker view written into `popup` and keeps it translated. Returns the
 * observer (disconnect it to stop), or undefined when the page is not the plugin's.
 */
export function translateSpeakerView(popup: Window): MutationObserver | undefined {
  const doc = popup.document;
  if (!doc.querySelector('#speaker-controls')) return undefined;
  const m = presentMsg();
  doc.documentElement.lang = getLang();
  doc.title = m.speakerTitle;

  setText(doc.querySelector('#upcoming-slide > .label'), m.next);
  setText(doc.querySelector('.speaker-controls-notes > h4.label'), m.notes);
  for (const option of doc.querySelectorAll<HTMLOptionElement>('.speaker-layout-dropdown option')) {
    const name = layoutName(option.value);
    if (name) setText(option, name);
  }
  translateLive(doc);

  // The popup's own MutationObserver: its callbacks run with the popup's document.
  const Observer = (popup as unknown as typeof globalThis).MutationObserver;
  const observer = new Observer(() => translateLive(doc));
  for (const selector of ['.speaker-layout-label', '#connection-status']) {
    const el = doc.querySelector(selector);
    if (el) observer.observe(el, { childList: true, characterData: true, subtree: true });
  }
  return observer;
}
