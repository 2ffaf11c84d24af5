// Node-side commands for browser tests of the centre sync (vitest browser `commands`): a browser
// test cannot start processes, so it asks Node to run a real pouchdb-server, put a fault-injecting
// proxy in front of it, stop and restart it, and read what the server holds as its administrator.
// The centre is prepared by centre-ui-fixture.ts (@lectern/centre's setupCentre/addUser, the real
// rules). That module is loaded when a command runs, through tsx: this file is loaded by
// vitest.config.ts, whose loader leaves workspace packages to Node, which cannot run their
// TypeScript (@lectern/centre imports @lectern/teaching).
import { tsImport } from 'tsx/esm/api';
import type { BrowserCommand } from 'vitest/node';
import { startCentreServer, type CentreServer } from './centre-server.ts';
import { startCentreProxy, type CentreFault, type CentreProxy } from './centre-proxy.ts';
import type { Account } from './centre-ui-fixture.ts';

type Fixture = typeof import('./centre-ui-fixture.ts');
let fixture: Promise<Fixture> | undefined;
function loadFixture(): Promise<Fixture> {
  fixture ??= tsImport('./centre-ui-fixture.ts', import.meta.url) as Promise<Fixture>;
  return fixture;
}

/** A new server on `port` (any when absent) with `lectern centre setup` done. */
async function startCentre(options: { port?: number; admin?: Account } = {}): Promise<CentreServer> {
  const server = await startCentreServer({ ...options, lifetimeSeconds: 900 });
  await (await loadFixture()).CentreFixture.setup(server);
  return server;
}

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
  const server = await startCentre();
  const proxy = await startCentreProxy(server.url);
  const id = String(server.port);
  running.set(id, { server, proxy });
  return { id, url: proxy.url };
};

/** `lectern centre add-user` for a lecturer, as it runs on pouchdb-server: their database is
 *  guarded by its member list only (pouchdb-server loses replicated updates under any rule). */
const centreAddLecturer: BrowserCommand<[id: string, lecturer: Account]> = async (_ctx, id, lecturer) => {
  const centre = (await loadFixture()).CentreFixture.attach(get(id).server);
  await centre.addUser(lecturer);
};

const centreStop: BrowserCommand<[id: string]> = async (_ctx, id) => {
  await get(id).server.stop();
};

/** Starts the server again on the same port (in memory: it comes back empty, set up again). */
const centreRestart: BrowserCommand<[id: string]> = async (_ctx, id) => {
  const entry = get(id);
  entry.server = await startCentre({ port: entry.server.port, admin: entry.server.admin });
};

const centreFault: BrowserCommand<[id: string, fault: CentreFault]> = async (_ctx, id, fault) => {
  get(id).proxy.setFault(fault);
};

async function request(server: CentreServer, as: Account, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const reply = await fetch(server.url + path, {
    method,
    headers: { Authorization: (await loadFixture()).basicAuth(as), 'Content-Type': 'application/json' },
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
}

/** `GET`/`PUT`/`DELETE` on the server as its administrator; returns status and JSON body. */
const centreAdmin: BrowserCommand<[id: string, method: string, path: string, body?: unknown]> = async (_ctx, id, method, path, body) => {
  const { server } = get(id);
  return request(server, server.admin, method, path, body);
};

/** The same as `account` (a lecturer writing to their own database passes its rules). */
const centreAs: BrowserCommand<[id: string, account: Account, method: string, path: string, body?: unknown]> = async (_ctx, id, account, method, path, body) =>
  request(get(id).server, account, method, path, body);

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

export const centreCommands = { centreStart, centreAddLecturer, centreStop, centreRestart, centreFault, centreAdmin, centreAs, centreRequests, centreBytesIn, centreShutdown };

declare module 'vitest/browser' {
  interface BrowserCommands {
    centreStart(): Promise<{ id: string; url: string }>;
    centreAddLecturer(id: string, lecturer: Account): Promise<void>;
    centreStop(id: string): Promise<void>;
    centreRestart(id: string): Promise<void>;
    centreFault(id: string, fault: CentreFault): Promise<void>;
    centreAdmin(id: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
    centreAs(id: string, account: Account, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
    centreRequests(id: string): Promise<{ method: string; path: string; bytesIn: number }[]>;
    centreBytesIn(id: string): Promise<number>;
    centreShutdown(id: string): Promise<void>;
  }
}
