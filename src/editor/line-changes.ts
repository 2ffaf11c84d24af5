// The line comparison of two texts shown by the revision history (history-panel.ts) and by the
// centre sync's conflict view: which lines one version has that the other lacks.

/** Lines that differ between two texts, counted as multisets (order ignored, blank lines skipped). */
export interface LineChanges {
  /** Lines of the old version that the current text does not have (they come back on restore). */
  back: string[];
  /** Lines of the current text that the old version does not have (they go on restore). */
  gone: string[];
}

export function lineChanges(version: string, current: string): LineChanges {
  const count = new Map<string, number>();
  for (const line of current.split(/\r?\n/)) if (line.trim()) count.set(line, (count.get(line) ?? 0) + 1);
  const back: string[] = [];
  for (const line of version.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const n = count.get(line) ?? 0;
    if (n > 0) count.set(line, n - 1);
    else back.push(line);
  }
  const gone: string[] = [];
  for (const line of current.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const n = count.get(line) ?? 0;
    if (n > 0) {
      gone.push(line);
      count.set(line, n - 1);
    }
  }
  return { back, gone };
}
