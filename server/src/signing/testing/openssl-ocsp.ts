/**
 * Real revocation services for the tests: openssl's own OCSP responder (`openssl ocsp -index`)
 * and a tiny node:http server for CRL files. The address must be written into certificates
 * before the responder exists, so the OS is asked for a free port first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface OcspResponderOptions {
  port: number;
  indexFile: string;
  /** The CA whose certificates the index lists. */
  caFile: string;
  /** Who signs the answers: the CA itself, a delegated responder, or (to forge) anyone. */
  signerCertFile: string;
  signerKeyFile: string;
  /** nextUpdate = thisUpdate + this many minutes; without it (or 0) openssl sets no nextUpdate. */
  nextUpdateMinutes?: number;
}

export interface Running {
  stop(): Promise<void>;
}

export async function startOcspResponder(options: OcspResponderOptions): Promise<Running> {
  const args = ['ocsp', '-index', options.indexFile, '-port', String(options.port), '-CA', options.caFile, '-rsigner', options.signerCertFile, '-rkey', options.signerKeyFile, '-ignore_err'];
  if (options.nextUpdateMinutes) args.push('-nmin', String(options.nextUpdateMinutes));
  const child = spawn('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      // openssl prints "ACCEPT <address>:<port> PID=…" once it listens.
      if (/ACCEPT /.test(output)) resolve();
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code) => reject(new Error(`openssl ocsp đã dừng (mã ${code}): ${output}`)));
    child.once('error', reject);
  });
  return { stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface CrlServer extends Running {
  port: number;
  /** Path → file served; anything else is 404. */
  files: Map<string, Buffer>;
  requests: string[];
}

export async function startCrlServer(): Promise<CrlServer> {
  const files = new Map<string, Buffer>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = files.get(req.url ?? '');
    res.writeHead(file ? 200 : 404, { 'Content-Type': 'application/pkix-crl' }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, files, requests, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
