// present.html: presents one stored deck with reveal.js 6.
//
//   present.html?lectern-deck=<id>[&lectern-slide=h.v][&lectern-mode=presenter][&lang=vi|en]
//
// The deck is named in the query (never only in the hash) because reveal.js's speaker view
// reloads this page without its hash, adding `?receiver`, in two preview iframes: a receiver
// renders just the slides (no clock, countdown overlay, tools or after-class prompt) and is
// driven by postMessage. `?print-pdf` is reveal.js's print view (slides to PDF; videos become
// poster frames; `&lectern-notes` prints speaker notes on separate pages).
import 'reveal.js/reset.css';
import 'reveal.js/reveal.css';
import '../app/tokens.css';
import './present.css';
import Reveal, { type RevealApi, type RevealConfig } from 'reveal.js';
import RevealNotes from 'reveal.js/plugin/notes';
import RevealSearch from 'reveal.js/plugin/search';
import RevealZoom from 'reveal.js/plugin/zoom';
import { getLang } from '../app/i18n.ts';
import { PRESENT_PARAM, routeHash } from '../app/routes.ts';
import { getStore } from '../app/store.ts';
import { startOffline } from '../offline/index.ts';
import { applyBlockStyles, applyTheme, pickTheme, type ThemeName } from '../themes/index.ts';
import { classInkToRecord, endClassInk } from './ink/ink-class.ts';
import { deckInkLayer } from '../store/ink-layers.ts';
import { DeckNotFoundError, loadStoredDeck, type LoadedDeck } from './load-deck.ts';
import { presentMsg } from './messages.ts';
import { makeReadable } from './accessible-deck.ts';
import { Presentation } from './presentation.ts';
import { PROGRESSIVE_FROM, ProgressiveDeck } from './progressive.ts';
import { SlidePositions } from './slide-positions.ts';
import { closeJumpBoxOnLeave, isJumpInput, parseHash, toggleJumpBox, togglesSearchBox, WINDOWED_CONFIG, WindowedReveal } from './windowed-reveal.ts';
import { createSanitizer, parseDeck, renderDeck, slideNumbering } from '@lectern/deck';
import { clipsByUrl, enforceClips, videosToPosters } from './clips.ts';
import { presentedPlan, RevealMessageGate, readyMessage, withoutUrlConfig } from '@lectern/present-runtime';
import { errorText } from '../app/error-text.ts';

const params = new URLSearchParams(location.search);
const receiver = params.has('receiver');
const printing = /print-pdf/i.test(location.search);
const deckId = params.get(PRESENT_PARAM.deck);
const presenterMode = !receiver && !printing && params.get(PRESENT_PARAM.mode) === 'presenter';
const RE_SLIDE = /^(\d+)(?:\.(\d+))?$/;
const RETURN_KEY = 'lectern.returnRoute';

document.documentElement.lang = getLang();

// Listening from the first moment, so a preview keeps what its parent sends while the deck loads.
// A receiver obeys the window that frames it (the speaker view, the presenter console); the
// presenting window obeys only the speaker view it opened.
let speakerWindow: () => Window | undefined = () => undefined;
const gate = new RevealMessageGate((source) =>
  receiver ? source === window.parent && window.parent !== window : source === speakerWindow(),
);

/** Where "leave" goes: the app screen the instructor came from (recorded by the app shell). */
function returnUrl(): string {
  let hash = '';
  try {
    hash = localStorage.getItem(RETURN_KEY) ?? '';
  } catch {
    // storage disabled: fall back to the deck's editor
  }
  if (!hash.startsWith('#/')) hash = deckId ? routeHash({ name: 'edit', deckId }) : '#/library';
  return `index.html${hash}`;
}

function showError(message: string): void {
  const m = presentMsg();
  document.body.classList.add('lectern-present-error');
  const box = document.createElement('div');
  box.className = 'lectern-error';
  box.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.textContent = message;
  const a = document.createElement('a');
  a.href = returnUrl();
  a.textContent = m.backToLibrary;
  box.append(p, a);
  document.body.replaceChildren(box);
  document.documentElement.dataset.lecternState = 'error';
}

