// The Whole-centre report's state for the report screen: connect (Settings' live connection, or
// the session cookie), find out
// whether this user is a centre administrator, read every lecturer's sessions (or the copy kept
// from the last fetch when offline). A plain subscribable object; ReportView renders it. Loaded
// with import() only while connected to a centre.
import { CentreViewState } from '../sync/centre-view-state.ts';
import { hasKeptCentreReport, loadCentreSessions, type CentreSessions } from '../sync/centre-report.ts';

export { aggregateCentre, type CentreReport } from '@lectern/centre';
export { centreReportMsg } from './centre-messages.ts';
export { centreProblemText } from '../sync/centre-text.ts';

export class CentreReportModel extends CentreViewState {
  /** 'not-admin': the report is not offered (a lecturer, or no centre reachable and none kept). */
  status: 'loading' | 'ready' | 'failed' | 'not-admin' = 'loading';
  data: CentreSessions | undefined;
  error: unknown;

  async load(): Promise<void> {
    const who = this.who;
    this.status = this.data ? 'ready' : 'loading';
    this.emit();
    try {
      // Unreachable (null): the kept copy, if this administrator fetched one before.
      const connection = await this.connect();
      const admin = connection ? await connection.isCentreAdmin() : await hasKeptCentreReport(who);
      if (!admin) {
        this.status = 'not-admin';
      } else if (this.sessionEnded) {
        // An administrator whose session ended: asked to connect again, not told the server is down.
        throw this.noConnection();
      } else {
        this.data = await loadCentreSessions(connection, who);
        this.error = undefined;
        this.status = 'ready';
      }
    } catch (error) {
      this.error = error;
      this.status = this.data ? 'ready' : 'failed';
    }
    this.emit();
  }
}
