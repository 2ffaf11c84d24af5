// A long deck in reveal.js with only a window of its top-level sections in the DOM (the model is
// section-window.ts). reveal.js then counts its horizontal index inside the window; this module
// makes every other party see the deck's TRUE positions:
//
// - the reveal.js API object Lectern, the speaker view bridge and the tests hold: `slide`,
//   `getIndices`, `getState`/`setState`, `isFirstSlide`/`isLastSlide`, `getSlide`,
//   `getHorizontalSlides`, `getTotalSlides`, `getSlidePastCount`, `getProgress` are replaced on
//   the instance by true-position versions (reveal.js's own controllers keep a private copy of the
//   originals, so its keyboard and controls keep working inside the window);
// - the notes plugin (speaker view) gets the same translated view of the deck (`plugin()`);
// - the URL hash (`#/412/0`) is written and read here (reveal.js's own hash is turned off: it
//   would write window positions), the progress bar is Lectern's, Home/End go to the deck's ends,
//   and a slide number typed after G (reveal.js's "jump to slide") goes to the true slide;
// - overview mode (O/Esc) shows every section while it is open.
//
// The window moves after a slide change has been shown (an animation frame, then a task): the
// sections move in/out, reveal.js syncs, and it is put back on the same slide and fragment with
// its events held back, so no listener sees a "change" that is none; the current slide's media
// are left alone. A slide() to a slide in the window is shown first and the window follows the
// same way; a jump beyond the window moves it first, then slides. Small decks
// (SectionWindow.active false) are left untouched.
import type { RevealApi, RevealPlugin, RevealState } from 'reveal.js';
import { SectionWindow, type WindowRange } from './section-window.ts';
import type { SlidePositions } from './slide-positions.ts';

interface Indices {
  h: number;
  v: number;
  f?: number;
}

/** reveal.js events a window move causes without the slide changing: held back while moving. */
const QUIET_EVENTS = ['beforeslidechange', 'slidechanged', 'fragmentshown', 'fragmenthidden', 'sync'] as const;

/** reveal.js options a windowed deck needs: its hash and progress bar would count the window
 *  (Lectern writes and reads the hash and draws the bar instead); its scroll view, which it turns
 *  on by itself in a window narrower than 435 px, would scroll through the window's slides only
 *  (a 1,000-slide scroll page is no lesson view either), so a windowed deck keeps the slide view. */
export const WINDOWED_CONFIG = { hash: false, respondToHashChanges: false, progress: false, scrollActivationWidth: 0 } as const;

/** reveal.js's "jump to slide" box (G): its input, which reveal.js creates with this class. */
export function isJumpInput(target: EventTarget | null): target is HTMLInputElement {
  return target instanceof HTMLInputElement && target.classList.contains('jump-to-slide-input');
}

/** The key reveal.js's search plugin opens and closes its box with (Ctrl+Shift+F), by its own test. */
export function togglesSearchBox(event: KeyboardEvent): boolean {
  return event.key === 'F' && (event.ctrlKey || event.metaKey);
}

/** Shows or hides reveal.js's jump box (its toggleJumpToSlide, missing from its types). */
export function toggleJumpBox(reveal: RevealApi | undefined, show: boolean): void {
  (reveal as unknown as { toggleJumpToSlide(show: boolean): void } | undefined)?.toggleJumpToSlide(show);
}

/** Replaces reveal.js's blur handler of its jump box (JumpToSlide.onBlur), which hides the box
 *  1 ms after the input loses focus whatever happened meanwhile. On a busy page queued key
 *  presses run before that timer: G pressed again right after Enter or Esc (which take the
 *  focused input out of the page), or the input blurred and focused again, and the timer hid the
 *  box the user was typing in; the rest of the words went to the presenter's keys (N, P and
 *  space step, Q ends the class and turns the keys off). Here `close` runs once the blur has
 *  settled, and only when the focus is really elsewhere (a click outside, Enter, Esc). */
