// A loopback proxy in front of a centre server that can be told to misbehave (fault tests): answer
// 500, or answer 200 with a body that is not JSON. Otherwise it passes every request through,
// streaming both ways.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type CentreFault = 'none' | 'server-error' | 'malformed-json';

export interface CentreProxy {
  url: string;
  setFault(fault: CentreFault): void;
  /** Requests seen since the last reset: method and path. */
  requests: { method: string; path: string; bytesIn: number }[];
  /** Every byte of request bodies received since the start. */
  bytesIn(): number;
  stop(): Promise<void>;
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' } : {};
}

export async function startCentreProxy(targetUrl: string): Promise<CentreProxy> {
  const target = new URL(targetUrl);
  let fault: CentreFault = 'none';
  const requests: CentreProxy['requests'] = [];
  let total = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const entry = { method: req.method ?? 'GET', path: req.url ?? '/', bytesIn: 0 };
    requests.push(entry);
    req.on('data', (chunk: Buffer) => {
      entry.bytesIn += chunk.length;
      total += chunk.length;
    });
    if (fault !== 'none' && req.method !== 'OPTIONS') {
      req.resume();
      const status = fault === 'server-error' ? 500 : 200;
      const body = fault === 'server-error' ? '{"error":"internal_server_error"}' : '{"ok": tru<html>';
      res.writeHead(status, { 'Content-Type': 'application/json', ...corsHeaders(req) });
      res.end(body);
      return;
    }
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => {
      // The server went away: so does this connection, as if the app talked to it directly.
      res.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setFault(next) {
      fault = next;
    },
    requests,
    bytesIn: () => total,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
