// OOXML features checked one at a time: each test rewrites parts of a real PowerPoint file
// (python-pptx-txt-text.pptx, python-pptx-sld-notes.pptx) and imports the result. Slide XML
// here uses unusual namespace prefixes on purpose: elements are matched by namespace URI.
import { describe, expect, it } from 'vitest';
import { fixture, importBytes, partText, rewrite, visibleText } from './helpers.ts';
import { OfficeImportError } from '@lectern/office';
import { bytesSource } from '@lectern/bundle';
import { importOfficeFile } from '@lectern/office';

const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A slide whose PresentationML prefix is `pr`, DrawingML `dr`, relationships `rl`. */
const slide = (tree: string, attrs = '', extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pr:sld xmlns:pr="${P}" xmlns:dr="${A}" xmlns:rl="${R}" ${attrs}><pr:cSld>${extra}<pr:spTree>` +
  `<pr:nvGrpSpPr><pr:cNvPr id="1" name=""/><pr:cNvGrpSpPr/><pr:nvPr/></pr:nvGrpSpPr><pr:grpSpPr/>${tree}</pr:spTree></pr:cSld></pr:sld>`;

const box = (id: number, paragraphs: string, pos?: [number, number], ph = '') =>
  `<pr:sp><pr:nvSpPr><pr:cNvPr id="${id}" name="Box ${id}"/><pr:cNvSpPr txBox="1"/><pr:nvPr>${ph}</pr:nvPr></pr:nvSpPr>` +
  `<pr:spPr>${pos ? `<dr:xfrm><dr:off x="${pos[0]}" y="${pos[1]}"/><dr:ext cx="100" cy="100"/></dr:xfrm>` : ''}</pr:spPr>` +
  `<pr:txBody><dr:bodyPr/>${paragraphs}</pr:txBody></pr:sp>`;

const para = (runs: string, pPr = '') => `<dr:p>${pPr}${runs}</dr:p>`;
const run = (text: string, rPr = '') => `<dr:r><dr:rPr lang="vi-VN" ${rPr}/><dr:t>${text}</dr:t></dr:r>`;

const rels = (extra: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL}/slideLayout" Target="../slideLayouts/slideLayout1.xml"/>${extra}</Relationships>`;

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

/** txt-text.pptx with slide 1 replaced. */
const withSlide1 = (xml: string, relsXml = rels(''), more: Record<string, string | Uint8Array | null> = {}) =>
  rewrite(fixture('python-pptx-txt-text.pptx'), { 'ppt/slides/slide1.xml': xml, 'ppt/slides/_rels/slide1.xml.rels': relsXml, ...more });

describe('slide order and notes come from relationships, not file names', () => {
  it('should follow presentation.xml when it lists slide2.xml first, notes staying with their slide', async () => {
    const bytes = fixture('python-pptx-sld-notes.pptx');
    const pres = partText(bytes, 'ppt/presentation.xml').replace('<p:sldId id="256" r:id="rId2"/><p:sldId id="257" r:id="rId3"/>', '<p:sldId id="257" r:id="rId3"/><p:sldId id="256" r:id="rId2"/>');
    const { deck } = await importBytes(rewrite(bytes, { 'ppt/presentation.xml': pres }));
    expect(deck.slides.map((s) => s.notes?.trim())).toEqual([undefined, 'Notes']);
  });

  it('should find notes named notesSlide9.xml through slide 1\'s own relationship', async () => {
    const bytes = fixture('python-pptx-sld-notes.pptx');
    const notes = partText(bytes, 'ppt/notesSlides/notesSlide1.xml');
    const notesRels = partText(bytes, 'ppt/notesSlides/_rels/notesSlide1.xml.rels');
    const slideRels = partText(bytes, 'ppt/slides/_rels/slide1.xml.rels').replace('notesSlide1.xml', 'notesSlide9.xml');
    const moved = rewrite(bytes, {
      'ppt/notesSlides/notesSlide1.xml': null, 'ppt/notesSlides/_rels/notesSlide1.xml.rels': null,
      'ppt/notesSlides/notesSlide9.xml': notes, 'ppt/notesSlides/_rels/notesSlide9.xml.rels': notesRels,
      'ppt/slides/_rels/slide1.xml.rels': slideRels,
    });
    const { deck } = await importBytes(moved);
    expect(deck.slides[0]!.notes?.trim()).toBe('Notes');
  });
});

describe('text', () => {
  it('should join runs split mid-word inside one pair of marks, with underline, strike and NFC', async () => {
    // "Việt" split into "Vi" + "ệt" (decomposed: e + U+0323 + U+0302), both bold.
    const xml = slide(box(2, para(run('Vi', 'b="1"') + run('e\u0323\u0302t', 'b="1"') + run(' Nam ') + run('gạch', 'u="sng"') + run(' ') + run('xoá', 'strike="sngStrike"'))));
    const { html, deckText } = await importBytes(withSlide1(xml));
    expect(deckText).toContain('**Việt** Nam <u>gạch</u> ~~xoá~~');
    expect(html[0]).toContain('<strong>Việt</strong> Nam <u>gạch</u> <del>xoá</del>');
  });

  it('should escape Markdown so the slide reads as typed in PowerPoint', async () => {
    const lines = ['# không phải tiêu đề', '---', '1. không phải danh sách', '- cũng không', 'Note: vẫn trên trang', '::: notes', '<b>thẻ</b> &amp; *sao* _gạch_ [liên kết](x) `mã` | ống', '{.lớp}'];
    const xml = slide(box(2, lines.map((line) => para(run(line.replace(/&/g, '&amp;').replace(/</g, '&lt;')))).join('')));
    const { html, deck } = await importBytes(withSlide1(xml));
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[0]!.notes).toBeUndefined();
    expect(visibleText(html[0]!).split(/\s*\n\s*|\s{2,}/).filter(Boolean)).toEqual(lines.map((l) => l.trim()));
  });

  it('should keep a:hlinkClick http links and drop others to text, reported', async () => {
    const link = (id: string, text: string) => `<dr:r><dr:rPr lang="vi-VN"><dr:hlinkClick rl:id="${id}"/></dr:rPr><dr:t>${text}</dr:t></dr:r>`;
    const xml = slide(box(2, para(link('rId5', 'Báo Nhân Dân')) + para(link('rId6', 'trang 3')) + para(link('rId7', 'tệp'))));
    const extra = `<Relationship Id="rId5" Type="${REL}/hyperlink" Target="https://nhandan.vn/" TargetMode="External"/>` +
      `<Relationship Id="rId6" Type="${REL}/slide" Target="slide2.xml"/>` +
      `<Relationship Id="rId7" Type="${REL}/hyperlink" Target="javascript:alert(1)" TargetMode="External"/>`;
    const { html, report } = await importBytes(withSlide1(xml, rels(extra)));
    expect(html[0]).toContain('<a href="https://nhandan.vn/">Báo Nhân Dân</a>');
    expect(html[0]).not.toContain('javascript');
    expect(visibleText(html[0]!)).toContain('trang 3');
    expect(report.entries).toContainEqual(expect.objectContaining({ kind: 'link-dropped', slide: 1, detail: 'javascript:alert(1)' }));
  });

  it('should turn text typed in TCVN3 and VNI fonts into Unicode, by each run\'s font, and say so', async () => {
    const legacy = (font: string, text: string) => `<dr:r><dr:rPr lang="vi-VN"><dr:latin typeface="${font}"/></dr:rPr><dr:t>${text}</dr:t></dr:r>`;
    const xml = slide(box(2,
      para(legacy('.VnTime', '§¶ng Céng s¶n ViÖt Nam')) +
      para(legacy('.VnTimeH', 'chñ nghÜa x· héi')) +
      para(legacy('VNI-Times', 'Ñaûng vieân') + run(' (Unicode: µ giữ nguyên)'))));
    const { html, report } = await importBytes(withSlide1(xml));
    expect(visibleText(html[0]!).split(/\s*\n\s*/)).toEqual(['Đảng Cộng sản Việt Nam', 'CHỦ NGHĨA XÃ HỘI', 'Đảng viên (Unicode: µ giữ nguyên)']);
    expect(report.entries.filter((e) => e.kind === 'legacy-font').map((e) => e.detail)).toEqual(['.VnTime', '.VnTimeH', 'VNI-Times']);
    expect(report.losses).toBe(0);
  });

  it('should number lists from buAutoNum and nest by lvl, treating a jump of two levels as one', async () => {
    const num = '<dr:buAutoNum type="arabicPeriod"/>';
    const xml = slide(box(2,
      para(run('Một'), `<dr:pPr>${num}</dr:pPr>`) +
      para(run('Một-a'), '<dr:pPr lvl="1"><dr:buChar char="•"/></dr:pPr>') +
      para(run('sâu'), '<dr:pPr lvl="3"><dr:buChar char="•"/></dr:pPr>') +
      para(run('Hai'), `<dr:pPr>${num}</dr:pPr>`)));
    const { html } = await importBytes(withSlide1(xml));
    expect(html[0]).toMatch(/<ol>\s*<li>Một\s*<ul>\s*<li>Một-a\s*<ul>\s*<li>sâu<\/li>\s*<\/ul>\s*<\/li>\s*<\/ul>\s*<\/li>\s*<li>Hai<\/li>\s*<\/ol>/);
  });
});

