// The bundle half of `lectern check FILE.lectern`: every reader check (as `bundle-<code>`
// diagnostics at line 1, column 1, since a zip has no lines), then, for a valid bundle, the
// deck's own diagnostics for its deck.md (lines of deck.md), with media checked against the
// bundle's assets instead of the disk.
import { BundleError, readBundle, type BundleAsset, type BundleErrorCode } from '@lectern/bundle';
import { parseDeck, renderDeck, type Diagnostic, type DiagnosticCode } from '@lectern/deck';
import { bundleErrorText, nodeCrc32, nodeHash, openFileSource } from './bundle-io.ts';
import { mediaRefusals } from './bundle-media.ts';
import type { CliLang } from '../messages.ts';

/** A deck Diagnostic, or a bundle-level one whose code is `bundle-` + a BundleErrorCode. */
export type BundleDiagnostic = Omit<Diagnostic, 'code' | 'params'> & { code: DiagnosticCode | `bundle-${BundleErrorCode}` | 'bundle-media-type'; params?: Diagnostic['params'] };

/** A media file whose bytes are not what its name says: the app refuses such a bundle. */
async function mediaTypeDiagnostics(assets: readonly BundleAsset[], lang: CliLang): Promise<BundleDiagnostic[]> {
  return (await mediaRefusals(assets, lang)).map((message) => ({ code: 'bundle-media-type', severity: 'error', line: 1, column: 1, message }));
}

/** @throws only for IO failures of the file itself (missing, unreadable): the caller reports those. */
export async function checkBundleFile(path: string, lang: CliLang = 'en'): Promise<BundleDiagnostic[]> {
  const { source, close } = await openFileSource(path);
  try {
    const bundle = await readBundle(source, { hash: nodeHash, crc32: nodeCrc32 });
    const deck = parseDeck(bundle.deck);
    const assets = new Set(bundle.assets.map((asset) => asset.path));
    const exists = (written: string) => {
      const bare = written.trim().replace(/[?#].*$/s, '').replace(/^\.\//, '');
      let decoded = bare;
      try {
        decoded = decodeURIComponent(bare);
      } catch {
        // A stray % is part of the name.
      }
      return assets.has(bare) || assets.has(decoded);
    };
    const rendered = renderDeck(deck, { mediaExists: exists });
    const seen = new Set<string>();
    const media = await mediaTypeDiagnostics(bundle.assets, lang);
    return [...media, ...deck.diagnostics, ...rendered.diagnostics]
      .filter((d) => {
        const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((d) => (d.code === 'bundle-media-type' ? d : { ...d, message: `deck.md: ${d.message}` }));
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    if (error.code === 'read-failed') throw error;
    // English keeps the reader's detailed message; Vietnamese gives the code's sentence.
    const message = lang === 'en' ? error.message : bundleErrorText(error.code, lang);
    return [{ code: `bundle-${error.code}`, severity: 'error', line: 1, column: 1, message }];
  } finally {
    await close();
  }
}
