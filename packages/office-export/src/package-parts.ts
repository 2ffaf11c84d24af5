// The parts every .pptx needs besides its slides: content types, package and presentation
// relationships, document properties, one slide master with two layouts (title only, title
// slide), a notes master, the theme (whose fonts are fonts.ts's), and PowerPoint's small settings
// parts. Written by hand after ECMA-376 part 1 (PresentationML, DrawingML) with the smallest
// content PowerPoint and LibreOffice accept.
import { CODE_FONT, SIZE, TEXT_FONT } from './fonts.ts';
import { SLIDE_H, SLIDE_W } from './geometry.ts';
import { NS, PML_NS, REL_TYPE, Relationships, XML_DECL, xmlText } from './xml.ts';

const SPTREE_HEAD = '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
const CLR_MAP = 'bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"';

export interface DocumentProperties {
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  language: string;
  /** ISO date-time (UTC). */
  modified: string;
}

export interface PartsPlan {
  slides: number;
  /** Slide numbers (1-based) that have a notes page. */
  notes: number[];
  /** File extension => content type, for the media in ppt/media/. */
  media: Map<string, string>;
}

export function contentTypesXml(plan: PartsPlan): string {
  const ext = new Map<string, string>([
    ['rels', 'application/vnd.openxmlformats-package.relationships+xml'],
    ['xml', 'application/xml'],
    ['png', 'image/png'],
  ]);
  for (const [e, type] of plan.media) if (!ext.has(e)) ext.set(e, type);
  let out = `${XML_DECL}<Types xmlns="${NS.ct}">`;
  for (const [e, type] of ext) out += `<Default Extension="${xmlText(e)}" ContentType="${xmlText(type)}"/>`;
  const pml = 'application/vnd.openxmlformats-officedocument.presentationml';
  const override = (part: string, type: string) => (out += `<Override PartName="${part}" ContentType="${type}"/>`);
  override('/ppt/presentation.xml', `${pml}.presentation.main+xml`);
  override('/ppt/slideMasters/slideMaster1.xml', `${pml}.slideMaster+xml`);
  override('/ppt/slideLayouts/slideLayout1.xml', `${pml}.slideLayout+xml`);
  override('/ppt/slideLayouts/slideLayout2.xml', `${pml}.slideLayout+xml`);
  override('/ppt/notesMasters/notesMaster1.xml', `${pml}.notesMaster+xml`);
  override('/ppt/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml');
  override('/ppt/theme/theme2.xml', 'application/vnd.openxmlformats-officedocument.theme+xml');
  override('/ppt/presProps.xml', `${pml}.presProps+xml`);
  override('/ppt/viewProps.xml', `${pml}.viewProps+xml`);
  override('/ppt/tableStyles.xml', `${pml}.tableStyles+xml`);
  override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml');
  override('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml');
  for (let i = 1; i <= plan.slides; i++) override(`/ppt/slides/slide${i}.xml`, `${pml}.slide+xml`);
  for (const i of plan.notes) override(`/ppt/notesSlides/notesSlide${i}.xml`, `${pml}.notesSlide+xml`);
  return `${out}</Types>`;
}

export function rootRelsXml(): string {
  const rels = new Relationships();
  rels.add(REL_TYPE.officeDocument, 'ppt/presentation.xml');
  rels.add(REL_TYPE.core, 'docProps/core.xml');
  rels.add(REL_TYPE.extended, 'docProps/app.xml');
  return rels.xml();
}

