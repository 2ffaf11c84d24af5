// What a reader accepts before it refuses a bundle as too big. Every check against these runs on
// the sizes the zip's central directory *declares*, before any byte is inflated, and again on the
// bytes actually produced while inflating (a crafted zip can declare small sizes and lie).
// The zip container is classic (no ZIP64), so nothing can exceed 4 GiB anyway.

export interface ReadLimits {
  /** Most entries (files and folders) in the zip. Default 10,000. */
  maxEntries: number;
  /** Largest single entry, uncompressed, in bytes. Default 1 GiB. */
  maxEntrySize: number;
  /** Largest sum of all entries, uncompressed, in bytes. Default 2 GiB. */
  maxTotalSize: number;
  /** Largest `manifest.json`, uncompressed, in bytes. Default 1 MiB. */
  maxManifestSize: number;
  /** Largest `deck.md`, uncompressed, in bytes. Default 16 MiB. */
  maxDeckSize: number;
  /** Highest uncompressed/compressed ratio of a deflated entry that inflates to more than
   *  `ratioFloor`. Default 200 (deflate cannot exceed ~1032; real text lands at 3-10). */
  maxCompressionRatio: number;
  /** What tells a zip bomb from a repetitive deck: the size of the output, not the ratio alone.
   *  An entry that inflates to at most this many bytes is bounded output and never a bomb, however
   *  well it compresses (a 2.4 MB deck of repeated slides deflates 1000:1). Default 16 MiB, the
   *  deck's own limit, so no deck a writer may write is ever refused for its ratio. */
  ratioFloor: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxEntries: 10_000,
  maxEntrySize: 1024 * MiB,
  maxTotalSize: 2048 * MiB,
  maxManifestSize: 1 * MiB,
  maxDeckSize: 16 * MiB,
  maxCompressionRatio: 200,
  ratioFloor: 16 * MiB,
});

/** Defaults overridden by the given keys. */
export function resolveLimits(limits: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...limits };
}
