// @lectern/bundle: the `.lectern` file (docs/bundle-format.md). Pure: bytes in, bytes out; IO
// arrives as ByteSource / BundleSink / HashFactory adapters (Blob helpers here, Node files in
// the CLI). Does not import @lectern/deck: a bundle carries a deck's text without parsing it.

export { BundleError, isBundleError, type BundleErrorCode } from './errors.ts';
export { BUNDLE_ERROR_TEXT } from './error-text.ts';
export { DEFAULT_READ_LIMITS, resolveLimits, type ReadLimits } from './limits.ts';
export {
  BUNDLE_FORMAT, BUNDLE_VERSION, parseManifest,
  type ImportedManifest, type Manifest, type ManifestAsset, type ManifestExcerpt,
} from './manifest.ts';
export { MAX_INK_STROKES, type InkSlide, type InkStroke } from './ink.ts';
export { assertAssetPath, assertSafePath, foldPath, DECK_NAME, MANIFEST_NAME, MEDIA_DIR } from './paths.ts';
export { bytesSource, blobSource, type ByteSource } from './byte-source.ts';
export { defaultHashFactory, noHash, toHex, type HashFactory, type IncrementalHash } from './hash.ts';
export { crc32 } from './crc32.ts';
export { dosDateTime } from './zip-format.ts';
export { byteProgress, type ByteProgress } from './progress.ts';
export { BUNDLE_EXTENSION, bundleNameForDeckFile, deckFileName, isBundleFileName } from './file-name.ts';
export type { Crc32 } from './entry-data.ts';
export { readZipDirectory, type ZipEntry } from './zip-directory.ts';
export { readEntryBytes } from './entry-data.ts';
export { openZip, type OpenZipOptions, type ZipArchive, type ZipArchiveEntry } from './zip-archive.ts';
export { readBundle, type Bundle, type BundleAsset, type ReadOptions, type ReadProgress } from './read-bundle.ts';
export {
  writeBundle, writeBundleToBlob, blobChunks, ZipWriter,
  type BundleAssetInput, type BundleSink, type WriteBundleInput, type WriteOptions, type WriteProgress,
} from './write-bundle.ts';
export {
  BACKUP_FORMAT, BACKUP_MANIFEST, BACKUP_VERSION, readBackup, writeBackup,
  type Backup, type BackupDeckEntry, type BackupManifest, type WriteBackupInput,
} from './backup.ts';
