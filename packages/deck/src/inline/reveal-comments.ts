// reveal.js's comment syntax: `<!-- .element: class="fragment" -->` gives attributes to the
// element before it (the image it follows, or the paragraph / list item / heading it sits in;
// on a line of its own, the block above), and `<!-- .slide: … -->` is removed here because
// parse.ts already put its attributes on the slide.
import type { MarkedExtension, Token, Tokens } from 'marked';
import { ELEMENT_RULES, parseAttrText, validateAttrs } from '../attrs.ts';
import { addTokenAttrs, type RenderState } from '../render-state.ts';

const RE_ELEMENT = /^\s*<!--\s*\.element:\s*([\s\S]*?)\s*-->\s*$/;
const RE_SLIDE = /^\s*<!--\s*\.slide:\s*[\s\S]*?-->\s*$/;
const INLINE_PARENTS = new Set(['paragraph', 'heading', 'text', 'strong', 'em', 'del', 'link']);

function elementAttrsOf(text: string) {
  const m = RE_ELEMENT.exec(text);
  if (!m) return undefined;
  const valid = validateAttrs(parseAttrText(m[1]!), ELEMENT_RULES);
  return { id: valid.id, classes: valid.classes, attributes: valid.values };
}

function isBlank(token: Token): boolean {
  return token.type === 'space' || (token.type === 'text' && (token as Tokens.Text).text.trim() === '' && !(token as Tokens.Text).tokens?.length);
}

function processInline(tokens: Token[], owner: object): void {
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
        addTokenAttrs(prev?.type === 'image' ? prev : owner, attrs);
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

function processBlocks(tokens: Token[], listItem?: object): void {
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
          let j = i - 1;
          while (j >= 0 && tokens[j]!.type === 'space') j--;
          if (j >= 0) addTokenAttrs(tokens[j]!, attrs);
          else if (listItem) addTokenAttrs(listItem, attrs);
          tokens.splice(i--, 1);
        }
        break;
      }
      case 'paragraph':
      case 'heading':
        processInline((t as Tokens.Paragraph).tokens, t);
        break;
      case 'text':
        if ((t as Tokens.Text).tokens) processInline((t as Tokens.Text).tokens!, listItem ?? t);
        break;
      case 'list':
        for (const item of (t as Tokens.List).items) processBlocks(item.tokens, item);
        break;
      case 'table': {
        const table = t as Tokens.Table;
        for (const cell of table.header) processInline(cell.tokens, cell);
        for (const row of table.rows) for (const cell of row) processInline(cell.tokens, cell);
        break;
      }
      default: {
        const children = (t as { tokens?: Token[] }).tokens;
        if (children) processBlocks(children);
      }
    }
  }
}

export function revealComments(state: RenderState): MarkedExtension {
  return {
    hooks: {
      processAllTokens(tokens) {
        if (state.comments) processBlocks(tokens as Token[]);
        return tokens;
      },
    },
  };
}