describe('shapes', () => {
  it('should order shapes top-to-bottom then left-to-right, group offsets applied, unpositioned last', async () => {
    const group = `<pr:grpSp><pr:nvGrpSpPr><pr:cNvPr id="9" name="G"/><pr:cNvGrpSpPr/><pr:nvPr/></pr:nvGrpSpPr>` +
      `<pr:grpSpPr><dr:xfrm><dr:off x="0" y="100"/><dr:ext cx="1000" cy="1000"/><dr:chOff x="0" y="5000"/><dr:chExt cx="1000" cy="1000"/></dr:xfrm></pr:grpSpPr>` +
      box(5, para(run('hai (trong nhóm)')), [0, 5000]) + '</pr:grpSp>';
    const xml = slide(box(2, para(run('không vị trí'))) + box(3, para(run('bốn')), [500, 3000]) + box(4, para(run('ba')), [0, 3000]) + group + box(6, para(run('một')), [0, 10]));
    const { html } = await importBytes(withSlide1(xml));
    expect(visibleText(html[0]!).split(/\s*\n\s*/)).toEqual(['một', 'hai (trong nhóm)', 'ba', 'bốn', 'không vị trí']);
  });

  it('should take mc:AlternateContent\'s fallback and SmartArt\'s text as a list', async () => {
    const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
    const DGM = 'http://schemas.openxmlformats.org/drawingml/2006/diagram';
    const alt = `<m:AlternateContent xmlns:m="${MC}"><m:Choice Requires="x14">${box(2, para(run('nhánh mới')), [0, 0])}</m:Choice><m:Fallback>${box(3, para(run('nhánh dự phòng')), [0, 0])}</m:Fallback></m:AlternateContent>`;
    const smart = `<pr:graphicFrame><pr:nvGraphicFramePr><pr:cNvPr id="7" name="SmartArt"/><pr:cNvGraphicFramePr/><pr:nvPr/></pr:nvGraphicFramePr><pr:xfrm><dr:off x="0" y="900"/><dr:ext cx="1" cy="1"/></pr:xfrm>` +
      `<dr:graphic><dr:graphicData uri="${DGM}"><g:relIds xmlns:g="${DGM}" rl:dm="rId8" rl:lo="rId9" rl:qs="rId10" rl:cs="rId11"/></dr:graphicData></dr:graphic></pr:graphicFrame>`;
    const data = `<?xml version="1.0"?><g:dataModel xmlns:g="${DGM}" xmlns:dr="${A}"><g:ptLst>` +
      `<g:pt modelId="0" type="doc"><g:t><dr:p><dr:r><dr:t>bỏ qua</dr:t></dr:r></dr:p></g:t></g:pt>` +
      `<g:pt modelId="1"><g:t><dr:bodyPr/><dr:p><dr:r><dr:t>Dân giàu</dr:t></dr:r></dr:p></g:t></g:pt>` +
      `<g:pt modelId="2"><g:t><dr:bodyPr/><dr:p><dr:r><dr:t>Nước mạnh</dr:t></dr:r></dr:p></g:t></g:pt></g:ptLst></g:dataModel>`;
    const extra = `<Relationship Id="rId8" Type="${REL}/diagramData" Target="../diagrams/data1.xml"/>`;
    const { html, report } = await importBytes(withSlide1(slide(alt + smart), rels(extra), { 'ppt/diagrams/data1.xml': data }));
    expect(visibleText(html[0]!)).not.toContain('nhánh mới');
    expect(html[0]).toContain('nhánh dự phòng');
    expect(html[0]).toMatch(/<li>Dân giàu<\/li>\s*<li>Nước mạnh<\/li>/);
    expect(html[0]).not.toContain('bỏ qua');
    expect(report.entries).toContainEqual(expect.objectContaining({ kind: 'smartart', slide: 1 }));
  });

  it('should use a background picture, report EMF pictures and charts, and never name two media the same', async () => {
    const pic = (id: number, rid: string, descr: string) =>
      `<pr:pic><pr:nvPicPr><pr:cNvPr id="${id}" name="Picture ${id}" descr="${descr}"/><pr:cNvPicPr/><pr:nvPr/></pr:nvPicPr><pr:blipFill><dr:blip rl:embed="${rid}"/></pr:blipFill><pr:spPr><dr:xfrm><dr:off x="${id}" y="${id}"/><dr:ext cx="1" cy="1"/></dr:xfrm></pr:spPr></pr:pic>`;
    const chart = `<pr:graphicFrame><pr:nvGraphicFramePr><pr:cNvPr id="8" name="Chart"/><pr:cNvGraphicFramePr/><pr:nvPr/></pr:nvGraphicFramePr><pr:xfrm><dr:off x="0" y="0"/><dr:ext cx="1" cy="1"/></pr:xfrm><dr:graphic><dr:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></dr:graphic></pr:graphicFrame>`;
    const bg = `<pr:bg><pr:bgPr><dr:blipFill><dr:blip rl:embed="rId20"/></dr:blipFill></pr:bgPr></pr:bg>`;
    const xml = slide(pic(2, 'rId21', 'Ảnh Bác Hồ') + pic(3, 'rId22', 'Ảnh Bác Hồ') + pic(4, 'rId23', 'Sơ đồ') + chart, '', bg);
    const extra = [['rId20', 'nen.png'], ['rId21', 'a.png'], ['rId22', 'b.png'], ['rId23', 'c.emf']]
      .map(([id, file]) => `<Relationship Id="${id}" Type="${REL}/image" Target="../media/${file}"/>`).join('');
    const bytes = withSlide1(xml, rels(extra), { 'ppt/media/nen.png': PNG, 'ppt/media/a.png': PNG, 'ppt/media/b.png': PNG, 'ppt/media/c.emf': new Uint8Array([1, 0, 0, 0]) });
    const { html, media, report, deck } = await importBytes(bytes);
    expect(media.map((m) => m.path)).toEqual(['media/01-ảnh-bác-hồ.png', 'media/01-ảnh-bác-hồ-2.png', 'media/01-slide-nen.png']);
    expect(html[0]).toContain('data-background-image="media/01-slide-nen.png"');
    expect(report.entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'image-unsupported', slide: 1, detail: 'EMF', part: 'ppt/media/c.emf' }),
      expect.objectContaining({ kind: 'chart', slide: 1 }),
    ]));
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('animations', () => {
  const click = (n: number, spid: string, presetClass = 'entr', paragraph?: number) =>
    `<pr:par><pr:cTn id="${n}0" fill="hold"><pr:stCondLst><pr:cond delay="indefinite"/></pr:stCondLst><pr:childTnLst><pr:par><pr:cTn id="${n}1" fill="hold"><pr:childTnLst>` +
    `<pr:par><pr:cTn id="${n}2" presetID="1" presetClass="${presetClass}" nodeType="clickEffect"><pr:childTnLst><pr:set><pr:cBhvr><pr:cTn id="${n}3" dur="1"/>` +
    `<pr:tgtEl><pr:spTgt spid="${spid}">${paragraph === undefined ? '' : `<pr:txEl><pr:pRg st="${paragraph}" end="${paragraph}"/></pr:txEl>`}</pr:spTgt></pr:tgtEl></pr:cBhvr></pr:set></pr:childTnLst></pr:cTn></pr:par>` +
    `</pr:childTnLst></pr:cTn></pr:par></pr:childTnLst></pr:cTn></pr:par>`;
  const timing = (clicks: string) =>
    `<pr:timing><pr:tnLst><pr:par><pr:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><pr:childTnLst><pr:seq concurrent="1" nextAc="seek">` +
    `<pr:cTn id="2" dur="indefinite" nodeType="mainSeq"><pr:childTnLst>${clicks}</pr:childTnLst></pr:cTn></pr:seq></pr:childTnLst></pr:cTn></pr:par></pr:tnLst></pr:timing>`;
  const withTiming = (tree: string, clicks: string) => slide(tree).replace('</pr:sld>', `${timing(clicks)}</pr:sld>`);

  it('should turn entrance effects into fragments at their click, whatever the reading order', async () => {
    const xml = withTiming(box(2, para(run('trên')), [0, 0]) + box(3, para(run('dưới')), [0, 5000]), click(1, '3') + click(2, '2'));
    const { html, report } = await importBytes(withSlide1(xml));
    expect(html[0]).toMatch(/<div class="fragment" data-fragment-index="2">\s*<p>trên<\/p>\s*<\/div>\s*<div class="fragment" data-fragment-index="1">\s*<p>dưới<\/p>/);
    expect(report.entries.filter((e) => e.kind === 'animation')).toEqual([]);
  });

  it('should show a list built paragraph by paragraph as an incremental list', async () => {
    const bullet = '<dr:pPr><dr:buChar char="•"/></dr:pPr>';
    const xml = withTiming(box(2, para(run('Một'), bullet) + para(run('Hai'), bullet), [0, 0]), click(1, '2', 'entr', 0) + click(2, '2', 'entr', 1));
    const { html } = await importBytes(withSlide1(xml));
    expect(html[0]).toMatch(/<li class="fragment">Một<\/li>\s*<li class="fragment">Hai<\/li>/);
  });

  it('should report exit effects and leave the shapes shown without fragments', async () => {
    const xml = withTiming(box(2, para(run('biến mất')), [0, 0]), click(1, '2', 'exit'));
    const { html, report } = await importBytes(withSlide1(xml));
    expect(html[0]).not.toContain('fragment');
    expect(html[0]).toContain('biến mất');
    expect(report.entries).toContainEqual(expect.objectContaining({ kind: 'animation', slide: 1 }));
  });
});

