// Which centre this browser is connected to, until the Settings group "Centre sync" owns it: the
// server address and user name are kept in localStorage (`lectern.centre`: `{server, user}`; never
// the password), the session itself is the server's cookie. `hasCentreSession()` is a synchronous
// localStorage read, so the library can decide without loading any centre code; the connection
// code loads with `currentCentreConnection()` only.
import type { CentreConnection } from './connection.ts';

export const CENTRE_SESSION_KEY = 'lectern.centre';

export interface CentreSessionInfo {
  server: string;
  user: string;
}

/** The kept `{server, user}`, or null (none, or not what this module wrote). */
export function centreSessionInfo(): CentreSessionInfo | null {
  let raw: string | null;
  try {
    raw = localStorage.getItem(CENTRE_SESSION_KEY);
  } catch {
    return null; // storage blocked
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { server, user } = value as Record<string, unknown>;
    if (typeof server !== 'string' || typeof user !== 'string' || !server || !user) return null;
    return { server, user };
  } catch {
    return null;
  }
}

export function hasCentreSession(): boolean {
  return centreSessionInfo() !== null;
}

export function rememberCentreSession(info: CentreSessionInfo): void {
  localStorage.setItem(CENTRE_SESSION_KEY, JSON.stringify({ server: info.server, user: info.user }));
}

export function forgetCentreSession(): void {
  localStorage.removeItem(CENTRE_SESSION_KEY);
}

/** The connection resumed from the browser's session cookie; null when nothing is kept or the
 *  server no longer knows this browser. Throws CentreError('unreachable') when offline: callers
 *  then work from their local copy. */
export async function currentCentreConnection(): Promise<CentreConnection | null> {
  const info = centreSessionInfo();
  if (!info) return null;
  const { CentreConnection } = await import('./connection.ts');
  return CentreConnection.resume(info.server, info.user);
}

/** A centre view's code and model, once loaded for a screen. */
export interface CentreView<Module, Model> {
  module: Module;
  model: Model;
  /** Stops the screen's updates from the model. */
  stop(): void;
}

/** Loads a centre view for a screen when a centre session is kept (else undefined): its code with
 *  `importer` (lazy), its model with `create`; `onChange` runs on every change of the model, which
 *  starts loading at once. Failures to load the code are logged, the screen goes on without it. */
export async function startCentreView<Module, Model extends { subscribe(listener: () => void): () => void; load(): Promise<void> }>(
  importer: () => Promise<Module>,
  create: (module: Module) => Model,
  onChange: () => void,
): Promise<CentreView<Module, Model> | undefined> {
  if (!hasCentreSession()) return undefined;
  try {
    const module = await importer();
    const model = create(module);
    const stop = model.subscribe(onChange);
    void model.load();
    return { module, model, stop };
  } catch (error) {
    console.error(error);
    return undefined;
  }
}
