// A .pptx is a zip from a stranger. Every class of bad input is refused with its own code, names
// the part at fault, says so in Vietnamese and English, and ends in bounded time.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { officeErrorMessage } from '@lectern/office';
import { makeZip } from '../bundle/helpers.ts';
import { fixture, partText, refusal, rewrite } from './helpers.ts';

const real = () => fixture('python-pptx-sld-notes.pptx');
const slide1 = () => partText(real(), 'ppt/slides/slide1.xml');

describe('the container', () => {
  it('should refuse bytes that are not a zip', async () => {
    const error = await refusal(strToU8('Bài giảng, nhưng là văn bản thường'));
    expect(error.code).toBe('not-a-zip');
    expect(officeErrorMessage(error, 'vi')).toContain('không phải tệp PowerPoint');
  });

  it('should refuse a file cut short', async () => {
    const bytes = real();
    const error = await refusal(bytes.subarray(0, bytes.length - 200));
    expect(error).toMatchObject({ code: 'zip-refused', details: { zip: 'truncated' } });
  });

  it('should refuse a zip bomb before inflating it', async () => {
    const bomb = makeZip([{ name: 'ppt/slides/slide1.xml', data: new Uint8Array(50 * 1024 * 1024), deflate: true }]);
    const error = await refusal(bomb);
    expect(error).toMatchObject({ code: 'zip-refused', part: 'ppt/slides/slide1.xml', details: { zip: 'limit-ratio' } });
  });

  it('should refuse entry names that climb out of the folder', async () => {
    const error = await refusal(makeZip([{ name: '../../etc/cron.d/x', data: strToU8('x') }]));
    expect(error).toMatchObject({ code: 'zip-refused', details: { zip: 'path-traversal' } });
  });

  it('should refuse more entries than the limit', async () => {
    const error = await refusal(real(), { limits: { maxEntries: 5 } });
    expect(error).toMatchObject({ code: 'zip-refused', details: { zip: 'limit-entries' } });
  });

  it('should refuse a zip that is not an Office package, and an Excel workbook as not a presentation or document', async () => {
    expect((await refusal(zipSync({ 'deck.md': strToU8('# x') }))).code).toBe('not-office');
    const xlsx = zipSync({
      '_rels/.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
    });
    expect(await refusal(xlsx)).toMatchObject({ code: 'not-office', part: 'xl/workbook.xml' });
  });

  it('should refuse a legacy .ppt (written by LibreOffice) with a hint to save as .pptx', async () => {
    const error = await refusal(fixture('libreoffice-legacy.ppt'), { fileName: 'bai-cu.ppt' });
    expect(error).toMatchObject({ code: 'legacy-format', part: 'bai-cu.ppt' });
    expect(officeErrorMessage(error, 'en')).toContain('save it as .pptx');
  });

  it('should refuse a password-protected file (OLE container with an EncryptionInfo stream)', async () => {
    // The layout Office uses for encrypted OOXML: an OLE compound file whose directory names
    // EncryptionInfo and EncryptedPackage (UTF-16LE).
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(new Uint8Array([...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0])), 1024);
    const error = await refusal(ole);
    expect(error.code).toBe('encrypted');
    expect(officeErrorMessage(error, 'vi')).toContain('mật khẩu');
  });
});

describe('the XML', () => {
  it('should refuse a billion-laughs DTD without expanding it', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">&lol9;</p:sld>`;
    const error = await refusal(rewrite(real(), { 'ppt/slides/slide1.xml': laughs }));
    expect(error).toMatchObject({ code: 'xml-dtd', part: 'ppt/slides/slide1.xml' });
  });

  it('should refuse an external entity without resolving it', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]><x>&secret;</x>`;
    const error = await refusal(rewrite(real(), { 'ppt/presentation.xml': xxe }));
    expect(error).toMatchObject({ code: 'xml-dtd', part: 'ppt/presentation.xml' });
  });

  it('should refuse XML nested 100,000 deep', async () => {
    const deep = slide1().replace('</p:spTree>', `${'<p:grpSp>'.repeat(100_000)}${'</p:grpSp>'.repeat(100_000)}</p:spTree>`);
    const error = await refusal(rewrite(real(), { 'ppt/slides/slide1.xml': deep }));
    expect(error).toMatchObject({ code: 'xml-too-deep', part: 'ppt/slides/slide1.xml' });
  });

  it('should refuse XML that is not well-formed, naming the part', async () => {
    const error = await refusal(rewrite(real(), { 'ppt/slides/slide2.xml': '<p:sld><unclosed>' }));
    expect(error).toMatchObject({ code: 'xml-invalid', part: 'ppt/slides/slide2.xml' });
  });
});

describe('the relationships', () => {
  it('should refuse a relationship that points outside the package', async () => {
    const rels = partText(real(), 'ppt/slides/_rels/slide1.xml.rels').replace('../notesSlides/notesSlide1.xml', '../../../../etc/passwd');
    const error = await refusal(rewrite(real(), { 'ppt/slides/_rels/slide1.xml.rels': rels }));
    expect(error).toMatchObject({ code: 'rel-outside', part: 'ppt/slides/_rels/slide1.xml.rels' });
  });

  it('should refuse an internal relationship whose target is a URL', async () => {
    const rels = partText(real(), 'ppt/slides/_rels/slide1.xml.rels').replace('../notesSlides/notesSlide1.xml', 'file:///etc/passwd');
    const error = await refusal(rewrite(real(), { 'ppt/slides/_rels/slide1.xml.rels': rels }));
    expect(error.code).toBe('rel-outside');
  });

  it('should refuse a slide list naming a slide the package does not hold', async () => {
    const error = await refusal(rewrite(real(), { 'ppt/slides/slide2.xml': null }));
    expect(error).toMatchObject({ code: 'part-missing', part: 'ppt/slides/slide2.xml' });
    expect(officeErrorMessage(error, 'en')).toBe('The file lacks a part it refers to (damaged or cut short). (part: ppt/slides/slide2.xml)');
  });

  it('should refuse a slide list entry whose relationship does not exist', async () => {
    const pres = partText(real(), 'ppt/presentation.xml').replace('r:id="rId3"', 'r:id="rId99"');
    const error = await refusal(rewrite(real(), { 'ppt/presentation.xml': pres }));
    expect(error).toMatchObject({ code: 'part-missing', part: 'ppt/presentation.xml' });
  });

  it('should refuse a notes relationship to a missing part', async () => {
    const error = await refusal(rewrite(real(), { 'ppt/notesSlides/notesSlide1.xml': null }));
    expect(error).toMatchObject({ code: 'part-missing', part: 'ppt/notesSlides/notesSlide1.xml' });
  });
});
