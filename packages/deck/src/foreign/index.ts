// Decks written for Quarto / Pandoc (reveal.js), Marp and Slidev, recognised and converted into
// Lectern Markdown. Pure string work, so the app, a Worker and the CLI share it.
import { splitFrontMatter } from './common.ts';
import { convertMarp } from './marp.ts';
import { convertQuarto } from './quarto.ts';
import { convertSlidev } from './slidev.ts';
import type { ForeignConversion, ForeignTool } from './common.ts';

export type { ForeignConversion, ForeignReport, ForeignReportEntry, ForeignTool } from './common.ts';

export interface ForeignDeckKind {
  tool: ForeignTool;
  /** The tool's name as people know it: `Quarto`, `Marp`, `Slidev`. */
  name: string;
}

const NAMES: Record<ForeignTool, string> = { quarto: 'Quarto', marp: 'Marp', slidev: 'Slidev' };
/** Head matter keys only Slidev uses. */
const SLIDEV_KEYS = ['drawings', 'mdc', 'highlighter', 'colorSchema', 'routerMode', 'aspectRatio', 'canvasWidth', 'themeConfig', 'addons', 'seoMeta', 'info', 'layout'];
const RE_SLIDEV_BODY = /<v-clicks?[\s>]|^layout:\s*\S/m;

function isRevealFormat(format: unknown): boolean {
  if (typeof format === 'string') return /revealjs/.test(format);
  return !!format && typeof format === 'object' && Object.keys(format).some((k) => /revealjs/.test(k));
}

/** Which tool a deck was written for, or undefined for Lectern Markdown (and anything else). */
export function detectForeignDeck(text: string, fileName?: string): ForeignDeckKind | undefined {
  const kind = (tool: ForeignTool): ForeignDeckKind => ({ tool, name: NAMES[tool] });
  const { data } = splitFrontMatter(text);
  if (data) {
    if (data['marp'] === true) return kind('marp');
    if (isRevealFormat(data['format']) || data['slide-level'] !== undefined) return kind('quarto');
    if (SLIDEV_KEYS.some((key) => data[key] !== undefined)) return kind('slidev');
  }
  if (fileName && /\.qmd$/i.test(fileName)) return kind('quarto');
  if (RE_SLIDEV_BODY.test(text)) return kind('slidev');
  return undefined;
}

/** Converts a recognised deck; undefined when no tool claims the text (it is Lectern Markdown already). */
export function convertForeignDeck(text: string, fileName?: string): ForeignConversion | undefined {
  const kind = detectForeignDeck(text, fileName);
  if (!kind) return undefined;
  if (kind.tool === 'quarto') return convertQuarto(text);
  if (kind.tool === 'marp') return convertMarp(text);
  return convertSlidev(text);
}
