// Runs pouchdb-server for a test and makes sure it stops by itself: when the test process that
// started it goes away (even killed), or after its lifetime, whichever comes first.
// argv: <port> <config.json> <lifetime seconds>
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const [port, config, lifetime] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const bin = require.resolve('pouchdb-server/bin/pouchdb-server');
const parent = process.ppid;
const server = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', port, '--config', config], {
  cwd: process.cwd(),
  stdio: ['ignore', 'inherit', 'inherit'],
});
const stop = () => {
  server.kill('SIGKILL');
  process.exit(0);
};
server.on('exit', (code) => process.exit(code ?? 1));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    stop();
  }
}, 1000).unref();
setTimeout(stop, Number(lifetime) * 1000).unref();