function parseStart(): { h: number; v: number } | undefined {
  const match = RE_SLIDE.exec(params.get(PRESENT_PARAM.slide) ?? '');
  return match ? { h: Number(match[1]), v: Number(match[2] ?? 0) } : undefined;
}

/** reveal.js slide hash (#/3/1) present: a reload resumes there rather than at lectern-slide. */
function hasRevealHash(): boolean {
  return /^#\/\d/.test(location.hash);
}

function revealHashStart(): { h: number; v: number } | undefined {
  return parseHash(location.hash);
}

/** The <section> shown at h/v (the stack's child for a vertical stack). */
function sectionAt(slidesEl: Element, at: { h: number; v: number } | undefined): Element | undefined {
  const top = slidesEl.querySelectorAll(':scope > section')[at?.h ?? 0];
  const children = top?.querySelectorAll(':scope > section');
  return children && children.length > 0 ? children[at?.v ?? 0] ?? children[0] : top;
}

async function boot(): Promise<void> {
  const m = presentMsg();
  if (!deckId) {
    showError(m.noDeck);
    return;
  }
  let loaded: LoadedDeck;
  try {
    loaded = await loadStoredDeck(deckId);
  } catch (error) {
    showError(error instanceof DeckNotFoundError ? m.notFound : m.storeFailed(errorText(error)));
    return;
  }
  window.addEventListener('pagehide', () => loaded.release());
  performance.mark('lectern-loaded');

  const deck = parseDeck(loaded.record.markdown);
  const resolveMedia = (path: string) => loaded.urls.get(path);
  const sanitize = createSanitizer(window);
  const clips = clipsByUrl(deck, resolveMedia);
  // The deck package's numbering (title slide counted, "10.2" for vertical slides), the same as
  // the library card, plan screen, handout and `lectern build`, instead of reveal.js's own count.
  const numbering = slideNumbering(deck);
  document.title = `${deck.meta.title ?? loaded.record.title} · Lectern`;
  // The page's chrome speaks the UI language; the slides keep the deck's (makeReadable).

  const revealEl = document.querySelector<HTMLElement>('.reveal');
  const slidesEl = revealEl?.querySelector<HTMLElement>('.slides');
  if (!revealEl || !slidesEl) throw new Error('present.html lacks .reveal > .slides');
  // A long deck keeps only a window of its sections in reveal.js's DOM (windowed-reveal.ts); the
  // positions count them all.
  let windowed: WindowedReveal | undefined;
  const positions = new SlidePositions(() => windowed?.allSections() ?? slidesEl.querySelectorAll(':scope > section'));
  const progressive =
    !printing && deck.slides.length > PROGRESSIVE_FROM
      ? new ProgressiveDeck(deck, { sanitize, resolveMedia }, (section) => {
          enforceClips(section, clips);
          // A filled slide may be data-visibility="uncounted" (the deck's structure is the skeleton's).
          if (section.dataset.visibility) positions.forget();
        })
      : undefined;
  if (progressive) {
    slidesEl.innerHTML = progressive.skeleton(); // title slide sanitized; the rest are empty shells
    progressive.attach(slidesEl);
  } else {
    slidesEl.innerHTML = renderDeck(deck, { sanitize, resolveMedia }).html; // sanitized (createSanitizer)
  }
  performance.mark('lectern-rendered');
  // The print view's ink needs each slide's h.v, which reveal.js's print layout no longer shows.
  const printInk = printing && params.has(PRESENT_PARAM.ink) ? await import('./ink/ink-print.ts').catch(() => undefined) : undefined;
  printInk?.markSlidePositions(slidesEl);

  // reveal.js's data-timing comes from the renderer, by the deck package's planned minutes.
  const plan = presentedPlan(deck);
  progressive?.fillAround(sectionAt(slidesEl, revealHashStart() ?? (receiver ? undefined : parseStart())));

  // The instructor's defaults (Settings): theme for decks that name none, slide transition.
  let fallbackTheme: ThemeName = 'white';
  let transition: NonNullable<RevealConfig['transition']> = 'slide';
  try {
    const settings = await (await getStore()).getSettings();
    fallbackTheme = pickTheme(settings.theme).theme;
    transition = settings.presenter.transition;
  } catch {
    // settings unreadable: white, slide
  }
  const picked = pickTheme(deck.meta.theme, fallbackTheme);
  if (picked.substituted) console.info(m.themeSubstituted(deck.meta.theme ?? '', picked.theme));
  applyBlockStyles(document);
  await applyTheme(document, picked.theme);

  if (printing) await videosToPosters(slidesEl, clips);
  else if (!progressive) enforceClips(slidesEl, clips);

  const slideNumberOf = (slide: HTMLElement): [string, string, string] => {
    const label = numbering.linear[positions.pastCount(slide)] ?? '';
    // reveal.js shows "a / b" only when b is a number (its types say string).
    return [label, '/', numbering.count as unknown as string];
  };
  // The previews (receivers) and the print view keep every section: they follow true positions
  // and print the whole deck.
  const startAt = revealHashStart() ?? parseStart();
  if (!receiver && !printing) {
    windowed = new WindowedReveal(slidesEl, positions);
    windowed.prepare(startAt?.h ?? 0);
  }
  const windowing = windowed?.active === true;
  // Built only from Lectern's own parameters: reveal.js reads nothing from the URL (@lectern/present-runtime's reveal-gate).
  const config: RevealConfig = {
    hash: !receiver,
    respondToHashChanges: !receiver,
    history: false,
    controls: !receiver,
    progress: !receiver,
    slideNumber: receiver ? false : slideNumberOf,
    center: true,
    embedded: presenterMode,
    transition: receiver ? 'none' : transition,
    backgroundTransition: receiver ? 'none' : 'fade',
    autoSlide: 0,
    pdfSeparateFragments: false,
    showNotes: printing && params.has('lectern-notes'),
    // Lectern's own listener replaces reveal.js's (RevealMessageGate).
    postMessage: false,
    // The speaker view's current-slide preview reports its moves to the speaker view.
    postMessageEvents: receiver && params.get('postMessageEvents') === 'true',
    // A preview never turns into reveal.js's scroll view, however narrow its frame (what the
    // speaker view asked for with `scrollActivationWidth=false` in the URL).
    ...(receiver ? { scrollActivationWidth: 0 } : {}),
    plugins: [windowed ? windowed.plugin(RevealNotes) : RevealNotes, RevealSearch, RevealZoom, ...(windowing && windowed ? [windowed.mediaPlugin()] : [])],
    ...(windowing ? WINDOWED_CONFIG : {}),
  };
  if (printing && params.has('lectern-notes')) {
    // Notes on their own pages when printing (option missing from reveal.js's types).
    (config as Record<string, unknown>).showNotes = 'separate-page';
  }
  if (presenterMode) document.body.classList.add('lectern-presenter-mode');

  const reveal: RevealApi = new Reveal(revealEl, config);
  windowed?.install(reveal);
  await withoutUrlConfig(() => reveal.initialize());
  windowed?.start(revealEl, { progress: m.lessonProgress }, numbering.linear);
  // A windowed deck's jump box is Lectern's (windowed-reveal.ts); reveal.js's own, here, gets the
  // same guard against its blur timer hiding a box opened again (a busy page, G right after Enter).
  if (!windowing) closeJumpBoxOnLeave(() => toggleJumpBox(reveal, false));
  for (const event of ['sync', 'slidesync']) reveal.on(event, () => positions.forget());
  gate.attach(reveal);
  makeReadable(reveal, revealEl, { title: deck.meta.title ?? loaded.record.title, deckLang: deck.meta.lang });
  if (progressive) {
    const syncOne = (section: HTMLElement) => {
      if (!section.isConnected) return; // out of the window: reveal.js syncs it when it comes in
      reveal.syncSlide(section);
      reveal.syncFragments(section);
    };
    const around = (section: Element | undefined) => {
      progressive.fillAround(section);
      progressive.syncAround(section, syncOne);
    };
    // Registered before the presenter's own listeners: they see the slide filled.
    reveal.on('slidechanged', (event) => around((event as unknown as { currentSlide: Element }).currentSlide));
    around(reveal.getCurrentSlide());
    // G and words, and the search box (Ctrl+Shift+F), read the text of the slides in the page: a
    // slide idle filling has not reached yet (the first seconds after opening a long deck) is an
    // empty shell they would pass over. Such a search fills everything first, once. Capture on
    // the window: before the jump box's own input listeners, which search at once.
    const fillForSearch = () => {
      if (progressive.complete || progressive.fillAll() === 0) return;
      reveal.sync();
      progressive.markAllSynced();
    };
    window.addEventListener(
      'input',
      (event) => {
        if (isJumpInput(event.target) && !/^[\d.\s]*$/.test(event.target.value)) fillForSearch();
      },
      true,
    );
    window.addEventListener(
      'keydown',
      (event) => {
        if (togglesSearchBox(event)) fillForSearch();
      },
      true,
    );
    progressive.fillInIdle(() => {
      // One sync for everything filled in idle time (per-slide syncs would cost O(slides²)).
      reveal.sync();
      progressive.markAllSynced();
      performance.mark('lectern-all-filled');
      document.documentElement.dataset.lecternFilled = 'all';
    });
  } else {
    performance.mark('lectern-all-filled');
    document.documentElement.dataset.lecternFilled = 'all';
  }
  // The live instance, for same-origin frames (speaker view) and the end-to-end tests.
  (window as unknown as { lecternReveal: RevealApi }).lecternReveal = reveal;
  // "First slide shown": the frame after reveal.js is ready (the presenting benchmark reads it).
  requestAnimationFrame(() => performance.mark('lectern-first-slide'));

  if (receiver || printing) {
    if (receiver) await mountInkPreview(reveal, deckId, revealEl);
    if (printInk) await mountPrintInk(reveal, deckId, printInk.drawPrintInk);
    document.documentElement.dataset.lecternState = 'ready';
    // Tell the framing window (speaker view, presenter console) that it may drive this preview
    // now: the speaker view answers with the current state, so "next slide" is right at once.
    if (receiver && window.parent !== window) window.parent.postMessage(readyMessage(reveal), location.origin);
    return;
  }

  startOffline('present');
  const start = parseStart();
  // A windowed deck's hash is Lectern's to read (reveal.js's hash is off there).
  if (windowing && startAt) reveal.slide(startAt.h, startAt.v);
  else if (start && !hasRevealHash()) reveal.slide(start.h, start.v);

  const presentation = new Presentation(reveal, deckId, plan, revealEl, deck.meta.lang ?? getLang(), positions);
  speakerWindow = () => presentation.speaker.window;
  presentation.durationMinutes = deck.meta.duration;
  presentation.onEnd = () => void endClass(presentation, loaded, deck.meta.audience ?? '', deck.meta.title ?? loaded.record.title);
  addHud(presentation);
  await mountInk(presentation, slidesEl);
  if (presenterMode) await mountConsole(presentation, revealEl);
  // For tests and for the speaker view's same-origin iframes: the live reveal.js instance.
  (window as unknown as { lecternPresentation: Presentation }).lecternPresentation = presentation;
  document.documentElement.dataset.lecternState = 'ready';
  revealEl.focus();
}

