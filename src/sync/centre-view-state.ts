// What the Centre library's and the Whole-centre report's models share: listeners, who is
// connected (the store setting, read by centre-session.ts), and the connection: the live one of
// Settings, or resumed from the session cookie (null when the server no longer knows this browser
// or cannot be reached: the models then work from their local copy).
import { CentreServerError } from '@lectern/centre';
import type { CentreConnection } from './connection.ts';
import { currentCentreConnection, type CentreSessionInfo } from './centre-session.ts';

export abstract class CentreViewState {
  private readonly listeners = new Set<() => void>();

  constructor(protected readonly who: CentreSessionInfo) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** The server answered but no longer knows this browser's session (it expired, the password
   *  was changed, or the tab that held the password was closed): the user must connect again.
   *  Not the same as the server being unreachable, and not to be shown as such. */
  protected sessionEnded = false;

  protected async connect(): Promise<CentreConnection | null> {
    try {
      const connection = await currentCentreConnection(this.who);
      this.sessionEnded = connection === null;
      return connection;
    } catch {
      this.sessionEnded = false;
      return null; // unreachable
    }
  }

  /** Why there is no connection, as the error the screens word (centre-text.ts). */
  protected noConnection(): CentreServerError {
    return new CentreServerError(this.sessionEnded ? 'refused' : 'unreachable');
  }
}
