// reveal.js's comment syntax: `<!-- .element: class="fragment" -->` gives attributes to the
// element before it (the image it follows, or the paragraph / list item / heading it sits in;
// on a line of its own, the block above), and `<!-- .slide: … -->` is removed here because
// parse.ts already put its attributes on the slide.
import type { Token, Tokens } from 'marked';
import { ELEMENT_RULES, parseAttrText, validateAttrs } from '../attrs.ts';
import type { ElementAttrs } from '../html.ts';
import { addTokenAttrs } from '../render-state.ts';
import { mergeAttrs, wrapListItems, wrapWithAttrs } from './element-attrs.ts';

const RE_ELEMENT = /^\s*<!--\s*\.element:\s*([\s\S]*?)\s*-->\s*$/;
const RE_SLIDE = /^\s*<!--\s*\.slide:\s*[\s\S]*?-->\s*$/;
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'text', 'strong', 'em', 'del', 'link']);

function elementAttrsOf(text: string): ElementAttrs | undefined {
  const m = RE_ELEMENT.exec(text);
  if (!m) return undefined;
  const valid = validateAttrs(parseAttrText(m[1]!), ELEMENT_RULES);
  return { id: valid.id, classes: valid.classes, attributes: valid.values };
}

function isBlank(token: Token): boolean {
  return token.type === 'space' || (token.type === 'text' && (token as Tokens.Text).text.trim() === '' && !(token as Tokens.Text).tokens?.length);
}

/** Applies inline comments; returns attributes meant for the owning element (paragraph, list
 *  item, heading), which the caller attaches. */
function processInline(tokens: Token[], owner: ElementAttrs[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'html') {
      const text = (t as Tokens.HTML).text;
      if (RE_SLIDE.test(text)) {
        tokens.splice(i--, 1);
        continue;
      }
      const attrs = elementAttrsOf(text);
      if (attrs) {
        let j = i - 1;
        while (j >= 0 && isBlank(tokens[j]!)) j--;
        const prev = j >= 0 ? tokens[j]! : undefined;
        if (prev?.type === 'image') addTokenAttrs(prev, attrs);
        else owner.push(attrs);
        const before = tokens[i - 1];
        if (before?.type === 'text') {
          // The space before the comment is not part of the content.
          (before as Tokens.Text).text = (before as Tokens.Text).text.trimEnd();
        }
        tokens.splice(i--, 1);
        continue;
      }
    }
    const children = (t as { tokens?: Token[] }).tokens;
    if (children && INLINE_PARENTS.has(t.type)) processInline(children, owner);
  }
}

function merged(list: ElementAttrs[]): ElementAttrs | undefined {
  return list.length === 0 ? undefined : list.reduce(mergeAttrs);
}

/** Walks block tokens; attributes meant for the enclosing list item go to `forItem`. */
function processBlocks(tokens: Token[], forItem?: ElementAttrs[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'html': {
        const text = (t as Tokens.HTML).text;
        if (RE_SLIDE.test(text)) {
          tokens.splice(i--, 1);
          break;
        }
        const attrs = elementAttrsOf(text);
        if (attrs) {
          tokens.splice(i--, 1);
          let j = i;
          while (j >= 0 && tokens[j]!.type === 'space') j--;
          if (j >= 0) wrapWithAttrs(tokens, j, attrs);
          else if (forItem) forItem.push(attrs);
        }
        break;
      }
      case 'paragraph':
      case 'heading': {
        const own: ElementAttrs[] = [];
        processInline((t as Tokens.Paragraph).tokens, own);
        const attrs = merged(own);
        if (attrs) wrapWithAttrs(tokens, i, attrs);
        break;
      }
      case 'text': {
        // A tight list item's text: its comments belong to the list item.
        const own: ElementAttrs[] = [];
        if ((t as Tokens.Text).tokens) processInline((t as Tokens.Text).tokens!, own);
        if (own.length > 0) {
          if (forItem) forItem.push(...own);
          else wrapWithAttrs(tokens, i, merged(own)!);
        }
        break;
      }
      case 'list': {
        const items = new Map<Tokens.ListItem, ElementAttrs>();
        for (const item of (t as Tokens.List).items) {
          const own: ElementAttrs[] = [];
          processBlocks(item.tokens, own);
          const attrs = merged(own);
          if (attrs) items.set(item, attrs);
        }
        if (items.size > 0) wrapListItems(tokens, i, items);
        break;
      }
      case 'table': {
        const table = t as Tokens.Table;
        const ignored: ElementAttrs[] = [];
        for (const cell of table.header) processInline(cell.tokens, ignored);
        for (const row of table.rows) for (const cell of row) processInline(cell.tokens, ignored);
        break;
      }
      default: {
        const children = (t as { tokens?: Token[] }).tokens;
        if (children) processBlocks(children);
      }
    }
  }
}

/** Token pass: applies and removes the comments. render.ts runs it only on text with `<!--`
 *  (a pass rather than a marked hook: hooks cost every slide). */
export function applyRevealComments(tokens: Token[]): void {
  processBlocks(tokens);
}