export function closeJumpBoxOnLeave(close: () => void): void {
  document.addEventListener(
    'blur',
    (event) => {
      const input = event.target;
      if (!isJumpInput(input)) return;
      // Capture on the document: before reveal.js's listener on the input.
      event.stopImmediatePropagation();
      window.setTimeout(() => {
        if (document.activeElement !== input) close();
      });
    },
    true,
  );
}

/** reveal.js's media controller: not in its types, handed to plugins as `slideContent`. */
interface SlideContent {
  startEmbeddedContent(el: Element | null | undefined): void;
  stopEmbeddedContent(el: Element | null | undefined, options?: unknown): void;
  unload(el: Element): void;
}

/** The longest a window move waits for the next frame. */
const MOVE_FALLBACK_MS = 100;

const HOME = 36;
const END = 35;

export class WindowedReveal {
  readonly window: SectionWindow;
  /** Every top-level section in deck order, attached or not. */
  private readonly sections: HTMLElement[];
  private readonly topOf = new Map<Element, number>();
  private original: Pick<RevealApi, 'slide' | 'getIndices' | 'getState' | 'setState' | 'sync' | 'getCurrentSlide' | 'isLastSlide' | 'isOverview'> | undefined;
  private reveal: RevealApi | undefined;
  private quiet = false;
  private scheduled = false;
  private pendingMove: (() => void) | undefined;
  private hashTimer: number | undefined;
  private progressBar: HTMLElement | undefined;
  private slideContent: SlideContent | undefined;

  constructor(
    private readonly slidesEl: HTMLElement,
    private readonly positions: SlidePositions,
  ) {
    this.sections = [...slidesEl.querySelectorAll<HTMLElement>(':scope > section')];
    this.sections.forEach((section, h) => this.topOf.set(section, h));
    this.window = new SectionWindow(this.sections.length);
  }

  get active(): boolean {
    return this.window.active;
  }

  /** Every top-level section, attached or not (SlidePositions counts over them). */
  allSections(): readonly HTMLElement[] {
    return this.sections;
  }

  /** Before reveal.js starts: only the window around true slide `h` stays in the DOM. */
  prepare(h: number): void {
    if (!this.active) return;
    this.window.moveTo(this.window.centredOn(h));
    this.place();
  }

  /** Right after `new Reveal()` (before initialize): the API speaks true positions. */
  install(reveal: RevealApi): void {
    if (!this.active) return;
    this.reveal = reveal;
    const original = {
      slide: reveal.slide,
      getIndices: reveal.getIndices,
      getState: reveal.getState,
      setState: reveal.setState,
      sync: reveal.sync,
      getCurrentSlide: reveal.getCurrentSlide,
      isLastSlide: reveal.isLastSlide,
      isOverview: reveal.isOverview,
    };
    this.original = original;
    Object.assign(reveal, this.translations(reveal));
    for (const type of QUIET_EVENTS) {
      // A window capture listener runs before every listener on reveal.js's element.
      window.addEventListener(
        type,
        (event) => {
          if (this.quiet) event.stopImmediatePropagation();
        },
        true,
      );
    }
  }

  /** The notes plugin (speaker view) with the deck's true positions. */
  plugin(make: () => RevealPlugin): () => RevealPlugin {
    return () => {
      const inner = make();
      if (!this.active) return inner;
      return {
        ...inner,
        id: inner.id,
        init: (deck: RevealApi) => inner.init?.(Object.assign(Object.create(deck) as RevealApi, this.translations(deck))),
      };
    };
  }

  /** A plugin that only hands this module reveal.js's media controller (plugins get reveal.js's
   *  inner API object, which has it). */
  mediaPlugin(): RevealPlugin {
    return {
      id: 'lectern-window',
      init: (deck: RevealApi) => {
        const content = (deck as unknown as { slideContent?: SlideContent }).slideContent;
        if (content && typeof content.stopEmbeddedContent === 'function') this.slideContent = content;
      },
    };
  }

