// <lectern-app>: the authoring app's frame -- header with navigation and language switch, hash
// routing (src/app/routes.ts), and the screen area. Screens are NOT listed here: each lives in
// src/screens/<route-name>.ts and is lazy-loaded by convention (see src/app/screens.ts), so
// features plug in without editing this file and the first load stays small (reveal.js and the
// editor load only with their screens / the present page).
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { LANGS, defineMessages, getLang, setLang, type Lang } from './i18n.ts';
import { LangController } from './lang-controller.ts';
import { parseRoute, routeHash, type Route } from './routes.ts';
import { hasScreen, loadScreen, screenTag } from './screens.ts';
import type { ToastEvent, ToastRequest } from './toast.ts';
import { uiStyles } from './ui-styles.ts';

const msg = defineMessages({
  vi: {
    appName: 'Lectern',
    tagline: 'Giáo án điện tử',
    nav: 'Điều hướng chính',
    library: 'Thư viện',
    excerpts: 'Trích dẫn',
    sessions: 'Buổi học',
    report: 'Báo cáo',
    settings: 'Cài đặt',
    edit: 'Soạn bài',
    plan: 'Giáo án',
    media: 'Tư liệu',
    language: 'Ngôn ngữ',
    skip: 'Bỏ qua đến nội dung',
    loading: 'Đang tải…',
    notYet: (name: string) => `Màn hình “${name}” chưa được xây dựng.`,
    loadFailed: 'Không tải được màn hình này. Hãy tải lại trang.',
    retry: 'Thử lại',
    dismiss: 'Đóng',
  },
  en: {
    appName: 'Lectern',
    tagline: 'Electronic lesson plans',
    nav: 'Main navigation',
    library: 'Library',
    excerpts: 'Excerpts',
    sessions: 'Sessions',
    report: 'Report',
    settings: 'Settings',
    edit: 'Edit',
    plan: 'Lesson plan',
    media: 'Media',
    language: 'Language',
    skip: 'Skip to content',
    loading: 'Loading…',
    notYet: (name: string) => `The “${name}” screen is not built yet.`,
    loadFailed: 'This screen could not be loaded. Please reload the page.',
    retry: 'Try again',
    dismiss: 'Dismiss',
  },
});

/** The present page's "leave" returns here (src/present/main.ts reads it). */
function rememberRoute(): void {
  try {
    localStorage.setItem('lectern.returnRoute', routeHash(parseRoute(location.hash)));
  } catch {
    // storage disabled: leaving a presentation opens the deck's editor instead
  }
}

const NAV: readonly Route['name'][] = ['library', 'excerpts', 'sessions', 'report', 'settings'];
const LANG_LABEL: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

type ScreenState = 'loading' | 'ready' | 'missing' | 'failed';

interface ShownToast extends ToastRequest {
  id: number;
}

export class LecternApp extends LitElement {
  static override properties = {
    route: { state: true },
    screenState: { state: true },
    toasts: { state: true },
  };

  declare route: Route;
  declare screenState: ScreenState;
  declare toasts: ShownToast[];
  private nextToastId = 1;
  private navigated = false;

