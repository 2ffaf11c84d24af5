// <lectern-slide-preview>: one slide rendered as reveal.js would show it, with the deck's theme.
//
// The slide lives in an iframe with `sandbox="allow-same-origin"` (no allow-scripts): the theme's
// `:root` variables and `.reveal` rules apply as in a real presentation without leaking into the
// app, and even if sanitized HTML ever carried script it could not run there. Same origin is kept
// so this component can write the slide straight into the frame's DOM on every keystroke (no
// reload) and so Blob URLs of stored media load. reveal.js's JS is not needed for one static slide:
// the 960×700 slide box is scaled to fit with a CSS transform.
import { LitElement, css, html } from 'lit';
import { labelTaskBoxes } from '../present/accessible-deck.ts';
import { applyBlockStyles, applyTheme, revealCssUrl, type ThemeName } from './theme-css.ts';

const SLIDE_W = 960;
const SLIDE_H = 700;

const FRAME_CSS = `
html, body { margin: 0; height: 100%; overflow: hidden; }
body { display: block; }
.reveal-viewport { width: ${SLIDE_W}px; height: ${SLIDE_H}px; transform-origin: 0 0; position: absolute; top: 0; left: 0; }
.reveal { width: ${SLIDE_W}px; height: ${SLIDE_H}px; position: relative; overflow: hidden; background-color: var(--r-background-color, #fff); }
.reveal .slides { position: absolute; inset: 0; width: ${SLIDE_W}px; height: ${SLIDE_H}px; pointer-events: auto; }
.reveal .slides > section { display: block !important; position: absolute; inset: 0; padding: 20px; box-sizing: border-box; overflow: auto; opacity: 1 !important; transform: none !important; visibility: visible !important; }
.reveal .slides > section.center-v { display: flex !important; flex-direction: column; justify-content: center; }
.reveal aside.notes { display: none; }
.reveal .fragment { opacity: 1 !important; visibility: visible !important; }
.reveal img, .reveal video { max-width: 100%; max-height: 480px; }
`;

export class SlidePreview extends LitElement {
  static override properties = {
    label: {},
    theme: {},
  };

  /** Accessible name of the preview region. */
  declare label: string;
  /** reveal.js theme (one of src/themes' offline themes). */
  declare theme: ThemeName;

  private frame: HTMLIFrameElement | undefined;
  private frameReady: Promise<Document> | undefined;
  private pendingHtml = '';
  private resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    this.label = 'Preview';
    this.theme = 'white';
  }

  /** The frame's document once it is set up (tests and the bench read the slide from it). */
  get slideDocument(): Document | undefined {
    return this.frame?.contentDocument ?? undefined;
  }

  /** Shows one slide's sanitized `<section>` HTML. Synchronous once the frame is ready. */
  show(sectionHtml: string): void {
    this.pendingHtml = sectionHtml;
    const doc = this.frame?.contentDocument;
    const slides = doc?.querySelector('.slides');
    if (slides && this.frameReady) {
      slides.innerHTML = sectionHtml;
      const section = slides.querySelector('section');
      section?.classList.add('present');
      labelTaskBoxes(slides);
    }
  }

  protected override firstUpdated(): void {
    this.frame = this.renderRoot.querySelector('iframe') ?? undefined;
    this.frameReady = new Promise((resolve) => {
      const setUp = () => {
        const doc = this.frame?.contentDocument;
        if (!doc) return;
        doc.open();
        doc.write('<!doctype html><html><head><meta charset="utf-8"></head><body class="reveal-viewport"><div class="reveal"><div class="slides"></div></div></body></html>');
        doc.close();
        const base = doc.createElement('link');
        base.rel = 'stylesheet';
        base.href = new URL(revealCssUrl, location.href).href;
        doc.head.append(base);
        applyBlockStyles(doc);
        void applyTheme(doc, this.theme);
        const style = doc.createElement('style');
        style.textContent = FRAME_CSS;
        doc.head.append(style);
        resolve(doc);
        this.fit();
        this.show(this.pendingHtml);
      };
      // about:blank is ready at once in Chromium; a load event covers other engines.
      if (this.frame?.contentDocument?.readyState === 'complete') setUp();
      else this.frame?.addEventListener('load', setUp, { once: true });
    });
    this.resizeObserver = new ResizeObserver(() => this.fit());
    this.resizeObserver.observe(this);
  }

  protected override updated(changed: Map<string, unknown>): void {
    const doc = this.frame?.contentDocument;
    if (changed.has('theme') && doc?.head && this.frameReady && changed.get('theme') !== undefined) void applyTheme(doc, this.theme);
  }

  override disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    super.disconnectedCallback();
  }

  private fit(): void {
    const body = this.frame?.contentDocument?.body;
    if (!body || !this.frame) return;
    const scale = Math.min(this.frame.clientWidth / SLIDE_W, this.frame.clientHeight / SLIDE_H) || 0.5;
    body.style.transform = `scale(${scale})`;
    body.style.transformOrigin = '0 0';
  }

  override render() {
    return html`<section role="region" aria-label=${this.label}>
      <iframe sandbox="allow-same-origin" title=${this.label} tabindex="-1"></iframe>
    </section>`;
  }

  static override styles = css`
    :host { display: block; }
    section { position: relative; width: 100%; aspect-ratio: ${SLIDE_W} / ${SLIDE_H}; }
    iframe {
      position: absolute; inset: 0; width: 100%; height: 100%; border: 1px solid var(--lectern-border);
      border-radius: var(--lectern-radius); background: #fff;
    }
  `;
}

if (!customElements.get('lectern-slide-preview')) customElements.define('lectern-slide-preview', SlidePreview);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-slide-preview': SlidePreview;
  }
}
