// Content-Security-Policies of present.html and handout.html. vite.config.ts puts them in a
// <meta http-equiv> of the built pages (build only: the dev server injects its own client
// script). No Node imports: this file is read by the Vite config, never by the pages.
//
// Both pages load scripts, styles and fonts only from the app itself; decks' media come from
// IndexedDB as Blob URLs (and data: stills); no network origin other than 'self' appears.
//
// style-src 'unsafe-inline' (both): decks keep `style` attributes for layout (sanitized: no
// script URLs, docs/security.md), the slide theme is put in a <style> element at run time
// (src/themes), and reveal.js, lit and the speaker view set inline styles. Styles cannot run
// script.
//
// Frames: 'self' only on present.html (reveal.js's speaker view loads present.html?receiver in
// two iframes; the presenter console one). A deck may hold a sandboxed <iframe> of a remote page
// (packages/deck sanitize) or a reveal.js data-background-iframe / data-preview-link: those are
// refused here on purpose, as the app's own CSP already refuses them in the editor preview and
// remote images everywhere: a deck opened from a colleague's bundle then makes no request to
// anyone, and what the instructor sees while editing is what the class sees, online or not.
// The static site of `lectern build` has no such policy and shows them.

/** Directives both pages share. */
const COMMON = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/**
 * present.html. `scriptHashes` are those of the inline script reveal.js's notes plugin writes
 * into the speaker-view popup (speakerViewScriptHashes): that popup is an about:blank window, so
 * it inherits this page's policy, and without the hash its script would be refused and the
 * speaker view would stay on "Loading". A hash allows that one script text only, where
 * 'unsafe-inline' would allow any.
 */
export function presentPolicy(scriptHashes: readonly string[]): string {
  return [
    ...COMMON,
    ["script-src 'self'", ...scriptHashes.map((hash) => `'${hash}'`)].join(' '),
    "worker-src 'self'", // the service worker (offline presenting)
    "frame-src 'self'",
  ].join('; ');
}

/** handout.html: no frames, no workers of its own (the app's service worker is not its). */
export const HANDOUT_POLICY = [...COMMON, "script-src 'self'", "worker-src 'none'", "frame-src 'none'"].join('; ');

/** `sha256-<base64>` of a script's text (UTF-8), as CSP hash sources are written. */
export async function scriptHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}

/**
 * The hashes of the inline scripts in the page reveal.js's notes plugin writes into its popup,
 * taken from the installed plugin itself (so they follow a reveal.js update): the plugin's
 * `open()` runs against a stand-in window that records what is written. Throws when nothing is
 * recorded, so a reveal.js that changes how it opens the speaker view fails the build instead
 * of shipping a speaker view that never connects.
 */
export async function speakerViewScriptHashes(): Promise<string[]> {
  const { default: RevealNotes } = await import('reveal.js/plugin/notes');
  let written = '';
  const popup = {
    closed: false,
    focus: () => undefined,
    document: { write: (html: string) => void (written += html) },
  };
  const scope = globalThis as { window?: unknown };
  const hadWindow = 'window' in scope;
  const previous = scope.window;
  scope.window = { open: () => popup, addEventListener: () => undefined, location: globalThis.location };
  try {
    RevealNotes().open();
  } catch {
    // After writing, open() starts talking to the deck (not initialized here): expected to throw.
  } finally {
    if (hadWindow) scope.window = previous;
    else delete scope.window;
  }
  const scripts = [...written.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1] ?? '');
  if (scripts.length === 0) throw new Error('reveal.js notes plugin: no speaker-view script captured; the present.html CSP cannot allow it');
  return Promise.all(scripts.map(scriptHash));
}
