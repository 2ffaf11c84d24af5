// `.pptx` -> Lectern deck. Everything comes from the OOXML itself: slide order from
// presentation.xml's slide list through its relationships (never file names), notes through each
// slide's own relationship, placeholders' positions and bullets through the layout and master.
import { OfficeImportError } from './errors.ts';
import type { ImportedMedia, ImportOptions, OfficeImport } from './import-types.ts';
import { ReportBuilder } from './report.ts';
import { legacyCharsetOf, transcodeLegacy } from './legacy-fonts.ts';
import { MediaNamer, extensionOf } from './media-names.ts';
import { browserMedia, UNSHOWABLE } from './media-types.ts';
import { codeBlockMarkdown, escapeHtml, escapeInline, escapeLineStart, isCodeParagraph, PLAIN_STYLE, runsToMarkdown, runsToPlain, safeHref, type StyledText } from './markdown-text.ts';
import { isMonospaceFont } from './monospace-fonts.ts';
import { coreProperties, type OfficePackage } from './opc.ts';
import { animationPlan, asFragment } from './animations.ts';
import { assembleDeck, type SlideOut } from './deck-text.ts';
import { attr, child, children, descendants, elements, inNs, intAttr, is, path, type Element } from './xml.ts';

/** Placeholder kinds that are slide furniture, not content. */
const FURNITURE = new Set(['dt', 'ftr', 'sldNum', 'hdr', 'sldImg']);
const TITLE_TYPES = new Set(['title', 'ctrTitle']);

interface Point { x: number; y: number }
type Transform = (p: Point) => Point;
const IDENTITY: Transform = (p) => p;

interface Context {
  pkg: OfficePackage;
  slidePart: string;
  slideNumber: number;
  layout: Element | undefined;
  master: Element | undefined;
  layoutPart: string | undefined;
  masterPart: string | undefined;
  report: ReportBuilder;
  namer: MediaNamer;
  media: Map<string, ImportedMedia>;
  title: string;
}

interface Item {
  pos: Point | undefined;
  order: number;
  markdown: string;
  /** cNvPr id of the shape (or of the outermost group holding it): what animations target. */
  shapeId: string | undefined;
}

interface Placeholder { type: string; idx: string | undefined }

/** A shape's non-visual properties (`p:nvSpPr`, `p:nvPicPr`, `p:nvCxnSpPr`...): its id, name,
 *  placeholder and kind, whatever the shape's kind. */
function nonVisualOf(shape: Element): Element | undefined {
  return elements(shape).find((el) => inNs(el, 'p') && (el.localName ?? '').startsWith('nv'));
}

function placeholderOf(shape: Element): Placeholder | undefined {
  const nv = nonVisualOf(shape);
  const ph = path(nv, ['p', 'nvPr'], ['p', 'ph']);
  if (!ph) return undefined;
  return { type: attr(ph, 'type') ?? 'obj', idx: attr(ph, 'idx') };
}

const sameKind = (a: string, b: string) => a === b || (['obj', 'body'].includes(a) && ['obj', 'body'].includes(b));

/** The layout's or master's placeholder shape this one inherits from: `idx` first, then `type`. */
function findPlaceholder(tree: Element | undefined, ph: Placeholder): Element | undefined {
  if (!tree) return undefined;
  const spTree = path(tree, ['p', 'cSld'], ['p', 'spTree']);
  const shapes = children(spTree, 'p', 'sp');
  if (ph.idx !== undefined) {
    const byIdx = shapes.find((sp) => placeholderOf(sp)?.idx === ph.idx);
    if (byIdx) return byIdx;
  }
  return shapes.find((sp) => {
    const other = placeholderOf(sp);
    return other !== undefined && sameKind(other.type, ph.type);
  });
}

function offsetOf(xfrm: Element | undefined): Point | undefined {
  const off = child(xfrm, 'a', 'off');
  const x = intAttr(off, 'x');
  const y = intAttr(off, 'y');
  return x === undefined || y === undefined ? undefined : { x, y };
}

function xfrmOf(shape: Element): Element | undefined {
  return path(shape, ['p', 'spPr'], ['a', 'xfrm']) ?? child(shape, 'p', 'xfrm') ?? path(shape, ['p', 'grpSpPr'], ['a', 'xfrm']);
}

