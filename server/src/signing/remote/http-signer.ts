/**
 * One RemoteSigner adapter: a JSON protocol over HTTPS, defined here (no provider publishes
 * exactly this; an adapter for SmartCA, MySign… maps their API onto RemoteSigner the same way).
 *
 *   POST {url}/token              OAuth 2.0 client credentials (RFC 6749 §4.4)
 *        Authorization: Basic base64(clientId:clientSecret), body grant_type=client_credentials
 *        200 { access_token, token_type: "Bearer", expires_in }
 *   POST {url}/sign               Authorization: Bearer …
 *        { account, certificate: base64 DER, description,
 *          items: [ { hash: base64 SHA-256, hashAlgorithm: "SHA-256", keyAlgorithm: "RSA" | "ECDSA" } ] }
 *        201 { transactionId, expiresAt: ISO 8601 }      4xx { error, message }
 *   GET  {url}/transactions/{id}  Authorization: Bearer …
 *        200 { state: "pending" } | { state: "rejected", message? } | { state: "expired" }
 *          | { state: "signed", signatures: [base64, … per item], certificateChain: [base64 DER, …] }
 *
 * Only the hash leaves VănThư. RSA values are PKCS#1 v1.5 over DigestInfo(SHA-256, hash); ECDSA
 * values are over the hash, DER or r‖s.
 */
import { RemoteSigningError, remoteMessages } from './errors.js';
import type { RemoteSigner, RemoteStatus, RemoteSubmission, RemoteTransaction } from './remote-signer.js';

export interface HttpSignerOptions {
  url: string;
  clientId: string;
  clientSecret: string;
  /** Per HTTP request. */
  requestTimeoutMs?: number;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class HttpRemoteSigner implements RemoteSigner {
  private token?: { value: string; until: number };

  constructor(private readonly options: HttpSignerOptions) {}

  async submit(s: RemoteSubmission): Promise<RemoteTransaction> {
    const items = s.items.map((i) => ({ hash: i.digest.toString('base64'), hashAlgorithm: 'SHA-256', keyAlgorithm: i.algorithm }));
    const body = await this.call('POST', '/sign', { account: s.account, certificate: s.certificate.toString('base64'), description: s.description, items });
    const expiresAt = new Date(String(body.expiresAt));
    if (typeof body.transactionId !== 'string' || !body.transactionId || Number.isNaN(expiresAt.getTime())) throw protocolError();
    return { transactionId: body.transactionId, expiresAt };
  }

  async status(transactionId: string): Promise<RemoteStatus> {
    const body = await this.call('GET', `/transactions/${encodeURIComponent(transactionId)}`);
    switch (body.state) {
      case 'pending':
      case 'expired':
        return { state: body.state };
      case 'rejected':
        return { state: 'rejected', message: typeof body.message === 'string' ? body.message.slice(0, 500) : undefined };
      case 'signed':
        return { state: 'signed', signatures: base64List(body.signatures), certificateChain: base64List(body.certificateChain) };
      default:
        throw protocolError();
    }
  }

  /** A Bearer call; a 401 fetches a new token once, since the provider may end tokens early. */
  private async call(method: 'GET' | 'POST', path: string, json?: unknown, retried = false): Promise<Record<string, unknown>> {
    const token = await this.accessToken();
    const res = await this.send(path, { method, headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) }, body: json ? JSON.stringify(json) : undefined });
    if (res.status === 401 && !retried) {
      this.token = undefined;
      return this.call(method, path, json, true);
    }
    return answer(res);
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const basic = Buffer.from(`${encodeURIComponent(this.options.clientId)}:${encodeURIComponent(this.options.clientSecret)}`).toString('base64');
    const res = await this.send('/token', { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
    if (res.status === 400 || res.status === 401) throw new RemoteSigningError('REMOTE_CREDENTIALS', remoteMessages.credentials);
    const body = await answer(res);
    if (typeof body.access_token !== 'string') throw protocolError();
    // Renewed a little early so a token never expires between being read and being used.
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 300;
    this.token = { value: body.access_token, until: Date.now() + Math.max(0, seconds - 30) * 1000 };
    return this.token.value;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.options.url}${path}`, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000) });
    } catch (err) {
      throw new RemoteSigningError('REMOTE_UNREACHABLE', remoteMessages.unreachable, { cause: err instanceof Error ? err.message : String(err) });
    }
  }
}

async function answer(res: Response): Promise<Record<string, unknown>> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    if (res.ok) throw protocolError();
  }
  if (res.status >= 500) throw new RemoteSigningError('REMOTE_UNREACHABLE', remoteMessages.unreachable, { status: res.status });
  if (res.status === 401 || res.status === 403) throw new RemoteSigningError('REMOTE_CREDENTIALS', remoteMessages.credentials, { status: res.status });
  if (!res.ok) {
    // The provider's own words (unknown account, certificate not of this account…) are kept for the person.
    const said = typeof body.message === 'string' ? body.message.slice(0, 300) : `HTTP ${res.status}`;
    throw new RemoteSigningError('REMOTE_REFUSED', `Dịch vụ ký số từ xa từ chối yêu cầu: ${said}`, { providerError: typeof body.error === 'string' ? body.error : undefined });
  }
  if (!body || typeof body !== 'object') throw protocolError();
  return body;
}

function base64List(value: unknown): Buffer[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && B64.test(v))) throw protocolError();
  return value.map((v: string) => Buffer.from(v, 'base64'));
}

const protocolError = () => new RemoteSigningError('REMOTE_PROTOCOL', remoteMessages.protocol);
