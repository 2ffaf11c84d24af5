// One presented lesson in the main (projecting) window: reveal.js plus Lectern's controllers --
// class clock and pacing, discussion countdowns, classroom tools, the speaker-view bridge -- and
// the keys that drive them. The presenter console and the speaker-view panel read `snapshot()`;
// they never keep state of their own, so both always agree.
import type { RevealApi } from 'reveal.js';
import { formatDate } from '../app/i18n.ts';
import { markCurrentSlide, labelTaskBoxes } from './accessible-deck.ts';
import { Announcer } from './announcer.ts';
import { CaptionsToggle } from './captions-toggle.ts';
import { ClassClock } from './class-clock.ts';
import { ClassroomTools } from './classroom-tools.ts';
import type { InkController } from './ink/ink-controller.ts';
import { DiscussionTimers } from './countdown.ts';
import { presentMsg } from './messages.ts';
import { formatDuration, paceAt, type Pace } from './pacing.ts';
import { SpeakerViewBridge } from './speaker-view.ts';

export interface Snapshot {
  index: number;
  total: number;
  indices: { h: number; v: number; f?: number };
  isLast: boolean;
  elapsedSec: number;
  /** Lesson time left (deck `duration` minus elapsed; negative once over), when planned. */
  remainingSec?: number;
  pace: Pace;
  countdown?: { remainingMs: number; running: boolean; ended: boolean; minutes: number; groups?: number };
  notesHtml: string | null;
  whiteScreen: boolean;
  laser: boolean;
  /** Whether videos show their captions (C). */
  captions: boolean;
  paused: boolean;
}

/** Key codes Lectern adds to reveal.js's (which uses arrows, Space, N/P, H/J/K/L, B/., F, G, O, S). */
export const KEYS = {
  countdown: 84 /* T */,
  extend: 187 /* = + */,
  extendNumpad: 107,
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
  ) {
    this.clock = new ClassClock(deckId);
    this.announcer = new Announcer(document.body, contentLang);
    this.timers = new DiscussionTimers(host);
    this.timers.announce = (text) => this.announcer.say(text);
    this.tools = new ClassroomTools(document.body);
    this.captions = new CaptionsToggle(host, document.documentElement.lang || 'vi');
    this.speaker = new SpeakerViewBridge({
      render: (doc, root) => this.renderSpeakerPanel(doc, root),
      handleKey: (event) => this.handleKeyCode(event.keyCode, event),
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
    const position = this.reveal.getSlidePastCount() + 1;
    const total = this.reveal.getTotalSlides();
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
    const index = this.reveal.getSlidePastCount();
    const elapsedSec = this.clock.elapsedSec();
    const active = this.timers.active;
    return {
      index,
      total: this.reveal.getTotalSlides(),
      indices: this.reveal.getIndices(),
      isLast: this.reveal.isLastSlide(),
      elapsedSec,
      remainingSec: this.durationMinutes ? this.durationMinutes * 60 - elapsedSec : undefined,
      pace: paceAt(this.plan, index, elapsedSec),
      countdown: active
        ? {
            remainingMs: active.countdown.remainingMs(),
            running: active.countdown.running,
            ended: active.countdown.ended,
            minutes: active.minutes,
            groups: active.groups,
          }
        : undefined,
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
    const m = presentMsg();
    const s = this.snapshot();
    const el = (tag: string, text: string, className = '') => {
      const node = doc.createElement(tag);
      node.textContent = text;
      if (className) node.className = className;
      return node;
    };
    const button = (text: string, action: string, run: () => void) => {
      const node = el('button', text);
      node.dataset.action = action;
      node.addEventListener('click', () => {
        run();
        this.changed();
      });
      return node;
    };
    root.replaceChildren();
    root.append(el('h4', m.lecternPanel));
    const times = el('div', '', 'row');
    times.append(el('span', `${m.elapsed}:`), el('span', formatDuration(s.elapsedSec), 'big elapsed'));
    if (s.remainingSec !== undefined) {
      times.append(el('span', `${m.remaining}:`), el('span', remainingText(s.remainingSec), `big remaining ${s.remainingSec < 0 ? 'behind' : ''}`));
    }
    times.append(el('span', `${m.clock}:`), el('span', formatDate(Date.now(), { timeStyle: 'short' }), 'big clock'));
    times.append(el('span', m.slideOf(s.index + 1, s.total)));
    root.append(times);
    root.append(el('div', paceText(s.pace), `row pace ${s.pace.state}`));
    if (s.countdown) {
      const c = s.countdown;
      const row = el('div', '', 'row countdown');
      const groups = c.groups ? ` · ${m.groups(c.groups)}` : '';
      row.append(el('span', `${m.discussion}${groups}:`));
      row.append(el('span', c.ended ? m.timeUp : formatDuration(Math.ceil(c.remainingMs / 1000)), `big ${c.ended ? 'ended' : ''}`));
      root.append(row);
      const buttons = el('div', '', 'row');
      buttons.append(
        button(c.running ? m.pause : m.start, 'toggle', () => this.timers.toggle()),
        button(m.extend, 'extend', () => this.timers.extend(1)),
        button(m.reset, 'reset', () => this.timers.reset()),
      );
      root.append(buttons);
    }
  }

  destroy(): void {
    this.timers.destroy();
    this.tools.destroy();
    this.announcer.destroy();
    this.speaker.destroy();
    this.listeners.clear();
  }
}

/** "12:30" left, or "−2:05" once the lesson runs over its duration. */
export function remainingText(sec: number): string {
  return sec < 0 ? `−${formatDuration(-sec)}` : formatDuration(sec);
}

export function paceText(pace: Pace): string {
  const m = presentMsg();
  switch (pace.state) {
    case 'ahead':
      return m.ahead(formatDuration(pace.deltaSec));
    case 'behind':
      return m.behind(formatDuration(pace.deltaSec));
    case 'on-time':
      return m.onTime;
    case 'no-plan':
      return m.noPlan;
  }
}
