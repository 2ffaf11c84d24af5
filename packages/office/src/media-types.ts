// What a browser can show, by the extension of the part inside the Office package. Formats
// PowerPoint can hold but a browser cannot (WMF, EMF, TIFF, WDP/JPEG XR) are reported instead.
import { mediaTypeByName, type MediaKind } from '@lectern/deck';

export type ImportedMediaKind = MediaKind;

/** The type and kind of a part a browser can show, from the one media table of the deck package
 *  (the same the app and the CLI use); undefined for anything else. */
export function browserMedia(ext: string): { type: string; kind: ImportedMediaKind } | undefined {
  const info = mediaTypeByName(`file.${ext}`);
  return info ? { type: info.type, kind: info.kind } : undefined;
}

/** Known Office-only formats, named for the report. */
export const UNSHOWABLE: Record<string, string> = {
  wmf: 'WMF', emf: 'EMF', tif: 'TIFF', tiff: 'TIFF', wdp: 'JPEG XR (WDP)', hdp: 'JPEG XR (HDP)',
  wmv: 'WMV', avi: 'AVI', wma: 'WMA', mpg: 'MPEG-1', mpeg: 'MPEG-1', asf: 'ASF',
};
