// A big .pptx for the import benchmark, written as a stream (the video is never in memory):
// the package skeleton of a real PowerPoint file (python-pptx-txt-text.pptx: layout, master,
// theme) with `slides` generated slides of Vietnamese text, a picture on `images` of them and a
// `videoMB` MB video on slide 2.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';

const P = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MiB = 1024 * 1024;

/** A valid PNG of `size` bytes or so (a 1x1 image plus a private ancillary chunk of noise). */
function png(seed: number, size: number): Uint8Array {
  const base = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const noise = Buffer.alloc(size);
  for (let i = 0; i < size; i++) noise[i] = (i * 2654435761 + seed * 97) >>> 24;
  const chunk = Buffer.alloc(12 + size);
  chunk.writeUInt32BE(size, 0);
  chunk.write('prVt', 4, 'latin1');
  noise.copy(chunk, 8);
  // CRC is not checked by browsers for ancillary chunks we never display; keep it zero.
  return new Uint8Array(Buffer.concat([base.subarray(0, 33), chunk, base.subarray(33)]));
}

function slideXml(n: number, picture: boolean, video: boolean): string {
  const text = (id: number, y: number, body: string) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="TextBox ${id}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="457200" y="${y}"/><a:ext cx="8000000" cy="600000"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/>${body}</p:txBody></p:sp>`;
  const bullets = Array.from({ length: 6 }, (_, i) =>
    `<a:p><a:pPr lvl="${i % 3}"><a:buChar char="•"/></a:pPr><a:r><a:rPr lang="vi-VN"${i % 2 ? ' b="1"' : ''}/><a:t>Ý ${i + 1} của trang ${n}: phát huy </a:t></a:r><a:r><a:rPr lang="vi-VN"/><a:t>dân chủ, tăng cường kỷ luật</a:t></a:r></a:p>`).join('');
  const pic = picture
    ? `<p:pic><p:nvPicPr><p:cNvPr id="9" name="Picture 9" descr="Hình minh hoạ trang ${n}"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="rId3"/></p:blipFill><p:spPr><a:xfrm><a:off x="5000000" y="3000000"/><a:ext cx="3000000" cy="2000000"/></a:xfrm></p:spPr></p:pic>`
    : '';
  const vid = video
    ? `<p:pic><p:nvPicPr><p:cNvPr id="10" name="phim.mp4"/><p:cNvPicPr/><p:nvPr><a:videoFile r:link="rId4"/><p:extLst><p:ext uri="{DAA4B4D4-6D71-4841-9C94-3DE7FCFB9230}"><p14:media xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main" r:embed="rId4"/></p:ext></p:extLst></p:nvPr></p:nvPicPr><p:blipFill><a:blip r:embed="rId3"/></p:blipFill><p:spPr><a:xfrm><a:off x="0" y="5000000"/><a:ext cx="1" cy="1"/></a:xfrm></p:spPr></p:pic>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sld ${P}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>` +
    text(2, 100000, `<a:p><a:r><a:rPr lang="vi-VN" sz="3200"/><a:t>Trang ${n}: Nghị quyết Đại hội XIII</a:t></a:r></a:p>`) +
    text(3, 1000000, bullets) + pic + vid + '</p:spTree></p:cSld></p:sld>';
}

export interface BigPptx { path: string; slides: number; images: number; videoBytes: number }

export function makeBigPptx(path: string, skeletonPath: string, slides: number, images: number, videoMB: number): BigPptx {
  const skeleton = unzipSync(new Uint8Array(readFileSync(skeletonPath)));
  const fd = openSync(path, 'wx');
  const zip = new Zip((error, data) => {
    if (error) throw error;
    writeSync(fd, data);
  });
  const add = (name: string, bytes: Uint8Array, deflate = true) => {
    const file = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    zip.add(file);
    file.push(bytes, true);
  };
  const imageEvery = Math.max(1, Math.floor(slides / images));
  const withPicture = (n: number) => (n - 1) % imageEvery === 0 && Math.floor((n - 1) / imageEvery) < images;
  for (const [name, bytes] of Object.entries(skeleton)) {
    if (name.startsWith('ppt/slides/') || name === 'ppt/presentation.xml' || name === 'ppt/_rels/presentation.xml.rels') continue;
    add(name, bytes);
  }
  const pres = strFromU8(skeleton['ppt/presentation.xml']!).replace(/<p:sldIdLst>.*<\/p:sldIdLst>/, `<p:sldIdLst>${Array.from({ length: slides }, (_, i) => `<p:sldId id="${256 + i}" r:id="rIdS${i + 1}"/>`).join('')}</p:sldIdLst>`);
  add('ppt/presentation.xml', strToU8(pres));
  const presRels = strFromU8(skeleton['ppt/_rels/presentation.xml.rels']!).replace(/<Relationship Id="rId[23]"[^>]*\/>/g, '')
    .replace('</Relationships>', `${Array.from({ length: slides }, (_, i) => `<Relationship Id="rIdS${i + 1}" Type="${REL}/slide" Target="slides/slide${i + 1}.xml"/>`).join('')}</Relationships>`);
  add('ppt/_rels/presentation.xml.rels', strToU8(presRels));
  for (let n = 1; n <= slides; n++) {
    const picture = withPicture(n) || n === 2;
    const video = n === 2;
    add(`ppt/slides/slide${n}.xml`, strToU8(slideXml(n, picture, video)));
    const rels = [`<Relationship Id="rId1" Type="${REL}/slideLayout" Target="../slideLayouts/slideLayout1.xml"/>`];
    if (picture) rels.push(`<Relationship Id="rId3" Type="${REL}/image" Target="../media/image${n}.png"/>`);
    if (video) rels.push(`<Relationship Id="rId4" Type="${REL}/video" Target="../media/media1.mp4"/>`);
    add(`ppt/slides/_rels/slide${n}.xml.rels`, strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`));
    if (picture) add(`ppt/media/image${n}.png`, png(n, 200_000), false);
  }
  // The video: stored (as PowerPoint stores media), pushed in 1 MiB chunks of noise.
  const video = new ZipPassThrough('ppt/media/media1.mp4');
  zip.add(video);
  const chunk = new Uint8Array(MiB);
  for (let i = 0; i < videoMB; i++) {
    for (let j = 0; j < chunk.length; j += 4096) chunk[j] = (i * 31 + j) & 0xff;
    video.push(chunk, i === videoMB - 1);
  }
  zip.end();
  closeSync(fd);
  return { path, slides, images, videoBytes: videoMB * MiB };
}
