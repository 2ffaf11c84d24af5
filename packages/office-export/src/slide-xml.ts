// One slide part (and its notes part): the title placeholder, the body laid out top to bottom
// (columns side by side), and everything the shapes refer to in the slide's relationships. A
// slide whose content is taller than the body is set smaller as a whole (down to half size) so
// nothing falls off the slide; each text box also asks PowerPoint to shrink on overflow.
import type { Block, MediaBlock, Para, Run, SlideContent } from './content.ts';
import { SIZE } from './fonts.ts';
import { BODY_Y, CONTENT_W, emu, EMU_PER_INCH, GAP, MARGIN, SLIDE_H, TITLE_H, TITLE_Y, type Box } from './geometry.ts';
import type { ExportLabels } from './labels.ts';
import type { Lose, MediaProblem } from './losses.ts';
import { textBodyXml, textHeight, type TextContext } from './text-xml.ts';
import { PML_NS, REL_TYPE, Relationships, XML_DECL, NS, xmlText } from './xml.ts';

export interface PlacedMedia {
  /** Relationship target from a slide: `../media/media3.png`. */
  target: string;
  width?: number;
  height?: number;
}

export interface MediaResolver {
  /** The file for a path as written, or undefined when it is not available. */
  get(path: string): PlacedMedia | undefined;
  /** Why `get(path)` has nothing. */
  problem(path: string): { reason: MediaProblem; message: string };
  /** The picture shown for a video or audio without a poster. */
  placeholder(): PlacedMedia;
}

export interface SlideInput {
  content: SlideContent;
  notes: Para[];
  /** `#RRGGBB` without the `#`. */
  backgroundColor?: string;
  backgroundImage?: string;
  /** 0-1, reveal.js's data-background-opacity. */
  backgroundOpacity?: number;
  /** Layout to use: 1 = title only, 2 = title slide. */
  layout: 1 | 2;
  /** For the title slide: lines under the title. */
  subtitle?: Para[];
}

const BODY_BOTTOM = SLIDE_H - Math.round(0.4 * EMU_PER_INCH);
const MIN_SCALE = 0.5;
const FRAME_PAD = Math.round(0.08 * EMU_PER_INCH);
const FRAME_STYLE: Record<'discussion' | 'excerpt' | 'question', { fill: string; line: string }> = {
  discussion: { fill: 'FFF7E0', line: 'C98A00' },
  excerpt: { fill: 'F2F2F2', line: '7F7F7F' },
  question: { fill: 'EAF1FB', line: '2F5597' },
};
const AUDIO_SIZE = Math.round(1 * EMU_PER_INCH);

export class SlideWriter {
  readonly rels = new Relationships();
  private shapes: string[] = [];
  private nextId = 2;
  private ctx: TextContext;
  private readonly links = new Map<string, string>();

  constructor(
    private readonly lang: string,
    private readonly media: MediaResolver,
    private readonly labels: ExportLabels,
    private readonly lose: Lose,
  ) {
    this.rels.add(REL_TYPE.slideLayout, '../slideLayouts/slideLayout1.xml');
    this.ctx = { lang, scale: 1, link: (href) => this.link(href) };
  }

  private link(href: string): string {
    let id = this.links.get(href);
    if (!id) {
      id = this.rels.add(REL_TYPE.hyperlink, href, true);
      this.links.set(href, id);
    }
    return id;
  }

  private id(): number {
    return this.nextId++;
  }

