// DrawingML text: paragraphs with bullet levels, runs with bold/italic/strike/code/links. One
// place for how a Para looks (size, font, indent) and for how tall it is expected to be, so the
// layout measures exactly what is written.
import type { Para, ParaStyle, Run } from './content.ts';
import { CODE_FONT, SIZE, TEXT_FONT } from './fonts.ts';
import { EMU_PER_PT } from './geometry.ts';
import { xmlText } from './xml.ts';

/** Indent of one list level (EMU), and the hanging indent of its bullet. */
const LEVEL_INDENT = 342_900;
/** Text box insets (EMU): DrawingML's defaults, written out so the layout can count on them. */
export const INSET_X = 91_440;
export const INSET_Y = 45_720;

export interface TextContext {
  /** BCP 47 tag of the deck (`vi-VN`), so spelling and fonts pick the right language. */
  lang: string;
  /** Shrink factor for the slide (1 = the sizes in fonts.ts). */
  scale: number;
  /** Relationship id of a hyperlink target (added to the part's relationships). */
  link: (href: string) => string;
}

export function paraSize(style: ParaStyle, base: number = SIZE.body): number {
  switch (style) {
    case 'heading':
      return SIZE.heading;
    case 'code':
      return SIZE.code;
    case 'cite':
    case 'label':
      return Math.min(base, SIZE.body - 2);
    default:
      return base;
  }
}

const hundredths = (pt: number, scale: number) => Math.max(600, Math.round(pt * scale * 100));

function runXml(run: Run, size: number, ctx: TextContext): string {
  const sz = hundredths(size, ctx.scale);
  if (run.br) return `<a:br><a:rPr lang="${ctx.lang}" sz="${sz}"/></a:br>`;
  let attrs = ` lang="${ctx.lang}" sz="${sz}"`;
  if (run.bold) attrs += ' b="1"';
  if (run.italic) attrs += ' i="1"';
  if (run.href) attrs += ' u="sng"';
  if (run.strike) attrs += ' strike="sngStrike"';
  attrs += ' dirty="0"';
  const font = run.code ? CODE_FONT : TEXT_FONT;
  let inner = run.href ? '<a:solidFill><a:srgbClr val="1F4E9A"/></a:solidFill>' : '';
  inner += `<a:latin typeface="${font}"/><a:cs typeface="${font}"/>`;
  if (run.href) inner += `<a:hlinkClick r:id="${ctx.link(run.href)}"/>`;
  return `<a:r><a:rPr${attrs}>${inner}</a:rPr><a:t>${xmlText(run.text)}</a:t></a:r>`;
}

export function paraXml(para: Para, ctx: TextContext, base?: number): string {
  const size = paraSize(para.style, base);
  const sz = hundredths(size, ctx.scale);
  let pPr: string;
  const spacing = `<a:spcBef><a:spcPts val="${Math.round(size * ctx.scale * 25)}"/></a:spcBef>`;
  if (para.bullet) {
    const marL = LEVEL_INDENT * (para.level + 1);
    const bullet = para.bullet.ordered
      ? `<a:buFont typeface="${TEXT_FONT}"/><a:buAutoNum type="arabicPeriod"${para.bullet.start !== 1 ? ` startAt="${para.bullet.start}"` : ''}/>`
      : `<a:buFont typeface="${TEXT_FONT}"/><a:buChar char="${para.level % 2 === 0 ? '•' : '–'}"/>`;
    pPr = `<a:pPr marL="${marL}" lvl="${Math.min(8, para.level)}" indent="${-LEVEL_INDENT}">${spacing}${bullet}</a:pPr>`;
  } else {
    const marL = para.level * LEVEL_INDENT + (para.style === 'quote' ? LEVEL_INDENT / 2 : 0);
    const align = para.style === 'cite' ? ' algn="r"' : '';
    pPr = `<a:pPr marL="${marL}" indent="0"${align}>${para.style === 'code' ? '' : spacing}<a:buNone/></a:pPr>`;
  }
  const styled = (run: Run): Run => {
    if (para.style === 'heading' || para.style === 'label') return { ...run, bold: true };
    if (para.style === 'quote' || para.style === 'cite') return { ...run, italic: para.style === 'quote' ? true : run.italic };
    return run;
  };
  const runs = para.runs.map((run) => runXml(styled(run), size, ctx)).join('');
  return `<a:p>${pPr}${runs}<a:endParaRPr lang="${ctx.lang}" sz="${sz}" dirty="0"/></a:p>`;
}

export function textBodyXml(tag: 'p:txBody' | 'a:txBody', paras: Para[], ctx: TextContext, options: { anchor?: 't' | 'ctr'; base?: number } = {}): string {
  const body = `<a:bodyPr wrap="square" lIns="${INSET_X}" tIns="${INSET_Y}" rIns="${INSET_X}" bIns="${INSET_Y}" rtlCol="0" anchor="${options.anchor ?? 't'}"><a:normAutofit/></a:bodyPr>`;
  const content = paras.length ? paras.map((para) => paraXml(para, ctx, options.base)).join('') : `<a:p><a:endParaRPr lang="${ctx.lang}" dirty="0"/></a:p>`;
  return `<${tag}>${body}<a:lstStyle/>${content}</${tag}>`;
}

/** Expected height (EMU) of paragraphs set in a box `width` EMU wide: an estimate from average
 *  glyph widths (Arial ~0.5 em, Courier New 0.6 em), generous rather than tight. */
export function textHeight(paras: Para[], width: number, scale: number, base?: number): number {
  let pt = 0;
  for (const para of paras) {
    const size = paraSize(para.style, base) * scale;
    const indent = para.bullet ? (para.level + 1) * LEVEL_INDENT : para.level * LEVEL_INDENT;
    const usable = Math.max(EMU_PER_PT * 40, width - 2 * INSET_X - indent) / EMU_PER_PT;
    const em = para.style === 'code' ? 0.6 : 0.52;
    const perLine = Math.max(4, Math.floor(usable / (size * em)));
    let lines = 0;
    let length = 0;
    for (const run of para.runs) {
      if (run.br) {
        lines += Math.max(1, Math.ceil(length / perLine));
        length = 0;
      } else length += [...run.text].length;
    }
    lines += Math.max(1, Math.ceil(length / perLine));
    pt += lines * size * 1.2 + (para.style === 'code' ? 0 : size * 0.25);
  }
  return Math.round(pt * EMU_PER_PT + 2 * INSET_Y);
}
