// What may drive reveal.js on the presenting page from outside: its postMessage API and its URL.
//
// reveal.js 6 listens to `message` events from any window (config `postMessage`, on by default)
// and calls whatever API method a message names -- a page on another origin that opened
// present.html could move slides, show the speaker notes to the class or turn the keyboard off.
// It also copies every `key=value` of the query string into its config (`getQueryHash`, applied
// last in `initialize`, over the page's own config): `?showNotes=true&autoSlide=500` would work.
//
// Lectern turns reveal.js's own listener off (`postMessage: false`) and listens itself: only
// messages from this origin, only from the windows Lectern itself opens or is framed by (the
// speaker view and its previews, the presenter console's preview), and only the methods those
// windows use. Messages that arrive before reveal.js is ready are kept and applied once it is,
// so a preview that loads slowly still shows the step it was sent (not the current slide).
// From the URL, reveal.js reads nothing: the config is built from Lectern's own parameters.
import type { RevealApi } from 'reveal.js';

/** reveal.js methods the speaker view and the presenter console call through postMessage. */
export const MESSAGE_METHODS = ['setState', 'next', 'triggerKey'] as const;
type MessageMethod = (typeof MESSAGE_METHODS)[number];

interface RevealCall {
  method: MessageMethod;
  args: unknown[];
}

/** A reveal.js postMessage call (`'{"method":"next","args":[]}'`) Lectern accepts, or undefined. */
export function parseRevealCall(data: unknown): RevealCall | undefined {
  if (typeof data !== 'string' || !data.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const { method, args } = parsed as { method?: unknown; args?: unknown };
  if (typeof method !== 'string' || !(MESSAGE_METHODS as readonly string[]).includes(method)) return undefined;
  if (args !== undefined && !Array.isArray(args)) return undefined;
  return { method: method as MessageMethod, args: (args as unknown[] | undefined) ?? [] };
}

export class RevealMessageGate {
  private reveal: RevealApi | undefined;
  private readonly queue: RevealCall[] = [];

  /** `trusted(source)` says whether a same-origin window is one of Lectern's own. */
  constructor(private readonly trusted: (source: MessageEventSource) => boolean) {
    // At the door, before any other listener of this window (capture runs first at the target):
    // a message from another origin goes no further. The notes plugin adopts any window that
    // sends it a heartbeat, with no origin check, and would then post it every slide's notes.
    window.addEventListener('message', this.dropForeign, true);
    window.addEventListener('message', this.handle);
  }

  private dropForeign = (event: MessageEvent): void => {
    if (event.origin !== location.origin) event.stopImmediatePropagation();
  };

  private handle = (event: MessageEvent): void => {
    if (event.origin !== location.origin || !event.source || !this.trusted(event.source)) return;
    const call = parseRevealCall(event.data);
    if (!call) return;
    if (this.reveal) this.apply(this.reveal, call);
    else this.queue.push(call);
  };

  private apply(reveal: RevealApi, call: RevealCall): void {
    // Typed per method: the arguments come from our own windows but are still checked in shape.
    switch (call.method) {
      case 'setState': {
        const state = call.args[0];
        if (state && typeof state === 'object') reveal.setState(state as Parameters<RevealApi['setState']>[0]);
        break;
      }
      case 'next':
        reveal.next();
        break;
      case 'triggerKey':
        if (typeof call.args[0] === 'number') reveal.triggerKey(call.args[0]);
        break;
    }
  }

  /** reveal.js is ready: apply what came before, in order, and everything after at once. */
  attach(reveal: RevealApi): void {
    this.reveal = reveal;
    for (const call of this.queue.splice(0)) this.apply(reveal, call);
  }

  destroy(): void {
    window.removeEventListener('message', this.dropForeign, true);
    window.removeEventListener('message', this.handle);
  }
}

/** Query flags reveal.js itself tests for in `location.search` (receiver mode, print view). */
const REVEAL_FLAGS = ['receiver', 'print-pdf'] as const;

/**
 * Runs `start` (reveal.js's `initialize`) while the address shows only the flags reveal.js must
 * see, so no other query parameter reaches its config; the address is put back right after (the
 * speaker view and a reload need the deck id in it). reveal.js reads the query synchronously at
 * the start of `initialize`, before its first await.
 */
export function withoutUrlConfig<T>(start: () => T): T {
  const original = location.href;
  const params = new URLSearchParams(location.search);
  const kept = REVEAL_FLAGS.filter((flag) => params.has(flag));
  const bare = `${location.pathname}${kept.length ? `?${kept.join('&')}` : ''}${location.hash}`;
  history.replaceState(history.state, '', bare);
  try {
    return start();
  } finally {
    history.replaceState(history.state, '', original);
  }
}

/** The message a preview (receiver) posts to its parent once its slides can be driven. It is
 *  reveal.js's own `ready` event as `postMessageEvents` sends it -- a JSON string, which the
 *  speaker view parses (an object made it throw) and answers by sending the current state. */
export function readyMessage(reveal: RevealApi): string {
  return JSON.stringify({ namespace: 'reveal', eventName: 'ready', state: reveal.getState() });
}

/** True for a preview's ready message (see readyMessage). */
export function isReadyMessage(data: unknown): boolean {
  if (typeof data !== 'string' || !data.startsWith('{')) return false;
  try {
    const parsed = JSON.parse(data) as { namespace?: unknown; eventName?: unknown };
    return parsed.namespace === 'reveal' && parsed.eventName === 'ready';
  } catch {
    return false;
  }
}
