// One presented lesson in the main (projecting) window: reveal.js plus Lectern's controllers --
// class clock and pacing, discussion countdowns, classroom tools, the speaker-view bridge -- and
// the keys that drive them. The presenter console and the speaker-view panel read `snapshot()`;
// they never keep state of their own, so both always agree.
import type { RevealApi } from 'reveal.js';
import { formatDate, getLang } from '../app/i18n.ts';
import { markCurrentSlide, labelTaskBoxes } from './accessible-deck.ts';
import { Announcer } from './announcer.ts';
import { CaptionsToggle } from './captions-toggle.ts';
import { ClassroomTools } from './classroom-tools.ts';
import type { InkController } from './ink/ink-controller.ts';
import { presentMsg } from './messages.ts';
import type { SlidePositions } from './slide-positions.ts';
import { ClassClock, COUNTDOWN_KEYS, countdownState, DiscussionTimers, paceAt, renderSpeakerPanel, SpeakerViewBridge, type CountdownState, type Pace } from '@lectern/present-runtime';

export interface Snapshot {
  index: number;
  total: number;
  indices: { h: number; v: number; f?: number };
  isLast: boolean;
  elapsedSec: number;
  /** Lesson time left (deck `duration` minus elapsed; negative once over), when planned. */
  remainingSec?: number;
  pace: Pace;
  countdown?: CountdownState;
  notesHtml: string | null;
  whiteScreen: boolean;
  laser: boolean;
  /** Whether videos show their captions (C). */
  captions: boolean;
  paused: boolean;
}

/** Key codes Lectern adds to reveal.js's (which uses arrows, Space, N/P, H/J/K/L, B/., F, G, O, S). */
export const KEYS = {
  ...COUNTDOWN_KEYS,
  white: 87 /* W */,
  laser: 88 /* X */,
  end: 81 /* Q */,
  captions: 67 /* C: neither reveal.js nor a presentation clicker sends it */,
  // Ink: none of these is a reveal.js key or a clicker key (clickers send PageUp/PageDown, B, ., F5, Esc).
  pen: 68 /* D (draw) */,
  highlighter: 77 /* M (marker) */,
  eraser: 69 /* E */,
  clearInk: 46 /* Delete */,
  undoInk: 90 /* Z */,
  redoInk: 89 /* Y */,
} as const;

export class Presentation {
  readonly clock: ClassClock;
  readonly timers: DiscussionTimers;
  readonly tools: ClassroomTools;
  readonly speaker: SpeakerViewBridge;
  readonly announcer: Announcer;
  readonly captions: CaptionsToggle;
  /** The drawing tools, once the ink is loaded (main.ts). */
  ink: InkController | undefined;
  private readonly listeners = new Set<() => void>();
  onEnd: () => void = () => undefined;
  /** The deck's planned duration in minutes (front matter), if any. */
  durationMinutes: number | undefined;

  constructor(
    readonly reveal: RevealApi,
    readonly deckId: string,
    readonly plan: readonly number[],
    private readonly host: HTMLElement,
    /** The deck's language: the live region reads slide text in it. */
    contentLang: string,
    /** Slide positions counted once (reveal.js counts every section on each question). */
    private readonly positions: SlidePositions,
  ) {
    this.clock = new ClassClock(deckId);
    this.announcer = new Announcer(document.body, contentLang);
    this.timers = new DiscussionTimers(host, presentMsg);
    this.timers.announce = (text) => this.announcer.say(text);
    this.tools = new ClassroomTools(document.body);
    this.captions = new CaptionsToggle(host, document.documentElement.lang || 'vi');
    this.speaker = new SpeakerViewBridge({
      render: (doc, root) => this.renderSpeakerPanel(doc, root),
      handleKey: (event) => this.handleKeyCode(event.keyCode, event),
      labels: presentMsg,
      lang: getLang,
    });
    this.timers.onChange(() => this.changed());
    reveal.on('slidechanged', () => this.handleSlideChanged());
    reveal.on('fragmentshown', (event) => {
      const { fragments } = event as unknown as { fragments?: Element[] };
      this.announcer.fragments(fragments ?? []);
      this.changed();
    });
    reveal.on('fragmenthidden', () => this.changed());
    reveal.on('paused', () => this.changed());
    reveal.on('resumed', () => this.changed());
    this.bindKeys();
    this.handleSlideChanged();
    window.setInterval(() => this.changed(), 1000);
  }

