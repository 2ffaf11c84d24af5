// What a browser can show, by the extension of the part inside the Office package. Formats
// PowerPoint can hold but a browser cannot (WMF, EMF, TIFF, WDP/JPEG XR) are reported instead.

export type ImportedMediaKind = 'image' | 'video' | 'audio';

const BROWSER: Record<string, { type: string; kind: ImportedMediaKind }> = {
  png: { type: 'image/png', kind: 'image' },
  jpg: { type: 'image/jpeg', kind: 'image' },
  jpeg: { type: 'image/jpeg', kind: 'image' },
  gif: { type: 'image/gif', kind: 'image' },
  svg: { type: 'image/svg+xml', kind: 'image' },
  webp: { type: 'image/webp', kind: 'image' },
  bmp: { type: 'image/bmp', kind: 'image' },
  mp4: { type: 'video/mp4', kind: 'video' },
  m4v: { type: 'video/mp4', kind: 'video' },
  mov: { type: 'video/quicktime', kind: 'video' },
  webm: { type: 'video/webm', kind: 'video' },
  ogv: { type: 'video/ogg', kind: 'video' },
  mp3: { type: 'audio/mpeg', kind: 'audio' },
  m4a: { type: 'audio/mp4', kind: 'audio' },
  wav: { type: 'audio/wav', kind: 'audio' },
  ogg: { type: 'audio/ogg', kind: 'audio' },
  oga: { type: 'audio/ogg', kind: 'audio' },
};

export const browserMedia = (ext: string) => BROWSER[ext.toLowerCase()];

/** Known Office-only formats, named for the report. */
export const UNSHOWABLE: Record<string, string> = {
  wmf: 'WMF', emf: 'EMF', tif: 'TIFF', tiff: 'TIFF', wdp: 'JPEG XR (WDP)', hdp: 'JPEG XR (HDP)',
  wmv: 'WMV', avi: 'AVI', wma: 'WMA', mpg: 'MPEG-1', mpeg: 'MPEG-1', asf: 'ASF',
};