  /** After initialize: hash, progress bar, Home/End, overview, jump to slide, window moves. */
  start(revealEl: HTMLElement, labels: { progress: string }, slideLabels: readonly string[]): void {
    const reveal = this.reveal;
    if (!this.active || !reveal) return;
    this.progressBar = this.buildProgress(revealEl, labels.progress);
    const refresh = () => this.refreshProgress();
    reveal.on('slidechanged', () => {
      refresh();
      // After the slide is shown, like the window's move: history.replaceState costs about a
      // millisecond in Chromium, and nobody waits for the address bar.
      this.scheduleHash();
      if (!this.window.comfortable(this.current().h)) this.scheduleMove();
    });
    // Capture, on the window: before reveal.js's own keyboard and controls handle the step.
    window.addEventListener('keydown', this.flushPendingMove, true);
    window.addEventListener('pointerdown', this.flushPendingMove, true);
    reveal.on('fragmentshown', refresh);
    reveal.on('fragmenthidden', refresh);
    // Overview mode lays out every slide: the whole deck is in it while it is open.
    reveal.on('overviewshown', () => this.moveWindow(this.window.everything()));
    reveal.on('overviewhidden', () => this.scheduleMove());
    reveal.addKeyBinding(HOME, () => reveal.slide(0));
    reveal.addKeyBinding(END, () => reveal.slide(this.sections.length - 1));
    // The URL the user typed (newURL): a hash Lectern writes after a slide change may have
    // replaced it in the meantime.
    window.addEventListener('hashchange', (event) => {
      const at = parseHash(new URL(event.newURL).hash);
      if (at) reveal.slide(at.h, at.v);
    });
    this.catchJumps(slideLabels);
    // reveal.js's search box (Ctrl+Shift+F) walks and highlights the text in the DOM and jumps
    // by reveal.js's own positions: while it is open the whole deck is in the DOM (as in
    // overview), so it finds every slide and its positions are the true ones; the window comes
    // back when it closes (after the plugin's listener, which removes its highlights first).
    document.addEventListener('keydown', (event) => {
      if (!togglesSearchBox(event)) return;
      const box = revealEl.querySelector<HTMLElement>(':scope > .searchbox');
      if (box?.style.display === 'inline') this.moveWindow(this.window.everything());
      else this.scheduleMove();
    });
    this.writeHash();
    refresh();
  }

  /** True indices of the current slide. */
  current(): Indices {
    const original = this.original;
    if (!original) return { h: 0, v: 0 };
    const slide = original.getCurrentSlide() as HTMLElement | undefined;
    const { v, f } = original.getIndices();
    return { ...(slide ? this.indicesOf(slide) : { h: 0 }), v: v ?? 0, ...(typeof f === 'number' ? { f } : {}) };
  }

  /** True h/v of a section (a slide or a stack's child), attached or not. */
  indicesOf(slide: Element): { h: number; v: number } {
    const top = this.topOf.has(slide) ? slide : slide.parentElement;
    const h = top ? this.topOf.get(top) : undefined;
    if (h === undefined || !top) return { h: 0, v: 0 };
    if (top === slide) return { h, v: 0 };
    return { h, v: Math.max(0, [...top.children].filter((c) => c.tagName === 'SECTION').indexOf(slide)) };
  }

