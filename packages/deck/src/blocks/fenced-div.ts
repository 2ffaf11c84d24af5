// `:::` fenced divs (Pandoc): one marked block extension that finds the block and its matching
// closing fence (nested blocks and fenced code inside are skipped over), and produces a token
// typed by kind (`lectern-discussion`, …) so each kind's file renders its own. Unknown kinds and
// class-only divs render here as a plain <div>. An unclosed block runs to the end of the slide.
import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { renderAttrs, type ElementAttrs } from '../html.ts';
import { parseDivInfo, type DivInfo } from './divs.ts';

export interface DivToken extends Tokens.Generic {
  type: string;
  raw: string;
  info: DivInfo;
  tokens: Tokens.Generic[];
}

const RE_OPEN = /^ {0,3}(:{3,})[ \t]*(\S.*?)[ \t:]*$/;
const RE_CLOSE = /^ {0,3}:{3,}[ \t]*$/;
const RE_FENCE = /^[ \t]*(`{3,}|~{3,})/;

/** Offset of the first line starting with `:::` (after up to three spaces), for paragraph cuts. */
function startOfDiv(src: string): number | undefined {
  let i = src.indexOf(':::');
  while (i >= 0) {
    let j = i;
    while (j > 0 && src.charCodeAt(j - 1) === 32 && i - j < 3) j--;
    // marked hands us the text after the paragraph's first character: offset 0 is never a line start.
    if (j > 0 && src.charCodeAt(j - 1) === 10) return j;
    i = src.indexOf(':::', i + 3);
  }
  return undefined;
}

/** The attributes every block carries: its kind's class first, then the author's. */
export function blockAttrs(info: DivInfo, kindClass: string | undefined, data: Record<string, string> = {}): ElementAttrs {
  const classes = kindClass ? [kindClass, ...info.attrs.classes.filter((c) => c !== kindClass)] : [...info.attrs.classes];
  const attributes: Record<string, string> = { ...data };
  // Keys, not entries: no [key, value] array per attribute (a visible cost on slides with blocks).
  const values = info.attrs.values;
  for (const key of Object.keys(values)) if (key.startsWith('data-')) attributes[key] = values[key]!;
  return { id: info.attrs.id, classes, attributes };
}

export const fencedDiv: TokenizerAndRendererExtension = {
  name: 'lectern-div',
  level: 'block',
  start: startOfDiv,
  tokenizer(src) {
    const first = src.charCodeAt(0);
    if (first !== 58 && first !== 32) return undefined;
    const nl = src.indexOf('\n');
    const firstLine = (nl < 0 ? src : src.slice(0, nl)).replace(/\r$/, '');
    const open = RE_OPEN.exec(firstLine);
    if (!open) return undefined;
    // Find the matching close: count nested openers, skip fenced code.
    let pos = nl < 0 ? src.length : nl + 1;
    const innerStart = pos;
    let depth = 1;
    let fence: string | undefined;
    let innerEnd = src.length;
    let end = src.length;
    while (pos < src.length) {
      const lineEnd = src.indexOf('\n', pos);
      const next = lineEnd < 0 ? src.length : lineEnd + 1;
      // Only a line whose first character after spaces and tabs is ` ~ or : can open or close
      // a fence or a block: the others are passed over without a copy or a regular expression.
      let k = pos;
      while (src.charCodeAt(k) === 32 || src.charCodeAt(k) === 9) k++;
      const c = src.charCodeAt(k);
      if (c !== 96 && c !== 126 && c !== 58) {
        pos = next;
        continue;
      }
      const line = src.slice(pos, lineEnd < 0 ? src.length : lineEnd).replace(/\r$/, '');
      if (fence) {
        const f = RE_FENCE.exec(line);
        if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = undefined;
      } else {
        const f = RE_FENCE.exec(line);
        if (f && !(f[1]![0] === '`' && line.indexOf('`', line.indexOf(f[1]!) + f[1]!.length) >= 0)) fence = f[1];
        else if (line.charCodeAt(line.search(/\S/)) === 58) {
          if (RE_CLOSE.test(line)) {
            depth--;
            if (depth === 0) {
              innerEnd = pos;
              end = next;
              break;
            }
          } else if (RE_OPEN.test(line)) depth++;
        }
      }
      pos = next;
    }
    const info = parseDivInfo(open[2]!);
    const inner = src.slice(innerStart, innerEnd);
    const token: DivToken = {
      type: info.kind === 'div' ? 'lectern-div' : `lectern-${info.kind}`,
      raw: src.slice(0, end),
      info,
      tokens: [],
    };
    this.lexer.blockTokens(inner, token.tokens);
    return token;
  },
  renderer(token) {
    const { info } = token as DivToken;
    const attrs = blockAttrs(info, info.unknown);
    for (const key of ['style', 'title']) if (info.attrs.values[key] !== undefined) attrs.attributes[key] = info.attrs.values[key]!;
    return `<div${renderAttrs(attrs)}>\n${this.parser.parse((token as DivToken).tokens)}</div>\n`;
  },
};