function groupTransform(group: Element, outer: Transform): Transform {
  const xfrm = path(group, ['p', 'grpSpPr'], ['a', 'xfrm']);
  const off = offsetOf(xfrm);
  const chOff = (() => {
    const el = child(xfrm, 'a', 'chOff');
    const x = intAttr(el, 'x');
    const y = intAttr(el, 'y');
    return x === undefined || y === undefined ? undefined : { x, y };
  })();
  if (!off || !chOff) return outer;
  const ext = child(xfrm, 'a', 'ext');
  const chExt = child(xfrm, 'a', 'chExt');
  const sx = (intAttr(ext, 'cx') ?? 0) / (intAttr(chExt, 'cx') || 1) || 1;
  const sy = (intAttr(ext, 'cy') ?? 0) / (intAttr(chExt, 'cy') || 1) || 1;
  return (p) => outer({ x: off.x + (p.x - chOff.x) * sx, y: off.y + (p.y - chOff.y) * sy });
}

// ---- text -----------------------------------------------------------------------------------

type BulletKind = 'none' | 'bullet' | 'number';
/** A paragraph's bullet; `start` is the number of a numbered list's first item (`startAt`). */
interface Bullet { kind: BulletKind; start: number }

const NO_BULLET: Bullet = { kind: 'none', start: 1 };

function bulletOf(pPr: Element | undefined): Bullet | undefined {
  for (const el of elements(pPr)) {
    if (!inNs(el, 'a')) continue;
    if (el.localName === 'buNone') return NO_BULLET;
    if (el.localName === 'buAutoNum') return { kind: 'number', start: Math.min(Math.max(intAttr(el, 'startAt') ?? 1, 0), 999_999_999) };
    if (el.localName === 'buChar' || el.localName === 'buBlip') return { kind: 'bullet', start: 1 };
  }
  return undefined;
}

/** Bullet of a paragraph at `level` (0-based): its own pPr, then each list style in the chain. */
function resolveBullet(pPr: Element | undefined, level: number, chain: Array<Element | undefined>): Bullet {
  const own = bulletOf(pPr);
  if (own) return own;
  for (const style of chain) {
    const found = bulletOf(child(style, 'a', `lvl${level + 1}pPr`));
    if (found) return found;
  }
  return NO_BULLET;
}

async function runsOf(paragraph: Element, ctx: Context): Promise<StyledText[]> {
  const runs: StyledText[] = [];
  for (const el of elements(paragraph)) {
    if (is(el, 'a', 'br')) {
      runs.push({ text: '', br: true, ...PLAIN_STYLE });
      continue;
    }
    if (!is(el, 'a', 'r') && !is(el, 'a', 'fld')) continue;
    const rPr = child(el, 'a', 'rPr');
    const font = attr(child(rPr, 'a', 'latin'), 'typeface') ?? attr(child(rPr, 'a', 'cs'), 'typeface');
    const legacy = legacyCharsetOf(font) !== undefined;
    if (legacy) ctx.report.add({ kind: 'legacy-font', slide: ctx.slideNumber, part: ctx.slidePart, detail: font! });
    let href: string | undefined;
    const link = child(rPr, 'a', 'hlinkClick');
    if (link) {
      const rel = await ctx.pkg.target(ctx.slidePart, attr(link, 'id', 'r'));
      href = rel?.external ? safeHref(rel.target) : undefined;
      if (rel && !href) ctx.report.add({ kind: 'link-dropped', slide: ctx.slideNumber, part: ctx.slidePart, detail: rel.target.slice(0, 200) });
    }
    const style = {
      bold: attr(rPr, 'b') === '1' || attr(rPr, 'b') === 'true',
      italic: attr(rPr, 'i') === '1' || attr(rPr, 'i') === 'true',
      underline: (attr(rPr, 'u') ?? 'none') !== 'none',
      strike: (attr(rPr, 'strike') ?? 'noStrike') !== 'noStrike',
      code: isMonospaceFont(font),
      href,
    };
    const stored = children(el, 'a', 't').map((t) => t.textContent ?? '').join('');
    const text = legacy ? transcodeLegacy(stored, font!) : stored;
    // PowerPoint stores Shift+Enter inside a run as a vertical tab. A line feed or carriage return
    // in a:t (other writers) is a line break too: written raw it would start a Markdown line that
    // can be structure (`---` splits the slide, `Note:` starts the notes).
    text.split(/\r\n|[\v\n\r]/).forEach((piece, i) => {
      if (i > 0) runs.push({ text: '', br: true, ...style, href: undefined });
      if (piece) runs.push({ text: piece, ...style });
    });
  }
  return runs;
}