  // The true-position versions of reveal.js's position methods, over `deck` (the API object or
  // the plugins' copy of it).
  private translations(deck: RevealApi): Partial<RevealApi> {
    const original = this.original!;
    const slide = (h?: number, v?: number, f?: number, origin?: number) => {
      if (typeof h !== 'number' || Number.isNaN(h)) {
        original.slide.call(deck, h, v, f, ...(origin === undefined ? [] : [origin]));
        return;
      }
      const target = Math.min(Math.max(0, Math.trunc(h)), this.sections.length - 1);
      this.reach(target);
      original.slide.call(deck, this.window.toReveal(target) ?? 0, v, f, ...(origin === undefined ? [] : [origin]));
    };
    return {
      slide: slide as RevealApi['slide'],
      getIndices: ((of?: HTMLElement) => {
        if (of) return { ...this.indicesOf(of), f: undefined };
        const { h, v, f } = this.current();
        return { h, v, f };
      }) as RevealApi['getIndices'],
      getState: (() => {
        return { ...original.getState.call(deck), indexh: this.current().h };
      }) as RevealApi['getState'],
      // The state may come from another window (speaker view): anything but a number is passed on.
      setState: ((state: RevealState) => {
        if (!state || typeof state !== 'object') return;
        const h = Number((state as { indexh?: unknown }).indexh);
        if (Number.isFinite(h)) {
          const target = Math.min(Math.max(0, Math.trunc(h)), this.sections.length - 1);
          this.reach(target);
          original.setState.call(deck, { ...state, indexh: this.window.toReveal(target) ?? 0 });
        } else original.setState.call(deck, state);
      }) as RevealApi['setState'],
      getSlide: ((x: number, y?: number) => {
        const top = this.sections[x];
        if (!top || y === undefined) return top;
        return [...top.querySelectorAll<HTMLElement>(':scope > section')][y];
      }) as RevealApi['getSlide'],
      getHorizontalSlides: () => [...this.sections],
      getTotalSlides: () => this.positions.totalSlides(),
      getSlidePastCount: ((of?: HTMLElement) => this.positions.pastCount(of ?? (original.getCurrentSlide() as HTMLElement | undefined))) as RevealApi['getSlidePastCount'],
      getProgress: () => this.progress(),
      isFirstSlide: () => {
        const { h, v } = this.current();
        return h === 0 && v === 0;
      },
      isLastSlide: () => this.window.end === this.sections.length && original.isLastSlide.call(deck),
    };
  }

  /** Before a slide() to true slide `h`: a slide outside the window brings the window first (a
   *  jump); one inside it is shown as it is, and the window follows after the change like after a
   *  step (moving it first cost a sync() of the window inside the switch: 17-37 ms in the bench
   *  against 8 ms for the same step without). */
  private reach(h: number): void {
    if (this.window.toReveal(h) === undefined) this.moveWindow(this.window.centredOn(h), h);
  }

  /** Lesson progress 0..1 by counted slides (reveal.js's counts fragments too; not worth a walk). */
  private progress(): number {
    const total = this.positions.totalSlides();
    if (total < 2) return 0;
    const slide = this.original?.getCurrentSlide() as HTMLElement | undefined;
    return Math.min(1, this.positions.pastCount(slide) / (total - 1));
  }

  /** Puts the window's sections in the DOM, in order, and takes the others out. */
  private place(): void {
    const { start, end } = this.window;
    for (let h = 0; h < this.sections.length; h++) {
      const section = this.sections[h]!;
      if ((h < start || h >= end) && section.parentNode === this.slidesEl) section.remove();
    }
    let next: Element | null = null;
    for (let h = end - 1; h >= start; h--) {
      const section = this.sections[h]!;
      if (section.parentNode !== this.slidesEl || section.nextElementSibling !== next) this.slidesEl.insertBefore(section, next);
      next = section;
    }
  }

