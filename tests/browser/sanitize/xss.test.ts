// The XSS corpus in real Chromium: every deck goes through parseDeck + renderDeck with the
// sanitizer bound to this window, is inserted into the live document inside a reveal.js slide
// structure with its scripts made executable, every element is hovered and clicked, and the
// canary `window.__xss` must stay undefined. The control runs the same decks WITHOUT the
// sanitizer and requires the marked vectors to fire, so this test can fail.
import Reveal from 'reveal.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSanitizer, parseDeck, renderDeck, type RenderedDeck } from '../../../packages/deck/src/index.ts';
import { corpusDeck, XSS_VECTORS, type XssVector } from '../../fixtures/xss/vectors.ts';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

const sanitize = createSanitizer(window);

/** Whether any payload reached the canary, here or in the window above the test iframe. */
function canary(): unknown {
  let top: unknown;
  try {
    top = (window.top as Window | null)?.__xss;
  } catch {
    top = undefined; // a cross-origin top cannot have been written by a payload in this frame either
  }
  return window.__xss ?? top;
}

function resetCanary() {
  delete window.__xss;
  try {
    if (window.top) delete (window.top as Window).__xss;
  } catch {
    // cross-origin top: nothing to reset
  }
}

/** As the URL parser sees it: tabs and newlines inside a URL are ignored. */
const isScriptUrl = (url: string | null) => /^\s*javascript:/i.test((url ?? '').replace(/[\t\n\r]/g, ''));

/** Links may only navigate when they are script URLs (the control needs those to run); any other
 *  navigation would take the test page away. The same for form submissions. */
function guardNavigation(event: Event) {
  const target = event.target as Element | null;
  if (event.type === 'click') {
    const link = target?.closest?.('a[href], area[href]');
    if (link && !isScriptUrl(link.getAttribute('href'))) event.preventDefault();
  } else if (event.type === 'submit') {
    const form = event.target as HTMLFormElement;
    const action = (event as SubmitEvent).submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? '';
    if (!isScriptUrl(action)) event.preventDefault();
  }
}

let container: HTMLElement;
beforeEach(() => {
  resetCanary();
  document.addEventListener('click', guardNavigation, true);
  document.addEventListener('submit', guardNavigation, true);
  container = document.createElement('div');
  container.className = 'reveal';
  container.style.cssText = 'width: 800px; height: 600px'; // reveal.js lays out (and loads backgrounds) only with a size
  container.innerHTML = '<div class="slides"></div>';
  document.body.append(container);
});
afterEach(() => {
  container.remove();
  document.removeEventListener('click', guardNavigation, true);
  document.removeEventListener('submit', guardNavigation, true);
  resetCanary();
});

/** Inserts HTML the way a careless app would: a contextual fragment runs <script>s. */
function insertLive(html: string) {
  const slides = container.querySelector('.slides')!;
  slides.append(document.createRange().createContextualFragment(html));
}

/** Hover, focus and click every element, as a curious audience member might. */
function poke() {
  for (const element of container.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'pointerdown']) element.dispatchEvent(new Event(type, { bubbles: true }));
    if (element instanceof HTMLElement) element.click();
    else element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })); // SVG and MathML have no click()
  }
}

/** Gives pending loads, errors and toggles their chance to run: every image and frame settled,
 *  then one more error round trip through the network, then two frames. */
async function settle() {
  const loads = [...container.querySelectorAll('img, iframe, video, audio, object, embed')].map(
    (el) =>
      new Promise<void>((resolve) => {
        if (el instanceof HTMLImageElement && el.complete) return resolve();
        el.addEventListener('load', () => resolve(), { once: true });
        el.addEventListener('error', () => resolve(), { once: true });
        setTimeout(resolve, 1000); // media that never reports (e.g. preload=none) must not hang the test
      }),
  );
  await Promise.all(loads);
  await new Promise<void>((resolve) => {
    const probe = new Image();
    probe.onerror = probe.onload = () => resolve();
    probe.src = `missing-probe-${Math.random()}.png`;
  });
  for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 50));
}

function render(vector: XssVector, withSanitizer: boolean): RenderedDeck {
  const deck = parseDeck(vector.deck);
  return renderDeck(deck, withSanitizer ? { sanitize } : {});
}

describe('the XSS corpus', () => {
  it('has at least 25 vectors with distinct ids', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(XSS_VECTORS.map((v) => v.id)).size).toBe(XSS_VECTORS.length);
  });
});