  slideXml(input: SlideInput): string {
    if (input.layout === 2) this.rels.list[0]!.target = '../slideLayouts/slideLayout2.xml';
    const { content } = input;
    let top = TITLE_Y;
    if (input.layout === 2) {
      this.placeholder('ctrTitle', 'Title', { x: MARGIN, y: Math.round(1.6 * EMU_PER_INCH), w: CONTENT_W, h: Math.round(1.6 * EMU_PER_INCH) }, [{ runs: content.title ?? [], level: 0, style: 'body' }], SIZE.titleSlide, 'ctr');
      this.placeholder('subTitle', 'Subtitle', { x: MARGIN, y: Math.round(3.4 * EMU_PER_INCH), w: CONTENT_W, h: Math.round(2.4 * EMU_PER_INCH) }, input.subtitle ?? [], SIZE.subtitle, 't');
    } else {
      if (content.title) {
        this.placeholder('title', 'Title', { x: MARGIN, y: TITLE_Y, w: CONTENT_W, h: TITLE_H }, [{ runs: content.title, level: 0, style: 'body' }], SIZE.title, 'ctr');
        top = BODY_Y;
      }
      const available = BODY_BOTTOM - top;
      let scale = 1;
      for (let i = 0; i < 6; i++) {
        const height = this.layout(content.blocks, MARGIN, top, CONTENT_W, scale, false);
        if (height <= available || scale <= MIN_SCALE) break;
        scale = Math.max(MIN_SCALE, scale * Math.min(0.92, Math.sqrt(available / height)));
      }
      this.ctx.scale = scale;
      this.layout(content.blocks, MARGIN, top, CONTENT_W, scale, true);
    }
    const bg = this.background(input);
    return (
      `${XML_DECL}<p:sld ${PML_NS}><p:cSld>${bg}<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
      `<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>` +
      `${this.shapes.join('')}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`
    );
  }

  private background(input: SlideInput): string {
    if (input.backgroundImage) {
      const file = this.media.get(input.backgroundImage);
      if (file) {
        const rid = this.rels.add(REL_TYPE.image, file.target);
        const opacity = input.backgroundOpacity;
        const alpha = opacity !== undefined && opacity < 1 ? `<a:alphaModFix amt="${Math.round(Math.max(0, opacity) * 100_000)}"/>` : '';
        return `<p:bg><p:bgPr><a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="${rid}">${alpha}</a:blip><a:srcRect/><a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>`;
      }
      const { reason, message } = this.media.problem(input.backgroundImage);
      this.lose({ code: 'background', subject: input.backgroundImage, reason, message: `background ${input.backgroundImage}: ${message}` });
    }
    if (input.backgroundColor) return `<p:bg><p:bgPr><a:solidFill><a:srgbClr val="${input.backgroundColor}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>`;
    return '';
  }

  private placeholder(type: 'title' | 'ctrTitle' | 'subTitle', name: string, box: Box, paras: Para[], size: number, anchor: 't' | 'ctr'): void {
    const id = this.id();
    const idx = type === 'subTitle' ? ' idx="1"' : '';
    const ctx = { ...this.ctx, scale: 1 };
    this.shapes.push(
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name} ${id - 1}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="${type}"${idx}/></p:nvPr></p:nvSpPr>` +
        `<p:spPr>${xfrm(box)}</p:spPr>${textBodyXml('p:txBody', paras, ctx, { anchor, base: size })}</p:sp>`,
    );
  }

  /** Lays blocks out from (x, y) in a column `w` wide; returns the height used. Emits shapes when `emit`. */
  private layout(blocks: Block[], x: number, y: number, w: number, scale: number, emit: boolean): number {
    let at = y;
    const gap = Math.round(GAP * scale);
    blocks.forEach((block, i) => {
      if (i > 0) at += gap;
      at += this.block(block, x, at, w, scale, emit);
    });
    return at - y;
  }

  private block(block: Block, x: number, y: number, w: number, scale: number, emit: boolean): number {
    switch (block.kind) {
      case 'text': {
        const h = textHeight(block.paras, w, scale);
        if (emit) this.textBox({ x, y, w, h }, block.paras, 'TextBox');
        return h;
      }
      case 'frame': {
        const h = textHeight(block.paras, w - 2 * FRAME_PAD, scale) + 2 * FRAME_PAD;
        if (emit) this.textBox({ x, y, w, h }, block.paras, block.frame, FRAME_STYLE[block.frame]);
        return h;
      }
      case 'table':
        return this.table(block.header, block.rows, x, y, w, scale, emit);
      case 'columns': {
        const gap = Math.round(GAP * scale);
        const n = block.columns.length;
        const given = block.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
        const free = block.columns.filter((c) => c.width === undefined).length;
        const share = free > 0 ? Math.max(0, 1 - given) / free : 0;
        const total = Math.min(1, given + share * free) || 1;
        const usable = w - gap * (n - 1);
        let cx = x;
        let h = 0;
        for (const column of block.columns) {
          const cw = emu(((column.width ?? share) / total) * usable);
          h = Math.max(h, this.layout(column.blocks, cx, y, cw, scale, emit));
          cx += cw + gap;
        }
        return h;
      }
      case 'media':
        return this.mediaShape(block, x, y, w, scale, emit);
    }
  }

  private textBox(box: Box, paras: Para[], name: string, frame?: { fill: string; line: string }): void {
    const id = this.id();
    const look = frame
      ? `<a:solidFill><a:srgbClr val="${frame.fill}"/></a:solidFill><a:ln w="19050"><a:solidFill><a:srgbClr val="${frame.line}"/></a:solidFill></a:ln>`
      : '<a:noFill/>';
    this.shapes.push(
      `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${xmlText(name)} ${id - 1}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
        `<p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${look}</p:spPr>${textBodyXml('p:txBody', paras, this.ctx)}</p:sp>`,
    );
  }

