// The media panel (`#/media/<deckId>`): the deck's stored files with size, type and a preview
// (video and audio play from IndexedDB through Blob URLs), rename (the deck's references follow),
// delete (warned while slides still use the file), and media the deck names but does not have.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { captionPaths, deckFiles, parseDeck } from '@lectern/deck';
import { LangController } from '../app/lang-controller.ts';
import { defineMessages, formatBytes, formatNumber } from '../app/i18n.ts';
import { routeHash, type Route } from '../app/routes.ts';
import { showToast } from '../app/toast.ts';
import { uiStyles } from '../app/ui-styles.ts';
import type { DeckAssetInfo } from '../store/index.ts';
import { DeckController } from '../decks/deck-controller.ts';
import { errorText } from '../decks/save-status.ts';
import { CaptionFileError, captionVideos, isCaptionFile } from './caption-file.ts';
import { mediaKindOf, safeMediaName } from './media-name.ts';

const msg = defineMessages({
  vi: {
    heading: (t: string) => `Tư liệu: ${t}`,
    untitled: 'Bài giảng chưa đặt tên',
    add: 'Thêm tư liệu',
    empty: 'Bài giảng chưa có tư liệu. Kéo thả ảnh, video, âm thanh vào trình soạn hoặc bấm “Thêm tư liệu”.',
    file: 'Tệp',
    type: 'Loại',
    size: 'Dung lượng',
    usedOn: 'Dùng ở dòng',
    notUsed: 'Chưa dùng',
    preview: 'Xem trước',
    rename: 'Đổi tên',
    renameTo: (p: string) => `Tên mới cho ${p}`,
    save: 'Lưu tên',
    delete: 'Xóa',
    confirmDelete: (p: string, lines: string) => `“${p}” vẫn đang được dùng ở dòng ${lines}. Xóa thì các trang chiếu đó sẽ thiếu tư liệu. Vẫn xóa?`,
    deleted: (p: string) => `Đã gỡ “${p}” khỏi bài giảng.`,
    renamed: (a: string, b: string) => `Đã đổi “${a}” thành “${b}” (kể cả trong nội dung bài).`,
    missing: 'Tư liệu bị thiếu',
    missingHint: 'Bài giảng nhắc tới các tệp này nhưng chưa có trong kho. Hãy thêm tệp cùng tên.',
    line: (n: number) => `dòng ${n}`,
    notFound: 'Không tìm thấy bài giảng này.',
    total: (n: number, size: string) => `${n} tệp, tổng ${size}`,
    deckNav: 'Các phần của bài giảng',
    editLink: 'Soạn bài',
    planLink: 'Giáo án',
    mediaLink: 'Tư liệu',
    nameTaken: 'Tên này đã có trong bài giảng.',
    captionsFor: 'Phụ đề cho',
    captionsOfNone: 'Chưa gắn với video nào (đặt tên như video, đuôi .vtt, hoặc ghi {captions=…} sau video)',
  },
  en: {
    heading: (t: string) => `Media: ${t}`,
    untitled: 'Untitled deck',
    add: 'Add media',
    empty: 'This deck has no media yet. Drop images, video or audio into the editor, or choose “Add media”.',
    file: 'File',
    type: 'Type',
    size: 'Size',
    usedOn: 'Used on line',
    notUsed: 'Not used',
    preview: 'Preview',
    rename: 'Rename',
    renameTo: (p: string) => `New name for ${p}`,
    save: 'Save name',
    delete: 'Delete',
    confirmDelete: (p: string, lines: string) => `“${p}” is still used on line ${lines}. Those slides will miss it. Delete anyway?`,
    deleted: (p: string) => `Removed “${p}” from the deck.`,
    renamed: (a: string, b: string) => `Renamed “${a}” to “${b}” (references in the text too).`,
    missing: 'Missing media',
    missingHint: 'The deck names these files but they are not stored. Add a file with the same name.',
    line: (n: number) => `line ${n}`,
    notFound: 'This deck was not found.',
    total: (n: number, size: string) => `${n} file${n === 1 ? '' : 's'}, ${size} in all`,
    deckNav: 'Parts of this deck',
    editLink: 'Edit',
    planLink: 'Lesson plan',
    mediaLink: 'Media',
    nameTaken: 'That name is already used in this deck.',
    captionsFor: 'Captions for',
    captionsOfNone: 'No video yet (name it like the video with .vtt, or write {captions=…} after the video)',
  },
});