describe('rendered with the sanitizer, nothing runs', () => {
  for (const vector of XSS_VECTORS) {
    it(`${vector.id}: ${vector.title}`, async () => {
      const rendered = render(vector, true);
      insertLive(rendered.html);
      poke();
      await settle();
      expect(canary()).toBeUndefined();
      // What is left is inert: no script, no handler, no script URL anywhere.
      expect(container.querySelector('script, object, embed, base, meta, form, style')).toBeNull();
      for (const element of container.querySelectorAll('*')) {
        for (const name of element.getAttributeNames()) {
          expect(name, `${element.tagName} ${name}`).not.toMatch(/^on/i);
          expect(element.getAttribute(name) ?? '', `${element.tagName} ${name}`).not.toMatch(/^\s*(?:java|vb)script:/i);
        }
      }
      if (vector.expectRemoved) {
        const warnings = rendered.diagnostics.filter((d) => d.code === 'html-removed');
        expect(warnings.length, 'html-removed warnings').toBeGreaterThan(0);
        const lines = vector.deck.split('\n').length;
        for (const w of warnings) {
          expect(w.severity).toBe('warning');
          expect(w.line).toBeGreaterThanOrEqual(1);
          expect(w.line).toBeLessThanOrEqual(lines);
        }
      }
    });
  }
});

describe('control: without the sanitizer the same payloads DO run', () => {
  for (const vector of XSS_VECTORS.filter((v) => v.firesUnsanitized)) {
    it(`${vector.id} fires`, async () => {
      insertLive(render(vector, false).html);
      poke();
      await settle();
      await vi.waitFor(() => expect(canary()).toBe(1), { timeout: 60_000, interval: 20 });
    });
  }
});

describe('presented by reveal.js', () => {
  it('the whole corpus, every slide visited with notes shown, runs nothing', async () => {
    const rendered = renderDeck(parseDeck(corpusDeck()), { sanitize });
    container.querySelector('.slides')!.innerHTML = rendered.html;
    const deck = new Reveal(container, { embedded: true, showNotes: true, hash: false, history: false, transition: 'none', backgroundTransition: 'none', viewDistance: 100, preloadIframes: true });
    await deck.initialize();
    const total = deck.getTotalSlides();
    expect(total).toBe(rendered.slides.length);
    for (let h = 0; h < deck.getHorizontalSlides().length; h++) {
      deck.slide(h, 0);
      poke();
    }
    await settle();
    deck.destroy();
    expect(canary()).toBeUndefined();
  });

  it('control: reveal.js itself runs data-background-iframe and data-notes payloads when unsanitized', async () => {
    // Raw HTML sections, not the renderer: this proves the two reveal.js sinks are real.
    container.querySelector('.slides')!.innerHTML =
      '<section><h1>a</h1></section>' +
      '<section data-background-iframe="javascript:parent.__xss=1"><h1>b</h1></section>' +
      '<section data-notes="<img src=x onerror=window.__xss=2>"><h1>c</h1></section>';
    const deck = new Reveal(container, { embedded: true, showNotes: true, hash: false, history: false, transition: 'none', backgroundTransition: 'none', preloadIframes: true });
    await deck.initialize();
    deck.slide(1);
    await vi.waitFor(() => expect(canary()).toBe(1), { timeout: 60_000, interval: 20 });
    deck.slide(2);
    await vi.waitFor(() => expect(canary()).toBe(2), { timeout: 60_000, interval: 20 });
    deck.destroy();
  });

  it('the same two sinks are inert after sanitizing', async () => {
    const { html, removed } = sanitize(
      '<section><h1>a</h1></section>' +
        '<section data-background-iframe="javascript:parent.__xss=1"><h1>b</h1></section>' +
        '<section data-notes="<img src=x onerror=window.__xss=2>"><h1>c</h1></section>',
    );
    expect(removed.map((r) => r.what)).toEqual(['data-background-iframe on <section>', 'data-notes on <section>']);
    container.querySelector('.slides')!.innerHTML = html;
    const deck = new Reveal(container, { embedded: true, showNotes: true, hash: false, history: false, transition: 'none', backgroundTransition: 'none', preloadIframes: true });
    await deck.initialize();
    deck.slide(1);
    deck.slide(2);
    await settle();
    deck.destroy();
    expect(canary()).toBeUndefined();
  });
});
