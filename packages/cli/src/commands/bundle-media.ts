// What a bundle's media files are, decided from their first bytes with the deck package's table
// (checkMediaBytes in @lectern/deck's media-types.ts), never from the manifest's declared type
// or the name alone. The app refuses a bundle holding a file that is not what its name says (an
// HTML page named `ảnh.png`); `lectern check` reports the same files and `lectern unpack`
// refuses the same bundles.
import type { BundleAsset } from '@lectern/bundle';
import { checkMediaBytes, describeMediaRefusal, SNIFF_BYTES } from '@lectern/deck';
import type { CliLang } from '../messages.ts';

/** The first bytes of an asset (inflated only as far as needed). */
async function assetHead(asset: BundleAsset): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of asset.chunks()) {
    parts.push(chunk.slice());
    size += chunk.length;
    if (size >= SNIFF_BYTES) break;
  }
  return Buffer.concat(parts).subarray(0, SNIFF_BYTES);
}

/** One line, in the run's language, for each media file whose bytes are not what its name says. */
export async function mediaRefusals(assets: readonly BundleAsset[], lang: CliLang): Promise<string[]> {
  const refused: string[] = [];
  for (const asset of assets) {
    const check = checkMediaBytes(asset.path, await assetHead(asset));
    if (!check.ok) refused.push(describeMediaRefusal(asset.path, check, lang));
  }
  return refused;
}