async function mountConsole(presentation: Presentation, revealEl: HTMLElement): Promise<void> {
  await import('./presenter-console.ts');
  const consoleEl = document.createElement('lectern-presenter-console');
  const preview = new URLSearchParams(location.search);
  preview.delete(PRESENT_PARAM.mode);
  preview.delete(PRESENT_PARAM.slide);
  preview.set('receiver', '');
  consoleEl.previewUrl = `${location.pathname}?${preview.toString()}`;
  consoleEl.presentation = presentation;
  document.body.prepend(consoleEl);
  presentation.reveal.layout();
  revealEl.focus();
}

/** The drawing tools and this class's ink (src/present/ink). A store that cannot be read leaves
 *  the lesson without ink, never without slides. */
async function mountInk(presentation: Presentation, slidesEl: HTMLElement): Promise<void> {
  try {
    const [{ openInkSession }, { InkController }] = await Promise.all([import('./ink/ink-session.ts'), import('./ink/ink-controller.ts')]);
    let controller: import('./ink/ink-controller.ts').InkController | undefined;
    const session = await openInkSession(await getStore(), presentation.deckId, (error) =>
      controller?.say(presentMsg().inkSaveFailed(error instanceof Error ? error.message : String(error))),
    );
    controller = new InkController(presentation.reveal, session.model, slidesEl);
    controller.saved = session.flushed;
    presentation.ink = controller;
    // For the end-to-end tests: resolves when every stroke so far is in IndexedDB.
    (window as unknown as { lecternInkFlushed: () => Promise<void> }).lecternInkFlushed = session.flushed;
  } catch (error) {
    console.error('ink unavailable', error);
  }
}

