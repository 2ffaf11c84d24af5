// Node-side commands for browser tests of the centre sync (vitest browser `commands`): a browser
// test cannot start processes, so it asks Node to run a real pouchdb-server, put a fault-injecting
// proxy in front of it, stop and restart it, and read what the server holds as its administrator.
import type { BrowserCommand } from 'vitest/node';
import { startCentreServer, type CentreServer } from './centre-server.ts';
import { tsImport } from 'tsx/esm/api';
import type { Lecturer } from './centre-fixture.ts';
import { startCentreProxy, type CentreFault, type CentreProxy } from './centre-proxy.ts';

type Fixture = typeof import('./centre-fixture.ts');
/** The fixture reaches @lectern/centre, whose TypeScript Node cannot load while Vitest reads its
 *  config (workspace packages are external there): load it through tsx when a command runs. */
const fixture = (): Promise<Fixture> => tsImport('./centre-fixture.ts', import.meta.url) as Promise<Fixture>;

interface Running {
  server: CentreServer;
  proxy: CentreProxy;
}
const running = new Map<string, Running>();

function get(id: string): Running {
  const entry = running.get(id);
  if (!entry) throw new Error(`no centre server ${id}`);
  return entry;
}

/** Starts a server and its proxy; the app talks to `url` (the proxy). */
const centreStart: BrowserCommand<[]> = async () => {
  const server = await startCentreServer({ lifetimeSeconds: 900 });
  const proxy = await startCentreProxy(server.url);
  const id = String(server.port);
  running.set(id, { server, proxy });
  return { id, url: proxy.url };
};

const centreAddLecturer: BrowserCommand<[id: string, lecturer: Lecturer]> = async (_ctx, id, lecturer) => {
  await (await fixture()).addLecturer(get(id).server, lecturer);
};

const centreStop: BrowserCommand<[id: string]> = async (_ctx, id) => {
  await get(id).server.stop();
};

/** Starts the server again on the same port (in memory: it comes back empty). */
const centreRestart: BrowserCommand<[id: string]> = async (_ctx, id) => {
  const entry = get(id);
  entry.server = await startCentreServer({ port: entry.server.port, admin: entry.server.admin, lifetimeSeconds: 900 });
};

const centreFault: BrowserCommand<[id: string, fault: CentreFault]> = async (_ctx, id, fault) => {
  get(id).proxy.setFault(fault);
};

/** `GET`/`PUT`/`DELETE` on the server as its administrator; returns status and JSON body. */
const centreAdmin: BrowserCommand<[id: string, method: string, path: string, body?: unknown]> = async (_ctx, id, method, path, body) => {
  const { server } = get(id);
  const reply = await fetch(server.url + path, {
    method,
    headers: { Authorization: (await fixture()).adminAuth(server), 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await reply.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: reply.status, body: json };
};

/** Requests the proxy passed since the last call (then forgotten). */
const centreRequests: BrowserCommand<[id: string]> = async (_ctx, id) => {
  const { proxy } = get(id);
  return proxy.requests.splice(0);
};

/** Bytes the proxy has received from the app since it started. */
const centreBytesIn: BrowserCommand<[id: string]> = async (_ctx, id) => get(id).proxy.bytesIn();

const centreShutdown: BrowserCommand<[id: string]> = async (_ctx, id) => {
  const entry = running.get(id);
  if (!entry) return;
  running.delete(id);
  await entry.proxy.stop();
  await entry.server.stop();
};

export const centreCommands = { centreStart, centreAddLecturer, centreStop, centreRestart, centreFault, centreAdmin, centreRequests, centreBytesIn, centreShutdown };

declare module 'vitest/browser' {
  interface BrowserCommands {
    centreStart(): Promise<{ id: string; url: string }>;
    centreAddLecturer(id: string, lecturer: Lecturer): Promise<void>;
    centreStop(id: string): Promise<void>;
    centreRestart(id: string): Promise<void>;
    centreFault(id: string, fault: CentreFault): Promise<void>;
    centreAdmin(id: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
    centreRequests(id: string): Promise<{ method: string; path: string; bytesIn: number }[]>;
    centreBytesIn(id: string): Promise<number>;
    centreShutdown(id: string): Promise<void>;
  }
}
