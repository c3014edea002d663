/**
 * The editor's server (scripts/editor/server.ts) as its tests reach it: listening on 127.0.0.1
 * for the whole test file, and raw HTTP requests sent unchanged on a socket (so that a client
 * normalises no path).
 */
import { after, before } from 'node:test';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { createEditorServer } from '../scripts/editor/server.ts';

export interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Sends `request` as is on a new connection and reads the whole answer (the server closes it). */
export function rawRequest(port: number, request: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: text.slice(end + 4) });
    });
    socket.end(request);
  });
}

/** A GET of `target` (sent unchanged), with `host` as Host header (none if null). */
export const get = (port: number, target: string, host: string | null = `127.0.0.1:${port}`, method = 'GET') =>
  rawRequest(port, `${method} ${target} HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}Connection: close\r\n\r\n`);

/** Starts the editor's server before the file's tests and stops it after; `port` is where it listens. */
export function listeningEditor(): { readonly port: number } {
  let server: Server;
  let port = 0;
  before(async () => {
    ({ server } = createEditorServer());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    ({ port } = server.address() as { port: number });
  });
  after(() => server.close());
  return {
    get port() {
      return port;
    },
  };
}
