// Fonts whose text is code: PowerPoint has no code style, so a run set in one of these (Lectern's
// own export writes Courier New) comes back as `code`, a paragraph wholly in them as a code block.
const MONOSPACE = new Set(
  ['Courier New', 'Courier', 'Consolas', 'Lucida Console', 'Lucida Sans Typewriter', 'Menlo', 'Monaco', 'Cascadia Code', 'Cascadia Mono', 'Source Code Pro', 'DejaVu Sans Mono', 'Liberation Mono', 'Andale Mono', 'Fira Code', 'Fira Mono', 'Roboto Mono', 'JetBrains Mono', 'Ubuntu Mono', 'Noto Sans Mono'].map((f) => f.toLowerCase()),
);

export const isMonospaceFont = (typeface: string | undefined): boolean => typeface !== undefined && MONOSPACE.has(typeface.trim().toLowerCase());
