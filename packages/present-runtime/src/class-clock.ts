// The class timer: when this lesson started, kept in sessionStorage per deck so a reload or a
// stray click never resets it; only an explicit, confirmed reset does.
const KEY = (deckId: string) => `lectern.classStart.${deckId}`;

export class ClassClock {
  startedAt: number;

  constructor(
    private readonly deckId: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    const saved = Number(safeGet(KEY(deckId)));
    this.startedAt = Number.isFinite(saved) && saved > 0 && saved <= this.now() ? saved : this.now();
    safeSet(KEY(deckId), String(this.startedAt));
  }

  elapsedSec(): number {
    return Math.max(0, (this.now() - this.startedAt) / 1000);
  }

  /** Starts counting again from now (after a confirmation in the UI). */
  reset(): void {
    this.startedAt = this.now();
    safeSet(KEY(this.deckId), String(this.startedAt));
  }

  /** Forget the start (the class ended). */
  clear(): void {
    try {
      sessionStorage.removeItem(KEY(this.deckId));
    } catch {
      // storage disabled: nothing was kept
    }
  }
}

function safeGet(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function safeSet(key: string, value: string): void {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // storage disabled: the clock still runs for this page
  }
}
