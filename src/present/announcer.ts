// What a screen reader hears while a lesson is presented. reveal.js's own live region reads the
// whole slide on arrival -- fragments not shown yet included (it gives the next bullet away, then
// reads each fragment again) -- and never says where the lecturer is. Lectern silences it and
// speaks through one polite live region of its own:
//   - a new slide: "Trang chiếu 3 / 15" (UI language), then only the text that is visible;
//   - a fragment appearing: that fragment's text alone;
//   - anything else Lectern has to say (the discussion countdown) through `say`.
// The position is in the UI language and the slide text keeps the deck's language (`lang` on
// each part), so a speech synthesizer pronounces both right.
import { getLang } from '../app/i18n.ts';
import { presentMsg } from './messages.ts';

/** Elements whose text is never read out with the slide. */
const SKIPPED = 'aside.notes, script, style, template, .fragment:not(.visible), [aria-hidden="true"], [hidden]';
/** Elements after which a sentence ends (so list items and paragraphs are not run together). */
const BLOCKS = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TD', 'TH', 'FIGCAPTION', 'DT', 'DD', 'PRE']);

/** The text of `root` a person in the room can see: no notes, no fragment not yet shown. */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.replace(/\s+/g, ' ') ?? '';
      if (text.trim()) parts.push(text);
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.matches(SKIPPED)) return;
    const view = node.ownerDocument.defaultView;
    if (view && view.getComputedStyle(node).display === 'none') return;
    if (node instanceof HTMLImageElement) {
      if (node.alt.trim()) parts.push(` ${node.alt.trim()}. `);
      return;
    }
    // A task-list checkbox: its state is part of the line ("done"/"not done").
    if (node instanceof HTMLInputElement && node.type === 'checkbox') {
      const label = node.getAttribute('aria-label');
      if (label) parts.push(`${label}: `);
      return;
    }
    for (const child of node.childNodes) walk(child);
    if (BLOCKS.has(node.tagName)) parts.push('. ');
  };
  walk(root);
  return parts
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/([.!?:;…])(\s*\.)+/g, '$1')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/^[\s.]+/, '')
    .trim();
}

export class Announcer {
  readonly region: HTMLElement;

  /** `contentLang`: the deck's language (its text is read in it); the UI language otherwise. */
  constructor(
    host: HTMLElement,
    private readonly contentLang: string,
  ) {
    this.region = document.createElement('div');
    this.region.className = 'lectern-announcer';
    this.region.setAttribute('role', 'status');
    this.region.setAttribute('aria-live', 'polite');
    this.region.setAttribute('aria-atomic', 'true');
    host.append(this.region);
  }

  private put(parts: { text: string; lang: string }[]): void {
    const spans = parts
      .filter((part) => part.text)
      .map((part) => {
        const span = document.createElement('span');
        span.lang = part.lang;
        span.textContent = part.text;
        return span;
      });
    // One text node between parts: "Trang chiếu 3 / 15. Nội dung…"
    const nodes: Node[] = [];
    spans.forEach((span, i) => {
      if (i > 0) nodes.push(document.createTextNode(' '));
      nodes.push(span);
    });
    this.region.replaceChildren(...nodes);
  }

  /** A slide arrived: where we are, then what can be seen of it. */
  slide(section: Element, position: number, total: number): void {
    const m = presentMsg();
    this.put([
      { text: `${m.announceSlide(position, total)}.`, lang: getLang() },
      { text: visibleText(section), lang: this.contentLang },
    ]);
  }

  /** Fragments appeared: their text alone. */
  fragments(shown: readonly Element[]): void {
    const text = shown
      .map((fragment) => visibleText(fragment))
      .filter(Boolean)
      .join(' ');
    if (text) this.put([{ text, lang: this.contentLang }]);
  }

  /** A message of Lectern's own (countdown), in the UI language. */
  say(text: string): void {
    this.put([{ text, lang: getLang() }]);
  }

  destroy(): void {
    this.region.remove();
  }
}