/** A text body as Markdown blocks: plain paragraphs, or nested `-` / `1.` lists by level. */
async function textBodyMarkdown(body: Element | undefined, chain: Array<Element | undefined>, ctx: Context, allowBullets: boolean): Promise<string> {
  const blocks: string[] = [];
  let list: string[] = [];
  let widths: number[] = [];
  let kinds: BulletKind[] = [];
  const flush = () => {
    if (list.length) blocks.push(list.join('\n'));
    list = [];
    widths = [];
    kinds = [];
  };
  for (const paragraph of children(body, 'a', 'p')) {
    const runs = await runsOf(paragraph, ctx);
    const md = runsToMarkdown(runs);
    if (md.trim() === '') continue;
    const pPr = child(paragraph, 'a', 'pPr');
    const level = Math.min(Math.max(intAttr(pPr, 'lvl') ?? 0, 0), 8);
    const bullet = allowBullets ? resolveBullet(pPr, level, chain) : NO_BULLET;
    if (bullet.kind === 'none') {
      flush();
      blocks.push(isCodeParagraph(runs) ? codeBlockMarkdown(runs) : escapeLineStart(md));
      continue;
    }
    // A level can only nest one deeper than the item before it (Markdown has no gaps).
    const depth = Math.min(level, widths.length);
    // The first item at this depth, or one of the other kind (`-` after `1.`), starts a list:
    // only its number counts in Markdown.
    const starts = widths.length <= depth || kinds[depth] !== bullet.kind;
    widths = widths.slice(0, depth);
    kinds = kinds.slice(0, depth);
    kinds.push(bullet.kind);
    const indent = ' '.repeat(widths.reduce((sum, w) => sum + w, 0));
    const marker = bullet.kind === 'number' ? `${starts ? bullet.start : 1}. ` : '- ';
    widths.push(marker.length);
    // After the marker is a line start too: `- 2045. Đảng` would be a list inside the item.
    list.push(`${indent}${marker}${escapeLineStart(md)}`);
  }
  flush();
  return blocks.join('\n\n');
}

async function paragraphsPlain(body: Element | undefined, ctx: Context): Promise<string[]> {
  const out: string[] = [];
  for (const paragraph of children(body, 'a', 'p')) out.push(runsToPlain(await runsOf(paragraph, ctx)));
  return out;
}

// ---- media ----------------------------------------------------------------------------------

/** Registers a media part once; returns its deck path, or undefined (reported) when it cannot be shown. */
async function mediaPath(ctx: Context, relId: string | undefined, label: string, source = ctx.slidePart): Promise<string | undefined> {
  const rel = await ctx.pkg.target(source, relId);
  if (!rel) return undefined;
  if (rel.external) {
    ctx.report.add({ kind: 'media-external', slide: ctx.slideNumber, part: source, detail: rel.target.slice(0, 200) });
    return undefined;
  }
  const existing = ctx.media.get(rel.target);
  if (existing) return existing.path;
  if (!ctx.pkg.zip.has(rel.target)) {
    ctx.report.add({ kind: 'media-missing', slide: ctx.slideNumber, part: rel.target });
    return undefined;
  }
  const ext = extensionOf(rel.target);
  const known = browserMedia(ext);
  if (!known) {
    const format = UNSHOWABLE[ext] ?? (ext.toUpperCase() || 'unknown');
    ctx.report.add({ kind: ['wmv', 'avi', 'wma', 'mpg', 'mpeg', 'asf'].includes(ext) ? 'media-unsupported' : 'image-unsupported', slide: ctx.slideNumber, part: rel.target, detail: format });
    return undefined;
  }
  const zip = ctx.pkg.zip;
  const part = rel.target;
  const item: ImportedMedia = {
    path: ctx.namer.name(ctx.slideNumber, label, ext),
    type: known.type,
    kind: known.kind,
    size: zip.size(part) ?? 0,
    part,
    chunks: () => zip.chunks(part),
  };
  const range = zip.range(part);
  if (range) item.range = range;
  ctx.media.set(part, item);
  return item.path;
}

const mdLinkTarget = (target: string) => `<${target.replace(/[<>]/g, encodeURIComponent)}>`;
const quoteAttr = (value: string) => `"${value.replace(/["\\]/g, '')}"`;