  /** Moves the window to `range` and puts reveal.js back where it was, its events held back.
   *  With `target` (a jump), reveal.js is left on a slide other than the target's position, so
   *  the slide() that follows is a change reveal.js announces. */
  private moveWindow(range: WindowRange, target?: number): void {
    const original = this.original;
    if (!original) return;
    const was = this.current();
    if (!this.window.moveTo(range)) return;
    performance.mark('lectern-window-move');
    this.place();
    const here = this.window.toReveal(was.h);
    let park = here;
    if (target !== undefined) {
      const there = this.window.toReveal(target) ?? 0;
      if (park === undefined || park === there) park = there === 0 ? 1 : 0;
    }
    this.quiet = true;
    // A re-centring keeps the current slide: reveal.js's sync() and slide() would see it leave
    // and come back (its window position changes), pause its video and, with autoplay, restart
    // it from 0; sync() counts view distances from the stale position and could unload it. A jump
    // leaves the slide: reveal.js stops its media as on any slide change.
    const keep = target === undefined ? (original.getCurrentSlide() as HTMLElement | undefined) : undefined;
    const restore = keep ? this.leaveMediaAlone(keep) : undefined;
    try {
      original.sync.call(this.reveal);
      if (park !== undefined) original.slide.call(this.reveal, park, park === here ? was.v : 0, park === here ? was.f : undefined);
    } finally {
      restore?.();
      this.quiet = false;
    }
    performance.measure('lectern-window-shift', 'lectern-window-move');
  }

  /** Until the returned function runs, reveal.js neither starts, stops nor unloads `keep` (the
   *  current slide), its stack or anything inside it. */
  private leaveMediaAlone(keep: HTMLElement): (() => void) | undefined {
    const content = this.slideContent;
    if (!content) return undefined;
    const touches = (el: Element | null | undefined) => !!el && (el === keep || el.contains(keep) || keep.contains(el) || el === (keep as { slideBackgroundElement?: Element }).slideBackgroundElement);
    const { startEmbeddedContent: start, stopEmbeddedContent: stop, unload } = content;
    const keys = ['startEmbeddedContent', 'stopEmbeddedContent', 'unload'] as const;
    // Own properties shadow the prototype's methods; removing them (or putting back any own
    // ones there were) restores reveal.js's.
    const before = keys.map((key) => Object.getOwnPropertyDescriptor(content, key));
    Object.assign(content, {
      startEmbeddedContent: (el: Element | null | undefined) => (touches(el) ? undefined : start.call(content, el)),
      stopEmbeddedContent: (el: Element | null | undefined, options?: unknown) => (touches(el) ? undefined : stop.call(content, el, options)),
      unload: (el: Element) => (touches(el) ? undefined : unload.call(content, el)),
    });
    return () =>
      keys.forEach((key, i) => {
        const own = before[i];
        if (own) Object.defineProperty(content, key, own);
        else delete (content as Partial<SlideContent>)[key];
      });
  }

  /** The window follows the slide after the change is on screen (a frame, then a task). */
  private scheduleMove(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const move = () => {
      if (!this.scheduled) return;
      this.scheduled = false;
      this.pendingMove = undefined;
      window.clearTimeout(fallback);
      if (this.original?.isOverview()) return;
      const { h } = this.current();
      if (!this.window.comfortable(h) || this.window.end - this.window.start === this.sections.length) this.moveWindow(this.window.centredOn(h));
    };
    this.pendingMove = move;
    requestAnimationFrame(() => setTimeout(move));
    // No frame comes while the page is not drawn (a presenting window behind the speaker view,
    // a hidden tab, a headless page that was resized): the move must not wait for one.
    const fallback = window.setTimeout(move, MOVE_FALLBACK_MS);
  }

  /** The next key or click finds the window where it should be: quick presses (a held arrow key,
   *  a clicker pressed fast while the page draws no frames) would otherwise reach the window's
   *  edge before the move ran, and reveal.js, seeing no next section, would drop the step. */
  private flushPendingMove = (): void => {
    this.pendingMove?.();
  };

  private scheduleHash(): void {
    if (this.hashTimer !== undefined) return;
    this.hashTimer = window.setTimeout(() => {
      this.hashTimer = undefined;
      this.writeHash();
    });
  }

  private writeHash(): void {
    const { h, v } = this.current();
    const hash = `#/${h}${v > 0 ? `/${v}` : ''}`;
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  }