describe('backgrounds', () => {
  it('should take a slide\'s own colour, and the layout\'s picture on a slide without its own', async () => {
    const bytes = fixture('python-pptx-txt-text.pptx');
    const layout = partText(bytes, 'ppt/slideLayouts/slideLayout1.xml').replace('<p:cSld name="Blank">', '<p:cSld name="Blank"><p:bg><p:bgPr><a:blipFill><a:blip r:embed="rId9"/></a:blipFill></p:bgPr></p:bg>');
    const layoutRels = partText(bytes, 'ppt/slideLayouts/_rels/slideLayout1.xml.rels').replace('</Relationships>', `<Relationship Id="rId9" Type="${REL}/image" Target="../media/trong-dong.png"/></Relationships>`);
    const own = slide(box(2, para(run('màu riêng'))), '', '<pr:bg><pr:bgPr><dr:solidFill><dr:srgbClr val="8B0000"/></dr:solidFill></pr:bgPr></pr:bg>');
    const { html, media } = await importBytes(rewrite(bytes, {
      'ppt/slides/slide1.xml': own, 'ppt/slides/_rels/slide1.xml.rels': rels(''),
      'ppt/slideLayouts/slideLayout1.xml': layout, 'ppt/slideLayouts/_rels/slideLayout1.xml.rels': layoutRels, 'ppt/media/trong-dong.png': PNG,
    }));
    expect(html[0]).toContain('data-background-color="#8b0000"');
    expect(html[0]).not.toContain('data-background-image');
    expect(media.map((m) => [m.path, m.part])).toEqual([['media/02-nen.png', 'ppt/media/trong-dong.png']]);
    expect(html[1]).toContain('data-background-image="media/02-nen.png"');
  });
});

