// A real CouchDB-protocol server for the centre-sync tests: pouchdb-server, in memory, on a free
// loopback port, with server administrators from a config file. It stops when `stop()` is called,
// when the test process ends, or after `lifetimeSeconds`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CentreServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  port: number;
  /** The server administrator: `{ name, password }`. */
  admin: { name: string; password: string };
  stop(): Promise<void>;
}

export interface CentreServerOptions {
  admin?: { name: string; password: string };
  lifetimeSeconds?: number;
  /** Fixed port (a restart on the same address); default a free one. */
  port?: number;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      const reply = await fetch(url + '/');
      if (reply.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not answer on ${url}`);
}

export async function startCentreServer(options: CentreServerOptions = {}): Promise<CentreServer> {
  const admin = options.admin ?? { name: 'quantri', password: 'mật-khẩu-máy-chủ' };
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'lectern-centre-'));
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ admins: { [admin.name]: admin.password }, log: { file: join(dir, 'log.txt'), level: 'error' } }));
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL('./centre-server-child.mjs', import.meta.url)), String(port), config, String(options.lifetimeSeconds ?? 3600)],
    { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child);
  return {
    url,
    port,
    admin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
