// manifest.json: the bundle's self-description (docs/bundle-format.md). Reading goes
//   unknown JSON -> envelope (format, version) -> ImportedManifest (schema for that version)
//   -> Manifest (normalised: defaults filled, hashes lower-case)
// so a file from a newer Lectern is refused as "newer" rather than as "invalid".
//
// Versions: 1 the deck, its media and excerpts; 2 adds `ink`, the ink kept on the deck (ink.ts).
// A version 1 file is still read: it migrates to a manifest with no ink.

import * as v from 'valibot';
import { BundleError } from './errors.ts';
import { InkSchema, type InkSlide } from './ink.ts';
import { assertAssetPath, DECK_NAME, foldPath } from './paths.ts';

export const BUNDLE_FORMAT = 'lectern-bundle';
export const BUNDLE_VERSION = 2;

const RE_SHA256 = /^[0-9a-fA-F]{64}$/;
// type/subtype, as in RFC 6838 (parameters not allowed: the app only needs the type).
const RE_MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const EnvelopeSchema = v.object({
  format: v.string(),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

const AssetSchemaV1 = v.object({
  path: text(512),
  type: v.pipe(v.string(), v.regex(RE_MIME, 'not a media type like image/png')),
  size: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
  sha256: v.pipe(v.string(), v.regex(RE_SHA256, 'not a SHA-256 hex digest')),
});

const ExcerptSchemaV1 = v.object({
  id: v.optional(text(200)),
  text: text(100_000),
  source: v.optional(text(2_000)),
  number: v.optional(text(200)),
  issuer: v.optional(text(2_000)),
  ref: v.optional(text(2_000)),
  date: v.optional(text(100)),
  tags: v.optional(v.pipe(v.array(text(200)), v.maxLength(100))),
});

/** Version 1 as found in a file, before normalisation. */
export const ImportedManifestSchemaV1 = v.object({
  format: v.literal(BUNDLE_FORMAT),
  version: v.literal(1),
  id: v.pipe(v.string(), v.uuid()),
  title: text(1_000),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  generator: v.optional(text(200)),
  deck: v.literal(DECK_NAME),
  assets: v.pipe(v.array(AssetSchemaV1), v.maxLength(100_000)),
  excerpts: v.optional(v.pipe(v.array(ExcerptSchemaV1), v.maxLength(100_000))),
});

/** Version 2: version 1 and the deck's kept ink. */
export const ImportedManifestSchemaV2 = v.object({
  ...ImportedManifestSchemaV1.entries,
  version: v.literal(2),
  ink: v.optional(InkSchema),
});

export type ImportedManifest = v.InferOutput<typeof ImportedManifestSchemaV1> | v.InferOutput<typeof ImportedManifestSchemaV2>;
export type ManifestExcerpt = v.InferOutput<typeof ExcerptSchemaV1>;

export interface ManifestAsset {
  /** `media/…`, exactly as the zip entry is named. */
  path: string;
  type: string;
  size: number;
  /** Lower-case hex. */
  sha256: string;
}

/** The normalised manifest every caller works with. */
export interface Manifest {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  generator: string;
  deck: typeof DECK_NAME;
  assets: ManifestAsset[];
  excerpts: ManifestExcerpt[];
  /** Ink kept on the deck, per slide (none in a version 1 file). */
  ink: InkSlide[];
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const where = issue.path?.map((item) => String(item.key)).join('.') ?? '';
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/**
 * Validates parsed manifest JSON and normalises it.
 * @throws BundleError unsupported-format | unsupported-version | manifest-schema | path-* | path-duplicate
 */
export function parseManifest(json: unknown, entry = 'manifest.json'): Manifest {
  const envelope = v.safeParse(EnvelopeSchema, json);
  if (!envelope.success) {
    throw new BundleError('manifest-schema', `not a Lectern manifest (${describeIssues(envelope.issues)})`, { entry });
  }
  if (envelope.output.format !== BUNDLE_FORMAT) {
    throw new BundleError('unsupported-format', `format "${envelope.output.format.slice(0, 100)}" is not "${BUNDLE_FORMAT}"`, { entry });
  }
  if (envelope.output.version > BUNDLE_VERSION) {
    throw new BundleError(
      'unsupported-version',
      `bundle version ${envelope.output.version} was made by a newer Lectern (this one reads version ${BUNDLE_VERSION}); update Lectern to open it`,
      { entry },
    );
  }
  const parsed = envelope.output.version === 1 ? v.safeParse(ImportedManifestSchemaV1, json) : v.safeParse(ImportedManifestSchemaV2, json);
  if (!parsed.success) {
    throw new BundleError('manifest-schema', describeIssues(parsed.issues), { entry });
  }
  return normaliseManifest(parsed.output);
}

function normaliseManifest(imported: ImportedManifest): Manifest {
  const seen = new Map<string, string>();
  const assets = imported.assets.map((asset) => {
    assertAssetPath(asset.path);
    const key = foldPath(asset.path);
    const other = seen.get(key);
    if (other !== undefined) {
      throw new BundleError('path-duplicate', `the manifest lists this asset twice (also as "${other}")`, { entry: asset.path });
    }
    seen.set(key, asset.path);
    return { path: asset.path, type: asset.type.toLowerCase(), size: asset.size, sha256: asset.sha256.toLowerCase() };
  });
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: imported.id.toLowerCase(),
    title: imported.title,
    createdAt: imported.createdAt,
    updatedAt: imported.updatedAt,
    generator: imported.generator ?? 'unknown',
    deck: DECK_NAME,
    assets,
    excerpts: imported.excerpts ?? [],
    ink: 'ink' in imported ? (imported.ink ?? []) : [], // version 1: no ink
  };
}
