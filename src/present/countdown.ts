// Discussion countdowns. `Countdown` is the clock of one `::: discussion {minutes=N}` block (pure:
// the time source is injected, so tests need no waiting); `DiscussionTimers` shows the countdown
// of the current slide's discussion on the projected slide and lets the keyboard, the presenter
// console and the speaker view start, pause and extend it. Each discussion keeps its own
// remaining time when the instructor moves away and comes back.
import { formatDuration } from './pacing.ts';
import { presentMsg } from './messages.ts';

export class Countdown {
  private remainingAtMark: number;
  private markedAt: number | undefined; // set while running

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.remainingAtMark = totalMs;
  }

  get running(): boolean {
    return this.markedAt !== undefined;
  }

  remainingMs(): number {
    if (this.markedAt === undefined) return Math.max(0, this.remainingAtMark);
    return Math.max(0, this.remainingAtMark - (this.now() - this.markedAt));
  }

  get ended(): boolean {
    return this.remainingMs() <= 0;
  }

  start(): void {
    if (this.running || this.ended) return;
    this.markedAt = this.now();
  }

  pause(): void {
    if (!this.running) return;
    this.remainingAtMark = this.remainingMs();
    this.markedAt = undefined;
  }

  toggle(): void {
    if (this.running) this.pause();
    else this.start();
  }

  /** Adds time; an ended countdown gets the extra time and keeps its running state off. */
  extend(ms: number): void {
    const wasRunning = this.running && !this.ended;
    this.remainingAtMark = this.remainingMs() + ms;
    this.markedAt = wasRunning ? this.now() : undefined;
  }

  reset(): void {
    this.remainingAtMark = this.totalMs;
    this.markedAt = undefined;
  }
}

export interface DiscussionInfo {
  minutes: number;
  groups?: number;
  countdown: Countdown;
}

const RE_NUMBER = /^\d+(?:\.\d+)?$/;

/** The countdowns of the presented deck and the overlay that shows the current one. */
export class DiscussionTimers {
  private readonly timers = new WeakMap<Element, DiscussionInfo>();
  private current: DiscussionInfo | undefined;
  private readonly widget: HTMLElement;
  private ticker: number | undefined;
  private readonly listeners = new Set<() => void>();
  private chimed = new WeakSet<Countdown>();
  /** What was last told to a screen reader about each countdown (see announceChanges). */
  private told = new WeakMap<Countdown, { running: boolean; oneMinute: boolean }>();
  /** Says a sentence politely to a screen reader (the presenting page's announcer). */
  announce: (text: string) => void = () => undefined;

  constructor(private readonly host: HTMLElement) {
    this.widget = document.createElement('div');
    this.widget.className = 'lectern-countdown';
    this.widget.hidden = true;
    this.widget.setAttribute('role', 'timer');
    this.widget.setAttribute('aria-live', 'off');
    host.appendChild(this.widget);
  }

  /** Call on every slide change with the slide now shown. */
  showSlide(slide: Element | undefined): void {
    const block = slide?.querySelector('.discussion[data-minutes]');
    this.current = block ? this.infoFor(block) : undefined;
    this.render();
  }

  private infoFor(block: Element): DiscussionInfo | undefined {
    let info = this.timers.get(block);
    if (!info) {
      const minutesText = block.getAttribute('data-minutes') ?? '';
      const minutes = RE_NUMBER.test(minutesText) ? Number(minutesText) : NaN;
      if (!(minutes > 0)) return undefined;
      const groupsText = block.getAttribute('data-groups') ?? '';
      const groups = /^\d+$/.test(groupsText) && Number(groupsText) > 0 ? Number(groupsText) : undefined;
      info = { minutes, groups, countdown: new Countdown(Math.round(minutes * 60_000)) };
      this.timers.set(block, info);
    }
    return info;
  }

  get active(): DiscussionInfo | undefined {
    return this.current;
  }

  toggle(): void {
    this.current?.countdown.toggle();
    this.changed();
  }

  extend(minutes = 1): void {
    if (!this.current) return;
    this.current.countdown.extend(minutes * 60_000);
    this.chimed.delete(this.current.countdown);
    this.changed();
  }

  reset(): void {
    if (!this.current) return;
    this.current.countdown.reset();
    this.chimed.delete(this.current.countdown);
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.render();
  }

  private render(): void {
    const info = this.current;
    const m = presentMsg();
    if (!info) {
      this.widget.hidden = true;
      this.stopTicker();
      this.notify();
      return;
    }
    const { countdown } = info;
    const remaining = countdown.remainingMs();
    const ended = countdown.ended;
    this.widget.hidden = false;
    this.widget.classList.toggle('running', countdown.running && !ended);
    this.widget.classList.toggle('ended', ended);
    this.widget.dataset.remainingMs = String(Math.round(remaining));
    this.widget.dataset.state = ended ? 'ended' : countdown.running ? 'running' : 'paused';
    const time = ended ? m.timeUp : formatDuration(Math.ceil(remaining / 1000));
    const groups = info.groups ? ` · ${m.groups(info.groups)}` : '';
    this.widget.innerHTML = '';
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = `${m.discussion}${groups}`;
    const value = document.createElement('span');
    value.className = 'value';
    value.textContent = time;
    this.widget.append(label, value);
    this.widget.title = m.countdownKeys;
    this.announceChanges(countdown);
    if (ended && !this.chimed.has(countdown)) {
      this.chimed.add(countdown);
      this.announce(m.countdownEnded);
      playQuietChime();
    }
    if (countdown.running && !ended) this.startTicker();
    else this.stopTicker();
    this.notify();
  }

  /** Start and one minute left, each once (the end goes with the chime). Not every second: a
   *  live timer read aloud would drown the lesson. */
  private announceChanges(countdown: Countdown): void {
    const m = presentMsg();
    const remaining = countdown.remainingMs();
    const running = countdown.running && !countdown.ended;
    const told = this.told.get(countdown) ?? { running: false, oneMinute: remaining <= 60_000 };
    if (running && !told.running) this.announce(m.countdownStarted(formatDuration(Math.ceil(remaining / 1000))));
    told.running = running;
    if (running && remaining <= 60_000 && !told.oneMinute) this.announce(m.countdownOneMinute);
    if (remaining > 60_000) told.oneMinute = false;
    else if (running) told.oneMinute = true;
    this.told.set(countdown, told);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private startTicker(): void {
    if (this.ticker !== undefined) return;
    this.ticker = window.setInterval(() => this.render(), 250);
  }

  private stopTicker(): void {
    if (this.ticker === undefined) return;
    window.clearInterval(this.ticker);
    this.ticker = undefined;
  }

  destroy(): void {
    this.stopTicker();
    this.widget.remove();
    this.listeners.clear();
  }
}

let audio: AudioContext | undefined;

/** Two soft tones: audible in a quiet room, not startling; no file, no network. */
function playQuietChime(): void {
  try {
    audio ??= new AudioContext();
    const at = audio.currentTime;
    for (const [i, freq] of [660, 880].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, at + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.05, at + i * 0.35 + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + i * 0.35 + 0.6);
      osc.connect(gain).connect(audio.destination);
      osc.start(at + i * 0.35);
      osc.stop(at + i * 0.35 + 0.65);
    }
  } catch {
    // No audio output (or autoplay refused): the visual signal remains.
  }
}
