// Images, video and audio: `![alt](media/clip.mp4#t=90,180){width=60% autoplay muted}`.
// The file extension picks the element (<img>, <video controls preload="metadata">, <audio
// controls>); the `#t=` media fragment stays on the src so browsers play only the clip; the
// attribute block after the image passes through once validated (the rest is dropped: parse.ts
// reports it as attr-invalid). Paths go through options.resolveMedia (Blob URLs, files).
import type { MarkedExtension, Token, Tokens } from 'marked';
import { IMAGE_RULES, PLAYER_RULES, attrsFor } from '../attrs.ts';
import { escapeHtml, renderAttrs, type ElementAttrs } from '../html.ts';
import { captionTracks, trackHtml } from '../captions.ts';
import { isLocal, mediaKind, mediaPathOf } from '../media.ts';
import type { RenderState, WithAttrs } from '../render-state.ts';

interface ImageWithAttrs extends Tokens.Image, WithAttrs {
  lecternMediaAttrs?: string;
}

const RE_CSS_SIZE = /[a-z%]$/;
const PLAYER_FLAGS = new Set(['autoplay', 'loop', 'muted', 'playsinline', 'controls']);

/** The URL the output should use for a path as written. */
export function resolveUrl(state: RenderState, href: string): string {
  const { resolveMedia } = state.options;
  if (!resolveMedia) return href;
  const path = mediaPathOf(href);
  const resolved = resolveMedia(path);
  return resolved === undefined ? href : resolved + href.slice(path.length);
}

/** Token pass: `![a](b.mp4){autoplay}` -- marked leaves `{autoplay}` as text after the image;
 *  move it onto the image token. render.ts runs it only on text that has `){`. (A pass over the
 *  tokens rather than a marked hook or tokenizer override: those cost every slide ~15%.) */
export function attachImageAttrs(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'image') {
      const next = tokens[i + 1];
      if (next?.type !== 'text' || next.raw.charCodeAt(0) !== 123) continue;
      const close = next.raw.indexOf('}');
      const nl = next.raw.indexOf('\n');
      if (close < 0 || (nl >= 0 && nl < close)) continue;
      (t as ImageWithAttrs).lecternMediaAttrs = next.raw.slice(1, close);
      const rest = next.raw.slice(close + 1);
      if (rest === '') tokens.splice(i + 1, 1);
      else {
        next.raw = rest;
        (next as Tokens.Text).text = (next as Tokens.Text).escaped ? rest : escapeHtml(rest);
      }
      continue;
    }
    if (t.type === 'list') for (const item of (t as Tokens.List).items) attachImageAttrs(item.tokens);
    else if (t.type === 'table') {
      const table = t as Tokens.Table;
      for (const cell of table.header) attachImageAttrs(cell.tokens);
      for (const row of table.rows) for (const cell of row) attachImageAttrs(cell.tokens);
    } else {
      const children = (t as { tokens?: Token[] }).tokens;
      if (children) attachImageAttrs(children);
    }
  }
}

/** The validated `{...}` written after an image, video or audio (`width`, `poster`, `autoplay`…);
 *  empty when there is none. For writers that read tokens (lexMarkdown). */
export function mediaTokenAttrs(token: Tokens.Image): Record<string, string> {
  const written = (token as ImageWithAttrs).lecternMediaAttrs;
  if (written === undefined) return {};
  const kind = mediaKind(mediaPathOf(token.href));
  return { ...attrsFor(written, kind === 'image' ? IMAGE_RULES : PLAYER_RULES).values };
}

/** Whether a local file exists, for captions found beside a video: what `mediaExists` says, else
 *  whether `resolveMedia` knows the path (the app's and the export's resolvers answer only for
 *  stored files); with neither, nothing is assumed to exist. */
function mediaExists(state: RenderState, path: string): boolean {
  if (!isLocal(path)) return false;
  const { mediaExists: exists, resolveMedia } = state.options;
  if (exists) return exists(path);
  return resolveMedia ? resolveMedia(path) !== undefined : false;
}

/** Whether the output can load a caption file: what `resolveMedia` resolves (the app, the build
 *  and the export resolve only files they have and carry), else what `mediaExists` says. A file
 *  named but missing, or refused (over CAPTION_LIMITS), gets no <track>: the deck check says why. */
function carried(state: RenderState, path: string): boolean {
  const { resolveMedia, mediaExists: exists } = state.options;
  if (resolveMedia) return resolveMedia(path) !== undefined;
  return exists ? exists(path) : true;
}

export function media(state: RenderState): MarkedExtension {
  return {
    renderer: {
      image(token) {
        const t = token as ImageWithAttrs;
        const kind = mediaKind(mediaPathOf(t.href));
        const attrs: ElementAttrs = { classes: [], attributes: {} };
        const style: string[] = [];
        let captions: string | undefined;
        if (t.lecternMediaAttrs !== undefined) {
          const valid = attrsFor(t.lecternMediaAttrs, kind === 'image' ? IMAGE_RULES : PLAYER_RULES);
          attrs.id = valid.id;
          attrs.classes.push(...valid.classes);
          // Keys, not entries: no [key, value] array per attribute.
          for (const key of Object.keys(valid.values)) {
            const value = valid.values[key]!;
            if ((key === 'width' || key === 'height') && RE_CSS_SIZE.test(value)) style.push(`${key}:${value};`);
            else if (key === 'style') style.push(value.endsWith(';') ? value : `${value};`);
            else if (key === 'poster') attrs.attributes[key] = resolveUrl(state, value);
            else if (key === 'controls') continue; // players always have controls
            else if (key === 'captions') captions = value; // <track> elements, below
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
          // With neither resolveMedia nor mediaExists no file beside the video can be known to
          // exist, so only tracks `captions=` names are looked for.
          const canExist = state.options.mediaExists !== undefined || state.options.resolveMedia !== undefined;
          const tracks =
            captions === undefined && !canExist
              ? ''
              : trackHtml(
                  captionTracks(t.href, captions, state.lang, (path) => mediaExists(state, path)).filter((track) => carried(state, track.path)),
                  (path) => resolveUrl(state, path),
                );
          return `<video controls preload="metadata" src="${src}"${label}${title}${rest}>${tracks}${fallback}</video>`;
        }
        return `<audio controls src="${src}"${label}${title}${rest}>${t.text ? escapeHtml(t.text) : ''}</audio>`;
      },
    },
  };
}