export function corePropsXml(props: DocumentProperties): string {
  const el = (tag: string, value: string | undefined) => (value ? `<${tag}>${xmlText(value)}</${tag}>` : '');
  return (
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el('dc:title', props.title) +
    el('dc:subject', props.subject) +
    el('dc:creator', props.author) +
    el('cp:keywords', props.keywords?.join(', ')) +
    el('dc:language', props.language) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${props.modified}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${props.modified}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appPropsXml(plan: PartsPlan, generator: string): string {
  return (
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>${xmlText(generator)}</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>${plan.slides}</Slides><Notes>${plan.notes.length}</Notes></Properties>`
  );
}

/** ppt/presentation.xml and its relationships: master, notes master, slides in order. */
export function presentationXml(plan: PartsPlan): { xml: string; rels: string } {
  const rels = new Relationships();
  const master = rels.add(REL_TYPE.slideMaster, 'slideMasters/slideMaster1.xml');
  const notesMaster = rels.add(REL_TYPE.notesMaster, 'notesMasters/notesMaster1.xml');
  rels.add(REL_TYPE.theme, 'theme/theme1.xml');
  rels.add(REL_TYPE.presProps, 'presProps.xml');
  rels.add(REL_TYPE.viewProps, 'viewProps.xml');
  rels.add(REL_TYPE.tableStyles, 'tableStyles.xml');
  let ids = '';
  for (let i = 1; i <= plan.slides; i++) ids += `<p:sldId id="${255 + i}" r:id="${rels.add(REL_TYPE.slide, `slides/slide${i}.xml`)}"/>`;
  const xml =
    `${XML_DECL}<p:presentation ${PML_NS} saveSubsetFonts="1">` +
    `<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="${master}"/></p:sldMasterIdLst>` +
    `<p:notesMasterIdLst><p:notesMasterId r:id="${notesMaster}"/></p:notesMasterIdLst>` +
    (ids ? `<p:sldIdLst>${ids}</p:sldIdLst>` : '') +
    `<p:sldSz cx="${SLIDE_W}" cy="${SLIDE_H}"/><p:notesSz cx="6858000" cy="9144000"/>` +
    `<p:defaultTextStyle>${levelStyles(SIZE.body)}</p:defaultTextStyle></p:presentation>`;
  return { xml, rels: rels.xml() };
}

function levelStyles(size: number): string {
  let out = '';
  for (let l = 1; l <= 9; l++) {
    out += `<a:lvl${l}pPr marL="${(l - 1) * 457200}" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:defRPr sz="${size * 100}" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr></a:lvl${l}pPr>`;
  }
  return out;
}

function placeholderSp(id: number, name: string, ph: string, x: number, y: number, w: number, h: number, anchor: string): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${w}" cy="${h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0" anchor="${anchor}"><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p><a:endParaRPr lang="vi-VN"/></a:p></p:txBody></p:sp>`
  );
}

export function slideMasterXml(): { xml: string; rels: string } {
  const rels = new Relationships();
  const l1 = rels.add(REL_TYPE.slideLayout, '../slideLayouts/slideLayout1.xml');
  const l2 = rels.add(REL_TYPE.slideLayout, '../slideLayouts/slideLayout2.xml');
  rels.add(REL_TYPE.theme, '../theme/theme1.xml');
  const xml =
    `${XML_DECL}<p:sldMaster ${PML_NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>${SPTREE_HEAD}` +
    placeholderSp(2, 'Title Placeholder 1', '<p:ph type="title"/>', 457200, 274320, 11277600, 1005840, 'ctr') +
    placeholderSp(3, 'Text Placeholder 2', '<p:ph type="body" idx="1"/>', 457200, 1417320, 11277600, 4983480, 't') +
    `</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/>` +
    `<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="${l1}"/><p:sldLayoutId id="2147483650" r:id="${l2}"/></p:sldLayoutIdLst>` +
    `<p:txStyles><p:titleStyle><a:lvl1pPr algn="l" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/><a:defRPr sz="${SIZE.title * 100}" b="1" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>` +
    `<p:bodyStyle>${levelStyles(SIZE.body)}</p:bodyStyle><p:otherStyle>${levelStyles(SIZE.body)}</p:otherStyle></p:txStyles></p:sldMaster>`;
  return { xml, rels: rels.xml() };
}

/** Layout 1: title only (every content slide); layout 2: title slide. */
export function slideLayoutXml(n: 1 | 2): { xml: string; rels: string } {
  const rels = new Relationships();
  rels.add(REL_TYPE.slideMaster, '../slideMasters/slideMaster1.xml');
  const shapes =
    n === 1
      ? placeholderSp(2, 'Title 1', '<p:ph type="title"/>', 457200, 274320, 11277600, 1005840, 'ctr')
      : placeholderSp(2, 'Title 1', '<p:ph type="ctrTitle"/>', 457200, 1463040, 11277600, 1463040, 'b') +
        placeholderSp(3, 'Subtitle 2', '<p:ph type="subTitle" idx="1"/>', 457200, 3108960, 11277600, 2194560, 't');
  const xml =
    `${XML_DECL}<p:sldLayout ${PML_NS} type="${n === 1 ? 'titleOnly' : 'title'}" preserve="1"><p:cSld name="${n === 1 ? 'Title Only' : 'Title Slide'}"><p:spTree>${SPTREE_HEAD}${shapes}</p:spTree></p:cSld>` +
    '<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>';
  return { xml, rels: rels.xml() };
}

export function notesMasterXml(): { xml: string; rels: string } {
  const rels = new Relationships();
  rels.add(REL_TYPE.theme, '../theme/theme2.xml');
  const xml =
    `${XML_DECL}<p:notesMaster ${PML_NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>${SPTREE_HEAD}` +
    placeholderSp(2, 'Slide Image Placeholder 1', '<p:ph type="sldImg" idx="2"/>', 685800, 1143000, 5486400, 3086100, 't') +
    placeholderSp(3, 'Notes Placeholder 2', '<p:ph type="body" sz="quarter" idx="3"/>', 685800, 4400550, 5486400, 3600450, 't') +
    `</p:spTree></p:cSld><p:clrMap ${CLR_MAP}/><p:notesStyle>${levelStyles(12)}</p:notesStyle></p:notesMaster>`;
  return { xml, rels: rels.xml() };
}

export function themeXml(name: string): string {
  const colors: [string, string][] = [
    ['dk1', '000000'], ['lt1', 'FFFFFF'], ['dk2', '1F2A44'], ['lt2', 'E7E6E6'],
    ['accent1', '2F5597'], ['accent2', 'C55A11'], ['accent3', '548235'], ['accent4', 'BF9000'],
    ['accent5', '7030A0'], ['accent6', '2E75B6'], ['hlink', '1F4E9A'], ['folHlink', '7030A0'],
  ];
  const clr = colors.map(([k, v]) => `<a:${k}><a:srgbClr val="${v}"/></a:${k}>`).join('');
  const font = (face: string) => `<a:latin typeface="${face}"/><a:ea typeface=""/><a:cs typeface="${face}"/>`;
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const line = (w: number) => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;
  return (
    `${XML_DECL}<a:theme xmlns:a="${NS.a}" name="${xmlText(name)}"><a:themeElements><a:clrScheme name="Lectern">${clr}</a:clrScheme>` +
    `<a:fontScheme name="Lectern"><a:majorFont>${font(TEXT_FONT)}</a:majorFont><a:minorFont>${font(TEXT_FONT)}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="Lectern"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst><a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
    `<a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`
  );
}

export const PRES_PROPS_XML = `${XML_DECL}<p:presentationPr ${PML_NS}/>`;
export const VIEW_PROPS_XML = `${XML_DECL}<p:viewPr ${PML_NS}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="80000"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`;
export const TABLE_STYLES_XML = `${XML_DECL}<a:tblStyleLst xmlns:a="${NS.a}" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`;

/** Code font, for docs and tests that check which fonts the file names. */
export const FONTS_USED = [TEXT_FONT, CODE_FONT] as const;