  private buildProgress(revealEl: HTMLElement, label: string): HTMLElement {
    // reveal.js's own bar (turned off) counts the window; this one counts the deck, same look.
    const bar = document.createElement('div');
    bar.className = 'progress lectern-progress';
    bar.style.display = 'block';
    bar.setAttribute('role', 'progressbar');
    bar.setAttribute('aria-label', label);
    bar.setAttribute('aria-valuemin', '0');
    bar.setAttribute('aria-valuemax', '100');
    bar.append(document.createElement('span'));
    revealEl.append(bar);
    return bar;
  }

  private refreshProgress(): void {
    const bar = this.progressBar;
    if (!bar) return;
    const progress = this.progress();
    (bar.firstElementChild as HTMLElement).style.transform = `scaleX(${progress})`;
    bar.setAttribute('aria-valuenow', String(Math.round(progress * 100)));
  }

  /** reveal.js's "jump to slide" (G, then a number or words) reads a number as a window position
   *  and looks for words in the window's slides only: a slide number as the presenter shows it
   *  ("412", "10.2") goes to that true slide, and words go to the first slide of the whole deck
   *  holding them (attached or not). */
  private catchJumps(slideLabels: readonly string[]): void {
    let timer: number | undefined;
    const find = (query: string): Element | undefined => {
      const index = slideLabels.indexOf(query.trim());
      if (index >= 0) return this.positions.slideAt(index);
      const words = searchable(query);
      if (words.length < 2) return undefined; // as reveal.js: one letter is no search
      for (let i = 0, slide = this.positions.slideAt(0); slide; slide = this.positions.slideAt(++i)) {
        if (searchable(slide.textContent ?? '').includes(words)) return slide;
      }
      return undefined;
    };
    const jump = (query: string): boolean => {
      const slide = find(query);
      if (!slide) return false;
      const { h, v } = this.indicesOf(slide);
      this.reveal?.slide(h, v);
      return true;
    };
    // The box is Lectern's once open: reveal.js's own input handler would start a timer that,
    // firing after a jump made here, sends it back to where the box opened by window position.
    /** Where G was pressed: set when the box gets the focus first, cleared when it closes. */
    let origin: Indices | undefined;
    // A live jump still due when the box closes would move the slide under whatever comes next
    // (a box hidden while words were typed in it left the presenter on slide 0: see closeJumpBoxOnLeave).
    const close = () => {
      window.clearTimeout(timer);
      origin = undefined;
      toggleJumpBox(this.reveal, false);
    };
    document.addEventListener('focusin', (event) => {
      if (isJumpInput(event.target)) origin ??= this.current();
    });
    closeJumpBoxOnLeave(close);
    document.addEventListener(
      'input',
      (event) => {
        if (!isJumpInput(event.target)) return;
        event.stopImmediatePropagation();
        const query = event.target.value;
        window.clearTimeout(timer);
        if (find(query)) timer = window.setTimeout(() => jump(query), 200);
      },
      true,
    );
    document.addEventListener(
      'keydown',
      (event) => {
        if (!isJumpInput(event.target) || (event.key !== 'Enter' && event.key !== 'Escape')) return;
        const input = event.target;
        window.clearTimeout(timer);
        event.stopImmediatePropagation();
        event.preventDefault();
        // Nothing found, or Esc: back where the box opened (a live jump may have moved there).
        if (!(event.key === 'Enter' && jump(input.value)) && origin) this.reveal?.slide(origin.h, origin.v, origin.f);
        input.value = '';
        close();
      },
      true,
    );
  }
}

/** Text as "G + words" compares it: composed (NFC, so a typed "ộ" meets a stored one), lower
 *  case, runs of white space as one space. */
function searchable(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** `#/12` or `#/12/3` (reveal.js's hash form, 0-based): the true slide it names. */
export function parseHash(hash: string): { h: number; v: number } | undefined {
  const match = /^#\/(\d+)(?:\/(\d+))?/.exec(hash);
  return match ? { h: Number(match[1]), v: Number(match[2] ?? 0) } : undefined;
}
