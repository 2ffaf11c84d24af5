// Placeholder while the renderer lands.
import type { Deck, RenderedDeck, RenderOptions } from './types.ts';
export interface RenderCache { readonly rendered: number }
export function createRenderCache(): RenderCache { return { rendered: 0 }; }
export function renderDeck(deck: Deck, _options: RenderOptions = {}, _cache?: RenderCache): RenderedDeck {
  return { html: '', slides: [], diagnostics: [...deck.diagnostics] };
}
export function renderMarkdown(_markdown: string, _options: RenderOptions = {}): string { return ''; }
export const renderNotes = renderMarkdown;
export function renderMarkdownInline(_markdown: string, _options: RenderOptions = {}): string { return ''; }
