// Progress of a long write (a zip with a big video): callers show a bar and a live region, so it
// is reported often enough to move (every `step` bytes) but not on every chunk, and always at the
// start and at the end. Used by the .pptx export and the Offline HTML export.

export interface ByteProgress {
  done: number;
  total: number;
}

/**
 * Returns `advance(n, force?)`: adds `n` bytes and reports when `step` more bytes are done since
 * the last report, or when `force` is set (never the same figure twice; `done` never above `total`).
 */
export function byteProgress(total: number, step: number, report?: (progress: ByteProgress) => void): (n: number, force?: boolean) => void {
  let done = 0;
  let reported = -1;
  return (n, force = false) => {
    done = Math.min(total, done + n);
    if (report && (force || done - reported >= step) && done !== reported) {
      reported = done;
      report({ done, total });
    }
  };
}