  constructor() {
    super();
    new LangController(this);
    this.route = parseRoute(location.hash);
    rememberRoute();
    this.screenState = 'loading';
    this.toasts = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    window.addEventListener('lectern-toast', this.handleToast);
    void this.showScreen();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.handleHashChange);
    window.removeEventListener('lectern-toast', this.handleToast);
    super.disconnectedCallback();
  }

  private handleHashChange = (): void => {
    rememberRoute();
    const next = parseRoute(location.hash);
    const sameScreen = next.name === this.route.name;
    this.route = next;
    this.navigated = true;
    if (!sameScreen) void this.showScreen();
  };

  private handleToast = (event: ToastEvent): void => {
    const toast: ShownToast = { ...event.detail, id: this.nextToastId++ };
    this.toasts = [...this.toasts, toast];
    const timeout = toast.timeoutMs ?? (toast.kind === 'error' ? 0 : toast.action ? 10_000 : 5_000);
    if (timeout > 0) setTimeout(() => this.dismissToast(toast.id), timeout);
  };

  private dismissToast(id: number): void {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  private async showScreen(): Promise<void> {
    const name = this.route.name;
    if (!hasScreen(name)) {
      this.screenState = 'missing';
      return;
    }
    this.screenState = 'loading';
    try {
      await loadScreen(name);
      if (this.route.name === name) this.screenState = 'ready';
    } catch (error) {
      console.error(error);
      if (this.route.name === name) this.screenState = 'failed';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const m = msg();
    document.title = `${this.routeLabel(this.route.name)} · ${m.appName}`;
    // After a navigation (not the first load), move focus to the screen so keyboard and screen
    // reader users land on the new content rather than on the link they used.
    if (this.navigated && changed.has('screenState') && this.screenState !== 'loading') {
      this.navigated = false;
      this.renderRoot.querySelector<HTMLElement>('main')?.focus({ preventScroll: false });
    }
  }

  private routeLabel(name: Route['name']): string {
    return msg()[name];
  }

  private handleLang(event: Event): void {
    setLang((event.target as HTMLSelectElement).value as Lang);
  }

  private renderScreen(): TemplateResult | typeof nothing {
    const m = msg();
    switch (this.screenState) {
      case 'loading':
        return html`<p class="status" role="status">${m.loading}</p>`;
      case 'missing':
        return html`<p class="status">${m.notYet(this.routeLabel(this.route.name))}</p>`;
      case 'failed':
        return html`<p class="status error" role="alert">${m.loadFailed}</p>
          <button @click=${() => void this.showScreen()}>${m.retry}</button>`;
      case 'ready': {
        // Static tag from our own route names (a closed union), never from user input.
        const tag = unsafeStatic(screenTag(this.route.name));
        return staticHtml`<${tag} .route=${this.route}></${tag}>`;
      }
    }
  }

  override render(): TemplateResult {
    const m = msg();
    const current = this.route.name;
    const lang = getLang();
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => {
        e.preventDefault();
        this.renderRoot.querySelector<HTMLElement>('main')?.focus();
      }}>${m.skip}</a>
      <header>
        <a class="brand" href=${routeHash({ name: 'library' })}>
          <span class="logo" aria-hidden="true">▣</span>
          <span class="name">${m.appName}</span>
          <span class="tagline">${m.tagline}</span>
        </a>
        <nav aria-label=${m.nav}>
          <ul>
            ${NAV.map(
              (name) => html`<li>
                <a
                  href=${routeHash({ name } as Route)}
                  aria-current=${current === name ? 'page' : nothing}
                  data-route=${name}
                  >${this.routeLabel(name)}</a
                >
              </li>`,
            )}
          </ul>
        </nav>
        <label class="lang">
          <span class="visually-hidden">${m.language}</span>
          <select @change=${this.handleLang} aria-label=${m.language}>
            ${LANGS.map((l) => html`<option value=${l} ?selected=${l === lang}>${LANG_LABEL[l]}</option>`)}
          </select>
        </label>
      </header>
      <main id="main" tabindex="-1" data-screen=${current}>${this.renderScreen()}</main>
      <div class="toasts" role="status" aria-live="polite">
        ${this.toasts.map(
          (t) => html`<div class="toast ${t.kind ?? 'info'}">
            <span>${t.message}</span>
            ${t.action
              ? html`<button
                  @click=${() => {
                    t.action?.run();
                    this.dismissToast(t.id);
                  }}
                >
                  ${t.action.label}
                </button>`
              : nothing}
            <button class="close" aria-label=${m.dismiss} @click=${() => this.dismissToast(t.id)}>×</button>
          </div>`,
        )}
      </div>
    `;
  }

  static override styles = [
    uiStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      .skip {
        position: absolute;
        left: var(--lectern-space-2);
        top: -3rem;
        background: var(--lectern-surface);
        padding: var(--lectern-space-2);
        z-index: 10;
      }
      .skip:focus { top: var(--lectern-space-2); }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--lectern-space-3);
        min-height: var(--lectern-header-height);
        padding: var(--lectern-space-2) var(--lectern-space-4);
        background: var(--lectern-surface);
        border-bottom: 3px solid var(--lectern-accent);
      }
      .brand {
        display: inline-flex;
        align-items: baseline;
        gap: var(--lectern-space-2);
        color: var(--lectern-text);
        text-decoration: none;
      }
      .logo { color: var(--lectern-accent); font-size: 1.3rem; }
      .name { font-weight: 700; font-size: 1.2rem; }
      .tagline { color: var(--lectern-muted); font-size: 0.9rem; }
      nav { flex: 1; }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: var(--lectern-space-1);
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: var(--lectern-space-2) var(--lectern-space-3);
        border-radius: var(--lectern-radius);
        color: var(--lectern-text);
        text-decoration: none;
      }
      nav a:hover { background: var(--lectern-surface-2); }
      nav a[aria-current='page'] {
        background: var(--lectern-accent-soft);
        color: var(--lectern-accent);
        font-weight: 600;
      }
      main {
        /* The page-wide border-box rule does not reach into this shadow root: without it the
           padding widens main past the viewport and the screens' right edge is cut off. */
        box-sizing: border-box;
        flex: 1;
        padding: var(--lectern-space-4);
        max-width: 80rem;
        width: 100%;
        margin: 0 auto;
      }
      main:focus { outline: none; }
      .status { color: var(--lectern-muted); }
      .toasts {
        position: fixed;
        bottom: var(--lectern-space-3);
        left: 50%;
        transform: translateX(-50%);
        display: flex;
        flex-direction: column;
        gap: var(--lectern-space-2);
        z-index: 20;
      }
      .toast {
        display: flex;
        align-items: center;
        gap: var(--lectern-space-3);
        padding: var(--lectern-space-2) var(--lectern-space-3);
        background: var(--lectern-text);
        color: var(--lectern-surface);
        border-radius: var(--lectern-radius);
        box-shadow: var(--lectern-shadow);
      }
      .toast.error { background: var(--lectern-danger); }
      .toast button { min-height: 2rem; }
      .toast .close { background: transparent; color: inherit; border: none; font-size: 1.2rem; }
      /* Printing a screen (the half-year report) prints the screen only, not the app's frame. */
      @media print {
        header, .skip, .toasts { display: none !important; }
        main { padding: 0; max-width: none; }
      }
    `,
  ];
}

if (!customElements.get('lectern-app')) customElements.define('lectern-app', LecternApp);

declare global {
  interface HTMLElementTagNameMap {
    'lectern-app': LecternApp;
  }
}