/** `?print-pdf&lectern-ink`: the ink kept on the deck, printed over each slide. A store that
 *  cannot be read prints the slides without it. */
async function mountPrintInk(reveal: RevealApi, deckId: string, draw: typeof import('./ink/ink-print.ts').drawPrintInk): Promise<void> {
  try {
    // reveal.js lays the printed pages out after initialize; its last step adds the pages and
    // announces 'pdf-ready'.
    if (!document.querySelector('.reveal .pdf-page')) await new Promise<void>((resolve) => reveal.on('pdf-ready', () => resolve()));
    const records = await (await getStore()).listInk(deckInkLayer(deckId));
    draw(reveal, new Map(records.map((r) => [r.slide, r.strokes])));
  } catch (error) {
    console.error('ink unavailable', error);
  }
}

/** The speaker view's slide previews show the class's ink too, read-only, following every change. */
async function mountInkPreview(reveal: RevealApi, deckId: string, revealEl: HTMLElement): Promise<void> {
  const slidesEl = revealEl.querySelector<HTMLElement>('.slides');
  if (!slidesEl) return;
  try {
    const [{ watchInk }, { InkView }, { revealPosition, revealSlideSize }] = await Promise.all([
      import('./ink/ink-session.ts'),
      import('./ink/ink-view.ts'),
      import('./ink/ink-controller.ts'),
    ]);
    let view: import('./ink/ink-view.ts').InkView | undefined;
    const model = await watchInk(await getStore(), deckId, () => view?.render());
    const { width, height } = revealSlideSize(reveal);
    view = new InkView(slidesEl, model, width, height, () => revealPosition(reveal));
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) reveal.on(event, () => view?.render());
    view.render();
  } catch (error) {
    console.error('ink unavailable', error);
  }
}

