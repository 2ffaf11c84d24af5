// Settings (`#/settings`): UI language, the default slide theme for decks that name none, and the
// training centre's name (printed on handouts and the half-year report), and centre sync
// (./centre-sync-panel.ts). Each field saves when
// it changes; the language also switches at once (src/app/i18n.ts setLang).
import { LitElement, css, html } from 'lit';
import { LangController } from '../app/lang-controller.ts';
import { LANGS, defineMessages, getLang, setLang, type Lang } from '../app/i18n.ts';
import type { Route } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import type { Settings, Store } from '../store/index.ts';
import { THEMES, isThemeName } from '../themes/index.ts';
import { getStore } from '../app/store.ts';
import { errorText } from '../app/error-text.ts';
import './centre-sync-panel.ts';

const msg = defineMessages({
  vi: {
    heading: 'Cài đặt',
    language: 'Ngôn ngữ giao diện',
    theme: 'Giao diện trang chiếu mặc định',
    themeHint: 'Dùng cho bài giảng không ghi “theme”. Chỉ gồm các giao diện hiển thị đủ tiếng Việt khi không có mạng.',
    centre: 'Tên trung tâm / đơn vị',
    centreHint: 'In trên giáo án và báo cáo 6 tháng.',
    saved: 'Đã lưu cài đặt.',
    themes: (t: string) => ({ white: 'Trắng', black: 'Đen', 'white-contrast': 'Trắng tương phản cao', 'black-contrast': 'Đen tương phản cao' })[t] ?? t,
  },
  en: {
    heading: 'Settings',
    language: 'Interface language',
    theme: 'Default slide theme',
    themeHint: 'For decks that name no theme. Only themes that show every Vietnamese letter offline.',
    centre: 'Training centre / organisation',
    centreHint: 'Printed on handouts and the half-year report.',
    saved: 'Settings saved.',
    themes: (t: string) => ({ white: 'White', black: 'Black', 'white-contrast': 'White, high contrast', 'black-contrast': 'Black, high contrast' })[t] ?? t,
  },
});

const LANG_LABEL: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

export class SettingsScreen extends LitElement {
  static override properties = { route: { attribute: false }, settings: { state: true } };
  declare route: Route;
  declare settings: Settings | undefined;
  private store: Store | undefined;

  constructor() {
    super();
    new LangController(this);
    this.settings = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void getStore().then(async (store) => {
      this.store = store;
      this.settings = await store.getSettings();
    });
  }

  private async set<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
    if (!this.store) return;
    try {
      await this.store.setSetting(key, value);
      this.settings = await this.store.getSettings();
      showToast({ message: msg().saved, timeoutMs: 2500 });
    } catch (error) {
      showToast({ kind: 'error', message: errorText(error) });
    }
  }

  private changeLang(event: Event): void {
    const lang = (event.target as HTMLSelectElement).value as Lang;
    setLang(lang);
    void this.set('lang', lang);
  }

  override render() {
    const m = msg();
    const s = this.settings;
    return html`
      <h1>${m.heading}</h1>
      <form class="card" @submit=${(e: Event) => e.preventDefault()}>
        <label>${m.language}
          <select @change=${this.changeLang}>
            ${LANGS.map((l) => html`<option value=${l} ?selected=${l === getLang()}>${LANG_LABEL[l]}</option>`)}
          </select>
        </label>
        <label>${m.theme}
          <select ?disabled=${!s} @change=${(e: Event) => {
            const v = (e.target as HTMLSelectElement).value;
            if (isThemeName(v)) void this.set('theme', v);
          }}>
            ${THEMES.map((t) => html`<option value=${t} ?selected=${s?.theme === t}>${m.themes(t)}</option>`)}
          </select>
          <span class="muted hint">${m.themeHint}</span>
        </label>
        <label>${m.centre}
          <input ?disabled=${!s} .value=${s?.centreName ?? ''} maxlength="200"
            @change=${(e: Event) => void this.set('centreName', (e.target as HTMLInputElement).value.trim())} />
          <span class="muted hint">${m.centreHint}</span>
        </label>
      </form>
      <lectern-centre-sync .store=${this.store}></lectern-centre-sync>
    `;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; max-width: 40rem; }
      lectern-centre-sync { margin-top: var(--lectern-space-4); }
      form { display: flex; flex-direction: column; gap: var(--lectern-space-4); }
      label { display: flex; flex-direction: column; gap: var(--lectern-space-1); font-weight: 600; }
      /* The label's weight is for its words, not for the value chosen in the field. */
      select, input { font-weight: 400; }
      .hint { font-weight: 400; font-size: 0.9rem; }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-screen-settings': SettingsScreen;
  }
}
