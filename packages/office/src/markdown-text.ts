// Text from Office runs, written as Lectern Markdown that renders as the same words: Markdown's
// punctuation is escaped, line starts that Markdown or Lectern would read as structure (`---`,
// `1.`, `#`, `Note:`, `:::`) are defused, and formatting marks go outside surrounding spaces
// (`** x **` is not bold in CommonMark).

/** ASCII punctuation CommonMark lets us backslash-escape, minus the harmless `:` `.` `,` etc. */
const RE_INLINE_SPECIAL = /[\\`*_[\]<>|~!#{}&$]/g;

export function escapeInline(text: string): string {
  return text.normalize('NFC').replace(RE_INLINE_SPECIAL, (c) => `\\${c}`);
}

/** Defuses what would be structure at the start of a line (after inline escaping). */
export function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  return trimmed
    .replace(/^([-+=:])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2')
    .replace(/^(notes?)(\s*:)/i, '$1\\$2');
}

export interface RunStyle {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  href: string | undefined;
}

export interface StyledText extends RunStyle {
  text: string;
  /** A line break (a:br / vertical tab) instead of text. */
  br?: boolean;
}

const sameStyle = (a: RunStyle, b: RunStyle) =>
  a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike && a.href === b.href;

/** Only links a reader can follow from a slide; anything else (slide jumps, file:, javascript:) stays text. */
export function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  return /^(https?:|mailto:)/i.test(href.trim()) ? href.trim() : undefined;
}

const linkTarget = (href: string) => `<${href.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;

/** Runs -> one Markdown line (line breaks as `<br>`). Runs with the same style are joined first,
 *  so a word PowerPoint split into two runs stays one word inside one pair of marks. */
export function runsToMarkdown(runs: readonly StyledText[]): string {
  const merged: StyledText[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && !last.br && !run.br && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  let out = '';
  for (const run of merged) {
    if (run.br) {
      out += '<br>';
      continue;
    }
    const text = run.text.normalize('NFC');
    const lead = /^\s*/.exec(text)![0];
    const trail = /\s*$/.exec(text.slice(lead.length))![0];
    const core = text.slice(lead.length, text.length - trail.length);
    if (core === '') {
      out += text;
      continue;
    }
    let md = escapeInline(core);
    if (run.strike) md = `~~${md}~~`;
    if (run.underline) md = `<u>${md}</u>`;
    if (run.italic) md = `*${md}*`;
    if (run.bold) md = `**${md}**`;
    if (run.href) md = `[${md}](${linkTarget(run.href)})`;
    out += lead + md + trail;
  }
  return out.replace(/\s+$/, '');
}

/** Plain text of runs (for titles in the report, alt text, table cells in HTML). */
export const runsToPlain = (runs: readonly StyledText[]): string =>
  runs.map((run) => (run.br ? '\n' : run.text)).join('').normalize('NFC');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