describe('progress and cancel', () => {
  it('should report progress per slide and stop with `cancelled` when the signal fires', async () => {
    const stages: string[] = [];
    await importOfficeFile(bytesSource(fixture('libreoffice-lesson.pptx')), { onProgress: (p) => stages.push(`${p.stage}:${p.done}/${p.total}`) });
    expect(stages).toEqual(['package:0/1', 'slides:0/6', 'slides:1/6', 'slides:2/6', 'slides:3/6', 'slides:4/6', 'slides:5/6', 'done:6/6']);
    const controller = new AbortController();
    const error = await importOfficeFile(bytesSource(fixture('libreoffice-lesson.pptx')), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'slides' && p.done === 2) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeImportError);
    expect((error as OfficeImportError).code).toBe('cancelled');
  });
});

describe('drawn shapes without text', () => {
  /** A shape with geometry `prst`, its own fill/line (`spPr` children) and theme style refs. */
  const shape = (id: number, spPr: string, style = '', paragraphs = '', txBox = '') =>
    `<pr:sp><pr:nvSpPr><pr:cNvPr id="${id}" name="Shape ${id}"/><pr:cNvSpPr${txBox}/><pr:nvPr/></pr:nvSpPr>` +
    `<pr:spPr><dr:xfrm><dr:off x="${id * 100}" y="0"/><dr:ext cx="100" cy="100"/></dr:xfrm><dr:prstGeom prst="rect"><dr:avLst/></dr:prstGeom>${spPr}</pr:spPr>` +
    `${style}<pr:txBody><dr:bodyPr/>${paragraphs || '<dr:p/>'}</pr:txBody></pr:sp>`;
  const themed = (fill: number, line: number) =>
    `<pr:style><dr:lnRef idx="${line}"><dr:schemeClr val="accent1"/></dr:lnRef><dr:fillRef idx="${fill}"><dr:schemeClr val="accent1"/></dr:fillRef>` +
    `<dr:effectRef idx="0"><dr:schemeClr val="accent1"/></dr:effectRef><dr:fontRef idx="minor"><dr:schemeClr val="lt1"/></dr:fontRef></pr:style>`;
  const connector =
    `<pr:cxnSp><pr:nvCxnSpPr><pr:cNvPr id="9" name="Arrow 9"/><pr:cNvCxnSpPr/><pr:nvPr/></pr:nvCxnSpPr>` +
    `<pr:spPr><dr:xfrm><dr:off x="0" y="0"/><dr:ext cx="100" cy="0"/></dr:xfrm><dr:prstGeom prst="straightConnector1"><dr:avLst/></dr:prstGeom><dr:ln><dr:solidFill><dr:srgbClr val="000000"/></dr:solidFill><dr:tailEnd type="triangle"/></dr:ln></pr:spPr></pr:cxnSp>`;
  const skipped = async (tree: string) => {
    const { report } = await importBytes(withSlide1(slide(tree)));
    return report.entries.filter((e) => e.kind === 'shape-skipped');
  };

  it('should report a box filled by its theme style, a box with its own fill, and an arrow connector, once per slide', async () => {
    expect(await skipped(shape(2, '', themed(3, 1)))).toEqual([expect.objectContaining({ slide: 1 })]);
    expect(await skipped(shape(2, '<dr:solidFill><dr:srgbClr val="C00000"/></dr:solidFill>'))).toHaveLength(1);
    expect(await skipped(shape(2, '<dr:noFill/><dr:ln><dr:solidFill><dr:srgbClr val="000000"/></dr:solidFill></dr:ln>'))).toHaveLength(1);
    expect(await skipped(connector)).toHaveLength(1);
    expect(await skipped(shape(2, '', themed(3, 1)) + shape(3, '', themed(2, 1)) + connector)).toHaveLength(1);
  });

  it('should not report what draws nothing or what is imported: an empty text box, no fill and no line, a shape with text', async () => {
    expect(await skipped(shape(2, '', '', '', ' txBox="1"'))).toEqual([]);
    expect(await skipped(shape(2, '<dr:noFill/><dr:ln><dr:noFill/></dr:ln>', themed(3, 1)))).toEqual([]);
    expect(await skipped(shape(2, ''))).toEqual([]);
    const { report, deck } = await importBytes(withSlide1(slide(shape(2, '', themed(3, 1), para(run('Đoàn kết'))))));
    expect(report.entries.filter((e) => e.kind === 'shape-skipped')).toEqual([]);
    expect(deck.slides[0]!.content).toContain('Đoàn kết');
  });
});