async function pictureMarkdown(pic: Element, ctx: Context): Promise<string | undefined> {
  const cNvPr = path(pic, ['p', 'nvPicPr'], ['p', 'cNvPr']);
  const alt = (attr(cNvPr, 'descr') ?? attr(cNvPr, 'title') ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  const label = alt || ctx.title || 'hinh';
  const nvPr = path(pic, ['p', 'nvPicPr'], ['p', 'nvPr']);
  const blip = path(pic, ['p', 'blipFill'], ['a', 'blip']);
  const video = child(nvPr, 'a', 'videoFile');
  const audio = child(nvPr, 'a', 'audioFile');
  if (video || audio) {
    // p14:media (embedded) is the file PowerPoint 2010+ plays; a:videoFile's r:link may be external.
    const p14 = descendants(nvPr, 'p14', 'media')[0];
    const embedId = attr(p14, 'embed', 'r') ?? attr(video ?? audio, 'link', 'r');
    const src = await mediaPath(ctx, embedId, label);
    const poster = await mediaPath(ctx, attr(blip, 'embed', 'r'), `${label}-poster`);
    if (!src) return poster ? `![${escapeInline(alt)}](${mdLinkTarget(poster)})` : undefined;
    return `![${escapeInline(alt)}](${mdLinkTarget(src)})${poster ? `{poster=${quoteAttr(poster)}}` : ''}`;
  }
  const src = await mediaPath(ctx, attr(blip, 'embed', 'r') ?? attr(blip, 'link', 'r'), label);
  return src ? `![${escapeInline(alt)}](${mdLinkTarget(src)})` : undefined;
}

// ---- tables, SmartArt, frames ---------------------------------------------------------------

async function tableMarkdown(tbl: Element, ctx: Context): Promise<string> {
  const rows = children(tbl, 'a', 'tr');
  const merged = rows.some((tr) => children(tr, 'a', 'tc').some((tc) =>
    ['gridSpan', 'rowSpan', 'hMerge', 'vMerge'].some((name) => {
      const value = attr(tc, name);
      return value !== undefined && value !== '1' && value !== '0' && value !== 'false';
    })));
  if (merged) {
    ctx.report.add({ kind: 'merged-table', slide: ctx.slideNumber, part: ctx.slidePart });
    const html: string[] = ['<table>'];
    for (const tr of rows) {
      html.push('<tr>');
      for (const tc of children(tr, 'a', 'tc')) {
        if (attr(tc, 'hMerge') === '1' || attr(tc, 'vMerge') === '1' || attr(tc, 'hMerge') === 'true' || attr(tc, 'vMerge') === 'true') continue;
        const text = (await paragraphsPlain(child(tc, 'a', 'txBody'), ctx)).map(escapeHtml).join('<br>');
        const span = [
          (intAttr(tc, 'gridSpan') ?? 1) > 1 ? ` colspan="${intAttr(tc, 'gridSpan')}"` : '',
          (intAttr(tc, 'rowSpan') ?? 1) > 1 ? ` rowspan="${intAttr(tc, 'rowSpan')}"` : '',
        ].join('');
        html.push(`<td${span}>${text}</td>`);
      }
      html.push('</tr>');
    }
    html.push('</table>');
    return html.join('');
  }
  const lines: string[] = [];
  const delimiter = columnDelimiters(rows);
  for (const [r, tr] of rows.entries()) {
    const runsByCell: StyledText[][][] = [];
    for (const tc of children(tr, 'a', 'tc')) {
      const paragraphs: StyledText[][] = [];
      for (const p of children(child(tc, 'a', 'txBody'), 'a', 'p')) paragraphs.push(await runsOf(p, ctx));
      runsByCell.push(paragraphs);
    }
    // A header row set wholly in bold (Lectern's export, many table styles) is a header row as
    // Markdown shows it: bold already. Writing ** around every cell would say nothing more.
    const text = runsByCell.flat(2).filter((run) => !run.br && run.text.trim() !== '');
    const plainHeader = r === 0 && text.length > 0 && text.every((run) => run.bold);
    const cells = runsByCell.map((paragraphs) => {
      const mds = paragraphs.map((runs) => runsToMarkdown(plainHeader ? runs.map((run) => ({ ...run, bold: false })) : runs)).filter(Boolean);
      return mds.join('<br>').replace(/\n/g, ' ') || ' ';
    });
    lines.push(`| ${cells.join(' | ')} |`);
    if (r === 0) lines.push(`| ${cells.map((_, c) => delimiter[c] ?? '---').join(' | ')} |`);
  }
  return lines.join('\n');
}

const DELIMITER: Record<string, string> = { l: ':--', ctr: ':-:', r: '--:' };

/** Each column's GFM delimiter: an alignment when every body cell of the column (the header when
 *  there is no body) that holds text states the same one (`algn` on its paragraphs), else `---`. */
function columnDelimiters(rows: Element[]): string[] {
  const body = rows.length > 1 ? rows.slice(1) : rows;
  const found: Array<string | null | undefined> = [];
  for (const tr of body)
    children(tr, 'a', 'tc').forEach((tc, c) => {
      const paragraphs = children(child(tc, 'a', 'txBody'), 'a', 'p').filter((p) => (p.textContent ?? '').trim() !== '');
      for (const p of paragraphs) {
        const algn = attr(child(p, 'a', 'pPr'), 'algn') ?? 'none';
        found[c] = found[c] === undefined || found[c] === algn ? algn : null;
      }
    });
  return found.map((algn) => (algn ? DELIMITER[algn] ?? '---' : '---'));
}

async function smartArtMarkdown(relIds: Element, ctx: Context): Promise<string | undefined> {
  const rel = await ctx.pkg.target(ctx.slidePart, attr(relIds, 'dm', 'r'));
  if (!rel || rel.external || !ctx.pkg.zip.has(rel.target)) return undefined;
  const data = await ctx.pkg.xml(rel.target);
  const items: string[] = [];
  for (const pt of descendants(data, 'dgm', 'pt')) {
    const type = attr(pt, 'type') ?? 'node';
    if (type !== 'node') continue;
    const body = child(pt, 'dgm', 't');
    for (const p of children(body, 'a', 'p')) {
      const md = runsToMarkdown(await runsOf(p, { ...ctx, slidePart: rel.target }));
      if (md.trim()) items.push(`- ${md.trim()}`);
    }
  }
  ctx.report.add({ kind: 'smartart', slide: ctx.slideNumber, part: rel.target });
  return items.length ? items.join('\n') : undefined;
}

async function graphicFrameMarkdown(frame: Element, ctx: Context): Promise<string | undefined> {
  const data = path(frame, ['a', 'graphic'], ['a', 'graphicData']);
  const uri = attr(data, 'uri') ?? '';
  const tbl = child(data, 'a', 'tbl');
  if (tbl) return tableMarkdown(tbl, ctx);
  const relIds = child(data, 'dgm', 'relIds');
  if (relIds) return smartArtMarkdown(relIds, ctx);
  const ole = child(data, 'p', 'oleObj');
  if (ole) {
    // PowerPoint 2010+ keeps the object's preview as a picture inside the oleObj.
    const pic = descendants(ole, 'p', 'pic')[0];
    const preview = pic ? await pictureMarkdown(pic, ctx) : undefined;
    if (!preview) ctx.report.add({ kind: 'ole-object', slide: ctx.slideNumber, part: ctx.slidePart, detail: attr(ole, 'progId') ?? '' });
    return preview;
  }
  if (uri.endsWith('/chart')) {
    ctx.report.add({ kind: 'chart', slide: ctx.slideNumber, part: ctx.slidePart });
    return undefined;
  }
  ctx.report.add({ kind: 'content-skipped', slide: ctx.slideNumber, part: ctx.slidePart, detail: uri.split('/').pop() ?? 'graphicFrame' });
  return undefined;
}

// ---- shapes ---------------------------------------------------------------------------------

interface Collected { title: StyledText[] | undefined; titleIsCentered: boolean; items: Item[] }

const shapeIdOf = (el: Element): string | undefined => {
  return attr(child(nonVisualOf(el), 'p', 'cNvPr'), 'id');
};

async function collect(container: Element, ctx: Context, transform: Transform, out: Collected, groupId?: string): Promise<void> {
  for (const el of elements(container)) {
    if (is(el, 'mc', 'AlternateContent')) {
      // The fallback branch is what every consumer understands (and holds the preview pictures
      // of equations and other new content).
      const fallback = child(el, 'mc', 'Fallback');
      if (fallback) await collect(fallback, ctx, transform, out, groupId);
      continue;
    }
    const own = offsetOf(xfrmOf(el));
    const order = out.items.length;
    const shapeId = groupId ?? shapeIdOf(el);
    const place = (markdown: string | undefined, pos: Point | undefined) => {
      if (markdown && markdown.trim()) out.items.push({ pos, order, markdown, shapeId });
    };
    if (is(el, 'p', 'grpSp')) {
      await collect(el, ctx, groupTransform(el, transform), out, shapeId);
    } else if (is(el, 'p', 'sp')) {
      const ph = placeholderOf(el);
      if (ph && FURNITURE.has(ph.type)) continue;
      const layoutPh = ph ? findPlaceholder(ctx.layout, ph) : undefined;
      const masterPh = ph ? findPlaceholder(ctx.master, { type: ph.type, idx: undefined }) ?? (layoutPh ? findPlaceholder(ctx.master, placeholderOf(layoutPh) ?? ph) : undefined) : undefined;
      const body = child(el, 'p', 'txBody');
      if (ph && TITLE_TYPES.has(ph.type) && out.title === undefined) {
        const runs: StyledText[] = [];
        for (const p of children(body, 'a', 'p')) {
          const r = await runsOf(p, ctx);
          if (runs.length && r.length) runs.push({ text: ' ', ...PLAIN_STYLE });
          runs.push(...r.map((run) => (run.br ? { ...run, br: false, text: ' ' } : run)));
        }
        if (runsToPlain(runs).trim()) {
          out.title = runs;
          out.titleIsCentered = ph.type === 'ctrTitle';
          continue;
        }
      }
      const pos = own ?? offsetOf(xfrmOf(layoutPh ?? el)) ?? (masterPh ? offsetOf(xfrmOf(masterPh)) : undefined);
      const txStyles = path(ctx.master, ['p', 'txStyles']);
      const masterStyle = ph === undefined ? undefined
        : TITLE_TYPES.has(ph.type) ? child(txStyles, 'p', 'titleStyle')
        : child(txStyles, 'p', 'bodyStyle');
      const chain = [child(body, 'a', 'lstStyle'), path(layoutPh, ['p', 'txBody'], ['a', 'lstStyle']), path(masterPh, ['p', 'txBody'], ['a', 'lstStyle']), masterStyle];
      const allowBullets = !(ph && (ph.type === 'subTitle' || TITLE_TYPES.has(ph.type)));
      const markdown = await textBodyMarkdown(body, chain, ctx, allowBullets);
      if (!ph && !markdown?.trim() && isDrawnShape(el)) ctx.report.add({ kind: 'shape-skipped', slide: ctx.slideNumber, part: ctx.slidePart });
      place(markdown, pos && transform(pos));
    } else if (is(el, 'p', 'cxnSp')) {
      // A connector: a line or an arrow between shapes, never text.
      if (isDrawnShape(el)) ctx.report.add({ kind: 'shape-skipped', slide: ctx.slideNumber, part: ctx.slidePart });
    } else if (is(el, 'p', 'pic')) {
      place(await pictureMarkdown(el, ctx), own && transform(own));
    } else if (is(el, 'p', 'graphicFrame')) {
      place(await graphicFrameMarkdown(el, ctx), own && transform(own));
    } else if (is(el, 'p', 'contentPart')) {
      ctx.report.add({ kind: 'content-skipped', slide: ctx.slideNumber, part: ctx.slidePart, detail: 'ink' });
    }
  }
}

const FILLS = ['solidFill', 'gradFill', 'blipFill', 'pattFill'];

/**
 * Whether a shape with no text still draws something (a box, an oval, an arrow, a line): its
 * outline or its fill shows, from its own properties or from its theme style (`p:style`, whose
 * `fillRef`/`lnRef` with a non-zero `idx` pick a theme fill and line). An empty text box
 * (`txBox="1"`) and a shape whose fill and line are both `noFill` draw nothing.
 */
function isDrawnShape(el: Element): boolean {
  const cNv = elements(nonVisualOf(el)).find((c) => inNs(c, 'p') && (c.localName ?? '').startsWith('cNv') && c.localName !== 'cNvPr');
  if (attr(cNv, 'txBox') === '1' || attr(cNv, 'txBox') === 'true') return false;
  const spPr = child(el, 'p', 'spPr');
  if (!child(spPr, 'a', 'prstGeom') && !child(spPr, 'a', 'custGeom')) return false;
  const style = child(el, 'p', 'style');
  const themed = (ref: string) => {
    const idx = attr(child(style, 'a', ref), 'idx');
    return idx !== undefined && idx !== '0';
  };
  const fillShows = FILLS.some((f) => child(spPr, 'a', f)) || (!child(spPr, 'a', 'noFill') && themed('fillRef'));
  const ln = child(spPr, 'a', 'ln');
  const lineShows = !child(ln, 'a', 'noFill') && (FILLS.some((f) => child(ln, 'a', f)) || themed('lnRef'));
  return fillShows || lineShows;
}

/** Reading order: top to bottom, then left to right; shapes with no position anywhere last. */
function readingOrder(items: Item[]): Item[] {
  return [...items].sort((a, b) => {
    if (a.pos && b.pos) return a.pos.y - b.pos.y || a.pos.x - b.pos.x || a.order - b.order;
    if (a.pos) return -1;
    if (b.pos) return 1;
    return a.order - b.order;
  });
}

/** The shapes' Markdown in reading order, animated ones as fragments when the plan is plain. */
function slideBlocks(items: Item[], slide: Element, ctx: Context): string[] {
  const plan = animationPlan(slide);
  const ordered = readingOrder(items);
  if (!plan) return ordered.map((item) => item.markdown);
  const blocks = ordered.map((item) => {
    const step = plan.plain && item.shapeId !== undefined ? plan.fragments.get(item.shapeId) : undefined;
    return step ? asFragment(item.markdown, step) : item.markdown;
  });
  if (!plan.plain || blocks.includes(undefined)) {
    ctx.report.add({ kind: 'animation', slide: ctx.slideNumber, part: ctx.slidePart });
    return ordered.map((item) => item.markdown);
  }
  return blocks as string[];
}

async function notesOf(ctx: Context): Promise<string> {
  const rels = await ctx.pkg.rels(ctx.slidePart);
  const rel = [...rels.values()].find((r) => r.type === 'notesSlide' && !r.external);
  if (!rel) return '';
  const notes = await ctx.pkg.xml(rel.target, false);
  const tree = path(notes, ['p', 'cSld'], ['p', 'spTree']);
  const blocks: string[] = [];
  const notesCtx = { ...ctx, slidePart: rel.target };
  for (const sp of descendants(tree, 'p', 'sp')) {
    // The body placeholder, not the slide image, number, header or footer. Text boxes the
    // author added count too (LibreOffice writes notes as a text box when its notes page has
    // no placeholder).
    const ph = placeholderOf(sp);
    if (ph !== undefined && ph.type !== 'body') continue;
    const md = await textBodyMarkdown(child(sp, 'p', 'txBody'), [], notesCtx, true);
    if (md.trim()) blocks.push(md);
  }
  return blocks.join('\n\n');
}

/** The background PowerPoint shows: the slide's own, else its layout's, else its master's; a
 *  picture (its relationship read from the part that names it) or a plain RGB colour. */
async function backgroundAttrs(slide: Element, ctx: Context): Promise<Record<string, string>> {
  const chain: Array<[Element | undefined, string | undefined]> = [[slide, ctx.slidePart], [ctx.layout, ctx.layoutPart], [ctx.master, ctx.masterPart]];
  for (const [tree, part] of chain) {
    const bgPr = path(tree, ['p', 'cSld'], ['p', 'bg'], ['p', 'bgPr']);
    if (!tree || !part || !bgPr) continue;
    const blip = path(bgPr, ['a', 'blipFill'], ['a', 'blip']);
    if (blip) {
      const image = await mediaPath(ctx, attr(blip, 'embed', 'r'), part === ctx.slidePart ? `${ctx.title || 'slide'}-nen` : 'nen', part);
      if (!image) return {};
      // A faded picture (alphaModFix, 0-100000) is reveal.js's background opacity.
      const amt = intAttr(child(blip, 'a', 'alphaModFix'), 'amt');
      return amt !== undefined && amt >= 0 && amt < 100_000
        ? { 'data-background-image': image, 'data-background-opacity': String(Math.round(amt / 100) / 1000) }
        : { 'data-background-image': image };
    }
    const rgb = attr(path(bgPr, ['a', 'solidFill'], ['a', 'srgbClr']), 'val');
    if (rgb && /^[0-9a-f]{6}$/i.test(rgb)) return { 'data-background-color': `#${rgb.toLowerCase()}` };
    return {};
  }
  return {};
}

async function convertSlide(ctx: Context, slide: Element): Promise<SlideOut> {
  const out: Collected = { title: undefined, titleIsCentered: false, items: [] };
  const spTree = path(slide, ['p', 'cSld'], ['p', 'spTree']);
  await collect(spTree ?? slide, ctx, IDENTITY, out);
  const attrs: Record<string, string> = {};
  const hidden = attr(slide, 'show') === '0' || attr(slide, 'show') === 'false';
  if (hidden) {
    attrs['data-visibility'] = 'hidden';
    ctx.report.add({ kind: 'hidden-slide', slide: ctx.slideNumber, part: ctx.slidePart });
  }
  Object.assign(attrs, await backgroundAttrs(slide, ctx));
  const title = out.title ? runsToMarkdown(out.title) : undefined;
  return {
    title,
    titleText: out.title ? runsToPlain(out.title).replace(/\s+/g, ' ').trim() : '',
    headingLevel: out.titleIsCentered ? 1 : 2,
    attrs,
    blocks: slideBlocks(out.items, slide, ctx),
    notes: await notesOf(ctx),
  };
}

/** Converts the presentation whose main part is `mainPart`. Throws OfficeImportError for input it refuses. */
export async function importPresentation(pkg: OfficePackage, mainPart: string, fileName: string, options: ImportOptions, checkCancel: () => void): Promise<OfficeImport> {
  const presentation = await pkg.xml(mainPart);
  if (!is(presentation, 'p', 'presentation')) {
    throw new OfficeImportError('not-office', 'is not a PowerPoint presentation', { part: mainPart });
  }
  const slideIds = children(child(presentation, 'p', 'sldIdLst'), 'p', 'sldId');
  const rels = await pkg.rels(mainPart);
  const slideParts = slideIds.map((sldId) => {
    const id = attr(sldId, 'id', 'r');
    const rel = id === undefined ? undefined : rels.get(id);
    if (!rel || rel.external || rel.type !== 'slide') {
      throw new OfficeImportError('part-missing', `the slide list names relationship "${id ?? ''}", which is not a slide of this package`, { part: mainPart });
    }
    if (!pkg.zip.has(rel.target)) throw new OfficeImportError('part-missing', 'the slide list names this slide but the package does not hold it', { part: rel.target });
    return rel.target;
  });

  const report = new ReportBuilder();
  const namer = new MediaNamer();
  const media = new Map<string, ImportedMedia>();
  const slides: SlideOut[] = [];
  for (const [i, slidePart] of slideParts.entries()) {
    checkCancel();
    options.onProgress?.({ stage: 'slides', done: i, total: slideParts.length });
    const slide = await pkg.xml(slidePart, false);
    const slideRels = [...(await pkg.rels(slidePart)).values()];
    const layoutPart = slideRels.find((r) => r.type === 'slideLayout' && !r.external)?.target;
    const layout = layoutPart ? await pkg.xml(layoutPart) : undefined;
    const masterPart = layoutPart ? [...(await pkg.rels(layoutPart)).values()].find((r) => r.type === 'slideMaster' && !r.external)?.target : undefined;
    const master = masterPart ? await pkg.xml(masterPart) : undefined;
    const ctx: Context = { pkg, slidePart, slideNumber: i + 1, layout, master, layoutPart, masterPart, report, namer, media, title: '' };
    // The title names the slide's media, so read it first.
    ctx.title = firstTitleText(slide);
    slides.push(await convertSlide(ctx, slide));
  }
  checkCancel();
  const { title, ...properties } = await coreProperties(pkg);
  const docTitle = title || slides.find((s) => s.titleText)?.titleText || fileName.replace(/\.[^.]+$/, '');
  const { text, slideLines } = assembleDeck(docTitle, slides, properties);
  options.onProgress?.({ stage: 'done', done: slideParts.length, total: slideParts.length });
  return {
    deckText: text,
    media: [...media.values()],
    report: report.build('pptx', slides.length, slides.map((s) => s.titleText), slideLines),
  };
}

function firstTitleText(slide: Element): string {
  for (const sp of descendants(path(slide, ['p', 'cSld'], ['p', 'spTree']), 'p', 'sp')) {
    const ph = placeholderOf(sp);
    if (ph && TITLE_TYPES.has(ph.type)) {
      return descendants(sp, 'a', 't').map((t) => t.textContent ?? '').join('').normalize('NFC').trim();
    }
  }
  return '';
}
