/**
 * A remote signing provider for tests, the bench and the demo, speaking the protocol of
 * remote/http-signer.ts over real HTTP (node:http on 127.0.0.1). It holds test keys per account,
 * "the person confirms on the phone" after a number of status polls, and can be told to have the
 * person refuse, to let the request expire, to wait forever, or to sign with the wrong key.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signHash } from './prehash-sign.js';

export type MockOutcome = 'confirm' | 'reject' | 'expire' | 'hold' | 'wrong-key';

export interface MockAccount {
  keyPem: string;
  /** Signer first. */
  chain: Buffer[];
}

export interface MockProviderOptions {
  accounts: Record<string, MockAccount>;
  /** Status answers "pending" this many times before the outcome; 0 answers at once (bench). */
  confirmAfterPolls?: number;
  ttlSeconds?: number;
  /** A fixed port and secret for the demo; tests take a free port and a random secret. */
  port?: number;
  clientSecret?: string;
}

export interface MockProvider {
  url: string;
  clientId: string;
  clientSecret: string;
  /** What the next requests for this account end in (default: confirm). */
  setOutcome(account: string, outcome: MockOutcome): void;
  /** Every accepted request, as received. */
  received: Array<{ account: string; description: string; hashes: string[] }>;
  close(): Promise<void>;
}

interface Transaction {
  account: MockAccount;
  hashes: Buffer[];
  outcome: MockOutcome;
  polls: number;
  expiresAt: Date;
}

export async function startMockProvider(options: MockProviderOptions): Promise<MockProvider> {
  const clientId = 'vanthu-test';
  const clientSecret = options.clientSecret ?? randomBytes(12).toString('hex');
  const tokens = new Set<string>();
  const outcomes = new Map<string, MockOutcome>();
  const transactions = new Map<string, Transaction>();
  const received: MockProvider['received'] = [];
  const otherKeys = new Map<string, string>();
  // Another key of the same type as the account's, for the 'wrong-key' outcome.
  const otherKey = (pem: string) => {
    const type = createPrivateKey(pem).asymmetricKeyType === 'rsa' ? 'rsa' : 'ec';
    if (!otherKeys.has(type)) {
      const { privateKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
      otherKeys.set(type, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
    }
    return otherKeys.get(type)!;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const body = await readBody(req);
    if (req.method === 'POST' && req.url === '/token') {
      const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected || body !== 'grant_type=client_credentials') return send(401, { error: 'invalid_client' });
      const token = randomBytes(16).toString('hex');
      tokens.add(token);
      return send(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
    }
    if (!tokens.has(req.headers.authorization?.replace(/^Bearer /, '') ?? '')) return send(401, { error: 'invalid_token', message: 'Token không hợp lệ' });
    if (req.method === 'POST' && req.url === '/sign') {
      const json = JSON.parse(body) as { account: string; certificate: string; description: string; items: Array<{ hash: string }> };
      const account = options.accounts[json.account];
      if (!account) return send(404, { error: 'ACCOUNT_NOT_FOUND', message: 'Không tìm thấy tài khoản' });
      if (json.certificate !== account.chain[0].toString('base64')) return send(400, { error: 'CERTIFICATE_MISMATCH', message: 'Chứng thư số không thuộc tài khoản' });
      const hashes = json.items.map((i) => Buffer.from(i.hash, 'base64'));
      if (!hashes.length || hashes.some((h) => h.length !== 32)) return send(400, { error: 'BAD_HASH', message: 'Giá trị băm không hợp lệ' });
      const id = randomUUID();
      const expiresAt = new Date(Date.now() + (options.ttlSeconds ?? 300) * 1000);
      transactions.set(id, { account, hashes, outcome: outcomes.get(json.account) ?? 'confirm', polls: 0, expiresAt });
      received.push({ account: json.account, description: json.description, hashes: json.items.map((i) => i.hash) });
      return send(201, { transactionId: id, expiresAt: expiresAt.toISOString() });
    }
    const match = req.method === 'GET' && /^\/transactions\/([^/]+)$/.exec(req.url ?? '');
    const tx = match ? transactions.get(decodeURIComponent(match[1])) : undefined;
    if (!tx) return send(404, { error: 'NOT_FOUND', message: 'Không tìm thấy giao dịch' });
    tx.polls++;
    if (tx.outcome === 'hold' || tx.polls <= (options.confirmAfterPolls ?? 2)) return send(200, { state: 'pending' });
    if (tx.outcome === 'reject') return send(200, { state: 'rejected', message: 'Người dùng từ chối ký' });
    if (tx.outcome === 'expire') return send(200, { state: 'expired' });
    const key = tx.outcome === 'wrong-key' ? otherKey(tx.account.keyPem) : tx.account.keyPem;
    return send(200, { state: 'signed', signatures: tx.hashes.map((h) => signHash(key, h).toString('base64')), certificateChain: tx.account.chain.map((c) => c.toString('base64')) });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(400).end('{"error":"BAD_REQUEST"}'));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clientId,
    clientSecret,
    setOutcome: (account, outcome) => void outcomes.set(account, outcome),
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // fetch keeps connections alive; close would wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
