// What an import could not carry over (losses) and what it changed on purpose (notices). The CLI
// prints it (exit 1 when there are losses), the app shows it next to the new deck.

export type ReportKind =
  // losses: something on the slide is not in the deck
  | 'image-unsupported'   // WMF/EMF/TIFF/WDP with no browser-readable fallback
  | 'media-external'      // video/audio linked to a file outside the package (never fetched)
  | 'media-missing'       // a picture/video relationship names a part the package lacks
  | 'media-unsupported'   // video/audio in a format browsers do not play
  | 'chart'               // a chart without a stored preview picture
  | 'ole-object'          // an embedded object (Excel sheet...) without a preview picture
  | 'animation'           // animations (not converted)
  | 'link-dropped'        // a hyperlink that is not http(s)/mailto (slide jump, file:)
  | 'content-skipped'     // an element the importer does not read (ink, 3D model...)
  | 'shape-skipped'       // drawn shapes without text (boxes, ovals, arrows, connectors)
  // notices: kept, but different
  | 'hidden-slide'        // kept, marked data-visibility="hidden"
  | 'merged-table'        // written as an HTML table (Markdown tables cannot merge cells)
  | 'smartart'            // SmartArt written as a list of its text
  | 'legacy-font';        // text in a legacy Vietnamese font (TCVN3/VNI), converted to Unicode

export const LOSS_KINDS: ReadonlySet<ReportKind> = new Set<ReportKind>([
  'image-unsupported', 'media-external', 'media-missing', 'media-unsupported', 'chart', 'ole-object',
  'animation', 'link-dropped', 'content-skipped', 'shape-skipped',
]);

export interface ReportEntry {
  kind: ReportKind;
  /** 1-based slide (or section, for .docx) number, as the presenter numbers them. */
  slide?: number;
  /** The part inside the package the entry is about. */
  part?: string;
  /** A short fact: the format, the link target, the font name. */
  detail?: string;
  /** 1-based line of deck.md where that slide starts, so the app can jump there. */
  line?: number;
}

export interface ImportReport {
  source: 'pptx' | 'docx' | 'quarto' | 'marp' | 'slidev';
  slides: number;
  titles: string[];
  entries: ReportEntry[];
  /** Entries that lose content (LOSS_KINDS). */
  losses: number;
}

export class ReportBuilder {
  readonly entries: ReportEntry[] = [];
  private readonly seen = new Set<string>();

  /** One entry per slide, kind and detail: a slide with forty EMF icons says so once. */
  add(entry: ReportEntry): void {
    const key = `${entry.slide ?? ''}|${entry.kind}|${entry.detail ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push(entry);
  }

  build(source: ImportReport['source'], slides: number, titles: string[], slideLines: number[]): ImportReport {
    for (const entry of this.entries) {
      if (entry.slide !== undefined && slideLines[entry.slide - 1] !== undefined) entry.line = slideLines[entry.slide - 1];
    }
    return { source, slides, titles, entries: this.entries, losses: this.entries.filter((e) => LOSS_KINDS.has(e.kind)).length };
  }
}