  private table(header: Run[][], rows: Run[][][], x: number, y: number, w: number, scale: number, emit: boolean): number {
    const cols = Math.max(1, header.length, ...rows.map((r) => r.length));
    const colW = Math.floor(w / cols);
    const all = [header, ...rows];
    const cellPara = (runs: Run[] | undefined): Para[] => [{ runs: runs ?? [], level: 0, style: 'body' }];
    const heights = all.map((row) => Math.max(...Array.from({ length: cols }, (_, c) => textHeight(cellPara(row[c]), colW, scale, SIZE.table))));
    const h = heights.reduce((a, b) => a + b, 0);
    if (!emit) return h;
    const id = this.id();
    const border = (side: string) => `<a:${side} w="12700"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:${side}>`;
    const borders = ['lnL', 'lnR', 'lnT', 'lnB'].map(border).join('');
    let xml = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="Table ${id - 1}"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>`;
    xml += `<p:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${colW * cols}" cy="${h}"/></p:xfrm>`;
    xml += `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"/><a:tblGrid>`;
    for (let c = 0; c < cols; c++) xml += `<a:gridCol w="${colW}"/>`;
    xml += '</a:tblGrid>';
    all.forEach((row, r) => {
      xml += `<a:tr h="${heights[r]}">`;
      for (let c = 0; c < cols; c++) {
        const runs = (row[c] ?? []).map((run) => (r === 0 ? { ...run, bold: true } : run));
        const fill = r === 0 ? '<a:solidFill><a:srgbClr val="DDE4EE"/></a:solidFill>' : '<a:noFill/>';
        xml += `<a:tc>${textBodyXml('a:txBody', cellPara(runs), this.ctx, { base: SIZE.table }).replace('<a:normAutofit/>', '')}<a:tcPr>${borders}${fill}</a:tcPr></a:tc>`;
      }
      xml += '</a:tr>';
    });
    xml += '</a:tbl></a:graphicData></a:graphic></p:graphicFrame>';
    this.shapes.push(xml);
    return h;
  }

  private mediaShape(block: MediaBlock, x: number, y: number, w: number, scale: number, emit: boolean): number {
    const file = this.media.get(block.path);
    if (!file) {
      const paras: Para[] = [{ runs: [{ text: this.labels.missingMedia(block.alt ? `${block.alt} (${block.path})` : block.path), italic: true }], level: 0, style: 'body' }];
      if (emit) {
        const { reason, message } = this.media.problem(block.path);
        this.lose({ code: 'media', subject: block.path, reason, message: `${block.path}: ${message}` });
      }
      return this.block({ kind: 'text', paras }, x, y, w, scale, emit);
    }
    let picture = file;
    if (block.media !== 'image') {
      const poster = block.poster ? this.media.get(block.poster) : undefined;
      if (block.poster && !poster && emit) {
        const { reason, message } = this.media.problem(block.poster);
        this.lose({ code: 'poster', subject: block.poster, reason, message: `poster ${block.poster}: ${message} (a plain picture is shown)` });
      }
      picture = poster ?? this.media.placeholder();
    }
    const maxH = (BODY_BOTTOM - BODY_Y) * 0.8 * scale;
    let boxW: number;
    let boxH: number;
    if (block.media === 'audio' && !block.poster) {
      boxW = boxH = Math.round(AUDIO_SIZE * scale);
    } else {
      const ratio = picture.width && picture.height ? picture.height / picture.width : block.media === 'image' ? 0.75 : 9 / 16;
      boxW = Math.round((block.width ?? 1) * w * (block.width ? 1 : scale));
      if (picture.width && !block.width) boxW = Math.min(boxW, Math.round(picture.width * 9525 * 2)); // no more than twice its pixels
      boxH = Math.round(boxW * ratio);
      if (boxH > maxH) {
        boxH = Math.round(maxH);
        boxW = Math.round(boxH / ratio);
      }
    }
    if (!emit) return boxH;
    const box = { x: x + Math.round((w - boxW) / 2), y, w: boxW, h: boxH };
    const id = this.id();
    const blip = this.rels.add(REL_TYPE.image, picture.target);
    let nv = '';
    let link = '';
    if (block.media !== 'image') {
      const player = this.rels.add(block.media === 'video' ? REL_TYPE.video : REL_TYPE.audio, file.target);
      const embed = this.rels.add(REL_TYPE.media, file.target);
      link = '<a:hlinkClick r:id="" action="ppaction://media"/>';
      nv = `<a:${block.media}File r:link="${player}"/><p:extLst><p:ext uri="{DAA4B4D4-6D71-4841-9C94-3DA7FCB5F0E0}"><p14:media xmlns:p14="${NS.p14}" r:embed="${embed}"/></p:ext></p:extLst>`;
    }
    this.shapes.push(
      `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="${block.media === 'image' ? 'Picture' : block.media === 'video' ? 'Video' : 'Audio'} ${id - 1}" descr="${xmlText(block.alt)}">${link}</p:cNvPr>` +
        `<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr>${nv}</p:nvPr></p:nvPicPr>` +
        `<p:blipFill><a:blip r:embed="${blip}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
        `<p:spPr>${xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
    );
    return boxH;
  }

  /** The notes page: the slide image and the notes text. */
  notesXml(notes: Para[]): string {
    const ctx: TextContext = { lang: this.lang, scale: 1, link: () => '' };
    const plain = notes.map((p) => ({ ...p, runs: p.runs.map(({ href: _drop, ...run }) => run) }));
    return (
      `${XML_DECL}<p:notes ${PML_NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
      `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>` +
      `<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>` +
      `${textBodyXml('p:txBody', plain, ctx, { base: 12 }).replace('<a:normAutofit/>', '')}</p:sp>` +
      `</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`
    );
  }
}

function xfrm(box: Box): string {
  return `<a:xfrm><a:off x="${emu(box.x)}" y="${emu(box.y)}"/><a:ext cx="${emu(box.w)}" cy="${emu(box.h)}"/></a:xfrm>`;
}
