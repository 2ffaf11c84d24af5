// The excerpt library (`#/excerpts`): quotations from resolutions and other documents, kept once
// and inserted into any deck from the editor ("Insert excerpt") as a `::: excerpt` block.
// Search ignores case and diacritics (the store's searchExcerpts folds both sides).
import { LitElement, css, html, nothing } from 'lit';
import { LangController } from '../app/lang-controller.ts';
import { defineMessages, formatDate } from '../app/i18n.ts';
import type { Route } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import type { ExcerptInput, ExcerptRecord, Store, StoreNotice } from '../store/index.ts';
import { getStore } from '../app/store.ts';
import { formatExcerptBlock } from './excerpt-block.ts';
import { errorText } from '../app/error-text.ts';

const msg = defineMessages({
  vi: {
    heading: 'Thư viện trích dẫn',
    intro: 'Trích dẫn nghị quyết, kết luận, văn kiện dùng lại được ở mọi bài giảng. Trong trình soạn, bấm “Chèn trích dẫn”.',
    add: 'Thêm trích dẫn',
    search: 'Tìm trích dẫn',
    searchHint: 'Nội dung, tên văn bản, số hiệu, cơ quan ban hành, thẻ',
    tag: 'Lọc theo thẻ',
    allTags: 'Mọi thẻ',
    text: 'Nội dung trích',
    source: 'Tên văn bản',
    number: 'Số hiệu (vd. 120-KL/ĐUK)',
    issuer: 'Cơ quan ban hành',
    ref: 'Phần / trang',
    date: 'Ngày ban hành',
    tags: 'Thẻ (cách nhau bởi dấu phẩy)',
    save: 'Lưu',
    cancel: 'Hủy',
    edit: 'Sửa',
    delete: 'Xóa',
    copy: 'Chép khối Markdown',
    copied: 'Đã chép khối trích dẫn.',
    saved: 'Đã lưu trích dẫn.',
    deleted: 'Đã xóa trích dẫn.',
    undo: 'Hoàn tác',
    confirmDelete: 'Xóa trích dẫn này khỏi thư viện? Các bài giảng đã chèn vẫn giữ nguyên.',
    count: (n: number) => `${n} trích dẫn`,
    none: 'Chưa có trích dẫn nào phù hợp.',
    needText: 'Hãy nhập nội dung trích.',
    editing: 'Sửa trích dẫn',
    adding: 'Trích dẫn mới',
    updated: (d: string) => `Cập nhật ${d}`,
  },
  en: {
    heading: 'Excerpt library',
    intro: 'Quotations from resolutions, conclusions and other documents, reusable in every deck. In the editor, choose “Insert excerpt”.',
    add: 'Add excerpt',
    search: 'Search excerpts',
    searchHint: 'Text, document title, number, issuing body, tag',
    tag: 'Filter by tag',
    allTags: 'All tags',
    text: 'Quoted text',
    source: 'Document title',
    number: 'Number (e.g. 120-KL/ĐUK)',
    issuer: 'Issuing body',
    ref: 'Section / page',
    date: 'Date issued',
    tags: 'Tags (comma separated)',
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    delete: 'Delete',
    copy: 'Copy Markdown block',
    copied: 'Excerpt block copied.',
    saved: 'Excerpt saved.',
    deleted: 'Excerpt deleted.',
    undo: 'Undo',
    confirmDelete: 'Delete this excerpt from the library? Decks that use it keep their copy.',
    count: (n: number) => `${n} excerpt${n === 1 ? '' : 's'}`,
    none: 'No matching excerpts yet.',
    needText: 'Please enter the quoted text.',
    editing: 'Edit excerpt',
    adding: 'New excerpt',
    updated: (d: string) => `Updated ${d}`,
  },
});

const FIELDS = ['source', 'number', 'issuer', 'ref', 'date'] as const;

export class ExcerptsScreen extends LitElement {
  static override properties = {
    route: { attribute: false },
    items: { state: true },
    query: { state: true },
    tag: { state: true },
    allTags: { state: true },
    editing: { state: true },
  };