interface Usage {
  path: string;
  lines: number[];
}

/** Where the deck names each local file: the deck package's one list (images, players, posters,
 *  backgrounds, media written as HTML), keyed by the stored form of the path (NFC). */
function mediaUsage(markdown: string, stored: readonly string[]): Map<string, Usage> {
  const out = new Map<string, Usage>();
  const deck = parseDeck(markdown);
  const use = (path: string, line: number) => {
    const key = path.normalize('NFC');
    const usage = out.get(key) ?? { path: key, lines: [] };
    if (!usage.lines.includes(line)) usage.lines.push(line);
    out.set(key, usage);
  };
  for (const file of deckFiles(deck)) for (const at of file.uses) use(file.path, at.line);
  // A caption file is used by the video that shows it (named in captions=, or found beside it).
  const storedNfc = new Set(stored.map((p) => p.normalize('NFC')));
  for (const { path, video } of captionPaths(deck, (p) => storedNfc.has(p.normalize('NFC')))) use(path, video.line);
  return out;
}

export class MediaScreen extends LitElement {
  static override properties = {
    route: { attribute: false },
    renaming: { state: true },
  };

  declare route: Route;
  declare renaming: string | undefined;

  /** The deck and its media, kept current by the model (this screen's changes and others'). */
  private readonly decks = new DeckController(this, { media: true });