  private bindKeys(): void {
    const m = presentMsg();
    const bind = (keyCode: number, key: string, description: string) =>
      this.reveal.addKeyBinding({ keyCode, key, description }, () => void this.handleKeyCode(keyCode));
    bind(KEYS.countdown, 'T', m.countdownKeys);
    bind(KEYS.extend, '+', m.extend);
    bind(KEYS.extendNumpad, '+', m.extend);
    bind(KEYS.white, 'W', m.whiteScreen);
    bind(KEYS.laser, 'X', m.laser);
    bind(KEYS.captions, 'C', m.captionsKey);
    bind(KEYS.pen, 'D', m.inkPenKey);
    bind(KEYS.highlighter, 'M', m.inkHighlighterKey);
    bind(KEYS.eraser, 'E', m.inkEraserKey);
    bind(KEYS.clearInk, 'Delete', m.inkClearKey);
    bind(KEYS.undoInk, 'Z', m.inkUndoKey);
    bind(KEYS.redoInk, 'Y', m.inkRedoKey);
    bind(KEYS.end, 'Q', m.endHint);
  }

  /** Runs Lectern's action for a key; true when the key was ours. */
  handleKeyCode(keyCode: number, event?: KeyboardEvent): boolean {
    if (event && (event.ctrlKey || event.metaKey || event.altKey)) return false;
    switch (keyCode) {
      case KEYS.countdown:
        this.timers.toggle();
        break;
      case KEYS.extend:
      case KEYS.extendNumpad:
        this.timers.extend(1);
        break;
      case KEYS.white:
        this.tools.toggleWhite();
        break;
      case KEYS.laser:
        this.tools.toggleLaser();
        break;
      case KEYS.end:
        this.onEnd();
        break;
      case KEYS.captions:
        this.captions.toggle();
        break;
      case KEYS.pen:
        this.ink?.toggle('pen');
        break;
      case KEYS.highlighter:
        this.ink?.toggle('highlighter');
        break;
      case KEYS.eraser:
        this.ink?.toggle('eraser');
        break;
      case KEYS.clearInk:
        this.ink?.clearSlide();
        break;
      case KEYS.undoInk:
        this.ink?.undo();
        break;
      case KEYS.redoInk:
        this.ink?.redo();
        break;
      default:
        return false;
    }
    this.changed();
    return true;
  }

  private handleSlideChanged(): void {
    const slide = this.reveal.getCurrentSlide();
    this.timers.showSlide(slide);
    const position = this.positions.pastCount(slide) + 1;
    const total = this.positions.totalSlides();
    markCurrentSlide(this.host, slide, position, total);
    if (slide) {
      labelTaskBoxes(slide);
      this.announcer.slide(slide, position, total);
    }
    const { h, v } = this.reveal.getIndices();
    try {
      localStorage.setItem(`lectern.lastSlide.${this.deckId}`, `${h}.${v ?? 0}`);
    } catch {
      // not remembered; presenting goes on
    }
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
    this.speaker.refresh();
  }

  snapshot(): Snapshot {
    const index = this.positions.pastCount(this.reveal.getCurrentSlide());
    const elapsedSec = this.clock.elapsedSec();
    return {
      index,
      total: this.positions.totalSlides(),
      indices: this.reveal.getIndices(),
      isLast: this.reveal.isLastSlide(),
      elapsedSec,
      remainingSec: this.durationMinutes ? this.durationMinutes * 60 - elapsedSec : undefined,
      pace: paceAt(this.plan, index, elapsedSec),
      countdown: countdownState(this.timers.active),
      notesHtml: this.reveal.getSlideNotes(),
      whiteScreen: this.tools.whiteOn,
      laser: this.tools.laserActive,
      captions: this.captions.showing,
      paused: this.reveal.isPaused(),
    };
  }

  resetClock(): void {
    this.clock.reset();
    this.changed();
  }

  /** The panel inside reveal.js's speaker view (built with DOM calls in the popup's document). */
  private renderSpeakerPanel(doc: Document, root: HTMLElement): void {
    const actions = {
      toggle: () => this.timers.toggle(),
      extend: () => this.timers.extend(1),
      reset: () => this.timers.reset(),
      changed: () => this.changed(),
    };
    renderSpeakerPanel(doc, root, this.snapshot(), presentMsg(), actions, formatDate(Date.now(), { timeStyle: 'short' }));
  }

  destroy(): void {
    this.timers.destroy();
    this.tools.destroy();
    this.announcer.destroy();
    this.speaker.destroy();
    this.listeners.clear();
  }
}