  declare route: Route;
  declare items: ExcerptRecord[];
  declare query: string;
  declare tag: string;
  declare allTags: string[];
  /** 'new', an excerpt id, or undefined when the form is closed. */
  declare editing: string | undefined;

  private store: Store | undefined;
  private unsubscribe: (() => void) | undefined;
  private searchToken = 0;

  constructor() {
    super();
    new LangController(this);
    this.items = [];
    this.query = '';
    this.tag = '';
    this.allTags = [];
    this.editing = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void getStore().then((store) => {
      this.store = store;
      this.unsubscribe = store.subscribe((n: StoreNotice) => {
        if (n.type === 'excerpts-changed') void this.refresh();
      });
      void this.refresh();
    });
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  private async refresh(): Promise<void> {
    if (!this.store) return;
    const token = ++this.searchToken;
    const all = await this.store.listExcerpts();
    const items = this.query.trim() || this.tag ? await this.store.searchExcerpts(this.query, this.tag ? { tags: [this.tag] } : {}) : all;
    if (token !== this.searchToken) return;
    this.allTags = [...new Set(all.flatMap((e) => e.tags))].sort((a, b) => a.localeCompare(b, 'vi'));
    this.items = items;
  }

  /** Opens the form ('new' or an excerpt id) or closes it (undefined). The focus goes to the
   *  form's text, and back to the button that opened it when it closes (not lost on <body>). */
  private async setEditing(next: string | undefined): Promise<void> {
    const was = this.editing;
    this.editing = next;
    await this.updateComplete;
    if (next) this.renderRoot.querySelector<HTMLTextAreaElement>('form.form textarea')?.focus();
    else if (was === 'new') this.renderRoot.querySelector<HTMLButtonElement>('.top button.primary')?.focus();
    else if (was) this.renderRoot.querySelector<HTMLButtonElement>(`li[data-id="${CSS.escape(was)}"] button.edit`)?.focus();
  }

  private async save(event: Event, existing: ExcerptRecord | undefined): Promise<void> {
    event.preventDefault();
    if (!this.store) return;
    const form = event.target as HTMLFormElement;
    const get = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value.trim();
    const text = get('text');
    if (!text) {
      showToast({ kind: 'error', message: msg().needText });
      return;
    }
    const input: ExcerptInput = { text, tags: get('tags').split(',').map((t) => t.trim()).filter(Boolean) };
    for (const key of FIELDS) {
      const value = get(key);
      if (value) input[key] = value;
    }
    try {
      if (existing) await this.store.updateExcerpt(existing.id, input);
      else await this.store.createExcerpt(input);
      showToast({ message: msg().saved });
      await this.refresh();
      await this.setEditing(undefined);
    } catch (error) {
      showToast({ kind: 'error', message: errorText(error) });
    }
  }

  private async removeExcerpt(excerpt: ExcerptRecord): Promise<void> {
    if (!this.store || !confirm(msg().confirmDelete)) return;
    const store = this.store;
    await store.deleteExcerpt(excerpt.id);
    const { id: _id, createdAt: _c, updatedAt: _u, ...input } = excerpt;
    showToast({ message: msg().deleted, action: { label: msg().undo, run: () => void store.createExcerpt(input) } });
    await this.refresh();
  }

  private async copy(excerpt: ExcerptRecord): Promise<void> {
    try {
      await navigator.clipboard.writeText(formatExcerptBlock(excerpt));
      showToast({ message: msg().copied });
    } catch (error) {
      showToast({ kind: 'error', message: String(error) });
    }
  }

  private renderForm(existing: ExcerptRecord | undefined) {
    const m = msg();
    return html`<form
      class="card form"
      @submit=${(e: Event) => void this.save(e, existing)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        void this.setEditing(undefined);
      }}
    >
      <h2>${existing ? m.editing : m.adding}</h2>
      <label class="wide">${m.text}<textarea name="text" rows="5" required .value=${existing?.text ?? ''}></textarea></label>
      ${FIELDS.map((key) => html`<label>${m[key]}<input name=${key} .value=${existing?.[key] ?? ''} /></label>`)}
      <label>${m.tags}<input name="tags" .value=${existing?.tags.join(', ') ?? ''} /></label>
      <div class="actions wide">
        <button class="primary" type="submit">${m.save}</button>
        <button type="button" @click=${() => void this.setEditing(undefined)}>${m.cancel}</button>
      </div>
    </form>`;
  }

  override render() {
    const m = msg();
    return html`
      <div class="top">
        <h1>${m.heading}</h1>
        <button class="primary" aria-expanded=${this.editing === 'new' ? 'true' : 'false'} @click=${() => void this.setEditing('new')}>${m.add}</button>
      </div>
      <p class="muted">${m.intro}</p>
      ${this.editing === 'new' ? this.renderForm(undefined) : nothing}
      <div class="filters" role="search">
        <label class="search">${m.search}
          <input type="search" placeholder=${m.searchHint} .value=${this.query}
            @input=${(e: Event) => { this.query = (e.target as HTMLInputElement).value; void this.refresh(); }} />
        </label>
        <label>${m.tag}
          <select @change=${(e: Event) => { this.tag = (e.target as HTMLSelectElement).value; void this.refresh(); }}>
            <option value="">${m.allTags}</option>
            ${this.allTags.map((t) => html`<option value=${t} ?selected=${t === this.tag}>${t}</option>`)}
          </select>
        </label>
      </div>
      <p class="muted" role="status">${this.items.length ? m.count(this.items.length) : m.none}</p>
      <ul class="items">
        ${this.items.map((e) =>
          this.editing === e.id
            ? html`<li data-id=${e.id}>${this.renderForm(e)}</li>`
            : html`<li class="card" data-id=${e.id}>
                <blockquote>${e.text}</blockquote>
                <p class="cite">
                  ${[e.source, e.number, e.issuer, e.ref, e.date].filter(Boolean).join(' · ')}
                </p>
                ${e.tags.length ? html`<ul class="tags">${e.tags.map((t) => html`<li>${t}</li>`)}</ul>` : nothing}
                <p class="muted small">${m.updated(formatDate(e.updatedAt))}</p>
                <div class="actions">
                  <button class="edit" @click=${() => void this.setEditing(e.id)}>${m.edit}</button>
                  <button @click=${() => void this.copy(e)}>${m.copy}</button>
                  <button class="danger" @click=${() => void this.removeExcerpt(e)}>${m.delete}</button>
                </div>
              </li>`,
        )}
      </ul>
    `;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      .top { display: flex; justify-content: space-between; align-items: center; gap: var(--lectern-space-3); }
      .top h1 { margin: 0; }
      .filters { display: flex; flex-wrap: wrap; gap: var(--lectern-space-3); margin: var(--lectern-space-3) 0; }
      .search { flex: 1 1 20rem; }
      .form { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: var(--lectern-space-2) var(--lectern-space-3); margin-bottom: var(--lectern-space-3); }
      .form h2, .form .wide { grid-column: 1 / -1; }
      textarea { font: inherit; width: 100%; }
      .items { list-style: none; padding: 0; display: grid; gap: var(--lectern-space-3); }
      blockquote { margin: 0; padding-left: var(--lectern-space-3); border-left: 4px solid var(--lectern-accent); white-space: pre-wrap; font-size: 1.05rem; }
      .cite { font-style: italic; color: var(--lectern-muted); margin: var(--lectern-space-2) 0; }
      .tags { display: flex; flex-wrap: wrap; gap: var(--lectern-space-1); list-style: none; margin: 0; padding: 0; }
      .tags li { background: var(--lectern-accent-soft); color: var(--lectern-accent); border-radius: 999px; padding: 0 0.6rem; font-size: 0.85rem; }
      .actions { display: flex; gap: var(--lectern-space-2); flex-wrap: wrap; }
      .small { font-size: 0.85rem; }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-screen-excerpts': ExcerptsScreen;
  }
}