  constructor() {
    super();
    new LangController(this);
    this.renaming = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.decks.follow(this.route);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('route') && this.isConnected) this.decks.follow(this.route);
  }

  private get assets(): DeckAssetInfo[] {
    return this.decks.deck?.media?.list ?? [];
  }

  private async reload(): Promise<void> {
    await this.decks.deck?.reloadMedia();
  }

  private async addFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    for (const file of files) {
      try {
        await this.decks.deck?.media?.add(file);
      } catch (error) {
        this.fail(error);
      }
    }
    await this.reload();
  }

  private async removeAsset(asset: DeckAssetInfo, usage: Usage | undefined): Promise<void> {
    const deck = this.decks.deck;
    if (!deck) return;
    if (usage && !confirm(msg().confirmDelete(asset.path, usage.lines.map((n) => formatNumber(n)).join(', ')))) return;
    try {
      await this.decks.store?.unlinkAsset(deck.deckId, asset.path);
      showToast({ message: msg().deleted(asset.path) });
      await this.reload();
    } catch (error) {
      this.fail(error);
    }
  }

  private async rename(asset: DeckAssetInfo, event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (form.elements.namedItem('name') as HTMLInputElement).value;
    const store = this.decks.store;
    const deckId = this.decks.deck?.deckId;
    if (!store || !deckId) return;
    const oldName = asset.path.replace(/^media\//, '');
    const taken = this.assets.map((a) => a.path.replace(/^media\//, '')).filter((n) => n !== oldName);
    // Keep the old extension when the new name has none: the type must not change by accident.
    const withExt = /\.[A-Za-z0-9]{1,8}$/.test(value.trim()) ? value : `${value}.${oldName.split('.').pop() ?? ''}`;
    const newName = safeMediaName(withExt, asset.type);
    if (taken.some((n) => n.toLowerCase() === newName.toLowerCase())) {
      showToast({ kind: 'error', message: msg().nameTaken });
      return;
    }
    const to = `media/${newName}`;
    try {
      await store.renameAssetPath(deckId, asset.path, to);
      // Follow the rename in the deck's text (both the NFC and the percent-encoded spelling).
      const latest = await store.getDeck(deckId);
      if (latest) {
        const text = latest.markdown.split(`(${asset.path}`).join(`(${to}`).split(`(${encodeURI(asset.path)}`).join(`(${to}`);
        if (text !== latest.markdown) await store.saveDeck(deckId, text, latest.rev);
      }
      this.renaming = undefined;
      showToast({ message: msg().renamed(asset.path, to) });
      await this.reload();
      await this.updateComplete;
      this.renameButton(to)?.focus();
    } catch (error) {
      this.fail(error);
    }
  }

  private renameButton(path: string): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>(`li[data-path="${CSS.escape(path)}"] button.rename`);
  }

  /** Opens (path) or closes (undefined) the rename form. The focus goes to the name field, and
   *  back to the asset's Rename button when the form closes, so keyboard users keep their place. */
  private async toggleRename(path: string | undefined): Promise<void> {
    const closing = this.renaming;
    this.renaming = path;
    await this.updateComplete;
    if (path) {
      const input = this.renderRoot.querySelector<HTMLInputElement>('.info form input[name=name]');
      input?.focus();
      input?.select();
    } else if (closing) {
      this.renameButton(closing)?.focus();
    }
  }

  private fail(error: unknown): void {
    showToast({ kind: 'error', message: errorText(error) });
  }

  private renderPreview(asset: DeckAssetInfo) {
    const url = this.decks.deck?.media?.resolve(asset.path);
    if (!url) return nothing;
    const kind = asset.type.split('/')[0] ?? mediaKindOf(asset.path);
    if (kind === 'video') return html`<video src=${url} controls preload="metadata" aria-label=${asset.path}></video>`;
    if (kind === 'audio') return html`<audio src=${url} controls preload="metadata" aria-label=${asset.path}></audio>`;
    if (kind === 'image') return html`<img src=${url} alt=${asset.path} loading="lazy" />`;
    return nothing;
  }

  /** Caption file path => the videos that show it. */
  private captionVideos(): Map<string, string[]> {
    const record = this.decks.deck?.record;
    return record ? captionVideos(record.markdown, this.assets.map((a) => a.path)) : new Map<string, string[]>();
  }

  override render() {
    const m = msg();
    const captionVideos = this.captionVideos();
    const open = this.decks.deck;
    if (open?.status === 'missing' || open?.status === 'failed') return html`<p class="error" role="alert">${m.notFound}</p>`;
    const deckId = this.decks.deckId ?? '';
    const record = open?.record;
    const assets = this.assets;
    const usage = record ? mediaUsage(record.markdown, assets.map((a) => a.path)) : new Map<string, Usage>();
    const stored = new Set(assets.map((a) => a.path.normalize('NFC')));
    const missing = [...usage.values()].filter((u) => !stored.has(u.path));
    const totalSize = assets.reduce((sum, a) => sum + a.size, 0);
    return html`
      <div class="top">
        <h1>${m.heading(record?.title || m.untitled)}</h1>
        <nav aria-label=${m.deckNav} class="deck-nav">
          <a href=${routeHash({ name: 'edit', deckId })}>${m.editLink}</a>
          <a href=${routeHash({ name: 'plan', deckId })}>${m.planLink}</a>
          <a href=${routeHash({ name: 'media', deckId })} aria-current="page">${m.mediaLink}</a>
        </nav>
      </div>
      <p class="add">
        <button class="primary" @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>${m.add}</button>
        <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" multiple accept="image/*,video/*,audio/*,.vtt,.srt,text/vtt" @change=${this.addFiles} />
        <span class="muted">${m.total(assets.length, formatBytes(totalSize))}</span>
      </p>
      ${missing.length
        ? html`<section class="missing" role="alert" aria-labelledby="missing-h">
            <h2 id="missing-h">${m.missing}</h2>
            <p>${m.missingHint}</p>
            <ul>${missing.map((u) => html`<li><code>${u.path}</code> — ${u.lines.map((n) => m.line(n)).join(', ')}</li>`)}</ul>
          </section>`
        : nothing}
      ${open?.status === 'ready' && assets.length === 0 ? html`<p class="muted">${m.empty}</p>` : nothing}
      <ul class="assets">
        ${assets.map((asset) => {
          const used = usage.get(asset.path.normalize('NFC'));
          return html`<li class="card" data-path=${asset.path}>
            <div class="thumb">${this.renderPreview(asset)}</div>
            <div class="info">
              <h2><code>${asset.path}</code></h2>
              <dl>
                <div><dt>${m.type}</dt><dd>${asset.type || '—'}</dd></div>
                <div><dt>${m.size}</dt><dd>${formatBytes(asset.size)}</dd></div>
                <div><dt>${m.usedOn}</dt><dd>${used ? used.lines.map((n) => formatNumber(n)).join(', ') : m.notUsed}</dd></div>
                ${isCaptionFile(asset.path)
                  ? html`<div class="captions-for"><dt>${m.captionsFor}</dt><dd>${captionVideos.get(asset.path.normalize('NFC'))?.map((v) => html`<code>${v}</code> `) ?? m.captionsOfNone}</dd></div>`
                  : nothing}
              </dl>
              ${this.renaming === asset.path
                ? html`<form
                    @submit=${(e: Event) => void this.rename(asset, e)}
                    @keydown=${(e: KeyboardEvent) => {
                      if (e.key !== 'Escape') return;
                      e.preventDefault();
                      void this.toggleRename(undefined);
                    }}
                  >
                    <label>${m.renameTo(asset.path)}<input name="name" .value=${asset.path.replace(/^media\//, '')} required /></label>
                    <button class="primary" type="submit">${m.save}</button>
                  </form>`
                : nothing}
              <div class="actions">
                <button class="rename" aria-expanded=${this.renaming === asset.path ? 'true' : 'false'} @click=${() => void this.toggleRename(this.renaming === asset.path ? undefined : asset.path)}>${m.rename}</button>
                <button class="danger" @click=${() => void this.removeAsset(asset, used)}>${m.delete}</button>
              </div>
            </div>
          </li>`;
        })}
      </ul>
    `;
  }

  static override styles = [
    uiStyles,
    css`
      :host { display: block; }
      .top { display: flex; flex-wrap: wrap; gap: var(--lectern-space-3); align-items: center; justify-content: space-between; }
      .top h1 { margin: 0; }
      .deck-nav { display: flex; gap: var(--lectern-space-3); }
      .deck-nav a[aria-current='page'] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--lectern-accent); }
      .add { display: flex; flex-wrap: wrap; align-items: center; gap: var(--lectern-space-3); }
      .missing { border: 2px solid var(--lectern-danger); border-radius: var(--lectern-radius); padding: var(--lectern-space-2) var(--lectern-space-3); background: var(--lectern-accent-soft); margin-bottom: var(--lectern-space-3); }
      .missing h2 { color: var(--lectern-danger); }
      .assets { list-style: none; padding: 0; display: grid; gap: var(--lectern-space-3); grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); }
      .assets li { display: flex; gap: var(--lectern-space-3); }
      .thumb { flex: 0 0 10rem; }
      .thumb img, .thumb video { width: 10rem; max-height: 8rem; object-fit: contain; background: var(--lectern-surface-2); border-radius: var(--lectern-radius); }
      .thumb audio { width: 10rem; }
      .info { flex: 1; min-width: 0; }
      .info h2 { font-size: 0.98rem; overflow-wrap: anywhere; }
      dl { margin: 0 0 var(--lectern-space-2); font-size: 0.9rem; }
      dl div { display: flex; gap: var(--lectern-space-2); }
      dt { color: var(--lectern-muted); min-width: 6rem; }
      dd { margin: 0; }
      .actions { display: flex; gap: var(--lectern-space-2); }
      form { display: flex; gap: var(--lectern-space-2); align-items: flex-end; margin-bottom: var(--lectern-space-2); flex-wrap: wrap; }
    `,
  ];
}

declare global {
  interface HTMLElementTagNameMap {
    'lectern-screen-media': MediaScreen;
  }
}
