// Connects a lit screen to an OpenDeck: opens the deck the route names, re-renders the screen on
// every change, hands the model's events (text replaced, save failed...) to the screen, and
// saves and closes the deck when the screen leaves the page or opens another deck. Unsaved text is
// also saved when the tab is hidden or the page unloads; only an unresolved conflict asks before
// the page is left, since the choice between the two texts is the author's.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Route } from '../app/routes.ts';
import { getStore } from '../app/store.ts';
import type { Store } from '../store/index.ts';
import { OpenDeck, type OpenDeckEvent, type OpenDeckOptions } from './open-deck.ts';

export interface DeckControllerOptions extends OpenDeckOptions {
  /** Called for every model event, after the host was asked to re-render. */
  onEvent?: (event: OpenDeckEvent, deck: OpenDeck) => void;
}

export class DeckController implements ReactiveController {
  /** The open deck, undefined before the first open() and after the host left the page. */
  deck: OpenDeck | undefined;
  /** The tab's one Store, once opened (the history panel and the excerpt search use it too). */
  store: Store | undefined;
  /** The deck asked for last (cleared when the host leaves: it opens again when it returns). */
  private wanted: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DeckControllerOptions = {},
  ) {
    host.addController(this);
  }

  get deckId(): string | undefined {
    return this.wanted;
  }

  /** Opens the deck `route` names unless it is the one asked for already: what a screen does
   *  when it connects and when its route changes. */
  follow(route: Route | undefined): void {
    if (route && 'deckId' in route && route.deckId !== this.wanted) void this.open(route.deckId);
  }

  /** Opens `deckId` (after saving and closing the deck open before); resolves with the model
   *  once it is loaded, or undefined when another open() or the host leaving overtook it. */
  async open(deckId: string): Promise<OpenDeck | undefined> {
    if (this.deck?.deckId === deckId) {
      await this.deck.open();
      return this.deck === undefined || this.deck.deckId !== deckId ? undefined : this.deck;
    }
    this.wanted = deckId;
    await this.closeCurrent();
    if (this.wanted !== deckId || !this.connected) return undefined;
    try {
      this.store ??= await getStore();
    } catch (error) {
      console.error(error);
    }
    if (this.wanted !== deckId || !this.connected || this.deck) return this.deck?.deckId === deckId ? this.deck : undefined;
    const store = this.store;
    const deck = store ? new OpenDeck(store, deckId, this.options) : undefined;
    if (!deck) return undefined;
    this.deck = deck;
    this.unsubscribe = deck.subscribe((event) => {
      this.host.requestUpdate();
      this.options.onEvent?.(event, deck);
    });
    this.host.requestUpdate();
    await deck.open();
    return this.deck === deck ? deck : undefined;
  }

  private async closeCurrent(): Promise<void> {
    const deck = this.deck;
    if (!deck) return;
    this.deck = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await deck.close();
  }

  private flushNow = (): void => void this.deck?.draft?.flush();
  private handleVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.flushNow();
  };
  private handleBeforeUnload = (event: BeforeUnloadEvent): void => {
    this.flushNow();
    if (this.deck?.draft?.state === 'conflict') event.preventDefault();
  };

  hostConnected(): void {
    this.connected = true;
    window.addEventListener('pagehide', this.flushNow);
    window.addEventListener('beforeunload', this.handleBeforeUnload);
    document.addEventListener('visibilitychange', this.handleVisibility);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.wanted = undefined;
    window.removeEventListener('pagehide', this.flushNow);
    window.removeEventListener('beforeunload', this.handleBeforeUnload);
    document.removeEventListener('visibilitychange', this.handleVisibility);
    // Unsaved text is saved on the way out (the model reads it before the screen is destroyed).
    void this.closeCurrent();
  }
}
