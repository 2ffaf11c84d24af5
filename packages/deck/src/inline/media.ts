// Images, video and audio: `![alt](media/clip.mp4#t=90,180){width=60% autoplay muted}`.
// The file extension picks the element (<img>, <video controls preload="metadata">, <audio
// controls>); the `#t=` media fragment stays on the src so browsers play only the clip; the
// attribute block after the image passes through once validated (the rest is dropped: parse.ts
// reports it as attr-invalid). Paths go through options.resolveMedia (Blob URLs, files).
import { Tokenizer, type MarkedExtension, type Tokens } from 'marked';
import { IMAGE_RULES, PLAYER_RULES, parseAttrText, validateAttrs } from '../attrs.ts';
import { escapeHtml, renderAttrs, type ElementAttrs } from '../html.ts';
import { mediaKind, splitMediaPath } from '../media.ts';
import type { RenderState, WithAttrs } from '../render-state.ts';

interface ImageWithAttrs extends Tokens.Image, WithAttrs {
  lecternMediaAttrs?: string;
}

const RE_CSS_SIZE = /[a-z%]$/;
const PLAYER_FLAGS = new Set(['autoplay', 'loop', 'muted', 'playsinline', 'controls']);

/** The URL the output should use for a path as written. */
export function resolveUrl(state: RenderState, href: string): string {
  const { path, fragment } = splitMediaPath(href);
  const resolved = state.options.resolveMedia?.(path);
  return resolved === undefined ? href : resolved + fragment;
}

export function media(state: RenderState): MarkedExtension {
  return {
    tokenizer: {
      link(src) {
        if (src.charCodeAt(0) !== 33) return false; // '!': only images are ours
        const token = Tokenizer.prototype.link.call(this, src) as ImageWithAttrs | undefined;
        if (!token || token.type !== 'image') return token;
        const at = token.raw.length;
        if (src.charCodeAt(at) !== 123) return token; // '{'
        const close = src.indexOf('}', at);
        const nl = src.indexOf('\n', at);
        if (close < 0 || (nl >= 0 && nl < close)) return token;
        token.lecternMediaAttrs = src.slice(at + 1, close);
        token.raw = src.slice(0, close + 1);
        return token;
      },
    },
    renderer: {
      image(token) {
        const t = token as ImageWithAttrs;
        const kind = mediaKind(splitMediaPath(t.href).path);
        const attrs: ElementAttrs = { classes: [], attributes: {} };
        const style: string[] = [];
        if (t.lecternMediaAttrs !== undefined) {
          const valid = validateAttrs(parseAttrText(t.lecternMediaAttrs), kind === 'image' ? IMAGE_RULES : PLAYER_RULES);
          attrs.id = valid.id;
          attrs.classes.push(...valid.classes);
          for (const [key, value] of Object.entries(valid.values)) {
            if ((key === 'width' || key === 'height') && RE_CSS_SIZE.test(value)) style.push(`${key}:${value};`);
            else if (key === 'style') style.push(value.endsWith(';') ? value : `${value};`);
            else if (key === 'poster') attrs.attributes[key] = resolveUrl(state, value);
            else if (key === 'controls') continue; // players always have controls
            else attrs.attributes[key] = value;
          }
        }
        if (t.lecternAttrs) {
          if (t.lecternAttrs.id) attrs.id = t.lecternAttrs.id;
          for (const c of t.lecternAttrs.classes) if (!attrs.classes.includes(c)) attrs.classes.push(c);
          Object.assign(attrs.attributes, t.lecternAttrs.attributes);
        }
        if (style.length > 0) attrs.attributes['style'] = style.join(' ');
        const src = escapeHtml(resolveUrl(state, t.href));
        const title = t.title ? ` title="${escapeHtml(t.title)}"` : '';
        if (kind === 'image') {
          return `<img src="${src}" alt="${escapeHtml(t.text)}"${title}${renderAttrs(attrs)}>`;
        }
        const label = t.text ? ` aria-label="${escapeHtml(t.text)}"` : '';
        const rest = renderAttrs(attrs, PLAYER_FLAGS);
        if (kind === 'video') {
          const fallback = t.text ? escapeHtml(t.text) : '';
          return `<video controls preload="metadata" src="${src}"${label}${title}${rest}>${fallback}</video>`;
        }
        return `<audio controls src="${src}"${label}${title}${rest}>${t.text ? escapeHtml(t.text) : ''}</audio>`;
      },
    },
  };
}
