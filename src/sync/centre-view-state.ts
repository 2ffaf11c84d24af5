// What the Centre library's and the Whole-centre report's models share: listeners, and the
// connection resumed from the kept session (null when there is none or the server cannot be
// reached: the models then work from their local copy).
import type { CentreConnection } from './connection.ts';
import { currentCentreConnection } from './centre-session.ts';

export abstract class CentreViewState {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  protected async connect(): Promise<CentreConnection | null> {
    try {
      return await currentCentreConnection();
    } catch {
      return null; // unreachable
    }
  }
}