function addHud(presentation: Presentation): void {
  const m = presentMsg();
  const hud = document.createElement('div');
  hud.className = 'lectern-hud';
  const end = document.createElement('button');
  end.type = 'button';
  end.dataset.action = 'end';
  end.textContent = m.end;
  end.title = m.endHint;
  end.addEventListener('click', () => presentation.onEnd());
  hud.append(end);
  document.body.append(hud);
  // The HUD shows while the mouse moves and fades after, so the projected slide stays clean.
  let hide: number | undefined;
  document.addEventListener('pointermove', () => {
    hud.classList.add('visible');
    window.clearTimeout(hide);
    hide = window.setTimeout(() => hud.classList.remove('visible'), 2500);
  });
}

let ending = false;

async function endClass(presentation: Presentation, loaded: LoadedDeck, audience: string, title: string): Promise<void> {
  if (ending) return;
  ending = true;
  presentation.reveal.configure({ keyboard: false });
  await import('./after-class.ts');
  const dialog = document.createElement('lectern-after-class');
  document.body.append(dialog);
  // A store that cannot be opened still ends the class (the dialog says why it cannot save).
  const store = await getStore().catch(() => undefined);
  // Every stroke stored first: the record references the class's ink as it is.
  await presentation.ink?.saved().catch(() => undefined);
  const inkLayer = store ? await classInkToRecord(store, presentation.deckId).catch(() => undefined) : undefined;
  const recorded = await dialog.ask({
    deckId: presentation.deckId,
    deckTitle: title,
    cohort: audience,
    minutes: Math.round(presentation.clock.elapsedSec() / 60),
    ...(inkLayer ? { inkLayer } : {}),
  });
  presentation.clock.clear();
  await endClassInk(store, presentation.deckId, recorded).catch((error: unknown) => console.error('ink not cleared', error));
  presentation.destroy();
  loaded.release();
  location.href = returnUrl();
}

boot().catch((error: unknown) => {
  console.error(error);
  showError(presentMsg().storeFailed(errorText(error)));
});
